"""Step 1's customer file: customers and their vehicles."""

from __future__ import annotations

import datetime as dt

from advisor import validation
from advisor.errors import GateError, ValidationError
from advisor.models import Customer, MileageReading, Vehicle, now
from advisor.services._base import Actor, bump, get, log, service
from advisor.services.views import CustomerView, VehicleView

CHANNELS = ("phone", "sms", "wechat", "in_person", "email")


def customer_view(c: Customer, *, mask_phone: bool = False) -> CustomerView:
    phone = c.phone
    if mask_phone and len(phone) > 7:
        phone = phone[:-8] + "****" + phone[-4:]
    return CustomerView(c.id, c.name, phone, c.email, c.wechat, c.preferred_channel,
                        c.marketing_consent, c.version, c.anonymised_at is not None)  # fmt: skip


def vehicle_view(v: Vehicle) -> VehicleView:
    return VehicleView(
        v.id, v.customer_id, v.vin, v.plate, v.make, v.model, v.year, v.mileage_km,
        v.next_service_date, v.next_service_km, v.version, validation.vin_check_digit_ok(v.vin),
    )  # fmt: skip


def _duplicate_vehicle(vin: str, plate: str, exclude: int | None = None) -> None:
    q = Vehicle.select().where((Vehicle.vin == vin) | (Vehicle.plate == plate))
    if exclude is not None:
        q = q.where(Vehicle.id != exclude)
    other = q.first()
    if other is not None:
        raise ValidationError(
            f"A vehicle with this VIN or plate is already on file ({other.plate}).",
            f"已有相同车架号或车牌的车辆档案（{other.plate}）。",
            field="vin" if other.vin == vin else "plate",
        )


@service("customer.edit")
def create_customer(*, actor: Actor, name: str, phone: str = "", email: str = "",
                    wechat: str = "", preferred_channel: str = "phone",
                    marketing_consent: bool = False) -> CustomerView:  # fmt: skip
    """Register a customer (name in any script; phone validated and stored as E.164)."""
    c = Customer.create(
        name=validation.name(name), phone=validation.phone(phone), email=(email or "").strip(),
        wechat=(wechat or "").strip(),
        preferred_channel=validation.choice(preferred_channel, CHANNELS, ("Channel", "联系方式")),
        marketing_consent=bool(marketing_consent),
    )  # fmt: skip
    log(actor, "customer", c.id, "create_customer", new={"name": c.name, "phone": c.phone})
    return customer_view(c)


@service("customer.edit")
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
        else:
            raise ValidationError(f"Unknown field {key!r}.", f"未知字段 {key!r}。")
    old = bump(c, version, ("The customer", "客户资料"), **changes)
    log(actor, "customer", c.id, "update_customer", old=old, new=changes)
    return customer_view(c)


@service("customer.edit")
def add_vehicle(*, actor: Actor, customer_id: int, vin: str, plate: str, make: str = "",
                model: str = "", year: int | None = None, mileage_km: int = 0,
                first_registered: dt.date | None = None) -> tuple[VehicleView, list[str]]:  # fmt: skip
    """Add a vehicle; returns it with warnings (e.g. a VIN whose check digit is off)."""
    get(Customer, customer_id, ("Customer", "客户"))
    vin_norm, warnings = validation.vin(vin)
    plate_norm = validation.plate(plate)
    _duplicate_vehicle(vin_norm, plate_norm)
    if year is not None and not 1950 <= int(year) <= now().year + 1:
        raise ValidationError("The model year is not plausible.", "车型年份不合理。", field="year")
    km = validation.mileage(mileage_km)
    v = Vehicle.create(customer=customer_id, vin=vin_norm, plate=plate_norm,
                       make=validation.clean_text(make, limit=40).strip(),
                       model=validation.clean_text(model, limit=60).strip(), year=year,
                       mileage_km=km, first_registered=first_registered)  # fmt: skip
    if km:
        MileageReading.create(vehicle=v.id, km=km, source="registration")
    log(actor, "vehicle", v.id, "add_vehicle",
        new={"vin": vin_norm, "plate": plate_norm, "warnings": warnings})  # fmt: skip
    return vehicle_view(v), warnings


@service("customer.edit")
def update_vehicle(*, actor: Actor, vehicle_id: int, version: int, plate: str | None = None,
                   make: str | None = None, model: str | None = None) -> VehicleView:  # fmt: skip
    """Change a vehicle's plate or model (the VIN never changes)."""
    v = get(Vehicle, vehicle_id, ("Vehicle", "车辆"))
    changes: dict[str, object] = {}
    if plate is not None:
        changes["plate"] = validation.plate(plate)
        _duplicate_vehicle("-", str(changes["plate"]), exclude=v.id)
    if make is not None:
        changes["make"] = make.strip()
    if model is not None:
        changes["model"] = model.strip()
    old = bump(v, version, ("The vehicle", "车辆资料"), **changes)
    log(actor, "vehicle", v.id, "update_vehicle", old=old, new=changes)
    return vehicle_view(v)


def record_mileage(vehicle: Vehicle, km: int, source: str) -> None:
    """Store a mileage reading; the odometer never goes backwards."""
    if km < vehicle.mileage_km:
        raise ValidationError(
            f"Mileage {km:,} km is below the last reading ({vehicle.mileage_km:,} km).",
            f"里程 {km:,} 公里低于上次记录（{vehicle.mileage_km:,} 公里）。",
            field="mileage",
        )
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


@service("customer.erase")
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
    changes = dict(name=f"Anonymised #{c.id}", phone="", email="", wechat="", address="",
                   marketing_consent=False, anonymised_at=now())  # fmt: skip
    bump(c, None, ("The customer", "客户资料"), **changes)
    log(actor, "customer", c.id, "erase_customer")
    return customer_view(c)
