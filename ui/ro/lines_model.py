"""The estimate lines of an RO as a table model (read from ``ROView.lines``)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon

from advisor.codes import LineKind, LineStatus, PartOrigin, PayType, words
from advisor.i18n import pick
from advisor.services.views import LineView
from ui import fmt

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("kind", "code", "description", "quantity", "unit_price", "amount", "origin", "pay_type", "status")
NUMERIC = {"quantity", "unit_price", "amount"}
EDITABLE = {"quantity", "unit_price"}


def kind_label(kind: str) -> str:
    return words(LineKind, kind)


def origin_label(origin: str) -> str:
    return words(PartOrigin, origin) if origin else ""


def pay_type_label(pay: str) -> str:
    return words(PayType, pay)


_MARKS: dict[str, str] = {LineStatus.APPROVED: "✓ ", LineStatus.DECLINED: "✗ "}


def status_label(status: str) -> str:
    return _MARKS.get(status, "") + words(LineStatus, status)


def status_text(line: LineView) -> str:
    """The decision, with the customer's reason when a declined line has one."""
    reason = pick(line.decline_reason_en, line.decline_reason_zh)
    if line.status == LineStatus.DECLINED and reason:
        return f"{status_label(line.status)} ({reason})"
    return status_label(line.status)


def declined_text(line: LineView) -> str:
    """A declined line's description with the customer's reason: 'Wheel alignment (Too
    expensive)'."""
    reason = pick(line.decline_reason_en, line.decline_reason_zh)
    return f"{line.description} ({reason})" if reason else line.description


def quantity_text(q: Decimal) -> str:
    """1.50 → '1.5', 2.00 → '2' (the exact decimal, without trailing zeros)."""
    text = format(Decimal(q).normalize(), "f")
    return text


def header_label(column: str) -> str:
    return {
        "kind": QCoreApplication.translate("LinesModel", "Type"),
        "code": QCoreApplication.translate("LinesModel", "Code"),
        "description": QCoreApplication.translate("LinesModel", "Description"),
        "quantity": QCoreApplication.translate("LinesModel", "Hours / qty"),
        "unit_price": QCoreApplication.translate("LinesModel", "Unit price"),
        "amount": QCoreApplication.translate("LinesModel", "Amount"),
        "origin": QCoreApplication.translate("LinesModel", "Origin"),
        "pay_type": QCoreApplication.translate("LinesModel", "Pay type"),
        "status": QCoreApplication.translate("LinesModel", "Status"),
    }[column]


class LinesModel(QAbstractTableModel):
    """``editor(line, column, text) -> bool`` is called when a cell is edited."""

    def __init__(
        self, editor: Callable[[LineView, str, str], bool] | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.lines: tuple[LineView, ...] = ()
        self.editor = editor
        self.editable = False
        # Lines that came from an inspection finding (issue 18): its name and photo
        # thumbnail by line id, shown in the first column (a click there opens the photo).
        self.findings: dict[int, tuple[str, QIcon | None]] = {}

    def set_findings(self, findings: dict[int, tuple[str, QIcon | None]]) -> None:
        """``{line id: (the finding's name, its photo's thumbnail or None)}``."""
        self.beginResetModel()
        self.findings = dict(findings)
        self.endResetModel()

    def set_lines(self, lines: tuple[LineView, ...], *, editable: bool) -> None:
        self.beginResetModel()
        self.lines = tuple(lines)
        self.editable = editable
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def line(self, row: int) -> LineView:
        return self.lines[row]

    def _text(self, line: LineView, column: str) -> str:
        return {
            "kind": kind_label(line.kind),
            "code": line.code,
            "description": line.description,
            "quantity": quantity_text(line.quantity),
            "unit_price": fmt.money(line.unit_price_cents),
            "amount": fmt.money(line.amount_cents),
            "origin": origin_label(line.origin),
            "pay_type": pay_type_label(line.pay_type),
            "status": status_text(line),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == "quantity":
                return quantity_text(line.quantity)
            if column == "unit_price":
                return f"{Decimal(line.unit_price_cents) / 100:.2f}"
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            colour = {"approved": "#2e7d32", "declined": "#c62828"}.get(line.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == "code" and line.kind == LineKind.PART:
            return QCoreApplication.translate("LinesModel", "Part status: %1").replace(
                "%1", line.part_status or "—"
            )
        if role == Qt.ItemDataRole.UserRole:
            return line.id
        if column == "kind" and line.id in self.findings:
            return self._finding(line.id, role)
        return None

    def _finding(self, line_id: int, role: int) -> Any:
        """The mark of a line from a finding: its photo's thumbnail, the finding named."""
        name, icon = self.findings[line_id]
        if role == Qt.ItemDataRole.DecorationRole:
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            if icon is None:
                return QCoreApplication.translate("LinesModel", "From the inspection: %1").replace("%1", name)
            return QCoreApplication.translate(
                "LinesModel", "From the inspection: %1 — click the photo to open it"
            ).replace("%1", name)
        return None

    def photo_at(self, row: int) -> bool:
        """Whether the line in ``row`` shows a finding's photo."""
        return 0 <= row < len(self.lines) and self.findings.get(self.lines[row].id, ("", None))[1] is not None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return header_label(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.lines):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        line = self.lines[index.row()]
        if self.editable and line.status == LineStatus.PROPOSED and COLUMNS[index.column()] in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.editor is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        # The service changes the line; the fresh view then resets this model.
        return self.editor(self.lines[index.row()], COLUMNS[index.column()], str(value))
