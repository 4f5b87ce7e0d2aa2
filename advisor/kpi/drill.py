"""From a figure to the ROs behind it, through the very conditions that counted it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn

from advisor.codes import CHARGED, LIVE_LINES, JobStatus, LineKind, LineStatus
from advisor.kpi import families
from advisor.kpi._sql import Period, Scope, by_person, ro_scope, unindexed, where_all, within
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
from advisor.money import percent_of
from advisor.services.settings import get_setting
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
        conds = [
            unindexed(EstimateLine.status) == LineStatus.DECLINED,
            within(EstimateLine.decided_at, period),
        ]
    elif key == "parts_wait":
        q = PartOrder.select(PartOrder.ro).join(RO, on=(PartOrder.ro == RO.id))
        conds = [PartOrder.arrived_at.is_null(False), within(PartOrder.arrived_at, period)]
    elif key == "fill_rate":
        q = EstimateLine.select(EstimateLine.ro).join(RO, on=(EstimateLine.ro == RO.id))
        conds = [
            unindexed(EstimateLine.kind) == LineKind.PART,
            unindexed(EstimateLine.status) == LineStatus.APPROVED,
            EstimateLine.part_status != "",
            within(EstimateLine.decided_at, period),
        ]
    else:  # jobs: utilisation and efficiency
        q = Assignment.select(Assignment.ro).join(RO, on=(Assignment.ro == RO.id))
        conds = [unindexed(Assignment.status) == JobStatus.DONE, within(Assignment.done_at, period)]
        if scope.technician_id is not None:
            conds.append(by_person(Assignment.technician) == scope.technician_id)
            scope = Scope(scope.advisor_id, None)
    return where_all(q, [*conds, *ro_scope(scope)])


def drill_down(
    key: str,
    start: dt.date,
    end: dt.date,
    *,
    advisor_id: int | None = None,
    technician_id: int | None = None,
    hits: bool = True,
    limit: int | None = None,
) -> list[ROSummary]:
    """The ROs behind the figure ``key`` (one of ``DRILL_KEYS``): for a rate, the ROs
    counted as hits (``hits=False``: the whole base), in arrival order.

    ``total_cents`` of each row is the RO's total as the RO shows it: its settlement's
    in force, before settlement its estimate's (``estimate.quote_of``: the approved and
    proposed lines the customer pays, with tax); ``late`` means handed over (or still
    open) after the promised time.
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
    return summaries(ids, limit=limit)


def summaries(ids: Any, *, limit: int | None = None) -> list[ROSummary]:
    """The list rows of the ROs ``ids`` (a SELECT of RO ids, or a list), in arrival order."""
    at = now()
    q = (
        RO.select(
            RO.id,
            RO.number,
            Vehicle.plate,
            Customer.name,
            User.display_name,
            RO.step,
            RO.status,
            RO.arrived_at,
            RO.greeted_at,
            RO.promised_at,
            Settlement.total_cents,
            RO.handed_over_at,
        )
        .join(Vehicle, on=(RO.vehicle == Vehicle.id))
        .switch(RO)
        .join(Customer, on=(RO.customer == Customer.id))
        .switch(RO)
        .join(User, on=(RO.advisor == User.id))
        .switch(RO)
        .join(Settlement, JOIN.LEFT_OUTER, on=((Settlement.ro == RO.id) & Settlement.superseded_by.is_null()))
        .where(RO.id.in_(ids))
        # Sort the figure's ROs; never walk every RO in arrival order to meet them.
        .order_by(unindexed(RO.arrived_at), RO.id)
    )
    if limit is not None:
        q = q.limit(limit)
    rows = []
    tuples: Any = list(q.tuples())
    quotes = _quotes([row[0] for row in tuples if row[10] is None])
    for row in tuples:
        handed, promised = row[11], row[9]
        total = int(row[10]) if row[10] is not None else quotes.get(row[0], 0)
        rows.append(
            ROSummary(
                id=row[0],
                number=row[1],
                plate=row[2],
                customer_name=row[3],
                advisor=row[4],
                step=row[5],
                status=row[6],
                arrived_at=row[7],
                greeted_at=row[8],
                promised_at=promised,
                total_cents=total,
                late=promised is not None and (handed or at) > promised,
            )
        )
    return rows


def _quotes(ro_ids: list[int]) -> dict[int, int]:
    """The estimate totals of ROs not settled yet (``estimate.quote_of``, no discount),
    their lines summed in the database."""
    if not ro_ids:
        return {}
    # By the ROs' lines (``estimate_line_ro_id``), not by every live line ever stored.
    counted = unindexed(EstimateLine.status).in_(LIVE_LINES) & EstimateLine.pay_type.in_(CHARGED)
    q = (
        EstimateLine.select(EstimateLine.ro, fn.SUM(EstimateLine.amount_cents))
        .where(EstimateLine.ro.in_(ro_ids) & counted)
        .group_by(EstimateLine.ro)
    )
    rate = Decimal(get_setting("tax_rate"))
    return {ro: int(sub) + percent_of(int(sub), rate) for ro, sub in q.tuples()}
