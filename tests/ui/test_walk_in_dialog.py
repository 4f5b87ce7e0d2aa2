"""The walk-in dialog as a person at the counter uses it: what was typed in the search goes
on into the new customer's form, a search without a match offers to create the customer,
refused fields are shown together beside their inputs, the VIN is checked while typing,
and a VIN on file offers to take that vehicle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor.services import customers
from tests import factories
from tests.ui.person import choose, click, click_tab, fill, key, type_text
from ui.desk.vehicle_dialog import AddVehicleDialog
from ui.desk.walk_in import WalkInDialog

BAD_CHECK_DIGIT = "LFV2A21K0B3012345"  # well formed; its 9th character is not the check digit


def open_dialog(qtbot, ctx) -> WalkInDialog:  # type: ignore[no-untyped-def]
    dialog = WalkInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def search_for(qtbot, dialog: WalkInDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, dialog.lookup, text)
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=2000)


def test_a_plate_without_a_match_offers_a_new_customer_and_goes_into_the_plate(qtbot, ctx, shown) -> None:
    dialog = open_dialog(qtbot, ctx)
    search_for(qtbot, dialog, "沪A12345")

    assert dialog.no_match.isVisible() and not dialog.found.isVisible()
    assert dialog.no_match_label.text() == "No customer or vehicle matches “沪A12345”."
    assert dialog.create_button.isVisible() and dialog.create_button.isDefault()
    key(qtbot, Qt.Key.Key_Return)  # Enter in the search takes the default: create

    assert dialog.tabs.currentIndex() == 1
    assert dialog.plate.text() == "沪A12345"
    assert (dialog.name.text(), dialog.phone.text()) == ("", "")
    assert QApplication.focusWidget() is dialog.name
    assert shown == []


def test_a_phone_goes_into_the_phone_and_a_name_into_the_name(qtbot, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    search_for(qtbot, dialog, "139 1234 5678")
    click(qtbot, dialog.create_button)
    assert (dialog.phone.text(), dialog.name.text(), dialog.plate.text()) == ("139 1234 5678", "", "")

    click_tab(qtbot, dialog.tabs, 0)
    search_for(qtbot, dialog, "林黛玉")
    click(qtbot, dialog.create_button)
    assert dialog.name.text() == "林黛玉"


def test_the_new_customer_tab_opened_by_hand_takes_the_search_text_too(qtbot, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    search_for(qtbot, dialog, "粤B D12345")
    click_tab(qtbot, dialog.tabs, 1)
    assert dialog.plate.text() == "粤B D12345"
    fill(qtbot, dialog.name, "Emma")
    click_tab(qtbot, dialog.tabs, 0)
    search_for(qtbot, dialog, "13912345678")
    click_tab(qtbot, dialog.tabs, 1)  # the form has typing in it now: left as it is
    assert (dialog.name.text(), dialog.phone.text(), dialog.plate.text()) == ("Emma", "", "粤B D12345")


def test_a_phone_finds_the_customers_vehicle(qtbot, ctx, staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff, name="王芳", phone="13811112222")
    dialog = open_dialog(qtbot, ctx)
    search_for(qtbot, dialog, "13811112222")
    assert dialog.found.isVisible() and dialog.found.count() == 1
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == WalkInDialog.DialogCode.Accepted and dialog.vehicle_id == vid


def test_every_refused_field_is_shown_beside_it_at_once_and_the_input_stays(qtbot, ctx, shown) -> None:
    dialog = open_dialog(qtbot, ctx)
    click_tab(qtbot, dialog.tabs, 1)
    fill(qtbot, dialog.phone, "12ab")
    fill(qtbot, dialog.plate, "XX123")
    fill(qtbot, dialog.vin, "LFV2A21K")
    click(qtbot, dialog.ok_button)

    assert shown == []  # no message box, one after the other
    assert dialog.result() != WalkInDialog.DialogCode.Accepted
    noted = {key_: note.severity for key_, note in dialog.notes.items()}
    assert noted == {
        "name": "error",
        "phone": "error",
        "plate": "error",
        "vin": "error",
        "make": "",
        "model": "",
    }
    for key_ in ("name", "phone", "plate", "vin"):
        note = dialog.notes[key_]
        assert note.note.isVisible() and note.note.text().startswith("● ")
        # beside its own field: right under it
        assert (
            note.note.mapTo(dialog, note.note.rect().topLeft()).y()
            >= note.field.mapTo(dialog, note.field.rect().bottomLeft()).y()
        )
    assert "Name cannot be empty" in dialog.notes["name"].note.text()
    assert "'12ab'" in dialog.notes["phone"].note.text()
    assert (dialog.phone.text(), dialog.plate.text(), dialog.vin.text()) == ("12ab", "XX123", "LFV2A21K")
    assert QApplication.focusWidget() is dialog.name  # the first refused field

    type_text(qtbot, "林")  # typing in a field clears its note
    assert dialog.notes["name"].severity == ""


def test_the_check_digit_warning_shows_while_the_vin_is_typed(qtbot, ctx, shown) -> None:
    dialog = open_dialog(qtbot, ctx)
    click_tab(qtbot, dialog.tabs, 1)
    fill(qtbot, dialog.vin, BAD_CHECK_DIGIT[:16])
    assert dialog.notes["vin"].severity == ""
    type_text(qtbot, BAD_CHECK_DIGIT[16])

    note = dialog.notes["vin"]
    assert note.severity == "warning" and note.note.isVisible()
    assert "check digit" in note.note.text()
    assert customers.duplicate_of(vin=BAD_CHECK_DIGIT) is None  # nothing saved yet

    fill(qtbot, dialog.name, "林黛玉")
    fill(qtbot, dialog.plate, "沪A12345")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == WalkInDialog.DialogCode.Accepted
    vehicle = customers.get_vehicle(dialog.vehicle_id)
    assert (vehicle.vin, vehicle.vin_check_ok) == (BAD_CHECK_DIGIT, False)
    assert shown == []  # the warning was seen beside the VIN, no box after the save


def test_a_vin_on_file_offers_to_use_that_vehicle(qtbot, ctx, staff, shown) -> None:
    cid, vid = factories.make_customer_vehicle(staff, name="王芳")
    on_file = customers.get_vehicle(vid)
    dialog = open_dialog(qtbot, ctx)
    click_tab(qtbot, dialog.tabs, 1)
    fill(qtbot, dialog.name, "王芳")
    fill(qtbot, dialog.vin, on_file.vin)

    note = dialog.notes["vin"]
    assert note.severity == "error"
    assert on_file.plate in note.note.text() and "王芳" in note.note.text()
    assert note.action.isVisible() and note.action.text() == "&Use that vehicle"
    click(qtbot, note.action)

    assert dialog.result() == WalkInDialog.DialogCode.Accepted
    assert dialog.vehicle_id == vid
    assert [v.id for v in customers.vehicles_of(cid)] == [vid]
    assert shown == []


def test_a_plate_on_file_found_only_at_saving_offers_that_vehicle_too(qtbot, ctx, staff, shown) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    dialog = open_dialog(qtbot, ctx)
    click_tab(qtbot, dialog.tabs, 1)
    fill(qtbot, dialog.name, "林黛玉")
    fill(qtbot, dialog.plate, customers.get_vehicle(vid).plate)
    fill(qtbot, dialog.vin, factories.valid_vin(4711))
    click(qtbot, dialog.ok_button)
    note = dialog.notes["plate"]
    assert note.severity == "error" and note.action.isVisible()
    click(qtbot, note.action)
    assert dialog.vehicle_id == vid and shown == []


def test_add_vehicle_shows_the_warning_live_and_its_errors_together(qtbot, ctx, staff, shown) -> None:
    cid, _vid = factories.make_customer_vehicle(staff)
    dialog = AddVehicleDialog(ctx, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog.vin, BAD_CHECK_DIGIT)
    assert dialog.notes["vin"].severity == "warning"
    fill(qtbot, dialog.plate, "XX")
    dialog.year.setValue(1900)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
    assert shown == []
    assert {k: n.severity for k, n in dialog.notes.items() if n.severity} == {
        "plate": "error",
        "year": "error",
        "vin": "warning",
    }
    fill(qtbot, dialog.plate, "粤B88888")
    dialog.year.setValue(0)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
    assert dialog.vehicle is not None and dialog.vehicle.plate == "粤B88888"
    assert shown == []


def test_a_customer_on_file_without_a_vehicle_gets_the_new_vehicle(qtbot, ctx, staff, shown) -> None:
    c = customers.create_customer(actor=staff.advisor, name="贾宝玉", phone="13700001111")
    dialog = open_dialog(qtbot, ctx)
    search_for(qtbot, dialog, "贾宝玉")
    assert dialog.found.count() == 1
    assert dialog.found.item(0).text() == "贾宝玉 +8613700001111 · no vehicle on file: add one"
    key(qtbot, Qt.Key.Key_Return)

    assert dialog.tabs.currentIndex() == 1
    assert dialog.owner.isVisible() and "贾宝玉" in dialog.owner.text()
    assert dialog.name.isReadOnly() and dialog.name.text() == "贾宝玉"
    fill(qtbot, dialog.plate, "苏E27182")
    fill(qtbot, dialog.vin, factories.valid_vin(27182))
    click(qtbot, dialog.ok_button)

    assert dialog.result() == WalkInDialog.DialogCode.Accepted
    assert [v.id for v in customers.vehicles_of(c.id)] == [dialog.vehicle_id]
    assert shown == []


def test_a_walk_in_electric_car_is_registered_as_one_and_gets_its_checklist(qtbot, ctx, staff, shown) -> None:
    """Issue 18: the vehicle's kind is chosen where the car is created (petrol/diesel by
    default; a green plate suggests it: D electric, F plug-in hybrid), and its inspection
    follows that kind's checklist."""
    from advisor.services import inspection, reception

    dialog = open_dialog(qtbot, ctx)
    search_for(qtbot, dialog, "沪AF12345")
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.kind.currentText() == "Hybrid"  # the F of the green plate
    fill(qtbot, dialog.plate, "沪A12345")
    assert dialog.kind.currentText() == "Petrol/diesel car"
    fill(qtbot, dialog.plate, "沪AD12345")
    assert dialog.kind.currentText() == "Electric vehicle"
    choose(qtbot, dialog.kind, "Hybrid")  # the person knows better: kept from now on
    fill(qtbot, dialog.plate, "沪AD12346")
    assert dialog.kind.currentText() == "Hybrid"
    choose(qtbot, dialog.kind, "Electric vehicle")
    fill(qtbot, dialog.name, "林黛玉")
    fill(qtbot, dialog.phone, "13611112222")
    fill(qtbot, dialog.vin, factories.valid_vin(31415))
    click(qtbot, dialog.ok_button)

    assert dialog.result() == WalkInDialog.DialogCode.Accepted and shown == []
    assert customers.get_vehicle(dialog.vehicle_id).kind == "ev"
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=dialog.vehicle_id)
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    view = inspection.inspection_of(ro_id)
    assert view is not None and view.vehicle_kind == "ev"
    keys = {r.item_key for r in view.results}
    assert "hv_battery_health" in keys and "engine_oil" not in keys
