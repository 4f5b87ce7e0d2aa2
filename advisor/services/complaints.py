"""Complaints and crises (issue 17, item 13; manual 002 §7): heard at a follow-up call, at
the counter or on the phone; graded general / serious / crisis; escalated to the service
manager in the level's time (``workflow.ESCALATE_WITHIN_S``); a compensation the manager
approves; closed with the customer's answer; counted by cause and by level.

The rules are ``workflow.check_raise_complaint`` / ``check_close_complaint`` /
``escalation_overdue``; the services below enforce them and audit every act."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from advisor import auth, validation, workflow
from advisor.codes import (
    CompensationKind,
    ComplaintCause,
    ComplaintLevel,
    ComplaintSource,
    ComplaintStatus,
    Role,
)
from advisor.errors import GateError, ValidationError
from advisor.models import Complaint, Customer, FollowUp, RepairOrder, User, now
from advisor.services._base import Actor, get, log, sees_money, service
from advisor.services.customers import masked_phone
from advisor.services.opchanges import Kind

WHAT = ("Complaint", "投诉")
# Compensations that are money and so need an amount.
MONEY_KINDS = frozenset({CompensationKind.REFUND, CompensationKind.DISCOUNT, CompensationKind.VOUCHER})


@dataclass(frozen=True)
class ComplaintView:
    id: int
    customer_id: int
    customer_name: str
    phone: str
    ro_id: int | None
    ro_number: str
    source: str  # a ComplaintSource
    words: str  # the customer's own words, verbatim
    cause: str  # a ComplaintCause
    level: str  # a ComplaintLevel
    status: str  # a ComplaintStatus
    raised_at: dt.datetime
    raised_by: str
    escalate_by: dt.datetime
    escalated_at: dt.datetime | None
    escalated_to: str
    escalation_overdue: bool  # not with the manager and past its time
    escalated_late: bool  # reached the manager after its time
    compensation_kind: str  # a CompensationKind ("" none)
    compensation_cents: int
    compensation_note: str
    compensation_approved_by: str
    compensation_approved_at: dt.datetime | None
    closed_at: dt.datetime | None
    closed_by: str
    accepted: bool | None
    closing_note: str


@dataclass(frozen=True)
class CauseCount:
    code: str  # a ComplaintCause or a ComplaintLevel
    raised: int
    closed: int
    accepted: int
    escalated_late: int  # reached the manager late, or not at all past its time
    hours_to_close: float | None  # the mean of the closed ones
    compensation_cents: int  # approved compensation


@dataclass(frozen=True)
class ComplaintStats:
    by_cause: tuple[CauseCount, ...]
    by_level: tuple[CauseCount, ...]
    total: CauseCount


@dataclass(frozen=True)
class ManagerChoice:
    user_id: int
    name: str


def _name(user: User | None) -> str:
    return "" if user is None else str(user.display_name)


def view(
    c: Complaint, *, at: dt.datetime | None = None, mask_phone: bool = False, money: bool = True
) -> ComplaintView:
    """``mask_phone``/``money=False``: for a role that may not see the phone or amounts
    (customer service sees no money: the compensation's amount is 0)."""
    at = at or now()
    phone = c.customer.phone
    return ComplaintView(
        c.id,
        c.customer_id,
        c.customer.name,
        masked_phone(phone) if mask_phone else phone,
        c.ro_id,
        c.ro.number if c.ro is not None else "",
        c.source,
        c.words,
        c.cause,
        c.level,
        c.status,
        c.raised_at,
        _name(c.raised_by),
        c.escalate_by,
        c.escalated_at,
        _name(c.escalated_to),
        workflow.escalation_overdue(
            escalate_by=c.escalate_by, escalated_at=c.escalated_at, closed_at=c.closed_at, at=at
        ),
        workflow.escalated_late(c.escalate_by, c.escalated_at),
        c.compensation_kind,
        c.compensation_cents if money else 0,
        c.compensation_note,
        _name(c.compensation_approved_by),
        c.compensation_approved_at,
        c.closed_at,
        _name(c.closed_by),
        c.accepted,
        c.closing_note,
    )


def _manager(user_id: int) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None or not user.active or user.role != Role.MANAGER:
        raise ValidationError(
            "Choose an active service manager to escalate to.",
            "请选择一位在职的服务经理进行上报。",
            field="escalate_to",
        )
    return user


def _open(complaint_id: int) -> Complaint:
    c: Complaint = get(Complaint, complaint_id, WHAT)
    workflow.check_complaint_open(c.status)
    return c


def _mask(actor: Actor) -> bool:
    return not auth.may(actor.role, "customer.view_phone")


def _for(c: Complaint, actor: Actor, at: dt.datetime | None = None) -> ComplaintView:
    """``c`` as ``actor`` may see it (phone, amounts)."""
    return view(c, at=at, mask_phone=_mask(actor), money=sees_money(actor))


@service("complaint.record", changes=Kind.COMPLAINTS)
def raise_complaint(
    *,
    actor: Actor,
    customer_id: int,
    words: str,
    cause: str,
    level: str,
    source: str,
    ro_id: int | None = None,
    escalate_to: int | None = None,
) -> ComplaintView:
    """Record a complaint in the customer's own words. A crisis is raised with the
    manager named (it goes to them at once); a manager raising one has it themselves.
    From a follow-up call the RO is needed (the call is linked)."""
    customer = get(Customer, customer_id, ("Customer", "客户"))
    text = validation.clean_text(words, limit=5000).strip()
    if not text:
        raise ValidationError(
            "Write down what the customer said, in their words.", "请按客户原话记录投诉内容。", field="words"
        )
    validation.choice(cause, ComplaintCause.values(), ("Cause", "原因"))
    validation.choice(level, ComplaintLevel.values(), ("Level", "级别"))
    validation.choice(source, ComplaintSource.values(), ("Source", "来源"))
    ro = None
    follow_up_id = None
    if ro_id is not None:
        ro = get(RepairOrder, ro_id, ("Repair order", "工单"))
        if ro.customer_id != customer.id:
            raise ValidationError(
                "That repair order is not this customer's.", "该工单不属于此客户。", field="ro_id"
            )
        f = FollowUp.get_or_none(FollowUp.ro == ro.id)
        follow_up_id = None if f is None else f.id
    if source == ComplaintSource.FOLLOW_UP and follow_up_id is None:
        raise ValidationError(
            "A complaint from a follow-up call names the repair order that was followed up.",
            "来自回访的投诉须关联所回访的工单。",
            field="ro_id",
        )
    when = now()
    to: User | None = None
    if actor.role == Role.MANAGER:
        to = User.get_by_id(actor.user_id)
    elif escalate_to is not None:
        to = _manager(escalate_to)
    workflow.check_raise_complaint(level, escalated=to is not None)
    c = Complaint.create(
        customer=customer.id,
        ro=None if ro is None else ro.id,
        follow_up=follow_up_id,
        source=source,
        words=text,
        cause=cause,
        level=level,
        status=ComplaintStatus.OPEN,
        raised_at=when,
        raised_by=actor.user_id,
        escalate_by=workflow.escalation_due(level, when),
        escalated_at=None if to is None else when,
        escalated_to=None if to is None else to.id,
    )
    log(
        actor,
        "complaint",
        c.id,
        "raise_complaint",
        new={
            "customer": customer.id,
            "cause": cause,
            "level": level,
            "source": source,
            "escalated_to": c.escalated_to_id,
        },
        ro_id=c.ro_id,
    )
    return _for(Complaint.get_by_id(c.id), actor, when)


@service("complaint.record", changes=Kind.COMPLAINTS)
def escalate_complaint(*, actor: Actor, complaint_id: int, manager_id: int) -> ComplaintView:
    """Hand the complaint to a service manager (a manager may take it themselves). Late
    when past the level's time: recorded so, never refused."""
    c = _open(complaint_id)
    if c.escalated_at is not None:
        raise GateError(
            f"The complaint is already with {_name(c.escalated_to)}.",
            f"该投诉已上报给{_name(c.escalated_to)}。",
        )
    to = _manager(manager_id)
    when = now()
    n = (
        Complaint.update(escalated_at=when, escalated_to=to.id)
        .where((Complaint.id == c.id) & Complaint.escalated_at.is_null())
        .execute()
    )
    if n != 1:  # pragma: no cover - the transaction serialises the desks
        raise GateError("The complaint is already with a manager.", "该投诉已上报经理。")
    late = workflow.escalated_late(c.escalate_by, when)
    log(actor, "complaint", c.id, "escalate_complaint", new={"to": to.id, "late": late}, ro_id=c.ro_id)
    return _for(Complaint.get_by_id(c.id), actor, when)


@service("complaint.record", changes=Kind.COMPLAINTS)
def propose_compensation(
    *, actor: Actor, complaint_id: int, kind: str, amount_cents: int = 0, note: str = ""
) -> ComplaintView:
    """Offer the customer a compensation. The service manager approves it (a manager's own
    offer is approved as made); a new offer needs approving again. Kind "" withdraws it."""
    c = _open(complaint_id)
    validation.choice(kind, CompensationKind.values(), ("Compensation", "补偿方式"))
    if amount_cents < 0:
        raise ValidationError("The amount cannot be negative.", "金额不能为负数。", field="amount_cents")
    if kind in MONEY_KINDS and not sees_money(actor):
        raise GateError(
            "A refund, discount or voucher is offered by the advisor or the service manager.",
            "退款、折扣或代金券须由服务顾问或服务经理提出。",
        )
    if kind in MONEY_KINDS and amount_cents == 0:
        raise ValidationError(
            "Enter the amount of the compensation.", "请输入补偿金额。", field="amount_cents"
        )
    text = validation.clean_text(note, limit=2000).strip()
    if kind and not text and kind not in MONEY_KINDS:
        raise ValidationError("Describe what is offered.", "请说明补偿的具体内容。", field="note")
    by_manager = actor.role == Role.MANAGER and bool(kind)
    when = now()
    old = {
        "kind": c.compensation_kind,
        "cents": c.compensation_cents,
        "approved_by": c.compensation_approved_by_id,
    }
    Complaint.update(
        compensation_kind=kind,
        compensation_cents=amount_cents if kind else 0,
        compensation_note=text if kind else "",
        compensation_approved_by=actor.user_id if by_manager else None,
        compensation_approved_at=when if by_manager else None,
    ).where(Complaint.id == c.id).execute()
    log(
        actor,
        "complaint",
        c.id,
        "propose_compensation",
        old=old,
        new={"kind": kind, "cents": amount_cents, "approved": by_manager},
        ro_id=c.ro_id,
    )
    return _for(Complaint.get_by_id(c.id), actor, when)


@service("complaint.approve", changes=Kind.COMPLAINTS)
def approve_compensation(*, actor: Actor, complaint_id: int) -> ComplaintView:
    """The service manager approves the compensation offered."""
    c = _open(complaint_id)
    if not c.compensation_kind:
        raise GateError("No compensation has been offered.", "尚未提出补偿。")
    if c.compensation_approved_at is not None:
        raise GateError("The compensation is already approved.", "该补偿已批准。")
    when = now()
    Complaint.update(compensation_approved_by=actor.user_id, compensation_approved_at=when).where(
        Complaint.id == c.id
    ).execute()
    log(
        actor,
        "complaint",
        c.id,
        "approve_compensation",
        new={"kind": c.compensation_kind, "cents": c.compensation_cents},
        ro_id=c.ro_id,
    )
    return _for(Complaint.get_by_id(c.id), actor, when)


@service("complaint.record", changes=Kind.COMPLAINTS)
def close_complaint(
    *, actor: Actor, complaint_id: int, accepted: bool | None, note: str = ""
) -> ComplaintView:
    """Close with the customer's answer (``accepted``; None: not asked → refused). See
    ``workflow.check_close_complaint`` for what else must hold."""
    c: Complaint = get(Complaint, complaint_id, WHAT)
    text = validation.clean_text(note, limit=2000).strip()
    workflow.check_close_complaint(
        status=c.status,
        level=c.level,
        escalated=c.escalated_at is not None,
        compensation_kind=c.compensation_kind,
        compensation_approved=c.compensation_approved_at is not None,
        accepted=accepted,
        note=text,
        by_manager=actor.role == Role.MANAGER,
    )
    when = now()
    n = (
        Complaint.update(
            status=ComplaintStatus.CLOSED,
            closed_at=when,
            closed_by=actor.user_id,
            accepted=accepted,
            closing_note=text,
        )
        .where((Complaint.id == c.id) & (Complaint.status == ComplaintStatus.OPEN))
        .execute()
    )
    if n != 1:  # pragma: no cover - the transaction serialises the desks
        workflow.check_complaint_open(ComplaintStatus.CLOSED)
    log(actor, "complaint", c.id, "close_complaint", new={"accepted": accepted, "note": text}, ro_id=c.ro_id)
    return _for(Complaint.get_by_id(c.id), actor, when)


# -- reads ---------------------------------------------------------------------------------


def _query() -> Any:
    return Complaint.select(Complaint, Customer).join(Customer)


def complaints(
    *,
    open_only: bool = True,
    at: dt.datetime | None = None,
    limit: int = 500,
    mask_phone: bool = False,
    money: bool = True,
) -> list[ComplaintView]:
    """Complaints, the open ones first: overdue escalations, then by level and age."""
    at = at or now()
    q = _query()
    if open_only:
        q = q.where(Complaint.status == ComplaintStatus.OPEN)
    q = q.order_by(Complaint.raised_at.desc()).limit(limit)
    rank: dict[str, int] = {ComplaintLevel.CRISIS: 0, ComplaintLevel.SERIOUS: 1, ComplaintLevel.GENERAL: 2}
    rows = [view(c, at=at, mask_phone=mask_phone, money=money) for c in q]
    rows.sort(
        key=lambda v: (v.status != ComplaintStatus.OPEN, not v.escalation_overdue, rank.get(v.level, 3))
    )
    return rows


def overdue_escalations(*, at: dt.datetime | None = None) -> list[ComplaintView]:
    """Open complaints past their time without the manager, the longest overdue first."""
    at = at or now()
    q = _query().where(
        (Complaint.status == ComplaintStatus.OPEN)
        & Complaint.escalated_at.is_null()
        & (Complaint.escalate_by < at)
    )
    return [view(c, at=at) for c in q.order_by(Complaint.escalate_by)]


def _count(code: str, rows: list[Complaint], at: dt.datetime) -> CauseCount:
    closed = [c for c in rows if c.closed_at is not None]
    hours = [(c.closed_at - c.raised_at).total_seconds() / 3600 for c in closed if c.closed_at is not None]
    late = sum(
        1
        for c in rows
        if workflow.escalated_late(c.escalate_by, c.escalated_at)
        or workflow.escalation_overdue(
            escalate_by=c.escalate_by, escalated_at=c.escalated_at, closed_at=c.closed_at, at=at
        )
    )
    return CauseCount(
        code,
        len(rows),
        len(closed),
        sum(1 for c in closed if c.accepted),
        late,
        round(sum(hours) / len(hours), 1) if hours else None,
        sum(c.compensation_cents for c in rows if c.compensation_approved_at is not None),
    )


def stats(start: dt.datetime, end: dt.datetime, *, at: dt.datetime | None = None) -> ComplaintStats:
    """Complaints raised in [start, end) by cause and by level: raised, closed, accepted,
    escalated late, mean hours to close, approved compensation."""
    at = at or now()
    rows = list(Complaint.select().where((Complaint.raised_at >= start) & (Complaint.raised_at < end)))
    by_cause = tuple(
        _count(cause, [c for c in rows if c.cause == cause], at)
        for cause in ComplaintCause
        if any(c.cause == cause for c in rows)
    )
    by_level = tuple(_count(level, [c for c in rows if c.level == level], at) for level in ComplaintLevel)
    return ComplaintStats(by_cause, by_level, _count("", rows, at))


@service("complaint.record", read=True)
def read_complaints(
    *, actor: Actor, open_only: bool = True, at: dt.datetime | None = None, limit: int = 500
) -> list[ComplaintView]:
    """``complaints``: the list of the Complaints workspace."""
    return complaints(
        open_only=open_only, at=at, limit=limit, mask_phone=_mask(actor), money=sees_money(actor)
    )


@service("complaint.record", read=True)
def read_complaint(*, actor: Actor, complaint_id: int) -> ComplaintView:
    """One complaint."""
    c = Complaint.select(Complaint, Customer).join(Customer).where(Complaint.id == complaint_id).first()
    if c is None:
        get(Complaint, complaint_id, WHAT)
    return _for(c, actor)


@service("complaint.record", read=True)
def read_overdue_escalations(*, actor: Actor, at: dt.datetime | None = None) -> list[ComplaintView]:
    """``overdue_escalations``: what the manager should have had by now."""
    if sees_money(actor):
        return overdue_escalations(at=at)
    return [dataclasses.replace(c, compensation_cents=0) for c in overdue_escalations(at=at)]


@service("complaint.record", read=True)
def read_stats(*, actor: Actor, start: dt.datetime, end: dt.datetime) -> ComplaintStats:
    """``stats``: complaints raised in the period by cause and by level (the compensation
    sums 0 for a role that sees no money)."""
    found = stats(start, end)
    if sees_money(actor):
        return found

    def bare(c: CauseCount) -> CauseCount:
        return dataclasses.replace(c, compensation_cents=0)

    return ComplaintStats(
        tuple(bare(c) for c in found.by_cause), tuple(bare(c) for c in found.by_level), bare(found.total)
    )


@service("complaint.record", read=True)
def read_managers(*, actor: Actor) -> list[ManagerChoice]:
    """The active service managers a complaint can be escalated to."""
    q = User.select().where((User.role == Role.MANAGER) & (User.active == True)).order_by(User.display_name)  # noqa: E712
    return [ManagerChoice(u.id, u.display_name) for u in q]


@service("complaint.record", read=True)
def read_ro_customer(*, actor: Actor, ro_id: int) -> int:
    """The customer of RO ``ro_id`` (a complaint from its follow-up call is theirs)."""
    ro: RepairOrder = get(RepairOrder, ro_id, ("Repair order", "工单"))
    return int(ro.customer_id)


@service("complaint.record", read=True)
def read_customer_ros(*, actor: Actor, customer_id: int, limit: int = 20) -> list[tuple[int, str]]:
    """The customer's latest repair orders (id, number), to link a complaint to."""
    q = (
        RepairOrder.select(RepairOrder.id, RepairOrder.number)
        .where(RepairOrder.customer == customer_id)
        .order_by(RepairOrder.id.desc())
        .limit(limit)
    )
    return [(r.id, r.number) for r in q]
