"""Item models of Today's three lanes: Arriving, Waiting, In progress.

Each holds plain rows read from ``advisor.services.orders``; the view's timer calls
``tick(now)`` every second and only the time cells are announced as changed. Colours
always come with text or a symbol (amber ▲, red ●), never alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from advisor import workflow
from advisor.codes import AppointmentStatus, words
from advisor.i18n import pick
from advisor.services.views import ROSummary
from ui import fmt

AMBER_S = 2 * 60
RED_S = workflow.GREETING_S
AMBER = QColor("#b26a00")
RED = QColor("#c62828")
GREEN = QColor("#1b7f1b")
ID_ROLE = Qt.ItemDataRole.UserRole
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1  # "ok" | "amber" | "red" of a timer cell

Index = QModelIndex | QPersistentModelIndex


def badge_text(badge: str) -> str:
    return {
        "consent": QCoreApplication.translate("TodayLanes", "Consent awaited"),
        "parts_arrived": QCoreApplication.translate("TodayLanes", "Parts arrived: notify"),
        "qc_failed": QCoreApplication.translate("TodayLanes", "QC failed"),
        "ready": QCoreApplication.translate("TodayLanes", "Ready for handover"),
        "follow_up": QCoreApplication.translate("TodayLanes", "Follow-up due"),
        "greeting_late": QCoreApplication.translate("TodayLanes", "Greeting late"),
    }.get(badge, badge)


def step_text(step: int) -> str:
    try:
        return pick(*workflow.STEP_LABELS[workflow.Step(step)])
    except ValueError:
        return str(step)


def waiting_level(seconds: float) -> str:
    if seconds >= RED_S:
        return "red"
    if seconds >= AMBER_S:
        return "amber"
    return "ok"


@functools.cache
def _bold() -> QFont:
    """Bold over the view's own font (a QFont only says what it sets; made on first use,
    after the application exists)."""
    font = QFont()
    font.setBold(True)
    return font


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        ID_ROLE,
        LEVEL_ROLE,
    }
)


class _Lane(QAbstractTableModel):
    """A lane's rows. The view asks ``data`` for every role of every cell at each paint,
    so unhandled roles are answered first and a row's texts are built once per tick."""

    time_columns: tuple[int, ...] = ()
    columns = 0  # how many headers() gives (Qt asks for the count thousands of times)

    def __init__(self) -> None:
        super().__init__()
        self.now = dt.datetime.now()
        self.items: list[Any] = []
        self._texts: dict[int, tuple[str, ...]] = {}

    def texts(self, item: Any) -> tuple[str, ...]:
        """The display text of each column of ``item``."""
        raise NotImplementedError

    def other(self, item: Any, column: int, role: int) -> Any:
        """Every role but the display text."""
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self.items):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = self.texts(self.items[row])
            return texts[index.column()]
        return self.other(self.items[row], index.column(), role)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rows(self) -> list[Any]:
        return self.items

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row (one model reset)."""
        self.beginResetModel()
        self.items = list(rows)
        self._texts.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def tick(self, now: dt.datetime | None = None) -> None:
        """Advance the clock: announce only the time cells as changed."""
        self.now = now or dt.datetime.now()
        self._texts.clear()
        if not self.rows():
            return
        for column in self.time_columns:
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self.rows()) - 1, column),
                [
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole,
                    LEVEL_ROLE,
                ],
            )

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self.rows():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


@dataclass(frozen=True)
class Arrival:
    appointment_id: int
    plate: str
    customer: str
    starts_at: dt.datetime
    status: str
    ro_id: int | None


class ArrivingModel(_Lane):
    """Today's appointments: time, plate, customer, reconfirmed or not."""

    columns = 4

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("TodayLanes", "Time"),
            QCoreApplication.translate("TodayLanes", "Plate"),
            QCoreApplication.translate("TodayLanes", "Customer"),
            QCoreApplication.translate("TodayLanes", "Status"),
        ]

    def set_rows(self, rows: list[tuple[int, str, str, dt.datetime, str, int | None]]) -> None:
        super().set_rows([Arrival(*r) for r in rows])

    def status_text(self, a: Arrival) -> str:
        mark = "✓ " if a.status == AppointmentStatus.CONFIRMED else ""
        return mark + words(AppointmentStatus, a.status)

    def texts(self, a: Arrival) -> tuple[str, ...]:
        return (fmt.time(a.starts_at), a.plate, a.customer, self.status_text(a))

    def other(self, a: Arrival, col: int, role: int) -> Any:
        if role == ID_ROLE:
            return a.appointment_id
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            if a.status == AppointmentStatus.CONFIRMED:
                return QBrush(GREEN)
            if a.status == AppointmentStatus.BOOKED:
                return QBrush(AMBER)
        if role == Qt.ItemDataRole.FontRole and col == 1:
            return _bold()
        return None


class WaitingModel(_Lane):
    """Arrived, not yet greeted or not yet checked in, with the greeting timer."""

    time_columns = (3,)
    columns = 4

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("TodayLanes", "Arrived"),
            QCoreApplication.translate("TodayLanes", "Plate"),
            QCoreApplication.translate("TodayLanes", "Customer"),
            QCoreApplication.translate("TodayLanes", "Waiting"),
        ]

    def seconds(self, r: ROSummary) -> float:
        return (self.now - r.arrived_at).total_seconds()

    def level(self, r: ROSummary) -> str:
        return "ok" if r.greeted_at is not None else waiting_level(self.seconds(r))

    def timer_text(self, r: ROSummary) -> str:
        if r.greeted_at is not None:
            return QCoreApplication.translate("TodayLanes", "✓ Greeted")
        level = waiting_level(self.seconds(r))
        clock = fmt.clock(self.seconds(r))
        if level == "red":
            return QCoreApplication.translate("TodayLanes", "● %1 late").replace("%1", clock)
        if level == "amber":
            return f"▲ {clock}"
        return clock

    def texts(self, r: ROSummary) -> tuple[str, ...]:
        return (fmt.time(r.arrived_at), r.plate, r.customer_name, self.timer_text(r))

    def other(self, r: ROSummary, col: int, role: int) -> Any:
        if role == ID_ROLE:
            return r.id
        if role == LEVEL_ROLE and col == 3:
            return self.level(r)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return {"amber": QBrush(AMBER), "red": QBrush(RED)}.get(self.level(r))
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return r.customer_name  # the name gives way to the wait when the lane is narrow
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            if r.greeted_at is not None:
                return QCoreApplication.translate("TodayLanes", "Greeted, not yet checked in.")
            return QCoreApplication.translate(
                "TodayLanes", "Greet within 3 minutes of arrival (amber from 2 minutes)."
            )
        if role == Qt.ItemDataRole.FontRole and col in (1, 3):
            return _bold()
        return None


class InProgressModel(_Lane):
    """Open ROs with their step, promised time (countdown) and what needs the advisor."""

    time_columns = (3,)
    columns = 5

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("TodayLanes", "RO"),
            QCoreApplication.translate("TodayLanes", "Plate"),
            QCoreApplication.translate("TodayLanes", "Step"),
            QCoreApplication.translate("TodayLanes", "Promised"),
            QCoreApplication.translate("TodayLanes", "Needs you"),
        ]

    def late(self, r: ROSummary) -> bool:
        if r.step >= workflow.Step.FOLLOW_UP:  # handed over: the promise is history
            return False
        return r.late or (r.promised_at is not None and self.now > r.promised_at)

    def promise_text(self, r: ROSummary) -> str:
        if r.promised_at is None:
            return QCoreApplication.translate("TodayLanes", "not set")
        when = fmt.datetime(r.promised_at)
        if r.step >= workflow.Step.FOLLOW_UP:
            return when
        left = (r.promised_at - self.now).total_seconds()
        if left < 0:
            text = QCoreApplication.translate("TodayLanes", "● %1 (late %2)")
            return text.replace("%1", when).replace("%2", fmt.duration(-left))
        text = QCoreApplication.translate("TodayLanes", "%1 (in %2)")
        return text.replace("%1", when).replace("%2", fmt.duration(left))

    def badges_text(self, r: ROSummary) -> str:
        return " · ".join(badge_text(b) for b in r.badges)

    def texts(self, r: ROSummary) -> tuple[str, ...]:
        return (r.number, r.plate, step_text(r.step), self.promise_text(r), self.badges_text(r))

    def other(self, r: ROSummary, col: int, role: int) -> Any:
        if role == ID_ROLE:
            return r.id
        if role == LEVEL_ROLE and col == 3:
            return "red" if self.late(r) else "ok"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 3 and self.late(r):
                return QBrush(RED)
            if col == 4 and any(b in ("qc_failed", "greeting_late") for b in r.badges):
                return QBrush(RED)
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and r.badges:
            return "\n".join(badge_text(b) for b in r.badges)
        if role == Qt.ItemDataRole.ToolTipRole and col in (0, 1):
            return r.customer_name
        if role == Qt.ItemDataRole.FontRole and col == 1:
            return _bold()
        return None
