"""Today's "Needs me": what waits on the advisor, its count on the rail, a row that opens
the RO at the step to act on, the tray while the window is behind another, and the
header's "Customer updated" that clears what needed it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from advisor.codes import NeedKind
from advisor.services import changes, quality, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.conftest import PG_URL
from tests.ui import person
from tests.ui.closing_helpers import desk
from tests.ui.shell_support import workstation  # noqa: F401
from ui.context import AppContext
from ui.live import LiveBridge
from ui.main_window import MainWindow
from ui.workspaces.repair_order import RepairOrderWorkspace
from ui.workspaces.today import TodayWorkspace

ROOT = Path(__file__).resolve().parents[2]
LIVE_MS = 2500  # SQLite polls every 0.5 s, PostgreSQL notifies; then 100 + 150 ms coalesced

# The technician's desk: opens the same database, waits for "go", raises a change request.
TECHNICIAN_DESK = textwrap.dedent(
    """
    import sys
    from advisor.services import changes, system
    from advisor.services._base import Actor

    url, user_id, ro_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    system.open_database(url)
    print("ready", flush=True)
    sys.stdin.readline()
    cr = changes.request_change(
        actor=Actor(user_id, "zhao.lei", "赵磊", "technician"),
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn to 2 mm 后刹车片磨损",
        lines=[{"kind": "labour", "description": "Replace rear pads", "quantity": "1"}],
    )
    print(cr, flush=True)
    """
)


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge(sqlite_interval=0.5)
    yield b
    b.stop()


def today_of(window: MainWindow) -> TodayWorkspace:
    ws = window.workspace("today")
    assert isinstance(ws, TodayWorkspace) and ws.isVisible()
    return ws


def rail_text(window: MainWindow, key: str) -> str:
    return window.rail.item(window.workspace_keys().index(key)).text()


def row_of(today: TodayWorkspace, ro_id: int, kind: str) -> int:
    assert today.needs is not None
    for row, item in enumerate(today.needs.items):
        if item.ro_id == ro_id and item.kind == kind:
            return row
    raise AssertionError(f"no {kind} item of RO {ro_id}: {today.needs.items}")


def test_a_change_raised_at_the_technicians_desk_reaches_the_advisor_and_opens_the_consent_step(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, url: str, bridge: LiveBridge
) -> None:
    ro_id, _ = factories.authorised(staff)
    window = desk(qtbot, ctx)
    bridge.changed.connect(ctx.ops.changed)  # as the app wires it: other desks' commits
    bridge.start(url, shared=bool(PG_URL))
    assert bridge.wait_ready()
    today = today_of(window)
    assert today.needs is not None and today.needs_view is not None and today.needs_title is not None
    assert today.needs.items == []
    assert today.needs_title.text() == "Needs me (0): nothing waits on you"
    assert not today.needs_view.isVisible()  # the title alone: the lanes take the height
    assert rail_text(window, "today") == "Today"
    qtbot.wait(700)  # the SQLite poller has read its first data_version

    other = subprocess.Popen(
        [sys.executable, "-c", TECHNICIAN_DESK, url, str(staff.technician.user_id), str(ro_id)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "ready"
        other.stdin.write("go\n")
        other.stdin.flush()
        cr = int(other.stdout.readline())
        qtbot.waitUntil(lambda: bool(today.needs and today.needs.items), timeout=LIVE_MS)
    finally:
        other.communicate(timeout=30)
    assert other.returncode == 0

    (item,) = today.needs.items
    assert (item.kind, item.ro_id, item.ref) == (NeedKind.CONSENT, ro_id, cr)
    assert today.needs_title.text() == "Needs me (1)"
    assert rail_text(window, "today") == "Today (1)"
    row = row_of(today, ro_id, NeedKind.CONSENT)
    texts = [today.needs.index(row, c).data() for c in range(today.needs.columnCount())]
    assert texts[:3] == ["Customer's answer to a change", get_ro_view(ro_id).number, item.plate]
    assert "Rear pads worn" in texts[4]

    person.click_at(qtbot, today.needs_view, today.needs.index(row, 1))
    ro_ws = window.workspace("repair_order")
    assert isinstance(ro_ws, RepairOrderWorkspace) and ro_ws.isVisible()
    assert (ro_ws.ro_id, ro_ws.current_step) == (ro_id, 8)  # the change requests and the consent
    page = ro_ws.pages[8]
    assert page.isVisible() and page.changes.rowCount() == 1
    assert "Rear pads worn" in page.changes.item(0, 1).text()
    person.click_at(qtbot, page.changes, page.changes.model().index(0, 1))
    assert page.answer_btn.isVisible() and page.answer_btn.isEnabled()


def test_the_customer_updated_button_clears_a_failed_check_from_needs_me(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    ro_id, _ = factories.worked(staff)
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, False) for i in quality.checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        notes="Squeal still there",
    )
    window = desk(qtbot, ctx)
    today = today_of(window)
    assert today.needs is not None and today.needs_view is not None
    row = row_of(today, ro_id, NeedKind.QC_FAILED)
    assert rail_text(window, "today") == "Today (1)"
    person.click_at(qtbot, today.needs_view, today.needs.index(row, 0))
    ro_ws = window.workspace("repair_order")
    assert isinstance(ro_ws, RepairOrderWorkspace)
    assert ro_ws.current_step == 9  # the final check that failed
    button = ro_ws.header.inform_button
    person.click(qtbot, button)
    qtbot.waitUntil(lambda: rail_text(window, "today") == "Today")
    assert today.needs.items == []
    events = get_ro_view(ro_id).events
    assert [e.user for e in events if e.action == "customer_informed"] == [staff.advisor.display_name]
    qtbot.waitUntil(lambda: "Last update" in button.toolTip())


def test_who_may_not_give_an_update_has_no_button_and_no_lane(
    qtbot: QtBot, make_ctx: object, staff: factories.Staff
) -> None:
    ro_id, _ = factories.authorised(staff)
    ctx = make_ctx("foreman")  # type: ignore[operator]
    window = desk(qtbot, ctx)
    window.open_workspace("today")
    today = window.workspace("today")
    assert isinstance(today, TodayWorkspace)
    assert today.needs is None and today.needs_view is None and window.needs is None
    window.open_ro(ro_id)
    ro_ws = window.workspace("repair_order")
    assert isinstance(ro_ws, RepairOrderWorkspace) and not ro_ws.header.inform_button.isVisible()


def test_a_manager_sees_every_advisors_items_and_whose_they_are(
    qtbot: QtBot, make_ctx: object, staff: factories.Staff
) -> None:
    ro_id, _ = factories.authorised(staff)
    changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="Disc scored",
        lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1"}],
    )
    window = desk(qtbot, make_ctx("manager"))  # type: ignore[operator]
    window.open_workspace("today")
    today = today_of(window)
    assert today.needs is not None
    row = row_of(today, ro_id, NeedKind.CONSENT)
    assert today.needs.headerData(4, Qt.Orientation.Horizontal) == "Advisor"
    assert today.needs.index(row, 4).data() == staff.advisor.display_name


def test_a_new_item_while_the_window_is_behind_another_is_told(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    ro_id, _ = factories.authorised(staff)
    window = desk(qtbot, ctx)
    person.show_window(qtbot, window)
    watcher, tray = window.needs, window.needs_tray
    assert watcher is not None
    # In front: the lane says it, the tray does not.
    promised = get_ro_view(ro_id).promised_at
    assert promised is not None
    first = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="Waiting for a part",
        new_promised_at=promised + dt.timedelta(hours=2),
    )
    watcher.refresh()
    assert [i.ref for i in watcher.items] == [first] and tray.shown == []

    other = QWidget()
    person.show_window(qtbot, other, (400, 300))  # another window comes to the front
    assert not window.isActiveWindow()
    paid, _ = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=paid)
    watcher.refresh()
    assert tray.shown == []  # settled, not paid: nothing new for the advisor
    settlement.explain_items(actor=staff.advisor, ro_id=paid)
    total = get_ro_view(paid).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(actor=staff.cashier, ro_id=paid, method="card", amount_cents=total, reference="POS-1")
    watcher.refresh()
    assert len(tray.shown) == 1
    title, text = tray.shown[0]
    assert title == "Needs you: 1 new"
    assert get_ro_view(paid).number in text and "Paid: ready for handover" in text
    watcher.refresh()
    assert len(tray.shown) == 1  # told once
    window.hide()  # a session put aside (a colleague's in front): it does not speak
    factories.settled_paid(staff)
    watcher.refresh()
    assert len(tray.shown) == 1 and len(watcher.items) == 3


def test_the_lane_is_as_high_as_its_rows_on_the_counters_screen(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    for _ in range(7):
        ro_id, _ = factories.authorised(staff)
        changes.request_change(
            actor=staff.technician,
            ro_id=ro_id,
            kind="extra_work",
            reason="Disc scored",
            lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1"}],
        )
    window = desk(qtbot, ctx)
    today = today_of(window)
    assert today.needs is not None and today.needs_view is not None
    view = today.needs_view

    def all_rows_shown() -> bool:
        last = view.visualRect(today.needs.index(6, 0))  # type: ignore[union-attr]
        return view.viewport().rect().contains(last)

    qtbot.waitUntil(all_rows_shown, timeout=1000)
    assert today.lanes_splitter.height() > window.height() // 3  # the lanes keep the rest


def test_f5_reads_what_needs_me_again(qtbot: QtBot, ctx: AppContext, staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    window = desk(qtbot, ctx)
    person.show_window(qtbot, window)
    today = today_of(window)
    assert today.needs is not None and today.needs.items == []
    changes.request_change(  # saved where no signal reaches this window
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="Disc scored",
        lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1"}],
    )
    person.click(qtbot, today.refresh_button)
    assert [i.kind for i in today.needs.items] == [NeedKind.CONSENT]
    assert rail_text(window, "today") == "Today (1)"
