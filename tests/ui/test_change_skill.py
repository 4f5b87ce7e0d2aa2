"""The skill an extra job needs, in a change request raised on the board (step 8): chosen
from a list in the user's language, stored as the code dispatch matches technicians by.

The Skill cell was free text: a technician at the Chinese board had to type the English
code ("ac", "service") for dispatch to find a technician with that skill; "空调" typed
there matched nobody."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMenu
from pytestqt.qtbot import QtBot

from advisor.services import workshop
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui import i18n
from ui.board_model import ID_ROLE
from ui.change_request_dialog import DESCRIPTION, QTY, SKILL, ChangeRequestDialog
from ui.context import AppContext
from ui.workspaces.board import BoardWorkspace


@pytest.fixture
def zh() -> Iterator[None]:
    i18n.set_language("zh_CN")
    try:
        yield
    finally:
        i18n.set_language("en")


def _raise_change_on_the_board(
    qtbot: QtBot, board: BoardWorkspace, assignment_id: int
) -> ChangeRequestDialog:
    """Right-click the job's card, click 提出变更申请… in its menu."""
    ((column, index),) = [
        (c, c.model().index(r, 0))
        for c in board.board.columns.values()
        for r in range(c.model().rowCount())
        if c.model().index(r, 0).data(ID_ROLE) == assignment_id
    ]
    spot = column.visualRect(index).center()
    person.click(qtbot, column.viewport(), pos=spot)  # the card picked first, as a person does
    person.click(qtbot, column.viewport(), Qt.MouseButton.RightButton, pos=spot)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    (action,) = [a for a in menu.actions() if a.objectName() == "change"]
    person.click(qtbot, menu, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: any(d.isVisible() for d in board.findChildren(ChangeRequestDialog)))
    (dialog,) = [d for d in board.findChildren(ChangeRequestDialog) if d.isVisible()]
    qtbot.waitExposed(dialog)
    return dialog


def _cell(qtbot: QtBot, dialog: ChangeRequestDialog, col: int, text: str) -> None:
    person.click_at(qtbot, dialog.table, dialog.table.model().index(0, col), double=True)
    person.key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    person.type_text(qtbot, text)
    person.key(qtbot, Qt.Key.Key_Return)


def test_the_skill_of_an_extra_job_is_chosen_from_a_list_in_chinese_and_dispatch_matches_it(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    shown: list[tuple[str, str]],
    zh: None,
) -> None:
    ro_id, lines = factories.authorised(staff)
    start = dt.datetime.now()
    job = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    board = BoardWorkspace(make_ctx("technician", "zh_CN"))
    person.show_window(qtbot, board)
    board.activateWindow()
    board.refresh()

    dialog = _raise_change_on_the_board(qtbot, board, job.id)
    person.click(qtbot, dialog.reason)
    person.type_text(qtbot, "空调冷凝器很脏，需要清洗")
    person.click(qtbot, dialog.add_labour_btn)
    _cell(qtbot, dialog, DESCRIPTION, "清洗空调冷凝器")
    _cell(qtbot, dialog, QTY, "0.5")

    # The Skill cell offers the skills by name, in Chinese; the technician picks 空调.
    skill = dialog.table.cellWidget(0, SKILL)
    assert isinstance(skill, QComboBox), "the Skill cell offers no list to choose from"
    offered = [skill.itemText(i) for i in range(skill.count())]
    assert "空调" in offered and "制动" in offered and "ac" not in offered and "brakes" not in offered
    person.choose(qtbot, skill, "空调")
    person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert shown == []
    assert dialog.change_id is not None and not dialog.isVisible()

    (extra,) = [x for x in get_ro_view(ro_id).lines if x.change_request_id == dialog.change_id]
    assert (extra.description, extra.skill) == ("清洗空调冷凝器", "ac")  # the code dispatch matches


def test_a_part_line_asks_no_skill_and_a_labour_line_may_leave_it_open(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    shown: list[tuple[str, str]],
) -> None:
    ro_id, lines = factories.authorised(staff)
    start = dt.datetime.now()
    job = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    board = BoardWorkspace(make_ctx("technician"))
    person.show_window(qtbot, board)
    board.activateWindow()
    board.refresh()

    dialog = _raise_change_on_the_board(qtbot, board, job.id)
    person.click(qtbot, dialog.reason)
    person.type_text(qtbot, "Condenser dirty")
    person.click(qtbot, dialog.add_labour_btn)
    _cell(qtbot, dialog, DESCRIPTION, "Clean A/C condenser")
    skill = dialog.table.cellWidget(0, SKILL)
    assert isinstance(skill, QComboBox) and skill.currentData() == ""  # no skill asked yet
    # The usual skills and every skill a technician of this workshop has.
    codes = {skill.itemData(i) for i in range(skill.count())}
    assert {"service", "brakes", "electrical", "engine", "diagnosis", "ac"} <= codes
    person.choose(qtbot, dialog.table.cellWidget(0, 0), "Part")  # type: ignore[arg-type]
    assert not skill.isEnabled()  # a part needs no skill
    person.choose(qtbot, dialog.table.cellWidget(0, 0), "Labour")  # type: ignore[arg-type]
    assert skill.isEnabled()
    person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert shown == []
    (extra,) = [x for x in get_ro_view(ro_id).lines if x.change_request_id == dialog.change_id]
    assert (extra.kind, extra.skill) == ("labour", "")
