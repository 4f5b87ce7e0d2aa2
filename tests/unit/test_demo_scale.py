"""Demo data at scale (issue 15, item 3): a fixed density (``per_day``), so that a month holds
about as many repair orders at 10k as at 1M, with a history as long as the orders need."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee
import pytest

from advisor import audit, db, demo
from advisor.models import Customer, RepairOrder, Vehicle
from advisor.services._base import ro_state
from advisor.services.parts import stock_consistent
from advisor.workflow import current_step
from tests.unit import test_cli as cli


def _in_days(lo: int, hi: int) -> int:
    """ROs that arrived between ``hi`` and ``lo`` days ago (the history, not today's or the recent)."""
    today = dt.datetime.combine(dt.date.today(), dt.time())
    return (
        RepairOrder.select()
        .where(
            (RepairOrder.arrived_at >= today - dt.timedelta(days=hi))
            & (RepairOrder.arrived_at < today - dt.timedelta(days=lo))
        )
        .count()
    )


def test_per_day_keeps_a_month_as_full_at_any_size(database: peewee.Database) -> None:
    demo.generate(orders=400, seed=2, per_day=10)  # 40 days of history
    small = _in_days(3, 31)
    oldest = RepairOrder.select(peewee.fn.MIN(RepairOrder.arrived_at)).scalar()
    assert dt.date.today() - oldest.date() <= dt.timedelta(days=40)
    demo.generate(orders=800, seed=2, per_day=10)  # 80 days, loaded into the same database
    both = _in_days(3, 31)
    large = both - small
    assert 0.75 < large / small < 1.33, (small, large)
    assert 200 < small < 330, small  # about 10 a day, fewer on Sundays
    oldest = RepairOrder.select(peewee.fn.MIN(RepairOrder.arrived_at)).scalar()
    assert dt.timedelta(days=60) < dt.date.today() - oldest.date() <= dt.timedelta(days=80)


def test_without_per_day_all_orders_fit_in_one_year(database: peewee.Database) -> None:
    demo.generate(orders=800, seed=2)
    assert _in_days(3, 31) < 120  # 800 ROs over a year: about 60 in a month
    oldest = RepairOrder.select(peewee.fn.MIN(RepairOrder.arrived_at)).scalar()
    assert dt.timedelta(days=300) < dt.date.today() - oldest.date() <= dt.timedelta(days=365)


def test_years_of_history_keep_their_shape(database: peewee.Database) -> None:
    """Three years at 1 a day: customers and cars exist before their ROs, the flow rules hold."""
    summary = demo.generate(orders=1100, seed=5, per_day=1)
    oldest = RepairOrder.select(peewee.fn.MIN(RepairOrder.arrived_at)).scalar()
    assert dt.date.today() - oldest.date() > dt.timedelta(days=900)
    assert summary.orders == RepairOrder.select().count() == 1100
    rows = (
        RepairOrder.select(RepairOrder, Vehicle, Customer)
        .join(Vehicle, on=RepairOrder.vehicle == Vehicle.id)
        .switch(RepairOrder)
        .join(Customer, on=RepairOrder.customer == Customer.id)
    )
    for ro in rows:
        assert ro.customer.created_at <= ro.arrived_at, ro.number
        assert ro.vehicle.created_at <= ro.arrived_at, ro.number
        assert ro.vehicle.first_registered <= ro.arrived_at.date(), ro.number
        assert ro.step == int(current_step(ro_state(ro))), ro.number
    comebacks = RepairOrder.select().where(RepairOrder.comeback_of.is_null(False))
    assert comebacks.count() >= 1
    for ro in comebacks:
        orig = RepairOrder.get_by_id(ro.comeback_of_id)
        assert orig.vehicle_id == ro.vehicle_id
        assert dt.timedelta(days=5) < ro.arrived_at - orig.arrived_at <= dt.timedelta(days=25)
    # Customers keep coming over the years (not all known on the first day), about 1.45 ROs a car.
    newcomers = Customer.select().where(Customer.created_at > oldest).count()
    assert newcomers > Customer.select().count() // 3
    assert 1100 / 1.6 < Vehicle.select().count() < 1100 / 1.3
    # A car's mileage and next service are those of its RO handed over at the highest mileage.
    handed = RepairOrder.select().where(RepairOrder.handed_over_at.is_null(False)).order_by(RepairOrder.id)
    last: dict[int, RepairOrder] = {}
    for ro in handed:
        if ro.vehicle_id not in last or last[ro.vehicle_id].mileage_in <= ro.mileage_in:
            last[ro.vehicle_id] = ro
    assert len(last) > 300
    for v in Vehicle.select().where(Vehicle.id.in_(list(last))):
        ro = last[v.id]
        assert (v.mileage_km, v.next_service_date, v.next_service_km) == (
            ro.mileage_in,
            ro.next_service_date,
            ro.next_service_km,
        ), v.plate
    numbers = [r.number for r in RepairOrder.select(RepairOrder.number)]
    assert len(numbers) == len(set(numbers))
    assert stock_consistent()
    assert audit.verify().ok


def test_per_day_out_of_range_is_refused(database: peewee.Database) -> None:
    for bad in (0, -3, demo.MAX_PER_DAY + 1):
        with pytest.raises(ValueError, match="per_day"):
            demo.generate(orders=10, per_day=bad)
    assert not RepairOrder.select().exists()


def test_cli_demo_data_per_day(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out, err = cli.run(
        capsys, "--database", url, "demo-data", "--orders", "300", "--per-day", "10", "--system"
    )
    assert code == 0, err
    assert "300 repair orders" in out
    database = db.open_database(url, migrate=False)
    try:
        oldest = database.execute_sql("SELECT MIN(arrived_at) FROM repair_order").fetchone()[0]
    finally:
        db.close_database()
    days = (dt.date.today() - dt.date.fromisoformat(str(oldest)[:10])).days
    assert 20 <= days <= 30  # 300 / 10 a day, not a year
    code, _out, err = cli.run(
        capsys, "--database", url, "demo-data", "--orders", "3", "--per-day", "6000", "--system"
    )
    assert code == 2 and "--per-day" in err


def test_seen_remembers_every_string_in_fixed_memory() -> None:
    from advisor.demo.base import Seen

    seen = Seen(["粤B12345"])
    assert not seen.add("粤B12345")
    fresh = [f"京A{i:05d}" for i in range(20_000)]
    added = [seen.add(p) for p in fresh]
    assert not any(seen.add(p) for p in fresh)  # never new twice
    assert sum(added) > 19_900  # a false "taken" now and then, rarely
    assert len(seen.bits) == Seen.BITS // 8


def _schema(database: peewee.Database) -> tuple[object, ...]:
    from advisor.models import ALL_MODELS

    tables = [m._meta.table_name for m in ALL_MODELS]
    indexes = sorted(
        (ix.name, ix.sql or "", tuple(ix.columns), ix.unique)
        for t in tables
        for ix in database.get_indexes(t)
    )
    fks = sorted(
        (fk.table, fk.column, fk.dest_table, fk.dest_column)
        for t in tables
        for fk in database.get_foreign_keys(t)
    )
    return indexes, fks


def test_the_load_leaves_indexes_and_foreign_keys_as_it_found_them(database: peewee.Database) -> None:
    """The load drops indexes (SQLite) or foreign keys and GIN indexes (PostgreSQL) for speed."""
    before = _schema(database)
    assert before[0] and before[1]
    demo.generate(orders=200, seed=3, per_day=20)
    assert _schema(database) == before
    if db.is_postgres():  # the foreign keys are enforced again
        with pytest.raises(peewee.IntegrityError), database.atomic():
            database.execute_sql(
                "UPDATE repair_order SET vehicle_id = -1 WHERE id = (SELECT MIN(id) FROM repair_order)"
            )


def test_sqlite_loads_without_the_wal_and_goes_back_to_it(tmp_path: Path) -> None:
    """One large transaction in WAL mode writes every page twice; the load uses a rollback
    journal when it has the file to itself, and the file is in WAL mode again after."""
    import sqlite3

    from advisor.demo.generator import _journal_off_wal

    url = f"sqlite:///{tmp_path / 'load.db'}"
    database = db.open_database(url)
    try:
        other = sqlite3.connect(tmp_path / "load.db")
        other.execute("SELECT COUNT(*) FROM customer").fetchall()
        assert not _journal_off_wal(database)  # another connection: stays in WAL mode, no wait
        other.close()
        assert _journal_off_wal(database)
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        database.execute_sql("PRAGMA journal_mode = WAL")
        demo.generate(orders=50, seed=1, per_day=10)
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert RepairOrder.select().count() == 50
        assert audit.verify().ok
    finally:
        db.close_database()


def test_search_pieces_of_the_load_are_those_the_triggers_make(database: peewee.Database) -> None:
    """SQLite: the load adds the 1–2 character search pieces in bulk (triggers off); the
    triggers, made to run again over every name and plate, find nothing to change."""
    if db.is_postgres():
        pytest.skip("search_piece is SQLite's (PostgreSQL indexes the pieces itself)")
    demo.generate(orders=150, seed=4, per_day=10)
    demo.generate(orders=60, seed=4, per_day=10)  # a second load into the same file

    def pieces() -> list[tuple[object, ...]]:
        return list(database.execute_sql("SELECT kind, piece, id FROM search_piece ORDER BY 1, 2, 3"))

    bulk = pieces()
    assert len(bulk) > 1000
    names = {n for (n,) in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"customer_piece_ai", "vehicle_piece_ai", "customer_piece_au", "vehicle_piece_au"} <= names
    with database.atomic():
        database.execute_sql("DELETE FROM search_piece")
        database.execute_sql("UPDATE customer SET name = name")  # the update triggers add them again
        database.execute_sql("UPDATE vehicle SET plate = plate")
    assert pieces() == bulk
    # and a customer added after the load gets them from the trigger again
    c = Customer.create(name="龘Ab", phone="+8613900009999")
    assert {p for _k, p, i in pieces() if i == c.id} >= {"龘", "龘a", "ab"}


def test_the_demo_seal_reads_its_rows_a_window_at_a_time(
    database: peewee.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit row of a load seals its settlements and payments by a digest; read in
    windows of ids (psycopg holds a whole result in memory: 200 MB at 1M ROs), it is the
    same digest, and the chain verifies."""
    from advisor.models import Payment, Settlement

    demo.generate(orders=300, seed=6, per_day=10)
    hi = Settlement.select(peewee.fn.MAX(Settlement.id)).scalar()
    whole = audit._batch_digest(Settlement, 0, hi)
    payments = audit._batch_digest(Payment, 0, Payment.select(peewee.fn.MAX(Payment.id)).scalar())
    monkeypatch.setattr(audit, "_DIGEST_WINDOW", 7)
    assert audit._batch_digest(Settlement, 0, hi) == whole
    assert audit._batch_digest(Payment, 0, Payment.select(peewee.fn.MAX(Payment.id)).scalar()) == payments
    assert audit._batch_digest(Settlement, 5, hi - 3) != whole
    assert audit.verify().ok
