"""The append-only, hash-chained audit trail and the dealership's shared settings."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, now


class AuditLog(BaseModel):
    at = peewee.DateTimeField(default=now, index=True)
    user_id = peewee.IntegerField(null=True, index=True)
    username = peewee.CharField(max_length=64, default="")
    entity = peewee.CharField(max_length=32, index=True)
    entity_id = peewee.IntegerField(null=True, index=True)
    ro_id = peewee.IntegerField(null=True, index=True)
    action = peewee.CharField(max_length=40)
    old_json = peewee.TextField(default="")
    new_json = peewee.TextField(default="")
    prev_hash = peewee.CharField(max_length=64)
    hash = peewee.CharField(max_length=64)


class Setting(BaseModel):
    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.TextField()
    updated_at = peewee.DateTimeField(default=now)


class Counter(BaseModel):
    """Per-prefix counters for RO and settlement numbers, taken inside the transaction."""

    name = peewee.CharField(max_length=32, primary_key=True)
    value = peewee.IntegerField(default=0)
