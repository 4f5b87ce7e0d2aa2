"""Standards of the manual that need their own record (issue 17, items 10–12).

- **The technician's self-check** (自检, before QC): each technician who finished work on
  an RO signs a checklist of ``SelfCheckItem`` (vehicle protection fitted and removed,
  door hinges lubricated, old parts packed and labelled, nothing left in the car…), each
  item done or — where that makes sense — not applicable. QC refuses to start until every
  technician whose work is finished signed after their last job (``workflow.check_can_qc``);
  rework needs a new signature. A technician with a login signs their own; the foreman
  records the paper signature of a technician without one.
- **The lounge** (客户在休息室等候时通报维修进度): a customer waiting at the shop hears how
  the work goes at least every ``lounge_update_minutes`` (setting, default 30). The wait
  runs from check-in (or the "Staying here" toggle) until the car is ready (QC passed
  and washed, or no wash), handed over, or the customer leaves; the rule is
  ``workflow.lounge_updates``. ``lounge_record`` per RO, ``lounge_records`` for many.
- **Appointment preparation** (预约准备): each appointment due is prepared before the
  customer comes — parts reserved, technician and bay planned, amount and time told,
  booklet reminded — each tick audited; items not ticked when the RO is opened from the
  appointment count as misses (``prep_misses``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from advisor import validation, workflow
from advisor.codes import (
    SELF_CHECK_MAY_SKIP,
    EventAction,
    JobStatus,
    LineKind,
    LineStatus,
    Role,
    ROStatus,
    SelfCheckItem,
)
from advisor.errors import GateError, ValidationError
from advisor.models import Assignment, EstimateLine, RepairOrder, SelfCheck, StepEvent, Technician, User, now
from advisor.services._base import Actor, event, get, get_ro, log, ro_state, service
from advisor.services.opchanges import Kind

# -- the technician's self-check ------------------------------------------------------------


@dataclass(frozen=True)
class SelfCheckView:
    id: int
    technician_id: int
    technician: str
    signed_by: str
    signed_at: dt.datetime
    marks: dict[str, str]  # item -> "done" | "na"
    note: str


@dataclass(frozen=True)
class SelfCheckStatus:
    """An RO's self-checks: those signed (newest first) and who still has to sign."""

    signed: tuple[SelfCheckView, ...]
    unsigned: tuple[str, ...]  # technicians' names

    @property
    def complete(self) -> bool:
        return not self.unsigned


def self_check_items() -> list[tuple[str, bool]]:
    """The checklist in order: (item, may be marked not applicable)."""
    return [(item.value, item in SELF_CHECK_MAY_SKIP) for item in SelfCheckItem]


def _technician_of(actor: Actor, technician_id: int | None) -> Technician:
    if actor.role == Role.TECHNICIAN:
        tech = Technician.get_or_none(Technician.user == actor.user_id)
        if tech is None or (technician_id is not None and technician_id != tech.id):
            raise GateError(
                "You can sign only your own self-check.",
                "只能签署自己的自检。",
            )
        return tech
    if technician_id is None:
        raise ValidationError("Choose the technician.", "请选择技师。", field="technician_id")
    tech = get(Technician, technician_id, ("Technician", "技师"))
    if tech.user_id is not None and tech.user_id != actor.user_id:
        raise GateError(
            f"{tech.name} has a login: the technician signs the self-check in person.",
            f"{tech.name}有登录账号：自检须由技师本人签署。",
        )
    return tech


def _jobs_of(ro_id: int, tech_id: int) -> list[Assignment]:
    """The technician's latest job on each approved labour line of the RO."""
    latest: dict[int, Assignment] = {}
    q = (
        Assignment.select(Assignment)
        .join(EstimateLine, on=(Assignment.line == EstimateLine.id))
        .where(
            (Assignment.ro == ro_id)
            & (EstimateLine.status == LineStatus.APPROVED)
            & (EstimateLine.kind == LineKind.LABOUR)
        )
        .order_by(Assignment.id)
    )
    for a in q:
        latest[a.line_id] = a
    return [a for a in latest.values() if a.technician_id == tech_id]


@service("work.clock", changes=Kind.RO | Kind.BOARD)
def sign_self_check(
    *,
    actor: Actor,
    ro_id: int,
    marks: dict[str, str],
    technician_id: int | None = None,
    note: str = "",
) -> SelfCheckView:
    """The technician signs the self-check of their finished work on the RO (自检).

    Every item ticked (``workflow.check_self_check_marks``); refused before all of the
    technician's jobs on the RO are finished, after QC passed, or for another technician
    (a foreman records it only for a technician without a login)."""
    ro = get_ro(ro_id)
    if ro.status != ROStatus.OPEN:
        raise GateError("This repair order is closed.", "此工单已结案。")
    if ro.qc_passed_at is not None:
        raise GateError("Final QC has already passed.", "完工检查已通过。")
    tech = _technician_of(actor, technician_id)
    jobs = _jobs_of(ro.id, tech.id)
    if not jobs:
        raise GateError(
            f"{tech.name} has no job on this repair order.",
            f"{tech.name}在此工单上没有作业。",
        )
    if any(a.status != JobStatus.DONE for a in jobs):
        raise GateError(
            "Finish every job on this repair order before the self-check.",
            "请先完成此工单上的全部作业，再做自检。",
        )
    clean = {str(k): str(v) for k, v in dict(marks).items()}
    workflow.check_self_check_marks(clean)
    text = validation.clean_text(note, limit=500).strip()
    row = SelfCheck.create(
        ro=ro.id,
        technician=tech.id,
        signed_by=actor.user_id,
        signed_at=now(),
        items_json=json.dumps(clean, ensure_ascii=False, sort_keys=True),
        note=text,
        last_job=max(a.id for a in jobs),
    )
    log(
        actor,
        "self_check",
        row.id,
        "sign_self_check",
        new={"technician": tech.name, "items": clean, "note": text},
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.SELF_CHECK_SIGNED, tech.name)
    return _view(row, tech.name, actor.display_name)


def _view(row: SelfCheck, technician: str, signer: str) -> SelfCheckView:
    return SelfCheckView(
        row.id,
        row.technician_id,
        technician,
        signer,
        row.signed_at,
        json.loads(row.items_json or "{}"),
        row.note,
    )


def self_check_status(ro_id: int) -> SelfCheckStatus:
    rows = (
        SelfCheck.select(SelfCheck, Technician.name, User.display_name)
        .join(Technician, on=(SelfCheck.technician == Technician.id))
        .switch(SelfCheck)
        .join(User, on=(SelfCheck.signed_by == User.id))
        .where(SelfCheck.ro == ro_id)
        .order_by(SelfCheck.signed_at.desc(), SelfCheck.id.desc())
    )
    signed = tuple(_view(r, r.technician.name, r.signed_by.display_name) for r in rows)
    return SelfCheckStatus(signed, ro_state(get_ro(ro_id)).self_checks_unsigned)


@service("ro.view", read=True)
def read_self_checks(*, actor: Actor, ro_id: int) -> SelfCheckStatus:
    """The RO's signed self-checks and the technicians who still have to sign."""
    return self_check_status(ro_id)


# -- the lounge: a progress update every ``lounge_update_minutes`` while the customer waits --


@dataclass(frozen=True)
class LoungeRecord:
    """How the progress updates to a customer waiting at the shop kept to the standard.

    ``waits``: the periods waited (start, end; the end is "now" while still waiting);
    ``misses``: the moments an update was due and none came; ``next_due``: when the next
    update is due, while the customer still waits (else None)."""

    ro_id: int
    every: dt.timedelta
    waits: tuple[tuple[dt.datetime, dt.datetime], ...]
    updates_on_time: int
    misses: tuple[dt.datetime, ...]
    waiting_now: bool
    next_due: dt.datetime | None

    @property
    def missed(self) -> int:
        return len(self.misses)

    @property
    def waited(self) -> bool:
        return bool(self.waits)


def lounge_every() -> dt.timedelta:
    """The lounge standard's interval (setting ``lounge_update_minutes``, default 30)."""
    from advisor.services.settings import get_setting

    return dt.timedelta(minutes=int(get_setting("lounge_update_minutes")))


def lounge_from(
    *,
    ro_id: int,
    start: dt.datetime,
    waits_now: bool,
    toggles: Iterable[tuple[dt.datetime, bool]],
    updates: Iterable[dt.datetime],
    ready_at: dt.datetime | None,
    handed_over_at: dt.datetime | None,
    at: dt.datetime,
    every: dt.timedelta,
) -> LoungeRecord:
    """The lounge record of one RO from its plain facts (``workflow.lounge_waits`` and
    ``workflow.lounge_updates`` over each period)."""
    ends = [t for t in (ready_at, handed_over_at) if t is not None]
    until = min([*ends, at])
    waits = workflow.lounge_waits(start, waits_now, toggles, until)
    times = list(updates)
    on_time = 0
    misses: list[dt.datetime] = []
    next_due = None
    for a, b in waits:
        got = workflow.lounge_updates(a, b, times, every)
        on_time += got.on_time
        misses.extend(got.misses)
        next_due = got.next_due
    waiting_now = not ends and waits_now and bool(waits) and waits[-1][1] == until
    return LoungeRecord(
        ro_id,
        every,
        tuple(waits),
        on_time,
        tuple(misses),
        waiting_now,
        next_due if waiting_now else None,
    )


def lounge_records(ro_ids: Iterable[int], *, at: dt.datetime | None = None) -> dict[int, LoungeRecord]:
    """The lounge record of each RO of ``ro_ids`` (two statements, whatever their number):
    for the scorecard and the KPIs. ROs never checked in have none."""
    ids = sorted(set(ro_ids))
    if not ids:
        return {}
    at = at or now()
    every = lounge_every()
    rows = list(
        RepairOrder.select(
            RepairOrder.id,
            RepairOrder.arrived_at,
            RepairOrder.checked_in_at,
            RepairOrder.customer_waits,
            RepairOrder.qc_passed_at,
            RepairOrder.wash_requested,
            RepairOrder.wash_done_at,
            RepairOrder.handed_over_at,
        )
        .where(RepairOrder.id.in_(ids))
        .tuples()
    )
    toggles: dict[int, list[tuple[dt.datetime, bool]]] = {}
    updates: dict[int, list[dt.datetime]] = {}
    actions = [EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT, EventAction.CUSTOMER_INFORMED]
    for ro_id, action, when in (
        StepEvent.select(StepEvent.ro, StepEvent.action, StepEvent.at)
        .where(StepEvent.ro.in_(ids) & StepEvent.action.in_(actions))
        .order_by(StepEvent.id)
        .tuples()
    ):
        if action == EventAction.CUSTOMER_INFORMED:
            updates.setdefault(ro_id, []).append(when)
        else:
            toggles.setdefault(ro_id, []).append((when, action == EventAction.CUSTOMER_WAITING))
    out: dict[int, LoungeRecord] = {}
    for ro_id, arrived, checked_in, waits, qc_at, wash, washed_at, handed in rows:
        out[ro_id] = lounge_from(
            ro_id=ro_id,
            start=checked_in or arrived,
            waits_now=bool(waits),
            toggles=toggles.get(ro_id, ()),
            updates=updates.get(ro_id, ()),
            ready_at=workflow.lounge_ready_at(qc_at, wash, washed_at),
            handed_over_at=handed,
            at=at,
            every=every,
        )
    return out


@service("ro.view", read=True)
def read_lounge(*, actor: Actor, ro_id: int, at: dt.datetime | None = None) -> LoungeRecord:
    """The RO's lounge record: the waits, the updates on time, the misses (timed) and when
    the next update is due while the customer waits."""
    get_ro(ro_id)
    return lounge_records([ro_id], at=at)[ro_id]
