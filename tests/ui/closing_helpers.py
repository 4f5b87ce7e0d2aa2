"""Helpers of the step 9–13 page tests: host a page as the RO workspace does, find inputs."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from advisor.services.orders import get_ro_view
from ui.context import AppContext
from ui.ro.pages.base import StepPage

W = TypeVar("W", bound=QWidget)


def host(qtbot: Any, ctx: AppContext, page_cls: type[StepPage], ro_id: int) -> StepPage:
    """Show ``page_cls`` for RO ``ro_id`` and re-read the RO on every change, like the workspace."""
    page = page_cls(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.set_view(get_ro_view(ro_id))
    ctx.ops.changed.connect(lambda _topic: page.set_view(get_ro_view(ro_id)))
    return page


def find(parent: QWidget, cls: type[W], name: str) -> W:
    """The child widget called ``name`` (fails loudly when missing)."""
    child = parent.findChild(cls, name)
    assert child is not None, f"no {cls.__name__} named {name!r}"
    return child


def click(qtbot: Any, parent: QWidget, name: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    button = find(parent, QAbstractButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: Any, parent: QWidget, name: str, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = find(parent, QLineEdit, name)
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest cannot type outside Latin-1: insert as an input method would
        edit.insert(text)


def errors(shown: list[tuple[str, str]]) -> list[str]:
    return [text for kind, text in shown if kind == "error"]
