"""Backups restore whole or not at all (issue 13, item 6), on SQLite and PostgreSQL.

A damaged, cut, foreign or mismatched backup is refused before anything changes; a
restore that fails half-way rolls back. "Nothing changed" is checked on a snapshot of
every row of every table, taken before and after.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import peewee
import pytest

from advisor import backup, db
from advisor.errors import StorageError
from advisor.models import AuditLog, Concern, Photo, Signature
from advisor.services import customers, photos, settings, system
from tests import factories, photo_samples
from tests.snapshot import db_snapshot

snapshot = db_snapshot


@pytest.fixture
def filled(staff: factories.Staff) -> factories.Staff:
    settings.set_settings(
        actor=staff.admin, values={"dealer_name": "东方汽车服务", "dealer_tax_no": "91110000TAX01"}
    )
    ro_id, _ = factories.settled_paid(staff)  # with the customer's drawn signature
    concern = Concern.get(Concern.ro == ro_id)
    photos.add_photo(  # bytes in the database: the photo, its thumbnail, its print copy
        actor=staff.advisor, ro_id=ro_id, subject="concern", subject_id=concern.id, data=photo_samples.jpeg()
    )
    factories.make_customer_vehicle(staff, name="李娜", phone="13900139000")
    return staff


@pytest.fixture
def written(filled: factories.Staff, tmp_path: Path) -> Path:
    return backup.backup(tmp_path / "monday.backup")


def _members(path: Path) -> tuple[dict[str, Any], str, bytes]:
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(backup.MANIFEST))
        return manifest, manifest["data_member"], zf.read(manifest["data_member"])


def _repack(path: Path, out: Path, manifest: dict[str, Any], data: bytes, member: str) -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(backup.MANIFEST, json.dumps(manifest))
        zf.writestr(member, data)
    return out


def _refused(path: Path, match: str, **kw: Any) -> None:
    before = snapshot()
    with pytest.raises(backup.BackupRefused, match=match) as info:
        backup.restore(path, **kw)
    assert info.value.zh and info.value.zh != info.value.en  # bilingual
    assert "Nothing was changed" in info.value.en and "未作任何改动" in info.value.zh
    assert snapshot() == before
    assert not list(path.parent.glob("*.part"))


def test_round_trip_gives_back_every_row(filled: factories.Staff, tmp_path: Path) -> None:
    before = snapshot()
    path = backup.backup(tmp_path / "monday.backup")
    manifest, _member, _data = _members(path)
    assert manifest["engine"] == ("postgresql" if db.is_postgres() else "sqlite")
    assert manifest["tables"] == {t: len(rows) for t, rows in before.items() if t != "schema_migration"}
    last = AuditLog.select(AuditLog.hash).order_by(AuditLog.id.desc()).first()
    assert manifest["audit_head"] == {"rows": len(before["audit_log"]), "last_hash": last.hash}
    assert manifest["schema_version"] == max(r[1] for r in before["schema_migration"])
    assert manifest["dealer"] == {"name": "东方汽车服务", "tax_no": "91110000TAX01"}
    customers.create_customer(actor=filled.advisor, name="After The Backup", phone="13700137000")
    c = customers.create_customer(actor=filled.advisor, name="Also After", phone="13700137001")
    assert snapshot() != before
    backup.restore(path, force=True)
    assert snapshot() == before
    # Ids go on after the restored rows (sequences are reset on PostgreSQL).
    again = customers.create_customer(actor=filled.advisor, name="New", phone="13700137002")
    assert again.id == c.id - 1


def test_postgres_backup_uses_pg_dump_custom_format(written: Path) -> None:
    manifest, _member, data = _members(written)
    if not db.is_postgres():
        assert manifest["data_format"] == "sqlite" and data.startswith(b"SQLite format 3")
        return
    assert manifest["data_format"] == "pg_custom" and data.startswith(b"PGDMP")


def test_postgres_without_pg_dump_falls_back_to_a_json_dump(
    filled: factories.Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not db.is_postgres():
        pytest.skip("PostgreSQL only")
    monkeypatch.setattr(backup, "_pg_tool", lambda name: None)
    before = snapshot()
    path = backup.backup(tmp_path / "json.backup")
    assert _members(path)[0]["data_format"] == "jsonl"
    customers.create_customer(actor=filled.advisor, name="After", phone="13700137000")
    backup.restore(path, force=True)
    assert snapshot() == before
    # the pictures come back as pictures (they were written as hex), not as hex text
    assert bytes(Photo.get().jpeg).startswith(b"\xff\xd8") and bytes(Signature.get().png).startswith(
        b"\x89PNG"
    )


@pytest.mark.parametrize("cut", ["header-only", "cut-at-a-line", "cut-mid-stream"])
def test_a_cut_file_is_refused(written: Path, tmp_path: Path, cut: str) -> None:
    raw = written.read_bytes()
    _manifest, member, _data = _members(written)
    with zipfile.ZipFile(written) as zf:
        data_offset = zf.getinfo(member).header_offset
    end = {
        "header-only": data_offset,
        "cut-at-a-line": raw.rindex(b"\n", 0, len(raw) * 2 // 3) + 1,
        "cut-mid-stream": len(raw) // 2,
    }[cut]
    bad = tmp_path / f"{cut}.backup"
    bad.write_bytes(raw[:end])
    _refused(bad, "not a valid")


@pytest.mark.parametrize("cut", ["header-only", "cut-at-a-line", "cut-mid-stream"])
def test_a_cut_data_member_in_a_whole_archive_is_refused(written: Path, tmp_path: Path, cut: str) -> None:
    # The archive itself is intact (re-packed), only the data is short: the checksum tells.
    manifest, member, data = _members(written)
    end = {
        "header-only": 0,
        "cut-at-a-line": data.rindex(b"\n", 0, len(data) * 2 // 3) + 1,
        "cut-mid-stream": len(data) // 2,
    }[cut]
    bad = _repack(written, tmp_path / f"{cut}.backup", manifest, data[:end], member)
    _refused(bad, "checksum")


def test_a_corrupted_byte_is_refused(written: Path, tmp_path: Path) -> None:
    manifest, member, data = _members(written)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    _refused(_repack(written, tmp_path / "flipped.backup", manifest, bytes(flipped), member), "checksum")


def test_a_manifest_that_lists_other_row_counts_is_refused_before_loading(
    written: Path, tmp_path: Path
) -> None:
    # Data and checksum intact, but the manifest promises a customer more than the data holds.
    manifest, member, data = _members(written)
    manifest["tables"]["customer"] += 1
    _refused(
        _repack(written, tmp_path / "counts.backup", manifest, data, member), "data does not hold the rows"
    )


def test_a_backup_of_another_schema_version_is_refused(written: Path, tmp_path: Path) -> None:
    manifest, member, data = _members(written)
    manifest["schema_version"] = "0002_live_triggers"
    _refused(_repack(written, tmp_path / "old-schema.backup", manifest, data, member), "database version")


def test_a_backup_of_another_dealership_is_refused(
    written: Path, filled: factories.Staff, tmp_path: Path
) -> None:
    manifest, member, data = _members(written)
    manifest["dealer"] = {"name": "西城汽修", "tax_no": "91110000OTHER"}
    _refused(_repack(written, tmp_path / "theirs.backup", manifest, data, member), "another dealership")
    # Even with force: force is for an older backup of this dealership, never another's.
    _refused(
        _repack(written, tmp_path / "theirs.backup", manifest, data, member), "another dealership", force=True
    )


def test_a_backup_of_another_dealership_is_refused_by_its_own_identity(
    filled: factories.Staff, tmp_path: Path
) -> None:
    # The other dealership's backup, made honestly: its own manifest names it.
    settings.set_settings(
        actor=filled.admin, values={"dealer_name": "西城汽修", "dealer_tax_no": "91110000OTHER"}
    )
    theirs = backup.backup(tmp_path / "theirs.backup")
    settings.set_settings(
        actor=filled.admin, values={"dealer_name": "东方汽车服务", "dealer_tax_no": "91110000TAX01"}
    )
    _refused(theirs, "another dealership", force=True)


def test_an_older_backup_is_refused_unless_forced(written: Path, filled: factories.Staff) -> None:
    customers.create_customer(actor=filled.advisor, name="Saved Later", phone="13700137000")
    before = snapshot()
    with pytest.raises(backup.OlderBackup, match="older than this database") as info:
        backup.restore(written)
    assert "--force" in info.value.en and "较旧" not in info.value.en and "旧" in info.value.zh
    assert snapshot() == before
    backup.restore(written, force=True)
    assert "Saved Later" not in {r[1] for r in snapshot()["customer"]}


def test_a_backup_of_the_same_state_needs_no_force(written: Path) -> None:
    before = snapshot()
    backup.restore(written)
    assert snapshot() == before


@pytest.mark.parametrize("kind", ["text", "old-sqlite-file", "missing", "manifest-only"])
def test_a_file_that_is_no_backup_is_refused(filled: factories.Staff, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.backup"
    if kind == "text":
        bad.write_text("not a backup at all\n" * 50)
    elif kind == "old-sqlite-file":
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    elif kind == "manifest-only":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr(backup.MANIFEST, json.dumps({"magic": backup.MAGIC, "format": backup.FORMAT}))
    if kind == "missing":
        before = snapshot()
        with pytest.raises(backup.BackupRefused, match="does not exist"):
            backup.restore(bad)
        assert snapshot() == before
        return
    _refused(bad, "no manifest" if kind == "old-sqlite-file" else "not a valid")


def test_counts_that_differ_after_loading_roll_the_restore_back(
    written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The data loads whole; the check inside the transaction finds one customer fewer than
    # the manifest lists (rows lost on the way in): everything is rolled back.
    real_after = backup._after

    def after(source: Path, m: dict[str, Any], database: peewee.Database) -> None:
        real_after(
            source, {**m, "tables": {**m["tables"], "customer": m["tables"]["customer"] + 1}}, database
        )

    monkeypatch.setattr(backup, "_after", after)
    before = snapshot()
    with pytest.raises(backup.BackupRefused, match="restored database does not hold"):
        backup.restore(written, force=True)
    assert snapshot() == before


def test_a_restore_that_fails_half_way_rolls_back(
    written: Path, filled: factories.Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tables are emptied and the first ones loaded, then the server fails: nothing stays.
    customers.create_customer(actor=filled.advisor, name="Saved Later", phone="13700137000")
    before = snapshot()
    database = db.database_proxy.obj
    real = database.execute_sql
    seen: list[str] = []

    def failing(sql: str, params: Any = None, *a: Any, **kw: Any) -> Any:
        if sql.startswith(("INSERT", "TRUNCATE", "DELETE")):
            seen.append(sql)
        # The fifth table loaded (SQLite, JSON dump), or after the COPYs (pg_dump).
        if sum(s.startswith("INSERT") for s in seen) == 5 or "setval" in sql:
            raise peewee.OperationalError("server closed the connection unexpectedly")
        return real(sql, params, *a, **kw)

    monkeypatch.setattr(database, "execute_sql", failing)
    with pytest.raises(StorageError):
        backup.restore(written, force=True)
    monkeypatch.undo()
    assert seen  # it did get half-way: tables were emptied
    assert snapshot() == before


def test_a_full_disk_leaves_no_part_file(
    filled: factories.Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = zipfile.ZipFile.write

    def full(self: zipfile.ZipFile, *a: Any, **kw: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(StorageError, match="disk is full") as info:
        backup.backup(tmp_path / "full.backup")
    assert "磁盘已满" in info.value.zh
    assert not list(tmp_path.glob("full*"))
    monkeypatch.setattr(zipfile.ZipFile, "write", real)


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_backup_onto_a_folder_or_a_device_is_refused(
    filled: factories.Staff, tmp_path: Path, kind: str
) -> None:
    import os

    from advisor.errors import UserError

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.backup"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)  # stands for /dev/full and its kind: replacing it would be a disaster
    with pytest.raises(UserError, match="not a file a backup can be written to"):
        backup.backup(target)
    assert target.is_dir() if kind == "folder" else target.is_fifo()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["out.backup"]


def test_daily_backup_runs_on_both_engines(filled: factories.Staff, tmp_path: Path) -> None:
    folder = tmp_path / "daily"
    written = system.daily_backup(folder)
    assert written is not None and written.suffix == backup.SUFFIX
    assert backup.read_manifest(written)["engine"] == ("postgresql" if db.is_postgres() else "sqlite")
    assert system.daily_backup(folder) == written  # once a day
    assert [p.name for p in folder.iterdir()] == [written.name]


def test_a_restore_leaves_the_planner_statistics_of_the_restored_rows(
    written: Path, filled: factories.Staff
) -> None:
    """A restore replaces whole tables: the query planner must know what they hold at
    once (statistics of the rows before the restore, or none, make it choose poor plans
    on a large restored database until someone analyses it)."""
    database = db.database_proxy.obj

    def customers_counted() -> int:
        if db.is_postgres():
            sql = "SELECT reltuples FROM pg_class WHERE relname = 'customer'"
        else:
            sql = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'customer' AND idx IS NULL"
            first = database.execute_sql(sql).fetchone()
            if first is None:  # SQLite keeps a table's count beside each index otherwise
                sql = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'customer' LIMIT 1"
        row = database.execute_sql(sql).fetchone()
        return int(float(str(row[0]).split()[0])) if row else -1

    restored = database.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0]
    for i in range(3):
        customers.create_customer(actor=filled.advisor, name=f"Later {i}", phone=f"1370013700{i}")
    db.refresh_statistics(database)
    assert customers_counted() == restored + 3
    backup.restore(written, force=True)
    assert customers_counted() == restored
