"""A period's figures read the period's rows, not the history (issue 15).

Every statement the manager's dashboard (``dashboard.figures``, with and without the
advisor and technician filters), each drill-down and the Excel summary run for a month
is caught from peewee's log and planned again by the engine; no table that grows with
the history may be read whole:

* SQLite: ``EXPLAIN QUERY PLAN`` shows no ``SCAN`` of such a table (a full walk of its
  rows or of one of its indexes) and no ``SEARCH`` of one by anything but a range (the
  period's dates) or a key (per RO, line or settlement): ``estimate_line_status
  (status=?)`` reads every approved line ever stored. Once without statistics, as a
  fresh file has none, and once after ``ANALYZE``;
* PostgreSQL, with statistics (as autovacuum keeps them; the advisor and technician
  filters rely on them, ``_sql.by_person``): ``EXPLAIN (FORMAT JSON)`` under the
  services' planner settings (``_sql.plan_by_period``: no hash or merge
  joins) with ``enable_seqscan`` off shows no Seq Scan of such a table, and no index scan of one whose condition is neither a range nor a key
  (or that has none: a full walk in index order).

Before migration 0007 and the rewrites in ``advisor.kpi`` this failed on 30-odd
statements (settlements, lines decided, jobs done, QC passed, tech_pairs' DISTINCT over
every assignment, ``repair_order_advisor_id`` walked for a GROUP BY…). Not timed: plans
are what makes the cost follow the period (``tests/benchmarks/bench_dashboard.py``
measures it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peewee
import pytest

from advisor import db, demo
from advisor.kpi._sql import plan_by_period
from advisor.models import Technician, User
from advisor.services import dashboard
from advisor.services import scorecard as scorecard_service
from advisor.services.users import system_actor
from reports import excel
from tests.benchmarks._scale import capture
from tests.benchmarks._scale import reads as selects

# Tables whose rows grow with the history (ROs and what hangs off them).
BIG = frozenset(
    [
        "repair_order",
        "estimate_line",
        "assignment",
        "step_event",
        "settlement",
        "payment",
        "clock_event",
        "follow_up",
        "appointment",
        "contact_log",
        "part_order",
        "qc_check",
        "change_request",
        "concern",
        "authorisation",
        "stock_move",
        "customer",
        "vehicle",
        "mileage_reading",
        "audit_log",
        "complaint",  # the Excel summary's Complaints sheet: by the period's raised_at
        "improvement_action",  # … and the actions overdue: by due_on
    ]
)
# The audit chain's head: the last row by primary key, read backwards and stopped at one.
_LAST_ROW = re.compile(r'ORDER BY "t\d+"\."id" DESC LIMIT')


def _aliases(sql: str) -> dict[str, set[str]]:
    """alias → the tables it names anywhere in the statement (subqueries reuse t1…)."""
    out: dict[str, set[str]] = {}
    for table, alias in re.findall(r'"(\w+)" AS "(\w+)"', sql):
        out.setdefault(alias, set()).add(table)
    return out


# Columns an equality may probe by: a row's own key or the key of the row it hangs off
# (per RO, per line, per settlement of the period; per appointment the period's ROs were
# opened from: the scorecard's "Arrival prepared"). An equality on anything else — a
# status, an advisor, a technician — reads that value's whole history.
KEYS = (
    "rowid",
    "id",
    "ro_id",
    "line_id",
    "settlement_id",
    "comeback_of_id",
    "assignment_id",
    "appointment_id",
)
_KEY_EQ = re.compile(r"\b(" + "|".join(KEYS) + r")\b\s*=")


def _sqlite_constraint_ok(constraint: str) -> bool:
    """``(done_at>? AND done_at<?)`` — a range: the period; ``(ro_id=?)`` — a probe."""
    return ">" in constraint or "<" in constraint or bool(_KEY_EQ.search(constraint))


def _sqlite_scans(database: peewee.Database, sql: str, params: tuple[Any, ...]) -> list[str]:
    names = _aliases(sql)
    found = []
    for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall():
        detail = row[-1]
        m = re.match(r"(SCAN|SEARCH) (\w+)(?: USING .*?)?(\(.*\))?(?: LEFT-JOIN)?$", detail)
        if not m or not names.get(m.group(2), set()) & BIG:
            continue
        if m.group(1) == "SCAN" or not _sqlite_constraint_ok(m.group(3) or ""):
            found.append(f"{detail} [{', '.join(sorted(names[m.group(2)]))}]")
    return found


def _pg_cond_ok(cond: str) -> bool:
    return any(op in cond for op in (">", "<")) or bool(_KEY_EQ.search(cond))


def _pg_scans(database: peewee.Database, sql: str, params: tuple[Any, ...]) -> list[str]:
    with database.atomic():
        plan_by_period()  # as the dashboard's services plan: no hash or merge joins
        database.execute_sql("SET LOCAL enable_seqscan = off")
        plan = database.execute_sql("EXPLAIN (FORMAT JSON) " + sql, params).fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    found: list[str] = []

    def walk(node: dict[str, Any], parent_rel: str | None) -> None:
        kind = node.get("Node Type", "")
        rel = node.get("Relation Name") or (parent_rel if kind == "Bitmap Index Scan" else None)
        if rel in BIG:
            if kind == "Seq Scan":
                found.append(f"Seq Scan on {rel}")
            elif kind in ("Index Scan", "Index Only Scan", "Bitmap Index Scan"):
                cond = node.get("Index Cond", "")
                if not _pg_cond_ok(cond):
                    found.append(f"{kind} on {rel} using {node.get('Index Name', '')} {cond}")
        for child in node.get("Plans", []):
            walk(child, node.get("Relation Name"))

    walk(plan[0]["Plan"], None)
    return found


def full_reads(database: peewee.Database, statements: list[tuple[str, tuple[Any, ...]]]) -> list[str]:
    """Each statement with the whole-table reads its plan holds."""
    scans = _pg_scans if db.is_postgres() else _sqlite_scans
    out = []
    for sql, params in dict.fromkeys(statements):
        if _LAST_ROW.search(sql):
            continue
        for scan in scans(database, sql, params):
            out.append(f"{scan}: {sql[:160]}…")
    return out


def _month_before(day: dt.date) -> tuple[dt.date, dt.date]:
    end = day.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def _the_months_work(tmp_path: Path) -> Callable[[], None]:
    """Everything the dashboard and the summary export run for last month."""
    start, end = _month_before(dt.date.today())
    actor = system_actor()
    advisor = User.select().where(User.role == "advisor").order_by(User.id).first()
    tech = Technician.select().order_by(Technician.id).first()
    assert advisor is not None and tech is not None
    filters = [(None, None), (advisor.id, None), (None, tech.id)]

    def run() -> None:
        for adv, tec in filters:
            snap = dashboard.figures(actor=actor, start=start, end=end, advisor_id=adv, technician_id=tec)
            assert snap.current.opened > 0 or adv or tec  # the month is not empty
            for key in dashboard.DRILL_KEYS:
                dashboard.drill_down(
                    actor=actor, keys=(key,), start=start, end=end, advisor_id=adv, technician_id=tec
                )
            # The process scorecard and the ROs behind each rule's misses (issue 17).
            scorecard_service.read_scorecard(
                actor=actor, start=start, end=end, advisor_id=adv, technician_id=tec
            )
            for rule in scorecard_service.RULE_KEYS:
                scorecard_service.drill(
                    actor=actor, rule=rule, start=start, end=end, advisor_id=adv, technician_id=tec
                )
        dashboard.export(
            actor=actor, write=lambda: excel.write_summary(tmp_path / "summary.xlsx", start=start, end=end)
        )

    return run


@pytest.fixture
def demo_month(database: peewee.Database) -> peewee.Database:
    demo.generate(orders=400, seed=5)
    return database


def test_a_months_figures_read_only_the_months_rows(demo_month: peewee.Database, tmp_path: Path) -> None:
    run = _the_months_work(tmp_path)
    with capture() as sent:
        run()
    statements = selects(sent)
    assert len(statements) > 100  # the dashboard, the drill-downs and the workbook
    if db.is_postgres():  # with statistics, as autovacuum keeps them
        demo_month.execute_sql("ANALYZE")
        reads = full_reads(demo_month, statements)
        assert reads == [], "\n".join(reads)
        return
    # SQLite plans by fixed guesses until it has statistics (a fresh file has none) …
    if demo_month.table_exists("sqlite_stat1"):
        demo_month.execute_sql("DELETE FROM sqlite_stat1")
        demo_month.execute_sql("ANALYZE sqlite_schema")  # the planner reloads (no) statistics
    reads = full_reads(demo_month, statements)
    assert reads == [], "\n".join(reads)
    # … and by the data once it has them.
    db.refresh_statistics(demo_month)
    assert demo_month.execute_sql("SELECT COUNT(*) FROM sqlite_stat1").fetchone()[0] > 0
    reads = full_reads(demo_month, statements)
    assert reads == [], "\n".join(reads)


def test_the_period_indexes_exist(database: peewee.Database) -> None:
    names = {
        "settlement_in_force_at",
        "repair_order_qc_passed_at",
        "estimate_line_decided_at",
        "assignment_done_at",
        "appointment_created_at",
        "part_order_arrived_at",
        "change_request_raised_at",
    }
    have: set[str] = set()
    for table in ("settlement", "repair_order", "estimate_line", "assignment", "appointment", "part_order",
                  "change_request"):  # fmt: skip
        have |= {ix.name for ix in database.get_indexes(table)}
    assert names <= have
