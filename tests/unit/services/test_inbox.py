"""What waits on the advisor ("needs me"): each kind shows on its own RO, for the RO's
advisor (and a manager) only, and goes when its action is done."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from advisor.codes import NeedKind
from advisor.errors import GateError, PermissionDenied
from advisor.models import RepairOrder, StepEvent, now
from advisor.services import changes, followup, inbox, parts, quality, settings, settlement, workshop
from advisor.services.inbox import NeedItem, read_needs_me
from advisor.services.orders import get_ro_view
from advisor.workflow import Step
from tests import factories
from tests.factories import Staff

MIN = dt.timedelta(minutes=1)


def needs(staff: Staff, who: str = "advisor", at: dt.datetime | None = None) -> list[NeedItem]:
    actor = {"advisor": staff.advisor, "advisor2": staff.advisor2, "manager": staff.manager}[who]
    return read_needs_me(actor=actor, now=at)


def kinds(staff: Staff, ro_id: int, who: str = "advisor", at: dt.datetime | None = None) -> list[str]:
    return [i.kind for i in needs(staff, who, at) if i.ro_id == ro_id]


def one(staff: Staff, ro_id: int, kind: str, at: dt.datetime | None = None) -> NeedItem:
    found = [i for i in needs(staff, at=at) if i.ro_id == ro_id and i.kind == kind]
    assert len(found) == 1, needs(staff, at=at)
    return found[0]


def only_the_owner_and_a_manager(staff: Staff, ro_id: int, kind: str, at: dt.datetime | None = None) -> None:
    assert kind in kinds(staff, ro_id, "advisor", at)
    assert kind in kinds(staff, ro_id, "manager", at)
    assert kinds(staff, ro_id, "advisor2", at) == []


def extra_work(staff: Staff, ro_id: int) -> int:
    return changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="Disc scored 刹车盘磨损",
        lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1"}],
    )


def consent(staff: Staff, cr: int, yes: bool = True) -> str:
    return changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=yes,
        consent_by="张伟",
        method="in_person",
        refusal_reason=None if yes else factories.reason_id("no_time"),
        signature=factories.signature() if yes else None,
    )


def test_only_advisors_and_managers_read_it(staff: Staff) -> None:
    for actor in (staff.foreman, staff.technician, staff.cashier, staff.parts, staff.admin):
        with pytest.raises(PermissionDenied):
            read_needs_me(actor=actor)
    assert needs(staff) == []


def test_a_change_request_waits_for_the_customers_answer(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    assert kinds(staff, ro_id) == []
    cr = extra_work(staff, ro_id)
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.CONSENT)
    item = one(staff, ro_id, NeedKind.CONSENT)
    assert (item.step, item.ref, item.number) == (Step.REPAIR, cr, get_ro_view(ro_id).number)
    assert item.plate == get_ro_view(ro_id).vehicle.plate
    assert "Disc scored" in item.detail_en and "追加作业" in item.detail_zh
    assert consent(staff, cr) == "approved"
    assert kinds(staff, ro_id) == []


def test_a_refusal_answers_it_too(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    consent(staff, cr, yes=False)
    assert kinds(staff, ro_id, "manager") == []


def test_a_managers_decision_after_the_consent_is_told_to_the_customer(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _ = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    assert consent(staff, cr) == "awaiting_manager"
    assert kinds(staff, ro_id) == []  # the manager's move now: it waits on them
    assert kinds(staff, ro_id, "manager") == [NeedKind.APPROVAL]
    assert kinds(staff, ro_id, "advisor2") == []
    assert changes.approve_major(actor=staff.manager, change_id=cr) == "approved"
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.DECISION)
    assert kinds(staff, ro_id, "manager") == [NeedKind.DECISION]  # approved: no longer theirs
    item = one(staff, ro_id, NeedKind.DECISION)
    assert (item.step, item.ref) == (Step.REPAIR, cr)
    assert item.detail_en.startswith("The manager approved")
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id, note="told: the disc is replaced")
    assert kinds(staff, ro_id) == []


def test_a_rejection_is_told_too(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _ = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    assert (
        changes.approve_major(actor=staff.manager, change_id=cr, approve=False, note="not needed yet")
        == "rejected"
    )
    assert one(staff, ro_id, NeedKind.DECISION).detail_zh.startswith("经理已驳回")
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id)
    assert kinds(staff, ro_id) == []


def test_an_approval_before_the_answer_is_told_by_the_consent(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _ = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    assert changes.approve_major(actor=staff.manager, change_id=cr) == "pending"
    assert kinds(staff, ro_id) == [NeedKind.CONSENT]  # still the customer's answer
    assert consent(staff, cr) == "approved"
    assert kinds(staff, ro_id) == []


def test_parts_arrived_waits_until_the_customer_is_told(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    order = parts.order_part(actor=staff.parts, part_id=1, quantity=1, expected_on=now().date(), ro_id=ro_id)
    assert kinds(staff, ro_id) == []
    parts.book_arrival(actor=staff.parts, order_id=order.id)
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.PARTS_ARRIVED)
    item = one(staff, ro_id, NeedKind.PARTS_ARRIVED)
    (task,) = parts.tasks_for(staff.advisor.user_id)
    assert (item.step, item.ref) == (Step.PARTS, task.id)
    parts.complete_task(actor=staff.advisor, task_id=task.id)
    assert kinds(staff, ro_id) == []


def fail_qc(staff: Staff, ro_id: int) -> None:
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, False) for i in quality.checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        notes="Squeal still there",
    )


def finish_rework(staff: Staff, ro_id: int) -> None:
    for a in workshop.board():
        if a.ro_id == ro_id and a.status != "done":
            workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
            workshop.finish(actor=staff.foreman, assignment_id=a.id)
    factories.self_check(staff, ro_id)  # the rework signed again before the next check


def test_a_failed_final_check_waits_until_the_customer_hears_of_it(staff: Staff) -> None:
    ro_id, _ = factories.worked(staff)
    fail_qc(staff, ro_id)
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.QC_FAILED)
    item = one(staff, ro_id, NeedKind.QC_FAILED)
    assert item.step == Step.QC and "Squeal still there" in item.detail_en
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id)
    assert NeedKind.QC_FAILED not in kinds(staff, ro_id)
    # (the update a minute ago: times are kept to the second)
    StepEvent.update(at=now() - MIN).where(StepEvent.action == "customer_informed").execute()
    finish_rework(staff, ro_id)
    fail_qc(staff, ro_id)  # failed again, after the update: waits again
    assert NeedKind.QC_FAILED in kinds(staff, ro_id)


def test_a_passed_check_ends_it(staff: Staff) -> None:
    ro_id, _ = factories.worked(staff)
    fail_qc(staff, ro_id)
    finish_rework(staff, ro_id)
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in quality.checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
    )
    assert NeedKind.QC_FAILED not in kinds(staff, ro_id)


def test_a_promise_the_remaining_work_overruns_is_at_risk(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)  # one hour of brake work, promised in 4 hours
    promised = get_ro_view(ro_id).promised_at
    assert promised is not None
    assert kinds(staff, ro_id, at=promised - 61 * MIN) == []
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.PROMISE_AT_RISK, at=promised - 59 * MIN)
    item = one(staff, ro_id, NeedKind.PROMISE_AT_RISK, at=promised - 30 * MIN)
    assert item.step == Step.REPAIR and item.since == promised - 60 * MIN
    assert "60 min of work left" in item.detail_en

    # 50 minutes clocked, the job paused: ten left.
    (line,) = [x for x in get_ro_view(ro_id).approved_lines if x.kind == "labour"]
    start = now() - 50 * MIN
    a = workshop.assign(
        actor=staff.foreman,
        line_id=line.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + 60 * MIN,
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=a.id, at=start)
    workshop.pause(actor=staff.foreman, assignment_id=a.id, reason="parts")
    assert kinds(staff, ro_id, at=promised - 11 * MIN) == []
    assert kinds(staff, ro_id, at=promised - 9 * MIN) == [NeedKind.PROMISE_AT_RISK]
    # Running again: the clock counts on (at the promise, 50 + 5 minutes are worked).
    workshop.resume(actor=staff.foreman, assignment_id=a.id, at=promised - 15 * MIN)
    assert kinds(staff, ro_id, at=promised - 9 * MIN) == []
    assert kinds(staff, ro_id, at=promised + MIN) == [NeedKind.PROMISE_AT_RISK]  # late now


def test_a_late_promise_goes_when_a_delay_moves_it(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    assert promised is not None
    late = promised + 10 * MIN
    item = one(staff, ro_id, NeedKind.PROMISE_AT_RISK, at=late)
    assert "late by 10 min" in item.detail_en
    cr = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="delay",
        reason="Waiting for the disc",
        new_promised_at=promised + dt.timedelta(hours=3),
    )
    assert kinds(staff, ro_id, at=late) == [NeedKind.CONSENT]  # the delay in flight stands for it
    consent(staff, cr)
    assert kinds(staff, ro_id, at=late) == []


def test_a_progress_update_after_the_promise_went_at_risk_clears_it(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    RepairOrder.update(promised_at=now() + 30 * MIN).where(RepairOrder.id == ro_id).execute()
    assert kinds(staff, ro_id) == [NeedKind.PROMISE_AT_RISK]
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id)
    assert kinds(staff, ro_id) == []


def test_a_customer_waiting_at_the_shop_hears_every_half_hour(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    assert kinds(staff, ro_id, at=now() + dt.timedelta(hours=2)) == []  # not waiting here
    RepairOrder.update(
        customer_waits=True, arrived_at=now() - 40 * MIN, checked_in_at=now() - 31 * MIN
    ).where(RepairOrder.id == ro_id).execute()
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.LOUNGE)
    item = one(staff, ro_id, NeedKind.LOUNGE)
    assert item.step == get_ro_view(ro_id).step and "no update for 31 min" in item.detail_en
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id, note="brakes half done")
    assert kinds(staff, ro_id) == []
    assert kinds(staff, ro_id, at=now() + 29 * MIN) == []
    assert kinds(staff, ro_id, at=now() + 31 * MIN) == [NeedKind.LOUNGE]
    events = get_ro_view(ro_id).events
    assert [e.note for e in events if e.action == "customer_informed"] == ["brakes half done"]


def test_a_follow_up_call_due_waits_until_it_is_logged(staff: Staff) -> None:
    ro_id, _ = factories.handed_over(staff)
    assert kinds(staff, ro_id) == []  # due from 24 hours after the handover
    at = now() + dt.timedelta(hours=25)
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.FOLLOW_UP, at=at)
    assert one(staff, ro_id, NeedKind.FOLLOW_UP, at=at).step == Step.FOLLOW_UP
    followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=dict.fromkeys(followup.DIMENSIONS, 5),
        at=at,
    )
    assert kinds(staff, ro_id, at=at) == []


def test_a_paid_car_waits_for_its_handover(staff: Staff) -> None:
    ro_id, _ = factories.settled_paid(staff)
    only_the_owner_and_a_manager(staff, ro_id, NeedKind.HANDOVER)
    assert one(staff, ro_id, NeedKind.HANDOVER).step == Step.HANDOVER
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    assert kinds(staff, ro_id) == []


def test_a_progress_update_is_for_who_may_and_for_a_car_still_here(staff: Staff) -> None:
    ro_id, _ = factories.handed_over(staff)
    with pytest.raises(PermissionDenied):
        inbox.give_progress_update(actor=staff.technician, ro_id=ro_id)
    with pytest.raises(GateError):
        inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id)


def test_the_read_is_a_few_statements_whatever_the_number_of_ros(
    staff: Staff, caplog: pytest.LogCaptureFixture
) -> None:
    def two_more() -> None:  # one with a change request, one whose promise is checked
        ro_id, _ = factories.authorised(staff)
        extra_work(staff, ro_id)
        factories.authorised(staff)

    two_more()

    def statements() -> tuple[int, int]:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="peewee"):  # peewee logs each statement
            found = len(needs(staff, "manager"))
        return found, len([r for r in caplog.records if r.name == "peewee"])

    found, few = statements()
    for _ in range(3):
        two_more()
    assert found == 1
    assert statements() == (4, few)
    assert few <= 13  # with the lounge setting and the complaints (one statement each)


def test_the_customers_kept_waiting_come_first(staff: Staff) -> None:
    handover, _ = factories.settled_paid(staff)  # paid first: the oldest item
    consent_ro, _ = factories.authorised(staff)
    extra_work(staff, consent_ro)
    lounge, _ = factories.authorised(staff)
    RepairOrder.update(
        customer_waits=True, arrived_at=now() - 40 * MIN, checked_in_at=now() - 31 * MIN
    ).where(RepairOrder.id == lounge).execute()
    assert [(i.kind, i.ro_id) for i in needs(staff)] == [
        (NeedKind.LOUNGE, lounge),
        (NeedKind.CONSENT, consent_ro),
        (NeedKind.HANDOVER, handover),
    ]
    assert set(inbox.URGENCY) == set(NeedKind)  # every kind has its place
