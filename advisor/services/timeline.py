"""The RO timeline for a customer or a manager: each step with who and when, and the
time standards of the manual met or missed. Pure functions over an ``ROView``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from advisor import money, workflow
from advisor.codes import (
    EventAction,
    FollowUpTiming,
    InspectionStage,
    NeedTiming,
    PauseReason,
    Rating,
    SignedAct,
    StandardStatus,
)
from advisor.services.views import EventView, ROView

# The step an event belongs to: the step it completes or happens in. Events store the
# step the RO moved on to (checking in moves it to diagnosis), so a screen that filed an
# event by its stored step showed "问诊 接车检查完成" and "交车 已付款".
STEP_OF_ACTION: dict[str, int] = {
    EventAction.OPENED: 3,
    EventAction.ARRIVED: 3,
    EventAction.GREETED: 3,
    EventAction.CHECKED_IN: 3,
    EventAction.REASSIGNED: 3,
    EventAction.COMEBACK_LINKED: 3,
    EventAction.CONCERN_RECORDED: 4,
    EventAction.CONCERN_CORRECTED: 4,
    EventAction.AUTHORISED: 5,
    EventAction.PARTS_ARRIVED: 6,
    EventAction.ASSIGNED: 7,
    EventAction.REASSIGNED_JOB: 7,
    EventAction.CLOCK_ON: 8,
    EventAction.CLOCK_PAUSE: 8,
    EventAction.CLOCK_RESUME: 8,
    EventAction.CLOCK_DONE: 8,
    EventAction.CHANGE_REQUESTED: 8,
    EventAction.CHANGE_CONSENTED: 8,
    EventAction.CHANGE_REFUSED: 8,
    EventAction.CHANGE_APPROVED_BY_MANAGER: 8,
    EventAction.CHANGE_REJECTED_BY_MANAGER: 8,
    EventAction.CHANGE_APPLIED: 8,
    EventAction.SELF_CHECK_SIGNED: 8,  # the technician's self-check ends the repair
    EventAction.QC_PASSED: 9,
    EventAction.QC_FAILED: 9,
    EventAction.WASH_REQUESTED: 10,
    EventAction.WASH_DECLINED: 10,
    EventAction.WASHED: 10,
    EventAction.SETTLED: 11,
    EventAction.SETTLEMENT_CORRECTED: 11,
    EventAction.ITEMS_EXPLAINED: 11,
    EventAction.PAID: 11,
    EventAction.REFUNDED: 11,
    EventAction.HANDED_OVER: 12,
    EventAction.FOLLOWED_UP: 13,
    EventAction.FOLLOW_UP_UNREACHABLE: 13,
}


@dataclass(frozen=True)
class StepMilestone:
    step: int
    label_en: str
    label_zh: str
    first_at: dt.datetime | None
    last_at: dt.datetime | None
    users: tuple[str, ...]
    events: int


@dataclass(frozen=True)
class StandardCheck:
    key: str  # greeting | need_confirmed | promised | follow_up
    label_en: str
    label_zh: str
    start: dt.datetime | None
    end: dt.datetime | None
    deadline: dt.datetime | None
    status: str  # met | missed | pending | not_applicable
    seconds: int | None  # how long it took (or has been running)
    misses: int = 0  # the lounge: progress updates due and not given


# Events that complete no step: filed under the step the RO stood at (a progress update
# given to the customer, the customer sitting down to wait or leaving: wherever the work is).
IN_ITS_STEP: frozenset[str] = frozenset(
    {EventAction.CUSTOMER_INFORMED, EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT}
)


def step_of(event: EventView) -> int:
    """The step of the flow an event belongs to (the one it completes or happens in)."""
    return STEP_OF_ACTION.get(event.action, event.step)


@dataclass(frozen=True)
class EventNote:
    """What an event's note says, as data for a screen to put in words.

    The services store short notes (``"¥482.00; declined 0"``, ``"cash 849.76"``,
    ``"walk-in"``); this reads the known forms so no screen shows them as stored.
    ``kind`` is one of: text (said by a person, shown as typed), walk_in, appointment
    (id), order (id), authorised (amount_cents, declined), payment (method,
    amount_cents), amounts (old_cents, new_cents), consent (who, awaiting_manager),
    unhappy_recheck, pause_reason (reason), inspection (red, yellow, green, na: counts),
    signed (act: a ``SignedAct``).
    """

    kind: str
    values: dict[str, Any] = field(default_factory=dict)


_MONEY = r"-?¥[\d,]+\.\d{2}"


def _cents(text: str) -> int:
    return money.to_cents(text.replace("¥", ""))


# The step a signature belongs to: the act it signs.
STEP_OF_ACT: dict[str, int] = {SignedAct.AUTHORISATION: 5, SignedAct.CONSENT: 8, SignedAct.HANDOVER: 12}
_RATINGS = (Rating.RED, Rating.YELLOW, Rating.GREEN, Rating.NA)


def timeline_events(view: ROView) -> list[EventView]:
    """The RO's step events with the evidence (issue 18) among them, in time order: the
    inspection started and finished (its counts by colour in the note) and each act the
    customer signed on the pad (the act in the note, the customer as who). These are read
    from the inspection and signature rows, not stored as step events."""
    extra: list[EventView] = []
    insp = view.inspection
    if insp is not None:
        step = 4 if insp.stage == InspectionStage.DIAGNOSIS else 3
        extra.append(EventView(insp.started_at, step, EventAction.INSPECTION_STARTED, insp.started_by, ""))
        if insp.finished_at is not None:
            counts = " ".join(f"{r.value}={insp.count(r)}" for r in _RATINGS)
            extra.append(
                EventView(insp.finished_at, step, EventAction.INSPECTION_FINISHED, insp.finished_by, counts)
            )
    for s in view.signatures:
        extra.append(
            EventView(s.signed_at, STEP_OF_ACT.get(s.act, 0), EventAction.CUSTOMER_SIGNED, s.signer, s.act)
        )
    return sorted([*view.events, *extra], key=lambda e: e.at)  # stable: same-time events keep their order


def note_of(action: str, note: str) -> EventNote:
    """The note of an event as data (``EventNote``); free text stays ``text``."""
    text = note.strip()
    if not text:
        return EventNote("text", {"text": ""})
    if action == EventAction.ARRIVED and text == "walk-in":
        return EventNote("walk_in")
    if action in (EventAction.ARRIVED, EventAction.PARTS_ARRIVED):
        m = re.fullmatch(r"(appointment|order) #(\d+)", text)
        if m:
            return EventNote(
                "appointment" if m.group(1) == "appointment" else "order", {"id": int(m.group(2))}
            )
    if action == EventAction.AUTHORISED:
        m = re.fullmatch(rf"({_MONEY}); declined (\d+)", text)
        if m:
            return EventNote("authorised", {"amount_cents": _cents(m.group(1)), "declined": int(m.group(2))})
    if action == EventAction.PAID:
        m = re.fullmatch(r"([a-z_]+) (-?[\d,]+\.\d{2})", text)
        if m:
            return EventNote("payment", {"method": m.group(1), "amount_cents": _cents(m.group(2))})
    if action == EventAction.CHANGE_REQUESTED:
        m = re.fullmatch(rf"({_MONEY}) → ({_MONEY})", text)
        if m:
            return EventNote("amounts", {"old_cents": _cents(m.group(1)), "new_cents": _cents(m.group(2))})
    if action == EventAction.CHANGE_CONSENTED:
        who, sep, _rest = text.rpartition("; awaiting manager")
        if sep and not _rest:
            return EventNote("consent", {"who": who, "awaiting_manager": True})
        return EventNote("consent", {"who": text, "awaiting_manager": False})
    if action == EventAction.INSPECTION_FINISHED:
        m = re.fullmatch(r"red=(\d+) yellow=(\d+) green=(\d+) na=(\d+)", text)
        if m:
            return EventNote(
                "inspection", {r.value: int(n) for r, n in zip(_RATINGS, m.groups(), strict=True)}
            )
    if action == EventAction.CUSTOMER_SIGNED and text in SignedAct.values():
        return EventNote("signed", {"act": text})
    if action == EventAction.FOLLOWED_UP and text == "unhappy → recheck":
        return EventNote("unhappy_recheck")
    if action == EventAction.CLOCK_PAUSE and text in PauseReason.values():
        return EventNote("pause_reason", {"reason": text})
    return EventNote("text", {"text": text})


def milestones(view: ROView) -> list[StepMilestone]:
    """Steps 1–13 with the first and last event, and who acted."""
    out = []
    for step in workflow.Step:
        if step == workflow.Step.CLOSED:
            continue
        evs = [e for e in view.events if step_of(e) == int(step)]
        users = tuple(dict.fromkeys(e.user for e in evs if e.user))
        en, zh = workflow.STEP_LABELS[step]
        out.append(
            StepMilestone(
                int(step), en, zh, evs[0].at if evs else None, evs[-1].at if evs else None, users, len(evs)
            )
        )
    return out


def _check(
    key: str,
    en: str,
    zh: str,
    start: dt.datetime | None,
    end: dt.datetime | None,
    deadline: dt.datetime | None,
    at: dt.datetime,
) -> StandardCheck:
    if start is None or deadline is None:
        return StandardCheck(key, en, zh, start, end, deadline, StandardStatus.NOT_APPLICABLE, None)
    stop = end or at
    seconds = int((stop - start).total_seconds())
    if end is not None:
        status = StandardStatus.MET if end <= deadline else StandardStatus.MISSED
    else:
        status = StandardStatus.MISSED if at > deadline else StandardStatus.PENDING
    return StandardCheck(key, en, zh, start, end, deadline, status, seconds)


def _need_check(view: ROView, at: dt.datetime) -> StandardCheck:
    """Need confirmed 5–10 min after arrival: missed when slow, and when rushed too."""
    arrived = view.arrived_at
    check = _check(
        "need_confirmed",
        "Need confirmed in 5–10 min",
        "5–10 分钟内确认需求",
        arrived,
        view.need_confirmed_at,
        arrived + dt.timedelta(seconds=workflow.NEED_CONFIRMED_S),
        at,
    )
    confirmed = view.need_confirmed_at
    if confirmed is not None and workflow.need_confirmation_timing(arrived, confirmed) == NeedTiming.RUSHED:
        return replace(check, status=StandardStatus.MISSED)
    return check


def time_standards(view: ROView, *, at: dt.datetime | None = None) -> list[StandardCheck]:
    """Greeting ≤ 3 min, need confirmed in 5–10 min, the promised time, follow-up 24–48 h."""
    at = at or dt.datetime.now()
    arrived = view.arrived_at
    out = [
        _check(
            "greeting",
            "Greeting within 3 min",
            "3 分钟内接待",
            arrived,
            view.greeted_at,
            arrived + dt.timedelta(seconds=workflow.GREETING_S),
            at,
        ),
        _need_check(view, at),
        _check(
            "promised",
            "Car handed over by the promised time",
            "按承诺时间交车",
            view.authorised_at or arrived,
            view.handed_over_at,
            view.promised_at,
            at,
        ),
    ]
    f = view.follow_up
    if f is None:
        out.append(
            _check(
                "follow_up",
                "Follow-up 24–48 h after handover",
                "交车后 24–48 小时回访",
                view.handed_over_at,
                None,
                None,
                at,
            )
        )
    else:
        check = _check(
            "follow_up",
            "Follow-up 24–48 h after handover",
            "交车后 24–48 小时回访",
            f.handed_over_at,
            f.at,
            f.due_to,
            at,
        )
        # A call the customer started before 24 h counts (met); a late one, or an early
        # one the dealership made (before the rule), is missed.
        if f.at is not None and f.timing in (FollowUpTiming.LATE, FollowUpTiming.EARLY):
            check = StandardCheck(
                check.key,
                check.label_en,
                check.label_zh,
                check.start,
                check.end,
                check.deadline,
                StandardStatus.MISSED,
                check.seconds,
            )
        out.append(check)
    lounge = lounge_check(view, at=at)
    if lounge is not None:
        out.append(lounge)
    return out


def lounge_check(view: ROView, *, at: dt.datetime) -> StandardCheck | None:
    """The lounge standard (a progress update every ``lounge_update_minutes`` while the
    customer waits at the shop), when the customer waited: missed at the first update
    due and not given; met when the wait ended with none missed; else running, due at the
    next update."""
    from advisor.services.standards import lounge_from

    every = dt.timedelta(minutes=view.lounge_every_min)
    record = lounge_from(
        ro_id=view.id,
        start=view.checked_in_at or view.arrived_at,
        waits_now=view.customer_waits,
        toggles=[
            (e.at, e.action == EventAction.CUSTOMER_WAITING)
            for e in view.events
            if e.action in (EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT)
        ],
        updates=[e.at for e in view.events if e.action == EventAction.CUSTOMER_INFORMED],
        ready_at=workflow.lounge_ready_at(view.qc_passed_at, view.wash_requested, view.wash_done_at),
        handed_over_at=view.handed_over_at,
        at=at,
        every=every,
    )
    if not record.waited:
        return None
    minutes = int(every.total_seconds() // 60)
    en, zh = f"Lounge: an update every {minutes} min", f"在店等候：每 {minutes} 分钟通报进度"
    start, end = record.waits[0][0], None if record.waiting_now else record.waits[-1][1]
    seconds = int(((end or at) - start).total_seconds())
    # The deadline: the next update due while the customer waits, else the first missed.
    deadline = record.next_due if record.waiting_now else (record.misses[0] if record.misses else None)
    if record.misses:
        en += f" ({record.missed} missed)"
        zh += f"（漏报 {record.missed} 次）"
        return StandardCheck(
            "lounge", en, zh, start, end, deadline, StandardStatus.MISSED, seconds, record.missed
        )
    status = StandardStatus.PENDING if record.waiting_now else StandardStatus.MET
    return StandardCheck("lounge", en, zh, start, end, deadline, status, seconds)
