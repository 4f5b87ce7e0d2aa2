"""The digital vehicle inspection (issue 18): one per RO, done at the walk-around or at
diagnosis by the advisor or in the workshop (permission ``inspection.do``).

``start_inspection`` copies the vehicle kind's active checklist items into results (their
words and unit, so a later change to the checklist leaves a done inspection as it was);
``rate_item`` records green / yellow / red / not applicable with a measurement and a note;
``set_recommendation`` keeps the advisor's words for the customer's health report;
``finish_inspection`` closes it once every item is rated. It can be changed while the car
is here (never after the handover). An advisor inspects their own ROs only (the one-owner
rule); a technician, the foreman and the manager any.

Reads: ``read_inspection`` (a screen) and the plain ``inspection_of`` (the RO view, the
sheets); each item carries what it was at this vehicle's previous inspection, and
``read_previous_findings`` lists what was yellow or red last time.
"""

from __future__ import annotations

from decimal import Decimal

import peewee

from advisor import validation, workflow
from advisor.codes import RATING_FINDING, InspectionStage, PhotoSubject, Rating
from advisor.errors import GateError, ValidationError
from advisor.models import (
    Inspection,
    InspectionItem,
    InspectionResult,
    Photo,
    RepairOrder,
    User,
    Vehicle,
    now,
)
from advisor.services._base import Actor, bump, check_owner, get, get_ro, log, service
from advisor.services.opchanges import Kind
from advisor.services.views import InspectionResultView, InspectionView, PreviousFinding

MAX_NOTE = 1_000
MAX_RECOMMENDATION = 4_000
WHAT = ("The inspection", "车辆检查")


def _editable(ro: RepairOrder) -> None:
    workflow.check_can_inspect(ro.status, ro.handed_over_at is not None)


def _of_ro(ro_id: int) -> Inspection:
    insp = Inspection.get_or_none(Inspection.ro == ro_id)
    if insp is None:
        raise GateError("No inspection has been started on this repair order.", "此工单尚未开始车辆检查。")
    return insp


@service("inspection.do", changes=Kind.EVIDENCE | Kind.RO)
def start_inspection(*, actor: Actor, ro_id: int, stage: str = InspectionStage.RECEPTION) -> int:
    """Start the RO's inspection with the active items of its vehicle kind's checklist and
    return its id. One per RO: when it is already started (another desk at the same
    moment), its id is returned and nothing is added."""
    stage = validation.choice(stage, InspectionStage.values(), ("Stage", "检查阶段"))
    ro = check_owner(actor, ro_id)
    _editable(ro)
    existing = Inspection.get_or_none(Inspection.ro == ro.id)
    if existing is not None:
        return int(existing.id)
    vehicle = Vehicle.get_by_id(ro.vehicle_id)
    items = list(
        InspectionItem.select()
        .where((InspectionItem.vehicle_kind == vehicle.kind) & (InspectionItem.active == True))  # noqa: E712
        .order_by(InspectionItem.seq, InspectionItem.id)
    )
    if not items:
        raise GateError(
            "The checklist for this kind of vehicle has no active items: ask the service "
            "manager to set it up (Settings, Inspection checklists).",
            "此类车辆的检查项目清单没有启用的项目：请服务经理设置（设置 → 车辆检查项目）。",
        )
    try:
        with Inspection._meta.database.atomic():  # a savepoint: one inspection per RO (unique)
            insp = Inspection.create(
                ro=ro.id,
                vehicle=vehicle.id,
                vehicle_kind=vehicle.kind,
                stage=stage,
                started_by=actor.user_id,
                started_at=now(),
            )
    except peewee.IntegrityError:
        existing = Inspection.get_or_none(Inspection.ro == ro.id)
        if existing is None:
            raise
        return int(existing.id)
    InspectionResult.insert_many(
        [
            {
                "inspection": insp.id,
                "item_key": i.key,
                "seq": i.seq,
                "group": i.group,
                "name_en": i.name_en,
                "name_zh": i.name_zh,
                "unit": i.unit,
            }
            for i in items
        ]
    ).execute()
    log(
        actor,
        "inspection",
        insp.id,
        "start_inspection",
        new={"stage": stage, "vehicle_kind": vehicle.kind, "items": len(items)},
        ro_id=ro.id,
    )
    return int(insp.id)


def _still_work(ro_id: int, result: InspectionResult) -> bool:
    """Has the finding become work that still stands? (Lines all withdrawn before the
    authorisation free it again: its rating may then be corrected.)"""
    if result.line is None and result.change_request is None:
        return False
    from advisor.services.findings import withdrawn  # findings builds on this module

    return result.id not in withdrawn(ro_id, [result])


@service("inspection.do", changes=Kind.EVIDENCE)
def rate_item(
    *,
    actor: Actor,
    result_id: int,
    rating: str,
    measurement: Decimal | str | None = None,
    note: str = "",
) -> None:
    """Rate one item (a ``Rating``) with its measurement (in the item's unit; a number
    from 0 to ``workflow.MAX_MEASUREMENT``, typed text accepted) and a note."""
    rating = validation.choice(rating, Rating.values(), ("Rating", "评级"))
    value = workflow.check_measurement(measurement)
    text = validation.clean_text(note, limit=MAX_NOTE).strip()
    result = get(InspectionResult, result_id, ("Inspection item", "检查项目"))
    insp = Inspection.get_by_id(result.inspection_id)
    ro = check_owner(actor, insp.ro_id)
    _editable(ro)
    if value is not None and not result.unit:
        raise ValidationError(
            f"“{result.name_en}” takes no measurement: write it in the note.",
            f"“{result.name_zh}”无需测量值：请写在备注中。",
            field="measurement",
        )
    if rating != result.rating and _still_work(insp.ro_id, result):
        raise GateError(
            f"“{result.name_en}” has already become work on this repair order: change or "
            "decline that line instead of the rating.",
            f"“{result.name_zh}”已转为本工单的维修项目：请修改或拒绝该项目，而不是更改评级。",
        )
    old = {"rating": result.rating, "measurement": result.measurement, "note": result.note}
    new = {"rating": rating, "measurement": value, "note": text}
    if old == new:
        return
    InspectionResult.update(
        rating=rating, measurement=value, note=text, rated_by=actor.user_id, rated_at=now()
    ).where(InspectionResult.id == result.id).execute()
    log(
        actor,
        "inspection_result",
        result.id,
        "rate_item",
        old={"item": result.item_key, **old},
        new={"item": result.item_key, **new},
        ro_id=ro.id,
    )


@service("inspection.do", changes=Kind.EVIDENCE | Kind.RO)
def set_recommendation(*, actor: Actor, ro_id: int, text: str, version: int | None = None) -> None:
    """The advisor's recommendation to the customer (printed on the health report).
    ``version``: the inspection's version the writer saw (another desk's save in between
    is a conflict, never overwritten)."""
    words = validation.clean_text(text, limit=MAX_RECOMMENDATION).strip()
    ro = check_owner(actor, ro_id)
    _editable(ro)
    insp = _of_ro(ro.id)
    if words == insp.recommendation:
        return
    old = bump(insp, version, WHAT, recommendation=words)
    log(
        actor,
        "inspection",
        insp.id,
        "set_recommendation",
        old=old,
        new={"recommendation": words},
        ro_id=ro.id,
    )


@service("inspection.do", changes=Kind.EVIDENCE | Kind.RO)
def finish_inspection(*, actor: Actor, ro_id: int) -> None:
    """Finish the inspection: every item rated (green, yellow, red or not applicable)."""
    ro = check_owner(actor, ro_id)
    _editable(ro)
    insp = _of_ro(ro.id)
    if insp.finished_at is not None:
        who = User.get_or_none(User.id == insp.finished_by_id)
        name = who.display_name if who else "?"
        raise GateError(f"{name} has already finished this inspection.", f"{name}已完成此次检查。")
    open_items = [
        r
        for r in InspectionResult.select(InspectionResult.name_en, InspectionResult.name_zh)
        .where((InspectionResult.inspection == insp.id) & (InspectionResult.rating == ""))
        .order_by(InspectionResult.seq, InspectionResult.id)
    ]
    if open_items:
        shown = open_items[:3]
        more_en = f" and {len(open_items) - 3} more" if len(open_items) > 3 else ""
        more_zh = f"等 {len(open_items)} 项" if len(open_items) > 3 else ""
        raise GateError(
            f"Rate every item first (or mark it not applicable): {', '.join(r.name_en for r in shown)}{more_en}.",
            f"请先为每个项目评级（或标为不适用）：{'、'.join(r.name_zh for r in shown)}{more_zh}。",
        )
    bump(insp, None, WHAT, finished_by=actor.user_id, finished_at=now())
    log(actor, "inspection", insp.id, "finish_inspection", ro_id=ro.id)


# -- reads ----------------------------------------------------------------------------------


def _previous(insp: Inspection) -> Inspection | None:
    """This vehicle's inspection before ``insp`` (on another RO)."""
    return (
        Inspection.select()
        .where(
            (Inspection.vehicle == insp.vehicle_id)
            & (Inspection.ro != insp.ro_id)
            & (Inspection.started_at <= insp.started_at)
        )
        .order_by(Inspection.started_at.desc(), Inspection.id.desc())
        .first()
    )


def inspection_of(ro_id: int) -> InspectionView | None:
    """The RO's inspection with its items in checklist order (None before one started)."""
    insp = Inspection.get_or_none(Inspection.ro == ro_id)
    if insp is None:
        return None
    rows = list(
        InspectionResult.select()
        .where(InspectionResult.inspection == insp.id)
        .order_by(InspectionResult.seq, InspectionResult.id)
    )
    people = {insp.started_by_id, insp.finished_by_id, *(r.rated_by_id for r in rows)} - {None}
    names = {u.id: u.display_name for u in User.select(User.id, User.display_name).where(User.id.in_(people))}
    last: dict[str, tuple[str, Decimal | None]] = {}
    before = _previous(insp)
    if before is not None:
        q = InspectionResult.select(
            InspectionResult.item_key, InspectionResult.rating, InspectionResult.measurement
        ).where(InspectionResult.inspection == before.id)
        last = {k: (r, m) for k, r, m in q.tuples() if r}
    photos: dict[int, int] = {}
    if rows:
        q = (
            Photo.select(Photo.subject_id, peewee.fn.COUNT(Photo.id))
            .where((Photo.ro == ro_id) & (Photo.subject == PhotoSubject.INSPECTION))
            .group_by(Photo.subject_id)
        )
        photos = {int(s): int(n) for s, n in q.tuples() if s is not None}
    limits = {
        i.key: (i.yellow_at, i.red_at, i.lower_is_worse)
        for i in InspectionItem.select().where(InspectionItem.vehicle_kind == insp.vehicle_kind)
    }
    results = tuple(
        InspectionResultView(
            id=r.id,
            item_key=r.item_key,
            seq=r.seq,
            group=r.group,
            name_en=r.name_en,
            name_zh=r.name_zh,
            unit=r.unit,
            rating=r.rating,
            measurement=r.measurement,
            note=r.note,
            rated_by=names.get(r.rated_by_id, "") if r.rated_by_id else "",
            rated_at=r.rated_at,
            line_id=r.line,
            change_request_id=r.change_request,
            photo_count=photos.get(r.id, 0),
            last_rating=last[r.item_key][0] if r.item_key in last else None,
            last_measurement=last[r.item_key][1] if r.item_key in last else None,
            yellow_at=limits.get(r.item_key, (None, None, True))[0],
            red_at=limits.get(r.item_key, (None, None, True))[1],
            lower_is_worse=limits.get(r.item_key, (None, None, True))[2],
        )
        for r in rows
    )
    return InspectionView(
        id=insp.id,
        ro_id=insp.ro_id,
        vehicle_kind=insp.vehicle_kind,
        stage=insp.stage,
        started_by=names.get(insp.started_by_id, ""),
        started_at=insp.started_at,
        finished_by=names.get(insp.finished_by_id, "") if insp.finished_by_id else "",
        finished_at=insp.finished_at,
        recommendation=insp.recommendation,
        version=insp.version,
        results=results,
    )


@service("ro.view", read=True)
def read_inspection(*, actor: Actor, ro_id: int) -> InspectionView | None:
    """The RO's inspection as the inspection dialog shows it (None before one started)."""
    get_ro(ro_id)
    return inspection_of(ro_id)


def previous_findings(vehicle_id: int, before_ro_id: int | None = None) -> tuple[PreviousFinding, ...]:
    """What was yellow or red at this vehicle's last inspection (before ``before_ro_id``'s
    when given: the last one on another RO that started before that RO's)."""
    q = Inspection.select().where(Inspection.vehicle == vehicle_id)
    if before_ro_id is not None:
        ro = get_ro(before_ro_id)
        q = q.where(Inspection.ro != before_ro_id)
        mine = Inspection.get_or_none(Inspection.ro == before_ro_id)
        limit = mine.started_at if mine is not None else ro.arrived_at
        q = q.where(Inspection.started_at <= limit)
    last = q.order_by(Inspection.started_at.desc(), Inspection.id.desc()).first()
    if last is None:
        return ()
    number = RepairOrder.get_by_id(last.ro_id).number
    rows = (
        InspectionResult.select()
        .where((InspectionResult.inspection == last.id) & InspectionResult.rating.in_(list(RATING_FINDING)))
        .order_by(InspectionResult.seq, InspectionResult.id)
    )
    return tuple(
        PreviousFinding(
            ro_id=last.ro_id,
            ro_number=number,
            inspected_at=last.started_at,
            item_key=r.item_key,
            name_en=r.name_en,
            name_zh=r.name_zh,
            unit=r.unit,
            rating=r.rating,
            measurement=r.measurement,
            note=r.note,
            result_id=r.id,
        )
        for r in rows
    )


@service("ro.view", read=True)
def read_previous_findings(
    *, actor: Actor, vehicle_id: int, before_ro_id: int | None = None
) -> tuple[PreviousFinding, ...]:
    """Last visit's yellow and red items of this vehicle (``previous_findings``)."""
    get(Vehicle, vehicle_id, ("Vehicle", "车辆"))
    return previous_findings(vehicle_id, before_ro_id)
