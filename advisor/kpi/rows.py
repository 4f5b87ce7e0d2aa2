"""The detail rows behind the manager's workbook, streamed in id order in chunks so
memory stays flat however long the period (a year of 100,000 ROs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from peewee import JOIN, fn

from advisor.codes import LineStatus
from advisor.db import is_postgres
from advisor.kpi import families
from advisor.kpi._sql import Period, Scope, unindexed, where_all, within
from advisor.models import (
    Appointment,
    ChangeRequest,
    Customer,
    DeclineReason,
    EstimateLine,
    FollowUp,
    RepairOrder,
    Settlement,
    User,
    Vehicle,
    now,
)

RO = RepairOrder
CHUNK = 20_000
_Orig = RepairOrder.alias("orig")


def _chunks(query: Any, id_col: Any) -> Iterator[tuple[Any, ...]]:
    """The rows in ``id_col`` order with flat memory. SQLite's cursor streams, so one
    ``.iterator()`` does; psycopg's default cursor would fetch everything at once, so
    on PostgreSQL the rows come in keyset pages (``id_col`` is the first column)."""
    if not is_postgres():
        # ``+id``: sort the period's rows, rather than walk every row of the table in id
        # order to find them (SQLite's choice when it may, to save the sort).
        yield from query.order_by(unindexed(id_col)).tuples().iterator()
        return
    last = 0
    while True:
        n = 0
        for row in query.where(id_col > last).order_by(id_col).limit(CHUNK).tuples().iterator():
            n += 1
            last = row[0]
            yield row
        if n < CHUNK:
            return


def user_names() -> dict[int, str]:
    return {u.id: u.display_name for u in User.select(User.id, User.display_name)}


def reason_labels() -> dict[int, tuple[str, str]]:
    return {r.id: (r.label_en, r.label_zh) for r in DeclineReason.select()}


def _arrived(period: Period) -> Any:
    return within(RO.arrived_at, period)


def count_ros(period: Period) -> int:
    return int(RO.select(fn.COUNT(RO.id)).where(_arrived(period)).scalar() or 0)


def ros(period: Period) -> Iterator[tuple[Any, ...]]:
    """(id, number, arrived, advisor id, customer, plate, class, status, step, from
    appointment, greeted, need confirmed, promised, handed over, labour, parts, other,
    discount, tax, total, comeback-of number) of the ROs that arrived in the period."""
    q = (
        RO.select(
            RO.id,
            RO.number,
            RO.arrived_at,
            RO.advisor,
            Customer.name,
            Vehicle.plate,
            RO.repair_class,
            RO.status,
            RO.step,
            RO.appointment,
            RO.greeted_at,
            RO.need_confirmed_at,
            RO.promised_at,
            RO.handed_over_at,
            Settlement.labour_cents,
            Settlement.parts_cents,
            Settlement.other_cents,
            Settlement.discount_cents,
            Settlement.tax_cents,
            Settlement.total_cents,
            _Orig.number,
        )
        .join(Customer, on=(RO.customer == Customer.id))
        .switch(RO)
        .join(Vehicle, on=(RO.vehicle == Vehicle.id))
        .switch(RO)
        .join(Settlement, JOIN.LEFT_OUTER, on=((Settlement.ro == RO.id) & Settlement.superseded_by.is_null()))
        .switch(RO)
        .join(_Orig, JOIN.LEFT_OUTER, on=(RO.comeback_of == _Orig.id))
        .where(_arrived(period))
    )
    return _chunks(q, RO.id)


def _lines_query(period: Period) -> Any:
    return EstimateLine.select().join(RO, on=(EstimateLine.ro == RO.id)).where(_arrived(period))


def count_lines(period: Period) -> int:
    return int(_lines_query(period).select(fn.COUNT(EstimateLine.id)).scalar() or 0)


def lines(period: Period) -> Iterator[tuple[Any, ...]]:
    """(id, RO number, kind, code, description, quantity, unit price, amount, pay type,
    status, decline reason id, part status, change request id) of the ROs' lines."""
    q = _lines_query(period).select(
        EstimateLine.id,
        RO.number,
        EstimateLine.kind,
        EstimateLine.code,
        EstimateLine.description,
        EstimateLine.quantity,
        EstimateLine.unit_price_cents,
        EstimateLine.amount_cents,
        EstimateLine.pay_type,
        EstimateLine.status,
        EstimateLine.decline_reason,
        EstimateLine.part_status,
        EstimateLine.change_request,
    )
    return _chunks(q, EstimateLine.id)


def _follow_ups_query(period: Period) -> Any:
    return FollowUp.select().join(RO, on=(FollowUp.ro == RO.id)).where(within(RO.handed_over_at, period))


def count_follow_ups(period: Period) -> int:
    return int(_follow_ups_query(period).select(fn.COUNT(FollowUp.id)).scalar() or 0)


def follow_ups(period: Period) -> Iterator[tuple[Any, ...]]:
    """(id, RO number, customer, advisor id, handed over, due from, due to, status, called
    at, solved, the five scores, category, comments) for ROs handed over in the period."""
    q = (
        _follow_ups_query(period)
        .join(Customer, on=(RO.customer == Customer.id))
        .select(
            FollowUp.id,
            RO.number,
            Customer.name,
            RO.advisor,
            RO.handed_over_at,
            FollowUp.due_from,
            FollowUp.due_to,
            FollowUp.status,
            FollowUp.at,
            FollowUp.solved,
            FollowUp.tangibles,
            FollowUp.reliability,
            FollowUp.responsiveness,
            FollowUp.assurance,
            FollowUp.empathy,
            FollowUp.category,
            FollowUp.comments,
        )
    )
    return _chunks(q, FollowUp.id)


def _declined_query(period: Period) -> Any:
    declined = (unindexed(EstimateLine.status) == LineStatus.DECLINED) & within(
        EstimateLine.decided_at, period
    )
    return EstimateLine.select().join(RO, on=(EstimateLine.ro == RO.id)).where(declined)


def count_declined(period: Period) -> int:
    return int(_declined_query(period).select(fn.COUNT(EstimateLine.id)).scalar() or 0)


def declined(period: Period) -> Iterator[tuple[Any, ...]]:
    """(id, RO number, customer, plate, advisor id, decided, code, description, amount,
    reason id) of the lines declined in the period."""
    q = (
        _declined_query(period)
        .join(Customer, on=(RO.customer == Customer.id))
        .switch(RO)
        .join(Vehicle, on=(RO.vehicle == Vehicle.id))
        .select(
            EstimateLine.id,
            RO.number,
            Customer.name,
            Vehicle.plate,
            RO.advisor,
            EstimateLine.decided_at,
            EstimateLine.code,
            EstimateLine.description,
            EstimateLine.amount_cents,
            EstimateLine.decline_reason,
        )
    )
    return _chunks(q, EstimateLine.id)


def _changes_query(period: Period) -> Any:
    return (
        ChangeRequest.select()
        .join(RO, on=(ChangeRequest.ro == RO.id))
        .where(within(ChangeRequest.raised_at, period))
    )


def count_changes(period: Period) -> int:
    return int(_changes_query(period).select(fn.COUNT(ChangeRequest.id)).scalar() or 0)


def change_requests(period: Period) -> Iterator[tuple[Any, ...]]:
    """Change requests raised in the period, with the customer's consent."""
    q = _changes_query(period).select(
        ChangeRequest.id,
        RO.number,
        ChangeRequest.kind,
        ChangeRequest.reason,
        ChangeRequest.raised_by,
        ChangeRequest.raised_at,
        ChangeRequest.old_amount_cents,
        ChangeRequest.new_amount_cents,
        ChangeRequest.old_promised_at,
        ChangeRequest.new_promised_at,
        ChangeRequest.major,
        ChangeRequest.status,
        ChangeRequest.consent_by,
        ChangeRequest.consent_at,
        ChangeRequest.consent_method,
        ChangeRequest.consent_phone,
        ChangeRequest.manager,
        ChangeRequest.manager_at,
    )
    return _chunks(q, ChangeRequest.id)


MISS_KEYS = ("greeting", "need", "request", "follow_up", "promised")


def count_misses(period: Period) -> int:
    from advisor.kpi import department

    k = department(period.start, period.end)
    return sum(int(m.ratio.hits) for m in k.misses)


def misses(period: Period) -> Iterator[tuple[Any, ...]]:
    """(standard, RO number or appointment #, advisor id, from, to, limit min, actual min
    or None when still not done) of every time-standard miss in the period."""
    at = now()
    scope = Scope()
    spans = {
        "greeting": (RO.arrived_at, RO.greeted_at, 3),
        "need": (RO.arrived_at, RO.need_confirmed_at, 10),
        "promised": (RO.promised_at, RO.handed_over_at, 0),
    }
    for key in MISS_KEYS:
        if key == "request":
            q = where_all(
                Appointment.select(
                    Appointment.id,
                    Appointment.advisor,
                    Appointment.requested_at,
                    Appointment.created_at,
                    Appointment.urgent,
                ),
                [
                    within(Appointment.created_at, period),
                    families.REQUESTS.members[0].hit(families.Ctx(scope, at)),  # type: ignore[misc]
                ],
            )
            for aid, adv, asked, made, urgent in _chunks(q, Appointment.id):
                yield key, f"#{aid}", adv, asked, made, 120 if urgent else 1440, _minutes(asked, made)
            continue
        ids = families.ro_ids(key, period, scope, at)
        if key == "follow_up":
            q = (
                RO.select(RO.id, RO.number, RO.advisor, RO.handed_over_at, FollowUp.at)
                .join(FollowUp, on=(FollowUp.ro == RO.id))
                .where(RO.id.in_(ids))
            )
            for _id, number, adv, handed, called in _chunks(q, RO.id):
                yield key, number, adv, handed, called, 48 * 60, _minutes(handed, called)
            continue
        start, end, limit = spans[key]
        q = RO.select(RO.id, RO.number, RO.advisor, start, end).where(RO.id.in_(ids))
        for _id, number, adv, t0, t1 in _chunks(q, RO.id):
            yield key, number, adv, t0, t1, limit, _minutes(t0, t1)


def _minutes(t0: dt.datetime | None, t1: dt.datetime | None) -> int | None:
    if t0 is None or t1 is None:
        return None
    return int((t1 - t0).total_seconds() // 60)
