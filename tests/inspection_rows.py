"""Inspections written as rows, for the findings' tests (issue 18).

Written straight into the models of ``advisor/models/evidence.py`` (the inspection's own
service is another part of the issue): an ``Inspection`` on the RO, its items as
``InspectionItem`` rows of the vehicle's kind (so a finding finds its canned job) and one
``InspectionResult`` each, rated; photos as small real JPEGs (Pillow) with thumbnails.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from advisor.models import Inspection, InspectionItem, InspectionResult, Photo, RepairOrder, now


@dataclass(frozen=True)
class Item:
    key: str
    name_en: str
    name_zh: str
    rating: str  # "" | green | yellow | red | na
    canned_job: str = ""
    unit: str = ""
    measurement: str | None = None
    note: str = ""
    photos: int = 0


# A worn front pad (its canned job: labour and the pads), a cracked wiper (one priced
# line), a tyre at the legal limit (yellow), a good battery and an n/a item.
ITEMS = (
    Item("brake_pads_front", "Front brake pads", "前刹车片", "red", "BRAKE-F", "mm", "2.0", "Worn to 2 mm", 1),
    Item("wipers", "Wiper blades", "雨刮片", "red", note="Cracked, streaks", photos=1),
    Item("tyre_fl", "Tyre tread, front left", "左前轮胎花纹", "yellow", unit="mm", measurement="3.0"),
    Item("battery", "Battery test", "蓄电池检测", "green"),
    Item("tow_hitch", "Tow hitch", "拖车钩", "na"),
    Item("cabin_filter", "Cabin filter", "空调滤芯", ""),
)  # fmt: skip


def jpeg(colour: tuple[int, int, int] = (200, 40, 40), size: tuple[int, int] = (64, 48)) -> bytes:
    """A small real JPEG of one colour (the photos' and thumbnails' bytes)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=70)
    return out.getvalue()


def add_photo(ro_id: int, result_id: int, taken_by: int, colour: tuple[int, int, int] = (200, 40, 40)) -> int:
    """One photo of an inspection item (as the photos' service stores one)."""
    ro = RepairOrder.get_by_id(ro_id)
    big, small = jpeg(colour, (160, 120)), jpeg(colour, (64, 48))
    return int(
        Photo.create(
            ro=ro_id,
            vehicle=ro.vehicle_id,
            subject="inspection",
            subject_id=result_id,
            jpeg=big,
            thumb=small,
            width=160,
            height=120,
            size_bytes=len(big) + len(small),
            sha256=hashlib.sha256(big).hexdigest(),
            caption="",
            source="file",
            taken_by=taken_by,
            taken_at=now(),
        ).id
    )


def inspect(ro_id: int, by_user: int, items: tuple[Item, ...] = ITEMS) -> dict[str, int]:
    """The RO's inspection with ``items`` rated (and their photos); result ids by key."""
    ro = RepairOrder.get_by_id(ro_id)
    kind = ro.vehicle.kind or "car"
    inspection = Inspection.create(
        ro=ro_id, vehicle=ro.vehicle_id, vehicle_kind=kind, stage="reception", started_by=by_user
    )
    ids: dict[str, int] = {}
    for seq, item in enumerate(items, start=1):
        InspectionItem.get_or_create(
            vehicle_kind=kind,
            key=item.key,
            defaults={
                "seq": seq,
                "name_en": item.name_en,
                "name_zh": item.name_zh,
                "unit": item.unit,
                "canned_job": item.canned_job,
            },
        )
        result = InspectionResult.create(
            inspection=inspection.id,
            item_key=item.key,
            seq=seq,
            name_en=item.name_en,
            name_zh=item.name_zh,
            unit=item.unit,
            rating=item.rating,
            measurement=item.measurement,
            note=item.note,
            rated_by=by_user if item.rating else None,
            rated_at=now() if item.rating else None,
        )
        ids[item.key] = int(result.id)
        for n in range(item.photos):
            add_photo(ro_id, result.id, by_user, (200 - 40 * n, 40, 40))
    return ids
