"""The foreman's job board: its model, drag to reassign, the card menu, change requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from advisor.services import orders, workshop
from advisor.services.orders import get_ro_view
from advisor.services.views import AssignmentView
from tests import factories
from ui import messages
from ui.assign_dialog import AssignDialog
from ui.board_model import BoardModel, bay_key, tech_key
from ui.board_view import job_mime
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.ro.consent_dialog import ConsentDialog
from ui.workspaces.board import BoardWorkspace


def _assigned(staff: factories.Staff, tech: int = 0, bay: int | None = None) -> tuple[int, AssignmentView]:
    ro_id, lines = factories.authorised(staff)
    start = dt.datetime.now()
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[tech],
        bay_id=bay,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    return ro_id, a


@pytest.fixture
def board(make_ctx: Callable[..., AppContext], qtbot: QtBot) -> BoardWorkspace:
    ws = BoardWorkspace(make_ctx("foreman"))
    qtbot.addWidget(ws)
    ws.resize(1440, 900)
    ws.show()
    qtbot.waitExposed(ws)
    return ws


def _job(ws: BoardWorkspace, assignment_id: int) -> AssignmentView:
    return ws.model.job(ws.model.row_of(assignment_id))


def _menu_action(ws: BoardWorkspace, assignment_id: int, text: str) -> None:
    menu = ws.card_menu(_job(ws, assignment_id))
    (action,) = [a for a in menu.actions() if a.text() == text]
    assert action.isEnabled(), text
    action.trigger()
    menu.close()


def test_the_board_model_passes_the_model_tester(staff: factories.Staff, qtmodeltester: object) -> None:
    for tech in range(3):
        _assigned(staff, tech)
    model = BoardModel()
    model.set_jobs(workshop.board())
    assert model.rowCount() == 3
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_columns_per_technician_or_per_bay(staff: factories.Staff, board: BoardWorkspace) -> None:
    bay = workshop.bays()[0]
    _ro, a = _assigned(staff, 0, bay.id)
    board.refresh()
    assert list(board.board.columns) == [
        tech_key(t)
        for t in sorted(
            staff.tech_ids, key=lambda i: next(t.name for t in workshop.technicians() if t.id == i)
        )
    ]
    assert board.board.columns[tech_key(a.technician_id)].model().rowCount() == 1
    board.by_bay.click()
    assert bay_key(bay.id) in board.board.columns
    assert board.board.columns[bay_key(bay.id)].model().rowCount() == 1
    assert sum(c.model().rowCount() for c in board.board.columns.values()) == 1


def test_a_job_dragged_to_another_technician_is_reassigned(
    staff: factories.Staff, board: BoardWorkspace, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    _ro, a = _assigned(staff, 0)
    board.refresh()
    target = board.board.columns[tech_key(staff.tech_ids[1])]
    assert target.model().rowCount() == 0
    with qtbot.waitSignal(board.ctx.ops.changed):
        assert target.drop_mime(job_mime(a.id))
    assert shown == []
    assert next(j for j in workshop.board() if j.id == a.id).technician_id == staff.tech_ids[1]
    qtbot.waitUntil(lambda: target.model().rowCount() == 1)
    assert board.board.columns[tech_key(staff.tech_ids[0])].model().rowCount() == 0


def test_a_job_dragged_to_another_bay_is_reassigned(
    staff: factories.Staff, board: BoardWorkspace, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    b1, b2 = workshop.bays()[:2]
    _ro, a = _assigned(staff, 0, b1.id)
    board.set_mode("bay")
    board.refresh()
    assert board.board.columns[bay_key(b2.id)].drop_mime(job_mime(a.id))
    assert next(j for j in workshop.board() if j.id == a.id).bay_id == b2.id


def test_clock_on_pause_for_parts_resume_done_from_the_card_menu(
    staff: factories.Staff, board: BoardWorkspace, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    _ro, a = _assigned(staff, 0)
    board.refresh()
    steps = [
        ("Clock on", "in_progress", ""),
        ("Pause: waiting for parts", "paused", "parts"),
        ("Resume", "in_progress", ""),
        ("Done", "done", ""),
    ]
    for text, status, reason in steps:
        with qtbot.waitSignal(board.ctx.ops.changed):
            _menu_action(board, a.id, text)
        assert shown == []
        job = next(j for j in workshop.board() if j.id == a.id)
        assert (job.status, job.pause_reason) == (status, reason)
        qtbot.waitUntil(lambda s=status: _job(board, a.id).status == s)  # type: ignore[misc]
    menu = board.card_menu(_job(board, a.id))
    assert not next(x for x in menu.actions() if x.text() == "Clock on").isEnabled()
    menu.close()


def test_a_change_request_from_the_board_waits_for_consent_before_the_extra_work(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    board: BoardWorkspace,
    shown: list[tuple[str, str]],
    qtbot: QtBot,
) -> None:
    ro_id, a = _assigned(staff, 0)
    board.refresh()
    before = get_ro_view(ro_id)
    menu = board.card_menu(_job(board, a.id))
    next(x for x in menu.actions() if x.text() == "Raise change request…").trigger()
    menu.close()
    (dialog,) = board.findChildren(ChangeRequestDialog)
    assert dialog.isVisible()
    dialog.reason.setPlainText("Front brake disc scored: replace it")
    dialog.add_line("labour", description="Replace front brake disc", quantity="1.0", skill="brakes")
    dialog.add_line("part", code="45251-TBA-A01", quantity="1")
    dialog.new_time.setChecked(True)
    with qtbot.waitSignals([board.ctx.ops.changed, board.ctx.ops.changed]):
        change_id = dialog.submit()
    assert change_id is not None and shown == []

    # The advisor's Today: the RO carries the "consent" badge at once.
    (summary,) = [s for s in orders.open_orders(advisor_id=staff.advisor.user_id) if s.id == ro_id]
    assert "consent" in summary.badges
    view = get_ro_view(ro_id)
    extra = next(x for x in view.lines if x.change_request_id == change_id and x.kind == "labour")
    assert extra.status == "proposed"
    assert view.promised_at == before.promised_at  # the promise does not move yet

    # Without consent the extra work cannot be dispatched: the domain says why, nothing changes.
    foreman = board.ctx
    attempt = AssignDialog(foreman, line_id=extra.id, job=extra.description, parent=board)
    attempt.set_plan(technician_id=staff.tech_ids[0])
    assert attempt.assign() is None
    assert shown[-1] == ("error", "This extra work waits for the customer's consent: it cannot be started.")
    assert len(get_ro_view(ro_id).assignments) == 1

    # The advisor records the consent by phone.
    advisor = make_ctx("advisor")
    change = next(c for c in view.change_requests if c.id == change_id)
    consent = ConsentDialog(advisor, change, customer_name="张伟", phone="13812345678")
    qtbot.addWidget(consent)
    assert consent.submit() in ("approved", "awaiting_manager")
    if consent.status == "awaiting_manager":
        from advisor.services import changes

        changes.approve_major(actor=staff.manager, change_id=change_id)
    after = get_ro_view(ro_id)
    assert "consent" not in next(s for s in orders.open_orders() if s.id == ro_id).badges
    assert next(x for x in after.lines if x.id == extra.id).status == "approved"
    assert after.promised_at != before.promised_at

    # Now it can be assigned and clocked on from the board.
    attempt = AssignDialog(foreman, line_id=extra.id, job=extra.description, parent=board)
    attempt.set_plan(technician_id=staff.tech_ids[0])
    with messages.capture(answer=True):
        new = attempt.assign()
    assert new is not None
    board.refresh()
    with qtbot.waitSignal(board.ctx.ops.changed):
        _menu_action(board, new.id, "Clock on")
    assert next(j for j in workshop.board() if j.id == new.id).status == "in_progress"
