"""The board on screen: one column per technician or bay, a painted card per job.

Cards are dragged between columns (a QDrag carrying the assignment id); a drop asks
the workspace to reassign through the services. Sized to be read from three metres.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import JobStatus
from advisor.services.views import AssignmentView
from ui.board_card import CARD_H, FLASH_MS, CardDelegate
from ui.board_model import ID_ROLE, MIME_TYPE, NO_BAY, STATE_ROLE, BoardModel, GroupFilter

BOARD_BG = "#202124"
COLUMN_W = 185  # at scale 1; columns share any wider screen


@dataclass(frozen=True)
class Place:
    """Where a column is scrolled to: the card at its top (and how far up it is cut) and
    the scroll bar's value, for when that card has left the column."""

    anchor: int | None
    offset: int
    value: int


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
        self.filter = GroupFilter(model, key, self)
        self.setModel(self.filter)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(CARD_H // 4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(key != NO_BAY)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setStyleSheet(
            f"QListView {{ background: {BOARD_BG}; border: none; }}"
            # A dark, slim scroll bar: a light one stood out on the board more than the cards.
            " QScrollBar:vertical { background: #2d2f31; width: 12px; margin: 0; }"
            " QScrollBar::handle:vertical { background: #80868b; border-radius: 5px; min-height: 40px; margin: 1px; }"
            " QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            " QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
        )
        self.customContextMenuRequested.connect(self._menu)
        self.board_model = model
        self.clicked.connect(lambda ix: self.picked.emit(ix.data(ID_ROLE)))
        self.activated.connect(lambda ix: self.opened.emit(ix.data(ID_ROLE)))
        # The keys (arrows, Home, End) move the card the shortcuts act on, as clicks do.
        self.selectionModel().currentChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.picked.emit(current.data(ID_ROLE))

    def current_job(self) -> AssignmentView | None:
        ix = self.currentIndex()
        return self.board_model.job_by_id(ix.data(ID_ROLE)) if ix.isValid() else None

    def index_of(self, assignment_id: int) -> QModelIndex:
        """The card of a job in this column (invalid when it is not shown here)."""
        for r in range(self.filter.rowCount()):
            ix = self.filter.index(r, 0)
            if ix.data(ID_ROLE) == assignment_id:
                return ix
        return QModelIndex()

    def choose(self, ix: QModelIndex, *, scroll: bool) -> None:
        """Make ``ix`` the current, selected card; without ``scroll`` the column stays put
        (a refresh re-selects the card where it is, wherever the foreman has scrolled)."""
        self.setAutoScroll(scroll)
        try:
            self.setCurrentIndex(ix)
        finally:
            self.setAutoScroll(True)

    def place(self) -> Place:
        bar = self.verticalScrollBar()
        top = self.indexAt(QPoint(self.viewport().width() // 2, 0))
        if not top.isValid():
            return Place(None, 0, bar.value())
        return Place(top.data(ID_ROLE), self.visualRect(top).top(), bar.value())

    def restore(self, place: Place) -> None:
        """Scroll back to ``place``: its top card where it was, else the same distance."""
        if place.value == 0:
            return  # at the top it stays at the top (a model reset keeps the scroll bar's value)
        self.doItemsLayout()  # the scroll range of the new rows, now, not after a repaint
        bar = self.verticalScrollBar()
        ix = self.index_of(place.anchor) if place.anchor is not None else QModelIndex()
        if ix.isValid():
            bar.setValue(bar.value() + self.visualRect(ix).top() - place.offset)
        else:
            bar.setValue(place.value)

    def _menu(self, pos: QPoint) -> None:
        ix = self.indexAt(pos)
        if ix.isValid():
            self.choose(ix, scroll=False)  # the menu opens beside the card: it must not move
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
    """Columns side by side, scrolled sideways when they do not fit. Each column ends in
    a toggle that shows or hides its finished jobs (hidden at first)."""

    moved = Signal(int, str)  # assignment id, column key
    menu_requested = Signal(int, QPoint)
    opened = Signal(int)

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.delegate = CardDelegate(model, self)
        self.columns: dict[str, JobColumn] = {}
        self._headers: dict[str, QLabel] = {}
        self.finished: dict[str, QToolButton] = {}  # column key → its "✓ 5 finished" toggle
        self._expanded: set[str] = set()  # columns showing their finished jobs
        self._selected: int | None = None
        # Cards are dragged to another technician or bay only by who may reassign (the
        # foreman): a technician's board offers no drag that the domain then refuses.
        self.movable = True
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
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
        self._show_finished_toggles()
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
            head.setMinimumHeight(max(height, 0))

    def _rebuild(self, keys: list[str]) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.columns.clear()
        self._headers.clear()
        self.finished.clear()
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
            column.filter.set_show_done(key in self._expanded)
            column.setDragEnabled(self.movable)
            column.setAcceptDrops(self.movable and key != NO_BAY)
            column.dropped.connect(self.moved)
            column.menu_requested.connect(self.menu_requested)
            column.opened.connect(self.opened)
            column.picked.connect(self._pick)
            toggle = QToolButton(box)
            toggle.setObjectName(f"finished_{key}")
            toggle.setCheckable(True)
            toggle.setChecked(key in self._expanded)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            toggle.setStyleSheet(
                "QToolButton { color: #81c995; background: #2d2f31; border: 1px solid #3c4043;"
                " border-radius: 4px; padding: 4px; font-weight: bold; }"
                " QToolButton:checked { background: #3c4043; }"
            )
            toggle.toggled.connect(lambda on, k=key: self.show_finished(k, on))
            lay.addWidget(head)
            lay.addWidget(column, 1)
            lay.addWidget(toggle)
            self._row.addWidget(box, 1)
            box.show()  # else shown only after the next event loop pass (a grab would miss it)
            self.columns[key] = column
            self._headers[key] = head
            self.finished[key] = toggle
        self.apply_scale()

    def _show_finished_toggles(self) -> None:
        """Each column's count of finished jobs on its toggle; no toggle when there are none."""
        for key, toggle in self.finished.items():
            count = self.columns[key].filter.done_count()
            arrow = "▴" if toggle.isChecked() else "▾"
            toggle.setText(self.tr("✓ %1 finished").replace("%1", str(count)) + " " + arrow)
            toggle.setToolTip(
                self.tr("Hide the finished jobs") if toggle.isChecked() else self.tr("Show the finished jobs")
            )
            toggle.setVisible(count > 0)

    def show_finished(self, key: str, on: bool) -> None:
        """Show (or hide again) the finished jobs at the end of one column."""
        if on:
            self._expanded.add(key)
        else:
            self._expanded.discard(key)
        column = self.columns.get(key)
        if column is None:
            return
        column.filter.set_show_done(on)
        toggle = self.finished[key]
        if toggle.isChecked() != on:
            toggle.setChecked(on)
        self._show_finished_toggles()
        if on:  # the foreman asked to see them: the first of them comes into sight
            first = next(
                (
                    column.filter.index(r, 0)
                    for r in range(column.filter.rowCount())
                    if column.filter.index(r, 0).data(STATE_ROLE) == "done"
                ),
                None,
            )
            if first is not None:
                column.doItemsLayout()
                column.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)

    def _pick(self, assignment_id: int) -> None:
        self._selected = assignment_id
        for column in self.columns.values():
            current = column.current_job()
            if current is None or current.id != assignment_id:
                column.clearSelection()

    def selected_job(self) -> AssignmentView | None:
        """The card last picked, as it is after the latest refresh."""
        return self.model.job_by_id(self._selected)

    def select_job(self, assignment_id: int, *, focus: bool = True, scroll: bool = True) -> bool:
        """Select a card by assignment id (after a refresh, from a menu, in tests); without
        ``scroll`` its column is not scrolled to it."""
        for column in self.columns.values():
            ix = column.index_of(assignment_id)
            if ix.isValid():
                column.choose(ix, scroll=scroll)
                if focus:
                    column.setFocus()
                self._pick(assignment_id)
                return True
        return False

    # -- keeping the place across a refresh ---------------------------------------------
    def save_place(self) -> tuple[dict[str, Place], int | None, int]:
        """Each column's scroll, the selected card and the sideways scroll, before a refresh."""
        places = {key: column.place() for key, column in self.columns.items()}
        return places, self._selected, self.horizontalScrollBar().value()

    def restore_place(self, saved: tuple[dict[str, Place], int | None, int]) -> None:
        """After a refresh: the selected card selected again, each column and the board
        scrolled back to where they were (a column new since then starts at its top)."""
        places, selected, sideways = saved
        self._row.activate()  # columns of a rebuild get their size now
        if selected is not None and not self.select_job(selected, focus=False, scroll=False):
            self._selected = None  # gone, or among finished jobs hidden: no hidden target for the keys
        for key, column in self.columns.items():
            if key in places:
                column.restore(places[key])
        self.horizontalScrollBar().setValue(sideways)

    # -- a job that has just come onto the board ----------------------------------------
    def reveal(self, arrived: dict[int, str]) -> None:
        """Scroll each job's card into view (the first one's column into the board's
        view) and outline it for a moment, tagged "new" or "moved" as ``arrived`` says."""
        first = True
        shown = {}
        for assignment_id, came in arrived.items():
            for column in self.columns.values():
                ix = column.index_of(assignment_id)
                if ix.isValid():
                    column.doItemsLayout()
                    column.scrollTo(ix, QAbstractItemView.ScrollHint.EnsureVisible)
                    box = column.parentWidget()
                    if first and box is not None:
                        self.ensureWidgetVisible(box, 0, 0)
                        first = False
                    shown[assignment_id] = came
                    break
        if shown:
            self.delegate.flashing.update(shown)
            self._flash_timer.start()
            self._repaint_cards()

    def flashing(self) -> dict[int, str]:
        """The cards outlined now: assignment id → "new" | "moved"."""
        return dict(self.delegate.flashing)

    def _end_flash(self) -> None:
        self.delegate.flashing.clear()
        self._repaint_cards()

    def _repaint_cards(self) -> None:
        for column in self.columns.values():
            column.viewport().update()

    def apply_scale(self) -> None:
        s = self.delegate.scale
        for key, column in self.columns.items():
            box = column.parentWidget()
            if box is not None:
                box.setMinimumWidth(int(COLUMN_W * s))
            font = self._headers[key].font()
            font.setPointSizeF(13 * s)
            self._headers[key].setFont(font)
            toggle = self.finished[key]
            font = toggle.font()
            font.setPointSizeF(11 * s)
            toggle.setFont(font)
            column.doItemsLayout()
        self._align_headers()

    def set_scale(self, scale: float) -> None:
        self.delegate.scale = scale
        self.apply_scale()
