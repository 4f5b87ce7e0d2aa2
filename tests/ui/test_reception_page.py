"""Step 3: greeting, the check-in walk-around with damage marks, comebacks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from advisor.services import reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.workspaces.repair_order import RepairOrderWorkspace


def arrived(staff: factories.Staff, vehicle_id: int | None = None) -> int:
    if vehicle_id is None:
        _c, vehicle_id = factories.make_customer_vehicle(staff)
    return reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)


def open_page(qtbot, ctx, ro_id):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    assert ws.current_step == 3
    return ws, ws.pages[3]


def test_greet_then_check_in_with_damage_marks(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = arrived(staff)
    ws, page = open_page(qtbot, ctx, ro_id)
    assert "greet within 3 min" in page.greet_timer.text()
    person.click(qtbot, page.greet_button)
    assert get_ro_view(ro_id).greeted_at is not None
    qtbot.waitUntil(lambda: "Greeted after" in page.greet_timer.text())

    person.fill(qtbot, page.mileage, "23456")
    person.click(qtbot, page.fuel)  # on the handle at 4/8: takes the focus, moves nothing
    for _ in range(4):
        person.key(qtbot, Qt.Key.Key_Left)  # default 4/8 → 0/8 ...
    person.key(qtbot, Qt.Key.Key_Right)
    person.key(qtbot, Qt.Key.Key_Right)
    assert page.fuel_text.text().endswith("2/8")
    person.fill(qtbot, page.valuables, "dashcam")
    person.click(qtbot, page.booklet)
    person.click(qtbot, page.old_parts)
    person.choose(qtbot, page.waits, "Waits in the lounge")
    person.choose(qtbot, page.wash, "Wash requested")
    person.choose(qtbot, page.repair_class, "Second-level maintenance")
    # A dent on the front bumper by clicking the outline …
    person.choose(qtbot, page.kind, "Dent")
    person.fill(qtbot, page.note, "5 cm")
    centre = page.outline.zone_rect("front_bumper").center().toPoint()
    person.click(qtbot, page.outline, pos=QPoint(centre))
    # … a scratch on the left rear door with the keyboard, and one mark removed again.
    person.choose(qtbot, page.kind, "Scratch")
    person.choose(qtbot, page.zone, "Rear left door")
    person.click(qtbot, page.add_button)
    person.choose(qtbot, page.zone, "Roof")
    person.click(qtbot, page.add_button)
    assert page.marks_list.count() == 3
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(2, 0))
    person.click(qtbot, page.remove_button)
    assert page.marks_list.count() == 2

    person.click(qtbot, page.save_button)
    assert shown == []
    v = get_ro_view(ro_id)
    assert v.checked_in_at is not None
    assert (v.mileage_in, v.fuel_level, v.valuables) == (23_456, 2, "dashcam")
    assert v.booklet_present and v.return_old_parts and v.customer_waits and v.wash_requested
    assert v.repair_class == "level2"
    assert v.body_damage == (
        {"zone": "front_bumper", "kind": "dent", "note": "5 cm"},
        {"zone": "rear_left_door", "kind": "scratch", "note": ""},
    )
    qtbot.waitUntil(lambda: ws.current_step == 4)  # follows the RO to diagnosis


def test_refused_check_in_keeps_the_input(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = arrived(staff)
    _ws, page = open_page(qtbot, ctx, ro_id)
    person.fill(qtbot, page.approval_contact, "not a phone")
    person.fill(qtbot, page.valuables, "laptop")
    person.choose(qtbot, page.zone, "Boot")
    person.click(qtbot, page.add_button)
    person.click(qtbot, page.save_button)
    assert len(shown) == 1 and shown[0][0] == "error"
    assert get_ro_view(ro_id).checked_in_at is None
    assert page.valuables.text() == "laptop" and page.marks_list.count() == 1


def test_comeback_banner_links_the_earlier_visit(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    _c, vehicle_id = factories.make_customer_vehicle(staff)
    first, _ = factories.handed_over(staff, vehicle_id=vehicle_id)
    ro_id = arrived(staff, vehicle_id)
    _ws, page = open_page(qtbot, ctx, ro_id)
    assert not page.comeback.isHidden()
    assert page.comeback_pick.currentData() == first
    person.click(qtbot, page.comeback_button)
    assert shown == []
    assert get_ro_view(ro_id).comeback_of_id == first
    qtbot.waitUntil(lambda: page.comeback_button.isHidden())


def test_keyboard_only_check_in(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = arrived(staff)
    ws, page = open_page(qtbot, ctx, ro_id)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    person.fill(qtbot, page.valuables, "umbrella")
    person.key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert get_ro_view(ro_id).valuables == "umbrella"


def test_a_check_in_saved_meanwhile_elsewhere_is_shown_side_by_side(
    qtbot,
    ctx,
    make_ctx,
    staff,
    shown,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """Two advisors check in the same car: the second sees both versions in words and
    keeps the first's record by reloading; nothing the first saved is lost."""
    from ui.conflict_dialog import ConflictDialog

    ro_id = arrived(staff)
    _ws, page = open_page(qtbot, ctx, ro_id)
    person.fill(qtbot, page.mileage, "32000")
    person.choose(qtbot, page.wash, "Wash requested")
    other = make_ctx("advisor")
    reception.check_in(
        actor=other.actor,
        ro_id=ro_id,
        version=get_ro_view(ro_id).version,
        mileage_km=31_000,
        fuel_level=6,
        wash_requested=False,
        body_damage=[{"zone": "rear_bumper", "kind": "scratch", "note": "旧伤"}],
    )
    dialogs: list[dict[str, tuple[str, str]]] = []

    def answer(dialog: ConflictDialog) -> int:
        # What the dialog shows is read while it is open (the click's events delete it after).
        dialogs.append(
            {
                dialog.table.item(r, 0).text(): (
                    dialog.table.item(r, 1).text(),
                    dialog.table.item(r, 2).text(),
                )
                for r in range(dialog.table.rowCount())
            }
        )
        dialog.choose(ConflictDialog.RELOAD)
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", answer)  # the modal dialog answered by hand
    person.click(qtbot, page.save_button)
    assert shown == []
    (rows,) = dialogs
    assert rows["≠ Mileage in"] == ("32000", "31000")
    assert rows["≠ Wash"] == ("Wash requested", "No wash")
    assert rows["≠ Existing body damage"][1].startswith("Rear bumper: Scratch (旧伤)")
    stored = get_ro_view(ro_id)
    assert (stored.mileage_in, stored.wash_requested) == (31_000, False)  # theirs kept
    assert page.mileage.value() == 31_000 and page.wash.currentData() is False  # and shown
