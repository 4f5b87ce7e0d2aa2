"""Benchmark: 200 realistic searches on the 100k demo database, against a raw floor.

Run: .venv/bin/python -m tests.benchmarks.bench_search [--db FILE] [--orders N]
The database is generated when missing (default /tmp/advisor-bench-100k.db). The
floor is the bare index query in the same process, on a raw sqlite3 connection:
FTS5 trigram MATCH for terms of 3+ characters, the name range / LIKE for 1–2.
Targets: p95 < 20 ms and within 2x the floor. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_DB = Path("/tmp/advisor-bench-100k.db")


def _ensure(path: Path, orders: int) -> None:
    if path.exists() and path.stat().st_size > 0:
        return
    from advisor import db, demo
    from advisor.reference import ensure_reference_data

    database = db.open_database(f"sqlite:///{path}")
    with database.atomic():
        ensure_reference_data()
    print(f"generating {orders:,} orders into {path} …")
    print(demo.generate(orders=orders, seed=1))
    db.close_database()


def _terms(con: sqlite3.Connection, n: int) -> list[tuple[str, str]]:
    """(kind, term) pairs drawn from the data, like people type them."""
    rng = random.Random(2026)
    names = [r[0] for r in con.execute("SELECT name FROM customer ORDER BY id LIMIT 20000")]
    zh = [x for x in names if not x.isascii()]
    en = [x for x in names if x.isascii()]
    plates = [r[0] for r in con.execute("SELECT plate FROM vehicle ORDER BY id LIMIT 20000")]
    vins = [r[0] for r in con.execute("SELECT vin FROM vehicle ORDER BY id LIMIT 20000")]
    phones = [r[0] for r in con.execute("SELECT phone FROM customer ORDER BY id LIMIT 20000")]
    ros = [r[0] for r in con.execute("SELECT number FROM repair_order WHERE status = 'open'")]
    makers: list[tuple[str, Callable[[], str]]] = [
        ("plate", lambda: rng.choice(plates)[-5:]),
        ("plate", lambda: rng.choice(plates)[:4]),
        ("vin", lambda: rng.choice(vins)[-6:]),
        ("vin", lambda: rng.choice(vins)[3:11].lower()),
        ("phone", lambda: (lambda p: f"{p[3:6]} {p[6:10]}")(rng.choice(phones))),
        ("phone", lambda: rng.choice(phones)[-4:]),
        ("surname", lambda: rng.choice(zh)[0]),
        ("name2", lambda: rng.choice([x for x in zh[:400] if len(x) == 2] or zh)[:2]),
        ("name3", lambda: rng.choice([x for x in zh[:400] if len(x) >= 3] or zh)),
        ("english", lambda: rng.choice(en).split()[-1].lower()),
        ("english", lambda: rng.choice(en)),
        ("ro", lambda: rng.choice(ros) if ros else "RO2026"),
        ("none", lambda: rng.choice(("不存在的人", "ZZZZ999", "qwertyuiop"))),
    ]
    return [(kind, make()) for kind, make in (rng.choice(makers) for _ in range(n))]


def _floor(con: sqlite3.Connection, term: str, limit: int = 10) -> int:
    """The bare index lookups of a search, without building any results."""
    compact = re.sub(r"[\s·-]", "", term.strip())
    if re.fullmatch(r"[0-9A-Za-z+]+", compact):
        term = compact.upper()
    rows = 0
    if len(term) >= 3:
        q = '"' + term.replace('"', '""') + '"'
        rows += len(
            con.execute(
                "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT ?", (q, limit)
            ).fetchall()
        )
        rows += len(
            con.execute(
                "SELECT rowid FROM vehicle_fts WHERE vehicle_fts MATCH ? LIMIT ?", (q, limit)
            ).fetchall()
        )
    else:
        rows += len(
            con.execute(
                "SELECT id FROM customer WHERE name >= ? AND name < ? LIMIT ?",
                (term, term + "\U0010ffff", limit),
            ).fetchall()
        )
        rows += len(
            con.execute("SELECT id FROM vehicle WHERE plate LIKE ? LIMIT ?", (f"%{term}%", limit)).fetchall()
        )
    rows += len(con.execute("SELECT id FROM repair_order WHERE number = ?", (term.upper(),)).fetchall())
    return rows


def _ms(fn: Callable[[], object], reps: int = 3) -> float:
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, default=DEFAULT_DB)
    p.add_argument("--orders", type=int, default=100_000)
    p.add_argument("--searches", type=int, default=200)
    args = p.parse_args()
    _ensure(args.db, args.orders)

    from advisor import db
    from advisor.models import User
    from advisor.services import search as search_service
    from advisor.services.users import Actor

    db.open_database(f"sqlite:///{args.db}")
    # What the search box pays: the read service (permission, session check, one read
    # transaction, phones masked or not), as an advisor of the database.
    u = User.select().where(User.role == "advisor").order_by(User.id).get()
    actor = Actor(u.id, u.username, u.display_name, u.role, u.session_gen)

    def search(term: str) -> list[object]:
        return list(search_service.search(actor=actor, term=term))

    con = sqlite3.connect(str(args.db))
    terms = _terms(con, args.searches)
    for _kind, term in terms[:20]:  # warm the page cache for both connections
        search(term)
        _floor(con, term)
    ours: dict[str, list[float]] = {}
    floor: dict[str, list[float]] = {}
    hits = 0
    for kind, term in terms:
        ours.setdefault(kind, []).append(_ms(lambda term=term: search(term)))
        floor.setdefault(kind, []).append(_ms(lambda term=term: _floor(con, term)))
        hits += bool(search(term))
    all_ours = [x for v in ours.values() for x in v]
    all_floor = [x for v in floor.values() for x in v]
    print(
        f"{'terms':10} {'n':>4} {'median ms':>10} {'p95 ms':>8} {'floor med':>10} {'floor p95':>10} {'ratio p95':>10}"
    )
    for kind in sorted(ours):
        o, f = ours[kind], floor[kind]
        print(
            f"{kind:10} {len(o):>4} {statistics.median(o):>10.2f} {_pct(o, 0.95):>8.2f} "
            f"{statistics.median(f):>10.2f} {_pct(f, 0.95):>10.2f} {_pct(o, 0.95) / max(_pct(f, 0.95), 1e-3):>10.1f}"
        )
    p95, fp95 = _pct(all_ours, 0.95), _pct(all_floor, 0.95)
    print(
        f"{'ALL':10} {len(all_ours):>4} {statistics.median(all_ours):>10.2f} {p95:>8.2f} "
        f"{statistics.median(all_floor):>10.2f} {fp95:>10.2f} {p95 / max(fp95, 1e-3):>10.1f}"
    )
    print(f"searches with hits: {hits}/{len(terms)}")
    ok = p95 < 20 and p95 <= 2 * fp95 + 1.0
    print(f"target p95 < 20 ms and within 2x the floor: {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
