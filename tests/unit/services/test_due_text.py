"""The call list says what is due: a date, a mileage or both, never "/ - km"."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.models import Vehicle
from advisor.services import solicitation
from tests import factories


@pytest.mark.parametrize(
    ("days", "km", "en", "zh"),
    [
        (3, None, "Service due {d}", "保养到期：{d}"),
        (None, 20_300, "Service due at 20,300 km", "保养到期：20,300 公里"),
        (3, 20_300, "Service due {d} or at 20,300 km", "保养到期：{d} 或 20,300 公里"),
    ],
)
def test_a_due_service_is_worded_by_what_is_set(staff, days, km, en, zh) -> None:  # type: ignore[no-untyped-def]
    _c, vid = factories.make_customer_vehicle(staff)
    due = dt.date.today() + dt.timedelta(days=days) if days is not None else None
    Vehicle.update(next_service_date=due, next_service_km=km).where(Vehicle.id == vid).execute()
    (item,) = [i for i in solicitation.call_list() if i.vehicle_id == vid]
    d = due.isoformat() if due else ""
    assert (item.detail_en, item.detail_zh) == (en.format(d=d), zh.format(d=d))
