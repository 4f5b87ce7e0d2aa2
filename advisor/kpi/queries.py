"""The KPIs that are not plain rates over one family: money, hours, declines, parts,
and the technicians' clocked time. Each returns values per group key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from peewee import JOIN, SQL, fn

from advisor.codes import ContactOutcome, JobStatus, LineKind, LineStatus
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
    ro_scope,
    seconds_between,
    split_key,
    sum_if,
    unindexed,
    where_all,
    within,
)
from advisor.models import (
    Assignment,
    ContactLog,
    EstimateLine,
    PartOrder,
    RepairOrder,
    Technician,
)

RO = RepairOrder
# Days the workshop is open (Monday = 0): a six-day week, as most Chinese dealerships.
WORKDAYS = frozenset({0, 1, 2, 3, 4, 5})


def _key(by: str | None, advisor_col: Any, anchor: Any, tech_col: Any = None) -> list[Any]:
    """The group key's columns; never an index's way in (the period's date is, see
    ``_sql``)."""
    if by == "advisor":
        return [unindexed(advisor_col)]
    if by == "day":
        return [day_of(anchor)]
    if by == "technician":
        return [unindexed(tech_col)]
    if by == DAY_ADVISOR:
        return [day_of(anchor), unindexed(advisor_col)]
    return []


def _rows(q: Any, keys: list[Any], cols: list[Any]) -> list[tuple[Any, tuple[Any, ...]]]:
    if not keys:
        return [(None, tuple(r)) for r in q.select(*cols).tuples()]
    return [split_key(tuple(r), len(keys)) for r in q.select(*keys, *cols).group_by(*keys).tuples()]


def hours(centi_hours: int) -> Decimal:
    """Centi-hours as Decimal hours with two places."""
    return (Decimal(centi_hours) / 100).quantize(Decimal("0.01"))


def declines(period: Period, scope: Scope, by: str | None) -> dict[Any, dict[int | None, list[int]]]:
    """Per key, per decline reason: [contacts declined, lines declined, value of lines]."""
    out: dict[Any, dict[int | None, list[int]]] = {}
    q: Any
    reason: Any
    if scope.technician_id is None:
        q = ContactLog.select()
        conds = [ContactLog.outcome == ContactOutcome.DECLINED, within(ContactLog.at, period)]
        if scope.advisor_id is not None:
            conds.append(by_person(ContactLog.user) == scope.advisor_id)
        q = where_all(q, conds)
        keys = _key(by, ContactLog.user, ContactLog.at)
        reason = ContactLog.decline_reason
        sel = [*keys, reason, fn.COUNT(SQL("*"))]
        for row in q.select(*sel).group_by(*sel[:-1]).tuples():
            k, (r, n) = split_key(tuple(row), len(keys))
            out.setdefault(k, {}).setdefault(r, [0, 0, 0])[0] += i(n)
    q = EstimateLine.select().join(RO, on=(EstimateLine.ro == RO.id))
    q = where_all(
        q,
        [
            unindexed(EstimateLine.status) == LineStatus.DECLINED,
            within(EstimateLine.decided_at, period),
            *ro_scope(scope),
        ],
    )
    keys = _key(by, RO.advisor, EstimateLine.decided_at)
    reason = EstimateLine.decline_reason
    aggs = [fn.COUNT(SQL("*")), fn.SUM(EstimateLine.amount_cents)]
    groups = [*keys, reason]
    for row in q.select(*groups, *aggs).group_by(*groups).tuples():
        k, (r, n, v) = split_key(tuple(row), len(keys))
        cell = out.setdefault(k, {}).setdefault(r, [0, 0, 0])
        cell[1] += i(n)
        cell[2] += i(v)
    return out


def parts_wait(period: Period, scope: Scope, by: str | None) -> dict[Any, tuple[int, int]]:
    """(orders, seconds waited) of part orders that arrived in the period."""
    q = PartOrder.select().join(RO, JOIN.LEFT_OUTER, on=(PartOrder.ro == RO.id))
    q = where_all(
        q, [PartOrder.arrived_at.is_null(False), within(PartOrder.arrived_at, period), *ro_scope(scope)]
    )
    key = _key(by, RO.advisor, PartOrder.arrived_at)
    secs = fn.SUM(seconds_between(PartOrder.ordered_at, PartOrder.arrived_at))
    return {k: (i(v[0]), i(v[1])) for k, v in _rows(q, key, [fn.COUNT(SQL("*")), secs])}


def _from_stock() -> Any:
    return ~exists(PartOrder.select(SQL("1")).where(PartOrder.line == EstimateLine.id))


def fill_rate(period: Period, scope: Scope, by: str | None) -> dict[Any, tuple[int, int]]:
    """(lines from stock, lines) of approved part lines decided in the period.

    A line is filled from stock when it needed no part order (stock was reserved at
    authorisation or at the customer's consent to extra work)."""
    q = EstimateLine.select().join(RO, on=(EstimateLine.ro == RO.id))
    q = where_all(
        q,
        [
            unindexed(EstimateLine.kind) == LineKind.PART,
            unindexed(EstimateLine.status) == LineStatus.APPROVED,
            EstimateLine.part_status != "",
            within(EstimateLine.decided_at, period),
            *ro_scope(scope),
        ],
    )
    key = _key(by, RO.advisor, EstimateLine.decided_at)
    rows = _rows(q, key, [count_if(_from_stock()), fn.COUNT(SQL("*"))])
    return {k: (i(v[0]), i(v[1])) for k, v in rows}


def jobs(period: Period, scope: Scope, by: str | None) -> dict[Any, tuple[int, int, int, int]]:
    """(jobs, rework jobs, clocked minutes, sold centi-hours) of the jobs finished in the
    period. Sold hours are the line's hours, credited once (not again for a rework)."""
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
    q = where_all(q, conds)
    key = _key(by, RO.advisor, Assignment.done_at, Assignment.technician)
    cols = [fn.COUNT(SQL("*")), count_if(Assignment.rework == True),  # noqa: E712
            fn.SUM(Assignment.worked_min),
            sum_if(Assignment.rework == False, centi(EstimateLine.quantity))]  # noqa: E712  # fmt: skip
    return {k: (i(v[0]), i(v[1]), i(v[2]), i(v[3])) for k, v in _rows(q, key, cols)}


def workdays(period: Period, days: frozenset[int] = WORKDAYS) -> int:
    return sum(1 for d in period.days() if d.weekday() in days)


def finished_by(period: Period) -> set[int]:
    """The technicians who finished a job in the period (the keys of ``jobs`` per
    technician, without summing anything)."""
    q = (
        Assignment.select(Assignment.technician)
        .where(unindexed(Assignment.status) == JobStatus.DONE, within(Assignment.done_at, period))
        .distinct()
    )
    return {tech for (tech,) in q.tuples()}


def technicians(seen: set[int]) -> list[Technician]:
    """Active technicians and any other that finished a job in the period."""
    q = Technician.select().where((Technician.active == True) | Technician.id.in_(list(seen) or [0]))  # noqa: E712
    return list(q.order_by(Technician.name))


def available_min(tech: Technician, n_days: int) -> int:
    return int(Decimal(tech.hours_per_day) * 60 * n_days)


def day_available(day: dt.date, techs: list[Technician], days: frozenset[int] = WORKDAYS) -> int:
    return sum(available_min(t, 1) for t in techs) if day.weekday() in days else 0
