"""The RO timeline for a customer or a manager: each step with who and when, and the
time standards of the manual met or missed. Pure functions over an ``ROView``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from advisor import money, workflow
from advisor.codes import PauseReason, StandardStatus
from advisor.services.views import EventView, ROView

# The step an event belongs to: the step it completes or happens in. Events store the
# step the RO moved on to (checking in moves it to diagnosis), so a screen that filed an
# event by its stored step showed "问诊 接车检查完成" and "交车 已付款".
STEP_OF_ACTION: dict[str, int] = {
    "opened": 3,
    "arrived": 3,
    "greeted": 3,
    "checked_in": 3,
    "reassigned": 3,
    "comeback_linked": 3,
    "concern_recorded": 4,
    "concern_corrected": 4,
    "authorised": 5,
    "parts_arrived": 6,
    "assigned": 7,
    "reassigned_job": 7,
    "clock_on": 8,
    "clock_pause": 8,
    "clock_resume": 8,
    "clock_done": 8,
    "change_requested": 8,
    "change_consented": 8,
    "change_refused": 8,
    "change_approved_by_manager": 8,
    "change_rejected_by_manager": 8,
    "change_applied": 8,
    "qc_passed": 9,
    "qc_failed": 9,
    "wash_requested": 10,
    "wash_declined": 10,
    "washed": 10,
    "settled": 11,
    "settlement_corrected": 11,
    "items_explained": 11,
    "paid": 11,
    "refunded": 11,
    "handed_over": 12,
    "followed_up": 13,
    "follow_up_unreachable": 13,
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
    unhappy_recheck, pause_reason (reason).
    """

    kind: str
    values: dict[str, Any] = field(default_factory=dict)


_MONEY = r"-?¥[\d,]+\.\d{2}"


def _cents(text: str) -> int:
    return money.to_cents(text.replace("¥", ""))


def note_of(action: str, note: str) -> EventNote:
    """The note of an event as data (``EventNote``); free text stays ``text``."""
    text = note.strip()
    if not text:
        return EventNote("text", {"text": ""})
    if action == "arrived" and text == "walk-in":
        return EventNote("walk_in")
    if action in ("arrived", "parts_arrived"):
        m = re.fullmatch(r"(appointment|order) #(\d+)", text)
        if m:
            return EventNote("appointment" if m.group(1) == "appointment" else "order", {"id": int(m.group(2))})
    if action == "authorised":
        m = re.fullmatch(rf"({_MONEY}); declined (\d+)", text)
        if m:
            return EventNote("authorised", {"amount_cents": _cents(m.group(1)), "declined": int(m.group(2))})
    if action == "paid":
        m = re.fullmatch(r"([a-z_]+) (-?[\d,]+\.\d{2})", text)
        if m:
            return EventNote("payment", {"method": m.group(1), "amount_cents": _cents(m.group(2))})
    if action == "change_requested":
        m = re.fullmatch(rf"({_MONEY}) → ({_MONEY})", text)
        if m:
            return EventNote("amounts", {"old_cents": _cents(m.group(1)), "new_cents": _cents(m.group(2))})
    if action == "change_consented":
        who, sep, _rest = text.rpartition("; awaiting manager")
        if sep and not _rest:
            return EventNote("consent", {"who": who, "awaiting_manager": True})
        return EventNote("consent", {"who": text, "awaiting_manager": False})
    if action == "followed_up" and text == "unhappy → recheck":
        return EventNote("unhappy_recheck")
    if action == "clock_pause" and text in PauseReason.values():
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


def time_standards(view: ROView, *, at: dt.datetime | None = None) -> list[StandardCheck]:
    """Greeting ≤ 3 min, need confirmed ≤ 10 min, the promised time, follow-up 24–48 h."""
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
        _check(
            "need_confirmed",
            "Need confirmed within 10 min",
            "10 分钟内确认需求",
            arrived,
            view.need_confirmed_at,
            arrived + dt.timedelta(seconds=workflow.NEED_CONFIRMED_S),
            at,
        ),
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
        if f.at is not None and f.within_window is False:
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
    return out
