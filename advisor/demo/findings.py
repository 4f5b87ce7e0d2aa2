"""Declined findings with their photos in the demo (issue 18): on a few of the load's
handed-over ROs whose extra work (a wiper, a cabin filter, the brake fluid, an alignment)
the customer declined, that work came from an inspection finding with a photo — so the
call list shows it again with the photo to show the customer.

Each such RO gets its inspection when it has none (one rated item: red or yellow), linked
to the declined line (``InspectionResult.line``), and one small photo drawn with Pillow
(made once per load, about 15 KB). Written after the load, through the models (ids from
the sequences: the load has set them)."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image, ImageDraw, ImageFont

from advisor.codes import InspectionGroup, InspectionStage, LineStatus, PhotoSource, PhotoSubject, Rating
from advisor.models import (
    EstimateLine,
    Inspection,
    InspectionResult,
    Photo,
    RepairOrder,
    Vehicle,
)
from advisor.photos import Prepared, prepare

SIZE = (400, 300)
# How many declined findings the load gets (the newest handed-over ROs that fit).
DECLINED_FINDINGS = 8
# The declined extra work (its labour code, demo.data.EXTRAS) → the checklist item it was
# found at, its rating, the measurement and the note.
FOUND_AT: dict[str, tuple[str, str, str, str, str, str | None, str]] = {
    "L-WIP": ("wipers", "Wiper blades", "雨刮片", InspectionGroup.ELECTRICAL, Rating.RED, None, "雨刮片开裂，刮不干净 / cracked, streaks"),
    "L-CAB": ("cabin_filter", "Cabin air filter", "空调滤芯", InspectionGroup.CABIN, Rating.YELLOW, None, "滤芯发黑 / dark, clogged"),
    "L-BFL": ("brake_fluid", "Brake fluid water content", "刹车油含水量", InspectionGroup.BRAKES, Rating.RED, "3.5", "含水量 3.5% / 3.5 % water"),
    "L-ALN": ("tread_fl", "Tread depth, front left", "左前轮胎花纹深度", InspectionGroup.TYRES, Rating.YELLOW, "3.0", "内侧偏磨 / inner edge worn"),
}  # fmt: skip
_UNITS = {"brake_fluid": "%", "tread_fl": "mm"}


def _jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def _caption(d: ImageDraw.ImageDraw, text: str) -> None:
    d.rectangle((0, SIZE[1] - 40, SIZE[0], SIZE[1]), fill=(20, 20, 20))
    d.text((12, SIZE[1] - 32), text, fill=(255, 210, 0), font=ImageFont.load_default(20))


def wiper() -> bytes:
    """A wiper blade across a windscreen, its rubber split, streaks left behind."""
    img = Image.new("RGB", SIZE, (120, 150, 175))
    d = ImageDraw.Draw(img)
    for x in range(30, 380, 24):  # the streaks it leaves
        d.arc((x - 200, 40, x + 200, 420), 200, 250, fill=(170, 190, 205), width=2)
    d.line((40, 220, 360, 90), fill=(25, 25, 25), width=12)
    d.line((150, 176, 178, 164), fill=(120, 150, 175), width=8)  # the split in the rubber
    _caption(d, "Wiper blade: split rubber")
    return _jpeg(img)


def cabin_filter() -> bytes:
    """A pleated cabin filter, grey with dirt and leaves."""
    img = Image.new("RGB", SIZE, (210, 205, 195))
    d = ImageDraw.Draw(img)
    d.rectangle((60, 40, 340, 240), fill=(95, 90, 80), outline=(40, 40, 40), width=4)
    for x in range(70, 340, 14):
        d.line((x, 44, x, 236), fill=(70, 66, 58), width=3)
    for cx, cy in ((120, 90), (230, 160), (290, 80)):
        d.ellipse((cx - 14, cy - 8, cx + 14, cy + 8), fill=(120, 95, 40))
    _caption(d, "Cabin filter: clogged")
    return _jpeg(img)


def fluid_tester() -> bytes:
    """A brake-fluid tester in the reservoir, its red lamp lit."""
    img = Image.new("RGB", SIZE, (60, 64, 70))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((140, 60, 260, 250), radius=14, fill=(230, 200, 60))
    d.rectangle((155, 80, 245, 120), fill=(40, 40, 40))
    d.text((168, 88), "3.5%", fill=(255, 80, 80), font=ImageFont.load_default(22))
    d.ellipse((188, 140, 212, 164), fill=(230, 30, 30))
    _caption(d, "Brake fluid: 3.5 % water")
    return _jpeg(img)


def tyre() -> bytes:
    """A tyre's tread worn down on its inner edge, a depth gauge in the groove."""
    img = Image.new("RGB", SIZE, (35, 35, 38))
    d = ImageDraw.Draw(img)
    for x in range(40, 360, 36):
        d.rectangle((x, 40, x + 22, 250), fill=(70, 70, 72))
    d.rectangle((40, 40, 120, 250), fill=(95, 95, 98))  # the worn inner shoulder
    d.rectangle((250, 120, 262, 250), fill=(200, 200, 205))  # the gauge
    _caption(d, "Front left tyre: inner edge 3 mm")
    return _jpeg(img)


DRAWN = {"wipers": wiper, "cabin_filter": cabin_filter, "brake_fluid": fluid_tester, "tread_fl": tyre}


def add_declined_findings(first_ro: int) -> int:
    """Turn the declined extra work of up to ``DECLINED_FINDINGS`` of this load's newest
    handed-over ROs (from ``first_ro`` on) into declined inspection findings with a photo.
    Returns how many."""
    declined = list(
        EstimateLine.select(EstimateLine.id, EstimateLine.ro, EstimateLine.code, EstimateLine.decided_at)
        .join(RepairOrder)
        .where(
            (EstimateLine.ro >= first_ro)
            & (EstimateLine.status == LineStatus.DECLINED)
            & EstimateLine.code.in_(list(FOUND_AT))
            & RepairOrder.handed_over_at.is_null(False)
        )
        .order_by(RepairOrder.handed_over_at.desc(), EstimateLine.id)
        .limit(DECLINED_FINDINGS * 4)
    )
    photos: dict[str, Prepared] = {}
    done: set[int] = set()
    for line in declined:
        if len(done) >= DECLINED_FINDINGS or line.ro_id in done:
            continue
        ro = RepairOrder.get_by_id(line.ro_id)
        if Inspection.select().where(Inspection.ro == ro.id).exists():
            continue  # inspected already (its own findings): leave it as it is
        key, en, zh, group, rating, measured, note = FOUND_AT[line.code]
        at = (ro.checked_in_at or ro.arrived_at) + dt.timedelta(minutes=4)
        kind = Vehicle.get_by_id(ro.vehicle_id).kind
        inspection = Inspection.create(
            ro=ro.id,
            vehicle=ro.vehicle_id,
            vehicle_kind=kind,
            stage=InspectionStage.RECEPTION,
            started_by=ro.advisor_id,
            started_at=at,
            finished_by=ro.advisor_id,
            finished_at=at + dt.timedelta(minutes=12),
        )
        result = InspectionResult.create(
            inspection=inspection.id,
            item_key=key,
            seq=1,
            group=group,
            name_en=en,
            name_zh=zh,
            unit=_UNITS.get(key, ""),
            rating=rating,
            measurement=measured,
            note=note,
            rated_by=ro.advisor_id,
            rated_at=at + dt.timedelta(minutes=5),
            line=line.id,
        )
        EstimateLine.update(finding=result.id).where(EstimateLine.id == line.id).execute()
        if key not in photos:
            photos[key] = prepare(DRAWN[key]())
        p = photos[key]
        Photo.create(
            ro=ro.id,
            vehicle=ro.vehicle_id,
            subject=PhotoSubject.INSPECTION,
            subject_id=result.id,
            jpeg=p.jpeg,
            thumb=p.thumb,
            print_jpeg=p.print_jpeg,
            width=p.width,
            height=p.height,
            size_bytes=p.size_bytes,
            sha256=p.sha256,
            caption=f"{zh} / {en}",
            source=PhotoSource.CAMERA,
            taken_by=ro.advisor_id,
            taken_at=at + dt.timedelta(minutes=5),
        )
        done.add(ro.id)
    return len(done)
