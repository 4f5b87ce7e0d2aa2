"""Payments: the cashier's home — the queue of settled bills still to be paid (nothing or
part paid), the oldest settlement first, and the pay panel of the one picked. Another
till's payment or an advisor's new settlement shows up live; the pick is kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor.services import orders, settlement
from advisor.services.opchanges import Kind
from advisor.services.views import PaymentQueueRow
from ui import fmt
from ui.context import AppContext
from ui.pay_panel import PayPanel
from ui.rows_model import RowsModel
from ui.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
_Index = QModelIndex | QPersistentModelIndex
WAITING_COLUMN = 3


class PaymentQueueModel(RowsModel[PaymentQueueRow]):
    """One row per bill waiting: RO, plate, customer, settled (and how long ago), total,
    paid so far, balance."""

    COLUMNS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now = dt.datetime.now()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not r.items_explained:
                return QBrush(QColor("#7a4b00"))
            if col == 6:
                return QBrush(QColor("#8e1c14"))
        if role == Qt.ItemDataRole.FontRole and col == 6:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if not r.items_explained:
                return self.tr("Waiting for the advisor to explain the items to the customer")
            return r.customer_name if col == 2 else None
        if role == ID_ROLE:
            return r.ro_id
        return None

    def _text(self, r: PaymentQueueRow, col: int) -> str:
        if col == 0:
            return ("⏳ " if not r.items_explained else "") + r.ro_number
        if col == 1:
            return r.plate
        if col == 2:
            return r.customer_name
        if col == WAITING_COLUMN:
            when = (
                fmt.time(r.settled_at)
                if r.settled_at.date() == self.now.date()
                else fmt.datetime(r.settled_at)
            )
            waited = max((self.now - r.settled_at).total_seconds(), 0)
            return self.tr("%1 · %2 ago").replace("%1", when).replace("%2", fmt.duration(waited))
        cents = (r.total_cents, r.paid_cents, r.balance_cents)[col - 4]
        return fmt.money(cents)

    def tick(self) -> None:
        """Move "how long ago" on (every 30 s)."""
        self.now = dt.datetime.now()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, WAITING_COLUMN), self.index(len(self.rows) - 1, WAITING_COLUMN)
            )


class PaymentsWorkspace(Workspace):
    key = "payments"
    permission = "pay"
    icon_name = "SP_DialogApplyButton"
    shows = Kind.PAYMENTS | Kind.RO | Kind.CUSTOMERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PaymentQueueModel(self)
        self._ro_id: int | None = None  # the bill shown in the pay panel
        self._restoring = False
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("payq_summary")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("payq_open_ro")
        self.open_button.clicked.connect(self._open_ro)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("payq_refresh")
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)
        self.table = self._build_table()
        self.empty = QLabel(self)
        self.empty.setObjectName("payq_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#5f6368; font-size: 11pt; padding: 24px;")
        self.panel = PayPanel(ctx, self)
        self.panel.setObjectName("pay_panel")
        panel_scroll = QScrollArea(self)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self.model.tick)
        self._clock.start()
        self.retranslate()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("payq_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._picked)
        table.doubleClicked.connect(self._open_ro)
        return table

    def title(self) -> str:
        return self.tr("Payments")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Payments"))
        self.open_button.setText(self.tr("&Open RO"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Re-read the queue (F5)"))
        self.empty.setText(
            self.tr(
                "No bill is waiting for payment. A repair order appears here as soon as "
                "its advisor settles it."
            )
        )
        self.model.set_headers(
            [
                self.tr("RO"),
                self.tr("Plate"),
                self.tr("Customer"),
                self.tr("Settled · waiting"),
                self.tr("Total"),
                self.tr("Paid"),
                self.tr("Balance"),
            ]
        )
        self._summarise()

    def refresh(self) -> None:
        rows = settlement.read_payment_queue(actor=self.ctx.actor)
        self.model.now = dt.datetime.now()
        self._restoring = True
        try:
            self.model.set_rows(rows)
            at = next((i for i, r in enumerate(rows) if r.ro_id == self._ro_id), None)
            if at is not None:
                self.table.selectRow(at)
        finally:
            self._restoring = False
        if self._ro_id is None and rows:  # the day starts on the oldest bill
            self.table.selectRow(0)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._summarise()
        if self._ro_id is not None:  # the bill stays on show, paid or not (its receipt)
            self.panel.set_view(orders.read_ro(actor=self.ctx.actor, ro_id=self._ro_id), keep_input=True)
        self.open_button.setEnabled(self._ro_id is not None)

    def _summarise(self) -> None:
        rows = self.model.rows
        due = sum(r.balance_cents for r in rows)
        text = (
            self.tr("%1 bills waiting · %2 due").replace("%1", str(len(rows))).replace("%2", fmt.money(due))
        )
        self.summary.setText(text)

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid() or current.row() >= len(self.model.rows):
            return
        ro_id = self.model.rows[current.row()].ro_id
        if ro_id == self._ro_id:
            return
        self._ro_id = ro_id
        self.panel.set_view(orders.read_ro(actor=self.ctx.actor, ro_id=ro_id))
        self.open_button.setEnabled(True)

    def _open_ro(self) -> None:
        if self._ro_id is not None:
            self.open_ro.emit(self._ro_id)

    def select_ro(self, ro_id: int) -> bool:
        """Pick the bill of RO ``ro_id`` in the queue; False when it is not listed."""
        for i, r in enumerate(self.model.rows):
            if r.ro_id == ro_id:
                self.table.selectRow(i)
                return True
        return False


WORKSPACE = PaymentsWorkspace
