"""Corrections after the fact: a vehicle's details edited (compare-and-set on its version,
every refused field at once, nothing saved on a refusal) and a repair order handed over to
another advisor (a reason, an active advisor, audited, refused once the car is gone)."""

from __future__ import annotations

import json

import pytest

from advisor.errors import ConflictError, DuplicateVehicle, FieldErrors, GateError, ValidationError
from advisor.models import AuditLog, MileageReading
from advisor.services import customers, reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import Staff
from tests.unit.services.test_gates import assert_bilingual, refused


def _audit(action: str, entity_id: int) -> list[AuditLog]:
    return list(AuditLog.select().where((AuditLog.action == action) & (AuditLog.entity_id == entity_id)))


# ---- a vehicle's details ----------------------------------------------------------------
def test_every_detail_of_a_vehicle_can_be_corrected(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    before = customers.get_vehicle(vid)
    after = customers.update_vehicle(
        actor=staff.advisor,
        vehicle_id=vid,
        version=before.version,
        vin=factories.valid_vin(4242).lower(),
        plate="沪a 12345",
        make=" Honda ",
        model="Civic",
        year=2019,
        mileage_km=before.mileage_km + 500,
    )
    stored = customers.get_vehicle(vid)
    assert stored == after
    assert (stored.vin, stored.plate, stored.make, stored.model, stored.year) == (
        factories.valid_vin(4242),
        "沪A12345",
        "Honda",
        "Civic",
        2019,
    )
    assert stored.mileage_km == before.mileage_km + 500 and stored.version == before.version + 1
    reading = (
        MileageReading.select().where(MileageReading.vehicle == vid).order_by(MileageReading.id.desc()).get()
    )
    assert (reading.km, reading.source) == (before.mileage_km + 500, "correction")
    (row,) = _audit("update_vehicle", vid)
    assert json.loads(row.old_json)["plate"] == before.plate
    assert json.loads(row.new_json)["plate"] == "沪A12345"
    # The year can be made unknown again (0), and only what changed is written.
    customers.update_vehicle(
        actor=staff.advisor, vehicle_id=vid, version=stored.version, year=0, plate=stored.plate
    )
    assert customers.get_vehicle(vid).year is None
    assert json.loads(_audit("update_vehicle", vid)[-1].new_json) == {"year": None}


def test_a_vin_with_a_wrong_check_digit_is_saved_and_says_so(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    v = customers.get_vehicle(vid)
    after = customers.update_vehicle(
        actor=staff.advisor, vehicle_id=vid, version=v.version, vin="LFV2A21K0B3012345"
    )
    assert after.vin == "LFV2A21K0B3012345" and not after.vin_check_ok


def test_a_save_without_a_change_writes_nothing(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    v = customers.get_vehicle(vid)
    same = customers.update_vehicle(
        actor=staff.advisor,
        vehicle_id=vid,
        version=v.version,
        vin=v.vin,
        plate=v.plate,
        make=v.make,
        model=v.model,
    )
    assert same.version == v.version
    assert _audit("update_vehicle", vid) == []


def test_a_stale_version_is_refused_and_the_other_desks_edit_stays(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    read = customers.get_vehicle(vid)
    customers.update_vehicle(actor=staff.advisor2, vehicle_id=vid, version=read.version, model="Accord")
    err = refused(
        ConflictError,
        customers.update_vehicle,
        actor=staff.advisor,
        vehicle_id=vid,
        version=read.version,
        model="Civic",
    )
    assert err.current["version"] == read.version + 1
    assert customers.get_vehicle(vid).model == "Accord"


def test_every_refused_field_is_reported_together_and_nothing_is_saved(staff: Staff) -> None:
    _c1, first = factories.make_customer_vehicle(staff, name="王芳")
    _c2, second = factories.make_customer_vehicle(staff, name="李娜", phone="13900001111")
    taken = customers.get_vehicle(first)
    v = customers.get_vehicle(second)
    customers.update_vehicle(actor=staff.advisor, vehicle_id=second, version=v.version, mileage_km=20_000)
    v = customers.get_vehicle(second)
    err = refused(
        FieldErrors,
        customers.update_vehicle,
        actor=staff.advisor,
        vehicle_id=second,
        version=v.version,
        vin=taken.vin.lower(),
        plate="  ",
        make="m" * 41,
        year=1900,
        mileage_km=19_999,
    )
    by_field = {e.field: e for e in err.errors}  # type: ignore[attr-defined]
    assert sorted(by_field) == ["make", "mileage", "plate", "vin", "year"]
    for one in by_field.values():
        assert_bilingual(one)
    assert isinstance(by_field["vin"], DuplicateVehicle) and "王芳" in by_field["vin"].zh
    assert by_field["plate"].en == "Enter the plate." and by_field["plate"].zh == "请填写车牌号。"
    assert "20,000" in by_field["mileage"].en


def test_a_plate_on_file_is_refused_beside_the_plate(staff: Staff) -> None:
    _c1, first = factories.make_customer_vehicle(staff)
    _c2, second = factories.make_customer_vehicle(staff)
    v = customers.get_vehicle(second)
    err = refused(
        DuplicateVehicle,
        customers.update_vehicle,
        actor=staff.advisor,
        vehicle_id=second,
        version=v.version,
        plate=customers.get_vehicle(first).plate.lower(),
    )
    assert err.field == "plate"


def test_roles_that_do_not_edit_customers_cannot_edit_a_vehicle(staff: Staff) -> None:
    from advisor.errors import PermissionDenied

    _cid, vid = factories.make_customer_vehicle(staff)
    v = customers.get_vehicle(vid)
    for actor in (staff.technician, staff.cashier, staff.foreman):
        refused(
            PermissionDenied,
            customers.update_vehicle,
            actor=actor,
            vehicle_id=vid,
            version=v.version,
            model="X",
        )


# ---- handing a repair order over ----------------------------------------------------------
def test_a_manager_hands_an_ro_over_and_the_trail_says_who_why_and_from_whom(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    reception.reassign_advisor(
        actor=staff.manager,
        ro_id=ro_id,
        advisor_id=staff.advisor2.user_id,
        reason=" On leave until Monday ",
        from_advisor_id=staff.advisor.user_id,
    )
    view = get_ro_view(ro_id)
    assert view.advisor_id == staff.advisor2.user_id
    (row,) = _audit("reassign", ro_id)
    assert row.username == staff.manager.username
    assert json.loads(row.old_json) == {"advisor": staff.advisor.user_id, "advisor_name": "李娜"}
    assert json.loads(row.new_json) == {
        "advisor": staff.advisor2.user_id,
        "advisor_name": staff.advisor2.display_name,
        "reason": "On leave until Monday",
    }
    assert [e.note for e in view.events if e.action == "reassigned"] == ["On leave until Monday"]


def test_the_advisors_offered_are_the_active_ones_who_may_own_an_ro(staff: Staff) -> None:
    from advisor.services import users

    offered = {u.id for u in reception.advisors(actor=staff.manager)}
    assert offered == {staff.advisor.user_id, staff.advisor2.user_id, staff.manager.user_id}
    users.set_active(actor=staff.admin, user_id=staff.advisor2.user_id, active=False)
    assert staff.advisor2.user_id not in {u.id for u in reception.advisors(actor=staff.manager)}


def test_a_handover_is_refused_to_the_same_advisor_an_inactive_one_or_after_handover(staff: Staff) -> None:
    from advisor.services import users

    ro_id = factories.open_checked_in(staff)
    err = refused(
        ValidationError,
        reception.reassign_advisor,
        actor=staff.advisor,
        ro_id=ro_id,
        advisor_id=staff.advisor.user_id,
        reason="why not",
    )
    assert err.field == "advisor"
    users.set_active(actor=staff.admin, user_id=staff.advisor2.user_id, active=False)
    err = refused(
        ValidationError,
        reception.reassign_advisor,
        actor=staff.advisor,
        ro_id=ro_id,
        advisor_id=staff.advisor2.user_id,
        reason="leave",
    )
    assert err.field == "advisor"
    done, _lines = factories.handed_over(staff)
    refused(
        GateError,
        reception.reassign_advisor,
        actor=staff.manager,
        ro_id=done,
        advisor_id=staff.manager.user_id,
        reason="late",
    )


def test_no_advisor_and_no_reason_are_reported_together(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    err = refused(
        FieldErrors, reception.reassign_advisor, actor=staff.advisor, ro_id=ro_id, advisor_id=None, reason=" "
    )
    assert sorted(e.field or "" for e in err.errors) == ["advisor", "reason"]  # type: ignore[attr-defined]


def test_a_handover_someone_else_made_first_is_not_overridden(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    reception.reassign_advisor(
        actor=staff.manager,
        ro_id=ro_id,
        advisor_id=staff.advisor2.user_id,
        reason="leave",
        from_advisor_id=staff.advisor.user_id,
    )
    err = refused(
        ConflictError,
        reception.reassign_advisor,
        actor=staff.advisor,
        ro_id=ro_id,
        advisor_id=staff.manager.user_id,
        reason="busy",
        from_advisor_id=staff.advisor.user_id,
    )
    assert get_ro_view(ro_id).advisor in err.en
    assert get_ro_view(ro_id).advisor_id == staff.advisor2.user_id


@pytest.mark.parametrize("role", ["technician", "cashier", "foreman", "parts_clerk"])
def test_only_advisors_and_managers_hand_an_ro_over(staff: Staff, role: str) -> None:
    from advisor.errors import PermissionDenied

    ro_id = factories.open_checked_in(staff)
    refused(
        PermissionDenied,
        reception.reassign_advisor,
        actor=staff.by_role(role),
        ro_id=ro_id,
        advisor_id=staff.advisor2.user_id,
        reason="leave",
    )
