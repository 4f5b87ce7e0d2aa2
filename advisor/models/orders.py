"""Appointments, repair orders, their step history, concerns and estimate lines."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Money, Versioned, now
from advisor.models.people import Customer, User
from advisor.models.vehicles import Vehicle


class Appointment(Versioned):
    customer = peewee.ForeignKeyField(Customer, backref="appointments", index=True)
    vehicle = peewee.ForeignKeyField(Vehicle, backref="appointments", index=True)
    advisor = peewee.ForeignKeyField(User, null=True)
    starts_at = peewee.DateTimeField(index=True)
    duration_min = peewee.IntegerField(default=60)
    requested_work = peewee.TextField(default="")
    parts_needed = peewee.TextField(default="")
    estimated_cents = Money(default=0)
    booklet_reminded = peewee.BooleanField(default=False)
    special_care = peewee.TextField(default="")
    urgent = peewee.BooleanField(default=False)
    requested_at = peewee.DateTimeField(default=now)  # when the customer asked
    status = peewee.CharField(max_length=16, default="booked", index=True)
    override_capacity = peewee.BooleanField(default=False)
    reconfirm_outcome = peewee.CharField(max_length=16, default="")
    reconfirmed_at = peewee.DateTimeField(null=True)
    source_contact = peewee.IntegerField(null=True)  # ContactLog id that booked it
    recheck_of = peewee.IntegerField(null=True)  # RO id, for a recheck from follow-up
    created_by = peewee.ForeignKeyField(User, backref="+")
    created_at = peewee.DateTimeField(default=now)


class RepairOrder(Versioned):
    number = peewee.CharField(max_length=20, unique=True)
    customer = peewee.ForeignKeyField(Customer, backref="orders", index=True)
    vehicle = peewee.ForeignKeyField(Vehicle, backref="orders", index=True)
    advisor = peewee.ForeignKeyField(User, backref="orders", index=True)
    appointment = peewee.ForeignKeyField(Appointment, null=True)
    step = peewee.IntegerField(default=3, index=True)
    status = peewee.CharField(max_length=12, default="open", index=True)
    walk_in = peewee.BooleanField(default=True)
    repair_class = peewee.CharField(max_length=20, default="minor")
    arrived_at = peewee.DateTimeField(index=True)
    greeted_at = peewee.DateTimeField(null=True)
    need_confirmed_at = peewee.DateTimeField(null=True)
    checked_in_at = peewee.DateTimeField(null=True)
    mileage_in = peewee.IntegerField(null=True)
    fuel_level = peewee.IntegerField(null=True)  # eighths 0..8
    valuables = peewee.TextField(default="")
    body_damage = peewee.TextField(default="")  # JSON list of {zone, kind, note}
    booklet_present = peewee.BooleanField(default=False)
    return_old_parts = peewee.BooleanField(default=False)
    customer_waits = peewee.BooleanField(default=False)
    approval_contact = peewee.CharField(max_length=64, default="")
    first_service = peewee.BooleanField(default=False)
    price_low_cents = Money(null=True)
    price_high_cents = Money(null=True)
    # who told the customer the range, when, how and to whom (the range is kept as told)
    range_told_by = peewee.IntegerField(null=True)  # User id
    range_told_at = peewee.DateTimeField(null=True)
    range_told_method = peewee.CharField(max_length=16, default="")  # an AuthMethod
    range_told_to = peewee.CharField(max_length=100, default="")
    promised_at = peewee.DateTimeField(null=True, index=True)
    authorised_at = peewee.DateTimeField(null=True)
    work_done_at = peewee.DateTimeField(null=True)
    qc_passed_at = peewee.DateTimeField(null=True)
    completion_cert_no = peewee.CharField(max_length=40, default="")
    wash_requested = peewee.BooleanField(null=True)
    wash_eta_min = peewee.IntegerField(null=True)
    wash_done_at = peewee.DateTimeField(null=True)
    wash_result = peewee.TextField(default="")
    settled_at = peewee.DateTimeField(null=True)
    items_explained_at = peewee.DateTimeField(null=True)
    paid_at = peewee.DateTimeField(null=True)
    result_shown = peewee.BooleanField(default=False)
    handed_over_at = peewee.DateTimeField(null=True, index=True)
    accepted_by = peewee.CharField(max_length=100, default="")
    # why the customer did not sign the handover acceptance (a signature or a reason)
    handover_no_signature_reason = peewee.TextField(default="")
    next_service_date = peewee.DateField(null=True)
    next_service_km = peewee.IntegerField(null=True)
    closed_at = peewee.DateTimeField(null=True)
    comeback_of = peewee.ForeignKeyField("self", null=True, backref="comebacks")
    comeback_technician = peewee.IntegerField(null=True)
    priority = peewee.IntegerField(default=0)
    training_flag = peewee.BooleanField(default=False)
    training_note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=now)


class StepEvent(BaseModel):
    """The timeline of an RO: every move, who made it and when."""

    ro = peewee.ForeignKeyField(RepairOrder, backref="events", index=True)
    step = peewee.IntegerField()
    action = peewee.CharField(max_length=40)
    user = peewee.ForeignKeyField(User)
    at = peewee.DateTimeField(default=now, index=True)
    note = peewee.TextField(default="")


class Concern(BaseModel):
    """One concern. ``customer_words`` is written once and never updated."""

    ro = peewee.ForeignKeyField(RepairOrder, backref="concerns", index=True)
    seq = peewee.IntegerField()
    customer_words = peewee.TextField()
    restatement = peewee.TextField(default="")
    finding = peewee.TextField(default="")
    correction = peewee.TextField(default="")
    confirmation = peewee.CharField(max_length=16, default="pending")
    assist_requested = peewee.BooleanField(default=False)
    assist_technician = peewee.IntegerField(null=True)
    diagnosis_bay = peewee.BooleanField(default=False)
    supersedes = peewee.ForeignKeyField("self", null=True)
    created_by = peewee.ForeignKeyField(User, backref="+")
    created_at = peewee.DateTimeField(default=now)


class ChangeRequest(BaseModel):
    """Extra work or a delay found in the workshop, and the customer's consent."""

    ro = peewee.ForeignKeyField(RepairOrder, backref="change_requests", index=True)
    kind = peewee.CharField(max_length=16)  # extra_work | delay
    reason = peewee.TextField()
    raised_by = peewee.ForeignKeyField(User, backref="+")
    raised_at = peewee.DateTimeField(default=now)
    old_amount_cents = Money()
    new_amount_cents = Money()
    old_promised_at = peewee.DateTimeField(null=True)
    new_promised_at = peewee.DateTimeField(null=True)
    major = peewee.BooleanField(default=False)
    status = peewee.CharField(max_length=20, default="pending", index=True)
    consent_by = peewee.CharField(max_length=100, default="")
    consent_at = peewee.DateTimeField(null=True)
    consent_method = peewee.CharField(max_length=16, default="")
    consent_phone = peewee.CharField(max_length=32, default="")
    recorded_by = peewee.ForeignKeyField(User, null=True, backref="+")
    manager = peewee.ForeignKeyField(User, null=True, backref="+")
    manager_at = peewee.DateTimeField(null=True)
    decided_note = peewee.TextField(default="")
    refusal_reason = peewee.IntegerField(null=True)  # DeclineReason id, when refused
    # an in-person consent: why the customer did not sign (a signature or a reason)
    no_signature_reason = peewee.TextField(default="")


class EstimateLine(Versioned):
    ro = peewee.ForeignKeyField(RepairOrder, backref="lines", index=True)
    kind = peewee.CharField(max_length=8)  # labour | part | other
    code = peewee.CharField(max_length=40, default="")
    description = peewee.TextField()
    quantity = peewee.DecimalField(max_digits=10, decimal_places=2, auto_round=True)
    unit_price_cents = Money()
    amount_cents = Money()
    origin = peewee.CharField(max_length=12, default="")  # oem | equivalent | refurbished
    pay_type = peewee.CharField(max_length=12, default="customer")
    status = peewee.CharField(max_length=10, default="proposed", index=True)
    part = peewee.IntegerField(null=True)  # Part id
    concern = peewee.ForeignKeyField(Concern, null=True)
    change_request = peewee.ForeignKeyField(ChangeRequest, null=True, backref="lines")
    skill = peewee.CharField(max_length=40, default="")
    old_part_handling = peewee.CharField(max_length=16, default="")
    part_status = peewee.CharField(max_length=12, default="")  # reserved|ordered|arrived|issued
    decline_reason = peewee.IntegerField(null=True)
    decided_at = peewee.DateTimeField(null=True)
    offered_again_at = peewee.DateTimeField(null=True)
    created_at = peewee.DateTimeField(default=now)
    # The inspection finding (InspectionResult id) this line came from (issue 18, 0021).
    finding = peewee.IntegerField(null=True)


class Authorisation(BaseModel):
    ro = peewee.ForeignKeyField(RepairOrder, backref="authorisations", index=True)
    at = peewee.DateTimeField(default=now)
    recorded_by = peewee.ForeignKeyField(User, backref="+")
    customer_name = peewee.CharField(max_length=100)
    method = peewee.CharField(max_length=16)  # in_person | phone | message
    phone = peewee.CharField(max_length=32, default="")
    amount_cents = Money()
    promised_at = peewee.DateTimeField()
    note = peewee.TextField(default="")
    outside_range = peewee.BooleanField(default=False)  # agreed to a total outside the told range
    # an in-person authorisation: why the customer did not sign (a signature or a reason)
    no_signature_reason = peewee.TextField(default="")


class CannedJob(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)
    name_en = peewee.CharField(max_length=100)
    name_zh = peewee.CharField(max_length=100)
    lines_json = peewee.TextField()  # [{kind, code, description_en, description_zh, qty, price}]
