"""The RO's step pages 6–8: part status and wording, assignment, repair with consent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from advisor.models import ChangeRequest
from advisor.services import changes, estimate, parts, workshop
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.modal import closed
from ui import fmt
from ui.assign_dialog import AssignDialog
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.ro.consent_dialog import ConsentDialog
from ui.ro.pages import page_class
from ui.ro.pages.assignment import AssignmentPage
from ui.ro.pages.parts import PartsPage
from ui.ro.pages.repair import RepairPage
from ui.ro.reject_change_dialog import RejectChangeDialog
from ui.workspaces.repair_order import RepairOrderWorkspace


def step_page(qtbot: QtBot, ctx: AppContext, ro_id: int, step: int) -> tuple[RepairOrderWorkspace, Any]:
    """The RO in its workspace at the size the counter uses, the step opened on the step bar."""
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    person.click(qtbot, ws.step_bar.buttons[step])
    assert ws.current_step == step
    return ws, ws.pages[step]


def ok_button(buttons: QDialogButtonBox) -> QWidget:
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_pages_are_found_by_step() -> None:
    assert (page_class(6), page_class(7), page_class(8)) == (PartsPage, AssignmentPage, RepairPage)


def test_a_backorder_shows_its_eta_the_wording_and_the_notify_task(
    ctx: AppContext, staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id = factories.open_checked_in(staff)
    estimate.add_line(actor=staff.advisor, ro_id=ro_id, kind="part", code="38810-TBA-A01", quantity=1)
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={x.id: "approved" for x in get_ro_view(ro_id).lines},
        customer_name="张伟",
        method="in_person",
        promised_at=dt.datetime.now() + dt.timedelta(days=3),
        signature=factories.signature(),
    )
    _ws, page = step_page(qtbot, ctx, ro_id, 6)
    eta = get_ro_view(ro_id).lines[0].part_eta
    assert eta is not None
    expected = f"The part is ordered and expected on {fmt.date(eta)}; we will call you as soon as it arrives."
    assert page.lines.item(0, 4).text() == expected
    assert page.say.text() == expected
    assert not page.notified.isEnabled()

    (order,) = parts.orders_for_ro(ro_id)
    parts.book_arrival(actor=staff.parts, order_id=order.id)
    page.set_view(get_ro_view(ro_id))
    assert page.lines.item(0, 3).text() == "Arrived"
    assert page.notified.isEnabled()
    with qtbot.waitSignal(ctx.ops.changed):  # done: refused calls change nothing
        person.click(qtbot, page.notified)
    assert parts.tasks_for(staff.advisor.user_id) == []
    assert shown == []


def test_the_assignment_page_offers_the_dispatch_dialog_for_an_unassigned_line(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    ro_id, lines = factories.authorised(staff)
    ws, page = step_page(qtbot, make_ctx("foreman"), ro_id, 7)
    assert [line.id for line, _a in page.rows] == [lines[0]]
    person.click_at(qtbot, page.jobs, page.jobs.model().index(0, 0))
    person.click(qtbot, page.assign_btn)
    dialog = page.findChild(AssignDialog)
    assert dialog is not None and dialog.line_id == lines[0]
    qtbot.waitExposed(dialog)
    person.key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, dialog, ws)


def test_repair_page_consent_old_parts_and_training(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, lines = factories.authorised(staff)
    start = dt.datetime.now()
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    ctx = make_ctx("advisor")
    ws, page = step_page(qtbot, ctx, ro_id, 8)
    assert page.jobs.item(0, 3).text() == "Waiting"

    person.click(qtbot, page.raise_btn)
    dialog = page.findChild(ChangeRequestDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    person.click(qtbot, dialog.delay)
    person.fill(qtbot, dialog.reason, "Waiting for the alignment rig")
    new_time = (dt.datetime.now() + dt.timedelta(hours=8)).replace(second=0, microsecond=0)
    person.fill(qtbot, dialog.when, new_time.strftime("%Y-%m-%d %H:%M"))
    person.click(qtbot, ok_button(dialog.buttons))
    assert dialog.change_id is not None
    closed(qtbot, dialog, ws)
    # The workspace reloads its RO itself after the change (50 ms later): wait for it, or the
    # table clicked below is rebuilt under the click.
    qtbot.waitUntil(lambda: page.changes.rowCount() == 1)
    assert page.changes.item(0, 2).text() == "Waiting for the customer"
    assert page.answer_btn.isEnabled()

    person.click_at(qtbot, page.changes, page.changes.model().index(0, 0))
    person.click(qtbot, page.answer_btn)
    consent = page.findChild(ConsentDialog)
    assert consent is not None
    qtbot.waitExposed(consent)
    assert consent.who.text() == "张伟"
    person.choose(qtbot, consent.method, "By phone")
    person.click(qtbot, ok_button(consent.buttons))
    assert consent.status == "approved"
    closed(qtbot, consent, ws)
    view = get_ro_view(ro_id)
    assert view.promised_at == new_time
    assert view.change_requests[0].consent_phone == "+8613812345678"
    # The workspace refreshes itself on "changed" (50 ms later): wait for it, or the old-part
    # combo taken below is replaced under the click.
    # (The button turns off at once; the refresh that rebuilds the combos comes after it.)
    qtbot.waitUntil(lambda: not page.answer_btn.isEnabled() and not ws._refresh_timer.isActive())

    part_line = next(x for x in view.approved_lines if x.kind == "part")
    row = next(r for r, x in enumerate(page.part_lines) if x.id == part_line.id)
    handling = page.old_parts.cellWidget(row, 2)
    assert isinstance(handling, QComboBox)
    person.choose(qtbot, handling, "Returned to the customer")
    assert next(x for x in get_ro_view(ro_id).lines if x.id == part_line.id).old_part_handling == "returned"
    qtbot.waitUntil(lambda: not ws._refresh_timer.isActive())  # the re-read after it, 50 ms on

    person.click(qtbot, page.training)
    person.fill(qtbot, page.training_note, "Squeal only when cold: glazed pads")
    person.click(qtbot, page.training_save)
    view = get_ro_view(ro_id)
    assert view.training_flag and view.training_note.startswith("Squeal")
    assert shown == []
    assert a.id == view.assignments[0].id


def test_a_major_change_waits_for_the_manager(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    cr = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Compressor seized",
        lines=[{"kind": "part", "description": "", "quantity": 1, "code": "38810-TBA-A01"}],
    )
    _ws, page = step_page(qtbot, make_ctx("manager"), ro_id, 8)
    assert get_ro_view(ro_id).change_requests[0].major
    assert not page.approve_btn.isHidden()
    assert page.approve_btn.isEnabled()
    person.click(qtbot, page.approve_btn)
    assert shown == []
    after = get_ro_view(ro_id).change_requests[0]
    assert after.status == "pending"  # approved by the manager; the customer still has to consent
    assert after.manager
    assert cr


def test_the_manager_rejects_a_major_change_saying_why(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Compressor seized",
        lines=[{"kind": "part", "description": "", "quantity": 1, "code": "38810-TBA-A01"}],
    )
    ws, page = step_page(qtbot, make_ctx("manager"), ro_id, 8)
    assert get_ro_view(ro_id).change_requests[0].major
    person.click(qtbot, page.reject_btn)
    dialog = page.findChild(RejectChangeDialog)
    assert dialog is not None and dialog.isVisible()
    person.click(qtbot, dialog.ok_button)  # no reason: refused beside the field, nothing saved
    assert dialog.isVisible() and shown == []
    assert get_ro_view(ro_id).change_requests[0].status == "pending"
    person.click(qtbot, dialog.reason)
    person.type_text(qtbot, "Covered by the maker's warranty")
    person.click(qtbot, dialog.ok_button)
    closed(qtbot, dialog, ws)
    after = get_ro_view(ro_id).change_requests[0]
    assert after.status == "rejected" and after.manager
    assert ChangeRequest.get_by_id(after.id).decided_note == "Covered by the maker's warranty"
    # an advisor is not offered it
    _ws2, advisor_page = step_page(qtbot, make_ctx("advisor"), ro_id, 8)
    assert advisor_page.reject_btn.isHidden()


def test_a_foreman_cannot_record_consent(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    ro_id, _lines = factories.authorised(staff)
    _ws, page = step_page(qtbot, make_ctx("foreman"), ro_id, 8)
    assert page.answer_btn.isHidden()
    assert not page.raise_btn.isHidden()
