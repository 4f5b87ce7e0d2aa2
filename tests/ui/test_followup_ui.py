"""Step 13 through the GUI: the queue (due, overdue, upcoming, done) and the call form —
an unhappy customer gets a recheck appointment booked from the call, linked to the RO."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QModelIndex, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLabel, QSpinBox, QWidget

from advisor.models import now
from advisor.services import appointments, followup, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import (
    choose_data,
    click,
    desk,
    errors,
    fill_number,
    find,
    host,
    open_workspace,
    set_datetime,
    tick,
)
from tests.ui.shell_support import workstation  # noqa: F401
from ui.followup_form import FollowUpForm
from ui.ro.pages.followup import FollowUpPage
from ui.workspaces.followup import STATUS_ROLE, FollowUpWorkspace, QueueModel


def handed_over(staff: factories.Staff, ago: dt.timedelta, name: str, phone: str) -> int:
    _c, vehicle_id = factories.make_customer_vehicle(staff, name=name, phone=phone)
    ro_id, _lines = factories.settled_paid(staff, vehicle_id=vehicle_id)
    when = now() - ago
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by=name,
        result_shown=True,
        at=when,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    return ro_id


def workspace(qtbot, ctx) -> FollowUpWorkspace:  # type: ignore[no-untyped-def]
    ws = open_workspace(qtbot, desk(qtbot, ctx), "followup")
    assert isinstance(ws, FollowUpWorkspace)
    return ws


def pick_call(qtbot, ws: FollowUpWorkspace, ro_id: int) -> bool:  # type: ignore[no-untyped-def]
    """Click the call of RO ``ro_id`` in the queue (False when it is not listed)."""
    row = next((i for i, f in enumerate(ws.model.rows) if f.ro_id == ro_id), None)
    if row is None:
        return False
    person.click_at(qtbot, ws.table, ws.model.index(row, 2))
    return ws.form.follow_up is not None and ws.form.follow_up.ro_id == ro_id


def status_of(ws: FollowUpWorkspace, ro_id: int) -> str:
    row = next(i for i, f in enumerate(ws.model.rows) if f.ro_id == ro_id)
    return str(ws.model.data(ws.model.index(row, 0), STATUS_ROLE))


def rate(qtbot, form: QWidget, scores: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    for dim, value in scores.items():
        fill_number(qtbot, find(form, QSpinBox, f"fu_score_{dim}"), value)


def choose(qtbot, form: QWidget, name: str, data: object) -> None:  # type: ignore[no-untyped-def]
    choose_data(qtbot, find(form, QComboBox, name), data)


HAPPY = {"tangibles": 5, "reliability": 4, "responsiveness": 5, "assurance": 4, "empathy": 5}
UNHAPPY = {"tangibles": 4, "reliability": 2, "responsiveness": 3, "assurance": 3, "empathy": 4}


def test_queue_shows_overdue_due_and_upcoming(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    overdue = handed_over(staff, dt.timedelta(days=3), "王芳", "13900000001")
    due = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    upcoming = handed_over(staff, dt.timedelta(hours=1), "陈静", "13900000003")
    ws = workspace(qtbot, ctx)
    assert [f.ro_id for f in ws.model.rows] == [overdue, due, upcoming]  # most urgent first
    assert [status_of(ws, r) for r in (overdue, due, upcoming)] == ["overdue", "due", "upcoming"]
    first = ws.model.index(0, 0)
    assert ws.model.data(first) == "⚠ Overdue"  # text, not colour alone
    assert ws.model.data(first, Qt.ItemDataRole.ForegroundRole).color() == QColor("#c62828")
    assert ws.model.data(ws.model.index(1, 0)) == "☎ Due"
    assert ws.model.data(ws.model.index(0, 2)) == "王芳"
    assert find(ws, QLabel, "fu_summary").text() == "1 overdue · 1 due · 1 upcoming"
    # The first call is selected with its window and status in the form.
    assert ws.form.follow_up is not None and ws.form.follow_up.ro_id == overdue
    assert "the 48 h standard is missed" in find(ws.form, QLabel, "fu_status").text()


def test_queue_model_is_a_valid_item_model(qtbot, qtmodeltester, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    model = QueueModel()
    model.set_headers([str(i) for i in range(QueueModel.COLUMNS)])
    model.set_rows(followup.queue())
    qtmodeltester.check(model)
    assert model.rowCount(QModelIndex()) == 1


def test_unhappy_call_without_recheck_refused_with_it_books_an_appointment(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    ws = workspace(qtbot, ctx)
    assert pick_call(qtbot, ws, ro_id)
    form = ws.form
    recheck_group = find(form, QWidget, "fu_recheck_group")
    assert not recheck_group.isVisible()
    choose(qtbot, form, "fu_solved", True)
    rate(qtbot, form, UNHAPPY)  # reliability 2 → unhappy
    choose(qtbot, form, "fu_category", "quality")
    person.fill(qtbot, find(form, QWidget, "fu_comments"), "刹车还是有点响")
    assert recheck_group.isVisible()  # the form now asks for the recheck
    click(qtbot, form, "fu_save")
    assert errors(shown) == ["The customer is not satisfied: book a recheck appointment from this call."]
    assert get_ro_view(ro_id).follow_up.status == "due"  # type: ignore[union-attr]
    assert find(form, QSpinBox, "fu_score_reliability").value() == 2  # the input stays

    tick(qtbot, find(form, QCheckBox, "fu_book_recheck"))
    when = QDateTime.currentDateTime().addDays(2)
    when.setTime(QTime(10, 0))
    set_datetime(qtbot, find(form, QDateTimeEdit, "fu_recheck_at"), when)
    click(qtbot, form, "fu_save")
    assert len(errors(shown)) == 1
    f = get_ro_view(ro_id).follow_up
    assert f is not None and f.status == "done" and f.solved is True and f.category == "quality"
    assert f.scores["reliability"] == 2 and f.comments == "刹车还是有点响"
    assert f.recheck_appointment_id is not None
    appt = appointments.get_appointment(f.recheck_appointment_id)
    view = get_ro_view(ro_id)
    assert appt.vehicle_id == view.vehicle.id and view.number in appt.requested_work
    assert appt.starts_at.date() == (dt.date.today() + dt.timedelta(days=2)) and appt.starts_at.hour == 10
    # Done calls leave the default queue; "show done" brings them back with the booking.
    assert all(x.ro_id != ro_id for x in ws.model.rows)
    tick(qtbot, find(ws, QCheckBox, "fu_show_done"))
    assert pick_call(qtbot, ws, ro_id)
    result = find(form, QLabel, "fu_result").text()
    assert f"Recheck booked: appointment #{appt.id}" in result


def test_not_solved_is_unhappy_too(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    ws = workspace(qtbot, ctx)
    pick_call(qtbot, ws, ro_id)
    rate(qtbot, ws.form, HAPPY)
    assert not find(ws.form, QWidget, "fu_recheck_group").isVisible()
    choose(qtbot, ws.form, "fu_solved", False)
    assert find(ws.form, QWidget, "fu_recheck_group").isVisible()


def test_happy_call_is_done_without_recheck(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    ws = workspace(qtbot, ctx)
    pick_call(qtbot, ws, ro_id)
    click(qtbot, ws.form, "fu_save")
    assert errors(shown) == ["Rate each of the five dimensions from 1 to 5."]
    rate(qtbot, ws.form, HAPPY)
    click(qtbot, ws.form, "fu_save")
    assert errors(shown) == ["Rate each of the five dimensions from 1 to 5.", "Was the problem solved?"]
    choose(qtbot, ws.form, "fu_solved", True)
    choose(qtbot, ws.form, "fu_category", "praise")
    click(qtbot, ws.form, "fu_save")
    assert len(errors(shown)) == 2
    f = get_ro_view(ro_id).follow_up
    assert f is not None and f.status == "done" and f.recheck_appointment_id is None
    assert f.within_window is True
    assert get_ro_view(ro_id).status == "closed"


def test_three_unanswered_calls_make_the_customer_unreachable(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    ws = workspace(qtbot, ctx)
    pick_call(qtbot, ws, ro_id)
    click(qtbot, ws.form, "fu_not_reached")
    pick_call(qtbot, ws, ro_id)
    assert find(ws.form, QLabel, "fu_attempts").text() == "Unanswered calls so far: 1 of 3"
    assert ws.model.data(ws.model.index(0, 7)) == "1 unanswered"
    click(qtbot, ws.form, "fu_not_reached")
    pick_call(qtbot, ws, ro_id)
    click(qtbot, ws.form, "fu_not_reached")
    assert errors(shown) == []
    assert get_ro_view(ro_id).follow_up.status == "unreachable"  # type: ignore[union-attr]
    assert all(x.ro_id != ro_id for x in ws.model.rows)


def test_follow_up_page_of_the_ro(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    page = host(qtbot, ctx, FollowUpPage, ro_id)
    form = page.findChild(FollowUpForm)
    assert form is not None and form.isVisible()
    header = find(form, QLabel, "fu_header").text()
    f = get_ro_view(ro_id).follow_up
    assert f is not None and "call due between" in header
    assert "Status: Due" in find(form, QLabel, "fu_status").text()
    rate(qtbot, form, HAPPY)
    choose(qtbot, form, "fu_solved", True)
    click(qtbot, form, "fu_save")
    assert errors(shown) == []
    assert get_ro_view(ro_id).follow_up.status == "done"  # type: ignore[union-attr]
    assert "Status: Done" in find(form, QLabel, "fu_status").text()
    assert not find(form, QWidget, "fu_save").isVisibleTo(form)


def test_follow_up_page_locked_before_handover(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.settled_paid(staff)
    page = host(qtbot, ctx, FollowUpPage, ro_id)
    assert "has not been handed over" in find(page, QLabel, "followup_locked").text()
    assert page.findChild(FollowUpForm).isHidden()  # type: ignore[union-attr]


def test_an_early_call_counts_only_when_the_customer_called(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    """Handed over 2 hours ago: the form says when the window opens; saving the call is
    refused (nothing changes) until "The customer called us" is ticked; then it is done,
    recorded as the customer's call, and the result says it was early by their call."""
    from tests.snapshot import db_snapshot

    ro_id = handed_over(staff, dt.timedelta(hours=2), "陈静", "13900000003")
    ws = workspace(qtbot, ctx)
    assert pick_call(qtbot, ws, ro_id)
    banner = find(ws.form, QLabel, "fu_status").text()
    assert "Upcoming" in banner and "only if the customer called us" in banner
    rate(qtbot, ws.form, HAPPY)
    choose(qtbot, ws.form, "fu_solved", True)
    before = db_snapshot()
    click(qtbot, ws.form, "fu_save")
    (refusal,) = errors(shown)
    assert refusal.startswith("The follow-up call is due from") and "customer started" in refusal
    assert db_snapshot() == before
    called = find(ws.form, QCheckBox, "fu_customer_called")
    tick(qtbot, called)
    assert not find(ws.form, QWidget, "fu_not_reached").isEnabled()  # their call reached us
    click(qtbot, ws.form, "fu_save")
    assert len(errors(shown)) == 1
    f = get_ro_view(ro_id).follow_up
    assert f is not None and f.status == "done" and f.customer_initiated and f.timing == "early_customer"
    assert get_ro_view(ro_id).status == "closed"
    assert "Timing: Early — the customer called" in find(ws.form, QLabel, "fu_result").text()


def test_a_late_call_is_accepted_and_shown_late_in_the_queue(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = handed_over(staff, dt.timedelta(hours=50), "王芳", "13900000001")
    ws = workspace(qtbot, ctx)
    assert pick_call(qtbot, ws, ro_id)
    assert "counts as late" in find(ws.form, QLabel, "fu_status").text()
    rate(qtbot, ws.form, HAPPY)
    choose(qtbot, ws.form, "fu_solved", True)
    click(qtbot, ws.form, "fu_save")
    assert errors(shown) == []
    f = get_ro_view(ro_id).follow_up
    assert f is not None and f.timing == "late" and not f.customer_initiated
    tick(qtbot, find(ws, QCheckBox, "fu_show_done"))
    qtbot.waitUntil(lambda: any(x.ro_id == ro_id for x in ws.model.rows))
    row = next(i for i, x in enumerate(ws.model.rows) if x.ro_id == ro_id)
    assert ws.model.data(ws.model.index(row, 0)) == "✓ Done · Late — after 48 h"
    assert "(1 late)" in find(ws, QLabel, "fu_summary").text()
