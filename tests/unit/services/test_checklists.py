"""The service manager keeps the inspection checklists (issue 18, ``inspection.configure``):
add, rename, set unit and thresholds, reorder, deactivate; new inspections follow, done
ones keep their words; the defaults come back only where an item is missing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from advisor import db
from advisor.errors import FieldErrors, PermissionDenied, ValidationError
from advisor.models import AuditLog, InspectionItem
from advisor.services import checklists, inspection
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot
from tests.unit.services.test_gates import assert_bilingual


def _keys(staff: Staff, kind: str = "car") -> list[str]:
    return [i.key for i in checklists.read_checklist(actor=staff.technician, vehicle_kind=kind)]


def test_the_manager_adds_renames_reorders_and_deactivates_items(staff: Staff) -> None:
    items = checklists.read_checklist(actor=staff.manager, vehicle_kind="car")
    tread = next(i for i in items if i.key == "tread_fl")
    new_id = checklists.save_checklist_item(
        actor=staff.manager,
        vehicle_kind="car",
        name_en="Tow bar",
        name_zh="拖车钩",
        group="underbody",
    )
    assert _keys(staff)[-1].startswith("custom_")
    checklists.save_checklist_item(
        actor=staff.manager,
        vehicle_kind="car",
        item_id=tread.id,
        name_en="Tread depth, front left (outer)",
        name_zh="左前轮胎花纹深度（外侧）",
        group="tyres",
        unit="mm",
        yellow_at="4",
        red_at=Decimal("2"),
    )
    wipers = next(i for i in items if i.key == "wipers")
    checklists.save_checklist_item(
        actor=staff.manager,
        vehicle_kind="car",
        item_id=wipers.id,
        name_en=wipers.name_en,
        name_zh=wipers.name_zh,
        group=wipers.group,
        active=False,
    )
    before = _keys(staff)
    checklists.move_checklist_item(actor=staff.manager, item_id=new_id, up=True)
    after = _keys(staff)
    assert after[-2] == before[-1] and after[-1] == before[-2]
    # A new inspection follows the checklist as it is now.
    ro_id = factories.open_checked_in(staff)
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    view = inspection.inspection_of(ro_id)
    assert view is not None
    by_key = {r.item_key: r for r in view.results}
    assert "wipers" not in by_key
    assert by_key["tread_fl"].name_en == "Tread depth, front left (outer)"
    assert (by_key["tread_fl"].yellow_at, by_key["tread_fl"].red_at) == (Decimal("4.00"), Decimal("2.00"))
    assert [r.item_key for r in view.results][-2] == after[-2]
    actions = [
        a.action for a in AuditLog.select().where(AuditLog.entity == "inspection_item").order_by(AuditLog.id)
    ]
    assert actions == [
        "add_checklist_item",
        "edit_checklist_item",
        "edit_checklist_item",
        "move_checklist_item",
    ]


def test_only_the_manager_edits_the_checklists(staff: Staff) -> None:
    item = checklists.read_checklist(actor=staff.advisor, vehicle_kind="ev")[0]
    before = db_snapshot()
    for actor in (staff.advisor, staff.technician, staff.foreman, staff.admin):
        with pytest.raises(PermissionDenied) as info:
            checklists.save_checklist_item(
                actor=actor, vehicle_kind="ev", item_id=item.id, name_en="X", name_zh="X", group="cabin"
            )
        assert_bilingual(info.value)
        with pytest.raises(PermissionDenied):
            checklists.move_checklist_item(actor=actor, item_id=item.id, up=False)
    assert db_snapshot() == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name_en": "  "}, "name_en"),
        ({"name_zh": "长" * 101}, "name_zh"),
        ({"group": "roof"}, "group"),
        ({"unit": "millimetres"}, "unit"),
        ({"unit": "", "yellow_at": "3"}, "unit"),
        ({"yellow_at": "-1"}, "yellow_at"),
        ({"red_at": "NaN"}, "red_at"),
        ({"red_at": "abc"}, "red_at"),
        ({"yellow_at": "1.6", "red_at": "3"}, "red_at"),  # lower is worse: red must be below
        ({"lower_is_worse": False, "yellow_at": "3", "red_at": "1.6"}, "red_at"),
        ({"canned_job": "NOPE"}, "canned_job"),
    ],
)
def test_a_bad_item_is_refused_beside_its_field_and_nothing_changes(
    staff: Staff, changes: dict[str, object], field: str
) -> None:
    item = next(
        i for i in checklists.read_checklist(actor=staff.manager, vehicle_kind="car") if i.key == "tread_fl"
    )
    kwargs: dict[str, object] = {
        "name_en": item.name_en,
        "name_zh": item.name_zh,
        "group": item.group,
        "unit": item.unit,
        "yellow_at": item.yellow_at,
        "red_at": item.red_at,
        "lower_is_worse": True,
        **changes,
    }
    before = db_snapshot()
    with pytest.raises(ValidationError) as info:
        checklists.save_checklist_item(actor=staff.manager, vehicle_kind="car", item_id=item.id, **kwargs)  # type: ignore[arg-type]
    assert_bilingual(info.value)
    fields = (
        [e.field for e in info.value.errors] if isinstance(info.value, FieldErrors) else [info.value.field]
    )
    assert field in fields
    assert db_snapshot() == before


def test_a_database_from_before_the_inspection_gets_the_default_checklists(tmp_path: Path) -> None:
    """A database migrated to 0018 has the table but no items: opening it seeds them, and
    a manager's changes survive the next opening."""
    from advisor.reference import missing_reference_data
    from advisor.services import system

    url = f"sqlite:///{tmp_path / 'old.db'}"
    system.open_database(url)
    try:
        InspectionItem.delete().execute()  # as migration 0018 leaves an older database
        assert missing_reference_data()
        InspectionItem.insert(
            vehicle_kind="car",
            key="tread_fl",
            seq=5,
            group="tyres",
            name_en="Mine",
            name_zh="我的",
            active=False,
        ).execute()
    finally:
        db.close_database()
    system.open_database(url)
    try:
        assert not missing_reference_data()
        assert InspectionItem.select().where(InspectionItem.vehicle_kind == "hybrid").count() > 30
        mine = InspectionItem.get((InspectionItem.vehicle_kind == "car") & (InspectionItem.key == "tread_fl"))
        assert (mine.name_en, mine.active) == ("Mine", False)
    finally:
        db.close_database()
