"""Dispatch: jobs, suggestions by skill, and the warning before missing the promise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
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


def test_the_job_lists_suggested_technicians_skill_holders_first_with_why(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    _ro_id, lines = factories.authorised(staff)
    ws = _workspace(make_ctx, qtbot)
    assert [j.line_id for j in ws.jobs_] == [lines[0]]  # the approved labour line only
    select_job(qtbot, ws, lines[0])
    rows = [
        (ws.suggested.item(r, 0).text(), ws.suggested.item(r, 1).text())
        for r in range(ws.suggested.rowCount())
    ]
    # 赵磊 holds brakes; then the others by level (Mike 4, 孙伟 2), each marked without it.
    assert rows == [("赵磊", "✓"), ("Mike Lee", "✗ no"), ("孙伟", "✗ no")]
    assert ws.techs.rowCount() == 3 and ws.bays_.rowCount() == 6


def test_a_plan_past_the_promise_goes_with_a_delay_for_the_customer(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    from advisor.models import ChangeRequest

    ro_id, lines = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    assert promised is not None
    ws = _workspace(make_ctx, qtbot)
    select_job(qtbot, ws, lines[0])
    dialog = open_assign(qtbot, ws)
    assert dialog.delay.isHidden()  # in time: nothing to ask the customer
    start = promised - dt.timedelta(hours=1)
    plan(qtbot, dialog, technician_id=staff.tech_ids[0], start=start, end=promised + dt.timedelta(hours=1))
    # Past the promise: the delay is offered, ticked, the new time after the plan's end.
    assert dialog.delay.isVisible() and dialog.delay.isChecked() and dialog.new_promise.isVisible()
    # Not ticked: refused, with why, in the dialog; nothing saved.
    person.click(qtbot, dialog.delay)
    assert not dialog.new_promise.isVisible()
    person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is None and dialog.isVisible()
    assert "after the time promised to the customer" in dialog.problems.text()
    assert get_ro_view(ro_id).assignments == () and ChangeRequest.select().count() == 0
    # Ticked again, with why: assigned, and the delay waits for the customer's consent.
    person.click(qtbot, dialog.delay)
    person.fill(qtbot, dialog.delay_reason, "Lift busy until then / 举升机占用")
    with qtbot.waitSignal(ws.ctx.ops.changed):
        person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is not None
    (a,) = get_ro_view(ro_id).assignments
    assert a.technician_id == staff.tech_ids[0]
    cr = ChangeRequest.get(ChangeRequest.ro == ro_id)
    assert (cr.kind, cr.status, cr.reason) == ("delay", "pending", "Lift busy until then / 举升机占用")
    assert cr.new_promised_at >= promised + dt.timedelta(hours=1)
    ws.refresh()  # as the shell does after a change on the board
    assert ws.jobs_ == []


def test_a_technician_without_the_skill_needs_the_foremans_reason(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    from advisor.models import Assignment

    ro_id, lines = factories.authorised(staff)
    ws = _workspace(make_ctx, qtbot)
    select_job(qtbot, ws, lines[0])
    dialog = open_assign(qtbot, ws)
    assert dialog.override_reason.isHidden()
    now = dt.datetime.now().replace(second=0, microsecond=0)
    plan(qtbot, dialog, technician_id=staff.tech_ids[1], start=now, end=now + dt.timedelta(minutes=60))
    person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is None
    assert "孙伟 does not have the skill this job needs (Brakes)" in dialog.problems.text()
    assert dialog.override_reason.isVisible()
    assert get_ro_view(ro_id).assignments == ()
    person.fill(qtbot, dialog.override_reason, "赵磊 is on leave; 孙伟 works under supervision")
    person.click(qtbot, assign_button(dialog))
    assert dialog.result_view is not None
    a = Assignment.get(Assignment.ro == ro_id)
    assert (a.override_rules, a.override_reason) == (
        "missing_skill",
        "赵磊 is on leave; 孙伟 works under supervision",
    )


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
