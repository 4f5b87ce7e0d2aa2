"""Steps 9–13 of one RO through the RO workspace's own pages (widgets only), from the
finished repair to the logged follow-up — then the records a manager checks, through the
services. (The whole 13-step walk needs the appointment and solicitation workspaces.)"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QRadioButton, QSpinBox, QWidget

from advisor.services import workshop
from advisor.services.orders import get_ro_view
from advisor.services.timeline import time_standards
from tests import factories
from tests.ui.closing_helpers import click, errors, find, type_into
from ui.context import AppContext
from ui.workspaces.repair_order import RepairOrderWorkspace


def open_ws(qtbot, ctx: AppContext, ro_id: int) -> RepairOrderWorkspace:  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1280, 900)
    ws.show()
    ws.show_ro(ro_id)
    return ws


def step_is(ws: RepairOrderWorkspace, ro_id: int, step: int):  # type: ignore[no-untyped-def]
    return lambda: get_ro_view(ro_id).step == step and ws.view is not None and ws.view.step == step


def test_qc_to_follow_up_through_the_ro_workspace(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, lines = factories.worked(staff, wash=True)
    foreman = open_ws(qtbot, make_ctx("foreman"), ro_id)
    assert foreman.current_step == 9
    qc = foreman.page(9)

    # QC fails once: the brake job goes back as rework.
    for box in qc.boxes:  # type: ignore[attr-defined]
        box.setChecked("brake pads" not in box.text())
    find(qc, QCheckBox, "qc_nothing_left").setChecked(True)
    find(qc, QCheckBox, "qc_no_new_damage").setChecked(True)
    click(qtbot, qc, "qc_fail")
    qtbot.waitUntil(lambda: find(qc, QLabel, "qc_rework_count").text() == "Internal reworks: 1")
    rework = next(a for a in get_ro_view(ro_id).assignments if a.rework)
    workshop.clock_on(actor=staff.foreman, assignment_id=rework.id)
    workshop.finish(actor=staff.foreman, assignment_id=rework.id)
    foreman.refresh()
    foreman.show_step(9)
    click(qtbot, qc, "qc_all_ok")
    find(qc, QCheckBox, "qc_nothing_left").setChecked(True)
    find(qc, QCheckBox, "qc_no_new_damage").setChecked(True)
    click(qtbot, qc, "qc_pass")
    assert errors(shown) == []
    qtbot.waitUntil(step_is(foreman, ro_id, 10))

    # The advisor's desk: wash, settlement, explanation.
    advisor = open_ws(qtbot, make_ctx("advisor"), ro_id)
    assert advisor.current_step == 10
    wash = advisor.page(10)
    assert find(wash, QRadioButton, "wash_requested").isChecked()
    find(wash, QSpinBox, "wash_eta").setValue(20)
    click(qtbot, wash, "wash_save")
    find(wash, QCheckBox, "wash_ashtray").setChecked(True)
    find(wash, QCheckBox, "wash_tyres").setChecked(True)
    click(qtbot, wash, "wash_confirm")
    qtbot.waitUntil(step_is(advisor, ro_id, 11))
    assert advisor.current_step == 11
    settle = advisor.page(11)
    click(qtbot, settle, "settle_button")
    qtbot.waitUntil(lambda: get_ro_view(ro_id).settlement is not None)
    click(qtbot, settle, "settle_explain")
    assert errors(shown) == []

    # The cashier takes two payments without re-explaining.
    cashier = open_ws(qtbot, make_ctx("cashier"), ro_id)
    pay = cashier.page(11)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    method = find(pay, QComboBox, "pay_method")
    method.setCurrentIndex(method.findData("cash"))
    type_into(qtbot, pay, "pay_amount", "200")
    click(qtbot, pay, "pay_button")
    qtbot.waitUntil(lambda: pay.view is not None and len(pay.view.settlement.payments) == 1)  # type: ignore[union-attr]
    method.setCurrentIndex(method.findData("alipay"))
    click(qtbot, pay, "pay_button")  # the amount is prefilled with the balance
    assert errors(shown) == []
    assert get_ro_view(ro_id).paid_at is not None

    # Handover.
    advisor.refresh()
    qtbot.waitUntil(lambda: advisor.view is not None and advisor.view.step == 12)
    hand = advisor.page(12)
    combo = find(hand, QComboBox, f"handover_old_part_{lines[1]}")
    combo.setCurrentIndex(combo.findData("returned"))
    find(hand, QCheckBox, "handover_result_shown").setChecked(True)
    click(qtbot, hand, "handover_button")
    assert errors(shown) == []
    qtbot.waitUntil(step_is(advisor, ro_id, 13))

    # Follow-up: unhappy → a recheck appointment booked from the call.
    fu = advisor.page(13)
    find(fu, QComboBox, "fu_solved").setCurrentIndex(2)  # no
    for dim in ("tangibles", "reliability", "responsiveness", "assurance", "empathy"):
        find(fu, QSpinBox, f"fu_score_{dim}").setValue(3)
    find(fu, QCheckBox, "fu_book_recheck").setChecked(True)
    when = QDateTime.currentDateTime().addDays(3)
    when.setTime(QTime(9, 30))
    find(fu, QWidget, "fu_recheck_at").setDateTime(when)  # type: ignore[attr-defined]
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
    assert f.due_to - f.due_from == dt.timedelta(hours=24)
    assert f.due_from - view.handed_over_at == dt.timedelta(hours=24)  # type: ignore[operator]
    assert {c.key: c.status for c in time_standards(view)}["promised"] == "met"
