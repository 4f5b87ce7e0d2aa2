"""The board on screen: one column per technician or bay, a painted card per job.

Cards are dragged between columns (a QDrag carrying the assignment id); a drop asks
the workspace to reassign through the services. Sized to be read from three metres.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import JobStatus
from advisor.services.views import AssignmentView
from ui import fmt
from ui import workshop_labels as labels
from ui.board_model import ID_ROLE, MIME_TYPE, NO_BAY, STATE_ROLE, BoardModel, GroupFilter, planned_minutes

BOARD_BG = "#202124"
CARD_H = 178  # at scale 1
COLUMN_W = 185  # at scale 1; columns share any wider screen


class CardDelegate(QStyledItemDelegate):
    """Paints a job card: plate large, job, worked/planned, promised, state with symbol."""

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board_model = model
        self.scale = 1.0

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
        self._paint_tags(painter, job, base, inner.right(), y + int(2 * s))
        painter.restore()

    def _paint_tags(self, painter: QPainter, job: AssignmentView, base: QFont, right: int, top: int) -> None:
        """Rework and raised priority: white tags with words, not colour alone, from the
        card's right edge leftwards."""
        s = self.scale
        marks = []
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


class JobColumn(QListView):
    """The cards of one technician or bay; a drop target for cards of other columns."""

    dropped = Signal(int, str)  # assignment id, column key
    menu_requested = Signal(int, QPoint)  # assignment id, global position
    picked = Signal(int)  # assignment id
    opened = Signal(int)  # assignment id (Enter / double click)

    def __init__(
        self, model: BoardModel, key: str, delegate: CardDelegate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.setModel(GroupFilter(model, key, self))
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(key != NO_BAY)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setStyleSheet(f"QListView {{ background: {BOARD_BG}; border: none; }}")
        self.customContextMenuRequested.connect(self._menu)
        self.board_model = model
        self.clicked.connect(lambda ix: self.picked.emit(ix.data(ID_ROLE)))
        self.activated.connect(lambda ix: self.opened.emit(ix.data(ID_ROLE)))

    def current_job(self) -> AssignmentView | None:
        ix = self.currentIndex()
        return self.board_model.job_by_id(ix.data(ID_ROLE)) if ix.isValid() else None

    def _menu(self, pos: QPoint) -> None:
        ix = self.indexAt(pos)
        if ix.isValid():
            self.setCurrentIndex(ix)
            self.menu_requested.emit(ix.data(ID_ROLE), self.viewport().mapToGlobal(pos))

    def startDrag(self, supported: Qt.DropAction) -> None:
        job = self.current_job()
        if job is None or job.status == JobStatus.DONE:
            return
        drag = QDrag(self)
        drag.setMimeData(job_mime(job.id))
        drag.exec(Qt.DropAction.MoveAction)

    def _accepts(self, mime: QMimeData) -> bool:
        return self.key != NO_BAY and mime.hasFormat(MIME_TYPE)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.drop_mime(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)  # the source must not remove the row
            event.accept()
        else:
            event.ignore()

    def drop_mime(self, mime: QMimeData) -> bool:
        """Handle a dropped card: announce the move (the workspace reassigns)."""
        if not self._accepts(mime):
            return False
        raw = bytes(mime.data(MIME_TYPE).data()).decode()
        if not raw.isdigit():
            return False
        self.dropped.emit(int(raw), self.key)
        return True


def job_mime(assignment_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(str(assignment_id).encode()))
    return mime


class BoardView(QScrollArea):
    """Columns side by side, scrolled sideways when they do not fit."""

    moved = Signal(int, str)  # assignment id, column key
    menu_requested = Signal(int, QPoint)
    opened = Signal(int)

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.delegate = CardDelegate(model, self)
        self.columns: dict[str, JobColumn] = {}
        self._headers: dict[str, QLabel] = {}
        self._selected: int | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._host = QWidget()
        self._host.setObjectName("boardHost")
        self._host.setStyleSheet(f"#boardHost {{ background: {BOARD_BG}; }}")
        self._row = QHBoxLayout(self._host)
        self._row.setContentsMargins(8, 8, 8, 8)
        self._row.setSpacing(8)
        self.setWidget(self._host)

    def set_groups(self, groups: list[tuple[str, str, str]]) -> None:
        """Columns (key, title, subtitle) in order; rebuilt only when the keys change."""
        keys = [g[0] for g in groups]
        if keys != list(self.columns):
            self._rebuild(keys)
        for key, title, subtitle in groups:
            lines = "".join(f"<br><small>{html.escape(x)}</small>" for x in subtitle.split("\n"))
            self._headers[key].setText(f"<b>{html.escape(title)}</b>{lines}")
        self._align_headers()

    def _align_headers(self) -> None:
        """Headers of one height, so the cards of all columns start on one line."""
        heads = list(self._headers.values())
        for head in heads:
            head.setMinimumHeight(0)
        height = max(
            (h.heightForWidth(h.width()) if h.width() > 50 else h.sizeHint().height() for h in heads),
            default=0,
        )
        for head in heads:
            head.setMinimumHeight(height)

    def _rebuild(self, keys: list[str]) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.columns.clear()
        self._headers.clear()
        for key in keys:
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(4)
            head = QLabel()
            head.setTextFormat(Qt.TextFormat.RichText)
            head.setWordWrap(True)
            head.setStyleSheet("color: #ffffff; background: #3c4043; padding: 6px; border-radius: 4px;")
            column = JobColumn(self.model, key, self.delegate, box)
            column.dropped.connect(self.moved)
            column.menu_requested.connect(self.menu_requested)
            column.opened.connect(self.opened)
            column.picked.connect(self._pick)
            lay.addWidget(head)
            lay.addWidget(column, 1)
            self._row.addWidget(box, 1)
            box.show()  # else shown only after the next event loop pass (a grab would miss it)
            self.columns[key] = column
            self._headers[key] = head
        self.apply_scale()

    def _pick(self, assignment_id: int) -> None:
        self._selected = assignment_id
        for column in self.columns.values():
            current = column.current_job()
            if current is None or current.id != assignment_id:
                column.clearSelection()

    def selected_job(self) -> AssignmentView | None:
        """The card last picked, as it is after the latest refresh."""
        return self.model.job_by_id(self._selected)

    def select_job(self, assignment_id: int, *, focus: bool = True) -> bool:
        """Select a card by assignment id (after a refresh, from a menu, in tests)."""
        for column in self.columns.values():
            proxy = column.model()
            for r in range(proxy.rowCount()):
                ix = proxy.index(r, 0)
                if ix.data(ID_ROLE) == assignment_id:
                    column.setCurrentIndex(ix)
                    if focus:
                        column.setFocus()
                    self._pick(assignment_id)
                    return True
        return False

    def apply_scale(self) -> None:
        s = self.delegate.scale
        for key, column in self.columns.items():
            box = column.parentWidget()
            if box is not None:
                box.setMinimumWidth(int(COLUMN_W * s))
            font = self._headers[key].font()
            font.setPointSizeF(13 * s)
            self._headers[key].setFont(font)
            column.doItemsLayout()
        self._align_headers()

    def set_scale(self, scale: float) -> None:
        self.delegate.scale = scale
        self.apply_scale()
