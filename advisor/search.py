"""Find customers, vehicles and open ROs by any fragment of plate, VIN, phone or name.

What matches, the same on both engines (``tests/unit/test_search_engines.py`` compares
them on the same data):
- a term of 3+ characters: customers whose name or phone holds it, vehicles whose plate
  or VIN holds it, in any case; the newest ``limit`` of each (highest id);
- a term of 1–2 characters (most Chinese surnames and given names): customers whose name
  starts with it (the first ``limit`` in code-point order), then the newest whose name
  holds it anywhere (A–Z in any case); vehicles whose plate holds it, newest first, only
  when every character can be on a plate;
- open ROs of those customers and vehicles, or numbered as typed, latest arrival first.
Hits are listed by name (customers) and plate (vehicles) in code-point order.

SQLite: FTS5 trigram indexes (external content, kept by triggers) for 3+ characters; an
index range on the name and the table of every 1- and 2-character piece of names and
plates (``search_piece``, kept by triggers, migration 0008) for 1–2. PostgreSQL: pg_trgm GIN indexes with ILIKE for 3+ characters; a "C"-collated index on
the name and a GIN index of every 1- and 2-character piece (``advisor_search_grams``,
migration 0008) for 1–2.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import peewee

from advisor.codes import ROStatus
from advisor.db import database_proxy, is_postgres

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts USING fts5("
    "name, phone, content='customer', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS vehicle_fts USING fts5("
    "plate, vin, model, content='vehicle', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_ai AFTER INSERT ON customer BEGIN "
    "INSERT INTO customer_fts(rowid, name, phone) VALUES (new.id, new.name, new.phone); END",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_ad AFTER DELETE ON customer BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, name, phone) "
    "VALUES ('delete', old.id, old.name, old.phone); END",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_au AFTER UPDATE OF name, phone ON customer BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, name, phone) "
    "VALUES ('delete', old.id, old.name, old.phone); "
    "INSERT INTO customer_fts(rowid, name, phone) VALUES (new.id, new.name, new.phone); END",
    "CREATE TRIGGER IF NOT EXISTS vehicle_fts_ai AFTER INSERT ON vehicle BEGIN "
    "INSERT INTO vehicle_fts(rowid, plate, vin, model) "
    "VALUES (new.id, new.plate, new.vin, new.model); END",
    "CREATE TRIGGER IF NOT EXISTS vehicle_fts_ad AFTER DELETE ON vehicle BEGIN "
    "INSERT INTO vehicle_fts(vehicle_fts, rowid, plate, vin, model) "
    "VALUES ('delete', old.id, old.plate, old.vin, old.model); END",
    "CREATE TRIGGER IF NOT EXISTS vehicle_fts_au AFTER UPDATE OF plate, vin, model ON vehicle "
    "BEGIN INSERT INTO vehicle_fts(vehicle_fts, rowid, plate, vin, model) "
    "VALUES ('delete', old.id, old.plate, old.vin, old.model); "
    "INSERT INTO vehicle_fts(rowid, plate, vin, model) "
    "VALUES (new.id, new.plate, new.vin, new.model); END",
    "CREATE INDEX IF NOT EXISTS customer_name_idx ON customer(name)",
]
POSTGRES_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS customer_name_trgm ON customer USING gin (name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS customer_phone_trgm ON customer USING gin (phone gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS vehicle_plate_trgm ON vehicle USING gin (plate gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS vehicle_vin_trgm ON vehicle USING gin (vin gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS customer_name_prefix ON customer (name text_pattern_ops)",
]


def install_search(db: peewee.Database) -> None:
    """Create the search indexes (called by the initial migration)."""
    ddl = POSTGRES_DDL if isinstance(db, peewee.PostgresqlDatabase) else SQLITE_DDL
    for stmt in ddl:
        db.execute_sql(stmt)


def rebuild_search() -> None:
    """Rebuild the FTS indexes from their tables (after a bulk load with triggers off)."""
    if not is_postgres():
        db = database_proxy.obj
        db.execute_sql("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
        db.execute_sql("INSERT INTO vehicle_fts(vehicle_fts) VALUES ('rebuild')")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # customer | vehicle | order
    id: int
    title: str
    subtitle: str
    customer_id: int
    vehicle_id: int | None = None
    ro_id: int | None = None


def _normalise(term: str) -> str:
    term = term.strip()
    compact = re.sub(r"[\s·-]", "", term)
    # A phone typed with spaces or dashes, a plate typed with a dot: search without them.
    # A name typed with a space ("Emma Sm") keeps it.
    if re.fullmatch(r"[0-9+]+", compact) or (
        re.fullmatch(r"[0-9A-Za-z+]+", compact) and not re.search(r"\s", term)
    ):
        return compact.upper()
    return re.sub(r"\s+", " ", term)


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)


Row = tuple[Any, ...]

# What a hit shows, read by the lookup itself (one statement, not ids and then rows):
# a customer's id, name, phone; a vehicle's id, plate, make, model, VIN, owner and the
# owner's name.
_STORED = {"customer": "id, name, phone", "vehicle": "id, plate, make, model, vin, customer_id"}
_SHOWN = {
    "customer": "id, name, phone",
    "vehicle": "id, plate, make, model, vin, customer_id, "
    "(SELECT c.name FROM customer AS c WHERE c.id = vehicle.customer_id)",
}


def _rows(sql: str, params: Sequence[object]) -> list[Row]:
    """``sql`` written with %s marks, run on either engine."""
    if not is_postgres():
        sql = sql.replace("%s", "?")
    return list(database_proxy.obj.execute_sql(sql, tuple(params)))


def _marks(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


def _contains(term: str, limit: int, *, table: str, columns: str) -> list[Row]:
    """The newest ``limit`` rows of ``table`` whose ``columns`` contain ``term`` (3+
    characters, any case): FTS5 trigram on SQLite, pg_trgm on PostgreSQL."""
    shown = _SHOWN[table]
    if not is_postgres():
        return _rows(
            f"SELECT {shown} FROM {table} WHERE id IN "
            f"(SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s ORDER BY rowid DESC LIMIT %s) "
            "ORDER BY id DESC",
            (f"{{{columns}}} : {_fts_quote(term)}", limit),
        )
    # ILIKE costs five times LIKE a row (the planner may walk many rows in id order):
    # plates, VINs and phones are stored in capitals (advisor.validation), so the term
    # in capitals with LIKE finds what any case finds, unless it holds a non-ASCII
    # letter with case; a name needs ILIKE only for a term with letters with case.
    where, params = [], []
    for column in columns.split():
        if column == "name" or any(not c.isascii() and c.lower() != c.upper() for c in term):
            cased = any(c.lower() != c.upper() for c in term)
            where.append(f"{column} {'ILIKE' if cased else 'LIKE'} %s")
            params.append(_like(term))
        else:
            where.append(f"{column} LIKE %s")
            params.append(_like(term.translate(_ASCII_UPPER)))
    return _rows(
        f"SELECT {shown} FROM {table} WHERE {' OR '.join(where)} ORDER BY id DESC LIMIT %s",
        (*params, limit),
    )


def _contains_short(term: str, limit: int, *, table: str, column: str) -> list[Row]:
    """The newest ``limit`` rows of ``table`` whose ``column`` contains ``term`` of 1–2
    characters (A–Z in any case)."""
    low = term.translate(_ASCII_LOWER)
    shown = _SHOWN[table]
    if not is_postgres():  # the pieces' table, newest first from its key (migration 0008)
        return _rows(
            f"SELECT {shown} FROM {table} WHERE id IN (SELECT id FROM search_piece "
            "WHERE kind = %s AND piece = %s ORDER BY id DESC LIMIT %s) ORDER BY id DESC",
            ("n" if table == "customer" else "p", low, limit),
        )
    # PostgreSQL: a common piece ("王", "8") is in the newest rows; look there first
    # (a bounded scan). A rare one goes through the GIN index of every 1- and 2-character
    # piece (migration 0008), whose cost grows with the rows that hold it: few, then.
    # Plain LIKE filters cheaply, once for each way of writing the term's letters A–Z
    # (at most four: SQLite's LIKE and the pieces fold A–Z, no other letters); ILIKE or
    # translate() cost 1 µs a row (4 ms over the newest 4,000).
    spellings = sorted(
        {
            "".join(p)
            for p in itertools.product(*({c.lower(), c.upper()} if c.isascii() else {c} for c in term))
        }
    )
    cond = "(" + " OR ".join([f"{column} LIKE %s"] * len(spellings)) + ")"
    likes = [_like(s) for s in spellings]
    rows = _rows(
        f"SELECT {shown} FROM (SELECT {_STORED[table]} FROM {table} ORDER BY id DESC LIMIT {RECENT}) "
        f"AS {table} WHERE {cond} ORDER BY id DESC LIMIT %s",
        (*likes, limit),
    )
    if len(rows) == limit:
        return rows
    return _rows(
        f"SELECT {shown} FROM {table} WHERE {cond} AND advisor_search_grams({column}) @> ARRAY[%s]::text[] "
        "ORDER BY id DESC LIMIT %s",
        (*likes, low, limit),
    )


RECENT = 4000  # rows a bounded scan reads (under 1 ms) before the index takes over


def _customers(term: str, limit: int) -> list[Row]:
    if len(term) >= 3:
        return _contains(term, limit, table="customer", columns="name phone")
    # 1–2 characters (most Chinese surnames, some names): the names that start with it
    # first (an index range, code-point order), then the newest that hold it anywhere.
    name = 'name COLLATE "C"' if is_postgres() else "name"
    rows = _rows(
        f"SELECT {_SHOWN['customer']} FROM customer WHERE {name} >= %s AND {name} < %s "
        f"ORDER BY {name}, id LIMIT %s",
        (term, term + "\U0010ffff", limit),
    )
    if len(rows) < limit:
        seen = {r[0] for r in rows}
        more = _contains_short(term, limit, table="customer", column="name")
        rows += [r for r in more if r[0] not in seen][: limit - len(rows)]
    return rows


def _vehicles(term: str, limit: int) -> list[Row]:
    if len(term) >= 3:
        return _contains(term, limit, table="vehicle", columns="plate vin")
    if not _PLATE_CHARS.issuperset(term.upper()):
        return []  # e.g. a surname: no plate can hold it
    return _contains_short(term, limit, table="vehicle", column="plate")


_PLATE_CHARS = frozenset(
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领挂学警港澳"
    "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
)


def search(term: str, *, limit: int = 10) -> list[SearchHit]:
    """Customers, vehicles and open ROs matching ``term``, grouped in that order."""
    number = term.strip().upper()  # RO numbers keep their dash
    term = _normalise(term)
    if not term:
        return []
    # Plain SQL, only what a hit shows: building peewee's SQL of whole rows (an RO has
    # forty columns) cost more than running the queries. Listed by name and by plate in
    # code-point order: Python's, as SQLite's BINARY and PostgreSQL's "C" collation.
    people = sorted(_customers(term, limit), key=lambda r: (r[1], r[0]))
    cars = sorted(_vehicles(term, limit), key=lambda r: (r[1], r[0]))
    hits = [SearchHit("customer", cid, name, phone, cid) for cid, name, phone in people]
    for vid, plate, make, model, vin, cid, owner in cars:
        hits.append(SearchHit("vehicle", vid, plate, f"{make} {model} · {vin} · {owner}".strip(), cid, vid))
    # The open ROs among the candidates found through the number, vehicle and customer
    # indexes, in one statement. The status is kept away from its index (SQLite's "+",
    # PostgreSQL's || ''): through it the planners read every open RO (5 ms at 100k).
    status = "(r.status || '')" if is_postgres() else "+r.status"
    cand = ["SELECT id FROM repair_order WHERE number IN (%s, %s)"]
    params: list[object] = [number, term.upper()]
    for column, ids in (("vehicle_id", [r[0] for r in cars]), ("customer_id", [r[0] for r in people])):
        if ids:
            cand.append(f"SELECT id FROM repair_order WHERE {column} IN ({_marks(ids)})")
            params += ids
    rows = _rows(
        "SELECT r.id, r.number, v.plate, r.customer_id, r.vehicle_id FROM repair_order AS r "
        f"JOIN vehicle AS v ON v.id = r.vehicle_id WHERE r.id IN ({' UNION '.join(cand)}) "
        f"AND {status} = %s ORDER BY r.arrived_at DESC, r.id DESC LIMIT %s",
        [*params, ROStatus.OPEN.value, limit],
    )
    hits += [SearchHit("order", rid, number, plate, cid, vid, rid) for rid, number, plate, cid, vid in rows]
    return hits
