"""The RO header's "Customer is waiting here" / "Customer has left": the advisor clicks it
as a person does and the lounge window (opened from the View menu) follows at once; who
may not change it has no button."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from advisor.models import RepairOrder
from advisor.services import lounge, reception
from tests import factories
from tests.conftest import PG_URL
from tests.ui import person
from tests.ui.closing_helpers import desk
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.test_lounge import ROOT, open_lounge, plate_of, shown_texts
from ui.context import AppContext
from ui.live import LiveBridge
from ui.lounge import LoungeWindow
from ui.main_window import MainWindow
from ui.workspaces.repair_order import RepairOrderWorkspace


def ro_of(window: MainWindow, ro_id: int) -> RepairOrderWorkspace:
    window.open_ro(ro_id)
    ws = window.workspace("repair_order")
    assert isinstance(ws, RepairOrderWorkspace) and ws.ro_id == ro_id
    return ws


def test_the_advisor_marks_the_customer_gone_and_the_car_leaves_the_lounge(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    ro_id, _ = factories.authorised(staff)  # past the check-in: only the header can change it
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    masked = lounge.mask_plate(plate_of(ro_id))
    window = desk(qtbot, ctx)
    tv = window.open_lounge()
    assert isinstance(tv, LoungeWindow)
    qtbot.waitUntil(lambda: masked in shown_texts(tv))
    tv.move(window.geometry().right() + 10, 0)  # beside the desk, as on a second screen
    ws = ro_of(window, ro_id)
    window.raise_()
    window.activateWindow()
    button = ws.header.waits_button
    assert button.isVisible() and button.text() == "Sta&ying here" and button.isChecked()
    assert "Click when the customer has left" in button.toolTip()
    person.click(qtbot, button)
    qtbot.waitUntil(lambda: masked not in shown_texts(tv), timeout=2000)
    assert tv.empty.isVisible()
    assert not RepairOrder.get_by_id(ro_id).customer_waits
    assert not button.isChecked() and "Click when the customer is waiting here" in button.toolTip()
    person.click(qtbot, button)  # they came back to wait for the car
    qtbot.waitUntil(lambda: masked in shown_texts(tv), timeout=2000)
    assert button.isChecked() and RepairOrder.get_by_id(ro_id).customer_waits


def test_who_may_not_change_it_has_no_button(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ro_id = factories.open_checked_in(staff)
    for role in ("foreman", "cashier"):
        window = desk(qtbot, make_ctx(role))
        assert not ro_of(window, ro_id).header.waits_button.isVisible()
        window.close()
    window = desk(qtbot, make_ctx("manager"))
    assert ro_of(window, ro_id).header.waits_button.isVisible()


def test_no_button_once_the_car_is_handed_over(qtbot: QtBot, ctx: AppContext, staff: factories.Staff) -> None:
    ro_id, _ = factories.handed_over(staff)
    window = desk(qtbot, ctx)
    assert not ro_of(window, ro_id).header.waits_button.isVisible()


# The advisor's desk, another PC: marks the customer of ``ro_id`` as gone.
ADVISOR_DESK = textwrap.dedent(
    """
    import sys
    from advisor.services import reception, system
    from advisor.services._base import Actor

    url, ro_id = sys.argv[1], int(sys.argv[2])
    user_id, username, name, role, generation = sys.argv[3:8]
    system.open_database(url)
    actor = Actor(int(user_id), username, name, role, int(generation))
    reception.set_customer_waits(actor=actor, ro_id=ro_id, waits=False)
    """
)


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge()
    yield b
    b.stop()


def test_marked_gone_at_the_advisors_desk_the_car_leaves_the_lounge_tv(
    qtbot: QtBot, staff: factories.Staff, url: str, bridge: LiveBridge
) -> None:
    ro_id, _ = factories.authorised(staff)
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    masked = lounge.mask_plate(plate_of(ro_id))
    tv = open_lounge(qtbot, staff)  # the lounge PC
    assert masked in shown_texts(tv)
    bridge.changed.connect(tv.ctx.ops.changed)  # as ui.app wires it
    bridge.start(url, shared=bool(PG_URL))
    assert bridge.wait_ready()
    qtbot.wait(700)  # SQLite: the poller has read its first data_version
    a = staff.advisor
    who = [str(a.user_id), a.username, a.display_name, a.role, str(a.generation)]
    subprocess.run(
        [sys.executable, "-c", ADVISOR_DESK, url, str(ro_id), *who], cwd=ROOT, check=True, timeout=60
    )
    qtbot.waitUntil(lambda: masked not in shown_texts(tv), timeout=5000)
    assert tv.empty.isVisible()


def test_the_header_says_when_the_next_progress_update_is_due(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    """A customer waiting here without news past the interval: "Customer updated" turns
    red and says the update was due; pressed, the next one is due an interval later."""
    import datetime as dt

    from advisor.models import StepEvent, now
    from ui import fmt

    ro_id, _ = factories.authorised(staff)
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    since = now() - dt.timedelta(minutes=40)
    StepEvent.update(at=since).where(
        (StepEvent.ro == ro_id) & (StepEvent.action == "customer_waiting")
    ).execute()
    early = since - dt.timedelta(minutes=20)  # checked in earlier; sat down to wait 40 min ago
    RepairOrder.update(arrived_at=early, checked_in_at=early).where(RepairOrder.id == ro_id).execute()
    window = desk(qtbot, ctx)
    ws = ro_of(window, ro_id)
    button = ws.header.inform_button
    assert f"Next update due: {fmt.datetime(since + dt.timedelta(minutes=30))}" in button.toolTip()
    assert "b71c1c" in button.styleSheet()  # overdue: red
    person.click(qtbot, button)
    qtbot.waitUntil(lambda: "b71c1c" not in button.styleSheet(), timeout=3000)
    told = StepEvent.get((StepEvent.ro == ro_id) & (StepEvent.action == "customer_informed")).at
    assert f"Next update due: {fmt.datetime(told + dt.timedelta(minutes=30))}" in button.toolTip()
    assert "Updates missed while the customer waited: 1" in button.toolTip()


def test_customer_updated_turns_red_when_the_update_falls_due_on_screen(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    import datetime as dt

    from advisor.models import StepEvent, now

    ro_id, _ = factories.authorised(staff)
    reception.set_customer_waits(actor=staff.advisor, ro_id=ro_id, waits=True)
    since = now() - dt.timedelta(minutes=30) + dt.timedelta(seconds=3)  # due in 3 s
    StepEvent.update(at=since).where(
        (StepEvent.ro == ro_id) & (StepEvent.action == "customer_waiting")
    ).execute()
    RepairOrder.update(checked_in_at=since - dt.timedelta(minutes=5)).where(RepairOrder.id == ro_id).execute()
    ws = ro_of(desk(qtbot, ctx), ro_id)
    button = ws.header.inform_button
    assert "b71c1c" not in button.styleSheet()
    qtbot.waitUntil(lambda: "b71c1c" in button.styleSheet(), timeout=6000)  # no reload needed
