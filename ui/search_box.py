"""The universal search at the top of the window (Ctrl+K).

Type any fragment of plate, VIN, phone or name: after a short pause the results drop
down, grouped Customers / Vehicles / Open repair orders. Up/Down move, Enter opens the
highlighted result (the first one when none is), Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.services import search
from advisor.services.search import SearchHit
from advisor.services.users import Actor

DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchBox(QWidget):
    customer_chosen = Signal(int)  # customer id
    vehicle_chosen = Signal(int, int)  # customer id, vehicle id
    ro_chosen = Signal(int)  # RO id

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        actor: Actor,
        search_fn: Callable[[str], list[SearchHit]] | None = None,
    ) -> None:
        super().__init__(parent)
        # The search service masks the phones this actor may not see.
        self._search = search_fn or (lambda term: search.search(actor=actor, term=term))
        self.hits: list[SearchHit] = []
        self.edit = QLineEdit()
        self.edit.setObjectName("globalSearch")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(240)
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

        # A child of the window (not a popup) so typing stays in the field.
        self.popup = QFrame()
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setObjectName("searchPopup")
        self.popup.setAutoFillBackground(True)
        self.results = QListWidget(self.popup)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemClicked.connect(self._open_item)
        popup_layout = QVBoxLayout(self.popup)
        popup_layout.setContentsMargins(1, 1, 1, 1)
        popup_layout.addWidget(self.results)
        self.popup.hide()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.edit.textEdited.connect(lambda _t: self.timer.start())
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search plate, VIN, phone or name (Ctrl+K)"))
        self.edit.setToolTip(self.tr("Search customers, vehicles and open repair orders (Ctrl+K)"))
        if self.popup.isVisible():
            self._fill()

    def focus_search(self) -> None:
        """Ctrl+K: bring the keyboard to the search field, its text selected."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.hits:
            self._show_popup()

    # ---- searching --------------------------------------------------------------------
    def run_search(self) -> None:
        term = self.edit.text().strip()
        self.hits = self._search(term) if term else []
        self._fill()

    def _group_title(self, kind: str) -> str:
        return {
            "customer": self.tr("Customers"),
            "vehicle": self.tr("Vehicles"),
            "order": self.tr("Open repair orders"),
        }.get(kind, kind)

    def _fill(self) -> None:
        self.results.clear()
        term = self.edit.text().strip()
        if not term:
            self.popup.hide()
            return
        if not self.hits:
            item = QListWidgetItem(self.tr("No match for “%1”").replace("%1", term))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        kind = ""
        bold = QFont(self.font())
        bold.setBold(True)
        for hit in self.hits:
            if hit.kind != kind:
                kind = hit.kind
                header = QListWidgetItem(self._group_title(kind))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setFont(bold)
                # Not selectable, yet readable: not the greyed look of a disabled item.
                header.setForeground(self.palette().color(QPalette.ColorRole.WindowText))
                header.setBackground(self.palette().color(QPalette.ColorRole.Window))
                self.results.addItem(header)
            item = QListWidgetItem(f"    {hit.title}    {hit.subtitle}".rstrip())
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        first = self._selectable(0, 1)
        if first >= 0:
            self.results.setCurrentRow(first)
        self._show_popup()

    def _show_popup(self) -> None:
        window = self.window()
        if self.popup.parent() is not window:
            self.popup.setParent(window)
        pos = self.edit.mapTo(window, QPoint(0, self.edit.height()))
        rows = sum(max(self.results.sizeHintForRow(r), 1) for r in range(self.results.count()))
        wanted = max(rows, self.fontMetrics().height()) + 2 * self.results.frameWidth() + 4
        height = min(wanted, max(window.height() - pos.y() - 20, 120))
        self.popup.setGeometry(pos.x(), pos.y(), max(self.edit.width(), 480), height)
        self.popup.show()
        self.popup.raise_()

    def close_popup(self) -> None:
        self.popup.hide()

    # ---- keys -------------------------------------------------------------------------
    def _selectable(self, start: int, step: int) -> int:
        row = start
        while 0 <= row < self.results.count():
            if self.results.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                return row
            row += step
        return -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self._selectable(self.results.currentRow() + step, step)
                if row >= 0:
                    self.results.setCurrentRow(row)
                if self.hits and not self.popup.isVisible():
                    self._show_popup()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Escape and self.popup.isVisible():
                self.close_popup()
                return True
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            # Clicking a result must still work: hide after the click is handled.
            QTimer.singleShot(150, self._hide_if_unfocused)
        return super().eventFilter(watched, event)

    def _hide_if_unfocused(self) -> None:
        if not self.edit.hasFocus():
            self.close_popup()

    def open_current(self) -> None:
        """Enter: open the highlighted result, or the first one."""
        if self.timer.isActive():  # typed faster than the pause: search now
            self.timer.stop()
            self.run_search()
        item: QListWidgetItem | None = self.results.currentItem()
        if item is None or item.data(HIT_ROLE) is None:
            row = self._selectable(0, 1)
            item = self.results.item(row) if row >= 0 else None
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        self.close_popup()
        if hit.kind == "order" and hit.ro_id is not None:
            self.ro_chosen.emit(hit.ro_id)
        elif hit.kind == "vehicle" and hit.vehicle_id is not None:
            self.vehicle_chosen.emit(hit.customer_id, hit.vehicle_id)
        else:
            self.customer_chosen.emit(hit.customer_id)
