"""Steps 9–13 of one RO through the RO workspace's own pages (widgets only), from the
finished repair to the logged follow-up — then the records a manager checks, through the
services. (The whole 13-step walk needs the appointment and solicitation workspaces.)"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QRadioButton,
    QSpinBox,
)

from advisor.services import workshop
from advisor.services.orders import get_ro_view
from advisor.services.timeline import time_standards
from tests import factories
from tests.ui.closing_helpers import (
    choose_data,
    click,
    errors,
    fill_number,
    find,
    goto,
    live,
    open_ro,
    set_datetime,
    tick,
    type_into,
)
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.signing import sign
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.workspaces.repair_order import RepairOrderWorkspace


def open_ws(qtbot, ctx: AppContext, ro_id: int) -> RepairOrderWorkspace:  # type: ignore[no-untyped-def]
    """The RO on another workstation: its own main window at 1366×768."""
    return open_ro(qtbot, ctx, ro_id)


def at_desk(ws: RepairOrderWorkspace) -> None:
    """The person at that workstation works on their own screen: the other workstations'
    windows are not on it (offscreen Qt cannot raise a window, so they are hidden)."""
    mine = ws.window()
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow) and window is not mine:
            window.hide()
    mine.show()
    mine.activateWindow()


def step_is(ws: RepairOrderWorkspace, ro_id: int, step: int):  # type: ignore[no-untyped-def]
    return lambda: get_ro_view(ro_id).step == step and ws.view is not None and ws.view.step == step


def test_qc_to_follow_up_through_the_ro_workspace(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, lines = factories.worked(staff, wash=True)
    foreman = open_ws(qtbot, make_ctx("foreman"), ro_id)
    assert foreman.current_step == 9
    qc = goto(qtbot, foreman, 9)

    # QC fails once: the brake job goes back as rework.
    for box in qc.boxes:  # type: ignore[attr-defined]
        tick(qtbot, box, "brake pads" not in box.text())
    tick(qtbot, find(qc, QCheckBox, "qc_nothing_left"))
    tick(qtbot, find(qc, QCheckBox, "qc_no_new_damage"))
    click(qtbot, qc, "qc_fail")
    qtbot.waitUntil(lambda: find(qc, QLabel, "qc_rework_count").text() == "Internal reworks: 1")
    rework = next(a for a in get_ro_view(ro_id).assignments if a.rework)
    workshop.clock_on(actor=staff.foreman, assignment_id=rework.id)
    workshop.finish(actor=staff.foreman, assignment_id=rework.id)
    factories.self_check(staff, ro_id)  # the technician signs the self-check again after the rework
    live(qc)  # the board's commit reaches the foreman's RO screen
    assert goto(qtbot, foreman, 9) is qc
    click(qtbot, qc, "qc_all_ok")
    tick(qtbot, find(qc, QCheckBox, "qc_nothing_left"))
    tick(qtbot, find(qc, QCheckBox, "qc_no_new_damage"))
    click(qtbot, qc, "qc_pass")
    assert errors(shown) == []
    qtbot.waitUntil(step_is(foreman, ro_id, 10))

    # The advisor's desk: wash, settlement, explanation.
    advisor = open_ws(qtbot, make_ctx("advisor"), ro_id)
    at_desk(advisor)
    assert advisor.current_step == 10
    wash = goto(qtbot, advisor, 10)
    assert find(wash, QRadioButton, "wash_requested").isChecked()
    fill_number(qtbot, find(wash, QSpinBox, "wash_eta"), 20)
    click(qtbot, wash, "wash_save")
    tick(qtbot, find(wash, QCheckBox, "wash_ashtray"))
    tick(qtbot, find(wash, QCheckBox, "wash_tyres"))
    click(qtbot, wash, "wash_confirm")
    qtbot.waitUntil(step_is(advisor, ro_id, 11))
    assert advisor.current_step == 11
    settle = goto(qtbot, advisor, 11)
    click(qtbot, settle, "settle_button")
    qtbot.waitUntil(lambda: get_ro_view(ro_id).settlement is not None)
    click(qtbot, settle, "settle_explain")
    assert errors(shown) == []

    # The cashier takes two payments without re-explaining.
    cashier = open_ws(qtbot, make_ctx("cashier"), ro_id)
    at_desk(cashier)
    pay = goto(qtbot, cashier, 11)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    method = find(pay, QComboBox, "pay_method")
    choose_data(qtbot, method, "cash")
    type_into(qtbot, pay, "pay_amount", "200")
    click(qtbot, pay, "pay_button")
    qtbot.waitUntil(lambda: pay.view is not None and len(pay.view.settlement.payments) == 1)  # type: ignore[union-attr]
    choose_data(qtbot, method, "alipay")
    click(qtbot, pay, "pay_button")  # the amount is prefilled with the balance
    assert any("reference" in e for e in errors(shown))  # an Alipay payment names its transaction
    shown.clear()
    type_into(qtbot, pay, "pay_reference", "2026120522001")
    click(qtbot, pay, "pay_button")
    assert errors(shown) == []
    assert get_ro_view(ro_id).paid_at is not None

    # Handover, back at the advisor's desk.
    at_desk(advisor)
    live(advisor)
    qtbot.waitUntil(lambda: advisor.view is not None and advisor.view.step == 12)
    hand = goto(qtbot, advisor, 12)
    choose_data(qtbot, find(hand, QComboBox, f"handover_old_part_{lines[1]}"), "returned")
    tick(qtbot, find(hand, QCheckBox, "handover_result_shown"))
    sign(qtbot, hand.signature.pad)
    click(qtbot, hand, "handover_button")
    assert errors(shown) == []
    qtbot.waitUntil(step_is(advisor, ro_id, 13))

    # Follow-up: the customer rings the same evening, unhappy (a call before 24 h counts
    # only when the customer started it) → a recheck appointment booked from the call.
    fu = goto(qtbot, advisor, 13)
    tick(qtbot, find(fu, QCheckBox, "fu_customer_called"))
    choose_data(qtbot, find(fu, QComboBox, "fu_solved"), False)  # no
    for dim in ("tangibles", "reliability", "responsiveness", "assurance", "empathy"):
        fill_number(qtbot, find(fu, QSpinBox, f"fu_score_{dim}"), 3)
    tick(qtbot, find(fu, QCheckBox, "fu_book_recheck"))
    when = QDateTime.currentDateTime().addDays(3)
    when.setTime(QTime(9, 30))
    set_datetime(qtbot, find(fu, QDateTimeEdit, "fu_recheck_at"), when)
    click(qtbot, fu, "fu_save")
    assert errors(shown) == []

    view = get_ro_view(ro_id)
    assert view.status == "closed"
    assert [q.passed for q in view.qc_checks] == [False, True]
    assert sum(a.rework for a in view.assignments) == 1
    s = view.settlement
    assert s is not None and s.total_cents == view.totals.total_cents and s.balance_cents == 0
    assert [(p.method, p.amount_cents) for p in s.payments] == [("cash", 20_000), ("alipay", total - 20_000)]
    assert set(s.line_ids) == {x.id for x in view.approved_lines}
    assert next(x for x in view.lines if x.id == lines[1]).old_part_handling == "returned"
    f = view.follow_up
    assert f is not None and f.solved is False and f.recheck_appointment_id is not None
    assert f.customer_initiated and f.timing == "early_customer"
    assert f.due_to - f.due_from == dt.timedelta(hours=24)
    assert f.due_from - view.handed_over_at == dt.timedelta(hours=24)  # type: ignore[operator]
    assert {c.key: c.status for c in time_standards(view)}["promised"] == "met"
