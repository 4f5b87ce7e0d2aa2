"""Complaints and crises (issue 17, item 13): raised, escalated in the level's time,
compensated with the manager's approval, closed with the customer's answer; every
refusal leaves the database as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import workflow
from advisor.codes import ComplaintLevel, ComplaintStatus
from advisor.errors import GateError, PermissionDenied, ValidationError
from advisor.models import AuditLog, Complaint, now
from advisor.services import complaints
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot

WORDS = "你们把我的车门刮花了！上周才喷的漆。"


def _raise(staff: Staff, customer_id: int, **kw: object) -> complaints.ComplaintView:
    args: dict[str, object] = {
        "actor": staff.advisor,
        "customer_id": customer_id,
        "words": WORDS,
        "cause": "damage",
        "level": "general",
        "source": "counter",
    }
    args.update(kw)
    return complaints.raise_complaint(**args)  # type: ignore[arg-type]


def _back_in_time(complaint_id: int, hours: float) -> None:
    """Make the complaint ``hours`` older (its time to escalate moves with it)."""
    c = Complaint.get_by_id(complaint_id)
    delta = dt.timedelta(hours=hours)
    Complaint.update(raised_at=c.raised_at - delta, escalate_by=c.escalate_by - delta).where(
        Complaint.id == complaint_id
    ).execute()


def test_the_escalation_times_by_level() -> None:
    t = dt.datetime(2026, 12, 5, 9, 0)
    assert workflow.escalation_due("crisis", t) == t
    assert workflow.escalation_due("serious", t) == t + dt.timedelta(hours=4)
    assert workflow.escalation_due("general", t) == t + dt.timedelta(hours=24)
    due = t + dt.timedelta(hours=4)
    late = due + dt.timedelta(seconds=1)
    assert not workflow.escalation_overdue(escalate_by=due, escalated_at=None, closed_at=None, at=due)
    assert workflow.escalation_overdue(escalate_by=due, escalated_at=None, closed_at=None, at=late)
    assert not workflow.escalation_overdue(escalate_by=due, escalated_at=late, closed_at=None, at=late)
    # settled with the customer before its time: no manager needed
    assert not workflow.escalation_overdue(escalate_by=due, escalated_at=None, closed_at=t, at=late)
    assert workflow.escalated_late(due, late) and not workflow.escalated_late(due, due)


def test_a_complaint_keeps_the_customers_words_and_its_time_to_escalate(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    v = _raise(staff, cid, level="serious", cause="attitude", source="phone")
    assert v.words == WORDS and v.status == ComplaintStatus.OPEN and v.raised_by == "李娜"
    assert v.escalate_by == v.raised_at + dt.timedelta(hours=4)
    assert v.escalated_at is None and not v.escalation_overdue
    assert (
        AuditLog.select()
        .where((AuditLog.entity == "complaint") & (AuditLog.action == "raise_complaint"))
        .count()
        == 1
    )


def test_a_crisis_needs_the_manager_named_at_once(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    before = db_snapshot()
    with pytest.raises(GateError) as err:
        _raise(staff, cid, level="crisis")
    assert "at once" in err.value.en and "立即" in err.value.zh
    assert db_snapshot() == before
    with pytest.raises(ValidationError):  # an advisor is no manager to escalate to
        _raise(staff, cid, level="crisis", escalate_to=staff.advisor2.user_id)
    assert db_snapshot() == before
    v = _raise(staff, cid, level="crisis", escalate_to=staff.manager.user_id)
    assert v.escalated_to == "周敏" and v.escalated_at == v.raised_at and not v.escalated_late
    # a manager who hears it has it
    mine = _raise(staff, cid, level="crisis", actor=staff.manager)
    assert mine.escalated_to == "周敏"


def test_bad_input_is_refused_and_nothing_saved(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    before = db_snapshot()
    for bad in (
        {"words": "   "},
        {"cause": "weather"},
        {"level": "apocalypse"},
        {"source": "pigeon"},
        {"source": "follow_up"},  # from a follow-up call without the RO
    ):
        with pytest.raises(ValidationError):
            _raise(staff, cid, **bad)
    assert db_snapshot() == before


def test_a_complaint_from_a_follow_up_call_is_linked_to_the_call(staff: Staff) -> None:
    ro_id, _ = factories.handed_over(staff)
    from advisor.models import FollowUp, RepairOrder

    ro = RepairOrder.get_by_id(ro_id)
    v = _raise(staff, ro.customer_id, source="follow_up", ro_id=ro_id, cause="workmanship")
    assert v.ro_id == ro_id and v.ro_number == ro.number
    assert Complaint.get_by_id(v.id).follow_up_id == FollowUp.get(FollowUp.ro == ro_id).id
    other, _ = factories.make_customer_vehicle(staff, name="李雷", phone="13900001111")
    before = db_snapshot()
    with pytest.raises(ValidationError):  # not this customer's RO
        _raise(staff, other, source="follow_up", ro_id=ro_id)
    assert db_snapshot() == before


def test_escalation_late_is_recorded_and_overdue_ones_are_listed(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    serious = _raise(staff, cid, level="serious")
    general = _raise(staff, cid, level="general")
    _back_in_time(serious.id, 5)  # past its 4 h
    _back_in_time(general.id, 5)  # within its 24 h
    overdue = complaints.read_overdue_escalations(actor=staff.manager)
    assert [c.id for c in overdue] == [serious.id]
    listed = complaints.read_complaints(actor=staff.advisor)
    assert listed[0].id == serious.id and listed[0].escalation_overdue
    done = complaints.escalate_complaint(
        actor=staff.advisor, complaint_id=serious.id, manager_id=staff.manager.user_id
    )
    assert done.escalated_late and not done.escalation_overdue and done.escalated_to == "周敏"
    assert complaints.read_overdue_escalations(actor=staff.manager) == []
    before = db_snapshot()
    with pytest.raises(GateError):  # once is enough
        complaints.escalate_complaint(
            actor=staff.manager, complaint_id=serious.id, manager_id=staff.manager.user_id
        )
    assert db_snapshot() == before


def test_compensation_needs_the_managers_approval_before_closing(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    c = _raise(staff, cid, level="serious")
    complaints.escalate_complaint(actor=staff.advisor, complaint_id=c.id, manager_id=staff.manager.user_id)
    v = complaints.propose_compensation(
        actor=staff.advisor, complaint_id=c.id, kind="refund", amount_cents=30_000, note="退还喷漆工时费"
    )
    assert v.compensation_cents == 30_000 and v.compensation_approved_by == ""
    before = db_snapshot()
    with pytest.raises(GateError) as err:
        complaints.close_complaint(actor=staff.advisor, complaint_id=c.id, accepted=True)
    assert "approved" in err.value.en
    with pytest.raises(PermissionDenied):  # an advisor approves nothing
        complaints.approve_compensation(actor=staff.advisor, complaint_id=c.id)
    with pytest.raises(ValidationError):  # money without an amount
        complaints.propose_compensation(actor=staff.advisor, complaint_id=c.id, kind="refund", amount_cents=0)
    assert db_snapshot() == before
    ok = complaints.approve_compensation(actor=staff.manager, complaint_id=c.id)
    assert ok.compensation_approved_by == "周敏" and ok.compensation_approved_at is not None
    closed = complaints.close_complaint(
        actor=staff.advisor, complaint_id=c.id, accepted=True, note="客户满意"
    )
    assert closed.status == ComplaintStatus.CLOSED and closed.accepted is True and closed.closed_by == "李娜"


def test_a_new_offer_needs_approving_again_and_a_managers_own_offer_is_approved(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    c = _raise(staff, cid)
    complaints.propose_compensation(
        actor=staff.advisor, complaint_id=c.id, kind="voucher", amount_cents=20_000
    )
    complaints.approve_compensation(actor=staff.manager, complaint_id=c.id)
    again = complaints.propose_compensation(
        actor=staff.advisor, complaint_id=c.id, kind="voucher", amount_cents=50_000
    )
    assert again.compensation_approved_at is None
    own = complaints.propose_compensation(
        actor=staff.manager, complaint_id=c.id, kind="gift", note="免费洗车一年"
    )
    assert own.compensation_approved_by == "周敏"


def test_closing_needs_the_customers_answer(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    c = _raise(staff, cid)
    before = db_snapshot()
    with pytest.raises(ValidationError) as err:
        complaints.close_complaint(actor=staff.advisor, complaint_id=c.id, accepted=None)
    assert err.value.field == "accepted"
    with pytest.raises(GateError):  # not accepted: the manager's call
        complaints.close_complaint(
            actor=staff.advisor, complaint_id=c.id, accepted=False, note="客户仍不满意"
        )
    with pytest.raises(ValidationError):  # the manager writes why
        complaints.close_complaint(actor=staff.manager, complaint_id=c.id, accepted=False)
    assert db_snapshot() == before
    v = complaints.close_complaint(
        actor=staff.manager, complaint_id=c.id, accepted=False, note="已按最终方案处理"
    )
    assert v.accepted is False and v.closing_note == "已按最终方案处理"
    before = db_snapshot()
    with pytest.raises(GateError):  # closed once
        complaints.close_complaint(actor=staff.manager, complaint_id=c.id, accepted=True)
    with pytest.raises(GateError):
        complaints.propose_compensation(actor=staff.advisor, complaint_id=c.id, kind="gift", note="x")
    assert db_snapshot() == before


def test_a_serious_complaint_is_closed_only_after_the_manager_has_it(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    c = _raise(staff, cid, level="serious")
    before = db_snapshot()
    with pytest.raises(GateError) as err:
        complaints.close_complaint(actor=staff.advisor, complaint_id=c.id, accepted=True)
    assert "escalate" in err.value.en
    assert db_snapshot() == before
    # a general one settled on the spot needs no manager
    g = _raise(staff, cid)
    assert (
        complaints.close_complaint(actor=staff.advisor, complaint_id=g.id, accepted=True).status == "closed"
    )


def test_other_roles_may_not_handle_complaints(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    for actor in (staff.technician, staff.cashier, staff.foreman):
        with pytest.raises(PermissionDenied):
            _raise(staff, cid, actor=actor)


def test_statistics_by_cause_and_level(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    a = _raise(staff, cid, cause="price")
    b = _raise(staff, cid, cause="price", level="serious")
    _raise(staff, cid, cause="waiting")
    _back_in_time(a.id, 3)
    complaints.close_complaint(actor=staff.advisor, complaint_id=a.id, accepted=True)
    _back_in_time(b.id, 6)  # never escalated: 2 h overdue
    start = now() - dt.timedelta(days=1)
    s = complaints.read_stats(actor=staff.manager, start=start, end=now() + dt.timedelta(minutes=1))
    price = next(x for x in s.by_cause if x.code == "price")
    assert (price.raised, price.closed, price.accepted, price.escalated_late) == (2, 1, 1, 1)
    assert price.hours_to_close == pytest.approx(3.0, abs=0.05)
    assert [x.code for x in s.by_cause] == ["price", "waiting"]
    levels = {x.code: x.raised for x in s.by_level}
    assert levels == {ComplaintLevel.GENERAL: 2, ComplaintLevel.SERIOUS: 1, ComplaintLevel.CRISIS: 0}
    assert s.total.raised == 3


def test_customer_service_records_complaints_but_handles_no_money(staff: Staff) -> None:
    ro_id, _ = factories.handed_over(staff)
    from advisor.models import RepairOrder

    cs = staff.customer_service
    assert cs is not None
    customer = RepairOrder.get_by_id(ro_id).customer_id
    c = _raise(staff, customer, actor=cs, source="follow_up", ro_id=ro_id)
    assert c.raised_by == "高雅"
    complaints.propose_compensation(
        actor=staff.advisor, complaint_id=c.id, kind="voucher", amount_cents=20_000
    )
    seen = complaints.read_complaint(actor=cs, complaint_id=c.id)
    assert (seen.compensation_kind, seen.compensation_cents) == ("voucher", 0)  # the kind, never the amount
    assert complaints.read_complaint(actor=staff.advisor, complaint_id=c.id).compensation_cents == 20_000
    before = db_snapshot()
    with pytest.raises(GateError):
        complaints.propose_compensation(actor=cs, complaint_id=c.id, kind="refund", amount_cents=10_000)
    assert db_snapshot() == before
    gift = complaints.propose_compensation(actor=cs, complaint_id=c.id, kind="gift", note="赠送车模")
    assert gift.compensation_kind == "gift" and gift.compensation_approved_at is None


def test_migration_0017_brings_an_older_database_up_to_date(staff: Staff) -> None:
    from advisor import db
    from advisor.services import customers

    cid, _ = factories.make_customer_vehicle(staff)
    database = db.database_proxy.obj
    database.execute_sql('DROP INDEX IF EXISTS "customer_birthday_md"')
    for column in ("birthday", "birthday_md"):
        database.execute_sql(f'ALTER TABLE "customer" DROP COLUMN "{column}"')
    for table in ("complaint", "improvement_action", "holiday"):
        database.execute_sql(f'DROP TABLE "{table}"')
    database.execute_sql("DELETE FROM schema_migration WHERE name = '0017_complaints'")
    assert db.run_migrations(database) == ["0017_complaints"]
    assert customers.get_customer(cid).birthday is None  # existing customers: not known
    assert "customer_birthday_md" in {i.name for i in database.get_indexes("customer")}
    assert _raise(staff, cid).status == "open"
