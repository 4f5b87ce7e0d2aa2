"""Estimate, Add part: a part number typed in full is added with one click on Add.

The completer's list, open on the typed number and offering only that part, swallowed the
first click anywhere outside it (Qt closes a popup on a click outside and eats that click),
so Add took two clicks while the field showed the exact number."""

from __future__ import annotations

import pytest

from advisor.services import parts
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.workspaces.repair_order import RepairOrderWorkspace


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_part_number_typed_in_full_is_added_with_one_click(qtbot, make_ctx, staff, shown, lang) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(make_ctx("advisor", lang))
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    page = ws.pages[5]
    person.click_tab(qtbot, page.adders, 1)
    person.fill(qtbot, page.part_number, "45022-TBA-A0")
    popup = page.part_completer.popup()
    qtbot.waitUntil(popup.isVisible)  # a partial number: the list helps, and stays
    person.type_text(qtbot, "1")
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=1000)  # the whole number: it goes
    person.click(qtbot, page.part_add)
    assert shown == []
    assert [(x.kind, x.code) for x in get_ro_view(ro_id).lines] == [("part", "45022-TBA-A01")]


def test_a_number_that_begins_another_keeps_the_list(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    """Only a list offering nothing but the typed part closes: another entry still helps."""
    parts.add_part(
        actor=staff.parts,
        number="45022-TBA-A01-K",
        name_en="Pad kit",
        name_zh="刹车片套件",
        price_cents=50_000,
    )
    ro_id = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(make_ctx("advisor", "en"))
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    page = ws.pages[5]
    person.click_tab(qtbot, page.adders, 1)
    person.fill(qtbot, page.part_number, "45022-TBA-A01")
    popup = page.part_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.wait(50)
    assert popup.isVisible() and page.part_completer.completionCount() == 2
