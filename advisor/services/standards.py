"""Standards of the manual that need their own record (issue 17, items 10–12).

- **The technician's self-check** (自检, before QC): each technician who finished work on
  an RO signs a checklist of ``SelfCheckItem`` (vehicle protection fitted and removed,
  door hinges lubricated, old parts packed and labelled, nothing left in the car…), each
  item done or — where that makes sense — not applicable. QC refuses to start until every
  technician whose work is finished signed after their last job (``workflow.check_can_qc``);
  rework needs a new signature. A technician with a login signs their own; the foreman
  records the paper signature of a technician without one.
- **The lounge** (客户在休息室等候时通报维修进度): a customer waiting at the shop hears how
  the work goes at least every ``lounge_update_minutes`` (setting, default 30). The wait
  runs from check-in (or the "Staying here" toggle) until the car is ready (QC passed
  and washed, or no wash), handed over, or the customer leaves; the rule is
  ``workflow.lounge_updates``. ``lounge_record`` per RO, ``lounge_records`` for many.
- **Appointment preparation** (预约准备): each appointment due is prepared before the
  customer comes — parts reserved, technician and bay planned, amount and time told,
  booklet reminded — each tick audited; items not ticked when the RO is opened from the
  appointment count as misses (``prep_misses``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from advisor import validation, workflow
from advisor.codes import (
    APPOINTMENT_EXPECTED,
    SELF_CHECK_MAY_SKIP,
    EventAction,
    JobStatus,
    LineKind,
    LineStatus,
    PartOrderStatus,
    PrepItem,
    Role,
    ROStatus,
    SelfCheckItem,
)
from advisor.errors import GateError, ValidationError
from advisor.models import (
    Appointment,
    AppointmentPrep,
    Assignment,
    Customer,
    EstimateLine,
    PartOrder,
    RepairOrder,
    SelfCheck,
    StepEvent,
    Technician,
    User,
    Vehicle,
    now,
)
from advisor.services._base import Actor, event, get, get_ro, log, ro_state, service
from advisor.services.opchanges import Kind

# -- the technician's self-check ------------------------------------------------------------


@dataclass(frozen=True)
class SelfCheckView:
    id: int
    technician_id: int
    technician: str
    signed_by: str
    signed_at: dt.datetime
    marks: dict[str, str]  # item -> "done" | "na"
    note: str


@dataclass(frozen=True)
class SelfCheckStatus:
    """An RO's self-checks: those signed (newest first) and who still has to sign."""

    signed: tuple[SelfCheckView, ...]
    unsigned: tuple[str, ...]  # technicians' names
    # Of those, the technicians without a login (id, name): the foreman records their
    # signature from the paper sheet.
    on_paper: tuple[tuple[int, str], ...] = ()

    @property
    def complete(self) -> bool:
        return not self.unsigned


def self_check_items() -> list[tuple[str, bool]]:
    """The checklist in order: (item, may be marked not applicable)."""
    return [(item.value, item in SELF_CHECK_MAY_SKIP) for item in SelfCheckItem]


def _technician_of(actor: Actor, technician_id: int | None) -> Technician:
    if actor.role == Role.TECHNICIAN:
        tech = Technician.get_or_none(Technician.user == actor.user_id)
        if tech is None or (technician_id is not None and technician_id != tech.id):
            raise GateError(
                "You can sign only your own self-check.",
                "只能签署自己的自检。",
            )
        return tech
    if technician_id is None:
        raise ValidationError("Choose the technician.", "请选择技师。", field="technician_id")
    tech = get(Technician, technician_id, ("Technician", "技师"))
    if tech.user_id is not None and tech.user_id != actor.user_id:
        raise GateError(
            f"{tech.name} has a login: the technician signs the self-check in person.",
            f"{tech.name}有登录账号：自检须由技师本人签署。",
        )
    return tech


def _jobs_of(ro_id: int, tech_id: int) -> list[Assignment]:
    """The technician's latest job on each approved labour line of the RO."""
    latest: dict[int, Assignment] = {}
    q = (
        Assignment.select(Assignment)
        .join(EstimateLine, on=(Assignment.line == EstimateLine.id))
        .where(
            (Assignment.ro == ro_id)
            & (EstimateLine.status == LineStatus.APPROVED)
            & (EstimateLine.kind == LineKind.LABOUR)
        )
        .order_by(Assignment.id)
    )
    for a in q:
        latest[a.line_id] = a
    return [a for a in latest.values() if a.technician_id == tech_id]


@service("work.clock", changes=Kind.RO | Kind.BOARD)
def sign_self_check(
    *,
    actor: Actor,
    ro_id: int,
    marks: dict[str, str],
    technician_id: int | None = None,
    note: str = "",
) -> SelfCheckView:
    """The technician signs the self-check of their finished work on the RO (自检).

    Every item ticked (``workflow.check_self_check_marks``); refused before all of the
    technician's jobs on the RO are finished, after QC passed, or for another technician
    (a foreman records it only for a technician without a login)."""
    ro = get_ro(ro_id)
    if ro.status != ROStatus.OPEN:
        raise GateError("This repair order is closed.", "此工单已结案。")
    if ro.qc_passed_at is not None:
        raise GateError("Final QC has already passed.", "完工检查已通过。")
    tech = _technician_of(actor, technician_id)
    jobs = _jobs_of(ro.id, tech.id)
    if not jobs:
        raise GateError(
            f"{tech.name} has no job on this repair order.",
            f"{tech.name}在此工单上没有作业。",
        )
    if any(a.status != JobStatus.DONE for a in jobs):
        raise GateError(
            "Finish every job on this repair order before the self-check.",
            "请先完成此工单上的全部作业，再做自检。",
        )
    clean = {str(k): str(v) for k, v in dict(marks).items()}
    workflow.check_self_check_marks(clean)
    text = validation.clean_text(note, limit=500).strip()
    row = SelfCheck.create(
        ro=ro.id,
        technician=tech.id,
        signed_by=actor.user_id,
        signed_at=now(),
        items_json=json.dumps(clean, ensure_ascii=False, sort_keys=True),
        note=text,
        last_job=max(a.id for a in jobs),
    )
    log(
        actor,
        "self_check",
        row.id,
        "sign_self_check",
        new={"technician": tech.name, "items": clean, "note": text},
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.SELF_CHECK_SIGNED, tech.name)
    return _view(row, tech.name, actor.display_name)


def _view(row: SelfCheck, technician: str, signer: str) -> SelfCheckView:
    return SelfCheckView(
        row.id,
        row.technician_id,
        technician,
        signer,
        row.signed_at,
        json.loads(row.items_json or "{}"),
        row.note,
    )


def self_check_status(ro_id: int) -> SelfCheckStatus:
    rows = (
        SelfCheck.select(SelfCheck, Technician.name, User.display_name)
        .join(Technician, on=(SelfCheck.technician == Technician.id))
        .switch(SelfCheck)
        .join(User, on=(SelfCheck.signed_by == User.id))
        .where(SelfCheck.ro == ro_id)
        .order_by(SelfCheck.signed_at.desc(), SelfCheck.id.desc())
    )
    signed = tuple(_view(r, r.technician.name, r.signed_by.display_name) for r in rows)
    unsigned = ro_state(get_ro(ro_id)).self_checks_unsigned
    tech_ids = {
        a.technician_id for a in Assignment.select(Assignment.technician).where(Assignment.ro == ro_id)
    }
    on_paper = tuple(
        (t.id, t.name)
        for t in Technician.select().where(Technician.id.in_(sorted(tech_ids))).order_by(Technician.name)
        if t.name in unsigned and t.user_id is None
    )
    return SelfCheckStatus(signed, unsigned, on_paper)


@service("ro.view", read=True)
def read_self_checks(*, actor: Actor, ro_id: int) -> SelfCheckStatus:
    """The RO's signed self-checks and the technicians who still have to sign."""
    return self_check_status(ro_id)


# -- the lounge: a progress update every ``lounge_update_minutes`` while the customer waits --


@dataclass(frozen=True)
class LoungeRecord:
    """How the progress updates to a customer waiting at the shop kept to the standard.

    ``waits``: the periods waited (start, end; the end is "now" while still waiting);
    ``misses``: the moments an update was due and none came; ``next_due``: when the next
    update is due, while the customer still waits (else None)."""

    ro_id: int
    every: dt.timedelta
    waits: tuple[tuple[dt.datetime, dt.datetime], ...]
    updates_on_time: int
    misses: tuple[dt.datetime, ...]
    waiting_now: bool
    next_due: dt.datetime | None

    @property
    def missed(self) -> int:
        return len(self.misses)

    @property
    def waited(self) -> bool:
        return bool(self.waits)


def lounge_every() -> dt.timedelta:
    """The lounge standard's interval (setting ``lounge_update_minutes``, default 30)."""
    from advisor.services.settings import get_setting

    return dt.timedelta(minutes=int(get_setting("lounge_update_minutes")))


def lounge_from(
    *,
    ro_id: int,
    start: dt.datetime,
    waits_now: bool,
    toggles: Iterable[tuple[dt.datetime, bool]],
    updates: Iterable[dt.datetime],
    ready_at: dt.datetime | None,
    handed_over_at: dt.datetime | None,
    at: dt.datetime,
    every: dt.timedelta,
) -> LoungeRecord:
    """The lounge record of one RO from its plain facts (``workflow.lounge_waits`` and
    ``workflow.lounge_updates`` over each period)."""
    ends = [t for t in (ready_at, handed_over_at) if t is not None]
    until = min([*ends, at])
    waits = workflow.lounge_waits(start, waits_now, toggles, until)
    times = list(updates)
    on_time = 0
    misses: list[dt.datetime] = []
    next_due = None
    for a, b in waits:
        got = workflow.lounge_updates(a, b, times, every)
        on_time += got.on_time
        misses.extend(got.misses)
        next_due = got.next_due
    waiting_now = not ends and waits_now and bool(waits) and waits[-1][1] == until
    return LoungeRecord(
        ro_id,
        every,
        tuple(waits),
        on_time,
        tuple(misses),
        waiting_now,
        next_due if waiting_now else None,
    )


def lounge_records(ro_ids: Iterable[int], *, at: dt.datetime | None = None) -> dict[int, LoungeRecord]:
    """The lounge record of each RO of ``ro_ids`` (two statements, whatever their number):
    for the scorecard and the KPIs. ROs never checked in have none."""
    ids = sorted(set(ro_ids))
    if not ids:
        return {}
    at = at or now()
    every = lounge_every()
    rows = list(
        RepairOrder.select(
            RepairOrder.id,
            RepairOrder.arrived_at,
            RepairOrder.checked_in_at,
            RepairOrder.customer_waits,
            RepairOrder.qc_passed_at,
            RepairOrder.wash_requested,
            RepairOrder.wash_done_at,
            RepairOrder.handed_over_at,
        )
        .where(RepairOrder.id.in_(ids))
        .tuples()
    )
    toggles: dict[int, list[tuple[dt.datetime, bool]]] = {}
    updates: dict[int, list[dt.datetime]] = {}
    actions = [EventAction.CUSTOMER_WAITING, EventAction.CUSTOMER_LEFT, EventAction.CUSTOMER_INFORMED]
    for ro_id, action, when in (
        StepEvent.select(StepEvent.ro, StepEvent.action, StepEvent.at)
        .where(StepEvent.ro.in_(ids) & StepEvent.action.in_(actions))
        .order_by(StepEvent.id)
        .tuples()
    ):
        if action == EventAction.CUSTOMER_INFORMED:
            updates.setdefault(ro_id, []).append(when)
        else:
            toggles.setdefault(ro_id, []).append((when, action == EventAction.CUSTOMER_WAITING))
    out: dict[int, LoungeRecord] = {}
    for ro_id, arrived, checked_in, waits, qc_at, wash, washed_at, handed in rows:
        out[ro_id] = lounge_from(
            ro_id=ro_id,
            start=checked_in or arrived,
            waits_now=bool(waits),
            toggles=toggles.get(ro_id, ()),
            updates=updates.get(ro_id, ()),
            ready_at=workflow.lounge_ready_at(qc_at, wash, washed_at),
            handed_over_at=handed,
            at=at,
            every=every,
        )
    return out


@service("ro.view", read=True)
def read_lounge(*, actor: Actor, ro_id: int, at: dt.datetime | None = None) -> LoungeRecord:
    """The RO's lounge record: the waits, the updates on time, the misses (timed) and when
    the next update is due while the customer waits."""
    get_ro(ro_id)
    return lounge_records([ro_id], at=at)[ro_id]


# -- appointment preparation (预约准备) ------------------------------------------------------


@dataclass(frozen=True)
class PrepTick:
    item: str  # PrepItem
    done: bool
    applicable: bool  # parts: only when the appointment needs parts
    done_by: str
    done_at: dt.datetime | None
    note: str


@dataclass(frozen=True)
class PrepRow:
    """One appointment of the arrivals list, with its preparation."""

    appointment_id: int
    starts_at: dt.datetime
    customer: str
    plate: str
    requested_work: str
    parts_needed: str
    estimated_cents: int
    status: str
    parts_waiting: int  # part orders for it not arrived yet
    ticks: tuple[PrepTick, ...]

    @property
    def prepared(self) -> int:
        return sum(1 for t in self.ticks if t.done or not t.applicable)

    @property
    def complete(self) -> bool:
        return self.prepared == len(self.ticks)


@dataclass(frozen=True)
class PrepMiss:
    """An appointment that arrived (an RO opened from it) with items not prepared."""

    appointment_id: int
    ro_id: int
    advisor_id: int | None
    arrived_at: dt.datetime
    missed: tuple[str, ...]  # PrepItem values


def _parts_waiting(ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for (appt,) in (
        PartOrder.select(PartOrder.appointment)
        .where(PartOrder.appointment.in_(ids) & (PartOrder.status == PartOrderStatus.ORDERED))
        .tuples()
    ):
        out[appt] = out.get(appt, 0) + 1
    return out


def _parts_ordered(ids: list[int]) -> set[int]:
    return {
        a for (a,) in PartOrder.select(PartOrder.appointment).where(PartOrder.appointment.in_(ids)).tuples()
    }


def _needs_parts(a: Appointment, ordered: set[int]) -> bool:
    return bool(a.parts_needed.strip()) or a.id in ordered


def prep_rows(appointments: list[Appointment]) -> list[PrepRow]:
    ids = [a.id for a in appointments]
    if not ids:
        return []
    ticks: dict[tuple[int, str], tuple[str, dt.datetime, str]] = {}
    for appt, item, who, at, note in (
        AppointmentPrep.select(AppointmentPrep.appointment, AppointmentPrep.item, User.display_name,
                               AppointmentPrep.done_at, AppointmentPrep.note)
        .join(User, on=(AppointmentPrep.done_by == User.id))
        .where(AppointmentPrep.appointment.in_(ids))
        .tuples()
    ):  # fmt: skip
        ticks[(appt, item)] = (who, at, note)
    waiting = _parts_waiting(ids)
    ordered = _parts_ordered(ids)
    rows = []
    for a in appointments:
        row_ticks = []
        for item in PrepItem:
            got = ticks.get((a.id, item.value))
            applicable = item != PrepItem.PARTS or _needs_parts(a, ordered)
            done = got is not None or (item == PrepItem.BOOKLET and a.booklet_reminded)
            who, at, note = got if got is not None else ("", None, "")
            row_ticks.append(PrepTick(item.value, done, applicable, who, at, note))
        rows.append(
            PrepRow(
                a.id,
                a.starts_at,
                a.customer.name,
                a.vehicle.plate,
                a.requested_work,
                a.parts_needed,
                a.estimated_cents,
                a.status,
                waiting.get(a.id, 0),
                tuple(row_ticks),
            )
        )
    return rows


def arrivals(day: dt.date) -> list[PrepRow]:
    """The arrivals list of ``day``: the appointments still expected, in time order."""
    start = dt.datetime.combine(day, dt.time())
    q = (
        Appointment.select(Appointment, Customer, Vehicle)
        .join(Customer)
        .switch(Appointment)
        .join(Vehicle)
        .where(
            (Appointment.starts_at >= start)
            & (Appointment.starts_at < start + dt.timedelta(days=1))
            & Appointment.status.in_(APPOINTMENT_EXPECTED)
        )
        .order_by(Appointment.starts_at, Appointment.id)
    )
    return prep_rows(list(q))


@service("appointment.view", read=True)
def read_arrivals(*, actor: Actor, day: dt.date | None = None) -> list[PrepRow]:
    """Tomorrow's (or ``day``'s) arrivals with their preparation ticks."""
    return arrivals(day or (now().date() + dt.timedelta(days=1)))


@service("appointment.book", changes=Kind.APPOINTMENTS)
def tick_prep(*, actor: Actor, appointment_id: int, item: str, done: bool = True, note: str = "") -> PrepRow:
    """Tick (or untick) one preparation item of an appointment, audited. Refused once the
    customer has come (or the appointment ended); parts only when every part ordered for
    the appointment has arrived; the plan names the technician and the bay."""
    a = get(Appointment, appointment_id, ("Appointment", "预约"))
    item = validation.choice(item, PrepItem.values(), ("Preparation item", "准备项目"))
    if a.status not in APPOINTMENT_EXPECTED:
        raise GateError(
            "The appointment is no longer expected: its preparation is closed.",
            "该预约已不在待到店状态：准备工作已结束。",
        )
    text = validation.clean_text(note, limit=200).strip()
    old = AppointmentPrep.get_or_none((AppointmentPrep.appointment == a.id) & (AppointmentPrep.item == item))
    if done:
        if item == PrepItem.PARTS:
            waiting = _parts_waiting([a.id]).get(a.id, 0)
            if waiting:
                raise GateError(
                    f"{waiting} part order(s) for this appointment have not arrived: the parts are not reserved yet.",
                    f"此预约尚有 {waiting} 个配件订单未到货：配件尚未备妥。",
                )
            if not _needs_parts(a, _parts_ordered([a.id])):
                raise GateError(
                    "This appointment needs no parts: nothing to reserve.",
                    "此预约无需配件：无需预留。",
                )
        if item == PrepItem.PLANNED and not text:
            raise ValidationError(
                "Name the technician and the bay planned.",
                "请填写安排的技师和工位。",
                field="note",
            )
        if old is not None and old.note == text:
            return prep_rows([a])[0]
        if old is not None:
            AppointmentPrep.update(note=text, done_by=actor.user_id, done_at=now()).where(
                AppointmentPrep.id == old.id
            ).execute()
        else:
            AppointmentPrep.create(
                appointment=a.id, item=item, done_by=actor.user_id, done_at=now(), note=text
            )
        log(
            actor,
            "appointment",
            a.id,
            "prep_tick",
            old={"item": item, "note": old.note} if old else None,
            new={"item": item, "note": text},
        )
    elif old is not None:
        AppointmentPrep.delete().where(AppointmentPrep.id == old.id).execute()
        log(
            actor,
            "appointment",
            a.id,
            "prep_untick",
            old={"item": item, "note": old.note},
            new={"item": item},
        )
    return prep_rows([Appointment.get_by_id(a.id)])[0]


def prep_misses(start: dt.date, end: dt.date) -> list[PrepMiss]:
    """Appointments whose car arrived (an RO opened from it) from ``start`` to ``end``
    (inclusive) with preparation items not ticked before the RO was opened."""
    lo = dt.datetime.combine(start, dt.time())
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    ros = list(
        RepairOrder.select(
            RepairOrder.id, RepairOrder.appointment, RepairOrder.advisor, RepairOrder.created_at
        )
        .where(
            RepairOrder.appointment.is_null(False)
            & (RepairOrder.created_at >= lo)
            & (RepairOrder.created_at < hi)
        )
        .order_by(RepairOrder.created_at, RepairOrder.id)
        .tuples()
    )
    return prep_judged(ros)


def prep_judged(ros: Iterable[tuple[int, int, int | None, dt.datetime]]) -> list[PrepMiss]:
    """Each RO opened from an appointment (``(ro id, appointment id, advisor id, opened
    at)``) judged on the appointment's preparation: the items not ticked (or ticked only
    after the RO was opened); none missed is an arrival prepared. Reads the appointments,
    their ticks and part orders by the appointments' ids (also the scorecard's rule)."""
    ros = list(ros)
    if not ros:
        return []
    ids = sorted({r[1] for r in ros})
    appts = {a.id: a for a in Appointment.select().where(Appointment.id.in_(ids))}
    ticked: dict[int, dict[str, dt.datetime]] = {}
    for appt, item, at in (
        AppointmentPrep.select(AppointmentPrep.appointment, AppointmentPrep.item, AppointmentPrep.done_at)
        .where(AppointmentPrep.appointment.in_(ids))
        .tuples()
    ):
        ticked.setdefault(appt, {})[item] = at
    ordered = _parts_ordered(ids)
    out = []
    for ro_id, appt_id, advisor_id, opened in ros:
        a = appts[appt_id]
        missed = []
        for item in PrepItem:
            if item == PrepItem.PARTS and not _needs_parts(a, ordered):
                continue
            if item == PrepItem.BOOKLET and a.booklet_reminded:
                continue
            at = ticked.get(appt_id, {}).get(item.value)
            if at is None or at > opened:
                missed.append(item.value)
        out.append(PrepMiss(appt_id, ro_id, advisor_id, opened, tuple(missed)))
    return out


@service("kpi.view", read=True)
def read_prep_misses(*, actor: Actor, start: dt.date, end: dt.date) -> list[PrepMiss]:
    """The appointments that arrived in the period, each with the preparation items missed."""
    return prep_misses(start, end)
