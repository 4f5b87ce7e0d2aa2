"""Customers & vehicles: edit and save, a conflicting save, vehicles and their ROs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from advisor.services import customers, reception
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, choose_data, desk, open_workspace, select_row, tick
from tests.ui.shell_support import workstation  # noqa: F401
from ui.conflict_dialog import ConflictDialog
from ui.workspaces.customers import CustomersWorkspace


def make_ws(qtbot, ctx, customer_id: int) -> CustomersWorkspace:
    """Customers & vehicles in the main window at 1366×768, showing the customer (as the
    search opens it)."""
    window = desk(qtbot, ctx)
    window.show_customer(customer_id)
    ws = window.workspace("customers")
    assert isinstance(ws, CustomersWorkspace) and ws.isVisible()
    return ws


def test_edit_and_save_a_customer(qtbot, ctx, staff, shown) -> None:
    cid, _vid = factories.make_customer_vehicle(staff, consent=False)
    ws = make_ws(qtbot, ctx, cid)
    assert ws.name.text() == "张伟"
    person.fill(qtbot, ws.name, "张伟（老客户）")
    person.fill(qtbot, ws.wechat, "zhangwei_88")
    choose_data(qtbot, ws.channel, "wechat")
    tick(qtbot, ws.consent)
    person.click(qtbot, ws.save_button)

    stored = customers.get_customer(cid)
    assert (stored.name, stored.wechat, stored.preferred_channel) == (
        "张伟（老客户）",
        "zhangwei_88",
        "wechat",
    )
    assert stored.marketing_consent
    assert shown == []


def test_vehicles_and_their_repair_orders_can_be_opened(qtbot, ctx, staff) -> None:
    cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    ws = make_ws(qtbot, ctx, cid)
    assert ws.vehicle_table.rowCount() == 1
    assert ws.history_table.rowCount() == 1
    assert ws.history_table.item(0, 3).text() == "Open"
    select_row(qtbot, ws.history_table, 0)
    with qtbot.waitSignal(ws.open_ro) as opened:
        person.click(qtbot, ws.open_button)
    assert opened.args == [ro_id]


def test_add_vehicle_with_a_bad_check_digit_warns_but_saves(qtbot, ctx, staff, shown, monkeypatch) -> None:
    from ui.desk import vehicle_dialog, walk_in

    cid, _vid = factories.make_customer_vehicle(staff)

    warned: list[str] = []

    def fill(dialog: vehicle_dialog.AddVehicleDialog) -> None:
        person.fill(qtbot, dialog.plate, "粤B88888")
        person.fill(qtbot, dialog.vin, "LFV2A21K0B3012345")
        person.fill(qtbot, dialog.model, "Civic")
        warned.append(dialog.notes["vin"].note.text())
        person.click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    as_person(monkeypatch, qtbot, vehicle_dialog.AddVehicleDialog, fill)
    ws = make_ws(qtbot, ctx, cid)
    person.click(qtbot, ws.add_vehicle_button)
    # The check-digit warning is shown beside the VIN while typing, not in a box after saving.
    assert warned == ["▲ " + walk_in.warning_text("vin_check_digit")]
    assert shown == []
    assert [v.plate for v in customers.vehicles_of(cid)][-1] == "粤B88888"
    assert ws.vehicle_table.rowCount() == 2
    assert ws.vehicle_table.currentRow() == 1
    assert ws.vehicle_table.item(1, 1).text().startswith("⚠ ")


def test_search_list_finds_customers_by_phone(qtbot, ctx, staff) -> None:
    cid, _vid = factories.make_customer_vehicle(staff, name="李白", phone="13811112222")
    ws = open_workspace(qtbot, desk(qtbot, ctx), "customers")
    assert isinstance(ws, CustomersWorkspace)
    person.fill(qtbot, ws.lookup, "1111222")
    qtbot.waitUntil(lambda: ws.found.count() == 1, timeout=2000)
    person.key(qtbot, Qt.Key.Key_Return)
    assert ws.customer is not None and ws.customer.id == cid
    assert ws.name.text() == "李白"


# ---- a conflicting save: the conflict dialog ---------------------------------------------
def _answer(monkeypatch: pytest.MonkeyPatch, qtbot, choice: int) -> list[ConflictDialog]:  # type: ignore[no-untyped-def]
    """The person reads the conflict dialog and clicks the button of ``choice``."""

    def click_choice(dialog: ConflictDialog) -> None:
        button = {
            ConflictDialog.RELOAD: dialog.reload_button,
            ConflictDialog.APPLY: dialog.apply_button,
            ConflictDialog.CANCEL: dialog.cancel_button,
        }[choice]
        person.click(qtbot, button)

    return as_person(monkeypatch, qtbot, ConflictDialog, click_choice)


def _someone_else_saves_first(qtbot, ctx, staff) -> tuple[int, CustomersWorkspace]:
    cid, _vid = factories.make_customer_vehicle(staff)
    ws = make_ws(qtbot, ctx, cid)
    person.fill(qtbot, ws.wechat, "mine-wechat")
    # Another workstation saves the same customer first.
    other = customers.get_customer(cid)
    customers.update_customer(
        actor=staff.advisor2, customer_id=cid, version=other.version, wechat="changed-elsewhere"
    )
    return cid, ws


def test_a_conflicting_save_reload_keeps_the_other_persons_value(
    qtbot, ctx, staff, shown, monkeypatch
) -> None:
    dialogs = _answer(monkeypatch, qtbot, ConflictDialog.RELOAD)
    cid, ws = _someone_else_saves_first(qtbot, ctx, staff)
    person.key(qtbot, Qt.Key.Key_Return)  # Enter in the field saves

    (dialog,) = dialogs
    rows = {
        dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
        for r in range(dialog.table.rowCount())
    }
    assert rows["≠ WeChat"] == ("mine-wechat", "changed-elsewhere")
    assert shown == []  # the conflict is the dialog, not an error box
    assert "changed by someone else" in dialog.detail.text()  # the ConflictError's message
    assert customers.get_customer(cid).wechat == "changed-elsewhere"
    assert ws.wechat.text() == "changed-elsewhere"  # the form shows the stored record again
    assert ws.customer is not None and ws.customer.version == customers.get_customer(cid).version


def test_a_conflicting_save_apply_mine_stores_mine(qtbot, ctx, staff, shown, monkeypatch) -> None:
    dialogs = _answer(monkeypatch, qtbot, ConflictDialog.APPLY)
    cid, ws = _someone_else_saves_first(qtbot, ctx, staff)
    person.click(qtbot, ws.save_button)

    assert len(dialogs) == 1 and shown == []
    stored = customers.get_customer(cid)
    assert stored.wechat == "mine-wechat"
    assert ws.wechat.text() == "mine-wechat"
    assert ws.customer is not None and ws.customer.version == stored.version


def test_a_conflicting_save_cancel_keeps_the_typing(qtbot, ctx, staff, shown, monkeypatch) -> None:
    _answer(monkeypatch, qtbot, ConflictDialog.CANCEL)
    cid, ws = _someone_else_saves_first(qtbot, ctx, staff)
    person.click(qtbot, ws.save_button)
    assert customers.get_customer(cid).wechat == "changed-elsewhere"
    assert ws.wechat.text() == "mine-wechat"


# ---- export and erase ------------------------------------------------------------------
def test_export_writes_the_customers_data_as_json(
    qtbot, ctx, staff, shown, monkeypatch, tmp_path: Path
) -> None:
    cid, _vid = factories.make_customer_vehicle(staff, name="李娜")
    reception.open_repair_order(actor=staff.advisor, vehicle_id=_vid)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"customer-{cid}.json"
    asked: list[str] = []

    def fake_save(parent, caption, directory, filter_):
        asked.append(directory)
        return str(target), filter_

    # The file dialog answers directly (a native dialog, not this window's widgets).
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    ws = make_ws(qtbot, ctx, cid)
    assert ws.export_button.isEnabled()
    person.click(qtbot, ws.export_button)
    qtbot.waitUntil(lambda: bool(shown))  # gathered in the background

    assert asked and asked[0].endswith(f"customer-{cid}.json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "李娜"
    assert len(data["repair_orders"]) == 1
    assert [kind for kind, _text in shown] == ["info"] and str(target) in shown[0][1]
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left


def test_export_cancelled_writes_nothing(qtbot, ctx, staff, shown, monkeypatch, tmp_path: Path) -> None:
    cid, _vid = factories.make_customer_vehicle(staff)
    # The file dialog answers directly (a native dialog): the person cancels it.
    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a) or ("", "")))
    ws = make_ws(qtbot, ctx, cid)
    before = sorted(tmp_path.rglob("*"))
    person.click(qtbot, ws.export_button)
    assert len(asked) == 1  # the dialog was asked, and cancelled
    assert sorted(tmp_path.rglob("*")) == before  # nothing written
    assert shown == []


def test_erase_is_refused_inside_the_retention_period(qtbot, make_ctx, staff, shown) -> None:
    cid, vid = factories.make_customer_vehicle(staff, name="赵敏")
    reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    manager = make_ctx("manager")
    ws = make_ws(qtbot, manager, cid)
    assert ws.erase_button.isVisible() and ws.erase_button.isEnabled()
    person.click(qtbot, ws.erase_button)

    assert [kind for kind, _text in shown] == ["confirm", "error"]
    assert "cannot be undone" in shown[0][1]
    assert "retention period" in shown[1][1]  # the service's GateError, as it words it
    assert customers.get_customer(cid).name == "赵敏"
    assert ws.name.text() == "赵敏"


def test_erase_after_the_retention_period_anonymises(qtbot, make_ctx, staff, shown) -> None:
    from advisor.models import RepairOrder, now

    cid, vid = factories.make_customer_vehicle(staff, name="赵敏")
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    RepairOrder.update(arrived_at=now() - dt.timedelta(days=4 * 365)).where(RepairOrder.id == ro_id).execute()
    manager = make_ctx("manager")
    ws = make_ws(qtbot, manager, cid)
    person.click(qtbot, ws.erase_button)

    assert [kind for kind, _text in shown] == ["confirm"]
    stored = customers.get_customer(cid)
    assert stored.anonymised and stored.name == f"Anonymised #{cid}" and stored.phone == ""
    assert ws.name.text() == stored.name and ws.phone.text() == ""
    assert not ws.erase_button.isEnabled()  # nothing left to erase


def test_erase_not_confirmed_changes_nothing(qtbot, make_ctx, staff) -> None:
    from ui import messages

    cid, _vid = factories.make_customer_vehicle(staff, name="赵敏")
    ws = make_ws(qtbot, make_ctx("manager"), cid)
    with messages.capture(answer=False) as seen:  # the confirmation answered No
        person.click(qtbot, ws.erase_button)
    assert [kind for kind, _text in seen] == ["confirm"]
    assert customers.get_customer(cid).name == "赵敏"


def test_an_advisor_has_no_erase_button(qtbot, ctx, staff) -> None:
    cid, _vid = factories.make_customer_vehicle(staff)
    ws = make_ws(qtbot, ctx, cid)
    assert not ctx.may("customer.erase")
    assert not ws.erase_button.isVisible() and not ws.erase_button.isEnabled()
    assert ws.export_button.isEnabled()
