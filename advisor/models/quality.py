"""Step 9–10: final QC and wash."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, now
from advisor.models.orders import RepairOrder
from advisor.models.people import User


class QCCheck(BaseModel):
    ro = peewee.ForeignKeyField(RepairOrder, backref="qc_checks", index=True)
    inspector = peewee.ForeignKeyField(User)
    at = peewee.DateTimeField(default=now)
    passed = peewee.BooleanField()
    items_json = peewee.TextField(default="[]")  # [{item, ok}]
    road_test = peewee.CharField(max_length=12, default="not_needed")  # done | not_needed
    road_test_result = peewee.TextField(default="")
    nothing_left = peewee.BooleanField(default=False)
    no_new_damage = peewee.BooleanField(default=False)
    first_service_invited = peewee.BooleanField(default=False)
    completion_cert_no = peewee.CharField(max_length=40, default="")
    notes = peewee.TextField(default="")
