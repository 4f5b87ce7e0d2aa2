"""Vehicles, their mileage history and service campaigns/recalls."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Versioned, now
from advisor.models.people import Customer


class Vehicle(Versioned):
    customer = peewee.ForeignKeyField(Customer, backref="vehicles", index=True)
    vin = peewee.CharField(max_length=17, index=True)
    plate = peewee.CharField(max_length=16, index=True)
    make = peewee.CharField(max_length=40, default="")
    model = peewee.CharField(max_length=60, default="")
    year = peewee.IntegerField(null=True)
    mileage_km = peewee.IntegerField(default=0)
    first_registered = peewee.DateField(null=True)
    next_service_date = peewee.DateField(null=True, index=True)
    next_service_km = peewee.IntegerField(null=True)
    kind = peewee.CharField(max_length=16, default="car")  # a VehicleKind: its inspection checklist
    created_at = peewee.DateTimeField(default=now)


class MileageReading(BaseModel):
    vehicle = peewee.ForeignKeyField(Vehicle, backref="mileage_readings", index=True)
    km = peewee.IntegerField()
    source = peewee.CharField(max_length=20, default="reception")
    recorded_at = peewee.DateTimeField(default=now)


class Campaign(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)
    kind = peewee.CharField(max_length=16, default="campaign")  # campaign | recall
    title_en = peewee.CharField(max_length=200)
    title_zh = peewee.CharField(max_length=200)
    details = peewee.TextField(default="")
    model_pattern = peewee.CharField(max_length=60, default="")  # substring of the model
    vin_from = peewee.CharField(max_length=17, default="")
    vin_to = peewee.CharField(max_length=17, default="")
    starts_on = peewee.DateField()
    ends_on = peewee.DateField()
