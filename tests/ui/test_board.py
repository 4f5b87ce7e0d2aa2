"""The foreman's job board: its model, drag to reassign, the card menu, change requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from advisor.services import orders, workshop
from advisor.services.opchanges import Kind
from advisor.services.orders import get_ro_view
from advisor.services.views import AssignmentView
from tests import factories
from tests.ui import person
from tests.ui.modal import closed
from ui import messages
from ui.assign_dialog import AssignDialog
from ui.board_model import ID_ROLE, BoardModel, bay_key, tech_key
from ui.board_view import job_mime
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.ro.consent_dialog import ConsentDialog
from ui.ro.pages.assignment import AssignmentPage
from ui.ro.pages.repair import RepairPage
from ui.workspaces.board import BoardWorkspace


def _assigned(staff: factories.Staff, tech: int = 0, bay: int | None = None) -> tuple[int, AssignmentView]:
    """A brakes job for the technician, planned after their last open job and in the bay's
    free time (no double-booking), promised an hour after it ends; a technician without
    the brakes skill does it with the foreman's reason."""
    taken = [
        j.planned_end
        for j in workshop.board()
        if j.status != "done"
        and (j.technician_id == staff.tech_ids[tech] or (bay is not None and j.bay_id == bay))
    ]
    start = max([dt.datetime.now(), *taken])
    ro_id, lines = factories.authorised(staff, promised_at=start + dt.timedelta(hours=2))
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[tech],
        bay_id=bay,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        override_reason="" if tech == 0 else "Under 赵磊's supervision",
    )
    return ro_id, a


@pytest.fixture
def board(make_ctx: Callable[..., AppContext], qtbot: QtBot) -> BoardWorkspace:
    ws = BoardWorkspace(make_ctx("foreman"))
    person.show_window(qtbot, ws)
    return ws


def _job(ws: BoardWorkspace, assignment_id: int) -> AssignmentView:
    return ws.model.job(ws.model.row_of(assignment_id))


def _card_menu(qtbot: QtBot, ws: BoardWorkspace, assignment_id: int) -> QMenu:
    """Right-click the job's card; the card menu that pops up."""
    for column in ws.board.columns.values():
        proxy = column.model()
        rows = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ID_ROLE) == assignment_id]
        if rows:
            ix = proxy.index(rows[0], 0)
            column.scrollTo(ix)
            spot = column.visualRect(ix).intersected(column.viewport().rect()).center()
            person.click_at(qtbot, column, ix)  # the card picked …
            person.click(qtbot, column.viewport(), Qt.MouseButton.RightButton, pos=spot)  # … its menu
            qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
            menu = QApplication.activePopupWidget()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError(f"no card for assignment {assignment_id}")


def _item(menu: QMenu, text: str) -> QAction:
    """The menu's item that reads ``text`` (its key shown after a tab)."""
    (action,) = [a for a in menu.actions() if a.text().split("\t")[0] == text]
    return action


def _menu_action(qtbot: QtBot, ws: BoardWorkspace, assignment_id: int, text: str) -> None:
    menu = _card_menu(qtbot, ws, assignment_id)
    action = _item(menu, text)
    assert action.isEnabled(), text
    person.click(qtbot, menu, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)  # closed (and deleted)


def _show(qtbot: QtBot, page: object) -> None:
    qtbot.addWidget(page)
    page.resize(1366, 768)  # type: ignore[attr-defined]
    page.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(page)
    page.raise_()  # type: ignore[attr-defined]
    page.activateWindow()  # type: ignore[attr-defined]
    qtbot.waitUntil(page.isActiveWindow)  # type: ignore[attr-defined]


def _edit_cell(qtbot: QtBot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Double-click a cell, type over it, Enter."""
    person.click_at(qtbot, table, table.model().index(row, col), double=True)
    person.key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    person.type_text(qtbot, text)
    person.key(qtbot, Qt.Key.Key_Return)


def _ok(buttons: QDialogButtonBox):  # type: ignore[no-untyped-def]
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def _assign_from_the_ro(qtbot: QtBot, page: AssignmentPage, line_id: int) -> AssignDialog:
    """On the RO's assignment page: the line's row clicked, Assign… clicked."""
    row = [line.id for line, _a in page.rows].index(line_id)
    person.click_at(qtbot, page.jobs, page.jobs.model().index(row, 0))
    person.click(qtbot, page.assign_btn)
    dialog = page.findChildren(AssignDialog)[-1]
    qtbot.waitExposed(dialog)
    return dialog


def test_the_board_model_passes_the_model_tester(staff: factories.Staff, qtmodeltester: object) -> None:
    for tech in range(3):
        _assigned(staff, tech)
    model = BoardModel()
    model.set_jobs(workshop.board())
    assert model.rowCount() == 3
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_columns_per_technician_or_per_bay(
    staff: factories.Staff, board: BoardWorkspace, qtbot: QtBot
) -> None:
    bay = workshop.bays()[0]
    _ro, a = _assigned(staff, 0, bay.id)
    board.refresh()  # the jobs were assigned after the board opened: as its poll does
    assert list(board.board.columns) == [
        tech_key(t)
        for t in sorted(
            staff.tech_ids, key=lambda i: next(t.name for t in workshop.technicians() if t.id == i)
        )
    ]
    assert board.board.columns[tech_key(a.technician_id)].model().rowCount() == 1
    person.click(qtbot, board.by_bay)
    assert bay_key(bay.id) in board.board.columns
    assert board.board.columns[bay_key(bay.id)].model().rowCount() == 1
    assert sum(c.model().rowCount() for c in board.board.columns.values()) == 1


def test_a_job_dragged_to_another_technician_is_reassigned(
    staff: factories.Staff, board: BoardWorkspace, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    from advisor.models import Assignment
    from ui.dispatch_prompts import OverrideDialog

    _ro, a = _assigned(staff, 0)
    board.refresh()  # the jobs were assigned after the board opened: as its poll does
    target = board.board.columns[tech_key(staff.tech_ids[1])]
    assert target.model().rowCount() == 0
    # The drop itself: a QDrag runs its own loop that QTest cannot drive offscreen.
    assert target.drop_mime(job_mime(a.id))
    # 孙伟 has no brakes skill: the foreman is asked why, and nothing moved yet.
    dialog = board.findChild(OverrideDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "孙伟 does not have the skill this job needs (Brakes)" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()  # no reason, no override
    assert next(j for j in workshop.board() if j.id == a.id).technician_id == staff.tech_ids[0]
    person.fill(qtbot, dialog.reason, "赵磊 called away; 孙伟 under supervision")
    with qtbot.waitSignal(board.ctx.ops.changed):
        person.click(qtbot, dialog.ok_button)
    assert shown == []
    assert next(j for j in workshop.board() if j.id == a.id).technician_id == staff.tech_ids[1]
    moved = Assignment.get_by_id(a.id)
    assert (moved.override_rules, moved.override_reason) == (
        "missing_skill",
        "赵磊 called away; 孙伟 under supervision",
    )
    qtbot.waitUntil(lambda: target.model().rowCount() == 1)
    assert board.board.columns[tech_key(staff.tech_ids[0])].model().rowCount() == 0


@pytest.mark.parametrize(("role", "movable"), [("technician", False), ("foreman", True), ("manager", True)])
def test_only_who_may_reassign_can_drag_a_card(
    staff: factories.Staff, make_ctx: Callable[..., AppContext], qtbot: QtBot, role: str, movable: bool
) -> None:
    """A technician's board offers no drag to another technician (the domain would refuse
    it): the screen stops inviting what the role may not do."""
    _assigned(staff, 0)
    ws = BoardWorkspace(make_ctx(role))
    person.show_window(qtbot, ws)
    qtbot.waitUntil(lambda: bool(ws.board.columns))
    for column in ws.board.columns.values():
        assert column.dragEnabled() is movable
        assert column.acceptDrops() is movable


def test_a_job_dragged_to_another_bay_is_reassigned(
    staff: factories.Staff, board: BoardWorkspace, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    b1, b2 = workshop.bays()[:2]
    _ro, a = _assigned(staff, 0, b1.id)
    board.refresh()  # the jobs were assigned after the board opened: as its poll does
    person.click(qtbot, board.by_bay)
    # The drop itself: a QDrag runs its own loop that QTest cannot drive offscreen.
    assert board.board.columns[bay_key(b2.id)].drop_mime(job_mime(a.id))
    assert next(j for j in workshop.board() if j.id == a.id).bay_id == b2.id


def test_clock_on_pause_for_parts_resume_done_from_the_card_menu(
    staff: factories.Staff, board: BoardWorkspace, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    _ro, a = _assigned(staff, 0)
    board.refresh()  # the jobs were assigned after the board opened: as its poll does
    steps = [
        ("Clock on", "in_progress", ""),
        ("Pause: waiting for parts", "paused", "parts"),
        ("Resume", "in_progress", ""),
        ("Done", "done", ""),
    ]
    for text, status, reason in steps:
        with qtbot.waitSignal(board.ctx.ops.changed):
            _menu_action(qtbot, board, a.id, text)
        assert shown == []
        job = next(j for j in workshop.board() if j.id == a.id)
        assert (job.status, job.pause_reason) == (status, reason)
        qtbot.waitUntil(lambda s=status: _job(board, a.id).status == s)  # type: ignore[misc]
    # Done: the card has gone among the column's finished jobs, shown on asking.
    toggle = board.board.finished[tech_key(a.technician_id)]
    qtbot.waitUntil(lambda: toggle.isVisible() and toggle.text().startswith("✓ 1 finished"))
    person.click(qtbot, toggle)
    menu = _card_menu(qtbot, board, a.id)
    assert not _item(menu, "Clock on").isEnabled()
    person.key(qtbot, Qt.Key.Key_Escape)


def test_a_change_request_from_the_board_waits_for_consent_before_the_extra_work(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    board: BoardWorkspace,
    shown: list[tuple[str, str]],
    qtbot: QtBot,
) -> None:
    ro_id, a = _assigned(staff, 0)
    board.refresh()  # the jobs were assigned after the board opened: as its poll does
    before = get_ro_view(ro_id)
    _menu_action(qtbot, board, a.id, "Raise change request…")
    (dialog,) = board.findChildren(ChangeRequestDialog)
    assert dialog.isVisible()
    qtbot.waitExposed(dialog)
    person.fill(qtbot, dialog.reason, "Front brake disc scored: replace it")
    person.click(qtbot, dialog.add_labour_btn)
    _edit_cell(qtbot, dialog.table, 0, 2, "Replace front brake disc")
    _edit_cell(qtbot, dialog.table, 0, 3, "1.0")
    skill = dialog.table.cellWidget(0, 5)
    person.choose(qtbot, skill, "Brakes")
    person.click(qtbot, dialog.add_part_btn)
    _edit_cell(qtbot, dialog.table, 1, 1, "45251-TBA-A01")
    person.click(qtbot, dialog.new_time)
    with qtbot.waitSignal(board.ctx.ops.changed) as blocker:
        person.click(qtbot, _ok(dialog.buttons))
    # One announcement, by the service: the board (the job's state) and the RO (Today's badge).
    assert blocker.args[0].touches(Kind.BOARD) and blocker.args[0].touches(Kind.RO, ro_id=ro_id)
    change_id = dialog.change_id
    assert change_id is not None and shown == []
    closed(qtbot, dialog, board)

    # The advisor's Today: the RO carries the "consent" badge at once.
    (summary,) = [s for s in orders.open_orders(advisor_id=staff.advisor.user_id) if s.id == ro_id]
    assert "consent" in summary.badges
    view = get_ro_view(ro_id)
    extra = next(x for x in view.lines if x.change_request_id == change_id and x.kind == "labour")
    assert extra.status == "proposed"
    assert view.promised_at == before.promised_at  # the promise does not move yet

    # Without consent the extra work cannot be dispatched: the domain says why, nothing changes.
    foreman = board.ctx
    assignment = AssignmentPage(foreman)
    _show(qtbot, assignment)
    assignment.set_view(view)
    attempt = _assign_from_the_ro(qtbot, assignment, extra.id)
    tech = attempt.technician.itemText(attempt.technician.findData(staff.tech_ids[0]))
    person.choose(qtbot, attempt.technician, tech)
    person.click(qtbot, _ok(attempt.buttons))
    assert attempt.result_view is None
    assert shown[-1] == ("error", "This extra work waits for the customer's consent: it cannot be started.")
    assert len(get_ro_view(ro_id).assignments) == 1

    # The advisor records the consent by phone.
    person.key(qtbot, Qt.Key.Key_Escape)  # the foreman gives up
    closed(qtbot, attempt, assignment)
    advisor = make_ctx("advisor")
    repair = RepairPage(advisor)
    _show(qtbot, repair)
    repair.set_view(get_ro_view(ro_id))
    row = [c.id for c in repair.changes_].index(change_id)
    person.click_at(qtbot, repair.changes, repair.changes.model().index(row, 0))
    person.click(qtbot, repair.answer_btn)
    consent = repair.findChild(ConsentDialog)
    assert consent is not None
    qtbot.waitExposed(consent)
    assert (consent.who.text(), consent.phone.text()) == ("张伟", "+8613812345678")
    person.click(qtbot, _ok(consent.buttons))  # consented, by phone: as the dialog offers it
    assert consent.status in ("approved", "awaiting_manager")
    if consent.status == "awaiting_manager":
        from advisor.services import changes

        # The manager approves at their own desk (tests/ui/test_workshop_pages covers the button).
        changes.approve_major(actor=staff.manager, change_id=change_id)
    repair.close()  # the advisor is done with the RO
    after = get_ro_view(ro_id)
    assert "consent" not in next(s for s in orders.open_orders() if s.id == ro_id).badges
    assert next(x for x in after.lines if x.id == extra.id).status == "approved"
    assert after.promised_at != before.promised_at

    # Now it can be assigned and clocked on from the board.
    assignment.set_view(after)
    _show(qtbot, assignment)
    attempt = _assign_from_the_ro(qtbot, assignment, extra.id)
    person.choose(qtbot, attempt.technician, tech)
    # After the technician's brake pads: a plan over them would be a double booking.
    after_first = a.planned_end.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    person.fill(qtbot, attempt.start, after_first.strftime("%Y-%m-%d %H:%M"))
    person.fill(qtbot, attempt.end, (after_first + dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"))
    with messages.capture(answer=True):
        person.click(qtbot, _ok(attempt.buttons))
    new = attempt.result_view
    assert new is not None
    closed(qtbot, attempt, assignment)
    assignment.close()  # the foreman is done with the RO: back to the board
    _show(qtbot, board)
    board.refresh()  # as its poll does
    with qtbot.waitSignal(board.ctx.ops.changed):
        _menu_action(qtbot, board, new.id, "Clock on")
    assert next(j for j in workshop.board() if j.id == new.id).status == "in_progress"
