"""Who the call list says is due for a service: by date, by kilometres (within 500 km of
the next service), only customers who consented; dated ones first, earliest first.

The two conditions are read through their own indexes (``_due_for_service``); this pins
what the list holds, on both engines."""

from __future__ import annotations

import datetime as dt

from advisor.models import Vehicle
from advisor.services import solicitation
from tests import factories


def _car(
    staff: factories.Staff, n: int, *, days: int | None, km_left: int | None, consent: bool = True
) -> int:
    _c, vid = factories.make_customer_vehicle(
        staff, name=f"客户{n}", phone=f"1380013{n:04d}", consent=consent
    )
    due = dt.date.today() + dt.timedelta(days=days) if days is not None else None
    Vehicle.update(
        next_service_date=due, next_service_km=None if km_left is None else 20_000 + km_left
    ).where(Vehicle.id == vid).execute()
    return vid


def test_due_by_date_or_within_500_km_of_consenting_customers_dated_first(staff: factories.Staff) -> None:
    later = _car(staff, 1, days=20, km_left=None)
    sooner = _car(staff, 2, days=-3, km_left=None)
    by_km = _car(staff, 3, days=None, km_left=500)
    both = _car(staff, 4, days=5, km_left=100)
    _car(staff, 5, days=None, km_left=501)  # 501 km to go: not yet
    _car(staff, 6, days=None, km_left=None)  # nothing set
    _car(staff, 7, days=90, km_left=None)  # beyond the horizon
    _car(staff, 8, days=-1, km_left=None, consent=False)  # no consent to be called
    due = [i.vehicle_id for i in solicitation.call_list() if i.kind in ("due_date", "due_km")]
    assert due == [sooner, both, later, by_km]
    kinds = {i.vehicle_id: i.kind for i in solicitation.call_list()}
    assert kinds[by_km] == kinds[both] == "due_km" and kinds[sooner] == "due_date"
