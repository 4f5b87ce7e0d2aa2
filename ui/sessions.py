"""The sessions signed in on this PC: one main window each, one shown at a time.

Ctrl+L (``MainWindow.lock_requested``) hides the window behind the lock screen; a PIN
or a password there shows that person's window — the same object they left, hidden,
not destroyed, so what they had typed is still there — or opens a new one. Log out ends
only that person's session: the lock screen comes back while others are signed in here,
the login when nobody is. One live bridge feeds every session's operations.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication, QWidget

from advisor.errors import UserError
from advisor.services import settings as dealer_settings
from advisor.services._base import Actor
from advisor.services.opchanges import Kind, OpChanges
from ui import i18n
from ui.context import AppContext
from ui.idle import IdleWatch
from ui.live import LiveBridge
from ui.lock_screen import LockScreen
from ui.main_window import MainWindow
from ui.operations import Operations

log = logging.getLogger(__name__)


@dataclass
class Session:
    actor: Actor
    ops: Operations
    window: MainWindow
    hidden_with_it: list[QWidget] = field(default_factory=list)  # its windows hidden by a lock


class Sessions(QObject):
    """The signed-in sessions of this PC and the lock screen between them.

    ``current`` (shared with ``ui.app``'s exception hook) holds the shown session's
    operations. ``ended_by_logout``: the last window closed was a log-out (the login
    comes next, saying ``notice`` when the account had changed), else the program quits.
    """

    def __init__(self, *, db_label: str, url: str, shared: bool, current: list[Operations]) -> None:
        super().__init__()
        self.db_label = db_label
        self.url = url
        self.shared = shared
        self.current = current
        self.open: dict[int, Session] = {}
        self.shown: Session | None = None
        self.notice: UserError | None = None
        self.ended_by_logout = False
        self._live: bool | None = None
        self.bridge = LiveBridge()
        self.bridge.status.connect(self._live_status)
        self.lock_screen: LockScreen | None = None
        # The minutes are read again before each lock: another desk's change reaches this
        # PC through the live bridge, but not on PostgreSQL (no notify trigger on settings).
        self.idle_watch = IdleWatch(
            may_lock=self._may_lock_idle, read_minutes=self._idle_minutes, parent=self
        )
        self.idle_watch.idle.connect(self._idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_watch)

    # ---- opening and showing ----------------------------------------------------------
    def sign_in(self, actor: Actor, *, where: QWidget | None = None) -> MainWindow:
        """Show ``actor``'s window: the one their session left (same account state), else a
        new one; at ``where``'s place on the screen (the lock screen's)."""
        session = self.open.get(actor.user_id)
        if session is not None and session.actor != actor:  # the account changed meanwhile
            self._end(session)
            session = None
        if session is None:
            session = self._new_session(actor)
        self._show(session, where)
        return session.window

    def _new_session(self, actor: Actor) -> Session:
        log.info("login %s (%s)", actor.username, actor.role)
        ops = Operations(actor)
        ctx = AppContext(
            actor=actor, ops=ops, db_label=self.db_label, lang=i18n.current(), shared_db=self.shared
        )
        window = MainWindow(ctx)
        session = Session(actor, ops, window)
        window.lock_requested.connect(lambda: self.lock(session))
        window.logout_requested.connect(lambda: self._logged_out(session))
        window.others_signed_in = lambda: [
            s.actor.display_name for s in self.open.values() if s is not session
        ]
        ops.changed.connect(lambda changes: self._settings_changed(session, changes))
        self.bridge.changed.connect(ops.changed)  # signal to signal: other desks' commits
        if self._live is not None:
            window.set_live(self._live)
        if not self.bridge.running:
            self.bridge.start(self.url, shared=self.shared)
        self.open[actor.user_id] = session
        return session

    def _show(self, session: Session, where: QWidget | None) -> None:
        window = session.window
        if where is not None:
            window.setGeometry(_frame(where))
        window.showMaximized() if where is not None and where.isMaximized() else window.show()
        for other in session.hidden_with_it:
            other.show()
        session.hidden_with_it.clear()
        window.raise_()
        window.activateWindow()
        if self.lock_screen is not None:
            self.lock_screen.hide()
        self.shown = session
        self.current[:] = [session.ops]
        self.ended_by_logout = False
        self._read_idle_minutes(restart=True)

    # ---- locking ----------------------------------------------------------------------
    def lock(self, session: Session) -> None:
        """Hide ``session``'s window (and the windows it opened) behind the lock screen."""
        window = session.window
        screen = self._lock_screen()
        screen.open(signed_in=[s.actor.username for s in self.open.values()])
        self._cover(window)
        session.hidden_with_it = [
            w for w in QApplication.topLevelWidgets() if _opened_by(w, window) and w.isVisible()
        ]
        for other in session.hidden_with_it:
            other.hide()
        window.hide()
        log.info("locked by %s", session.actor.username)

    # ---- locking by itself after a while without input --------------------------------
    def _idle_minutes(self) -> int | None:
        """The dealership's "lock the screen after" minutes, read now (None: not readable)."""
        session = self.shown
        if session is None:
            return None
        outcome = session.ops.run(dealer_settings.read_settings, parent=None, quiet=True, keys=[IDLE_SETTING])
        return int(outcome.value[IDLE_SETTING]) if outcome.ok else None

    def _read_idle_minutes(self, *, restart: bool) -> None:
        minutes = self._idle_minutes()
        if minutes is not None:
            self.idle_watch.set_minutes(minutes, restart=restart)

    def _settings_changed(self, session: Session, changes: OpChanges) -> None:
        if session is self.shown and changes.touches(Kind.SETTINGS):
            self._read_idle_minutes(restart=False)

    def _may_lock_idle(self) -> bool:
        """A window on show, no modal dialog over it, no work of its session under way."""
        session = self.shown
        return (
            session is not None
            and session.window.isVisible()
            and QApplication.activeModalWidget() is None
            and not session.ops.busy
        )

    def _idle(self) -> None:
        if self.shown is not None:
            log.info("no input for %s min", self.idle_watch.minutes)
            self.lock(self.shown)

    def _lock_screen(self) -> LockScreen:
        if self.lock_screen is None:
            self.lock_screen = LockScreen()
            self.lock_screen.unlocked.connect(lambda actor: self.sign_in(actor, where=self.lock_screen))
        return self.lock_screen

    def _cover(self, window: QWidget) -> None:
        """Show the lock screen where ``window`` is, before ``window`` hides (the program
        quits when its last window goes)."""
        assert self.lock_screen is not None
        self.lock_screen.setGeometry(_frame(window))
        self.lock_screen.showMaximized() if window.isMaximized() else self.lock_screen.show()
        self.lock_screen.raise_()
        self.lock_screen.activateWindow()

    # ---- ending -----------------------------------------------------------------------
    def _logged_out(self, session: Session) -> None:
        """``session``'s window logs out (the user, or the account changed): that session
        ends; the lock screen covers its place while others are signed in here."""
        notice = session.window.session_error
        notice = notice if isinstance(notice, UserError) else None
        log.info("logout %s%s", session.actor.username, f" ({notice.en})" if notice else "")
        self.open.pop(session.actor.user_id, None)
        self._disconnect(session)
        session.ops.wait_idle()  # an export or backup under way finishes before its session goes
        if self.shown is session:
            self.shown = None
            if self.open:
                screen = self._lock_screen()
                screen.open(signed_in=[s.actor.username for s in self.open.values()], notice=notice)
                self._cover(session.window)
            else:  # nobody left: the window closes, the login comes (saying why)
                self.current.clear()
                self.notice = notice
                self.ended_by_logout = True
                self.bridge.stop()
        session.window.deleteLater()

    def _end(self, session: Session) -> None:
        """End a hidden session quietly (its account changed since it was left)."""
        self.open.pop(session.actor.user_id, None)
        self._disconnect(session)
        session.window.closing_for_good = True
        session.window.close()
        session.window.deleteLater()

    def _disconnect(self, session: Session) -> None:
        self.bridge.changed.disconnect(session.ops.changed)

    def close_all(self) -> None:
        """The program quits: close every window (each saves its state and waits for its
        work), stop the live thread."""
        self.idle_watch.set_minutes(0)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_watch)
        if self.lock_screen is not None:
            self.lock_screen.wait_idle()
            self.lock_screen.hide()
            self.lock_screen.deleteLater()
            self.lock_screen = None
        for session in list(self.open.values()):
            self._disconnect(session)
            session.window.closing_for_good = True
            session.window.close()
            session.ops.wait_idle()
            session.window.deleteLater()
        self.open.clear()
        self.current.clear()
        self.bridge.stop()
        # No event loop runs after this: delete the windows now, not at the interpreter's
        # exit (a lock screen left to it ended a run with a segmentation fault).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _live_status(self, ok: bool) -> None:
        self._live = ok
        for session in self.open.values():
            session.window.set_live(ok)


def _frame(widget: QWidget) -> QRect:
    """Where ``widget`` stands when not maximised (what the next window takes)."""
    return widget.normalGeometry() if widget.isMaximized() else widget.geometry()


IDLE_SETTING = "lock_idle_minutes"

# Windows that stay on show while their session is locked: the lounge's TV shows no
# personal data and the customers keep watching it.
STAYS_WHEN_LOCKED = frozenset({"loungeWindow"})


def _opened_by(widget: QWidget, window: QWidget) -> bool:
    """True when ``widget`` is a window opened over ``window`` (a dialog, a preview) that a
    lock hides with it."""
    if widget is window or not widget.isWindow() or widget.objectName() in STAYS_WHEN_LOCKED:
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
