"""The one place that shows message boxes. Tests switch it off with ``capture()``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

# (kind, text) -> answer for confirm(); None means "show a real box".
_handler: Callable[[str, str], bool] | None = None


@contextmanager
def capture(answer: bool = True) -> Iterator[list[tuple[str, str]]]:
    """Record messages instead of showing them; ``confirm`` returns ``answer``."""
    global _handler
    seen: list[tuple[str, str]] = []
    previous = _handler

    def record(kind: str, text: str) -> bool:
        seen.append((kind, text))
        return answer

    _handler = record
    try:
        yield seen
    finally:
        _handler = previous


def error(parent: QWidget | None, text: str) -> None:
    """Something the user can fix went wrong; the input stays on screen."""
    if _handler is not None:
        _handler("error", text)
        return
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "Cannot do that"), text)


def info(parent: QWidget | None, text: str) -> None:
    if _handler is not None:
        _handler("info", text)
        return
    QMessageBox.information(parent, QCoreApplication.translate("messages", "Service Advisor"), text)


def confirm(parent: QWidget | None, text: str, *, title: str = "") -> bool:
    """Ask yes/no; the default button is No for anything risky."""
    if _handler is not None:
        return _handler("confirm", text)
    answer = QMessageBox.question(
        parent,
        title or QCoreApplication.translate("messages", "Please confirm"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
