"""The 13 steps, the allowed moves and the gates, as pure functions over an RO's state.

Nothing here touches the database: services build an ``ROState`` snapshot, ask these
functions, and raise the ``GateError`` they return. The GUI asks the same functions
to show why a step is locked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import IntEnum

from advisor.auth import who_acts
from advisor.codes import (
    CERTIFICATE_CLASSES,
    LIVE_LINES,
    SELF_CHECK_MAY_SKIP,
    BayKind,
    ComplaintLevel,
    ComplaintStatus,
    DispatchRule,
    FollowUpTiming,
    LineKind,
    LineStatus,
    NeedTiming,
    Rating,
    RepairClass,
    Role,
    ROStatus,
    SelfCheckItem,
    SelfCheckMark,
    Skill,
    VehicleKind,
)
from advisor.errors import GateError, OutsideRange, ValidationError
from advisor.money import fmt


class Step(IntEnum):
    SOLICITATION = 1
    APPOINTMENT = 2
    RECEPTION = 3
    DIAGNOSIS = 4
    ESTIMATE = 5
    PARTS = 6
    ASSIGNMENT = 7
    REPAIR = 8
    QC = 9
    WASH = 10
    SETTLEMENT = 11
    HANDOVER = 12
    FOLLOW_UP = 13
    CLOSED = 14


STEP_LABELS: dict[Step, tuple[str, str]] = {
    Step.SOLICITATION: ("Solicitation", "招揽"),
    Step.APPOINTMENT: ("Appointment", "预约"),
    Step.RECEPTION: ("Reception", "接待"),
    Step.DIAGNOSIS: ("Diagnosis", "问诊"),
    Step.ESTIMATE: ("Estimate", "估价"),
    Step.PARTS: ("Parts", "零部件"),
    Step.ASSIGNMENT: ("Work assignment", "派工"),
    Step.REPAIR: ("Repair", "维修"),
    Step.QC: ("Final QC", "完工检查"),
    Step.WASH: ("Wash", "清洗"),
    Step.SETTLEMENT: ("Settlement", "结算"),
    Step.HANDOVER: ("Handover", "交车"),
    Step.FOLLOW_UP: ("Follow-up", "跟踪回访"),
    Step.CLOSED: ("Closed", "已结案"),
}

# Time standards of the manual, in seconds.
GREETING_S = 3 * 60
NEED_CONFIRMED_S = 10 * 60  # the need is confirmed no later than 10 minutes after arrival
NEED_CONFIRMED_MIN_S = 5 * 60  # … and no sooner than 5: a rushed confirmation is a miss too
REQUEST_ANSWER_S = 24 * 3600
URGENT_ANSWER_S = 2 * 3600
FOLLOW_UP_FROM = dt.timedelta(hours=24)
FOLLOW_UP_TO = dt.timedelta(hours=48)
# 001: a customer waiting in the lounge hears how the repair goes at least this often
# (the default of the setting ``lounge_update_minutes``).
LOUNGE_UPDATE_EVERY = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class LineState:
    id: int
    status: str  # proposed | approved | declined
    kind: str
    amount_cents: int
    pay_type: str
    part_ready: bool = True  # stock reserved or arrived (always True for labour)
    assigned: bool = False
    done: bool = False
    change_request_id: int | None = None


@dataclass(frozen=True)
class ROState:
    status: str = ROStatus.OPEN
    checked_in: bool = False
    concerns: int = 0
    authorised: bool = False
    lines: tuple[LineState, ...] = ()
    pending_changes: int = 0
    changes_awaiting_manager: int = 0  # of ``pending_changes``: consented, waiting for the manager
    qc_passed: bool = False
    repair_class: str = RepairClass.MINOR
    completion_cert_no: str = ""
    wash_requested: bool | None = None
    wash_done: bool = False
    settled: bool = False
    items_explained: bool = False
    paid: bool = False
    handed_over: bool = False
    follow_up_done: bool = False
    # Technicians (names) whose finished work on the RO has no self-check signed after it.
    self_checks_unsigned: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def approved(self) -> tuple[LineState, ...]:
        return tuple(line for line in self.lines if line.status == LineStatus.APPROVED)


def gate(en: str, zh: str) -> GateError:
    return GateError(en, zh)


def current_step(s: ROState) -> Step:
    """The earliest step of the flow that is not complete for this RO."""
    if s.status == ROStatus.CLOSED or s.follow_up_done:
        return Step.CLOSED
    if s.handed_over:
        return Step.FOLLOW_UP
    if s.settled and s.paid:
        return Step.HANDOVER
    if s.qc_passed and (s.wash_requested is False or s.wash_done):
        return Step.SETTLEMENT
    if s.qc_passed:
        return Step.WASH
    if not s.checked_in:
        return Step.RECEPTION
    if s.concerns == 0:
        return Step.DIAGNOSIS
    if not s.authorised:
        return Step.ESTIMATE
    approved = s.approved
    if any(not line.part_ready for line in approved if line.kind == LineKind.PART):
        return Step.PARTS
    if any(not line.assigned for line in approved if line.kind == LineKind.LABOUR):
        return Step.ASSIGNMENT
    if any(not line.done for line in approved if line.kind == LineKind.LABOUR) or s.pending_changes:
        return Step.REPAIR
    if s.self_checks_unsigned:  # the technician's self-check ends the repair (自检)
        return Step.REPAIR
    return Step.QC


@dataclass(frozen=True)
class Waiting:
    """What an RO waits for next: the step, the permission of whoever does it, and who
    does what, in words ("Waiting for the workshop foreman to dispatch the work")."""

    step: Step
    action: str
    en: str
    zh: str


def _by(step: Step, action: str, en: str, zh: str) -> Waiting:
    who_en, who_zh = who_acts(action)
    return Waiting(step, action, f"Waiting for the {who_en} to {en}.", f"等待{who_zh}{zh}。")


def _customer(step: Step, action: str, en: str, zh: str) -> Waiting:
    """The customer decides; whoever may record the answer is named with it."""
    who_en, who_zh = who_acts(action)
    return Waiting(
        step,
        action,
        f"Waiting for the customer {en} (the {who_en} records it).",
        f"等待客户{zh}（由{who_zh}记录）。",
    )


def waiting_for(s: ROState) -> Waiting | None:
    """Who acts next on this RO and what they do, or None when nothing waits (closed)."""
    step = current_step(s)
    if step == Step.CLOSED:
        return None
    if step == Step.FOLLOW_UP:
        return _by(step, "followup.log", "make the follow-up call", "回访客户")
    if step == Step.HANDOVER:
        if needs_certificate(s.repair_class) and not s.completion_cert_no:
            return _by(
                step, "qc.inspect", "record the completion certificate number", "填写竣工出厂合格证编号"
            )
        return _by(step, "handover", "hand the car over", "交车")
    if s.pending_changes and not s.settled and Step.REPAIR <= step <= Step.SETTLEMENT:
        if s.pending_changes > s.changes_awaiting_manager:
            return _customer(Step.REPAIR, "change.consent", "to consent to a change", "同意变更")
        return _by(Step.REPAIR, "change.approve_major", "approve a major change", "批准重大变更")
    if step == Step.SETTLEMENT:
        if not s.settled:
            return _by(step, "settle", "settle", "结算")
        if not s.items_explained:
            return _by(step, "explain", "explain the items to the customer", "向客户逐项解释结算项目")
        return _by(step, "pay", "take payment", "收款")
    return _before_settlement(s, step)


def _before_settlement(s: ROState, step: Step) -> Waiting:
    """``waiting_for`` from reception to the wash."""
    if step == Step.WASH:
        if s.wash_requested is None:
            return _by(step, "wash.record", "ask the customer about the wash", "询问客户是否洗车")
        return _by(step, "wash.record", "confirm the wash", "确认洗车完成")
    if step == Step.QC:
        return _by(step, "qc.inspect", "do the final quality check", "完工检查")
    if step == Step.REPAIR:
        if s.self_checks_unsigned and all(x.done for x in s.approved if x.kind == LineKind.LABOUR):
            return _by(step, "work.clock", "sign the self-check", "签署自检")
        return _by(step, "work.clock", "finish the work", "完成维修作业")
    if step == Step.ASSIGNMENT:
        return _by(step, "work.assign", "dispatch the work", "派工")
    if step == Step.PARTS:
        return _by(step, "parts.manage", "get the parts ready", "备齐配件")
    if step == Step.ESTIMATE:
        if not any(line.status in LIVE_LINES for line in s.lines):
            return _by(step, "estimate.edit", "write the estimate", "制作估价单")
        return _customer(step, "estimate.authorise", "to authorise the estimate", "授权估价")
    if step == Step.DIAGNOSIS:
        return _by(step, "concern.record", "record the customer's concern", "记录客户描述的故障")
    return _by(step, "ro.checkin", "check the car in", "接车检查")


def why_locked(s: ROState, step: Step) -> GateError | None:
    """Why ``step`` cannot be worked on yet, or None when it can."""
    if step <= Step.DIAGNOSIS:
        return None
    checks = {
        Step.ESTIMATE: check_can_estimate,
        Step.PARTS: check_authorised,
        Step.ASSIGNMENT: check_authorised,
        Step.REPAIR: check_authorised,
        Step.QC: check_can_qc,
        Step.WASH: check_qc_passed,
        Step.SETTLEMENT: check_can_settle,
        Step.HANDOVER: check_can_hand_over,
        Step.FOLLOW_UP: check_handed_over,
    }
    fn = checks.get(step)
    if fn is None:
        return None
    try:
        fn(s)
    except GateError as err:
        return err
    return None


def check_open(s: ROState) -> None:
    if s.status != ROStatus.OPEN:
        raise gate("This repair order is closed.", "此工单已结案。")


def check_can_estimate(s: ROState) -> None:
    check_open(s)
    if not s.checked_in:
        raise gate("Finish the check-in first.", "请先完成接车检查。")
    if s.concerns == 0:
        raise gate(
            "Record the customer's concern in their own words first.",
            "请先用客户的原话记录故障描述。",
        )


def check_authorised(s: ROState) -> None:
    if not s.authorised:
        raise gate(
            "The customer has not authorised the estimate: no work can start.",
            "客户尚未授权估价：不能开始作业。",
        )


def check_can_work_line(s: ROState, line_id: int) -> None:
    """No assignment or clock-on for a line the customer has not authorised."""
    check_open(s)
    check_authorised(s)
    line = next((x for x in s.lines if x.id == line_id), None)
    if line is None or line.status != LineStatus.APPROVED:
        if line is not None and line.change_request_id is not None and line.status == LineStatus.PROPOSED:
            raise gate(
                "This extra work waits for the customer's consent: it cannot be started.",
                "此追加项目尚待客户同意：不能开工。",
            )
        raise gate(
            "The customer has not approved this line: it cannot be worked on.",
            "客户未批准此项目：不能作业。",
        )
    if line.kind == LineKind.PART and not line.part_ready:
        raise gate("The part for this line has not arrived.", "此项目所需配件尚未到货。")


def check_can_change_estimate(s: ROState) -> None:
    """Once authorised, cost changes only through a change request with consent."""
    check_open(s)
    if s.authorised:
        raise gate(
            "The estimate is authorised: raise a change request and record the "
            "customer's consent to change the cost or the promised time.",
            "估价已授权：如需变更费用或交车时间，请提交变更申请并记录客户同意。",
        )


def check_can_qc(s: ROState) -> None:
    check_open(s)
    check_authorised(s)
    labour = [x for x in s.approved if x.kind == LineKind.LABOUR]
    if any(not x.done for x in labour):
        raise gate("Some approved jobs are not finished yet.", "尚有已批准的作业未完工。")
    check_self_checks_signed(s)
    if s.pending_changes:
        raise gate(
            "A change request still waits for the customer's decision.",
            "尚有变更申请等待客户决定。",
        )


def check_self_checks_signed(s: ROState) -> None:
    """QC starts only when every technician who worked on the RO signed the self-check."""
    if s.self_checks_unsigned:
        names = "、".join(s.self_checks_unsigned)
        raise gate(
            f"The technician's self-check is not signed yet ({names}).",
            f"技师尚未签署自检（{names}）。",
        )


def check_self_check_marks(marks: dict[str, str]) -> None:
    """Every item of the self-check ticked: done, or "not applicable" where that makes sense."""
    missing = [item for item in SelfCheckItem if item not in marks]
    if missing:
        raise ValidationError(
            "Tick every item of the self-check: " + "; ".join(i.en for i in missing) + ".",
            "请逐项勾选自检项目：" + "；".join(i.zh for i in missing) + "。",
            field="items",
        )
    unknown = sorted(set(marks) - set(SelfCheckItem.values()))
    if unknown:
        raise ValidationError(f"Unknown self-check item {unknown[0]!r}.", f"未知的自检项目 {unknown[0]!r}。")
    for item in SelfCheckItem:
        mark = marks[item]
        if mark == SelfCheckMark.NOT_APPLICABLE and item not in SELF_CHECK_MAY_SKIP:
            raise ValidationError(
                f"“{item.en}” cannot be not applicable.",
                f"“{item.zh}”不能标为不适用。",
                field="items",
            )
        if mark not in SelfCheckMark.values():
            raise ValidationError(f"Unknown mark {mark!r}.", f"未知的勾选结果 {mark!r}。", field="items")


def check_qc_passed(s: ROState) -> None:
    if not s.qc_passed:
        raise gate("Final QC has not passed yet.", "完工检查尚未通过。")


def needs_certificate(repair_class: str) -> bool:
    """True when this repair class needs a completion certificate number."""
    return repair_class in CERTIFICATE_CLASSES


def check_can_settle(s: ROState) -> None:
    check_open(s)
    check_qc_passed(s)
    if s.pending_changes:
        raise gate(
            "A change request still waits for the customer's decision.",
            "尚有变更申请等待客户决定。",
        )
    if any(x.status == LineStatus.PROPOSED for x in s.lines):
        raise gate(
            "Some lines are neither approved nor declined: they cannot be settled.",
            "有项目既未批准也未拒绝：不能结算。",
        )
    if s.wash_requested is None:
        raise gate(
            "Ask the customer first whether the car should be washed (step 10).",
            "请先询问客户是否需要洗车（第 10 步）。",
        )
    if s.wash_requested and not s.wash_done:
        raise gate("The wash is not confirmed yet.", "清洗尚未确认完成。")


def check_can_pay(s: ROState) -> None:
    if not s.settled:
        raise gate("There is no settlement to pay yet.", "尚无结算单，不能收款。")
    if not s.items_explained:
        raise gate(
            "The advisor must explain the items before the amount is taken.",
            "服务顾问须先逐项解释结算项目，方可收款。",
        )


def check_can_hand_over(s: ROState) -> None:
    check_open(s)
    check_qc_passed(s)
    if needs_certificate(s.repair_class) and not s.completion_cert_no:
        raise gate(
            "This repair class needs a completion certificate number before handover.",
            "此维修类别交车前须填写竣工出厂合格证编号。",
        )
    if s.wash_requested and not s.wash_done:
        raise gate("The wash is not confirmed yet.", "清洗尚未确认完成。")
    if not s.settled:
        raise gate("The repair order is not settled yet.", "工单尚未结算。")
    if not s.items_explained:
        raise gate("The items have not been explained to the customer.", "尚未向客户逐项解释。")
    if not s.paid:
        raise gate("The settlement is not paid in full.", "结算款项尚未付清。")
    if s.handed_over:
        raise gate("The car has already been handed over.", "车辆已交付。")


def check_old_parts_decided(undecided: Sequence[str]) -> None:
    """Handover needs a decision on the old part of every approved part line (returned to
    the customer, scrapped, warranty return, no old part); ``undecided``: the parts still
    without one, named as the customer sees them."""
    if undecided:
        names = "; ".join(undecided)
        raise gate(
            f"Decide with the customer what happens to each old part before handover: {names}.",
            f"交车前请与客户确定每个旧件的处理方式：{names}。",
        )


def check_handed_over(s: ROState) -> None:
    if not s.handed_over:
        raise gate(
            "The car has not been handed over yet: no follow-up is due.",
            "车辆尚未交付：无需回访。",
        )


def follow_up_window(handed_over_at: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """When the follow-up call is due: 24 to 48 hours after handover."""
    return handed_over_at + FOLLOW_UP_FROM, handed_over_at + FOLLOW_UP_TO


def follow_up_timing(
    handed_over_at: dt.datetime, at: dt.datetime, customer_initiated: bool
) -> FollowUpTiming:
    """A follow-up call at ``at`` against its window (24–48 h after handover, both ends in):
    ``on_time`` inside it; ``early_customer`` before it when the customer started the call
    (it counts); ``early`` before it when the dealership called (refused: the car has not
    been driven yet); ``late`` after 48 h (accepted, a miss of the standard)."""
    due_from, due_to = follow_up_window(handed_over_at)
    if at < due_from:
        return FollowUpTiming.EARLY_CUSTOMER if customer_initiated else FollowUpTiming.EARLY
    return FollowUpTiming.LATE if at > due_to else FollowUpTiming.ON_TIME


def check_follow_up_timing(
    handed_over_at: dt.datetime, at: dt.datetime, customer_initiated: bool
) -> FollowUpTiming:
    """The timing of a call to be logged, or a ``GateError`` for a dealership call before 24 h."""
    timing = follow_up_timing(handed_over_at, at, customer_initiated)
    if timing == FollowUpTiming.EARLY:
        opens = _to_minute(handed_over_at + FOLLOW_UP_FROM).strftime("%Y-%m-%d %H:%M")
        raise gate(
            f"The follow-up call is due from {opens}, 24 hours after handover: the customer "
            "needs a day with the car first. Before then only a call the customer started "
            "can be logged (mark it so).",
            f"回访时间从 {opens}（交车后 24 小时）开始：客户须先用车一天。在此之前只能记录"
            "客户主动来电（请勾选“客户来电”）。",
        )
    return timing


def need_confirmation_timing(arrived_at: dt.datetime, confirmed_at: dt.datetime) -> NeedTiming:
    """How the need confirmation kept to the 5–10 minute standard (after arrival, both ends
    in): ``rushed`` under 5 minutes, ``late`` over 10, else ``on_time``."""
    seconds = (confirmed_at - arrived_at).total_seconds()
    if seconds < NEED_CONFIRMED_MIN_S:
        return NeedTiming.RUSHED
    return NeedTiming.LATE if seconds > NEED_CONFIRMED_S else NeedTiming.ON_TIME


def is_major_change(delta_cents: int, threshold_cents: int) -> bool:
    """A change whose extra amount reaches the threshold needs a manager's approval."""
    return delta_cents >= threshold_cents


def _to_minute(t: dt.datetime) -> dt.datetime:
    return t.replace(second=0, microsecond=0)


def promise_is_later(current: dt.datetime | None, new: dt.datetime) -> bool:
    """Whether ``new`` moves the promised time later, to the minute as people see it.

    A promise stored with seconds (19:00:30) shows as 19:00; a new promise of 19:00 (or
    19:00:45) would read as no change, so it does not count as later.
    """
    return current is None or _to_minute(new) > _to_minute(current)


def check_later_promise(current: dt.datetime | None, new: dt.datetime) -> None:
    """A change request may only move the promised time later than the current promise."""
    if not promise_is_later(current, new):
        assert current is not None
        shown = _to_minute(current).strftime("%Y-%m-%d %H:%M")
        raise ValidationError(
            f"The new promised time must be later than the current promise ({shown}).",
            f"新的承诺交车时间必须晚于当前承诺时间（{shown}）。",
            field="new_promised_at",
        )


@dataclass(frozen=True)
class LoungeUpdates:
    """How the progress updates to a customer waiting in the lounge kept to the standard.

    ``misses`` are the moments an update was due and none came; ``on_time`` counts the
    updates given within the interval of the previous one (or of the start of the wait);
    ``next_due`` is when the next update is due (meaningful while the customer waits).
    """

    on_time: int
    misses: tuple[dt.datetime, ...]
    next_due: dt.datetime

    @property
    def missed(self) -> int:
        return len(self.misses)


def lounge_updates(
    waiting_from: dt.datetime,
    waiting_until: dt.datetime,
    update_times: Iterable[dt.datetime],
    every: dt.timedelta = LOUNGE_UPDATE_EVERY,
) -> LoungeUpdates:
    """The lounge rule over one wait, from ``waiting_from`` to ``waiting_until``.

    The wait runs from when the customer starts waiting until the car is ready or handed
    over or the customer leaves (pass the current time for a wait still going on). An
    update is due ``every`` after the start and after each update; each due moment that
    passes before the next update (or before the wait ends) is one miss, so two hours
    without news at 30 minutes are four misses. An update exactly at its due moment, or a
    wait that ends exactly then, is on time. Updates outside the wait do not count.
    """
    if every <= dt.timedelta(0):
        raise ValueError("every must be positive")
    anchor = waiting_from
    on_time = 0
    misses: list[dt.datetime] = []

    def missed_before(t: dt.datetime) -> None:
        due = anchor + every
        while due < t:
            misses.append(due)
            due += every

    for t in sorted(u for u in update_times if waiting_from <= u <= waiting_until):
        if t <= anchor + every:
            on_time += 1
        missed_before(t)
        anchor = t
    missed_before(waiting_until)
    return LoungeUpdates(on_time=on_time, misses=tuple(misses), next_due=anchor + every)


def lounge_update_misses(
    waiting_from: dt.datetime,
    waiting_until: dt.datetime,
    update_times: Iterable[dt.datetime],
    every: dt.timedelta = LOUNGE_UPDATE_EVERY,
) -> int:
    """How many progress updates were due and missed while the customer waited."""
    return lounge_updates(waiting_from, waiting_until, update_times, every).missed


# -- complaints and crises (issue 17, item 13; manual 002 §7.2) -----------------------------
# How soon the service manager must have a complaint, by its level: a crisis at once (it
# is raised with the manager named), a serious one within 4 hours, a general one within
# 24 hours (unless it was settled with the customer before then).
ESCALATE_WITHIN_S: dict[str, int] = {
    ComplaintLevel.CRISIS: 0,
    ComplaintLevel.SERIOUS: 4 * 3600,
    ComplaintLevel.GENERAL: 24 * 3600,
}


def escalation_due(level: str, raised_at: dt.datetime) -> dt.datetime:
    """When the manager must have a complaint of ``level`` raised at ``raised_at``."""
    return raised_at + dt.timedelta(seconds=ESCALATE_WITHIN_S[level])


def escalation_overdue(
    *,
    escalate_by: dt.datetime,
    escalated_at: dt.datetime | None,
    closed_at: dt.datetime | None,
    at: dt.datetime,
) -> bool:
    """True while a complaint that has not reached the manager is past its time (one
    closed with the customer before its time needed no manager)."""
    if escalated_at is not None:
        return False
    if closed_at is not None:
        return closed_at > escalate_by
    return at > escalate_by


def escalated_late(escalate_by: dt.datetime, escalated_at: dt.datetime | None) -> bool:
    """True when the complaint reached the manager after its time."""
    return escalated_at is not None and escalated_at > escalate_by


def check_raise_complaint(level: str, *, escalated: bool) -> None:
    """A crisis goes to the manager at once: it is raised with the manager named."""
    if ESCALATE_WITHIN_S[level] == 0 and not escalated:
        raise gate(
            "A crisis goes to the service manager at once: choose the manager to tell.",
            "危机须立即上报服务经理：请选择上报的经理。",
        )


def check_complaint_open(status: str) -> None:
    if status != ComplaintStatus.OPEN:
        raise gate("The complaint is already closed.", "该投诉已结案。")


def check_close_complaint(
    *,
    status: str,
    level: str,
    escalated: bool,
    compensation_kind: str,
    compensation_approved: bool,
    accepted: bool | None,
    note: str,
    by_manager: bool,
) -> None:
    """Closing needs the customer's answer; a serious complaint or crisis must have
    reached the manager; an offered compensation needs the manager's approval; closing
    without the customer's acceptance is the manager's call, with the reason written."""
    check_complaint_open(status)
    if accepted is None:
        raise ValidationError(
            "Record the customer's answer: did they accept the resolution?",
            "请记录客户的答复：客户是否接受处理结果？",
            field="accepted",
        )
    if level != ComplaintLevel.GENERAL and not escalated:
        raise gate(
            "A serious complaint or a crisis is closed only after the service manager has it: escalate it first.",
            "严重投诉或危机须先上报服务经理后方可结案。",
        )
    if compensation_kind and not compensation_approved:
        raise gate(
            "The compensation offered has not been approved by the service manager.",
            "所提出的补偿尚未经服务经理批准。",
        )
    if not accepted:
        if not by_manager:
            raise gate(
                "The customer did not accept: only the service manager may close the complaint so.",
                "客户不接受处理结果：只有服务经理可以在此情况下结案。",
            )
        if not note.strip():
            raise ValidationError(
                "Write why the complaint is closed although the customer did not accept.",
                "请填写客户不接受但仍结案的原因。",
                field="note",
            )


# -- improvement actions (issue 17, item 14) ------------------------------------------------


def action_overdue(due_on: dt.date, done_at: dt.datetime | None, today: dt.date) -> bool:
    """An improvement action not done by the end of its due day is overdue."""
    return done_at is None and today > due_on


def lounge_ready_at(
    qc_passed_at: dt.datetime | None, wash_requested: bool | None, wash_done_at: dt.datetime | None
) -> dt.datetime | None:
    """When the car was ready for a waiting customer: QC passed and washed (or no wash)."""
    if qc_passed_at is None:
        return None
    if wash_requested:
        return wash_done_at
    return qc_passed_at if wash_requested is False else None


def lounge_waits(
    start: dt.datetime,
    waits_now: bool,
    toggles: Iterable[tuple[dt.datetime, bool]],
    until: dt.datetime,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The periods a customer waited at the shop, from ``start`` (check-in) to ``until``
    (the car ready or handed over, or now).

    ``toggles`` are the "Staying here" changes (time, waiting); whether the customer
    waited from check-in is what the first toggle undid (no toggle: ``waits_now``).
    """
    moves = sorted(toggles)
    waiting = (not moves[0][1]) if moves else waits_now
    periods: list[tuple[dt.datetime, dt.datetime]] = []
    since = start if waiting else None
    for at, now_waiting in moves:
        at = max(at, start)
        if now_waiting and since is None:
            since = at
        elif not now_waiting and since is not None:
            periods.append((since, min(at, until)))
            since = None
    if since is not None:
        periods.append((since, until))
    return [(a, b) for a, b in periods if a < b]


# -- Dispatch (issue 17, item 2): technique, experience, speed; no double-booking -------

# The bay kinds a job needing each skill may use: work under the car (service, brakes,
# engine) needs a lift, a diagnosis the diagnosis bay's equipment, body work a flat
# general bay; any other job (electrical, air-con, no skill named) any bay but the wash.
# A wash bay never takes a repair.
REPAIR_BAYS: frozenset[str] = frozenset({BayKind.GENERAL, BayKind.LIFT, BayKind.DIAGNOSIS})
BAY_KINDS_FOR_SKILL: dict[str, frozenset[str]] = {
    Skill.SERVICE: frozenset({BayKind.LIFT}),
    Skill.BRAKES: frozenset({BayKind.LIFT}),
    Skill.ENGINE: frozenset({BayKind.LIFT}),
    Skill.DIAGNOSIS: frozenset({BayKind.DIAGNOSIS}),
    Skill.BODY: frozenset({BayKind.GENERAL}),
}
CERT_WARNING_DAYS = 30  # a certificate expiring within this many days is shown as a warning
SPEED_WINDOW_DAYS = 90  # measured speed: the technician's jobs finished in this many days


def bay_kinds_for(skill: str) -> frozenset[str]:
    """The kinds of bay a job needing ``skill`` may be planned in."""
    return BAY_KINDS_FOR_SKILL.get(skill, REPAIR_BAYS)


@dataclass(frozen=True)
class Certificate:
    """A technician's certificate for a skill, valid up to and including ``expires_on``."""

    skill: str
    number: str
    expires_on: dt.date


def holds_skill(
    skill: str, listed: tuple[str, ...], certificates: tuple[Certificate, ...], on: dt.date
) -> bool:
    """Whether a technician holds ``skill`` on the day ``on``.

    A skill with certificates is held only while one of them is valid (an expired
    certificate counts as a missing skill, whatever the list of skills says); a skill
    without any certificate is held when it is among the technician's listed skills.
    """
    certs = [c for c in certificates if c.skill == skill]
    if certs:
        return any(c.expires_on >= on for c in certs)
    return skill in listed


def held_skills(
    listed: tuple[str, ...], certificates: tuple[Certificate, ...], on: dt.date
) -> tuple[str, ...]:
    """Every skill the technician holds on ``on`` (``holds_skill``), listed ones first."""
    every = list(dict.fromkeys([*listed, *(c.skill for c in certificates)]))
    return tuple(s for s in every if holds_skill(s, listed, certificates, on))


def expiring(certificates: tuple[Certificate, ...], today: dt.date) -> tuple[Certificate, ...]:
    """The certificates still valid that expire within ``CERT_WARNING_DAYS`` of ``today``."""
    until = today + dt.timedelta(days=CERT_WARNING_DAYS)
    return tuple(c for c in certificates if today <= c.expires_on <= until)


def speed_pct(standard_min: float, worked_min: float) -> int | None:
    """Measured speed: standard time of finished jobs over the time worked on them, in per
    cent (120 = a fifth faster than the standard); None before any time was worked."""
    if worked_min <= 0:
        return None
    return round(100 * standard_min / worked_min)


def suggestion_rank(
    *, has_skill: bool, level: int, speed: int | None, load_min: int
) -> tuple[int, int, int, int]:
    """The order of suggested technicians (smallest first): the skill first, then
    experience (level), then measured speed (unmeasured counts as the standard), then the
    least loaded."""
    return (0 if has_skill else 1, -level, -(speed if speed is not None else 100), load_min)


@dataclass(frozen=True)
class Booking:
    """Another not-done job planned in the same interval (for a double-booking refusal)."""

    start: dt.datetime
    end: dt.datetime
    what: str  # e.g. "RO20261205-0003 Replace front brake pads"


@dataclass(frozen=True)
class DispatchProblem:
    rule: DispatchRule
    en: str
    zh: str


def _span(b: Booking) -> str:
    return f"{b.start:%m-%d %H:%M}–{b.end:%H:%M} {b.what}".strip()


def dispatch_problems(
    *,
    skill: str,
    technician: str,
    listed: tuple[str, ...],
    certificates: tuple[Certificate, ...],
    on: dt.date,
    technician_bookings: tuple[Booking, ...],
    bay_code: str = "",
    bay_kind: str | None = None,
    bay_bookings: tuple[Booking, ...] = (),
) -> list[DispatchProblem]:
    """Every dispatch rule a plan breaks, in ``DispatchRule`` order (empty: none)."""
    out: list[DispatchProblem] = []
    if technician_bookings:
        spans = "; ".join(_span(b) for b in technician_bookings)
        out.append(
            DispatchProblem(
                DispatchRule.TECHNICIAN_BUSY,
                f"{technician} is already booked then: {spans}.",
                f"{technician}在该时段已有安排：{spans}。",
            )
        )
    if bay_kind is not None and bay_bookings:
        spans = "; ".join(_span(b) for b in bay_bookings)
        out.append(
            DispatchProblem(
                DispatchRule.BAY_BUSY,
                f"Bay {bay_code} is already booked then: {spans}.",
                f"工位 {bay_code} 在该时段已被占用：{spans}。",
            )
        )
    if skill and not holds_skill(skill, listed, certificates, on):
        sk = Skill(skill) if skill in Skill.values() else None
        en_s, zh_s = (sk.en, sk.zh) if sk else (skill, skill)
        lapsed = sorted((c for c in certificates if c.skill == skill), key=lambda c: c.expires_on)
        if lapsed:
            c = lapsed[-1]
            en = f"{technician}'s {en_s} certificate {c.number} expired on {c.expires_on:%Y-%m-%d}."
            zh = f"{technician}的{zh_s}资质证书 {c.number} 已于 {c.expires_on:%Y-%m-%d} 过期。"
        else:
            en = f"{technician} does not have the skill this job needs ({en_s})."
            zh = f"{technician}不具备此作业所需的技能（{zh_s}）。"
        out.append(DispatchProblem(DispatchRule.MISSING_SKILL, en, zh))
    if bay_kind is not None and bay_kind not in bay_kinds_for(skill):
        allowed = [k for k in BayKind if k in bay_kinds_for(skill)]
        have = BayKind(bay_kind) if bay_kind in BayKind.values() else None
        out.append(
            DispatchProblem(
                DispatchRule.WRONG_BAY,
                f"Bay {bay_code} is a {have.en.lower() if have else bay_kind} bay; this job needs: "
                + ", ".join(k.en.lower() for k in allowed)
                + ".",
                f"工位 {bay_code} 为{have.zh if have else bay_kind}工位；此作业需要："
                + "、".join(k.zh for k in allowed)
                + "工位。",
            )
        )
    return out


class DispatchRefused(GateError):
    """A plan breaks dispatch rules: every one is listed; the foreman may override them all
    with a reason (``rules`` names them)."""

    def __init__(self, problems: list[DispatchProblem]) -> None:
        super().__init__(
            "This assignment breaks the dispatch rules:\n"
            + "\n".join(f"• {p.en}" for p in problems)
            + "\nChange the plan, or give a reason to assign it anyway (recorded).",
            "此派工违反派工规则：\n"
            + "\n".join(f"• {p.zh}" for p in problems)
            + "\n请调整安排，或填写理由后仍然派工（将被记录）。",
        )
        self.problems = tuple(problems)
        self.rules = tuple(p.rule for p in problems)


def check_dispatch(problems: list[DispatchProblem], override_reason: str = "") -> tuple[DispatchRule, ...]:
    """The rules overridden (with ``override_reason``); refuse when rules are broken and no
    reason is given."""
    if problems and not override_reason.strip():
        raise DispatchRefused(problems)
    return tuple(p.rule for p in problems)


# -- Promises kept honest (issue 17, item 3) ---------------------------------------------


class DelayNeeded(GateError):
    """The plan, or the work from now on, would end after the promise with no delay put to
    the customer: ``projected_end`` is when it would end; ``suggested`` a new promise."""

    def __init__(self, en: str, zh: str, *, projected_end: dt.datetime, promised_at: dt.datetime) -> None:
        super().__init__(en, zh, field="new_promised_at")
        self.projected_end = projected_end
        self.promised_at = promised_at
        self.suggested = suggested_promise(projected_end)


def suggested_promise(end: dt.datetime) -> dt.datetime:
    """A new promise to offer for work ending at ``end``: the next quarter hour after it."""
    base = end.replace(second=0, microsecond=0)
    return base + dt.timedelta(minutes=15 - base.minute % 15)


def covered_until(
    promised_at: dt.datetime | None, open_promises: list[dt.datetime | None]
) -> dt.datetime | None:
    """The latest end the customer was told of: the promise, or a later time asked for in a
    change request still waiting for the customer (a consented one has moved the promise)."""
    times = [t for t in [promised_at, *open_promises] if t is not None]
    return max(times) if times else None


def remaining_end(at: dt.datetime, standard_min: int, worked_min: int) -> dt.datetime:
    """When a job clocked on (again) at ``at`` ends: its remaining standard time from then."""
    return at + dt.timedelta(minutes=max(standard_min - worked_min, 0))


def check_promise(
    end: dt.datetime, promised_at: dt.datetime | None, covered: dt.datetime | None, *, working: bool = False
) -> None:
    """Refuse a plan (``working``: the work from now on) that ends after everything the
    customer was told, to the minute: a delay change request must go to the customer first."""
    if promised_at is None or covered is None or not _to_minute(end) > _to_minute(covered):
        return
    e, p = f"{end:%Y-%m-%d %H:%M}", f"{covered:%Y-%m-%d %H:%M}"
    if working:
        en = (
            f"With the standard time left, the job would end at {e}, after the time promised to the "
            f"customer ({p}). Report a delay with a new promised time for the customer's consent."
        )
        zh = f"按剩余标准工时，此作业将于 {e} 完工，晚于向客户承诺的时间（{p}）。请提交延期申请并填写新的承诺交车时间，待客户同意。"
    else:
        en = (
            f"The planned end {e} is after the time promised to the customer ({p}). Plan it to end "
            "in time, or raise a delay with a new promised time for the customer's consent."
        )
        zh = f"计划完工 {e} 晚于向客户承诺的时间（{p}）。请调整计划按时完工，或提交延期申请并填写新的承诺交车时间，待客户同意。"
    raise DelayNeeded(en, zh, projected_end=end, promised_at=covered)


# -- One owner advisor (001: 应尽可能指定一名服务顾问专责处理) ---------------------------------
# The advisor's steps of a repair order: an advisor does them on the ROs that are theirs
# (``RepairOrder.advisor``) and on no other, until its advisor or a service manager hands
# it over (``reception.reassign_advisor``, with a reason). A manager acts on any RO; the
# other roles' own steps (foreman, technician, parts clerk, cashier, customer service)
# are not the advisor's and are not affected.
OWNER_ACTIONS = frozenset(
    {
        "ro.checkin",
        "ro.open",  # linking a comeback to the RO
        "ro.reassign",  # handing it over: its advisor or a manager, never a stranger taking it
        "concern.record",
        "concern.finding",
        "estimate.edit",
        "estimate.authorise",
        "change.raise",
        "change.consent",
        "wash.record",
        "settle",
        "explain",
        "handover",
        "followup.log",
        "customer.inform",
        "inspection.do",  # the advisor's own ROs; a technician or the foreman on any
    }
)


def acts_as_owner(role: str, actor_id: int, owner_id: int | None) -> bool:
    """Whether someone of ``role`` may act on the advisor's steps of an RO whose advisor is
    ``owner_id``: an advisor on their own ROs only; any other role as its permissions say."""
    return role != Role.ADVISOR or actor_id == owner_id


def owner_refusal(owner: str) -> tuple[str, str]:
    """Why an advisor may not act on another advisor's RO, naming its owner (both languages)."""
    return (
        f"This repair order is {owner}'s. Ask {owner} or the service manager to hand it to you.",
        f"此工单由{owner}负责。请{owner}或服务经理将工单转交给您。",
    )


# -- every decision recorded (issue 17, items 4 and 7) --


def declined_without_reason(decisions: dict[int, str], reasons: dict[int, int | None]) -> list[int]:
    """The declined lines that carry no reason: every decline says why (the decline
    statistics and the call list read it), from the list solicitation uses."""
    return sorted(k for k, d in decisions.items() if d == LineStatus.DECLINED and reasons.get(k) is None)


def agreed_band(low: int | None, high: int | None, agreed: tuple[int, ...] = ()) -> tuple[int, int] | None:
    """The totals the customer agreed to: the price range they were told, and each amount
    they consented to since (a change request, an authorisation outside the range). None
    when no range was told. The told range itself is never changed by this."""
    if low is None or high is None:
        return None
    return min((low, *agreed)), max((high, *agreed))


def check_total_in_range(
    total: int, low: int | None, high: int | None, agreed: tuple[int, ...] = (), *, when: str = "authorise"
) -> None:
    """A total outside the range told to the customer (and every amount they agreed to
    since) needs their consent or a corrected range told to them again."""
    band = agreed_band(low, high, agreed)
    if band is None or band[0] <= total <= band[1]:
        return
    assert low is not None and high is not None
    en_told, zh_told = f"{fmt(low, 'en')}–{fmt(high, 'en')}", f"{fmt(low)}–{fmt(high)}"
    en_way, zh_way = (
        (
            "tell the customer a corrected range, or record that they agree to this total",
            "请向客户重新告知价格范围，或记录客户同意此金额",
        )
        if when == "authorise"
        else (
            "tell the customer a corrected range, or ask their consent with a change request",
            "请向客户重新告知价格范围，或提交变更申请征得客户同意",
        )
    )
    raise OutsideRange(
        f"The total {fmt(total, 'en')} is outside the price range the customer was told "
        f"({en_told}): {en_way}.",
        f"合计 {fmt(total)} 超出告知客户的价格范围（{zh_told}）：{zh_way}。",
        field="price_range",
    )


# -- the digital inspection (issue 18) --

# A measurement is a tread depth, a pad thickness, a pressure, a voltage, a percentage:
# never negative, never more than this (a traction battery's voltage is the largest).
MAX_MEASUREMENT = Decimal("9999.99")


def check_measurement(value: Decimal | str | None) -> Decimal | None:
    """A measurement as typed ("3.5", "3,5", " 230 ") or given, to two decimals; None when
    empty. Not a number, infinite, negative or huge: a bilingual ``ValidationError``."""
    if value is None:
        return None
    if isinstance(value, str):
        typed = value.strip()
        if not typed:
            return None
        try:
            value = Decimal(typed.replace(",", ".").replace("，", "."))
        except InvalidOperation:
            raise ValidationError(
                f"The measurement must be a number (got {typed[:20]!r}).",
                f"测量值必须是数字（收到 {typed[:20]!r}）。",
                field="measurement",
            ) from None
    if not value.is_finite() or value < 0 or value > MAX_MEASUREMENT:
        raise ValidationError(
            f"The measurement must be a number from 0 to {MAX_MEASUREMENT:,}.",
            f"测量值必须是 0 至 {MAX_MEASUREMENT:,} 之间的数字。",
            field="measurement",
        )
    return value.quantize(Decimal("0.01"))


def suggested_rating(
    value: Decimal | None, yellow_at: Decimal | None, red_at: Decimal | None, lower_is_worse: bool = True
) -> str | None:
    """The rating a measurement suggests by the item's thresholds (None: no suggestion).
    With ``lower_is_worse`` (tread, pads, voltage) at or below ``red_at`` is red, at or
    below ``yellow_at`` yellow; otherwise (brake fluid's water content) at or above."""
    if value is None or (yellow_at is None and red_at is None):
        return None

    def reached(limit: Decimal | None) -> bool:
        if limit is None:
            return False
        return value <= limit if lower_is_worse else value >= limit

    if reached(red_at):
        return Rating.RED
    if reached(yellow_at):
        return Rating.YELLOW
    return Rating.GREEN


def check_can_inspect(status: str, handed_over: bool) -> None:
    """The inspection is recorded while the car is here: not once the RO is closed or the
    car handed over (what the customer was shown stays as it was)."""
    if status != ROStatus.OPEN or handed_over:
        raise gate(
            "The car has been handed over: its inspection can no longer be changed.",
            "车辆已交车：检查结果不能再修改。",
        )


def kind_by_plate(plate: str) -> str | None:
    """The vehicle kind a mainland new-energy plate tells (GA 36: the letter after the
    issuing authority's is D for a pure electric car, F for one that is not — a plug-in
    hybrid — on the eight-character green plate: third on a small car's, last on a large
    vehicle's); None for any other plate."""
    text = "".join(plate.split()).upper()
    if len(text) != 8:
        return None
    mark = text[2] if not text[2].isdigit() else text[-1]
    return {"D": VehicleKind.EV, "F": VehicleKind.HYBRID}.get(mark)
