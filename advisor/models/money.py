"""Step 11–12: settlements and payments (refunds are new negative payments)."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Money, now
from advisor.models.orders import RepairOrder
from advisor.models.people import User


class Settlement(BaseModel):
    ro = peewee.ForeignKeyField(RepairOrder, backref="settlements", index=True)
    number = peewee.CharField(max_length=24, unique=True)
    at = peewee.DateTimeField(default=now)
    by_user = peewee.ForeignKeyField(User)
    labour_cents = Money()
    parts_cents = Money()
    other_cents = Money()
    discount_cents = Money(default=0)
    discount_reason = peewee.TextField(default="")
    tax_cents = Money()
    total_cents = Money()
    lines_json = peewee.TextField()  # frozen copy of the settled lines
    superseded_by = peewee.IntegerField(null=True)  # a correction is a new settlement


class Payment(BaseModel):
    settlement = peewee.ForeignKeyField(Settlement, backref="payments", index=True)
    method = peewee.CharField(max_length=12)  # cash | card | transfer | wechat | alipay
    amount_cents = Money()
    reference = peewee.CharField(max_length=64, default="")
    at = peewee.DateTimeField(default=now)
    by_user = peewee.ForeignKeyField(User)
    refund_of = peewee.IntegerField(null=True)
