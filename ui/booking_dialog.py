"""Book an appointment: customer and vehicle, time, duration, requested work, parts,
estimated price, booklet reminder, special care, urgent. A full slot asks for an
explicit override (the service refuses; the user confirms)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.services import appointments, customers, search
from advisor.services.views import AppointmentView
from ui import fmt, messages
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, parse_money, to_qdatetime


def next_slot(after: dt.datetime | None = None) -> dt.datetime:
    """The next whole hour within opening hours."""
    t = (after or dt.datetime.now()).replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    if t.hour < appointments.DAY_START:
        t = t.replace(hour=appointments.DAY_START)
    if t.hour >= appointments.DAY_END:
        t = (t + dt.timedelta(days=1)).replace(hour=appointments.DAY_START)
    return t


class BookingDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
        vehicle_id: int | None = None,
        starts_at: dt.datetime | None = None,
        requested_work: str = "",
        source_contact: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("booking_dialog")
        self.setWindowTitle(self.tr("Book an appointment"))
        self.customer_id = customer_id
        self.vehicle_id = vehicle_id
        self.source_contact = source_contact
        self.result_view: AppointmentView | None = None
        self._build_finder()
        self._build_fields(starts_at, requested_work)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Book"))
        self.ok_button.setObjectName("booking_ok")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 560)
        if vehicle_id is not None:
            self._set_vehicle(customer_id, vehicle_id)
            self.work.setFocus()
        else:
            self.picked.setText(self.tr("none chosen yet"))
            self.search.setFocus()
        self._show_capacity()

    def _build_finder(self) -> None:
        """Find the customer by plate, phone or name; the one picked is shown in bold."""
        self.search = QLineEdit(self)
        self.search.setObjectName("booking_search")
        self.search.setPlaceholderText(self.tr("Plate, phone or name…"))
        self.results = QListWidget(self)
        self.results.setObjectName("booking_results")
        self.results.setMaximumHeight(110)
        self.results.itemActivated.connect(self._picked)
        self.results.currentItemChanged.connect(lambda item, _old: self._picked(item))
        self.picked = QLabel(self)
        self.picked.setObjectName("booking_picked")
        self.picked.setStyleSheet("font-weight: bold;")
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self.debounce.start())

    def _build_fields(self, starts_at: dt.datetime | None, requested_work: str) -> None:
        """Time and duration (with the capacity they leave), the work, parts, price and care."""
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("booking_time")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setDateTime(to_qdatetime(starts_at or next_slot()))
        self.when.dateTimeChanged.connect(lambda _d: self._show_capacity())
        self.duration = QSpinBox(self)
        self.duration.setObjectName("booking_duration")
        self.duration.setRange(15, 8 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.valueChanged.connect(lambda _v: self._show_capacity())
        self.capacity = QLabel(self)
        self.capacity.setObjectName("booking_capacity")
        self.work = QLineEdit(requested_work, self)
        self.work.setObjectName("booking_work")
        self.parts = QLineEdit(self)
        self.parts.setObjectName("booking_parts")
        self.price = QLineEdit(self)
        self.price.setObjectName("booking_price")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.price.setPlaceholderText("0.00")
        self.booklet = QCheckBox(self.tr("Reminded the customer to bring the booklet"), self)
        self.booklet.setObjectName("booking_booklet")
        self.care = QLineEdit(self)
        self.care.setObjectName("booking_care")
        self.urgent = QCheckBox(self.tr("Urgent (answer within 2 hours)"), self)
        self.urgent.setObjectName("booking_urgent")

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("&Find customer"), self.search)
        form.addRow("", self.results)
        form.addRow(self.tr("Customer / vehicle"), self.picked)
        form.addRow(self.tr("&Time"), self.when)
        form.addRow(self.tr("&Duration"), self.duration)
        form.addRow(self.tr("Capacity"), self.capacity)
        form.addRow(self.tr("Requested &work"), self.work)
        form.addRow(self.tr("&Parts to prepare"), self.parts)
        form.addRow(self.tr("Estimated &price"), self.price)
        form.addRow("", self.booklet)
        form.addRow(self.tr("Special &care"), self.care)
        form.addRow("", self.urgent)
        return form

    # -- choosing the customer and vehicle -----------------------------------------
    def _search(self) -> None:
        self.results.clear()
        seen: set[int] = set()
        for hit in search.search(actor=self.ctx.actor, term=self.search.text(), limit=10):
            if hit.kind == "vehicle" and hit.vehicle_id is not None and hit.vehicle_id not in seen:
                seen.add(hit.vehicle_id)
                self._add_result(f"{hit.title} — {hit.subtitle}", hit.customer_id, hit.vehicle_id)
            elif hit.kind == "customer":
                for v in customers.read_vehicles_of(actor=self.ctx.actor, customer_id=hit.customer_id):
                    if v.id not in seen:
                        seen.add(v.id)
                        self._add_result(
                            f"{v.plate} — {hit.title} {hit.subtitle} · {v.make} {v.model}",
                            hit.customer_id,
                            v.id,
                        )
        if self.results.count():
            self.results.setCurrentRow(0)

    def _add_result(self, text: str, customer_id: int, vehicle_id: int) -> None:
        item = QListWidgetItem(text, self.results)
        item.setData(Qt.ItemDataRole.UserRole, (customer_id, vehicle_id))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            customer_id, vehicle_id = item.data(Qt.ItemDataRole.UserRole)
            self._set_vehicle(customer_id, vehicle_id)

    def _set_vehicle(self, customer_id: int | None, vehicle_id: int) -> None:
        v = customers.read_vehicle(actor=self.ctx.actor, vehicle_id=vehicle_id)
        c = customers.read_customer(actor=self.ctx.actor, customer_id=v.customer_id)
        self.customer_id, self.vehicle_id = c.id, v.id
        self.picked.setText(f"{c.name} · {v.plate} · {v.make} {v.model}".strip())

    def _show_capacity(self) -> None:
        start = from_qdatetime(self.when.dateTime())
        end = start + dt.timedelta(minutes=self.duration.value())
        parts = []
        for slot in appointments.read_capacity(actor=self.ctx.actor, day=start.date()):
            if slot.start < end and slot.end > start:
                state = (
                    self.tr("FULL") if slot.full else self.tr("free %1 min").replace("%1", str(slot.free_min))
                )
                parts.append(f"{fmt.time(slot.start)} {state}")
        if not parts:
            parts.append(self.tr("outside opening hours"))
        full = any(self.tr("FULL") in p for p in parts)
        self.capacity.setText(" · ".join(parts))
        self.capacity.setStyleSheet("color: #c62828; font-weight: bold;" if full else "color: #2e7d32;")

    # -- booking -------------------------------------------------------------------
    def submit(self) -> None:
        if self.vehicle_id is None or self.customer_id is None:
            messages.error(self, self.tr("Find and choose the customer's vehicle first."))
            self.search.setFocus()
            return
        price_text = self.price.text().strip()
        price = parse_money(price_text) if price_text else 0
        if price is None:
            messages.error(self, self.tr("“%1” is not an amount.").replace("%1", price_text))
            return
        result = self.ctx.ops.run(
            appointments.book_appointment,
            parent=self,
            confirm=(appointments.OverbookedError, {"override": True}),
            customer_id=self.customer_id,
            vehicle_id=self.vehicle_id,
            starts_at=from_qdatetime(self.when.dateTime()),
            duration_min=self.duration.value(),
            requested_work=self.work.text(),
            parts_needed=self.parts.text(),
            estimated_cents=price,
            booklet_reminded=self.booklet.isChecked(),
            special_care=self.care.text(),
            urgent=self.urgent.isChecked(),
            source_contact=self.source_contact,
        )
        if result.ok:
            self.result_view = result.value
            self.accept()
