"""Step 7–8: technicians, bays, job assignments and clock events."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Versioned, now
from advisor.models.orders import EstimateLine, RepairOrder
from advisor.models.people import User


class Technician(BaseModel):
    name = peewee.CharField(max_length=100)
    user = peewee.ForeignKeyField(User, null=True)
    skills = peewee.CharField(max_length=200, default="")  # comma separated
    level = peewee.IntegerField(default=1)  # 1 junior … 4 master
    hours_per_day = peewee.DecimalField(max_digits=4, decimal_places=1, default=8)
    active = peewee.BooleanField(default=True)


class Bay(BaseModel):
    code = peewee.CharField(max_length=16, unique=True)
    name = peewee.CharField(max_length=60)
    kind = peewee.CharField(max_length=20, default="general")  # general|lift|diagnosis|wash
    active = peewee.BooleanField(default=True)


class Assignment(Versioned):
    ro = peewee.ForeignKeyField(RepairOrder, backref="assignments", index=True)
    line = peewee.ForeignKeyField(EstimateLine, backref="assignments", index=True)
    technician = peewee.ForeignKeyField(Technician, backref="assignments", index=True)
    bay = peewee.ForeignKeyField(Bay, null=True, backref="assignments")
    planned_start = peewee.DateTimeField(index=True)
    planned_end = peewee.DateTimeField()
    status = peewee.CharField(max_length=12, default="waiting", index=True)
    pause_reason = peewee.CharField(max_length=16, default="")
    started_at = peewee.DateTimeField(null=True)
    done_at = peewee.DateTimeField(null=True)
    worked_min = peewee.IntegerField(default=0)
    rework = peewee.BooleanField(default=False)
    created_by = peewee.ForeignKeyField(User, backref="+")
    created_at = peewee.DateTimeField(default=now)
    # Dispatch rules the foreman overrode (``DispatchRule`` codes, comma separated) and why
    # (issue 17, migration 0013); empty when the plan broke none.
    override_rules = peewee.CharField(max_length=100, default="")
    override_reason = peewee.TextField(default="")


class ClockEvent(BaseModel):
    assignment = peewee.ForeignKeyField(Assignment, backref="clock_events", index=True)
    technician = peewee.ForeignKeyField(Technician)
    kind = peewee.CharField(max_length=8)  # on | pause | resume | done
    reason = peewee.CharField(max_length=16, default="")
    user = peewee.ForeignKeyField(User)
    at = peewee.DateTimeField(default=now)


class Certification(BaseModel):
    """A technician's certificate for a skill (issue 17, migration 0013). While a skill has
    certificates, it is held only until the last of them expires (``workflow.holds_skill``)."""

    technician = peewee.ForeignKeyField(Technician, backref="certifications", index=True)
    skill = peewee.CharField(max_length=20)
    number = peewee.CharField(max_length=40)
    expires_on = peewee.DateField()
    created_at = peewee.DateTimeField(default=now)
