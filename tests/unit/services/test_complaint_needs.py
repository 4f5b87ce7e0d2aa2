"""Complaints in "Needs me" (issue 17, item 13): an escalation past its level's time waits
on every manager and on who recorded the complaint, until it is escalated; a complaint
escalated to a manager waits on that manager, until it is closed."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from advisor.codes import NeedKind
from advisor.errors import PermissionDenied
from advisor.models import now
from advisor.services import complaints, inbox, users
from advisor.services._base import Actor
from advisor.services.inbox import NeedItem
from tests import factories
from tests.factories import PASSWORD, Staff

HOUR = dt.timedelta(hours=1)
COMPLAINT_KINDS = (NeedKind.ESCALATION_OVERDUE, NeedKind.COMPLAINT)


def _raise(actor: Actor, customer_id: int, **kw: object) -> complaints.ComplaintView:
    args: dict[str, object] = {
        "actor": actor,
        "customer_id": customer_id,
        "words": "车门被刮花了，上周才喷的漆。",
        "cause": "damage",
        "level": "general",
        "source": "counter",
    }
    args.update(kw)
    return complaints.raise_complaint(**args)  # type: ignore[arg-type]


def about(items: list[NeedItem], complaint_id: int) -> list[str]:
    """The kinds of the items about complaint ``complaint_id``."""
    return [i.kind for i in items if i.complaint == complaint_id]


def of(staff: Staff, who: str, complaint_id: int, at: dt.datetime | None = None) -> list[str]:
    """What waits on ``who`` about the complaint: Today's read, and the Complaints rail's."""
    actor = staff.by_role(who) if who != "advisor2" else staff.advisor2
    rail = about(inbox.read_complaint_needs(actor=actor, now=at), complaint_id)
    if who != "customer_service":
        today = about(inbox.read_needs_me(actor=actor, now=at), complaint_id)
        assert today == rail, (today, rail)
    return rail


def test_an_overdue_escalation_waits_on_the_manager_and_who_recorded_it_until_escalated(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    assert staff.customer_service is not None
    c = _raise(staff.customer_service, cid, level="serious", source="phone")
    in_time = c.escalate_by - dt.timedelta(minutes=1)
    late = c.escalate_by + 90 * dt.timedelta(minutes=1)
    for who in ("manager", "customer_service", "advisor"):
        assert of(staff, who, c.id, in_time) == [], who  # not yet: there is time
    assert of(staff, "manager", c.id, late) == [NeedKind.ESCALATION_OVERDUE]
    assert of(staff, "customer_service", c.id, late) == [NeedKind.ESCALATION_OVERDUE]
    assert of(staff, "advisor", c.id, late) == []  # not theirs
    item = next(i for i in inbox.read_needs_me(actor=staff.manager, now=late) if i.complaint == c.id)
    assert item.ref == c.id and item.ro_id == 0 and item.since == c.escalate_by
    assert item.advisor == "高雅"  # who recorded it
    assert "90 min late" in item.detail_en and "张伟" in item.detail_en and "超时 90 分钟" in item.detail_zh

    complaints.escalate_complaint(
        actor=staff.customer_service, complaint_id=c.id, manager_id=staff.manager.user_id
    )
    assert of(staff, "customer_service", c.id, late) == []  # the one act that clears it
    assert of(staff, "manager", c.id, late) == [NeedKind.COMPLAINT]  # now the manager's to handle


def test_an_advisors_own_overdue_complaint_names_its_ro_and_a_general_one_closed_clears_it(
    staff: Staff,
) -> None:
    ro_id, _ = factories.authorised(staff)
    cid = complaints.read_ro_customer(actor=staff.advisor, ro_id=ro_id)
    c = _raise(staff.advisor, cid, ro_id=ro_id)
    late = now() + 25 * HOUR
    assert of(staff, "advisor", c.id, late) == [NeedKind.ESCALATION_OVERDUE]
    assert of(staff, "advisor2", c.id, late) == []
    item = next(i for i in inbox.read_needs_me(actor=staff.advisor, now=late) if i.complaint == c.id)
    assert item.ro_id == ro_id and item.number.startswith("RO") and item.plate
    complaints.close_complaint(actor=staff.advisor, complaint_id=c.id, accepted=True, note="已道歉")
    assert of(staff, "advisor", c.id, late) == [] and of(staff, "manager", c.id, late) == []


def test_a_complaint_escalated_to_a_manager_waits_on_that_manager_until_closed(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    other = users.add_user(
        actor=staff.admin, username="wu.hao", display_name="吴昊", role="manager", password=PASSWORD
    )
    other_manager = Actor(other.id, "wu.hao", "吴昊", "manager")
    c = _raise(staff.advisor, cid, level="crisis", escalate_to=staff.manager.user_id)
    assert of(staff, "manager", c.id) == [NeedKind.COMPLAINT]
    assert about(inbox.read_needs_me(actor=other_manager), c.id) == []  # not with them
    assert of(staff, "advisor", c.id) == []  # with the manager in time: nothing waits on the advisor
    item = next(i for i in inbox.read_needs_me(actor=staff.manager) if i.complaint == c.id)
    assert "车门被刮花了" in item.detail_zh and "approval" not in item.detail_en

    complaints.propose_compensation(
        actor=staff.advisor, complaint_id=c.id, kind="free_repair", note="免费重新喷漆"
    )
    item = next(i for i in inbox.read_needs_me(actor=staff.manager) if i.complaint == c.id)
    assert "waits for your approval" in item.detail_en and "待您批准" in item.detail_zh
    complaints.approve_compensation(actor=staff.manager, complaint_id=c.id)
    assert of(staff, "manager", c.id) == [NeedKind.COMPLAINT]  # approving is not closing
    complaints.close_complaint(actor=staff.manager, complaint_id=c.id, accepted=True, note="客户接受")
    assert of(staff, "manager", c.id) == []


def test_who_may_read_them(staff: Staff) -> None:
    assert staff.customer_service is not None
    with pytest.raises(PermissionDenied):  # customer service has no Today
        inbox.read_needs_me(actor=staff.customer_service)
    inbox.read_complaint_needs(actor=staff.customer_service)
    for actor in (staff.technician, staff.cashier, staff.foreman):
        with pytest.raises(PermissionDenied):
            inbox.read_complaint_needs(actor=actor)


def test_the_complaints_come_in_urgency_order(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    mine = _raise(staff.advisor, cid, level="crisis", escalate_to=staff.manager.user_id)
    overdue = _raise(staff.advisor, cid, level="serious")
    items = [
        i for i in inbox.read_needs_me(actor=staff.manager, now=now() + 5 * HOUR) if i.kind in COMPLAINT_KINDS
    ]
    assert [(i.kind, i.complaint) for i in items] == [
        (NeedKind.ESCALATION_OVERDUE, overdue.id),
        (NeedKind.COMPLAINT, mine.id),
    ]


def test_the_complaints_are_read_in_one_statement_whatever_their_number(
    staff: Staff, caplog: pytest.LogCaptureFixture
) -> None:
    cid, _ = factories.make_customer_vehicle(staff)

    def statements() -> tuple[int, int]:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="peewee"):  # peewee logs each statement
            found = len(inbox.read_complaint_needs(actor=staff.manager, now=now() + 30 * HOUR))
        return found, len([r for r in caplog.records if r.name == "peewee"])

    _raise(staff.advisor, cid, level="crisis", escalate_to=staff.manager.user_id)
    found, few = statements()
    for level in ("general", "serious", "general"):
        _raise(staff.advisor, cid, level=level)
    assert found == 1 and statements() == (4, few)
