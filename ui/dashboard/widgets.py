"""A KPI tile (title, figure, change, detail; click or Enter drills down) and the model
of the drill-down table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from advisor.services.views import ROSummary
from ui import fmt
from ui.dashboard.data import BAD, ID_ROLE, Index
from ui.rows_model import RowsModel


class KpiTile(QFrame):
    """One figure: title, value, change against the previous period, a detail line."""

    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.value: int | Decimal | None = None
        self.drillable = True
        self.setObjectName(f"tile_{key}")
        self.setProperty("kpiTile", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setStyleSheet("color:#424242;")
        self.figure = QLabel(self)
        self.figure.setObjectName(f"tile_{key}_value")
        self.figure.setStyleSheet("font-size:17pt; font-weight:bold;")
        self.change = QLabel(self)
        self.change.setObjectName(f"tile_{key}_change")
        self.detail = QLabel(self)
        self.detail.setStyleSheet("color:#616161;")
        for label in (self.title, self.figure, self.change, self.detail):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(1)
        box.addWidget(self.title)
        box.addWidget(self.figure)
        box.addWidget(self.change)
        box.addWidget(self.detail)

    def set_drillable(self, drillable: bool) -> None:
        self.drillable = drillable
        self.setCursor(Qt.CursorShape.PointingHandCursor if drillable else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.drillable:
            self.clicked.emit(self.key)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.drillable:
            self.clicked.emit(self.key)
            return
        super().keyPressEvent(event)


class DrillModel(RowsModel[ROSummary]):
    """The ROs behind a figure."""

    COLUMNS = 8

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            late = "⚠ " + self.tr("Late") if r.late else ""
            return [
                r.number,
                r.plate,
                r.customer_name,
                r.advisor,
                fmt.datetime(r.arrived_at),
                fmt.datetime(r.promised_at),
                fmt.money(r.total_cents) if r.total_cents else "—",
                late,
            ][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 7 and r.late:
            return QBrush(QColor(BAD))
        if role == ID_ROLE:
            return r.id
        return None


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())
