"""The person-like helpers fail where a person could not click, and work where one can."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tests.ui import person


def window(qtbot):  # type: ignore[no-untyped-def]
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(400, 300)
    return w


def test_a_visible_button_is_clicked_at_its_centre(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot)
    button = QPushButton("OK", w)
    button.setGeometry(50, 50, 100, 30)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    w.show()
    qtbot.waitExposed(w)
    person.click(qtbot, button)
    assert clicks == [True]


def test_a_covered_button_cannot_be_clicked(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot)
    button = QPushButton("OK", w)
    button.setGeometry(50, 50, 100, 30)
    cover = QLabel("over it", w)
    cover.setGeometry(40, 40, 140, 60)
    cover.setAutoFillBackground(True)
    cover.raise_()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    w.show()
    qtbot.waitExposed(w)
    with pytest.raises(AssertionError, match="covered by QLabel"):
        person.click(qtbot, button)
    assert clicks == []


def test_zero_sized_outside_and_hidden_tab_widgets_cannot_be_clicked(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot)
    tiny = QPushButton("tiny", w)
    tiny.setGeometry(10, 10, 0, 0)
    far = QPushButton("far", w)
    far.setGeometry(600, 600, 80, 30)  # beyond the 400×300 window
    tabs = QTabWidget(w)
    tabs.setGeometry(10, 100, 300, 150)
    first, second = QWidget(), QWidget()
    on_second = QLineEdit(second)
    tabs.addTab(first, "one")
    tabs.addTab(second, "two")
    w.show()
    qtbot.waitExposed(w)
    with pytest.raises(AssertionError, match=r"0×0|not visible"):
        person.click(qtbot, tiny)
    with pytest.raises(AssertionError, match="outside its window"):
        person.click(qtbot, far)
    with pytest.raises(AssertionError, match="not visible"):
        person.click(qtbot, on_second)
    person.click_tab(qtbot, tabs, 1)  # a person opens the tab first
    person.fill(qtbot, on_second, "京A·12345 😅")
    assert on_second.text() == "京A·12345 😅"


def test_typing_goes_where_the_focus_is_and_completions_are_picked_by_keys(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot)
    layout = QVBoxLayout(w)
    a, b = QLineEdit(w), QLineEdit(w)
    layout.addWidget(a)
    layout.addWidget(b)
    names = QStringListModel(["机油滤清器", "机油 0W-20 1升", "刹车片"], w)
    completer = QCompleter(names, b)
    completer.setFilterMode(person.Qt.MatchFlag.MatchContains)
    b.setCompleter(completer)
    w.show()
    qtbot.waitExposed(w)
    person.fill(qtbot, a, "first")
    assert (a.text(), b.text()) == ("first", "")
    picked = person.pick_completion(qtbot, b, "机油", "0W-20")
    assert picked == "机油 0W-20 1升"
    assert b.text() == "机油 0W-20 1升"


def test_a_right_click_where_the_last_window_was_clicked_reaches_the_widget_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The pointer a new window is shown under is where the last click left it: Qt 6.8+
    sends a mouse context menu event to the widget it last saw the pointer enter, so a
    window that thought the pointer was at its corner gave the menu to the corner widget."""
    first = QWidget()
    QPushButton("Earlier", first).setGeometry(200, 150, 100, 40)
    person.show_window(qtbot, first, (400, 300))
    person.click(qtbot, first.findChild(QPushButton), pos=QPoint(50, 20))
    first.close()

    second = QWidget()
    corner = QPushButton("Corner", second)
    corner.setGeometry(0, 0, 120, 60)
    area = QWidget(second)
    area.setGeometry(200, 150, 100, 40)
    asked: list[tuple[str, QPoint]] = []
    for name, widget in (("corner", corner), ("area", area)):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(lambda p, n=name: asked.append((n, p)))
    person.show_window(qtbot, second, (400, 300))
    person.click(qtbot, area, Qt.MouseButton.RightButton, pos=QPoint(50, 20))
    assert asked == [("area", QPoint(50, 20))]
