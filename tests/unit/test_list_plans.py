"""Lists that must cost what they show, not what history holds: their query plans.

Timings belong in the benchmarks (``tests/benchmarks/bench_scale.py``); these tests pin
the plans that keep the cost flat as the database grows, on each engine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee
import pytest

from advisor import demo
from advisor.db import is_postgres
from advisor.services import lounge, orders, solicitation, workshop
from tests.benchmarks._scale import capture, reads


def _plan(database: peewee.Database, call: Callable[[], Any], table: str) -> str:
    """The plan of the statement ``call`` sends that reads ``table``."""
    with capture() as statements:
        call()
    sql, params = next((s, p) for s, p in reads(statements) if f'FROM "{table}"' in s)
    if is_postgres():
        rows = database.execute_sql("EXPLAIN " + sql, params).fetchall()
        return "\n".join(r[0] for r in rows)
    rows = database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return "\n".join(str(r[3]) for r in rows)


@pytest.fixture
def history(database: peewee.Database) -> peewee.Database:
    demo.generate(orders=400, seed=5)  # leaves the planner's statistics current
    return database


def test_unassigned_jobs_look_up_each_lines_assignment_not_every_assignment(history: peewee.Database) -> None:
    """``NOT IN (SELECT line_id FROM assignment)`` made PostgreSQL hash every assignment
    ever made (200 ms at 100k ROs); NOT EXISTS is an anti-join on ``assignment (line_id)``."""
    plan = _plan(history, workshop.unassigned_jobs, "estimate_line")
    if is_postgres():
        # An anti-join of whatever kind the planner picks for this small sample (it may
        # hash it, with or without statistics); NOT IN is never one: a hashed SubPlan
        # filter over every assignment, whatever the size.
        assert "Anti Join" in plan, plan
    else:
        assert "CORRELATED" in plan and "assignment_line_id" in plan, plan


def test_the_call_lists_declined_work_walks_handed_over_ros_newest_first(history: peewee.Database) -> None:
    """The call list wants the 500 newest declined lines. SQLite read every declined line
    ever stored through ``estimate_line (status)`` and sorted them (170 ms at 100k ROs);
    walking ``repair_order (handed_over_at)`` backwards stops after 500."""
    if is_postgres():
        pytest.skip("PostgreSQL's planner weighs the LIMIT itself (checked at 100k ROs in bench_scale)")
    plan = _plan(history, lambda: solicitation.declined_work(limit=500), "estimate_line")
    assert "estimate_line_status" not in plan, plan
    assert "repair_order_handed_over_at" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # in index order: no sort of the whole set


def test_todays_queue_probes_each_ros_badges_not_every_record(history: peewee.Database) -> None:
    """Today's 300 open ROs get their badges by a probe per RO on ``ro_id``. At 1M ROs
    PostgreSQL turned the EXISTS of open tasks into a hash of every open task left in the
    history (a seq scan of the task table, 10 ms and growing). It weighs the two by the
    sizes, so a sample this small never shows it: on PostgreSQL each EXISTS must carry the
    OFFSET 0 that rules the hash out (``db.exists``); SQLite probes per row by design."""
    with capture() as statements:
        orders.open_orders()
    (sql,) = [s for s, _p in reads(statements) if 'FROM "repair_order"' in s and "EXISTS" in s]
    assert sql.count("EXISTS") == 4, sql
    if is_postgres():
        assert sql.count("OFFSET %s") >= 4 or sql.count("OFFSET 0") >= 4, sql
    else:
        plan = _plan(history, orders.open_orders, "repair_order")
        assert "CORRELATED" in plan and "task_ro_id" in plan, plan


def test_the_call_lists_due_cars_are_read_by_their_indexes(history: peewee.Database) -> None:
    """Due by date: a range of ``vehicle (next_service_date)``; due by kilometres: the
    index of the kilometres left (migration 0009). One OR of the two was answered by
    walking every car in date order, the never-serviced ones (no date) first."""
    if is_postgres():
        pytest.skip("SQLite's plans; PostgreSQL plans these by its statistics")
    with capture() as statements:
        solicitation.call_list()
    plans = [
        " / ".join(str(r[3]) for r in history.execute_sql("EXPLAIN QUERY PLAN " + s, p))
        for s, p in reads(statements)
        if 'FROM "vehicle"' in s and "next_service" in s.split("WHERE", 1)[-1]
    ]
    assert len(plans) >= 2, plans
    assert all("SCAN t1" not in plan for plan in plans), plans
    assert any("vehicle_km_to_service" in plan for plan in plans), plans


def test_my_jobs_reads_the_open_ros_jobs_and_todays_finished_by_date(history: peewee.Database) -> None:
    """A technician's jobs: never a scan of every job, nor their whole history through
    ``assignment (technician_id)`` (every job they ever did) — the open jobs through the
    open ROs and ``assignment (ro_id)``, today's finished ones by ``done_at``. (By
    ``assignment (status)`` SQLite took 'waiting' for a third of all jobs and scanned.)"""
    if is_postgres():
        pytest.skip("SQLite's plans; PostgreSQL plans these by its statistics")
    from advisor.models import Technician
    from advisor.services._base import Actor
    from advisor.services.my_jobs import my_jobs

    tech = Technician.select().where(Technician.user.is_null(False)).first()
    actor = Actor(tech.user_id, "tech", tech.name, "technician")
    with capture() as statements:
        my_jobs(actor)
    plans = [
        " / ".join(str(r[3]) for r in history.execute_sql("EXPLAIN QUERY PLAN " + s, p))
        for s, p in reads(statements)
        if s.lstrip().startswith('SELECT "t1"."id", "t2"."id"') and 'FROM "assignment"' in s
    ]
    assert len(plans) == 2, plans
    assert all("technician_id" not in plan and "SCAN" not in plan for plan in plans), plans
    assert "repair_order_open_queue" in plans[0] or "repair_order_status" in plans[0], plans
    assert "assignment_ro_id" in plans[0] and "assignment_done_at" in plans[1], plans


def test_the_lounge_reads_todays_arrivals_only(history: peewee.Database) -> None:
    """The lounge screen (re-read each minute and on every commit) takes today's arrivals
    by ``repair_order (arrived_at)``: with statistics SQLite preferred ``handed_over_at IS
    NULL``, which also holds every RO ever closed without a handover."""
    if is_postgres():
        pytest.skip("PostgreSQL weighs the day's range by its statistics (EXPLAIN varies with this sample)")
    plan = _plan(history, lounge.lounge, "repair_order")
    assert "repair_order_arrived_at (arrived_at>?)" in plan, plan
    assert "handed_over_at" not in plan and "SCAN t1" not in plan, plan


def test_the_cashiers_queue_reads_the_open_ros_and_probes_each_bills_payments(
    history: peewee.Database,
) -> None:
    """Payments: the bills still due are found among the open ROs (their index), each
    with its settlement by ``settlement (ro_id)`` and what was paid by a probe of
    ``payment (settlement_id)`` — never a scan of the settlements or payments of history."""
    if is_postgres():
        pytest.skip("SQLite's plans; PostgreSQL plans these by its statistics")
    from advisor.models import User
    from advisor.services import settlement
    from advisor.services._base import Actor

    u = User.get(User.role == "cashier")
    cashier = Actor(u.id, u.username, u.display_name, "cashier", u.session_gen)
    with capture() as statements:
        settlement.read_payment_queue(actor=cashier)
    plans = [
        " / ".join(str(r[3]) for r in history.execute_sql("EXPLAIN QUERY PLAN " + s, p))
        for s, p in reads(statements)
        if 'FROM "repair_order"' in s and 'JOIN "settlement"' in s
    ]
    assert len(plans) == 1, plans
    plan = plans[0]
    assert "SCAN" not in plan, plan
    assert "repair_order_open_queue" in plan or "repair_order_status" in plan, plan
    assert "settlement_ro_id" in plan and "payment_settlement_id" in plan, plan


def test_declined_findings_photos_are_read_by_the_ros_not_the_history(history: peewee.Database) -> None:
    """The call list shows a declined finding with its photo (issue 18): each declined line
    names its finding (``estimate_line.finding``), and the photos' ids are read through
    ``photo (ro_id, subject, subject_id)`` — never a scan of every photo ever taken, and
    no read of the inspections at all."""
    if is_postgres():
        pytest.skip("SQLite's plans; PostgreSQL plans these by its statistics")
    from advisor.models import EstimateLine, InspectionResult, RepairOrder
    from tests.inspection_rows import inspect

    declined = (
        EstimateLine.select()
        .join(RepairOrder)
        .where((EstimateLine.status == "declined") & RepairOrder.handed_over_at.is_null(False))
        .first()
    )
    ro = RepairOrder.get_by_id(declined.ro_id)
    ids = inspect(ro.id, ro.advisor_id)
    InspectionResult.update(line=declined.id).where(InspectionResult.id == ids["wipers"]).execute()
    EstimateLine.update(finding=ids["wipers"]).where(EstimateLine.id == declined.id).execute()
    with capture() as statements:
        items = solicitation.declined_work(limit=500)
    assert any(x.photo_ids for x in items)
    read = reads(statements)
    assert not [s for s, _p in read if 'FROM "inspection' in s]
    plans = [
        " / ".join(str(r[3]) for r in history.execute_sql("EXPLAIN QUERY PLAN " + s, p))
        for s, p in read
        if 'FROM "photo"' in s
    ]
    assert plans and all("SCAN" not in plan and "photo_ro_id_subject_subject_id" in plan for plan in plans), (
        plans
    )
