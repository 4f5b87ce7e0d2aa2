"""Benchmark: generate N demo repair orders into a fresh SQLite file (target < 120 s).

Run: .venv/bin/python -m tests.benchmarks.bench_demo [--db FILE] [--orders N] [--seed S]
Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

TARGET_S = 120.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "advisor-bench-demo.db")
    p.add_argument("--orders", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()

    from advisor import db, demo
    from advisor.reference import ensure_reference_data

    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    database = db.open_database(f"sqlite:///{args.db}")
    with database.atomic():
        ensure_reference_data()
    t1 = time.perf_counter()
    summary = demo.generate(orders=args.orders, seed=args.seed)
    t2 = time.perf_counter()
    db.close_database()
    size_mb = args.db.stat().st_size / 1e6
    gen = t2 - t1
    print(f"{'what':28} {'value':>14}")
    print(f"{'orders':28} {args.orders:>14,}")
    print(f"{'migrate + reference (s)':28} {t1 - t0:>14.2f}")
    print(f"{'generate (s)':28} {gen:>14.2f}")
    print(f"{'orders / s':28} {args.orders / gen:>14,.0f}")
    print(f"{'timeline events':28} {summary.events:>14,}")
    print(f"{'estimate lines':28} {summary.lines:>14,}")
    print(f"{'database size (MB)':28} {size_mb:>14.1f}")
    ok = gen < TARGET_S or args.orders < 100_000
    print(f"{'target < 120 s (100k)':28} {'OK' if ok else 'MISSED':>14}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
