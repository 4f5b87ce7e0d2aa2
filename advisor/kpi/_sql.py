"""Portable SQL pieces for the KPI queries: the period, day buckets, durations, scope.

SQLite stores timestamps as ISO text and PostgreSQL as ``timestamp``; the few places
where the two dialects differ (the calendar day of a timestamp, the seconds between
two timestamps) are chosen here per backend, so every query reads the same on both.

How a period's figures stay the cost of the period (issue 15): every query is driven
by the date that puts a record in the period — an index on that date for each family
(migration 0007) — and every other condition on the table it reads is one no index may
serve on SQLite (``unindexed``: SQLite's ``+column``). Without that, SQLite's planner,
which guesses when it has no statistics, takes an equality (an advisor, a status) over
a date range and reads that advisor's or that status's whole history.
``tests/unit/test_kpi_plans.py`` checks every statement's plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import peewee
from peewee import SQL, Case, Cast, fn

from advisor.db import exists, is_postgres, unindexed
from advisor.models import Assignment, RepairOrder


@dataclass(frozen=True)
class Period:
    """A range of calendar days, both ends included."""

    start: dt.date
    end: dt.date

    @property
    def lo(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())

    @property
    def hi(self) -> dt.datetime:
        """The first instant after the period (exclusive upper bound)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())

    def days(self) -> list[dt.date]:
        n = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(max(n, 0))]


# Grouped per day and advisor at once: the dashboard sums these cells to the period, its
# days and its advisors (``advisor.kpi.overview``) instead of querying three times.
DAY_ADVISOR = "day+advisor"


def split_key(row: tuple[Any, ...], n: int) -> tuple[Any, tuple[Any, ...]]:
    """(group key, the rest) of a result row grouped by ``n`` columns: None for none, the
    value for one, a tuple for several."""
    if n == 0:
        return None, row
    if n == 1:
        return row[0], row[1:]
    return tuple(row[:n]), row[n:]


@dataclass(frozen=True)
class Scope:
    """The optional filters of the manager's view."""

    advisor_id: int | None = None
    technician_id: int | None = None


# PostgreSQL: join the period's rows to what hangs off them row by row, by index
# (``plan_by_period``). A switch for the benchmark, which measures both.
PLAN_BY_PERIOD = True


def plan_by_period() -> None:
    """In the read transaction of a KPI service on PostgreSQL: no hash or merge joins (nor
    a materialised scan to join against), so each join is a probe per row of the period
    by the joined table's index; and no JIT compilation. The planner
    otherwise hashes the whole joined table (every RO, payment, follow-up or job stored)
    whenever that looks cheaper than the probes, which makes a month's cost grow with the
    history until the table is large enough to tip it back."""
    from advisor.db import database_proxy

    db = database_proxy.obj
    if PLAN_BY_PERIOD and is_postgres() and db is not None and db.transaction_depth() > 0:
        db.execute_sql("SET LOCAL enable_hashjoin = off")
        db.execute_sql("SET LOCAL enable_mergejoin = off")
        db.execute_sql("SET LOCAL enable_material = off")
        # JIT compiles a query whose estimated cost passes jit_above_cost — a cost that
        # grows with the tables, not the period: ~200 ms of a month's dashboard at 1M.
        db.execute_sql("SET LOCAL jit = off")


def within(column: Any, period: Period) -> peewee.Expression:
    """``column`` falls on one of the period's days."""
    return (column >= period.lo) & (column < period.hi)


def by_person(column: Any) -> Any:
    """An advisor or technician column compared with the one a filter names: unindexed
    on SQLite; as is on PostgreSQL, whose statistics know that one person holds a share
    of the rows. Wrapped, the column gets a fixed guess of 0.5%, and the planner read
    every RO to find the few it expected to be that advisor's."""
    return column if is_postgres() else unindexed(column)


def only_if(condition: Any) -> peewee.Expression:
    """``condition`` as a filter no index may serve (a CASE of it): for the conditions of
    a figure applied to rows the period already selected (the drill-downs)."""
    return Case(None, [(condition, SQL("1"))], SQL("0")) == SQL("1")


def day_of(column: Any) -> peewee.Node:
    """The calendar day of a timestamp, as a groupable expression."""
    if is_postgres():
        return Cast(column, "date")
    return fn.date(column)


def to_date(value: Any) -> dt.date:
    """What ``day_of`` returns, as a ``date`` (SQLite gives text, PostgreSQL a date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def seconds_between(earlier: Any, later: Any) -> Any:
    """Whole seconds from ``earlier`` to ``later`` (negative when later is earlier)."""
    if is_postgres():
        return Cast(fn.ROUND(fn.date_part("epoch", later - earlier)), "BIGINT")
    return Cast(fn.ROUND((fn.julianday(later) - fn.julianday(earlier)) * 86400), "INTEGER")


def centi(quantity: Any) -> peewee.Node:
    """A decimal(…, 2) quantity × 100 as a whole number, so sums are exact on both
    backends (SQLite keeps decimals as floating point)."""
    return fn.ROUND(quantity * 100)


def count_if(condition: Any) -> peewee.Node:
    """SUM(CASE WHEN condition THEN 1 ELSE 0 END) with literal constants (no parameters,
    so PostgreSQL can group and type it)."""
    return fn.SUM(Case(None, [(condition, SQL("1"))], SQL("0")))


def sum_if(condition: Any, value: Any) -> peewee.Node:
    return fn.SUM(Case(None, [(condition, value)], SQL("0")))


def ro_scope(scope: Scope) -> list[Any]:
    """Conditions on ``RepairOrder`` for the advisor / technician filters."""
    conds: list[Any] = []
    if scope.advisor_id is not None:
        conds.append(by_person(RepairOrder.advisor) == scope.advisor_id)
    if scope.technician_id is not None:
        # Per RO of the period (its jobs by ``assignment_ro_id``), never the technician's
        # whole history of jobs.
        worked = Assignment.select(SQL("1")).where(
            (Assignment.ro == RepairOrder.id) & (by_person(Assignment.technician) == scope.technician_id)
        )
        conds.append(exists(worked))
    return conds


def where_all(query: Any, conds: Iterable[peewee.Expression]) -> Any:
    conds = list(conds)
    return query.where(*conds) if conds else query


def tech_pairs(ros: Any) -> Any:
    """(ro_id, tech_id) of every technician who had a job on one of ``ros`` (a SELECT of
    RO ids: the period's), once each — the jobs of those ROs only, not of all history."""
    return (
        Assignment.select(Assignment.ro.alias("ro_id"), Assignment.technician.alias("tech_id"))
        .where(Assignment.ro.in_(ros))
        .distinct()
        .alias("ro_tech")
    )


def i(value: Any) -> int:
    """An aggregate (None, int, float of a whole number, Decimal) as an int."""
    if value is None:
        return 0
    return round(value) if isinstance(value, float) else int(value)


def quantize(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)
