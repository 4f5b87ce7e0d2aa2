"""Reading a vehicle's or a customer's past repair orders (the customer file's history)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from advisor.models import Customer, EstimateLine, RepairOrder, Vehicle
from advisor.services._base import Actor, current_settlement, sees_money, service
from advisor.services.estimate import quote_of
from advisor.services.views import ROSummary


def _summaries(query: Iterable[RepairOrder]) -> list[ROSummary]:
    out = []
    for r in query:
        # The RO's total as everywhere: the settlement's once settled (after its discount),
        # before that the estimate's (proposed lines as if approved), both with tax.
        settled = current_settlement(r.get_id())
        if settled is not None:
            total = int(settled.total_cents)
        else:
            lines = list(EstimateLine.select().where(EstimateLine.ro == r.get_id()))
            total = quote_of(lines).total_cents
        out.append(
            ROSummary(
                int(r.get_id()),
                r.number,
                r.vehicle.plate,
                r.customer.name,
                "",
                r.step,
                r.status,
                r.arrived_at,
                r.greeted_at,
                r.promised_at,
                total,
            )
        )
    return out


def vehicle_orders(vehicle_id: int, *, limit: int = 200) -> list[ROSummary]:
    """The vehicle's repair orders, newest first (open and closed)."""
    q = (
        RepairOrder.select(RepairOrder, Vehicle, Customer)
        .join(Vehicle)
        .switch(RepairOrder)
        .join(Customer)
        .where(RepairOrder.vehicle == vehicle_id)
        .order_by(RepairOrder.arrived_at.desc())
        .limit(limit)
    )
    return _summaries(q)


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("customer.view", read=True)
def read_vehicle_orders(*, actor: Actor, vehicle_id: int, limit: int = 200) -> list[ROSummary]:
    """``vehicle_orders``: the vehicle's repair orders, newest first (without their totals
    for a role that sees no money)."""
    rows = vehicle_orders(vehicle_id, limit=limit)
    return rows if sees_money(actor) else [replace(r, total_cents=0) for r in rows]
