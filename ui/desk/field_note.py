"""An input with a line under it for what is wrong with it (red) or worth a second look
(amber), so a form shows every refused field at once, each beside its input, and keeps
what was typed. Colour never comes alone: errors start with ●, warnings with ▲."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advisor.errors import FieldErrors, UserError

ERROR_STYLE = "color: #c62828;"
WARNING_STYLE = "color: #b26a00;"


class NotedField(QWidget):
    """``field`` with its note (``note``, hidden while empty) and an optional button
    beside the note (``action``, e.g. "Use that vehicle"), hidden until asked for."""

    def __init__(self, field: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.note = QLabel()
        self.note.setObjectName(f"{name}Note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.action = QPushButton()
        self.action.setObjectName(f"{name}Action")
        self.action.setAutoDefault(False)
        self.action.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(self.action)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        box.addLayout(row)
        self.setFocusProxy(field)

    @property
    def severity(self) -> str:
        """ "error", "warning" or "" (nothing shown)."""
        return str(self.note.property("severity") or "") if self.note.isVisibleTo(self) else ""

    def show_error(self, text: str) -> None:
        self._show(f"● {text}", "error", ERROR_STYLE)

    def show_warning(self, text: str) -> None:
        self._show(f"▲ {text}", "warning", WARNING_STYLE)

    def _show(self, text: str, severity: str, style: str) -> None:
        self.note.setText(text)
        self.note.setProperty("severity", severity)
        self.note.setStyleSheet(style)
        self.note.show()
        QTimer.singleShot(0, self, self._fit_window)

    def _fit_window(self) -> None:
        """Grow a window too short for the note (a wrapped one too); never shrink it."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None:
            return
        need = (
            layout.totalHeightForWidth(window.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if need > window.height():
            window.resize(window.width(), need)

    def clear(self) -> None:
        self.note.clear()
        self.note.setProperty("severity", "")
        self.note.hide()
        self.action.hide()


def field_errors(err: UserError) -> list[UserError]:
    """The single errors inside ``err`` (a ``FieldErrors``), else ``[err]``."""
    return list(err.errors) if isinstance(err, FieldErrors) else [err]


def show_errors(err: UserError, fields: dict[str, NotedField]) -> tuple[list[UserError], NotedField | None]:
    """Put each error of ``err`` beside its field; returns the errors that name no field of
    ``fields`` and the first field noted (to put the focus there)."""
    rest: list[UserError] = []
    for one in field_errors(err):
        target = fields.get(one.field or "")
        if target is None:
            rest.append(one)
        else:
            target.show_error(one.message())
    first = next((f for f in fields.values() if f.severity == "error"), None)
    return rest, first
