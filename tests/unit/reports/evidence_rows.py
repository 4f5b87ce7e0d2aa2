"""Evidence for the sheets' tests, written as rows (photos, an inspection, signatures) and
read back as the views the sheets print.

Photos and the inspection go through their services. The signature service and the RO
view's ``signatures`` field are another helper's work (issue 18); until they are on main,
this module writes signature rows directly and builds views of the fields the contract
names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import random
from decimal import Decimal
from typing import Any

from PIL import Image, ImageDraw

from advisor.models import Signature
from advisor.services import inspection, photos
from advisor.services.orders import get_ro_view
from advisor.services.users import Actor
from advisor.services.views import AuthorisationView, ChangeRequestView, ROView

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


def signature_png(seed: int = 0, size: tuple[int, int] = (480, 160)) -> bytes:
    """A drawn signature: a few strokes on a transparent background (as the pad renders)."""
    rnd = random.Random(seed)
    img = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    points = [(20 + i * 28, 80 + rnd.randrange(-50, 50)) for i in range(16)]
    draw.line(points, fill=(10, 20, 90, 255), width=4, joint="curve")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def add_signature_row(ro_id: int, act: str, act_id: int | None, *, by: int, signer: str = "张伟") -> int:
    png = signature_png(act_id or 0)
    return int(
        Signature.create(
            ro=ro_id,
            act=act,
            act_id=act_id,
            signer=signer,
            strokes="[]",
            width=480,
            height=160,
            png=png,
            sha256=hashlib.sha256(png).hexdigest(),
            recorded_by=by,
        ).id
    )


# -- views of the rows, by the contract's field names ---------------------------------------
@dataclasses.dataclass(frozen=True)
class SignatureView:
    act: str
    act_id: int | None
    signer: str
    png: bytes
    sha256: str
    signed_at: dt.datetime


@dataclasses.dataclass(frozen=True)
class EvidenceROView(ROView):
    """The RO view with the fields the signature helper appends (until the loader fills them)."""

    signatures: tuple[Any, ...] = ()
    handover_no_signature_reason: str = ""


def view_of(
    ro_id: int, *, handover_reason: str = "", last: dict[str, tuple[str, Decimal | None]] | None = None
) -> ROView:
    """The RO's view with its signatures (and, for ``last``, what the items were at the
    vehicle's previous inspection: item key → rating, measurement)."""
    view = get_ro_view(ro_id)
    signatures = tuple(
        SignatureView(s.act, s.act_id, s.signer, bytes(s.png), s.sha256, s.signed_at)
        for s in Signature.select().where(Signature.ro == ro_id).order_by(Signature.id)
    )
    values = {f.name: getattr(view, f.name) for f in dataclasses.fields(view)}
    values.update(signatures=signatures, handover_no_signature_reason=handover_reason)
    if last and view.inspection is not None:
        results = tuple(
            dataclasses.replace(r, last_rating=last[r.item_key][0], last_measurement=last[r.item_key][1])
            if r.item_key in last
            else r
            for r in view.inspection.results
        )
        values["inspection"] = dataclasses.replace(view.inspection, results=results)
    return EvidenceROView(**values)


@dataclasses.dataclass(frozen=True)
class UnsignedAuthorisation(AuthorisationView):
    no_signature_reason: str = ""


@dataclasses.dataclass(frozen=True)
class UnsignedChange(ChangeRequestView):
    no_signature_reason: str = ""


def _with(record: Any, cls: Any, **values: Any) -> Any:
    fields = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    return cls(**{**fields, **values})


def with_reasons(view: ROView, *, authorisation: str = "", change: str = "") -> ROView:
    """The view with the reasons the customer did not sign each authorisation / change."""
    auths = tuple(
        _with(a, UnsignedAuthorisation, no_signature_reason=authorisation) for a in view.authorisations
    )
    crs = tuple(_with(c, UnsignedChange, no_signature_reason=change) for c in view.change_requests)
    return dataclasses.replace(view, authorisations=auths, change_requests=crs)
