"""Customers & vehicles: edit and save, a conflicting save, vehicles and their ROs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor.errors import ConflictError
from advisor.services import customers, reception
from tests import factories
from tests.ui.shell_support import type_text, workstation  # noqa: F401
from ui.workspaces.customers import CustomersWorkspace


def make_ws(qtbot, ctx, customer_id: int) -> CustomersWorkspace:
    ws = CustomersWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    ws.show_customer(customer_id)
    return ws


def test_edit_and_save_a_customer(qtbot, ctx, staff, shown) -> None:
    cid, _vid = factories.make_customer_vehicle(staff, consent=False)
    ws = make_ws(qtbot, ctx, cid)
    assert ws.name.text() == "张伟"
    ws.name.clear()
    type_text(ws.name, "张伟（老客户）")
    qtbot.keyClicks(ws.wechat, "zhangwei_88")
    ws.channel.setCurrentIndex(ws.channel.findData("wechat"))
    ws.consent.setChecked(True)
    qtbot.mouseClick(ws.save_button, Qt.MouseButton.LeftButton)

    stored = customers.get_customer(cid)
    assert (stored.name, stored.wechat, stored.preferred_channel) == (
        "张伟（老客户）",
        "zhangwei_88",
        "wechat",
    )
    assert stored.marketing_consent
    assert shown == []
    assert not ws.conflict.isVisible()


def test_a_conflicting_save_is_reported_and_the_typing_kept(qtbot, ctx, staff, shown) -> None:
    cid, _vid = factories.make_customer_vehicle(staff)
    ws = make_ws(qtbot, ctx, cid)
    qtbot.keyClicks(ws.email, "zw@example.com")
    # Another workstation saves the same customer first.
    other = customers.get_customer(cid)
    customers.update_customer(actor=staff.advisor2, customer_id=cid, version=other.version,
                              wechat="changed-elsewhere")  # fmt: skip
    qtbot.keyClick(ws.email, Qt.Key.Key_Return)  # Enter saves

    assert len(shown) == 1 and shown[0][0] == "error"
    assert isinstance(ctx.ops.last_error, ConflictError)
    assert shown[0][1] == ctx.ops.last_error.message()
    assert ws.conflict.isVisible() and "Reload" in ws.conflict.text()
    assert ws.email.text() == "zw@example.com"
    assert customers.get_customer(cid).email == ""

    qtbot.mouseClick(ws.reload_button, Qt.MouseButton.LeftButton)
    assert ws.wechat.text() == "changed-elsewhere" and ws.email.text() == ""
    assert not ws.conflict.isVisible()


def test_vehicles_and_their_repair_orders_can_be_opened(qtbot, ctx, staff) -> None:
    cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    ws = make_ws(qtbot, ctx, cid)
    assert ws.vehicle_table.rowCount() == 1
    assert ws.history_table.rowCount() == 1
    assert ws.history_table.item(0, 3).text() == "Open"
    ws.history_table.selectRow(0)
    with qtbot.waitSignal(ws.open_ro) as opened:
        qtbot.mouseClick(ws.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [ro_id]


def test_add_vehicle_with_a_bad_check_digit_warns_but_saves(qtbot, ctx, staff, shown, monkeypatch) -> None:
    from ui.desk import vehicle_dialog, walk_in

    cid, _vid = factories.make_customer_vehicle(staff)

    def fill(dialog: vehicle_dialog.AddVehicleDialog) -> int:
        type_text(dialog.plate, "粤B88888")
        qtbot.keyClicks(dialog.vin, "LFV2A21K0B3012345")
        qtbot.keyClicks(dialog.model, "Civic")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(vehicle_dialog.AddVehicleDialog, "exec", fill)
    ws = make_ws(qtbot, ctx, cid)
    ws.add_vehicle_button.click()
    assert shown == [("info", walk_in.warning_text("vin_check_digit"))]
    assert [v.plate for v in customers.vehicles_of(cid)][-1] == "粤B88888"
    assert ws.vehicle_table.rowCount() == 2
    assert ws.vehicle_table.currentRow() == 1
    assert ws.vehicle_table.item(1, 1).text().startswith("⚠ ")


def test_search_list_finds_customers_by_phone(qtbot, ctx, staff) -> None:
    cid, _vid = factories.make_customer_vehicle(staff, name="李白", phone="13811112222")
    ws = CustomersWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.keyClicks(ws.lookup, "1111222")
    qtbot.waitUntil(lambda: ws.found.count() == 1, timeout=2000)
    qtbot.keyClick(ws.lookup, Qt.Key.Key_Return)
    assert ws.customer is not None and ws.customer.id == cid
    assert ws.name.text() == "李白"
