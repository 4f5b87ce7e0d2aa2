"""Appointment preparation (issue 17, item 12; 001: 做好客户来店前的准备): each item of an
appointment ticked before the customer comes, each tick audited; the items not ticked
when the RO is opened from it count as misses."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.errors import GateError, ValidationError
from advisor.models import AuditLog, Part, now
from advisor.services import appointments, parts, reception, standards
from tests import factories
from tests.snapshot import db_snapshot

ITEMS = ("parts", "planned", "amount", "time", "booklet")


def _appointment(staff: factories.Staff, *, parts_needed: str = "", hour: int = 9, **kw: object) -> int:
    c, v = factories.make_customer_vehicle(staff)
    tomorrow = dt.datetime.combine(now().date() + dt.timedelta(days=1), dt.time(hour))
    return appointments.book_appointment(
        actor=staff.advisor,
        customer_id=c,
        vehicle_id=v,
        starts_at=tomorrow,
        requested_work="5000 km service",
        parts_needed=parts_needed,
        estimated_cents=68_000,
        **kw,  # type: ignore[arg-type]
    ).id


def _row(appt: int) -> standards.PrepRow:
    (row,) = [r for r in standards.arrivals(now().date() + dt.timedelta(days=1)) if r.appointment_id == appt]
    return row


def test_each_tick_is_audited_and_shown_on_tomorrows_arrivals(staff: factories.Staff) -> None:
    appt = _appointment(staff, parts_needed="机油滤清器")
    assert _row(appt).prepared == 0 and not _row(appt).complete
    standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="parts")
    standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="planned", note="赵磊 · 2号工位")
    standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="amount")
    row = standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="time")
    assert row.prepared == 4
    row = standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="booklet")
    assert row.complete and {t.item: t.note for t in row.ticks}["planned"] == "赵磊 · 2号工位"
    assert all(t.done_by == staff.advisor.display_name for t in row.ticks)
    logged = AuditLog.select().where((AuditLog.entity == "appointment") & (AuditLog.entity_id == appt))
    assert [a.action for a in logged if a.action.startswith("prep")] == ["prep_tick"] * 5
    row = standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="amount", done=False)
    assert row.prepared == 4
    assert AuditLog.select().where(AuditLog.action == "prep_untick").count() == 1


def test_parts_are_ticked_only_when_the_orders_arrived_and_only_when_needed(staff: factories.Staff) -> None:
    appt = _appointment(staff)
    assert not {t.item: t.applicable for t in _row(appt).ticks}["parts"]  # no parts needed
    assert _row(appt).prepared == 1  # the parts item is not applicable, nothing else ticked
    before = db_snapshot()
    with pytest.raises(GateError, match="needs no parts"):
        standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="parts")
    assert db_snapshot() == before
    part = Part.select().first() or Part.get_by_id(
        parts.add_part(actor=staff.parts, code="15400-RTA-003", name="机油滤清器", price_cents=8_000).id
    )
    order = parts.order_part(
        actor=staff.parts, part_id=part.id, quantity=1, expected_on=now().date(), appointment_id=appt
    )
    before = db_snapshot()
    with pytest.raises(GateError, match="not arrived"):
        standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="parts")
    assert db_snapshot() == before
    parts.book_arrival(actor=staff.parts, order_id=order.id)
    assert {
        t.item: t.done
        for t in standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="parts").ticks
    }["parts"]


def test_the_plan_names_the_technician_and_bay_and_bad_items_are_refused(staff: factories.Staff) -> None:
    appt = _appointment(staff)
    before = db_snapshot()
    with pytest.raises(ValidationError, match="technician and the bay"):
        standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="planned", note="  ")
    with pytest.raises(ValidationError):
        standards.tick_prep(actor=staff.advisor, appointment_id=appt, item="coffee")
    assert db_snapshot() == before


def test_an_appointment_that_arrived_counts_what_was_not_prepared(staff: factories.Staff) -> None:
    ready = _appointment(staff, hour=9, booklet_reminded=True)
    unready = _appointment(staff, hour=10, parts_needed="刹车片")
    for item in ("planned", "amount", "time"):
        standards.tick_prep(actor=staff.advisor, appointment_id=ready, item=item, note="孙伟 · 1号工位")
    standards.tick_prep(actor=staff.advisor, appointment_id=unready, item="time")
    for appt in (ready, unready):
        view = appointments.get_appointment(appt)
        reception.open_repair_order(actor=staff.advisor, vehicle_id=view.vehicle_id, appointment_id=appt)
    misses = {m.appointment_id: m.missed for m in standards.prep_misses(now().date(), now().date())}
    assert misses == {ready: (), unready: ("parts", "planned", "amount", "booklet")}
    # After the customer came, the preparation is closed: ticking now changes nothing.
    before = db_snapshot()
    with pytest.raises(GateError, match="no longer expected"):
        standards.tick_prep(actor=staff.advisor, appointment_id=unready, item="amount")
    assert db_snapshot() == before
    assert standards.read_prep_misses(actor=staff.manager, start=now().date(), end=now().date())
