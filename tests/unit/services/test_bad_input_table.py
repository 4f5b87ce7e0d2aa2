"""The bad-input table (issue 13, item 8): what a careless caller, a broken form or an
attacker hands the services — floats, NaN, booleans and text for money; absurd prices,
quantities, mileage and dates; NUL and lone surrogates; megabyte strings; wrong types;
the first-run set-up after the first run; parts moved without permission.

Every case must end in a ``UserError`` (never another exception) with a message in both
languages, and leave every table exactly as it was (row count and a checksum of the rows).
The README's robustness section quotes the number of kinds (``len(CASES)``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

import pytest

from advisor.errors import UserError
from advisor.models import ALL_MODELS, EstimateLine, Payment, now
from advisor.services import (
    appointments,
    changes,
    customers,
    diagnosis,
    estimate,
    parts,
    reception,
    settings,
    settlement,
    solicitation,
    users,
    workshop,
)
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import Staff

NAN, INF = float("nan"), float("inf")
MB = "x" * 1_000_000
NUL = "a\x00b"
SURROGATE = "ab\ud83d"  # half an emoji
FAR = dt.datetime(9999, 12, 31, 23, 30)
ANCIENT = dt.datetime(1, 1, 1)

# Wrong money: fractions, floats, NaN, infinities, booleans, text, absurd sizes.
BAD_MONEY: list[Any] = [
    0.5,
    99.99,
    100.0,
    True,
    False,
    NAN,
    INF,
    -INF,
    Decimal("0.5"),
    Decimal("100"),
    Decimal("NaN"),
    "100",
    10**18,
    10**20,
    -(10**18),
    [100],
]
BAD_TEXT: list[Any] = [NUL, SURROGATE, MB]
BAD_INT: list[Any] = ["abc", "12", 1.5, NAN, True, 10**20, Decimal("1.5"), None]


class World:
    """What a case needs, built on first use (each case starts from an empty database)."""

    def __init__(self, staff: Staff) -> None:
        self.staff = staff

    @cached_property
    def customer_vehicle(self) -> tuple[int, int]:
        return factories.make_customer_vehicle(self.staff)

    @cached_property
    def opened(self) -> int:
        return reception.open_repair_order(actor=self.staff.advisor, vehicle_id=self.customer_vehicle[1])

    @cached_property
    def checked_in(self) -> int:
        return factories.open_checked_in(self.staff)

    @cached_property
    def estimated(self) -> tuple[int, list[int]]:
        return factories.estimated(self.staff)

    @cached_property
    def authorised(self) -> tuple[int, list[int]]:
        return factories.authorised(self.staff)

    @cached_property
    def to_pay(self) -> int:
        ro_id, _lines = factories.qc_passed(self.staff)
        settlement.settle(actor=self.staff.advisor, ro_id=ro_id)
        settlement.explain_items(actor=self.staff.advisor, ro_id=ro_id)
        return ro_id

    @cached_property
    def payment(self) -> int:
        ro_id = self.to_pay
        settlement.pay(actor=self.staff.cashier, ro_id=ro_id, method="cash", amount_cents=1_000)
        return int(Payment.select().order_by(Payment.id.desc()).first().id)

    @cached_property
    def part_line(self) -> EstimateLine:
        _ro, lines = self.authorised
        return EstimateLine.get_by_id(lines[1])


@dataclass(frozen=True)
class Case:
    kind: str
    call: Callable[[World], tuple[Callable[..., Any], dict[str, Any]]]


CASES: list[Case] = []


def case(kind: str, call: Callable[[World], tuple[Callable[..., Any], dict[str, Any]]]) -> None:
    CASES.append(Case(kind, call))


def each(
    prefix: str, values: list[Any], make: Callable[[World, Any], tuple[Callable[..., Any], dict[str, Any]]]
) -> None:
    for i, value in enumerate(values):
        case(f"{prefix}[{i}:{_label(value)}]", lambda w, v=value: make(w, v))


def _label(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 20 else f"{type(value).__name__}*{len(text)}"


# -- customers ----------------------------------------------------------------------------
def _customer(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return customers.create_customer, {"actor": w.staff.advisor, "name": "张伟", **kw}


for field in ("name", "email", "wechat", "phone"):
    each(f"create_customer.{field}", BAD_TEXT, lambda w, v, f=field: _customer(w, **{f: v}))
each("create_customer.email_too_long", ["a" * 190 + "@example.com"], lambda w, v: _customer(w, email=v))
each("create_customer.wechat_too_long", ["w" * 65], lambda w, v: _customer(w, wechat=v))
each("create_customer.marketing_consent", ["yes", None], lambda w, v: _customer(w, marketing_consent=v))
each("create_customer.preferred_channel", [NUL, 5], lambda w, v: _customer(w, preferred_channel=v))


def _update_customer(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    c = customers.get_customer(w.customer_vehicle[0])
    return customers.update_customer, {
        "actor": w.staff.advisor,
        "customer_id": c.id,
        "version": c.version,
        **kw,
    }


each("update_customer.address", [*BAD_TEXT, "街" * 301], lambda w, v: _update_customer(w, address=v))
each("update_customer.email", [MB, NUL], lambda w, v: _update_customer(w, email=v))
each("update_customer.version", ["1", 1.0], lambda w, v: _update_customer(w, version=v))
case(
    "update_customer.customer_id_text",
    lambda w: (
        customers.update_customer,
        {"actor": w.staff.advisor, "customer_id": "1", "version": 0, "email": "a@b.cn"},
    ),
)


# -- vehicles ------------------------------------------------------------------------------
def _vehicle(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return customers.add_vehicle, {
        "actor": w.staff.advisor,
        "customer_id": w.customer_vehicle[0],
        "vin": factories.valid_vin(5151),
        "plate": "京B51515",
        **kw,
    }


each("add_vehicle.vin", BAD_TEXT, lambda w, v: _vehicle(w, vin=v))
each("add_vehicle.plate", BAD_TEXT, lambda w, v: _vehicle(w, plate=v))
each("add_vehicle.make", BAD_TEXT, lambda w, v: _vehicle(w, make=v))
each("add_vehicle.model", [MB, NUL], lambda w, v: _vehicle(w, model=v))
each("add_vehicle.year", ["abc", "2020", 2020.5, True, 10**20], lambda w, v: _vehicle(w, year=v))
each("add_vehicle.mileage_km", [-1, 10**12, 1.5, NAN, "abc", True], lambda w, v: _vehicle(w, mileage_km=v))
each("add_vehicle.customer_id", ["abc", 10**20, None], lambda w, v: _vehicle(w, customer_id=v))


# -- reception and diagnosis ---------------------------------------------------------------
def _check_in(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return reception.check_in, {
        "actor": w.staff.advisor,
        "ro_id": w.opened,
        "mileage_km": 21_000,
        "fuel_level": 4,
        **kw,
    }


each("check_in.mileage_km", [-5, 10**12, 2.5, "many"], lambda w, v: _check_in(w, mileage_km=v))
each("check_in.fuel_level", ["full", 1.5, 10**20], lambda w, v: _check_in(w, fuel_level=v))
each("check_in.valuables", BAD_TEXT, lambda w, v: _check_in(w, valuables=v))
each("check_in.approval_contact", [NUL, "c" * 65], lambda w, v: _check_in(w, approval_contact=v))
each(
    "check_in.body_damage",
    [[{"where": NUL}], [{"where": SURROGATE}]],
    lambda w, v: _check_in(w, body_damage=v),
)
each(
    "open_repair_order.vehicle_id",
    ["1", 1.0, 10**20],
    lambda w, v: (reception.open_repair_order, {"actor": w.staff.advisor, "vehicle_id": v}),
)


def _concern(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return diagnosis.record_concern, {
        "actor": w.staff.advisor,
        "ro_id": w.opened,
        "customer_words": "异响",
        **kw,
    }


each("record_concern.customer_words", BAD_TEXT, lambda w, v: _concern(w, customer_words=v))
each("record_concern.restatement", [NUL, SURROGATE], lambda w, v: _concern(w, restatement=v))


# -- estimate ------------------------------------------------------------------------------
def _line(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return estimate.add_line, {
        "actor": w.staff.advisor,
        "ro_id": w.checked_in,
        "kind": "labour",
        "description": "Replace pads",
        "quantity": "1",
        "unit_price_cents": 18_000,
        **kw,
    }


each("add_line.unit_price_cents", [*BAD_MONEY, 1_000_000_001], lambda w, v: _line(w, unit_price_cents=v))
each(
    "add_line.quantity",
    [NAN, INF, 1.5, 10**20, Decimal("Infinity"), Decimal("-Infinity"), "1e400", [1]],
    lambda w, v: _line(w, quantity=v),
)
case("add_line.amount_over_10M", lambda w: _line(w, quantity="10000", unit_price_cents=200_000))
each("add_line.description", BAD_TEXT, lambda w, v: _line(w, description=v))
each("add_line.code", [*BAD_TEXT, "C" * 41], lambda w, v: _line(w, code=v))
each("add_line.skill", [MB, NUL], lambda w, v: _line(w, skill=v))
each("add_line.kind", [NUL, 3], lambda w, v: _line(w, kind=v))


def _update_line(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    _ro_id, lines = w.estimated
    line = EstimateLine.get_by_id(lines[0])
    return estimate.update_line, {"actor": w.staff.advisor, "line_id": line.id, "version": line.version, **kw}


each(
    "update_line.unit_price_cents",
    [0.5, True, NAN, "100", 10**18],
    lambda w, v: _update_line(w, unit_price_cents=v),
)
each("update_line.quantity", [NAN, 2.5], lambda w, v: _update_line(w, quantity=v))
case("update_line.amount_over_10M", lambda w: _update_line(w, quantity="9999", unit_price_cents=999_999))
each("update_line.description", [NUL, MB], lambda w, v: _update_line(w, description=v))


def _terms(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    ro_id, _lines = w.estimated
    return estimate.set_terms, {
        "actor": w.staff.advisor,
        "ro_id": ro_id,
        "price_low_cents": 10_000,
        "price_high_cents": 20_000,
        "promised_at": now() + dt.timedelta(hours=3),
        **kw,
    }


each("set_terms.price_high_cents", [0.5, NAN, 10**20, "20000"], lambda w, v: _terms(w, price_high_cents=v))
each(
    "set_terms.promised_at",
    [FAR, ANCIENT, "2026-12-01 09:00", dt.date(2026, 12, 1)],
    lambda w, v: _terms(w, promised_at=v),
)


def _authorise(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    ro_id, lines = w.estimated
    return estimate.authorise_estimate, {
        "actor": w.staff.advisor,
        "ro_id": ro_id,
        "decisions": {i: "approved" for i in lines},
        "customer_name": "张伟",
        "method": "in_person",
        "promised_at": now() + dt.timedelta(hours=4),
        "signature": factories.signature(),
        **kw,
    }


each("authorise.customer_name", BAD_TEXT, lambda w, v: _authorise(w, customer_name=v))
each("authorise.promised_at", [FAR, "tomorrow"], lambda w, v: _authorise(w, promised_at=v))
case(
    "authorise.decisions_nul", lambda w: _authorise(w, decisions={i: "approved\x00" for i in w.estimated[1]})
)


# -- settlement and payments ---------------------------------------------------------------
def _pay(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return settlement.pay, {
        "actor": w.staff.cashier,
        "ro_id": w.to_pay,
        "method": "cash",
        "amount_cents": 1_000,
        **kw,
    }


each("pay.amount_cents", [*BAD_MONEY, None, 1_000_000_001], lambda w, v: _pay(w, amount_cents=v))
each("pay.method", [NUL, SURROGATE], lambda w, v: _pay(w, method=v))
each("pay.reference", BAD_TEXT, lambda w, v: _pay(w, reference=v))
each("pay.ro_id", ["1", 1.0, True], lambda w, v: _pay(w, ro_id=v))


def _settle(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    ro_id, _lines = factories.qc_passed(w.staff)
    return settlement.settle, {"actor": w.staff.manager, "ro_id": ro_id, **kw}


each(
    "settle.discount_cents",
    [0.5, True, NAN, 10**20, "500"],
    lambda w, v: _settle(w, discount_cents=v, discount_reason="老客户"),
)
each("settle.discount_reason", [NUL, MB], lambda w, v: _settle(w, discount_cents=100, discount_reason=v))


def _refund(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return settlement.refund, {
        "actor": w.staff.cashier,
        "payment_id": w.payment,
        "amount_cents": -100,
        "reason": "退款",
        **kw,
    }


each("refund.amount_cents", [-0.5, NAN, True, "-100", -(10**20)], lambda w, v: _refund(w, amount_cents=v))
each("refund.reason", [NUL, SURROGATE], lambda w, v: _refund(w, reason=v))


# -- appointments ---------------------------------------------------------------------------
def _book(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    c, v = w.customer_vehicle
    day = (now() + dt.timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    return appointments.book_appointment, {
        "actor": w.staff.advisor,
        "customer_id": c,
        "vehicle_id": v,
        "starts_at": day,
        "requested_work": "保养",
        **kw,
    }


each(
    "book.starts_at",
    [FAR, ANCIENT, dt.datetime(2199, 1, 1, 9), "2026-12-01 09:00", None],
    lambda w, v: _book(w, starts_at=v),
)
each("book.duration_min", ["abc", 1.5, 10**9, NAN], lambda w, v: _book(w, duration_min=v))
each("book.estimated_cents", [0.5, 10**20, True, NAN], lambda w, v: _book(w, estimated_cents=v))
each("book.requested_work", BAD_TEXT, lambda w, v: _book(w, requested_work=v))
each("book.special_care", [NUL, SURROGATE], lambda w, v: _book(w, special_care=v))
each("book.requested_at", [FAR], lambda w, v: _book(w, requested_at=v))


# -- parts ----------------------------------------------------------------------------------
def _part(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return parts.add_part, {
        "actor": w.staff.parts,
        "number": "P-BAD-1",
        "name_en": "Filter",
        "name_zh": "滤清器",
        "price_cents": 5_000,
        **kw,
    }


each("add_part.number", [*BAD_TEXT, "P" * 41], lambda w, v: _part(w, number=v))
each("add_part.bin", [*BAD_TEXT, "B" * 21], lambda w, v: _part(w, bin=v))
each("add_part.name_zh", [NUL, SURROGATE], lambda w, v: _part(w, name_zh=v))
each(
    "add_part.price_cents",
    [0.5, 99.99, True, NAN, INF, Decimal("0.5"), "5000", 10**18, 1_000_000_001],
    lambda w, v: _part(w, price_cents=v),
)


def _receive(w: World, quantity: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return parts.receive_stock, {
        "actor": w.staff.parts,
        "part_id": w.part_line.__data__["part"],
        "quantity": quantity,
    }


each("receive_stock.quantity", ["abc", 1.5, NAN, 10**9, True], _receive)
case("supply_line.cashier", lambda w: (parts.supply_line, {"line": w.part_line, "actor": w.staff.cashier}))
case(
    "issue_for_line.cashier",
    lambda w: (parts.issue_for_line, {"line": w.part_line, "actor": w.staff.cashier}),
)


# -- workshop, changes, campaigns -----------------------------------------------------------
def _assign(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    _ro, lines = w.authorised
    start = now()
    return workshop.assign, {
        "actor": w.staff.foreman,
        "line_id": lines[0],
        "technician_id": w.staff.tech_ids[0],
        "bay_id": None,
        "planned_start": start,
        "planned_end": start + dt.timedelta(hours=1),
        **kw,
    }


each("assign.planned_end", [FAR, "later"], lambda w, v: _assign(w, planned_end=v))
each("assign.technician_id", ["abc", 10**20], lambda w, v: _assign(w, technician_id=v))


def _change(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    ro_id, _lines = w.authorised
    return changes.request_change, {
        "actor": w.staff.foreman,
        "ro_id": ro_id,
        "kind": "extra_work",
        "reason": "刹车盘磨损",
        **kw,
    }


each("request_change.reason", BAD_TEXT, lambda w, v: _change(w, reason=v))
each("request_change.lines", [
    [{"kind": "labour", "description": "盘", "quantity": "1", "unit_price_cents": 0.5}],
    [{"kind": "labour", "description": "盘", "quantity": "1", "unit_price_cents": NAN}],
    [{"kind": "labour", "description": NUL, "quantity": "1", "unit_price_cents": 100}],
    [{"kind": "labour", "description": "盘", "quantity": NAN, "unit_price_cents": 100}],
], lambda w, v: _change(w, lines=v))  # fmt: skip
each("request_change.new_promised_at", [FAR], lambda w, v: _change(w, kind="delay", new_promised_at=v))


def _campaign(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return solicitation.add_campaign, {
        "actor": w.staff.manager,
        "code": "R-1",
        "kind": "recall",
        "title_en": "Airbag",
        "title_zh": "气囊",
        "starts_on": dt.date(2026, 1, 1),
        "ends_on": dt.date(2026, 12, 31),
        **kw,
    }


each("add_campaign.ends_on", [dt.date(9999, 12, 31), "2026-12-31"], lambda w, v: _campaign(w, ends_on=v))
each("add_campaign.title_zh", [NUL, SURROGATE, MB], lambda w, v: _campaign(w, title_zh=v))
each("add_campaign.vin_from", [MB], lambda w, v: _campaign(w, vin_from=v))


# -- users and settings ---------------------------------------------------------------------
def _user(w: World, **kw: Any) -> tuple[Callable[..., Any], dict[str, Any]]:
    return users.add_user, {
        "actor": w.staff.admin,
        "username": "wang",
        "display_name": "王",
        "role": "advisor",
        "password": "correct horse battery",
        **kw,
    }


each("add_user.username", BAD_TEXT, lambda w, v: _user(w, username=v))
each("add_user.display_name", [NUL, SURROGATE], lambda w, v: _user(w, display_name=v))
each("add_user.password", [NUL + "longenough", "p" * 2_000], lambda w, v: _user(w, password=v))
each(
    "set_setting.value",
    [NAN, NUL, SURROGATE, MB],
    lambda w, v: (settings.set_setting, {"actor": w.staff.admin, "key": "dealer_address", "value": v}),
)
each(
    "set_setting.labour_rate_cents",
    [0.5, True, 10**20],
    lambda w, v: (settings.set_setting, {"actor": w.staff.admin, "key": "labour_rate_cents", "value": v}),
)
case(
    "set_up_dealer.after_first_run",
    lambda w: (
        settings.set_up_dealer,
        {"name": "Intruder Motors", "address": "x", "phone": "1", "tax_no": "t", "labour_rate_cents": 1},
    ),
)
case(
    "set_up_dealer.technician",
    lambda w: (
        settings.set_up_dealer,
        {
            "actor": w.staff.technician,
            "name": "Intruder Motors",
            "address": "x",
            "phone": "1",
            "tax_no": "t",
            "labour_rate_cents": 1,
        },
    ),
)
case(
    "set_up_dealer.address_mb",
    lambda w: (
        settings.set_up_dealer,
        {
            "actor": w.staff.admin,
            "name": "星辉",
            "address": MB,
            "phone": "1",
            "tax_no": "t",
            "labour_rate_cents": 1,
        },
    ),
)
case(
    "set_up_dealer.rate_float",
    lambda w: (
        settings.set_up_dealer,
        {
            "actor": w.staff.admin,
            "name": "星辉",
            "address": "x",
            "phone": "1",
            "tax_no": "t",
            "labour_rate_cents": 0.5,
        },
    ),
)


# -- the check ------------------------------------------------------------------------------


def fingerprint() -> dict[str, tuple[int, str]]:
    """Every table's row count and a checksum of its rows (in primary-key order)."""
    out = {}
    for model in ALL_MODELS:
        rows = list(model.select().order_by(model._meta.primary_key).tuples())
        out[model._meta.table_name] = (
            len(rows),
            hashlib.sha256(repr(rows).encode("utf-8", "backslashreplace")).hexdigest(),
        )
    return out


def test_the_table_is_big_enough_and_each_kind_named_once() -> None:
    assert len(CASES) >= 150
    assert len({c.kind for c in CASES}) == len(CASES)


@pytest.mark.parametrize("bad", CASES, ids=[c.kind for c in CASES])
def test_bad_input_is_answered_in_both_languages_and_writes_nothing(staff: Staff, bad: Case) -> None:
    fn, kwargs = bad.call(World(staff))
    before = fingerprint()
    try:
        fn(**kwargs)
    except UserError as err:
        assert err.en.strip() and err.zh.strip() and err.en != err.zh, (err.en, err.zh)
    except Exception as exc:  # the point: nothing but a UserError
        pytest.fail(f"{bad.kind}: {type(exc).__name__}: {exc!s:.200}")
    else:
        pytest.fail(f"{bad.kind}: accepted")
    assert fingerprint() == before, f"{bad.kind}: a refused call changed the database"


def test_the_view_after_a_refused_payment_still_adds_up(staff: Staff) -> None:
    """After the whole family of bad payments the settlement takes the right one."""
    w = World(staff)
    ro_id = w.to_pay
    for value in BAD_MONEY:
        with pytest.raises(UserError):
            settlement.pay(actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=value)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=total)
    assert sum(p.amount_cents for p in Payment.select()) == total
