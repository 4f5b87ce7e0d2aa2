"""Step 1's customer file: customers and their vehicles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import peewee

from advisor import validation
from advisor.codes import Channel, MileageSource, VehicleKind
from advisor.errors import DuplicateVehicle, FieldErrors, GateError, UserError, ValidationError
from advisor.models import Customer, MileageReading, Vehicle, now
from advisor.services._base import Actor, bump, check_version, get, log, service
from advisor.services.opchanges import Kind
from advisor.services.views import CustomerView, VehicleView

T = TypeVar("T")

# Checks a form makes as the user types, before anything is saved (no database).
check_vin = validation.vin  # normalised VIN and warnings, or a ValidationError
looks_like = validation.looks_like  # "plate", "vin", "phone" or "name"
CHANNELS = Channel.values()


def birthday_md(day: dt.date | None) -> int | None:
    """The birthday as month × 100 + day (0517), the indexed key of customer care's list."""
    return None if day is None else day.month * 100 + day.day


def masked_phone(phone: str) -> str:
    """A phone for a role that may not see it: the last four digits (``+86138****5678``)."""
    return phone[:-8] + "****" + phone[-4:] if len(phone) > 7 else phone


def customer_view(c: Customer, *, mask_phone: bool = False) -> CustomerView:
    phone = masked_phone(c.phone) if mask_phone else c.phone
    return CustomerView(
        c.id,
        c.name,
        phone,
        c.email,
        c.wechat,
        c.preferred_channel,
        c.marketing_consent,
        c.version,
        c.anonymised_at is not None,
        c.birthday,
    )


def vehicle_view(v: Vehicle) -> VehicleView:
    return VehicleView(
        v.id,
        v.customer_id,
        v.vin,
        v.plate,
        v.make,
        v.model,
        v.year,
        v.mileage_km,
        v.next_service_date,
        v.next_service_km,
        v.version,
        validation.vin_check_digit_ok(v.vin),
        v.kind,
    )


def duplicate_of(*, vin: str = "", plate: str = "", exclude: int | None = None) -> DuplicateVehicle | None:
    """The error naming the vehicle on file with this (normalised) VIN, else this plate;
    None when neither is taken. Read-only: forms call it while the user types."""
    for field, column, value in (("vin", Vehicle.vin, vin), ("plate", Vehicle.plate, plate)):
        if not value:
            continue
        q = Vehicle.select(Vehicle, Customer).join(Customer).where(column == value)
        if exclude is not None:
            q = q.where(Vehicle.id != exclude)
        other = q.first()
        if other is None:
            continue
        owner = other.customer.name
        if field == "vin":
            en = f"This VIN is already on file: {other.plate}, {owner}."
            zh = f"该车架号已有车辆档案：{other.plate}，{owner}。"
        else:
            en = f"This plate is already on file: {other.plate}, {owner}."
            zh = f"该车牌已有车辆档案：{other.plate}，{owner}。"
        return DuplicateVehicle(en, zh, field=field, vehicle_id=other.id, customer_id=other.customer_id)
    return None


def _checked(
    errors: list[UserError], check: Callable[..., T], *args: Any, field: str | None = None, **kwargs: Any
) -> T | None:
    """``check(*args)``, or None with its refusal (naming ``field``) added to ``errors``."""
    try:
        return check(*args, **kwargs)
    except UserError as err:
        err.field = err.field or field
        errors.append(err)
        return None


def _refusal(errors: list[UserError]) -> UserError:
    """One refused field as itself, several as ``FieldErrors``."""
    return errors[0] if len(errors) == 1 else FieldErrors(errors)


def _plate(value: str) -> str:
    """``validation.plate``, with an empty plate refused in words of its own."""
    if not (value or "").strip():
        raise ValidationError("Enter the plate.", "请填写车牌号。", field="plate")
    return validation.plate(value)


def _year(year: int | None) -> int | None:
    """A plausible model year, or None (unknown)."""
    if year is not None and not 1950 <= int(year) <= now().year + 1:
        raise ValidationError("The model year is not plausible.", "车型年份不合理。", field="year")
    return year


def _mileage_after(km: int, last: int) -> int:
    """An odometer reading not below the ``last`` one."""
    km = validation.mileage(km)
    if km < last:
        raise ValidationError(
            f"Mileage {km:,} km is below the last reading ({last:,} km).",
            f"里程 {km:,} 公里低于上次记录（{last:,} 公里）。",
            field="mileage",
        )
    return km


def _kind(value: str) -> str:
    """A ``VehicleKind`` (which inspection checklist applies)."""
    if value not in VehicleKind.values():
        raise ValidationError(
            "Choose the kind of vehicle: petrol/diesel, hybrid or electric.",
            "请选择车辆类型：燃油车、混合动力车或纯电动车。",
            field="kind",
        )
    return value


def _vehicle_fields(
    errors: list[UserError],
    *,
    vin: str,
    plate: str,
    make: str,
    model: str,
    year: int | None,
    mileage_km: int,
    kind: str = VehicleKind.CAR,
) -> dict[str, Any]:
    """Every vehicle field checked, each refusal added to ``errors`` (duplicates too)."""
    checked_vin = _checked(errors, validation.vin, vin)
    plate_norm = _checked(errors, _plate, plate)
    vin_dup = duplicate_of(vin=checked_vin[0]) if checked_vin else None
    plate_dup = duplicate_of(plate=plate_norm) if plate_norm else None
    errors += [dup for dup in (vin_dup, plate_dup) if dup is not None]
    _checked(errors, _year, year)
    return {
        "vin": checked_vin[0] if checked_vin else "",
        "warnings": checked_vin[1] if checked_vin else [],
        "plate": plate_norm or "",
        "make": (_checked(errors, validation.clean_text, make, limit=40, field="make") or "").strip(),
        "model": (_checked(errors, validation.clean_text, model, limit=60, field="model") or "").strip(),
        "year": year,
        "mileage_km": _checked(errors, validation.mileage, mileage_km) or 0,
        "kind": _checked(errors, _kind, kind) or VehicleKind.CAR,
    }


def _create_vehicle(
    actor: Actor, customer_id: int, f: dict[str, Any], first_registered: dt.date | None = None
) -> tuple[VehicleView, list[str]]:
    try:
        with Vehicle._meta.database.atomic():  # a savepoint: the refusal leaves the rest usable
            v = Vehicle.create(
                customer=customer_id,
                vin=f["vin"],
                plate=f["plate"],
                make=f["make"],
                model=f["model"],
                year=f["year"],
                mileage_km=f["mileage_km"],
                first_registered=first_registered,
                kind=f["kind"],
            )
    except peewee.IntegrityError as exc:
        # The database's unique VIN/plate (migration 0006) caught what the check did not.
        raise duplicate_of(vin=f["vin"], plate=f["plate"]) or ValidationError(
            "This VIN or plate is already on file.",
            "该车架号或车牌已有车辆档案。",
            field="vin",
        ) from exc
    if f["mileage_km"]:
        MileageReading.create(vehicle=v.id, km=f["mileage_km"], source=MileageSource.REGISTRATION)
    log(
        actor,
        "vehicle",
        v.id,
        "add_vehicle",
        new={"vin": f["vin"], "plate": f["plate"], "kind": f["kind"], "warnings": f["warnings"]},
    )
    return vehicle_view(v), list(f["warnings"])


@service("customer.edit", changes=Kind.CUSTOMERS)
def create_customer(
    *,
    actor: Actor,
    name: str,
    phone: str = "",
    email: str = "",
    wechat: str = "",
    preferred_channel: str = Channel.PHONE,
    marketing_consent: bool = False,
    birthday: dt.date | str | None = None,
) -> CustomerView:
    """Register a customer (name in any script; phone validated and stored as E.164)."""
    born = validation.birthday(birthday)
    c = Customer.create(
        birthday=born,
        birthday_md=birthday_md(born),
        name=validation.name(name),
        phone=validation.phone(phone),
        email=(email or "").strip(),
        wechat=(wechat or "").strip(),
        preferred_channel=validation.choice(preferred_channel, CHANNELS, ("Channel", "联系方式")),
        marketing_consent=bool(marketing_consent),
    )
    log(actor, "customer", c.id, "create_customer", new={"name": c.name, "phone": c.phone})
    return customer_view(c)


@service("customer.edit", changes=Kind.CUSTOMERS)
def update_customer(*, actor: Actor, customer_id: int, version: int, **fields: object) -> CustomerView:
    """Change a customer's contact details (refused if someone saved in between)."""
    c = get(Customer, customer_id, ("Customer", "客户"))
    changes: dict[str, object] = {}
    for key, value in fields.items():
        if key == "name":
            changes["name"] = validation.name(str(value))
        elif key == "phone":
            changes["phone"] = validation.phone(str(value))
        elif key == "preferred_channel":
            changes[key] = validation.choice(str(value), CHANNELS, ("Channel", "联系方式"))
        elif key in ("email", "wechat", "address"):
            changes[key] = str(value or "").strip()
        elif key == "marketing_consent":
            changes[key] = bool(value)
        elif key == "birthday":
            if not isinstance(value, (dt.date, str, type(None))):
                raise ValidationError("The birthday must be a date.", "生日必须是日期。", field="birthday")
            born = validation.birthday(value)
            changes[key] = born
            changes["birthday_md"] = birthday_md(born)
        else:
            raise ValidationError(f"Unknown field {key!r}.", f"未知字段 {key!r}。")
    old = bump(c, version, ("The customer", "客户资料"), **changes)
    log(actor, "customer", c.id, "update_customer", old=old, new=changes)
    return customer_view(c)


@service("customer.edit", changes=Kind.CUSTOMERS)
def add_vehicle(
    *,
    actor: Actor,
    customer_id: int,
    vin: str,
    plate: str,
    make: str = "",
    model: str = "",
    year: int | None = None,
    mileage_km: int = 0,
    first_registered: dt.date | None = None,
    kind: str = VehicleKind.CAR,
) -> tuple[VehicleView, list[str]]:
    """Add a vehicle; returns it with warnings (e.g. a VIN whose check digit is off).

    Every refused field is reported at once (``FieldErrors`` of one error a field; a
    single refused field as its own error)."""
    get(Customer, customer_id, ("Customer", "客户"))
    errors: list[UserError] = []
    fields = _vehicle_fields(
        errors, vin=vin, plate=plate, make=make, model=model, year=year, mileage_km=mileage_km, kind=kind
    )
    if errors:
        raise _refusal(errors)
    return _create_vehicle(actor, customer_id, fields, first_registered)


@service("customer.edit", changes=Kind.CUSTOMERS)
def register_walk_in(
    *,
    actor: Actor,
    vin: str,
    plate: str,
    make: str = "",
    model: str = "",
    name: str = "",
    phone: str = "",
    customer_id: int | None = None,
    kind: str = VehicleKind.CAR,
) -> tuple[CustomerView, VehicleView, list[str]]:
    """A walk-in's vehicle with its new customer (``name``, ``phone``) or with the customer
    ``customer_id`` on file, in one transaction: nothing is saved unless all of it is.

    Every refused field is reported at once (``FieldErrors`` of one error a field, a taken
    VIN or plate as ``DuplicateVehicle``; a single refused field as its own error). Returns the customer, the vehicle and warnings."""
    errors: list[UserError] = []
    owner: Customer | None = None
    if customer_id is not None:
        owner = get(Customer, customer_id, ("Customer", "客户"))
    else:
        name_ok = _checked(errors, validation.name, name)
        phone_ok = _checked(errors, validation.phone, phone)
    fields = _vehicle_fields(
        errors, vin=vin, plate=plate, make=make, model=model, year=None, mileage_km=0, kind=kind
    )
    if errors:
        raise _refusal(errors)
    if owner is None:
        owner = Customer.create(name=name_ok, phone=phone_ok or "")
        log(actor, "customer", owner.id, "create_customer", new={"name": owner.name, "phone": owner.phone})
    vehicle, warnings = _create_vehicle(actor, owner.id, fields)
    return customer_view(owner), vehicle, warnings


@service("customer.edit", changes=Kind.CUSTOMERS)
def update_vehicle(
    *,
    actor: Actor,
    vehicle_id: int,
    version: int,
    vin: str | None = None,
    plate: str | None = None,
    make: str | None = None,
    model: str | None = None,
    year: int | None = None,
    mileage_km: int | None = None,
    kind: str | None = None,
) -> VehicleView:
    """Correct a vehicle's details; only the fields given change (``year=0``: unknown).

    Refused (``ConflictError``) when the vehicle was saved by someone else since
    ``version`` was read. Every refused field is reported at once, as ``add_vehicle``
    does: a VIN or plate already on file, an empty plate, a mileage below the last
    reading (the odometer never goes backwards). A VIN whose check digit is off is
    saved (``VehicleView.vin_check_ok`` says so), as when it was added."""
    v = get(Vehicle, vehicle_id, ("Vehicle", "车辆"))
    errors: list[UserError] = []
    wanted: dict[str, Any] = {}
    if vin is not None and (checked := _checked(errors, validation.vin, vin)) is not None:
        wanted["vin"] = checked[0]
    if plate is not None:
        wanted["plate"] = _checked(errors, _plate, plate)
    for key in ("vin", "plate"):
        if wanted.get(key) and (dup := duplicate_of(**{key: wanted[key]}, exclude=v.id)) is not None:
            errors.append(dup)
    for key, value, limit in (("make", make, 40), ("model", model, 60)):
        if value is not None:
            wanted[key] = (
                _checked(errors, validation.clean_text, value, limit=limit, field=key) or ""
            ).strip()
    if year is not None:
        wanted["year"] = _checked(errors, _year, year or None)
    if mileage_km is not None:
        wanted["mileage_km"] = _checked(errors, _mileage_after, mileage_km, v.mileage_km)
    if kind is not None:
        wanted["kind"] = _checked(errors, _kind, kind)
    if errors:
        raise _refusal(errors)
    changes = {key: value for key, value in wanted.items() if getattr(v, key) != value}
    if not changes:  # saved as it was: nothing to write or audit
        check_version(v, version, ("The vehicle", "车辆资料"))
        return vehicle_view(v)
    try:
        with Vehicle._meta.database.atomic():  # a savepoint: the refusal leaves the rest usable
            old = bump(v, version, ("The vehicle", "车辆资料"), **changes)
    except peewee.IntegrityError as exc:
        # The database's unique VIN/plate (migration 0006) caught what the check did not.
        vin_now, plate_now = changes.get("vin", ""), changes.get("plate", "")
        raise duplicate_of(vin=vin_now, plate=plate_now, exclude=v.id) or ValidationError(
            "This VIN or plate is already on file.", "该车架号或车牌已有车辆档案。", field="vin"
        ) from exc
    if "mileage_km" in changes:
        MileageReading.create(vehicle=v.id, km=changes["mileage_km"], source="correction")
    log(actor, "vehicle", v.id, "update_vehicle", old=old, new=changes)
    return vehicle_view(v)


def record_mileage(vehicle: Vehicle, km: int, source: str) -> None:
    """Store a mileage reading; the odometer never goes backwards."""
    km = _mileage_after(km, vehicle.mileage_km)
    MileageReading.create(vehicle=vehicle.id, km=km, source=source)
    Vehicle.update(mileage_km=km).where(Vehicle.id == vehicle.id).execute()
    vehicle.mileage_km = km


def get_customer(customer_id: int, *, actor: Actor | None = None) -> CustomerView:
    """One customer (the phone masked for roles that do not need it)."""
    from advisor import auth

    c = get(Customer, customer_id, ("Customer", "客户"))
    mask = actor is not None and not auth.may(actor.role, "customer.view_phone")
    return customer_view(c, mask_phone=mask)


def get_vehicle(vehicle_id: int) -> VehicleView:
    """One vehicle."""
    return vehicle_view(get(Vehicle, vehicle_id, ("Vehicle", "车辆")))


def vehicles_of(customer_id: int) -> list[VehicleView]:
    """The customer's vehicles."""
    q = Vehicle.select().where(Vehicle.customer == customer_id).order_by(Vehicle.id)
    return [vehicle_view(v) for v in q]


@service("customer.erase", changes=Kind.CUSTOMERS)
def erase_customer(*, actor: Actor, customer_id: int, retention_years: int | None = None) -> CustomerView:
    """Anonymise a customer on request, once their last visit is outside retention."""
    from advisor.models import RepairOrder
    from advisor.services.settings import get_setting

    years = int(retention_years or get_setting("retention_years"))
    c = get(Customer, customer_id, ("Customer", "客户"))
    last = (
        RepairOrder.select(RepairOrder.arrived_at)
        .where(RepairOrder.customer == c.id)
        .order_by(RepairOrder.arrived_at.desc())
        .first()
    )
    if last is not None and last.arrived_at > now() - dt.timedelta(days=365 * years):
        raise GateError(
            f"The last visit is within the {years}-year retention period: data cannot be erased yet.",
            f"最近一次到店仍在 {years} 年保留期内：暂不能删除个人信息。",
        )
    changes = dict(
        name=f"Anonymised #{c.id}",
        phone="",
        email="",
        wechat="",
        address="",
        marketing_consent=False,
        birthday=None,
        birthday_md=None,
        anonymised_at=now(),
    )
    bump(c, None, ("The customer", "客户资料"), **changes)
    from advisor import audit
    from advisor.models import Signature

    # The audit trail keeps only salted hashes of the personal values: delete the values.
    erased = audit.erase_personal(c.id)
    # Their drawn signatures (a handwriting sample) go too; the acts' audit rows keep only
    # each one's sha256.
    ros = RepairOrder.select(RepairOrder.id).where(RepairOrder.customer == c.id)
    signatures = Signature.delete().where(Signature.ro.in_(ros)).execute()
    log(
        actor,
        "customer",
        c.id,
        "erase_customer",
        new={"audit_values_erased": erased, "signatures_erased": signatures},
    )
    return customer_view(c)


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("customer.view", read=True)
def read_customer(*, actor: Actor, customer_id: int) -> CustomerView:
    """``get_customer``: one customer, the phone masked for a role that may not see it."""
    return get_customer(customer_id, actor=actor)


@service("customer.view", read=True)
def read_vehicle(*, actor: Actor, vehicle_id: int) -> VehicleView:
    """``get_vehicle``: one vehicle."""
    return get_vehicle(vehicle_id)


@service("customer.view", read=True)
def read_vehicles_of(*, actor: Actor, customer_id: int) -> list[VehicleView]:
    """``vehicles_of``: the customer's vehicles."""
    return vehicles_of(customer_id)


@service("customer.view", read=True)
def read_duplicate_of(
    *, actor: Actor, vin: str = "", plate: str = "", exclude: int | None = None
) -> DuplicateVehicle | None:
    """``duplicate_of``: the vehicle on file with this VIN or plate (as the refusal
    a save would raise), or None."""
    return duplicate_of(vin=vin, plate=plate, exclude=exclude)
