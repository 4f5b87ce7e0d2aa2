"""What a printed sheet needs besides the RO view: the photos it prints (issue 18).

The check-in sheet prints the damage marks' photos and the reception inspection's; the
health report the inspection's. ``read_sheet_photos`` reads only those (the other sheets
print none: printing them never loads a photo), full size, for ``reports.sheets.render``.
"""

from __future__ import annotations

from advisor.codes import PhotoSubject
from advisor.services._base import Actor, service
from advisor.services.photos import photos_of
from advisor.services.views import PhotoFullView

# The photos each sheet prints, by subject.
SHEET_PHOTOS: dict[str, tuple[str, ...]] = {
    "checkin": (PhotoSubject.DAMAGE, PhotoSubject.INSPECTION),
    "health": (PhotoSubject.INSPECTION,),
}


def sheet_photos(ro_id: int, kind: str) -> list[PhotoFullView]:
    """The RO's photos the sheet ``kind`` prints, full size, oldest first by subject."""
    found: list[PhotoFullView] = []
    for subject in SHEET_PHOTOS.get(kind, ()):
        found += [p for p in photos_of(ro_id, subject, full=True) if isinstance(p, PhotoFullView)]
    return found


@service("ro.view", read=True)
def read_sheet_photos(*, actor: Actor, ro_id: int, kind: str) -> list[PhotoFullView]:
    """``sheet_photos`` as ``actor`` prints the sheet: the photos it prints, full size."""
    return sheet_photos(ro_id, kind)
