"""Step 2, appointment (read-only): what was booked, or "walk-in"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from advisor.codes import ReconfirmOutcome, words
from advisor.services import appointments
from advisor.services.views import ROView
from ui import fmt
from ui.context import AppContext
from ui.ro.pages.base import StepPage


def reconfirm_label(outcome: str) -> str:
    return words(ReconfirmOutcome, outcome)


class Page(StepPage):
    step = 2
    FIELDS = ("time", "duration", "work", "parts", "price", "booklet", "care", "urgent", "reconfirm")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.walk_in = QLabel(self)
        self.walk_in.setObjectName("appointment_walk_in")
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            name, value = QLabel(self.box), QLabel(self.box)
            value.setObjectName(f"appointment_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, value)
            self.names[key], self.values[key] = name, value
        layout = QVBoxLayout(self)
        layout.addWidget(self.next_banner)
        layout.addWidget(self.walk_in)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("The appointment"))
        labels = {
            "time": self.tr("Time"),
            "duration": self.tr("Duration"),
            "work": self.tr("Requested work"),
            "parts": self.tr("Parts to prepare"),
            "price": self.tr("Estimated price"),
            "booklet": self.tr("Booklet reminder"),
            "care": self.tr("Special care"),
            "urgent": self.tr("Urgent"),
            "reconfirm": self.tr("Reconfirmation"),
        }
        for key, text in labels.items():
            self.names[key].setText(text)
        self.walk_in.setText(self.tr("Walk-in: no appointment was booked for this visit."))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self.walk_in.setVisible(view.appointment_id is None)
        self.box.setVisible(view.appointment_id is not None)
        if view.appointment_id is None:
            return
        a = appointments.read_appointment(actor=self.ctx.actor, appointment_id=view.appointment_id)
        yes, no = self.tr("Yes"), self.tr("No")
        values = {
            "time": fmt.datetime(a.starts_at),
            "duration": fmt.minutes(a.duration_min),
            "work": a.requested_work,
            "parts": a.parts_needed or "—",
            "price": fmt.money(a.estimated_cents),
            "booklet": self.tr("Customer reminded to bring the booklet") if a.booklet_reminded else no,
            "care": a.special_care or "—",
            "urgent": yes if a.urgent else no,
            "reconfirm": reconfirm_label(a.reconfirm_outcome),
        }
        for key, text in values.items():
            self.values[key].setText(text)
