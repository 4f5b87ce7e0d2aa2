"""The customer waits at the shop, or has left: set from the RO's header at any time until
the handover; the lounge screen and "Needs me"'s lounge item follow it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advisor.codes import EventAction, NeedKind
from advisor.errors import GateError, PermissionDenied
from advisor.models import AuditLog, RepairOrder, Vehicle, now
from advisor.services import inbox, lounge, reception
from advisor.services.orders import get_ro_view
from advisor.services.timeline import IN_ITS_STEP, step_of
from tests import factories
from tests.factories import Staff

MIN = dt.timedelta(minutes=1)


def _plate(ro_id: int) -> str:
    return lounge.mask_plate(str(Vehicle.get_by_id(RepairOrder.get_by_id(ro_id).vehicle_id).plate))


def _on_the_lounge_screen(staff: Staff, ro_id: int) -> bool:
    return _plate(ro_id) in {c.plate for c in lounge.read_lounge(actor=staff.advisor).cars}


def _lounge_item(staff: Staff, ro_id: int, at: dt.datetime) -> bool:
    return any(
        i.ro_id == ro_id and i.kind == NeedKind.LOUNGE
        for i in inbox.read_needs_me(actor=staff.advisor, now=at)
    )


def test_the_customer_leaves_and_comes_back_after_the_estimate_is_authorised(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)  # the check-in can no longer change
    assert not get_ro_view(ro_id).customer_waits and not _on_the_lounge_screen(staff, ro_id)
    version = RepairOrder.get_by_id(ro_id).version
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    assert get_ro_view(ro_id).customer_waits and _on_the_lounge_screen(staff, ro_id)
    assert RepairOrder.get_by_id(ro_id).version == version + 1  # a stale check-in form cannot undo it
    reception.set_customer_waits(actor=staff.manager, ro_id=ro_id, waits=False)
    assert not get_ro_view(ro_id).customer_waits and not _on_the_lounge_screen(staff, ro_id)
    events = get_ro_view(ro_id).events[-2:]
    assert [e.action for e in events] == [EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT]
    assert [e.user for e in events] == [staff.advisor.display_name, staff.manager.display_name]
    # on the timeline where the work stood (they complete no step)
    assert {e.action for e in events} <= IN_ITS_STEP
    assert [step_of(e) for e in events] == [get_ro_view(ro_id).step] * 2


def test_each_change_is_audited_with_old_and_new_and_the_same_answer_twice_is_no_change(
    staff: Staff,
) -> None:
    ro_id = factories.open_checked_in(staff)
    audited = AuditLog.select().where(
        (AuditLog.ro_id == ro_id)
        & AuditLog.action.in_([EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT])
    )
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)  # a second desk
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=False)
    rows = list(audited.order_by(AuditLog.id))
    assert [(r.action, r.username, r.entity, r.entity_id) for r in rows] == [
        (EventAction.CUSTOMER_WAITING, staff.advisor.username, "repair_order", ro_id),
        (EventAction.CUSTOMER_LEFT, staff.advisor.username, "repair_order", ro_id),
    ]
    assert [json.loads(r.old_json) for r in rows] == [{"customer_waits": False}, {"customer_waits": True}]
    assert [json.loads(r.new_json) for r in rows] == [{"customer_waits": True}, {"customer_waits": False}]


def test_refused_once_the_car_is_handed_over(staff: Staff) -> None:
    ro_id, _ = factories.handed_over(staff)
    with pytest.raises(GateError) as err:
        reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    assert "handed over" in err.value.en and "已交付" in err.value.zh
    assert not RepairOrder.get_by_id(ro_id).customer_waits


@pytest.mark.parametrize("role", ["technician", "foreman", "cashier", "parts_clerk", "admin"])
def test_only_the_advisors_and_the_manager_may(staff: Staff, role: str) -> None:
    ro_id = factories.open_checked_in(staff)
    with pytest.raises(PermissionDenied):
        reception.set_customer_waits(actor=staff.by_role(role), ro_id=ro_id, waits=True)
    assert not RepairOrder.get_by_id(ro_id).customer_waits


def test_a_customer_who_left_raises_no_lounge_item(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    RepairOrder.update(customer_waits=True, checked_in_at=now() - 45 * MIN).where(
        RepairOrder.id == ro_id
    ).execute()
    assert _lounge_item(staff, ro_id, now())
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=False)
    assert not _lounge_item(staff, ro_id, now())
    assert not _lounge_item(staff, ro_id, now() + dt.timedelta(hours=3))


def test_sitting_down_to_wait_starts_the_half_hour_then(staff: Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    RepairOrder.update(checked_in_at=now() - 2 * dt.timedelta(hours=1)).where(
        RepairOrder.id == ro_id
    ).execute()
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    assert not _lounge_item(staff, ro_id, now())  # checked in two hours ago, but waiting since now
    assert not _lounge_item(staff, ro_id, now() + 29 * MIN)
    assert _lounge_item(staff, ro_id, now() + 31 * MIN)
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id)  # and the update still resets it
    assert not _lounge_item(staff, ro_id, now() + 29 * MIN)
