"""``workflow.waiting_for``: at every step, who acts next and what they do, in both
languages, named from the permissions (``auth.who_acts``)."""

from __future__ import annotations

import dataclasses

import pytest

from advisor import auth, workflow
from advisor.codes import Role
from advisor.workflow import LineState, ROState, Step

LABOUR = LineState(
    id=1, status="approved", kind="labour", amount_cents=18_000, pay_type="customer", assigned=True, done=True
)
PART = LineState(id=2, status="approved", kind="part", amount_cents=56_000, pay_type="customer")
PROPOSED = dataclasses.replace(LABOUR, status="proposed", assigned=False, done=False)
WORKING = ROState(checked_in=True, concerns=1, authorised=True)
DONE = dataclasses.replace(
    WORKING,
    lines=(LABOUR, PART),
    qc_passed=True,
    wash_requested=False,
    settled=True,
    items_explained=True,
    paid=True,
)


def at(state: ROState, **changes: object) -> ROState:
    return dataclasses.replace(state, **changes)  # type: ignore[arg-type]


# (state, step, permission, English, Chinese): the words a person reads on the page.
CASES = [
    (ROState(), Step.RECEPTION, "ro.checkin",
     "Waiting for the service advisor to check the car in.", "等待服务顾问接车检查。"),
    (ROState(checked_in=True), Step.DIAGNOSIS, "concern.record",
     "Waiting for the service advisor to record the customer's concern.", "等待服务顾问记录客户描述的故障。"),
    (ROState(checked_in=True, concerns=1), Step.ESTIMATE, "estimate.edit",
     "Waiting for the service advisor to write the estimate.", "等待服务顾问制作估价单。"),
    (ROState(checked_in=True, concerns=1, lines=(PROPOSED,)), Step.ESTIMATE, "estimate.authorise",
     "Waiting for the customer to authorise the estimate (the service advisor records it).",
     "等待客户授权估价（由服务顾问记录）。"),
    (at(WORKING, lines=(dataclasses.replace(PART, part_ready=False),)), Step.PARTS, "parts.manage",
     "Waiting for the parts clerk to get the parts ready.", "等待配件员备齐配件。"),
    (at(WORKING, lines=(dataclasses.replace(LABOUR, assigned=False, done=False),)), Step.ASSIGNMENT,
     "work.assign", "Waiting for the workshop foreman to dispatch the work.", "等待车间主管派工。"),
    (at(WORKING, lines=(dataclasses.replace(LABOUR, done=False),)), Step.REPAIR, "work.clock",
     "Waiting for the workshop foreman or technician to finish the work.", "等待车间主管或技师完成维修作业。"),
    (at(WORKING, lines=(LABOUR,), pending_changes=1), Step.REPAIR, "change.consent",
     "Waiting for the customer to consent to a change (the service advisor records it).",
     "等待客户同意变更（由服务顾问记录）。"),
    (at(WORKING, lines=(LABOUR,), pending_changes=1, changes_awaiting_manager=1), Step.REPAIR,
     "change.approve_major", "Waiting for the service manager to approve a major change.", "等待服务经理批准重大变更。"),
    (at(WORKING, lines=(LABOUR,)), Step.QC, "qc.inspect",
     "Waiting for the workshop foreman to do the final quality check.", "等待车间主管完工检查。"),
    (at(DONE, wash_requested=None, settled=False, items_explained=False, paid=False), Step.WASH, "wash.record",
     "Waiting for the service advisor or workshop foreman to ask the customer about the wash.",
     "等待服务顾问或车间主管询问客户是否洗车。"),
    (at(DONE, wash_requested=True, settled=False, items_explained=False, paid=False), Step.WASH, "wash.record",
     "Waiting for the service advisor or workshop foreman to confirm the wash.", "等待服务顾问或车间主管确认洗车完成。"),
    (at(DONE, settled=False, items_explained=False, paid=False), Step.SETTLEMENT, "settle",
     "Waiting for the service advisor to settle.", "等待服务顾问结算。"),
    (at(DONE, items_explained=False, paid=False), Step.SETTLEMENT, "explain",
     "Waiting for the service advisor to explain the items to the customer.", "等待服务顾问向客户逐项解释结算项目。"),
    (at(DONE, paid=False), Step.SETTLEMENT, "pay",
     "Waiting for the cashier to take payment.", "等待收银员收款。"),
    (DONE, Step.HANDOVER, "handover", "Waiting for the service advisor to hand the car over.", "等待服务顾问交车。"),
    (at(DONE, repair_class="major"), Step.HANDOVER, "qc.inspect",
     "Waiting for the workshop foreman to record the completion certificate number.",
     "等待车间主管填写竣工出厂合格证编号。"),
    (at(DONE, handed_over=True), Step.FOLLOW_UP, "followup.log",
     "Waiting for the service advisor or customer service to make the follow-up call.", "等待服务顾问或客服专员回访客户。"),
]  # fmt: skip


@pytest.mark.parametrize(("state", "step", "action", "en", "zh"), CASES)
def test_each_step_says_who_acts_next(state: ROState, step: Step, action: str, en: str, zh: str) -> None:
    waiting = workflow.waiting_for(state)
    assert waiting == workflow.Waiting(step, action, en, zh)
    assert action in auth.PERMISSIONS


def test_every_step_of_the_flow_has_someone_to_wait_for() -> None:
    steps = {workflow.waiting_for(case[0]).step for case in CASES}  # type: ignore[union-attr]
    assert steps == set(Step) - {Step.SOLICITATION, Step.APPOINTMENT, Step.CLOSED}


@pytest.mark.parametrize(
    "state", [at(DONE, handed_over=True, follow_up_done=True), at(DONE, status="closed")]
)
def test_nothing_waits_on_a_closed_order(state: ROState) -> None:
    assert workflow.waiting_for(state) is None


def test_a_change_raised_after_qc_still_waits_for_the_customer() -> None:
    state = at(DONE, settled=False, items_explained=False, paid=False, pending_changes=1)
    waiting = workflow.waiting_for(state)
    assert waiting is not None and (waiting.step, waiting.action) == (Step.REPAIR, "change.consent")


def test_the_named_roles_are_those_who_may() -> None:
    """The manager may stand in for most; the words name who does it day to day."""
    assert auth.who_acts("pay") == ("cashier", "收银员")
    assert auth.who_acts("change.approve_major") == ("service manager", "服务经理")
    for case in CASES:
        action = case[2]
        named = [r for r in Role if r.zh in auth.who_acts(action)[1]]
        assert named and all(auth.may(r, action) for r in named)
