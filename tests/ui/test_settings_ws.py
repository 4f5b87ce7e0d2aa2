"""Settings (manager, administrator): edit the dealership's values; all saved or none."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget

from advisor import config
from advisor.config import SETTINGS, SettingDef
from advisor.errors import PermissionDenied, ValidationError
from advisor.services import settings
from advisor.services.users import DISCOUNT_ROLES
from tests.ui import person
from ui import i18n
from ui.workspaces.settings import SettingsWorkspace


@pytest.fixture(autouse=True)
def dealership(staff) -> None:  # type: ignore[no-untyped-def]
    """The profile the first run leaves behind."""
    settings.set_up_dealer(
        name="星辉汽车服务有限公司",
        address="北京市朝阳区",
        phone="010-88886666",
        tax_no="91110105MA01ABCD2X",
        labour_rate_cents=18_000,
        actor=staff.admin,
    )


def make_ws(qtbot, ctx):  # type: ignore[no-untyped-def]
    # On screen and the active window, as a person sees it before typing (a window used
    # before its activation was handled crashed Qt in the next event loop pass).
    return person.show_window(qtbot, SettingsWorkspace(ctx), (1280, 860))


def field(ws: SettingsWorkspace, name: str) -> QWidget:
    """An input of the form by its object name (``setting_<name>``), as tests find it."""
    found = ws.findChild(QWidget, f"setting_{name}")
    assert found is not None, name
    return found


def test_a_manager_changes_rate_tax_limit_and_warranty(qtbot, make_ctx, shown) -> None:  # type: ignore[no-untyped-def]
    ws = make_ws(qtbot, make_ctx("manager"))
    rate = field(ws, "labour_rate_cents")
    assert isinstance(rate, QLineEdit) and rate.text() == "180.00" and not ws.dirty
    label = ws.row_labels["labour_rate_cents"]  # every field has its visible name
    assert label.isVisible() and label.text() == "Labour rate (¥ per hour)" and label.buddy() is rate
    assert all(x.text() for x in ws.row_labels.values())
    person.fill(qtbot, rate, "215.50")  # click in, select all, type over
    field(ws, "tax_rate").setValue(9)
    field(ws, "discount_advisor").setValue(8)
    field(ws, "warranty_minor_days").setValue(60)
    assert ws.dirty and ws.state.text()
    person.click(qtbot, ws.save_button)
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
    tax = field(ws, "tax_rate")
    tax.setValue(6)
    person.fill(qtbot, field(ws, "dealer_name"), " ")
    assert not ws.save()
    assert shown and "name" in shown[-1][1].lower()
    assert settings.get_setting("tax_rate") == Decimal("0.13")  # nothing of the save landed
    assert tax.value() == 6 and ws.dirty  # the typing stays
    field(ws, "labour_rate_cents").setText("abc")
    assert not ws.save()
    assert settings.get_setting("labour_rate_cents") == 18_000
    ws.revert()
    assert tax.value() == 13 and not ws.dirty


def test_a_change_elsewhere_reloads_only_an_untouched_form(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("manager")
    ws = make_ws(qtbot, ctx)
    settings.set_settings(actor=staff.by_role("admin"), values={"bays": 9})
    ws.refresh()
    assert field(ws, "bays").value() == 9
    field(ws, "comeback_days").setValue(45)
    settings.set_settings(actor=staff.by_role("admin"), values={"bays": 10})
    ws.refresh()
    assert field(ws, "comeback_days").value() == 45 and field(ws, "bays").value() == 9  # typing kept


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


def _inputs(d: SettingDef) -> list[str]:
    """The object names (without ``setting_``) the form gives a declared setting."""
    if d.unit == "km_days":
        return [f"warranty_{cls}_{part}" for cls in config.REPAIR_CLASSES for part in ("km", "days")]
    if d.kind is dict:
        return [f"discount_{role}" for role in DISCOUNT_ROLES]
    return [d.key]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_declared_setting_has_an_editor_with_its_label(qtbot, make_ctx, lang) -> None:  # type: ignore[no-untyped-def]
    """The form is made from advisor.config.SETTINGS: every setting on a box has its
    inputs, each named by a label in the user's language that focuses it (Alt+mnemonic)."""
    i18n.set_language(lang)
    try:
        ws = make_ws(qtbot, make_ctx("manager", lang))
        on_form = [d for d in SETTINGS.values() if d.group]
        assert {d.key for d in SETTINGS.values()} - {d.key for d in on_form} == {"setup_done"}
        for d in on_form:
            for name in _inputs(d):
                box = field(ws, name)
                assert box.isVisibleTo(ws), name
                if d.unit == "km_days":
                    continue  # a grid headed by class, km and days
                label = ws.row_labels[name]
                want = d.form_en or d.label_en if lang == "en" else d.form_zh or d.label_zh
                assert label.buddy() is box and label.text().startswith(want.split("%1")[0]), (
                    name,
                    label.text(),
                )
        assert ws.row_labels["dealer_name"].text() == ("&Name" if lang == "en" else "名称(&N)")
        assert ws.row_labels["discount_cashier"].text() == (
            "Discount limit: Cashier" if lang == "en" else "折扣上限：收银员"
        )
        assert isinstance(field(ws, "bays"), QAbstractSpinBox) and field(ws, "bays").maximum() == 200
        assert field(ws, "service_interval_km").singleStep() == 500
    finally:
        i18n.set_language("en")


def test_an_edit_on_the_form_saves_through_the_settings_service(qtbot, make_ctx, shown) -> None:  # type: ignore[no-untyped-def]
    """A person types the new number of bays and saves with Ctrl+S: the service stores it."""
    ws = person.show_window(qtbot, make_ws(qtbot, make_ctx("manager")))
    person.fill(qtbot, field(ws, "bays"), "12")
    assert ws.dirty
    person.key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shown == []
    assert settings.get_setting("bays") == 12
    assert not ws.dirty


def test_a_new_setting_needs_no_ui_code(qtbot, make_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Declared with a box, a unit and a range, a setting appears on the form and saves."""
    new = SettingDef(
        "loan_cars",
        int,
        2,
        "Loan cars",
        "代步车数量",
        "limits",
        "count",
        0,
        20,
        form_en="Loan &cars",
        form_zh="代步车(&C)",
    )
    monkeypatch.setitem(SETTINGS, new.key, new)
    ws = person.show_window(qtbot, make_ws(qtbot, make_ctx("manager")))
    box = field(ws, "loan_cars")
    assert box.value() == 2 and box.maximum() == 20 and ws.row_labels["loan_cars"].text() == "Loan &cars"
    person.fill(qtbot, box, "5")
    person.click(qtbot, ws.save_button)
    assert settings.get_setting("loan_cars") == 5
