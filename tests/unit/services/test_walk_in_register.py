"""A walk-in's customer and vehicle registered in one go: every refused field reported at
once (each naming its field, in both languages), a VIN or plate on file naming that
vehicle, nothing saved unless all of it is."""

from __future__ import annotations

import pytest

from advisor import validation
from advisor.errors import DuplicateVehicle, FieldErrors
from advisor.models import Customer, Vehicle
from advisor.services import customers
from tests import factories
from tests.factories import Staff
from tests.unit.services.test_gates import assert_bilingual


def test_every_refused_field_is_reported_together_and_nothing_is_saved(staff: Staff) -> None:
    before = Customer.select().count()
    with pytest.raises(FieldErrors) as info:
        customers.register_walk_in(
            actor=staff.advisor, name="  ", phone="12ab", vin="LFV2A21K", plate="XX123", make="m" * 41
        )
    fields = [e.field for e in info.value.errors]
    assert sorted(fields) == ["make", "name", "phone", "plate", "vin"]
    for err in info.value.errors:
        assert_bilingual(err)
    assert Customer.select().count() == before


def test_a_vin_on_file_names_that_vehicle_and_its_owner(staff: Staff) -> None:
    cid, vid = factories.make_customer_vehicle(staff, name="王芳")
    stored = customers.get_vehicle(vid)
    with pytest.raises(DuplicateVehicle) as info:
        customers.register_walk_in(
            actor=staff.advisor, name="林黛玉", phone="13912345678", vin=stored.vin.lower(), plate="沪A55555"
        )
    dup = info.value
    assert (dup.field, dup.vehicle_id, dup.customer_id) == ("vin", vid, cid)
    assert stored.plate in dup.en and "王芳" in dup.zh
    assert Customer.select().where(Customer.name == "林黛玉").count() == 0


def test_a_plate_on_file_is_reported_on_the_plate(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    plate = customers.get_vehicle(vid).plate
    err = customers.duplicate_of(plate=plate)
    assert err is not None and err.field == "plate" and err.vehicle_id == vid
    assert customers.duplicate_of(plate=plate, exclude=vid) is None


def test_a_good_walk_in_saves_customer_and_vehicle_with_the_check_digit_warning(staff: Staff) -> None:
    customer, vehicle, warnings = customers.register_walk_in(
        actor=staff.advisor,
        name="林黛玉",
        phone="139 1234 5678",
        vin="LFV2A21K0B3012345",
        plate="沪a12345",
        make="VW",
        model="Lavida",
    )
    assert warnings == ["vin_check_digit"]
    assert (customer.name, customer.phone) == ("林黛玉", "+8613912345678")
    assert (vehicle.customer_id, vehicle.plate) == (customer.id, "沪A12345")


def test_a_vehicle_for_a_customer_on_file_keeps_that_customer(staff: Staff) -> None:
    c = customers.create_customer(actor=staff.advisor, name="贾宝玉")
    before = Customer.select().count()
    customer, vehicle, _w = customers.register_walk_in(
        actor=staff.advisor, customer_id=c.id, vin=factories.valid_vin(31415), plate="苏E31415"
    )
    assert customer.id == c.id and Customer.select().count() == before
    assert Vehicle.get_by_id(vehicle.id).customer_id == c.id


def test_add_vehicle_reports_all_its_fields_at_once(staff: Staff) -> None:
    c = customers.create_customer(actor=staff.advisor, name="贾宝玉")
    with pytest.raises(FieldErrors) as info:
        customers.add_vehicle(actor=staff.advisor, customer_id=c.id, vin="x", plate="y", year=1800)
    assert sorted(e.field for e in info.value.errors) == ["plate", "vin", "year"]


@pytest.mark.parametrize(("typed", "kind"), [("沪A12345", "plate"), ("京a 123", "plate"),
                                             ("LFV2A21K0B3012345", "vin"), ("139 1234 5678", "phone"),
                                             ("+86 139-1234-5678", "phone"), ("张伟", "name"),
                                             ("鲁", "name"), ("Emma Smith", "name")])  # fmt: skip
def test_what_a_search_text_looks_like(typed: str, kind: str) -> None:
    assert validation.looks_like(typed) == kind
