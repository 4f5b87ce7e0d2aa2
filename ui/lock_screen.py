"""The lock screen of a shared PC, and the dialog that sets one's PIN (issue 16, item 6).

Ctrl+L hides the main window behind this screen: it shows no data, only the dealer's
name and the names of the people who may take the PC (those signed in here first, in
bold). A colleague picks their name and types their PIN; the check (an scrypt hash and
a few statements) runs in a worker thread, so the screen stays responsive. When the PIN
cannot open (no PIN, locked after five wrong tries, first sign-in today) the normal
login comes up with the name filled in and says why; "Use password" opens it any time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRegularExpression, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor.errors import PasswordRequired, UserError
from advisor.i18n import pick
from advisor.services import users
from ui import workstation
from ui.login import LoginDialog
from ui.operations import Operations, Outcome, Worker

if TYPE_CHECKING:
    from advisor.services.views import SwitchUser

USER_ROLE = Qt.ItemDataRole.UserRole
PIN_PATTERN = QRegularExpression(r"[0-9]{0,8}")


def _pin_field(name: str) -> QLineEdit:
    """A masked field that takes digits only, at most 8."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(PIN_PATTERN, field))
    field.setMaxLength(8)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class LockScreen(QWidget):
    """A window over the locked session: choose a name, enter the PIN.

    ``unlocked(Actor)`` when a PIN (or the password) opened someone's session; the
    application then shows that person's window and hides this one."""

    unlocked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._users: list[SwitchUser] = []
        self._worker: Worker | None = None
        self._notice: UserError | None = None
        self._build()
        self.retranslate()

    # ---- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("lockHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel()
        self.hint.setObjectName("lockHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(820)
        grid = QGridLayout(card)
        grid.setContentsMargins(24, 20, 24, 20)
        grid.setHorizontalSpacing(28)
        grid.addLayout(self._build_names(), 0, 0)
        grid.addLayout(self._build_pin(), 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 3)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        outer.addSpacing(16)
        outer.addLayout(middle, 6)
        outer.addStretch(1)

    def _build_names(self) -> QVBoxLayout:
        """The names of the people who may take the PC, large enough for a finger."""
        self.names_label = QLabel()
        self.names = QListWidget()
        self.names.setObjectName("lockNames")
        self.names_label.setBuddy(self.names)
        font = self.names.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.names.setFont(font)
        self.names.setSpacing(2)
        self.names.setMinimumHeight(220)
        # Chosen is selected (a click, the arrow keys), never merely current: the list
        # makes its first row current when it takes the focus, and a PIN typed then
        # would count against a name nobody chose.
        self.names.itemSelectionChanged.connect(self._name_chosen)
        # A click on the name already chosen (or Enter on it) goes on to the PIN too.
        self.names.itemClicked.connect(lambda _item: self._refocus())
        self.names.itemActivated.connect(lambda _item: self._refocus())
        self.names_note = QLabel()
        self.names_note.setObjectName("lockNamesNote")
        self.names_note.setStyleSheet("color: #555555;")
        box = QVBoxLayout()
        box.addWidget(self.names_label)
        box.addWidget(self.names, 1)
        box.addWidget(self.names_note)
        return box

    def _build_pin(self) -> QVBoxLayout:
        """Who was chosen, the PIN, Unlock, Use password and the message line."""
        self.chosen = QLabel()
        self.chosen.setObjectName("lockChosen")
        font = self.chosen.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.chosen.setFont(font)
        self.pin_label = QLabel()
        self.pin = _pin_field("lockPin")
        big = self.pin.font()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.pin.setFont(big)
        self.pin.setMinimumHeight(44)
        self.pin_label.setBuddy(self.pin)
        self.pin.returnPressed.connect(self.try_pin)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("lockUnlock")
        self.unlock_button.setMinimumHeight(44)
        self.unlock_button.clicked.connect(self.try_pin)
        self.password_button = QPushButton()
        self.password_button.setObjectName("lockPassword")
        self.password_button.setMinimumHeight(36)
        self.password_button.clicked.connect(lambda: self.use_password())
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box = QVBoxLayout()
        box.addWidget(self.chosen)
        box.addWidget(self.pin_label)
        box.addWidget(self.pin)
        box.addWidget(self.unlock_button)
        box.addSpacing(8)
        box.addWidget(self.message)
        box.addWidget(self.password_button)
        box.addStretch(1)
        return box

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Locked — Service Advisor"))
        self.heading.setText(workstation.value(workstation.DEALER_NAME) or self.tr("Service Advisor"))
        self.hint.setText(self.tr("This PC is locked. Choose your name and enter your PIN."))
        self.names_label.setText(self.tr("Your &name:"))
        self.names_note.setText(self.tr("In bold: signed in on this PC (their windows are kept)"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.pin.setPlaceholderText(self.tr("4–8 digits"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.password_button.setText(self.tr("Use pass&word…"))
        self.password_button.setToolTip(
            self.tr(
                "Sign in with your user name and password (first sign-in of the day, or the PIN is locked)"
            )
        )
        self._show_chosen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- showing ----------------------------------------------------------------------
    def open(self, *, signed_in: Iterable[str], notice: UserError | None = None) -> None:
        """Fill the names (``signed_in``: the user names with a session on this PC, shown
        first) and clear the PIN; ``notice``: why a session just ended."""
        self._notice = notice
        here = set(signed_in)
        self._users = users.switch_users()
        self._users.sort(key=lambda u: u.username not in here)  # stable: by name within
        self.names.blockSignals(True)
        self.names.clear()
        for user in self._users:
            item = QListWidgetItem(user.display_name)
            item.setData(USER_ROLE, user.username)
            item.setSizeHint(QSize(0, 44))
            if user.username in here:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.names.addItem(item)
        self.names.clearSelection()
        self.names.blockSignals(False)
        self.pin.clear()
        self._set_busy(False)
        self._say(notice.message() if notice is not None else "")
        self._show_chosen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: self.names.setFocus(Qt.FocusReason.OtherFocusReason))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the lock screen would quit the program under the hidden sessions and
        # lose their unsaved input: the PC stays locked until someone signs in.
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.pin.clear()
            self._say("")
            return
        super().keyPressEvent(event)

    # ---- choosing and checking --------------------------------------------------------
    def chosen_user(self) -> SwitchUser | None:
        items = self.names.selectedItems()
        if not items:
            return None
        name = items[0].data(USER_ROLE)
        return next((u for u in self._users if u.username == name), None)

    def _show_chosen(self) -> None:
        user = self.chosen_user()
        self.chosen.setText(user.display_name if user is not None else self.tr("Choose your name"))

    def _name_chosen(self) -> None:
        """A name was picked: its PIN, or why the password is needed."""
        self._show_chosen()
        self.pin.clear()
        user = self.chosen_user()
        if user is None:
            return
        self._notice = None
        if user.pin_ready:
            self._say("")
            self.pin.setEnabled(True)
            self.unlock_button.setEnabled(True)
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._say(pick(*user.password_reason))
            self.pin.setEnabled(False)
            self.unlock_button.setEnabled(False)
            self.password_button.setDefault(True)
            self.password_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_pin(self) -> None:
        """Check the typed PIN for the chosen name, in a worker thread."""
        user = self.chosen_user()
        if user is None:
            self._say(self.tr("Choose your name first."))
            self.names.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._worker is not None or not self.pin.text():
            return
        self._set_busy(True)
        self._say(self.tr("Checking…"), error=False)
        worker = Worker(
            users.login_pin, {"username": user.username, "pin": self.pin.text()}, reports_progress=False
        )
        worker.finished.connect(lambda: self._pin_checked(worker, user))
        self._worker = worker
        worker.start()

    def _pin_checked(self, worker: Worker, user: SwitchUser) -> None:
        self._worker = None
        worker.deleteLater()
        self._set_busy(False)
        self.pin.clear()
        error = worker.error
        if error is None:
            self._say("")
            self.unlocked.emit(worker.result)
            return
        if not isinstance(error, UserError):
            raise error  # a bug: the crash dialog
        self._say(error.message())
        if isinstance(error, PasswordRequired):  # locked, none set, first today: the password
            self.use_password(user.username, notice=error)
        else:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def use_password(self, username: str | None = None, *, notice: UserError | None = None) -> None:
        """The normal login over this screen, with the chosen name filled in."""
        if username is None:
            chosen = self.chosen_user()
            username = chosen.username if chosen is not None else ""
        login = LoginDialog(self, dealer_name=workstation.value(workstation.DEALER_NAME), notice=notice)
        if username:
            login.username.setText(username)
            login.password.setFocus(Qt.FocusReason.OtherFocusReason)
        accepted = login.exec() == QDialog.DialogCode.Accepted and login.actor is not None
        actor = login.actor
        login.deleteLater()
        if accepted and actor is not None:
            self._say("")
            self.unlocked.emit(actor)
        else:
            self._refocus()

    def _refocus(self) -> None:
        """Where the keys go next: the PIN, else Use password for a chosen name whose PIN
        cannot open, else the names."""
        user = self.chosen_user()
        if user is None:
            self.names.setFocus(Qt.FocusReason.OtherFocusReason)
        elif user.pin_ready:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.password_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        user = self.chosen_user()
        ready = user is None or user.pin_ready
        self.names.setEnabled(not busy)
        self.pin.setEnabled(not busy and ready)
        self.unlock_button.setEnabled(not busy and ready)
        self.password_button.setEnabled(not busy)

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #555555;")

    def wait_idle(self) -> None:
        """Wait for a PIN check under way (the thread must not outlive the screen)."""
        if self._worker is not None:
            self._worker.wait()


class SetPinDialog(QDialog):
    """Set or change one's own PIN: the password (to confirm it is you), the PIN twice."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPinDialog")
        self.ops = ops
        self.password = QLineEdit()
        self.password.setObjectName("pinPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = _pin_field("pinNew")
        self.again = _pin_field("pinAgain")
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.password, self.pin, self.again), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("pinSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set my PIN"))
        self.note.setText(
            self.tr(
                "With a PIN you come back to your window on this PC after Ctrl+L without your "
                "password (the day's first sign-in still takes the password)."
            )
        )
        for label, text in zip(
            self.labels,
            (self.tr("Your pass&word:"), self.tr("New &PIN (4–8 digits):"), self.tr("PIN &again:")),
            strict=True,
        ):
            label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save PIN"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def save(self) -> None:
        if self.pin.text() != self.again.text():
            self._refused(self.tr("The two PINs differ: type the same PIN twice."), self.again)
            return
        self.buttons.setEnabled(False)
        self.ops.run_in_background(
            users.set_pin,
            parent=self,
            quiet=True,
            on_done=self._saved,
            password=self.password.text(),
            pin=self.pin.text(),
        )

    def _saved(self, outcome: Outcome[None]) -> None:
        self.buttons.setEnabled(True)
        if outcome.ok:
            self.accept()
            return
        if outcome.error is not None:
            field = self.password if outcome.error.field == "password" else self.pin
            self._refused(outcome.error.message(), field)

    def _refused(self, text: str, field: QLineEdit) -> None:
        self.error.setText(text)
        self.error.show()
        field.clear()
        if field is self.pin:
            self.again.clear()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
