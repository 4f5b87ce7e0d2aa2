"""What the GUI needs of the database itself, without touching ``advisor.db``:
open it, describe it, back it up, and release a worker thread's connection."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from pathlib import Path

from advisor import backup as backup_mod
from advisor import db
from advisor.live import RELOAD as RELOAD  # the change watchers, for the GUI (ui/live.py)
from advisor.live import DataVersionPoller as DataVersionPoller
from advisor.live import Listener as Listener
from advisor.reference import ensure_reference_data, missing_reference_data
from advisor.services._base import Actor, log, require
from advisor.services.opchanges import EVERYTHING, report

OlderBackup = backup_mod.OlderBackup
BACKUP_SUFFIX = backup_mod.SUFFIX


def open_database(url: str | None = None) -> str:
    """Open (and migrate) the database; returns a short label for the status bar."""
    database = db.open_database(url)
    if missing_reference_data():  # read first: no write lock at every start
        with database.atomic():
            ensure_reference_data()
    return db.describe(url or db.default_url())


def demo_available() -> bool:
    """True when the demo-data generator (``advisor.demo``) is installed."""
    return importlib.util.find_spec("advisor.demo") is not None


def load_demo_data(
    *, orders: int, seed: int = 1, progress: Callable[[int, int], None] | None = None
) -> object:
    """Fill the new, empty database with ``orders`` demo repair orders (first run)."""
    from advisor import demo  # large: loaded only when asked for

    return demo.generate(orders=orders, seed=seed, progress=progress)


def default_url() -> str:
    return db.default_url()


def is_shared() -> bool:
    """True on a shared PostgreSQL server (several workstations)."""
    return db.is_postgres()


def close_thread_connection() -> None:
    """Close the calling thread's connection (worker threads call this when done)."""
    db.close_database()


def backup_now(*, actor: Actor, target: Path) -> Path:
    """Administrator: write a backup of the database to ``target``."""
    require(actor, "backup")
    return backup_mod.backup(target)


def daily_backup(directory: Path, *, keep: int = 7) -> Path | None:
    """The automatic daily backup (SQLite or PostgreSQL) into ``directory``."""
    return backup_mod.rotate_daily(directory, keep=keep, today=dt.date.today())


def restore_backup(*, actor: Actor, source: Path, force: bool = False) -> None:
    """Administrator: replace the open database with the backup ``source``, whole or not
    at all: a file that does not match its manifest (or is of another dealership or schema
    version) is refused before anything changes; one older than the database raises
    ``OlderBackup`` unless ``force``. The program must be restarted afterwards."""
    require(actor, "backup")
    backup_mod.restore(Path(source), force=force)
    with db.transaction():  # recorded in the restored trail: who put it back, from what
        log(actor, "database", None, "restore_backup", new={"source": Path(source).name})
    report(EVERYTHING)  # every record may differ now
