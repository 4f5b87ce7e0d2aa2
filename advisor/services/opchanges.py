"""What a service changed (as Anki's ``OpChanges``): which kinds of record, which RO.

Each write service declares the kinds it changes on its decorator
(``@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO)``); the RO is taken from
its ``ro_id`` argument or from the ROs it wrote to the audit trail. The caller that wants
to know (``ui.operations``) runs the service through ``collect`` and gets the result and
the ``OpChanges`` of everything that ran inside, nested services included. Screens then
refresh only when ``changes.touches(...)`` what they show.

Not to be confused with ``advisor.services.changes``: the customer's change requests.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

R = TypeVar("R")


class Kind(enum.Flag):
    """A kind of record a service can change (combine with ``|``)."""

    RO = enum.auto()  # the repair order itself: step, check-in, concerns, QC, wash, handover, tasks
    ESTIMATE = enum.auto()  # estimate lines and terms, authorisations, change requests
    PARTS = enum.auto()  # the parts catalogue, stock, part orders
    BOARD = enum.auto()  # technicians, job assignments, clocked time
    PAYMENTS = enum.auto()  # settlements, payments, refunds
    CUSTOMERS = enum.auto()  # customers and their vehicles
    APPOINTMENTS = enum.auto()
    FOLLOWUP = enum.auto()  # follow-up calls after handover
    SOLICITATION = enum.auto()  # contacts and campaigns
    SETTINGS = enum.auto()
    USERS = enum.auto()
    AUDIT = enum.auto()  # only the audit trail (every write also adds to it)
    COMPLAINTS = enum.auto()  # complaints and improvement actions (issue 17)
    EVIDENCE = enum.auto()  # photos, inspections and signatures (issue 18)
    NONE = 0
    ALL = (
        RO
        | ESTIMATE
        | PARTS
        | BOARD
        | PAYMENTS
        | CUSTOMERS
        | APPOINTMENTS
        | FOLLOWUP
        | SOLICITATION
        | SETTINGS
        | USERS
        | AUDIT
        | COMPLAINTS
        | EVIDENCE
    )


@dataclass(frozen=True)
class OpChanges:
    """The kinds of record an operation changed and, when it concerned one repair order
    only, that RO's id (``ro_id=None``: no particular RO, several, or not known)."""

    kinds: Kind = Kind.NONE
    ro_id: int | None = None

    def touches(self, kinds: Kind, *, ro_id: int | None = None) -> bool:
        """True when a screen showing ``kinds`` (of the RO ``ro_id``, if given) must reload."""
        if not self.kinds & kinds:
            return False
        return ro_id is None or self.ro_id is None or self.ro_id == ro_id

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: OpChanges) -> OpChanges:
        """Both changes: the RO stays named only when both named the same one (or one is empty)."""
        if not other:
            return self
        if not self:
            return other
        ro_id = self.ro_id if self.ro_id == other.ro_id else None
        return OpChanges(self.kinds | other.kinds, ro_id)


NOTHING = OpChanges()
EVERYTHING = OpChanges(Kind.ALL)  # e.g. a backup restored, or another desk's unknown change

# The tables the live triggers report (another desk's commit), by the kinds of record the
# services declare for them.
TABLE_KINDS = {
    "repair_order": Kind.RO,
    "concern": Kind.RO,
    "qc_check": Kind.RO,
    "task": Kind.RO | Kind.PARTS,
    "estimate_line": Kind.ESTIMATE | Kind.PARTS,
    "change_request": Kind.ESTIMATE,
    "settlement": Kind.PAYMENTS,
    "payment": Kind.PAYMENTS,
    "assignment": Kind.BOARD,
    "clock_event": Kind.BOARD,
    "appointment": Kind.APPOINTMENTS,
    "part_order": Kind.PARTS,
    "part": Kind.PARTS,
    "customer": Kind.CUSTOMERS,
    "vehicle": Kind.CUSTOMERS,
    "follow_up": Kind.FOLLOWUP,
    "user": Kind.USERS,
    "setting": Kind.SETTINGS,
    "step_event": Kind.RO,
    "complaint": Kind.COMPLAINTS,
    "improvement_action": Kind.COMPLAINTS,
    "holiday": Kind.SOLICITATION,
    "self_check": Kind.RO | Kind.BOARD,
    "appointment_prep": Kind.APPOINTMENTS,
    "certification": Kind.BOARD,
    "photo": Kind.EVIDENCE,
    "inspection": Kind.EVIDENCE | Kind.RO,
    "inspection_result": Kind.EVIDENCE,
    "inspection_item": Kind.SETTINGS,
    "signature": Kind.EVIDENCE,
}


def of_table(table: str) -> OpChanges:
    """What a commit to ``table`` at another desk changed (everything, for a reload or a
    table of unknown kind)."""
    kinds = TABLE_KINDS.get(table)
    return EVERYTHING if kinds is None else OpChanges(kinds)


class _Record:
    def __init__(self) -> None:
        self.changes = NOTHING


_collected: ContextVar[_Record | None] = ContextVar("advisor_opchanges", default=None)
_ros_logged: ContextVar[set[int] | None] = ContextVar("advisor_ros_logged", default=None)


def collect(fn: Callable[..., R], /, **kwargs: Any) -> tuple[R, OpChanges]:
    """Call ``fn(**kwargs)``; return its result and what the services it ran changed."""
    record = _Record()
    token = _collected.set(record)
    try:
        result = fn(**kwargs)
    finally:
        _collected.reset(token)
    return result, record.changes


def report(changes: OpChanges) -> None:
    """Add ``changes`` to the caller's ``collect`` (no-op when nobody collects)."""
    record = _collected.get()
    if record is not None:
        record.changes = record.changes | changes


def noting_ros(fn: Callable[[], R]) -> tuple[R, set[int]]:
    """Call ``fn()``; return its result and the ROs it wrote to the audit trail."""
    ros: set[int] = set()
    token = _ros_logged.set(ros)
    try:
        return fn(), ros
    finally:
        _ros_logged.reset(token)


def note_ro(ro_id: int | None) -> None:
    """The audit trail recorded a write to ``ro_id`` (see ``_base.log``)."""
    ros = _ros_logged.get()
    if ros is not None and ro_id is not None:
        ros.add(ro_id)


def of(kinds: Kind, ro_ids: Iterable[int | None]) -> OpChanges:
    """``OpChanges`` of ``kinds`` naming the RO when exactly one was concerned."""
    named = {r for r in ro_ids if r is not None}
    return OpChanges(kinds, next(iter(named)) if len(named) == 1 else None)
