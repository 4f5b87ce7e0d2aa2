"""The parts workspace: order a part for an RO, book its arrival, the advisor is told."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from advisor.services import estimate, parts
from advisor.services.orders import get_ro_view
from tests import factories
from ui.context import AppContext
from ui.workspaces.parts import PartsWorkspace


def test_part_ordered_then_booked_in_tells_the_advisor_and_raises_priority(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    view = get_ro_view(ro_id)
    assert view.priority == 0
    ctx = make_ctx("parts_clerk")
    ws = PartsWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)

    ws.search.setText("45251")  # front brake disc
    assert ws.select_part("45251-TBA-A01")
    dialog = ws.order_selected(ro_number=view.number)
    assert dialog is not None
    dialog.qty.setValue(2)
    with qtbot.waitSignal(ctx.ops.changed):
        order = dialog.submit()
    assert order is not None and order.ro_id == ro_id and order.quantity == 2
    qtbot.waitUntil(lambda: any(o.id == order.id for o in ws.orders_))

    # The daily arrivals check: book it in from the orders tab.
    assert ws.select_order(order.id)
    assert ws.book_selected() is not None
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
    qtbot.addWidget(ws)
    ws.refresh()
    assert [o.id for o in ws.orders_] == [due.id, later.id]
    ws.due_only.setChecked(True)
    assert [o.id for o in ws.orders_] == [due.id]


def test_an_advisor_sees_stock_but_adding_a_part_is_refused_by_the_service(
    ctx: AppContext, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ws = PartsWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.refresh()
    pads = next(p for p in ws.parts_ if p.number == "45022-TBA-A01")
    assert pads.available == pads.on_hand - pads.reserved
    dialog = ws.add_part()
    dialog.number.setText("NEW-1")
    dialog.name_en.setText("Thing")
    dialog.name_zh.setText("东西")
    dialog.price.setText("12.50")
    assert dialog.submit() is None
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
    )
    line = get_ro_view(ro_id).lines[0]
    assert line.part_status == "ordered" and line.part_eta is not None
