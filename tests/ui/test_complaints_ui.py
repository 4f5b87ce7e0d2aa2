"""Complaints through the GUI as a person works them (issue 17, item 13): an unhappy
follow-up call becomes a complaint, it goes to the manager, a compensation is offered and
approved by the manager at their desk, and the complaint is closed with the customer's
acceptance. Refusals keep the input on screen."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from advisor.models import Complaint
from advisor.services import complaints
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, choose_data, click, desk, errors, find, open_workspace
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.test_followup_ui import UNHAPPY, handed_over, pick_call, rate
from ui.complaint_dialog import ComplaintDialog
from ui.workspaces.complaints import ComplaintsWorkspace
from ui.workspaces.followup import FollowUpWorkspace

WORDS = "刹车还是响，你们根本没修好！"
ROOT = Path(__file__).resolve().parents[2]


def complaints_ws(qtbot, ctx) -> ComplaintsWorkspace:  # type: ignore[no-untyped-def]
    ws = open_workspace(qtbot, desk(qtbot, ctx), "complaints")
    assert isinstance(ws, ComplaintsWorkspace)
    return ws


def pick(qtbot, ws: ComplaintsWorkspace, complaint_id: int) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, c in enumerate(ws.model.rows) if c.id == complaint_id)
    person.click_at(qtbot, ws.table, ws.model.index(row, 2))
    assert ws.panel.complaint is not None and ws.panel.complaint.id == complaint_id


def test_a_complaint_from_a_follow_up_call_escalated_compensated_closed(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, staff, shown, monkeypatch
) -> None:
    ro_id = handed_over(staff, dt.timedelta(hours=30), "刘洋", "13900000002")
    advisor = make_ctx("advisor")
    ws = open_workspace(qtbot, desk(qtbot, advisor), "followup")
    assert isinstance(ws, FollowUpWorkspace)
    assert pick_call(qtbot, ws, ro_id)
    form = ws.form
    rate(qtbot, form, UNHAPPY)
    person.fill(qtbot, find(form, QWidget, "fu_comments"), WORDS)

    def record(d: ComplaintDialog) -> None:
        # The call's customer, RO and words come filled in; the advisor grades it.
        assert "刘洋" in d.picked.text() and d.words.toPlainText() == WORDS
        assert d.ro.currentData() == ro_id and d.source.currentData() == "follow_up"
        choose_data(qtbot, d.cause, "workmanship")
        choose_data(qtbot, d.level, "serious")
        assert "4 h" in d.level_hint.text()
        person.click(qtbot, d.ok_button)

    as_person(monkeypatch, qtbot, ComplaintDialog, record)
    click(qtbot, form, "fu_complaint")
    c = Complaint.get()
    assert (c.ro_id, c.words, c.level, c.cause, c.source) == (
        ro_id,
        WORDS,
        "serious",
        "workmanship",
        "follow_up",
    )
    assert c.escalated_at is None and errors(shown) == []

    # In the Complaints workspace the advisor escalates it and offers a voucher.
    cws = complaints_ws(qtbot, advisor)
    pick(qtbot, cws, c.id)
    panel = cws.panel
    choose_data(qtbot, find(panel, QComboBox, "cp_manager"), staff.manager.user_id)
    click(qtbot, panel, "cp_escalate")
    assert Complaint.get_by_id(c.id).escalated_to_id == staff.manager.user_id
    choose_data(qtbot, find(panel, QComboBox, "cp_comp_kind"), "voucher")
    person.fill(qtbot, find(panel, QLineEdit, "cp_comp_amount"), "200")
    person.fill(qtbot, find(panel, QLineEdit, "cp_comp_note"), "下次保养抵用")
    click(qtbot, panel, "cp_offer")
    assert Complaint.get_by_id(c.id).compensation_cents == 20_000
    assert "approval" in find(panel, QLabel, "cp_comp_state").text()
    assert not find(panel, QPushButton, "cp_approve").isVisible()  # not the advisor's to approve
    # Closing before the manager approved is refused; the answer chosen stays.
    choose_data(qtbot, find(panel, QComboBox, "cp_accepted"), True)
    click(qtbot, panel, "cp_close")
    assert errors(shown) == ["The compensation offered has not been approved by the service manager."]
    assert Complaint.get_by_id(c.id).status == "open"
    assert find(panel, QComboBox, "cp_accepted").currentData() is True

    # The manager approves at their own desk.
    manager = make_ctx("manager")
    mws = complaints_ws(qtbot, manager)
    pick(qtbot, mws, c.id)
    click(qtbot, mws.panel, "cp_approve")
    assert Complaint.get_by_id(c.id).compensation_approved_by_id == staff.manager.user_id

    mws.window().close()  # (another PC: its window is not over the advisor's)

    # Back at the advisor's desk: closed with the customer's acceptance.
    cws.window().activateWindow()
    qtbot.waitUntil(cws.window().isActiveWindow)
    cws.refresh()  # the live bridge's part (tests/ui/test_live_bridge.py covers it)
    pick(qtbot, cws, c.id)
    choose_data(qtbot, find(panel, QComboBox, "cp_accepted"), True)
    person.fill(qtbot, find(panel, QLineEdit, "cp_close_note"), "客户接受代金券")
    click(qtbot, panel, "cp_close")
    done = complaints.read_complaint(actor=staff.manager, complaint_id=c.id)
    assert (done.status, done.accepted, done.closing_note) == ("closed", True, "客户接受代金券")
    assert all(x.id != c.id for x in cws.model.rows)  # off the open list


def test_a_crisis_without_the_manager_is_refused_and_the_input_stays(  # type: ignore[no-untyped-def]
    qtbot, ctx, staff, shown, monkeypatch
) -> None:
    factories.make_customer_vehicle(staff, name="王芳", phone="13900000009")
    ws = complaints_ws(qtbot, ctx)

    def record(d: ComplaintDialog) -> None:
        person.fill(qtbot, d.search, "王芳")
        qtbot.waitUntil(lambda: d.results.count() > 0)
        person.click_at(qtbot, d.results, d.results.model().index(0, 0))
        assert "王芳" in d.picked.text()
        choose_data(qtbot, d.source, "phone")
        person.fill(qtbot, find(d, QPlainTextEdit, "complaint_words"), "车在你们店里被撞了！")
        choose_data(qtbot, d.cause, "damage")
        choose_data(qtbot, d.level, "crisis")
        person.click(qtbot, d.ok_button)
        assert errors(shown) == ["A crisis goes to the service manager at once: choose the manager to tell."]
        assert d.isVisible() and d.words.toPlainText() == "车在你们店里被撞了！"
        choose_data(qtbot, d.manager, staff.manager.user_id)
        person.click(qtbot, d.ok_button)

    as_person(monkeypatch, qtbot, ComplaintDialog, record)
    click(qtbot, ws, "cw_new")
    c = Complaint.get()
    assert (c.level, c.escalated_to_id, c.source) == ("crisis", staff.manager.user_id, "phone")
    assert ws.panel.complaint is not None and ws.panel.complaint.id == c.id
    assert "1 open" in find(ws, QLabel, "cw_summary").text()


def test_overdue_escalations_come_first_and_are_marked(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    cid, _ = factories.make_customer_vehicle(staff)
    fresh = complaints.raise_complaint(
        actor=staff.advisor,
        customer_id=cid,
        words="等太久",
        cause="waiting",
        level="serious",
        source="counter",
    )
    late = complaints.raise_complaint(
        actor=staff.advisor,
        customer_id=cid,
        words="态度差",
        cause="attitude",
        level="general",
        source="phone",
    )
    back = dt.timedelta(hours=25)
    row = Complaint.get_by_id(late.id)
    Complaint.update(raised_at=row.raised_at - back, escalate_by=row.escalate_by - back).where(
        Complaint.id == late.id
    ).execute()
    ws = complaints_ws(qtbot, ctx)
    assert [c.id for c in ws.model.rows] == [late.id, fresh.id]
    assert ws.model.data(ws.model.index(0, 1)).startswith("⚠")
    assert "1 escalations overdue" in find(ws, QLabel, "cw_summary").text()
    pick(qtbot, ws, late.id)
    assert "Overdue" in find(ws.panel, QLabel, "cp_status").text()


def test_the_manager_records_an_improvement_action_and_its_owner_finishes_it(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, staff, shown
) -> None:
    from advisor.models import ImprovementAction

    cid, _ = factories.make_customer_vehicle(staff)
    for _ in range(2):
        complaints.raise_complaint(
            actor=staff.advisor,
            customer_id=cid,
            words="太贵了",
            cause="price",
            level="general",
            source="phone",
        )
    manager = make_ctx("manager")
    ws = complaints_ws(qtbot, manager)
    person.click_tab(qtbot, ws.tabs, 1)
    panel = ws.improvement
    qtbot.waitUntil(lambda: any(s.code == "price" for s in panel.sources))
    row = next(i for i, s in enumerate(panel.sources) if (s.source, s.code) == ("complaint", "price"))
    assert panel.source_table.item(row, 2).text() == "2"
    person.click_at(qtbot, panel.source_table, panel.source_table.model().index(row, 1))
    assert "Price" in panel.chosen.text()
    person.fill(qtbot, panel.what, "报价时出示配件价格表")
    choose_data(qtbot, panel.owner, staff.advisor.user_id)
    person.click(qtbot, panel.record_button)
    a = ImprovementAction.get()
    assert (a.source, a.source_code, a.owner_id, a.what) == (
        "complaint",
        "price",
        staff.advisor.user_id,
        "报价时出示配件价格表",
    )
    assert panel.source_table.item(row, 3).text() == "1"  # one open action against it now
    mws = ws.window()
    mws.close()

    # The advisor who owns it records the result.
    advisor = make_ctx("advisor")
    aws = complaints_ws(qtbot, advisor)
    person.click_tab(qtbot, aws.tabs, 1)
    mine = aws.improvement
    assert not mine.record_button.isVisible() and not mine.source_table.isVisible()  # the manager's part
    qtbot.waitUntil(lambda: len(mine.action_rows) == 1)
    person.click_at(qtbot, mine.action_table, mine.action_table.model().index(0, 1))
    person.fill(qtbot, mine.result, "已培训，价格投诉减少")
    person.click(qtbot, mine.done_button)
    done = ImprovementAction.get_by_id(a.id)
    assert done.done_at is not None and done.result == "已培训，价格投诉减少"
    assert errors(shown) == []


def test_the_dashboard_shows_overdue_escalations_and_actions(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    from advisor.models import ImprovementAction, now
    from advisor.services import improvement

    cid, _ = factories.make_customer_vehicle(staff, name="王芳", phone="13900000009")
    late = complaints.raise_complaint(
        actor=staff.advisor,
        customer_id=cid,
        words="等太久",
        cause="waiting",
        level="serious",
        source="counter",
    )
    row = Complaint.get_by_id(late.id)
    back = dt.timedelta(hours=5)
    Complaint.update(raised_at=row.raised_at - back, escalate_by=row.escalate_by - back).where(
        Complaint.id == late.id
    ).execute()
    action = improvement.record_action(
        actor=staff.manager,
        what="休息室每 30 分钟通报进度",
        source="complaint",
        source_code="waiting",
        owner_id=staff.advisor.user_id,
        due_on=now().date(),
    )
    ImprovementAction.update(due_on=now().date() - dt.timedelta(days=3)).where(
        ImprovementAction.id == action.id
    ).execute()
    ws = open_workspace(qtbot, desk(qtbot, make_ctx("manager")), "dashboard")
    panel = ws.complaints_panel  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.data is not None)
    assert "Escalations overdue: 1" in panel.escalations_label.text()
    assert panel.escalations.item(0, 1).text() == "王芳"
    assert "Improvement actions overdue: 1" in panel.actions_label.text()
    assert panel.action_table.item(0, 2).text() == "休息室每 30 分钟通报进度"
    causes = [panel.causes.item(r, 0).text() for r in range(panel.causes.rowCount())]
    assert causes == ["Waiting time", "Serious", "All"]
    ws.wait_idle()  # type: ignore[attr-defined]


# Another desk (customer service) records a crisis: the manager's open list shows it.
OTHER_DESK = textwrap.dedent(
    """
    import sys
    from advisor.services import complaints, system
    from advisor.services._base import Actor

    url, user_id, customer_id, manager_id = (sys.argv[1], *map(int, sys.argv[2:5]))
    system.open_database(url)
    print("ready", flush=True)
    sys.stdin.readline()
    c = complaints.raise_complaint(
        actor=Actor(user_id, "gao.ya", "高雅", "customer_service"), customer_id=customer_id,
        words="车在店里被刮了！", cause="damage", level="crisis", source="phone", escalate_to=manager_id,
    )
    print(c.id, flush=True)
    """
)


def test_a_complaint_recorded_at_another_desk_reaches_the_managers_list(qtbot, make_ctx, staff, url) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import PG_URL
    from ui.live import LiveBridge

    cid, _ = factories.make_customer_vehicle(staff)
    manager = make_ctx("manager")
    ws = complaints_ws(qtbot, manager)
    assert ws.model.rows == []
    bridge = LiveBridge(sqlite_interval=0.5)
    try:
        bridge.changed.connect(manager.ops.changed)  # as the app wires it
        bridge.start(url, shared=bool(PG_URL))
        assert bridge.wait_ready()
        qtbot.wait(700)  # the SQLite poller has read its first data_version
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
            qtbot.waitUntil(lambda: [c.id for c in ws.model.rows] == [complaint_id], timeout=2500)
        finally:
            other.communicate(timeout=30)
        assert other.returncode == 0
    finally:
        bridge.stop()
    assert ws.panel.complaint is not None and ws.panel.complaint.level == "crisis"
    assert "1 open" in find(ws, QLabel, "cw_summary").text()
