"""Parts (step 6): the catalogue with stock, and the daily arrivals check of part orders."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor.services import parts
from advisor.services.opchanges import Kind
from advisor.services.parts import PartOrderView, PartView
from ui import fmt
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.parts_dialogs import AddPartDialog, OrderPartDialog, ReceiveStockDialog, part_name
from ui.tables import read_only_table
from ui.workspace import Workspace

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(columns: int) -> QTableWidget:
    return read_only_table(columns, alternating=True)


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    return item


class PartsWorkspace(Workspace):
    key = "parts"
    permission = "parts.reserve"
    icon_name = "SP_DriveHDIcon"
    shows = Kind.PARTS | Kind.ESTIMATE  # the catalogue and the part orders of estimate lines

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.parts_: list[PartView] = []
        self.orders_: list[PartOrderView] = []
        self.tabs = QTabWidget()
        # Catalogue
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._load_catalogue())
        self.catalogue = _table(9)
        self.catalogue.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.order_btn = QPushButton()
        self.receive_btn = QPushButton()
        self.add_btn = QPushButton()
        self.order_btn.clicked.connect(self.order_selected)
        self.receive_btn.clicked.connect(self.receive_selected)
        self.add_btn.clicked.connect(self.add_part)
        manage = ctx.may("parts.manage")
        for b in (self.order_btn, self.receive_btn, self.add_btn):
            b.setEnabled(manage)
        cat = QWidget()
        cv = QVBoxLayout(cat)
        cv.addWidget(self.search)
        cv.addWidget(self.catalogue, 1)
        row = QHBoxLayout()
        for b in (self.order_btn, self.receive_btn, self.add_btn):
            row.addWidget(b)
        row.addStretch(1)
        cv.addLayout(row)
        # Arrivals check
        self.due_only = QCheckBox()
        self.due_only.toggled.connect(lambda _on: self._load_orders())
        self.summary = QLabel()
        self.orders = _table(7)
        self.orders.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.orders.itemDoubleClicked.connect(lambda _i: self.book_selected())
        self.book_btn = QPushButton()
        self.book_btn.setEnabled(manage)
        self.book_btn.clicked.connect(self.book_selected)
        arr = QWidget()
        av = QVBoxLayout(arr)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.due_only)
        av.addLayout(top)
        av.addWidget(self.orders, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.book_btn)
        row2.addStretch(1)
        av.addLayout(row2)
        self.tabs.addTab(arr, "")
        self.tabs.addTab(cat, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Parts")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Arrivals check and part orders"))
        self.tabs.setTabText(1, self.tr("Catalogue and stock"))
        self.search.setPlaceholderText(self.tr("Search part number or name"))
        self.catalogue.setHorizontalHeaderLabels(
            [
                self.tr("Part number"),
                self.tr("Name"),
                self.tr("Origin"),
                self.tr("Price"),
                self.tr("On hand"),
                self.tr("Reserved"),
                self.tr("Available"),
                self.tr("Bin"),
                self.tr("Status"),
            ]
        )
        self.orders.setHorizontalHeaderLabels(
            [
                self.tr("Part number"),
                self.tr("Name"),
                self.tr("Qty"),
                self.tr("For"),
                self.tr("Expected on"),
                self.tr("Ordered"),
                self.tr("Due"),
            ]
        )
        self.order_btn.setText(self.tr("Order…"))
        self.receive_btn.setText(self.tr("Receive stock…"))
        self.add_btn.setText(self.tr("Add part…"))
        self.book_btn.setText(self.tr("Book arrival"))
        self.due_only.setText(self.tr("Only due today or earlier"))
        tip = "" if self.ctx.may("parts.manage") else self.tr("Only a parts clerk or a manager can do this.")
        for b in (self.order_btn, self.receive_btn, self.add_btn, self.book_btn):
            b.setToolTip(tip)
        self._refresh_if_visible()

    def refresh(self) -> None:
        self._load_catalogue()
        self._load_orders()

    def _load_catalogue(self) -> None:
        self.parts_ = parts.read_catalogue(actor=self.ctx.actor, term=self.search.text().strip())
        t = self.catalogue
        t.setRowCount(len(self.parts_))
        for r, p in enumerate(self.parts_):
            status = (
                self.tr("Out of stock") if p.available <= 0 else (self.tr("Low") if p.available <= 2 else "")
            )
            values = [
                _item(p.number),
                _item(part_name(p, self.ctx.lang)),
                _item(labels.origin(p.origin)),
                _item(fmt.money(p.price_cents), right=True),
                _item(str(p.on_hand), right=True),
                _item(str(p.reserved), right=True),
                _item(str(p.available), right=True),
                _item(p.bin),
                _item(status),
            ]
            for c, item in enumerate(values):
                t.setItem(r, c, item)
            if p.available <= 0:
                values[6].setForeground(QBrush(QColor("#c5221f")))
                values[8].setForeground(QBrush(QColor("#c5221f")))
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _load_orders(self) -> None:
        today = dt.date.today()
        self.orders_ = parts.read_open_orders(
            actor=self.ctx.actor, due_by=today if self.due_only.isChecked() else None
        )
        due = sum(1 for o in self.orders_ if o.expected_on <= today)
        self.summary.setText(
            self.tr("%1 open orders, %2 due today or earlier: book in what has arrived.")
            .replace("%1", str(len(self.orders_)))
            .replace("%2", str(due))
        )
        names = (
            {p.id: p for p in parts.read_catalogue(actor=self.ctx.actor, limit=100_000)}
            if self.orders_
            else {}
        )
        t = self.orders
        t.setRowCount(len(self.orders_))
        bold = QFont(t.font())
        bold.setBold(True)
        for r, o in enumerate(self.orders_):
            part = names.get(o.part_id)
            target = o.ro_number or (
                self.tr("Appointment #%1").replace("%1", str(o.appointment_id))
                if o.appointment_id
                else self.tr("Stock")
            )
            if o.expected_on < today:
                when = self.tr("Overdue")
            elif o.expected_on == today:
                when = self.tr("Today")
            else:
                when = ""
            values = [
                _item(o.part_number),
                _item(part_name(part, self.ctx.lang) if part else o.part_name),
                _item(str(o.quantity), right=True),
                _item(target),
                _item(fmt.date(o.expected_on)),
                _item(fmt.datetime(o.ordered_at)),
                _item(when),
            ]
            for c, item in enumerate(values):
                if o.expected_on <= today:
                    item.setFont(bold)
                t.setItem(r, c, item)
            if o.expected_on < today:
                values[6].setForeground(QBrush(QColor("#c5221f")))
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    # -- actions ---------------------------------------------------------------------
    def selected_part(self) -> PartView | None:
        row = self.catalogue.currentRow()
        return self.parts_[row] if 0 <= row < len(self.parts_) else None

    def select_part(self, number: str) -> bool:
        for r, p in enumerate(self.parts_):
            if p.number == number:
                self.tabs.setCurrentIndex(1)
                self.catalogue.selectRow(r)
                return True
        return False

    def selected_order(self) -> PartOrderView | None:
        row = self.orders.currentRow()
        return self.orders_[row] if 0 <= row < len(self.orders_) else None

    def select_order(self, order_id: int) -> bool:
        for r, o in enumerate(self.orders_):
            if o.id == order_id:
                self.tabs.setCurrentIndex(0)
                self.orders.selectRow(r)
                return True
        return False

    def order_selected(self, *, ro_number: str = "") -> OrderPartDialog | None:
        part = self.selected_part()
        if part is None:
            return None
        dialog = OrderPartDialog(self.ctx, part, ro_number=ro_number, parent=self)
        dialog.open()
        return dialog

    def receive_selected(self) -> ReceiveStockDialog | None:
        part = self.selected_part()
        if part is None:
            return None
        dialog = ReceiveStockDialog(self.ctx, part, parent=self)
        dialog.open()
        return dialog

    def add_part(self) -> AddPartDialog:
        dialog = AddPartDialog(self.ctx, parent=self)
        dialog.open()
        return dialog

    def book_selected(self) -> object:
        """Book the selected order in: the RO's advisor gets a task to notify the customer."""
        order = self.selected_order()
        if order is None:
            return None
        return self.ctx.ops.run(parts.book_arrival, parent=self, order_id=order.id)


WORKSPACE = PartsWorkspace
