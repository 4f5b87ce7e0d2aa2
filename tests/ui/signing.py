"""Signing on a pad as a person does (issue 18): a name written across the pad with the
mouse, after checking the pad is what is on screen there."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui import person
from ui.signature_pad import SignaturePad


def strokes_on(pad: SignaturePad) -> list[list[QPoint]]:
    """A name written across the pad: two looping strokes and a dot-less cross bar."""
    w, h = pad.width(), pad.height()
    first = [
        QPoint(
            round(w * (0.10 + 0.35 * i / 29) + w * 0.03 * math.cos(i / 2.5)),
            round(h * (0.55 + 0.22 * math.sin(i / 2.5))),
        )
        for i in range(30)
    ]
    second = [
        QPoint(round(w * (0.50 + 0.35 * i / 24)), round(h * (0.50 + 0.25 * math.sin(i / 3.0))))
        for i in range(25)
    ]
    bar = [QPoint(round(w * (0.45 + 0.3 * i / 9)), round(h * 0.30)) for i in range(10)]
    return [first, second, bar]


def sign(qtbot: QtBot, pad: SignaturePad) -> None:
    """Check the pad is what is on screen where the pen goes, then sign with the mouse."""
    person._assert_reachable(pad)
    middle = pad.mapToGlobal(pad.rect().center())
    assert QApplication.widgetAt(middle) is pad
    person.draw(qtbot, pad, strokes_on(pad))
    assert not pad.is_empty()
