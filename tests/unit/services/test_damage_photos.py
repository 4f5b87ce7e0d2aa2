"""A damage mark's photos stay with that mark when the check-in is saved again: a mark
removed before it renumbers them with it; a mark with photos cannot be removed (its photos
would show another mark), and that refusal changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from advisor.codes import PhotoSubject
from advisor.errors import GateError, ValidationError
from advisor.models import AuditLog, Photo, RepairOrder
from advisor.services import orders, reception
from tests import factories
from tests.snapshot import db_snapshot

SCRATCH = {"zone": "front_bumper", "kind": "scratch", "note": ""}
DENT = {"zone": "front_left_door", "kind": "dent", "note": "fist-sized"}
CHIP = {"zone": "bonnet", "kind": "chip", "note": ""}


def checked_in_with(staff: factories.Staff, marks: list[dict[str, str]]) -> int:
    ro_id = factories.open_checked_in(staff)
    save(staff, ro_id, marks)
    return ro_id


def save(staff: factories.Staff, ro_id: int, marks: list[dict[str, str]]) -> None:
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=marks)


def photo_of(staff: factories.Staff, ro_id: int, mark: int, caption: str) -> int:
    """A stored photo of mark ``mark`` (the photo service is not what is tested here)."""
    ro = RepairOrder.get_by_id(ro_id)
    row: Any = Photo.create(
        ro=ro_id,
        vehicle=ro.vehicle_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=mark,
        jpeg=b"\xff\xd8jpeg",
        thumb=b"\xff\xd8thumb",
        width=4,
        height=3,
        size_bytes=16,
        sha256="0" * 64,
        caption=caption,
        taken_by=staff.advisor.user_id,
    )
    return int(row.id)


def photos(ro_id: int) -> dict[str, int]:
    """caption → the mark its photo is of."""
    return {
        p.caption: p.subject_id
        for p in Photo.select().where(Photo.ro == ro_id, Photo.subject == PhotoSubject.DAMAGE)
    }


def test_removing_a_mark_before_marks_with_photos_keeps_each_photo_with_its_mark(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with(staff, [SCRATCH, DENT, CHIP])
    photo_of(staff, ro_id, 2, "the dent")
    photo_of(staff, ro_id, 3, "the chip")

    save(staff, ro_id, [DENT, CHIP, SCRATCH])  # the scratch removed, then placed again last
    assert photos(ro_id) == {"the dent": 1, "the chip": 2}
    view = orders.get_ro_view(ro_id)
    assert view.body_damage[0]["kind"] == "dent" and view.body_damage[1]["kind"] == "chip"
    entry = AuditLog.select().where(AuditLog.action == "check_in").order_by(AuditLog.id.desc()).first()
    assert '"damage_photos_moved"' in entry.new_json and '"2": 1' in entry.new_json


def test_marks_added_after_or_removed_after_leave_the_photos_where_they_are(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with(staff, [SCRATCH, DENT])
    photo_of(staff, ro_id, 1, "the scratch")
    save(staff, ro_id, [SCRATCH, DENT, CHIP])
    save(staff, ro_id, [SCRATCH, CHIP])  # the dent (no photos) removed
    assert photos(ro_id) == {"the scratch": 1}


def test_a_mark_with_photos_cannot_be_removed_and_nothing_changes(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with(staff, [SCRATCH, DENT])
    photo_of(staff, ro_id, 2, "the dent")
    before = db_snapshot()
    with pytest.raises(GateError) as refused:
        save(staff, ro_id, [SCRATCH, CHIP])  # the dent removed, a chip added in its place
    assert refused.value.en == "Damage mark 2 has photos: remove its photos before removing the mark."
    assert refused.value.zh == "损伤标记 2 已有照片：请先删除这些照片，再删除该标记。"
    assert db_snapshot() == before


def test_a_mark_with_photos_cannot_be_changed_into_another(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with(staff, [SCRATCH])
    photo_of(staff, ro_id, 1, "the scratch")
    before = db_snapshot()
    with pytest.raises(GateError):
        save(staff, ro_id, [{**SCRATCH, "kind": "dent"}])
    assert db_snapshot() == before


def test_too_many_marks_are_refused(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with(staff, [SCRATCH])
    before = db_snapshot()
    with pytest.raises(ValidationError):
        save(staff, ro_id, [CHIP] * (reception.MAX_DAMAGE_MARKS + 1))
    assert db_snapshot() == before
    save(staff, ro_id, [CHIP] * reception.MAX_DAMAGE_MARKS)


def test_a_photo_of_a_mark_another_desk_renumbered_is_refused_and_nothing_saved(staff) -> None:  # type: ignore[no-untyped-def]
    """Desk A shows the scratch, the dent and the chip; desk B removes the scratch and saves;
    desk A, not refreshed yet, adds a photo of "mark 2" (the dent, as its screen shows):
    mark 2 is the chip now, so the photo is refused, not stored on the chip."""
    from advisor.errors import ConflictError
    from advisor.services import photos as photo_service
    from tests import photo_samples

    ro_id = checked_in_with(staff, [SCRATCH, DENT, CHIP])
    shown = [SCRATCH, DENT, CHIP]
    save(staff, ro_id, [DENT, CHIP])  # desk B
    before = db_snapshot()
    for number in (2, 3):  # the chip moved into 2; mark 3 is gone
        with pytest.raises(ConflictError) as refused:
            photo_service.add_photo(
                actor=staff.technician,
                ro_id=ro_id,
                subject=PhotoSubject.DAMAGE,
                subject_id=number,
                data=photo_samples.jpeg(),
                shown_marks=shown[:number],
            )
        assert refused.value.en == (
            f"Damage mark {number} changed at another desk: the photo was not saved. "
            "The page has been refreshed: check which mark is chosen and add the photo again."
        )
        assert refused.value.zh == (
            f"损伤标记 {number} 已在其他工位被修改，照片未保存。页面已刷新，请确认所选标记后再添加照片。"
        )
    assert db_snapshot() == before
    # A note changed on mark 1 is a change too; marks after the chosen one are not looked at.
    save(staff, ro_id, [{**DENT, "note": "two dents"}, CHIP])
    with pytest.raises(ConflictError):
        photo_service.add_photo(
            actor=staff.technician,
            ro_id=ro_id,
            subject=PhotoSubject.DAMAGE,
            subject_id=2,
            data=photo_samples.jpeg(),
            shown_marks=[DENT, CHIP],
        )
    # The refreshed screen: the dent is mark 1 now, and its photo lands on it.
    photo_service.add_photo(
        actor=staff.technician,
        ro_id=ro_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=1,
        data=photo_samples.jpeg(),
        shown_marks=[{**DENT, "note": "two dents"}],
    )
    save(staff, ro_id, [{**DENT, "note": "two dents"}, CHIP, SCRATCH])  # one added after
    photo_service.add_photo(
        actor=staff.technician,
        ro_id=ro_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=1,
        data=photo_samples.jpeg(),
        shown_marks=[{**DENT, "note": "two dents"}, CHIP],  # a screen showing more is fine
    )
    assert sorted(p.subject_id for p in Photo.select().where(Photo.ro == ro_id)) == [1, 1]
