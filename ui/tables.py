"""Read-only tables of rows (lists on the step pages and workspaces): one row selected
at a time, nothing edited in place, no row numbers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget


def read_only_table(
    columns: int,
    parent: QWidget | None = None,
    *,
    name: str = "",
    alternating: bool = False,
    stretch_last: bool = False,
) -> QTableWidget:
    """A table of ``columns`` columns a person selects whole rows of, one at a time."""
    t = QTableWidget(0, columns, parent)
    if name:
        t.setObjectName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(alternating)
    t.horizontalHeader().setStretchLastSection(stretch_last)
    return t


def fill_rows(
    table: QTableWidget, rows: Sequence[Sequence[str]], data: Sequence[object] | None = None
) -> None:
    """Show ``rows`` of texts; ``data[r]`` (when given) rides on every cell of row ``r``."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
