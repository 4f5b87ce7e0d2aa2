"""Complaints in "Needs me" through the GUI (issue 17, item 13): a crisis recorded at
another desk reaches the manager's Today and the counts on the rail through the live
bridge, and a click opens it in Complaints; customer service, who has no Today, sees the
count of its own overdue escalation on the Complaints rail item until it escalates it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox

from advisor.codes import NeedKind
from advisor.models import Complaint
from advisor.services import complaints
from tests import factories
from tests.conftest import PG_URL
from tests.ui import person
from tests.ui.closing_helpers import choose_data, click, desk, find
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.test_complaints_ui import OTHER_DESK, ROOT
from tests.ui.test_needs_me import LIVE_MS, rail_text, today_of
from ui.context import AppContext
from ui.live import LiveBridge
from ui.workspaces.complaints import ComplaintsWorkspace


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge(sqlite_interval=0.5)
    yield b
    b.stop()


def test_a_crisis_recorded_at_another_desk_reaches_the_managers_needs_me_and_opens_in_complaints(
    qtbot: object, make_ctx: object, staff: factories.Staff, url: str, bridge: LiveBridge
) -> None:
    cid, _ = factories.make_customer_vehicle(staff, name="王芳")
    ctx: AppContext = make_ctx("manager")  # type: ignore[operator]
    window = desk(qtbot, ctx)
    window.open_workspace("today")
    today = today_of(window)
    assert today.needs is not None and today.needs_view is not None
    assert today.needs.items == [] and rail_text(window, "complaints") == "Complaints"
    bridge.changed.connect(ctx.ops.changed)  # as the app wires it: other desks' commits
    bridge.start(url, shared=bool(PG_URL))
    assert bridge.wait_ready()
    qtbot.wait(700)  # type: ignore[attr-defined]  # the SQLite poller has read its first data_version
    assert staff.customer_service is not None
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            OTHER_DESK,
            url,
            str(staff.customer_service.user_id),
            str(cid),
            str(staff.manager.user_id),
        ],
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
        complaint_id = int(other.stdout.readline())
        qtbot.waitUntil(lambda: bool(today.needs and today.needs.items), timeout=LIVE_MS)  # type: ignore[attr-defined]
    finally:
        other.communicate(timeout=30)
    assert other.returncode == 0

    (item,) = today.needs.items
    assert (item.kind, item.complaint) == (NeedKind.COMPLAINT, complaint_id)
    assert rail_text(window, "today") == "Today (1)"
    assert rail_text(window, "complaints") == "Complaints (1)"
    texts = [today.needs.index(0, c).data() for c in range(today.needs.columnCount())]
    assert texts[0] == "Complaint escalated to you" and texts[4] == "高雅"  # who recorded it
    assert "Crisis — 王芳" in texts[5] and "车在店里被刮了" in texts[5]

    person.click_at(qtbot, today.needs_view, today.needs.index(0, 5))
    ws = window.workspace("complaints")
    assert isinstance(ws, ComplaintsWorkspace) and ws.isVisible()
    assert ws.panel.complaint is not None and ws.panel.complaint.id == complaint_id
    assert [c.id for c in ws.model.rows] == [complaint_id]
    assert ws.table.currentIndex().row() == 0


def test_customer_service_sees_its_overdue_escalation_on_the_complaints_rail_until_it_escalates(
    qtbot: object, make_ctx: object, staff: factories.Staff
) -> None:
    cid, _ = factories.make_customer_vehicle(staff)
    assert staff.customer_service is not None
    c = complaints.raise_complaint(
        actor=staff.customer_service,
        customer_id=cid,
        words="等了两个小时没人理",
        cause="waiting",
        level="serious",
        source="phone",
    )
    back = dt.timedelta(hours=5)  # past its 4 hours
    row = Complaint.get_by_id(c.id)
    Complaint.update(raised_at=row.raised_at - back, escalate_by=row.escalate_by - back).where(
        Complaint.id == c.id
    ).execute()
    ctx: AppContext = make_ctx("customer_service")  # type: ignore[operator]
    window = desk(qtbot, ctx)
    assert "today" not in window.workspace_keys()
    assert window.needs is not None
    assert rail_text(window, "complaints") == "Complaints (1)"
    (item,) = window.needs.items
    assert item.kind == NeedKind.ESCALATION_OVERDUE and item.complaint == c.id

    window.open_complaint(c.id)  # as the tray's message does
    ws = window.workspace("complaints")
    assert isinstance(ws, ComplaintsWorkspace) and ws.isVisible()
    assert ws.panel.complaint is not None and ws.panel.complaint.id == c.id
    choose_data(qtbot, find(ws.panel, QComboBox, "cp_manager"), staff.manager.user_id)
    click(qtbot, ws.panel, "cp_escalate")
    qtbot.waitUntil(lambda: rail_text(window, "complaints") == "Complaints")  # type: ignore[attr-defined]
    assert window.needs.items == []
