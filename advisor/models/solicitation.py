"""Step 1: decline reasons and the log of every contact with a customer."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, now
from advisor.models.people import Customer, User
from advisor.models.vehicles import Campaign, Vehicle


class DeclineReason(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)
    label_en = peewee.CharField(max_length=100)
    label_zh = peewee.CharField(max_length=100)
    active = peewee.BooleanField(default=True)


class ContactLog(BaseModel):
    customer = peewee.ForeignKeyField(Customer, backref="contacts", index=True)
    vehicle = peewee.ForeignKeyField(Vehicle, null=True)
    user = peewee.ForeignKeyField(User)
    channel = peewee.CharField(max_length=16)  # phone | sms | wechat | in_person
    purpose = peewee.CharField(max_length=20, default="due_service")
    outcome = peewee.CharField(max_length=20)  # booked | declined | no_answer | call_back
    decline_reason = peewee.ForeignKeyField(DeclineReason, null=True)
    campaign = peewee.ForeignKeyField(Campaign, null=True)
    note = peewee.TextField(default="")
    at = peewee.DateTimeField(default=now, index=True)
