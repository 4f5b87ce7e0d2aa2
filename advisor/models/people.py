"""Users (staff) and customers."""

from __future__ import annotations

import peewee

from advisor.models.base import BaseModel, Versioned, now


class User(BaseModel):
    username = peewee.CharField(max_length=64, unique=True)
    display_name = peewee.CharField(max_length=100)
    role = peewee.CharField(max_length=20)
    password_hash = peewee.CharField(max_length=300)
    active = peewee.BooleanField(default=True)
    failed_logins = peewee.IntegerField(default=0)
    locked_until = peewee.DateTimeField(null=True)
    language = peewee.CharField(max_length=8, default="zh_CN")
    created_at = peewee.DateTimeField(default=now)
    # Sessions logged in before the last password reset, role change or deactivation
    # carry an older number and are refused (migration 0004).
    session_gen = peewee.IntegerField(default=0)
    # Quick switch on a shared PC (issue 16, migration 0010): a PIN hashed as a password
    # ("" when none is set), the wrong PINs in a row (five lock it until the next password
    # login), and the last password login (a day's first sign-in takes the password).
    pin_hash = peewee.CharField(max_length=300, default="")
    pin_failures = peewee.IntegerField(default=0)
    last_password_login_at = peewee.DateTimeField(null=True)


class Customer(Versioned):
    name = peewee.CharField(max_length=100)
    phone = peewee.CharField(max_length=32, default="", index=True)
    email = peewee.CharField(max_length=200, default="")
    wechat = peewee.CharField(max_length=64, default="")
    preferred_channel = peewee.CharField(max_length=16, default="phone")
    marketing_consent = peewee.BooleanField(default=False)
    address = peewee.TextField(default="")
    language = peewee.CharField(max_length=8, default="zh_CN")
    created_at = peewee.DateTimeField(default=now)
    anonymised_at = peewee.DateTimeField(null=True)
    # Customer care's birthday greetings (migration 0017); ``birthday_md`` is month × 100 +
    # day, indexed, so the days ahead are looked up without reading every customer.
    birthday = peewee.DateField(null=True)
    birthday_md = peewee.IntegerField(null=True, index=True)
