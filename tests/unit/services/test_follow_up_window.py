"""The follow-up call 24–48 h after handover (issue 17, item 8): before 24 h only a call the
customer started is accepted (recorded as such); after 48 h it is accepted and counts as
late — in the queue, on the timeline and in the KPIs."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advisor import kpi, workflow
from advisor.codes import FollowUpTiming, StandardStatus
from advisor.errors import GateError, ValidationError
from advisor.models import AuditLog, FollowUp
from advisor.services import followup, settlement
from advisor.services.orders import get_ro_view
from advisor.services.timeline import time_standards
from tests import factories
from tests.snapshot import db_snapshot

HAPPY = dict.fromkeys(followup.DIMENSIONS, 5)
HANDED = dt.datetime(2026, 3, 2, 10, 0)
H = dt.timedelta(hours=1)
S = dt.timedelta(seconds=1)


@pytest.mark.parametrize(
    ("after", "customer", "timing"),
    [
        (dt.timedelta(minutes=1), False, FollowUpTiming.EARLY),
        (24 * H - S, False, FollowUpTiming.EARLY),
        (24 * H - S, True, FollowUpTiming.EARLY_CUSTOMER),
        (24 * H, False, FollowUpTiming.ON_TIME),
        (30 * H, True, FollowUpTiming.ON_TIME),
        (48 * H, False, FollowUpTiming.ON_TIME),
        (48 * H + S, False, FollowUpTiming.LATE),
        (48 * H + S, True, FollowUpTiming.LATE),
    ],
)
def test_the_pure_rule(after: dt.timedelta, customer: bool, timing: FollowUpTiming) -> None:
    assert workflow.follow_up_timing(HANDED, HANDED + after, customer) == timing


def _handed_over(staff: factories.Staff, at: dt.datetime = HANDED) -> int:
    ro_id, _lines = factories.settled_paid(staff)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        at=at,
        signature=factories.signature(),
    )
    return ro_id


def _call(staff: factories.Staff, ro_id: int, after: dt.timedelta, **kw: object) -> followup.FollowUpView:
    return followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=HAPPY,
        at=HANDED + after,
        **kw,  # type: ignore[arg-type]
    )


def test_a_call_one_minute_after_handover_is_refused(staff: factories.Staff) -> None:
    ro_id = _handed_over(staff)
    before = db_snapshot()
    for reached in (True, False):  # an unanswered attempt is no follow-up call either
        with pytest.raises(GateError) as info:
            followup.log_follow_up(
                actor=staff.advisor,
                ro_id=ro_id,
                reached=reached,
                solved=True,
                scores=HAPPY,
                at=HANDED + dt.timedelta(minutes=1),
            )
        assert db_snapshot() == before
        assert "2026-03-03 10:00" in info.value.en and "customer started" in info.value.en
        assert "2026-03-03 10:00" in info.value.zh and "客户来电" in info.value.zh
    assert get_ro_view(ro_id).status == "open"


def test_a_call_the_customer_started_counts_before_24_hours(staff: factories.Staff) -> None:
    ro_id = _handed_over(staff)
    f = _call(staff, ro_id, 2 * H, customer_initiated=True)
    assert (f.status, f.timing, f.customer_initiated) == ("done", "early_customer", True)
    assert FollowUp.get(FollowUp.ro == ro_id).customer_initiated is True
    view = get_ro_view(ro_id)
    assert view.status == "closed"
    row = AuditLog.get((AuditLog.ro_id == ro_id) & (AuditLog.action == "log_follow_up"))
    new = json.loads(row.new_json)
    assert new["timing"] == "early_customer" and new["customer_initiated"] is True
    (check,) = [c for c in time_standards(view) if c.key == "follow_up"]
    assert check.status == StandardStatus.MET


def test_a_customer_call_must_have_reached_the_customer(staff: factories.Staff) -> None:
    ro_id = _handed_over(staff)
    before = db_snapshot()
    with pytest.raises(ValidationError):
        followup.log_follow_up(
            actor=staff.advisor, ro_id=ro_id, reached=False, customer_initiated=True, at=HANDED + 2 * H
        )
    assert db_snapshot() == before


def test_after_48_hours_the_call_is_accepted_and_late(staff: factories.Staff) -> None:
    ro_id = _handed_over(staff)
    f = _call(staff, ro_id, 50 * H)
    assert (f.status, f.timing) == ("done", "late")
    (row,) = [x for x in followup.queue(at=HANDED + 51 * H, include_done=True) if x.ro_id == ro_id]
    assert row.timing == "late"
    (check,) = [c for c in time_standards(get_ro_view(ro_id)) if c.key == "follow_up"]
    assert check.status == StandardStatus.MISSED


def test_the_kpis_count_the_late_call_and_not_the_customer_s(staff: factories.Staff) -> None:
    """Three cars handed over on 2 March 2026 at 10:00: the customer rang after 2 h, the
    dealership called after 30 h and after 50 h. One miss (late) out of three."""
    early, on_time, late = (_handed_over(staff) for _ in range(3))
    _call(staff, early, 2 * H, customer_initiated=True)
    _call(staff, on_time, 30 * H)
    _call(staff, late, 50 * H)
    k = kpi.department(HANDED.date(), HANDED.date())
    assert k.miss("follow_up") == kpi.Ratio(1, 3)
    assert [r.id for r in kpi.drill_down("follow_up", HANDED.date(), HANDED.date())] == [late]


def test_the_scorecard_judges_by_the_same_rule() -> None:
    from advisor.kpi.scorecard import follow_up_met

    assert follow_up_met(HANDED, "done", HANDED + 2 * H, customer_initiated=True)
    assert not follow_up_met(HANDED, "done", HANDED + 2 * H)
    assert follow_up_met(HANDED, "done", HANDED + 30 * H)
    assert not follow_up_met(HANDED, "done", HANDED + 50 * H, customer_initiated=True)
