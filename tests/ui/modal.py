"""Answer a modal dialog as a person does: once it is up.

A click that opens a dialog with ``exec()`` only returns when the dialog closes, and
``tests/ui/person`` runs the event loop before the click lands, so a ``QTimer.singleShot(0,
…)`` set before the click fires before the dialog exists. ``when_shown`` waits for it:

    when_shown(CorrectDialog, lambda d: (person.fill(qtbot, d.words, "…"),
                                         person.click(qtbot, d.ok_button)))
    person.click(qtbot, page.correct_button)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def when_shown(kind: type[QDialog], act: Callable[[Any], object], timeout_ms: int = 5000) -> None:
    """Run ``act(dialog)`` on the modal dialog of ``kind`` once it is shown (polled every
    10 ms for ``timeout_ms``). An ``act`` that raises rejects the dialog, so a failing
    answer fails the test (pytest-qt reports it) instead of leaving it hanging in exec()."""
    left = [timeout_ms // 10]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            try:
                act(dialog)
            except BaseException:
                dialog.reject()
                raise
        elif left[0] > 0:
            left[0] -= 1
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def closed(qtbot: Any, dialog: QDialog, back_to: QWidget) -> None:
    """Wait for ``dialog`` to close, then give ``back_to`` (the window under it) the focus,
    as the window manager does when a dialog closes; the offscreen platform has none and
    leaves no window active, so nothing a person clicks next would take the keyboard."""
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    back_to.activateWindow()
    qtbot.waitUntil(back_to.isActiveWindow, timeout=2000)
