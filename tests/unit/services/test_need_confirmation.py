"""The need confirmed in 5–10 minutes after arrival (issue 17, item 9): the first concern
confirms it; under 5 minutes is refused unless the advisor confirms deliberately, and then
it counts as a miss, as over 10 minutes does (timeline, KPIs, drill-down)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advisor import kpi, workflow
from advisor.codes import NeedTiming, StandardStatus
from advisor.models import AuditLog, RepairOrder, now
from advisor.services import diagnosis, reception
from advisor.services.orders import get_ro_view
from advisor.services.timeline import time_standards
from tests import factories
from tests.snapshot import db_snapshot

T0 = dt.datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize(
    ("seconds", "timing"),
    [
        (0, NeedTiming.RUSHED),
        (4 * 60 + 59, NeedTiming.RUSHED),
        (5 * 60, NeedTiming.ON_TIME),
        (10 * 60, NeedTiming.ON_TIME),
        (10 * 60 + 1, NeedTiming.LATE),
    ],
)
def test_the_pure_rule_is_five_to_ten_minutes_both_ends_in(seconds: int, timing: NeedTiming) -> None:
    assert workflow.NEED_CONFIRMED_MIN_S == 5 * 60 and workflow.NEED_CONFIRMED_S == 10 * 60
    assert workflow.need_confirmation_timing(T0, T0 + dt.timedelta(seconds=seconds)) == timing


def _opened(staff: factories.Staff, minutes_ago: int | None = None) -> int:
    _c, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    if minutes_ago is not None:
        factories.arrived_minutes_ago(ro_id, minutes_ago)
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4)
    return ro_id


def _audit(ro_id: int) -> dict[str, object]:
    row = (
        AuditLog.select()
        .where((AuditLog.ro_id == ro_id) & (AuditLog.action == "record_concern"))
        .order_by(AuditLog.id)
        .first()
    )
    return dict(json.loads(row.new_json))


def test_a_rushed_confirmation_is_refused_and_changes_nothing(staff: factories.Staff) -> None:
    ro_id = _opened(staff, minutes_ago=2)
    before = db_snapshot()
    with pytest.raises(diagnosis.NeedConfirmedEarly) as info:
        diagnosis.record_concern(actor=staff.advisor, ro_id=ro_id, customer_words="刹车异响")
    assert db_snapshot() == before
    assert "5–10 minutes" in info.value.en and "2 min" in info.value.en
    assert "5–10 分钟" in info.value.zh


def test_confirmed_deliberately_early_it_is_recorded_as_a_miss(staff: factories.Staff) -> None:
    ro_id = _opened(staff, minutes_ago=3)
    diagnosis.record_concern(actor=staff.advisor, ro_id=ro_id, customer_words="刹车异响", confirm_early=True)
    view = get_ro_view(ro_id)
    assert view.need_confirmed_at is not None
    assert workflow.need_confirmation_timing(view.arrived_at, view.need_confirmed_at) == NeedTiming.RUSHED
    assert _audit(ro_id) == {
        "customer_words": "刹车异响",
        "need_confirmed": "rushed",
        "confirmed_early": True,
    }
    (need,) = [c for c in time_standards(view) if c.key == "need_confirmed"]
    assert need.status == StandardStatus.MISSED
    # A second concern does not confirm the need again: no question asked.
    diagnosis.record_concern(actor=staff.advisor, ro_id=ro_id, customer_words="还有空调不凉")
    assert get_ro_view(ro_id).need_confirmed_at == view.need_confirmed_at


def test_within_the_window_no_question_is_asked(staff: factories.Staff) -> None:
    ro_id = _opened(staff, minutes_ago=7)
    diagnosis.record_concern(actor=staff.advisor, ro_id=ro_id, customer_words="刹车异响")
    view = get_ro_view(ro_id)
    assert _audit(ro_id)["need_confirmed"] == "on_time"
    (need,) = [c for c in time_standards(view) if c.key == "need_confirmed"]
    assert need.status == StandardStatus.MET


def test_rushed_and_slow_confirmations_are_both_kpi_misses(staff: factories.Staff) -> None:
    """Four ROs arrive on 2 March 2026: need confirmed after 3, 5, 9 and 12 minutes. The
    rushed (3) and the slow (12) are misses: 2 of 4; the drill-down lists exactly those."""
    numbers = {}
    for minutes in (3, 5, 9, 12):
        ro_id = factories.open_checked_in(staff)
        arrived = T0 + dt.timedelta(hours=minutes)
        RepairOrder.update(
            arrived_at=arrived,
            greeted_at=arrived + dt.timedelta(minutes=1),
            need_confirmed_at=arrived + dt.timedelta(minutes=minutes),
        ).where(RepairOrder.id == ro_id).execute()
        numbers[minutes] = RepairOrder.get_by_id(ro_id).number
    k = kpi.department(T0.date(), T0.date())
    assert k.miss("need") == kpi.Ratio(2, 4)
    rows = kpi.drill_down("need", T0.date(), T0.date())
    assert sorted(r.number for r in rows) == sorted([numbers[3], numbers[12]])
    assert now() > T0


def test_the_scorecard_judges_by_the_same_rule() -> None:
    from advisor.kpi.scorecard import need_met

    assert not need_met(T0, T0 + dt.timedelta(minutes=3))  # rushed
    assert need_met(T0, T0 + dt.timedelta(minutes=5)) and need_met(T0, T0 + dt.timedelta(minutes=10))
    assert not need_met(T0, T0 + dt.timedelta(minutes=11))
