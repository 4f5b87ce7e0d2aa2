"""Step 1: who to call — due services, campaigns and recalls, declined work — and the log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from advisor import validation
from advisor.codes import (
    SOLICITATION_CHANNELS,
    CallKind,
    CampaignKind,
    ContactOutcome,
    ContactPurpose,
    LineStatus,
)
from advisor.db import unindexed
from advisor.errors import ValidationError
from advisor.models import (
    Appointment,
    Campaign,
    ContactLog,
    Customer,
    DeclineReason,
    EstimateLine,
    RepairOrder,
    Vehicle,
    now,
)
from advisor.services._base import Actor, get, log, service
from advisor.services.findings import declined_photos
from advisor.services.opchanges import Kind

# The choices a form offers (see ``codes.Channel`` for why e-mail is not one of them).
CHANNELS: tuple[str, ...] = SOLICITATION_CHANNELS
OUTCOMES = ContactOutcome.values()


@dataclass(frozen=True)
class CallItem:
    kind: str  # a CallKind
    customer_id: int
    customer_name: str
    phone: str
    vehicle_id: int
    plate: str
    model: str
    detail_en: str
    detail_zh: str
    due: dt.date | None = None
    campaign_id: int | None = None
    line_ids: tuple[int, ...] = ()
    amount_cents: int = 0
    # Declined work that came from inspection findings: their photos (oldest first), shown
    # again at the call (issue 18). ``photo_id`` is the one to show first.
    photo_ids: tuple[int, ...] = ()

    @property
    def photo_id(self) -> int | None:
        """The photo of the declined finding to show with the item (None without one)."""
        return self.photo_ids[0] if self.photo_ids else None


@dataclass(frozen=True)
class DeclineReasonView:
    id: int
    code: str
    label_en: str
    label_zh: str


def decline_reasons() -> list[DeclineReasonView]:
    """The configurable list of reasons a customer declines."""
    q = DeclineReason.select().where(DeclineReason.active == True).order_by(DeclineReason.id)  # noqa: E712
    return [DeclineReasonView(r.id, r.code, r.label_en, r.label_zh) for r in q]


def _campaign_matches(c: Campaign, v: Vehicle) -> bool:
    if c.model_pattern and c.model_pattern.lower() not in (v.model or "").lower():
        return False
    if c.vin_from and v.vin < c.vin_from:
        return False
    return not (c.vin_to and v.vin > c.vin_to)


def campaigns_for(vehicle_id: int, *, on: dt.date | None = None) -> list[Campaign]:
    """Campaigns and recalls running on ``on`` that match this vehicle (model / VIN range)."""
    on = on or now().date()
    v = get(Vehicle, vehicle_id, ("Vehicle", "车辆"))
    running = Campaign.select().where((Campaign.starts_on <= on) & (Campaign.ends_on >= on))
    return [c for c in running if _campaign_matches(c, v)]


def _due_text(date: dt.date | None, km: int | None) -> tuple[str, str]:
    """What is due, in English and Chinese: the date, the mileage, or both (never a
    placeholder for the one not set)."""
    en = [date.isoformat()] if date else []
    zh = [date.isoformat()] if date else []
    if km:
        en.append(f"at {km:,} km")
        zh.append(f"{km:,} 公里")
    return "Service due " + " or ".join(en), "保养到期：" + " 或 ".join(zh)


def call_list(*, on: dt.date | None = None, horizon_days: int = 30, limit: int = 500) -> list[CallItem]:
    """Who to contact: services due by date or mileage, campaigns/recalls, declined work.

    Marketing contacts (due services, campaigns, declined work, and customer care's
    birthday and holiday greetings: ``care.care_items``) only for customers who
    consented; recalls are safety notices and always listed.
    """
    on = on or now().date()
    until = on + dt.timedelta(days=horizon_days)
    items: list[CallItem] = []
    recent = now() - dt.timedelta(days=14)
    contacted = {
        r.vehicle_id
        for r in ContactLog.select(ContactLog.vehicle).where(
            (ContactLog.at >= recent) & ContactLog.vehicle.is_null(False)
        )
    }
    due = _due_for_service(until, limit)
    for v in due:
        if v.id in contacted:
            continue
        by_km = v.next_service_km is not None and v.mileage_km + DUE_KM >= v.next_service_km
        items.append(
            CallItem(
                CallKind.DUE_KM if by_km else CallKind.DUE_DATE,
                v.customer_id,
                v.customer.name,
                v.customer.phone,
                v.id,
                v.plate,
                v.model,
                *_due_text(v.next_service_date, v.next_service_km),
                due=v.next_service_date,
            )
        )
    for c in Campaign.select().where((Campaign.starts_on <= on) & (Campaign.ends_on >= on)):
        q = Vehicle.select(Vehicle, Customer).join(Customer).where(Customer.anonymised_at.is_null())
        if c.model_pattern:
            q = q.where(Vehicle.model.contains(c.model_pattern))
        if c.vin_from:
            q = q.where(Vehicle.vin >= c.vin_from)
        if c.vin_to:
            q = q.where(Vehicle.vin <= c.vin_to)
        if c.kind != CampaignKind.RECALL:
            q = q.where(Customer.marketing_consent == True)  # noqa: E712
        for v in q.limit(limit):
            if v.id in contacted:
                continue
            items.append(
                CallItem(
                    c.kind,
                    v.customer_id,
                    v.customer.name,
                    v.customer.phone,
                    v.id,
                    v.plate,
                    v.model,
                    c.title_en,
                    c.title_zh,
                    campaign_id=c.id,
                )
            )
    for item in declined_work(limit=limit):
        if item.vehicle_id not in contacted:
            items.append(item)
    from advisor.services.care import care_items  # customer care: birthdays and holidays

    items.extend(care_items(on=on, limit=limit))
    return items


# Kilometres before the next service at which a car is due (the call list's rule).
DUE_KM = 500


def _due_for_service(until: dt.date, limit: int) -> list[Vehicle]:
    """Cars due for a service by ``until`` or within ``DUE_KM`` of its kilometres, of
    customers who consented (and are not anonymised), earliest date first.

    Two range reads, each through its own index (``vehicle (next_service_date)`` and the
    kilometres left, migration 0009), not one OR that only a walk of every car in date
    order could answer (the cars never serviced, without a date, first). The customer's
    consent is checked here, not in the query: a condition on the joined customer made
    SQLite build a Bloom filter of every customer for each call list (35 ms at 1M ROs)."""
    found: dict[int, Vehicle] = {}
    by_date = Vehicle.next_service_date
    for condition, order in (
        (by_date <= until, by_date),
        # the cars due by kilometres sorted, not walked in date order (no LIMIT to stop)
        (
            Vehicle.next_service_km.is_null(False)
            & ((Vehicle.next_service_km - Vehicle.mileage_km) <= DUE_KM),
            unindexed(by_date),
        ),
    ):
        query = Vehicle.select(Vehicle, Customer).join(Customer).where(condition).order_by(order, Vehicle.id)
        page, start = max(limit, 50), 0
        kept = 0
        while kept < limit:
            rows = list(query.limit(page).offset(start))
            for v in rows:
                if v.customer.marketing_consent and v.customer.anonymised_at is None and v.id not in found:
                    found[v.id] = v
                    kept += 1
            if len(rows) < page:
                break
            start += page
    cars = sorted(found.values(), key=lambda v: (v.next_service_date is None, v.next_service_date, v.id))
    return cars[:limit]


def declined_work(*, vehicle_id: int | None = None, limit: int = 500) -> list[CallItem]:
    """Work declined on earlier visits, not yet offered again (feeds the call list)."""
    q = (
        EstimateLine.select(EstimateLine, RepairOrder, Vehicle, Customer)
        .join(RepairOrder)
        .join(Vehicle)
        .join(Customer)
        .where(
            (unindexed(EstimateLine.status) == LineStatus.DECLINED)
            & EstimateLine.offered_again_at.is_null()
            & RepairOrder.handed_over_at.is_null(False)
            & Customer.anonymised_at.is_null()
        )
        .order_by(RepairOrder.handed_over_at.desc())
        .limit(limit)
    )
    if vehicle_id is not None:
        q = q.where(RepairOrder.vehicle == vehicle_id)
    else:
        q = q.where(Customer.marketing_consent == True)  # noqa: E712
    grouped: dict[int, list[EstimateLine]] = {}
    for line in q:
        grouped.setdefault(line.ro.vehicle_id, []).append(line)
    reasons = {r.id: (r.label_en, r.label_zh) for r in DeclineReason.select()}
    photos = declined_photos([x for lines in grouped.values() for x in lines])

    def described(lines: list[EstimateLine], lang: int) -> str:
        # "front brake pads (too expensive); wipers": the reason helps the call.
        return "; ".join(
            f"{x.description} ({reasons[x.decline_reason][lang]})"
            if x.decline_reason in reasons
            else x.description
            for x in lines
        )

    out = []
    for lines in grouped.values():
        v = lines[0].ro.vehicle
        out.append(
            CallItem(
                CallKind.DECLINED,
                v.customer_id,
                v.customer.name,
                v.customer.phone,
                v.id,
                v.plate,
                v.model,
                f"Declined earlier: {described(lines, 0)}",
                f"上次未做：{described(lines, 1)}",
                line_ids=tuple(x.id for x in lines),
                amount_cents=sum(x.amount_cents for x in lines),
                photo_ids=tuple(dict.fromkeys(p for x in lines for p in photos.get(x.id, ()))),
            )
        )
    return out


@service("solicitation.log", changes=Kind.SOLICITATION | Kind.CUSTOMERS)
def log_contact(
    *,
    actor: Actor,
    customer_id: int,
    channel: str,
    outcome: str,
    vehicle_id: int | None = None,
    decline_reason_id: int | None = None,
    campaign_id: int | None = None,
    line_ids: list[int] | None = None,
    purpose: str = ContactPurpose.DUE_SERVICE,
    note: str = "",
    appointment_id: int | None = None,
) -> int:
    """Log a contact; a decline needs a reason from the list. A booking names the
    appointment it made, which then points back to this contact. Returns the log id."""
    get(Customer, customer_id, ("Customer", "客户"))
    booked = None
    if appointment_id is not None:
        booked = get(Appointment, appointment_id, ("Appointment", "预约"))
        if booked.customer_id != customer_id or outcome != ContactOutcome.BOOKED:
            raise ValidationError(
                "This appointment does not come from this contact.", "该预约不是由此次联系产生的。"
            )
    validation.choice(channel, CHANNELS, ("Channel", "渠道"))
    validation.choice(outcome, OUTCOMES, ("Outcome", "结果"))
    validation.choice(purpose, ContactPurpose.values(), ("Purpose", "目的"))
    if outcome == ContactOutcome.DECLINED:
        if decline_reason_id is None:
            raise ValidationError(
                "Choose why the customer declines.", "请选择客户拒绝的原因。", field="decline_reason"
            )
        get(DeclineReason, decline_reason_id, ("Decline reason", "拒绝原因"))
    row = ContactLog.create(
        customer=customer_id,
        vehicle=vehicle_id,
        user=actor.user_id,
        channel=channel,
        purpose=purpose,
        outcome=outcome,
        decline_reason=decline_reason_id if outcome == ContactOutcome.DECLINED else None,
        campaign=campaign_id,
        note=validation.clean_text(note, limit=2000),
        at=now(),
    )
    if line_ids:
        EstimateLine.update(offered_again_at=now()).where(EstimateLine.id.in_(line_ids)).execute()
    if booked is not None:
        Appointment.update(source_contact=row.id).where(Appointment.id == booked.id).execute()
    log(
        actor,
        "contact",
        row.id,
        "log_contact",
        new={
            "channel": channel,
            "outcome": outcome,
            "reason": decline_reason_id,
            "appointment": appointment_id,
        },
    )
    return int(row.id)


@service("settings.edit", changes=Kind.SOLICITATION)
def add_campaign(
    *,
    actor: Actor,
    code: str,
    kind: str,
    title_en: str,
    title_zh: str,
    starts_on: dt.date,
    ends_on: dt.date,
    model_pattern: str = "",
    vin_from: str = "",
    vin_to: str = "",
    details: str = "",
) -> int:
    """Add a service campaign or recall (matched by model and VIN range)."""
    validation.choice(kind, CampaignKind.values(), ("Kind", "类型"))
    if ends_on < starts_on:
        raise ValidationError(
            "The campaign ends before it starts.", "活动结束日期早于开始日期。", field="ends_on"
        )
    c = Campaign.create(
        code=code.strip(),
        kind=kind,
        title_en=title_en,
        title_zh=title_zh,
        starts_on=starts_on,
        ends_on=ends_on,
        model_pattern=model_pattern,
        vin_from=vin_from.upper(),
        vin_to=vin_to.upper(),
        details=details,
    )
    log(actor, "campaign", c.id, "add_campaign", new={"code": code})
    return int(c.id)


def decline_stats(start: dt.datetime, end: dt.datetime) -> list[tuple[str, str, int]]:
    """Declines per reason in a period: (label_en, label_zh, count)."""
    q = (
        DeclineReason.select(
            DeclineReason.label_en, DeclineReason.label_zh, peewee.fn.COUNT(ContactLog.id).alias("n")
        )
        .join(ContactLog, on=(ContactLog.decline_reason == DeclineReason.id))
        .where((ContactLog.at >= start) & (ContactLog.at < end))
        .group_by(DeclineReason.id, DeclineReason.label_en, DeclineReason.label_zh)
        .order_by(peewee.fn.COUNT(ContactLog.id).desc())
    )
    return [(r.label_en, r.label_zh, r.n) for r in q]


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("solicitation.log", read=True)
def read_call_list(
    *, actor: Actor, on: dt.date | None = None, horizon_days: int = 30, limit: int = 500
) -> list[CallItem]:
    """``call_list``: whom to call for service due, campaigns and declined work."""
    return call_list(on=on, horizon_days=horizon_days, limit=limit)


@service("ro.view", read=True)
def read_campaigns_for(*, actor: Actor, vehicle_id: int) -> list[Campaign]:
    """``campaigns_for``: the campaigns the vehicle is in."""
    return campaigns_for(vehicle_id)


@service("ro.view", read=True)
def read_decline_reasons(*, actor: Actor) -> list[DeclineReasonView]:
    """``decline_reasons``: why a customer may decline, in both languages."""
    return decline_reasons()


@service("ro.view", read=True)
def read_declined_work(*, actor: Actor, vehicle_id: int | None = None, limit: int = 500) -> list[CallItem]:
    """``declined_work``: the work customers declined (of one vehicle)."""
    return declined_work(vehicle_id=vehicle_id, limit=limit)
