"""The process scorecard (issue 17, item 16; 001: 对员工的流程执行情况进行考核): for each
rule of the service flow, how often it was met and how often missed — per advisor, per
technician and per month — and the ROs behind each miss.

Each rule judges an RO once, in the month of the date that completes what the rule
looks at (so a month's scorecard reads that month's rows through the date indexes of
issue 15, as the other KPIs do):

* **arrival** (``arrived_at``): *greeting* — greeted within ``workflow.GREETING_S``;
  *need* — the need confirmed 5–10 minutes after arrival
  (``workflow.need_confirmation_timing``; ROs where the time was recorded);
  *prepared* — an RO opened from an appointment with every preparation item ticked
  (``standards.prep_judged``), for the appointment's advisor.
* **QC passed** (``qc_passed_at``; the repair is finished): *authorisation* — no clock
  on (or resume) of any of the RO's jobs before ``RepairOrder.authorised_at``;
  *consent* — no clock on a line of a change request before the customer's consent
  (ROs with work on such lines); *qc_first_pass* — no failed final check before the pass.
  Per technician, each technician with a job on the RO is judged on their own clock
  events (authorisation, consent) and on the RO's QC (as ``kpi.per_technician``).
* **handover** (``handed_over_at``): *lounge* — while the customer waited at the shop,
  no progress update was missed (the RO's lounge record, ``standards.lounge_from``:
  ``workflow.lounge_waits`` and ``workflow.lounge_updates``, every
  ``lounge_update_minutes`` of the settings); *wash* — a wash
  requested was done and confirmed before the handover; *explained* — the items were
  explained before the first payment on the settlement in force; *follow_up* — the call
  done 24–48 h after handover, or before when the customer started it
  (``workflow.follow_up_timing``; judged once done, or once overdue).

Beside the rules, per technician: standard (sold) against actual (clocked) hours of the
jobs finished in the period; and the quality figures (003 内部失败成本, 004 the five
dimensions): hours clocked on internal rework and what they cost at the labour rate, the
parts wasted in it (issued beyond what the lines bill), and
satisfaction as an index and a distribution of the scores.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from peewee import JOIN, SQL, fn

from advisor import workflow
from advisor.codes import (
    CLOCK_STARTS,
    EventAction,
    FollowUpStatus,
    FollowUpTiming,
    JobStatus,
    LineKind,
    NeedTiming,
    StockMoveKind,
)
from advisor.kpi._sql import (
    Period,
    Scope,
    by_person,
    centi,
    count_if,
    day_of,
    exists,
    i,
    ro_scope,
    sum_if,
    to_date,
    unindexed,
    where_all,
    within,
)
from advisor.kpi.types import DIMENSIONS
from advisor.models import (
    Appointment,
    Assignment,
    ChangeRequest,
    ClockEvent,
    EstimateLine,
    FollowUp,
    Payment,
    QCCheck,
    RepairOrder,
    Settlement,
    StepEvent,
    StockMove,
    Technician,
    User,
)
from advisor.services.settings import get_setting
from advisor.services.standards import lounge_from, prep_judged

RO = RepairOrder
_CHUNK = 5000  # RO ids per statement (SQLite allows 32,766 parameters)


@dataclass(frozen=True)
class Rule:
    key: str
    en: str
    zh: str
    anchor: str  # arrived | qc | handover: the date that puts an RO in a month
    technician: bool = False  # also judged per technician

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


RULES: tuple[Rule, ...] = (
    Rule("greeting", "Greeted within 3 min", "3 分钟内接待", "arrived"),
    Rule("need", "Need confirmed in 5–10 min", "5–10 分钟内确认需求", "arrived"),
    Rule("prepared", "Arrival prepared", "到店准备", "arrived"),
    Rule("authorisation", "No work before authorisation", "客户授权后才开工", "qc", technician=True),
    Rule("consent", "No change worked before consent", "变更经客户同意后才施工", "qc", technician=True),
    Rule("qc_first_pass", "Final QC passed first time", "完工检查一次通过", "qc", technician=True),
    # Every ``lounge_update_minutes`` of the settings (30 by default): no number in the words.
    Rule("lounge", "Lounge customer kept informed", "休息室客户按时获知进度", "handover"),
    Rule("wash", "Wash done and confirmed before handover", "交车前完成清洗并确认", "handover"),
    Rule("explained", "Items explained before the amount", "先解释项目再收款", "handover"),
    Rule("follow_up", "Follow-up call 24–48 h after handover", "交车后 24–48 小时内回访", "handover"),
)
RULE_KEYS: tuple[str, ...] = tuple(r.key for r in RULES)
TECHNICIAN_RULES: tuple[str, ...] = tuple(r.key for r in RULES if r.technician)


def rule(key: str) -> Rule:
    for r in RULES:
        if r.key == key:
            return r
    raise KeyError(key)


# --- values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How often one rule was met and missed."""

    met: int = 0
    missed: int = 0

    @property
    def measured(self) -> int:
        return self.met + self.missed

    @property
    def rate(self) -> Decimal | None:
        """Met ÷ measured; None when nothing was measured."""
        return None if not self.measured else Decimal(self.met) / Decimal(self.measured)


class Verdict(NamedTuple):
    """One rule judged on one RO (``technician_id`` None) or on one technician's work on
    it; ``month`` is the first day of the month of the rule's anchor date. (A tuple: a
    month's scorecard makes tens of thousands.)"""

    rule: str
    ro_id: int
    month: dt.date
    advisor_id: int
    technician_id: int | None
    met: bool


@dataclass(frozen=True)
class Hours:
    """A technician's jobs finished in the period: standard (sold, the lines' hours,
    credited once) against actual (clocked) time, and the part of it spent on internal
    rework."""

    jobs: int = 0
    rework_jobs: int = 0
    standard_centi: int = 0  # centi-hours
    clocked_min: int = 0
    rework_min: int = 0

    def __add__(self, o: Hours) -> Hours:
        return Hours(
            self.jobs + o.jobs,
            self.rework_jobs + o.rework_jobs,
            self.standard_centi + o.standard_centi,
            self.clocked_min + o.clocked_min,
            self.rework_min + o.rework_min,
        )

    @property
    def standard_hours(self) -> Decimal:
        return (Decimal(self.standard_centi) / 100).quantize(Decimal("0.01"))

    @property
    def actual_hours(self) -> Decimal:
        return _hours_of(self.clocked_min)

    @property
    def rework_hours(self) -> Decimal:
        return _hours_of(self.rework_min)

    def rework_cost_cents(self, rate_cents: int) -> int:
        """The labour lost to internal rework at the labour rate per hour, half-up."""
        cost = Decimal(self.rework_min) * rate_cents / 60
        return int(cost.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def ratio(self) -> Decimal | None:
        """Actual ÷ standard hours (above 1: slower than the standard)."""
        if not self.standard_centi:
            return None
        return Decimal(self.clocked_min) * 100 / (Decimal(self.standard_centi) * 60)


def _hours_of(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Scores:
    """The follow-up calls' scores: how many calls gave each score 1–5, per dimension
    (``counts[d][s - 1]``), so the spread shows and not only the mean."""

    counts: tuple[tuple[int, ...], ...] = ((0,) * 5,) * 5

    def __add__(self, o: Scores) -> Scores:
        return Scores(
            tuple(
                tuple(a + b for a, b in zip(x, y, strict=True))
                for x, y in zip(self.counts, o.counts, strict=True)
            )
        )

    @property
    def responses(self) -> int:
        """Calls scored (each scores every dimension)."""
        return sum(self.counts[0])

    def of(self, dimension: str) -> tuple[int, ...]:
        return self.counts[DIMENSIONS.index(dimension)]

    def average(self, dimension: str) -> Decimal | None:
        row = self.of(dimension)
        n = sum(row)
        if not n:
            return None
        mean = Decimal(sum(s * c for s, c in enumerate(row, start=1))) / n
        return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def index(self) -> Decimal | None:
        """The satisfaction index, 0–100: the mean of all the scores given (five per
        call) mapped from 1–5 onto 0–100 (1 → 0, 3 → 50, 5 → 100), to one place."""
        n = sum(sum(row) for row in self.counts)
        if not n:
            return None
        total = sum(s * c for row in self.counts for s, c in enumerate(row, start=1))
        value = (Decimal(total) / n - 1) * 25
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def share(self, score: int) -> Decimal | None:
        """The share of all scores given that were ``score``."""
        n = sum(sum(row) for row in self.counts)
        return None if not n else Decimal(sum(row[score - 1] for row in self.counts)) / n


@dataclass(frozen=True)
class Waste:
    """Parts wasted in internal rework: issued to a repaired RO's part lines beyond the
    quantity billed (a part fitted again after a failed final check), valued at the
    line's unit price."""

    parts: int = 0
    value_cents: int = 0

    def __add__(self, o: Waste) -> Waste:
        return Waste(self.parts + o.parts, self.value_cents + o.value_cents)


# Cells of the scorecard: (rule, advisor id, technician id, month), None for "all".
CellKey = tuple[str, int | None, int | None, dt.date | None]


@dataclass(frozen=True)
class Scorecard:
    """The rules' tallies of a period for the department, each advisor, each technician
    and each month (and their crossings), the technicians' hours and the quality figures."""

    start: dt.date
    end: dt.date
    months: tuple[dt.date, ...]
    advisors: tuple[tuple[int, str], ...]  # (id, name), by name
    technicians: tuple[tuple[int, str], ...]
    cells: dict[CellKey, Tally] = field(default_factory=dict)
    hours: dict[tuple[int | None, dt.date | None], Hours] = field(default_factory=dict)
    scores: dict[tuple[int | None, dt.date | None], Scores] = field(default_factory=dict)
    labour_rate_cents: int = 0  # per hour: what an hour of rework costs the shop
    wasted: dict[dt.date | None, Waste] = field(default_factory=dict)  # per month, None: all

    def tally(
        self,
        rule_key: str,
        *,
        advisor_id: int | None = None,
        technician_id: int | None = None,
        month: dt.date | None = None,
    ) -> Tally:
        return self.cells.get((rule_key, advisor_id, technician_id, month), Tally())

    def hours_of(self, technician_id: int | None = None, month: dt.date | None = None) -> Hours:
        return self.hours.get((technician_id, month), Hours())

    def wasted_of(self, month: dt.date | None = None) -> Waste:
        return self.wasted.get(month, Waste())

    def scores_of(self, advisor_id: int | None = None, month: dt.date | None = None) -> Scores:
        return self.scores.get((advisor_id, month), Scores())

    @property
    def missed(self) -> int:
        """Misses of every rule, department-wide."""
        return sum(self.tally(r).missed for r in RULE_KEYS)


def month_of(day: dt.date | dt.datetime) -> dt.date:
    d = day.date() if isinstance(day, dt.datetime) else day
    return d.replace(day=1)


def months_of(period: Period) -> tuple[dt.date, ...]:
    out: list[dt.date] = []
    for d in period.days():
        m = month_of(d)
        if not out or out[-1] != m:
            out.append(m)
    return tuple(out)


# --- the rules, as pure functions of what the queries read ------------------------------


def _secs(t0: dt.datetime, t1: dt.datetime) -> float:
    return (t1 - t0).total_seconds()


def greeting_met(arrived: dt.datetime, greeted: dt.datetime) -> bool:
    return _secs(arrived, greeted) <= workflow.GREETING_S


def need_met(arrived: dt.datetime, confirmed: dt.datetime) -> bool:
    """In 5–10 minutes: rushed is a miss as well as slow (``workflow.need_confirmation_timing``)."""
    return workflow.need_confirmation_timing(arrived, confirmed) == NeedTiming.ON_TIME


def follow_up_met(
    handed: dt.datetime, status: str, at: dt.datetime | None, customer_initiated: bool = False
) -> bool:
    """Done 24–48 h after handover, or before when the customer started the call
    (``workflow.follow_up_timing``); late is a miss."""
    if status != FollowUpStatus.DONE or at is None:
        return False
    timing = workflow.follow_up_timing(handed, at, customer_initiated)
    return timing in (FollowUpTiming.ON_TIME, FollowUpTiming.EARLY_CUSTOMER)


# --- reading the period -------------------------------------------------------------------


def _arrived(period: Period, scope: Scope) -> Iterator[Verdict]:
    q = RO.select(RO.id, RO.advisor, RO.arrived_at, RO.greeted_at, RO.need_confirmed_at)
    q = where_all(q, [within(RO.arrived_at, period), *ro_scope(scope)])
    for ro_id, adv, arrived, greeted, need in _raw(q):
        arrived, greeted, need = _dt(arrived), _t(greeted), _t(need)
        m = month_of(arrived)
        if greeted is not None:
            yield Verdict("greeting", ro_id, m, adv, None, greeting_met(arrived, greeted))
        if need is not None:
            yield Verdict("need", ro_id, m, adv, None, need_met(arrived, need))
    yield from _prepared(period, scope)


def _prepared(period: Period, scope: Scope) -> Iterator[Verdict]:
    """*prepared*: each RO opened from an appointment, met when every preparation item
    of the appointment was ticked by the time the RO was opened
    (``standards.prep_judged``), counted for the appointment's advisor (the RO's when the
    appointment names none). The appointment by its key."""
    whose = fn.COALESCE(Appointment.advisor, RO.advisor)
    q = RO.select(RO.id, RO.appointment, whose, RO.created_at, RO.arrived_at).join(
        Appointment, on=(RO.appointment == Appointment.id)
    )
    # With an advisor chosen: the arrivals of their appointments (not the ROs they ran).
    conds = [within(RO.arrived_at, period), *ro_scope(Scope(None, scope.technician_id))]
    if scope.advisor_id is not None:
        conds.append(unindexed(whose) == scope.advisor_id)
    rows = _raw(where_all(q, conds))
    month = {ro_id: month_of(_dt(arrived)) for ro_id, _a, _adv, _o, arrived in rows}
    for miss in prep_judged((ro_id, appt, adv, _dt(opened)) for ro_id, appt, adv, opened, _x in rows):
        adv_id = miss.advisor_id if miss.advisor_id is not None else 0
        yield Verdict("prepared", miss.ro_id, month[miss.ro_id], adv_id, None, not miss.missed)


def _qc_ros(period: Period, scope: Scope) -> Any:
    q = RO.select(RO.id)
    return where_all(q, [within(RO.qc_passed_at, period), *ro_scope(scope)])


def _repaired(period: Period, scope: Scope) -> Iterator[Verdict]:
    q = RO.select(RO.id, RO.advisor, RO.qc_passed_at, RO.authorised_at)
    ros = {
        r[0]: (r[1], _dt(r[2]), _t(r[3]))
        for r in _raw(where_all(q, [within(RO.qc_passed_at, period), *ro_scope(scope)]))
    }
    if not ros:
        return
    ids = _qc_ros(period, scope)
    # The first start of each technician's work per RO and per change request (None: the
    # estimate's own lines), by the ROs' jobs (``assignment_ro_id``) and their clock events.
    starts: dict[int, dict[int, dict[int | None, tuple[dt.datetime, dt.datetime | None]]]] = {}
    # Each job's first start as a probe per job (``clock_event_assignment_id``).
    first_start = ClockEvent.select(fn.MIN(ClockEvent.at)).where(
        (ClockEvent.assignment == Assignment.id) & unindexed(ClockEvent.kind).in_(sorted(CLOCK_STARTS))
    )
    cq = (
        Assignment.select(
            Assignment.ro, Assignment.technician, EstimateLine.change_request, ChangeRequest.consent_at,
            first_start,
        )
        .join(EstimateLine, on=(Assignment.line == EstimateLine.id))
        .join(ChangeRequest, JOIN.LEFT_OUTER, on=(EstimateLine.change_request == ChangeRequest.id))
        .where(Assignment.ro.in_(ids))
    )  # fmt: skip
    techs_of: dict[int, set[int]] = {}
    for ro_id, tech, cr, consent_at, first in _raw(cq):
        techs_of.setdefault(ro_id, set()).add(tech)
        if first is None:
            continue  # never clocked on
        per_cr = starts.setdefault(ro_id, {}).setdefault(tech, {})
        t = _dt(first)
        if cr not in per_cr or t < per_cr[cr][0]:
            per_cr[cr] = (t, _t(consent_at))
    failed = {
        r for (r,) in QCCheck.select(QCCheck.ro).where(QCCheck.ro.in_(ids) & (unindexed(QCCheck.passed) == False)).tuples()  # noqa: E712
    }  # fmt: skip
    for ro_id, (adv, qc_at, authorised) in ros.items():
        m = month_of(qc_at)
        first_pass = ro_id not in failed
        yield Verdict("qc_first_pass", ro_id, m, adv, None, first_pass)
        by_tech = starts.get(ro_id, {})
        for tech in sorted(techs_of.get(ro_id, set())):
            yield Verdict("qc_first_pass", ro_id, m, adv, tech, first_pass)
        auth_ok: list[bool] = []
        consent_ok: list[bool] = []
        for tech, per_cr in sorted(by_tech.items()):
            first = min(t for t, _c in per_cr.values())
            ok = authorised is not None and first >= authorised
            yield Verdict("authorisation", ro_id, m, adv, tech, ok)
            auth_ok.append(ok)
            changes = [(t, c) for cr, (t, c) in per_cr.items() if cr is not None]
            if changes:
                ok = all(c is not None and t >= c for t, c in changes)
                yield Verdict("consent", ro_id, m, adv, tech, ok)
                consent_ok.append(ok)
        if auth_ok:
            yield Verdict("authorisation", ro_id, m, adv, None, all(auth_ok))
        if consent_ok:
            yield Verdict("consent", ro_id, m, adv, None, all(consent_ok))


def _dt(value: Any) -> dt.datetime:
    """A timestamp as read raw: SQLite returns the stored text."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _t(value: Any) -> dt.datetime | None:
    return None if value is None else _dt(value)


def _raw(query: Any) -> list[tuple[Any, ...]]:
    """The rows of ``query`` as the driver returns them: peewee's conversion of every value
    cost more than the queries for a month's tens of thousands of rows. Timestamps
    come as text on SQLite (``_t``), flags as 0/1."""
    from advisor.db import database_proxy

    return list(database_proxy.obj.execute(query).fetchall())


def _handed_over(period: Period, scope: Scope, now: dt.datetime) -> Iterator[Verdict]:
    q = (
        RO.select(
            RO.id, RO.advisor, RO.handed_over_at, RO.wash_requested, RO.wash_done_at, RO.items_explained_at,
            RO.customer_waits, RO.checked_in_at, RO.qc_passed_at, RO.arrived_at, FollowUp.status, FollowUp.at, FollowUp.due_to,
            FollowUp.customer_initiated,
        )
        .join(FollowUp, JOIN.LEFT_OUTER, on=(FollowUp.ro == RO.id))
    )  # fmt: skip
    rows = _raw(where_all(q, [within(RO.handed_over_at, period), *ro_scope(scope)]))
    if not rows:
        return
    ids = where_all(RO.select(RO.id), [within(RO.handed_over_at, period), *ro_scope(scope)])
    # The first payment on each RO's settlement in force (by ``settlement_ro_id`` and
    # ``payment_settlement_id``).
    paid = dict(
        _raw(
            Settlement.select(Settlement.ro, fn.MIN(Payment.at))
            .join(Payment, on=(Payment.settlement == Settlement.id))
            .where(Settlement.ro.in_(ids) & Settlement.superseded_by.is_null())
            .group_by(Settlement.ro)
        )
    )
    toggles: dict[int, list[tuple[dt.datetime, bool]]] = {}
    updates: dict[int, list[dt.datetime]] = {}
    eq = StepEvent.select(StepEvent.ro, StepEvent.at, StepEvent.action).where(
        StepEvent.ro.in_(ids)
        & unindexed(StepEvent.action).in_(
            [EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT, EventAction.CUSTOMER_INFORMED]
        )
    )
    for ro_id, at, action in _raw(eq):
        if action == EventAction.CUSTOMER_INFORMED:
            updates.setdefault(ro_id, []).append(_dt(at))
        else:
            toggles.setdefault(ro_id, []).append((_dt(at), action == EventAction.CUSTOMER_WAITING))
    every = dt.timedelta(minutes=int(get_setting("lounge_update_minutes")))  # the lounge standard
    for (
        ro_id,
        adv,
        handed,
        wash_req,
        wash_done,
        explained,
        waits,
        checked_in,
        qc_at,
        arrived,
        fu_status,
        fu_at,
        fu_to,
        fu_customer,
    ) in rows:
        handed, wash_done, explained, checked_in = _dt(handed), _t(wash_done), _t(explained), _t(checked_in)
        qc_at, fu_at, fu_to = _t(qc_at), _t(fu_at), _t(fu_to)
        m = month_of(handed)
        # The lounge record as the RO's own page shows it (``standards.lounge_from``:
        # ``workflow.lounge_waits`` from check-in until the car was ready — QC passed and
        # any wash requested done — or handed over).
        lounge = lounge_from(
            ro_id=ro_id,
            start=checked_in or _dt(arrived),
            waits_now=bool(waits),
            toggles=toggles.get(ro_id, ()),
            updates=updates.get(ro_id, ()),
            ready_at=workflow.lounge_ready_at(qc_at, None if wash_req is None else bool(wash_req), wash_done),
            handed_over_at=handed,
            at=now,
            every=every,
        )
        if lounge.waited:
            yield Verdict("lounge", ro_id, m, adv, None, lounge.missed == 0)
        if wash_req:
            yield Verdict("wash", ro_id, m, adv, None, wash_done is not None and wash_done <= handed)
        first_paid = paid.get(ro_id)
        if first_paid is not None:
            first_paid = _dt(first_paid)
            yield Verdict("explained", ro_id, m, adv, None, explained is not None and explained <= first_paid)
        if fu_status is not None:
            overdue = fu_status == FollowUpStatus.DUE and fu_to is not None and fu_to < now
            if fu_status == FollowUpStatus.DONE or overdue:
                yield Verdict(
                    "follow_up",
                    ro_id,
                    m,
                    adv,
                    None,
                    follow_up_met(handed, fu_status, fu_at, bool(fu_customer)),
                )


def verdicts(
    period: Period, scope: Scope, now: dt.datetime, anchors: Iterable[str] = ("arrived", "qc", "handover")
) -> Iterator[Verdict]:
    """Every rule judged on the period's ROs (of the anchors asked for)."""
    chosen = set(anchors)
    if "arrived" in chosen:
        yield from _arrived(period, scope)
    if "qc" in chosen:
        yield from _repaired(period, scope)
    if "handover" in chosen:
        yield from _handed_over(period, scope, now)


def _tally(found: Iterable[Verdict], scope: Scope) -> dict[CellKey, Tally]:
    """The verdicts counted into the cells: the department, each advisor, each technician
    (their own verdicts), each month and their crossings."""
    # Counted first by their distinct keys: a few thousand, not one dict walk per verdict.
    seen = Counter((v.rule, v.advisor_id, v.technician_id, v.month, v.met) for v in found)
    counts: dict[CellKey, list[int]] = {}

    def add(key: CellKey, met: bool, n: int) -> None:
        cell = counts.setdefault(key, [0, 0])
        cell[0 if met else 1] += n

    tech = scope.technician_id
    for (r, adv, t, m, met), n in seen.items():
        if t is None:
            if tech is not None and r in TECHNICIAN_RULES:
                continue  # with a technician chosen, their own verdicts stand for the RO
            for a in (None, adv):
                for month in (None, m):
                    add((r, a, None, month), met, n)
            continue
        if tech is not None and t != tech:
            continue
        for month in (None, m):
            add((r, None, t, month), met, n)
            if tech is not None:
                add((r, None, None, month), met, n)
                add((r, adv, None, month), met, n)
    return {k: Tally(*c) for k, c in counts.items()}


# --- hours and satisfaction ------------------------------------------------------------


def _hours(period: Period, scope: Scope) -> dict[tuple[int | None, dt.date | None], Hours]:
    q = (
        Assignment.select()
        .join(RO, on=(Assignment.ro == RO.id))
        .switch(Assignment)
        .join(EstimateLine, on=(Assignment.line == EstimateLine.id))
    )
    conds = [unindexed(Assignment.status) == JobStatus.DONE, within(Assignment.done_at, period)]
    if scope.advisor_id is not None:
        conds.append(by_person(RO.advisor) == scope.advisor_id)
    if scope.technician_id is not None:
        conds.append(by_person(Assignment.technician) == scope.technician_id)
    rework = Assignment.rework == True  # noqa: E712
    keys = [unindexed(Assignment.technician), day_of(Assignment.done_at)]
    cols = [
        fn.COUNT(SQL("*")),
        count_if(rework),
        sum_if(~rework, centi(EstimateLine.quantity)),
        fn.SUM(Assignment.worked_min),
        sum_if(rework, Assignment.worked_min),
    ]
    out: dict[tuple[int | None, dt.date | None], Hours] = {}
    for tech, day, *values in where_all(q, conds).select(*keys, *cols).group_by(*keys).tuples():
        h = Hours(*(i(v) for v in values))
        m = month_of(to_date(day))
        for key in ((None, None), (None, m), (tech, None), (tech, m)):
            out[key] = out.get(key, Hours()) + h
    return out


def _scores(period: Period, scope: Scope) -> dict[tuple[int | None, dt.date | None], Scores]:
    """The scored follow-up calls of the ROs handed over in the period (as the KPIs'
    satisfaction), counted per dimension and score, per advisor and day."""
    # The call joined to each RO of the period (a probe by ``follow_up_ro_id``); its
    # conditions only count, so the period's ROs stay the way in.
    q = RO.select().join(FollowUp, JOIN.LEFT_OUTER, on=(FollowUp.ro == RO.id))
    scored = (FollowUp.status == FollowUpStatus.DONE) & FollowUp.tangibles.is_null(False)
    q = where_all(q, [within(RO.handed_over_at, period), *ro_scope(scope)])
    keys = [unindexed(RO.advisor), day_of(RO.handed_over_at)]
    cols = [count_if(scored & (getattr(FollowUp, d) == s)) for d in DIMENSIONS for s in range(1, 6)]
    out: dict[tuple[int | None, dt.date | None], Scores] = {}
    for adv, day, *values in q.select(*keys, *cols).group_by(*keys).tuples():
        flat = [i(v) for v in values]
        s = Scores(tuple(tuple(flat[d * 5 : d * 5 + 5]) for d in range(5)))
        m = month_of(to_date(day))
        for key in ((None, None), (None, m), (adv, None), (adv, m)):
            out[key] = out.get(key, Scores()) + s
    return out


def _wasted(period: Period, scope: Scope) -> dict[dt.date | None, Waste]:
    """Parts issued beyond the quantity billed on the part lines of the ROs repaired (QC
    passed) in the period after internal rework: each line's issues as a probe by
    ``stock_move_line_id``."""
    issued = StockMove.select(fn.SUM(StockMove.quantity)).where(  # issues are negative
        (StockMove.line == EstimateLine.id) & (unindexed(StockMove.kind) == StockMoveKind.ISSUE)
    )
    # Only ROs sent back by a failed final check can have wasted a part in rework (a
    # probe per RO of the period by ``qc_check_ro_id``).
    failed = QCCheck.select(SQL("1")).where((QCCheck.ro == RO.id) & (unindexed(QCCheck.passed) == False))  # noqa: E712
    repaired = where_all(
        RO.select(RO.id, RO.qc_passed_at), [within(RO.qc_passed_at, period), exists(failed), *ro_scope(scope)]
    )
    months = {ro_id: month_of(_dt(at)) for ro_id, at in _raw(repaired)}
    if not months:
        return {}
    # By those ROs' lines, their ids given (``estimate_line_ro_id``), in chunks: as a
    # subquery PostgreSQL walked every line in ``ro_id`` order.
    ids = sorted(months)
    rows: list[tuple[Any, ...]] = []
    for k in range(0, len(ids), _CHUNK):
        q = EstimateLine.select(
            EstimateLine.ro, EstimateLine.quantity, EstimateLine.unit_price_cents, issued
        ).where(EstimateLine.ro.in_(ids[k : k + _CHUNK]) & (unindexed(EstimateLine.kind) == LineKind.PART))
        rows.extend(_raw(q))
    out: dict[dt.date | None, Waste] = {}
    for ro_id, quantity, price, n in rows:
        extra = -i(n) - int(Decimal(quantity))
        if extra <= 0:
            continue
        w = Waste(extra, extra * int(price))
        for key in (None, months[ro_id]):
            out[key] = out.get(key, Waste()) + w
    return out


# --- the whole -------------------------------------------------------------------------


def scorecard(period: Period, scope: Scope, now: dt.datetime) -> Scorecard:
    """The scorecard of ``period`` for the department (or one advisor or technician)."""
    cells = _tally(verdicts(period, scope, now), scope)
    hours = _hours(period, scope)
    scores = _scores(period, scope)
    adv_ids = {k[1] for k in cells if k[1] is not None} | {k[0] for k in scores if k[0] is not None}
    tech_ids = {k[2] for k in cells if k[2] is not None} | {k[0] for k in hours if k[0] is not None}
    advisors = User.select(User.id, User.display_name).where(User.id.in_(sorted(adv_ids) or [0]))
    techs = Technician.select(Technician.id, Technician.name).where(
        Technician.id.in_(sorted(tech_ids) or [0])
    )
    return Scorecard(
        start=period.start,
        end=period.end,
        months=months_of(period),
        advisors=tuple(sorted(((u.id, u.display_name) for u in advisors), key=lambda p: (p[1], p[0]))),
        technicians=tuple(sorted(((t.id, t.name) for t in techs), key=lambda p: (p[1], p[0]))),
        cells=cells,
        hours=hours,
        scores=scores,
        labour_rate_cents=int(get_setting("labour_rate_cents")),
        wasted=_wasted(period, scope),
    )


def missed_ros(
    rule_key: str,
    period: Period,
    scope: Scope,
    now: dt.datetime,
    *,
    advisor_id: int | None = None,
    technician_id: int | None = None,
    month: dt.date | None = None,
    met: bool = False,
) -> list[int]:
    """The ids of the ROs behind one cell of the scorecard: those that missed the rule
    (``met=True``: those that met it), read through the same judgement."""
    r = rule(rule_key)
    tech = technician_id if technician_id is not None else scope.technician_id
    own = tech if r.technician else None  # whose verdicts: a technician's, or the RO's
    found: set[int] = set()
    for v in verdicts(period, scope, now, anchors=(r.anchor,)):
        if v.rule != rule_key or v.met != met or v.technician_id != own:
            continue
        if advisor_id is not None and v.advisor_id != advisor_id:
            continue
        if month is not None and v.month != month:
            continue
        found.add(v.ro_id)
    return sorted(found)
