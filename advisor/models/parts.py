"""Step 6: the parts catalogue, stock moves and part orders."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Money, Versioned, now
from advisor.models.orders import Appointment, EstimateLine, RepairOrder
from advisor.models.people import User


class Part(Versioned):
    number = peewee.CharField(max_length=40, unique=True)
    name_en = peewee.CharField(max_length=200)
    name_zh = peewee.CharField(max_length=200)
    origin = peewee.CharField(max_length=12, default="oem")
    price_cents = Money()
    on_hand = peewee.IntegerField(default=0)
    reserved = peewee.IntegerField(default=0)
    bin = peewee.CharField(max_length=20, default="")


class StockMove(BaseModel):
    """Every change of stock: receipt (+), issue (-), reserve / release (reservations)."""

    part = peewee.ForeignKeyField(Part, backref="moves", index=True)
    kind = peewee.CharField(max_length=10)  # receipt | issue | reserve | release | adjust
    quantity = peewee.IntegerField()
    ro = peewee.ForeignKeyField(RepairOrder, null=True)
    line = peewee.ForeignKeyField(EstimateLine, null=True)
    user = peewee.ForeignKeyField(User, null=True)  # None: opening stock
    at = peewee.DateTimeField(default=now)


class PartOrder(BaseModel):
    part = peewee.ForeignKeyField(Part, backref="orders", index=True)
    quantity = peewee.IntegerField()
    ro = peewee.ForeignKeyField(RepairOrder, null=True, backref="part_orders")
    line = peewee.ForeignKeyField(EstimateLine, null=True)
    appointment = peewee.ForeignKeyField(Appointment, null=True)
    expected_on = peewee.DateField()
    status = peewee.CharField(max_length=10, default="ordered", index=True)
    ordered_by = peewee.ForeignKeyField(User, backref="+")
    ordered_at = peewee.DateTimeField(default=now)
    arrived_at = peewee.DateTimeField(null=True)


class Task(BaseModel):
    """Something a person must do: notify a customer that parts arrived, call back…"""

    kind = peewee.CharField(max_length=20)
    assignee = peewee.ForeignKeyField(User, null=True, backref="tasks")
    ro = peewee.ForeignKeyField(RepairOrder, null=True)
    appointment = peewee.ForeignKeyField(Appointment, null=True)
    text_en = peewee.TextField(default="")
    text_zh = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=now)
    done_at = peewee.DateTimeField(null=True)
    done_by = peewee.ForeignKeyField(User, null=True, backref="+")
