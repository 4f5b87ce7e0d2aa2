"""Backups: the SQLite file through the online backup API; a portable JSON dump for
PostgreSQL. ``restore`` refuses anything that is not a valid backup of this app."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee

from advisor.db import database_proxy, is_postgres, sqlite_backup
from advisor.errors import ValidationError
from advisor.models import ALL_MODELS

MAGIC = "service-advisor-backup"
REQUIRED_TABLES = {"repair_order", "customer", "audit_log", "schema_migration"}


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value))


def backup(target: Path) -> Path:
    """Write a consistent backup of the open database to ``target``."""
    db = database_proxy.obj
    target = Path(target)
    if not is_postgres():
        sqlite_backup(db, target)
        return target
    tmp = target.with_suffix(target.suffix + ".part")
    with db.atomic(), gzip.open(tmp, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"magic": MAGIC, "at": dt.datetime.now().isoformat()}) + "\n")
        for model in ALL_MODELS:
            for row in model.select().dicts().iterator():
                out.write(json.dumps({"t": model._meta.table_name, "r": row},
                                     default=_json_default, ensure_ascii=False) + "\n")  # fmt: skip
    tmp.replace(target)
    return target


def check_sqlite_backup(path: Path) -> None:
    """Refuse a file that is not an intact SQLite backup of this app."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise ValidationError(
            f"{path.name} is not a valid backup ({exc}).", f"{path.name} 不是有效的备份文件（{exc}）。"
        ) from exc
    if ok != "ok" or not tables >= REQUIRED_TABLES:
        raise ValidationError(
            f"{path.name} is not a valid Service Advisor backup.", f"{path.name} 不是有效的本系统备份文件。"
        )


def restore(source: Path, *, url: str) -> None:
    """Replace the database at ``url`` with the backup ``source`` (checked first)."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"{source} does not exist.", f"{source} 不存在。")
    if url.startswith("sqlite:///"):
        check_sqlite_backup(source)
        from advisor.db import close_database, copy_file

        close_database()
        dest = Path(url[len("sqlite:///") :])
        for suffix in ("-wal", "-shm"):
            Path(str(dest) + suffix).unlink(missing_ok=True)
        copy_file(source, dest)
        return
    _restore_json(source)


def _restore_json(source: Path) -> None:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as f:
            head = json.loads(f.readline())
    except (OSError, ValueError) as exc:
        raise ValidationError(f"{source.name} is not a valid backup.", f"{source.name} 不是有效的备份文件。") from exc
    if head.get("magic") != MAGIC:
        raise ValidationError(f"{source.name} is not a valid backup.", f"{source.name} 不是有效的备份文件。")
    db: peewee.Database = database_proxy.obj
    by_table = {m._meta.table_name: m for m in ALL_MODELS}
    with db.atomic():
        names = ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS)
        db.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        with gzip.open(source, "rt", encoding="utf-8") as f:
            f.readline()
            batch: dict[str, list[dict[str, Any]]] = {}
            for line in f:
                item = json.loads(line)
                batch.setdefault(item["t"], []).append(item["r"])
        for model in ALL_MODELS:
            rows = batch.get(model._meta.table_name, [])
            for i in range(0, len(rows), 500):
                model.insert_many(rows[i : i + 500]).execute()
            if rows and model._meta.primary_key.name == "id":
                table = model._meta.table_name
                db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                               f"(SELECT MAX(id) FROM \"{table}\"))")  # fmt: skip
    del by_table


def rotate_daily(directory: Path, *, keep: int = 7, today: dt.date | None = None) -> Path | None:
    """The automatic daily backup: one file a day, the newest ``keep`` kept."""
    if is_postgres():
        return None
    directory.mkdir(parents=True, exist_ok=True)
    today = today or dt.date.today()
    target = directory / f"service-advisor-{today:%Y%m%d}.db"
    if not target.exists():
        backup(target)
    files = sorted(directory.glob("service-advisor-*.db"))
    for old in files[:-keep]:
        old.unlink()
    return target
