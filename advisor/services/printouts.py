"""What a printed sheet needs besides the RO view: the photos it prints (issue 18).

The check-in sheet prints the damage marks' photos and the reception inspection's; the
health report the inspection's. ``read_sheet_photos`` reads only those, and of each only
its print copy (``Photo.print_jpeg``, ≤ 640 px; the stored photo for one added before the
copies were made, which the sheet then resizes): the other sheets print none, so
printing them never loads a photo.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from advisor.codes import PhotoSubject
from advisor.models import Photo
from advisor.services._base import Actor, service

# The photos each sheet prints, by subject.
SHEET_PHOTOS: dict[str, tuple[str, ...]] = {
    "checkin": (PhotoSubject.DAMAGE, PhotoSubject.INSPECTION),
    "health": (PhotoSubject.INSPECTION,),
}


@dataclass(frozen=True)
class PrintPhotoView:
    """A photo as a sheet prints it: what it shows, its caption and the picture to embed."""

    id: int
    subject: str
    subject_id: int | None
    caption: str
    jpeg: bytes  # the print copy (or, for an old photo without one, the stored photo)


def sheet_photos(ro_id: int, kind: str) -> list[PrintPhotoView]:
    """The RO's photos the sheet ``kind`` prints, oldest first."""
    subjects = SHEET_PHOTOS.get(kind, ())
    if not subjects:
        return []
    picture = peewee.fn.COALESCE(Photo.print_jpeg, Photo.jpeg)
    query = (
        Photo.select(Photo.id, Photo.subject, Photo.subject_id, Photo.caption, picture)
        .where((Photo.ro == ro_id) & Photo.subject.in_(list(subjects)))
        .order_by(Photo.id)
        .tuples()
    )
    return [PrintPhotoView(i, s, sid, caption, bytes(data)) for i, s, sid, caption, data in query]


@service("ro.view", read=True)
def read_sheet_photos(*, actor: Actor, ro_id: int, kind: str) -> list[PrintPhotoView]:
    """``sheet_photos`` as ``actor`` prints the sheet."""
    return sheet_photos(ro_id, kind)
