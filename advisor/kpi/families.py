"""Sets of records counted by the KPIs, grouped by the date that puts them in a period.

A *family* is one table (repair orders, settlements, appointments) read through one
anchor date — arrival, handover, QC pass, settlement, appointment time. Each *member*
of a family is a rate: a base condition (the denominator) and a hit condition (the
numerator). One GROUP BY query per family computes every member at once, for the
whole department, per advisor, per day or per technician; the drill-down reads the
same conditions, so the ROs it lists are exactly those behind the figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import peewee
from peewee import JOIN, SQL, fn

from advisor import workflow
from advisor.codes import RECONFIRM_ANSWERED, AppointmentStatus, FollowUpStatus, LineKind, LineStatus
from advisor.kpi._sql import (
    DAY_ADVISOR,
    Period,
    Scope,
    by_person,
    centi,
    count_if,
    day_of,
    exists,
    i,
    only_if,
    ro_scope,
    seconds_between,
    split_key,
    sum_if,
    tech_pairs,
    unindexed,
    where_all,
    within,
)
from advisor.kpi.types import DIMENSIONS
from advisor.models import Appointment, EstimateLine, FollowUp, Payment, QCCheck, RepairOrder, Settlement

RO = RepairOrder
_Comeback = RepairOrder.alias("comeback")


@dataclass
class Ctx:
    """What a condition may refer to: the technician column when grouping per
    technician, the filters, and "now" (for calls that are overdue)."""

    scope: Scope
    now: dt.datetime
    tech: Any = None


Cond = Callable[[Ctx], Any]


@dataclass(frozen=True)
class Member:
    key: str
    base: Cond | None = None  # None: every record of the family
    hit: Cond | None = None  # None: the member is a plain count of the base


@dataclass(frozen=True)
class Family:
    name: str
    source: str  # ro | settlement | appointment
    anchor: Callable[[], Any]
    members: tuple[Member, ...]
    extras: Callable[[Ctx], dict[str, Any]] = field(default=lambda ctx: {})
    follow_up: bool = False  # LEFT JOIN the RO's follow-up call (one per RO)


# --- conditions -------------------------------------------------------------------


def _failed_qc() -> Any:
    return exists(QCCheck.select(SQL("1")).where((QCCheck.ro == RO.id) & (QCCheck.passed == False)))  # noqa: E712


def _came_back(ctx: Ctx) -> Any:
    cond = _Comeback.comeback_of == RO.id
    tech = ctx.tech if ctx.tech is not None else ctx.scope.technician_id
    if tech is not None:
        # Per technician: comebacks attributed to that technician (the first
        # technician on the original RO, recorded when the comeback was linked).
        cond = cond & (_Comeback.comeback_technician == tech)
    return exists(_Comeback.select(SQL("1")).where(cond))


def _need_missed() -> Any:
    """Need confirmed outside 5–10 minutes after arrival: rushed or slow (``workflow.need_confirmation_timing``)."""
    secs = seconds_between(RO.arrived_at, RO.need_confirmed_at)
    return (secs > workflow.NEED_CONFIRMED_S) | (secs < workflow.NEED_CONFIRMED_MIN_S)


def _fu_done() -> Any:
    return FollowUp.status == FollowUpStatus.DONE


def _fu_in_window() -> Any:
    return _fu_done() & (FollowUp.at >= FollowUp.due_from) & (FollowUp.at <= FollowUp.due_to)


def _fu_missed(ctx: Ctx) -> Any:
    """Late (done after 48 h), still not done after 48 h, or done early by the dealership
    (refused since issue 17; older rows). A call the customer started early is no miss
    (``workflow.follow_up_timing``: early_customer)."""
    early = (FollowUp.at < FollowUp.due_from) & (FollowUp.customer_initiated == False)  # noqa: E712
    done_outside = _fu_done() & (early | (FollowUp.at > FollowUp.due_to))
    overdue = (FollowUp.status == FollowUpStatus.DUE) & (FollowUp.due_to < ctx.now)
    return done_outside | overdue


def _answered_late() -> Any:
    secs = seconds_between(Appointment.requested_at, Appointment.created_at)
    return ((Appointment.urgent == True) & (secs > workflow.URGENT_ANSWER_S)) | (  # noqa: E712
        (Appointment.urgent == False) & (secs > workflow.REQUEST_ANSWER_S)  # noqa: E712
    )


def _scored() -> Any:
    return _fu_done() & FollowUp.tangibles.is_null(False)


def _satisfaction(ctx: Ctx) -> dict[str, Any]:
    out: dict[str, Any] = {"responses": count_if(_scored())}
    for d in DIMENSIONS:
        out[d] = sum_if(_scored(), getattr(FollowUp, d))
    return out


def _revenue(ctx: Ctx) -> dict[str, Any]:
    out: dict[str, Any] = {
        name: fn.SUM(getattr(Settlement, name))
        for name in (
            "labour_cents",
            "parts_cents",
            "other_cents",
            "discount_cents",
            "tax_cents",
            "total_cents",
        )
    }
    # What was paid on each settlement (refunds negative) and the approved labour hours
    # (any pay type) of its RO: a probe per settlement of the period, by
    # ``payment_settlement_id`` and ``estimate_line_ro_id``, in the same pass.
    paid = Payment.select(fn.SUM(Payment.amount_cents)).where(Payment.settlement == Settlement.id)
    sold = EstimateLine.select(fn.SUM(centi(EstimateLine.quantity))).where(
        (EstimateLine.ro == Settlement.ro)
        & (unindexed(EstimateLine.kind) == LineKind.LABOUR)
        & (unindexed(EstimateLine.status) == LineStatus.APPROVED)
    )
    out["paid_cents"] = fn.SUM(paid)
    out["hours_centi"] = fn.SUM(sold)
    return out


ARRIVED = Family("arrived", "ro", lambda: RO.arrived_at, (
    Member("opened"),
    Member("from_appointment", hit=lambda c: RO.appointment.is_null(False)),
    Member("greeting", base=lambda c: RO.greeted_at.is_null(False),
           hit=lambda c: seconds_between(RO.arrived_at, RO.greeted_at) > workflow.GREETING_S),
    Member("need", base=lambda c: RO.need_confirmed_at.is_null(False),
           hit=lambda c: _need_missed()),
))  # fmt: skip

HANDOVER = Family("handover", "ro", lambda: RO.handed_over_at, (
    Member("handed_over"),
    Member("on_time", base=lambda c: RO.promised_at.is_null(False),
           hit=lambda c: RO.handed_over_at <= RO.promised_at),
    Member("promised", base=lambda c: RO.promised_at.is_null(False),
           hit=lambda c: RO.handed_over_at > RO.promised_at),
    Member("comeback", hit=_came_back),
    Member("follow_up_48h", base=lambda c: FollowUp.id.is_null(False),
           hit=lambda c: _fu_done() & (FollowUp.at <= FollowUp.due_to)),
    Member("follow_up_window", base=lambda c: FollowUp.id.is_null(False),
           hit=lambda c: _fu_in_window()),
    Member("follow_up", base=lambda c: FollowUp.id.is_null(False), hit=_fu_missed),
), extras=_satisfaction, follow_up=True)  # fmt: skip

QC = Family(
    "qc",
    "ro",
    lambda: RO.qc_passed_at,
    (
        Member("qc_first_pass", hit=lambda c: ~_failed_qc()),
        Member("internal_rework", hit=lambda c: _failed_qc()),
    ),
)

SETTLED = Family("settled", "settlement", lambda: Settlement.at, (Member("settled"),), extras=_revenue)

APPOINTMENTS = Family(
    "appointments",
    "appointment",
    lambda: Appointment.starts_at,
    (
        Member(
            "no_show",
            base=lambda c: Appointment.status.in_((AppointmentStatus.ARRIVED, AppointmentStatus.NO_SHOW)),
            hit=lambda c: Appointment.status == AppointmentStatus.NO_SHOW,
        ),
        # A reconfirmation is due for every appointment except one cancelled before any
        # call was made; it is done when the call got an answer.
        Member(
            "reconfirmed",
            base=lambda c: (
                ~((Appointment.status == AppointmentStatus.CANCELLED) & Appointment.reconfirmed_at.is_null())
            ),
            hit=lambda c: Appointment.reconfirm_outcome.in_(RECONFIRM_ANSWERED),
        ),
    ),
)

REQUESTS = Family(
    "requests",
    "appointment",
    lambda: Appointment.created_at,
    (Member("request", hit=lambda c: _answered_late()),),
)

FAMILIES = (ARRIVED, HANDOVER, QC, SETTLED, APPOINTMENTS, REQUESTS)

# The one figure per technician of the handover family (``per_technician``): the same
# member, without the follow-up join and the scores nobody reads per technician.
COMEBACKS = Family(
    "handover", "ro", lambda: RO.handed_over_at, tuple(m for m in HANDOVER.members if m.key == "comeback")
)


# --- queries ----------------------------------------------------------------------


def _source(family: Family, scope: Scope) -> tuple[Any, Any, list[Any]]:
    """(query, advisor column, filter conditions) of a family."""
    if family.source == "appointment":
        conds: list[Any] = []
        if scope.advisor_id is not None:
            conds.append(by_person(Appointment.advisor) == scope.advisor_id)
        if scope.technician_id is not None:
            conds.append(SQL("1 = 0"))  # no technician owns an appointment
        return Appointment.select(), Appointment.advisor, conds
    q: Any
    if family.source == "settlement":
        q = Settlement.select().join(RO, on=(Settlement.ro == RO.id))
        return q, RO.advisor, [Settlement.superseded_by.is_null(), *ro_scope(scope)]
    q = RO.select()
    if family.follow_up:
        q = q.join(FollowUp, JOIN.LEFT_OUTER, on=(FollowUp.ro == RO.id)).switch(RO)
    return q, RO.advisor, ro_scope(scope)


def _period_ros(family: Family, period: Period) -> Any:
    """SELECT of the ids of the ROs the family holds in the period (by its anchor)."""
    if family.source == "settlement":
        return Settlement.select(Settlement.ro).where(
            Settlement.superseded_by.is_null() & within(Settlement.at, period)
        )
    return RO.select(RO.id).where(within(family.anchor(), period))


def _grouped(family: Family, period: Period, ctx: Ctx, by: str | None) -> tuple[Any, Any]:
    """The family's base query restricted to the period and filters, and its group key.
    Group keys are ``unindexed``: the period's date index drives every query."""
    q, advisor_col, conds = _source(family, ctx.scope)
    keys: list[Any] = []
    if by == "advisor":
        keys = [unindexed(advisor_col)]
    elif by == "day":
        keys = [day_of(family.anchor())]
    elif by == DAY_ADVISOR:
        keys = [day_of(family.anchor()), unindexed(advisor_col)]
    elif by == "technician":
        pairs = tech_pairs(_period_ros(family, period))
        q = q.join(pairs, on=(pairs.c.ro_id == RO.id))
        ctx.tech = pairs.c.tech_id
        keys = [pairs.c.tech_id]
    q = where_all(q, [within(family.anchor(), period), *conds])
    return q, keys


def run(
    family: Family, period: Period, scope: Scope, by: str | None, now: dt.datetime
) -> dict[Any, dict[str, int]]:
    """Every member's base and hits (``"<key>"`` and ``"<key>.hits"``) and the extras,
    per group key (None for the whole department)."""
    ctx = Ctx(scope=scope, now=now)
    q, keys = _grouped(family, period, ctx, by)
    names: list[str] = []
    cols: list[Any] = []
    for m in family.members:
        base = m.base(ctx) if m.base is not None else None
        names.append(m.key)
        cols.append(fn.COUNT(SQL("*")) if base is None else count_if(base))
        if m.hit is not None:
            hit = m.hit(ctx)
            names.append(f"{m.key}.hits")
            cols.append(count_if(hit if base is None else base & hit))
    for name, col in family.extras(ctx).items():
        names.append(name)
        cols.append(col)
    q = q.select(*keys, *cols).group_by(*keys) if keys else q.select(*cols)
    out: dict[Any, dict[str, int]] = {}
    for row in q.tuples():
        k, values = split_key(tuple(row), len(keys))
        out[k] = {n: i(v) for n, v in zip(names, values, strict=True)}
    return out


def member(key: str) -> tuple[Family, Member]:
    for fam in FAMILIES:
        for m in fam.members:
            if m.key == key:
                return fam, m
    raise KeyError(key)


def ro_ids(key: str, period: Period, scope: Scope, now: dt.datetime, *, hits: bool = True) -> peewee.Select:
    """SELECT of the RO ids behind a member: its hits (or its whole base)."""
    fam, m = member(key)
    if fam.source == "appointment":
        raise KeyError(key)
    ctx = Ctx(scope=scope, now=now)
    q, _keys = _grouped(fam, period, ctx, None)
    conds = []
    # The member's conditions filter the period's rows (``only_if``): a condition on an
    # indexed column (promised, a follow-up's status) must not become the way in.
    if m.base is not None:
        conds.append(only_if(m.base(ctx)))
    if hits and m.hit is not None:
        conds.append(only_if(m.hit(ctx)))
    return where_all(q.select(RO.id), conds)
