"""The login dialog: user name, password and the language of the session.

A refused login (wrong password, locked account) shows the service's message inside
the dialog; the typed user name stays, the password is cleared for a new try.

It is the first window of a start, so it imports no more than Qt and the error types:
the application opens its database behind it (``prepare``), while the person types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor.errors import UserError
from ui import i18n, workstation

if TYPE_CHECKING:
    from advisor.services._base import Actor


class LoginDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        dealer_name: str = "",
        notice: UserError | None = None,
        prepare: Callable[[LoginDialog], bool] | None = None,
    ) -> None:
        """``notice``: why the last session ended (shown until the user acts).
        ``prepare``: run once, as soon as the dialog has been painted (or at the first
        login attempt, if that comes first); it readies what a login needs and returns
        False when it closed the dialog instead (the database cannot be opened…)."""
        super().__init__(parent)
        self.actor: Actor | None = None
        self._prepare = prepare
        self._prepared: bool | None = None if prepare else True  # None: not run yet
        self.dealer_name = dealer_name
        self.notice = notice
        self._build_fields(notice)
        self.form = QFormLayout()
        self.user_label = QLabel()
        self.password_label = QLabel()
        self.language_label = QLabel()
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.language_label.setBuddy(self.language)
        self.form.addRow(self.user_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.language_label, self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.language)
        self.setMinimumWidth(420)
        self.retranslate()
        (self.password if self.username.text() else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_fields(self, notice: UserError | None) -> None:
        """The heading, user name (the last one used), password, language, and the error
        line (showing why the last session ended, if it did)."""
        self.heading = QLabel()
        self.heading.setObjectName("loginHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.username = QLineEdit(workstation.value(workstation.LAST_USER))
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for lang in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(lang), lang)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current()), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        if notice is not None:
            self.error.setText(notice.message())
            self.error.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — Service Advisor"))
        self.heading.setText(self.dealer_name or self.tr("Service Advisor"))
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.language_label.setText(self.tr("&Language:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(self.tr("Log in (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Close (Esc)"))
        if self.notice is not None and self.error.isVisibleTo(self):
            self.error.setText(self.notice.message())  # in the language just chosen

    def set_dealer_name(self, name: str) -> None:
        """The heading: the dealer's name once it is read (the program's until then)."""
        self.dealer_name = name
        self.heading.setText(self.dealer_name or self.tr("Service Advisor"))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._prepared is None:  # first paint: the person sees the dialog; now prepare
            QTimer.singleShot(0, self, self.prepare_now)

    def prepare_now(self) -> bool:
        """Run ``prepare`` unless it has run; False when it closed the dialog."""
        if self._prepared is None and self._prepare is not None:
            self._prepared = False  # not again, even if it raises
            self._prepared = self._prepare(self)
        return bool(self._prepared)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The button box renames its standard buttons (确定/取消) on the same change,
            # perhaps after this: name them again once every widget has had it.
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        i18n.set_language(lang)
        workstation.set_value(workstation.LANGUAGE, lang)
        if self.notice is None:
            self.error.hide()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def try_login(self) -> None:
        """Check the credentials; on failure show why and keep the user name."""
        if not self.prepare_now():
            return
        from advisor.services import users

        try:
            self.actor = users.login(username=self.username.text(), password=self.password.text())
        except UserError as err:
            self.notice = None
            self.error.setText(err.message())
            self.error.show()
            self.password.clear()
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        workstation.set_value(workstation.LAST_USER, self.actor.username)
        self.accept()
