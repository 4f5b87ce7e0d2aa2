"""Settings (manager, administrator): edit the dealership's values; all saved or none."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from advisor.errors import PermissionDenied, ValidationError
from advisor.services import settings
from ui.workspaces.settings import SettingsWorkspace


@pytest.fixture(autouse=True)
def dealership(staff) -> None:  # type: ignore[no-untyped-def]
    """The profile the first run leaves behind."""
    settings.set_up_dealer(name="星辉汽车服务有限公司", address="北京市朝阳区", phone="010-88886666",
                           tax_no="91110105MA01ABCD2X", labour_rate_cents=18_000,
                           actor=staff.admin)  # fmt: skip


def make_ws(qtbot, ctx):  # type: ignore[no-untyped-def]
    ws = SettingsWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1280, 860)
    ws.show()
    return ws


def test_a_manager_changes_rate_tax_limit_and_warranty(qtbot, make_ctx, shown) -> None:  # type: ignore[no-untyped-def]
    ws = make_ws(qtbot, make_ctx("manager"))
    assert ws.money["labour_rate_cents"].text() == "180.00" and not ws.dirty
    label = ws.row_labels["labour_rate_cents"]  # every field has its visible name
    assert label.isVisible() and label.text() == "Labour rate (¥ per hour)" and label.buddy() is ws.money["labour_rate_cents"]
    assert all(x.text() for x in ws.row_labels.values())
    ws.money["labour_rate_cents"].clear()
    qtbot.keyClicks(ws.money["labour_rate_cents"], "215.50")
    ws.tax.setValue(9)
    ws.discounts["advisor"].setValue(8)
    ws.warranty["minor"][1].setValue(60)
    assert ws.dirty and ws.state.text()
    qtbot.keyClick(ws.save_button, Qt.Key.Key_Space)
    assert shown == []
    assert settings.get_setting("labour_rate_cents") == 21_550
    assert settings.get_setting("tax_rate") == Decimal("0.09")
    assert settings.get_setting("discount_limits")["advisor"] == "0.08"
    assert settings.get_setting("warranty")["minor"][1] == 60
    assert settings.dealer().labour_rate_cents == 21_550  # what the sheets and estimates use
    assert settings.dealer().name == "星辉汽车服务有限公司"  # untouched values stay
    assert not ws.dirty and ws.state.text() == ""


def test_a_refused_value_saves_nothing_and_keeps_the_typing(qtbot, make_ctx, shown) -> None:  # type: ignore[no-untyped-def]
    ws = make_ws(qtbot, make_ctx("admin"))
    ws.tax.setValue(6)
    ws.texts["dealer_name"].clear()
    qtbot.keyClicks(ws.texts["dealer_name"], " ")
    assert not ws.save()
    assert shown and "name" in shown[-1][1].lower()
    assert settings.get_setting("tax_rate") == Decimal("0.13")  # nothing of the save landed
    assert ws.tax.value() == 6 and ws.dirty  # the typing stays
    ws.money["labour_rate_cents"].setText("abc")
    assert not ws.save()
    assert settings.get_setting("labour_rate_cents") == 18_000
    ws.revert()
    assert ws.tax.value() == 13 and not ws.dirty


def test_a_change_elsewhere_reloads_only_an_untouched_form(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("manager")
    ws = make_ws(qtbot, ctx)
    settings.set_settings(actor=staff.by_role("admin"), values={"bays": 9})
    ws.refresh()
    assert ws.counts["bays"].value() == 9
    ws.counts["comeback_days"].setValue(45)
    settings.set_settings(actor=staff.by_role("admin"), values={"bays": 10})
    ws.refresh()
    assert ws.counts["comeback_days"].value() == 45 and ws.counts["bays"].value() == 9  # typing kept


def test_set_settings_checks_permission_and_keys(staff) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        settings.set_settings(actor=staff.advisor, values={"bays": 3})
    with pytest.raises(ValidationError):
        settings.set_settings(actor=staff.by_role("manager"), values={"bays": 3, "no_such": 1})
    with pytest.raises(ValidationError):
        settings.set_settings(actor=staff.by_role("manager"), values={"setup_done": False})
    assert settings.get_setting("bays") == 6  # the good value of a refused call did not land


def test_the_rail_shows_settings_to_managers_and_admins_only(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    for role, expected in (("manager", True), ("admin", True), ("advisor", False), ("cashier", False)):
        window = MainWindow(make_ctx(role))
        qtbot.addWidget(window)
        assert ("settings" in window.workspace_keys()) is expected, role
