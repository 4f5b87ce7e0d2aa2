"""The digital inspection (issue 18): one per RO, its items rated with measurements, the
advisor's recommendation, last time's ratings at the next visit; every refusal leaves
every row as it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from advisor import workflow
from advisor.codes import Rating, VehicleKind
from advisor.errors import ConflictError, GateError, NotOwnerError, PermissionDenied, ValidationError
from advisor.inspection_defaults import DEFAULT_CHECKLISTS
from advisor.models import AuditLog, Inspection, InspectionItem, InspectionResult, Vehicle, now
from advisor.services import inspection, orders, reception
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot
from tests.unit.services.test_gates import assert_bilingual


def _result(ro_id: int, key: str) -> int:
    insp = Inspection.get(Inspection.ro == ro_id)
    return int(
        InspectionResult.get((InspectionResult.inspection == insp.id) & (InspectionResult.item_key == key)).id
    )


def _started(staff: Staff, **kw: object) -> int:
    ro_id = factories.open_checked_in(staff, **kw)  # type: ignore[arg-type]
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    return ro_id


# -- the default checklists -------------------------------------------------------------------


def test_every_vehicle_kind_has_its_default_checklist_seeded(database: object) -> None:
    for kind in VehicleKind:
        rows = list(InspectionItem.select().where(InspectionItem.vehicle_kind == kind))
        assert len(rows) == len(DEFAULT_CHECKLISTS[kind]) >= 30, kind
        assert all(r.active and r.name_en and r.name_zh for r in rows)
    keys = {
        k: {r.key for r in InspectionItem.select().where(InspectionItem.vehicle_kind == k)}
        for k in VehicleKind
    }
    assert {"engine_oil", "drive_belt", "air_filter", "exhaust"} <= keys[VehicleKind.CAR]
    assert not {"engine_oil", "drive_belt", "air_filter", "exhaust"} & keys[VehicleKind.EV]
    assert {"hv_cables", "hv_battery_health", "charge_port"} <= keys[VehicleKind.EV]
    assert {"hv_cables", "engine_oil"} <= keys[VehicleKind.HYBRID]
    tread = InspectionItem.get((InspectionItem.vehicle_kind == "car") & (InspectionItem.key == "tread_fl"))
    assert (tread.unit, tread.yellow_at, tread.red_at, tread.lower_is_worse) == (
        "mm",
        Decimal("3"),
        Decimal("1.6"),
        True,
    )
    pads = InspectionItem.get((InspectionItem.vehicle_kind == "car") & (InspectionItem.key == "pads_front"))
    assert (pads.unit, pads.yellow_at, pads.red_at, pads.canned_job) == (
        "mm",
        Decimal("4"),
        Decimal("2"),
        "BRAKE-F",
    )
    fluid = InspectionItem.get((InspectionItem.vehicle_kind == "car") & (InspectionItem.key == "brake_fluid"))
    assert not fluid.lower_is_worse and fluid.red_at > fluid.yellow_at


def test_the_thresholds_suggest_the_rating() -> None:
    d = Decimal
    assert workflow.suggested_rating(d("4.5"), d("3"), d("1.6")) == Rating.GREEN
    assert workflow.suggested_rating(d("3"), d("3"), d("1.6")) == Rating.YELLOW
    assert workflow.suggested_rating(d("1.6"), d("3"), d("1.6")) == Rating.RED
    assert workflow.suggested_rating(d("3.5"), d("2"), d("3"), False) == Rating.RED
    assert workflow.suggested_rating(d("1"), d("2"), d("3"), False) == Rating.GREEN
    assert workflow.suggested_rating(None, d("2"), d("3")) is None
    assert workflow.suggested_rating(d("10"), None, None) is None
    assert workflow.check_measurement(" 3,5 ") == d("3.50")


def test_a_green_plate_tells_electric_from_plug_in_hybrid() -> None:
    assert workflow.kind_by_plate("沪AD12345") == VehicleKind.EV
    assert workflow.kind_by_plate("粤B F12345") == VehicleKind.HYBRID
    assert workflow.kind_by_plate("京A12345D") == VehicleKind.EV  # a large vehicle's: last
    assert workflow.kind_by_plate("京A12345F") == VehicleKind.HYBRID
    assert workflow.kind_by_plate("京A12345") is None
    assert workflow.kind_by_plate("京AB12345") is None
    assert workflow.check_measurement("") is None


# -- starting: one per RO ---------------------------------------------------------------------


def test_starting_copies_the_active_items_of_the_vehicle_kind_once(staff: Staff) -> None:
    InspectionItem.update(active=False).where(
        (InspectionItem.vehicle_kind == "ev") & (InspectionItem.key == "charge_port")
    ).execute()
    _c, vehicle_id = factories.make_customer_vehicle(staff)
    Vehicle.update(kind="ev").where(Vehicle.id == vehicle_id).execute()
    ro_id = factories.open_checked_in(staff, vehicle_id=vehicle_id)
    first = inspection.start_inspection(actor=staff.technician, ro_id=ro_id, stage="diagnosis")
    again = inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    assert first == again
    view = orders.get_ro_view(ro_id).inspection
    assert view is not None and view.id == first
    assert (view.vehicle_kind, view.stage, view.started_by) == ("ev", "diagnosis", "赵磊")
    keys = [r.item_key for r in view.results]
    assert len(keys) == len(DEFAULT_CHECKLISTS[VehicleKind.EV]) - 1
    assert "charge_port" not in keys and "engine_oil" not in keys and "hv_cables" in keys
    assert [r.seq for r in view.results] == sorted(r.seq for r in view.results)
    assert all(r.rating == "" for r in view.results)
    starts = AuditLog.select().where(
        (AuditLog.entity == "inspection") & (AuditLog.action == "start_inspection")
    )
    assert starts.count() == 1


def test_only_those_who_inspect_may_start_one(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    before = db_snapshot()
    for actor in (staff.cashier, staff.parts, staff.admin):
        with pytest.raises(PermissionDenied) as info:
            inspection.start_inspection(actor=actor, ro_id=ro_id)
        assert_bilingual(info.value)
    with pytest.raises(NotOwnerError):
        inspection.start_inspection(actor=staff.advisor2, ro_id=ro_id)
    with pytest.raises(ValidationError):
        inspection.start_inspection(actor=staff.advisor, ro_id=ro_id, stage="lunch")
    assert db_snapshot() == before
    for actor in (staff.foreman, staff.manager):
        assert inspection.start_inspection(actor=actor, ro_id=ro_id)


def test_a_kind_without_active_items_is_refused_with_what_to_do(staff: Staff) -> None:
    InspectionItem.update(active=False).where(InspectionItem.vehicle_kind == "car").execute()
    ro_id = factories.open_checked_in(staff)
    before = db_snapshot()
    with pytest.raises(GateError) as info:
        inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    assert "service manager" in info.value.en and "服务经理" in info.value.zh
    assert db_snapshot() == before


# -- rating -----------------------------------------------------------------------------------


def test_rating_an_item_keeps_rating_measurement_note_and_who(staff: Staff) -> None:
    ro_id = _started(staff)
    tread = _result(ro_id, "tread_fl")
    inspection.rate_item(
        actor=staff.technician, result_id=tread, rating="red", measurement=Decimal("1.4"), note="内侧磨损"
    )
    inspection.rate_item(
        actor=staff.advisor, result_id=_result(ro_id, "wipers"), rating="yellow", note="Streaks"
    )
    inspection.rate_item(
        actor=staff.advisor, result_id=_result(ro_id, "pads_front"), rating="red", measurement="2,5"
    )
    view = inspection.read_inspection(actor=staff.technician, ro_id=ro_id)
    assert view is not None
    by_key = {r.item_key: r for r in view.results}
    assert (by_key["tread_fl"].rating, by_key["tread_fl"].measurement, by_key["tread_fl"].note) == (
        "red",
        Decimal("1.40"),
        "内侧磨损",
    )
    assert by_key["tread_fl"].rated_by == "赵磊" and by_key["tread_fl"].rated_at is not None
    assert by_key["tread_fl"].unit == "mm" and by_key["tread_fl"].red_at == Decimal("1.6")
    assert by_key["pads_front"].measurement == Decimal("2.50")
    assert (view.count("red"), view.count("yellow")) == (2, 1)
    row = (
        AuditLog.select()
        .where((AuditLog.entity == "inspection_result") & (AuditLog.entity_id == tread))
        .get()
    )
    assert row.action == "rate_item" and row.ro_id == ro_id and "1.40" in row.new_json


@pytest.mark.parametrize(
    ("rating", "measurement", "note"),
    [
        ("blue", None, ""),
        ("", None, ""),
        ("RED", None, ""),
        ("red", Decimal("NaN"), ""),
        ("red", Decimal("Infinity"), ""),
        ("red", Decimal("-0.5"), ""),
        ("red", Decimal("10000"), ""),
        ("red", Decimal("1e30"), ""),
        ("red", "three", ""),
        ("red", "nan", ""),
        ("red", None, "x" * 1_001),
    ],
)
def test_bad_ratings_and_measurements_are_refused_and_nothing_changes(
    staff: Staff, rating: str, measurement: object, note: str
) -> None:
    ro_id = _started(staff)
    tread = _result(ro_id, "tread_fl")
    before = db_snapshot()
    with pytest.raises(ValidationError) as info:
        inspection.rate_item(
            actor=staff.technician,
            result_id=tread,
            rating=rating,
            measurement=measurement,  # type: ignore[arg-type]
            note=note,
        )
    assert_bilingual(info.value)
    assert db_snapshot() == before


def test_a_measurement_on_an_item_without_a_unit_goes_in_the_note(staff: Staff) -> None:
    ro_id = _started(staff)
    before = db_snapshot()
    with pytest.raises(ValidationError) as info:
        inspection.rate_item(
            actor=staff.advisor, result_id=_result(ro_id, "wipers"), rating="yellow", measurement=Decimal("3")
        )
    assert "note" in info.value.en and "备注" in info.value.zh
    assert db_snapshot() == before


def test_nobody_changes_the_inspection_after_the_handover(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    before = db_snapshot()
    with pytest.raises(GateError):
        inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    assert db_snapshot() == before


def test_an_inspection_started_before_the_handover_is_frozen_after_it(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    tread = _result(ro_id, "tread_fl")
    from advisor.services import settlement

    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    before = db_snapshot()
    for call in (
        lambda: inspection.rate_item(actor=staff.technician, result_id=tread, rating="green"),
        lambda: inspection.set_recommendation(actor=staff.advisor, ro_id=ro_id, text="Tyres soon"),
        lambda: inspection.finish_inspection(actor=staff.advisor, ro_id=ro_id),
    ):
        with pytest.raises(GateError) as info:
            call()
        assert info.value.en == "The car has been handed over: its inspection can no longer be changed."
    assert db_snapshot() == before


def test_an_item_that_became_work_keeps_its_rating(staff: Staff) -> None:
    ro_id = _started(staff)
    pads = _result(ro_id, "pads_front")
    inspection.rate_item(actor=staff.advisor, result_id=pads, rating="red", measurement=Decimal("1.8"))
    InspectionResult.update(line=12345).where(InspectionResult.id == pads).execute()  # as findings does
    before = db_snapshot()
    with pytest.raises(GateError):
        inspection.rate_item(actor=staff.advisor, result_id=pads, rating="green", measurement=Decimal("1.8"))
    assert db_snapshot() == before
    inspection.rate_item(actor=staff.advisor, result_id=pads, rating="red", measurement=Decimal("1.7"))


# -- the recommendation and finishing -----------------------------------------------------------


def test_the_recommendation_is_kept_and_a_stale_save_is_a_conflict(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    before = db_snapshot()
    with pytest.raises(GateError):
        inspection.set_recommendation(actor=staff.advisor, ro_id=ro_id, text="x")
    assert db_snapshot() == before
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    seen = inspection.inspection_of(ro_id)
    assert seen is not None
    inspection.set_recommendation(
        actor=staff.advisor, ro_id=ro_id, text="前刹车片需立即更换；轮胎三个月内更换。", version=seen.version
    )
    before = db_snapshot()
    with pytest.raises(ConflictError):
        inspection.set_recommendation(
            actor=staff.manager, ro_id=ro_id, text="Other words", version=seen.version
        )
    assert db_snapshot() == before
    view = inspection.inspection_of(ro_id)
    assert view is not None and view.recommendation == "前刹车片需立即更换；轮胎三个月内更换。"


def test_finishing_needs_every_item_rated(staff: Staff) -> None:
    ro_id = _started(staff)
    before = db_snapshot()
    with pytest.raises(GateError) as info:
        inspection.finish_inspection(actor=staff.advisor, ro_id=ro_id)
    assert "Rate every item" in info.value.en and "more" in info.value.en
    assert db_snapshot() == before
    view = inspection.inspection_of(ro_id)
    assert view is not None
    for r in view.results:
        inspection.rate_item(actor=staff.technician, result_id=r.id, rating="green" if r.unit else "na")
    inspection.finish_inspection(actor=staff.technician, ro_id=ro_id)
    done = inspection.inspection_of(ro_id)
    assert done is not None and done.finished_by == "赵磊" and done.finished_at is not None
    with pytest.raises(GateError):
        inspection.finish_inspection(actor=staff.advisor, ro_id=ro_id)


# -- the next visit ---------------------------------------------------------------------------


def test_the_next_visit_shows_what_was_yellow_and_red_last_time(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    vehicle_id = orders.get_ro_view(ro_id).vehicle.id
    # The first visit's inspection, done before its handover.
    Inspection.create(
        ro=ro_id, vehicle=vehicle_id, vehicle_kind="car", started_by=staff.advisor.user_id,
        started_at=now() - dt.timedelta(days=90),
    )  # fmt: skip
    insp = Inspection.get(Inspection.ro == ro_id)
    for key, rating, value in (
        ("tread_fl", "yellow", "2.8"),
        ("pads_front", "red", "1.9"),
        ("wipers", "green", None),
    ):
        InspectionResult.create(
            inspection=insp.id, item_key=key, name_en=key, name_zh=key, unit="mm" if value else "",
            rating=rating, measurement=Decimal(value) if value else None,
        )  # fmt: skip
    new_ro = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    inspection.start_inspection(actor=staff.advisor, ro_id=new_ro)
    view = inspection.inspection_of(new_ro)
    assert view is not None
    by_key = {r.item_key: r for r in view.results}
    assert (by_key["tread_fl"].last_rating, by_key["tread_fl"].last_measurement) == (
        "yellow",
        Decimal("2.80"),
    )
    assert by_key["pads_front"].last_rating == "red"
    assert by_key["wipers"].last_rating == "green"
    assert by_key["coolant"].last_rating is None
    found = inspection.read_previous_findings(actor=staff.advisor, vehicle_id=vehicle_id, before_ro_id=new_ro)
    assert [(f.item_key, f.rating, f.ro_id) for f in found] == [
        ("tread_fl", "yellow", ro_id),
        ("pads_front", "red", ro_id),
    ]
    assert (
        inspection.read_previous_findings(actor=staff.advisor, vehicle_id=vehicle_id, before_ro_id=ro_id)
        == ()
    )


def test_a_vehicle_of_an_unknown_kind_is_refused_beside_the_kind(staff: Staff) -> None:
    from advisor.services import customers

    cid, vid = factories.make_customer_vehicle(staff)
    version = customers.get_vehicle(vid).version
    before = db_snapshot()
    for call in (
        lambda: customers.add_vehicle(
            actor=staff.advisor,
            customer_id=cid,
            vin=factories.valid_vin(4242),
            plate="京B42424",
            kind="truck",
        ),
        lambda: customers.register_walk_in(
            actor=staff.advisor, vin=factories.valid_vin(4243), plate="京B42425", name="王五", kind="diesel"
        ),
        lambda: customers.update_vehicle(actor=staff.advisor, vehicle_id=vid, version=version, kind=""),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.field == "kind"
        assert_bilingual(info.value)
    assert db_snapshot() == before
    added, _w = customers.add_vehicle(
        actor=staff.advisor, customer_id=cid, vin=factories.valid_vin(4244), plate="京B42426", kind="hybrid"
    )
    assert added.kind == "hybrid"
