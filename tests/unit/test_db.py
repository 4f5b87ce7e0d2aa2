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
    assert names == {"0001_initial"}


def test_pragmas_of_a_sqlite_database(tmp_path: Path) -> None:
    database = db.open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 10_000
    finally:
        db.close_database()
