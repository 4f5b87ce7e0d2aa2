"""The lounge standard (issue 17, item 10): a customer waiting at the shop hears how the
work goes every ``lounge_update_minutes`` (default 30); each update due and not given is
a miss, timed; the wait runs from check-in or the "Staying here" toggle until the car is
ready, handed over or the customer leaves."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.codes import NeedKind
from advisor.errors import ValidationError
from advisor.models import RepairOrder, StepEvent, now
from advisor.services import inbox, reception, standards, timeline
from advisor.services import settings as dealer_settings
from advisor.services.orders import get_ro_view
from tests import factories
from tests.snapshot import db_snapshot

MIN = dt.timedelta(minutes=1)


def _waiting(staff: factories.Staff, *, since: dt.datetime) -> int:
    """An authorised RO whose customer waits here since ``since`` (checked in then)."""
    ro_id, _ = factories.authorised(staff)
    RepairOrder.update(customer_waits=True, arrived_at=since - 5 * MIN, checked_in_at=since).where(
        RepairOrder.id == ro_id
    ).execute()
    return ro_id


def _update_at(staff: factories.Staff, ro_id: int, at: dt.datetime) -> None:
    inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id, note="")
    last = StepEvent.select().where(StepEvent.ro == ro_id).order_by(StepEvent.id.desc()).get()
    StepEvent.update(at=at).where(StepEvent.id == last.id).execute()


def test_updates_on_time_and_missed_are_counted_and_timed(staff: factories.Staff) -> None:
    t0 = now() - 120 * MIN
    ro_id = _waiting(staff, since=t0)
    _update_at(staff, ro_id, t0 + 25 * MIN)  # on time
    _update_at(staff, ro_id, t0 + 70 * MIN)  # late: due at 55 missed
    record = standards.read_lounge(actor=staff.advisor, ro_id=ro_id, at=t0 + 120 * MIN)
    assert record.waiting_now and record.updates_on_time == 1
    assert record.misses == (t0 + 55 * MIN, t0 + 100 * MIN)
    assert record.next_due == t0 + 100 * MIN
    (check,) = [
        c for c in timeline.time_standards(get_ro_view(ro_id), at=t0 + 120 * MIN) if c.key == "lounge"
    ]
    assert (check.status, check.misses, check.deadline) == ("missed", 2, t0 + 100 * MIN)


def test_the_wait_ends_when_the_customer_leaves_and_restarts_when_they_come_back(
    staff: factories.Staff,
) -> None:
    t0 = now() - 200 * MIN
    ro_id = _waiting(staff, since=t0)
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=False)
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    left, back = StepEvent.select().where(StepEvent.ro == ro_id).order_by(StepEvent.id.desc()).limit(2)[::-1]
    StepEvent.update(at=t0 + 20 * MIN).where(StepEvent.id == left.id).execute()
    StepEvent.update(at=t0 + 150 * MIN).where(StepEvent.id == back.id).execute()
    record = standards.read_lounge(actor=staff.advisor, ro_id=ro_id, at=t0 + 170 * MIN)
    assert record.waits == ((t0, t0 + 20 * MIN), (t0 + 150 * MIN, t0 + 170 * MIN))
    assert record.missed == 0 and record.next_due == t0 + 180 * MIN  # away: nothing was due


def test_the_wait_ends_when_the_car_is_ready(staff: factories.Staff) -> None:
    ro_id, _ = factories.qc_passed(staff)  # no wash: ready at QC
    qc_at = RepairOrder.get_by_id(ro_id).qc_passed_at
    t0 = qc_at - 45 * MIN
    RepairOrder.update(customer_waits=True, checked_in_at=t0, arrived_at=t0).where(
        RepairOrder.id == ro_id
    ).execute()
    record = standards.read_lounge(actor=staff.advisor, ro_id=ro_id, at=qc_at + 300 * MIN)
    assert record.waits == ((t0, qc_at),) and not record.waiting_now and record.next_due is None
    assert record.misses == (t0 + 30 * MIN,)  # one due in the 45 minutes, none after the car was ready


def test_the_interval_is_a_setting_used_by_needs_me_and_the_rule(staff: factories.Staff) -> None:
    t0 = now() - 20 * MIN
    ro_id = _waiting(staff, since=t0)
    assert not [i for i in inbox.needs_me(advisor_id=None) if i.kind == NeedKind.LOUNGE]
    dealer_settings.set_setting(actor=staff.manager, key="lounge_update_minutes", value=15)
    assert [i.ro_id for i in inbox.needs_me(advisor_id=None) if i.kind == NeedKind.LOUNGE] == [ro_id]
    record = standards.lounge_records([ro_id], at=t0 + 20 * MIN)[ro_id]
    assert record.every == 15 * MIN and record.misses == (t0 + 15 * MIN,)
    assert get_ro_view(ro_id).lounge_every_min == 15


@pytest.mark.parametrize("value", [4, 121, 0, -5, "half an hour", 7.5])
def test_the_interval_is_range_checked(staff: factories.Staff, value: object) -> None:
    before = db_snapshot()
    with pytest.raises(ValidationError):
        dealer_settings.set_setting(actor=staff.manager, key="lounge_update_minutes", value=value)
    assert db_snapshot() == before


def test_a_customer_who_never_waited_has_no_lounge_record(staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    record = standards.lounge_records([ro_id])[ro_id]
    assert not record.waited and record.missed == 0 and record.next_due is None
    assert all(c.key != "lounge" for c in timeline.time_standards(get_ro_view(ro_id)))
