"""Evidence for the sheets' tests, written as rows (photos, an inspection, signatures) and
read back as the views the sheets print.

Photos go through the photo service. The inspection and signature services and the RO
view's ``inspection`` and ``signatures`` fields are other helpers' work (issue 18); until
they are on main, this module writes those rows directly and builds views of the fields
the contract names.
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

from advisor.models import Inspection, InspectionResult, Photo, RepairOrder, Signature, User, now
from advisor.services import photos
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


# (key, group, English, Chinese, unit, rating, measurement, note)
ITEMS: list[tuple[str, str, str, str, str, str, str | None, str]] = [
    (
        "tyre_fl",
        "tyres",
        "Tyre tread, front left",
        "左前轮胎花纹深度",
        "mm",
        "yellow",
        "3.2",
        "Wearing on the inside",
    ),
    ("tyre_fr", "tyres", "Tyre tread, front right", "右前轮胎花纹深度", "mm", "green", "6.5", ""),
    (
        "brake_disc_f",
        "brakes",
        "Front brake discs",
        "前制动盘",
        "mm",
        "red",
        "22.4",
        "Scored, below the minimum",
    ),
    ("brake_pad_f", "brakes", "Front brake pads", "前制动片", "mm", "red", "2.0", "Metal on metal soon"),
    ("wipers", "visibility", "Wiper blades", "雨刮片", "", "yellow", None, "Streaking"),
    ("lights", "visibility", "Lights", "灯光", "", "green", None, ""),
    ("battery", "electrical", "Battery test", "蓄电池检测", "V", "green", "12.6", ""),
    ("hv_isolation", "electrical", "HV isolation", "高压绝缘", "", "na", None, ""),
]


def inspect(ro_id: int, *, by: int, stage: str = "reception", recommendation: str = "") -> dict[str, int]:
    """An inspection with ``ITEMS`` rated; the result ids by item key."""
    ro = RepairOrder.get_by_id(ro_id)
    insp = Inspection.create(
        ro=ro_id,
        vehicle=ro.vehicle_id,
        vehicle_kind="car",
        stage=stage,
        started_by=by,
        finished_by=by,
        finished_at=now(),
        recommendation=recommendation,
    )
    ids = {}
    for seq, (key, group, en, zh, unit, rating, m, note) in enumerate(ITEMS, 1):
        ids[key] = InspectionResult.create(
            inspection=insp,
            item_key=key,
            seq=seq,
            group=group,
            name_en=en,
            name_zh=zh,
            unit=unit,
            rating=rating,
            measurement=Decimal(m) if m else None,
            note=note,
            rated_by=by,
            rated_at=now(),
        ).id
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
class ResultView:
    id: int
    item_key: str
    seq: int
    group: str
    name_en: str
    name_zh: str
    unit: str
    rating: str
    measurement: Decimal | None
    note: str
    rated_by: str
    rated_at: dt.datetime | None
    line_id: int | None
    change_request_id: int | None
    photo_count: int
    last_rating: str
    last_measurement: Decimal | None


@dataclasses.dataclass(frozen=True)
class InspectionView:
    id: int
    ro_id: int
    vehicle_kind: str
    stage: str
    started_by: str
    started_at: dt.datetime
    finished_by: str
    finished_at: dt.datetime | None
    recommendation: str
    version: int
    results: tuple[ResultView, ...]


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
    """The RO view with the fields issue 18 appends (until the view loader fills them)."""

    inspection: Any = None
    signatures: tuple[Any, ...] = ()
    handover_no_signature_reason: str = ""


def _name(user_id: int | None) -> str:
    return str(User.get_by_id(user_id).display_name) if user_id else ""


def inspection_of(
    ro_id: int, last: dict[str, tuple[str, Decimal | None]] | None = None
) -> InspectionView | None:
    insp = Inspection.get_or_none(Inspection.ro == ro_id)
    if insp is None:
        return None
    counts: dict[int, int] = {}
    for p in Photo.select().where((Photo.ro == ro_id) & (Photo.subject == "inspection")):
        counts[p.subject_id] = counts.get(p.subject_id, 0) + 1
    last = last or {}
    results = tuple(
        ResultView(
            r.id,
            r.item_key,
            r.seq,
            r.group,
            r.name_en,
            r.name_zh,
            r.unit,
            r.rating,
            r.measurement,
            r.note,
            _name(r.rated_by_id),
            r.rated_at,
            r.line,
            r.change_request,
            counts.get(r.id, 0),
            last.get(r.item_key, ("", None))[0],
            last.get(r.item_key, ("", None))[1],
        )
        for r in InspectionResult.select()
        .where(InspectionResult.inspection == insp)
        .order_by(InspectionResult.seq)
    )
    return InspectionView(
        insp.id,
        ro_id,
        insp.vehicle_kind,
        insp.stage,
        _name(insp.started_by_id),
        insp.started_at,
        _name(insp.finished_by_id),
        insp.finished_at,
        insp.recommendation,
        insp.version,
        results,
    )


def view_of(ro_id: int, *, handover_reason: str = "", **kw: Any) -> ROView:
    """The RO's view with its inspection and signatures."""
    view = get_ro_view(ro_id)
    signatures = tuple(
        SignatureView(s.act, s.act_id, s.signer, bytes(s.png), s.sha256, s.signed_at)
        for s in Signature.select().where(Signature.ro == ro_id).order_by(Signature.id)
    )
    values = {f.name: getattr(view, f.name) for f in dataclasses.fields(view)}
    values.update(
        inspection=inspection_of(ro_id, **kw),
        signatures=signatures,
        handover_no_signature_reason=handover_reason,
    )
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
