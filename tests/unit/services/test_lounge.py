"""The lounge screen's read: masked plates, plain words, waiting customers only, in order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import peewee
import pytest

from advisor import auth
from advisor.codes import LoungeStatus, Role
from advisor.models import Customer, RepairOrder, Vehicle, now
from advisor.services import changes, lounge, reception
from advisor.workflow import STEP_LABELS, Step
from tests import factories
from tests.factories import Staff

# -- the plate, masked -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plate", "masked"),
    [
        ("粤A12345", "粤A·····5"),  # the usual blue plate: 4 hidden
        ("粤AD12345", "粤A······5"),  # new energy, 8 characters: 5 hidden
        ("粤AF1234F", "粤A······F"),
        ("京A00001", "京A·····1"),
        ("粤A·12345", "粤A·····5"),  # typed with its dot
        ("粤A 12345", "粤A·····5"),
        (" 粤a-12345 ", "粤A·····5"),  # lower case, a dash, spaces around
        ("粤Ａ１２３４５", "粤A·····5"),  # full-width letters and digits
        ("粤B1234学", "粤B·····学"),  # a learner's car: the last character is a word
        ("粤Z1234港", "粤Z·····港"),
        ("使014578", "使······8"),  # no city letter: only the first character kept
        ("WJ1234", "W·····4"),
        ("ABC123", "A·····3"),
        ("A123", "A····"),  # too short to show both ends: at least 3 hidden
        ("粤A12", "粤····"),
        ("粤A1", "···"),
        ("AB", "··"),
        ("Z", "·"),
        ("", ""),
        ("   ", ""),
        ("·-·", ""),
        ("粤A12345临时牌照测试", "粤A·······试"),  # a long odd entry: at most 6 dots
    ],
)
def test_a_plate_shows_its_province_city_letter_and_last_character_only(plate: str, masked: str) -> None:
    assert lounge.mask_plate(plate) == masked


@pytest.mark.parametrize(
    "plate",
    [
        "粤A12345",
        "粤AD12345",
        "A123",
        "粤A1",
        "AB",
        "Z",
        "使014578",
        "粤A12345临时牌照测试",
        "1234567890ABCDEF",
    ],
)
def test_a_masked_plate_never_shows_more_than_all_but_three_characters(plate: str) -> None:
    shown = [ch for ch in lounge.mask_plate(plate) if ch != lounge.MASK]
    assert len(shown) <= max(0, len(plate) - lounge.MIN_HIDDEN), (plate, shown)
    assert plate[2:-1] not in lounge.mask_plate(plate) or len(plate) < 4


# -- the step in plain words --------------------------------------------------------------


def test_every_step_has_plain_words_none_of_them_the_workshops_own() -> None:
    internal = {w for pair in STEP_LABELS.values() for w in pair}
    for step in Step:
        status = lounge.status_of(int(step))
        assert isinstance(status, LoungeStatus)
        assert status.en not in internal and status.zh not in internal, step
        assert status.en and status.zh


@pytest.mark.parametrize(
    ("step", "en", "zh"),
    [
        (Step.RECEPTION, "Being checked in", "接车检查中"),
        (Step.DIAGNOSIS, "Being diagnosed", "检查诊断中"),
        (Step.ESTIMATE, "Preparing your quote", "正在报价"),
        (Step.PARTS, "Waiting for parts", "等待配件"),
        (Step.ASSIGNMENT, "In the queue for repair", "排队等候维修"),
        (Step.REPAIR, "Being repaired", "维修中"),
        (Step.QC, "Quality check", "质检中"),
        (Step.WASH, "Being washed", "洗车中"),
        (Step.SETTLEMENT, "Ready — please come to the counter", "已完工，请到前台"),
        (Step.HANDOVER, "Ready — please come to the counter", "已完工，请到前台"),
    ],
)
def test_the_words_of_each_step_a_waiting_customer_sees(step: Step, en: str, zh: str) -> None:
    status = lounge.status_of(int(step))
    assert (status.label("en"), status.label("zh_CN")) == (en, zh)


def test_a_change_waiting_for_the_customer_says_the_advisor_will_come() -> None:
    for step in (Step.PARTS, Step.ASSIGNMENT, Step.REPAIR):
        assert lounge.status_of(int(step), awaiting_customer=True) == LoungeStatus.SEE_ADVISOR
    # Once the work is done, the answer no longer holds the car: the step's own words.
    assert lounge.status_of(int(Step.SETTLEMENT), awaiting_customer=True) == LoungeStatus.READY
    assert lounge.status_of(99) == LoungeStatus.CHECKING_IN  # an unknown step, said safely


# -- when it will be ready ---------------------------------------------------------------

AT = dt.datetime(2026, 12, 5, 10, 40)


@pytest.mark.parametrize(
    ("status", "promised", "ready", "soon"),
    [
        (LoungeStatus.READY, AT - dt.timedelta(hours=1), ("Ready now", "现在可取车"), ("", "")),
        (LoungeStatus.REPAIRING, None, ("To be confirmed", "待确认"), ("", "")),
        (LoungeStatus.REPAIRING, AT - dt.timedelta(minutes=1), ("To be confirmed", "待确认"), ("", "")),
        (
            LoungeStatus.REPAIRING,
            AT + dt.timedelta(minutes=20),
            ("11:00", "11:00"),
            ("in about 20 min", "约 20 分钟后"),
        ),
        (
            LoungeStatus.WASHING,
            AT + dt.timedelta(seconds=30),
            ("10:40", "10:40"),
            ("in about 1 min", "约 1 分钟后"),
        ),
        (LoungeStatus.REPAIRING, AT + dt.timedelta(hours=3), ("13:40", "13:40"), ("", "")),
        (LoungeStatus.QUEUED, dt.datetime(2026, 12, 6, 9, 0), ("Tomorrow 09:00", "明天 09:00"), ("", "")),
        (
            LoungeStatus.WAITING_PARTS,
            dt.datetime(2026, 12, 9, 17, 30),
            ("9 Dec 17:30", "12月9日 17:30"),
            ("", ""),
        ),
    ],
)
def test_the_ready_time_in_words(
    status: LoungeStatus, promised: dt.datetime | None, ready: tuple[str, str], soon: tuple[str, str]
) -> None:
    assert lounge.ready_words(status, promised, AT) == (ready, soon)


# -- the read: waiting customers only, ready first, then the soonest promise --------------


def _waits(ro_id: int, *, waits: bool = True, **fields: object) -> int:
    RepairOrder.update(customer_waits=waits, **fields).where(RepairOrder.id == ro_id).execute()
    return ro_id


def _plate(ro_id: int) -> str:
    return str(Vehicle.get_by_id(RepairOrder.get_by_id(ro_id).vehicle_id).plate)


def test_only_todays_open_ros_of_waiting_customers_are_shown(staff: Staff) -> None:
    waiting = factories.open_checked_in(staff)
    _waits(waiting)
    not_waiting = factories.open_checked_in(staff)  # the customer went home
    yesterday = _waits(factories.open_checked_in(staff), arrived_at=now() - dt.timedelta(days=1))
    gone, _ = factories.handed_over(staff)
    _waits(gone)
    view = lounge.read_lounge(actor=staff.advisor)
    assert [c.plate for c in view.cars] == [lounge.mask_plate(_plate(waiting))]
    shown = {lounge.mask_plate(_plate(r)) for r in (not_waiting, yesterday, gone)}
    assert len(shown) == 3 and not shown & {c.plate for c in view.cars}


def test_waiting_at_check_in_puts_the_car_on_the_lounge_screen(staff: Staff) -> None:
    _c, vehicle_id = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    assert lounge.read_lounge(actor=staff.advisor).cars == ()
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, customer_waits=True)
    (car,) = lounge.read_lounge(actor=staff.advisor).cars
    assert car.plate == lounge.mask_plate(_plate(ro_id))
    assert car.status == LoungeStatus.DIAGNOSING
    assert car.car == "Honda Accord 2.0"
    assert car.ready == ("To be confirmed", "待确认")


def test_ready_cars_come_first_then_the_soonest_promise_then_no_promise(staff: Staff) -> None:
    at = now()
    late = _waits(factories.authorised(staff)[0], promised_at=at + dt.timedelta(hours=3))
    soon = _waits(factories.authorised(staff)[0], promised_at=at + dt.timedelta(minutes=30))
    unknown = _waits(factories.open_checked_in(staff))
    ready = _waits(factories.qc_passed(staff)[0], promised_at=at + dt.timedelta(hours=5))
    view = lounge.read_lounge(actor=staff.advisor, now=at)
    assert [c.plate for c in view.cars] == [
        lounge.mask_plate(_plate(r)) for r in (ready, soon, late, unknown)
    ]
    assert [c.status for c in view.cars] == [
        LoungeStatus.READY,
        LoungeStatus.QUEUED,
        LoungeStatus.QUEUED,
        LoungeStatus.QUOTING,
    ]
    assert view.cars[1].soon == ("in about 30 min", "约 30 分钟后")


def test_a_change_waiting_for_the_customer_shows_as_see_your_advisor(staff: Staff) -> None:
    ro_id = _waits(factories.authorised(staff)[0])
    changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="Waiting for the disc / 等配件",
        new_promised_at=now() + dt.timedelta(hours=6),
    )
    (car,) = lounge.read_lounge(actor=staff.advisor).cars
    assert car.status == LoungeStatus.SEE_ADVISOR


def test_the_view_holds_no_name_phone_vin_price_or_number(staff: Staff) -> None:
    ro_id = _waits(factories.authorised(staff)[0])
    ro = RepairOrder.get_by_id(ro_id)
    vehicle = Vehicle.get_by_id(ro.vehicle_id)
    customer = Customer.get_by_id(ro.customer_id)
    view = lounge.read_lounge(actor=staff.advisor)
    (car,) = view.cars
    text = repr(dataclasses.asdict(view))
    for private in (customer.name, customer.phone, vehicle.vin, vehicle.plate, ro.number, "¥"):
        assert private and private not in text, private
    assert car.plate == "京A·····" + vehicle.plate[-1]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_may_show_the_lounge_screen(staff: Staff, role: str) -> None:
    assert auth.may(role, "lounge.view")
    assert lounge.read_lounge(actor=staff.by_role(role)).cars == ()


def test_the_dealers_name_heads_the_screen(staff: Staff, database: peewee.Database) -> None:
    from advisor.services import settings

    settings.set_settings(actor=staff.admin, values={"dealer_name": "广州骏达汽车"})
    assert lounge.read_lounge(actor=staff.cashier).dealer == "广州骏达汽车"
