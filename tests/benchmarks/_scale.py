"""Shared pieces of the benchmarks that run on a database of any size and either engine.

- ``database_url`` turns ``--database`` (a URL, or a path to an SQLite file) into a URL;
- ``capture`` records the SQL statements a call sends (peewee logs each one at DEBUG on
  the ``peewee`` logger: a public, documented hook), and ``RawReplay`` runs the same
  SELECTs on a bare DB-API connection (``sqlite3`` or ``psycopg``) with ``fetchall``:
  the same rows fetched, with nothing of ours around them — the floor;
- ``interleave`` times ours and the floor alternately in the same process, so a drift in
  the machine's speed hits both alike;
- ``Row`` / ``emit`` print a markdown row per measure and append it to a JSON file that
  ``tests.benchmarks.growth`` turns into a growth table across database sizes.
"""

from __future__ import annotations

import json
import logging
import math
import os
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def database_url(value: str) -> str:
    """``--database``: a URL as the app takes it, or the path of an SQLite file."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).resolve()}"


def engine(url: str) -> str:
    return "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, tuple[Any, ...]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.msg
        if isinstance(msg, tuple) and len(msg) == 2 and isinstance(msg[0], str):
            self.statements.append((msg[0], tuple(msg[1] or ())))


@contextmanager
def capture() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """The (sql, params) of every statement peewee sends inside the block."""
    logger = logging.getLogger("peewee")
    handler = _Collector()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # not into the app's own log
    try:
        yield handler.statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def reads(statements: list[tuple[str, tuple[Any, ...]]]) -> list[tuple[str, tuple[Any, ...]]]:
    """The statements that fetch rows (not BEGIN / COMMIT / PRAGMA / SET)."""
    return [(s, p) for s, p in statements if s.lstrip()[:6].upper() in ("SELECT", "WITH R", "WITH ")]


class RawReplay:
    """A bare DB-API connection of the same engine that runs captured SELECTs."""

    def __init__(self, url: str) -> None:
        self.url = url
        if engine(url) == "postgresql":
            import psycopg

            self.con: Any = psycopg.connect(url, autocommit=True, prepare_threshold=None)
        else:
            import sqlite3

            self.con = sqlite3.connect(url.split("sqlite:///", 1)[1])

    def run(self, statements: list[tuple[str, tuple[Any, ...]]]) -> int:
        """Run each statement and fetch all its rows; the number of rows fetched."""
        n = 0
        cur = self.con.cursor()
        for sql, params in statements:
            cur.execute(sql, params)
            n += len(cur.fetchall())
        cur.close()
        return n

    def close(self) -> None:
        self.con.close()


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0–1) by the nearest-rank method."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(q * len(s)) - 1))]


@dataclass
class Row:
    """One measure of one database: milliseconds, and the floor's beside it."""

    measure: str
    p50: float
    p95: float
    floor_p50: float | None = None
    floor_p95: float | None = None
    n: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if not self.floor_p95:
            return None
        return self.p95 / self.floor_p95

    def markdown(self) -> str:
        floor = f"{self.floor_p50:.2f} / {self.floor_p95:.2f}" if self.floor_p50 is not None else "—"
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else "—"
        return f"| {self.measure} | {self.n} | {self.p50:.2f} | {self.p95:.2f} | {floor} | {ratio} | {self.note} |"


HEADER = (
    "| measure | n | p50 ms | p95 ms | floor p50 / p95 ms | p95 ratio | note |\n|---|--:|--:|--:|--:|--:|---|"
)


def interleave(
    ours: Callable[[int], object],
    floor: Callable[[int], object] | None,
    n: int,
    *,
    warm: int = 1,
) -> tuple[list[float], list[float]]:
    """Call ``ours(i)`` and ``floor(i)`` for i in 0..n-1, alternating which goes first;
    the times of each in ms. ``warm`` first calls of each are not counted."""
    for i in range(warm):
        ours(i)
        if floor is not None:
            floor(i)
    a: list[float] = []
    b: list[float] = []
    for i in range(n):
        order = [(ours, a), (floor, b)] if i % 2 == 0 else [(floor, b), (ours, a)]
        for fn, out in order:
            if fn is None:
                continue
            t0 = time.perf_counter()
            fn(i)
            out.append((time.perf_counter() - t0) * 1000)
    return a, b


def row(measure: str, ours: list[float], floor: list[float] | None = None, note: str = "") -> Row:
    return Row(
        measure=measure,
        p50=statistics.median(ours),
        p95=quantile(ours, 0.95),
        floor_p50=statistics.median(floor) if floor else None,
        floor_p95=quantile(floor, 0.95) if floor else None,
        n=len(ours),
        note=note,
    )


def rss_mb() -> float:
    """This process's resident memory now, in MiB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(rows: list[Row], *, bench: str, url: str, orders: int, json_path: str | None) -> None:
    """Print the rows as a markdown table; append them to ``json_path`` when given."""
    print(f"\n{bench} — {engine(url)}, {orders:,} ROs, load {os.getloadavg()[0]:.1f}")
    print(HEADER)
    for r in rows:
        print(r.markdown())
    if json_path:
        path = Path(json_path)
        old = json.loads(path.read_text()) if path.exists() else []
        for r in rows:
            old.append({"bench": bench, "engine": engine(url), "orders": orders, **asdict(r)})
        path.write_text(json.dumps(old, indent=1))
