"""From a figure to the ROs behind it, through the very conditions that counted it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, SQL, fn

from advisor.kpi import families
from advisor.kpi._sql import Period, Scope, ro_scope, where_all, within
from advisor.models import (
    Assignment,
    Customer,
    EstimateLine,
    PartOrder,
    RepairOrder,
    Settlement,
    User,
    Vehicle,
    now,
)
from advisor.services.views import ROSummary

RO = RepairOrder

# Keys that are not a member of a family: the ROs whose lines/orders/jobs were counted;
# "closed" and "revenue" are the settled ROs (one definition, see ``advisor.kpi``).
_EXTRA = ("closed", "hours_sold", "revenue", "declined", "parts_wait", "fill_rate", "jobs")
DRILL_KEYS: tuple[str, ...] = (
    tuple(m.key for f in families.FAMILIES if f.source != "appointment" for m in f.members) + _EXTRA
)


def _extra(key: str, period: Period, scope: Scope) -> Any:
    if key in ("closed", "hours_sold", "revenue"):
        return families.ro_ids("settled", period, scope, now())
    q: Any
    if key == "declined":
        q = EstimateLine.select(EstimateLine.ro).join(RO, on=(EstimateLine.ro == RO.id))
        conds = [EstimateLine.status == "declined", within(EstimateLine.decided_at, period)]
    elif key == "parts_wait":
        q = PartOrder.select(PartOrder.ro).join(RO, on=(PartOrder.ro == RO.id))
        conds = [PartOrder.arrived_at.is_null(False), within(PartOrder.arrived_at, period)]
    elif key == "fill_rate":
        q = EstimateLine.select(EstimateLine.ro).join(RO, on=(EstimateLine.ro == RO.id))
        conds = [EstimateLine.kind == "part", EstimateLine.status == "approved",
                 EstimateLine.part_status != "", within(EstimateLine.decided_at, period)]  # fmt: skip
    else:  # jobs: utilisation and efficiency
        q = Assignment.select(Assignment.ro).join(RO, on=(Assignment.ro == RO.id))
        conds = [Assignment.status == "done", within(Assignment.done_at, period)]
        if scope.technician_id is not None:
            conds.append(Assignment.technician == scope.technician_id)
            scope = Scope(scope.advisor_id, None)
    return where_all(q, [*conds, *ro_scope(scope)])


def drill_down(key: str, start: dt.date, end: dt.date, *, advisor_id: int | None = None,
               technician_id: int | None = None, hits: bool = True,
               limit: int | None = None) -> list[ROSummary]:  # fmt: skip
    """The ROs behind the figure ``key`` (one of ``DRILL_KEYS``): for a rate, the ROs
    counted as hits (``hits=False``: the whole base), in arrival order.

    ``total_cents`` of each row is the total of its settlement in force (0 before
    settlement); ``late`` means handed over (or still open) after the promised time.
    """
    from advisor.kpi import period_of

    period = period_of(start, end)
    scope = Scope(advisor_id, technician_id)
    if key in _EXTRA:
        ids = _extra(key, period, scope)
    elif key in DRILL_KEYS:
        ids = families.ro_ids(key, period, scope, now(), hits=hits)
    else:
        raise KeyError(f"no drill-down for {key!r}; use one of {', '.join(DRILL_KEYS)}")
    at = now()
    q = (
        RO.select(RO.id, RO.number, Vehicle.plate, Customer.name, User.display_name, RO.step,
                  RO.status, RO.arrived_at, RO.greeted_at, RO.promised_at,
                  fn.COALESCE(Settlement.total_cents, SQL("0")), RO.handed_over_at)
        .join(Vehicle, on=(RO.vehicle == Vehicle.id)).switch(RO)
        .join(Customer, on=(RO.customer == Customer.id)).switch(RO)
        .join(User, on=(RO.advisor == User.id)).switch(RO)
        .join(Settlement, JOIN.LEFT_OUTER,
              on=((Settlement.ro == RO.id) & Settlement.superseded_by.is_null()))
        .where(RO.id.in_(ids))
        .order_by(RO.arrived_at, RO.id)
    )  # fmt: skip
    if limit is not None:
        q = q.limit(limit)
    rows = []
    tuples: Any = q.tuples()
    for row in tuples:
        handed, promised = row[11], row[9]
        rows.append(ROSummary(
            id=row[0], number=row[1], plate=row[2], customer_name=row[3], advisor=row[4],
            step=row[5], status=row[6], arrived_at=row[7], greeted_at=row[8], promised_at=promised,
            total_cents=int(row[10]), late=promised is not None and (handed or at) > promised,
        ))  # fmt: skip
    return rows
