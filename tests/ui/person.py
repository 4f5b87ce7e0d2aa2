"""Clicks and keys as a person makes them.

A person sees pixels: a button that is zero-sized, outside its window, on a hidden tab or
under another widget cannot be clicked, however well its ``objectName`` is known. These
helpers ask Qt what is really at a widget's centre (``QApplication.widgetAt``) and fail
when it is not that widget (or one of its children); then they click *that point of the
window* (the event goes through Qt's normal routing, as a real click does), and type into
whatever has the keyboard focus afterwards.

    click(qtbot, widget)                 hit-test, then a left click at the widget's centre
    click_at(qtbot, view, index)         the same on a cell of an item view
    click_tab(qtbot, tabs, index)        a tab of a QTabWidget, on its tab bar
    type_text(qtbot, text)               key by key into the focus widget (Chinese, emoji too)
    fill(qtbot, widget, text)            click into a field, select all, type (replaces)
    key(qtbot, Qt.Key.Key_Return)        a key (with modifiers) to the focus widget
    choose(qtbot, combo, text)           open a combo box and click the item showing ``text``
    pick_completion(qtbot, edit, typed, wanted)
                                         type, then Down through the completer's popup to the
                                         first entry containing ``wanted``, then Enter
    draw(qtbot, widget, strokes)         press, drag through and release along each stroke
                                         (a signature), every point hit-tested first
    reachable(widget)                    why a person could not click it ("" when they can)
    show_window(qtbot, window)           shown at 1366×768, exposed and active
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QCursor, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def _describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.objectName()
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    label = name or (repr(text) if isinstance(text, str) and text else "")
    return f"{type(widget).__name__}({label})" if label else type(widget).__name__


def _scroll_into_view(widget: QWidget) -> None:
    """A person scrolls to what is below the fold: do so in every enclosing scroll area."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 10, 10)
        parent = parent.parentWidget()


def reachable(widget: QWidget, local: QPoint | None = None) -> str:
    """Why a person could not click ``widget`` at ``local`` (its centre): "" when they can."""
    if not widget.isVisible():
        return f"{_describe(widget)} is not visible{_why_hidden(widget)}"
    if widget.width() < 4 or widget.height() < 4:
        return f"{_describe(widget)} is {widget.width()}×{widget.height()} px"
    window = widget.window()
    point = local if local is not None else widget.rect().center()
    spot = widget.mapToGlobal(point)
    frame = window.geometry()
    if not frame.contains(spot):
        return (
            f"{_describe(widget)}'s centre {spot.x()},{spot.y()} lies outside its window "
            f"{frame.x()},{frame.y()} {frame.width()}×{frame.height()}"
        )
    hit = QApplication.widgetAt(spot)
    if hit is not widget and not (hit is not None and widget.isAncestorOf(hit)):
        return f"{_describe(widget)} is covered by {_describe(hit)} at its centre"
    return ""


def _why_hidden(widget: QWidget) -> str:
    """Which ancestor hides ``widget`` (and how a dialog window ended), for the message."""
    hidden = widget
    parent = widget.parentWidget()
    while parent is not None and not parent.isVisible():
        hidden, parent = parent, parent.parentWidget()
    window = widget.window()
    ended = f", result {window.result()}" if isinstance(window, QDialog) else ""
    return f": {_describe(hidden)} is hidden (window {_describe(window)}{ended})"


def _settle(widget: QWidget) -> None:
    """Let pending layouts run to their end: a page given new data re-lays itself out over
    a few event-loop passes (a button moved 37 px after the hit test, under the click). A
    person clicks what has stopped moving."""
    last = None
    for _ in range(20):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        where = (widget.mapToGlobal(QPoint(0, 0)), widget.size())
        if where == last:
            return
        last = where


def _assert_reachable(widget: QWidget, local: QPoint | None = None) -> QPoint:
    _settle(widget)  # scroll to where it will be, not to where a pending layout moves it from
    _scroll_into_view(widget)
    _settle(widget)
    why = reachable(widget, local)
    assert not why, f"a person cannot click here: {why}"
    return widget.mapToGlobal(local if local is not None else widget.rect().center())


def _click_global(
    qtbot: Any,
    spot: QPoint,
    button: Qt.MouseButton = LEFT,
    modifiers: Qt.KeyboardModifier = NO_MOD,
    double: bool = False,
) -> None:
    """Press and release at a screen point, through the window that is there."""
    hit = QApplication.widgetAt(spot)
    assert hit is not None, f"nothing on screen at {spot.x()},{spot.y()}"
    # Hold the top-level widget while its QWindow is used: on PySide6 6.12 releasing a
    # first Python wrapper of a combo box's popup deletes the popup's window handle.
    top = hit.window()
    window = top.windowHandle()
    assert window is not None, f"{_describe(hit)} has no window"
    active = QApplication.activeWindow()
    if active is None or not active.isVisible():
        # A click on a window makes it the active one (the window manager does so).
        # Offscreen makes every window shown active, popups too: a completer list closed
        # as soon as it opened stayed the active window, hidden, and no click then moved
        # the keyboard focus.
        top.activateWindow()
        QApplication.processEvents()
    inside = window.mapFromGlobal(spot)
    # Move the screen's pointer too, as a hand moves the real one. Offscreen's pointer
    # otherwise stays at its start (10,10) while QTest's events move only Qt's idea of it:
    # a window shown later got its Enter there (over its corner widget), a QTest move to
    # the spot the previous test last clicked was dropped as no move, and Qt 6.8+ gave the
    # right-click's context menu event to that corner widget instead of the one clicked.
    QCursor.setPos(spot)
    QApplication.processEvents()
    QTest.mouseMove(window, inside)
    if double:
        QTest.mouseDClick(window, button, modifiers, inside)
    else:
        QTest.mouseClick(window, button, modifiers, inside)
    QApplication.processEvents()


def click(
    qtbot: Any,
    widget: QWidget,
    button: Qt.MouseButton = LEFT,
    modifiers: Qt.KeyboardModifier = NO_MOD,
    pos: QPoint | None = None,
) -> None:
    """Click ``widget`` where a person would: at its centre (or ``pos``), after checking
    that it is really there, enabled, and not covered."""
    spot = _assert_reachable(widget, pos)
    assert widget.isEnabled(), f"{_describe(widget)} is disabled"
    _click_global(qtbot, spot, button, modifiers)


def draw(qtbot: Any, widget: QWidget, strokes: list[list[QPoint]]) -> None:
    """Draw on ``widget`` as a hand with a mouse does: for each stroke, press at its first
    point, move through the rest with the button held, release at the last. Every point
    (in the widget's coordinates) must be on the widget as seen (``QApplication.widgetAt``)
    before anything is pressed."""
    _assert_reachable(widget)
    for stroke in strokes:
        for point in stroke:
            why = reachable(widget, point)
            assert not why, f"a person cannot draw at {point.x()},{point.y()}: {why}"
    window = widget.window().windowHandle()
    assert window is not None, f"{_describe(widget)} has no window"
    widget.window().activateWindow()
    QApplication.processEvents()
    for stroke in strokes:
        spots = [window.mapFromGlobal(widget.mapToGlobal(p)) for p in stroke]
        QCursor.setPos(widget.mapToGlobal(stroke[0]))
        QTest.mouseMove(window, spots[0])
        QTest.mousePress(window, LEFT, NO_MOD, spots[0])
        for spot in spots[1:]:
            QTest.mouseMove(window, spot)
        QTest.mouseRelease(window, LEFT, NO_MOD, spots[-1])
        QApplication.processEvents()


def double_click(qtbot: Any, widget: QWidget, pos: QPoint | None = None) -> None:
    spot = _assert_reachable(widget, pos)
    _click_global(qtbot, spot, double=True)


def click_at(qtbot: Any, view: QAbstractItemView, index: QModelIndex, double: bool = False) -> None:
    """Click (or double-click) one cell of an item view, scrolled into sight first."""
    assert index.isValid(), "no such cell"
    view.scrollTo(index)
    QApplication.processEvents()
    # The part of the cell that is seen: a list's row may run on past its viewport (a combo
    # box's popup no wider than the box, its rows as wide as the widest entry).
    rect = view.visualRect(index).intersected(view.viewport().rect())
    assert not rect.isEmpty(), f"cell {index.row()},{index.column()} is not shown"
    spot = _assert_reachable(view.viewport(), rect.center())
    _click_global(qtbot, spot, double=double)


def click_tab(qtbot: Any, tabs: QTabWidget, index: int) -> None:
    """Click the tab ``index`` on the tab bar, as a person switches tabs."""
    bar = tabs.tabBar()
    assert bar.isTabVisible(index), f"tab {index} of {_describe(tabs)} is hidden"
    click(qtbot, bar, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index, f"tab {index} did not open"


def show_window(qtbot: Any, window: QWidget, size: tuple[int, int] = (1366, 768)) -> QWidget:
    """Show ``window`` as the one a person works in: at ``size`` (the counter's smallest
    screen), exposed, and the active window (keys go to it)."""
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot: Any, code: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    """One key (with modifiers) to the widget that has the focus, shortcuts included."""
    target = QApplication.activePopupWidget() or focus()
    QTest.keyClick(target, code, modifiers)
    QApplication.processEvents()


def type_text(qtbot: Any, text: str) -> None:
    """Type ``text`` into the focus widget key by key; Chinese and emoji are committed as an
    input method would (QTest types Latin-1 only). ``\\n`` is the Return key."""
    first = focus()
    for ch in text:
        target = focus()
        # A person types on into the field they typed in; a focus that jumped away (a
        # window that came up, a button that took it) is named here, not met later.
        assert target is first or first.isAncestorOf(target) or target.isAncestorOf(first), (
            f"typing {text!r}: the focus moved from {_describe(first)} to {_describe(target)} before {ch!r}"
        )
        if ch == "\n":
            QTest.keyClick(target, Qt.Key.Key_Return)
            QApplication.processEvents()
            first = QApplication.focusWidget() or first  # Return may move on, by design
        elif ch.isascii() and ch.isprintable():
            QTest.keyClick(target, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, NO_MOD, ch))
    QApplication.processEvents()


def fill(qtbot: Any, widget: QWidget, text: str) -> None:
    """Click into a field, select what is there and type ``text`` over it."""
    target = (
        widget.lineEdit()
        if isinstance(widget, QAbstractSpinBox | QComboBox) and widget.lineEdit()
        else widget
    )
    click(qtbot, widget, pos=None if target is widget else target.geometry().center())
    has = focus()
    assert has in (widget, target) or widget.isAncestorOf(has), (
        f"{_describe(widget)} did not take the focus ({_describe(QApplication.focusWidget())} has it)"
    )
    if isinstance(target, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if text == "":
            key(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, text)


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Open ``combo`` and click the item whose shown text is ``text`` (or contains it)."""
    click(qtbot, combo)
    opened_at = combo.mapToGlobal(combo.rect().center())  # where it was clicked (scrolled to)
    view = combo.view()
    qtbot.waitUntil(lambda: view.isVisible(), timeout=2000)
    model = combo.model()
    rows = [r for r in range(model.rowCount()) if combo.itemText(r) == text]
    rows = rows or [r for r in range(model.rowCount()) if text in combo.itemText(r)]
    assert rows, (
        f"{text!r} is not offered in {_describe(combo)}: {[combo.itemText(r) for r in range(combo.count())]}"
    )
    index = model.index(rows[0], combo.modelColumn())
    view.scrollTo(index)
    seen = view.visualRect(index).intersected(view.viewport().rect())
    if (
        view.viewport().mapToGlobal(seen.center()) - opened_at
    ).manhattanLength() <= QApplication.startDragDistance():
        # The list opens with the current entry over the box: a click on it at once, on the
        # spot where the box was clicked, is at times ignored by the popup (seen in the e2e
        # walk and with a combo as wide as its entries). A person is never that quick.
        qtbot.wait(QApplication.doubleClickInterval() + 50)
    click_at(qtbot, view, index)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    assert text in combo.currentText()


def pick_completion(qtbot: Any, edit: QLineEdit, typed: str, wanted: str, *, mouse: bool = False) -> str:
    """Type ``typed`` into ``edit``, then walk the completer's popup with Down to the first
    entry containing ``wanted`` and take it with Enter (``mouse``: click it in the list);
    returns the entry's text."""
    fill(qtbot, edit, typed)
    completer = edit.completer()
    assert completer is not None, f"{_describe(edit)} has no completer"
    popup = completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=2000)
    if mouse:
        model = popup.model()
        rows = [r for r in range(model.rowCount()) if wanted in str(model.index(r, 0).data() or "")]
        assert rows, f"no entry containing {wanted!r} in the completer of {_describe(edit)}"
        shown = str(model.index(rows[0], 0).data())
        click_at(qtbot, popup, model.index(rows[0], 0))
        qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
        return shown
    for _ in range(popup.model().rowCount()):
        QTest.keyClick(popup, Qt.Key.Key_Down)
        current = popup.currentIndex()
        shown = str(current.data(Qt.ItemDataRole.DisplayRole) or "")
        if wanted in shown:
            QTest.keyClick(popup, Qt.Key.Key_Return)
            QApplication.processEvents()
            qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
            return shown
    raise AssertionError(f"no entry containing {wanted!r} in the completer of {_describe(edit)}")
