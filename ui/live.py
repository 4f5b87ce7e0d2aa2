"""Live updates as Qt signals: what other workstations (or windows) committed.

``LiveBridge.start(url, shared=…)`` runs ``advisor.live.Listener`` (PostgreSQL LISTEN) or
``DataVersionPoller`` (a SQLite file) in their own thread and turns their callbacks into
the signals ``changed(OpChanges)`` and ``status(ok)`` in the GUI thread: another desk's
commit arrives as the same kind of ``OpChanges`` as a change made here (the kinds of
record of the tables it wrote; no particular RO). A burst of notifications (a service
touches several tables in one commit) is coalesced over 100 ms into one signal; a full
reload (a reconnect, a table of unknown kind, or any SQLite commit, whose tables are not
told) is ``changed(EVERYTHING)``. On PostgreSQL a slow poll (every 30 s) emits
``changed(EVERYTHING)`` as a safety net.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import unquote

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from advisor.services.opchanges import EVERYTHING, OpChanges, of_table
from advisor.services.system import DataVersionPoller, Listener
from ui.qtfix import fix_emit_refcount

log = logging.getLogger(__name__)

COALESCE_MS = 100
SAFETY_POLL_MS = 30_000


class LiveBridge(QObject):
    """Re-emit the live thread's callbacks as Qt signals in the GUI thread."""

    changed = Signal(object)  # OpChanges
    status = Signal(bool)  # the live connection is up (PostgreSQL) / polling (SQLite)

    # Emitted from the worker thread; delivered queued to this object's (GUI) thread.
    _raw_change = Signal(str)
    _raw_status = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        coalesce_ms: int = COALESCE_MS,
        safety_poll_ms: int = SAFETY_POLL_MS,
        sqlite_interval: float = 0.5,
    ) -> None:
        fix_emit_refcount()
        super().__init__(parent)
        self._thread: Listener | DataVersionPoller | None = None
        self._pending = OpChanges()
        self._last_status: bool | None = None
        self.sqlite_interval = sqlite_interval
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(coalesce_ms)
        self._coalesce.timeout.connect(self._flush)
        self._safety = QTimer(self)
        self._safety.setInterval(safety_poll_ms)
        self._safety.timeout.connect(lambda: self.changed.emit(EVERYTHING))
        self._raw_change.connect(self._on_raw_change)
        self._raw_status.connect(self._on_raw_status)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, url: str, *, shared: bool) -> None:
        """Listen to the PostgreSQL server (``shared``) or poll the SQLite file of ``url``."""
        self.stop()
        if shared:
            self._thread = Listener(url, on_change=self._raw_change.emit, on_status=self._raw_status.emit)
            self._safety.start()
        elif url.startswith("sqlite:///"):
            path = unquote(url[len("sqlite:///") :])
            if not path or path == ":memory:":
                return  # nothing another connection could change
            self._thread = DataVersionPoller(
                path, on_change=self._raw_change.emit, interval=self.sqlite_interval
            )
        else:
            raise ValueError(f"not a database URL the bridge can watch: {url!r}")
        self._thread.start()

    def wait_ready(self, timeout: float = 5.0) -> bool:
        """Block until the listener has its LISTEN in place (tests; SQLite: at once)."""
        thread = self._thread
        ready: threading.Event | None = getattr(thread, "ready", None)
        return True if ready is None else ready.wait(timeout)

    def stop(self) -> None:
        """Stop the thread and wait for it (at most a few seconds: it may be connecting)."""
        self._safety.stop()
        self._coalesce.stop()
        self._pending = OpChanges()
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.stop()
        thread.join(timeout=6.0)
        if thread.is_alive():
            log.warning("live thread did not stop in time (daemon thread left behind)")

    @Slot(str)
    def _on_raw_change(self, table: str) -> None:
        if self._thread is None:
            return  # stopped: late deliveries are dropped
        self._pending = self._pending | of_table(table)
        if not self._coalesce.isActive():
            self._coalesce.start()

    @Slot(bool)
    def _on_raw_status(self, ok: bool) -> None:
        if self._thread is None or ok == self._last_status:
            return
        self._last_status = ok
        self.status.emit(ok)

    def _flush(self) -> None:
        changes, self._pending = self._pending, OpChanges()
        if changes:
            self.changed.emit(changes)
