"""Step 3: arrival, greeting, the check-in walk-around, one owner per RO, comebacks."""

from __future__ import annotations

import datetime as dt
import json

import peewee

from advisor import auth, validation
from advisor.codes import (
    APPOINTMENT_EXPECTED,
    AppointmentStatus,
    DamageKind,
    EventAction,
    MileageSource,
    PhotoSubject,
    RepairClass,
    ROStatus,
)
from advisor.config import REPAIR_CLASSES
from advisor.errors import ConflictError, FieldErrors, GateError, UserError, ValidationError
from advisor.models import Appointment, Counter, Photo, RepairOrder, StepEvent, User, Vehicle, now
from advisor.services._base import Actor, bump, check_owner, event, get, get_ro, log, service
from advisor.services.customers import record_mileage
from advisor.services.opchanges import Kind
from advisor.services.settings import get_setting
from advisor.services.views import UserView

DAMAGE_KINDS = DamageKind.values()


def next_number(prefix: str, day: dt.date) -> str:
    """The next number of a daily series, e.g. RO20261122-0007 (inside the transaction)."""
    key = f"{prefix}{day:%Y%m%d}"
    updated = Counter.update(value=Counter.value + 1).where(Counter.name == key).execute()
    if not updated:
        Counter.insert(name=key, value=1).on_conflict(
            conflict_target=[Counter.name], update={Counter.value: Counter.value + 1}
        ).execute()
    value = Counter.get_by_id(key).value
    return f"{key}-{value:04d}"


def _refuse_if_open(vehicle_id: int) -> None:
    """``GateError`` naming the vehicle's open repair order, if it has one."""
    busy = (
        RepairOrder.select(RepairOrder.number)
        .where(
            (RepairOrder.vehicle == vehicle_id)
            & (RepairOrder.status == ROStatus.OPEN)
            & RepairOrder.handed_over_at.is_null()
        )
        .first()
    )
    if busy is not None:
        raise GateError(
            f"This vehicle already has an open repair order ({busy.number}).",
            f"该车辆已有未完成的工单（{busy.number}）。",
        )


@service("ro.open", changes=Kind.RO | Kind.APPOINTMENTS)
def open_repair_order(
    *, actor: Actor, vehicle_id: int, appointment_id: int | None = None, arrived_at: dt.datetime | None = None
) -> int:
    """The car arrives: open an RO owned by the calling advisor. Returns the RO id."""
    v = get(Vehicle, vehicle_id, ("Vehicle", "车辆"))
    _refuse_if_open(v.id)
    at = arrived_at or now()
    appt = None
    if appointment_id is not None:
        appt = get(Appointment, appointment_id, ("Appointment", "预约"))
        if appt.vehicle_id != v.id:
            raise ValidationError("The appointment is for another vehicle.", "该预约属于其他车辆。")
        if appt.status not in APPOINTMENT_EXPECTED:
            raise GateError("This appointment is not pending.", "此预约不在待到店状态。")
        bump(appt, None, ("The appointment", "预约"), status=AppointmentStatus.ARRIVED)
    try:
        with RepairOrder._meta.database.atomic():  # a savepoint: the refusal leaves the rest usable
            ro = RepairOrder.create(
                number=next_number("RO", at.date()),
                customer=v.customer_id,
                vehicle=v.id,
                advisor=actor.user_id,
                appointment=appt.id if appt else None,
                step=3,
                walk_in=appt is None,
                arrived_at=at,
                created_at=at,
            )
    except peewee.IntegrityError as exc:
        # One open RO per vehicle is also the database's rule (migration 0006).
        _refuse_if_open(v.id)
        raise GateError("This vehicle already has an open repair order.", "该车辆已有未完成的工单。") from exc
    log(actor, "repair_order", ro.id, "open", new={"number": ro.number, "vehicle": v.id}, ro_id=ro.id)
    event(ro, actor, EventAction.ARRIVED, "walk-in" if appt is None else f"appointment #{appt.id}")
    return int(ro.id)


@service("ro.checkin", changes=Kind.RO)
def greet(*, actor: Actor, ro_id: int, at: dt.datetime | None = None) -> None:
    """The advisor greets the customer (the 3-minute standard stops here)."""
    ro = check_owner(actor, ro_id)
    if ro.greeted_at is None:
        bump(ro, None, ("The repair order", "工单"), greeted_at=at or now())
        event(ro, actor, EventAction.GREETED)


MAX_DAMAGE_MARKS = 60  # 19 zones on the outline; more is a paste gone wrong


def _damage(items: list[dict[str, str]] | None) -> str:
    clean = []
    if len(items or []) > MAX_DAMAGE_MARKS:
        raise ValidationError(
            f"At most {MAX_DAMAGE_MARKS} damage marks: describe the rest in a mark's note.",
            f"车损标记最多 {MAX_DAMAGE_MARKS} 处：其余请写在某处标记的备注中。",
            field="body_damage",
        )
    for item in items or []:
        zone = validation.clean_text(item.get("zone", ""), limit=40).strip()
        kind = item.get("kind", DamageKind.OTHER)
        if not zone:
            raise ValidationError("Each damage mark needs a place on the car.", "每处车损需注明部位。")
        validation.choice(kind, DAMAGE_KINDS, ("Damage kind", "损伤类型"))
        clean.append(
            {"zone": zone, "kind": kind, "note": validation.clean_text(item.get("note", ""), limit=200)}
        )
    return json.dumps(clean, ensure_ascii=False)


def _common_marks(old: list[object], new: list[object], weight: dict[int, int]) -> dict[int, int]:
    """The heaviest common subsequence of two lists of marks (old mark i weighs
    ``weight.get(i, 1)``): old number → new number, both counted from 1."""
    best = [[0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for k in range(len(new) - 1, -1, -1):
            best[i][k] = max(best[i + 1][k], best[i][k + 1])
            if old[i] == new[k]:
                best[i][k] = max(best[i][k], weight.get(i, 1) + best[i + 1][k + 1])
    pairs: dict[int, int] = {}
    i = k = 0
    while i < len(old) and k < len(new):
        if old[i] == new[k] and best[i][k] == weight.get(i, 1) + best[i + 1][k + 1]:
            pairs[i + 1] = k + 1
            i, k = i + 1, k + 1
        elif best[i][k] == best[i + 1][k]:
            i += 1
        else:
            k += 1
    return pairs


def _keep_damage_photos(ro_id: int, before: str, marks: str) -> dict[int, int]:
    """Where each damage mark with photos goes in the new list of marks (its number counted
    from 1 → its new number), so its photos stay with it; a mark with photos that is gone
    is refused (its photos would show another mark).

    The screen appends marks and removes them, so the marks kept are old ones in their old
    order: the old and new lists are matched as their longest common subsequence, a mark
    with photos weighing more than all marks without (never dropped for those)."""
    photos: dict[int, list[int]] = {}
    for pid, sid in (
        Photo.select(Photo.id, Photo.subject_id)
        .where(Photo.ro == ro_id, Photo.subject == PhotoSubject.DAMAGE)
        .tuples()
    ):
        photos.setdefault(int(sid or 0), []).append(int(pid))
    if not photos:
        return {}
    old, new = json.loads(before or "[]"), json.loads(marks)
    moved = _common_marks(old, new, {n - 1: len(old) + 1 for n in photos})
    gone = sorted(n for n in photos if n not in moved)
    if gone:
        raise GateError(
            f"Damage mark {gone[0]} has photos: remove its photos before removing the mark.",
            f"损伤标记 {gone[0]} 已有照片：请先删除这些照片，再删除该标记。",
            field="body_damage",
        )
    changed = {n: moved[n] for n in photos if moved[n] != n}
    for n, to in changed.items():
        Photo.update(subject_id=to).where(Photo.id.in_(photos[n])).execute()
    return changed


@service("ro.checkin", changes=Kind.RO | Kind.EVIDENCE)
def check_in(
    *,
    actor: Actor,
    ro_id: int,
    version: int | None = None,
    mileage_km: int,
    fuel_level: int,
    valuables: str = "",
    body_damage: list[dict[str, str]] | None = None,
    booklet_present: bool = False,
    return_old_parts: bool = False,
    customer_waits: bool = False,
    approval_contact: str = "",
    wash_requested: bool | None = None,
    repair_class: str = RepairClass.MINOR,
    first_service: bool = False,
) -> None:
    """The walk-around: mileage in, fuel, valuables, damage, booklet, old parts, waiting."""
    ro = check_owner(actor, ro_id)
    if ro.status != ROStatus.OPEN or ro.authorised_at is not None:
        raise GateError(
            "The check-in cannot change after the estimate is authorised.",
            "估价授权后不能再修改接车检查记录。",
        )
    km = validation.mileage(mileage_km)
    if not 0 <= int(fuel_level) <= 8:
        raise ValidationError("Fuel level is 0 to 8 eighths.", "油量为 0 至 8 格。", field="fuel")
    validation.choice(repair_class, REPAIR_CLASSES, ("Repair class", "维修类别"))
    contact = validation.phone(approval_contact) if approval_contact else ""
    marks, before = _damage(body_damage), ro.body_damage
    vehicle = Vehicle.get_by_id(ro.vehicle_id)
    if ro.mileage_in is None:
        record_mileage(vehicle, km, MileageSource.RECEPTION)
    elif km != ro.mileage_in:
        record_mileage(vehicle, km, MileageSource.RECEPTION_CORRECTION)
    old = bump(
        ro,
        version,
        ("The repair order", "工单"),
        mileage_in=km,
        fuel_level=int(fuel_level),
        valuables=validation.clean_text(valuables, limit=2000),
        body_damage=marks,
        booklet_present=booklet_present,
        return_old_parts=return_old_parts,
        customer_waits=customer_waits,
        approval_contact=contact,
        wash_requested=wash_requested,
        repair_class=repair_class,
        first_service=first_service,
        greeted_at=ro.greeted_at or now(),
        checked_in_at=ro.checked_in_at or now(),
    )
    moved = _keep_damage_photos(ro.id, before, marks)
    new: dict[str, object] = {"mileage_in": km}
    if moved:  # a mark removed before marks with photos: their photos renumbered with them
        new["damage_photos_moved"] = {str(a): b for a, b in moved.items()}
    log(actor, "repair_order", ro.id, "check_in", old=old, new=new, ro_id=ro.id)
    event(ro, actor, EventAction.CHECKED_IN)


@service("ro.checkin", changes=Kind.RO)
def set_customer_waits(*, actor: Actor, ro_id: int, waits: bool) -> None:
    """The customer now waits at the shop (the lounge) or has left: the check-in's
    "customer waits", kept true to the day until the car is handed over. The lounge screen
    shows the car only while they wait; starting to wait restarts "Needs me"'s progress-update
    clock (``inbox``; every ``lounge_update_minutes``, the lounge standard of
    ``standards.lounge_records``, which this toggle's events start and end). Setting what is already set changes nothing (two
    desks setting the same answer: the last one wins, nothing is lost)."""
    ro = check_owner(actor, ro_id)
    if ro.status != ROStatus.OPEN or ro.handed_over_at is not None:
        raise GateError(
            "The car has been handed over: whether the customer waits no longer matters.",
            "车辆已交付：无需再记录客户是否在店等候。",
        )
    waits = bool(waits)
    if ro.customer_waits == waits:
        return
    # Last one wins (one boolean); the version moves so a stale check-in form cannot undo it.
    RepairOrder.update(customer_waits=waits, version=RepairOrder.version + 1).where(
        RepairOrder.id == ro.id
    ).execute()
    action = EventAction.CUSTOMER_WAITING if waits else EventAction.CUSTOMER_LEFT
    StepEvent.create(ro=ro.id, step=ro.step, action=action, user=actor.user_id, at=now())
    log(
        actor,
        "repair_order",
        ro.id,
        EventAction.CUSTOMER_WAITING if waits else EventAction.CUSTOMER_LEFT,
        old={"customer_waits": ro.customer_waits},
        new={"customer_waits": waits},
        ro_id=ro.id,
    )


@service("ro.reassign", read=True)
def advisors(*, actor: Actor) -> list[UserView]:
    """The active users who may own a repair order (those who may open one), by name: whom
    a repair order can be handed over to."""
    roles = sorted(auth.PERMISSIONS["ro.open"])
    q = User.select().where(User.role.in_(roles) & (User.active == True)).order_by(User.display_name)  # noqa: E712
    return [UserView(u.id, u.username, u.display_name, u.role, u.active) for u in q]


@service("ro.reassign", changes=Kind.RO)
def reassign_advisor(
    *, actor: Actor, ro_id: int, advisor_id: int | None, reason: str, from_advisor_id: int | None = None
) -> None:
    """Hand the RO over to another advisor (one owner from reception to handover): an
    active user who may open repair orders, with a reason, until the car is handed over.
    A missing advisor and a missing reason are reported together (``FieldErrors``).

    ``from_advisor_id`` is the advisor the caller was shown: when someone else handed the
    RO over in between, the call is refused (``ConflictError``) instead of overriding it.

    Who hands it over: its advisor or a service manager (``check_owner``); another advisor
    never takes it for themselves, they ask."""
    ro = get_ro(ro_id)
    if ro.status != ROStatus.OPEN or ro.handed_over_at is not None:
        raise GateError(
            "The car has been handed over: the repair order keeps its advisor.",
            "车辆已交付：工单不再更换服务顾问。",
        )
    if from_advisor_id is not None and ro.advisor_id != from_advisor_id:
        now_with = User.get_by_id(ro.advisor_id).display_name
        raise ConflictError(
            f"Someone else handed this repair order over in the meantime: its advisor is now {now_with}.",
            f"其他人已将此工单转交：现在的服务顾问是 {now_with}。",
        )
    check_owner(actor, ro)
    errors: list[UserError] = []
    why = validation.clean_text(reason).strip()
    if not why:
        errors.append(
            ValidationError("Say why the RO changes advisor.", "请说明更换服务顾问的原因。", field="reason")
        )
    new = get(User, advisor_id, ("User", "用户")) if advisor_id is not None else None
    if new is None or not (new.active and auth.may(new.role, "ro.open")):
        errors.append(
            ValidationError("Choose an active service advisor.", "请选择在职的服务顾问。", field="advisor")
        )
    elif new.id == ro.advisor_id:
        errors.append(
            ValidationError(
                f"{new.display_name} is already this repair order's advisor.",
                f"{new.display_name} 已是此工单的服务顾问。",
                field="advisor",
            )
        )
    if errors or new is None:
        raise errors[0] if len(errors) == 1 else FieldErrors(errors)
    # Names beside the ids: the audit trail is read by people (staff names are no personal data here).
    old = {"advisor": ro.advisor_id, "advisor_name": User.get_by_id(ro.advisor_id).display_name}
    bump(ro, None, ("The repair order", "工单"), advisor=new.id)
    change = {"advisor": new.id, "advisor_name": new.display_name, "reason": why}
    log(actor, "repair_order", ro.id, "reassign", old=old, new=change, ro_id=ro.id)
    event(ro, actor, EventAction.REASSIGNED, why)


def comeback_candidates(vehicle_id: int, *, at: dt.datetime | None = None) -> list[tuple[int, str]]:
    """Earlier ROs of this vehicle handed over within the comeback window: (id, number)."""
    days = int(get_setting("comeback_days"))
    at = at or now()
    q = (
        RepairOrder.select(RepairOrder.id, RepairOrder.number)
        .where(
            (RepairOrder.vehicle == vehicle_id)
            & RepairOrder.handed_over_at.is_null(False)
            & (RepairOrder.handed_over_at >= at - dt.timedelta(days=days))
        )
        .order_by(RepairOrder.handed_over_at.desc())
    )
    return [(r.id, r.number) for r in q]


@service("ro.open", changes=Kind.RO)
def link_comeback(*, actor: Actor, ro_id: int, original_ro_id: int) -> None:
    """Mark this RO as a comeback of an earlier one (same concern within the window)."""
    from advisor.models import Assignment

    ro = check_owner(actor, ro_id)
    original = get_ro(original_ro_id)
    if original.vehicle_id != ro.vehicle_id or original.id == ro.id:
        raise ValidationError("A comeback links ROs of the same vehicle.", "返修只能关联同一车辆的工单。")
    if original.id not in [i for i, _ in comeback_candidates(ro.vehicle_id, at=ro.arrived_at)]:
        raise GateError(
            "The original RO was handed over outside the comeback window.",
            "原工单交车时间不在返修认定期限内。",
        )
    tech = (
        Assignment.select(Assignment.technician)
        .where(Assignment.ro == original.id)
        .order_by(Assignment.id)
        .first()
    )
    bump(
        ro,
        None,
        ("The repair order", "工单"),
        comeback_of=original.id,
        comeback_technician=tech.technician_id if tech else None,
    )
    log(actor, "repair_order", ro.id, "link_comeback", new={"original": original.number}, ro_id=ro.id)
    event(ro, actor, EventAction.COMEBACK_LINKED, original.number)


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("ro.view", read=True)
def read_comeback_candidates(*, actor: Actor, vehicle_id: int) -> list[tuple[int, str]]:
    """``comeback_candidates``: (id, number) of the vehicle's earlier ROs this one may be a
    comeback of."""
    return comeback_candidates(vehicle_id)
