"""Dialogs of the parts workspace: order a part, receive stock, add a part to the catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import APPOINTMENT_EXPECTED
from advisor.errors import UserError
from advisor.services import appointments, orders, parts
from advisor.services.parts import PartView
from ui import fmt, messages
from ui.context import AppContext


def part_name(p: PartView, lang: str) -> str:
    return p.name_zh if lang.startswith("zh") else p.name_en


class _Form(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def submit(self) -> Any:
        raise NotImplementedError


class OrderPartDialog(_Form):
    """Order a part for a repair order, an appointment or stock, with the expected date."""

    def __init__(
        self, ctx: AppContext, part: PartView, *, ro_number: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.part = part
        self.result_view: Any = None
        self.what = QLabel(f"<b>{part.number}</b> — {part_name(part, ctx.lang)}")
        self.qty = QSpinBox()
        self.qty.setRange(1, 999)
        self.target = QComboBox()
        self.target.addItem("", "stock")
        self.target.addItem("", "ro")
        self.target.addItem("", "appointment")
        self.ro_number = QLineEdit(ro_number)
        self.appointment = QComboBox()
        today = dt.date.today()
        for offset in range(14):
            for a in appointments.read_appointments_on(
                actor=self.ctx.actor, day=today + dt.timedelta(days=offset)
            ):
                if a.status in APPOINTMENT_EXPECTED:
                    self.appointment.addItem(
                        f"{fmt.datetime(a.starts_at)} · {a.plate} · {a.customer_name}", a.id
                    )
        self.stack = QStackedWidget()
        self.stack.addWidget(QLabel())
        self.stack.addWidget(self.ro_number)
        self.stack.addWidget(self.appointment)
        self.target.currentIndexChanged.connect(self.stack.setCurrentIndex)
        if ro_number:
            self.target.setCurrentIndex(1)
        self.expected = QDateEdit(QDate.currentDate().addDays(parts.DEFAULT_LEAD_DAYS))
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat("yyyy-MM-dd")  # not the locale's short "12/8/26"
        self.rows = [QLabel() for _ in range(4)]
        self.form.addRow(self.what)
        self.form.addRow(self.rows[0], self.qty)
        self.form.addRow(self.rows[1], self.target)
        self.form.addRow("", self.stack)
        self.form.addRow(self.rows[2], self.expected)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Order a part"))
        for label, text in zip(
            self.rows, (self.tr("Quantity"), self.tr("For"), self.tr("Expected on"), ""), strict=True
        ):
            label.setText(text)
        self.target.setItemText(0, self.tr("Stock"))
        self.target.setItemText(1, self.tr("A repair order (number)"))
        self.target.setItemText(2, self.tr("An appointment"))
        self.ro_number.setPlaceholderText(self.tr("RO number, e.g. RO20261122-0001"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Order"))

    def submit(self) -> Any:
        target = self.target.currentData()
        kw: dict[str, Any] = {}
        if target == "ro":
            ro_id = orders.find_ro(actor=self.ctx.actor, number=self.ro_number.text())
            if ro_id is None:
                messages.error(self, self.tr("There is no repair order with this number."))
                return None
            kw["ro_id"] = ro_id
        elif target == "appointment":
            if self.appointment.currentData() is None:
                messages.error(self, self.tr("Choose the appointment."))
                return None
            kw["appointment_id"] = self.appointment.currentData()
        d = self.expected.date()
        result = self.ctx.ops.run(
            parts.order_part,
            parent=self,
            part_id=self.part.id,
            quantity=self.qty.value(),
            expected_on=dt.date(d.year(), d.month(), d.day()),
            **kw,
        )
        if result.ok:
            self.result_view = result.value
            self.accept()
        return result


class ReceiveStockDialog(_Form):
    """Stock received outside a part order (a regular delivery)."""

    def __init__(self, ctx: AppContext, part: PartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.part = part
        self.qty = QSpinBox()
        self.qty.setRange(1, 9999)
        self.qty_label = QLabel()
        self.form.addRow(QLabel(f"<b>{part.number}</b> — {part_name(part, ctx.lang)}"))
        self.form.addRow(self.qty_label, self.qty)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Receive stock"))
        self.qty_label.setText(self.tr("Quantity received"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Book in"))

    def submit(self) -> Any:
        result = self.ctx.ops.run(
            parts.receive_stock, parent=self, part_id=self.part.id, quantity=self.qty.value()
        )
        if result.ok:
            self.accept()
        return result


class AddPartDialog(_Form):
    """A new part in the catalogue (parts clerk or manager)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = QLineEdit()
        self.name_en = QLineEdit()
        self.name_zh = QLineEdit()
        self.price = QLineEdit()
        self.origin = QComboBox()
        for code in ("oem", "equivalent", "refurbished"):
            self.origin.addItem("", code)
        self.bin = QLineEdit()
        self.rows = [QLabel() for _ in range(6)]
        for label, field in zip(
            self.rows,
            (self.number, self.name_en, self.name_zh, self.price, self.origin, self.bin),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.retranslate()

    def retranslate(self) -> None:
        from ui import workshop_labels as labels

        self.setWindowTitle(self.tr("Add a part"))
        for label, text in zip(
            self.rows,
            (
                self.tr("Part number"),
                self.tr("Name (English)"),
                self.tr("Name (Chinese)"),
                self.tr("Price (¥)"),
                self.tr("Origin"),
                self.tr("Bin"),
            ),
            strict=True,
        ):
            label.setText(text)
        for i in range(self.origin.count()):
            self.origin.setItemText(i, labels.origin(self.origin.itemData(i)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))

    def submit(self) -> Any:
        from advisor import money

        try:
            cents = money.to_cents(self.price.text() or "0")
        except UserError as err:
            messages.error(self, err.message())
            return None
        result = self.ctx.ops.run(
            parts.add_part,
            parent=self,
            number=self.number.text(),
            name_en=self.name_en.text(),
            name_zh=self.name_zh.text(),
            price_cents=cents,
            origin=self.origin.currentData(),
            bin=self.bin.text(),
        )
        if result.ok:
            self.accept()
        return result
