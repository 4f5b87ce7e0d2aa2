"""Improvement actions (issue 17, item 14): recorded by the manager against a decline
reason or a complaint cause, finished by their owner, overdue past their day."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import workflow
from advisor.errors import GateError, PermissionDenied, ValidationError
from advisor.models import DeclineReason, ImprovementAction, now
from advisor.services import complaints, improvement, solicitation
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot


def _action(staff: Staff, **kw: object) -> improvement.ActionView:
    args: dict[str, object] = {
        "actor": staff.manager,
        "what": "Explain the price of brake pads with the parts catalogue at hand",
        "source": "complaint",
        "source_code": "price",
        "owner_id": staff.advisor.user_id,
        "due_on": now().date() + dt.timedelta(days=7),
    }
    args.update(kw)
    return improvement.record_action(**args)  # type: ignore[arg-type]


def test_overdue_is_past_the_due_day() -> None:
    day = dt.date(2026, 12, 5)
    assert not workflow.action_overdue(day, None, day)
    assert workflow.action_overdue(day, None, day + dt.timedelta(days=1))
    assert not workflow.action_overdue(day, dt.datetime(2026, 12, 9), day + dt.timedelta(days=4))


def test_the_manager_records_an_action_and_its_owner_finishes_it(staff: Staff) -> None:
    a = _action(staff)
    assert (a.owner, a.source_en, a.source_zh, a.overdue) == ("李娜", "Price", "价格", False)
    listed = improvement.read_actions(actor=staff.advisor, mine_only=True)
    assert [x.id for x in listed] == [a.id]
    done = improvement.complete_action(
        actor=staff.advisor, action_id=a.id, result="价格解释话术已培训，投诉减少"
    )
    assert done.done_at is not None and done.result.startswith("价格")
    assert improvement.read_actions(actor=staff.advisor) == []
    before = db_snapshot()
    with pytest.raises(GateError):
        improvement.complete_action(actor=staff.manager, action_id=a.id, result="again")
    assert db_snapshot() == before


def test_refusals_change_nothing(staff: Staff) -> None:
    a = _action(staff)
    before = db_snapshot()
    with pytest.raises(PermissionDenied):  # only the manager records actions
        _action(staff, actor=staff.advisor)
    with pytest.raises(PermissionDenied):  # another advisor's action
        improvement.complete_action(actor=staff.advisor2, action_id=a.id, result="done")
    with pytest.raises(ValidationError):  # a technician owns no improvement action here
        _action(staff, owner_id=staff.technician.user_id)
    for bad in (
        {"what": " "},
        {"source": "weather"},
        {"source_code": "moon"},
        {"source": "decline", "source_code": "no_such_reason"},
        {"due_on": now().date() - dt.timedelta(days=1)},
    ):
        with pytest.raises(ValidationError):
            _action(staff, **bad)
    with pytest.raises(ValidationError):
        improvement.complete_action(actor=staff.advisor, action_id=a.id, result="  ")
    assert db_snapshot() == before


def test_overdue_actions_for_the_dashboard(staff: Staff) -> None:
    late = _action(staff, what="Waiting-room coffee machine", source_code="waiting")
    _action(staff)
    ImprovementAction.update(due_on=now().date() - dt.timedelta(days=2)).where(
        ImprovementAction.id == late.id
    ).execute()
    overdue = improvement.read_overdue_actions(actor=staff.manager)
    assert [a.id for a in overdue] == [late.id] and overdue[0].overdue
    with pytest.raises(PermissionDenied):
        improvement.read_overdue_actions(actor=staff.technician)


def test_sources_count_declines_and_complaint_causes(staff: Staff) -> None:
    cid, vid = factories.make_customer_vehicle(staff)
    reason = DeclineReason.select().order_by(DeclineReason.id).first()
    for _ in range(2):
        solicitation.log_contact(
            actor=staff.advisor,
            customer_id=cid,
            vehicle_id=vid,
            channel="phone",
            outcome="declined",
            decline_reason_id=reason.id,
        )
    complaints.raise_complaint(
        actor=staff.advisor, customer_id=cid, words="太贵了", cause="price", level="general", source="phone"
    )
    _action(staff, source="decline", source_code=reason.code)
    start, end = now() - dt.timedelta(days=1), now() + dt.timedelta(minutes=1)
    found = {
        (s.source, s.code): (s.count, s.open_actions)
        for s in improvement.read_sources(actor=staff.manager, start=start, end=end)
    }
    assert found[("decline", reason.code)] == (2, 1)
    assert found[("complaint", "price")] == (1, 0)
