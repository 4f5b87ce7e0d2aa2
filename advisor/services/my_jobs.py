"""The technician's own jobs (issue 16): what "My jobs" shows the person at the car.

Only the jobs assigned to the technician linked to the actor's account
(``Technician.user``): today's, the unfinished ones of earlier days, and those finished
today (last). Each with the car, the job's line, the plan and the clock, and for its RO
the customer's words exactly as recorded and the advisor's restatement of each concern.
No prices and no phone numbers: the workshop needs neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from advisor.codes import CHANGE_OPEN, JOB_STARTED, JobStatus, ROStatus
from advisor.db import unindexed
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
from advisor.services._base import Actor, ro_state, service
from advisor.services.workshop import _minutes

# The order of the list: the job in hand, then what waits (by planned start), done last.
_RANK: dict[str, int] = {
    JobStatus.IN_PROGRESS: 0,
    JobStatus.PAUSED: 1,
    JobStatus.WAITING: 1,
    JobStatus.DONE: 2,
}
_OPEN = (JobStatus.WAITING, JobStatus.IN_PROGRESS, JobStatus.PAUSED)


@dataclass(frozen=True)
class ConcernBrief:
    """One concern of the RO, as the technician reads it (superseded entries left out)."""

    id: int
    seq: int
    customer_words: str  # verbatim, never trimmed
    restatement: str
    finding: str
    correction: str


@dataclass(frozen=True)
class MyJob:
    """One job of the technician: the car, the line, the plan, the clock, the concerns."""

    id: int  # the assignment
    ro_id: int
    ro_number: str
    plate: str
    car: str  # make model year
    line_id: int
    line_code: str
    description: str
    hours: Decimal  # the line's standard hours
    bay: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    status: str
    pause_reason: str
    worked_min: int
    done_at: dt.datetime | None
    promised_at: dt.datetime | None
    rework: bool
    change_pending: bool  # a change request of the RO waits for the customer
    concerns: tuple[ConcernBrief, ...]
    self_check_due: bool = False  # the job is done and the technician's self-check of the RO waits


@dataclass(frozen=True)
class MyJobs:
    """The list, and whose it is; ``technician_id`` is None when the account is linked to
    no technician (the screen says so: ask the foreman or administrator)."""

    technician_id: int | None
    technician: str
    day: dt.date
    jobs: tuple[MyJob, ...]

    @property
    def linked(self) -> bool:
        return self.technician_id is not None


def _car(make: str, model: str, year: int | None) -> str:
    return " ".join(str(x) for x in (make, model, year) if x)


def _rows(technician_id: int, start: dt.datetime, end: dt.datetime) -> list[tuple[Any, ...]]:
    """The jobs' columns, by two ways in that stay small whatever the history holds: the
    open jobs through the open ROs, those finished today by ``done_at``."""
    columns = (
        Assignment.id,
        RepairOrder.id,
        RepairOrder.number,
        Vehicle.plate,
        Vehicle.make,
        Vehicle.model,
        Vehicle.year,
        EstimateLine.id,
        EstimateLine.code,
        EstimateLine.description,
        EstimateLine.quantity,
        Bay.code,
        Assignment.planned_start,
        Assignment.planned_end,
        Assignment.status,
        Assignment.pause_reason,
        Assignment.worked_min,
        Assignment.done_at,
        RepairOrder.promised_at,
        Assignment.rework,
    )

    def query(where: peewee.Expression) -> list[tuple[Any, ...]]:
        return list(
            Assignment.select(*columns)
            .join(RepairOrder)
            .join(Vehicle)
            .switch(Assignment)
            .join(EstimateLine)
            .switch(Assignment)
            .join(Bay, peewee.JOIN.LEFT_OUTER)
            .where(where & (unindexed(Assignment.technician) == technician_id))
            .tuples()
        )

    unfinished = query(
        # In by the open ROs (a few hundred, whatever the history holds), then their jobs
        # by ``assignment (ro_id)``. Without statistics of the values SQLite takes the
        # status of a job for as wide as a third of all jobs and scanned every one.
        (RepairOrder.status == ROStatus.OPEN)
        & unindexed(Assignment.status).in_(_OPEN)
        # Waiting work planned for a later day is not today's; a started job always is.
        & ((Assignment.status != JobStatus.WAITING) | (Assignment.planned_start < end))
    )
    finished = query(
        (Assignment.done_at >= start)
        & (Assignment.done_at < end)
        & (unindexed(Assignment.status) == JobStatus.DONE)
    )
    return unfinished + finished


def _self_check_due(tech: Technician, ro_ids: set[int]) -> set[int]:
    """Of ``ro_ids`` (ROs where the technician finished a job), those still waiting for the
    technician's self-check before QC (open, QC not passed)."""
    due: set[int] = set()
    for ro in RepairOrder.select().where(
        RepairOrder.id.in_(sorted(ro_ids))
        & (RepairOrder.status == ROStatus.OPEN)
        & RepairOrder.qc_passed_at.is_null()
    ):
        if tech.name in ro_state(ro).self_checks_unsigned:
            due.add(ro.id)
    return due


def my_jobs(actor: Actor, day: dt.date | None = None) -> MyJobs:
    """The jobs of the technician linked to ``actor``'s account, in working order."""
    day = day or now().date()
    tech = Technician.get_or_none(Technician.user == actor.user_id)
    if tech is None:
        return MyJobs(None, "", day, ())
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    rows = _rows(tech.id, start, end)
    ro_ids = sorted({r[1] for r in rows})
    concerns: dict[int, list[ConcernBrief]] = {}
    pending: set[int] = set()
    if ro_ids:
        found = list(
            Concern.select(
                Concern.id,
                Concern.ro,
                Concern.seq,
                Concern.customer_words,
                Concern.restatement,
                Concern.finding,
                Concern.correction,
                Concern.supersedes,
            )
            .where(Concern.ro.in_(ro_ids))
            .order_by(Concern.ro, Concern.seq)
            .tuples()
        )
        superseded = {c[7] for c in found if c[7] is not None}
        for c_id, ro_id, seq, words, restatement, finding, correction, _sup in found:
            if c_id not in superseded:
                concerns.setdefault(ro_id, []).append(
                    ConcernBrief(c_id, seq, words, restatement, finding, correction)
                )
        pending = {
            ro_id
            for (ro_id,) in ChangeRequest.select(ChangeRequest.ro)
            .where(ChangeRequest.ro.in_(ro_ids) & ChangeRequest.status.in_(CHANGE_OPEN))
            .tuples()
        }
    ticking = [r[0] for r in rows if r[14] in JOB_STARTED]
    clocks: dict[int, list[tuple[str, dt.datetime]]] = {}
    if ticking:
        for a_id, kind, when in (
            ClockEvent.select(ClockEvent.assignment, ClockEvent.kind, ClockEvent.at)
            .where(ClockEvent.assignment.in_(ticking))
            .order_by(ClockEvent.id)
            .tuples()
        ):
            clocks.setdefault(a_id, []).append((kind, when))
    at = now()
    due = _self_check_due(tech, {r[1] for r in rows if r[14] == JobStatus.DONE})
    jobs = [
        MyJob(
            id=r[0],
            ro_id=r[1],
            ro_number=r[2],
            plate=r[3],
            car=_car(r[4], r[5], r[6]),
            line_id=r[7],
            line_code=r[8] or "",
            description=r[9],
            hours=Decimal(r[10]),
            bay=r[11] or "",
            planned_start=r[12],
            planned_end=r[13],
            status=r[14],
            pause_reason=r[15],
            worked_min=_minutes(clocks.get(r[0], []), at) if r[0] in clocks else r[16],
            done_at=r[17],
            promised_at=r[18],
            rework=bool(r[19]),
            change_pending=r[1] in pending,
            concerns=tuple(concerns.get(r[1], ())),
            self_check_due=r[14] == JobStatus.DONE and r[1] in due,
        )
        for r in rows
    ]
    # A finished job whose self-check waits comes first: QC waits for the signature.
    jobs.sort(
        key=lambda j: (
            -1 if j.self_check_due else _RANK.get(j.status, 1),
            j.done_at or j.planned_start,
            j.planned_start,
            j.id,
        )
    )
    return MyJobs(tech.id, tech.name, day, tuple(jobs))


@service("jobs.mine", read=True)
def read_my_jobs(*, actor: Actor, day: dt.date | None = None) -> MyJobs:
    """``my_jobs``: the technician's own jobs for My jobs (none when the account is linked
    to no technician)."""
    return my_jobs(actor, day)
