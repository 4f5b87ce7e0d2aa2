"""The board's card menu is deleted when it closes: one right-click, one menu, not a pile."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import person
from tests.ui.test_board import _assigned, board  # noqa: F401  (the fixture)
from ui.board_model import ID_ROLE
from ui.workspaces.board import BoardWorkspace


def test_card_menus_do_not_pile_up(staff: factories.Staff, board: BoardWorkspace, qtbot: QtBot) -> None:  # noqa: F811
    _ro, a = _assigned(staff, 0)
    board.refresh()
    column = next(
        c
        for c in board.board.columns.values()
        if any(c.model().index(r, 0).data(ID_ROLE) == a.id for r in range(c.model().rowCount()))
    )
    ix = next(
        column.model().index(r, 0)
        for r in range(column.model().rowCount())
        if column.model().index(r, 0).data(ID_ROLE) == a.id
    )
    for _ in range(5):
        person.click_at(qtbot, column, ix)
        person.click(qtbot, column.viewport(), Qt.MouseButton.RightButton, pos=column.visualRect(ix).center())
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
        person.key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert board.findChildren(QMenu) == []
    assert all(action.isEnabled() for action in board.actions_.values())  # the shortcuts work again
