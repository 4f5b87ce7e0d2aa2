"""Customer care (issue 17, item 15; manual 002 §4.3.3: 开展客户关怀活动：通过节日祝福…):
birthday and holiday greetings on the solicitation call list, only for customers who
agreed to marketing contacts, each greeting logged as a contact.

Holidays are dated entries the manager keeps per year (the Spring Festival and the
Mid-Autumn Festival move with the lunar calendar): ``add_holiday``/``remove_holiday``, or
``fill_year`` with the Chinese festivals of a year, dated by the ``lunardate`` library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee

from advisor import validation
from advisor.codes import CallKind, ContactPurpose
from advisor.errors import ValidationError
from advisor.models import ContactLog, Customer, Holiday, Vehicle, now
from advisor.services._base import Actor, get, log, service
from advisor.services.opchanges import Kind
from advisor.services.solicitation import CallItem

# A birthday is on the list from this many days before it to the day itself; a holiday
# from a week before. A greeting logged for the occasion takes the customer off.
BIRTHDAY_AHEAD_DAYS = 3
HOLIDAY_AHEAD_DAYS = 7
# At most this many greetings of one holiday on the list at a time (it refills as they
# are logged): the list stays a list of calls, not the whole customer file.
HOLIDAY_BATCH = 100

# The festivals ``fill_year`` dates: (month, day, lunar?, English, Chinese).
FESTIVALS: tuple[tuple[int, int, bool, str, str], ...] = (
    (1, 1, False, "New Year's Day", "元旦"),
    (1, 1, True, "Spring Festival", "春节"),
    (1, 15, True, "Lantern Festival", "元宵节"),
    (5, 1, False, "Labour Day", "劳动节"),
    (5, 5, True, "Dragon Boat Festival", "端午节"),
    (8, 15, True, "Mid-Autumn Festival", "中秋节"),
    (10, 1, False, "National Day", "国庆节"),
    (9, 9, True, "Double Ninth Festival", "重阳节"),
)


@dataclass(frozen=True)
class HolidayView:
    id: int
    on: dt.date
    name_en: str
    name_zh: str


def _md(day: dt.date) -> int:
    return day.month * 100 + day.day


def birthday_keys(on: dt.date, days: int = BIRTHDAY_AHEAD_DAYS) -> list[int]:
    """The month-and-day keys (``Customer.birthday_md``) of ``on`` and the ``days`` after
    it; 29 February counts on the 28th in a year without it."""
    keys = []
    for i in range(days + 1):
        day = on + dt.timedelta(days=i)
        keys.append(_md(day))
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            keys.append(229)
    return keys


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def next_birthday(born: dt.date, on: dt.date) -> dt.date:
    """The customer's next birthday from ``on`` (29 February → 28 February when the year
    has none)."""
    for year in (on.year, on.year + 1):
        day = born.day if (born.month, born.day) != (2, 29) or _leap(year) else 28
        candidate = dt.date(year, born.month, day)
        if candidate >= on:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _greeted_since(purpose: str, since: dt.datetime) -> peewee.Expression:
    greeted = ContactLog.select(ContactLog.id).where(
        (ContactLog.customer == Customer.id) & (ContactLog.purpose == purpose) & (ContactLog.at >= since)
    )
    return ~peewee.fn.EXISTS(greeted)


def _first_car(q: Any, limit: int) -> list[Vehicle]:
    """One row per customer (their first car) from a query of cars and their owners."""
    seen: dict[int, Vehicle] = {}
    for v in q.order_by(Vehicle.customer, Vehicle.id).limit(limit * 3):
        seen.setdefault(v.customer_id, v)
        if len(seen) >= limit:
            break
    return list(seen.values())


def care_items(*, on: dt.date | None = None, limit: int = 500) -> list[CallItem]:
    """Birthday and holiday greetings due on ``on``: customers who consented, not
    anonymised, not yet greeted for the occasion, with a car (the list is of cars)."""

    on = on or now().date()
    items: list[CallItem] = []
    consenting = (Customer.marketing_consent == True) & Customer.anonymised_at.is_null()  # noqa: E712
    cars = Vehicle.select(Vehicle, Customer).join(Customer)
    since = dt.datetime.combine(on - dt.timedelta(days=30), dt.time())
    birthdays = cars.where(
        Customer.birthday_md.in_(birthday_keys(on))
        & consenting
        & _greeted_since(ContactPurpose.BIRTHDAY, since)
    )
    for v in _first_car(birthdays, limit):
        born = v.customer.birthday
        assert born is not None  # the key matched
        day = next_birthday(born, on)
        items.append(
            CallItem(
                CallKind.BIRTHDAY,
                v.customer_id,
                v.customer.name,
                v.customer.phone,
                v.id,
                v.plate,
                v.model,
                f"Birthday on {day.isoformat()}: send greetings",
                f"{day.month}月{day.day}日生日：致以生日祝福",
                due=day,
            )
        )
    upcoming = Holiday.select().where(
        (Holiday.on >= on) & (Holiday.on <= on + dt.timedelta(days=HOLIDAY_AHEAD_DAYS))
    )
    for h in upcoming.order_by(Holiday.on):
        window = dt.datetime.combine(h.on - dt.timedelta(days=HOLIDAY_AHEAD_DAYS), dt.time())
        q = cars.where(consenting & _greeted_since(ContactPurpose.HOLIDAY, window))
        for v in _first_car(q, min(limit, HOLIDAY_BATCH)):
            items.append(
                CallItem(
                    CallKind.HOLIDAY,
                    v.customer_id,
                    v.customer.name,
                    v.customer.phone,
                    v.id,
                    v.plate,
                    v.model,
                    f"{h.name_en} on {h.on.isoformat()}: send greetings",
                    f"{h.on.month}月{h.on.day}日{h.name_zh}：致以节日祝福",
                    due=h.on,
                )
            )
    return items


# -- the holidays --------------------------------------------------------------------------


def holidays(*, year: int | None = None) -> list[HolidayView]:
    """The holidays kept, of one year or all, by date."""
    q = Holiday.select().order_by(Holiday.on)
    if year is not None:
        q = q.where((Holiday.on >= dt.date(year, 1, 1)) & (Holiday.on <= dt.date(year, 12, 31)))
    return [HolidayView(h.id, h.on, h.name_en, h.name_zh) for h in q]


@service("settings.edit", changes=Kind.SOLICITATION)
def add_holiday(*, actor: Actor, on: dt.date, name_en: str, name_zh: str) -> HolidayView:
    """Add a holiday on a date (one a day)."""
    en = validation.clean_text(name_en, limit=60).strip()
    zh = validation.clean_text(name_zh, limit=60).strip()
    if not en or not zh:
        raise ValidationError(
            "Give the holiday's name in English and in Chinese.", "请填写节日的中英文名称。", field="name_en"
        )
    if Holiday.select().where(Holiday.on == on).exists():
        raise ValidationError(
            f"{on.isoformat()} already has a holiday.", f"{on.isoformat()} 已有节日。", field="on"
        )
    h = Holiday.create(on=on, name_en=en, name_zh=zh)
    log(actor, "holiday", h.id, "add_holiday", new={"on": on.isoformat(), "en": en, "zh": zh})
    return HolidayView(h.id, h.on, h.name_en, h.name_zh)


@service("settings.edit", changes=Kind.SOLICITATION)
def remove_holiday(*, actor: Actor, holiday_id: int) -> None:
    """Take a holiday off the list."""
    h = get(Holiday, holiday_id, ("Holiday", "节日"))
    Holiday.delete().where(Holiday.id == h.id).execute()
    log(actor, "holiday", h.id, "remove_holiday", old={"on": h.on.isoformat(), "en": h.name_en})


def festival_dates(year: int) -> list[tuple[dt.date, str, str]]:
    """The Chinese festivals of ``year``, dated (lunar ones by ``lunardate``)."""
    from lunardate import LunarDate

    out = []
    for month, day, lunar, en, zh in FESTIVALS:
        on = LunarDate(year, month, day).to_solar_date() if lunar else dt.date(year, month, day)
        out.append((on, en, zh))
    return sorted(out)


@service("settings.edit", changes=Kind.SOLICITATION)
def fill_year(*, actor: Actor, year: int) -> list[HolidayView]:
    """Add the year's Chinese festivals (those whose day has no holiday yet)."""
    if not 2000 <= year <= 2099:
        raise ValidationError("Choose a year from 2000 to 2099.", "请选择 2000–2099 年。", field="year")
    taken = {h.on for h in Holiday.select(Holiday.on)}
    added = []
    for on, en, zh in festival_dates(year):
        if on in taken:
            continue
        h = Holiday.create(on=on, name_en=en, name_zh=zh)
        added.append(HolidayView(h.id, h.on, h.name_en, h.name_zh))
    log(actor, "holiday", None, "fill_year", new={"year": year, "added": len(added)})
    return added


@service("solicitation.log", read=True)
def read_holidays(*, actor: Actor, year: int | None = None) -> list[HolidayView]:
    """``holidays``: the holidays kept (of one year)."""
    return holidays(year=year)
