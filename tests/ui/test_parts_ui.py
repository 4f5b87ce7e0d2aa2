"""The parts workspace: order a part for an RO, book its arrival, the advisor is told."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from advisor.services import estimate, parts
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.context import AppContext
from ui.parts_dialogs import AddPartDialog, OrderPartDialog
from ui.workspaces.parts import PartsWorkspace


def shown_at_1366(qtbot: QtBot, ws: PartsWorkspace) -> None:
    person.show_window(qtbot, ws)


def ok_button(buttons: QDialogButtonBox):  # type: ignore[no-untyped-def]
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_part_ordered_then_booked_in_tells_the_advisor_and_raises_priority(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    view = get_ro_view(ro_id)
    assert view.priority == 0
    ctx = make_ctx("parts_clerk")
    ws = PartsWorkspace(ctx)
    shown_at_1366(qtbot, ws)

    person.click_tab(qtbot, ws.tabs, 1)
    person.fill(qtbot, ws.search, "45251")  # front brake disc
    row = [p.number for p in ws.parts_].index("45251-TBA-A01")
    person.click_at(qtbot, ws.catalogue, ws.catalogue.model().index(row, 0))
    person.click(qtbot, ws.order_btn)
    dialog = ws.findChild(OrderPartDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    person.fill(qtbot, dialog.qty, "2")
    person.choose(qtbot, dialog.target, "A repair order (number)")
    person.fill(qtbot, dialog.ro_number, view.number)
    with qtbot.waitSignal(ctx.ops.changed):
        person.click(qtbot, ok_button(dialog.buttons))
    order = dialog.result_view
    assert order is not None and order.ro_id == ro_id and order.quantity == 2
    qtbot.waitUntil(lambda: any(o.id == order.id for o in ws.orders_))

    # The daily arrivals check: book it in from the orders tab.
    person.click_tab(qtbot, ws.tabs, 0)
    row = [o.id for o in ws.orders_].index(order.id)
    person.click_at(qtbot, ws.orders, ws.orders.model().index(row, 0))
    person.click(qtbot, ws.book_btn)
    assert shown == []
    tasks = parts.tasks_for(staff.advisor.user_id)
    assert [(t.kind, t.ro_id) for t in tasks] == [("notify_customer", ro_id)]
    assert parts.tasks_for(staff.advisor2.user_id) == []
    assert get_ro_view(ro_id).priority == 1
    qtbot.waitUntil(lambda: all(o.id != order.id for o in ws.orders_))


def test_orders_due_today_or_earlier_come_first_and_can_be_filtered(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    disc = next(p for p in parts.catalogue("45251"))
    today = dt.date.today()
    later = parts.order_part(
        actor=staff.parts, part_id=disc.id, quantity=1, expected_on=today + dt.timedelta(days=3)
    )
    due = parts.order_part(actor=staff.parts, part_id=disc.id, quantity=1, expected_on=today)
    ws = PartsWorkspace(make_ctx("parts_clerk"))
    shown_at_1366(qtbot, ws)
    ws.refresh()  # as the shell does when the workspace opens
    assert [o.id for o in ws.orders_] == [due.id, later.id]
    person.click(qtbot, ws.due_only)
    assert [o.id for o in ws.orders_] == [due.id]


def test_an_advisor_sees_stock_but_adding_a_part_is_refused_by_the_service(
    ctx: AppContext, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ws = PartsWorkspace(ctx)
    shown_at_1366(qtbot, ws)
    ws.refresh()  # as the shell does when the workspace opens
    pads = next(p for p in ws.parts_ if p.number == "45022-TBA-A01")
    assert pads.available == pads.on_hand - pads.reserved
    # An advisor cannot click Add part… (disabled, with the reason in its tooltip) …
    person.click_tab(qtbot, ws.tabs, 1)
    assert not ws.add_btn.isEnabled() and "parts clerk" in ws.add_btn.toolTip()
    # … and should the dialog open all the same (called directly), the service refuses.
    dialog = ws.add_part()
    assert isinstance(dialog, AddPartDialog)
    qtbot.waitExposed(dialog)
    person.fill(qtbot, dialog.number, "NEW-1")
    person.fill(qtbot, dialog.name_en, "Thing")
    person.fill(qtbot, dialog.name_zh, "东西")
    person.fill(qtbot, dialog.price, "12.50")
    person.click(qtbot, ok_button(dialog.buttons))
    assert dialog.isVisible()
    assert shown and shown[0][0] == "error"
    assert not parts.catalogue("NEW-1")


def test_a_part_line_out_of_stock_is_ordered_on_authorisation(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    estimate.add_line(actor=staff.advisor, ro_id=ro_id, kind="part", code="38810-TBA-A01", quantity=1)
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={x.id: "approved" for x in get_ro_view(ro_id).lines},
        customer_name="张伟",
        method="in_person",
        promised_at=dt.datetime.now() + dt.timedelta(days=3),
        signature=factories.signature(),
    )
    line = get_ro_view(ro_id).lines[0]
    assert line.part_status == "ordered" and line.part_eta is not None
