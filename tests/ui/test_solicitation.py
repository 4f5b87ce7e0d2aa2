"""Solicitation: a declined contact needs a reason; booking from the call list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from advisor.services import appointments, settlement, solicitation
from tests import factories
from tests.ui import person
from tests.ui.modal import when_shown
from ui.booking_dialog import BookingDialog
from ui.workspaces.solicitation import SolicitationWorkspace


def due_vehicle(staff: factories.Staff) -> tuple[int, int]:
    """A customer whose car was handed over with the next service due in three days."""
    c, v = factories.make_customer_vehicle(staff, name="韩梅梅", phone="13800009999")
    ro_id, _ = factories.settled_paid(staff, vehicle_id=v, decline_last=False)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="韩梅梅",
        result_shown=True,
        next_service_date=dt.date.today() + dt.timedelta(days=3),
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    return c, v


def make_ws(qtbot, ctx):  # type: ignore[no-untyped-def]
    ws = SolicitationWorkspace(ctx)
    person.show_window(qtbot, ws)
    return ws


def contact_count() -> int:
    return sum(
        n
        for _en, _zh, n in solicitation.decline_stats(
            dt.datetime.now() - dt.timedelta(days=1), dt.datetime.now() + dt.timedelta(days=1)
        )
    )


def select_vehicle(qtbot, ws: SolicitationWorkspace, vehicle_id: int) -> None:  # type: ignore[no-untyped-def]
    rows = [i.vehicle_id for i in ws.visible_items()]
    person.click_at(qtbot, ws.table, ws.table.model().index(rows.index(vehicle_id), 0))


def test_declined_contact_requires_a_reason(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    _c, v = due_vehicle(staff)
    ws = make_ws(qtbot, ctx)
    select_vehicle(qtbot, ws, v)
    assert "韩梅梅" in ws.details.toPlainText()
    person.choose(qtbot, ws.outcome, "Declined")
    assert ws.reason.isEnabled()
    person.fill(qtbot, ws.note, "busy this month")
    person.click(qtbot, ws.log_button)
    assert shown == [("error", "Choose why the customer declines.")]
    assert contact_count() == 0
    assert ws.note.text() == "busy this month"  # input kept

    reason = solicitation.decline_reasons()[1]
    person.choose(qtbot, ws.reason, reason.label_en)
    person.click(qtbot, ws.note)
    person.key(qtbot, Qt.Key.Key_Return)  # Enter logs
    assert len(shown) == 1
    stats = solicitation.decline_stats(
        dt.datetime.now() - dt.timedelta(days=1), dt.datetime.now() + dt.timedelta(days=1)
    )
    assert stats == [(reason.label_en, reason.label_zh, 1)]
    # Contacted: the vehicle leaves the call list.
    qtbot.waitUntil(lambda: v not in [i.vehicle_id for i in ws.items])


def test_campaign_text_shown_while_talking(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    _c, v = due_vehicle(staff)
    solicitation.add_campaign(
        actor=staff.manager,
        code="C-AC",
        kind="campaign",
        title_en="Free air-con check",
        title_zh="免费空调检查",
        starts_on=dt.date.today(),
        ends_on=dt.date.today() + dt.timedelta(days=9),
        model_pattern="Accord",
        details="Check refrigerant and filter; 20 min.",
    )
    ws = make_ws(qtbot, ctx)
    person.choose(qtbot, ws.filter, "Campaigns")
    select_vehicle(qtbot, ws, v)
    text = ws.details.toPlainText()
    assert "Free air-con check" in text and "Check refrigerant and filter; 20 min." in text


def test_book_from_the_list(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    c, v = due_vehicle(staff)
    ws = make_ws(qtbot, ctx)
    select_vehicle(qtbot, ws, v)
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=2), dt.time(14))
    prefilled: list[tuple[int | None, int | None, str]] = []

    def book(dialog: BookingDialog) -> None:
        prefilled.append((dialog.vehicle_id, dialog.customer_id, dialog.work.text()))
        person.fill(qtbot, dialog.when, start.strftime("%Y-%m-%d %H:%M"))
        person.click(qtbot, dialog.ok_button)

    logged: list[int | None] = []  # the contact the booking logs (watched, not driven)
    after_booking = ws.after_booking
    ws.after_booking = lambda appointment_id: logged.append(after_booking(appointment_id))  # type: ignore[method-assign]
    when_shown(BookingDialog, book)
    person.click(qtbot, ws.book_button)
    ((vehicle_id, customer_id, work),) = prefilled
    assert vehicle_id == v and customer_id == c  # prefilled
    assert "Service due" in work
    assert shown == []
    booked = appointments.appointments_on(start.date())
    assert [(a.vehicle_id, a.starts_at) for a in booked] == [(v, start)]
    (contact,) = logged
    assert shown == [] and contact is not None
    assert appointments.appointments_on(start.date())[0].source_contact == contact  # linked both ways
    qtbot.waitUntil(lambda: v not in [i.vehicle_id for i in ws.items])
