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
        plan = " ".join(
            str(row)
            for row in db.database_proxy.obj.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        )
    finally:
        db.close_database()
    assert "repair_order_open_queue" in plan
    assert "TEMP B-TREE" not in plan.upper()


def test_a_migrated_file_has_planner_statistics(tmp_path: Path) -> None:
    database = db.open_database(f"sqlite:///{tmp_path / 'stats.db'}")
    try:
        assert database.table_exists("sqlite_stat1"), "ANALYZE did not run after the migrations"
    finally:
        db.close_database()


def test_one_cars_declined_work_is_read_through_its_ros_not_every_declined_line(tmp_path: Path) -> None:
    """Without statistics SQLite read ``estimate_line (status)``: every declined line ever
    stored, to show one car's (29 ms at 100k ROs and growing). With them it starts from the
    car's ROs. Demo data leaves the statistics current, as migrations do."""
    import logging

    from advisor import demo
    from advisor.codes import LineStatus
    from advisor.models import EstimateLine, RepairOrder
    from advisor.services import solicitation

    database = db.open_database(f"sqlite:///{tmp_path / 'plans.db'}")
    try:
        demo.generate(orders=400, seed=3)
        vehicle_id = (
            RepairOrder.select(RepairOrder.vehicle)
            .join(EstimateLine)
            .where(EstimateLine.status == LineStatus.DECLINED)
            .limit(1)
            .scalar()
        )
        statements: list[tuple[str, tuple]] = []

        class Keep(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                if isinstance(record.msg, tuple):
                    statements.append(record.msg)

        logger, keep = logging.getLogger("peewee"), Keep()
        level = logger.level
        logger.addHandler(keep)
        logger.setLevel(logging.DEBUG)
        try:
            assert solicitation.declined_work(vehicle_id=vehicle_id), "the car has declined work"
        finally:
            logger.removeHandler(keep)
            logger.setLevel(level)
        sql, params = next((s, p) for s, p in statements if "estimate_line" in s)
        plan = " / ".join(str(r[3]) for r in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
        assert "estimate_line_status" not in plan, plan
        assert "repair_order_vehicle_id" in plan, plan
    finally:
        db.close_database()
