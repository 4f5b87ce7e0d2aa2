"""tests/ui/person.py on lists that are not as wide as their rows, and on a second click
that comes at once where the first one was (found converting the e2e walk)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui import person

ENTRIES = ["Alpha long long text here", "Beta", "Gamma"]
SHORT = ["A", "B", "C"]  # a popup 39 px wide, its rows 120 px (the menu-like entries' margins)


_hosts: list[QWidget] = []  # kept alive while the test runs (qtbot holds a weak reference)


@pytest.fixture(autouse=True)
def _let_go() -> Iterator[None]:
    yield
    _hosts.clear()


def _combo(qtbot: QtBot, entries: list[str], *, stretch: bool) -> QComboBox:
    host = QWidget()
    _hosts.append(host)
    combo = QComboBox(host)
    combo.addItems(entries)
    row = QHBoxLayout(host)
    row.addWidget(combo, 1 if stretch else 0)
    if not stretch:
        row.addStretch(1)
    qtbot.addWidget(host)
    host.resize(300, 100)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    return combo


@pytest.mark.parametrize("wanted", SHORT)
def test_an_entry_is_chosen_in_a_list_narrower_than_its_rows(qtbot: QtBot, wanted: str) -> None:
    # The popup is as wide as the box; its rows run on past it: the middle of a row lies
    # outside the popup, the part a person sees does not.
    combo = _combo(qtbot, SHORT, stretch=False)
    person.choose(qtbot, combo, wanted)
    assert combo.currentText() == wanted


def test_the_entry_shown_is_chosen_again(qtbot: QtBot) -> None:
    # The list opens with the current entry over the box: its middle is where the box was
    # clicked. Chosen at once there, the popup ignored the click and stayed open.
    combo = _combo(qtbot, ENTRIES, stretch=True)
    person.choose(qtbot, combo, ENTRIES[0])
    assert combo.currentIndex() == 0 and not combo.view().isVisible()


def test_after_a_completer_list_closed_by_itself_a_click_moves_the_focus(qtbot: QtBot) -> None:
    # The estimate page's part list shown while typing, then closed (by the page, not by a
    # click or a key): offscreen kept the hidden list as the active window, and no click
    # moved the keyboard focus (in the e2e walk, the next labour line could not be typed).
    host = QWidget()
    _hosts.append(host)
    number, other = QLineEdit(host), QLineEdit(host)
    completer = QCompleter(["38810-TBA-A01 — A/C compressor", "08798-9036 — Oil 0W-20 1 l"], host)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    number.setCompleter(completer)
    row = QHBoxLayout(host)
    row.addWidget(number)
    row.addWidget(other)
    qtbot.addWidget(host)
    host.resize(600, 100)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    # As the estimate page does: a number typed in full closes the list just opened.
    number.textChanged.connect(lambda _t: QTimer.singleShot(0, completer.popup().hide))
    person.fill(qtbot, number, "38810-TBA-A01")
    assert not completer.popup().isVisible()
    person.fill(qtbot, other, "x")
    assert other.hasFocus() and other.text() == "x"
