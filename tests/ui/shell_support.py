"""Fixtures of the shell's GUI tests: a private QSettings file and a clean language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n


@pytest.fixture(autouse=True)
def workstation(tmp_path: Path, qapp: object) -> Iterator[Path]:
    """Per-workstation settings go to a file of this test, never the user's own."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    i18n.build()
    i18n.set_language("en")
    yield folder
    i18n.set_language("en")


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Chinese included (QTest.keyClicks handles Latin-1 only)."""
    for ch in text:
        if ch.isascii() and ch.isprintable():
            QTest.keyClick(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
