"""Photos of the car on a repair order (issue 18): added from a file, dropped in or taken
with a camera; shown as thumbnails, opened large; kept in the database.

A photo shows one thing of its RO (``PhotoSubject``): an inspection result of the RO's
inspection, a damage mark of its check-in (its index in ``body_damage``, from 1), a concern
or its diagnosis finding, a change request. Each RO's photos fit in a budget (setting
``photo_budget_mb``), checked under the RO's row lock so that two desks adding at once never
pass it. Lists read the thumbnails only; the large JPEG is read one photo at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import peewee

from advisor import photos as images
from advisor import validation
from advisor.codes import PhotoSource, PhotoSubject, ROStatus
from advisor.db import is_postgres
from advisor.errors import ConflictError, GateError, NotFound, ValidationError
from advisor.models import (
    ChangeRequest,
    Concern,
    Inspection,
    InspectionResult,
    Photo,
    RepairOrder,
    User,
    now,
)
from advisor.photos import MAX_INPUT_BYTES, MiB
from advisor.services._base import Actor, get_ro, log, service
from advisor.services.opchanges import Kind
from advisor.services.settings import get_setting
from advisor.services.views import PhotoFullView, PhotoThumbView, PhotoUsage

__all__ = [
    "MAX_INPUT_BYTES",
    "PhotoFullView",
    "PhotoThumbView",
    "PhotoUsage",
    "add_photo",
    "caption_photo",
    "check_file_size",
    "first_photo_of",
    "photos_of",
    "read_photo",
    "read_photo_usage",
    "read_photos",
    "remove_photo",
]

CAPTION_LIMIT = 500

# What a list reads: everything but the large JPEG (``Photo.jpeg``), which only ``read_photo``
# and ``photos_of(full=True)`` fetch.
_THUMB_COLUMNS = (
    Photo.id,
    Photo.ro,
    Photo.subject,
    Photo.subject_id,
    Photo.thumb,
    Photo.width,
    Photo.height,
    Photo.caption,
    User.display_name,
    Photo.taken_at,
)
_FULL_COLUMNS = (*_THUMB_COLUMNS, Photo.jpeg, Photo.sha256, Photo.source)


def _thumb(row: Sequence[Any]) -> PhotoThumbView:
    pid, ro_id, subject, subject_id, thumb, width, height, caption, who, at = row[:10]
    return PhotoThumbView(pid, ro_id, subject, subject_id, bytes(thumb), width, height, caption, who, at)


def _full(row: Sequence[Any]) -> PhotoFullView:
    t = _thumb(row)
    jpeg, sha256, source = row[10:13]
    return PhotoFullView(
        t.id,
        t.ro_id,
        t.subject,
        t.subject_id,
        t.thumb,
        t.width,
        t.height,
        t.caption,
        t.taken_by,
        t.taken_at,
        bytes(jpeg),
        sha256,
        source,
    )


def _select(columns: Sequence[Any]) -> peewee.ModelSelect:
    return Photo.select(*columns).join(User, on=(Photo.taken_by == User.id)).order_by(Photo.id)


# -- the rules -------------------------------------------------------------------------------


def _locked_ro(ro_id: int) -> RepairOrder:
    """The RO, its row locked until the transaction ends (PostgreSQL; SQLite's write
    transaction holds the whole database): the budget check and the insert of one desk
    happen before the other desk's check."""
    if is_postgres():
        ro = RepairOrder.select().where(RepairOrder.id == ro_id).for_update().first()
        if ro is None:
            return get_ro(ro_id)  # raises NotFound
        return ro
    return get_ro(ro_id)


def _check_open(ro: RepairOrder) -> None:
    if ro.status != ROStatus.OPEN or ro.handed_over_at is not None:
        raise GateError(
            f"Repair order {ro.number} is handed over: its photos are kept as they were.",
            f"工单 {ro.number} 已交车，照片保持交车时的状态，不能再增删。",
        )


def _no_subject(subject: str, subject_id: int | None) -> NotFound:
    what = PhotoSubject(subject)
    return NotFound(
        f"{what.en} #{subject_id} is not part of this repair order: the photo was not saved.",
        f"{what.zh} #{subject_id} 不属于此工单，照片未保存。",
    )


def _check_subject(ro: RepairOrder, subject: str, subject_id: int | None) -> None:
    """The photo shows something of this RO: refuse a subject of another RO, or none."""
    validation.choice(subject, PhotoSubject.values(), ("What the photo shows", "照片内容"))
    if subject_id is None:
        raise ValidationError(
            "Say what the photo shows (which item, mark, concern or change).",
            "请说明照片拍的是什么（哪个项目、损伤、诉求或变更）。",
            field="subject_id",
        )
    if subject == PhotoSubject.DAMAGE:
        marks = json.loads(ro.body_damage or "[]")
        found = 1 <= subject_id <= len(marks)
    elif subject == PhotoSubject.INSPECTION:
        found = (
            InspectionResult.select()
            .join(Inspection)
            .where((InspectionResult.id == subject_id) & (Inspection.ro == ro.id))
            .exists()
        )
    elif subject in (PhotoSubject.CONCERN, PhotoSubject.FINDING):
        found = Concern.select().where((Concern.id == subject_id) & (Concern.ro == ro.id)).exists()
    else:  # PhotoSubject.CHANGE
        found = (
            ChangeRequest.select()
            .where((ChangeRequest.id == subject_id) & (ChangeRequest.ro == ro.id))
            .exists()
        )
    if not found:
        raise _no_subject(subject, subject_id)


_MARK_FIELDS = ("zone", "kind", "note")


def _check_marks_shown(ro: RepairOrder, subject_id: int, shown: Sequence[Mapping[str, str]]) -> None:
    """The damage marks 1..``subject_id`` stored are those the screen showed (zone, kind,
    note): a mark removed before this one at another desk renumbered the rest, and mark n
    is now another mark — its photo would show the wrong damage."""
    stored = json.loads(ro.body_damage or "[]")[:subject_id]
    seen = list(shown)[:subject_id]

    def key(mark: Mapping[str, object]) -> tuple[str, ...]:
        return tuple(str(mark.get(f, "") or "") for f in _MARK_FIELDS)

    if len(seen) != len(stored) or [key(m) for m in seen] != [key(m) for m in stored]:
        raise ConflictError(
            f"Damage mark {subject_id} changed at another desk: the photo was not saved. "
            "The page has been refreshed: check which mark is chosen and add the photo again.",
            f"损伤标记 {subject_id} 已在其他工位被修改，照片未保存。页面已刷新，请确认所选标记后再添加照片。",
        )


def _used_bytes(ro_id: int) -> tuple[int, int]:
    count, used = (
        Photo.select(peewee.fn.COUNT(Photo.id), peewee.fn.COALESCE(peewee.fn.SUM(Photo.size_bytes), 0))
        .where(Photo.ro == ro_id)
        .tuples()
        .get()
    )
    return int(count), int(used)


def _budget_bytes() -> int:
    return int(get_setting("photo_budget_mb")) * MiB


def _mb(n: int) -> str:
    return f"{n / MiB:.1f}"


def check_file_size(size: int) -> None:
    """Refuse (bilingual ``ValidationError``) a file of ``size`` bytes before it is read: an
    empty one, or one over ``MAX_INPUT_BYTES``. A pure check of a value, for the screens."""
    images.check_size(size)


# -- the services ------------------------------------------------------------------------------


@service("photo.add", changes=Kind.EVIDENCE)
def add_photo(
    *,
    actor: Actor,
    ro_id: int,
    subject: str,
    subject_id: int | None,
    data: bytes,
    source: str = "file",
    caption: str = "",
    shown_marks: Sequence[Mapping[str, str]] | None = None,
) -> int:
    """Add a photo of ``subject`` #``subject_id`` to the RO (a ``PhotoSubject``; the
    damage mark's index from 1). The picture is turned upright, downscaled to at most
    1600 px and stored as JPEG without metadata, with its thumbnail. Refused: bad image
    data, a subject not of this RO, an RO handed over, the RO's photo budget passed.

    ``shown_marks`` (a damage mark): the RO's marks as the screen showed them, at least up
    to this one (zone, kind, note); refused (``ConflictError``) when the stored marks 1..n
    differ — another desk removed or changed one and mark n is no longer the one the
    person chose. Returns the photo's id."""
    validation.choice(source, PhotoSource.values(), ("Source", "来源"))
    text = validation.clean_text(caption, limit=CAPTION_LIMIT).strip()
    if not isinstance(data, (bytes, bytearray)):
        raise ValidationError("The photo's data is missing.", "缺少照片数据。", field="photo")
    validation.choice(subject, PhotoSubject.values(), ("What the photo shows", "照片内容"))
    # The picture is read before the RO's row is locked (PostgreSQL): another desk adding a
    # photo to this RO waits for the check and the insert only, not for the decoding.
    prepared = images.prepare(bytes(data))
    ro = _locked_ro(ro_id)
    _check_open(ro)
    if subject == PhotoSubject.DAMAGE and shown_marks is not None and subject_id is not None:
        _check_marks_shown(ro, subject_id, shown_marks)  # before: "mark 3 is gone" is a change too
    _check_subject(ro, subject, subject_id)
    count, used = _used_bytes(ro.id)
    budget = _budget_bytes()
    if used + prepared.size_bytes > budget:
        left = max(0, budget - used)
        raise GateError(
            f"Repair order {ro.number} has {_mb(left)} MB of photo room left and this photo needs "
            f"{_mb(prepared.size_bytes)} MB: its photos may take {_mb(budget)} MB (the budget; "
            f"{count} photos take {_mb(used)} MB now). "
            "Remove a photo you no longer need, or ask the manager to raise the budget.",
            f"工单 {ro.number} 的照片空间仅剩 {_mb(left)} MB，这张照片需要 {_mb(prepared.size_bytes)} MB"
            f"（容量上限 {_mb(budget)} MB，现有 {count} 张照片占用 {_mb(used)} MB）。"
            "请删除不再需要的照片，或请经理调高上限。",
        )
    photo = Photo.create(
        ro=ro.id,
        vehicle=ro.vehicle_id,
        subject=subject,
        subject_id=subject_id,
        jpeg=prepared.jpeg,
        thumb=prepared.thumb,
        print_jpeg=prepared.print_jpeg or None,
        width=prepared.width,
        height=prepared.height,
        size_bytes=prepared.size_bytes,
        sha256=prepared.sha256,
        caption=text,
        source=source,
        taken_by=actor.user_id,
        taken_at=now(),
    )
    log(
        actor,
        "photo",
        photo.id,
        "add_photo",
        new={
            "subject": subject,
            "subject_id": subject_id,
            "sha256": prepared.sha256,
            "size_bytes": prepared.size_bytes,
            "width": prepared.width,
            "height": prepared.height,
            "source": source,
            "caption": text,
        },
        ro_id=ro.id,
    )
    return int(photo.id)


@service("photo.remove", changes=Kind.EVIDENCE)
def remove_photo(*, actor: Actor, photo_id: int) -> None:
    """Remove a photo (its hash and size stay in the audit row). Refused once the RO is
    handed over."""
    found = Photo.select(Photo.id, Photo.ro).where(Photo.id == photo_id).first()
    if found is None:
        raise NotFound(f"Photo #{photo_id} does not exist.", f"照片 #{photo_id} 不存在。")
    ro = _locked_ro(found.ro_id)
    _check_open(ro)
    photo = (
        Photo.select(Photo.id, Photo.subject, Photo.subject_id, Photo.sha256, Photo.size_bytes, Photo.caption)
        .where(Photo.id == photo_id)
        .first()
    )
    if photo is None:  # removed by another desk meanwhile
        raise NotFound(f"Photo #{photo_id} does not exist.", f"照片 #{photo_id} 不存在。")
    Photo.delete().where(Photo.id == photo_id).execute()
    log(
        actor,
        "photo",
        photo_id,
        "remove_photo",
        old={
            "subject": photo.subject,
            "subject_id": photo.subject_id,
            "sha256": photo.sha256,
            "size_bytes": photo.size_bytes,
            "caption": photo.caption,
        },
        ro_id=ro.id,
    )


@service("photo.add", changes=Kind.EVIDENCE)
def caption_photo(*, actor: Actor, photo_id: int, caption: str) -> None:
    """Say what the photo shows ("left front disc, 21.4 mm"), or clear it with "". Refused
    once the RO is handed over."""
    text = validation.clean_text(caption, limit=CAPTION_LIMIT).strip()
    found = Photo.select(Photo.id, Photo.ro, Photo.caption).where(Photo.id == photo_id).first()
    if found is None:
        raise NotFound(f"Photo #{photo_id} does not exist.", f"照片 #{photo_id} 不存在。")
    ro = _locked_ro(found.ro_id)
    _check_open(ro)
    if text == found.caption:
        return
    Photo.update(caption=text).where(Photo.id == photo_id).execute()
    log(
        actor,
        "photo",
        photo_id,
        "caption_photo",
        old={"caption": found.caption},
        new={"caption": text},
        ro_id=ro.id,
    )


@service("ro.view", read=True)
def read_photos(
    *, actor: Actor, ro_id: int, subject: str | None = None, subject_id: int | None = None
) -> list[PhotoThumbView]:
    """The RO's photos (of one subject, or one subject's one record), oldest first, as
    thumbnails (the large JPEG is not read)."""
    return list(photos_of(ro_id, subject, None if subject_id is None else [subject_id]))


@service("ro.view", read=True)
def read_photo(*, actor: Actor, photo_id: int) -> PhotoFullView:
    """One photo with its large JPEG (the viewer)."""
    row = _select(_FULL_COLUMNS).where(Photo.id == photo_id).tuples().first()
    if row is None:
        raise NotFound(f"Photo #{photo_id} does not exist.", f"照片 #{photo_id} 不存在。")
    return _full(row)


@service("ro.view", read=True)
def read_photo_usage(*, actor: Actor, ro_id: int) -> PhotoUsage:
    """How many photos the RO holds, the bytes they take and its budget."""
    count, used = _used_bytes(ro_id)
    return PhotoUsage(count, used, _budget_bytes())


def photos_of(
    ro_id: int,
    subject: str | None = None,
    subject_ids: Iterable[int] | None = None,
    *,
    full: bool = False,
) -> list[PhotoFullView] | list[PhotoThumbView]:
    """The RO's photos, oldest first, for other services and the sheets (no actor):
    thumbnails, or with ``full`` the large JPEGs too. ``subject_ids`` narrows to those
    records of ``subject``."""
    query = _select(_FULL_COLUMNS if full else _THUMB_COLUMNS).where(Photo.ro == ro_id)
    if subject is not None:
        query = query.where(Photo.subject == subject)
    if subject_ids is not None:
        ids = list(subject_ids)
        if not ids:
            return []
        query = query.where(Photo.subject_id.in_(ids))
    rows = cast(Iterable[Sequence[Any]], query.tuples())
    if full:
        return [_full(r) for r in rows]
    return [_thumb(r) for r in rows]


def first_photo_of(vehicle_id: int, subject: str, subject_id: int) -> PhotoThumbView | None:
    """The first photo of ``subject`` #``subject_id`` among the vehicle's photos (any of
    its ROs): declined work shown again at a later visit with its photo."""
    row = (
        _select(_THUMB_COLUMNS)
        .where((Photo.vehicle == vehicle_id) & (Photo.subject == subject) & (Photo.subject_id == subject_id))
        .limit(1)
        .tuples()
        .first()
    )
    return None if row is None else _thumb(row)
