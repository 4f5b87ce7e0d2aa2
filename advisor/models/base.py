"""The base model, bound to the one database proxy."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import peewee

from advisor.db import database_proxy


def now() -> dt.datetime:
    """The current local time, to the second (what people see on screens and sheets)."""
    return dt.datetime.now().replace(microsecond=0)


if TYPE_CHECKING:
    # peewee's metaclass adds ``id`` and the ``<fk>_id`` attributes, which mypy cannot
    # see; type-check the models' users against an open base instead.
    from typing import Any as _Model
else:
    _Model = peewee.Model


class BaseModel(_Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Money(peewee.BigIntegerField):
    """An exact amount in integer cents (分)."""


class Versioned(BaseModel):
    """A record people edit: saving over a newer version is refused (optimistic lock)."""

    version = peewee.IntegerField(default=1)
