"""Walk-in: find the car by plate (or phone, name) or register a new customer and car
quickly; the caller then opens the RO for the chosen vehicle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor.search import search
from advisor.services import customers
from ui import messages
from ui.context import AppContext

VEHICLE_ROLE = Qt.ItemDataRole.UserRole


def warning_text(code: str) -> str:
    """The sentence for a warning code returned with a saved vehicle."""
    if code == "vin_check_digit":
        return QCoreApplication.translate(
            "WalkInDialog", "The VIN's check digit does not match: the vehicle is saved, but "
            "compare the VIN with the registration certificate.")  # fmt: skip
    return code


class WalkInDialog(QDialog):
    """``vehicle_id`` is set when the dialog is accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vehicle_id: int | None = None
        self._customer_id: int | None = None  # created on an earlier, refused try
        self.tabs = QTabWidget()

        existing = QWidget()
        self.lookup = QLineEdit()
        self.lookup.setObjectName("walkInFind")
        self.lookup.setClearButtonEnabled(True)
        self.found = QListWidget()
        self.found.itemActivated.connect(lambda _i: self.accept_existing())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.lookup.textEdited.connect(lambda _t: self._timer.start())
        self.lookup.returnPressed.connect(self._find_enter)
        box = QVBoxLayout(existing)
        box.addWidget(self.lookup)
        box.addWidget(self.found, 1)

        new = QWidget()
        self.name = QLineEdit()
        self.name.setObjectName("walkInName")
        self.phone = QLineEdit()
        self.plate = QLineEdit()
        self.plate.setObjectName("walkInPlate")
        self.vin = QLineEdit()
        self.vin.setMaxLength(17)
        self.make = QLineEdit()
        self.model = QLineEdit()
        form = QFormLayout(new)
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.labels, (self.name, self.phone, self.plate, self.vin,
                                              self.make, self.model), strict=True):  # fmt: skip
            label.setBuddy(field)
            form.addRow(label, field)

        self.tabs.addTab(existing, "")
        self.tabs.addTab(new, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.retranslate()
        self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Walk-in customer"))
        self.tabs.setTabText(0, self.tr("&Known vehicle"))
        self.tabs.setTabText(1, self.tr("&New customer"))
        self.lookup.setPlaceholderText(self.tr("Plate, VIN, phone or name"))
        texts = (self.tr("Customer &name:"), self.tr("&Phone:"), self.tr("P&late:"),
                 self.tr("&VIN:"), self.tr("&Make:"), self.tr("M&odel:"))  # fmt: skip
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open repair order"))
        ok.setToolTip(self.tr("Open a repair order for this vehicle (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _search(self) -> None:
        self.found.clear()
        term = self.lookup.text().strip()
        if not term:
            return
        for hit in search(term):
            if hit.kind != "vehicle" or hit.vehicle_id is None:
                continue
            item = QListWidgetItem(f"{hit.title}    {hit.subtitle}")
            item.setData(VEHICLE_ROLE, hit.vehicle_id)
            self.found.addItem(item)
        if self.found.count():
            self.found.setCurrentRow(0)

    def _find_enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._search()
        self.accept_existing()

    def accept_existing(self) -> None:
        item = self.found.currentItem()
        if item is None:
            return
        self.vehicle_id = int(item.data(VEHICLE_ROLE))
        self.accept()

    def confirm(self) -> None:
        """OK: the highlighted vehicle, or register the new customer and car."""
        if self.tabs.currentIndex() == 0:
            if self.found.currentItem() is None:
                messages.error(self, self.tr("Find the vehicle first, or use “New customer”."))
                return
            self.accept_existing()
            return
        if self._customer_id is None:
            customer = self.ctx.ops.run(customers.create_customer, parent=self,
                                        topic="customers", name=self.name.text(),
                                        phone=self.phone.text())  # fmt: skip
            if customer is None:
                return
            self._customer_id = customer.id
        added = self.ctx.ops.run(customers.add_vehicle, parent=self, topic="customers",
                                 customer_id=self._customer_id, vin=self.vin.text(),
                                 plate=self.plate.text(), make=self.make.text(),
                                 model=self.model.text())  # fmt: skip
        if added is None:
            # The customer is saved: lock their fields so a retry does not add them twice.
            self.name.setReadOnly(True)
            self.phone.setReadOnly(True)
            return
        vehicle, warnings = added
        for warning in warnings:
            messages.info(self, warning_text(warning))
        self.vehicle_id = vehicle.id
        self.accept()
