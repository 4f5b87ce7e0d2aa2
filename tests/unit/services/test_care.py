"""Customer care (issue 17, item 15): birthdays and holidays on the call list, only for
customers who consented, each greeting logged as a contact."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.codes import CallKind
from advisor.errors import PermissionDenied, ValidationError
from advisor.models import Customer, now
from advisor.services import care, customers, solicitation
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot


def _born(staff: Staff, customer_id: int, birthday: object) -> None:
    c = customers.get_customer(customer_id)
    customers.update_customer(
        actor=staff.advisor, customer_id=customer_id, version=c.version, birthday=birthday
    )


def _care(on: dt.date) -> list[solicitation.CallItem]:
    return [i for i in solicitation.call_list(on=on) if i.kind in (CallKind.BIRTHDAY, CallKind.HOLIDAY)]


def test_a_birthday_is_a_real_past_date(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    before = db_snapshot()
    for bad in ("1980-02-31", "1980-13-01", "17 May", "2999-01-01", "1850-01-01", dt.date(2999, 1, 1)):
        with pytest.raises(ValidationError) as err:
            _born(staff, cid, bad)
        assert err.value.field == "birthday", bad
    assert db_snapshot() == before
    _born(staff, cid, "1980-02-29")
    assert customers.get_customer(cid).birthday == dt.date(1980, 2, 29)
    assert Customer.get_by_id(cid).birthday_md == 229
    _born(staff, cid, "")
    assert customers.get_customer(cid).birthday is None
    made = customers.create_customer(
        actor=staff.advisor, name="王芳", phone="13911112222", birthday="1975-10-03"
    )
    assert made.birthday == dt.date(1975, 10, 3)


def test_birthdays_in_the_next_days_of_consenting_customers_only(staff: Staff) -> None:
    on = now().date()  # the greetings logged now count for it
    soon, past, far = (on + dt.timedelta(days=n) for n in (2, -1, 30))
    yes, _ = factories.make_customer_vehicle(staff, name="生日客户", phone="13900000001")
    no, _ = factories.make_customer_vehicle(staff, name="未同意", phone="13900000002", consent=False)
    later, _ = factories.make_customer_vehicle(staff, name="下月生日", phone="13900000003")
    gone, _ = factories.make_customer_vehicle(staff, name="昨天生日", phone="13900000004")
    _born(staff, yes, dt.date(1980, soon.month, soon.day))
    _born(staff, no, dt.date(1980, soon.month, soon.day))
    _born(staff, later, dt.date(1980, far.month, far.day))
    _born(staff, gone, dt.date(1980, past.month, past.day))
    items = _care(on)
    assert [(i.customer_id, i.due) for i in items] == [(yes, soon)]
    assert soon.isoformat() in items[0].detail_en and "生日" in items[0].detail_zh
    solicitation.log_contact(
        actor=staff.advisor,
        customer_id=yes,
        vehicle_id=items[0].vehicle_id,
        channel="wechat",
        outcome="greeted",
        purpose="birthday",
    )
    assert _care(on) == []  # greeted: off the list


def test_a_29_february_birthday_is_greeted_on_the_28th_in_other_years(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    _born(staff, cid, "1984-02-29")
    assert care.next_birthday(dt.date(1984, 2, 29), dt.date(2027, 2, 27)) == dt.date(2027, 2, 28)
    assert [i.due for i in _care(dt.date(2027, 2, 28))] == [dt.date(2027, 2, 28)]
    assert [i.due for i in _care(dt.date(2028, 2, 27))] == [dt.date(2028, 2, 29)]


def test_holidays_a_week_ahead_for_consenting_customers(staff: Staff) -> None:
    yes, _ = factories.make_customer_vehicle(staff, name="节日客户", phone="13900000001")
    factories.make_customer_vehicle(staff, name="未同意", phone="13900000002", consent=False)
    day = now().date() + dt.timedelta(days=7)
    h = care.add_holiday(actor=staff.manager, on=day, name_en="Spring Festival", name_zh="春节")
    assert _care(day - dt.timedelta(days=8)) == []  # eight days ahead
    items = _care(day - dt.timedelta(days=7))
    assert [(i.customer_id, i.kind) for i in items] == [(yes, CallKind.HOLIDAY)]
    assert "春节" in items[0].detail_zh
    solicitation.log_contact(
        actor=staff.advisor, customer_id=yes, channel="sms", outcome="greeted", purpose="holiday"
    )
    assert _care(day - dt.timedelta(days=6)) == []
    care.remove_holiday(actor=staff.manager, holiday_id=h.id)
    assert care.read_holidays(actor=staff.advisor) == []


def test_the_manager_keeps_the_holidays(staff: Staff) -> None:
    care.add_holiday(actor=staff.manager, on=dt.date(2027, 2, 6), name_en="Spring Festival", name_zh="春节")
    before = db_snapshot()
    with pytest.raises(PermissionDenied):
        care.add_holiday(actor=staff.advisor, on=dt.date(2027, 9, 15), name_en="Mid-Autumn", name_zh="中秋节")
    with pytest.raises(ValidationError):  # one a day
        care.add_holiday(actor=staff.manager, on=dt.date(2027, 2, 6), name_en="Again", name_zh="重复")
    with pytest.raises(ValidationError):
        care.add_holiday(actor=staff.manager, on=dt.date(2027, 9, 15), name_en=" ", name_zh="中秋节")
    assert db_snapshot() == before
    added = care.fill_year(actor=staff.manager, year=2027)
    dates = {h.name_zh: h.on for h in care.read_holidays(actor=staff.advisor, year=2027)}
    assert dates["春节"] == dt.date(2027, 2, 6)  # kept, not added twice
    assert dates["中秋节"] == dt.date(2027, 9, 15)
    assert dates["端午节"] == dt.date(2027, 6, 9)
    assert dates["国庆节"] == dt.date(2027, 10, 1)
    assert "春节" not in {h.name_zh for h in added} and len(added) == len(care.FESTIVALS) - 1


def test_an_erased_customer_loses_the_birthday(staff: Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    _born(staff, cid, "1980-03-12")
    customers.erase_customer(actor=staff.manager, customer_id=cid)
    row = Customer.get_by_id(cid)
    assert (row.birthday, row.birthday_md) == (None, None)
