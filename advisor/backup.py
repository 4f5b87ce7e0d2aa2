"""Backups that restore whole or not at all.

A backup is ONE file, a zip archive (suffix ``.backup``) of two members:

- ``manifest.json``: what the backup must hold — the row count of every table, the
  SHA-256 of the data member, the audit chain head (row count and last hash), the app
  version, the schema version (the latest applied migration), the engine and the
  dealership (name and tax number) it belongs to;
- the data, in one of three forms:
  ``database.sqlite``  SQLite, through the online backup API (a consistent copy);
  ``database.pgdump``  PostgreSQL, ``pg_dump --format=custom --data-only`` run on the
                       snapshot the manifest was counted in (``pg_export_snapshot``);
  ``database.jsonl``   PostgreSQL without ``pg_dump`` on the PATH: one JSON line a row,
                       read in one REPEATABLE READ transaction.

``restore`` reads and checks the whole file before it touches the database: a file that
is cut short (zip's directory is at its end), whose data does not match the checksum,
whose row counts differ from the manifest, of another schema version, engine or
dealership is refused with a bilingual message and nothing changes. A backup older than
the database (its audit chain is shorter) is refused unless ``force=True``. Then it
replaces every table in ONE transaction of the open database, counts the rows (and reads
the audit head) again inside it, and rolls back on any difference.

No ``*.part`` file stays behind when writing fails (a full disk gives a plain message).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import peewee

from advisor.db import database_proxy, is_postgres, refresh_statistics, storage_error
from advisor.errors import StorageError, ValidationError
from advisor.models import ALL_MODELS

MAGIC = "service-advisor-backup"
FORMAT = 2
SUFFIX = ".backup"
MANIFEST = "manifest.json"
DATA_MEMBER = {"sqlite": "database.sqlite", "pg_custom": "database.pgdump", "jsonl": "database.jsonl"}
TABLES = [m._meta.table_name for m in ALL_MODELS]
GENESIS = "0" * 64
_CHUNK = 1 << 20


class BackupRefused(ValidationError):
    """The file cannot be restored here; nothing was changed."""


class OlderBackup(BackupRefused):
    """The backup is older than the database: restoring it loses what was saved since.
    Restored only when asked explicitly (``force=True``)."""


# -- what a database holds ------------------------------------------------------------------------

Query = Callable[[str], list[tuple[Any, ...]]]


def _peewee_query(db: peewee.Database) -> Query:
    return lambda sql: list(db.execute_sql(sql).fetchall())


def _sqlite_query(con: sqlite3.Connection) -> Query:
    return lambda sql: list(con.execute(sql).fetchall())


def _counts(q: Query) -> dict[str, int]:
    return {t: int(q(f'SELECT COUNT(*) FROM "{t}"')[0][0]) for t in TABLES}


def _audit_head(q: Query) -> dict[str, Any]:
    rows = int(q('SELECT COUNT(*) FROM "audit_log"')[0][0])
    last = q('SELECT "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1')
    return {"rows": rows, "last_hash": last[0][0] if last else GENESIS}


def _schema_version(q: Query) -> str:
    row = q('SELECT MAX("name") FROM "schema_migration"')
    return str(row[0][0] or "") if row else ""


def _dealer(q: Query) -> dict[str, str]:
    from advisor import config

    got: dict[str, Any] = dict(
        q('SELECT "key", "value" FROM "setting" WHERE "key" IN (\'dealer_name\', \'dealer_tax_no\')')
    )
    return {
        "name": str(config.decode("dealer_name", got.get("dealer_name")) or ""),
        "tax_no": str(config.decode("dealer_tax_no", got.get("dealer_tax_no")) or ""),
    }


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("service-advisor")
    except Exception:
        return "unknown"


def _manifest(q: Query, *, engine: str, data_format: str, sha256: str = "") -> dict[str, Any]:
    return {
        "magic": MAGIC,
        "format": FORMAT,
        "created_at": dt.datetime.now().isoformat(timespec="seconds"),
        "app_version": app_version(),
        "schema_version": _schema_version(q),
        "engine": engine,
        "data_format": data_format,
        "data_member": DATA_MEMBER[data_format],
        "sha256": sha256,
        "tables": _counts(q),
        "audit_head": _audit_head(q),
        "dealer": _dealer(q),
    }


def current_state() -> dict[str, Any]:
    """What the open database holds now: counts, audit head, schema version, dealership."""
    q = _peewee_query(database_proxy.obj)
    return {
        "tables": _counts(q),
        "audit_head": _audit_head(q),
        "schema_version": _schema_version(q),
        "dealer": _dealer(q),
    }


# -- writing --------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(type(value))


def _disk_full(exc: OSError) -> bool:
    import errno

    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def _write_failed(target: Path, exc: Exception) -> StorageError:
    if isinstance(exc, OSError) and _disk_full(exc):
        return StorageError(
            f"The disk is full: the backup {target.name} was not written. Free some space or "
            "choose another place, and try again.",
            f"磁盘已满：备份 {target.name} 未写入。请释放空间或换个位置后重试。",
        )
    if isinstance(exc, OSError | sqlite3.Error):
        why = getattr(exc, "strerror", None) or str(exc)
        if "full" in why.lower():
            return _write_failed(target, OSError(28, why))
        return StorageError(
            f"The backup {target.name} could not be written: {why}.", f"备份 {target.name} 无法写入：{why}。"
        )
    return storage_error(exc)


def backup(target: Path) -> Path:
    """Write a consistent backup of the open database, with its manifest, to ``target``."""
    target = Path(target)
    if target.exists() and not target.is_file():  # a folder, a device (/dev/full), a pipe
        raise ValidationError(
            f"{target} is not a file a backup can be written to.", f"{target} 不是可以写入备份的文件。"
        )
    db = database_proxy.obj
    part = target.with_name(target.name + ".part")
    data = target.with_name(target.name + ".data.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        manifest = _dump_postgres(db, data) if is_postgres() else _dump_sqlite(db, data)
        manifest["sha256"] = _sha256(data)
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            zf.write(data, manifest["data_member"])
        with part.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(part, target)
    except (OSError, sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError) as exc:
        raise _write_failed(target, exc) from exc
    finally:
        for leftover in (part, data):
            leftover.unlink(missing_ok=True)
    return target


def _dump_sqlite(db: peewee.Database, data: Path) -> dict[str, Any]:
    dest = sqlite3.connect(str(data))
    try:
        db.connection().backup(dest)
        # Counted in the copy itself: the manifest describes exactly what was copied.
        return _manifest(_sqlite_query(dest), engine="sqlite", data_format="sqlite")
    finally:
        dest.close()


def _pg_tool(name: str) -> str | None:
    """``pg_dump``/``pg_restore`` on the PATH, else the newest under /usr/lib/postgresql."""
    found = shutil.which(name)
    if found:
        return found
    import glob

    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _pg_env(db: peewee.Database) -> dict[str, str]:
    env = dict(os.environ)
    params = db.connect_params
    env["PGDATABASE"] = str(db.database)
    for key, var in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"), ("password", "PGPASSWORD")):
        if params.get(key) is not None:
            env[var] = str(params[key])
    env["PGCONNECT_TIMEOUT"] = "5"
    return env


def _dump_postgres(db: peewee.Database, data: Path) -> dict[str, Any]:
    with db.atomic():
        db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = db.execute_sql("SELECT pg_export_snapshot()").fetchone()[0]
        q = _peewee_query(db)
        pg_dump = _pg_tool("pg_dump")
        if pg_dump:
            # pg_dump reads the very snapshot this transaction counted: manifest and data agree.
            done = subprocess.run(
                [
                    pg_dump,
                    "--format=custom",
                    "--data-only",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={data}",
                ]
                + [f"--table=public.{t}" for t in TABLES],
                env=_pg_env(db),
                capture_output=True,
                text=True,
            )
            if done.returncode == 0:
                return _manifest(q, engine="postgresql", data_format="pg_custom")
            if "No space left" in done.stderr:
                raise OSError(28, "No space left on device")
            import logging

            logging.getLogger(__name__).warning(
                "pg_dump failed, writing a JSON dump: %s", done.stderr.strip()
            )
        with data.open("w", encoding="utf-8") as out:
            for model in ALL_MODELS:
                table = model._meta.table_name
                cursor = db.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1')
                names = [c[0] for c in cursor.description]
                for row in cursor:
                    out.write(
                        json.dumps(
                            {"t": table, "r": dict(zip(names, row, strict=True))},
                            default=_json_default,
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
        return _manifest(q, engine="postgresql", data_format="jsonl")


# -- reading and checking -------------------------------------------------------------------------


def _refused(source: Path, en: str, zh: str) -> BackupRefused:
    return BackupRefused(
        f"{source.name}: {en} Nothing was changed.", f"{source.name}：{zh}数据库未作任何改动。"
    )


def _not_valid(source: Path) -> BackupRefused:
    return _refused(
        source,
        "not a valid Service Advisor backup: the file is cut short, damaged or of another kind.",
        "不是有效的本系统备份文件：文件不完整、已损坏或类型不符。",
    )


def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest of ``source``, checked for form (not yet against the database)."""
    source = Path(source)
    if not source.is_file():
        raise BackupRefused(f"{source} does not exist.", f"{source} 不存在。")
    try:
        with zipfile.ZipFile(source) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise _not_valid(source)
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zipfile.LargeZipFile) as exc:
        if _old_format(source):
            raise _refused(
                source,
                "not a valid Service Advisor backup: it has no manifest (a plain database "
                "file, or a backup of an older version), so it cannot be checked and is not restored.",
                "不是有效的本系统备份文件：没有清单（普通数据库文件或旧版本的备份），无法核对，因此不予恢复。",
            ) from exc
        raise _not_valid(source) from exc
    ok = (
        isinstance(manifest, dict)
        and manifest.get("magic") == MAGIC
        and manifest.get("format") == FORMAT
        and manifest.get("data_format") in DATA_MEMBER
        and isinstance(manifest.get("tables"), dict)
        and isinstance(manifest.get("audit_head"), dict)
        and manifest.get("data_member") in names
        and isinstance(manifest.get("sha256"), str)
        and len(manifest["sha256"]) == 64
    )
    if not ok:
        raise _not_valid(source)
    return manifest


def _old_format(source: Path) -> bool:
    try:
        with source.open("rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return head.startswith(b"SQLite format 3") or head.startswith(b"\x1f\x8b")


def _check_against_database(source: Path, m: dict[str, Any], now: dict[str, Any], *, force: bool) -> None:
    engine = "postgresql" if is_postgres() else "sqlite"
    if m.get("engine") != engine:
        raise _refused(
            source,
            f"a backup of a {m.get('engine')} database cannot be restored to {engine}.",
            f"{m.get('engine')} 数据库的备份不能恢复到 {engine}。",
        )
    if m.get("schema_version") != now["schema_version"]:
        raise _refused(
            source,
            f"written at database version {m.get('schema_version')!r} (Service Advisor "
            f"{m.get('app_version')}); this database is at version {now['schema_version']!r}. Restore it with "
            "the version of Service Advisor that wrote it.",
            f"写入时数据库版本为 {m.get('schema_version')!r}（本系统 {m.get('app_version')}），当前数据库版本为 "
            f"{now['schema_version']!r}。请用写入它的本系统版本恢复。",
        )
    theirs, ours = m.get("dealer") or {}, now["dealer"]
    key = "tax_no" if theirs.get("tax_no") and ours["tax_no"] else "name"
    if ours[key] and str(theirs.get(key, "")).strip().casefold() != ours[key].strip().casefold():
        who = f"{theirs.get('name') or '?'} ({theirs.get('tax_no') or '-'})"
        me = f"{ours['name'] or '?'} ({ours['tax_no'] or '-'})"
        raise _refused(
            source,
            f"this is a backup of another dealership, {who}; this database belongs to {me}.",
            f"这是另一家经销商 {who} 的备份；本数据库属于 {me}。",
        )
    b_rows, n_rows = int(m["audit_head"].get("rows", 0)), now["audit_head"]["rows"]
    if b_rows < n_rows and not force:
        raise OlderBackup(
            f"{source.name} is older than this database: it holds {b_rows} audit entries, the database "
            f"{n_rows} (backup of {m.get('created_at')}). Restoring it loses everything saved since. "
            "Nothing was changed; restore it only if you mean to (the command line: --force).",
            f"{source.name} 比当前数据库旧：它有 {b_rows} 条审计记录，数据库有 {n_rows} 条（备份于 "
            f"{m.get('created_at')}）。恢复它将丢失此后保存的全部内容。数据库未作任何改动；确需恢复时请明确确认"
            "（命令行：--force）。",
        )


@contextmanager
def _extracted(source: Path, m: dict[str, Any], folder: Path) -> Iterator[Path]:
    """The data member extracted to a temporary file, its SHA-256 checked; removed after."""
    fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".part", dir=folder)
    path = Path(name)
    try:
        h = hashlib.sha256()
        try:
            with os.fdopen(fd, "wb") as out, zipfile.ZipFile(source) as zf, zf.open(m["data_member"]) as f:
                while chunk := f.read(_CHUNK):
                    h.update(chunk)
                    out.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            if isinstance(exc, OSError) and _disk_full(exc):
                raise _write_failed(path, exc) from exc
            raise _not_valid(source) from exc
        if h.hexdigest() != m["sha256"]:
            raise _refused(
                source,
                "damaged: its data does not match the checksum in its manifest.",
                "已损坏：数据与清单中的校验和不符。",
            )
        yield path
    finally:
        path.unlink(missing_ok=True)


def _mismatch(source: Path, what: str, expected: dict[str, int], got: dict[str, int]) -> BackupRefused:
    diff = ", ".join(
        f"{t} {expected.get(t, 0)}≠{got.get(t, 0)}" for t in TABLES if expected.get(t, 0) != got.get(t, 0)
    )
    return _refused(
        source,
        f"the {what} does not hold the rows its manifest lists ({diff}).",
        f"{'数据' if what == 'data' else '恢复结果'}与清单所列行数不符（{diff}）。",
    )


def restore(source: Path, *, force: bool = False) -> dict[str, Any]:
    """Replace every table of the open database with the backup ``source``, whole or not at
    all (see the module's docstring). Returns the manifest."""
    source = Path(source)
    m = read_manifest(source)
    db = database_proxy.obj
    _check_against_database(source, m, current_state(), force=force)
    folder = Path(db.database).resolve().parent if not is_postgres() else Path(tempfile.gettempdir())
    with _extracted(source, m, folder) as data:
        try:
            if m["data_format"] == "sqlite":
                _restore_sqlite(source, m, db, data)
            elif m["data_format"] == "pg_custom":
                _restore_pg_custom(source, m, db, data)
            else:
                _restore_jsonl(source, m, db, data)
        except (peewee.DatabaseError, peewee.InterfaceError, sqlite3.DatabaseError) as exc:
            if isinstance(exc, peewee.IntegrityError | sqlite3.IntegrityError | peewee.DataError):
                raise _refused(
                    source,
                    f"its data does not fit this database ({exc}).",
                    f"其数据与本数据库不符（{exc}）。",
                ) from exc
            raise storage_error(exc) from exc
    refresh_statistics(db)  # the planner's view of the tables just replaced
    from advisor import audit

    audit.after_restore(f"restored {source.name} ({m.get('created_at', '?')})")
    return m


def _after(source: Path, m: dict[str, Any], db: peewee.Database) -> None:
    """Inside the restore's transaction: the rows and the audit head are the manifest's."""
    q = _peewee_query(db)
    got = _counts(q)
    expected = {t: int(m["tables"].get(t, 0)) for t in TABLES}
    if got != expected:
        raise _mismatch(source, "restored database", expected, got)
    head = _audit_head(q)
    if head != {"rows": int(m["audit_head"]["rows"]), "last_hash": m["audit_head"]["last_hash"]}:
        raise _refused(
            source,
            "the restored audit trail does not end where its manifest says.",
            "恢复后的审计记录末尾与清单不符。",
        )


def _restore_sqlite(source: Path, m: dict[str, Any], db: peewee.Database, data: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{data}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            got = _counts(_sqlite_query(con)) if ok == "ok" else {}
            version = _schema_version(_sqlite_query(con)) if ok == "ok" else ""
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _not_valid(source) from exc
    if ok != "ok" or version != m["schema_version"]:
        raise _not_valid(source)
    expected = {t: int(m["tables"].get(t, 0)) for t in TABLES}
    if got != expected:
        raise _mismatch(source, "data", expected, got)
    db.execute_sql("ATTACH DATABASE ? AS restore_src", (str(data),))
    try:
        with db.atomic():
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            for table in reversed(TABLES):
                db.execute_sql(f'DELETE FROM main."{table}"')
            for table in TABLES:
                cols = ", ".join(f'"{c.name}"' for c in db.get_columns(table))
                db.execute_sql(
                    f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM restore_src."{table}"'
                )
            _after(source, m, db)
    finally:
        db.execute_sql("DETACH DATABASE restore_src")


def _truncate_all(db: peewee.Database) -> None:
    names = ", ".join(f'"{t}"' for t in TABLES)
    db.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


def _reset_sequences(db: peewee.Database) -> None:
    for model in ALL_MODELS:
        if model._meta.primary_key.name == "id" and isinstance(model._meta.primary_key, peewee.AutoField):
            t = model._meta.table_name
            db.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{t}"), 0) + 1, false)'
            )


def _restore_jsonl(source: Path, m: dict[str, Any], db: peewee.Database, data: Path) -> None:
    by_table: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    try:
        with data.open(encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                by_table[item["t"]].append(item["r"])
    except (ValueError, KeyError, TypeError) as exc:
        raise _not_valid(source) from exc
    expected = {t: int(m["tables"].get(t, 0)) for t in TABLES}
    got = {t: len(rows) for t, rows in by_table.items()}
    if got != expected:
        raise _mismatch(source, "data", expected, got)
    with db.atomic():
        _truncate_all(db)
        for model in ALL_MODELS:
            rows = by_table[model._meta.table_name]
            # Bytes (photos, signatures) were written as hex: back to bytes, not hex text.
            blobs = [f.column_name for f in model._meta.sorted_fields if isinstance(f, peewee.BlobField)]
            for row in rows if blobs else ():
                for column in blobs:
                    if isinstance(row.get(column), str):
                        row[column] = bytes.fromhex(row[column])
            for i in range(0, len(rows), 500):
                model.insert_many(rows[i : i + 500]).execute()
        _reset_sequences(db)
        _after(source, m, db)


def _restore_pg_custom(source: Path, m: dict[str, Any], db: peewee.Database, data: Path) -> None:
    pg_restore = _pg_tool("pg_restore")
    if pg_restore is None:
        raise _refused(
            source,
            "restoring a pg_dump backup needs pg_restore (the PostgreSQL client tools), "
            "which is not installed here.",
            "恢复 pg_dump 备份需要 pg_restore（PostgreSQL 客户端工具），本机未安装。",
        )
    listing = subprocess.run([pg_restore, "--list", str(data)], capture_output=True, text=True)
    if listing.returncode != 0:
        raise _refused(
            source,
            f"not a valid Service Advisor backup: pg_restore cannot read its data "
            f"({listing.stderr.strip()[:300]}).",
            f"不是有效的本系统备份文件：pg_restore 无法读取其数据（{listing.stderr.strip()[:300]}）。",
        )
    entries: dict[str, str] = {}
    for line in listing.stdout.splitlines():
        parts = line.split()
        if " TABLE DATA " in line and len(parts) >= 7 and not line.startswith(";"):
            entries[parts[6].strip('"')] = line
    order = [entries[t] for t in TABLES if t in entries]
    if any(int(m["tables"].get(t, 0)) and t not in entries for t in TABLES):
        raise _not_valid(source)
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as lf:
        lf.write("\n".join(order) + "\n")
    command = [pg_restore, "--data-only", "--use-list", lf.name, "--file=-", str(data)]
    try:
        # Read through once before touching anything: every row the manifest lists is there.
        counter = _RowCounter()
        _copy_in(source, counter, command)
        expected = {t: int(m["tables"].get(t, 0)) for t in TABLES}
        if counter.rows != expected:
            raise _mismatch(source, "data", expected, counter.rows)
        with db.atomic():
            _truncate_all(db)
            _copy_in(source, db.connection().cursor(), command)
            _reset_sequences(db)
            _after(source, m, db)
    finally:
        Path(lf.name).unlink(missing_ok=True)


class _RowCounter:
    """Stands for a cursor in ``_copy_in``: counts the rows of each table's COPY block."""

    def __init__(self) -> None:
        self.rows = dict.fromkeys(TABLES, 0)

    @contextmanager
    def copy(self, statement: str) -> Iterator[_RowCounter._Block]:
        yield _RowCounter._Block(self, statement.split()[1].split(".", 1)[1].strip('"'))

    class _Block:
        def __init__(self, counter: _RowCounter, table: str) -> None:
            self.counter, self.table = counter, table

        def write(self, row: bytes) -> None:
            self.counter.rows[self.table] += 1


def _copy_in(source: Path, cursor: Any, command: list[str]) -> None:
    """Feed the COPY blocks of ``pg_restore``'s script to ``cursor`` (the open
    transaction's, or a ``_RowCounter``); every other statement of the script is ignored."""
    known = {f"public.{t}" for t in TABLES} | {f'public."{t}"' for t in TABLES}
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors) as proc,
    ):
        assert proc.stdout is not None
        try:
            _feed(source, proc.stdout, cursor, known)
        finally:
            proc.stdout.close()
            code = proc.wait()
            errors.seek(0)
            err = errors.read().decode(errors="replace")
    if code != 0:
        raise _refused(
            source,
            f"pg_restore could not read it ({err.strip()[:300]}).",
            f"pg_restore 无法读取（{err.strip()[:300]}）。",
        )


def _feed(source: Path, script: IO[bytes], cursor: Any, known: set[str]) -> None:
    for line in script:
        if not line.startswith(b"COPY "):
            continue
        statement = line.decode("utf-8").rstrip("\n")
        if statement.split()[1] not in known or not statement.endswith(" FROM stdin;"):
            raise _not_valid(source)
        with cursor.copy(statement[:-1]) as copy:
            for row in script:
                if row == b"\\.\n":
                    break
                copy.write(row)
            else:
                raise _not_valid(source)


# -- the daily backup -----------------------------------------------------------------------------


def rotate_daily(directory: Path, *, keep: int = 7, today: dt.date | None = None) -> Path | None:
    """The automatic daily backup (SQLite and PostgreSQL): one file a day, the newest
    ``keep`` kept. Each workstation of a shared server keeps its own copies."""
    directory.mkdir(parents=True, exist_ok=True)
    today = today or dt.date.today()
    target = directory / f"service-advisor-{today:%Y%m%d}{SUFFIX}"
    if not target.exists():
        backup(target)
    files = sorted(directory.glob(f"service-advisor-*{SUFFIX}"))
    for old in files[:-keep]:
        old.unlink()
    return target
