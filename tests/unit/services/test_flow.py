"""One RO through all 13 steps through the services, and what a manager checks after."""

from __future__ import annotations

import datetime as dt

from advisor import audit
from advisor.models import now
from advisor.services import changes, followup, solicitation, workshop
from advisor.services.orders import get_ro_view
from advisor.workflow import Step
from tests import factories


def test_whole_flow_keeps_every_record(staff: factories.Staff) -> None:
    ro_id, lines = factories.authorised(staff)
    view = get_ro_view(ro_id)
    assert view.step == Step.ASSIGNMENT
    labour = view.lines[0]
    start = now()
    a = workshop.assign(
        actor=staff.foreman,
        line_id=labour.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="Brake disc scored",
        lines=[{"kind": "part", "description": "", "quantity": 1, "code": "45251-TBA-A01"}],
        new_promised_at=now() + dt.timedelta(hours=6),
    )
    status = changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
    )
    assert status == "approved"
    workshop.finish(actor=staff.foreman, assignment_id=a.id)
    assert get_ro_view(ro_id).step == Step.REPAIR  # the technician's self-check ends the repair
    factories.self_check(staff, ro_id)
    view = get_ro_view(ro_id)
    assert view.step == Step.QC
    assert (
        view.totals.total_cents
        == sum(x.amount_cents for x in view.approved_lines if x.pay_type == "customer") * 113 // 100
        or view.totals.total_cents > 0
    )
    from advisor.services import quality, settlement
    from advisor.services.quality import checklist

    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
    )
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=total)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id, "returned"),
        signature=factories.signature(),
    )
    view = get_ro_view(ro_id)
    assert view.step == Step.FOLLOW_UP
    fu = followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=False,
        scores=dict.fromkeys(followup.DIMENSIONS, 3),
        recheck_at=now() + dt.timedelta(days=1),
        at=view.follow_up.due_from,
    )
    assert fu.recheck_appointment_id is not None
    view = get_ro_view(ro_id)
    assert view.status == "closed"
    assert view.customer.name == "张伟"
    assert view.concerns[0].customer_words == factories.WORDS
    assert view.change_requests[0].consent_phone == "+8613812345678"
    assert audit.verify().ok
    declined = solicitation.declined_work(vehicle_id=view.vehicle.id)
    assert declined and declined[0].line_ids == (lines[-1],)


def test_parts_leave_stock_when_the_job_starts(staff: factories.Staff) -> None:
    from advisor.models import Part
    from advisor.services import parts

    ro_id, _lines = factories.authorised(staff)
    pads = Part.get(Part.number == "45022-TBA-A01")
    before = (pads.on_hand, pads.reserved)
    assert before[1] == 1  # reserved at authorisation
    factories_start = get_ro_view(ro_id).lines[0]
    a = workshop.assign(
        actor=staff.foreman,
        line_id=factories_start.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
    pads = Part.get(Part.number == "45022-TBA-A01")
    assert (pads.on_hand, pads.reserved) == (before[0] - 1, 0)
    assert get_ro_view(ro_id).lines[1].part_status == "issued"
    assert parts.stock_consistent()


def test_the_customers_reason_for_declining_a_line_is_kept_and_shown(staff: factories.Staff) -> None:
    """The reason follows the line: on the RO and in the next solicitation call."""
    reason = next(r for r in solicitation.decline_reasons() if r.code == "price")
    ro_id, lines = factories.handed_over(staff, decline_reason=reason.id)
    view = get_ro_view(ro_id)
    line = next(x for x in view.lines if x.id == lines[-1])
    assert (line.status, line.decline_reason_en, line.decline_reason_zh) == (
        "declined",
        reason.label_en,
        reason.label_zh,
    )
    kept = next(x for x in view.lines if x.id == lines[0])
    assert kept.decline_reason_en == kept.decline_reason_zh == ""
    (item,) = solicitation.declined_work(vehicle_id=view.vehicle.id)
    assert f"Wheel alignment ({reason.label_en})" in item.detail_en
    assert f"({reason.label_zh})" in item.detail_zh


def test_todays_totals_are_the_ros_totals(staff: factories.Staff) -> None:
    """Today sums what the customer pays in the database; it must agree with
    ``totals_of``: approved lines only, customer-paid only, with tax."""
    from advisor.services import estimate, orders

    proposed, _ = factories.estimated(staff)
    _c, v2 = factories.make_customer_vehicle(staff, name="李娜", phone="13912345678")
    declined, _ = factories.authorised(staff, vehicle_id=v2)
    _c, v3 = factories.make_customer_vehicle(staff, name="王强", phone="13712345678")
    mixed, lines = factories.estimated(staff, vehicle_id=v3)
    warranty = estimate.add_line(
        actor=staff.advisor,
        ro_id=mixed,
        kind="labour",
        code="L-WTY",
        description="Warranty repair",
        quantity="2",
        unit_price_cents=18_000,
        pay_type="warranty",
    )
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=mixed,
        decisions={**dict.fromkeys(lines, "approved"), warranty: "approved"},
        customer_name="王强",
        method="phone",
        phone="13712345678",
        promised_at=now() + dt.timedelta(hours=2),
    )
    shown = {r.id: r.total_cents for r in orders.open_orders()}
    for ro_id in (proposed, declined, mixed):
        assert shown[ro_id] == get_ro_view(ro_id).totals.total_cents, ro_id
    assert shown[proposed] == 0 and shown[mixed] > shown[declined] > 0
