"""The Complaints sheet of the Excel summary (issue 17, items 13 and 14), exported from the
Reports workspace as the manager does: read back with openpyxl, it holds the figures the
dashboard's complaints panel shows for the period — by cause and by level, raised,
closed, accepted, late to the manager, time to close — and the improvement actions
overdue, with the compensation the manager approved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from advisor.models import Complaint, ImprovementAction, now
from advisor.services import complaints, improvement
from tests import factories
from tests.ui import person
from ui import fmt
from ui.context import AppContext
from ui.workspaces.dashboard import DashboardWorkspace


def _older(complaint_id: int, hours: float) -> None:
    """The complaint ``hours`` older (its time to escalate moves with it)."""
    c = Complaint.get_by_id(complaint_id)
    back = dt.timedelta(hours=hours)
    Complaint.update(raised_at=c.raised_at - back, escalate_by=c.escalate_by - back).where(
        Complaint.id == complaint_id
    ).execute()


def build(staff: factories.Staff) -> None:
    """Three complaints of the week and two improvement actions, one overdue."""
    cid, _ = factories.make_customer_vehicle(staff, name="王芳")
    args = {"customer_id": cid, "source": "counter"}
    scratched = complaints.raise_complaint(
        actor=staff.advisor, words="车门刮花", cause="damage", level="general", **args
    )  # type: ignore[arg-type]
    _older(scratched.id, 3)
    complaints.close_complaint(
        actor=staff.advisor, complaint_id=scratched.id, accepted=True, note="已道歉并补漆"
    )
    waited = complaints.raise_complaint(
        actor=staff.advisor, words="等了三小时", cause="waiting", level="serious", **args
    )  # type: ignore[arg-type]
    _older(waited.id, 6)  # past its 4 hours: late to the manager
    complaints.escalate_complaint(
        actor=staff.advisor, complaint_id=waited.id, manager_id=staff.manager.user_id
    )
    complaints.propose_compensation(
        actor=staff.manager, complaint_id=waited.id, kind="voucher", amount_cents=20_000
    )
    complaints.close_complaint(
        actor=staff.manager, complaint_id=waited.id, accepted=False, note="客户仍不满意，已记录"
    )
    complaints.raise_complaint(
        actor=staff.advisor,
        words="收费太贵",
        cause="price",
        level="crisis",
        escalate_to=staff.manager.user_id,
        **args,  # type: ignore[arg-type]
    )
    for what, days in (("休息室每 30 分钟通报进度", -3), ("报价前逐项解释", 5)):
        a = improvement.record_action(
            actor=staff.manager, what=what, source="complaint", source_code="waiting",
            owner_id=staff.advisor.user_id, due_on=now().date(),
        )  # fmt: skip
        ImprovementAction.update(due_on=now().date() + dt.timedelta(days=days)).where(
            ImprovementAction.id == a.id
        ).execute()


def _trimmed(row: tuple[object, ...]) -> tuple[object, ...]:
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _table(rows: list[tuple[object, ...]], head: tuple[object, ...]) -> list[tuple[object, ...]]:
    """The rows under header ``head`` up to the next empty row."""
    start = rows.index(head) + 1
    end = rows.index((), start) if () in rows[start:] else len(rows)
    return rows[start:end]


def test_the_complaints_sheet_holds_the_figures_the_panel_shows(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    shown: list[tuple[str, str]],
    tmp_path: Path,
) -> None:
    build(staff)
    ws = DashboardWorkspace(make_ctx("manager"))
    person.show_window(qtbot, ws, (1366, 768))
    today = now().date()
    ws.set_period(today - dt.timedelta(days=6), today)
    panel = ws.complaints_panel
    qtbot.waitUntil(lambda: not ws.busy and panel.data is not None, timeout=20_000)
    target = tmp_path / "summary.xlsx"
    ws.export_to(str(target))
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _text in shown), timeout=60_000)
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[-1] == "Complaints"
    rows = [_trimmed(r) for r in book["Complaints"].iter_rows(values_only=True)]
    book.close()
    assert rows[1] == ("Period", f"{today - dt.timedelta(days=6):%Y-%m-%d} – {today:%Y-%m-%d}")
    counts = ("Raised", "Closed", "Accepted by the customer", "Late to the manager", "Mean hours to close",
              "Compensation approved")  # fmt: skip
    by_cause = _table(rows, ("Cause", *counts))
    by_level = _table(rows, ("Level", *counts))

    # The panel: each cause, the levels with a complaint, then all.
    shown_rows = [
        tuple(panel.causes.item(r, c).text() for c in range(panel.causes.columnCount()))
        for r in range(panel.causes.rowCount())
    ]
    raised_levels = [r for r in by_level[:-1] if r[1]]
    sheet_rows = [*by_cause[:-1], *raised_levels, by_cause[-1]]
    assert [r[0] for r in sheet_rows] == ["Price", "Waiting time", "Damage to the car", "General", "Serious", "Crisis", "All"]  # fmt: skip
    assert len(shown_rows) == len(sheet_rows)
    for sheet, on_screen in zip(sheet_rows, shown_rows, strict=True):
        label, raised, closed, accepted, late, hours, _compensation = (*sheet, None)[:7]
        hours_text = "—" if hours is None else fmt.duration(float(hours) * 3600)  # type: ignore[arg-type]
        assert on_screen == (label, str(raised), str(closed), str(accepted), str(late), hours_text)
    assert by_cause[-1] == by_level[-1]  # all, counted either way
    assert [r[0] for r in by_level] == ["General", "Serious", "Crisis", "All"]  # every level, none raised too
    # Worked by hand: 3 raised, 2 closed (1 accepted), the serious one late, ¥200 approved.
    assert by_cause[-1][:5] == ("All", 3, 2, 1, 1)
    waiting = next(r for r in by_cause if r[0] == "Waiting time")
    assert waiting[6] == Decimal("200") and abs(float(waiting[5]) - 6.0) < 0.1  # type: ignore[arg-type]

    title = next(r for r in rows if r and str(r[0]).startswith("Improvement actions overdue on"))
    assert title == (f"Improvement actions overdue on {today:%Y-%m-%d}: 1",)
    actions = _table(rows, ("Action", "Due", "Days overdue", "Owner", "Answers (reason or cause)"))
    assert len(actions) == panel.action_table.rowCount() == 1
    what, due, days, owner, answers = actions[0]
    assert (what, owner) == (panel.action_table.item(0, 2).text(), panel.action_table.item(0, 1).text())
    assert isinstance(due, dt.datetime) and fmt.date(due.date()) == panel.action_table.item(0, 0).text()
    assert (what, days, owner, answers) == ("休息室每 30 分钟通报进度", 3, "李娜", "Waiting time")
    ws.wait_idle()
    ws.ctx.ops.wait_idle(10_000)
