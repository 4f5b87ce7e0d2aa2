"""Benchmark: what the manager's dashboard costs for one month, on either engine, so the
growth from a 10k to a 1M-RO database can be read off (issue 15: a month's figures must
cost what the month holds, not what the history holds).

    .venv/bin/python -m tests.benchmarks.bench_dashboard --database URL [--month YYYY-MM]
        [--repeats 7] [--no-export] [--label NAME]

``URL`` is ``sqlite:///FILE`` or ``postgresql://USER@HOST:PORT/DB`` (default: the 100k
SQLite demo file). ``--month`` defaults to the last complete month in the data (the
month before the latest arrival's). Measured, as the manager, through the read services:

* the month's dashboard (``dashboard.figures``: the month and the month before, per
  day, per advisor, per technician) — with beside it, interleaved in the same process,
  a **floor**: the same periods' rows read through the same date indexes with plain SQL
  on the driver's cursor, no ORM (per family, the month grouped per day and advisor and
  the month before in all: fewer and simpler aggregates than the dashboard's);
* ``kpi.department`` for the month;
* every drill-down (``dashboard.drill_down``, one key at a time) and all of them in turn;
* the dashboard of a month without ROs (January 2020, or the month before the first RO
  when the history reaches back further): it must cost next to nothing;
* the month's and the year's (12 months to the month's end) Excel summary (``main.py
  export summary``'s writer) — unless ``--no-export``.

Prints one markdown row per measure (median and p95 over the repeats, and the ratio to
the floor where there is one), with the database's size and the load average, so rows
from databases of 10k, 100k and 1M ROs make the growth table. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from advisor import db
from advisor.codes import Role
from advisor.models import RepairOrder, User
from advisor.services import dashboard
from advisor.services._base import Actor
from tests.benchmarks import _scale as scale

DEFAULT_URL = "sqlite:////tmp/advisor-bench-100k.db"


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    y, m = (int(x) for x in month.split("-"))
    start = dt.date(y, m, 1)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


def last_complete_month() -> str:
    latest = RepairOrder.select(RepairOrder.arrived_at).order_by(RepairOrder.arrived_at.desc()).scalar()
    if latest is None:
        raise SystemExit("no ROs in the database")
    first = latest.date().replace(day=1) if isinstance(latest, dt.datetime) else dt.date(2020, 2, 1)
    prev = first - dt.timedelta(days=1)
    return f"{prev:%Y-%m}"


def empty_month() -> tuple[dt.date, dt.date]:
    """January 2020 when the data holds no RO then (the old one-year demo), else the month
    before the first RO (a database with history from 2015 has ROs in 2020)."""
    first = RepairOrder.select(RepairOrder.arrived_at).order_by(RepairOrder.arrived_at).scalar()
    day = first.date() if isinstance(first, dt.datetime) else dt.date(2020, 2, 1)
    if day > dt.date(2020, 1, 31):
        return dt.date(2020, 1, 1), dt.date(2020, 1, 31)
    end = day.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def manager() -> Actor:
    u = User.select().where((User.role == Role.MANAGER) & (User.active == True)).order_by(User.id).first()  # noqa: E712
    if u is None:
        raise SystemExit("no active manager in the database")
    return Actor(u.id, u.username, u.display_name, u.role, u.session_gen)


# --- the floor: the period's rows, through the same date indexes, plain SQL ----------

_FAMILIES = (
    # (table, date column, extra condition, advisor expression, joined RO)
    ("repair_order", "arrived_at", "", "t.advisor_id", False),
    ("repair_order", "handed_over_at", "", "t.advisor_id", False),
    ("repair_order", "qc_passed_at", "", "t.advisor_id", False),
    ("settlement", "at", "t.superseded_by IS NULL", "r.advisor_id", True),
    ("appointment", "starts_at", "", "t.advisor_id", False),
    ("appointment", "created_at", "", "t.advisor_id", False),
    ("estimate_line", "decided_at", "", "r.advisor_id", True),
    ("assignment", "done_at", "", "r.advisor_id", True),
    ("part_order", "arrived_at", "", "r.advisor_id", True),
    ("contact_log", "at", "", "t.user_id", False),
)


def _floor_statements(postgres: bool) -> tuple[list[str], list[str]]:
    """Per family: its rows of the month grouped per day and advisor (the dashboard sums
    these cells to the month, its days and its advisors), and of the month before in all."""
    month, before = [], []
    for table, col, cond, advisor, joined in _FAMILIES:
        join = " JOIN repair_order r ON r.id = t.ro_id" if joined else ""
        where = f"t.{col} >= %s AND t.{col} < %s" + (f" AND {cond}" if cond else "")
        if not postgres:
            where = where.replace("%s", "?")
        day = f"CAST(t.{col} AS date)" if postgres else f"date(t.{col})"
        base = f"FROM {table} t{join} WHERE {where}"
        month.append(f"SELECT {day}, {advisor}, COUNT(*), SUM(t.id) {base} GROUP BY 1, 2")
        before.append(f"SELECT COUNT(*), SUM(t.id) {base}")
    return month, before


def floor(start: dt.date, end: dt.date) -> None:
    """The month's rows of every family grouped per day and advisor, and the previous
    month's in all, fetched with the driver's cursor: what no query builder can beat."""
    database = db.database_proxy.obj
    month, before = _floor_statements(db.is_postgres())
    p_start, p_end = dashboard.previous_period(start, end)
    for (lo, hi), stmts in (((start, end), month), ((p_start, p_end), before)):
        args = (dt.datetime.combine(lo, dt.time()), dt.datetime.combine(hi + dt.timedelta(days=1), dt.time()))
        for sql in stmts:
            database.execute_sql(sql, args).fetchall()


# --- timing ----------------------------------------------------------------------


def _time(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def measure(fns: dict[str, Callable[[], object]], repeats: int, warm: bool = True) -> dict[str, list[float]]:
    """Each function ``repeats`` times, interleaved (one round runs each once), so a
    change of load on the machine hits all of them alike."""
    if warm:
        for fn in fns.values():
            fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            times[name].append(_time(fn))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default=DEFAULT_URL, help="sqlite:///FILE or postgresql://…")
    parser.add_argument("--month", help="YYYY-MM (default: the last complete month in the data)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--no-export", action="store_true", help="skip the Excel summaries")
    parser.add_argument("--no-drill", action="store_true", help="skip the drill-downs one by one")
    parser.add_argument("--no-year", action="store_true", help="skip the year's Excel summary")
    parser.add_argument("--label", help="the database's name in the table (default: from the URL)")
    parser.add_argument("--json", help="append the rows to this JSON file (for tests.benchmarks.growth)")
    args = parser.parse_args(argv)

    database = db.open_database(args.database, migrate=False)
    pending = db.pending_migrations(database)
    ros = RepairOrder.select().count()
    label = args.label or db.describe(args.database)
    engine = "PostgreSQL" if db.is_postgres() else "SQLite"
    month = args.month or last_complete_month()
    start, end = month_bounds(month)
    actor = manager()
    in_month = (
        RepairOrder.select()
        .where((RepairOrder.arrived_at >= start) & (RepairOrder.arrived_at < end + dt.timedelta(days=1)))
        .count()
    )
    print(f"<!-- {label}: {engine}, {ros:,} ROs, month {month} holds {in_month:,} arrivals;"
          f" pending migrations: {', '.join(pending) or 'none'}; repeats {args.repeats} -->")  # fmt: skip

    def figures(s: dt.date = start, e: dt.date = end) -> object:
        return dashboard.figures(actor=actor, start=s, end=e)

    def department() -> object:
        """As a service reads it: one read transaction, the services' planner settings."""
        from advisor import kpi
        from advisor.concurrency import snapshot
        from advisor.kpi._sql import plan_by_period

        def read() -> object:
            plan_by_period()
            return kpi.department(start, end)

        return snapshot(read)

    rows: list[tuple[str, list[float], list[float] | None]] = []
    load0 = os.getloadavg()[0]
    t = measure({"dashboard": figures, "floor": lambda: floor(start, end)}, args.repeats)
    rows.append((f"dashboard {month} (figures, as manager)", t["dashboard"], t["floor"]))
    if db.is_postgres():  # the same, the joins left to the planner (``_sql.plan_by_period``)
        from advisor.kpi import _sql

        def planners_joins() -> object:
            _sql.PLAN_BY_PERIOD = False
            try:
                return figures()
            finally:
                _sql.PLAN_BY_PERIOD = True

        t = measure({"dashboard": figures, "planner": planners_joins}, args.repeats)
        rows.append((f"dashboard {month}, hash/merge joins allowed", t["planner"], None))
    # The process scorecard the Reports workspace loads beside the figures (issue 17), and
    # the dashboard's whole month read: both, one after the other.
    from advisor.services import scorecard

    def card() -> object:
        return scorecard.read_scorecard(actor=actor, start=start, end=end)

    t = measure({"scorecard": card, "both": lambda: (figures(), card())}, args.repeats)
    rows.append((f"scorecard {month}", t["scorecard"], None))
    rows.append((f"dashboard {month} with its scorecard", t["both"], None))
    e_start, e_end = empty_month()
    t = measure({"department": department, "empty": lambda: figures(e_start, e_end)}, args.repeats)
    rows.append((f"kpi.department {month}", t["department"], None))
    rows.append((f"dashboard {e_start:%Y-%m} (no ROs)", t["empty"], None))

    if not args.no_drill:
        drills = {
            key: (lambda key=key: dashboard.drill_down(actor=actor, keys=(key,), start=start, end=end))
            for key in dashboard.DRILL_KEYS
        }
        t = measure(drills, max(3, args.repeats // 2))
        for key in dashboard.DRILL_KEYS:
            rows.append((f"drill-down {key}", t[key], None))
        every = [sum(xs) for xs in zip(*t.values(), strict=True)]
        rows.append(("every drill-down in turn", every, None))

    if not args.no_export:
        from reports import excel

        y_start = (end.replace(day=1) - dt.timedelta(days=335)).replace(day=1)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "summary.xlsx"

            def export(s: dt.date, e: dt.date) -> object:
                return dashboard.export(
                    actor=actor, write=lambda: excel.write_summary(out, start=s, end=e, lang="zh_CN")
                )

            t = measure({"month": lambda: export(start, end)}, max(3, args.repeats // 2), warm=False)
            rows.append((f"Excel summary {month}", t["month"], None))
            if not args.no_year:
                t = measure({"year": lambda: export(y_start, end)}, 2, warm=False)
                rows.append((f"Excel summary {y_start:%Y-%m} – {month} (a year)", t["year"], None))
    load1 = os.getloadavg()[0]

    print("| database | engine | ROs | measure | median ms | p95 ms | floor median ms | × floor | load |")
    print("|---|---|--:|---|--:|--:|--:|--:|--:|")
    for name, xs, fl in rows:
        med, p95 = statistics.median(xs) * 1000, _p95(xs) * 1000
        fmed = statistics.median(fl) * 1000 if fl else None
        ratio = f"{med / fmed:.1f}" if fmed else ""
        fcell = f"{fmed:.1f}" if fmed is not None else ""
        print(f"| {label} | {engine} | {ros:,} | {name} | {med:.1f} | {p95:.1f} | {fcell} | {ratio} | {load0:.1f}–{load1:.1f} |")  # fmt: skip
    if args.json:  # the month's name out of each measure: one row of the growth table
        stable = {
            f"dashboard {month} (figures, as manager)": "a month's dashboard (figures, as manager)",
            f"dashboard {month}, hash/merge joins allowed": "a month's dashboard, hash/merge joins allowed",
            f"kpi.department {month}": "kpi.department, a month",
            f"dashboard {e_start:%Y-%m} (no ROs)": "dashboard of a month with no ROs",
            f"Excel summary {month}": "Excel summary, a month",
        }
        out = []
        for name, xs, fl in rows:
            key = stable.get(name, "Excel summary, a year" if name.endswith("(a year)") else name)
            out.append(scale.row(key, [x * 1000 for x in xs], [x * 1000 for x in fl] if fl else None))
        scale.emit(out, bench="bench_dashboard", url=args.database, orders=ros, json_path=args.json)
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
