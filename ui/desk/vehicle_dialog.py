"""Add a vehicle to a customer. A VIN whose check digit is off is saved with a warning,
shown beside the VIN as soon as it is typed; refused fields are shown together, each
beside its input, and what was typed stays."""

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
from ui.desk.field_note import NotedField, show_errors
from ui.desk.walk_in import check_vin_live


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
        self.notes = {
            "plate": NotedField(self.plate, "plate"),
            "vin": NotedField(self.vin, "vin"),
            "make": NotedField(self.make, "make"),
            "model": NotedField(self.model, "model"),
            "year": NotedField(self.year, "year"),
            "mileage": NotedField(self.mileage, "mileage"),
        }
        self.vin.textChanged.connect(lambda text: check_vin_live(self.ctx, self.notes["vin"], text))
        for field, key in ((self.plate, "plate"), (self.make, "make"), (self.model, "model")):
            field.textEdited.connect(lambda _t, k=key: self.notes[k].clear())
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, note in zip(self.labels, self.notes.values(), strict=True):
            label.setBuddy(note.field)
            form.addRow(label, note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
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
        for key, note in self.notes.items():
            if not (key == "vin" and note.severity == "warning"):  # the warning stays
                note.clear()
        added = self.ctx.ops.run(customers.add_vehicle, parent=self, topic="customers",
                                 quiet=True, customer_id=self.customer_id, vin=self.vin.text(),
                                 plate=self.plate.text(), make=self.make.text(),
                                 model=self.model.text(), year=self.year.value() or None,
                                 mileage_km=self.mileage.value())  # fmt: skip
        if added is None:
            self._show_refusal()
            return
        self.vehicle, _warnings = added  # the check-digit warning was shown live
        self.accept()

    def _show_refusal(self) -> None:
        err = self.ctx.ops.last_error
        if err is None:
            return
        rest, first = show_errors(err, self.notes)
        if rest:  # not about one field (e.g. the customer was erased meanwhile)
            messages.error(self, "\n".join(one.message() for one in rest))
        if first is not None:
            first.field.setFocus(Qt.FocusReason.OtherFocusReason)
