"""One database for the whole process: SQLite by default, PostgreSQL when shared.

``open_database(url)`` initialises the proxy every model is bound to, applies the
connection settings and runs pending migrations (the SQLite file is backed up
first). URLs: ``sqlite:///path/to/file.db`` or ``postgresql://user:pass@host:port/db``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import peewee
from platformdirs import user_data_dir

from advisor.errors import StorageError, ValidationError

log = logging.getLogger(__name__)

database_proxy = peewee.DatabaseProxy()
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
APP_NAME = "ServiceAdvisor"

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed RO survives a power cut
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}


def default_url() -> str:
    """The URL used when none is given: env ``ADVISOR_DATABASE_URL`` or a local file."""
    env = os.environ.get("ADVISOR_DATABASE_URL")
    if env:
        return env
    path = Path(user_data_dir(APP_NAME, appauthor=False)) / "service-advisor.db"
    return f"sqlite:///{path}"


def describe(url: str) -> str:
    """A short human label for the status bar: the file name or the server/database."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return Path(_sqlite_path(url)).name
    return f"{parsed.hostname or 'localhost'}/{parsed.path.lstrip('/')}"


def _sqlite_path(url: str) -> str:
    path = unquote(url[len("sqlite:///") :])
    return path or ":memory:"


def make_database(url: str) -> peewee.Database:
    """Build (but do not connect) the peewee database for ``url``."""
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        path = _sqlite_path(url)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # IMMEDIATE: a write transaction takes the lock at BEGIN, so two writers
        # queue on busy_timeout instead of failing half-way with "database is locked".
        return peewee.SqliteDatabase(path, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
    if scheme in ("postgres", "postgresql"):
        params = connect_params(url)
        return peewee.PostgresqlDatabase(params.pop("dbname"), prefer_psycopg3=True, **params)
    raise ValidationError(
        f"Unsupported database URL {url!r}: use sqlite:///FILE or postgresql://USER@HOST/DB.",
        f"不支持的数据库地址 {url!r}：请使用 sqlite:///文件 或 postgresql://用户@主机/库。",
    )


def connect_params(url: str) -> dict[str, Any]:
    """psycopg's ``connect`` arguments for a ``postgresql://`` URL.

    ``prepare_threshold=None``: every statement is planned for its values. By default
    psycopg 3 prepares a statement on the server after its fifth run, and PostgreSQL
    then settles on a generic plan, one for any value, which ignores what a LIKE pattern
    or a name prefix selects: at 100k ROs, 2-character name searches took p50 11.4 ms
    prepared against 7.2 unprepared (issue 15), while Today, the board and opening an RO
    cost the same either way within the noise (±10%). Unprepared statements also pass
    through a transaction-pooling pgbouncer."""
    p = urlparse(url)
    return {
        "dbname": p.path.lstrip("/"),
        "user": unquote(p.username) if p.username else None,
        "password": unquote(p.password) if p.password else None,
        "host": p.hostname or "localhost",
        "port": p.port or 5432,
        "connect_timeout": 5,
        "prepare_threshold": None,
    }


def is_postgres() -> bool:
    """True when the open database is PostgreSQL."""
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def open_database(url: str | None = None, *, migrate: bool = True) -> peewee.Database:
    """Connect the proxy to ``url`` (default: ``default_url()``) and run migrations."""
    url = url or default_url()
    db = make_database(url)
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as exc:
        raise StorageError(
            f"Cannot reach the database ({describe(url)}): {exc}".strip(),
            f"无法连接数据库（{describe(url)}）：{exc}".strip(),
        ) from exc
    database_proxy.initialize(db)
    if migrate:
        run_migrations(db, url=url)
    return db


def close_database() -> None:
    """Close the connection of the proxy, if any (SQLite: after ``PRAGMA optimize``)."""
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        if isinstance(db, peewee.SqliteDatabase):
            try:
                optimize(db)
            except peewee.DatabaseError as exc:  # read-only file, locked: the stats can wait
                log.info("PRAGMA optimize skipped: %s", exc)
        db.close()


# Rows SQLite's ANALYZE samples per index: ~0.3 s at 100k ROs instead of reading them all.
ANALYSIS_LIMIT = 400


def refresh_statistics(db: peewee.Database) -> None:
    """Tell the query planner what the tables hold: ``ANALYZE`` (on SQLite sampled, into
    ``sqlite_stat1``).

    Without them SQLite takes any index for a selective one: the declined lines of one car
    were read through ``estimate_line (status)``, every declined line ever stored (29 ms at
    100k ROs) instead of the car's ROs. Run after migrations, demo data and a restore,
    which replace or fill whole tables at once; PostgreSQL's autovacuum would analyse them
    too, but only a while after the commit."""
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    db.execute_sql("ANALYZE")


def unindexed(column: Any) -> Any:
    """``column`` as an operand no index may serve, so that the index the query means to
    go by (a period's date, the order a LIMIT stops in) is the way in. SQLite: the unary
    "+" of its query-planner documentation. PostgreSQL: ``column || ''`` for text,
    ``column + 0`` for numbers, ``+ interval '0 s'`` for timestamps ("+" alone is not
    defined there); its planner weighs indexes by statistics, but not in a generic plan of
    a prepared statement nor before a table is analysed, where a status looks as narrow as
    a month. Without it ``estimate_line (status)`` made SQLite read every declined or
    approved line ever stored (issue 15; ``advisor/kpi/_sql.py``)."""
    if isinstance(database_proxy.obj, peewee.SqliteDatabase):
        return peewee.NodeList((peewee.SQL("+"), column), glue="")
    if isinstance(column, (peewee.CharField, peewee.TextField)):
        return peewee.NodeList((column, peewee.SQL("|| ''")), parens=True)
    if isinstance(column, (peewee.IntegerField, peewee.ForeignKeyField)):
        return peewee.NodeList((column, peewee.SQL("+ 0")), parens=True)
    if isinstance(column, peewee.DateTimeField):
        return peewee.NodeList((column, peewee.SQL("+ interval '0 s'")), parens=True)
    return column


def exists(subquery: Any) -> Any:
    """EXISTS(``subquery``), a probe per outer row by the subquery's index: on PostgreSQL
    with ``OFFSET 0``, which keeps the planner from turning it into a hash of the whole
    table (a "hashed SubPlan": every QC check or part order ever stored, read to answer
    for a month's rows; every open task of the history for Today's 300 ROs)."""
    return peewee.fn.EXISTS(subquery.offset(0) if is_postgres() else subquery)


def optimize(db: peewee.Database) -> None:
    """SQLite's advice for a connection about to close: ``PRAGMA optimize`` re-analyses
    the tables whose statistics its queries found missing or stale."""
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        db.execute_sql("PRAGMA optimize")


def pending_migrations(db: peewee.Database) -> list[str]:
    """Names of migrations not yet applied."""
    from playhouse.migrations import Runner

    runner = Runner(db, str(MIGRATIONS_DIR))
    return [m.name for m in runner.status() if m.applied is None and m.path]


def _all_applied(db: peewee.Database) -> bool:
    """True when every migration file is recorded as applied, asked without loading
    ``playhouse.migrations`` (its runner and migrators: ~20 ms of every start-up)."""
    files = {p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py")}
    if not db.table_exists("schema_migration"):
        return False
    applied = {row[0] for row in db.execute_sql("SELECT name FROM schema_migration")}
    return files <= applied


def run_migrations(db: peewee.Database, *, url: str | None = None) -> list[str]:
    """Apply pending migrations, each in its own transaction; back up SQLite first."""
    if _all_applied(db):
        return []
    from playhouse.migrations import Runner

    runner = Runner(db, str(MIGRATIONS_DIR))
    pending = [m.name for m in runner.status() if m.applied is None and m.path]
    if not pending:
        return []
    if isinstance(db, peewee.SqliteDatabase) and db.database != ":memory:":
        path = Path(db.database)
        if path.exists() and path.stat().st_size > 0 and db.get_tables():
            backup = path.with_name(f"{path.stem}.pre-migration-{time.strftime('%Y%m%d%H%M%S')}.db")
            sqlite_backup(db, backup)
            log.info("backed up %s to %s before migrating", path, backup)
    runner.up()
    refresh_statistics(db)
    return pending


def sqlite_backup(db: peewee.Database, target: Path) -> None:
    """Copy a live SQLite database to ``target`` with the online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    dest = sqlite3.connect(str(tmp))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    os.replace(tmp, target)


def copy_file(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` atomically (write a temporary file, then rename)."""
    tmp = dst.with_suffix(dst.suffix + ".part")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


@contextmanager
def transaction(isolation: str | None = None) -> Iterator[None]:
    """One write transaction; storage failures become a ``StorageError`` for the user.

    ``isolation`` (PostgreSQL; e.g. "SERIALIZABLE") goes into the BEGIN itself (peewee's
    ``begin(isolation_level=…)``), not a SET TRANSACTION after it: one round trip to the
    server less for every service call."""
    db = database_proxy.obj
    if db is None:
        raise StorageError("No database is open.", "未打开数据库。")
    from advisor import audit  # the sealed head moves after a commit that wrote audit rows

    begin = {"isolation_level": isolation} if isolation and is_postgres() else {}
    try:
        with db.atomic(**begin):
            yield
    except peewee.OperationalError as exc:
        audit.discard_pending()
        raise storage_error(exc) from exc
    except peewee.InterfaceError as exc:
        audit.discard_pending()
        raise storage_error(exc) from exc
    except BaseException:
        audit.discard_pending()
        raise
    if not db.in_transaction():
        audit.after_commit()


def storage_error(exc: Exception) -> StorageError:
    """Translate a driver error into a message the user can act on."""
    # SQLite rolls back by itself on SQLITE_FULL; peewee's own rollback then fails with
    # "no transaction is active" and hides the cause, so read the whole chain.
    parts: list[str] = []
    cur: BaseException | None = exc
    while cur is not None and len(parts) < 5:
        parts.append(str(cur).lower())
        cur = cur.__context__
    text = " ".join(parts)
    if "full" in text or "no space" in text:
        return StorageError(
            "The disk is full: nothing was saved. Free some space and try again.",
            "磁盘已满：本次未保存。请释放空间后重试。",
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            "The database is busy with another save: nothing was saved. Try again.",
            "数据库正忙于另一次保存：本次未保存。请重试。",
        )
    return StorageError(
        f"The database could not be reached or written: nothing was saved. ({exc})",
        f"无法连接或写入数据库：本次未保存。（{exc}）",
    )
