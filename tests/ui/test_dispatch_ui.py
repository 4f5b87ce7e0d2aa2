"""Dispatch: jobs, suggestions by skill, and the warning before missing the promise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui import messages
from ui.assign_dialog import AssignDialog
from ui.context import AppContext
from ui.workspaces.dispatch import DispatchWorkspace


def _workspace(make_ctx: Callable[..., AppContext], qtbot: QtBot) -> DispatchWorkspace:
    ws = DispatchWorkspace(make_ctx("foreman"))
    person.show_window(qtbot, ws)
    ws.refresh()  # as the shell does when the workspace opens
    return ws


def select_job(qtbot: QtBot, ws: DispatchWorkspace, line_id: int) -> None:
    row = [j.line_id for j in ws.jobs_].index(line_id)
    person.click_at(qtbot, ws.jobs, ws.jobs.model().index(row, 0))


def open_assign(qtbot: QtBot, ws: DispatchWorkspace) -> AssignDialog:
    person.click(qtbot, ws.assign_btn)
    dialog = ws.findChild(AssignDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def plan(
    qtbot: QtBot,
    dialog: AssignDialog,
    *,
    technician_id: int | None = None,
    start: dt.datetime,
    end: dt.datetime,
) -> None:
    """Fill the form as a person does: the technician from the list, the times typed."""
    if technician_id is not None:
        person.choose(
            qtbot, dialog.technician, dialog.technician.itemText(dialog.technician.findData(technician_id))
        )
    person.fill(qtbot, dialog.start, start.strftime("%Y-%m-%d %H:%M"))
    person.fill(qtbot, dialog.end, end.strftime("%Y-%m-%d %H:%M"))


def assign_button(dialog: AssignDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_job_lists_suggested_technicians_whose_skills_match(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    _ro_id, lines = factories.authorised(staff)
    ws = _workspace(make_ctx, qtbot)
    assert [j.line_id for j in ws.jobs_] == [lines[0]]  # the approved labour line only
    select_job(qtbot, ws, lines[0])
    names = [ws.suggested.item(r, 0).text() for r in range(ws.suggested.rowCount())]
    assert names == ["赵磊"]  # the only technician with "brakes"
    assert ws.techs.rowCount() == 3 and ws.bays_.rowCount() == 6


def test_an_assignment_that_would_miss_the_promise_warns_first(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    ro_id, lines = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    assert promised is not None
    ws = _workspace(make_ctx, qtbot)
    select_job(qtbot, ws, lines[0])
    dialog = open_assign(qtbot, ws)
    start = promised - dt.timedelta(hours=1)
    plan(qtbot, dialog, technician_id=staff.tech_ids[0], start=start, end=promised + dt.timedelta(hours=1))

    with messages.capture(answer=False) as seen:
        person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is None
    assert [k for k, _t in seen] == ["confirm"]
    assert "promised time" in seen[0][1]
    assert get_ro_view(ro_id).assignments == ()
    assert dialog.isVisible()  # the plan stays on screen to be changed

    with messages.capture(answer=True) as seen, qtbot.waitSignal(ws.ctx.ops.changed):
        person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is not None
    assert [k for k, _t in seen] == ["confirm"]
    (a,) = get_ro_view(ro_id).assignments
    assert a.technician_id == staff.tech_ids[0]
    ws.refresh()  # as the shell does after a change on the board
    assert ws.jobs_ == []


def test_an_assignment_within_the_promise_does_not_ask(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, lines = factories.authorised(staff)
    ws = _workspace(make_ctx, qtbot)
    select_job(qtbot, ws, lines[0])
    dialog = open_assign(qtbot, ws)
    now = dt.datetime.now().replace(second=0, microsecond=0)
    plan(qtbot, dialog, start=now, end=now + dt.timedelta(minutes=60))
    person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is not None
    assert shown == []
    assert len(get_ro_view(ro_id).assignments) == 1


def test_skills_are_shown_in_the_users_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui import i18n
    from ui import workshop_labels as labels

    i18n.set_language("zh_CN")
    try:
        assert labels.skills(("service", "brakes", "ac", "glass")) == "保养、制动、空调、glass"
    finally:
        i18n.set_language("en")
    assert labels.skills(("service", " body ")) == "Service, Body & paint"
