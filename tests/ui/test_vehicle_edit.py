"""Correcting a vehicle on file, as an advisor does it: from Customers & vehicles (button,
context menu, double click) or from the repair order's header; refusals beside their
fields, nothing saved; a correction someone else saved first shows both versions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from advisor.services import customers, reception
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, open_ro
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.test_customers import make_ws
from ui import i18n
from ui.conflict_dialog import ConflictDialog
from ui.desk.vehicle_dialog import EditVehicleDialog


def _second_vehicle(staff, customer_id: int) -> int:  # type: ignore[no-untyped-def]
    added, _w = customers.add_vehicle(
        actor=staff.advisor, customer_id=customer_id, vin=factories.valid_vin(777), plate="粤B55555"
    )
    return added.id


def test_a_corrected_plate_shows_in_the_list_and_is_found_by_the_search(
    qtbot, ctx, staff, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid, vid = factories.make_customer_vehicle(staff)
    before = customers.get_vehicle(vid)
    seen: list[tuple[str, str]] = []

    def correct(dialog: EditVehicleDialog) -> None:
        seen.append((dialog.plate.text(), dialog.vin.text()))
        person.fill(qtbot, dialog.plate, "沪C 24680")
        person.fill(qtbot, dialog.model, "Accord Hybrid")
        person.click(qtbot, dialog.save_button)

    dialogs = as_person(monkeypatch, qtbot, EditVehicleDialog, correct)
    ws = make_ws(qtbot, ctx, cid)
    person.click(qtbot, ws.edit_vehicle_button)

    assert seen == [(before.plate, before.vin)]  # the dialog opened with the vehicle's details
    assert len(dialogs) == 1 and shown == []
    stored = customers.get_vehicle(vid)
    assert (stored.plate, stored.model, stored.vin) == ("沪C24680", "Accord Hybrid", before.vin)
    assert stored.version == before.version + 1
    assert ws.vehicle_table.item(0, 0).text() == "沪C24680"
    assert ws.vehicle_table.item(0, 2).text().endswith("Accord Hybrid")
    person.fill(qtbot, ws.lookup, "沪C246")
    qtbot.waitUntil(lambda: ws.found.count() == 1, timeout=2000)
    assert "沪C24680" in ws.found.item(0).text()


def test_a_vin_on_file_is_refused_beside_the_vin_and_nothing_is_saved(
    qtbot, ctx, staff, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _other_cid, other_vid = factories.make_customer_vehicle(staff, name="王芳", phone="13900002222")
    taken = customers.get_vehicle(other_vid)
    cid, vid = factories.make_customer_vehicle(staff)
    before = customers.get_vehicle(vid)
    notes: list[tuple[str, str, bool]] = []

    def use_a_taken_vin(dialog: EditVehicleDialog) -> None:
        person.fill(qtbot, dialog.plate, "沪D13579")
        person.fill(qtbot, dialog.vin, taken.vin)
        person.click(qtbot, dialog.save_button)
        note = dialog.notes["vin"].note
        notes.append((note.text(), dialog.notes["plate"].note.text(), dialog.isVisible()))
        person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    as_person(monkeypatch, qtbot, EditVehicleDialog, use_a_taken_vin)
    ws = make_ws(qtbot, ctx, cid)
    person.click(qtbot, ws.edit_vehicle_button)

    ((vin_note, plate_note, still_open),) = notes
    assert vin_note.startswith("● ") and taken.plate in vin_note and "王芳" in vin_note
    assert plate_note == "" and still_open  # the dialog stays, with what was typed
    assert shown == []  # beside the field, not in a message box
    assert customers.get_vehicle(vid) == before  # nothing saved, not even the plate


def test_an_empty_plate_is_refused_beside_the_plate(qtbot, make_ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid, vid = factories.make_customer_vehicle(staff)
    before = customers.get_vehicle(vid)
    notes: list[str] = []

    def clear_the_plate(dialog: EditVehicleDialog) -> None:
        person.fill(qtbot, dialog.plate, "")
        person.click(qtbot, dialog.save_button)
        notes.append(dialog.notes["plate"].note.text())
        person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    as_person(monkeypatch, qtbot, EditVehicleDialog, clear_the_plate)
    i18n.set_language("zh_CN")
    ws = make_ws(qtbot, make_ctx("advisor", "zh_CN"), cid)
    person.click(qtbot, ws.edit_vehicle_button)
    assert notes == ["● 请填写车牌号。"]
    assert customers.get_vehicle(vid) == before and shown == []


def test_a_vehicle_saved_elsewhere_meanwhile_shows_both_versions(
    qtbot, ctx, staff, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid, vid = factories.make_customer_vehicle(staff)
    conflicts: list[dict[str, tuple[str, str]]] = []
    shown_after: list[str] = []

    def reload_theirs(dialog: ConflictDialog) -> None:
        table = dialog.table
        conflicts.append(
            {
                table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
                for r in range(table.rowCount())
            }
        )
        person.click(qtbot, dialog.reload_button)

    def edit_while_another_desk_saves(dialog: EditVehicleDialog) -> None:
        person.fill(qtbot, dialog.model, "Civic")
        # Another desk corrects the same vehicle after this dialog was opened.
        now = customers.get_vehicle(vid)
        customers.update_vehicle(actor=staff.advisor2, vehicle_id=vid, version=now.version, model="Odyssey")
        person.click(qtbot, dialog.save_button)
        shown_after.append(dialog.model.text())  # "Reload theirs": the form shows their version
        person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    as_person(monkeypatch, qtbot, ConflictDialog, reload_theirs)
    as_person(monkeypatch, qtbot, EditVehicleDialog, edit_while_another_desk_saves)
    ws = make_ws(qtbot, ctx, cid)
    person.click(qtbot, ws.edit_vehicle_button)

    (rows,) = conflicts
    assert rows["≠ Model"] == ("Civic", "Odyssey")
    assert rows["Plate"][0] == rows["Plate"][1]  # what nobody changed is not marked
    assert shown == []  # the conflict is the dialog above, not an error box
    assert shown_after == ["Odyssey"]
    assert customers.get_vehicle(vid).model == "Odyssey"  # the other desk's edit stays


def test_apply_mine_again_saves_only_what_i_changed(qtbot, ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid, vid = factories.make_customer_vehicle(staff)

    def edit_while_another_desk_saves(dialog: EditVehicleDialog) -> None:
        person.fill(qtbot, dialog.model, "Civic")
        now = customers.get_vehicle(vid)
        customers.update_vehicle(actor=staff.advisor2, vehicle_id=vid, version=now.version, make="Acura")
        person.click(qtbot, dialog.save_button)

    as_person(monkeypatch, qtbot, ConflictDialog, lambda d: person.click(qtbot, d.apply_button))
    as_person(monkeypatch, qtbot, EditVehicleDialog, edit_while_another_desk_saves)
    ws = make_ws(qtbot, ctx, cid)
    person.click(qtbot, ws.edit_vehicle_button)
    stored = customers.get_vehicle(vid)
    assert (stored.make, stored.model) == ("Acura", "Civic")  # theirs and mine, both kept
    assert ws.vehicle_table.item(0, 2).text() == "Acura Civic"


def test_the_context_menu_and_a_double_click_open_the_chosen_vehicle(qtbot, ctx, staff, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid, first = factories.make_customer_vehicle(staff)
    second = _second_vehicle(staff, cid)
    opened: list[str] = []

    def look_and_cancel(dialog: EditVehicleDialog) -> None:
        opened.append(dialog.plate.text())
        person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    as_person(monkeypatch, qtbot, EditVehicleDialog, look_and_cancel)
    ws = make_ws(qtbot, ctx, cid)
    table = ws.vehicle_table
    person.click_at(qtbot, table, table.model().index(1, 0), double=True)
    assert opened == [customers.get_vehicle(second).plate]

    rect = table.visualRect(table.model().index(0, 0))
    person.click(qtbot, table.viewport(), button=Qt.MouseButton.RightButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    (action,) = menu.actions()
    assert action.text() == "E&dit vehicle…" and action.isEnabled()
    person.click(qtbot, menu, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=3000)
    assert opened[1] == customers.get_vehicle(first).plate


def test_a_cashier_cannot_edit_a_vehicle(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    cid, _vid = factories.make_customer_vehicle(staff)
    ws = make_ws(qtbot, make_ctx("cashier"), cid)
    assert not ws.edit_vehicle_button.isEnabled()
    assert ws.vehicle_table.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu  # no menu


def test_the_ro_header_corrects_its_vehicle(qtbot, make_ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)

    def correct(dialog: EditVehicleDialog) -> None:
        person.fill(qtbot, dialog.plate, "津E11223")
        person.fill(qtbot, dialog.year, "2020")
        person.click(qtbot, dialog.save_button)

    as_person(monkeypatch, qtbot, EditVehicleDialog, correct)
    ws = open_ro(qtbot, make_ctx("advisor"), ro_id)
    person.click(qtbot, ws.header.edit_vehicle_button)
    assert shown == []
    assert (customers.get_vehicle(vid).plate, customers.get_vehicle(vid).year) == ("津E11223", 2020)
    assert ws.header.plate.text() == "津E11223"
    assert "(2020)" in ws.header.vehicle.text()


def test_the_vehicles_kind_is_corrected_in_the_edit_dialog(qtbot, ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: a hybrid registered as a petrol car is corrected; the edit is audited."""
    from advisor.models import AuditLog

    cid, vid = factories.make_customer_vehicle(staff)
    seen: list[str] = []

    def correct(dialog: EditVehicleDialog) -> None:
        seen.append(dialog.kind.currentText())
        person.choose(qtbot, dialog.kind, "Hybrid")
        person.click(qtbot, dialog.save_button)

    as_person(monkeypatch, qtbot, EditVehicleDialog, correct)
    ws = make_ws(qtbot, ctx, cid)
    person.click(qtbot, ws.edit_vehicle_button)
    assert seen == ["Petrol/diesel car"] and shown == []
    assert customers.get_vehicle(vid).kind == "hybrid"
    row = (
        AuditLog.select().where((AuditLog.entity == "vehicle") & (AuditLog.action == "update_vehicle")).get()
    )
    assert '"kind": "hybrid"' in row.new_json
