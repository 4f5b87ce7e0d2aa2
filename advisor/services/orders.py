"""Reading repair orders: the full view of one RO, Today's lanes, the timeline."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, NamedTuple

import peewee

from advisor import money, workflow
from advisor.codes import CHANGE_OPEN, CHARGED, FollowUpStatus, LineStatus, PartOrderStatus, ROStatus
from advisor.config import WARRANTY_MINIMUMS
from advisor.db import exists
from advisor.models import (
    Appointment,
    Assignment,
    Authorisation,
    ChangeRequest,
    Concern,
    Customer,
    DeclineReason,
    EstimateLine,
    FollowUp,
    PartOrder,
    Payment,
    QCCheck,
    RepairOrder,
    StepEvent,
    Task,
    User,
    Vehicle,
    now,
)
from advisor.services._base import Actor, current_settlement, get_ro, ro_state, service
from advisor.services.customers import customer_view, vehicle_view
from advisor.services.estimate import agreed_amounts, quote_of, totals_of
from advisor.services.followup import view as follow_up_view
from advisor.services.inspection import inspection_of
from advisor.services.settings import get_setting
from advisor.services.signing import signatures_of
from advisor.services.views import (
    AuthorisationView,
    ChangeRequestView,
    ConcernView,
    EventView,
    LineView,
    PaymentView,
    QCView,
    RangeTold,
    ROSummary,
    ROView,
    SettlementView,
    Warranty,
)
from advisor.services.workshop import assignment_view


def _names() -> dict[int, str]:
    return {u.id: u.display_name for u in User.select(User.id, User.display_name)}


def warranty_for(repair_class: str, handed_over_at: dt.datetime | None, mileage_in: int | None) -> Warranty:
    """The warranty period of a repair class, and its end from the handover date."""
    periods = get_setting("warranty")
    km, days = periods.get(repair_class, WARRANTY_MINIMUMS.get(repair_class, (2000, 10)))
    until = handed_over_at.date() + dt.timedelta(days=int(days)) if handed_over_at else None
    until_km = (mileage_in or 0) + int(km) if mileage_in is not None else None
    return Warranty(int(km), int(days), until, until_km)


def get_ro_view(ro_id: int) -> ROView:
    """Everything about one RO, for its screen, its sheets and the CLI."""
    ro = get_ro(ro_id)
    names = _names()
    concerns_rows = list(Concern.select().where(Concern.ro == ro.id).order_by(Concern.seq))
    superseded = {c.supersedes_id for c in concerns_rows if c.supersedes_id}
    concerns = tuple(
        ConcernView(
            c.id,
            c.seq,
            c.customer_words,
            c.restatement,
            c.finding,
            c.correction,
            c.confirmation,
            c.assist_requested,
            c.supersedes_id,
            c.id in superseded,
            names.get(c.created_by_id, ""),
            c.created_at,
        )
        for c in concerns_rows
    )
    etas = {
        o.line_id: o.expected_on
        for o in PartOrder.select().where(
            (PartOrder.ro == ro.id) & (PartOrder.status == PartOrderStatus.ORDERED)
        )
    }
    line_rows = [
        x
        for x in EstimateLine.select().where(EstimateLine.ro == ro.id).order_by(EstimateLine.id)
        if x.status != LineStatus.CANCELLED
    ]
    cr_rows = list(ChangeRequest.select().where(ChangeRequest.ro == ro.id).order_by(ChangeRequest.id))
    reason_ids = {x.decline_reason for x in line_rows if x.decline_reason}
    reason_ids |= {c.refusal_reason for c in cr_rows if c.refusal_reason}
    reasons = (
        {
            r.id: (r.label_en, r.label_zh)
            for r in DeclineReason.select().where(DeclineReason.id.in_(reason_ids))
        }
        if reason_ids
        else {}
    )
    lines = tuple(
        LineView(
            x.id,
            x.kind,
            x.code,
            x.description,
            x.quantity,
            x.unit_price_cents,
            x.amount_cents,
            x.origin,
            x.pay_type,
            x.status,
            x.part,
            x.part_status,
            etas.get(x.id),
            x.change_request_id,
            x.old_part_handling,
            x.skill,
            x.version,
            *reasons.get(x.decline_reason, ("", "")),
            x.finding,
        )
        for x in line_rows
    )
    settlement_row = current_settlement(ro.id)
    settlement = None
    if settlement_row is not None:
        pays = tuple(
            PaymentView(
                p.id, p.method, p.amount_cents, p.reference, p.at, names.get(p.by_user_id, ""), p.refund_of
            )
            for p in Payment.select().where(Payment.settlement == settlement_row.id).order_by(Payment.id)
        )
        s = settlement_row
        settlement = SettlementView(
            s.id,
            s.number,
            s.at,
            names.get(s.by_user_id, ""),
            s.labour_cents,
            s.parts_cents,
            s.other_cents,
            s.discount_cents,
            s.discount_reason,
            s.tax_cents,
            s.total_cents,
            sum(p.amount_cents for p in pays),
            pays,
            tuple(x["id"] for x in json.loads(s.lines_json)),
        )
    discount = settlement.discount_cents if settlement else 0
    tax_rate = Decimal(get_setting("tax_rate"))
    totals = totals_of(line_rows, discount_cents=discount, tax_rate=tax_rate)
    quote = quote_of(line_rows, discount_cents=discount, tax_rate=tax_rate)
    auths = tuple(
        AuthorisationView(
            a.id,
            a.at,
            a.customer_name,
            a.method,
            a.phone,
            a.amount_cents,
            a.promised_at,
            names.get(a.recorded_by_id, ""),
            a.note,
            a.outside_range,
            a.no_signature_reason,
        )
        for a in Authorisation.select().where(Authorisation.ro == ro.id).order_by(Authorisation.id)
    )
    crs = tuple(
        ChangeRequestView(
            c.id,
            c.kind,
            c.reason,
            names.get(c.raised_by_id, ""),
            c.raised_at,
            c.old_amount_cents,
            c.new_amount_cents,
            c.old_promised_at,
            c.new_promised_at,
            c.major,
            c.status,
            c.consent_by,
            c.consent_at,
            c.consent_method,
            c.consent_phone,
            names.get(c.recorded_by_id, "") if c.recorded_by_id else "",
            names.get(c.manager_id, "") if c.manager_id else "",
            c.manager_at,
            tuple(x.id for x in line_rows if x.change_request_id == c.id),
            *reasons.get(c.refusal_reason, ("", "")),
            c.no_signature_reason,
        )
        for c in cr_rows
    )
    assignments = tuple(
        assignment_view(a) for a in Assignment.select().where(Assignment.ro == ro.id).order_by(Assignment.id)
    )
    qcs = tuple(
        QCView(
            q.id,
            q.at,
            names.get(q.inspector_id, ""),
            q.passed,
            tuple((str(i[0]), bool(i[1])) for i in json.loads(q.items_json)),
            q.road_test,
            q.road_test_result,
            q.nothing_left,
            q.no_new_damage,
            q.first_service_invited,
            q.completion_cert_no,
            q.notes,
        )
        for q in QCCheck.select().where(QCCheck.ro == ro.id).order_by(QCCheck.id)
    )
    f = FollowUp.get_or_none(FollowUp.ro == ro.id)
    events = tuple(
        EventView(e.at, e.step, e.action, names.get(e.user_id, ""), e.note)
        for e in StepEvent.select().where(StepEvent.ro == ro.id).order_by(StepEvent.id)
    )
    state = ro_state(ro)
    locked: dict[int, tuple[str, str]] = {}
    for step in workflow.Step:
        err = workflow.why_locked(state, step)
        if err is not None:
            locked[int(step)] = (err.en, err.zh)
    original = RepairOrder.get_or_none(RepairOrder.id == ro.comeback_of_id) if ro.comeback_of_id else None
    return ROView(
        id=ro.id,
        number=ro.number,
        status=ro.status,
        step=ro.step,
        walk_in=ro.walk_in,
        customer=customer_view(Customer.get_by_id(ro.customer_id)),
        vehicle=vehicle_view(Vehicle.get_by_id(ro.vehicle_id)),
        advisor_id=ro.advisor_id,
        advisor=names.get(ro.advisor_id, ""),
        appointment_id=ro.appointment_id,
        repair_class=ro.repair_class,
        arrived_at=ro.arrived_at,
        greeted_at=ro.greeted_at,
        need_confirmed_at=ro.need_confirmed_at,
        checked_in_at=ro.checked_in_at,
        mileage_in=ro.mileage_in,
        fuel_level=ro.fuel_level,
        valuables=ro.valuables,
        body_damage=tuple(json.loads(ro.body_damage or "[]")),
        booklet_present=ro.booklet_present,
        return_old_parts=ro.return_old_parts,
        customer_waits=ro.customer_waits,
        approval_contact=ro.approval_contact,
        first_service=ro.first_service,
        price_low_cents=ro.price_low_cents,
        price_high_cents=ro.price_high_cents,
        promised_at=ro.promised_at,
        authorised_at=ro.authorised_at,
        qc_passed_at=ro.qc_passed_at,
        completion_cert_no=ro.completion_cert_no,
        wash_requested=ro.wash_requested,
        wash_eta_min=ro.wash_eta_min,
        wash_done_at=ro.wash_done_at,
        wash_result=ro.wash_result,
        settled_at=ro.settled_at,
        items_explained_at=ro.items_explained_at,
        paid_at=ro.paid_at,
        handed_over_at=ro.handed_over_at,
        accepted_by=ro.accepted_by,
        result_shown=ro.result_shown,
        next_service_date=ro.next_service_date,
        next_service_km=ro.next_service_km,
        comeback_of_id=ro.comeback_of_id,
        comeback_of_number=original.number if original else "",
        priority=ro.priority,
        training_flag=ro.training_flag,
        training_note=ro.training_note,
        version=ro.version,
        concerns=concerns,
        lines=lines,
        totals=totals,
        authorisations=auths,
        change_requests=crs,
        assignments=assignments,
        qc_checks=qcs,
        settlement=settlement,
        follow_up=follow_up_view(f) if f else None,
        events=events,
        locked=locked,
        warranty=warranty_for(ro.repair_class, ro.handed_over_at, ro.mileage_in),
        needs_certificate=workflow.needs_certificate(ro.repair_class),
        quote=quote,
        waiting=workflow.waiting_for(state),
        lounge_every_min=int(get_setting("lounge_update_minutes")),
        range_told=_range_told(ro, names),
        agreed_cents=agreed_amounts(ro.id),
        inspection=inspection_of(ro.id),
        handover_no_signature_reason=ro.handover_no_signature_reason,
        signatures=signatures_of(ro.id),
    )


def _range_told(ro: RepairOrder, names: dict[int, str]) -> RangeTold | None:
    if ro.price_low_cents is None or ro.price_high_cents is None:
        return None
    return RangeTold(
        ro.price_low_cents,
        ro.price_high_cents,
        names.get(ro.range_told_by, "") if ro.range_told_by is not None else "",
        ro.range_told_at,
        ro.range_told_method,
        ro.range_told_to,
    )


@service("ro.view", read=True)
def read_ro(*, actor: Actor, ro_id: int) -> ROView:
    """One RO as its screen shows it (``get_ro_view``), read in one snapshot: its lines,
    totals, events and payments all as of the same moment."""
    return get_ro_view(ro_id)


@service("ro.view", read=True)
def ro_numbers(*, actor: Actor, ro_ids: list[int]) -> dict[int, str]:
    """The numbers of these ROs (those that exist), by id."""
    q = RepairOrder.select(RepairOrder.id, RepairOrder.number).where(RepairOrder.id.in_(ro_ids))
    return {int(i): str(n) for i, n in q.tuples()}


@service("ro.view", read=True)
def find_ro(*, actor: Actor, number: str) -> int | None:
    """The id of the RO with this number, or None."""
    return find_ro_id(number)


def find_ro_id(number: str) -> int | None:
    """The id of the RO with this number, or None."""
    row = RepairOrder.get_or_none(RepairOrder.number == (number or "").strip().upper())
    return int(row.id) if row else None


class _OpenRow(NamedTuple):
    """The columns of an open RO that Today shows (read as plain tuples: model
    instances for 300 rows cost Today's refresh about 20 ms more)."""

    id: int
    number: str
    advisor_id: int
    step: int
    status: str
    arrived_at: dt.datetime
    greeted_at: dt.datetime | None
    promised_at: dt.datetime | None
    handed_over_at: dt.datetime | None
    qc_passed_at: dt.datetime | None
    plate: str
    customer_name: str


def _badges(
    ro: _OpenRow, at: dt.datetime, pending: set[int], tasks: set[int], qc_failed: set[int], fu_due: set[int]
) -> tuple[str, ...]:
    out = []
    if ro.id in pending:
        out.append("consent")
    if ro.id in tasks:
        out.append("parts_arrived")
    if ro.id in qc_failed and ro.qc_passed_at is None:
        out.append("qc_failed")
    if ro.step == workflow.Step.HANDOVER or (ro.qc_passed_at and ro.step == workflow.Step.SETTLEMENT):
        out.append("ready")
    if ro.id in fu_due:
        out.append("follow_up")
    if ro.greeted_at is None and (at - ro.arrived_at).total_seconds() > workflow.GREETING_S:
        out.append("greeting_late")
    return tuple(out)


def open_orders(
    *, advisor_id: int | None = None, at: dt.datetime | None = None, limit: int = 300
) -> list[ROSummary]:
    """Open ROs (not yet closed) with their step, promise and what needs the advisor."""
    at = at or now()

    def queue(*columns: Any) -> Any:  # a peewee ModelSelect
        q = RepairOrder.select(*columns).where(RepairOrder.status == ROStatus.OPEN)
        if advisor_id is not None:
            q = q.where(RepairOrder.advisor == advisor_id)
        # In the order of the index repair_order_open_queue (migration 0003): no sort.
        return q.order_by(RepairOrder.priority.desc(), RepairOrder.arrived_at).limit(limit)

    def has(model: Any, condition: Any) -> Any:
        """1 when a row of ``model`` of this RO meets ``condition`` (a probe by its
        ``ro_id`` index per open RO; PostgreSQL otherwise hashed every open task of the
        history: 10 ms at 1M ROs), else 0."""
        return exists(model.select(peewee.SQL("1")).where((model.ro == RepairOrder.id) & condition))

    # What the customer pays so far, summed in the database: approved lines of the pay
    # types charged at settlement (``totals_of``'s rule; tests compare the two).
    charged = peewee.Case(
        None,
        [
            (
                (EstimateLine.status == LineStatus.APPROVED) & EstimateLine.pay_type.in_(CHARGED),
                EstimateLine.amount_cents,
            )
        ],
        0,
    )
    subtotal = EstimateLine.select(peewee.fn.SUM(charged)).where(EstimateLine.ro == RepairOrder.id)
    # One statement: the queue in the order of its index, each RO's badges and subtotal
    # as probes by ``ro_id`` (five more statements, each with the queue as a sub-query,
    # cost more to build in peewee than to run).
    q = (
        queue(
            RepairOrder.id,
            RepairOrder.number,
            RepairOrder.advisor,
            RepairOrder.step,
            RepairOrder.status,
            RepairOrder.arrived_at,
            RepairOrder.greeted_at,
            RepairOrder.promised_at,
            RepairOrder.handed_over_at,
            RepairOrder.qc_passed_at,
            Vehicle.plate,
            Customer.name,
            has(ChangeRequest, ChangeRequest.status.in_(CHANGE_OPEN)),
            has(Task, Task.done_at.is_null()),
            has(QCCheck, QCCheck.passed == False),  # noqa: E712
            has(FollowUp, (FollowUp.status == FollowUpStatus.DUE) & (FollowUp.due_from <= at)),
            subtotal,
        )
        .join(Vehicle)
        .switch(RepairOrder)
        .join(Customer)
    )
    rows: list[_OpenRow] = []
    pending: set[int] = set()
    tasks: set[int] = set()
    qc_failed: set[int] = set()
    fu_due: set[int] = set()
    subtotals: dict[int, int] = {}
    for t in q.tuples():
        r = _OpenRow(*t[:12])
        rows.append(r)
        for flag, ids in zip(t[12:16], (pending, tasks, qc_failed, fu_due), strict=True):
            if flag:
                ids.add(r.id)
        subtotals[r.id] = t[16]
    names = _names()
    rate = Decimal(get_setting("tax_rate"))
    out = []
    for r in rows:
        subtotal = int(subtotals.get(r.id) or 0)
        total = subtotal + money.percent_of(subtotal, rate)
        late = r.promised_at is not None and at > r.promised_at and r.handed_over_at is None
        out.append(
            ROSummary(
                r.id,
                r.number,
                r.plate,
                r.customer_name,
                names.get(r.advisor_id, ""),
                r.step,
                r.status,
                r.arrived_at,
                r.greeted_at,
                r.promised_at,
                total,
                _badges(r, at, pending, tasks, qc_failed, fu_due),
                late,
            )
        )
    return out


def arrivals_today(
    *, at: dt.datetime | None = None
) -> list[tuple[int, str, str, dt.datetime, str, int | None]]:
    """Today's appointments: (id, plate, customer, time, status, RO id once arrived)."""
    at = at or now()
    start = dt.datetime.combine(at.date(), dt.time())
    # The appointment with its RO, if any, in one query of the columns shown (not objects
    # of the appointment, vehicle and customer, and a second query for the ROs).
    opened = RepairOrder.select(peewee.fn.MAX(RepairOrder.id)).where(
        RepairOrder.appointment == Appointment.id
    )
    q = (
        Appointment.select(
            Appointment.id, Vehicle.plate, Customer.name, Appointment.starts_at, Appointment.status, opened
        )
        .join(Vehicle)
        .switch(Appointment)
        .join(Customer)
        .where((Appointment.starts_at >= start) & (Appointment.starts_at < start + dt.timedelta(days=1)))
        .order_by(Appointment.starts_at, Appointment.id)
        .tuples()
    )
    return list(q)


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("ro.view", read=True)
def read_open_orders(
    *, actor: Actor, advisor_id: int | None = None, at: dt.datetime | None = None, limit: int = 300
) -> list[ROSummary]:
    """``open_orders``: the open repair orders with their badges (Today)."""
    return open_orders(advisor_id=advisor_id, at=at, limit=limit)


@service("ro.view", read=True)
def read_arrivals_today(
    *, actor: Actor, at: dt.datetime | None = None
) -> list[tuple[int, str, str, dt.datetime, str, int | None]]:
    """``arrivals_today``: today's appointments not yet arrived (Today)."""
    return arrivals_today(at=at)
