"""Find customers, vehicles and open ROs by any fragment of plate, VIN, phone or name.

SQLite: FTS5 trigram indexes (external content, kept by triggers) for terms of 3+
characters; trigram cannot match 1–2 characters (most Chinese names), so those use an
index range for prefixes, then a bounded LIKE scan. PostgreSQL: pg_trgm GIN indexes
with ILIKE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import peewee

from advisor.codes import ROStatus
from advisor.db import database_proxy, is_postgres
from advisor.models import Customer, RepairOrder, Vehicle

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


def _trigram_ids(term: str, limit: int, *, table: str, pg_where: str) -> list[int] | None:
    """Ids of ``table`` whose text contains ``term``, through its trigram index: pg_trgm
    (``pg_where`` takes the LIKE pattern twice) or FTS5; None on SQLite for a term of
    fewer than 3 characters, which trigram cannot match."""
    db = database_proxy.obj
    if is_postgres():
        like = _like(term)
        rows = db.execute_sql(
            f"SELECT id FROM {table} WHERE {pg_where} ORDER BY id DESC LIMIT %s",
            (like, like, limit),
        )
        return [r[0] for r in rows]
    if len(term) >= 3:
        rows = db.execute_sql(
            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT ?",
            (_fts_quote(term), limit),
        )
        return [r[0] for r in rows]
    return None


def _customer_ids(term: str, limit: int) -> list[int]:
    found = _trigram_ids(term, limit, table="customer", pg_where="name ILIKE %s OR phone LIKE %s")
    if found is not None:
        return found
    db = database_proxy.obj
    # Short term: names starting with it use the index; then a bounded substring scan.
    ids = [
        r[0]
        for r in db.execute_sql(
            "SELECT id FROM customer WHERE name >= ? AND name < ? LIMIT ?",
            (term, term + "\U0010ffff", limit),
        )
    ]
    if len(ids) < limit:
        rows = db.execute_sql(
            "SELECT id FROM customer WHERE name LIKE ? ESCAPE '\\' LIMIT ?",
            (_like(term), limit),
        )
        ids += [r[0] for r in rows if r[0] not in ids][: limit - len(ids)]
    return ids


def _vehicle_ids(term: str, limit: int) -> list[int]:
    found = _trigram_ids(term, limit, table="vehicle", pg_where="plate ILIKE %s OR vin ILIKE %s")
    if found is not None:
        return found
    if not _PLATE_CHARS.issuperset(term.upper()):
        return []  # e.g. a surname: no plate can contain it, skip the scan
    rows = database_proxy.obj.execute_sql(
        "SELECT id FROM vehicle WHERE plate LIKE ? ESCAPE '\\' LIMIT ?", (_like(term), limit)
    )
    return [r[0] for r in rows]


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
    hits: list[SearchHit] = []
    cids = _customer_ids(term, limit)
    if cids:
        for c in Customer.select().where(Customer.id.in_(cids)).order_by(Customer.name):
            hits.append(SearchHit("customer", c.id, c.name, c.phone, c.id))
    vids = _vehicle_ids(term, limit)
    if vids:
        query = (
            Vehicle.select(Vehicle, Customer)
            .join(Customer)
            .where(Vehicle.id.in_(vids))
            .order_by(Vehicle.plate)
        )
        for v in query:
            sub = f"{v.make} {v.model} · {v.vin} · {v.customer.name}".strip()
            hits.append(SearchHit("vehicle", v.id, v.plate, sub, v.customer_id, v.id))
    # Candidates through the number, vehicle and customer indexes, then keep the open
    # ones: filtering on status first would scan every open RO.
    cand = RepairOrder.select(RepairOrder.id).where(RepairOrder.number.in_({number, term.upper()}))
    if vids:
        cand = cand | RepairOrder.select(RepairOrder.id).where(RepairOrder.vehicle.in_(vids))
    if cids:
        cand = cand | RepairOrder.select(RepairOrder.id).where(RepairOrder.customer.in_(cids))
    ro_ids = [r.id for r in cand]
    if not ro_ids:
        return hits
    ros = (
        RepairOrder.select(RepairOrder, Vehicle)
        .join(Vehicle)
        .where(RepairOrder.id.in_(ro_ids) & (RepairOrder.status == ROStatus.OPEN))
        .order_by(RepairOrder.arrived_at.desc())
        .limit(limit)
    )
    for ro in ros:
        hits.append(
            SearchHit("order", ro.id, ro.number, ro.vehicle.plate, ro.customer_id, ro.vehicle_id, ro.id)
        )
    return hits
