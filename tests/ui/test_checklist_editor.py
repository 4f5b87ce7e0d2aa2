"""The service manager keeps the inspection checklists (issue 18), from Settings, as a
person does it: pick the kind, click an item, change its threshold, add one, move it,
take one out of use; a wrong threshold is refused beside its field, nothing saved."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication

from advisor.models import InspectionItem
from tests.snapshot import db_snapshot
from tests.ui import person
from tests.ui.test_settings_ws import dealership, make_ws  # noqa: F401  (the fixture)
from ui.checklist_editor import ChecklistEditor


def _open(qtbot, ws) -> ChecklistEditor:  # type: ignore[no-untyped-def]
    person.click(qtbot, ws.checklists_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ChecklistEditor))
    editor = QApplication.activeModalWidget()
    assert isinstance(editor, ChecklistEditor)
    return editor


def _click_item(qtbot, editor: ChecklistEditor, name: str) -> None:  # type: ignore[no-untyped-def]
    row = next(n for n, i in enumerate(editor.items) if i.name_en == name)
    person.click_at(qtbot, editor.table, editor.table.model().index(row, 1))
    assert editor.name_en.text() == name


def _item(kind: str, key: str) -> InspectionItem:
    return InspectionItem.get((InspectionItem.vehicle_kind == kind) & (InspectionItem.key == key))


def test_the_manager_edits_an_electric_cars_checklist(qtbot, make_ctx, shown) -> None:  # type: ignore[no-untyped-def]
    ws = make_ws(qtbot, make_ctx("manager"))
    editor = _open(qtbot, ws)
    person.choose(qtbot, editor.kind, "Electric vehicle")
    assert "Traction battery state of health" in [i.name_en for i in editor.items]
    # A stricter threshold for the traction battery.
    _click_item(qtbot, editor, "Traction battery state of health")
    person.fill(qtbot, editor.yellow_at, "85")
    person.click(qtbot, editor.save_button)
    assert _item("ev", "hv_battery_health").yellow_at == Decimal("85")
    # Red above yellow where lower is worse: refused beside "Red at", nothing saved.
    before = db_snapshot()
    person.fill(qtbot, editor.red_at, "90")
    person.click(qtbot, editor.save_button)
    assert editor.notes["red_at"].severity == "error" and editor.red_at.text() == "90"
    assert db_snapshot() == before and shown == []
    # A new item, at the end, then moved up one place.
    person.click(qtbot, editor.new_button)
    person.fill(qtbot, editor.name_en, "Charging cable insulation")
    person.fill(qtbot, editor.name_zh, "充电线绝缘层")
    person.choose(qtbot, editor.group, "High-voltage system")
    person.click(qtbot, editor.save_button)
    assert editor.items[-1].name_zh == "充电线绝缘层"
    last_two = [i.key for i in editor.items[-2:]]
    person.click(qtbot, editor.up_button)
    assert [i.key for i in editor.items[-2:]] == last_two[::-1]
    # The wipers out of use: greyed in the list, not on new inspections.
    _click_item(qtbot, editor, "Wiper blades")
    person.click(qtbot, editor.active)
    person.click(qtbot, editor.save_button)
    assert not _item("ev", "wipers").active and _item("car", "wipers").active
    row = next(n for n, i in enumerate(editor.items) if i.key == "wipers")
    assert editor.table.item(row, 5).text() == "—"
    person.click(qtbot, editor.close_button)
    assert shown == []


def test_only_the_manager_is_offered_the_checklists(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ws = make_ws(qtbot, make_ctx("admin"))
    assert not ws.checklists_button.isVisible()
    ws = make_ws(qtbot, make_ctx("manager"))
    assert ws.checklists_button.isVisible()
