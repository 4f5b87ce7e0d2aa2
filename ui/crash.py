"""The crash dialog: an unexpected error (a bug) with details to copy and the log path.

Expected errors (``advisor.errors.UserError``) never come here: ``ui.operations``
shows them as plain messages.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("crash")


def versions() -> str:
    try:
        from importlib.metadata import version

        app_version = version("service-advisor")
    except Exception:  # not installed as a package: the checkout still runs
        app_version = "?"
    return (
        f"Service Advisor {app_version}; Python {platform.python_version()}; "
        f"PySide6 {pyside_version}; Qt {qVersion()}; {platform.platform()}"
    )


def details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, log_path: str
) -> str:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{text}\n{versions()}\nLog file: {log_path}\n"


class CrashDialog(QDialog):
    def __init__(self, text: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Service Advisor — unexpected error"))
        self.resize(720, 480)
        intro = QLabel(
            self.tr(
                "Something went wrong that the program did not expect. What you saved before "
                "is safe. Please copy the details below and send them to your administrator; "
                "you can carry on working or restart the program."
            )
        )
        intro.setWordWrap(True)
        path = QLabel(self.tr("Log file: %1").replace("%1", log_path))
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(text)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setToolTip(self.tr("Copy the details to the clipboard (Alt+C)"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(path)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


_showing = False


def install(log_path: str) -> None:
    """Route uncaught exceptions to the log and the crash dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        global _showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if _showing or QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        _showing = True
        try:
            CrashDialog(details(exc_type, exc, tb, log_path), log_path, QApplication.activeWindow()).exec()
        finally:
            _showing = False

    sys.excepthook = hook
