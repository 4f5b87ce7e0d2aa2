"""The main window: a thin shell around the workspaces.

A left rail of the workspaces the role may open (created when first shown), the
universal search at the top (Ctrl+K), a status bar (who, which database, live or not)
and the Session/Language menus. No business logic lives here. Ctrl+L asks
``ui.sessions`` to lock the window (``lock_requested``) for a colleague to switch in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from advisor.i18n import pick
from advisor.services import settings as dealer_settings
from advisor.services import users
from ui import i18n, messages, workstation
from ui.context import AppContext
from ui.desk.needs import NeedsTray, NeedsWatcher, readable
from ui.search_box import SearchBox
from ui.workspace import Workspace
from ui.workspaces import ENTRIES, Entry

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    logout_requested = Signal()
    lock_requested = Signal()  # Ctrl+L: hide behind the lock screen (ui.sessions)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.logging_out = False
        # Who else is signed in on this PC (``ui.sessions`` sets it): quitting asks first,
        # for their windows close too. ``closing_for_good``: the sessions close it themselves.
        self.others_signed_in: Callable[[], list[str]] = list
        self.closing_for_good = False
        # Set when a service refused the session (SessionExpired): the login shows it.
        self.session_error: Exception | None = None
        ctx.ops.session_expired.connect(self.end_session)
        self._entries = [e for e in ENTRIES if e.permission is None or ctx.may(e.permission)]
        self._built: dict[str, Workspace] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._lounge: QWidget | None = None  # the lounge's TV window (ui.lounge), once opened
        top = self._build_top()
        self._build_rail()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.rail)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.db_label = QLabel()
        self.live_label = QLabel()
        self.live_label.setObjectName("live")
        self._live: bool | None = None if not ctx.shared_db else True
        bar = self.statusBar()
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.live_label)

        self._build_menus()
        self._build_needs()
        self.retranslate()
        self._restore()

    # ---- building ---------------------------------------------------------------------
    def _build_top(self) -> QHBoxLayout:
        """The search box (plate, VIN, phone or name) and who is logged in."""
        self.search = SearchBox(actor=self.ctx.actor)
        self.search.customer_chosen.connect(self.show_customer)
        self.search.vehicle_chosen.connect(lambda cid, vid: self.show_customer(cid, vehicle_id=vid))
        self.search.ro_chosen.connect(self.open_ro)
        self.who_top = QLabel()
        self.who_top.setObjectName("whoTop")
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 6)
        top.addWidget(self.search, 1)
        top.addWidget(self.who_top)
        return top

    def _build_rail(self) -> None:
        """The rail of workspaces this user may open, each with an empty page in the stack
        (a workspace is built when first shown)."""
        self.rail = QListWidget()
        self.rail.setObjectName("rail")
        self.rail.setIconSize(QSize(24, 24))
        self.rail.setSpacing(2)
        self.rail.setFixedWidth(180)
        self.rail.setUniformItemSizes(True)
        self.stack = QStackedWidget()
        for entry in self._entries:
            item = QListWidgetItem(self._entry_icon(entry), "")
            item.setData(KEY_ROLE, entry.key)
            item.setSizeHint(QSize(170, 40))
            self.rail.addItem(item)
            holder = QWidget()
            self._placeholders[entry.key] = holder
            self.stack.addWidget(holder)
        self.rail.currentRowChanged.connect(self._row_changed)

    def _entry_icon(self, entry: Entry) -> QIcon:
        pixmap = getattr(QStyle.StandardPixmap, entry.icon_name, QStyle.StandardPixmap.SP_FileIcon)
        return QApplication.style().standardIcon(pixmap)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.session_menu = bar.addMenu("")
        self.go_menu = bar.addMenu("")
        self.language_menu = bar.addMenu("")

        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.triggered.connect(self.search.focus_search)
        self.go_menu.addAction(self.search_action)
        self.go_menu.addSeparator()
        self.go_actions: list[QAction] = []
        for row, entry in enumerate(self._entries):
            action = QAction(self._entry_icon(entry), "", self)
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _=False, k=entry.key: self.open_workspace(k))
            self.go_menu.addAction(action)
            self.go_actions.append(action)
        self.lounge_action = QAction(self)
        self.lounge_action.triggered.connect(lambda: self.open_lounge())
        if self.ctx.may("lounge.view"):
            self.go_menu.addSeparator()
            self.go_menu.addAction(self.lounge_action)

        self._build_lock_actions()
        self.logout_action = QAction(self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.log_out)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.session_menu.addAction(self.lock_action)
        self.session_menu.addAction(self.pin_action)
        self.session_menu.addAction(self.logout_action)
        self.session_menu.addSeparator()
        self.session_menu.addAction(self.quit_action)

        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            action = QAction(i18n.language_name(lang), self, checkable=True)
            action.setChecked(lang == self.ctx.lang)
            action.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    def _build_needs(self) -> None:
        """What waits on this advisor: its count on Today's rail item (the complaints' on
        Complaints'), new items in the tray."""
        self.needs: NeedsWatcher | None = None
        if readable(self.ctx) and (self._row_of("today") >= 0 or self._row_of("complaints") >= 0):
            self.needs = NeedsWatcher.of(self.ctx)
            self.needs.updated.connect(self._needs_read)
            self.needs_tray = NeedsTray(self, self.needs, self.open_ro)
            self.destroyed.connect(self.needs.stop)

    def _needs_read(self, _items: object) -> None:
        self.retranslate_rail()

    def _build_lock_actions(self) -> None:
        """Lock (Ctrl+L: a colleague switches in with their PIN) and Set my PIN."""
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.pin_action = QAction(self)
        self.pin_action.setObjectName("pinAction")
        self.pin_action.triggered.connect(self.set_pin)

    # ---- translation ------------------------------------------------------------------
    def retranslate(self) -> None:
        try:
            dealer = dealer_settings.read_dealer(actor=self.ctx.actor).name
        except Exception:  # the title is cosmetic; never block the window on it
            log.exception("cannot read the dealer profile")
            dealer = ""
        title = self.tr("Service Advisor")
        self.setWindowTitle(f"{title} — {dealer}" if dealer else title)
        self.session_menu.setTitle(self.tr("Sess&ion"))
        self.go_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.search_action.setText(self.tr("Search…"))
        self.logout_action.setText(self.tr("Log &out"))
        self.lounge_action.setText(self.tr("Lounge screen (the customers' TV)"))
        self.lock_action.setText(self.tr("&Lock (switch user)"))
        self.pin_action.setText(self.tr("Set my &PIN…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.retranslate_rail()
        role = pick(*users.ROLE_LABELS.get(self.ctx.actor.role, (self.ctx.actor.role,) * 2))
        who = f"{self.ctx.actor.display_name} · {role}"
        self.user_label.setText(self.tr("Logged in: %1").replace("%1", who))
        self.who_top.setText(who)
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.db_label))
        self._show_live()
        self.search.retranslate()

    def retranslate_rail(self) -> None:
        """The rail's and the View menu's names; Today's with what needs the user ("Today (3)")."""
        for row, entry in enumerate(self._entries):
            name = self._title_of(entry)
            count = 0
            if self.needs is not None and entry.key == "today":
                count = self.needs.count
            elif self.needs is not None and entry.key == "complaints":
                count = self.needs.complaint_count
            if count:
                name = self.tr("%1 (%2)", "a workspace and its count").replace("%1", name)
                name = name.replace("%2", str(count))
            item = self.rail.item(row)
            item.setText(name)
            shortcut = self.go_actions[row].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{name} ({shortcut})" if shortcut else name)
            self.go_actions[row].setText(name.replace("&", "&&"))  # "&" is a menu's mnemonic mark

    def _others_may_lose_their_work(self) -> bool:
        """True when nobody else is signed in here, or the person quitting says so: the
        windows of the others (locked away, perhaps with unsaved input) close too."""
        names = self.others_signed_in()
        if not names:
            return True
        who = ("、" if i18n.current() == "zh_CN" else ", ").join(names)
        text = self.tr(
            "%1 also signed in on this PC. Quitting closes their windows too, and what they have"
            " not saved is lost.\n\nQuit anyway?"
        ).replace("%1", who)
        return messages.confirm(self, text, title=self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _title_of(self, entry: Entry) -> str:
        built = self._built.get(entry.key)
        return built.title() if built is not None else entry.translated_title()

    def set_language(self, lang: str) -> None:
        """Switch the whole GUI (and domain messages) to ``lang`` at once."""
        lang = i18n.normalise(lang)
        self.ctx.lang = lang
        i18n.set_language(lang)
        workstation.set_value(workstation.LANGUAGE, lang)
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)

    # ---- workspaces -------------------------------------------------------------------
    def _build(self, key: str) -> Workspace | None:
        if key in self._built:
            return self._built[key]
        entry = next((e for e in self._entries if e.key == key), None)
        if entry is None:
            return None
        ws = entry.load()(self.ctx)
        ws.open_ro.connect(self.open_ro)
        ws.open_ro_at.connect(self.open_ro)
        ws.open_customer.connect(self.show_customer)
        ws.open_complaint.connect(self.open_complaint)
        holder = self._placeholders[key]
        index = self.stack.indexOf(holder)
        self.stack.insertWidget(index, ws)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        self._built[key] = ws
        row = self._row_of(key)
        if row >= 0:
            self.rail.item(row).setIcon(ws.icon())
        return ws

    def _row_of(self, key: str) -> int:
        for row in range(self.rail.count()):
            if self.rail.item(row).data(KEY_ROLE) == key:
                return row
        return -1

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.rail.item(row).data(KEY_ROLE)
        ws = self._build(key)
        if ws is not None:
            self.stack.setCurrentWidget(ws)

    def home_key(self) -> str:
        """The workspace this user's day starts on: the first whose entry names the role
        as at home there, else the first of the rail."""
        for entry in self._entries:
            if self.ctx.actor.role in entry.home_for:
                return entry.key
        return self._entries[0].key if self._entries else ""

    def workspace_keys(self) -> list[str]:
        """The keys of the workspaces in the rail, in order."""
        return [e.key for e in self._entries]

    def workspace(self, key: str) -> Workspace | None:
        """The workspace ``key`` if built (does not build it)."""
        return self._built.get(key)

    def open_workspace(self, key: str) -> Workspace | None:
        """Show the workspace ``key`` (built on first use); None if the role lacks it."""
        row = self._row_of(key)
        if row < 0:
            return None
        ws = self._build(key)
        self.rail.setCurrentRow(row)
        return ws

    def open_ro(self, ro_id: int, step: int = 0) -> None:
        """Show repair order ``ro_id`` in the repair-order workspace (at ``step``, 1–13;
        0: the step it stands at)."""
        ws = self.open_workspace("repair_order")
        show: Callable[..., None] | None = getattr(ws, "show_ro", None)
        if show is None:
            self.statusBar().showMessage(self.tr("The repair order screen is not available."), 5000)
            return
        show(ro_id, step=step or None)

    def open_complaint(self, complaint_id: int) -> None:
        """Show complaint ``complaint_id`` in the Complaints workspace."""
        ws = self.open_workspace("complaints")
        show: Callable[[int], bool] | None = getattr(ws, "show_complaint", None)
        if show is not None:
            show(complaint_id)

    def show_customer(self, customer_id: int, vehicle_id: int | None = None) -> None:
        """Show a customer (and one of their vehicles) in Customers & vehicles."""
        ws = self.open_workspace("customers")
        show = getattr(ws, "show_customer", None)
        if show is None:
            return
        if vehicle_id is not None:
            show(customer_id, vehicle_id=vehicle_id)
        else:
            show(customer_id)

    def open_lounge(self, *, full_screen: bool = False) -> QWidget:
        """Show the lounge screen: full screen on a second screen if there is one."""
        from ui.lounge import LoungeWindow

        lounge = self._lounge
        if not isinstance(lounge, LoungeWindow):
            lounge = self._lounge = LoungeWindow(self.ctx, parent=self)
        lounge.show_beside(self, full_screen=full_screen)
        return lounge

    # ---- status -----------------------------------------------------------------------
    def set_live(self, ok: bool) -> None:
        """Show whether the live connection to the shared server is up."""
        self._live = ok
        self._show_live()

    def _show_live(self) -> None:
        if self._live is None:
            text, colour = self.tr("● Local database"), "#555555"
        elif self._live:
            text, colour = self.tr("● Live: connected"), "#1b7f1b"
        else:
            text, colour = self.tr("▲ Live: disconnected"), "#c62828"
        self.live_label.setText(text)
        self.live_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # ---- session and window state -----------------------------------------------------
    def set_pin(self) -> None:
        """Set or change one's PIN (the password confirms it)."""
        from ui.lock_screen import SetPinDialog

        dialog = SetPinDialog(self.ctx.ops, self)
        if dialog.exec() == SetPinDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Your PIN is saved: Ctrl+L locks, your PIN unlocks."), 8000)
        dialog.deleteLater()

    def log_out(self) -> None:
        self.logging_out = True
        self.logout_requested.emit()
        self.close()

    def end_session(self, error: Exception) -> None:
        """The account changed under this session (deactivated, password reset, role
        changed): close what is open over the window and log out; ``ui.app`` shows the
        login again with ``error``'s message."""
        if self.session_error is not None:
            return
        self.session_error = error
        log.info("session of %s ended: %s", self.ctx.actor.username, getattr(error, "en", error))
        # After the refused call has returned to whoever made it (perhaps a dialog's loop).
        QTimer.singleShot(0, self, self._back_to_login)

    def _back_to_login(self) -> None:
        # Dialogs open over the window, innermost first (a hidden window's session ends
        # alone: the dialogs on screen then are another person's).
        for _ in range(20 if self.isVisible() else 0):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self:
                break
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        self.log_out()

    def _restore(self) -> None:
        s = workstation.settings()
        geometry = s.value(workstation.GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1440, 900)
        state = s.value(workstation.STATE)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        if self.rail.count():  # the day starts on the role's home, else the first (Today)
            self.rail.setCurrentRow(max(0, self._row_of(self.home_key())))

    def save_state(self) -> None:
        s = workstation.settings()
        s.setValue(workstation.GEOMETRY, self.saveGeometry())
        s.setValue(workstation.STATE, self.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        quitting = not (self.logging_out or self.closing_for_good or self.session_error is not None)
        if quitting and not self._others_may_lose_their_work():
            event.ignore()
            return
        self.save_state()
        for key in self.workspace_keys():
            ws = self.workspace(key)
            wait = getattr(ws, "wait_idle", None)
            if callable(wait):
                wait()  # a worker thread must not outlive its window
        if self._lounge is not None:
            self._lounge.close()  # the TV goes with its session (--lounge opens it again)
        super().closeEvent(event)
