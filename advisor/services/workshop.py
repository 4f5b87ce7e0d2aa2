"""Step 7–8: dispatch by time, people and equipment; clocking; the foreman's job board."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from advisor import auth, validation, workflow
from advisor.codes import (
    CHANGE_OPEN,
    CLOCK_STARTS,
    CLOCK_STOPS,
    JOB_STARTED,
    OLD_PART_CHOICES,
    PART_ON_SHELF,
    ClockKind,
    EventAction,
    JobStatus,
    LineKind,
    LineStatus,
    PauseReason,
    Role,
    ROStatus,
)
from advisor.errors import GateError, UserError, ValidationError
from advisor.models import (
    Assignment,
    Bay,
    ChangeRequest,
    ClockEvent,
    Concern,
    EstimateLine,
    RepairOrder,
    Technician,
    Vehicle,
    now,
)
from advisor.services import parts as parts_service
from advisor.services._base import (
    Actor,
    bump,
    event,
    get,
    get_ro,
    log,
    require,
    ro_state,
    service,
)
from advisor.services.opchanges import Kind
from advisor.services.views import AssignmentView


class LateWarning(UserError):
    """The planned end is after the promised time: confirm to assign anyway."""


@dataclass(frozen=True)
class TechnicianView:
    id: int
    name: str
    skills: tuple[str, ...]
    level: int
    hours_per_day: Decimal
    active: bool
    load_min: int = 0  # planned minutes today
    free_min: int = 0
    busy_now: bool = False


@dataclass(frozen=True)
class BayView:
    id: int
    code: str
    name: str
    kind: str
    occupied_min: int = 0


@service("work.assign", changes=Kind.BOARD)
def add_technician(
    *, actor: Actor, name: str, skills: str = "", level: int = 1, hours_per_day: Decimal | str = "8"
) -> TechnicianView:
    """Add a technician with skills (comma separated) and level 1–4."""
    if not 1 <= int(level) <= 4:
        raise ValidationError("Level is 1 (junior) to 4 (master).", "等级为 1（初级）至 4（高级）。")
    t = Technician.create(
        name=validation.name(name), skills=skills, level=level, hours_per_day=Decimal(str(hours_per_day))
    )
    log(actor, "technician", t.id, "add_technician", new={"name": t.name})
    return _tech_view(t)


def _tech_view(t: Technician, load: int = 0, busy: bool = False) -> TechnicianView:
    skills = tuple(s.strip() for s in t.skills.split(",") if s.strip())
    cap = int(Decimal(t.hours_per_day) * 60)
    return TechnicianView(
        t.id, t.name, skills, t.level, Decimal(t.hours_per_day), t.active, load, max(cap - load, 0), busy
    )


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


# No job is planned over more than a week: bounding planned_start on both sides lets the
# index skip the whole history (148k assignments in the demo database: 100 ms → 1 ms).
MAX_PLAN_SPAN = dt.timedelta(days=7)


def _overlapping(start: dt.datetime, end: dt.datetime) -> peewee.Expression:
    return (
        (Assignment.planned_start < end)
        & (Assignment.planned_start >= start - MAX_PLAN_SPAN)
        & (Assignment.planned_end > start)
    )


def technicians(day: dt.date | None = None, *, skill: str = "") -> list[TechnicianView]:
    """Technicians with their load and free time on ``day``; those with ``skill`` first."""
    day = day or now().date()
    start, end = _day_bounds(day)
    load: dict[int, int] = {}
    busy: set[int] = set()
    q = Assignment.select().where(_overlapping(start, end) & (Assignment.status != JobStatus.DONE))
    for a in q:
        mins = int((min(a.planned_end, end) - max(a.planned_start, start)).total_seconds() // 60)
        load[a.technician_id] = load.get(a.technician_id, 0) + max(mins, 0)
        if a.status == JobStatus.IN_PROGRESS:
            busy.add(a.technician_id)
    views = [
        _tech_view(t, load.get(t.id, 0), t.id in busy)
        for t in Technician.select().where(Technician.active == True).order_by(Technician.name)  # noqa: E712
    ]
    if skill:
        views.sort(key=lambda v: (skill not in v.skills, -v.level, v.load_min))
    return views


def bays(day: dt.date | None = None) -> list[BayView]:
    """Bays with their planned occupation on ``day``."""
    day = day or now().date()
    start, end = _day_bounds(day)
    occ: dict[int, int] = {}
    for a in Assignment.select().where(_overlapping(start, end) & Assignment.bay.is_null(False)):
        mins = int((min(a.planned_end, end) - max(a.planned_start, start)).total_seconds() // 60)
        occ[a.bay_id] = occ.get(a.bay_id, 0) + max(mins, 0)
    return [
        BayView(b.id, b.code, b.name, b.kind, occ.get(b.id, 0))
        for b in Bay.select().where(Bay.active == True).order_by(Bay.code)  # noqa: E712
    ]


def suggest_technicians(line_id: int, day: dt.date | None = None) -> list[TechnicianView]:
    """Technicians whose skills match the job, most capable and least loaded first."""
    line = get(EstimateLine, line_id, ("Line", "项目"))
    skill = line.skill or ""
    views = technicians(day, skill=skill)
    return [v for v in views if not skill or skill in v.skills] or views


@service("work.assign", changes=Kind.BOARD | Kind.RO)
def assign(
    *,
    actor: Actor,
    line_id: int,
    technician_id: int,
    bay_id: int | None,
    planned_start: dt.datetime,
    planned_end: dt.datetime,
    accept_late: bool = False,
) -> AssignmentView:
    """Dispatch an approved job to a technician and bay with a planned start and end."""
    line = get(EstimateLine, line_id, ("Line", "项目"))
    ro = RepairOrder.get_by_id(line.ro_id)
    workflow.check_can_work_line(ro_state(ro), line.id)
    if line.kind != LineKind.LABOUR:
        raise ValidationError("Only labour lines are assigned to technicians.", "只有工时项目才能派工。")
    tech = get(Technician, technician_id, ("Technician", "技师"))
    if not tech.active:
        raise ValidationError("This technician is not active.", "该技师已停用。")
    if bay_id is not None:
        get(Bay, bay_id, ("Bay", "工位"))
    if planned_end <= planned_start:
        raise ValidationError(
            "The planned end must be after the start.", "计划完工时间须晚于开工时间。", field="planned_end"
        )
    if ro.promised_at is not None and planned_end > ro.promised_at and not accept_late:
        raise LateWarning(
            f"Planned end {planned_end:%H:%M} is after the promised time {ro.promised_at:%H:%M}: "
            "the promise would be missed. Assign anyway only if you will tell the customer.",
            f"计划完工 {planned_end:%H:%M} 晚于承诺交车时间 {ro.promised_at:%H:%M}：将无法按时交车。"
            "如仍要派工，请同时告知客户。",
        )
    current = Assignment.select().where(Assignment.line == line.id).order_by(Assignment.id.desc()).first()
    if current is not None and current.status != JobStatus.DONE:
        raise GateError("This job is already assigned: reassign it instead.", "此作业已派工：请改派。")
    a = Assignment.create(
        ro=ro.id,
        line=line.id,
        technician=tech.id,
        bay=bay_id,
        planned_start=planned_start,
        planned_end=planned_end,
        created_by=actor.user_id,
        created_at=now(),
    )
    log(
        actor,
        "assignment",
        a.id,
        "assign",
        new={
            "line": line.id,
            "technician": tech.id,
            "bay": bay_id,
            "start": planned_start,
            "end": planned_end,
            "late": bool(accept_late),
        },
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.ASSIGNED, f"{line.description} → {tech.name}")
    return assignment_view(a)


@service("work.assign", changes=Kind.BOARD | Kind.RO)
def reassign(
    *,
    actor: Actor,
    assignment_id: int,
    version: int | None = None,
    technician_id: int | None = None,
    bay_id: int | None = None,
) -> AssignmentView:
    """Move a job to another technician or bay (e.g. dragged on the board)."""
    a = get(Assignment, assignment_id, ("Job", "作业"))
    if a.status == JobStatus.DONE:
        raise GateError("A finished job cannot be moved.", "已完工的作业不能改派。")
    changes: dict[str, object] = {}
    if technician_id is not None and technician_id != a.technician_id:
        t = get(Technician, technician_id, ("Technician", "技师"))
        if not t.active:
            raise ValidationError("This technician is not active.", "该技师已停用。")
        changes["technician"] = t.id
    if bay_id is not None and bay_id != a.bay_id:
        get(Bay, bay_id, ("Bay", "工位"))
        changes["bay"] = bay_id
    if not changes:
        return assignment_view(a)
    old = bump(a, version, ("The job", "作业"), **changes)
    log(actor, "assignment", a.id, "reassign", old=old, new=changes, ro_id=a.ro_id)
    event(RepairOrder.get_by_id(a.ro_id), actor, "reassigned_job")
    return assignment_view(Assignment.get_by_id(a.id))


def _worked(a: Assignment, until: dt.datetime) -> int:
    """Minutes clocked, from the on/pause/resume/done events."""
    total = 0.0
    running: dt.datetime | None = None
    for e in ClockEvent.select().where(ClockEvent.assignment == a.id).order_by(ClockEvent.id):
        if e.kind in CLOCK_STARTS:
            running = e.at
        elif e.kind in CLOCK_STOPS and running is not None:
            total += (e.at - running).total_seconds()
            running = None
    if running is not None:
        total += (until - running).total_seconds()
    return int(total // 60)


# The state and the clock move inside a sentence ("The job is paused: it cannot be
# started."): grammatical forms for this one refusal, not the codes' labels.
_JOB_STATUS: dict[str, tuple[str, str]] = {
    JobStatus.WAITING: ("waiting", "等待开工"),
    JobStatus.IN_PROGRESS: ("in progress", "正在进行"),
    JobStatus.PAUSED: ("paused", "已暂停"),
    JobStatus.DONE: ("done", "已完工"),
}
_CLOCK_KIND: dict[str, tuple[str, str]] = {
    ClockKind.ON: ("started", "开工"),
    ClockKind.PAUSE: ("paused", "暂停"),
    ClockKind.RESUME: ("resumed", "继续"),
    ClockKind.DONE: ("finished", "完工"),
}


def _clock(
    actor: Actor,
    assignment_id: int,
    kind: str,
    *,
    allowed: tuple[str, ...],
    new_status: str,
    reason: str = "",
    at: dt.datetime | None = None,
) -> AssignmentView:
    a = get(Assignment, assignment_id, ("Job", "作业"))
    if actor.role == Role.TECHNICIAN:
        tech = Technician.get_or_none(Technician.user == actor.user_id)
        if tech is None or tech.id != a.technician_id:
            raise GateError("You can clock only your own jobs.", "只能为自己的作业打卡。")
    if a.status not in allowed:
        en, zh = _JOB_STATUS.get(a.status, ("in another state", "其他状态"))
        doing_en, doing_zh = _CLOCK_KIND[kind]
        raise GateError(f"The job is {en}: it cannot be {doing_en}.", f"作业当前{zh}，不能{doing_zh}。")
    ro = RepairOrder.get_by_id(a.ro_id)
    if kind in CLOCK_STARTS:
        workflow.check_can_work_line(ro_state(ro), a.line_id)
    when = at or now()
    ClockEvent.create(
        assignment=a.id, technician=a.technician_id, kind=kind, reason=reason, user=actor.user_id, at=when
    )
    changes: dict[str, object] = {"status": new_status, "pause_reason": reason}
    if kind == ClockKind.ON:
        changes["started_at"] = when
        # The job starts: the RO's reserved parts leave the shelf for the workshop.
        for part_line in EstimateLine.select().where(
            (EstimateLine.ro == a.ro_id)
            & (EstimateLine.kind == LineKind.PART)
            & (EstimateLine.status == LineStatus.APPROVED)
            & EstimateLine.part_status.in_(PART_ON_SHELF)
        ):
            parts_service.issue_for_line(part_line, actor)
    if kind == ClockKind.DONE:
        changes["done_at"] = when
    changes["worked_min"] = _worked(a, when)
    old = bump(a, None, ("The job", "作业"), **changes)
    log(actor, "assignment", a.id, f"clock_{kind}", old=old, new=changes, ro_id=ro.id)
    if kind == ClockKind.DONE:
        _maybe_work_done(ro)
    event(ro, actor, f"clock_{kind}", reason)
    return assignment_view(Assignment.get_by_id(a.id))


def _maybe_work_done(ro: RepairOrder) -> None:
    state = ro_state(ro)
    labour = [x for x in state.approved if x.kind == LineKind.LABOUR]
    if labour and all(x.done for x in labour):
        RepairOrder.update(work_done_at=now()).where(RepairOrder.id == ro.id).execute()
        ro.work_done_at = now()


@service("work.clock", changes=Kind.BOARD | Kind.RO)
def clock_on(*, actor: Actor, assignment_id: int, at: dt.datetime | None = None) -> AssignmentView:
    """The technician starts the job (refused for a line the customer has not approved)."""
    return _clock(
        actor,
        assignment_id,
        ClockKind.ON,
        allowed=(JobStatus.WAITING,),
        new_status=JobStatus.IN_PROGRESS,
        at=at,
    )


@service("work.clock", changes=Kind.BOARD | Kind.RO)
def pause(*, actor: Actor, assignment_id: int, reason: str, at: dt.datetime | None = None) -> AssignmentView:
    """Pause the job: waiting for parts, for the customer's approval, or other."""
    validation.choice(reason, PauseReason.values(), ("Reason", "原因"))
    return _clock(
        actor,
        assignment_id,
        ClockKind.PAUSE,
        allowed=(JobStatus.IN_PROGRESS,),
        new_status=JobStatus.PAUSED,
        reason=reason,
        at=at,
    )


@service("work.clock", changes=Kind.BOARD | Kind.RO)
def resume(*, actor: Actor, assignment_id: int, at: dt.datetime | None = None) -> AssignmentView:
    """Resume a paused job."""
    return _clock(
        actor,
        assignment_id,
        ClockKind.RESUME,
        allowed=(JobStatus.PAUSED,),
        new_status=JobStatus.IN_PROGRESS,
        at=at,
    )


@service("work.clock", changes=Kind.BOARD | Kind.RO)
def finish(*, actor: Actor, assignment_id: int, at: dt.datetime | None = None) -> AssignmentView:
    """The job is done."""
    return _clock(
        actor,
        assignment_id,
        ClockKind.DONE,
        allowed=(JobStatus.IN_PROGRESS,),
        new_status=JobStatus.DONE,
        at=at,
    )


def assignment_view(a: Assignment, *, at: dt.datetime | None = None) -> AssignmentView:
    ro = a.ro
    line = a.line
    late = ro.promised_at is not None and (at or now()) > ro.promised_at and a.status != JobStatus.DONE
    words = Concern.select(Concern.customer_words).where(Concern.ro == ro.id).order_by(Concern.seq).first()
    return AssignmentView(
        a.id,
        ro.id,
        ro.number,
        ro.vehicle.plate,
        line.id,
        line.description,
        a.technician_id,
        a.technician.name,
        a.bay_id,
        a.bay.code if a.bay is not None else "",
        a.planned_start,
        a.planned_end,
        a.status,
        a.pause_reason,
        a.started_at,
        a.done_at,
        _worked(a, at or now()) if a.status in JOB_STARTED else a.worked_min,
        ro.promised_at,
        ro.priority,
        a.rework,
        late,
        a.version,
        words.customer_words if words else "",
    )


_BOARD_COLUMNS = (
    Assignment.id,
    RepairOrder.id,
    RepairOrder.number,
    Vehicle.plate,
    EstimateLine.id,
    EstimateLine.description,
    Assignment.technician,
    Technician.name,
    Assignment.bay,
    Bay.code,
    Assignment.planned_start,
    Assignment.planned_end,
    Assignment.status,
    Assignment.pause_reason,
    Assignment.started_at,
    Assignment.done_at,
    Assignment.worked_min,
    RepairOrder.promised_at,
    RepairOrder.priority,
    Assignment.rework,
    Assignment.version,
)


def _board_query(start: dt.datetime, end: dt.datetime) -> Any:
    """The board's jobs as tuples of ``_BOARD_COLUMNS``: only what a card shows, not
    objects of whole rows (~100 columns a job: most of the board's time went on them)."""
    return (
        Assignment.select(*_BOARD_COLUMNS)
        .join(RepairOrder)
        .join(Vehicle)
        .switch(Assignment)
        .join(EstimateLine)
        .switch(Assignment)
        .join(Technician)
        .switch(Assignment)
        .join(Bay, peewee.JOIN.LEFT_OUTER)
        .where(
            (RepairOrder.status == ROStatus.OPEN)
            & (
                (Assignment.status != JobStatus.DONE)
                | ((Assignment.done_at >= start) & (Assignment.done_at < end))
            )
        )
        .order_by(RepairOrder.priority.desc(), Assignment.planned_start)
        .tuples()
    )


def board(*, day: dt.date | None = None) -> list[AssignmentView]:
    """Every job in the workshop: open ones, and those done on ``day``.

    Three queries whatever the number of jobs: the jobs with their RO, vehicle, line,
    technician and bay; the customer's first words per RO; the clock events of the
    running and paused jobs (their worked minutes tick).
    """
    day = day or now().date()
    start, end = _day_bounds(day)
    rows = list(_board_query(start, end))
    at = now()
    ro_ids = list({r[1] for r in rows})
    words: dict[int, str] = {}
    if ro_ids:
        for ro_id, _seq, text in (
            Concern.select(Concern.ro, Concern.seq, Concern.customer_words)
            .where(Concern.ro.in_(ro_ids))
            .order_by(Concern.ro, Concern.seq)
            .tuples()
        ):
            words.setdefault(ro_id, text)
    ticking = [r[0] for r in rows if r[12] in JOB_STARTED]
    clocks: dict[int, list[tuple[str, dt.datetime]]] = {}
    if ticking:
        for a_id, kind, when in (
            ClockEvent.select(ClockEvent.assignment, ClockEvent.kind, ClockEvent.at)
            .where(ClockEvent.assignment.in_(ticking))
            .order_by(ClockEvent.id)
            .tuples()
        ):
            clocks.setdefault(a_id, []).append((kind, when))
    out = []
    for (
        a_id,
        ro_id,
        number,
        plate,
        line_id,
        job,
        tech_id,
        tech,
        bay_id,
        bay,
        planned_start,
        planned_end,
        status,
        pause_reason,
        started_at,
        done_at,
        worked_min,
        promised_at,
        priority,
        rework,
        version,
    ) in rows:
        worked = _minutes(clocks.get(a_id, []), at) if a_id in clocks else worked_min
        late = promised_at is not None and at > promised_at and status != JobStatus.DONE
        out.append(
            AssignmentView(
                a_id,
                ro_id,
                number,
                plate,
                line_id,
                job,
                tech_id,
                tech,
                bay_id,
                bay or "",
                planned_start,
                planned_end,
                status,
                pause_reason,
                started_at,
                done_at,
                worked,
                promised_at,
                priority,
                bool(rework),
                late,
                version,
                words.get(ro_id, ""),
            )
        )
    return out


def _minutes(events: list[tuple[str, dt.datetime]], until: dt.datetime) -> int:
    """Minutes clocked from (kind, at) events in order (same rule as ``_worked``)."""
    total = 0.0
    running: dt.datetime | None = None
    for kind, at in events:
        if kind in CLOCK_STARTS:
            running = at
        elif kind in CLOCK_STOPS and running is not None:
            total += (at - running).total_seconds()
            running = None
    if running is not None:
        total += (until - running).total_seconds()
    return int(total // 60)


@dataclass(frozen=True)
class JobView:
    """A labour line waiting for dispatch (approved, or extra work awaiting consent)."""

    line_id: int
    ro_id: int
    ro_number: str
    plate: str
    description: str
    skill: str
    hours: Decimal
    promised_at: dt.datetime | None
    priority: int
    line_status: str  # approved | proposed (extra work awaiting the customer)
    change_request_id: int | None
    awaiting_consent: bool


def unassigned_jobs() -> list[JobView]:
    """Labour lines of open ROs without a current assignment, most urgent first.

    Extra work whose change request still waits for the customer is listed too
    (``awaiting_consent``): the dispatcher sees it coming; ``assign`` refuses it.
    """
    pending_crs = ChangeRequest.select(ChangeRequest.id).where(ChangeRequest.status.in_(CHANGE_OPEN))
    # NOT EXISTS, not NOT IN: PostgreSQL hashed every assignment ever made for NOT IN
    # (200 ms at 100k ROs, growing); an anti-join looks up each open line's own.
    assigned = Assignment.select(peewee.SQL("1")).where(Assignment.line == EstimateLine.id)
    q = (
        EstimateLine.select(EstimateLine, RepairOrder, Vehicle)
        .join(RepairOrder)
        .join(Vehicle)
        .where(
            (RepairOrder.status == ROStatus.OPEN)
            & (EstimateLine.kind == LineKind.LABOUR)
            & (
                (EstimateLine.status == LineStatus.APPROVED)
                | (
                    (EstimateLine.status == LineStatus.PROPOSED)
                    & EstimateLine.change_request.in_(pending_crs)
                )
            )
            & ~peewee.fn.EXISTS(assigned)
        )
        .order_by(RepairOrder.priority.desc(), RepairOrder.promised_at.asc(nulls="LAST"), EstimateLine.id)
    )
    return [
        JobView(
            x.id,
            x.ro_id,
            x.ro.number,
            x.ro.vehicle.plate,
            x.description,
            x.skill,
            Decimal(x.quantity),
            x.ro.promised_at,
            x.ro.priority,
            x.status,
            x.change_request_id,
            x.status == LineStatus.PROPOSED,
        )
        for x in q
    ]


def _require_any(actor: Actor, *actions: str) -> None:
    if not any(auth.may(actor.role, a) for a in actions):
        require(actor, actions[0])


@service(None, changes=Kind.RO)
def set_old_part_handling(*, actor: Actor, line_id: int, handling: str) -> None:
    """Record what happens to the old part of a part line: returned to the customer,
    scrapped by the shop, or a warranty return (before the handover)."""
    _require_any(actor, "work.clock", "estimate.edit")
    validation.choice(handling, OLD_PART_CHOICES, ("Old part", "旧件处理"))
    line = get(EstimateLine, line_id, ("Line", "项目"))
    if line.kind != LineKind.PART:
        raise ValidationError("Only part lines have an old part.", "只有配件项目才有旧件。")
    ro = RepairOrder.get_by_id(line.ro_id)
    if ro.handed_over_at is not None:
        raise GateError("The car has been handed over.", "车辆已交车。")
    old = line.old_part_handling
    EstimateLine.update(old_part_handling=handling).where(EstimateLine.id == line.id).execute()
    log(
        actor,
        "estimate_line",
        line.id,
        "set_old_part_handling",
        old={"old_part_handling": old},
        new={"old_part_handling": handling},
        ro_id=ro.id,
    )


@service(None, changes=Kind.RO | Kind.BOARD)
def flag_for_training(*, actor: Actor, ro_id: int, flagged: bool = True, note: str = "") -> None:
    """Flag a hard-to-fix case for the internal training notes (or clear the flag)."""
    _require_any(actor, "work.clock", "estimate.edit")
    ro = get_ro(ro_id)
    text = validation.clean_text(note, limit=2000).strip()
    if flagged and not text:
        raise ValidationError("Say what made this case hard.", "请说明此案例的难点。", field="note")
    old = {"training_flag": ro.training_flag, "training_note": ro.training_note}
    # A note for trainers, not a change of the order: no version bump (no edit conflict).
    RepairOrder.update(training_flag=bool(flagged), training_note=text).where(
        RepairOrder.id == ro.id
    ).execute()
    log(
        actor,
        "repair_order",
        ro.id,
        "flag_for_training",
        old=old,
        new={"training_flag": bool(flagged), "training_note": text},
        ro_id=ro.id,
    )


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("workshop.view", read=True)
def read_board(*, actor: Actor, day: dt.date | None = None) -> list[AssignmentView]:
    """``board``: the day's jobs on the workshop board."""
    return board(day=day)


@service("workshop.view", read=True)
def read_technicians(*, actor: Actor, day: dt.date | None = None, skill: str = "") -> list[TechnicianView]:
    """``technicians``: the technicians with their load on ``day``."""
    return technicians(day, skill=skill)


@service("workshop.view", read=True)
def read_bays(*, actor: Actor, day: dt.date | None = None) -> list[BayView]:
    """``bays``: the bays with their bookings on ``day``."""
    return bays(day)


@service("workshop.view", read=True)
def read_suggest_technicians(
    *, actor: Actor, line_id: int, day: dt.date | None = None
) -> list[TechnicianView]:
    """``suggest_technicians``: the technicians best placed for the line's job."""
    return suggest_technicians(line_id, day)


@service("workshop.view", read=True)
def read_unassigned_jobs(*, actor: Actor) -> list[JobView]:
    """``unassigned_jobs``: authorised labour lines without a technician."""
    return unassigned_jobs()
