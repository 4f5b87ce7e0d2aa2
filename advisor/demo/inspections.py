"""Digital inspections in the demo (issue 18): the walk-around checklist done on the load's
newest open ROs (the newest one still half done), on those cars' previous visits (so the
dialog shows what was yellow last time) and on the newest handed-over ROs — mostly green,
some yellow and red, measured where the item has a unit, with the advisor's
recommendation. Written after the load through the models in a few statements (about
40 results an RO; well under a second)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from advisor import workflow
from advisor.codes import RATING_FINDING, InspectionStage, Rating, VehicleKind
from advisor.models import Inspection, InspectionItem, InspectionResult, RepairOrder, Vehicle

OPEN = 30  # the newest checked-in open ROs of the load
DONE = 20  # the newest handed-over ones
# A measurement's usual range per item (low, high); where the thresholds lie inside it,
# some cars come out yellow or red.
RANGES: dict[str, tuple[str, str]] = {
    "tread": ("1.4", "8.0"), "pressure": ("185", "250"), "pads": ("1.5", "11.0"),
    "discs": ("22.0", "28.0"), "brake_fluid": ("0.5", "3.5"), "battery_health": ("45", "100"),
    "battery_voltage": ("11.9", "12.8"), "hv_battery_health": ("68", "99"),
}  # fmt: skip
NOTES: dict[str, tuple[str, str]] = {
    Rating.YELLOW: ("建议下次保养时处理", "to do at the next service"),
    Rating.RED: ("建议立即处理", "needs attention now"),
}


def kind_of(model: str, new_energy: bool) -> str:
    """The vehicle kind of a demo model: a plug-in (DM-i) or HEV is a hybrid, other new
    energy cars are electric."""
    if "DM-i" in model or "HEV" in model:
        return VehicleKind.HYBRID
    return VehicleKind.EV if new_energy else VehicleKind.CAR


def _range(key: str) -> tuple[str, str] | None:
    for prefix, span in RANGES.items():
        if key.startswith(prefix):
            return span
    return None


def _measure(r: random.Random, item: InspectionItem) -> Decimal | None:
    span = _range(item.key)
    if span is None or not item.unit:
        return None
    low, high = float(span[0]), float(span[1])
    part = (high - low) * 0.35
    # Most cars are well inside; one in five near the worn end.
    if r.random() < 0.2:
        at = r.uniform(low, low + part) if item.lower_is_worse else r.uniform(high - part, high)
    else:
        at = r.uniform(low + part, high) if item.lower_is_worse else r.uniform(low, high - part)
    return (
        Decimal(f"{at:.0f}")
        if item.unit in ("kPa", "%") and item.key != "brake_fluid"
        else Decimal(f"{at:.1f}")
    )


def _rate(r: random.Random, item: InspectionItem, value: Decimal | None) -> str:
    suggested = workflow.suggested_rating(value, item.yellow_at, item.red_at, item.lower_is_worse)
    if suggested is not None:
        return suggested
    roll = r.random()
    if item.key == "spare_tools" and roll < 0.15:
        return Rating.NA  # a car with a repair kit, no spare wheel
    return Rating.RED if roll < 0.02 else Rating.YELLOW if roll < 0.08 else Rating.GREEN


def _recommendation(found: list[tuple[str, str, str]]) -> str:
    """What an advisor writes: the red items to do now, the yellow ones soon (three named,
    then how many more), in Chinese and English."""

    def named(items: list[tuple[str, str]], zh: bool) -> str:
        words = [z if zh else e for e, z in items[:3]]
        more = len(items) - 3
        if zh:
            return "、".join(words) + (f"等 {len(items)} 项" if more > 0 else "")
        return ", ".join(words) + (f" and {more} more" if more > 0 else "")

    reds = [(en, zh) for rating, en, zh in found if rating == Rating.RED]
    yellows = [(en, zh) for rating, en, zh in found if rating == Rating.YELLOW]
    zh, en = [], []
    if reds:
        zh.append(f"建议本次处理：{named(reds, True)}。")
        en.append(f"Now: {named(reds, False)}.")
    if yellows:
        zh.append(f"下次保养时复查：{named(yellows, True)}。")
        en.append(f"At the next service: {named(yellows, False)}.")
    return "".join(zh) + "\n" + " ".join(en)


def _inspect(
    ro: RepairOrder, kind: str, items: list[InspectionItem], *, seed: int, done: bool, left: int
) -> None:
    r = random.Random(ro.id * 7919 + seed)
    at = (ro.checked_in_at or ro.arrived_at) + dt.timedelta(minutes=3)
    insp = Inspection.create(
        ro=ro.id,
        vehicle=ro.vehicle_id,
        vehicle_kind=kind,
        stage=InspectionStage.RECEPTION,
        started_by=ro.advisor_id,
        started_at=at,
        finished_by=ro.advisor_id if done else None,
        finished_at=at + dt.timedelta(minutes=15) if done else None,
    )
    rows, found = [], []
    for n, item in enumerate(items):
        rated = n < len(items) - left
        value = _measure(r, item) if rated else None
        rating = _rate(r, item, value) if rated else ""
        if rating in RATING_FINDING:
            found.append((rating, item.name_en, item.name_zh))
        note = NOTES.get(rating, ("", ""))
        rows.append(
            {
                "inspection": insp.id,
                "item_key": item.key,
                "seq": item.seq,
                "group": item.group,
                "name_en": item.name_en,
                "name_zh": item.name_zh,
                "unit": item.unit,
                "rating": rating,
                "measurement": value,
                "note": f"{note[0]} / {note[1]}" if note[0] else "",
                "rated_by": ro.advisor_id if rated else None,
                "rated_at": at + dt.timedelta(seconds=20 * n) if rated else None,
            }
        )
    InspectionResult.insert_many(rows).execute()
    if found:
        Inspection.update(recommendation=_recommendation(found)).where(Inspection.id == insp.id).execute()


def add_inspections(first_ro: int, seed: int = 1) -> int:
    """Inspect the load's newest open ROs, their cars' previous visits and the newest
    handed-over ROs (from ``first_ro`` on). Returns how many inspections were written."""
    checklists: dict[str, list[InspectionItem]] = {}
    for item in (
        InspectionItem.select().where(InspectionItem.active).order_by(InspectionItem.seq, InspectionItem.id)
    ):
        checklists.setdefault(item.vehicle_kind, []).append(item)
    open_ros = list(
        RepairOrder.select()
        .where(
            (RepairOrder.id >= first_ro)
            & RepairOrder.handed_over_at.is_null()
            & RepairOrder.checked_in_at.is_null(False)
        )
        .order_by(RepairOrder.id.desc())
        .limit(OPEN)
    )
    handed = list(
        RepairOrder.select()
        .where((RepairOrder.id >= first_ro) & RepairOrder.handed_over_at.is_null(False))
        .order_by(RepairOrder.handed_over_at.desc())
        .limit(DONE)
    )
    earlier = []
    for ro in open_ros:
        before = (
            RepairOrder.select()
            .where(
                (RepairOrder.vehicle == ro.vehicle_id)
                & (RepairOrder.id != ro.id)
                & RepairOrder.handed_over_at.is_null(False)
            )
            .order_by(RepairOrder.handed_over_at.desc())
            .first()
        )
        if before is not None:
            earlier.append(before)
    kinds = {v.id: v.kind for v in Vehicle.select(Vehicle.id, Vehicle.kind).where(
        Vehicle.id.in_([ro.vehicle_id for ro in (*open_ros, *handed, *earlier)] or [0])
    )}  # fmt: skip
    made: set[int] = set()
    for n, ro in enumerate([*open_ros, *earlier, *handed]):
        if ro.id in made:
            continue
        kind = kinds.get(ro.vehicle_id, VehicleKind.CAR)
        items = checklists.get(kind, [])
        if not items:
            continue
        is_open = ro.handed_over_at is None
        left = len(items) // 3 if n == 0 else 0  # the newest is being inspected now
        _inspect(ro, kind, items, seed=seed, done=not is_open or n % 2 == 1, left=left)
        made.add(ro.id)
    return len(made)
