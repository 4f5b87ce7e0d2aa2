"""The growth table: the scale benchmarks run on databases of several sizes and both
engines, and one table with each measure's p95 per database, its floor beside it, and
its growth from the smallest database to the largest of the same engine.

    .venv/bin/python -m tests.benchmarks.growth --json /tmp/growth.json \\
        --database /tmp/advisor-bench-10k-r250.db --database postgresql://…/scale10k … \\
        [--bench bench_scale --bench bench_search --bench bench_dashboard]
    .venv/bin/python -m tests.benchmarks.growth --json /tmp/growth.json --table-only

Each benchmark runs in its own process per database (``--database URL --json FILE``),
one after the other, so each has the machine to itself as far as this script goes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from tests.benchmarks._scale import database_url

ROOT = Path(__file__).resolve().parents[2]
BENCHES = ("bench_scale", "bench_search", "bench_dashboard", "bench_launch")


def run(benches: list[str], databases: list[str], json_path: str, extra: list[str]) -> None:
    for url in map(database_url, databases):
        for bench in benches:
            cmd = [sys.executable, "-m", f"tests.benchmarks.{bench}", "--database", url, "--json", json_path]
            print("$", " ".join(cmd + extra), flush=True)
            subprocess.run(cmd + extra, cwd=ROOT, check=False)


def _size(n: int) -> str:
    return f"{n / 1e6:g}M" if n >= 1e6 else f"{n / 1e3:g}k"


def table(records: list[dict[str, Any]]) -> str:
    """Markdown: a row per (bench, measure); per database p50 / p95 (floor p95); growth per
    engine from its smallest database to its largest, of the p50 and of the p95."""
    dbs = sorted({(r["engine"], r["orders"]) for r in records})
    engines = sorted({e for e, _n in dbs})
    by: dict[tuple[str, str], dict[tuple[str, int], dict[str, Any]]] = defaultdict(dict)
    order: list[tuple[str, str]] = []
    for r in records:
        key = (r["bench"], r["measure"])
        if key not in by:
            order.append(key)
        by[key][(r["engine"], r["orders"])] = r  # the latest run of a database wins
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    head = (
        ["measure"]
        + [f"{names.get(e, e)} {_size(n)}: p50 / p95 (floor p95)" for e, n in dbs]
        + [f"growth {names.get(e, e)} p50 / p95" for e in engines]
    )
    out = ["| " + " | ".join(head) + " |", "|---" + "|--:" * (len(head) - 1) + "|"]
    for key in order:
        cells = [f"{key[0].removeprefix('bench_')}: {key[1]}"]
        for db in dbs:
            r = by[key].get(db)
            if r is None:
                cells.append("")
                continue
            floor = f" ({r['floor_p95']:.1f})" if r.get("floor_p95") else ""
            cells.append(f"{r['p50']:.1f} / {r['p95']:.1f}{floor}")
        for e in engines:
            sizes = sorted((n, r) for (eng, n), r in by[key].items() if eng == e)
            if len(sizes) >= 2 and sizes[0][1]["p95"] and sizes[0][1]["p50"]:
                first, last = sizes[0][1], sizes[-1][1]
                cells.append(f"{last['p50'] / first['p50']:.2f}× / {last['p95'] / first['p95']:.2f}×")
            else:
                cells.append("")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", required=True, help="the results file (appended to)")
    p.add_argument("--database", action="append", default=[], help="a database URL or SQLite file; repeat")
    p.add_argument("--bench", action="append", choices=BENCHES, help="default: all of them")
    p.add_argument("--table-only", action="store_true", help="only print the table of what --json holds")
    args, extra = p.parse_known_args(argv)
    if not args.table_only:
        run(args.bench or list(BENCHES), args.database, args.json, extra)
    print(table(json.loads(Path(args.json).read_text())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
