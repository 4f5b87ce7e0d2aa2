"""Step 2: appointments with workload levelling, reconfirmation and no-shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from advisor import codes, validation
from advisor.codes import APPOINTMENT_EXPECTED, APPOINTMENT_HOLDS, AppointmentStatus, ReconfirmOutcome
from advisor.errors import GateError, UserError, ValidationError
from advisor.models import Appointment, Customer, RepairOrder, Technician, Vehicle, now
from advisor.services._base import Actor, bump, get, log, sees_money, service
from advisor.services.opchanges import Kind
from advisor.services.settings import get_setting
from advisor.services.views import AppointmentView, CapacitySlot

DAY_START = 8
DAY_END = 18
SLOT_MIN = 60
RECONFIRM_OUTCOMES: tuple[str, ...] = codes.RECONFIRM_OUTCOMES


class OverbookedError(UserError):
    """The slot is full: booking needs an explicit override."""


def view(a: Appointment) -> AppointmentView:
    ro = RepairOrder.select(RepairOrder.id).where(RepairOrder.appointment == a.id).first()
    return AppointmentView(
        a.id,
        a.customer_id,
        a.customer.name,
        a.vehicle_id,
        a.vehicle.plate,
        a.starts_at,
        a.duration_min,
        a.requested_work,
        a.parts_needed,
        a.estimated_cents,
        a.booklet_reminded,
        a.special_care,
        a.urgent,
        a.status,
        a.reconfirm_outcome,
        a.override_capacity,
        a.version,
        ro.id if ro else None,
        a.recheck_of,
        a.source_contact,
    )


def _tech_minutes_per_slot() -> int:
    total = Decimal(0)
    for t in Technician.select().where(Technician.active == True):  # noqa: E712
        total += min(Decimal(t.hours_per_day) / (DAY_END - DAY_START), Decimal(1))
    return int(total * SLOT_MIN)


def _overlap(a0: dt.datetime, a1: dt.datetime, b0: dt.datetime, b1: dt.datetime) -> int:
    return max(0, int((min(a1, b1) - max(a0, b0)).total_seconds() // 60))


def capacity(day: dt.date, *, exclude_id: int | None = None) -> list[CapacitySlot]:
    """Technician minutes and bays available vs booked, per hour of ``day``."""
    start = dt.datetime.combine(day, dt.time(DAY_START))
    end = dt.datetime.combine(day, dt.time(DAY_END))
    q = Appointment.select().where(
        (Appointment.starts_at >= start - dt.timedelta(hours=12))
        & (Appointment.starts_at < end)
        & Appointment.status.in_(APPOINTMENT_HOLDS)
    )
    if exclude_id is not None:
        q = q.where(Appointment.id != exclude_id)
    booked = [(a.starts_at, a.starts_at + dt.timedelta(minutes=a.duration_min)) for a in q]
    per_slot = _tech_minutes_per_slot()
    bays = int(get_setting("bays"))
    slots = []
    for h in range(DAY_START, DAY_END):
        s0 = dt.datetime.combine(day, dt.time(h))
        s1 = s0 + dt.timedelta(minutes=SLOT_MIN)
        mins = sum(_overlap(b0, b1, s0, s1) for b0, b1 in booked)
        cars = sum(1 for b0, b1 in booked if _overlap(b0, b1, s0, s1) > 0)
        slots.append(CapacitySlot(s0, s1, per_slot, mins, bays, cars))
    return slots


def _check_capacity(starts_at: dt.datetime, duration: int, exclude_id: int | None = None) -> None:
    end = starts_at + dt.timedelta(minutes=duration)
    for slot in capacity(starts_at.date(), exclude_id=exclude_id):
        need = _overlap(starts_at, end, slot.start, slot.end)
        if need and (slot.booked_min + need > slot.capacity_min or slot.bays_booked + 1 > slot.bays):
            raise OverbookedError(
                f"The {slot.start:%H:%M} slot is full ({slot.booked_min} of {slot.capacity_min} "
                f"technician minutes, {slot.bays_booked} of {slot.bays} bays booked). "
                "Choose another time or book with an explicit override.",
                f"{slot.start:%H:%M} 时段已满（技师工时已约 {slot.booked_min}/{slot.capacity_min} 分钟，"
                f"工位已约 {slot.bays_booked}/{slot.bays} 个）。请另选时间，或明确选择超额预约。",
            )


@service("appointment.book", changes=Kind.APPOINTMENTS | Kind.CUSTOMERS)
def book_appointment(
    *,
    actor: Actor,
    customer_id: int,
    vehicle_id: int,
    starts_at: dt.datetime,
    duration_min: int = 60,
    requested_work: str,
    parts_needed: str = "",
    estimated_cents: int = 0,
    booklet_reminded: bool = False,
    special_care: str = "",
    urgent: bool = False,
    requested_at: dt.datetime | None = None,
    override: bool = False,
    source_contact: int | None = None,
    recheck_of: int | None = None,
) -> AppointmentView:
    """Book a visit; a full slot is refused unless ``override`` is given explicitly."""
    v = get(Vehicle, vehicle_id, ("Vehicle", "车辆"))
    if v.customer_id != customer_id:
        raise ValidationError("This vehicle belongs to another customer.", "该车辆属于其他客户。")
    work = validation.clean_text(requested_work).strip()
    if not work:
        raise ValidationError(
            "Record the work the customer asks for.",
            "请记录客户要求的作业内容。",
            field="requested_work",
        )
    if not 15 <= duration_min <= 8 * 60:
        raise ValidationError(
            "Duration must be between 15 minutes and 8 hours.",
            "预计时长须在 15 分钟至 8 小时之间。",
            field="duration",
        )
    validation.price_cents(estimated_cents)
    asked = requested_at or now()
    if starts_at < asked - dt.timedelta(minutes=5):
        raise ValidationError(
            "The appointment cannot be before the request.",
            "预约时间不能早于客户提出请求的时间。",
            field="starts_at",
        )
    if not override:
        _check_capacity(starts_at, duration_min)
    a = Appointment.create(
        customer=customer_id,
        vehicle=vehicle_id,
        advisor=actor.user_id,
        starts_at=starts_at,
        duration_min=duration_min,
        requested_work=work,
        parts_needed=validation.clean_text(parts_needed),
        estimated_cents=estimated_cents,
        booklet_reminded=booklet_reminded,
        special_care=validation.clean_text(special_care),
        urgent=urgent,
        requested_at=asked,
        override_capacity=override,
        source_contact=source_contact,
        recheck_of=recheck_of,
        created_by=actor.user_id,
        created_at=now(),
    )
    log(
        actor,
        "appointment",
        a.id,
        "book_appointment",
        new={"starts_at": starts_at, "override": override, "vehicle": vehicle_id},
    )
    return view(a)


@service("appointment.book", changes=Kind.APPOINTMENTS)
def reschedule(
    *, actor: Actor, appointment_id: int, version: int, starts_at: dt.datetime, override: bool = False
) -> AppointmentView:
    """Move an appointment to another time (capacity checked again)."""
    a = get(Appointment, appointment_id, ("Appointment", "预约"))
    if a.status not in APPOINTMENT_EXPECTED:
        raise GateError("This appointment is no longer pending.", "此预约已不在待到店状态。")
    if not override:
        _check_capacity(starts_at, a.duration_min, exclude_id=a.id)
    old = bump(a, version, ("The appointment", "预约"), starts_at=starts_at, override_capacity=override)
    log(actor, "appointment", a.id, "reschedule", old=old, new={"starts_at": starts_at})
    return view(a)


@service("appointment.book", changes=Kind.APPOINTMENTS)
def reconfirm(*, actor: Actor, appointment_id: int, outcome: str) -> AppointmentView:
    """Record the outcome of the reconfirmation call before the visit."""
    validation.choice(outcome, RECONFIRM_OUTCOMES, ("Outcome", "结果"))
    a = get(Appointment, appointment_id, ("Appointment", "预约"))
    if a.status not in APPOINTMENT_EXPECTED:
        raise GateError("This appointment is no longer pending.", "此预约已不在待到店状态。")
    moves: dict[str, str] = {
        ReconfirmOutcome.CONFIRMED: AppointmentStatus.CONFIRMED,
        ReconfirmOutcome.CANCELLED: AppointmentStatus.CANCELLED,
    }
    status = moves.get(outcome, a.status)
    old = bump(
        a, None, ("The appointment", "预约"), reconfirm_outcome=outcome, reconfirmed_at=now(), status=status
    )
    log(actor, "appointment", a.id, "reconfirm", old=old, new={"outcome": outcome})
    return view(a)


@service("appointment.book", changes=Kind.APPOINTMENTS)
def mark_no_show(*, actor: Actor, appointment_id: int) -> AppointmentView:
    """The customer did not come."""
    a = get(Appointment, appointment_id, ("Appointment", "预约"))
    if a.status not in APPOINTMENT_EXPECTED:
        raise GateError("Only a pending appointment can be a no-show.", "只有待到店的预约才能记为爽约。")
    if a.starts_at > now():
        raise GateError("The appointment time has not come yet.", "预约时间尚未到。")
    bump(a, None, ("The appointment", "预约"), status=AppointmentStatus.NO_SHOW)
    log(actor, "appointment", a.id, "no_show")
    return view(a)


@service("appointment.book", changes=Kind.APPOINTMENTS | Kind.PARTS)
def cancel_appointment(*, actor: Actor, appointment_id: int, reason: str) -> AppointmentView:
    """Cancel at the customer's request (kept on file)."""
    a = get(Appointment, appointment_id, ("Appointment", "预约"))
    if a.status not in APPOINTMENT_EXPECTED:
        raise GateError("This appointment is no longer pending.", "此预约已不在待到店状态。")
    bump(a, None, ("The appointment", "预约"), status=AppointmentStatus.CANCELLED)
    log(actor, "appointment", a.id, "cancel", new={"reason": reason})
    return view(a)


def appointments_on(day: dt.date) -> list[AppointmentView]:
    """Every appointment of ``day`` in time order."""
    start = dt.datetime.combine(day, dt.time())
    q = (
        Appointment.select(Appointment, Customer, Vehicle)
        .join(Customer)
        .switch(Appointment)
        .join(Vehicle)
        .where((Appointment.starts_at >= start) & (Appointment.starts_at < start + dt.timedelta(days=1)))
        .order_by(Appointment.starts_at)
    )
    return [view(a) for a in q]


def reconfirmation_list(day: dt.date | None = None) -> list[AppointmentView]:
    """Tomorrow's (or ``day``'s) appointments still to reconfirm or confirmed."""
    day = day or (now().date() + dt.timedelta(days=1))
    return [a for a in appointments_on(day) if a.status in APPOINTMENT_EXPECTED]


def get_appointment(appointment_id: int) -> AppointmentView:
    return view(get(Appointment, appointment_id, ("Appointment", "预约")))


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


def _priced(actor: Actor, rows: list[AppointmentView]) -> list[AppointmentView]:
    """The appointments, without the estimated price for a role that sees no money."""
    return rows if sees_money(actor) else [replace(a, estimated_cents=0) for a in rows]


@service("appointment.view", read=True)
def read_appointments_on(*, actor: Actor, day: dt.date) -> list[AppointmentView]:
    """``appointments_on``: the day's appointments."""
    return _priced(actor, appointments_on(day))


@service("appointment.view", read=True)
def read_capacity(*, actor: Actor, day: dt.date, exclude_id: int | None = None) -> list[CapacitySlot]:
    """``capacity``: the day's slots and what is booked in them."""
    return capacity(day, exclude_id=exclude_id)


@service("appointment.view", read=True)
def read_appointment(*, actor: Actor, appointment_id: int) -> AppointmentView:
    """``get_appointment``: one appointment."""
    return _priced(actor, [get_appointment(appointment_id)])[0]


@service("appointment.view", read=True)
def read_reconfirmation_list(*, actor: Actor, day: dt.date | None = None) -> list[AppointmentView]:
    """``reconfirmation_list``: the appointments to call back and reconfirm."""
    return _priced(actor, reconfirmation_list(day))
