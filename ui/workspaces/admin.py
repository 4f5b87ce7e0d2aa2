"""Administration: staff accounts (add, reset password, deactivate — never delete — and
change role), backup now, restore, and where the automatic daily backup goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.i18n import pick
from advisor.services import system, users
from advisor.services.opchanges import Kind
from advisor.services.views import UserView
from ui import messages
from ui.context import AppContext
from ui.operations import Outcome
from ui.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
GREY = QColor("#757575")
RED = QColor("#c62828")


def daily_backup_dir() -> Path:
    """Where this workstation keeps the automatic daily backup (of the local file or of the
    shared server)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "backups"


def role_label(role: str) -> str:
    """A role's name in the current language."""
    return pick(*users.ROLE_LABELS.get(role, (role, role)))


class _Form(QDialog):
    """A small form whose OK runs a service; a refusal is shown and the input stays."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_view: UserView | None = None
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _password_pair(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(self), QLineEdit(self)
        for edit, name in ((first, "password"), (second, "password2")):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return first, second

    def _passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() == second.text():
            return True
        self.error.setText(self.tr("The two passwords differ: type the same password twice."))
        self.error.show()
        second.clear()
        second.setFocus()
        return False

    def try_accept(self) -> None:
        raise NotImplementedError


class AddUserDialog(_Form):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in users.ROLES:
            self.role.addItem(role_label(role), role)
        self.password, self.password2 = self._password_pair()
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Display name:"), self.display_name)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("Password &again:"), self.password2)
        hint = QLabel(self.tr("At least %1 characters.").replace("%1", str(users.MIN_PASSWORD)), self)
        hint.setStyleSheet("color: #555555;")
        self.form.addRow("", hint)

    def try_accept(self) -> None:
        if not self._passwords_match(self.password, self.password2):
            return
        view = self.ctx.ops.run(
            users.add_user,
            parent=self,
            username=self.username.text(),
            display_name=self.display_name.text(),
            role=self.role.currentData(),
            password=self.password.text(),
        )
        if view.ok:
            self.result_view = view.value
            self.accept()


class PasswordDialog(_Form):
    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Reset password of %1").replace("%1", user.display_name))
        self.password, self.password2 = self._password_pair()
        self.form.addRow(self.tr("New &password:"), self.password)
        self.form.addRow(self.tr("Password &again:"), self.password2)
        note = QLabel(self.tr("The account is unlocked too. Tell the user the new password in person."), self)
        note.setWordWrap(True)
        self.form.addRow(note)

    def try_accept(self) -> None:
        if not self._passwords_match(self.password, self.password2):
            return
        view = self.ctx.ops.run(
            users.reset_password, parent=self, user_id=self.user.id, password=self.password.text()
        )
        if view.ok:
            self.result_view = view.value
            self.accept()


class RoleDialog(_Form):
    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Change role of %1").replace("%1", user.display_name))
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in users.ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
        self.form.addRow(self.tr("&Role:"), self.role)

    def try_accept(self) -> None:
        view = self.ctx.ops.run(
            users.set_role, parent=self, user_id=self.user.id, role=self.role.currentData()
        )
        if view.ok:
            self.result_view = view.value
            self.accept()


class AdminWorkspace(Workspace):
    key = "admin"
    permission = "users.manage"
    icon_name = "SP_ComputerIcon"
    shows = Kind.USERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[UserView] = []
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("users")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.change_role())

        self.add_button = self._button("adminAdd", self.add_user, "Ctrl+N")
        self.reset_button = self._button("adminReset", self.reset_password)
        self.active_button = self._button("adminActive", self.toggle_active)
        self.role_button = self._button("adminRole", self.change_role)
        self.users_box = QGroupBox(self)
        user_buttons = QVBoxLayout()
        for b in (self.add_button, self.reset_button, self.role_button, self.active_button):
            user_buttons.addWidget(b)
        user_buttons.addStretch(1)
        self.never_deleted = QLabel(self)
        self.never_deleted.setWordWrap(True)
        self.never_deleted.setStyleSheet("color: #555555;")
        users_layout = QHBoxLayout(self.users_box)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.never_deleted)
        users_layout.addLayout(left, 1)
        users_layout.addLayout(user_buttons)

        self.backup_box = QGroupBox(self)
        self.backup_button = self._button("adminBackup", self.backup_now)
        self.restore_button = self._button("adminRestore", self.restore)
        self.open_folder_button = self._button("adminOpenFolder", self.open_backup_folder)
        self.daily_label = QLabel(self)
        self.daily_label.setObjectName("dailyBackup")
        self.daily_label.setWordWrap(True)
        self.daily_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        backup_buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.open_folder_button):
            backup_buttons.addWidget(b)
        backup_buttons.addStretch(1)
        backup_layout = QVBoxLayout(self.backup_box)
        backup_layout.addLayout(backup_buttons)
        backup_layout.addWidget(self.daily_label)
        self.backup_box.setEnabled(ctx.may("backup"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.users_box, 1)
        layout.addWidget(self.backup_box)
        self.retranslate()

    def _button(self, name: str, slot: object, shortcut: str = "") -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
        return button

    def title(self) -> str:
        return self.tr("Admin")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Administration"))
        self.users_box.setTitle(self.tr("Users"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Active"), self.tr("Locked")]
        )
        self.add_button.setText(self.tr("&Add user…"))
        self.add_button.setToolTip(self.tr("Add a staff account (Ctrl+N)"))
        self.reset_button.setText(self.tr("&Reset password…"))
        self.role_button.setText(self.tr("Change r&ole…"))
        self.never_deleted.setText(
            self.tr(
                "Accounts are never deleted: deactivate a leaver, so the history keeps naming who did what."
            )
        )
        self.backup_box.setTitle(self.tr("Backups"))
        self.backup_button.setText(self.tr("&Back up now…"))
        self.backup_button.setToolTip(self.tr("Write a copy of the whole database to a file you choose"))
        self.restore_button.setText(self.tr("Re&store…"))
        self.restore_button.setToolTip(self.tr("Replace the database with a backup file"))
        self.open_folder_button.setText(self.tr("Open backup folder"))
        self._fill()
        self._show_daily()

    def refresh(self) -> None:
        self.rows = users.read_users(actor=self.ctx.actor)
        self._fill()
        self._show_daily()

    # ---- the users table --------------------------------------------------------------
    def _fill(self) -> None:
        selected = self.selected_user()
        keep = selected.id if selected else None
        self.table.setRowCount(len(self.rows))
        for row, u in enumerate(self.rows):
            active = QTableWidgetItem("✓ " + self.tr("Active") if u.active else "✗ " + self.tr("Deactivated"))
            locked = QTableWidgetItem("🔒 " + self.tr("Locked") if u.locked else "")
            cells = [
                QTableWidgetItem(u.username),
                QTableWidgetItem(u.display_name),
                QTableWidgetItem(role_label(u.role)),
                active,
                locked,
            ]
            cells[0].setData(ID_ROLE, u.id)
            if u.locked:
                locked.setForeground(QBrush(RED))
            for col, cell in enumerate(cells):
                if not u.active:
                    cell.setForeground(QBrush(GREY))
                self.table.setItem(row, col, cell)
        row = next((i for i, u in enumerate(self.rows) if u.id == keep), 0 if self.rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_user(self) -> UserView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select_user(self, username: str) -> None:
        row = next((i for i, u in enumerate(self.rows) if u.username == username), -1)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        u = self.selected_user()
        for b in (self.reset_button, self.role_button, self.active_button):
            b.setEnabled(u is not None)
        is_me = u is not None and u.id == self.ctx.actor.user_id
        if u is None or u.active:
            self.active_button.setText(self.tr("&Deactivate"))
            self.active_button.setToolTip(self.tr("The user can no longer log in; nothing is deleted"))
        else:
            self.active_button.setText(self.tr("Re&activate"))
            self.active_button.setToolTip(self.tr("Let the user log in again"))
        if is_me and u is not None and u.active:
            self.active_button.setEnabled(False)
            self.active_button.setToolTip(self.tr("You cannot deactivate your own account"))

    # ---- actions ----------------------------------------------------------------------
    def make_add_dialog(self) -> AddUserDialog:
        return AddUserDialog(self.ctx, self)

    def add_user(self) -> None:
        dialog = self.make_add_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_view is not None:
            self.refresh()
            self.select_user(dialog.result_view.username)

    def reset_password(self) -> None:
        u = self.selected_user()
        if u is not None and PasswordDialog(self.ctx, u, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            messages.info(self, self.tr("The password of %1 was reset.").replace("%1", u.display_name))

    def change_role(self) -> None:
        u = self.selected_user()
        if u is not None and RoleDialog(self.ctx, u, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def toggle_active(self) -> None:
        u = self.selected_user()
        if u is None:
            return
        if u.active:
            question = self.tr("Deactivate %1? They can no longer log in; their history is kept.")
            if not messages.confirm(self, question.replace("%1", u.display_name)):
                return
        if self.ctx.ops.run(users.set_active, parent=self, user_id=u.id, active=not u.active).ok:
            self.refresh()

    # ---- backups ----------------------------------------------------------------------
    def _backup_suffix(self) -> str:
        return system.BACKUP_SUFFIX

    def backup_now(self, target: Path | None = None) -> None:
        """Ask where, then write the backup in the background; the end is said in a message."""
        if target is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = f"service-advisor-{dt.datetime.now():%Y%m%d-%H%M}{self._backup_suffix()}"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Back up the database to"),
                str(Path(folder) / name),
                self.tr("Backups (*%1)").replace("%1", self._backup_suffix()),
            )
            if not chosen:
                return
            target = Path(chosen)

        def done(written: Outcome[Path]) -> None:
            if written.ok:
                messages.info(self, self.tr("Backup written to %1.").replace("%1", str(written.value)))

        self.ctx.ops.run_in_background(
            system.backup_now,
            parent=self,
            on_done=done,
            target=target,
            progress=self.tr("Backing up the database…"),
        )

    def restore(self, source: Path | None = None) -> None:
        """Ask which backup and confirm, then restore it in the background; the end is
        said in a message (restored: restart; refused: why)."""
        if source is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Restore the database from"),
                str(daily_backup_dir()),
                self.tr("Backups (*%1);;All files (*)").replace("%1", system.BACKUP_SUFFIX),
            )
            if not chosen:
                return
            source = Path(chosen)
        question = self.tr(
            "Replace the whole database with the backup %1?\n\nEverything saved since that backup "
            "is lost, at every workstation. Make a backup now first if in doubt.\n\nThe backup is "
            "checked first (its row counts, checksum, dealership and database version); it is "
            "restored whole or not at all."
        ).replace("%1", source.name)
        if not messages.confirm(self, question, title=self.tr("Restore a backup")):
            return

        def done(restored: Outcome[None]) -> None:
            if restored.ok:
                messages.info(
                    self,
                    self.tr(
                        "The backup %1 was restored. Close Service Advisor now and start "
                        "it again (at every workstation) before doing anything else."
                    ).replace("%1", source.name),
                )

        self.ctx.ops.run_in_background(
            system.restore_backup,
            parent=self,
            on_done=done,
            source=source,
            confirm=(system.OlderBackup, {"force": True}),
            progress=self.tr("Restoring the backup…"),
        )

    def open_backup_folder(self) -> None:
        folder = daily_backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _show_daily(self) -> None:
        folder = daily_backup_dir()
        files = sorted(folder.glob(f"service-advisor-*{system.BACKUP_SUFFIX}"))
        latest = self.tr("latest: %1").replace("%1", files[-1].name) if files else self.tr("none written yet")
        text = (
            self.tr("Automatic daily backup (the last 7 days are kept): %1 — %2")
            .replace("%1", str(folder))
            .replace("%2", latest)
        )
        if self.ctx.shared_db:
            text += "\n" + self.tr(
                "Shared server: every workstation keeps its own daily copy of the "
                "server (pg_dump). Keep the server's own backups too."
            )
        self.daily_label.setText(text)


WORKSPACE = AdminWorkspace
