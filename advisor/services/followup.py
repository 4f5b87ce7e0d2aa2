"""Step 13: the follow-up call 24–48 h after handover, and recheck for the unhappy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from advisor import auth, validation, workflow
from advisor.codes import (
    FOLLOW_UP_ENDED,
    EventAction,
    FollowUpCategory,
    FollowUpStatus,
    FollowUpTiming,
    LineStatus,
)
from advisor.errors import GateError, ValidationError
from advisor.models import (
    Appointment,
    Concern,
    Customer,
    EstimateLine,
    FollowUp,
    RepairOrder,
    User,
    Vehicle,
    now,
)
from advisor.services._base import Actor, check_owner, event, get, log, ro_state, service
from advisor.services.opchanges import Kind
from advisor.services.views import AppointmentView, CallBriefView, FollowUpView

DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
# The categories a comment can have ("" is none).
CATEGORIES = tuple(c.value for c in FollowUpCategory if c)
UNHAPPY_SCORE = 2
MAX_ATTEMPTS = 3


def status_of(f: FollowUp, at: dt.datetime) -> str:
    """upcoming, due, overdue, done or unreachable."""
    if f.status in FOLLOW_UP_ENDED:
        return str(f.status)
    if at < f.due_from:
        return FollowUpStatus.UPCOMING
    return FollowUpStatus.DUE if at <= f.due_to else FollowUpStatus.OVERDUE


def timing_of(f: FollowUp) -> FollowUpTiming | None:
    """When a logged call was made against its window (None: not logged)."""
    if f.at is None or f.status != FollowUpStatus.DONE:
        return None
    return workflow.follow_up_timing(f.due_from - workflow.FOLLOW_UP_FROM, f.at, bool(f.customer_initiated))


def view(f: FollowUp, at: dt.datetime | None = None) -> FollowUpView:
    at = at or now()
    ro = f.ro
    within = None if f.at is None else f.due_from <= f.at <= f.due_to
    timing = timing_of(f)
    return FollowUpView(
        f.id,
        ro.id,
        ro.number,
        ro.customer.name,
        ro.customer.phone,
        ro.vehicle.plate,
        ro.advisor.display_name,
        ro.handed_over_at or f.due_from,
        f.due_from,
        f.due_to,
        status_of(f, at),
        f.at,
        f.solved,
        {d: getattr(f, d) for d in DIMENSIONS},
        f.category,
        f.comments,
        f.recheck_id,
        within,
        f.attempts,
        bool(f.customer_initiated),
        "" if timing is None else str(timing),
    )


def queue(
    *, at: dt.datetime | None = None, include_done: bool = False, advisor_id: int | None = None
) -> list[FollowUpView]:
    """Calls due, overdue (and upcoming within a day); done ones on request."""
    at = at or now()
    q = (
        FollowUp.select(FollowUp, RepairOrder, Customer, Vehicle, User)
        .join(RepairOrder)
        .join(Customer)
        .switch(RepairOrder)
        .join(Vehicle)
        .switch(RepairOrder)
        .join(User)
        .where(FollowUp.due_from <= at + dt.timedelta(days=1))
        .order_by(FollowUp.due_to)
    )
    if not include_done:
        q = q.where(FollowUp.status == FollowUpStatus.DUE)
    if advisor_id is not None:
        q = q.where(RepairOrder.advisor == advisor_id)
    return [view(f, at) for f in q]


@service("followup.log", changes=Kind.FOLLOWUP | Kind.RO)
def log_follow_up(
    *,
    actor: Actor,
    ro_id: int,
    reached: bool,
    solved: bool | None = None,
    scores: dict[str, int] | None = None,
    category: str = "",
    comments: str = "",
    recheck_at: dt.datetime | None = None,
    at: dt.datetime | None = None,
    customer_initiated: bool = False,
) -> FollowUpView:
    """Log the call. An unhappy customer (problem not solved, or a score ≤ 2) must get a
    recheck appointment booked from the call, linked to the RO.

    The call is due 24–48 h after handover (``workflow.follow_up_timing``): before 24 h
    only a call the customer started (``customer_initiated``) is accepted — a call the
    dealership makes then, answered or not, is refused; after 48 h it is accepted and
    counts as late."""
    from advisor.services.appointments import book_appointment

    ro = RepairOrder.get_or_none(RepairOrder.id == ro_id)
    if ro is None:
        get(RepairOrder, ro_id, ("Repair order", "工单"))
    check_owner(actor, ro)  # an advisor calls their own customers; customer service any
    workflow.check_handed_over(ro_state(ro))
    f = FollowUp.get(FollowUp.ro == ro.id)
    if f.status in FOLLOW_UP_ENDED:
        raise GateError("The follow-up is already logged.", "回访已记录。")
    when = at or now()
    if customer_initiated and not reached:
        raise ValidationError(
            "A call the customer started has reached them: log what they said.",
            "客户主动来电即已联系上：请记录客户的意见。",
            field="customer_initiated",
        )
    assert ro.handed_over_at is not None
    timing = workflow.check_follow_up_timing(ro.handed_over_at, when, customer_initiated)
    if not reached:
        attempts = f.attempts + 1
        status = FollowUpStatus.UNREACHABLE if attempts >= MAX_ATTEMPTS else FollowUpStatus.DUE
        FollowUp.update(
            attempts=attempts,
            status=status,
            at=when if status != FollowUpStatus.DUE else None,
            by_user=actor.user_id,
        ).where(FollowUp.id == f.id).execute()
        log(actor, "follow_up", f.id, "not_reached", new={"attempts": attempts}, ro_id=ro.id)
        if status == FollowUpStatus.UNREACHABLE:
            event(ro, actor, EventAction.FOLLOW_UP_UNREACHABLE)
        return view(FollowUp.get_by_id(f.id), when)
    scores = scores or {}
    for d in DIMENSIONS:
        if d not in scores or not 1 <= int(scores[d]) <= 5:
            raise ValidationError(
                "Rate each of the five dimensions from 1 to 5.",
                "请为五个维度分别打 1–5 分。",
                field=d,
            )
    if solved is None:
        raise ValidationError("Was the problem solved?", "问题是否已解决？", field="solved")
    if category:
        validation.choice(category, CATEGORIES, ("Category", "类别"))
    unhappy = (not solved) or min(int(v) for v in scores.values()) <= UNHAPPY_SCORE
    recheck_id = None
    if unhappy:
        if recheck_at is None:
            raise GateError(
                "The customer is not satisfied: book a recheck appointment from this call.",
                "客户不满意：请在本次回访中预约复检。",
            )
        # The recheck is booked as part of the call: customer service, who may log the call
        # but not book visits at large, books it too (the service itself, without the
        # appointment.book check), in the RO's advisor's name.
        booker: Callable[..., AppointmentView] = book_appointment
        if not auth.may(actor.role, "appointment.book"):
            booker = getattr(book_appointment, "__wrapped__")  # noqa: B009  (functools.wraps)
        appt = booker(
            actor=actor,
            customer_id=ro.customer_id,
            vehicle_id=ro.vehicle_id,
            starts_at=recheck_at,
            requested_work=f"Recheck after {ro.number} / 复检（{ro.number}）",
            urgent=True,
            override=True,
            recheck_of=ro.id,
        )
        recheck_id = appt.id
        if booker is not book_appointment:
            Appointment.update(advisor=ro.advisor_id).where(Appointment.id == appt.id).execute()
    FollowUp.update(
        status=FollowUpStatus.DONE,
        at=when,
        by_user=actor.user_id,
        customer_initiated=customer_initiated,
        solved=solved,
        category=category,
        comments=validation.clean_text(comments, limit=5000),
        recheck=recheck_id,
        **{d: int(scores[d]) for d in DIMENSIONS},
    ).where(FollowUp.id == f.id).execute()
    log(
        actor,
        "follow_up",
        f.id,
        "log_follow_up",
        new={
            "solved": solved,
            "scores": scores,
            "recheck": recheck_id,
            "timing": str(timing),
            "customer_initiated": customer_initiated,
        },
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.FOLLOWED_UP, "unhappy → recheck" if unhappy else "")
    return view(FollowUp.get_by_id(f.id), when)


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("followup.log", read=True)
def read_queue(
    *, actor: Actor, at: dt.datetime | None = None, include_done: bool = False, advisor_id: int | None = None
) -> list[FollowUpView]:
    """``queue``: the follow-up calls due (done ones on request)."""
    return queue(at=at, include_done=include_done, advisor_id=advisor_id)


@service("followup.log", read=True)
def read_call_brief(*, actor: Actor, ro_id: int) -> CallBriefView:
    """What the caller asks about (customer service has no ``ro.view``): the customer's
    concerns in their own words (the correction in force, not the words it replaced), the
    approved work's descriptions — never an amount, price or quantity — the handover date
    and the advisor's name."""
    ro = get(RepairOrder, ro_id, ("Repair order", "工单"))
    concerns = list(Concern.select().where(Concern.ro == ro.id).order_by(Concern.seq, Concern.id))
    superseded = {c.supersedes_id for c in concerns if c.supersedes_id}
    lines = (
        EstimateLine.select(EstimateLine.description)
        .where((EstimateLine.ro == ro.id) & (EstimateLine.status == LineStatus.APPROVED))
        .order_by(EstimateLine.id)
    )
    return CallBriefView(
        ro.id,
        ro.number,
        ro.handed_over_at,
        ro.advisor.display_name,
        tuple(c.customer_words for c in concerns if c.id not in superseded),
        tuple(line.description for line in lines),
    )
