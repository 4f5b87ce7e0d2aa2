"""Step 7–8: dispatch by time, people and equipment; clocking; the foreman's job board."""

from __future__ import annotations

import dataclasses
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
    ChangeKind,
    ClockKind,
    DispatchRule,
    EventAction,
    JobStatus,
    LineKind,
    LineStatus,
    PauseReason,
    Role,
    ROStatus,
)
from advisor.errors import GateError, ValidationError
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
from advisor.services import changes as changes_service
from advisor.services import dispatch
from advisor.services import parts as parts_service
from advisor.services._base import (
    Actor,
    bump,
    check_owner,
    event,
    get,
    log,
    require,
    ro_state,
    service,
)
from advisor.services.opchanges import Kind
from advisor.services.views import AssignmentView

# The refusals a screen answers (override with a reason; raise a delay): ``workflow``'s.
DispatchRefused = workflow.DispatchRefused
DelayNeeded = workflow.DelayNeeded


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
    # For a job's suggestions (``suggest_technicians``): whether they hold its skill that
    # day, the certificate for it (number, expiry: a lapsed one or one expiring within
    # ``workflow.CERT_WARNING_DAYS``), and their measured speed (``dispatch.speeds``).
    holds_skill: bool = True
    certificate: str = ""
    certificate_expires_on: dt.date | None = None
    certificate_expired: bool = False
    certificate_expiring: bool = False
    speed_pct: int | None = None
    speed_jobs: int = 0


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
    """Every active technician for the line's job, best placed first: holding its skill that
    day (an expired certificate counts as missing), then experience (level), then measured
    speed (``dispatch.speeds``), then the least loaded (``workflow.suggestion_rank``)."""
    line = get(EstimateLine, line_id, ("Line", "项目"))
    skill = line.skill or ""
    day = day or now().date()
    views = technicians(day)
    ids = [v.id for v in views]
    certs = dispatch.certificates_of(ids)
    speed = dispatch.speeds(ids)
    today = now().date()
    out = []
    for v in views:
        mine = tuple(c for c in certs.get(v.id, ()) if c.skill == skill) if skill else ()
        latest = max(mine, key=lambda c: c.expires_on) if mine else None
        sp = speed.get(v.id, dispatch.Speed(None, 0))
        out.append(
            dataclasses.replace(
                v,
                holds_skill=not skill or workflow.holds_skill(skill, v.skills, certs.get(v.id, ()), day),
                certificate=latest.number if latest else "",
                certificate_expires_on=latest.expires_on if latest else None,
                certificate_expired=latest is not None and latest.expires_on < day,
                certificate_expiring=latest is not None and bool(workflow.expiring((latest,), today)),
                speed_pct=sp.pct,
                speed_jobs=sp.jobs,
            )
        )
    out.sort(
        key=lambda v: workflow.suggestion_rank(
            has_skill=v.holds_skill, level=v.level, speed=v.speed_pct, load_min=v.load_min
        )
    )
    return out


def _raise_delay(
    actor: Actor, ro: RepairOrder, reason: str, new_promised_at: dt.datetime | None
) -> int | None:
    """A delay change request raised in the same action (the customer's consent moves the
    promise); None when none was asked for."""
    if new_promised_at is None:
        return None
    return changes_service.request_change(
        actor=actor, ro_id=ro.id, kind=ChangeKind.DELAY, reason=reason, new_promised_at=new_promised_at
    )


@service("work.assign", changes=Kind.BOARD | Kind.RO)
def assign(
    *,
    actor: Actor,
    line_id: int,
    technician_id: int,
    bay_id: int | None,
    planned_start: dt.datetime,
    planned_end: dt.datetime,
    override_reason: str = "",
    delay_reason: str = "",
    new_promised_at: dt.datetime | None = None,
) -> AssignmentView:
    """Dispatch an approved job to a technician and bay with a planned start and end.

    Refused (``DispatchRefused``, every broken rule listed) when the technician or the bay
    is booked then, the technician lacks the job's skill (or holds it only through an
    expired certificate) or the bay is of the wrong kind, unless ``override_reason`` says
    why (recorded on the job and in the audit trail). Refused (``DelayNeeded``) when the
    plan ends after the promise and no change request waiting for the customer asks for
    that long, unless ``new_promised_at`` (and ``delay_reason``) raise that delay now."""
    line = get(EstimateLine, line_id, ("Line", "项目"))
    ro = RepairOrder.get_by_id(line.ro_id)
    workflow.check_can_work_line(ro_state(ro), line.id)
    if line.kind != LineKind.LABOUR:
        raise ValidationError("Only labour lines are assigned to technicians.", "只有工时项目才能派工。")
    tech = get(Technician, technician_id, ("Technician", "技师"))
    if not tech.active:
        raise ValidationError("This technician is not active.", "该技师已停用。")
    bay = get(Bay, bay_id, ("Bay", "工位")) if bay_id is not None else None
    if planned_end <= planned_start:
        raise ValidationError(
            "The planned end must be after the start.", "计划完工时间须晚于开工时间。", field="planned_end"
        )
    current = Assignment.select().where(Assignment.line == line.id).order_by(Assignment.id.desc()).first()
    if current is not None and current.status != JobStatus.DONE:
        raise GateError("This job is already assigned: reassign it instead.", "此作业已派工：请改派。")
    why = validation.clean_text(override_reason, limit=500).strip()
    overridden = workflow.check_dispatch(
        dispatch.problems(line=line, tech=tech, bay=bay, start=planned_start, end=planned_end), why
    )
    delay_cr = _raise_delay(actor, ro, delay_reason, new_promised_at)
    workflow.check_promise(planned_end, ro.promised_at, dispatch.covered_until(ro))
    a = Assignment.create(
        ro=ro.id,
        line=line.id,
        technician=tech.id,
        bay=bay_id,
        planned_start=planned_start,
        planned_end=planned_end,
        created_by=actor.user_id,
        created_at=now(),
        override_rules=",".join(overridden),
        override_reason=why if overridden else "",
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
            "override_rules": list(overridden),
            "override_reason": why if overridden else "",
            "delay_change_request": delay_cr,
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
    override_reason: str = "",
) -> AssignmentView:
    """Move a job to another technician or bay (e.g. dragged on the board).

    The dispatch rules of what moves are checked for the job's planned time, as in
    ``assign``: a new technician booked then or without the skill, a new bay booked then
    or of the wrong kind are refused unless ``override_reason`` says why."""
    a = get(Assignment, assignment_id, ("Job", "作业"))
    if a.status == JobStatus.DONE:
        raise GateError("A finished job cannot be moved.", "已完工的作业不能改派。")
    changes: dict[str, object] = {}
    tech = Technician.get_by_id(a.technician_id)
    bay = Bay.get_by_id(a.bay_id) if a.bay_id is not None else None
    checked: set[str] = set()
    if technician_id is not None and technician_id != a.technician_id:
        tech = get(Technician, technician_id, ("Technician", "技师"))
        if not tech.active:
            raise ValidationError("This technician is not active.", "该技师已停用。")
        changes["technician"] = tech.id
        checked |= {DispatchRule.TECHNICIAN_BUSY, DispatchRule.MISSING_SKILL}
    if bay_id is not None and bay_id != a.bay_id:
        bay = get(Bay, bay_id, ("Bay", "工位"))
        changes["bay"] = bay_id
        checked |= {DispatchRule.BAY_BUSY, DispatchRule.WRONG_BAY}
    if not changes:
        return assignment_view(a)
    why = validation.clean_text(override_reason, limit=500).strip()
    found = dispatch.problems(
        line=EstimateLine.get_by_id(a.line_id),
        tech=tech,
        bay=bay,
        start=a.planned_start,
        end=a.planned_end,
        besides=a.id,
    )
    overridden = workflow.check_dispatch([p for p in found if p.rule in checked], why)
    if overridden:
        rules = list(dict.fromkeys([*(r for r in a.override_rules.split(",") if r), *overridden]))
        changes["override_rules"] = ",".join(rules)
        changes["override_reason"] = "; ".join(x for x in (a.override_reason, why) if x)
    old = bump(a, version, ("The job", "作业"), **changes)
    log(
        actor,
        "assignment",
        a.id,
        "reassign",
        old=old,
        new={**changes, "overridden": list(overridden), "why": why if overridden else ""},
        ro_id=a.ro_id,
    )
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
    delay_reason: str = "",
    new_promised_at: dt.datetime | None = None,
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
    when = at or now()
    if kind in CLOCK_STARTS:
        workflow.check_can_work_line(ro_state(ro), a.line_id)
        # From now on the job takes its remaining standard time: past what the customer
        # was told, a delay goes to the customer first (raised here in the same step).
        end = workflow.remaining_end(when, dispatch.standard_minutes(a.line), _worked(a, when))
        _raise_delay(actor, ro, delay_reason, new_promised_at)
        workflow.check_promise(end, ro.promised_at, dispatch.covered_until(ro), working=True)
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
def clock_on(
    *,
    actor: Actor,
    assignment_id: int,
    at: dt.datetime | None = None,
    delay_reason: str = "",
    new_promised_at: dt.datetime | None = None,
) -> AssignmentView:
    """The technician starts the job (refused for a line the customer has not approved, and
    when its standard time from now would pass the promise: ``DelayNeeded``, unless a delay
    is raised with it, ``new_promised_at`` and ``delay_reason``)."""
    return _clock(
        actor,
        assignment_id,
        ClockKind.ON,
        allowed=(JobStatus.WAITING,),
        new_status=JobStatus.IN_PROGRESS,
        at=at,
        delay_reason=delay_reason,
        new_promised_at=new_promised_at,
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
def resume(
    *,
    actor: Actor,
    assignment_id: int,
    at: dt.datetime | None = None,
    delay_reason: str = "",
    new_promised_at: dt.datetime | None = None,
) -> AssignmentView:
    """Resume a paused job (past the promise, as ``clock_on``: a delay goes with it)."""
    return _clock(
        actor,
        assignment_id,
        ClockKind.RESUME,
        allowed=(JobStatus.PAUSED,),
        new_status=JobStatus.IN_PROGRESS,
        at=at,
        delay_reason=delay_reason,
        new_promised_at=new_promised_at,
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
    ro = check_owner(actor, line.ro_id)  # an advisor on their own ROs; the workshop on any
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
    ro = check_owner(actor, ro_id)  # an advisor on their own ROs; the workshop on any
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
