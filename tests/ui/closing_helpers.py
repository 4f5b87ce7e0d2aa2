"""Helpers of the step 9–13 page tests: host a page where a person sees it (the main window
at 1366×768, the RO opened, its step chosen on the step bar), find inputs, and use them as a
person does — every click hit-tested and typed through ``tests.ui.person``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QDateTime, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from tests.ui import person
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.ro.pages.base import StepPage
from ui.workspace import Workspace
from ui.workspaces.repair_order import RepairOrderWorkspace

W = TypeVar("W", bound=QWidget)
D = TypeVar("D", bound=QDialog)
P = TypeVar("P", bound=StepPage)

SIZE = (1366, 768)  # the counter's screen (issue 12)


def desk(qtbot: Any, ctx: AppContext, size: tuple[int, int] = SIZE) -> MainWindow:
    """The main window of ``ctx``'s workstation, shown at 1366×768.

    Needs the ``workstation`` fixture (tests.ui.shell_support): the window keeps its
    geometry in the workstation's settings."""
    own = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    assert not QSettings().fileName().startswith(own), "use the workstation fixture: not the user's settings"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_workspace(qtbot: Any, window: MainWindow, key: str) -> Workspace:
    """Click the workspace ``key`` on the main window's rail and return it. Every change
    made through the window's context re-reads it at once (it does so itself 50 ms later)."""
    keys = window.workspace_keys()
    assert key in keys, f"{key!r} is not on the rail of this role: {keys}"
    row = keys.index(key)
    person.click_at(qtbot, window.rail, window.rail.model().index(row, 0))
    ws = window.workspace(key)
    assert ws is not None and ws.isVisible(), f"{key!r} did not open"
    window.ctx.ops.changed.connect(lambda _topic: ws.refresh() if ws.isVisible() else None)
    return ws


def workspace_of(widget: QWidget) -> RepairOrderWorkspace:
    parent: QWidget | None = widget
    while parent is not None and not isinstance(parent, RepairOrderWorkspace):
        parent = parent.parentWidget()
    assert parent is not None, f"{type(widget).__name__} is not in a repair order workspace"
    return parent


def open_ro(qtbot: Any, ctx: AppContext, ro_id: int) -> RepairOrderWorkspace:
    """The RO workspace of a fresh main window with RO ``ro_id`` open (as the search or
    Today opens it). Every change made through ``ctx`` re-reads the RO at once: the
    workspace does so itself 50 ms later, as a tab of the real app does."""
    window = desk(qtbot, ctx)
    window.open_ro(ro_id)
    ws = window.workspace("repair_order")
    assert isinstance(ws, RepairOrderWorkspace)
    qtbot.waitUntil(lambda: ws.isVisible() and ws.view is not None)
    ctx.ops.changed.connect(lambda _topic: ws.refresh())
    return ws


def goto(qtbot: Any, ws: RepairOrderWorkspace, step: int) -> StepPage:
    """The page of ``step``, opened with a click on the step bar when it is not shown."""
    if ws.current_step != step or ws.tabs.currentIndex() != 0:
        button = ws.step_bar.buttons[step]
        qtbot.waitUntil(button.isVisible)  # a person waits for the RO's screen to show
        person.click(qtbot, button)
    assert ws.current_step == step and ws.pages[step].isVisible()
    return ws.pages[step]


def host(qtbot: Any, ctx: AppContext, page_cls: type[P], ro_id: int) -> P:
    """The page ``page_cls`` of RO ``ro_id`` as ``ctx``'s user sees it: in the main window
    at 1366×768, the RO open and the step chosen on the step bar. The page is re-read on
    every change, and the workspace follows the RO to its next step as the app does."""
    ws = open_ro(qtbot, ctx, ro_id)
    page = goto(qtbot, ws, page_cls.step)
    assert isinstance(page, page_cls)
    return page


def live(widget: QWidget) -> None:
    """Another workstation committed: what the live bridge makes the RO screen do."""
    workspace_of(widget).refresh()


def find(parent: QWidget, cls: type[W], name: str) -> W:
    """The child widget called ``name`` (fails loudly when missing)."""
    child = parent.findChild(cls, name)
    assert child is not None, f"no {cls.__name__} named {name!r}"
    return child


def click(qtbot: Any, parent: QWidget, name: str) -> None:
    """Click the button ``name`` where a person would (it must be seen, enabled, uncovered)."""
    person.click(qtbot, find(parent, QAbstractButton, name))


def type_into(qtbot: Any, parent: QWidget, name: str, text: str) -> None:
    """Click into the line edit ``name``, select what is there and type ``text`` over it."""
    person.fill(qtbot, find(parent, QLineEdit, name), text)


def tick(qtbot: Any, box: QAbstractButton, on: bool = True) -> None:
    """Tick (or untick) a check box, or choose a radio button, with a click on its
    indicator as a person does; nothing when it already is so. (A click at the centre of a
    wide check box lands beside its text, where Qt does not toggle it.)"""
    if box.isChecked() == on:
        return
    option = QStyleOptionButton()
    box.initStyleOption(option)  # type: ignore[attr-defined]
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(box, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    indicator = box.style().subElementRect(element, option, box)
    person.click(qtbot, box, pos=indicator.center() if indicator.isValid() else None)
    assert box.isChecked() == on, f"{box.objectName() or box.text()!r} did not toggle"


def choose_data(qtbot: Any, combo: QComboBox, data: object) -> None:
    """Open ``combo`` and click the item that stands for ``data`` (by its shown text)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered in {combo.objectName()}"
    person.choose(qtbot, combo, combo.itemText(index))
    assert combo.currentData() == data


def set_datetime(qtbot: Any, edit: QDateTimeEdit, when: QDateTime | QDate) -> None:
    """Type ``when`` into a date (and time) box section by section, as a person does: click
    into it, go to each part (day, month, year, hour …) with Tab and type over it."""
    probe = QDateTimeEdit(when)
    probe.setDisplayFormat(edit.displayFormat())
    parts = [probe.sectionText(probe.sectionAt(i)) for i in range(probe.sectionCount())]
    probe.deleteLater()
    person.click(qtbot, edit, pos=edit.lineEdit().geometry().center())
    for i, part in enumerate(parts):
        person.key(qtbot, Qt.Key.Key_Home)  # the first part, selected with Tab and back
        person.key(qtbot, Qt.Key.Key_Tab)
        person.key(qtbot, Qt.Key.Key_Backtab)
        for _ in range(i):
            person.key(qtbot, Qt.Key.Key_Tab)
        assert edit.currentSectionIndex() == i, f"part {i} of {edit.objectName()} cannot be reached"
        person.type_text(qtbot, part)
    assert edit.text() == probe_text(edit, when), f"{edit.objectName()} shows {edit.text()!r}"


def probe_text(edit: QDateTimeEdit, when: QDateTime | QDate) -> str:
    probe = QDateTimeEdit(when)
    probe.setDisplayFormat(edit.displayFormat())
    text = probe.text()
    probe.deleteLater()
    return text


def fill_number(qtbot: Any, spin: QWidget, value: int) -> None:
    """Type a number into a spin box over what is there (as a person types, no arrows)."""
    person.fill(qtbot, spin, str(value))


def select_row(qtbot: Any, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """Click a row of a list or table."""
    person.click_at(qtbot, view, view.model().index(row, column))


def as_person(monkeypatch: Any, qtbot: Any, cls: type[D], drive: Callable[[D], None]) -> list[D]:
    """Each ``cls`` dialog opened with ``exec`` is shown on screen and ``drive``n by a person
    (clicks and keys) instead of blocking the test; ``exec`` returns its result then.
    Returns the dialogs opened."""
    opened: list[D] = []

    def run(dialog: D) -> int:
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        drive(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", run)
    return opened


def errors(shown: list[tuple[str, str]]) -> list[str]:
    return [text for kind, text in shown if kind == "error"]
