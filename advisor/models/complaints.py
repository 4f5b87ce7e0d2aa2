"""Complaints and crises, improvement actions, and the holidays of customer care (issue 17)."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Money, now
from advisor.models.followup import FollowUp
from advisor.models.orders import RepairOrder
from advisor.models.people import Customer, User


class Complaint(BaseModel):
    """A customer's complaint, from the words heard to the customer's answer at closing."""

    customer = peewee.ForeignKeyField(Customer, backref="complaints", index=True)
    ro = peewee.ForeignKeyField(RepairOrder, null=True, backref="complaints")
    follow_up = peewee.ForeignKeyField(FollowUp, null=True, backref="+")
    source = peewee.CharField(max_length=16)  # codes.ComplaintSource
    words = peewee.TextField()  # the customer's own words, verbatim
    cause = peewee.CharField(max_length=20)  # codes.ComplaintCause
    level = peewee.CharField(max_length=12)  # codes.ComplaintLevel
    status = peewee.CharField(max_length=12, default="open", index=True)  # codes.ComplaintStatus
    raised_at = peewee.DateTimeField(default=now, index=True)
    raised_by = peewee.ForeignKeyField(User, backref="+")
    # The manager must have it by ``escalate_by`` (workflow.escalation_due).
    escalate_by = peewee.DateTimeField()
    escalated_at = peewee.DateTimeField(null=True)
    escalated_to = peewee.ForeignKeyField(User, null=True, backref="+")
    compensation_kind = peewee.CharField(max_length=16, default="")  # codes.CompensationKind
    compensation_cents = Money(default=0)
    compensation_note = peewee.TextField(default="")
    compensation_approved_by = peewee.ForeignKeyField(User, null=True, backref="+")
    compensation_approved_at = peewee.DateTimeField(null=True)
    closed_at = peewee.DateTimeField(null=True)
    closed_by = peewee.ForeignKeyField(User, null=True, backref="+")
    accepted = peewee.BooleanField(null=True)  # did the customer accept the resolution?
    closing_note = peewee.TextField(default="")


class ImprovementAction(BaseModel):
    """What a manager decided to change after the decline or complaint statistics."""

    what = peewee.TextField()
    source = peewee.CharField(max_length=12)  # codes.ImprovementSource
    source_code = peewee.CharField(max_length=32)  # a DeclineReason.code or a ComplaintCause
    owner = peewee.ForeignKeyField(User, backref="+")
    due_on = peewee.DateField(index=True)
    created_by = peewee.ForeignKeyField(User, backref="+")
    created_at = peewee.DateTimeField(default=now)
    done_at = peewee.DateTimeField(null=True)
    result = peewee.TextField(default="")


class Holiday(BaseModel):
    """A holiday the shop sends greetings for, dated per year (lunar feasts move)."""

    on = peewee.DateField(unique=True)
    name_en = peewee.CharField(max_length=60)
    name_zh = peewee.CharField(max_length=60)
