"""Opening the database: migrations run once, and SQLite is backed up before them."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor import db
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite file test; runs in the SQLite pass")


def test_reopening_an_up_to_date_database_makes_no_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    db.open_database(url)
    db.close_database()
    db.open_database(url)
    db.close_database()
    assert list(tmp_path.glob("*.pre-migration-*")) == []


def test_a_pending_migration_backs_up_the_file_first(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    database = db.open_database(url)
    database.execute_sql("DELETE FROM schema_migration WHERE name = '0002_live_triggers'")
    db.close_database()
    database = db.open_database(url)
    try:
        assert db.pending_migrations(database) == []
    finally:
        db.close_database()
    backups = list(tmp_path.glob("a.pre-migration-*.db"))
    assert len(backups) == 1
    import sqlite3

    con = sqlite3.connect(backups[0])
    names = {r[0] for r in con.execute("SELECT name FROM schema_migration")}
    con.close()
    all_names = {p.stem for p in db.MIGRATIONS_DIR.glob("[0-9]*.py")}
    assert names == all_names - {"0002_live_triggers"}  # the copy is from before the migration


def test_pragmas_of_a_sqlite_database(tmp_path: Path) -> None:
    database = db.open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 10_000
    finally:
        db.close_database()


_PSYCOPG_NAMES = r"""
import json, sys
HIDDEN = sys.argv[1] == "hidden"
if HIDDEN:
    import advisor.models  # imports peewee with psycopg hidden
    assert "psycopg" not in sys.modules, "psycopg was imported on the SQLite start-up path"
    from advisor import db
    db.make_database("postgresql://nobody@127.0.0.1:1/none")  # built, not connected
else:
    import psycopg, peewee  # peewee sees psycopg at import, as it normally would
import peewee
def name(v):
    return f"{getattr(v, '__module__', '')}.{getattr(v, '__qualname__', getattr(v, '__name__', repr(v)))}"
found = {k: name(v) for k, v in vars(peewee).items()
         if str(getattr(v, "__name__", "")).startswith("psycopg")
         or str(getattr(v, "__module__", "")).startswith("psycopg")}
adapter = peewee.Psycopg3Adapter
found.update({f"adapter.{k}": repr(v) for k, v in vars(adapter).items()
              if k.startswith("txn_") and not callable(v)})
print(json.dumps(found, sort_keys=True))
"""


def test_sqlite_start_up_skips_psycopg_and_postgres_gets_what_peewee_expects() -> None:
    """psycopg is hidden from peewee's import (start-up time) and handed over for a
    PostgreSQL URL: every psycopg name peewee holds must then be what peewee itself
    would have set, so a new peewee that reads another name fails here, not in use."""
    import json
    import subprocess
    import sys

    def names(mode: str) -> dict[str, str]:
        out = subprocess.run([sys.executable, "-c", _PSYCOPG_NAMES, mode], capture_output=True,
                             text=True, check=True, cwd=Path(__file__).resolve().parents[2])  # fmt: skip
        return json.loads(out.stdout)

    normal = names("normal")
    assert "psycopg" in normal and "adapter.txn_idle" in normal  # the probe sees them
    assert names("hidden") == normal


def test_start_up_restores_missing_reference_rows_and_leaves_complete_ones(tmp_path: Path) -> None:
    """Opening reads the reference tables first and writes only when a row is missing."""
    from advisor.models import Bay
    from advisor.reference import BAYS, missing_reference_data
    from advisor.services import system

    url = f"sqlite:///{tmp_path / 'a.db'}"
    database = db.open_database(url)
    assert missing_reference_data()  # a new file has none yet
    db.close_database()
    system.open_database(url)
    try:
        assert not missing_reference_data()
        Bay.delete().where(Bay.code == BAYS[0][0]).execute()
        assert missing_reference_data()
    finally:
        db.close_database()
    system.open_database(url)
    try:
        assert not missing_reference_data()
        assert Bay.select().count() == len(BAYS)
    finally:
        db.close_database()
    del database


def test_todays_queue_is_read_in_index_order(tmp_path: Path) -> None:
    """Today's open ROs come straight off the open-queue index: no sort of every open RO
    (the cost grew with the database, 17 ms of each launch at 100k ROs)."""
    import logging

    from advisor.services import orders, system

    system.open_database(f"sqlite:///{tmp_path / 'a.db'}")
    statements: list[tuple[str, list[object]]] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if isinstance(record.msg, tuple):  # peewee logs (sql, params)
                statements.append((record.msg[0], list(record.msg[1])))

    logger, handler = logging.getLogger("peewee"), Catch()
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        orders.open_orders()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    try:
        sql, params = next(s for s in statements if s[0].startswith("SELECT") and '"repair_order"' in s[0])
        plan = " ".join(str(row) for row in db.database_proxy.obj.execute_sql(
            "EXPLAIN QUERY PLAN " + sql, params).fetchall())  # fmt: skip
    finally:
        db.close_database()
    assert "repair_order_open_queue" in plan
    assert "TEMP B-TREE" not in plan.upper()
