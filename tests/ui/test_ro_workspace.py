"""The repair order workspace: step bar, locked steps with the domain's reason, timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.context import AppContext
from ui.workspaces.repair_order import RepairOrderWorkspace


def make_ws(qtbot, ctx: AppContext, ro_id: int) -> RepairOrderWorkspace:  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    return ws


def test_step_bar_shows_current_step_and_done_steps(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, ctx, ro_id)
    assert get_ro_view(ro_id).step == 5
    assert ws.step_bar.state_of(5) == "current"
    assert ws.step_bar.buttons[5].isChecked()
    assert ws.current_step == 5
    assert ws.step_bar.state_of(3) == "done"
    done = ws.step_bar.buttons[3]
    assert done.text().startswith("✓")
    assert "李娜" in done.text()  # who did it
    assert ws.header.plate.text() == get_ro_view(ro_id).vehicle.plate


def test_locked_step_tooltip_carries_the_domain_reason(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, ctx, ro_id)
    assert ws.step_bar.state_of(7) == "locked"
    tip = ws.step_bar.buttons[7].toolTip()
    assert "The customer has not authorised the estimate" in tip


def test_locked_step_tooltip_in_chinese(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, make_ctx("advisor", lang="zh_CN"), ro_id)
    assert "客户尚未授权估价" in ws.step_bar.buttons[7].toolTip()


def test_clicking_and_keys_open_step_pages(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, ctx, ro_id)
    person.click(qtbot, ws.step_bar.buttons[4])
    assert ws.current_step == 4
    assert ws.stack.currentWidget() is ws.pages[4]
    assert ws.step_bar.buttons[4].hasFocus()
    person.key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert ws.current_step == 3
    person.click(qtbot, ws.step_bar.buttons[3])
    assert ws.step_bar.buttons[3].hasFocus()
    person.key(qtbot, Qt.Key.Key_Right)
    assert ws.step_bar.buttons[4].hasFocus()
    person.key(qtbot, Qt.Key.Key_Return)
    assert ws.current_step == 4


def test_timeline_lists_events_and_standards(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, ctx, ro_id)
    person.click_tab(qtbot, ws.tabs, ws.tabs.indexOf(ws.timeline))
    rows = ws.timeline.rows()
    actions = [r[2] for r in rows]
    assert actions == ["Arrived", "Greeted", "Checked in", "Concern recorded"]  # the factory greets
    assert all(r[3] == "李娜" for r in rows)
    standards = ws.timeline.standards_tree
    greeting = standards.topLevelItem(0)
    assert greeting.data(1, Qt.ItemDataRole.UserRole) == "met"


def test_quote_panel_shows_the_words_exactly(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, ctx, ro_id)
    assert ws.quotes.texts() == [f"“{factories.WORDS}”"]


def test_view_refreshes_after_a_change(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    from advisor.services import estimate

    ro_id = factories.open_checked_in(staff)
    ws = make_ws(qtbot, ctx, ro_id)
    page = ws.page(5)
    # A change made elsewhere (another screen, through the same operations), not an input here.
    ctx.ops.run(
        estimate.add_line,
        parent=ws,
        ro_id=ro_id,
        kind="labour",
        description="Check brakes",
        quantity="1",
        unit_price_cents=10_000,
    )
    qtbot.waitUntil(lambda: page.view is not None and len(page.view.lines) == 1)
