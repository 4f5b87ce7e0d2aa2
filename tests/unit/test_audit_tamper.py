"""Tampering with the audit trail, the money it holds and its sealed head: every kind is
detected and NAMED (what happened, which row). Runs on SQLite and, with
ADVISOR_TEST_DATABASE_URL, on PostgreSQL.

The attacker here has the database (SQL) but not the dealership's key file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import peewee
import pytest

from advisor import audit, cli, db
from advisor.models import AuditLog, AuditPersonal, Customer, Payment, RepairOrder, Settlement
from advisor.services import audit_log, customers, settlement
from tests import factories


@pytest.fixture
def trail(staff: factories.Staff) -> dict[str, Any]:
    """A settled and paid RO (a settlement and a payment in the chain), plus more work."""
    ro_id, _ = factories.settled_paid(staff)
    factories.open_checked_in(staff)  # a dozen rows after the money
    s = Settlement.get(Settlement.ro == ro_id)
    p = Payment.get(Payment.settlement == s.id)
    report = audit.verify()
    assert report.ok, report.findings
    assert audit.sealed_head() is not None and audit.sealed_head()["rows"] == report.rows  # type: ignore[index]
    return {"ro": ro_id, "settlement": s, "payment": p, "ids": _ids()}


def _ids() -> list[int]:
    return [r.id for r in AuditLog.select(AuditLog.id).order_by(AuditLog.id)]


def _sql(database: peewee.Database, sql: str, params: tuple[Any, ...] = ()) -> None:
    with database.atomic():
        database.execute_sql(sql.replace("?", database.param), params)


def _detected(kind: str, row_id: int | None = None) -> audit.Finding:
    report = audit.verify()
    assert not report.ok
    found = [f for f in report.findings if f.kind == kind and (row_id is None or f.row_id == row_id)]
    assert found, f"no {kind!r} finding for row {row_id}: {report.findings}"
    return found[0]


# -- the rows ----------------------------------------------------------------------------


def test_an_edited_row_is_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    victim = trail["ids"][len(trail["ids"]) // 2]
    _sql(database, "UPDATE audit_log SET username = 'someone_else' WHERE id = ?", (victim,))
    f = _detected("edited", victim)
    assert f"row #{victim}" in f.message and "edited" in f.message


def test_a_deleted_middle_row_is_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    ids = trail["ids"]
    victim = ids[len(ids) // 2]
    seq = AuditLog.get_by_id(victim).seq
    _sql(database, "DELETE FROM audit_log WHERE id = ?", (victim,))
    f = _detected("deleted", ids[ids.index(victim) + 1])
    assert f"1 row(s) deleted before row #{ids[ids.index(victim) + 1]}" in f.message
    assert f"sequence {seq} missing" in f.message


def test_the_deleted_last_row_is_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    ids = trail["ids"]
    _sql(database, "DELETE FROM audit_log WHERE id = ?", (ids[-1],))
    f = _detected("truncated")
    assert "the last 1 row(s) were deleted" in f.message
    assert f"row #{ids[-2]}, sequence {len(ids) - 1}" in f.message


def test_the_deleted_last_ten_rows_are_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    ids = trail["ids"]
    _sql(database, "DELETE FROM audit_log WHERE id >= ?", (ids[-10],))
    f = _detected("truncated")
    assert f"the last 10 row(s) were deleted (sequence {len(ids) - 9}–{len(ids)})" in f.message


def test_every_row_deleted_is_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    n = len(trail["ids"])
    _sql(database, "DELETE FROM audit_log")
    report = audit.verify()
    assert not report.ok and report.rows == 0
    f = _detected("truncated")
    assert f"all {n} rows were deleted" in f.message


def test_a_forged_row_with_the_unkeyed_recipe_is_named(
    database: peewee.Database, trail: dict[str, Any]
) -> None:
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    at = dt.datetime.now().replace(microsecond=0)
    new = json.dumps({"role": "admin"})
    h = audit.legacy_digest(last.hash, at.isoformat(), 1, "boss", "user", 99, None, "add_user", "", new)
    # The attacker even fills in the new columns as the app would.
    _sql(
        database,
        "INSERT INTO audit_log (at, user_id, username, entity, entity_id, ro_id, action, old_json, "
        "new_json, prev_hash, hash, seq, money_json, pii_digest) "
        "VALUES (?, 1, 'boss', 'user', 99, NULL, 'add_user', '', ?, ?, ?, ?, '', '')",
        (at, new, last.hash, h, last.seq + 1),
    )
    forged = AuditLog.select().order_by(AuditLog.id.desc()).first()
    f = _detected("forged", forged.id)
    assert f"row #{forged.id}" in f.message and "unkeyed" in f.message


def test_two_rows_swapped_are_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    ids = trail["ids"]
    a, b = ids[5], ids[6]
    cols = [
        "at",
        "user_id",
        "username",
        "entity",
        "entity_id",
        "ro_id",
        "action",
        "old_json",
        "new_json",
        "prev_hash",
        "hash",
        "seq",
        "money_json",
        "pii_digest",
    ]
    ra, rb = (
        AuditLog.select(*[getattr(AuditLog, c) for c in cols]).where(AuditLog.id == i).tuples().get()
        for i in (a, b)
    )
    sets = ", ".join(f"{c} = ?" for c in cols)
    _sql(database, f"UPDATE audit_log SET {sets} WHERE id = ?", (*rb, a))
    _sql(database, f"UPDATE audit_log SET {sets} WHERE id = ?", (*ra, b))
    f = _detected("reordered", a)
    assert f"row #{a}" in f.message and f"it is at row #{b}" in f.message


def test_a_chain_recomputed_without_the_key_is_named(
    database: peewee.Database, trail: dict[str, Any]
) -> None:
    ids = trail["ids"]
    victim = ids[len(ids) // 2]
    _sql(database, "UPDATE audit_log SET username = 'someone_else' WHERE id = ?", (victim,))
    # Recompute every hash after the edit with plain SHA-256 over the same fields.
    prev = audit.GENESIS
    for r in AuditLog.select().order_by(AuditLog.id):
        payload = json.dumps(
            [
                "v2",
                prev,
                r.seq,
                audit._at_text(r.at),
                r.user_id,
                r.username,
                r.entity,
                r.entity_id,
                r.ro_id,
                r.action,
                r.old_json,
                r.new_json,
                r.money_json,
                r.pii_digest,
            ],
            ensure_ascii=False,
        )
        h = hashlib.sha256(payload.encode()).hexdigest()
        _sql(database, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, r.id))
        prev = h
    report = audit.verify()
    assert not report.ok and report.bad_row_id == ids[0]
    assert _detected("edited", ids[0]).message.startswith(f"row #{ids[0]} (seq 1")
    assert "rewritten" in _detected("rewritten").message


def test_the_legacy_recipe_recomputed_is_named_as_forged(
    database: peewee.Database, trail: dict[str, Any]
) -> None:
    prev = audit.GENESIS
    for r in AuditLog.select().order_by(AuditLog.id):
        h = audit.legacy_digest(
            prev,
            audit._at_text(r.at),
            r.user_id,
            r.username,
            r.entity,
            r.entity_id,
            r.ro_id,
            r.action,
            r.old_json,
            r.new_json,
        )
        _sql(database, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, r.id))
        prev = h
    f = _detected("forged", trail["ids"][0])
    assert "old unkeyed SHA-256 recipe" in f.message


# -- the money ---------------------------------------------------------------------------


def test_a_settlement_total_edited_directly_is_named(
    database: peewee.Database, trail: dict[str, Any]
) -> None:
    s = trail["settlement"]
    _sql(database, "UPDATE settlement SET total_cents = 1 WHERE id = ?", (s.id,))
    f = _detected("money")
    assert f"settlement {s.number} (#{s.id})" in f.message and f"total {s.total_cents} → 1" in f.message
    assert f.row_id is not None and AuditLog.get_by_id(f.row_id).action == "settle"


def test_a_payment_edited_directly_is_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    p = trail["payment"]
    _sql(database, "UPDATE payment SET amount_cents = amount_cents + 50000 WHERE id = ?", (p.id,))
    f = _detected("money")
    assert (
        f"payment #{p.id}" in f.message and f"amount {p.amount_cents} → {p.amount_cents + 50000}" in f.message
    )


def test_a_payment_inserted_directly_is_named(database: peewee.Database, trail: dict[str, Any]) -> None:
    p = trail["payment"]
    _sql(
        database,
        "INSERT INTO payment (settlement_id, method, amount_cents, reference, at, by_user_id) "
        "VALUES (?, 'cash', -100000, '', ?, ?)",
        (p.settlement_id, dt.datetime.now(), p.by_user_id),
    )
    new_id = Payment.select(peewee.fn.MAX(Payment.id)).scalar()
    assert f"payment #{new_id} has no audit row" in _detected("money").message


def test_money_changed_through_the_services_still_verifies(
    staff: factories.Staff, trail: dict[str, Any]
) -> None:
    settlement.refund(
        actor=staff.cashier, payment_id=trail["payment"].id, amount_cents=100, reason="goodwill"
    )
    assert audit.verify().ok


# -- the sealed head ---------------------------------------------------------------------


def test_an_old_copy_of_the_trail_restored_is_named(
    database: peewee.Database, staff: factories.Staff, trail: dict[str, Any]
) -> None:
    # What restoring Monday's backup over Tuesday's database does to the audit trail.
    _sql(database, "CREATE TABLE audit_monday AS SELECT * FROM audit_log")
    factories.open_checked_in(staff)
    sealed = audit.sealed_head()["rows"]  # type: ignore[index]
    _sql(database, "DELETE FROM audit_log")
    _sql(database, "INSERT INTO audit_log SELECT * FROM audit_monday")
    _sql(database, "DROP TABLE audit_monday")
    f = _detected("truncated")
    assert f"but this workstation sealed {sealed} rows" in f.message and "older backup restored" in f.message


def test_an_old_sqlite_file_copied_over_the_database_is_named(
    database: peewee.Database, staff: factories.Staff, trail: dict[str, Any], url: str, tmp_path: Path
) -> None:
    if db.is_postgres():
        pytest.skip("a file copy is SQLite's restore; the SQL-level restore above covers PostgreSQL")
    path = Path(url[len("sqlite:///") :])
    monday = tmp_path / "monday.db"
    db.sqlite_backup(database, monday)
    factories.open_checked_in(staff)
    db.close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(monday.read_bytes())
    db.open_database(url)
    assert "older backup restored" in _detected("truncated").message


def test_after_truncation_new_work_does_not_hide_it(
    database: peewee.Database, staff: factories.Staff, trail: dict[str, Any]
) -> None:
    ids = trail["ids"]
    _sql(database, "DELETE FROM audit_log WHERE id >= ?", (ids[-3],))
    factories.open_checked_in(staff)  # more new rows than were deleted
    assert audit.head()["rows"] > len(ids)
    assert _detected("rewritten").message.startswith(f"the row at sequence {len(ids)} is not the one")


def test_an_edited_seal_file_is_named(trail: dict[str, Any]) -> None:
    path = audit.head_path()
    data = json.loads(path.read_text())
    for entry in data.values():
        entry["rows"] = 1
    path.write_text(json.dumps(data))
    assert "was altered" in _detected("seal").message


def test_accepting_the_head_is_recorded_and_clears_the_alarm(
    database: peewee.Database, trail: dict[str, Any]
) -> None:
    ids = trail["ids"]
    _sql(database, "DELETE FROM audit_log WHERE id >= ?", (ids[-2],))
    assert not audit.verify().ok
    with db.transaction():
        audit.accept_head(user_id=None, username="system", reason="restored Monday on purpose")
    assert audit.verify().ok
    row = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert row.action == "accept_head" and json.loads(row.new_json)["given_up"]["rows"] == len(ids)


def test_head_is_the_last_row(trail: dict[str, Any]) -> None:
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert audit.head()["rows"] == len(trail["ids"]) and audit.head()["hash"] == last.hash


def test_a_rolled_back_service_does_not_move_the_seal(staff: factories.Staff, trail: dict[str, Any]) -> None:
    before = audit.sealed_head()
    with pytest.raises(Exception):  # noqa: B017 - any refusal: it must roll back
        customers.create_customer(actor=staff.advisor, name="", phone="1")
    assert audit.sealed_head() == before and audit.verify().ok


# -- the key -----------------------------------------------------------------------------


def test_the_key_file_is_private_and_outside_the_database(trail: dict[str, Any]) -> None:
    path = audit.key_path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    key = audit.load_key()
    assert key is not None
    text = " ".join(str(v) for r in AuditLog.select().tuples() for v in r)
    assert key.hex() not in text


def test_a_desk_without_the_key_cannot_write_and_imports_it(
    staff: factories.Staff,
    trail: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    exported = audit.export_key()
    monkeypatch.setenv(audit.KEY_ENV, str(tmp_path / "desk2" / "audit.key"))
    with pytest.raises(audit.AuditKeyError, match="does not hold the dealership's audit key"):
        factories.make_customer_vehicle(staff, name="王五", phone="13700002222")
    assert "no audit key" in _detected("key").message
    # A key of another dealership is refused; the right one is installed (0600).
    with pytest.raises(audit.AuditKeyError, match="not the one"):
        audit.import_key(audit.KEY_PREFIX + "ab" * 32)
    audit.import_key(exported)
    assert stat.S_IMODE(os.stat(audit.key_path()).st_mode) == 0o600
    factories.make_customer_vehicle(staff, name="王五", phone="13700002222")
    assert audit.verify().ok


def test_cli_verify_names_truncation_and_exports_the_key(
    database: peewee.Database, trail: dict[str, Any], url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = trail["ids"]
    _sql(database, "DELETE FROM audit_log WHERE id >= ?", (ids[-10],))
    db.close_database()
    assert cli.main(["--database", url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "audit chain BROKEN: [truncated] the last 10 row(s) were deleted" in err
    assert cli.main(["--database", url, "audit", "export-key"]) == 0
    assert capsys.readouterr().out.startswith(audit.KEY_PREFIX)


# -- personal data -----------------------------------------------------------------------


def test_erasure_leaves_no_name_or_phone_in_the_trail_and_it_verifies(
    database: peewee.Database, staff: factories.Staff
) -> None:
    # The factories' customer 张伟 (13812345678) authorises, takes the car back (accepted by 张伟).
    name, phone = "张伟", "13812345678"
    ro_id, _ = factories.handed_over(staff)
    cid = RepairOrder.get_by_id(ro_id).customer_id
    version = customers.get_customer(customer_id=cid).version
    customers.update_customer(actor=staff.advisor, customer_id=cid, phone="13698765433", version=version)
    rows = audit_log.entries(actor=staff.manager)
    assert any(name in r.new for r in rows) and any(phone in r.old for r in rows)  # shown while held
    assert {r.action for r in rows if name in r.new} >= {
        "create_customer",
        "authorise_estimate",
        "hand_over",
        "handed_over",
    }
    RepairOrder.update(arrived_at=dt.datetime.now() - dt.timedelta(days=4 * 365)).execute()
    customers.erase_customer(actor=staff.manager, customer_id=cid)
    assert Customer.get_by_id(cid).anonymised_at is not None
    everything = " ".join(str(v) for r in AuditLog.select().tuples() for v in r)
    everything += " ".join(str(v) for r in AuditPersonal.select().tuples() for v in r)
    for secret in (name, phone, "13698765433"):
        assert secret not in everything
    assert audit.verify().ok


def test_personal_values_edited_beside_the_chain_are_named(
    database: peewee.Database, staff: factories.Staff
) -> None:
    factories.make_customer_vehicle(staff, name="赵六", phone="13511112222")
    p = AuditPersonal.select().first()
    _sql(
        database,
        "UPDATE audit_personal SET values_json = ? WHERE audit_id = ?",
        (p.values_json.replace("赵六", "钱七"), p.audit_id),
    )
    assert "personal values" in _detected("personal", p.audit_id).message


# -- the switch-over (migration 0005) ----------------------------------------------------


def _legacy_rows(database: peewee.Database, *, break_at: int | None = None) -> None:
    prev = audit.GENESIS
    at = dt.datetime(2026, 1, 5, 9, 0)
    for i in range(1, 6):
        entity, new = ("customer", {"name": "孙八", "phone": "13322223333"}) if i == 2 else ("user", {"n": i})
        new_s = audit.dumps(new)
        h = audit.legacy_digest(prev, at.isoformat(), 1, "boss", entity, 7, None, "x", "", new_s)
        stored = "sneaky" if i == break_at else new_s
        _sql(
            database,
            "INSERT INTO audit_log (at, user_id, username, entity, entity_id, ro_id, action, "
            "old_json, new_json, prev_hash, hash, money_json, pii_digest) "
            "VALUES (?, 1, 'boss', ?, 7, NULL, 'x', '', ?, ?, ?, '', '')",
            (at, entity, stored, prev, h),
        )
        prev = h


@pytest.mark.parametrize("break_at", [None, 3])
def test_the_migration_reseals_old_rows_once_and_records_the_old_chain(
    database: peewee.Database, break_at: int | None
) -> None:
    _legacy_rows(database, break_at=break_at)
    with database.atomic():
        audit.reseal_legacy()
    report = audit.verify()
    assert report.ok, report.findings
    rows = list(AuditLog.select().order_by(AuditLog.id))
    assert [r.seq for r in rows] == list(range(1, 7))
    assert "孙八" not in rows[1].new_json and rows[1].pii_digest
    last = json.loads(rows[-1].new_json)
    assert rows[-1].action == "reseal" and last["rows"] == 5
    assert last["old_chain"] == ("intact" if break_at is None else f"broken at row #{rows[2].id} (x of user)")


# -- the head on the day's report --------------------------------------------------------


def test_the_summary_workbook_carries_the_audit_head(trail: dict[str, Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reports import excel

    today = dt.date.today()
    excel.write_summary(tmp_path / "day.xlsx", start=today, end=today, lang="en")
    book = load_workbook(tmp_path / "day.xlsx", read_only=True)  # holds the file open
    try:
        ws = book.worksheets[0]
        cells = [str(c) for row in ws.iter_rows(max_row=5, values_only=True) for c in row if c]
    finally:
        book.close()  # else a later test's gc met the open file (ResourceWarning → failure)
    h = audit.head()
    assert any(f"audit {h['rows']} / {h['hash'][:16]}" in c for c in cells), cells


def test_an_older_backup_restored_through_the_app_is_refused_then_sealed_when_forced(
    staff: factories.Staff, trail: dict[str, Any], tmp_path: Path
) -> None:
    from advisor import backup

    monday = backup.backup(tmp_path / "monday.backup")
    factories.open_checked_in(staff)
    tuesday = audit.head()["rows"]
    with pytest.raises(
        backup.OlderBackup, match=f"{len(trail['ids'])} audit entries, the database {tuesday}"
    ):
        backup.restore(monday)
    assert audit.head()["rows"] == tuesday and audit.verify().ok
    backup.restore(monday, force=True)  # on purpose: the restored head is sealed, the old one noted
    assert audit.verify().ok and audit.head()["rows"] == len(trail["ids"])
    assert f"gave up a sealed head of {tuesday} rows" in audit.sealed_head()["note"]  # type: ignore[index]
