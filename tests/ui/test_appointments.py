"""Appointments: a full slot is refused unless overridden; reconfirmation; no-shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget

from advisor.services import appointments, customers
from tests import factories
from tests.ui import person
from tests.ui.modal import when_shown
from ui import messages
from ui.booking_dialog import BookingDialog
from ui.workspaces.appointments import AppointmentsWorkspace, ChangeDialog


def tomorrow_at(hour: int) -> dt.datetime:
    return dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(hour))


def make_ws(qtbot, ctx):  # type: ignore[no-untyped-def]
    ws = AppointmentsWorkspace(ctx)
    person.show_window(qtbot, ws)
    return ws


def click_row(qtbot, table: QTableWidget, row: int) -> None:  # type: ignore[no-untyped-def]
    person.click_at(qtbot, table, table.model().index(row, 0))


def answered(kind: type[QDialog], act: Callable[[Any], None]) -> list[Any]:
    """Answer the next dialog of ``kind`` with ``act`` once it is up; returns [dialog] after."""
    seen: list[Any] = []

    def answer(dialog: Any) -> None:
        seen.append(dialog)
        act(dialog)

    when_shown(kind, answer)
    return seen


def ok(dialog: QDialog) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def choose_vehicle(qtbot, dialog: BookingDialog, plate: str) -> None:  # type: ignore[no-untyped-def]
    """Type the end of the plate into the search, click the vehicle found."""
    person.fill(qtbot, dialog.search, plate[-5:])
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    person.click_at(qtbot, dialog.results, dialog.results.model().index(0, 0))


def fill_slot(staff: factories.Staff, at: dt.datetime) -> None:
    """Book the slot until it has no technician time left (3 technicians ≈ 144 min/h)."""
    while not next(s for s in appointments.capacity(at.date()) if s.start == at).full:
        c, v = factories.make_customer_vehicle(staff, name="占位")
        appointments.book_appointment(
            actor=staff.advisor,
            customer_id=c,
            vehicle_id=v,
            starts_at=at,
            duration_min=60,
            requested_work="service",
            override=True,
        )


def test_booking_a_full_slot_needs_an_explicit_override(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    at = tomorrow_at(10)
    fill_slot(staff, at)
    customer_id, vehicle_id = factories.make_customer_vehicle(staff, name="李雷", phone="13900001234")
    ws = make_ws(qtbot, ctx)
    person.click(qtbot, ws.next_button)  # tomorrow
    row = [ws.slots.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(ws.slots.rowCount())].index(at)
    assert "FULL" in ws.slots.item(row, 3).text()  # text, not only colour
    plate = customers.vehicles_of(customer_id)[0].plate
    before = len(appointments.appointments_on(at.date()))
    steps: list[str] = []

    def book(dialog: BookingDialog) -> None:
        person.fill(qtbot, dialog.search, plate[-5:])
        qtbot.waitUntil(lambda: dialog.results.count() > 0)
        assert dialog.vehicle_id == vehicle_id
        assert "FULL" in dialog.capacity.text()
        person.fill(qtbot, dialog.work, "5000 km service")
        person.fill(qtbot, dialog.parts, "oil filter")
        person.fill(qtbot, dialog.price, "450")
        person.click(qtbot, dialog.booklet)

        # The user says no to the override: nothing booked, the dialog and input stay.
        with messages.capture(answer=False) as seen:
            person.click(qtbot, dialog.ok_button)
        assert seen[0][0] == "confirm" and "slot is full" in seen[0][1]
        assert len(appointments.appointments_on(at.date())) == before
        assert dialog.isVisible() and dialog.work.text() == "5000 km service"
        steps.append("refused kept")

        # Yes, book anyway: an explicit override is recorded.
        with messages.capture(answer=True) as seen:
            person.click(qtbot, dialog.ok_button)
        assert [k for k, _ in seen] == ["confirm"]
        steps.append("booked")

    dialogs = answered(BookingDialog, book)
    click_row(qtbot, ws.slots, row)
    person.key(qtbot, Qt.Key.Key_Return)  # Enter on a slot books it
    assert steps == ["refused kept", "booked"]
    booked = dialogs[0].result_view
    assert booked is not None and booked.override_capacity
    assert (booked.vehicle_id, booked.requested_work, booked.parts_needed) == (
        vehicle_id,
        "5000 km service",
        "oil filter",
    )
    assert booked.estimated_cents == 45_000 and booked.booklet_reminded
    assert len(appointments.appointments_on(at.date())) == before + 1


def test_booking_a_free_slot_asks_nothing(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    customer_id, vehicle_id = factories.make_customer_vehicle(staff)
    plate = customers.vehicles_of(customer_id)[0].plate
    ws = make_ws(qtbot, ctx)

    def book(dialog: BookingDialog) -> None:
        person.fill(qtbot, dialog.when, tomorrow_at(15).strftime("%Y-%m-%d %H:%M"))
        choose_vehicle(qtbot, dialog, plate)
        person.fill(qtbot, dialog.work, "noise check")
        person.key(qtbot, Qt.Key.Key_Return)  # Enter confirms

    dialogs = answered(BookingDialog, book)
    person.click(qtbot, ws.book_button)
    assert shown == []
    (dialog,) = dialogs
    assert dialog.result_view is not None and not dialog.result_view.override_capacity
    assert (dialog.result_view.vehicle_id, dialog.result_view.starts_at) == (vehicle_id, tomorrow_at(15))


def test_booking_without_requested_work_is_refused_by_the_service(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    customer_id, _vehicle_id = factories.make_customer_vehicle(staff)
    plate = customers.vehicles_of(customer_id)[0].plate
    ws = make_ws(qtbot, ctx)
    kept: list[bool] = []

    def book(dialog: BookingDialog) -> None:
        person.fill(qtbot, dialog.when, tomorrow_at(15).strftime("%Y-%m-%d %H:%M"))
        choose_vehicle(qtbot, dialog, plate)
        person.fill(qtbot, dialog.work, "")
        person.click(qtbot, dialog.ok_button)
        kept.append(dialog.isVisible())
        person.key(qtbot, Qt.Key.Key_Escape)

    dialogs = answered(BookingDialog, book)
    person.click(qtbot, ws.book_button)
    assert shown == [("error", "Record the work the customer asks for.")]
    assert kept == [True] and dialogs[0].result_view is None


def test_reconfirmation_outcome_recorded(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    a = appointments.book_appointment(
        actor=staff.advisor, customer_id=c, vehicle_id=v, starts_at=tomorrow_at(9), requested_work="service"
    )
    ws = make_ws(qtbot, ctx)
    assert ws.reconfirm.rowCount() == 1
    click_row(qtbot, ws.reconfirm, 0)
    person.click(qtbot, ws.outcome_buttons["confirmed"])
    assert shown == []
    got = appointments.get_appointment(a.id)
    assert (got.reconfirm_outcome, got.status) == ("confirmed", "confirmed")
    qtbot.waitUntil(lambda: ws.reconfirm.item(0, 3).text() == "Confirmed")


def test_no_show_recorded_and_refused_before_time(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    now = dt.datetime.now().replace(microsecond=0)
    past = appointments.book_appointment(
        actor=staff.advisor,
        customer_id=c,
        vehicle_id=v,
        starts_at=now,
        requested_work="service",
        requested_at=now - dt.timedelta(hours=1),
        override=True,
    )
    ws = make_ws(qtbot, ctx)
    person.click(qtbot, ws.today_button)
    ids = [ws.bookings.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(ws.bookings.rowCount())]
    click_row(qtbot, ws.bookings, ids.index(past.id))
    person.click(qtbot, ws.no_show_button)
    assert shown == []
    assert appointments.get_appointment(past.id).status == "no_show"
    # Tomorrow's appointment cannot be a no-show yet: the domain's message is shown.
    c2, v2 = factories.make_customer_vehicle(staff)
    later = appointments.book_appointment(
        actor=staff.advisor, customer_id=c2, vehicle_id=v2, starts_at=tomorrow_at(11), requested_work="x"
    )
    person.click(qtbot, ws.next_button)
    click_row(qtbot, ws.bookings, 0)
    person.click(qtbot, ws.no_show_button)
    assert shown == [("error", "The appointment time has not come yet.")]
    assert appointments.get_appointment(later.id).status == "booked"


def test_week_view_shows_capacity_with_text(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    at = tomorrow_at(10)
    fill_slot(staff, at)
    ws = make_ws(qtbot, ctx)
    person.click(qtbot, ws.next_button)  # tomorrow
    person.choose(qtbot, ws.mode, "Week")
    col = at.weekday()
    texts = [ws.week.item(r, col).text() for r in range(ws.week.rowCount())]
    assert any("FULL" in t for t in texts)
    assert all("min" in t and "bays" in t for t in texts)


def change_to(qtbot, *, when: dt.datetime | None = None, reason: str = "") -> list[ChangeDialog]:  # type: ignore[no-untyped-def]
    """Fill and accept the move/cancel dialog when it opens; returns the dialogs seen."""

    def answer(dialog: ChangeDialog) -> None:
        if when is not None:
            person.fill(qtbot, dialog.when, when.strftime("%Y-%m-%d %H:%M"))
        if reason:
            person.fill(qtbot, dialog.reason, reason)
        person.click(qtbot, ok(dialog))

    return answered(ChangeDialog, answer)


def test_a_customer_calls_to_move_then_to_cancel_the_appointment(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    a = appointments.book_appointment(
        actor=staff.advisor, customer_id=c, vehicle_id=v, starts_at=tomorrow_at(9), requested_work="service"
    )
    ws = make_ws(qtbot, ctx)
    person.click(qtbot, ws.next_button)  # tomorrow
    qtbot.waitUntil(lambda: ws.bookings.rowCount() == 1)
    click_row(qtbot, ws.bookings, 0)
    seen = change_to(qtbot, when=tomorrow_at(14))
    person.click(qtbot, ws.move_button)
    assert shown == [] and not seen[0].cancelling
    moved = appointments.get_appointment(a.id)
    assert (moved.starts_at, moved.status) == (tomorrow_at(14), "booked")
    qtbot.waitUntil(lambda: ws.bookings.item(0, 0).text() == "14:00")

    click_row(qtbot, ws.bookings, 0)
    seen = change_to(qtbot, reason="出差")
    person.click(qtbot, ws.cancel_button)
    assert seen[0].cancelling
    assert appointments.get_appointment(a.id).status == "cancelled"
    # a cancelled appointment cannot be moved any more: the domain says so
    click_row(qtbot, ws.bookings, 0)
    change_to(qtbot, when=tomorrow_at(15))
    person.click(qtbot, ws.move_button)
    assert shown[-1] == ("error", "This appointment is no longer pending.")
    assert appointments.get_appointment(a.id).starts_at == tomorrow_at(14)


def test_reconfirmation_call_to_reschedule_moves_it_at_once(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    a = appointments.book_appointment(
        actor=staff.advisor, customer_id=c, vehicle_id=v, starts_at=tomorrow_at(9), requested_work="service"
    )
    ws = make_ws(qtbot, ctx)
    click_row(qtbot, ws.reconfirm, 0)
    day_after = tomorrow_at(10) + dt.timedelta(days=1)
    change_to(qtbot, when=day_after)
    person.click(qtbot, ws.outcome_buttons["rescheduled"])
    assert shown == []
    got = appointments.get_appointment(a.id)
    assert (got.reconfirm_outcome, got.starts_at) == ("rescheduled", day_after)
