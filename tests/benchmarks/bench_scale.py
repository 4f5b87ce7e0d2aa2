"""Benchmark: the interactive actions of a busy day on a database of any size, either engine.

    .venv/bin/python -m tests.benchmarks.bench_scale --database URL_OR_FILE [--runs 40] [--json F]

Each action is timed as the app does it, and beside it its FLOOR: the same SELECTs the
action sends (recorded from peewee's statement log), replayed on a bare ``sqlite3`` /
``psycopg`` connection with ``fetchall`` — the same rows fetched, in the same process,
the two interleaved (ours, floor, floor, ours …). Measures:

- Today: the read services Today calls (arrivals + the open-RO queue), as an advisor;
- board: the foreman's board read service;
- open an RO: ``read_ro`` of ROs drawn from the whole history (open ones and old ones);
- the GUI on top (offscreen): the Today and board workspaces' refresh, opening an RO in
  the RO workspace (header, step bar, pages), and switching step pages (first visit,
  which builds the page, and a revisit);
- memory: resident set after all of it, and its peak.

Targets (issue 15): every interactive action p95 ≤ 3× its floor and ≤ 100 ms at 1M ROs.
The GUI rows have the reads' floor beside them: the rest of their time is Qt's.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from tests.benchmarks._scale import (
    RawReplay,
    Row,
    capture,
    database_url,
    emit,
    interleave,
    peak_rss_mb,
    reads,
    row,
    rss_mb,
)


def _actor(role: str) -> Any:
    from advisor.models import User
    from advisor.services._base import Actor

    u = User.select().where((User.role == role) & (User.active == True)).order_by(User.id).first()  # noqa: E712
    if u is None:
        raise SystemExit(f"no active {role} in the database")
    return Actor(u.id, u.username, u.display_name, role)


def sample_ros(n_open: int, n_old: int, seed: int) -> list[int]:
    """Open ROs (what Today opens) and ROs drawn evenly from the whole history (what a
    search opens), in a shuffled order."""
    from peewee import fn

    from advisor.codes import ROStatus
    from advisor.models import RepairOrder

    rng = random.Random(seed)
    open_ids = [
        r.id for r in RepairOrder.select(RepairOrder.id).where(RepairOrder.status == ROStatus.OPEN).limit(500)
    ]
    lo, hi = RepairOrder.select(fn.MIN(RepairOrder.id), fn.MAX(RepairOrder.id)).scalar(as_tuple=True)
    old: list[int] = []
    while len(old) < n_old:
        pick = (
            RepairOrder.select(RepairOrder.id).where(RepairOrder.id >= rng.randint(lo, hi)).limit(1).scalar()
        )
        if pick is not None:
            old.append(pick)
    ids = rng.sample(open_ids, min(n_open, len(open_ids))) + old
    rng.shuffle(ids)
    return ids


def service_pair(
    raw: RawReplay, call: Callable[[int], object]
) -> tuple[Callable[[int], object], Callable[[int], object]]:
    """``call`` and its floor: the SELECTs it sent on its first run for each i, replayed."""
    recorded: dict[int, list[tuple[str, tuple[Any, ...]]]] = {}

    def ours(i: int) -> object:
        if i not in recorded:
            with capture() as statements:
                out = call(i)
            recorded[i] = reads(statements)
            return out
        return call(i)

    def floor(i: int) -> object:
        if i not in recorded:
            ours(i)
        return raw.run(recorded[i])

    return ours, floor


def measure(url: str, runs: int, seed: int) -> tuple[list[Row], int]:
    from advisor import db
    from advisor.models import RepairOrder
    from advisor.services import orders, workshop

    db.open_database(url, migrate=False)
    total = RepairOrder.select().count()
    advisor, foreman = _actor("advisor"), _actor("foreman")
    raw = RawReplay(url)
    rows: list[Row] = []

    def today(_i: int) -> object:
        orders.read_arrivals_today(actor=advisor)
        return orders.read_open_orders(actor=advisor)

    ours, floor = service_pair(raw, lambda _i: today(0))
    # one recording serves every run (the same statements each time)
    a, b = interleave(lambda i: ours(0), lambda i: floor(0), runs)
    rows.append(row("Today: arrivals + open-RO queue (read services)", a, b))

    ours, floor = service_pair(raw, lambda _i: workshop.read_board(actor=foreman))
    a, b = interleave(lambda i: ours(0), lambda i: floor(0), runs)
    rows.append(row("board (read service)", a, b))

    ro_ids = sample_ros(runs // 4, runs - runs // 4, seed)
    ours, floor = service_pair(raw, lambda i: orders.read_ro(actor=advisor, ro_id=ro_ids[i % len(ro_ids)]))
    a, b = interleave(ours, floor, len(ro_ids))
    rows.append(row("open an RO: read_ro (open + across history)", a, b))

    rows += gui_rows(raw, advisor, foreman, ro_ids, runs)
    raw.close()
    rows.append(Row("memory: resident now / peak (MB)", rss_mb(), peak_rss_mb(), note="MB, not ms"))
    return rows, total


def gui_rows(raw: RawReplay, advisor: Any, foreman: Any, ro_ids: list[int], runs: int) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.operations import Operations
    from ui.workspaces.board import BoardWorkspace
    from ui.workspaces.repair_order import RepairOrderWorkspace
    from ui.workspaces.today import TodayWorkspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rows: list[Row] = []

    def ctx(actor: Any) -> AppContext:
        return AppContext(actor=actor, ops=Operations(actor), db_label="bench", lang="zh_CN")

    def settle() -> None:
        app.processEvents()

    for label, ws in (
        ("Today workspace refresh (GUI)", TodayWorkspace(ctx(advisor))),
        ("board workspace refresh (GUI)", BoardWorkspace(ctx(foreman))),
    ):
        ws.resize(1366, 700)
        ws.show()
        settle()
        ours, floor = service_pair(raw, lambda _i, ws=ws: (ws.refresh(), settle()))
        a, b = interleave(lambda i, o=ours: o(0), lambda i, f=floor: f(0), runs)
        rows.append(row(label, a, b, note="floor: its reads"))
        ws.hide()

    ro_ws = RepairOrderWorkspace(ctx(advisor))
    ro_ws.resize(1366, 700)
    ro_ws.show()
    settle()
    ours, floor = service_pair(raw, lambda i: (ro_ws.show_ro(ro_ids[i % len(ro_ids)]), settle()))
    a, b = interleave(ours, floor, len(ro_ids))
    rows.append(row("open an RO in the RO workspace (GUI)", a, b, note="floor: its reads"))

    # Step pages: the first visit builds the page; later visits only switch to it.
    first: list[float] = []
    again: list[float] = []
    first_floor: list[float] = []
    for k, ro_id in enumerate(ro_ids[: max(2, runs // 8)]):
        ro_ws.show_ro(ro_id)
        settle()
        steps = list(range(1, 14))
        random.Random(k).shuffle(steps)
        for visits, out in ((first, first), (again, again)):
            for s in steps:
                with capture() as statements:
                    t0 = _now()
                    ro_ws.show_step(s)
                    settle()
                    out.append(_now() - t0)
                if visits is first:
                    t0 = _now()
                    raw.run(reads(statements))
                    first_floor.append(_now() - t0)
    rows.append(row("step page switch, first visit (builds the page, GUI)", first, first_floor))
    rows.append(row("step page switch, revisit (GUI)", again))
    ro_ws.hide()
    return rows


def _now() -> float:
    import time

    return time.perf_counter() * 1000


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database", required=True, help="a database URL, or an SQLite file's path")
    p.add_argument("--runs", type=int, default=40)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", help="append the rows to this JSON file (for tests.benchmarks.growth)")
    args = p.parse_args(argv)
    url = database_url(args.database)
    rows, total = measure(url, args.runs, args.seed)
    emit(rows, bench="bench_scale", url=url, orders=total, json_path=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
