"""Builders of realistic records for tests, through the public services only."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.models import now
from advisor.services import (
    customers,
    diagnosis,
    estimate,
    quality,
    reception,
    settlement,
    solicitation,
    standards,
    users,
    workshop,
)
from advisor.services._base import Actor
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from advisor.signatures import SignatureInput, sample

PASSWORD = "correct horse 1"
_plates = itertools.count(10000)
# VINs with correct check digits (ISO 3779), one per vehicle made in tests.
_VIN_BASE = "LFV2A21K{}B30{:05d}"


def valid_vin(n: int) -> str:
    """A 17-character VIN with a correct check digit, unique for ``n``."""
    from vininfo import Vin

    for digit in "0123456789X":
        vin = _VIN_BASE.format(digit, n % 100000)
        if Vin(vin).verify_checksum():
            return vin
    raise AssertionError("no check digit found")


@dataclass
class Staff:
    admin: Actor
    advisor: Actor
    advisor2: Actor
    foreman: Actor
    technician: Actor
    parts: Actor
    cashier: Actor
    manager: Actor
    tech_ids: tuple[int, ...]
    customer_service: Actor | None = None  # None only in hand-built staff (benchmarks)

    def by_role(self, role: str) -> Actor:
        actor = {
            "admin": self.admin,
            "advisor": self.advisor,
            "foreman": self.foreman,
            "technician": self.technician,
            "parts_clerk": self.parts,
            "cashier": self.cashier,
            "manager": self.manager,
            "customer_service": self.customer_service,
        }[role]
        assert actor is not None, role
        return actor


def make_staff() -> Staff:
    admin_view = users.create_first_admin(username="admin", display_name="Admin 管理员", password=PASSWORD)
    admin = Actor(admin_view.id, "admin", admin_view.display_name, "admin")

    def add(username: str, name: str, role: str) -> Actor:
        u = users.add_user(actor=admin, username=username, display_name=name, role=role, password=PASSWORD)
        return Actor(u.id, u.username, u.display_name, role)

    advisor = add("li.na", "李娜", "advisor")
    advisor2 = add("tom", "Tom Baker", "advisor")
    foreman = add("wang.qiang", "王强", "foreman")
    technician = add("zhao.lei", "赵磊", "technician")
    parts = add("chen.jie", "陈杰", "parts_clerk")
    cashier = add("liu.fang", "刘芳", "cashier")
    manager = add("zhou.min", "周敏", "manager")
    customer_service = add("gao.ya", "高雅", "customer_service")
    t1 = workshop.add_technician(actor=foreman, name="赵磊", skills="service,brakes,electrical", level=3)
    t2 = workshop.add_technician(actor=foreman, name="孙伟", skills="service,engine", level=2)
    t3 = workshop.add_technician(actor=foreman, name="Mike Lee", skills="electrical,diagnosis", level=4)
    from advisor.models import Technician

    Technician.update(user=technician.user_id).where(Technician.id == t1.id).execute()
    return Staff(
        admin,
        advisor,
        advisor2,
        foreman,
        technician,
        parts,
        cashier,
        manager,
        (t1.id, t2.id, t3.id),
        customer_service,
    )


def make_customer_vehicle(
    staff: Staff, *, name: str = "张伟", phone: str = "13812345678", consent: bool = True
) -> tuple[int, int]:
    """A customer with one vehicle; returns (customer id, vehicle id)."""
    c = customers.create_customer(actor=staff.advisor, name=name, phone=phone, marketing_consent=consent)
    n = next(_plates)
    v, _ = customers.add_vehicle(
        actor=staff.advisor,
        customer_id=c.id,
        vin=valid_vin(n),
        plate=f"京A{n:05d}",
        make="Honda",
        model="Accord 2.0",
        year=2021,
        mileage_km=20_000,
    )
    return c.id, v.id


def arrived_minutes_ago(ro_id: int, minutes: int = 7) -> dt.datetime:
    """Put the RO's arrival ``minutes`` ago (greeting too, if recorded, as long after it):
    the clock a test needs to confirm the need within the 5–10 minute standard now. Returns
    the new arrival time."""
    from advisor.models import RepairOrder

    ro = RepairOrder.get_by_id(ro_id)
    arrived = now() - dt.timedelta(minutes=minutes)
    greeted = None if ro.greeted_at is None else arrived + (ro.greeted_at - ro.arrived_at)
    RepairOrder.update(arrived_at=arrived, greeted_at=greeted).where(RepairOrder.id == ro_id).execute()
    return arrived


WORDS = "刹车的时候有“吱吱”的响声，\n尤其是早上 🚗"


def open_checked_in(
    staff: Staff,
    *,
    words: str = WORDS,
    repair_class: str = "minor",
    wash: bool | None = False,
    vehicle_id: int | None = None,
) -> int:
    """An RO checked in with one concern; returns its id."""
    if vehicle_id is None:
        _c, vehicle_id = make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    arrived = arrived_minutes_ago(ro_id)
    reception.greet(actor=staff.advisor, ro_id=ro_id, at=arrived + dt.timedelta(minutes=1))
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=4,
        valuables="sunglasses",
        booklet_present=True,
        wash_requested=wash,
        repair_class=repair_class,
    )
    diagnosis.record_concern(
        actor=staff.advisor,
        ro_id=ro_id,
        customer_words=words,
        restatement="Front brake squeal on braking, worse when cold",
    )
    return ro_id


def estimated(staff: Staff, **kw: object) -> tuple[int, list[int]]:
    """An RO with a labour line, a part line (in stock) and an extra labour line (proposed)."""
    ro_id = open_checked_in(staff, **kw)  # type: ignore[arg-type]
    a = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        code="L-BRF",
        description="Replace front brake pads",
        quantity="1.0",
        unit_price_cents=18_000,
        skill="brakes",
    )
    b = estimate.add_line(actor=staff.advisor, ro_id=ro_id, kind="part", code="45022-TBA-A01", quantity=1)
    c = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        code="L-ALN",
        description="Wheel alignment",
        quantity="0.5",
        unit_price_cents=18_000,
    )
    return ro_id, [a, b, c]


_signatures = itertools.count(1)


def signature(seed: int | None = None) -> SignatureInput:
    """A plausible drawn signature (a few looping strokes across a 600 × 180 box), a
    different one each call unless ``seed`` says which: what an in-person act carries."""
    return sample(next(_signatures) if seed is None else seed)


def reason_id(code: str) -> int:
    """The id of a decline reason of the reference list (``price``, ``no_time``, …)."""
    return next(r.id for r in solicitation.decline_reasons() if r.code == code)


def authorised(
    staff: Staff,
    *,
    decline_last: bool = True,
    decline_reason: int | None = None,
    promised_at: dt.datetime | None = None,
    **kw: object,
) -> tuple[int, list[int]]:
    """An authorised RO; the last line declined (for ``decline_reason``, "next visit" when
    not given: every decline says why) unless told otherwise; promised in four hours
    unless ``promised_at`` says when."""
    ro_id, lines = estimated(staff, **kw)
    decisions = {i: "approved" for i in lines}
    if decline_last:
        decisions[lines[-1]] = "declined"
    reason = decline_reason or reason_id("next_visit")
    reasons = {lines[-1]: reason} if decline_last else None
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=decisions,
        customer_name="张伟",
        method="in_person",
        promised_at=promised_at or now() + dt.timedelta(hours=4),
        decline_reasons=reasons,
        signature=signature(),
    )
    return ro_id, lines


def free_from(technician_id: int) -> dt.datetime:
    """When the technician is free: now, or the end of their last job not done (a plan
    over it would be a double booking)."""
    from advisor.models import Assignment

    ends = [
        a.planned_end
        for a in Assignment.select().where(
            (Assignment.technician == technician_id) & (Assignment.status != "done")
        )
    ]
    return max([now(), *ends])


def worked(staff: Staff, **kw: object) -> tuple[int, list[int]]:
    """An authorised RO whose approved labour has been assigned and finished."""
    ro_id, lines = authorised(staff, **kw)
    view = get_ro_view(ro_id)
    start = free_from(staff.tech_ids[0])
    for line in view.approved_lines:
        if line.kind != "labour":
            continue
        a = workshop.assign(
            actor=staff.foreman,
            line_id=line.id,
            technician_id=staff.tech_ids[0],
            bay_id=None,
            planned_start=start,
            planned_end=start + dt.timedelta(hours=1),
        )
        workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
        workshop.finish(actor=staff.foreman, assignment_id=a.id)
    if any(line.kind == "labour" for line in view.approved_lines):
        self_check(staff, ro_id)
    return ro_id, lines


def self_check(staff: Staff, ro_id: int) -> None:
    """Every technician who finished work on the RO signs the self-check."""
    sign_self_checks(ro_id, foreman=staff.foreman, technicians=[staff.technician])


def sign_self_checks(ro_id: int, *, foreman: Actor, technicians: Sequence[Actor] = ()) -> None:
    """The self-check of each technician still to sign, every item done: a technician
    with a login (one of ``technicians``) signs it; for one without, the foreman records
    the paper signature."""
    from advisor.models import Assignment, Technician

    by_user = {a.user_id: a for a in technicians}
    tech_ids = {a.technician_id for a in Assignment.select().where(Assignment.ro == ro_id)}
    marks = {item: "done" for item, _may_skip in standards.self_check_items()}
    unsigned = set(standards.self_check_status(ro_id).unsigned)
    for tech in Technician.select().where(Technician.id.in_(list(tech_ids))):
        if tech.name not in unsigned:
            continue
        if tech.user_id is not None:
            standards.sign_self_check(actor=by_user[tech.user_id], ro_id=ro_id, marks=marks)
        else:
            standards.sign_self_check(actor=foreman, ro_id=ro_id, marks=marks, technician_id=tech.id)


def qc_passed(staff: Staff, **kw: object) -> tuple[int, list[int]]:
    ro_id, lines = worked(staff, **kw)
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no="CERT-1",
    )
    return ro_id, lines


def settled_paid(staff: Staff, **kw: object) -> tuple[int, list[int]]:
    ro_id, lines = qc_passed(staff, **kw)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(
        actor=staff.cashier, ro_id=ro_id, method="card", amount_cents=total, reference="POS-000123"
    )
    return ro_id, lines


def old_part_decisions(ro_id: int, handling: str = "scrapped") -> dict[int, str]:
    """A decision for the old part of every approved part line (what handover requires)."""
    return {x.id: handling for x in get_ro_view(ro_id).approved_lines if x.kind == "part"}


def handed_over(staff: Staff, **kw: object) -> tuple[int, list[int]]:
    ro_id, lines = settled_paid(staff, **kw)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=old_part_decisions(ro_id),
        signature=signature(),
    )
    return ro_id, lines


def finish(staff: Staff, ro_id: int) -> None:
    """Take an authorised RO through work, QC, settlement, payment and handover (the
    steps of ``handed_over``, for an RO a test authorised its own way)."""
    view = get_ro_view(ro_id)
    start = free_from(staff.tech_ids[0])
    for line in view.approved_lines:
        if line.kind != "labour":
            continue
        a = workshop.assign(
            actor=staff.foreman,
            line_id=line.id,
            technician_id=staff.tech_ids[0],
            bay_id=None,
            planned_start=start,
            planned_end=start + dt.timedelta(hours=1),
        )
        workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
        workshop.finish(actor=staff.foreman, assignment_id=a.id)
    if any(line.kind == "labour" for line in view.approved_lines):
        self_check(staff, ro_id)
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no="CERT-1",
    )
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(
        actor=staff.cashier, ro_id=ro_id, method="card", amount_cents=total, reference="POS-000124"
    )
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=old_part_decisions(ro_id),
        signature=signature(),
    )
