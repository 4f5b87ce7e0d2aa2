"""Evidence for the sheets' tests: photo-like pictures and a rated inspection, through the
photo and inspection services."""

from __future__ import annotations

import dataclasses
import io
import random
from decimal import Decimal

from PIL import Image, ImageDraw

from advisor.services import inspection, photos
from advisor.services.orders import get_ro_view
from advisor.services.users import Actor
from advisor.services.views import ROView

MAX_SIDE = 1600  # what the photo service stores (advisor.photos.MAX_SIDE)


def noisy_jpeg(width: int, height: int, seed: int = 0, quality: int = 90) -> bytes:
    """A photo-like JPEG: a gradient, a few shapes and sensor noise (compresses like a
    photo, not like a flat test card)."""
    rnd = random.Random(seed)
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(base)
    for _ in range(12):
        x, y = rnd.randrange(width), rnd.randrange(height)
        r = rnd.randrange(width // 20 + 1, width // 5 + 2)
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    img = Image.blend(base, noise, 0.25)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality)
    return out.getvalue()


def add_photo_row(
    ro_id: int, subject: str, subject_id: int | None, data: bytes, *, actor: Actor, caption: str = ""
) -> int:
    """A photo added as a desk adds it (the photo service: downscaled, budget checked)."""
    return photos.add_photo(
        actor=actor, ro_id=ro_id, subject=subject, subject_id=subject_id, data=data, caption=caption
    )


# How the tests find the car: item key → (rating, measurement, note); every other item green.
FOUND: dict[str, tuple[str, str | None, str]] = {
    "tread_fl": ("yellow", "3.2", "Wearing on the inside"),
    "tread_fr": ("green", "6.5", ""),
    "discs_front": ("red", "22.4", "Scored, below the minimum"),
    "pads_front": ("red", "2.0", "Metal on metal soon"),
    "wipers": ("yellow", None, "Streaking"),
    "battery_voltage": ("green", "12.6", ""),
    "spare_tools": ("na", None, ""),
}


def inspect(
    ro_id: int, *, actor: Actor, stage: str = "reception", recommendation: str = "", rate: bool = True
) -> dict[str, int]:
    """The RO's inspection through the inspection service, every item rated (``FOUND``,
    else green) unless not ``rate``; the result ids by item key."""
    inspection.start_inspection(actor=actor, ro_id=ro_id, stage=stage)
    view = inspection.inspection_of(ro_id)
    assert view is not None
    ids = {r.item_key: r.id for r in view.results}
    if rate:
        for key, result_id in ids.items():
            rating, measured, note = FOUND.get(key, ("green", None, ""))
            inspection.rate_item(
                actor=actor, result_id=result_id, rating=rating, measurement=measured, note=note
            )
    if recommendation:
        inspection.set_recommendation(actor=actor, ro_id=ro_id, text=recommendation)
    return ids


def view_of(ro_id: int, *, last: dict[str, tuple[str, Decimal | None]] | None = None) -> ROView:
    """The RO's view; with ``last``, what the items were at the vehicle's previous
    inspection (item key → rating, measurement), as if there had been one."""
    view = get_ro_view(ro_id)
    if not last or view.inspection is None:
        return view
    results = tuple(
        dataclasses.replace(r, last_rating=last[r.item_key][0], last_measurement=last[r.item_key][1])
        if r.item_key in last
        else r
        for r in view.inspection.results
    )
    return dataclasses.replace(view, inspection=dataclasses.replace(view.inspection, results=results))
