"""What people really type: empty, huge, emoji, mixed scripts, formulas, wrong VINs and
plates, negative amounts, dates in the wrong order, garbage phones, bad database URLs.

Refusals raise a ``UserError`` with a message in both languages and save nothing;
what is accepted is stored exactly as typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor import db, validation
from advisor.errors import DuplicateVehicle, GateError, StorageError, UserError, ValidationError
from advisor.models import Campaign, Customer, RepairOrder, Vehicle, now
from advisor.services import (
    appointments,
    customers,
    estimate,
    reception,
    solicitation,
    users,
)
from tests import factories
from tests.factories import Staff
from tests.unit.services.test_gates import assert_bilingual, refused


def new_customer(staff: Staff, name: str, **kw: Any) -> Customer:
    view = customers.create_customer(actor=staff.advisor, name=name, **kw)
    return Customer.get_by_id(view.id)


# -- names --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\t\n ", "\u0007\u0008", "x" * 10_000, "张" * 10_001, "y" * 101])
def test_empty_or_huge_names_are_refused(staff: Staff, name: str) -> None:
    err = refused(ValidationError, customers.create_customer, actor=staff.advisor, name=name)
    assert ("empty" in err.en) or ("too long" in err.en)


@pytest.mark.parametrize(
    "name",
    [
        "🚗🔧",
        "张伟 Smith 🚗",
        "=cmd|' /C calc'!A0",
        "O'Brien-Łukasz",
        "أحمد",
        "x" * 100,
        "+SUM(A1:A9)",
        "@import",
        "<script>alert(1)</script>",
    ],
)
def test_names_in_any_script_are_stored_exactly(staff: Staff, name: str) -> None:
    c = new_customer(staff, name)
    assert c.name == name
    assert customers.get_customer(c.id).name == name


def test_a_name_is_tidied_only_at_its_edges_and_inner_runs_of_space(staff: Staff) -> None:
    assert new_customer(staff, "  张伟   Smith \n").name == "张伟 Smith"


# -- VINs and plates ------------------------------------------------------------------------


def _wrong_check_digit(vin: str) -> str:
    for d in "0123456789X":
        if d != vin[8]:
            return vin[:8] + d + vin[9:]
    raise AssertionError


def test_vin_with_a_wrong_check_digit_is_accepted_with_a_warning(staff: Staff) -> None:
    c = new_customer(staff, "张伟")
    vin = _wrong_check_digit(factories.valid_vin(4242))
    assert not validation.vin_check_digit_ok(vin)
    view, warnings = customers.add_vehicle(
        actor=staff.advisor, customer_id=c.id, vin=vin.lower(), plate="京A4242B"
    )
    assert warnings == ["vin_check_digit"]
    assert view.vin == vin and view.vin_check_ok is False
    _ok, none = customers.add_vehicle(
        actor=staff.advisor, customer_id=c.id, vin=factories.valid_vin(4243), plate="京A4243B"
    )
    assert none == []


@pytest.mark.parametrize(
    "vin",
    [
        "",
        "LFV2A21K",
        "LFV2A21K0B3012345X",
        "LFV2A21K0B301234",
        "IFV2A21K0B3012345",
        "LFV2A21K0B30O2345",
        "LFV2A21K0B3Q12345",
        "LFV2A21K0B30😀234",
        "LFV2A21K0B30,2345",
    ],
)
def test_vin_of_wrong_length_or_with_i_o_q_is_refused(staff: Staff, vin: str) -> None:
    c = new_customer(staff, "张伟")
    err = refused(
        ValidationError,
        customers.add_vehicle,
        actor=staff.advisor,
        customer_id=c.id,
        vin=vin,
        plate="京A12345",
    )
    assert err.field == "vin"


@pytest.mark.parametrize(
    "plate", ["XX123", "京I12345", "京A1234", "京A1234567", "A12345", "京O12345", "", "京A12 34🚗", "沪"]
)
def test_impossible_plates_are_refused(staff: Staff, plate: str) -> None:
    c = new_customer(staff, "张伟")
    err = refused(
        ValidationError,
        customers.add_vehicle,
        actor=staff.advisor,
        customer_id=c.id,
        vin=factories.valid_vin(777),
        plate=plate,
    )
    assert err.field == "plate"


@pytest.mark.parametrize(
    ("typed", "stored"), [("京a 12345", "京A12345"), ("粤B·D12345", "粤BD12345"), ("沪A-1234学", "沪A1234学")]
)
def test_plates_are_normalised(staff: Staff, typed: str, stored: str) -> None:
    c = new_customer(staff, "张伟")
    view, _w = customers.add_vehicle(
        actor=staff.advisor, customer_id=c.id, vin=factories.valid_vin(778), plate=typed
    )
    assert view.plate == stored


def test_duplicate_plate_or_vin_is_refused(staff: Staff) -> None:
    c = new_customer(staff, "张伟")
    vin = factories.valid_vin(900)
    customers.add_vehicle(actor=staff.advisor, customer_id=c.id, vin=vin, plate="京B90000")
    err = refused(
        DuplicateVehicle,
        customers.add_vehicle,
        actor=staff.advisor,
        customer_id=c.id,
        vin=factories.valid_vin(901),
        plate="京b 90000",
    )
    assert err.field == "plate"
    err = refused(
        DuplicateVehicle,
        customers.add_vehicle,
        actor=staff.advisor,
        customer_id=c.id,
        vin=vin.lower(),
        plate="京B90001",
    )
    assert err.field == "vin"
    other = Vehicle.get(Vehicle.vin == vin)
    second, _w = customers.add_vehicle(
        actor=staff.advisor, customer_id=c.id, vin=factories.valid_vin(902), plate="京B90002"
    )
    refused(
        DuplicateVehicle,
        customers.update_vehicle,
        actor=staff.advisor,
        vehicle_id=second.id,
        version=second.version,
        plate=other.plate,
    )


# -- amounts and quantities --------------------------------------------------------------------

LINE = dict(kind="labour", description="Replace pads", quantity="1", unit_price_cents=18_000)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"quantity": "-1"}, "quantity"), ({"quantity": "0"}, "quantity"), ({"quantity": 0}, "quantity"),
     ({"quantity": "0.004"}, "quantity"),  # 0.00 after rounding to two places
     ({"quantity": "abc"}, "quantity"), ({"quantity": "NaN"}, "quantity"),
     ({"quantity": "Infinity"}, "quantity"), ({"quantity": "10001"}, "quantity"),
     ({"unit_price_cents": -1}, "price"), ({"description": "   "}, "description"),
     ({"kind": "part", "code": "45022-TBA-A01", "quantity": "1.5"}, "quantity"),
     ({"kind": "part", "code": "NO-SUCH-PART"}, "part"), ({"pay_type": "free"}, "pay type")],
)  # fmt: skip
def test_bad_estimate_lines_are_refused(staff: Staff, changes: dict[str, Any], field: str) -> None:
    ro_id = factories.open_checked_in(staff)
    err = refused(ValidationError, estimate.add_line, actor=staff.advisor, ro_id=ro_id, **{**LINE, **changes})
    assert err.field == field


def test_fractional_hours_are_fine_for_labour_and_amounts_are_exact(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    line_id = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        description="Diagnosis",
        quantity="0.35",
        unit_price_cents=18_001,
    )
    view = next(x for x in estimate_lines(ro_id) if x.id == line_id)
    assert str(view.quantity) == "0.35"
    assert view.amount_cents == 6_300  # 0.35 × 18,001 = 6,300.35 → 6,300


def estimate_lines(ro_id: int) -> tuple[Any, ...]:
    from advisor.services.orders import get_ro_view

    return get_ro_view(ro_id).lines


def test_bad_update_of_a_line_is_refused(staff: Staff) -> None:
    ro_id, _lines = factories.estimated(staff)
    line = estimate_lines(ro_id)[0]
    for kw in ({"quantity": "-2"}, {"quantity": "0"}, {"unit_price_cents": -100}):
        refused(
            ValidationError,
            estimate.update_line,
            actor=staff.advisor,
            line_id=line.id,
            version=line.version,
            **kw,
        )


# -- dates in the wrong order ----------------------------------------------------------------


def test_promised_time_before_arrival_is_refused(staff: Staff) -> None:
    ro_id, _lines = factories.estimated(staff)
    arrived = RepairOrder.get_by_id(ro_id).arrived_at
    err = refused(
        ValidationError,
        estimate.set_terms,
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=10_000,
        price_high_cents=20_000,
        promised_at=arrived - dt.timedelta(hours=1),
    )
    assert err.field == "promised_at"
    refused(
        ValidationError,
        estimate.set_terms,
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=20_000,
        price_high_cents=10_000,
        promised_at=arrived + dt.timedelta(hours=3),
    )
    refused(
        ValidationError,
        estimate.set_terms,
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=-1,
        price_high_cents=10_000,
        promised_at=arrived + dt.timedelta(hours=3),
    )


def test_appointment_before_the_request_is_refused(staff: Staff) -> None:
    customer_id, vehicle_id = factories.make_customer_vehicle(staff)
    asked = now()
    err = refused(
        ValidationError,
        appointments.book_appointment,
        actor=staff.advisor,
        customer_id=customer_id,
        vehicle_id=vehicle_id,
        starts_at=asked - dt.timedelta(days=1),
        requested_work="5,000 km service",
        requested_at=asked,
    )
    assert err.field == "starts_at"
    refused(
        ValidationError,
        appointments.book_appointment,
        actor=staff.advisor,
        customer_id=customer_id,
        vehicle_id=vehicle_id,
        starts_at=asked + dt.timedelta(days=1),
        requested_work="   ",
    )
    refused(
        ValidationError,
        appointments.book_appointment,
        actor=staff.advisor,
        customer_id=customer_id,
        vehicle_id=vehicle_id,
        starts_at=asked + dt.timedelta(days=1),
        requested_work="service",
        duration_min=5,
    )


def test_campaign_ending_before_it_starts_is_refused(staff: Staff) -> None:
    today = now().date()
    err = refused(
        ValidationError,
        solicitation.add_campaign,
        actor=staff.manager,
        code="R-01",
        kind="recall",
        title_en="Airbag",
        title_zh="气囊召回",
        starts_on=today,
        ends_on=today - dt.timedelta(days=1),
    )
    assert err.field == "ends_on"
    solicitation.add_campaign(
        actor=staff.manager,
        code="R-01",
        kind="recall",
        title_en="Airbag",
        title_zh="气囊召回",
        starts_on=today,
        ends_on=today,
    )
    assert Campaign.select().count() == 1


# -- roles, mileage, phones ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ["superuser", "", "Advisor", "root", "管理员"])
def test_unknown_user_role_is_refused(staff: Staff, role: str) -> None:
    refused(
        ValidationError,
        users.add_user,
        actor=staff.admin,
        username="new.user",
        display_name="New User",
        role=role,
        password="long enough 1",
    )
    refused(ValidationError, users.set_role, actor=staff.admin, user_id=staff.advisor.user_id, role=role)


def test_mileage_going_backwards_is_refused(staff: Staff) -> None:
    _c, vehicle_id = factories.make_customer_vehicle(staff)  # 20,000 km on file
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    err = refused(
        ValidationError, reception.check_in, actor=staff.advisor, ro_id=ro_id, mileage_km=19_999, fuel_level=4
    )
    assert err.field == "mileage" and "19,999" in err.en
    for km in (-1, "abc", "2000001", ""):
        refused(
            ValidationError, reception.check_in, actor=staff.advisor, ro_id=ro_id, mileage_km=km, fuel_level=4
        )
    refused(
        ValidationError, reception.check_in, actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=9
    )
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km="21,000", fuel_level=4)
    assert Vehicle.get_by_id(vehicle_id).mileage_km == 21_000


@pytest.mark.parametrize(
    "phone",
    [
        "abc",
        "123",
        "138-1234",
        "电话号码",
        "+86 138 1234 567890123",
        "☎️☎️☎️",
        "13812345678; DROP TABLE customer",
    ],
)
def test_phone_garbage_is_refused(staff: Staff, phone: str) -> None:
    err = refused(ValidationError, customers.create_customer, actor=staff.advisor, name="张伟", phone=phone)
    assert err.field == "phone"


@pytest.mark.parametrize(("typed", "stored"), [("13812345678", "+8613812345678"),
                                               ("+86 138-1234-5678", "+8613812345678"),
                                               ("010 6552 9988", "+861065529988"),
                                               ("", "")])  # fmt: skip
def test_phones_are_stored_in_e164(staff: Staff, typed: str, stored: str) -> None:
    assert new_customer(staff, "张伟", phone=typed).phone == stored


def test_stale_version_is_refused_and_keeps_the_newer_save(staff: Staff) -> None:
    c = customers.create_customer(actor=staff.advisor, name="张伟")
    customers.update_customer(actor=staff.advisor, customer_id=c.id, version=c.version, name="张伟伟")
    with pytest.raises(UserError) as info:
        customers.update_customer(actor=staff.advisor2, customer_id=c.id, version=c.version, name="Zhang Wei")
    assert_bilingual(info.value)
    assert Customer.get_by_id(c.id).name == "张伟伟"


# -- database URLs ------------------------------------------------------------------------------


def test_unreachable_database_gives_a_clear_storage_error(staff: Staff) -> None:
    before = Customer.select().count()
    with pytest.raises(StorageError) as info:
        db.open_database("postgresql://nobody:secret@127.0.0.1:1/nowhere", migrate=False)
    assert_bilingual(info.value)
    assert "Cannot reach the database" in info.value.en and "127.0.0.1/nowhere" in info.value.en
    assert "无法连接数据库" in info.value.zh
    assert "secret" not in info.value.en + info.value.zh  # no password in the message
    # The database in use is untouched and still works.
    customers.create_customer(actor=staff.advisor, name="still here")
    assert Customer.select().count() == before + 1


@pytest.mark.parametrize(
    "url", ["mysql://root@localhost/advisor", "advisor.db", "http://x/y", "oracle://scott:tiger@db/orcl"]
)
def test_unsupported_database_url_is_refused(staff: Staff, url: str) -> None:
    with pytest.raises(UserError) as info:
        db.open_database(url, migrate=False)
    assert type(info.value) in (ValidationError, StorageError)
    assert_bilingual(info.value)
    assert "sqlite:///" in info.value.en and "postgresql://" in info.value.en
    assert Customer.select().count() == 0  # still the test database, nothing written


def test_a_closed_ro_refuses_new_concerns(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    RepairOrder.update(status="closed").where(RepairOrder.id == ro_id).execute()
    from advisor.services import diagnosis

    refused(GateError, diagnosis.record_concern, actor=staff.advisor, ro_id=ro_id, customer_words="又响了")


# -- the customer's words and shared settings ---------------------------------------------------


@pytest.mark.parametrize("words", ["🚗", "张伟 Smith 🚗 “吱吱”\r\n", "=cmd|' /C calc'!A0", "w" * 10_000])
def test_customer_words_are_stored_exactly(staff: Staff, words: str) -> None:
    from advisor.models import Concern
    from advisor.services import diagnosis

    ro_id = factories.open_checked_in(staff)
    cid = diagnosis.record_concern(actor=staff.advisor, ro_id=ro_id, customer_words=words)
    assert Concern.get_by_id(cid).customer_words == words


@pytest.mark.parametrize("words", ["", "  \n\t", "w" * 10_001, "brake\x00noise"])
def test_empty_huge_or_nul_customer_words_are_refused(staff: Staff, words: str) -> None:
    # NUL cannot be stored by PostgreSQL: it must be a plain refusal, not a crash.
    from advisor.services import diagnosis

    ro_id = factories.open_checked_in(staff)
    err = refused(
        ValidationError, diagnosis.record_concern, actor=staff.advisor, ro_id=ro_id, customer_words=words
    )
    assert err.field == "customer_words"


@pytest.mark.parametrize(
    ("key", "value"),
    [("comeback_days", "abc"), ("comeback_days", -1), ("major_change_cents", None),
     ("tax_rate", "abc"), ("tax_rate", "-0.13"), ("tax_rate", "13"), ("warranty", [1, 2]),
     ("warranty", {"minor": ["x", 10]}), ("warranty", {"minor": [3_000]}), ("no_such_key", 1),
     ("bays", 201), ("bays", 0), ("estimate_valid_days", 91), ("lock_idle_minutes", 241)],
)  # fmt: skip
def test_malformed_settings_are_refused(staff: Staff, key: str, value: Any) -> None:
    from advisor.services import settings

    refused(ValidationError, settings.set_setting, actor=staff.manager, key=key, value=value)


def test_a_good_setting_is_stored_with_its_type(staff: Staff) -> None:
    from decimal import Decimal

    from advisor.services import settings

    assert settings.set_setting(actor=staff.manager, key="comeback_days", value="45") == 45
    assert settings.set_setting(actor=staff.manager, key="tax_rate", value="0.09") == Decimal("0.09")


@pytest.mark.parametrize(
    "limits", [{"advisor": "0.9"}, {"advisor": "-0.1"}, {"wizard": "0.1"}, {"advisor": "x"}, ["0.1"]]
)
def test_discount_limits_outside_0_to_50_percent_are_refused(staff: factories.Staff, limits: object) -> None:
    from advisor.errors import ValidationError
    from advisor.services import settings

    before = settings.get_setting("discount_limits")
    with pytest.raises(ValidationError):
        settings.set_setting(actor=staff.admin, key="discount_limits", value=limits)
    assert settings.get_setting("discount_limits") == before


def test_the_lock_after_minutes_go_from_0_to_240_and_outside_is_refused_in_both_languages(
    staff: Staff,
) -> None:
    """The shared PC's "lock the screen after" minutes: 10 by default, 0 (never) to 240;
    a number outside is refused, saying the range, and nothing is saved."""
    from advisor.services import settings

    key = "lock_idle_minutes"
    assert settings.get_setting(key) == 10
    assert settings.set_setting(actor=staff.manager, key=key, value=0) == 0
    assert settings.set_setting(actor=staff.manager, key=key, value="240") == 240
    for bad in (241, -1, 1.5, "ten"):
        with pytest.raises(ValidationError) as info:
            settings.set_setting(actor=staff.manager, key=key, value=bad)
        assert info.value.field == key
        assert_bilingual(info.value)
    with pytest.raises(ValidationError) as info:
        settings.set_setting(actor=staff.manager, key=key, value=241)
    assert info.value.en == "Lock the screen after (minutes without input) must be from 0 to 240."
    assert info.value.zh == "无操作自动锁屏（分钟）须在 0 到 240 之间。"
    assert settings.get_setting(key) == 240
