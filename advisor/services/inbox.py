"""What waits on the advisor ("needs me"): the open ROs where the next move is theirs.

``read_needs_me`` reads the actor's own open ROs (a manager: every advisor's) and says,
per RO, what waits and on which step the action is taken. Each kind has one rule for
when it shows and one act that clears it:

- ``consent``: a change request waits for the customer's answer — until the answer is
  recorded (step 8).
- ``approval`` (only for who may approve a major change: the manager): the customer
  consented to a major change that waits for the manager — until approved or rejected
  (step 8).
- ``decision``: a manager approved or rejected a major change the customer had not
  answered after it — until the customer is given a progress update (step 8).
- ``parts_arrived``: the RO's parts have all arrived (the "tell the customer" task) —
  until the task is marked done on the parts page (step 6).
- ``qc_failed``: the last final check failed (rework) — until QC passes or the customer
  is given a progress update after the failure (step 9).
- ``promise_at_risk``: now + the standard hours still to work ends past the promise (or
  the promise has passed) — until the work fits the promise again (a consented delay
  moves it) or the customer is given a progress update after it went at risk (step 8).
  Not while a change request is open (``consent`` stands for it).
- ``lounge``: a customer waiting at the shop has had no update for 30 minutes (the
  setting ``lounge_update_minutes``) since the check-in or the last update, until the car
  is ready — until a progress update is given (the RO's step).
- ``follow_up``: the follow-up call is due — until it is logged (step 13).
- ``handover``: settled and paid, not handed over — until handed over (step 12).
- ``escalation_overdue`` (a complaint, not an RO; to every manager and to who recorded
  it): an open complaint past its level's time without the manager
  (``workflow.escalation_overdue``) — until it is escalated to a manager (or closed).
- ``complaint`` (to the manager it was escalated to): an open complaint with them —
  until it is closed with the customer's answer.

The complaint kinds open the complaint in the Complaints workspace (``NeedItem.complaint``);
``read_complaint_needs`` reads them alone, for the Complaints rail entry's count.

A progress update (``give_progress_update``) is one audited act on the RO, shown on its
timeline. The read is a handful of statements over the open ROs' ids, whatever their
number (no statement per RO).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from advisor import auth, money, validation, workflow
from advisor.codes import (
    CHANGE_OPEN,
    CLOCK_STARTS,
    ChangeKind,
    ChangeStatus,
    ComplaintLevel,
    ComplaintStatus,
    EventAction,
    FollowUpStatus,
    JobStatus,
    LineKind,
    LineStatus,
    NeedKind,
    Role,
    ROStatus,
    TaskKind,
)
from advisor.errors import GateError
from advisor.models import (
    Assignment,
    ChangeRequest,
    ClockEvent,
    Complaint,
    Customer,
    EstimateLine,
    FollowUp,
    QCCheck,
    RepairOrder,
    StepEvent,
    Task,
    User,
    Vehicle,
    now,
)
from advisor.services._base import Actor, check_owner, event, service
from advisor.services.opchanges import Kind
from advisor.workflow import Step

# The order of the list: a customer at the shop or on the phone now, then the promise and
# the work, then what can wait an hour (a car to hand over is waited for at the shop).
URGENCY: tuple[NeedKind, ...] = (
    NeedKind.LOUNGE,
    NeedKind.ESCALATION_OVERDUE,
    NeedKind.CONSENT,
    NeedKind.APPROVAL,
    NeedKind.COMPLAINT,
    NeedKind.PROMISE_AT_RISK,
    NeedKind.QC_FAILED,
    NeedKind.DECISION,
    NeedKind.HANDOVER,
    NeedKind.PARTS_ARRIVED,
    NeedKind.FOLLOW_UP,
)


@dataclass(frozen=True)
class NeedItem:
    """One thing that waits on the advisor of an RO."""

    kind: str  # NeedKind
    ro_id: int
    number: str
    plate: str
    advisor: str  # the RO's advisor (a manager sees everyone's)
    since: dt.datetime
    detail_en: str
    detail_zh: str
    step: int  # the step page where the action is taken
    ref: int = 0  # the change request, task, QC check, follow-up or complaint it is about
    complaint: int = 0  # a complaint's item: the complaint (``ro_id`` its RO, or 0)

    @property
    def key(self) -> tuple[str, int, int]:
        """What makes the item itself (a new key is a new item: the tray tells it)."""
        return (self.kind, self.ro_id, self.ref)


_COLUMNS = (
    RepairOrder.id,
    RepairOrder.number,
    Vehicle.plate,
    User.display_name,
    RepairOrder.step,
    RepairOrder.promised_at,
    RepairOrder.customer_waits,
    RepairOrder.arrived_at,
    RepairOrder.checked_in_at,
    RepairOrder.qc_passed_at,
    RepairOrder.paid_at,
    RepairOrder.handed_over_at,
)


@dataclass(frozen=True)
class _Row:
    id: int
    number: str
    plate: str
    advisor: str
    step: int
    promised_at: dt.datetime | None
    customer_waits: bool
    arrived_at: dt.datetime
    checked_in_at: dt.datetime | None
    qc_passed_at: dt.datetime | None
    paid_at: dt.datetime | None
    handed_over_at: dt.datetime | None


def _clock(at: dt.datetime, ref: dt.datetime) -> str:
    """A time of day, with the date when it is not ``ref``'s day."""
    return f"{at:%H:%M}" if at.date() == ref.date() else f"{at:%m-%d %H:%M}"


def _minutes(seconds: float) -> int:
    return max(0, int(seconds // 60))


class _Reader:
    """The statements of one read, each over the open ROs' ids."""

    def __init__(self, rows: list[_Row], at: dt.datetime, *, approves: bool = False) -> None:
        self.approves = approves  # the reader approves major changes (a manager)
        self.rows = {r.id: r for r in rows}
        self.ids = list(self.rows)
        self.at = at
        self.items: list[NeedItem] = []
        self.informed: dict[int, dt.datetime] = {}
        self.waiting_from: dict[int, dt.datetime] = {}
        self.approved_first: dict[int, list[dt.datetime]] = {}
        self._read_events()

    def add(
        self, kind: NeedKind, ro: _Row, since: dt.datetime, en: str, zh: str, step: int, ref: int = 0
    ) -> None:
        self.items.append(
            NeedItem(kind, ro.id, ro.number, ro.plate, ro.advisor, since, en, zh, max(1, min(step, 13)), ref)
        )

    def informed_since(self, ro_id: int, when: dt.datetime) -> bool:
        last = self.informed.get(ro_id)
        return last is not None and last >= when

    def _read_events(self) -> None:
        """The last progress update of each RO, and when a manager approved a change before
        the customer answered it (then the customer's consent told them)."""
        q = (
            StepEvent.select(StepEvent.ro, StepEvent.action, StepEvent.at)
            .where(
                StepEvent.ro.in_(self.ids)
                & StepEvent.action.in_(
                    [
                        EventAction.CUSTOMER_INFORMED,
                        EventAction.CHANGE_APPROVED_BY_MANAGER,
                        EventAction.CUSTOMER_WAITING,
                    ]
                )
            )
            .tuples()
        )
        for ro_id, action, at in q:
            if action == EventAction.CUSTOMER_INFORMED:
                if ro_id not in self.informed or at > self.informed[ro_id]:
                    self.informed[ro_id] = at
            elif action == EventAction.CUSTOMER_WAITING:
                if ro_id not in self.waiting_from or at > self.waiting_from[ro_id]:
                    self.waiting_from[ro_id] = at
            else:
                self.approved_first.setdefault(ro_id, []).append(at)

    # -- change requests: the customer's answer, the manager's decision -------------------
    def changes(self) -> set[int]:
        """Adds consent and decision items; returns the ROs with an open change request."""
        open_ros: set[int] = set()
        q = (
            ChangeRequest.select(
                ChangeRequest.id,
                ChangeRequest.ro,
                ChangeRequest.kind,
                ChangeRequest.reason,
                ChangeRequest.raised_at,
                ChangeRequest.status,
                ChangeRequest.old_amount_cents,
                ChangeRequest.new_amount_cents,
                ChangeRequest.consent_at,
                ChangeRequest.manager_at,
            )
            .where(
                ChangeRequest.ro.in_(self.ids)
                & (ChangeRequest.status.in_(CHANGE_OPEN) | ChangeRequest.manager_at.is_null(False))
            )
            .order_by(ChangeRequest.id)
            .tuples()
        )
        for cr_id, ro_id, kind, reason, raised_at, status, old, new, consent_at, manager_at in q:
            ro = self.rows[ro_id]
            if status in CHANGE_OPEN:
                open_ros.add(ro_id)
            if status == ChangeStatus.PENDING and consent_at is None:
                what = ChangeKind(kind) if kind in ChangeKind.values() else None
                en = f"{what.en if what else kind}: {reason}"
                zh = f"{what.zh if what else kind}：{reason}"
                if new != old:
                    en += f" ({money.fmt(old, 'en')} → {money.fmt(new, 'en')})"
                    zh += f"（{money.fmt(old, 'zh_CN')} → {money.fmt(new, 'zh_CN')}）"
                self.add(NeedKind.CONSENT, ro, raised_at, en, zh, Step.REPAIR, cr_id)
                continue
            if status == ChangeStatus.AWAITING_MANAGER and self.approves and consent_at is not None:
                en = f"The customer consented ({money.fmt(old, 'en')} → {money.fmt(new, 'en')}): {reason}"
                zh = f"客户已同意（{money.fmt(old, 'zh_CN')} → {money.fmt(new, 'zh_CN')}）：{reason}"
                self.add(NeedKind.APPROVAL, ro, consent_at, en, zh, Step.REPAIR, cr_id)
                continue
            if manager_at is None or status not in (ChangeStatus.APPROVED, ChangeStatus.REJECTED):
                continue
            # Approved before the customer answered: their consent applied it (they know).
            if status == ChangeStatus.APPROVED and any(
                at >= raised_at for at in self.approved_first.get(ro_id, [])
            ):
                continue
            if self.informed_since(ro_id, manager_at):
                continue
            if status == ChangeStatus.APPROVED:
                en, zh = f"The manager approved: {reason}", f"经理已批准：{reason}"
            else:
                en, zh = f"The manager rejected: {reason}", f"经理已驳回：{reason}"
            self.add(NeedKind.DECISION, ro, manager_at, en, zh, Step.REPAIR, cr_id)
        return open_ros

    # -- parts arrived: the task "tell the customer" -----------------------------------
    def parts(self) -> None:
        q = (
            Task.select(Task.id, Task.ro, Task.created_at)
            .where(Task.ro.in_(self.ids) & Task.done_at.is_null() & (Task.kind == TaskKind.NOTIFY_CUSTOMER))
            .order_by(Task.id)
            .tuples()
        )
        for task_id, ro_id, created_at in q:
            self.add(
                NeedKind.PARTS_ARRIVED,
                self.rows[ro_id],
                created_at,
                "All the parts are here: tell the customer, then mark the task done.",
                "配件已全部到货：请通知客户，然后将待办标记为完成。",
                Step.PARTS,
                task_id,
            )

    # -- final QC failed ---------------------------------------------------------------
    def qc(self) -> None:
        waiting = [i for i, r in self.rows.items() if r.qc_passed_at is None and r.handed_over_at is None]
        if not waiting:
            return
        last: dict[int, tuple[int, dt.datetime, bool, str]] = {}
        q = (
            QCCheck.select(QCCheck.id, QCCheck.ro, QCCheck.at, QCCheck.passed, QCCheck.notes)
            .where(QCCheck.ro.in_(waiting))
            .order_by(QCCheck.id)
            .tuples()
        )
        for check_id, ro_id, at, passed, notes in q:
            last[ro_id] = (check_id, at, passed, notes)
        for ro_id, (check_id, at, passed, notes) in last.items():
            if passed or self.informed_since(ro_id, at):
                continue
            note = (notes or "").strip()
            self.add(
                NeedKind.QC_FAILED,
                self.rows[ro_id],
                at,
                f"Sent back for rework. {note}".strip(),
                f"已退回返工。{note}".strip(),
                Step.QC,
                check_id,
            )

    # -- the promise: clocked + remaining standard hours ---------------------------------
    def promises(self, changing: set[int]) -> None:
        candidates = {
            i: r
            for i, r in self.rows.items()
            if r.promised_at is not None
            and r.handed_over_at is None
            and r.step < Step.HANDOVER
            and i not in changing
        }
        if not candidates:
            return
        left = self._minutes_left([i for i, r in candidates.items() if r.qc_passed_at is None])
        for ro_id, ro in candidates.items():
            assert ro.promised_at is not None
            remaining = left.get(ro_id, 0)
            end = self.at + dt.timedelta(minutes=remaining)
            if end <= ro.promised_at:
                continue
            since = min(self.at, ro.promised_at - dt.timedelta(minutes=remaining))
            if self.informed_since(ro_id, since):
                continue
            promised = _clock(ro.promised_at, self.at)
            if self.at > ro.promised_at:
                late = _minutes((self.at - ro.promised_at).total_seconds())
                en = f"Promised {promised}: late by {late} min"
                zh = f"承诺 {promised}：已超时 {late} 分钟"
                if remaining:
                    en += f", {remaining} min of work still to do"
                    zh += f"，尚有 {remaining} 分钟作业"
            else:
                over = _minutes((end - ro.promised_at).total_seconds())
                en = f"Promised {promised}: {remaining} min of work left ends {_clock(end, self.at)} ({over} min late)"
                zh = f"承诺 {promised}：剩余作业 {remaining} 分钟，预计 {_clock(end, self.at)} 完成（晚 {over} 分钟）"
            self.add(NeedKind.PROMISE_AT_RISK, ro, since, en, zh, Step.REPAIR)

    def _minutes_left(self, ro_ids: list[int]) -> dict[int, int]:
        """Per RO, the standard minutes of its approved labour not yet worked: a line not
        assigned counts whole, a running or paused job its standard less its clocked time
        (a rework job its planned time), a finished job nothing."""
        if not ro_ids:
            return {}
        standard: dict[int, tuple[int, int]] = {}  # line → (RO, minutes)
        for line_id, ro_id, hours in (
            EstimateLine.select(EstimateLine.id, EstimateLine.ro, EstimateLine.quantity)
            .where(
                EstimateLine.ro.in_(ro_ids)
                & (EstimateLine.kind == LineKind.LABOUR)
                & (EstimateLine.status == LineStatus.APPROVED)
            )
            .tuples()
        ):
            standard[line_id] = (ro_id, int(Decimal(hours) * 60))
        latest: dict[int, tuple[Any, ...]] = {}
        for row in (
            Assignment.select(
                Assignment.id,
                Assignment.line,
                Assignment.status,
                Assignment.worked_min,
                Assignment.rework,
                Assignment.planned_start,
                Assignment.planned_end,
            )
            .where(Assignment.ro.in_(ro_ids))
            .order_by(Assignment.id)
            .tuples()
        ):
            latest[row[1]] = row
        running = [row[0] for row in latest.values() if row[2] == JobStatus.IN_PROGRESS]
        started: dict[int, dt.datetime] = {}
        if running:
            q = (
                ClockEvent.select(ClockEvent.assignment, peewee.fn.MAX(ClockEvent.at))
                .where(ClockEvent.assignment.in_(running) & ClockEvent.kind.in_(CLOCK_STARTS))
                .group_by(ClockEvent.assignment)
                .tuples()
            )
            started = {int(a): at for a, at in q}
        left: dict[int, int] = {}
        for line_id, (ro_id, minutes) in standard.items():
            job = latest.get(line_id)
            if job is not None:
                a_id, _line, status, worked, rework, start, end = job
                if status == JobStatus.DONE:
                    continue
                if rework:
                    minutes = _minutes((end - start).total_seconds())
                if a_id in started:
                    worked += _minutes((self.at - started[a_id]).total_seconds())
                minutes = max(0, minutes - worked)
            left[ro_id] = left.get(ro_id, 0) + minutes
        return left

    # -- the lounge, the follow-up call, the handover -----------------------------------
    def lounge(self) -> None:
        from advisor.services.standards import lounge_every

        self.lounge_every = lounge_every()  # the setting ``lounge_update_minutes``
        for ro_id, ro in self.rows.items():
            # Until the car is ready (QC passed and washed, or no wash): the rule of
            # ``standards.lounge_records`` (``workflow.lounge_ready_at``).
            if not ro.customer_waits or ro.handed_over_at is not None or ro.step >= Step.SETTLEMENT:
                continue
            # The clock runs from check-in, the last progress update, or when the customer
            # (who had left, or was not waiting at check-in) sat down to wait.
            last = ro.checked_in_at or ro.arrived_at
            for since in (self.informed.get(ro_id), self.waiting_from.get(ro_id)):
                if since is not None and since > last:
                    last = since
            if self.at - last < self.lounge_every:
                continue
            quiet = _minutes((self.at - last).total_seconds())
            self.add(
                NeedKind.LOUNGE,
                ro,
                last,
                f"Waiting at the shop: no update for {quiet} min",
                f"客户在店等候：已 {quiet} 分钟未通报进度",
                ro.step,
            )

    def follow_ups(self) -> None:
        q = (
            FollowUp.select(FollowUp.id, FollowUp.ro, FollowUp.due_from, FollowUp.due_to)
            .where(
                FollowUp.ro.in_(self.ids)
                & (FollowUp.status == FollowUpStatus.DUE)
                & (FollowUp.due_from <= self.at)
            )
            .tuples()
        )
        for fu_id, ro_id, due_from, due_to in q:
            by = _clock(due_to, self.at)
            self.add(
                NeedKind.FOLLOW_UP,
                self.rows[ro_id],
                due_from,
                f"Call the customer by {by}",
                f"请于 {by} 前回访客户",
                Step.FOLLOW_UP,
                fu_id,
            )

    def handovers(self) -> None:
        for ro in self.rows.values():
            if ro.step == Step.HANDOVER and ro.handed_over_at is None:
                self.add(
                    NeedKind.HANDOVER,
                    ro,
                    ro.paid_at or ro.qc_passed_at or ro.arrived_at,
                    "Settled and paid: hand the car over",
                    "已结算并付款：请交车",
                    Step.HANDOVER,
                )


def needs_me(
    *, advisor_id: int | None, at: dt.datetime | None = None, approves: bool = False
) -> list[NeedItem]:
    """What waits on the advisor ``advisor_id`` (None: every advisor): the customers kept
    waiting first (``URGENCY``), oldest first within a kind. ``approves``: with the major
    changes that wait for a manager's approval."""
    at = at or now()
    q = (
        RepairOrder.select(*_COLUMNS)
        .join(Vehicle)
        .switch(RepairOrder)
        .join(User, on=(RepairOrder.advisor == User.id))
        .where(RepairOrder.status == ROStatus.OPEN)
    )
    if advisor_id is not None:
        q = q.where(RepairOrder.advisor == advisor_id)
    rows = [_Row(*t) for t in q.tuples()]
    if not rows:
        return []
    reader = _Reader(rows, at, approves=approves)
    changing = reader.changes()
    reader.parts()
    reader.qc()
    reader.promises(changing)
    reader.lounge()
    reader.follow_ups()
    reader.handovers()
    return sorted(reader.items, key=lambda i: (URGENCY.index(NeedKind(i.kind)), i.since, i.ro_id))


def counts(items: Iterable[NeedItem]) -> dict[str, int]:
    """How many items of each kind."""
    out: dict[str, int] = {}
    for item in items:
        out[item.kind] = out.get(item.kind, 0) + 1
    return out


def complaint_needs(*, user_id: int, manager: bool, at: dt.datetime | None = None) -> list[NeedItem]:
    """The open complaints that wait on user ``user_id``: past their time without the
    manager (``manager``: every one; else those the user recorded), and (``manager``)
    those escalated to them. One statement, oldest first within a kind."""
    at = at or now()
    overdue = Complaint.escalated_at.is_null() & (Complaint.escalate_by < at)
    which = (
        overdue | (Complaint.escalated_to == user_id)
        if manager
        else overdue & (Complaint.raised_by == user_id)
    )
    ro = RepairOrder.alias()
    raiser = User.alias()
    q = (
        Complaint.select(
            Complaint.id,
            Complaint.ro,
            ro.number,
            Vehicle.plate,
            raiser.display_name,
            Customer.name,
            Complaint.level,
            Complaint.words,
            Complaint.escalate_by,
            Complaint.escalated_at,
            Complaint.escalated_to,
            Complaint.compensation_kind,
            Complaint.compensation_approved_at,
        )
        .join(Customer, on=(Complaint.customer == Customer.id))
        .switch(Complaint)
        .join(raiser, on=(Complaint.raised_by == raiser.id))
        .switch(Complaint)
        .join(ro, peewee.JOIN.LEFT_OUTER, on=(Complaint.ro == ro.id))
        .join(Vehicle, peewee.JOIN.LEFT_OUTER, on=(ro.vehicle == Vehicle.id))
        .where((Complaint.status == ComplaintStatus.OPEN) & which)
        .order_by(Complaint.id)
        .tuples()
    )
    items: list[NeedItem] = []
    for row in q:
        c_id, ro_id, number, plate, raised_by, customer, level, said = row[:8]
        escalate_by, escalated_at, escalated_to, comp_kind, comp_approved_at = row[8:]
        lv = ComplaintLevel(level) if level in ComplaintLevel.values() else None
        head_en = f"{lv.en if lv else level} — {customer}"
        head_zh = f"{lv.zh if lv else level}——{customer}"
        said = " ".join(str(said).split())
        said = said if len(said) <= 60 else said[:59] + "…"
        common = (c_id, ro_id or 0, number or "", plate or "", raised_by)
        if workflow.escalation_overdue(
            escalate_by=escalate_by, escalated_at=escalated_at, closed_at=None, at=at
        ):
            by, late = _clock(escalate_by, at), _minutes((at - escalate_by).total_seconds())
            en = f"{head_en}: the manager should have had it by {by} ({late} min late). Escalate it."
            zh = f"{head_zh}：应于 {by} 前上报经理（已超时 {late} 分钟），请立即上报。"
            items.append(_complaint_item(NeedKind.ESCALATION_OVERDUE, common, escalate_by, en, zh))
        elif manager and escalated_to == user_id and escalated_at is not None:
            en, zh = f"{head_en}: “{said}”", f"{head_zh}：“{said}”"
            if comp_kind and comp_approved_at is None:
                en += " — a compensation waits for your approval"
                zh += "——补偿待您批准"
            items.append(_complaint_item(NeedKind.COMPLAINT, common, escalated_at, en, zh))
    return items


def _complaint_item(
    kind: NeedKind, common: tuple[int, int, str, str, str], since: dt.datetime, en: str, zh: str
) -> NeedItem:
    c_id, ro_id, number, plate, raised_by = common
    return NeedItem(kind, ro_id, number, plate, raised_by, since, en, zh, 0, c_id, c_id)


def _sorted(items: Iterable[NeedItem]) -> list[NeedItem]:
    return sorted(items, key=lambda i: (URGENCY.index(NeedKind(i.kind)), i.since, i.ro_id, i.ref))


@service("needs.view", read=True)
def read_needs_me(*, actor: Actor, now: dt.datetime | None = None) -> list[NeedItem]:
    """What waits on the actor: their own open ROs' items (a manager: every advisor's),
    and the complaints that wait on them (``complaint_needs``)."""
    manager = actor.role == Role.MANAGER
    advisor_id = None if manager else actor.user_id
    items = needs_me(advisor_id=advisor_id, at=now, approves=auth.may(actor.role, "change.approve_major"))
    if auth.may(actor.role, "complaint.record"):
        items += complaint_needs(user_id=actor.user_id, manager=manager, at=now)
    return _sorted(items)


@service("complaint.record", read=True)
def read_complaint_needs(*, actor: Actor, now: dt.datetime | None = None) -> list[NeedItem]:
    """``complaint_needs`` for the actor: the count on the Complaints rail entry (customer
    service has no Today)."""
    return _sorted(complaint_needs(user_id=actor.user_id, manager=actor.role == Role.MANAGER, at=now))


@service("customer.inform", changes=Kind.RO)
def give_progress_update(*, actor: Actor, ro_id: int, note: str = "") -> None:
    """The advisor told the customer how the work stands (in the lounge, by phone, or the
    manager's decision on a change): on the RO's timeline and in the audit trail."""
    ro = check_owner(actor, ro_id)
    if ro.status != ROStatus.OPEN or ro.handed_over_at is not None:
        raise GateError(
            "The car has been handed over: there is no progress to report.",
            "车辆已交付：无需再通报进度。",
        )
    event(ro, actor, EventAction.CUSTOMER_INFORMED, validation.clean_text(note, limit=500).strip())
