"""Step 13: follow-up calls with the five service-quality dimensions."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel
from advisor.models.orders import Appointment, RepairOrder
from advisor.models.people import User


class FollowUp(BaseModel):
    ro = peewee.ForeignKeyField(RepairOrder, backref="follow_ups", unique=True)
    due_from = peewee.DateTimeField(index=True)
    due_to = peewee.DateTimeField()
    status = peewee.CharField(max_length=12, default="due", index=True)
    attempts = peewee.IntegerField(default=0)
    at = peewee.DateTimeField(null=True)
    by_user = peewee.ForeignKeyField(User, null=True)
    solved = peewee.BooleanField(null=True)
    tangibles = peewee.IntegerField(null=True)
    reliability = peewee.IntegerField(null=True)
    responsiveness = peewee.IntegerField(null=True)
    assurance = peewee.IntegerField(null=True)
    empathy = peewee.IntegerField(null=True)
    category = peewee.CharField(max_length=20, default="")
    comments = peewee.TextField(default="")
    recheck = peewee.ForeignKeyField(Appointment, null=True)
    # The customer started the call (rang the dealership): the one kind of call that may be
    # logged before the 24 h window opens (issue 17, migration 0015).
    customer_initiated = peewee.BooleanField(default=False)
