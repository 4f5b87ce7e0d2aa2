"""First run: the language, the dealership's profile, the first administrator, and demo
data if wanted.

Shown when the database has no user yet. The language comes first (the dialog switches
at once, and the choice stays this workstation's language). Nothing can be done before
it is complete; a refused field (empty name, short password) is reported in the dialog
and the typed values stay. Demo data loads in a worker with a progress dialog.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor.errors import UserError
from advisor.money import to_cents
from advisor.services import settings, system, users
from advisor.services._base import Actor
from ui import i18n, workstation
from ui.operations import Operations, Outcome

DEMO_ORDERS = 2000


def demo_available() -> bool:
    """True when the demo-data generator is installed."""
    return system.demo_available()


def demo_cancellable() -> bool:
    """True when the generator can stop half-way (takes ``cancel``); else the progress
    dialog offers no Cancel that would not stop it."""
    return "cancel" in inspect.signature(system.load_demo_data).parameters


def _demo_call(progress: Callable[[int, int], None], cancel: Callable[[], bool], orders: int) -> object:
    generate: Callable[..., object] = system.load_demo_data
    params = inspect.signature(generate).parameters
    extra: dict[str, Any] = {}
    if "progress" in params:
        extra["progress"] = progress
    if "cancel" in params:
        extra["cancel"] = cancel
    return generate(orders=orders, seed=1, **extra)


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admin: Actor | None = None
        language_form = self._build_language()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self._build_dealer_box()
        self._build_admin_box()
        self.demo = QCheckBox()
        self.demo.setVisible(demo_available())
        self.error = QLabel()
        self.error.setObjectName("firstRunError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(language_form)
        layout.addWidget(self.intro)
        layout.addWidget(self.dealer_box)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.demo)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_language(self) -> QFormLayout:
        """The language, chosen first: the dialog switches to it at once."""
        self.language = QComboBox()
        self.language.setObjectName("firstRunLanguage")
        for lang in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(lang), lang)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current()), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        language_form = QFormLayout()
        language_form.addRow(self.language_label, self.language)
        return language_form

    def _build_dealer_box(self) -> None:
        """The dealership printed on every sheet, and its labour rate."""
        self.dealer_box = QGroupBox()
        self.dealer_name = QLineEdit()
        self.dealer_name.setObjectName("dealerName")
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.tax_no = QLineEdit()
        self.labour_rate = QDoubleSpinBox()
        self.labour_rate.setRange(0, 100_000)
        self.labour_rate.setDecimals(2)
        self.labour_rate.setValue(180.0)
        self.labour_rate.setPrefix("¥ ")
        self.labour_rate.setAlignment(Qt.AlignmentFlag.AlignRight)
        dealer_form = QFormLayout(self.dealer_box)
        self.dealer_labels = [QLabel() for _ in range(5)]
        fields = (self.dealer_name, self.address, self.phone, self.tax_no, self.labour_rate)
        for label, field in zip(self.dealer_labels, fields, strict=True):
            label.setBuddy(field)
            dealer_form.addRow(label, field)

    def _build_admin_box(self) -> None:
        """The first administrator: user name, display name, the password twice."""
        self.admin_box = QGroupBox()
        self.username = QLineEdit()
        self.username.setObjectName("adminUser")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password2 = QLineEdit()
        for field in (self.password, self.password2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form = QFormLayout(self.admin_box)
        self.admin_labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.admin_labels, (self.username, self.display_name, self.password, self.password2), strict=True
        ):
            label.setBuddy(field)
            admin_form.addRow(label, field)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up Service Advisor"))
        # In both languages whichever is shown: whoever cannot read one finds the other.
        self.language_label.setText(self.tr("Lan&guage / 语言:"))
        self.intro.setText(
            self.tr(
                "Welcome. Enter your dealership's details and create the first administrator "
                "account. Both can be changed later."
            )
        )
        self.dealer_box.setTitle(self.tr("Dealership"))
        for label, text in zip(
            self.dealer_labels,
            (
                self.tr("&Name:"),
                self.tr("&Address:"),
                self.tr("P&hone:"),
                self.tr("&Tax number:"),
                self.tr("&Labour rate per hour:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.admin_box.setTitle(self.tr("First administrator"))
        for label, text in zip(
            self.admin_labels,
            (
                self.tr("&User name:"),
                self.tr("&Display name:"),
                self.tr("&Password:"),
                self.tr("&Repeat password:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.demo.setText(
            self.tr("Load de&mo data (about %1 repair orders) to try the program").replace(
                "%1", f"{DEMO_ORDERS:,}"
            )
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create"))
        ok.setToolTip(self.tr("Save the profile and create the administrator (Enter)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Quit without setting up (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The button box renames its standard buttons (确定/取消) on the same change,
            # perhaps after this: name them again once every widget has had it.
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        """Switch the dialog (and the program) at once; this workstation keeps the choice."""
        lang = str(self.language.currentData())
        i18n.set_language(lang)
        workstation.set_value(workstation.LANGUAGE, lang)
        self.error.hide()  # it was in the other language

    def _fail(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        """Save the dealership profile and create the administrator."""
        if self.password.text() != self.password2.text():
            self._fail(self.tr("The two passwords differ: type the same password twice."), self.password2)
            return
        try:
            settings.set_up_dealer(
                name=self.dealer_name.text(),
                address=self.address.text().strip(),
                phone=self.phone.text().strip(),
                tax_no=self.tax_no.text().strip(),
                labour_rate_cents=to_cents(f"{self.labour_rate.value():.2f}"),
            )
        except UserError as err:
            self._fail(err.message(), self.dealer_name)
            return
        try:
            view = users.create_first_admin(
                username=self.username.text(),
                display_name=self.display_name.text(),
                password=self.password.text(),
            )
        except UserError as err:
            target = {"username": self.username, "password": self.password}.get(err.field or "")
            self._fail(err.message(), target or self.display_name)
            return
        self.admin = Actor(view.id, view.username, view.display_name, view.role)
        self.accept()

    def wants_demo(self) -> bool:
        return not self.demo.isHidden() and self.demo.isChecked()


def load_demo(ops: Operations, parent: QWidget | None, *, orders: int = DEMO_ORDERS) -> bool:
    """Generate demo data in a worker thread with a progress dialog; True when done."""
    loop = QEventLoop()
    ended: list[Outcome[object]] = []
    label = QCoreApplication.translate("FirstRunDialog", "Loading demo data…")
    worker = ops.run_in_background(
        _demo_call,
        parent=parent,
        progress=label,
        on_done=ended.append,
        cancellable=demo_cancellable(),
        orders=orders,
    )
    # The outcome is handed over by the event loop (queued from the worker): run it until then.
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    loop.exec()
    return any(outcome.ok for outcome in ended)
