"""Live updates between workstations, without Qt.

PostgreSQL: statement triggers on the tables people change call ``pg_notify`` (which
PostgreSQL delivers on commit); a ``Listener`` thread per workstation LISTENs on its own
connection (psycopg 3 ``notifies()``) and reports each change. If the connection drops
it reconnects with back-off and reports a full reload. SQLite (one workstation):
``DataVersionPoller`` notices commits made by other connections through
``PRAGMA data_version``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

import peewee

from advisor.db import connect_params

log = logging.getLogger(__name__)

CHANNEL = "advisor_changed"
WATCHED = (
    "repair_order",
    "estimate_line",
    "assignment",
    "clock_event",
    "change_request",
    "appointment",
    "settlement",
    "payment",
    "follow_up",
    "task",
    "part_order",
    "part",
    "customer",
    "vehicle",
    "concern",
    "qc_check",
    "user",
    "setting",  # migration 0011: the dealership's settings (the idle lock, the bays…)
    "step_event",  # migration 0011: the timeline (a progress update told to the customer)
    "complaint",  # migration 0017: complaints and their escalation
    "improvement_action",  # migration 0017
    "holiday",  # migration 0017: customer care's holiday greetings
    "self_check",  # migration 0016: the technician's self-check before QC
    "appointment_prep",  # migration 0016: an appointment's preparation ticks
    "certification",  # migration 0013: technicians' certificates (checked at dispatch)
    "photo",  # migration 0018: photos (another desk adds one: the thumbnails refresh)
    "inspection",  # migration 0018: the digital inspection
    "inspection_result",  # migration 0018
    "inspection_item",  # migration 0018: the checklists (the manager edits one)
    "signature",  # migration 0018: the customer's drawn signatures
)
RELOAD = "*"  # reported after a reconnect: everything may have changed

FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION advisor_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def install_triggers(db: peewee.Database) -> None:
    """Create the notify triggers (PostgreSQL only; called by a migration)."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql(FUNCTION_SQL)
    have = set(db.get_tables())
    for table in WATCHED:
        if table not in have:  # created by a later migration, which installs it again
            continue
        db.execute_sql(f'DROP TRIGGER IF EXISTS advisor_notify_{table} ON "{table}"')
        db.execute_sql(
            f'CREATE TRIGGER advisor_notify_{table} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION advisor_notify()"
        )


class Listener(threading.Thread):
    """LISTEN for changes on a PostgreSQL server; call ``on_change(table)`` for each.

    ``on_status(ok)`` reports whether the live connection is up. Stops on ``stop()``.
    """

    def __init__(
        self,
        url: str,
        *,
        on_change: Callable[[str], None],
        on_status: Callable[[bool], None] = lambda ok: None,
        max_backoff: float = 30.0,
    ) -> None:
        super().__init__(name="advisor-listener", daemon=True)
        self.url = url
        self.on_change = on_change
        self.on_status = on_status
        self.max_backoff = max_backoff
        self._halt = threading.Event()
        self.ready = threading.Event()

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        import psycopg

        backoff = 0.5
        first = True
        while not self._halt.is_set():
            try:
                with psycopg.connect(autocommit=True, **connect_params(self.url)) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.on_status(True)
                    self.ready.set()
                    if not first:
                        self.on_change(RELOAD)  # we may have missed notifications
                    first = False
                    backoff = 0.5
                    while not self._halt.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self.on_change(note.payload)
            except psycopg.Error as exc:
                log.warning("live connection lost: %s", exc)
                self.on_status(False)
                self._halt.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff)


class DataVersionPoller(threading.Thread):
    """SQLite: report a change when another connection commits (PRAGMA data_version)."""

    def __init__(self, path: str, *, on_change: Callable[[str], None], interval: float = 1.0) -> None:
        super().__init__(name="advisor-poller", daemon=True)
        self.path = path
        self.on_change = on_change
        self.interval = interval
        self._halt = threading.Event()
        self.ready = threading.Event()  # set once the first version is read

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        # A file that cannot be read (gone, locked, unplugged) ends the watch quietly with
        # a log line: the app still works, it only stops noticing other processes' saves.
        try:
            con = sqlite3.connect(self.path, check_same_thread=False)
        except sqlite3.Error as exc:
            log.warning("cannot watch %s for changes: %s", self.path, exc)
            return
        try:
            last = con.execute("PRAGMA data_version").fetchone()[0]
            self.ready.set()
            while not self._halt.wait(self.interval):
                now = con.execute("PRAGMA data_version").fetchone()[0]
                if now != last:
                    last = now
                    self.on_change(RELOAD)
        except sqlite3.Error as exc:
            log.warning("stopped watching %s for changes: %s", self.path, exc)
        finally:
            con.close()
