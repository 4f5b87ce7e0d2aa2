"""Appointments: a full slot is refused unless overridden; reconfirmation; no-shows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from advisor.services import appointments, customers
from tests import factories
from ui import messages
from ui.workspaces.appointments import AppointmentsWorkspace


def tomorrow_at(hour: int) -> dt.datetime:
    return dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(hour))


def make_ws(qtbot, ctx):  # type: ignore[no-untyped-def]
    ws = AppointmentsWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1280, 800)
    ws.show()
    return ws


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
    ws.day.setDate(QDate(at.year, at.month, at.day))
    row = [ws.slots.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(ws.slots.rowCount())].index(at)
    assert "FULL" in ws.slots.item(row, 3).text()  # text, not only colour

    dialog = ws.booking_dialog(starts_at=at)
    qtbot.addWidget(dialog)
    plate = customers.vehicles_of(customer_id)[0].plate
    qtbot.keyClicks(dialog.search, plate[-5:])
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    assert dialog.vehicle_id == vehicle_id
    assert "FULL" in dialog.capacity.text()
    qtbot.keyClicks(dialog.work, "5000 km service")
    dialog.parts.setText("oil filter")
    dialog.price.setText("450")
    dialog.booklet.setChecked(True)
    before = len(appointments.appointments_on(at.date()))

    # The user says no to the override: nothing booked, the dialog and input stay.
    with messages.capture(answer=False) as seen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert seen[0][0] == "confirm" and "slot is full" in seen[0][1]
    assert len(appointments.appointments_on(at.date())) == before
    assert dialog.result() == 0 and dialog.work.text() == "5000 km service"

    # Yes, book anyway: an explicit override is recorded.
    with messages.capture(answer=True) as seen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [k for k, _ in seen] == ["confirm"]
    booked = dialog.result_view
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
    ws = make_ws(qtbot, ctx)
    dialog = ws.booking_dialog(starts_at=tomorrow_at(15))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._set_vehicle(customer_id, vehicle_id)
    dialog.work.setText("noise check")
    qtbot.keyClick(dialog.work, Qt.Key.Key_Return)  # Enter confirms
    assert shown == []
    assert dialog.result_view is not None and not dialog.result_view.override_capacity


def test_booking_without_requested_work_is_refused_by_the_service(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    customer_id, vehicle_id = factories.make_customer_vehicle(staff)
    ws = make_ws(qtbot, ctx)
    dialog = ws.booking_dialog(starts_at=tomorrow_at(15), customer_id=customer_id, vehicle_id=vehicle_id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert shown == [("error", "Record the work the customer asks for.")]
    assert dialog.result_view is None


def test_reconfirmation_outcome_recorded(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    a = appointments.book_appointment(
        actor=staff.advisor, customer_id=c, vehicle_id=v, starts_at=tomorrow_at(9), requested_work="service"
    )
    ws = make_ws(qtbot, ctx)
    assert ws.reconfirm.rowCount() == 1
    ws.reconfirm.selectRow(0)
    qtbot.mouseClick(ws.outcome_buttons["confirmed"], Qt.MouseButton.LeftButton)
    assert shown == []
    got = appointments.get_appointment(a.id)
    assert (got.reconfirm_outcome, got.status) == ("confirmed", "confirmed")
    qtbot.waitUntil(lambda: ws.reconfirm.item(0, 3).text() == "confirmed")


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
    ws.day.setDate(QDate.currentDate())
    ws.refresh()
    ids = [ws.bookings.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(ws.bookings.rowCount())]
    ws.bookings.selectRow(ids.index(past.id))
    qtbot.mouseClick(ws.no_show_button, Qt.MouseButton.LeftButton)
    assert shown == []
    assert appointments.get_appointment(past.id).status == "no_show"
    # Tomorrow's appointment cannot be a no-show yet: the domain's message is shown.
    c2, v2 = factories.make_customer_vehicle(staff)
    later = appointments.book_appointment(
        actor=staff.advisor, customer_id=c2, vehicle_id=v2, starts_at=tomorrow_at(11), requested_work="x"
    )
    ws.day.setDate(ws.day.date().addDays(1))
    ws.bookings.selectRow(0)
    qtbot.mouseClick(ws.no_show_button, Qt.MouseButton.LeftButton)
    assert shown == [("error", "The appointment time has not come yet.")]
    assert appointments.get_appointment(later.id).status == "booked"


def test_week_view_shows_capacity_with_text(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    at = tomorrow_at(10)
    fill_slot(staff, at)
    ws = make_ws(qtbot, ctx)
    ws.day.setDate(QDate(at.year, at.month, at.day))
    ws.mode.setCurrentIndex(1)
    col = at.weekday()
    texts = [ws.week.item(r, col).text() for r in range(ws.week.rowCount())]
    assert any("FULL" in t for t in texts)
    assert all("min" in t and "bays" in t for t in texts)


def _answer_change(monkeypatch, *, when: dt.datetime | None = None, reason: str = "") -> list:  # type: ignore[no-untyped-def]
    """Fill and accept the move/cancel dialog when it opens; returns the dialogs seen."""
    from PySide6.QtWidgets import QDialog

    from ui.desk_fmt import to_qdatetime
    from ui.workspaces.appointments import ChangeDialog

    seen: list[ChangeDialog] = []

    def exec_(self: ChangeDialog) -> int:
        seen.append(self)
        if when is not None:
            self.when.setDateTime(to_qdatetime(when))
        self.reason.setText(reason)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ChangeDialog, "exec", exec_)
    return seen


def test_a_customer_calls_to_move_then_to_cancel_the_appointment(qtbot, ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    a = appointments.book_appointment(actor=staff.advisor, customer_id=c, vehicle_id=v,
                                      starts_at=tomorrow_at(9), requested_work="service")  # fmt: skip
    ws = make_ws(qtbot, ctx)
    ws.day.setDate(QDate(tomorrow_at(9).date()))
    qtbot.waitUntil(lambda: ws.bookings.rowCount() == 1)
    ws.bookings.selectRow(0)
    seen = _answer_change(monkeypatch, when=tomorrow_at(14))
    qtbot.mouseClick(ws.move_button, Qt.MouseButton.LeftButton)
    assert shown == [] and not seen[0].cancelling
    moved = appointments.get_appointment(a.id)
    assert (moved.starts_at, moved.status) == (tomorrow_at(14), "booked")
    qtbot.waitUntil(lambda: ws.bookings.item(0, 0).text() == "14:00")

    ws.bookings.selectRow(0)
    _answer_change(monkeypatch, reason="出差")
    qtbot.mouseClick(ws.cancel_button, Qt.MouseButton.LeftButton)
    assert appointments.get_appointment(a.id).status == "cancelled"
    # a cancelled appointment cannot be moved any more: the domain says so
    _answer_change(monkeypatch, when=tomorrow_at(15))
    ws.change(a.id)
    assert shown[-1] == ("error", "This appointment is no longer pending.")
    assert appointments.get_appointment(a.id).starts_at == tomorrow_at(14)


def test_reconfirmation_call_to_reschedule_moves_it_at_once(qtbot, ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c, v = factories.make_customer_vehicle(staff)
    a = appointments.book_appointment(actor=staff.advisor, customer_id=c, vehicle_id=v,
                                      starts_at=tomorrow_at(9), requested_work="service")  # fmt: skip
    ws = make_ws(qtbot, ctx)
    ws.reconfirm.selectRow(0)
    day_after = tomorrow_at(10) + dt.timedelta(days=1)
    _answer_change(monkeypatch, when=day_after)
    qtbot.mouseClick(ws.outcome_buttons["rescheduled"], Qt.MouseButton.LeftButton)
    assert shown == []
    got = appointments.get_appointment(a.id)
    assert (got.reconfirm_outcome, got.starts_at) == ("rescheduled", day_after)
