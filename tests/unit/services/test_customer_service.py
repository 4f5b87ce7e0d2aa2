"""Customer service: an independent follow-up caller (001: 客户服务人员应定期回访客户) who
sees the queue and the customer file, never the repair order itself nor any amount.

The reads such a role can make leave the amounts out in the domain (``_base.sees_money``),
as the lounge leaves out names and plates: the screens get nothing to show.
"""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import auth
from advisor.errors import PermissionDenied
from advisor.models import Appointment, FollowUp, RepairOrder, now
from advisor.services import appointments, followup, history, orders, search, settings, settlement
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot
from tests.unit.services.test_gates import assert_bilingual

UNHAPPY = {"tangibles": 4, "reliability": 2, "responsiveness": 3, "assurance": 3, "empathy": 4}


def handed_over_yesterday(staff: Staff) -> int:
    """An RO settled, paid and handed over 30 hours ago: its call is due."""
    ro_id, _lines = factories.settled_paid(staff)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        at=now() - dt.timedelta(hours=30),
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    return ro_id


def test_the_role_has_its_words_and_only_the_caller_s_permissions() -> None:
    assert auth.role_label("customer_service", "en") == "Customer service"
    assert auth.role_label("customer_service", "zh_CN") == "客服专员"
    cs = "customer_service"
    for action in ("followup.log", "customer.view", "customer.view_phone", "search"):
        assert auth.may(cs, action), action
    for action in ("ro.view", "money.view", "settle", "pay", "estimate.edit", "appointment.book", "handover"):
        assert not auth.may(cs, action), action
    # Every other role keeps seeing amounts.
    assert {r for r in auth.ROLES if auth.may(r, "money.view")} == set(auth.ROLES) - {cs}


def test_customer_service_logs_the_call_and_books_the_recheck_for_the_advisor(staff: Staff) -> None:
    ro_id = handed_over_yesterday(staff)
    cs = staff.customer_service
    assert cs is not None
    queued = followup.read_queue(actor=cs)
    assert [f.ro_id for f in queued] == [ro_id]
    done = followup.log_follow_up(
        actor=cs,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=UNHAPPY,
        recheck_at=now() + dt.timedelta(days=2),
    )
    assert done.status == "done" and done.recheck_appointment_id is not None
    assert FollowUp.get(FollowUp.ro == ro_id).by_user_id == cs.user_id
    appt = Appointment.get_by_id(done.recheck_appointment_id)
    # The recheck is the RO's advisor's visit, not the caller's.
    assert appt.advisor_id == RepairOrder.get_by_id(ro_id).advisor_id == staff.advisor.user_id
    assert appt.recheck_of == ro_id and appt.created_by_id == cs.user_id


def test_customer_service_may_neither_open_the_ro_nor_book_a_visit(staff: Staff) -> None:
    ro_id = handed_over_yesterday(staff)
    cs = staff.customer_service
    assert cs is not None
    with pytest.raises(PermissionDenied) as info:
        orders.read_ro(actor=cs, ro_id=ro_id)
    assert_bilingual(info.value)
    view = orders.get_ro_view(ro_id)
    before = db_snapshot()
    with pytest.raises(PermissionDenied):
        appointments.book_appointment(
            actor=cs,
            customer_id=view.customer.id,
            vehicle_id=view.vehicle.id,
            starts_at=now() + dt.timedelta(days=1),
            requested_work="Recheck",
        )
    assert db_snapshot() == before


def test_the_reads_leave_the_amounts_out_for_customer_service(staff: Staff) -> None:
    ro_id = handed_over_yesterday(staff)
    view = orders.get_ro_view(ro_id)
    cs = staff.customer_service
    assert cs is not None
    appt = appointments.book_appointment(
        actor=staff.advisor,
        customer_id=view.customer.id,
        vehicle_id=view.vehicle.id,
        starts_at=now() + dt.timedelta(days=1),
        requested_work="Oil service",
        estimated_cents=68_000,
    )
    # The advisor sees them…
    assert history.read_vehicle_orders(actor=staff.advisor, vehicle_id=view.vehicle.id)[0].total_cents > 0
    assert (
        appointments.read_appointment(actor=staff.advisor, appointment_id=appt.id).estimated_cents == 68_000
    )
    assert settings.read_dealer(actor=staff.advisor).labour_rate_cents > 0
    # …customer service gets none of them.
    assert [r.total_cents for r in history.read_vehicle_orders(actor=cs, vehicle_id=view.vehicle.id)] == [0]
    assert appointments.read_appointment(actor=cs, appointment_id=appt.id).estimated_cents == 0
    day = appt.starts_at.date()
    assert [a.estimated_cents for a in appointments.read_appointments_on(actor=cs, day=day)] == [0]
    assert settings.read_dealer(actor=cs).labour_rate_cents == 0


def test_search_finds_the_customer_but_no_ro_for_customer_service(staff: Staff) -> None:
    _c, vehicle_id = factories.make_customer_vehicle(staff, name="欧阳娜娜", phone="13912345670")
    factories.open_checked_in(staff, vehicle_id=vehicle_id)
    plate = orders.get_ro_view(orders.open_orders()[0].id).vehicle.plate
    assert "order" in {h.kind for h in search.search(actor=staff.advisor, term=plate)}
    cs = staff.customer_service
    assert cs is not None
    kinds = {h.kind for h in search.search(actor=cs, term=plate)}
    assert "vehicle" in kinds and "order" not in kinds


def test_the_call_brief_tells_the_caller_what_was_asked_and_done_without_money(staff: Staff) -> None:
    """Issue 17: the caller asks "the brake noise you told us about — is it gone?": the
    customer's own words and the approved work, no declined line, no amount field."""
    import dataclasses

    from advisor.models import EstimateLine
    from advisor.services import diagnosis
    from advisor.services.orders import get_ro_view

    ro_id = handed_over_yesterday(staff)
    concern = get_ro_view(ro_id).concerns[0]
    diagnosis.correct_concern(
        actor=staff.advisor, concern_id=concern.id, customer_words="Squeal when braking, mornings"
    )
    brief = followup.read_call_brief(actor=staff.customer_service, ro_id=ro_id)
    assert brief.concerns == ("Squeal when braking, mornings",)  # the correction in force, once
    approved = [
        line.description
        for line in EstimateLine.select().where(EstimateLine.ro == ro_id).order_by(EstimateLine.id)
        if line.status == "approved"
    ]
    assert "Replace front brake pads" in approved and brief.work == tuple(approved)
    assert "Wheel alignment" not in brief.work  # declined at authorisation
    assert brief.advisor and brief.handed_over_at is not None and brief.ro_number
    fields = {f.name for f in dataclasses.fields(brief)}
    assert not {n for n in fields if any(w in n for w in ("amount", "price", "cents", "quantity", "total"))}
    # customer service has no ro.view, yet reads the brief; a role without the call may not
    assert not auth.may("customer_service", "ro.view")
    with pytest.raises(PermissionDenied):
        followup.read_call_brief(actor=staff.technician, ro_id=ro_id)
