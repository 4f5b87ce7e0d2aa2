"""Small pieces shared by the pages of steps 9–13 (QC, wash, settlement, handover, follow-up)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QWidget

from advisor.codes import OldPart, PayMethod, words
from advisor.i18n import pick
from ui import fmt
from ui.tables import read_only_table

_STYLES = {
    "info": "background:#e8f0fe; color:#1a3d7c; border:1px solid #aac4f0;",
    "ok": "background:#e6f4ea; color:#1e5e2a; border:1px solid #9fd1a9;",
    "warn": "background:#fff4e0; color:#7a4b00; border:1px solid #f0c77a;",
    "error": "background:#fdecea; color:#8e1c14; border:1px solid #f0a39c;",
}
MARK = {"info": "ℹ ", "ok": "✓ ", "warn": "⚠ ", "error": "✗ "}


def banner(parent: QWidget, name: str) -> QLabel:
    """A word-wrapped status line (colour and a symbol: colour is never the only signal)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_banner(label: QLabel, text: str, kind: str = "info") -> None:
    if not text:
        label.hide()
        return
    label.setText(MARK[kind] + text)
    label.setProperty("kind", kind)
    label.setStyleSheet(f"QLabel {{ {_STYLES[kind]} padding:6px; border-radius:4px; }}")
    label.show()


def locked_text(locked: dict[int, tuple[str, str]], step: int, lang: str) -> str:
    """Why the step is locked, in the user's language ('' when it is open)."""
    reason = locked.get(step)
    return pick(reason[0], reason[1], lang) if reason else ""


def cell(text: str, *, right: bool = False, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    return read_only_table(columns, parent, name=name, alternating=True, stretch_last=True)


def fit_height(t: QTableWidget, rows_min: int = 1, rows_max: int = 8) -> None:
    """Size a short table to its rows so a page reads top to bottom without inner scrolling."""
    shown = min(rows_max, t.rowCount())
    h = t.horizontalHeader().sizeHint().height() + 2 * t.frameWidth() + 2
    h += sum(t.rowHeight(r) for r in range(shown))
    h += max(0, rows_min - shown) * t.verticalHeader().defaultSectionSize()
    t.setFixedHeight(h)


def full_datetime(value: dt.datetime | None) -> str:
    """Date and time, also for today (ranges, reports): 2026-12-01 14:05 / 2026年12月1日 14:05."""
    if value is None:
        return ""
    return f"{fmt.date(value.date())} {fmt.time(value)}"


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def pay_method_label(method: str) -> str:
    return words(PayMethod, method)


def handling_label(handling: str) -> str:
    return words(OldPart, handling)


def yes_no(flag: bool | None) -> str:
    if flag is None:
        return "—"
    return (
        "✓ " + QCoreApplication.translate("Closing", "Yes")
        if flag
        else "✗ " + QCoreApplication.translate("Closing", "No")
    )
