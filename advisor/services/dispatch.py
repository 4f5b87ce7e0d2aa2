"""Dispatch rules (issue 17, items 2, 3 and 17): what a plan breaks, technicians'
certificates, their measured speed, and the promise a plan or the work must keep.

The rules themselves are pure functions in ``advisor.workflow`` (``dispatch_problems``,
``holds_skill``, ``check_promise``…); this module reads what they need from the database
and keeps the certificates (a manager's or an administrator's screen).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee

from advisor import validation, workflow
from advisor.codes import CHANGE_OPEN, JobStatus, Skill
from advisor.errors import ValidationError
from advisor.models import (
    Assignment,
    Bay,
    Certification,
    ChangeRequest,
    EstimateLine,
    RepairOrder,
    Technician,
    now,
)
from advisor.services._base import Actor, get, log, service
from advisor.services.opchanges import Kind

# No job is planned over more than a week (as ``workshop.MAX_PLAN_SPAN``): the index on
# planned_start then skips the whole history.
MAX_PLAN_SPAN = dt.timedelta(days=7)


def certificates_of(technician_ids: list[int]) -> dict[int, tuple[workflow.Certificate, ...]]:
    """Each technician's certificates (one query)."""
    out: dict[int, list[workflow.Certificate]] = {}
    if technician_ids:
        for tid, skill, number, expires in (
            Certification.select(
                Certification.technician, Certification.skill, Certification.number, Certification.expires_on
            )
            .where(Certification.technician.in_(technician_ids))
            .order_by(Certification.expires_on)
            .tuples()
        ):
            out.setdefault(tid, []).append(workflow.Certificate(skill, number, _date(expires)))
    return {k: tuple(v) for k, v in out.items()}


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def listed_skills(t: Technician) -> tuple[str, ...]:
    return tuple(s.strip() for s in t.skills.split(",") if s.strip())


def bookings(
    column: peewee.Field, key: int, start: dt.datetime, end: dt.datetime, *, besides: int | None = None
) -> tuple[workflow.Booking, ...]:
    """The not-done jobs of a technician or bay (``column`` = ``key``) planned to overlap
    [start, end), other than the assignment ``besides``."""
    q = (
        Assignment.select(
            Assignment.planned_start, Assignment.planned_end, RepairOrder.number, EstimateLine.description
        )
        .join(RepairOrder)
        .switch(Assignment)
        .join(EstimateLine)
        .where(
            (column == key)
            & (Assignment.planned_start < end)
            & (Assignment.planned_start >= start - MAX_PLAN_SPAN)
            & (Assignment.planned_end > start)
            & (Assignment.status != JobStatus.DONE)
        )
        .order_by(Assignment.planned_start)
    )
    if besides is not None:
        q = q.where(Assignment.id != besides)
    return tuple(workflow.Booking(s, e, f"{n} {d}") for s, e, n, d in q.tuples())


def problems(
    *,
    line: EstimateLine,
    tech: Technician,
    bay: Bay | None,
    start: dt.datetime,
    end: dt.datetime,
    besides: int | None = None,
) -> list[workflow.DispatchProblem]:
    """Every dispatch rule the plan breaks (``workflow.dispatch_problems``)."""
    return workflow.dispatch_problems(
        skill=line.skill or "",
        technician=tech.name,
        listed=listed_skills(tech),
        certificates=certificates_of([tech.id]).get(tech.id, ()),
        on=start.date(),
        technician_bookings=bookings(Assignment.technician, tech.id, start, end, besides=besides),
        bay_code=bay.code if bay is not None else "",
        bay_kind=bay.kind if bay is not None else None,
        bay_bookings=bookings(Assignment.bay, bay.id, start, end, besides=besides) if bay is not None else (),
    )


def covered_until(ro: RepairOrder) -> dt.datetime | None:
    """The promise, or a later one asked of the customer in an open change request."""
    asked = [
        t
        for (t,) in ChangeRequest.select(ChangeRequest.new_promised_at)
        .where((ChangeRequest.ro == ro.id) & ChangeRequest.status.in_(CHANGE_OPEN))
        .tuples()
    ]
    return workflow.covered_until(ro.promised_at, asked)


def standard_minutes(line: EstimateLine) -> int:
    """A labour line's standard time in minutes (its quantity is hours)."""
    return int(Decimal(line.quantity) * 60)


@dataclass(frozen=True)
class Speed:
    pct: int | None  # standard over worked, per cent (None: nothing measured)
    jobs: int


def speeds(technician_ids: list[int], *, at: dt.datetime | None = None) -> dict[int, Speed]:
    """Measured speed of each technician over ``workflow.SPEED_WINDOW_DAYS``: the standard
    hours of their finished jobs against the minutes they clocked on them (one query).
    Rework is left out: it is not sold, its standard says nothing of speed."""
    if not technician_ids:
        return {}
    since = (at or now()) - dt.timedelta(days=workflow.SPEED_WINDOW_DAYS)
    q = (
        Assignment.select(
            Assignment.technician,
            peewee.fn.SUM(EstimateLine.quantity),
            peewee.fn.SUM(Assignment.worked_min),
            peewee.fn.COUNT(Assignment.id),
        )
        .join(EstimateLine)
        .where(
            (Assignment.done_at >= since)
            & (Assignment.status == JobStatus.DONE)
            & (Assignment.rework == False)  # noqa: E712
            & Assignment.technician.in_(technician_ids)
        )
        .group_by(Assignment.technician)
        .tuples()
    )
    out = {}
    for tid, hours, worked, n in q:
        out[tid] = Speed(workflow.speed_pct(float(Decimal(str(hours or 0)) * 60), float(worked or 0)), int(n))
    return out


# -- certificates: kept by a manager or an administrator ---------------------------------


@dataclass(frozen=True)
class CertificationView:
    id: int
    technician_id: int
    technician: str
    skill: str
    number: str
    expires_on: dt.date
    expired: bool
    expiring: bool  # valid, but within ``workflow.CERT_WARNING_DAYS``


def _view(
    cid: int, tid: int, name: str, skill: str, number: str, expires_on: object, today: dt.date
) -> CertificationView:
    expires = _date(expires_on)
    warn = bool(workflow.expiring((workflow.Certificate(skill, number, expires),), today))
    return CertificationView(cid, tid, name, skill, number, expires, expires < today, warn)


def certifications(*, technician_id: int | None = None) -> list[CertificationView]:
    """Every certificate (or one technician's), soonest to expire first."""
    q = (
        Certification.select(
            Certification.id,
            Certification.technician,
            Technician.name,
            Certification.skill,
            Certification.number,
            Certification.expires_on,
        )
        .join(Technician)
        .order_by(Certification.expires_on, Technician.name)
    )
    if technician_id is not None:
        q = q.where(Certification.technician == technician_id)
    today = now().date()
    return [_view(i, t, n, sk, no, e, today) for i, t, n, sk, no, e in q.tuples()]


@service("technician.certify", changes=Kind.BOARD)
def add_certification(
    *, actor: Actor, technician_id: int, skill: str, number: str, expires_on: dt.date
) -> CertificationView:
    """Record a technician's certificate for a skill, valid up to ``expires_on``."""
    tech = get(Technician, technician_id, ("Technician", "技师"))
    validation.choice(skill, Skill.values(), ("Skill", "技能"))
    no = validation.clean_text(number, limit=40).strip()
    if not no:
        raise ValidationError("Enter the certificate number.", "请填写证书编号。", field="number")
    if not isinstance(expires_on, dt.date):
        raise ValidationError("Enter the expiry date.", "请填写有效期。", field="expires_on")
    c = Certification.create(
        technician=tech.id, skill=skill, number=no, expires_on=expires_on, created_at=now()
    )
    log(
        actor,
        "certification",
        c.id,
        "add_certification",
        new={"technician": tech.id, "skill": skill, "number": no, "expires_on": expires_on},
    )
    return _view(c.id, tech.id, tech.name, skill, no, expires_on, now().date())


@service("technician.certify", changes=Kind.BOARD)
def remove_certification(*, actor: Actor, certification_id: int) -> None:
    """Remove a certificate recorded in error (a lapsed one is kept: it is the record)."""
    c = get(Certification, certification_id, ("Certificate", "资质证书"))
    old = {"technician": c.technician_id, "skill": c.skill, "number": c.number, "expires_on": c.expires_on}
    Certification.delete().where(Certification.id == c.id).execute()
    log(actor, "certification", c.id, "remove_certification", old=old)


@service("workshop.view", read=True)
def read_certifications(*, actor: Actor, technician_id: int | None = None) -> list[CertificationView]:
    """``certifications``: the technicians' certificates with their expiry."""
    return certifications(technician_id=technician_id)
