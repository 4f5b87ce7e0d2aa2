"""Add a vehicle to a customer, or correct one on file. A VIN whose check digit is off is
saved with a warning, shown beside the VIN as soon as it is typed; refused fields are shown
together, each beside its input, and what was typed stays. A correction saved by someone
else first shows both versions (the conflict dialog)."""

from __future__ import annotations

import datetime as dt
from typing import Any

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

from advisor.codes import VehicleKind, words
from advisor.errors import UserError
from advisor.services import customers
from advisor.services.views import VehicleView
from ui import fmt, messages
from ui.conflict_dialog import save_with_conflict_handling
from ui.context import AppContext
from ui.desk.field_note import NotedField, show_errors
from ui.desk.walk_in import check_vin_live, fill_kinds, kind_box, suggest_kind


class VehicleForm(QDialog):
    """The vehicle's fields, each with its note, and Save / Cancel. ``vehicle`` is set when
    accepted. ``exclude``: the vehicle being corrected (its own VIN is not "on file")."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, exclude: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vehicle: VehicleView | None = None
        self.plate = QLineEdit()
        self.plate.setObjectName("plate")
        self.vin = QLineEdit()
        self.vin.setObjectName("vin")
        self.vin.setMaxLength(17)
        self.make = QLineEdit()
        self.make.setObjectName("make")
        self.model = QLineEdit()
        self.model.setObjectName("model")
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(0, dt.date.today().year + 1)
        self.year.setSpecialValueText("—")
        self.year.setValue(0)
        self.mileage = QSpinBox()
        self.mileage.setObjectName("mileage")
        self.mileage.setRange(0, 2_000_000)
        self.mileage.setSuffix(" km")
        self.mileage.setGroupSeparatorShown(True)
        self.kind = kind_box("kind")  # which inspection checklist applies
        self.notes = {
            "plate": NotedField(self.plate, "plate"),
            "vin": NotedField(self.vin, "vin"),
            "make": NotedField(self.make, "make"),
            "model": NotedField(self.model, "model"),
            "year": NotedField(self.year, "year"),
            "mileage": NotedField(self.mileage, "mileage"),
            "kind": NotedField(self.kind, "kind"),
        }
        self.vin.textChanged.connect(lambda text: check_vin_live(self.ctx, self.notes["vin"], text, exclude))
        for field, key in ((self.plate, "plate"), (self.make, "make"), (self.model, "model")):
            field.textEdited.connect(lambda _t, k=key: self.notes[k].clear())
        self.mileage.valueChanged.connect(lambda _v: self.notes["mileage"].clear())
        self.kind.currentIndexChanged.connect(lambda _i: self.notes["kind"].clear())
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(7)]
        for label, note in zip(self.labels, self.notes.values(), strict=True):
            label.setBuddy(note.field)
            form.addRow(label, note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def window_title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.setWindowTitle(self.window_title())
        texts = (
            self.tr("&Plate:"),
            self.tr("&VIN:"),
            self.tr("&Make:"),
            self.tr("M&odel:"),
            self.tr("&Year:"),
            self.tr("M&ileage:"),
            self.tr("Vehicle &type:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        fill_kinds(self.kind)
        self.vin.setPlaceholderText(self.tr("17 characters"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the vehicle (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        raise NotImplementedError

    def clear_notes(self) -> None:
        """Clear the notes before saving again; the VIN's check-digit warning stays."""
        for key, note in self.notes.items():
            if not (key == "vin" and note.severity == "warning"):
                note.clear()

    def show_refusal(self, err: UserError | None) -> None:
        """Each refused field's reason beside it; the rest in a message."""
        if err is None:
            return
        rest, first = show_errors(err, self.notes)
        if rest:  # not about one field (e.g. the customer was erased meanwhile)
            messages.error(self, "\n".join(one.message() for one in rest))
        if first is not None:
            first.field.setFocus(Qt.FocusReason.OtherFocusReason)


class AddVehicleDialog(VehicleForm):
    """A new vehicle of the customer ``customer_id``."""

    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.customer_id = customer_id
        self.kind_chosen = False  # chosen by hand: the plate no longer suggests it
        self.kind.activated.connect(lambda _i: setattr(self, "kind_chosen", True))
        self.plate.textChanged.connect(lambda text: suggest_kind(self.kind, text, chosen=self.kind_chosen))
        self.retranslate()
        self.plate.setFocus(Qt.FocusReason.OtherFocusReason)

    def window_title(self) -> str:
        return self.tr("Add a vehicle")

    def save(self) -> None:
        self.clear_notes()
        added = self.ctx.ops.run(
            customers.add_vehicle,
            parent=self,
            quiet=True,
            customer_id=self.customer_id,
            vin=self.vin.text(),
            plate=self.plate.text(),
            make=self.make.text(),
            model=self.model.text(),
            year=self.year.value() or None,
            mileage_km=self.mileage.value(),
            kind=self.kind.currentData(),
        )
        if not added.ok:
            self.show_refusal(added.error)
            return
        self.vehicle, _warnings = added.value  # the check-digit warning was shown live
        self.accept()


class EditVehicleDialog(VehicleForm):
    """The vehicle on file, its fields filled in, saved against the version read: when
    someone else saved it in between, the conflict dialog shows both versions."""

    FIELDS = ("plate", "vin", "make", "model", "year", "mileage_km", "kind")

    def __init__(self, ctx: AppContext, vehicle: VehicleView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, exclude=vehicle.id)
        self.setObjectName("editVehicle")
        self.shown = vehicle
        self.fill(vehicle)
        self.retranslate()
        self.plate.setFocus(Qt.FocusReason.OtherFocusReason)
        self.plate.selectAll()

    def window_title(self) -> str:
        return self.tr("Edit vehicle %1").replace("%1", self.shown.plate)

    def retranslate(self) -> None:
        super().retranslate()
        self.mileage.setToolTip(
            self.tr("The odometer never goes backwards: not below the last reading (%1).").replace(
                "%1", fmt.km(self.shown.mileage_km)
            )
        )

    def fill(self, vehicle: VehicleView) -> None:
        """Show ``vehicle`` as stored (its version is the one a save is checked against)."""
        self.shown = vehicle
        self.plate.setText(vehicle.plate)
        self.vin.setText(vehicle.vin)  # checked live: a wrong check digit warns at once
        self.make.setText(vehicle.make)
        self.model.setText(vehicle.model)
        self.year.setValue(vehicle.year or 0)
        self.mileage.setValue(vehicle.mileage_km)
        self.kind.setCurrentIndex(max(0, self.kind.findData(vehicle.kind)))
        self.retranslate()

    @staticmethod
    def values_of(vehicle: VehicleView) -> dict[str, Any]:
        """The stored values as the form holds them (an unknown year is 0)."""
        values = {key: getattr(vehicle, key) for key in EditVehicleDialog.FIELDS}
        values["year"] = vehicle.year or 0
        return values

    def typed(self) -> dict[str, Any]:
        return {
            "plate": self.plate.text().strip(),
            "vin": "".join(self.vin.text().split()).upper(),
            "make": self.make.text().strip(),
            "model": self.model.text().strip(),
            "year": self.year.value(),
            "mileage_km": self.mileage.value(),
            "kind": self.kind.currentData(),
        }

    def field_labels(self) -> dict[str, str]:
        """The fields as the conflict dialog names them."""
        return {
            "plate": self.tr("Plate"),
            "vin": self.tr("VIN"),
            "make": self.tr("Make"),
            "model": self.tr("Model"),
            "year": self.tr("Year"),
            "mileage_km": self.tr("Mileage"),
            "kind": self.tr("Vehicle type"),
        }

    def _stored(self) -> dict[str, Any]:
        fresh = customers.read_vehicle(actor=self.ctx.actor, vehicle_id=self.shown.id)
        return {**self.values_of(fresh), "version": fresh.version}

    def save(self) -> None:
        self.clear_notes()
        outcome = save_with_conflict_handling(
            self.ctx,
            self,
            customers.update_vehicle,
            self._stored,
            self.typed(),
            quiet=True,
            labels=self.field_labels(),
            original=self.values_of(self.shown),
            formats={
                "year": lambda y: str(y) if y else "",
                "mileage_km": fmt.km,
                "kind": lambda k: words(VehicleKind, k),
            },
            vehicle_id=self.shown.id,
            version=self.shown.version,
        )
        if outcome.status == "saved":
            self.vehicle = outcome.value
            self.accept()
        elif outcome.status == "reloaded":
            self.fill(customers.read_vehicle(actor=self.ctx.actor, vehicle_id=self.shown.id))
        elif outcome.status == "failed":
            self.show_refusal(outcome.error)
        # "cancelled": the typing stays, to change or to cancel
