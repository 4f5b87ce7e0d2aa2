"""Launch to an interactive main window, and search-as-you-type latency, on a big database.

    .venv/bin/python -m tests.benchmarks.bench_launch [--db FILE] [--runs 5]

Launch: a fresh process from start to the main window shown with Today filled, median of
``--runs``, next to the FLOOR: a fresh process showing a bare QMainWindow. Search: the
work after the debounce (query + filling the drop-down) for 60 realistic terms, median
and p95. Targets: launch within 3× the floor; results within 100 ms of the debounce.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = "/tmp/advisor-bench-100k.db"

FLOOR = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1440, 900); w.show()
def done():
    print(time.time() - t0); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

APP = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from ui.app import make_application, install_fonts, start_language
app = make_application("bench")
install_fonts(app)
start_language("zh_CN")
from advisor.services import system, users
from advisor.services._base import Actor
label = system.open_database(sys.argv[2])
u = next(u for u in users.list_users() if u.role == "advisor")
from ui.context import AppContext
from ui.operations import Operations
from ui.main_window import MainWindow
actor = Actor(u.id, u.username, u.display_name, u.role)
ctx = AppContext(actor=actor, ops=Operations(actor), db_label=label, lang="zh_CN")
w = MainWindow(ctx); w.resize(1440, 900); w.show()
def done():
    print(time.time() - t0); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _launch(script: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", script, str(t0), *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True, timeout=300)  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])


def bench_launch(db: str, runs: int) -> tuple[float, float]:
    floor = statistics.median(_launch(FLOOR) for _ in range(runs))
    ours = statistics.median(_launch(APP, f"sqlite:///{db}") for _ in range(runs))
    return floor, ours


def bench_search(db: str) -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from advisor.models import Customer, Vehicle
    from advisor.services import system
    from ui.search_box import SearchBox

    QApplication.instance() or QApplication([])
    system.open_database(f"sqlite:///{db}")
    terms: list[str] = []
    for v in Vehicle.select().limit(20):
        terms += [v.plate[2:6], v.vin[-6:]]
    for c in Customer.select().limit(20):
        terms.append(c.name[:1] if len(terms) % 2 else c.name[:2])
    box = SearchBox()
    box.show()
    times = []
    for term in terms:
        box.edit.setText(term)
        box.timer.stop()  # measure the work that follows the debounce
        t = time.perf_counter()
        box.run_search()
        QApplication.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    if not Path(args.db).exists():
        sys.exit(f"{args.db} missing: python main.py --database sqlite:///{args.db} demo-data --orders 100000")
    floor, ours = bench_launch(args.db, args.runs)
    med, p95 = bench_search(args.db)
    print(f"{'measure':44} {'value':>10} {'floor':>10} {'ratio':>7} target")
    print(f"{'launch to main window (median of ' + str(args.runs) + ')':44} {ours:9.2f}s {floor:9.2f}s "
          f"{ours / floor:6.1f}x  ≤3x")
    print(f"{'search after debounce, median':44} {med:8.1f}ms {'':>10} {'':>7} <100 ms")
    print(f"{'search after debounce, p95':44} {p95:8.1f}ms {'':>10} {'':>7} <100 ms")


if __name__ == "__main__":
    main()
