"""Every screen a desk shows, walked one by one, and what a person could not use on it.

``walk(window, stage)`` opens, in a main window, every workspace of the role's rail, every
step page of the repair order (an RO at that stage from ``stage``) and every tab inside
them, and yields a label for each screen while it is on show. ``problems(window)`` lists
every visible input (line and text edits, combos, spin and date boxes, check boxes,
buttons, item views) that is too small to use, lies outside the window, or is covered at
its centre. ``mnemonics(window)`` lists the Alt+letter keys of what is on show, menus
included. The layout test and the mnemonic test share them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QRect, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.ui.person import reachable

DESK_ROLES = ("advisor", "foreman", "technician", "cashier", "manager", "customer_service")
SIZES = ((1366, 768), (1920, 1080))

# The smallest a person can use: width, height (px).
MINIMUM: tuple[tuple[type[QWidget], tuple[int, int]], ...] = (
    (QAbstractItemView, (80, 40)),
    (QTextEdit, (80, 30)),
    (QPlainTextEdit, (80, 30)),
    (QLineEdit, (40, 18)),
    (QComboBox, (40, 18)),
    (QAbstractSpinBox, (40, 18)),
    (QCheckBox, (12, 12)),
    (QRadioButton, (12, 12)),
    (QAbstractButton, (16, 16)),
)
# Widgets that are parts of another (a spin box's edit, a tab bar's scroll arrows, …).
_INTERNAL_PARENTS = (QAbstractSpinBox, QComboBox, QTabBar, QScrollBar, QHeaderView, QCalendarWidget)


def settle(ms: int = 30) -> None:
    """Let queued refreshes and layouts run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


def _minimum(widget: QWidget) -> tuple[int, int] | None:
    for cls, size in MINIMUM:
        if isinstance(widget, cls):
            return size
    return None


def _internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _INTERNAL_PARENTS):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            return isinstance(widget, QAbstractButton)  # the corner button of a table
        parent = parent.parentWidget()
    return False


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and not isinstance(parent, QAbstractItemView):
            return parent
        parent = parent.parentWidget()
    return None


def _name(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "placeholderText", "title"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            value = getter()
            if isinstance(value, str) and value:
                text = value
                break
    label = widget.objectName() or (repr(text[:30]) if text else "")
    return f"{type(widget).__name__}({label})"


def inputs(window: QWidget) -> list[QWidget]:
    """The inputs of ``window`` a person sees now."""
    found = []
    for widget in window.findChildren(QWidget):
        if _minimum(widget) is None or not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QHeaderView):  # part of its table, not an input of its own
            continue
        if _internal(widget):
            continue
        found.append(widget)
    return found


def problems(window: QWidget) -> list[str]:
    """What a person could not use among the inputs on show."""
    out = []
    frame = QRect(0, 0, window.width(), window.height())
    for widget in inputs(window):
        width, height = _minimum(widget) or (0, 0)
        if widget.width() < width or widget.height() < height:
            out.append(f"{_name(widget)} is {widget.width()}×{widget.height()} px (needs {width}×{height})")
            continue
        area = _scroll_area_of(widget)
        if area is not None:
            area.ensureWidgetVisible(widget, 0, 0)
            QApplication.processEvents()
        else:
            top_left = widget.mapTo(window, widget.rect().topLeft())
            rect = QRect(top_left, widget.size())
            if not frame.contains(rect):
                out.append(
                    f"{_name(widget)} at {rect.x()},{rect.y()} {rect.width()}×{rect.height()} "
                    f"is not inside the {frame.width()}×{frame.height()} window"
                )
                continue
        why = reachable(widget)
        if why:
            out.append(why)
    return out


def ambiguous_dates(window: QWidget) -> list[str]:
    """Date boxes on show in the locale's short format ("12/1/26": the 1st of December or
    the 12th of January?) instead of a four-digit year first."""
    out = []
    for box in window.findChildren(QDateTimeEdit):
        if box.isVisible() and box.window() is window and not box.displayFormat().startswith("yyyy"):
            out.append(f"{_name(box)} shows dates as {box.text()!r} ({box.displayFormat()})")
    return out


_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, owner) for every Alt+letter on show: menus (of a main window), buttons,
    labels with a buddy, group boxes, tabs, and explicit Alt+ shortcuts."""
    out: list[tuple[str, str]] = []
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    for action in bar.actions() if bar is not None else []:
        if action.isVisible() and (m := _mnemonic(action.text())):
            out.append((m, f"menu {action.text()!r}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            seq = widget.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            if seq.startswith("Alt+") and len(seq) == 5:
                out.append((seq[-1].upper(), f"{_name(widget)} shortcut {seq}"))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
        for text in texts:
            if (m := _mnemonic(text)) and (m, f"{_name(widget)} shortcut Alt+{m}") not in out:
                out.append((m, f"{_name(widget)} {text!r}"))
    return out


def clashes(window: QWidget) -> list[str]:
    """Alt+letters that two things on show answer to."""
    owners: dict[str, list[str]] = {}
    for letter, owner in mnemonics(window):
        owners.setdefault(letter, []).append(owner)
    return [f"Alt+{k}: " + " / ".join(v) for k, v in sorted(owners.items()) if len(v) > 1]


def _tab_widgets(root: QWidget) -> list[QTabWidget]:
    return [t for t in root.findChildren(QTabWidget) if t.isVisible()]


def _with_tabs(label: str, root: QWidget, seen: set[int] | None = None) -> Iterator[str]:
    """``label`` itself, then every tab of every tab widget inside ``root`` (nested too)."""
    seen = set() if seen is None else seen
    yield label
    for tabs in _tab_widgets(root):
        if id(tabs) in seen or not tabs.isVisible():
            continue
        seen.add(id(tabs))
        start = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == start or not tabs.isTabVisible(index) or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            settle()
            yield from _with_tabs(f"{label} / tab {tabs.tabText(index)!r}", tabs.widget(index), seen)
        tabs.setCurrentIndex(start)
        settle()


def walk(window: QMainWindow, stage: dict[int, int]) -> Iterator[str]:
    """Show every screen of the role's desk in turn; yields what is on show."""
    keys = window.workspace_keys()  # type: ignore[attr-defined]
    for key in keys:
        if key == "repair_order":
            continue
        ws = window.open_workspace(key)  # type: ignore[attr-defined]
        settle()
        yield from _with_tabs(f"workspace {key}", ws)
    if "repair_order" not in keys:
        return
    ws = window.open_workspace("repair_order")  # type: ignore[attr-defined]
    for step in range(1, 14):
        window.open_ro(stage[step])  # type: ignore[attr-defined]
        settle()
        ws.show_step(step)
        settle()
        yield from _with_tabs(f"repair order, step {step}", ws.pages[step])
    ws.tabs.setCurrentIndex(0)
    for index in range(1, ws.tabs.count()):
        ws.tabs.setCurrentIndex(index)
        settle()
        yield from _with_tabs(f"repair order / tab {ws.tabs.tabText(index)!r}", ws.tabs.widget(index))
    ws.tabs.setCurrentIndex(0)
