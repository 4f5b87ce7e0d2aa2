"""The customer lounge screen: the cars of the customers waiting for them, as a TV in
the lounge shows them to everyone in the room.

What leaves this module is only what the screen shows: the plate masked (``mask_plate``),
the make and model, where the car stands in plain words (``codes.LoungeStatus``) and when
it should be ready. No name, phone, VIN, price or RO number is read at all.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass

import peewee

from advisor.codes import ChangeStatus, LoungeStatus, ROStatus
from advisor.db import exists, unindexed
from advisor.models import ChangeRequest, RepairOrder, Vehicle
from advisor.models import now as clock_now
from advisor.services._base import Actor, service
from advisor.services.settings import get_setting
from advisor.workflow import Step

MASK = "·"  # the plate's own separator dot (粤A·12345), repeated for the hidden characters
MIN_HIDDEN = 3  # a short or odd plate hides at least this many characters
MAX_DOTS = 6  # a long odd entry does not stretch the column
SOON_MIN = 90  # a promise this close is also said as "in about N min"
LIMIT = 200  # more waiting cars than a lounge ever holds

# Where each step of the flow leaves a waiting customer's car, in their words.
STATUS_OF_STEP: dict[Step, LoungeStatus] = {
    Step.SOLICITATION: LoungeStatus.CHECKING_IN,  # an RO never stands there; said safely
    Step.APPOINTMENT: LoungeStatus.CHECKING_IN,
    Step.RECEPTION: LoungeStatus.CHECKING_IN,
    Step.DIAGNOSIS: LoungeStatus.DIAGNOSING,
    Step.ESTIMATE: LoungeStatus.QUOTING,
    Step.PARTS: LoungeStatus.WAITING_PARTS,
    Step.ASSIGNMENT: LoungeStatus.QUEUED,
    Step.REPAIR: LoungeStatus.REPAIRING,
    Step.QC: LoungeStatus.QUALITY_CHECK,
    Step.WASH: LoungeStatus.WASHING,
    Step.SETTLEMENT: LoungeStatus.READY,
    Step.HANDOVER: LoungeStatus.READY,
    Step.FOLLOW_UP: LoungeStatus.READY,  # handed over: not listed (see ``lounge``)
    Step.CLOSED: LoungeStatus.READY,
}


# The screen's own words. The lounge shows everything in both languages at once (the
# app's language first): whoever sits there reads one of them.
SCREEN_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Service progress", "维修进度"),
    "car": ("Car", "车辆"),
    "status": ("Progress", "当前进度"),
    "ready": ("Expected ready", "预计完工"),
    "empty": (
        "Welcome! The progress of your car will be shown here.",
        "欢迎光临！您的爱车维修进度将在此显示。",
    ),
    "privacy": ("Plates are partly hidden to protect your privacy.", "为保护您的隐私，车牌已部分隐藏。"),
    "ask": ("Any question? Please ask your service advisor.", "如有疑问，请咨询您的服务顾问。"),
}


@dataclass(frozen=True)
class LoungeCar:
    """One waiting customer's car as the lounge shows it: nothing that names the person."""

    plate: str  # masked: 粤A·····5
    car: str  # make and model
    status: LoungeStatus
    ready_at: dt.datetime | None  # the promised time (None: not promised yet)
    ready: tuple[str, str]  # when, in words (English, Chinese): "14:30", "Tomorrow 09:00"
    soon: tuple[str, str]  # "in about 20 min" / "约 20 分钟后", or empty


@dataclass(frozen=True)
class LoungeView:
    dealer: str
    at: dt.datetime
    cars: tuple[LoungeCar, ...]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def mask_plate(plate: str) -> str:
    """The plate with its middle hidden: the province character and the city letter kept,
    then the hidden characters as dots, then the last character (粤A12345 → 粤A·····5,
    the new-energy 粤AD12345 → 粤A······5). Spaces, dots and dashes typed into the plate
    are dropped, full-width and lower-case letters read as capitals; a short or odd entry
    keeps at least three characters hidden (it may then show only its first character, or
    nothing at all); an empty one gives ""."""
    text = unicodedata.normalize("NFKC", plate or "").upper()
    chars = [ch for ch in text if ch.isalnum()]
    n = len(chars)
    if not n:
        return ""
    head = 2 if n > 1 and _is_cjk(chars[0]) and chars[1].isascii() and chars[1].isalpha() else 1
    tail = 1
    if n - head - tail < MIN_HIDDEN:
        tail = 0
    if n - head - tail < MIN_HIDDEN:
        head = max(0, n - MIN_HIDDEN)
    hidden = n - head - tail
    dots = MASK * min(hidden, MAX_DOTS)
    front = "".join(chars[:head])
    back = "".join(chars[n - tail :]) if tail else ""
    return f"{front}{MASK}{dots}{back}" if front else dots + back


def status_of(step: int, *, awaiting_customer: bool = False) -> LoungeStatus:
    """Where an RO at ``step`` stands in the customer's words; a change request waiting
    for the customer's answer turns work under way into "your advisor will talk to you"."""
    try:
        status = STATUS_OF_STEP[Step(step)]
    except ValueError:
        status = LoungeStatus.CHECKING_IN
    if awaiting_customer and status in (
        LoungeStatus.QUEUED,
        LoungeStatus.REPAIRING,
        LoungeStatus.WAITING_PARTS,
    ):
        return LoungeStatus.SEE_ADVISOR
    return status


def ready_words(
    status: LoungeStatus, promised: dt.datetime | None, at: dt.datetime
) -> tuple[tuple[str, str], tuple[str, str]]:
    """When the car should be ready, in words ((English, Chinese), and "in about N min"
    when that is soon): "Ready now" once it is; "To be confirmed" with no promise or a
    promise already past (the advisor gives the customer a new one); the time today; or
    "Tomorrow 09:00" / a date."""
    none = ("", "")
    if status == LoungeStatus.READY:
        return ("Ready now", "现在可取车"), none
    if promised is None or promised <= at:
        return ("To be confirmed", "待确认"), none
    clock = promised.strftime("%H:%M")
    days = (promised.date() - at.date()).days
    if days == 0:
        when = (clock, clock)
    elif days == 1:
        when = (f"Tomorrow {clock}", f"明天 {clock}")
    else:
        when = (
            f"{promised.day} {promised.strftime('%b')} {clock}",
            f"{promised.month}月{promised.day}日 {clock}",
        )
    minutes = math.ceil((promised - at).total_seconds() / 60)
    soon = (f"in about {minutes} min", f"约 {minutes} 分钟后") if minutes <= SOON_MIN else none
    return when, soon


def _car(make: str, model: str) -> str:
    return " ".join(p for p in ((make or "").strip(), (model or "").strip()) if p)


def lounge(*, at: dt.datetime | None = None) -> LoungeView:
    """The cars of today's waiting customers (``customer_waits``, open, not handed over):
    ready ones first, then the soonest promise, then the earliest arrival."""
    at = at or clock_now()
    start = dt.datetime.combine(at.date(), dt.time())
    waits_answer = exists(
        ChangeRequest.select(peewee.SQL("1")).where(
            (ChangeRequest.ro == RepairOrder.id) & (ChangeRequest.status == ChangeStatus.PENDING)
        )
    )
    # Today's arrivals by their index (``repair_order (arrived_at)``): what a day holds, never
    # the history; the other conditions are kept off their indexes (``handed_over_at IS
    # NULL`` would also read every RO ever closed without a handover).
    q = (
        RepairOrder.select(
            RepairOrder.step,
            RepairOrder.promised_at,
            RepairOrder.arrived_at,
            Vehicle.plate,
            Vehicle.make,
            Vehicle.model,
            waits_answer,
        )
        .join(Vehicle)
        .where(
            (RepairOrder.arrived_at >= start)
            & (unindexed(RepairOrder.status) == ROStatus.OPEN)
            & unindexed(RepairOrder.handed_over_at).is_null()
            & (RepairOrder.customer_waits == True)  # noqa: E712
        )
        .order_by(RepairOrder.arrived_at)
        .limit(LIMIT)
    )
    rows = []
    for step, promised, arrived, plate, make, model, pending in q.tuples():
        status = status_of(int(step), awaiting_customer=bool(pending))
        ready, soon = ready_words(status, promised, at)
        car = LoungeCar(mask_plate(plate), _car(make, model), status, promised, ready, soon)
        rows.append((status != LoungeStatus.READY, promised is None, promised or at, arrived, car))
    rows.sort(key=lambda r: r[:4])
    return LoungeView(str(get_setting("dealer_name") or ""), at, tuple(r[4] for r in rows))


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("lounge.view", read=True)
def read_lounge(*, actor: Actor, now: dt.datetime | None = None) -> LoungeView:
    """``lounge``: what the lounge screen shows, as of ``now`` (default: the clock)."""
    return lounge(at=now)
