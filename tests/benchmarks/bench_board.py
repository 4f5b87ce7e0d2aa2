"""Benchmark: a refresh of the foreman's job board (query + model reset), next to a floor.

    .venv/bin/python -m tests.benchmarks.bench_board [--db FILE] [--runs 20] [--jobs 60]

With the 100,000-RO demo database (built with ``advisor.demo`` when FILE does not exist
yet) topped up to ``--jobs`` jobs in the workshop today. The floor is the same three
SELECTs run with the sqlite3 module and ``fetchall`` only: what no ORM can beat.
Target: median board refresh under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from advisor import db
from advisor.models import Assignment, ClockEvent, Concern, RepairOrder, Technician, User, now
from advisor.services import workshop
from advisor.services._base import Actor

TARGET_MS = 50.0


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    fn()  # warm the caches once
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def _actor(role: str) -> Actor:
    u = User.select().where((User.role == role) & (User.active == True)).order_by(User.id).first()  # noqa: E712
    if u is None:
        raise SystemExit(f"no active {role} in the database")
    return Actor(u.id, u.username, u.display_name, role)


def top_up(jobs: int) -> int:
    """Add authorised, dispatched ROs until ``jobs`` jobs are on today's board."""
    from tests import factories

    have = len(workshop.board())
    if have >= jobs:
        return have
    tech_ids = tuple(t.id for t in Technician.select().where(Technician.active == True))  # noqa: E712
    staff = factories.Staff(
        admin=_actor("admin"),
        advisor=_actor("advisor"),
        advisor2=_actor("advisor"),
        foreman=_actor("foreman"),
        technician=_actor("foreman"),
        parts=_actor("parts_clerk"),
        cashier=_actor("cashier"),
        manager=_actor("manager"),
        tech_ids=tech_ids,
    )
    bays = [b.id for b in workshop.bays()]
    start = now().replace(minute=0, second=0, microsecond=0)
    for i in range(jobs - have):
        _c, vehicle = factories.make_customer_vehicle(
            staff, name=f"Bench {i}", phone=f"139{i + 10_000_000:08d}"
        )
        _ro, lines = factories.authorised(staff, vehicle_id=vehicle)
        a = workshop.assign(
            actor=staff.foreman,
            line_id=lines[0],
            technician_id=tech_ids[i % len(tech_ids)],
            bay_id=bays[i % len(bays)],
            planned_start=start + dt.timedelta(minutes=15 * (i % 8)),
            planned_end=start + dt.timedelta(minutes=15 * (i % 8) + 60),
            # A full board on purpose: eight jobs a technician and bay in the same two hours.
            override_reason="benchmark: a board loaded past its capacity",
        )
        if i % 3:
            workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
            if i % 3 == 2:
                workshop.pause(actor=staff.foreman, assignment_id=a.id, reason="parts")
    return len(workshop.board())


def floor_ms(path: Path, runs: int) -> tuple[float, float]:
    """The board's three SELECTs through sqlite3 directly (the same SQL peewee sends)."""
    start = dt.datetime.combine(now().date(), dt.time())
    sql, params = workshop._board_query(start, start + dt.timedelta(days=1)).sql()
    con = sqlite3.connect(path)
    concern, clock = Concern._meta.table_name, ClockEvent._meta.table_name

    def run() -> None:
        rows = con.execute(sql, params).fetchall()
        ro_ids = list({r[1] for r in rows})
        ticking = [r[0] for r in rows]
        marks = ",".join("?" * len(ro_ids))
        con.execute(
            f"SELECT ro_id, seq, customer_words FROM {concern} WHERE ro_id IN ({marks}) ORDER BY ro_id, seq",
            ro_ids,
        ).fetchall()
        marks = ",".join("?" * len(ticking))
        con.execute(
            f"SELECT assignment_id, kind, at FROM {clock} WHERE assignment_id IN ({marks}) ORDER BY id",
            ticking,
        ).fetchall()

    try:
        return _median_ms(run, runs)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="/tmp/advisor-bench-100k.db")
    parser.add_argument("--orders", type=int, default=100_000, help="demo ROs when the file is built")
    parser.add_argument("--jobs", type=int, default=60)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    path = Path(args.db)
    database = db.open_database(f"sqlite:///{path}")
    if RepairOrder.select().count() == 0:
        from advisor import demo

        print(f"building {args.orders:,} demo ROs in {path} …", flush=True)
        print(demo.generate(orders=args.orders))
    jobs = top_up(args.jobs)
    print(
        f"database: {path} — {RepairOrder.select().count():,} ROs, {Assignment.select().count():,} "
        f"assignments, {Concern.select().count():,} concerns, {ClockEvent.select().count():,} clock events"
    )
    print(f"jobs on today's board: {jobs}")

    from PySide6.QtWidgets import QApplication

    from ui.board_model import BoardModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    model = BoardModel()

    def refresh() -> None:
        model.set_jobs(workshop.board())

    q_med, q_max = _median_ms(workshop.board, args.runs)
    jobs_now = workshop.board()
    r_med, r_max = _median_ms(lambda: model.set_jobs(jobs_now), args.runs)
    b_med, b_max = _median_ms(refresh, args.runs)
    f_med, f_max = floor_ms(path, args.runs)

    from ui.context import AppContext
    from ui.operations import Operations
    from ui.workspaces.board import BoardWorkspace

    foreman = _actor("foreman")
    ws = BoardWorkspace(AppContext(actor=foreman, ops=Operations(foreman), db_label=str(path), lang="en"))
    ws.resize(1440, 900)
    w_med, w_max = _median_ms(ws.refresh, args.runs)
    print(f"{'measure (median of ' + str(args.runs) + ')':<46}{'median ms':>10}{'max ms':>10}")
    for name, med, mx in (
        ("floor: raw SQL via sqlite3 (3 SELECTs)", f_med, f_max),
        ("workshop.board() (query + views)", q_med, q_max),
        ("model reset (BoardModel.set_jobs)", r_med, r_max),
        ("BOARD REFRESH: board() + model reset", b_med, b_max),
        ("whole workspace refresh (+ columns, offscreen)", w_med, w_max),
    ):
        print(f"{name:<46}{med:>10.2f}{mx:>10.2f}")
    ok = b_med < TARGET_MS
    print(f"target: board refresh median < {TARGET_MS:.0f} ms — {'met' if ok else 'MISSED'}")
    database.close()
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
