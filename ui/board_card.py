"""A job card of the board, painted: plate large, the job, worked/planned time, the
promise, the state in a colour with a symbol and a word, and white tags (priority,
rework, a job that has just come). Sized to be read from three metres."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from advisor.services.views import AssignmentView
from ui import fmt
from ui import workshop_labels as labels
from ui.board_model import ID_ROLE, STATE_ROLE, BoardModel, planned_minutes

CARD_H = 178  # at scale 1
FLASH = "#fbbc04"  # the outline of a card that has just come onto the board
FLASH_MS = 2500  # how long it shows


class CardDelegate(QStyledItemDelegate):
    """Paints a job card: plate large, job, worked/planned, promised, state with symbol."""

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board_model = model
        self.scale = 1.0
        self.flashing: dict[int, str] = {}  # assignment id → "new" | "moved", cards that just came

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # The width follows the column (a list view stretches items to its viewport).
        return QSize(120, int(CARD_H * self.scale))

    def _font(self, base: QFont, points: float, bold: bool = False) -> QFont:
        f = QFont(base)
        f.setPointSizeF(points * self.scale)
        f.setBold(bold)
        return f

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        job = self.board_model.job_by_id(index.data(ID_ROLE))
        if job is None:
            return
        bg, fg, symbol = labels.colour(index.data(STATE_ROLE))
        s = self.scale
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        flashing = self.flashing.get(job.id, "")
        if flashing:  # a wide outline around the card, outside the selection's
            painter.setPen(QPen(QColor(FLASH), 4 * s))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 10 * s, 10 * s)
            card = card.adjusted(3, 3, -3, -3)
        painter.setPen(QPen(QColor("#ffffff"), 4 * s) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(card, 8 * s, 8 * s)
        pad = int(10 * s)
        inner = card.adjusted(pad, int(6 * s), -pad, -int(6 * s))
        base = option.font
        translate = labels.translate
        y = inner.top()

        def line(
            text: str, points: float, bold: bool = False, width: int | None = None, fit: bool = False
        ) -> None:
            nonlocal y
            painter.setFont(self._font(base, points, bold))
            fm = painter.fontMetrics()
            while fit and points > 10 and fm.horizontalAdvance(text) > inner.width() - int(8 * s):
                points -= 1  # the plate is never cut: it shrinks to fit
                painter.setFont(self._font(base, points, bold))
                fm = painter.fontMetrics()
            w = width if width is not None else inner.width()
            painter.setPen(fg)
            painter.drawText(
                QRect(inner.left(), y, w, fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(text, Qt.TextElideMode.ElideRight, w),
            )
            y += fm.height()

        line(job.plate, 24, True, fit=True)
        line(job.job, 13)
        line(
            translate("CardDelegate", "Time %1 / %2")
            .replace("%1", fmt.minutes(job.worked_min))
            .replace("%2", fmt.minutes(planned_minutes(job))),
            12,
        )
        line(
            translate("CardDelegate", "Promised %1").replace("%1", short_time(job.promised_at))
            if job.promised_at
            else "",
            12,
        )
        line(f"{symbol} {labels.state_text(job, short=True)}", 13, True)
        self._paint_tags(painter, job, base, inner.right(), y + int(2 * s), flashing)
        painter.restore()

    def _paint_tags(
        self, painter: QPainter, job: AssignmentView, base: QFont, right: int, top: int, came: str
    ) -> None:
        """Rework and raised priority (and a job that just came: new, or moved here): white
        tags with words, not colour alone, from the card's right edge leftwards."""
        s = self.scale
        marks = []
        if came == "new":
            marks.append("★ " + labels.translate("CardDelegate", "NEW"))
        elif came:
            marks.append("★ " + labels.translate("CardDelegate", "MOVED HERE"))
        if job.priority > 0:
            marks.append("▲ " + labels.translate("CardDelegate", "PRIORITY"))
        if job.rework:
            marks.append("↺ " + labels.translate("CardDelegate", "REWORK"))
        painter.setFont(self._font(base, 10, True))
        fm = painter.fontMetrics()
        for text in marks:
            w = fm.horizontalAdvance(text) + int(10 * s)
            box = QRect(right - w, top, w, fm.height() + int(2 * s))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(box, 4 * s, 4 * s)
            painter.setPen(QColor("#c5221f") if "↺" in text else QColor("#000000"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            right -= w + int(4 * s)


def short_time(value: dt.datetime) -> str:
    """Today: 16:30; another day: 11-23 09:00 (a card has no room for the year)."""
    if value.date() == dt.date.today():
        return fmt.time(value)
    return f"{value:%m-%d} {fmt.time(value)}"
