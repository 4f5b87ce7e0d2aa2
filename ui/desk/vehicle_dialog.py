"""Add a vehicle to a customer. A VIN whose check digit is off is saved with a warning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.services import customers
from advisor.services.views import VehicleView
from ui import messages
from ui.context import AppContext
from ui.desk.walk_in import warning_text


class AddVehicleDialog(QDialog):
    """``vehicle`` is set when accepted."""

    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.vehicle: VehicleView | None = None
        self.plate = QLineEdit()
        self.plate.setObjectName("plate")
        self.vin = QLineEdit()
        self.vin.setObjectName("vin")
        self.vin.setMaxLength(17)
        self.make = QLineEdit()
        self.model = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(0, dt.date.today().year + 1)
        self.year.setSpecialValueText("—")
        self.year.setValue(0)
        self.mileage = QSpinBox()
        self.mileage.setRange(0, 2_000_000)
        self.mileage.setSuffix(" km")
        self.mileage.setGroupSeparatorShown(True)
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.labels, (self.plate, self.vin, self.make, self.model,
                                              self.year, self.mileage), strict=True):  # fmt: skip
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self.plate.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a vehicle"))
        texts = (self.tr("&Plate:"), self.tr("&VIN:"), self.tr("&Make:"), self.tr("M&odel:"),
                 self.tr("&Year:"), self.tr("M&ileage:"))  # fmt: skip
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.vin.setPlaceholderText(self.tr("17 characters"))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        save.setToolTip(self.tr("Save the vehicle (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        added = self.ctx.ops.run(customers.add_vehicle, parent=self, topic="customers",
                                 customer_id=self.customer_id, vin=self.vin.text(),
                                 plate=self.plate.text(), make=self.make.text(),
                                 model=self.model.text(), year=self.year.value() or None,
                                 mileage_km=self.mileage.value())  # fmt: skip
        if added is None:
            return
        self.vehicle, warnings = added
        for warning in warnings:
            messages.info(self, warning_text(warning))
        self.accept()
