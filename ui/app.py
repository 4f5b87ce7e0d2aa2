"""Start the GUI: arguments, QApplication, fonts, log, crash dialog, the login, the
database (opened behind the first login, or first run), then the main windows of the
people signed in (``ui.sessions``: Ctrl+L locks, a colleague's PIN switches), and the
login again after the last log-out, or when a service refused the session (it says why).

The login is the first window, shown before the domain is imported: peewee (which
imports every database driver it finds), the models, the services and the migrations
take longer than Qt itself, and they load while the person types.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from advisor.errors import SessionExpired, UserError
from ui import crash, i18n, workstation

if TYPE_CHECKING:
    from ui.login import LoginDialog
    from ui.operations import Operations
    from ui.sessions import Sessions

log = logging.getLogger(__name__)

FONT_FILE = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"
BACKUP_DELAY_MS = 8_000  # the daily backup starts this long after the main window


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """``--database URL``, ``--lang zh_CN|en`` and ``--lounge`` (open the lounge screen
    after the login, full screen on the second screen if any); anything else raises
    ValueError."""
    parser = _Parser(prog="service-advisor", add_help=False)
    parser.add_argument("--database", metavar="URL", default=None)
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    parser.add_argument("--lounge", action="store_true")
    return parser.parse_args(argv)


def setup_logging() -> Path:
    """A rotating log file in the user's log directory; returns its path."""
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    directory = base / "logs"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "service-advisor.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_fonts(app: QApplication) -> str:
    """Register the shipped CJK font and put it behind the system font as a fallback,
    so Chinese renders even where the system has no CJK font. Returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("cannot load %s", FONT_FILE)
        return ""
    font = QFont(app.font())
    base = font.families() or [font.family()]
    font.setFamilies([*base, *(f for f in families if f not in base)])
    app.setFont(font)
    return families[0]


def make_application(argv0: str = "service-advisor") -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([argv0])
    app.setOrganizationName(workstation.ORGANISATION)
    app.setApplicationName(workstation.APPLICATION)
    app.setApplicationDisplayName("Service Advisor")
    return app


def start_language(requested: str | None) -> str:
    """--lang, else the last one used here, else the workstation's locale."""
    i18n.build()
    lang = requested or workstation.value(workstation.LANGUAGE) or i18n.system_language()
    return i18n.set_language(lang)


class _Database:
    """The database of this run, opened once, behind the first login."""

    def __init__(self, url: str | None) -> None:
        self.requested = url
        self.url = ""
        self.label = ""
        self.error: UserError | None = None
        self.has_users = True

    @property
    def opened(self) -> bool:
        return bool(self.label)

    def open(self) -> bool:
        """Open (and migrate) it unless done; False, with ``error``, when it cannot be."""
        if self.opened:
            return True
        from advisor.services import system, users

        try:
            self.label = system.open_database(self.requested)
        except UserError as err:
            log.error("cannot open the database: %s", err.en)
            self.error = err
            return False
        self.url = self.requested or system.default_url()
        self.has_users = users.has_users()
        return True

    def prepare_login(self, login: LoginDialog) -> bool:
        """The login's ``prepare``: open the database while the login is on screen; close
        the login when it cannot be opened (the message says why) or has no user yet."""
        if not self.open():
            assert self.error is not None
            QMessageBox.critical(
                login,
                QCoreApplication.translate("app", "Cannot open the database"),
                self.error.message()
                + "\n\n"
                + QCoreApplication.translate(
                    "app",
                    "Check the database address (--database) or the "
                    "connection, then start the program again.",
                ),
            )
            login.reject()
            return False
        if not self.has_users:
            login.reject()  # the first run comes instead
            return False
        from advisor.services import settings as dealer_settings

        name = dealer_settings.dealer().name
        if name != workstation.value(workstation.DEALER_NAME):
            workstation.set_value(workstation.DEALER_NAME, name)
        login.set_dealer_name(name)
        return True


def start_daily_backup() -> None:
    """The day's automatic backup (of the local file, or of the shared server: each
    workstation keeps its own copies), in a thread: copying a big database must delay
    neither the login nor the first screen, so it starts a few seconds after the window."""
    from advisor.services import system
    from ui.workspaces.admin import daily_backup_dir

    def backup() -> None:
        try:
            system.daily_backup(daily_backup_dir())
        except (OSError, UserError) as exc:
            log.warning("daily backup failed: %s", exc)
        finally:
            system.close_thread_connection()

    threading.Thread(target=backup, name="daily-backup", daemon=True).start()


def run_gui(argv: list[str]) -> int:
    """Run the desktop application; returns the process exit code."""
    try:
        args = parse_args(argv)
    except ValueError as exc:
        print(
            f"service-advisor: {exc}\nUsage: service-advisor [--database URL] [--lang zh_CN|en] [--lounge]\n"
            "       service-advisor --help   (command-line tools)",
            file=sys.stderr,
        )
        return 2
    app = make_application(sys.argv[0] if sys.argv else "service-advisor")
    log_path = setup_logging()
    crash.install(str(log_path))
    install_fonts(app)
    lang = start_language(args.lang)
    log.info("starting (language %s)", lang)

    current: list[Operations] = []
    crash_hook = sys.excepthook

    def session_hook(exc_type: type[BaseException], exc: BaseException, tb: object) -> None:
        """A SessionExpired raised by a read a screen makes outside ``ops`` (e.g. the
        audit viewer scrolling) ends the session as one from ``ops.run`` does."""
        if isinstance(exc, SessionExpired) and current:
            current[-1].session_expired.emit(exc)
            return
        crash_hook(exc_type, exc, tb)  # type: ignore[arg-type]

    sys.excepthook = session_hook
    try:
        return _sessions(app, _Database(args.database), current, lounge=args.lounge)
    finally:
        sys.excepthook = crash_hook


def _first_run() -> bool:
    """The dealership's first start: the dealer and the administrator (and perhaps the
    demonstration data). False when the person cancelled it."""
    from ui.first_run import FirstRunDialog, load_demo
    from ui.operations import Operations

    first = FirstRunDialog()
    if first.exec() != FirstRunDialog.DialogCode.Accepted or first.admin is None:
        return False
    if first.wants_demo():
        load_demo(Operations(first.admin), None)
    workstation.set_value(workstation.LAST_USER, first.admin.username)
    return True


def _sessions(
    app: QApplication, database: _Database, current: list[Operations], *, lounge: bool = False
) -> int:
    """Log in, run the main windows (one per person signed in here: ``ui.sessions``), and
    log in again after the last log-out; 0 when the user stops, 1 when the database
    cannot be opened. ``lounge``: each login opens the lounge's TV screen too."""
    from ui.login import LoginDialog

    notice: UserError | None = None  # why the last session ended, for the next login
    sessions: Sessions | None = None
    try:
        while True:
            login = LoginDialog(
                dealer_name=workstation.value(workstation.DEALER_NAME),
                notice=notice,
                prepare=database.prepare_login,
            )
            accepted = login.exec() == LoginDialog.DialogCode.Accepted and login.actor is not None
            if database.error is not None:
                return 1
            if database.opened and not database.has_users:
                if not _first_run():
                    return 0
                database.has_users = True
                continue
            if not accepted or login.actor is None:
                return 0
            if sessions is None:
                sessions = _start_sessions(database, current)
            window = sessions.sign_in(login.actor)
            if lounge:  # --lounge: the TV in the customer lounge
                window.open_lounge(full_screen=True)
            app.exec()  # until the last window shown closes
            if not sessions.ended_by_logout or sessions.open:
                return 0  # quit (the other sessions' windows close in ``finally``)
            notice = sessions.notice
    finally:
        if sessions is not None:
            sessions.close_all()


def _start_sessions(database: _Database, current: list[Operations]) -> Sessions:
    """The sessions of this run, once the first person has logged in; the day's backup
    a few seconds after the first window."""
    from advisor.services import system
    from ui.sessions import Sessions

    QTimer.singleShot(BACKUP_DELAY_MS, start_daily_backup)
    return Sessions(db_label=database.label, url=database.url, shared=system.is_shared(), current=current)
