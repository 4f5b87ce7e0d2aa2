"""Benchmark: generate N demo repair orders into an empty database, SQLite or PostgreSQL.

Run: .venv/bin/python -m tests.benchmarks.bench_demo [--orders N] [--database URL] [--per-day R]
     [--seed S] [--every K]

``--database`` is ``sqlite:///FILE`` (the file is removed and made anew) or the URL of an EMPTY
PostgreSQL database (migrated here; refused when it already holds ROs). Reports wall and CPU
time, the rate and the resident memory (RSS) per chunk of ``--every`` ROs (100,000 by default,
a tenth of a smaller load), the final steps after the last RO (indexes, search, write-backs),
the peak RSS (``ru_maxrss``) and the rows made, as markdown. Targets (issue 15): 1M ROs within
15 min on SQLite, memory ≤ 300 MB, a rate that does not fall with size.
Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

TARGET_S_PER_1M = 15 * 60
TARGET_RSS_MB = 300


def rss_mb() -> float:
    """The resident memory of this process now (``/proc/self/statm``)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


def cpu_s() -> float:
    t = os.times()
    return t.user + t.system


def proc_cpu_s(pid: int | None) -> float:
    """CPU seconds of a process on this machine (0 when it is elsewhere or gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--database",
        default=f"sqlite:///{Path(tempfile.gettempdir()) / 'advisor-bench-demo.db'}",
        help="sqlite:///FILE (made anew) or postgresql://… of an EMPTY database",
    )
    p.add_argument("--orders", type=int, default=100_000)
    p.add_argument("--per-day", type=int, default=None, help="ROs a day (default: all within one year)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--every", type=int, default=0, help="ROs a chunk (default: 100,000, or a tenth)")
    args = p.parse_args()
    every = args.every or (100_000 if args.orders >= 200_000 else max(1, args.orders // 10))

    laps: list[str] = []  # the generator's own account of its steps (advisor.demo.generator.lap)

    class Laps(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            laps.append(record.getMessage().removeprefix("demo data: "))

    logging.getLogger("advisor.demo").addHandler(Laps())
    logging.getLogger("advisor.demo").setLevel(logging.INFO)

    from advisor import db, demo
    from advisor.models import RepairOrder
    from advisor.reference import ensure_reference_data

    url = args.database
    sqlite = url.startswith("sqlite:///")
    if sqlite:
        path = url[len("sqlite:///") :]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    database = db.open_database(url)
    if RepairOrder.select().exists():
        print(f"{db.describe(url)} already holds repair orders: give an empty database")
        return 2
    with database.atomic():
        ensure_reference_data()
    # PostgreSQL's side of the work: its backend's CPU time (a server on this machine).
    backend = None if sqlite else int(database.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
    server0 = proc_cpu_s(backend)
    t1, c1 = time.perf_counter(), cpu_s()
    chunks: list[tuple[int, float, float, float]] = []  # (done, wall, cpu, rss)
    last = [0]

    def progress(done: int, total: int) -> None:
        if done - last[0] >= every or (done == total and done > last[0]):
            chunks.append((done, time.perf_counter(), cpu_s(), rss_mb()))
            last[0] = done

    samples: list[tuple[float, float]] = []  # (time, RSS) every 0.2 s: the peak of each chunk
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            samples.append((time.perf_counter(), rss_mb()))

    sampler = threading.Thread(target=sample, daemon=True)
    rss0 = rss_mb()
    sampler.start()
    summary = demo.generate(orders=args.orders, seed=args.seed, per_day=args.per_day, progress=progress)
    t2, c2 = time.perf_counter(), cpu_s()
    server = proc_cpu_s(backend) - server0
    stop.set()
    sampler.join()

    def peak(a: float, b: float) -> float:
        return max((r for t, r in samples if a <= t <= b), default=0.0)

    rss_end = rss_mb()
    db.close_database()
    gen = t2 - t1

    load = os.getloadavg()
    print(
        f"## Demo data: {args.orders:,} ROs into {db.describe(url)} ({'SQLite' if sqlite else 'PostgreSQL'})"
    )
    print()
    print(f"seed {args.seed}, per day {args.per_day or 'one year'}, load average {load[0]:.2f} {load[1]:.2f}")
    print()
    print("| ROs done | chunk wall (s) | chunk CPU (s) | ROs/s (wall) | RSS at end (MB) | RSS peak (MB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    prev_done, prev_t, prev_c = 0, t1, c1
    for done, t, c, rss in chunks:
        n = done - prev_done
        print(
            f"| {done:,} | {t - prev_t:.1f} | {c - prev_c:.1f} | {n / max(t - prev_t, 1e-9):,.0f} "
            f"| {rss:.0f} | {peak(prev_t, t):.0f} |"
        )
        prev_done, prev_t, prev_c = done, t, c
    print(
        f"| final steps | {t2 - prev_t:.1f} | {c2 - prev_c:.1f} | | {rss_end:.0f} | {peak(prev_t, t2):.0f} |"
    )
    print()
    print("Steps: " + "; ".join(laps))
    print()
    print("| what | value |")
    print("|---|---:|")
    print(f"| migrate + reference (s) | {t1 - t0:.1f} |")
    print(f"| generate, wall (s) | {gen:.1f} |")
    print(f"| generate, CPU (s) | {c2 - c1:.1f} |")
    if backend is not None:
        print(f"| PostgreSQL backend CPU (s) | {server:.1f} |")
    print(f"| ROs / s (wall, overall) | {args.orders / gen:,.0f} |")
    print(f"| RSS before the load (MB) | {rss0:.0f} |")
    print(f"| peak RSS (MB) | {peak_rss_mb():.0f} |")
    print(f"| customers | {summary.customers:,} |")
    print(f"| vehicles | {summary.vehicles:,} |")
    print(f"| estimate lines | {summary.lines:,} |")
    print(f"| timeline events | {summary.events:,} |")
    if sqlite:
        print(f"| database size (MB) | {Path(path).stat().st_size / 1e6:,.0f} |")
    projected = gen / args.orders * 1_000_000
    ok_time = projected <= TARGET_S_PER_1M
    ok_rss = peak_rss_mb() <= TARGET_RSS_MB
    print(f"| projected for 1M (min) | {projected / 60:.1f} ({'OK' if ok_time else 'MISSED'} ≤ 15) |")
    print(f"| peak RSS ≤ {TARGET_RSS_MB} MB | {'OK' if ok_rss else 'MISSED'} |")
    return 0 if ok_time and ok_rss else 1


if __name__ == "__main__":
    raise SystemExit(main())
