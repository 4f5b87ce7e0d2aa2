"""The header of a repair order: customer, vehicle (plate large), mileage, advisor,
promised time with a live countdown, and the total so far."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from advisor.codes import EventAction, StandardStatus
from advisor.services import timeline
from advisor.services.views import ROView
from ui import fmt


def _small_button(name: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.hide()
    return button


def _beside(label: QLabel, button: QToolButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(button)
    row.addStretch(1)
    return row


class ROHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ro_header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.view: ROView | None = None
        self.plate = QLabel(self)
        self.plate.setObjectName("ro_plate")
        self.plate.setTextFormat(Qt.TextFormat.PlainText)
        self.plate.setStyleSheet(
            "font-size: 26px; font-weight: bold; border: 2px solid #1f3b73;"
            "border-radius: 4px; padding: 2px 10px; background: #eef3fb;"
        )
        self.number = QLabel(self)
        self.number.setObjectName("ro_number")
        self.number.setStyleSheet("font-weight: bold;")
        self.vehicle = QLabel(self)
        self.vehicle.setObjectName("ro_vehicle")
        self.customer = QLabel(self)
        self.customer.setObjectName("ro_customer")
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        self.mileage = QLabel(self)
        self.mileage.setObjectName("ro_mileage")
        self.advisor = QLabel(self)
        self.advisor.setObjectName("ro_advisor")
        self.promised = QLabel(self)
        self.promised.setObjectName("ro_promised")
        self.total = QLabel(self)
        self.total.setObjectName("ro_total")
        self.total.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Corrections beside what they correct; the workspace shows them to who may.
        self.edit_vehicle_button = _small_button("ro_edit_vehicle", self)
        self.reassign_button = _small_button("ro_reassign", self)
        # The customer was told how the work stands (clears "Needs me": lounge, decision…).
        self.inform_button = _small_button("ro_inform", self)
        # The customer sat down to wait, or went home: the lounge screen and "Needs me" follow.
        self.waits_button = _small_button("ro_customer_waits", self)
        self.waits_button.setCheckable(True)
        self.waits_button.setStyleSheet(
            "QToolButton:checked { background: #dcedc8; border: 1px solid #558b2f; border-radius: 3px; }"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.addWidget(self.plate, 0, 0, 2, 1)
        grid.addWidget(self.number, 0, 1)
        grid.addLayout(_beside(self.vehicle, self.edit_vehicle_button), 1, 1)
        grid.addWidget(self.customer, 0, 2)
        grid.addLayout(_beside(self.mileage, self.waits_button), 1, 2)
        grid.addLayout(_beside(self.advisor, self.reassign_button), 0, 3)
        grid.addLayout(_beside(self.promised, self.inform_button), 1, 3)
        grid.addWidget(self.total, 0, 4, 2, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(4, 1)
        self._lounge_due: dt.datetime | None = None  # the next progress update, while the customer waits
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def set_view(self, view: ROView) -> None:
        self.view = view
        self.retranslate()
        if view.promised_at is not None and view.handed_over_at is None:
            self.timer.start()
        else:
            self.timer.stop()

    def retranslate(self) -> None:
        v = self.view
        if v is None:
            return
        self.edit_vehicle_button.setText(self.tr("&Edit vehicle…"))
        self.edit_vehicle_button.setToolTip(
            self.tr("Correct this vehicle's plate, VIN, make, model, year or mileage")
        )
        self.reassign_button.setText(self.tr("Hand &over to another advisor…"))
        self.reassign_button.setToolTip(self.tr("Give this repair order to another advisor, with the reason"))
        self.inform_button.setText(self.tr("Customer &updated"))
        last = max((e.at for e in v.events if e.action == EventAction.CUSTOMER_INFORMED), default=None)
        tip = self.tr("Record that you told the customer how the work stands (in the lounge or by phone)")
        if last is not None:
            tip += "\n" + self.tr("Last update: %1").replace("%1", fmt.datetime(last))
        # The lounge standard: while the customer waits here, when the next update is due.
        lounge = next((c for c in timeline.time_standards(v) if c.key == "lounge"), None)
        self._lounge_due = None
        if lounge is not None and lounge.end is None and lounge.deadline is not None:
            self._lounge_due = lounge.deadline
            tip += "\n" + (
                self.tr("Next update due: %1 (every %2 min while the customer waits)")
                .replace("%1", fmt.datetime(lounge.deadline))
                .replace("%2", str(v.lounge_every_min))
            )
        if lounge is not None and lounge.status == StandardStatus.MISSED:
            tip += "\n" + self.tr("Updates missed while the customer waited: %1").replace(
                "%1", str(lounge.misses)
            )
        self.inform_button.setToolTip(tip)
        self._paint_lounge()
        # A toggle: pressed while the customer stays to wait (the lounge screen shows the car).
        self.waits_button.setText(self.tr("Sta&ying here"))
        self.waits_button.setChecked(v.customer_waits)
        if v.customer_waits:
            tip = self.tr(
                "The customer is waiting here (shown on the lounge screen).\nClick when the customer has left."
            )
        else:
            tip = self.tr("The customer is not waiting here.\nClick when the customer is waiting here.")
        self.waits_button.setToolTip(tip)
        self.plate.setText(v.vehicle.plate)
        self.number.setText(self.tr("Repair order %1").replace("%1", v.number))
        year = f" ({v.vehicle.year})" if v.vehicle.year else ""
        self.vehicle.setText(f"{v.vehicle.make} {v.vehicle.model}{year}".strip())
        phone = f" · {v.customer.phone}" if v.customer.phone else ""
        self.customer.setText(f"{v.customer.name}{phone}")
        km = v.mileage_in if v.mileage_in is not None else v.vehicle.mileage_km
        # The number alone ("21,000 km" under the customer, by the vehicle): the row keeps
        # room for the waiting toggle at 1366 wide.
        self.mileage.setText(fmt.km(km))
        self.mileage.setToolTip(self.tr("Mileage"))
        self.advisor.setText(self.tr("Advisor: %1").replace("%1", v.advisor))
        # The estimate's total (proposed lines as if approved), as on the estimate page and sheet.
        total = self.tr("Total incl. tax\n%1").replace("%1", fmt.money(v.quote.total_cents))
        if v.quote.total_cents != v.totals.total_cents:
            awaiting = fmt.money(v.quote.total_cents - v.totals.total_cents)
            total += "\n" + self.tr("awaiting decision %1").replace("%1", awaiting)
        self.total.setText(total)
        self._tick()

    def _paint_lounge(self) -> None:
        """ "Customer updated" red once the next progress update is overdue (every tick)."""
        overdue = self._lounge_due is not None and self._lounge_due <= dt.datetime.now()
        style = "background:#ffcdd2; color:#b71c1c; font-weight:bold;" if overdue else ""
        if self.inform_button.styleSheet() != style:
            self.inform_button.setStyleSheet(style)

    def _tick(self) -> None:
        v = self.view
        if v is None:
            return
        self._paint_lounge()
        if v.promised_at is None:
            self.promised.setText(self.tr("Promised: not set"))
            self.promised.setStyleSheet("")
            return
        when = fmt.datetime(v.promised_at)
        if v.handed_over_at is not None:
            self.promised.setText(self.tr("Promised: %1").replace("%1", when))
            self.promised.setStyleSheet("")
            return
        left = (v.promised_at - dt.datetime.now()).total_seconds()
        if left >= 0:
            text = self.tr("Promised: %1 (%2 left)")
            style = "color: #8d6e00; font-weight: bold;" if left < 1800 else ""
        else:
            text = self.tr("Promised: %1 (LATE by %2)")
            style = "color: #c62828; font-weight: bold;"
        self.promised.setText(text.replace("%1", when).replace("%2", fmt.duration(abs(left))))
        self.promised.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
