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
    # Keyed chain (migration 0004): the row's place in the chain, the money it records
    # (a settlement's totals, a payment) and a salted hash of the personal values kept
    # apart in ``AuditPersonal`` — all inside the HMAC.
    seq = peewee.BigIntegerField(null=True, index=True)
    money_json = peewee.TextField(default="")
    pii_digest = peewee.CharField(max_length=64, default="")


class AuditPersonal(BaseModel):
    """The personal values of one audit row (a customer's name, phone…), outside the hash
    chain: the chain holds only ``sha256(salt + values)``, so erasure deletes this row
    and the chain still verifies."""

    audit_id = peewee.IntegerField(primary_key=True)
    customer_id = peewee.IntegerField(index=True)
    salt = peewee.CharField(max_length=32)
    values_json = peewee.TextField()


class Setting(BaseModel):
    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.TextField()
    updated_at = peewee.DateTimeField(default=now)


class Counter(BaseModel):
    """Per-prefix counters for RO and settlement numbers, taken inside the transaction."""

    name = peewee.CharField(max_length=32, primary_key=True)
    value = peewee.IntegerField(default=0)
