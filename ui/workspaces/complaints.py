"""Complaints (issue 17, items 13 and 14): the open complaints — overdue escalations first,
then by level — with the selected one's words, escalation, compensation and closing; and
the improvement actions the manager records from the decline and complaint statistics."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import ComplaintCause, ComplaintLevel, ComplaintStatus, words
from advisor.services import complaints
from advisor.services.complaints import ComplaintView
from advisor.services.opchanges import Kind
from ui import fmt
from ui.complaint_dialog import ComplaintDialog
from ui.complaint_panel import LEVEL_COLOURS, LEVEL_MARKS, ComplaintPanel
from ui.context import AppContext
from ui.improvement_panel import ImprovementPanel
from ui.ro.pages._closing import full_datetime
from ui.rows_model import RowsModel
from ui.workspace import Workspace

_Index = QModelIndex | QPersistentModelIndex


class ComplaintsModel(RowsModel[ComplaintView]):
    """One row per complaint."""

    COLUMNS = 6

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        c = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c.status == ComplaintStatus.CLOSED:
                state = "✓ " + words(ComplaintStatus, c.status)
            elif c.escalation_overdue:
                state = "⚠ " + self.tr("Escalation overdue")
            elif c.escalated_at is not None:
                state = self.tr("With %1").replace("%1", c.escalated_to)
            else:
                state = self.tr("Manager by %1").replace("%1", fmt.time(c.escalate_by))
            values = [
                LEVEL_MARKS.get(c.level, "") + words(ComplaintLevel, c.level),
                state,
                c.customer_name,
                c.ro_number,
                words(ComplaintCause, c.cause),
                full_datetime(c.raised_at),
            ]
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 0:
                return QBrush(QColor(LEVEL_COLOURS.get(c.level, "#000000")))
            if col == 1 and c.escalation_overdue:
                return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.FontRole and col == 1 and c.escalation_overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ComplaintsWorkspace(Workspace):
    key = "complaints"
    permission = "complaint.record"
    icon_name = "SP_MessageBoxWarning"
    shows = Kind.COMPLAINTS | Kind.CUSTOMERS | Kind.SOLICITATION | Kind.USERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ComplaintsModel(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("cw_summary")
        self.show_closed = QCheckBox(self)
        self.show_closed.setObjectName("cw_show_closed")
        self.show_closed.toggled.connect(self.refresh)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("cw_new")
        self.new_button.clicked.connect(self.new_complaint)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("cw_refresh")
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)

        self.table = QTableView(self)
        self.table.setObjectName("cw_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        self.panel = ComplaintPanel(ctx, self)
        self.panel.setObjectName("cw_panel")
        self.panel.changed.connect(lambda _c: self.refresh())
        panel_scroll = QScrollArea(self)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_closed)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 560])
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(top)
        page_layout.addWidget(splitter, 1)

        self.improvement = ImprovementPanel(ctx, self)
        self.improvement.setObjectName("cw_improvement")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cw_tabs")
        self.tabs.addTab(page, "")
        self.tabs.addTab(self.improvement, "")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Complaints")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Complaints"))
        self.show_closed.setText(self.tr("Show closed"))
        self.new_button.setText(self.tr("&New complaint…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Re-read the list (F5)"))
        self.tabs.setTabText(0, self.tr("Complaints"))
        self.tabs.setTabText(1, self.tr("Improvement actions"))
        self.model.set_headers(
            [
                self.tr("Level"),
                self.tr("Manager"),
                self.tr("Customer"),
                self.tr("RO"),
                self.tr("Cause"),
                self.tr("Raised"),
            ]
        )
        self._update_summary()

    def refresh(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.improvement.refresh()
            return
        selected = self.panel.complaint.id if self.panel.complaint is not None else None
        rows = complaints.read_complaints(actor=self.ctx.actor, open_only=not self.show_closed.isChecked())
        managers = complaints.read_managers(actor=self.ctx.actor)
        self.panel.set_managers([(m.user_id, m.name) for m in managers])
        self.model.set_rows(rows)
        self._update_summary()
        row = next((i for i, c in enumerate(rows) if c.id == selected), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.panel.set_complaint(rows[row])
        else:
            self.panel.set_complaint(None)

    def _update_summary(self) -> None:
        rows = [c for c in self.model.rows if c.status == ComplaintStatus.OPEN]
        overdue = sum(1 for c in rows if c.escalation_overdue)
        text = self.tr("%1 open · %2 escalations overdue").replace("%1", str(len(rows)))
        self.summary.setText(text.replace("%2", str(overdue)))
        self.summary.setStyleSheet("color:#c62828; font-weight:bold;" if overdue else "")

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.model.rows):
            self.panel.set_complaint(self.model.rows[current.row()])

    def select_complaint(self, complaint_id: int) -> bool:
        """Select complaint ``complaint_id`` in the list; False when it is not listed."""
        for i, c in enumerate(self.model.rows):
            if c.id == complaint_id:
                self.table.selectRow(i)
                self.panel.set_complaint(c)
                return True
        return False

    def show_complaint(self, complaint_id: int) -> bool:
        """The complaints list read again now, with complaint ``complaint_id`` selected
        (closed ones listed too when it is closed); False when there is no such complaint."""
        self.tabs.setCurrentIndex(0)
        self.refresh()
        if self.select_complaint(complaint_id):
            return True
        if not self.show_closed.isChecked():
            self.show_closed.setChecked(True)  # refreshes
            return self.select_complaint(complaint_id)
        return False

    def new_complaint(self) -> None:
        dialog = ComplaintDialog(self.ctx, self)
        if dialog.exec() and dialog.recorded is not None:
            self.show_closed.setChecked(False)
            self.refresh()
            self.select_complaint(dialog.recorded.id)


WORKSPACE = ComplaintsWorkspace
