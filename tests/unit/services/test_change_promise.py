"""Issue 12: a change request moves the promised time only later, never earlier or to the same minute.

The walk found a delay offering 18:59 against a promise of 19:00, and the consent made it so.
The rule lives in the services (``workflow.check_later_promise``), so the dialogs, the CLI and
the tests all meet it; it compares minutes, as people read a promise (19:00:30 shows as 19:00).
"""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.errors import GateError, ValidationError
from advisor.models import ChangeRequest, RepairOrder, now
from advisor.services import changes
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import Staff
from tests.unit.services.test_gates import consent, extra_work, refused


def promise_with_seconds(ro_id: int) -> dt.datetime:
    """Set the RO's promise to a time with seconds, some hours ahead; return it."""
    promised = (now() + dt.timedelta(hours=5)).replace(second=30, microsecond=0)
    RepairOrder.update(promised_at=promised).where(RepairOrder.id == ro_id).execute()
    return promised


def delay(staff: Staff, ro_id: int, new: dt.datetime) -> int:
    return changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="Waiting for the disc / 等配件",
        new_promised_at=new,
    )


@pytest.mark.parametrize("minutes", [-1, -90])
def test_a_delay_to_an_earlier_time_is_refused(staff: Staff, minutes: int) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = promise_with_seconds(ro_id)
    err = refused(
        ValidationError,
        changes.request_change,
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="late",
        new_promised_at=promised + dt.timedelta(minutes=minutes),
    )
    shown = promised.strftime("%Y-%m-%d %H:%M")
    assert shown in err.en and shown in err.zh
    assert "later than the current promise" in err.en and "晚于当前承诺时间" in err.zh
    assert err.field == "new_promised_at"
    assert get_ro_view(ro_id).promised_at == promised


def test_the_same_minute_is_not_later(staff: Staff) -> None:
    """19:00:30 shows as 19:00: a new promise of 19:00:00 or 19:00:45 reads as no change."""
    ro_id, _lines = factories.authorised(staff)
    promised = promise_with_seconds(ro_id)
    for same_minute in (promised, promised.replace(second=0), promised.replace(second=59)):
        refused(
            ValidationError,
            changes.request_change,
            actor=staff.technician,
            ro_id=ro_id,
            kind="delay",
            reason="late",
            new_promised_at=same_minute,
        )
    # One minute later, as the dialog gives it (whole minutes), is accepted and applied.
    later = promised.replace(second=0) + dt.timedelta(minutes=1)
    cr = delay(staff, ro_id, later)
    assert consent(staff, cr) == "approved"
    assert get_ro_view(ro_id).promised_at == later


def test_extra_work_with_an_earlier_promise_is_refused(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = promise_with_seconds(ro_id)
    refused(
        ValidationError, extra_work, staff=staff, ro_id=ro_id, promised=promised - dt.timedelta(minutes=1)
    )
    # Extra work without a new time keeps the promise.
    cr = extra_work(staff, ro_id)
    assert consent(staff, cr) == "approved"
    assert get_ro_view(ro_id).promised_at == promised


def test_consent_does_not_move_the_promise_earlier(staff: Staff) -> None:
    """A request stored before the rule (new promise earlier) cannot be consented; it can be refused."""
    ro_id, _lines = factories.authorised(staff)
    promised = promise_with_seconds(ro_id)
    cr = delay(staff, ro_id, promised + dt.timedelta(hours=1))
    earlier = promised.replace(second=0) - dt.timedelta(minutes=1)
    ChangeRequest.update(new_promised_at=earlier).where(ChangeRequest.id == cr).execute()
    err = refused(
        GateError,
        changes.record_consent,
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
    )
    assert "later than the current promise" in err.en and "重新提交变更申请" in err.zh
    assert get_ro_view(ro_id).promised_at == promised
    assert consent(staff, cr, yes=False) == "refused"
    assert get_ro_view(ro_id).promised_at == promised


def test_a_major_change_approved_last_does_not_move_the_promise_earlier(staff: Staff) -> None:
    """The manager's approval applies a consented major change: the same rule holds there."""
    ro_id, _lines = factories.authorised(staff)
    promised = promise_with_seconds(ro_id)
    cr = extra_work(staff, ro_id, hours="40", promised=promised + dt.timedelta(hours=2))
    assert ChangeRequest.get_by_id(cr).major
    assert consent(staff, cr) == "awaiting_manager"
    ChangeRequest.update(new_promised_at=promised - dt.timedelta(hours=1)).where(
        ChangeRequest.id == cr
    ).execute()
    refused(GateError, changes.approve_major, actor=staff.manager, change_id=cr)
    assert get_ro_view(ro_id).promised_at == promised
