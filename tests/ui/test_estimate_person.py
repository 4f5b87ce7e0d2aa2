"""Step 5 as a person does it at 1366×768: a free labour line typed into the form and a
part picked from the autocomplete with Down+Enter, read back through the services."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.workspaces.repair_order import RepairOrderWorkspace


def test_advisor_adds_a_free_labour_line_and_a_part_from_the_autocomplete(
    qtbot, make_ctx, staff, shown
) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("advisor", "zh_CN")
    ro_id = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    page = ws.pages[5]
    assert ws.current_step == 5

    # Free labour: code, description, 1.5 h at ¥180 — every input found where it is seen.
    person.click_tab(qtbot, page.adders, 0)
    person.fill(qtbot, page.labour_code, "L-FBP")
    person.fill(qtbot, page.labour_desc, "更换前刹车片")
    person.fill(qtbot, page.labour_hours, "1.5")
    person.fill(qtbot, page.labour_rate, "180")
    person.click(qtbot, page.labour_add)
    assert shown == []
    lines = get_ro_view(ro_id).lines
    assert [
        (x.kind, x.code, x.description, x.quantity, x.unit_price_cents, x.amount_cents) for x in lines
    ] == [("labour", "L-FBP", "更换前刹车片", 1.5, 18_000, 27_000)]
    # The form is ready for the next line.
    assert page.labour_code.text() == "" and page.labour_code.hasFocus()

    # A part: type 机油, walk the list with Down to the 1-litre oil, Enter.
    person.click_tab(qtbot, page.adders, 1)
    picked = person.pick_completion(qtbot, page.part_number, "机油", "0W-20")
    assert picked.startswith("08798-9036")
    qtbot.waitUntil(lambda: page.part_number.text() == "08798-9036")
    assert "机油 0W-20 1升" in page.part_info.text()
    assert len(get_ro_view(ro_id).lines) == 1  # picking is not adding: the quantity may follow
    person.fill(qtbot, page.part_qty, "4")
    person.click(qtbot, page.part_add)
    assert shown == []
    part = get_ro_view(ro_id).lines[-1]
    assert (part.kind, part.code, part.quantity, part.unit_price_cents, part.amount_cents) == (
        "part",
        "08798-9036",
        4,
        9_800,
        39_200,
    )

    # And the same again with the mouse on the list, then Enter in the field adds it.
    picked = person.pick_completion(qtbot, page.part_number, "滤清器", "机油滤清器", mouse=True)
    assert picked.startswith("15400-RTA-003")
    qtbot.waitUntil(lambda: page.part_number.text() == "15400-RTA-003")
    person.key(qtbot, Qt.Key.Key_Return)
    assert shown == []
    assert get_ro_view(ro_id).lines[-1].code == "15400-RTA-003"
