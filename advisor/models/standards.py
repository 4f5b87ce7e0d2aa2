"""The manual's standards that need a record of their own: the technician's self-check
before QC and an appointment's preparation (migration 0016)."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, now
from advisor.models.orders import Appointment, RepairOrder
from advisor.models.people import User
from advisor.models.workshop import Technician


class SelfCheck(BaseModel):
    """A technician's signed self-check (自检) of their work on an RO, before QC. A new one
    is signed after rework: the latest counts."""

    ro = peewee.ForeignKeyField(RepairOrder, backref="self_checks", index=True)
    technician = peewee.ForeignKeyField(Technician, backref="self_checks")
    signed_by = peewee.ForeignKeyField(User, backref="+")
    signed_at = peewee.DateTimeField(default=now)
    items_json = peewee.TextField(default="{}")  # {item: "done" | "na"}
    note = peewee.TextField(default="")
    # The newest of the technician's jobs on the RO it covers (``Assignment.id``): a job
    # assigned later (rework) needs a new signature.
    last_job = peewee.IntegerField(default=0)


class AppointmentPrep(BaseModel):
    """One item of an appointment's preparation, ticked (unticking deletes the row)."""

    appointment = peewee.ForeignKeyField(Appointment, backref="prep", index=True)
    item = peewee.CharField(max_length=16)
    done_by = peewee.ForeignKeyField(User, backref="+")
    done_at = peewee.DateTimeField(default=now)
    note = peewee.TextField(default="")

    class Meta:
        indexes = ((("appointment", "item"), True),)
