"""Benchmark: a full-year Excel summary of the 100,000-RO demo database, against the
floor — a bare openpyxl write-only workbook with the same sheets, rows and columns of
plain values, written in the same process. Targets: ≤ 1.5 × the floor's time, peak
memory < 300 MB.

Run: .venv/bin/python -m tests.benchmarks.bench_export [--db FILE] [--days N]
Without --db it uses /tmp/advisor-bench-100k.db (generated first if missing, with
``main.py demo-data --orders 100000``). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from openpyxl import Workbook

DEFAULT_DB = Path("/tmp/advisor-bench-100k.db")
TIME_FACTOR = 1.5
MEMORY_MB = 300.0
ROOT = Path(__file__).resolve().parents[2]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _shape(start: dt.date, end: dt.date) -> list[tuple[str, int, int]]:
    """(sheet, rows incl. header, columns) of the export, as the export will write it."""
    from advisor import kpi
    from advisor.kpi import rows
    from advisor.kpi._sql import Period
    from reports.excel_labels import COLUMNS, FIGURES

    p = Period(start, end)
    days = (end - start).days + 1
    k = kpi.department(start, end)
    summary_rows = 5 + len(FIGURES) + 5 + 7 + 7 + len(k.declines) + 2 + 4 + 2 + days
    counts = {
        "ros": rows.count_ros(p), "lines": rows.count_lines(p),
        "advisors": len(kpi.per_advisor(start, end)), "technicians": len(kpi.per_technician(start, end)),
        "follow_ups": rows.count_follow_ups(p), "declined": rows.count_declined(p),
        "changes": rows.count_changes(p), "misses": rows.count_misses(p),
    }  # fmt: skip
    return [("summary", summary_rows, 4)] + [(key, n + 1, len(COLUMNS[key])) for key, n in counts.items()]


def floor(path: Path, shape: list[tuple[str, int, int]]) -> None:
    """The same cells as plain values (numbers and short strings), no styles, no queries."""
    wb = Workbook(write_only=True)
    for name, n_rows, n_cols in shape:
        ws = wb.create_sheet(name)
        for r in range(n_rows):
            ws.append([r if c % 2 else f"text {c}" for c in range(n_cols)])
    wb.save(path)


def ours(path: Path, start: dt.date, end: dt.date) -> None:
    from reports import excel

    excel.write_summary(path, start=start, end=end, lang="zh_CN")


def _timed(fn: object, *args: object) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0


def _traced(fn: object, *args: object) -> float:
    gc.collect()
    tracemalloc.start()
    fn(*args)  # type: ignore[operator]
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, default=DEFAULT_DB)
    p.add_argument("--days", type=int, default=365, help="length of the period (ending on the last arrival)")
    p.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass")
    args = p.parse_args()
    if not args.db.exists():
        print(f"generating {args.db} (100,000 ROs)…", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--database",
                f"sqlite:///{args.db}",
                "demo-data",
                "--orders",
                "100000",
                "--system",
            ],
            check=True,
            cwd=ROOT,
        )

    from peewee import fn

    from advisor import db
    from advisor.models import RepairOrder

    rss0 = _rss_mb()
    db.open_database(f"sqlite:///{args.db}")
    last = RepairOrder.select(fn.MAX(RepairOrder.arrived_at)).scalar()
    last = last if isinstance(last, dt.datetime) else dt.datetime.fromisoformat(str(last))
    end = last.date()
    start = end - dt.timedelta(days=args.days - 1)
    t0 = time.perf_counter()
    shape = _shape(start, end)
    print(f"shape counted in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    cells = sum(r * c for _n, r, c in shape)
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    t_floor = _timed(floor, out / "floor.xlsx", shape)
    rss_floor = _rss_mb()
    print(f"floor {t_floor:.1f} s", file=sys.stderr, flush=True)
    t_ours = _timed(ours, out / "ours.xlsx", start, end)
    rss_ours = _rss_mb()
    print(f"ours {t_ours:.1f} s", file=sys.stderr, flush=True)
    peak_floor = peak_ours = float("nan")
    if not args.no_trace:
        peak_floor = _traced(floor, out / "floor2.xlsx", shape)
        peak_ours = _traced(ours, out / "ours2.xlsx", start, end)
    db.close_database()

    print(f"period {start} – {end} ({args.days} days), database {args.db}")
    print("sheets: " + ", ".join(f"{n} {r:,}×{c}" for n, r, c in shape) + f"  = {cells:,} cells")
    print(f"{'':34}{'floor':>12}{'ours':>12}{'ratio':>9}{'target':>12}")
    print(
        f"{'time (s)':34}{t_floor:>12.1f}{t_ours:>12.1f}{t_ours / t_floor:>9.2f}"
        f"{'≤ ' + format(TIME_FACTOR, '.1f') + '×':>12}"
    )
    print(f"{'tracemalloc peak (MB)':34}{peak_floor:>12.1f}{peak_ours:>12.1f}{'':>9}{'< 300':>12}")
    print(f"{'process max RSS after (MB)':34}{rss_floor:>12.1f}{rss_ours:>12.1f}{'':>9}{'< 300':>12}")
    print(
        f"{'file size (MB)':34}{(out / 'floor.xlsx').stat().st_size / 1e6:>12.1f}"
        f"{(out / 'ours.xlsx').stat().st_size / 1e6:>12.1f}"
    )
    print(f"(max RSS before opening the database: {rss0:.1f} MB; files in {out})")
    ok_time = t_ours <= TIME_FACTOR * t_floor
    ok_mem = rss_ours < MEMORY_MB and (args.no_trace or peak_ours < MEMORY_MB)
    print(f"time {'OK' if ok_time else 'MISSED'}, memory {'OK' if ok_mem else 'MISSED'}")
    return 0 if ok_time and ok_mem else 1


if __name__ == "__main__":
    sys.exit(main())
