"""A few photos on the demo's open repair orders (issue 18): drawn with Pillow, small, and
made once per load — a scored brake disc on a concern, a scratch on the bumper's damage
mark — so the strips, the viewer and the sheets have something to show."""

from __future__ import annotations

import datetime as dt
import io
import json
import math

from PIL import Image, ImageDraw, ImageFont

from advisor.codes import PhotoSource, PhotoSubject, ROStatus
from advisor.models import Concern, Photo, RepairOrder
from advisor.photos import Prepared, prepare

SIZE = (480, 360)  # small: a photo of the demo takes about 20 KB
MAX_DAMAGE_PHOTOS = 4
MAX_CONCERN_PHOTOS = 4


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size)


def brake_disc() -> bytes:
    """A worn front disc behind its caliper, scored rings and a lip, with a gauge reading."""
    img = Image.new("RGB", SIZE, (52, 56, 60))
    d = ImageDraw.Draw(img)
    cx, cy, r = 210, 185, 140
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(150, 150, 152), outline=(95, 95, 98), width=6)
    for ring in range(r - 14, 60, -9):  # the scoring of a worn disc
        shade = 128 + (ring % 3) * 14
        d.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=(shade, shade, shade + 2), width=2)
    d.ellipse((cx - 58, cy - 58, cx + 58, cy + 58), fill=(105, 95, 88))  # the rusty hat
    for k in range(5):  # wheel studs
        a = 2 * math.pi * k / 5
        x, y = cx + 36 * math.cos(a), cy + 36 * math.sin(a)
        d.ellipse((x - 7, y - 7, x + 7, y + 7), fill=(60, 60, 60))
    d.rounded_rectangle((300, 70, 372, 260), radius=18, fill=(190, 30, 30))  # caliper
    d.rectangle((0, 312, SIZE[0], SIZE[1]), fill=(20, 20, 20))
    d.text((14, 320), "Front disc  21.4 mm  (min 22.0)", fill=(255, 210, 0), font=_font(22))
    return _jpeg(img)


def bumper_scratch() -> bytes:
    """A white bumper corner with a long scratch, a tape rule beside it."""
    img = Image.new("RGB", SIZE, (226, 228, 230))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 230, SIZE[0], SIZE[1]), fill=(40, 42, 46))  # the floor
    d.rounded_rectangle((20, 60, 460, 250), radius=60, fill=(244, 245, 247), outline=(180, 182, 186), width=3)
    d.line((90, 120, 260, 170, 330, 168), fill=(120, 124, 130), width=4)
    d.line((96, 126, 250, 172), fill=(160, 90, 60), width=2)  # primer showing
    d.rectangle((70, 200, 400, 214), fill=(250, 200, 0))
    for x in range(70, 401, 11):
        d.line((x, 200, x, 207), fill=(30, 30, 30), width=1)
    d.text((14, 320), "Rear bumper: scratch 26 cm", fill=(255, 255, 255), font=_font(22))
    return _jpeg(img)


def _jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def _row(
    ro: RepairOrder, subject: str, subject_id: int, p: Prepared, caption: str, at: dt.datetime
) -> dict[str, object]:
    return {
        "ro": ro.id,
        "vehicle": ro.vehicle_id,
        "subject": subject,
        "subject_id": subject_id,
        "jpeg": p.jpeg,
        "thumb": p.thumb,
        "print_jpeg": p.print_jpeg,
        "width": p.width,
        "height": p.height,
        "size_bytes": p.size_bytes,
        "sha256": p.sha256,
        "caption": caption,
        "source": PhotoSource.CAMERA,
        "taken_by": ro.advisor_id,
        "taken_at": at,
    }


def add_demo_photos(first_ro: int) -> int:
    """Photos on a few of this load's open ROs (those from ``first_ro`` on): the first
    damage mark of the newest checked-in cars with damage, and the first concern of the
    newest cars with concerns. Returns how many were written."""
    disc, scratch = prepare(brake_disc()), prepare(bumper_scratch())
    open_ros = (
        RepairOrder.select(
            RepairOrder.id,
            RepairOrder.vehicle,
            RepairOrder.advisor,
            RepairOrder.body_damage,
            RepairOrder.checked_in_at,
        )
        .where(
            (RepairOrder.id >= first_ro)
            & (RepairOrder.status == ROStatus.OPEN)
            & RepairOrder.handed_over_at.is_null()
            & RepairOrder.checked_in_at.is_null(False)
        )
        .order_by(RepairOrder.id.desc())
        .limit(60)
    )
    rows: list[dict[str, object]] = []
    damaged = concerned = 0
    for ro in open_ros:
        at = ro.checked_in_at + dt.timedelta(minutes=3)
        if damaged < MAX_DAMAGE_PHOTOS and json.loads(ro.body_damage or "[]"):
            rows.append(_row(ro, PhotoSubject.DAMAGE, 1, scratch, "划痕 / scratch", at))
            damaged += 1
        if concerned < MAX_CONCERN_PHOTOS:
            concern = (
                Concern.select(Concern.id).where(Concern.ro == ro.id).order_by(Concern.seq).limit(1).scalar()
            )
            if concern is not None:
                rows.append(
                    _row(ro, PhotoSubject.CONCERN, concern, disc, "前制动盘磨损 / worn front disc", at)
                )
                concerned += 1
        if damaged >= MAX_DAMAGE_PHOTOS and concerned >= MAX_CONCERN_PHOTOS:
            break
    if rows:
        Photo.insert_many(rows).execute()
    return len(rows)
