"""Evidence on the sheets: photos sized for print, the car outline with its numbered damage
marks, and the customer's drawn signature (issue 18).

What the sheets read of a photo is written down here as a protocol (read-only
attributes): ``printouts.PrintPhotoView`` and ``PhotoFullView`` both print.

Photos are stored at up to 1600 px (``advisor.photos.MAX_SIDE``); printed at most ~60 mm
wide, they need no more than ``PRINT_SIDE`` (640) pixels: ≈ 290 dpi at 56 mm, the width
of a photo in the three-column grid. Each photo's print copy (``Photo.print_jpeg``, JPEG
quality 78, ~20–40 kB) is made once when it is added and embedded as it is, so a report
of 40 photos resizes none and weighs ~1 MB instead of ~10 MB; a photo stored before the
copies existed is resized here while printing.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from PIL import Image as PILImage
from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from advisor import car_zones
from advisor.photos import PRINT_QUALITY, PRINT_SIDE  # the print copy's size and quality
from advisor.services.views import InspectionResultView, SignatureView
from reports.pdf_base import CONTENT_W, FONT, GRID, MUTED, STYLES, Sheet, paragraphs

PHOTO_COLUMNS = 3
PHOTO_GAP = 4 * mm


# -- what the sheets read of the services' views -------------------------------------------
class PhotoLike(Protocol):
    """``PhotoFullView`` as far as a sheet reads it."""

    @property
    def id(self) -> int: ...
    @property
    def subject(self) -> str: ...
    @property
    def subject_id(self) -> int | None: ...
    @property
    def jpeg(self) -> bytes: ...
    @property
    def caption(self) -> str: ...


def result_name(result: InspectionResultView, lang: str) -> str:
    return result.name_zh if lang.startswith("zh") else result.name_en


# -- photos --------------------------------------------------------------------------------
def print_jpeg(data: bytes, side: int = PRINT_SIDE) -> tuple[bytes, int, int]:
    """A stored photo as printed: its longer side at most ``side`` px, JPEG; with its size.

    A photo already small enough is kept as it is (no second loss of quality). The
    stored photos are upright already (``advisor.photos.prepare``), without EXIF."""
    with PILImage.open(io.BytesIO(data)) as img:
        w, h = img.size
        if max(w, h) <= side and img.format == "JPEG" and img.mode in ("RGB", "L"):
            return data, w, h
        k = side / max(w, h)
        # JPEG: decode straight at 1/2, 1/4 … of the size when that is still large enough
        img.draft("RGB", (max(1, round(w * k)), max(1, round(h * k))))
        small = img.convert("RGB")
    if max(small.size) > side:
        small.thumbnail((side, side), PILImage.Resampling.BILINEAR)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=PRINT_QUALITY)
    return out.getvalue(), small.width, small.height


def print_copies(photos: Sequence[bytes]) -> list[tuple[bytes, int, int]]:
    """``print_jpeg`` of each photo, several at once (Pillow decodes and encodes without
    holding the GIL: a report of 40 photos uses every core)."""
    if len(photos) < 2:
        return [print_jpeg(p) for p in photos]
    with ThreadPoolExecutor(max_workers=min(len(photos), os.cpu_count() or 1, 4)) as pool:
        return list(pool.map(print_jpeg, photos))


def photo_image(sheet: Sheet, copy: tuple[bytes, int, int], max_w: float, max_h: float) -> Image:
    """The print copy of a photo as a flowable fitting ``max_w`` × ``max_h`` points, in
    proportion. It is drawn from a ``.jpg`` file in the sheet's scratch folder: reportlab
    embeds a JPEG file as it is, where from memory it would decode it to hash its pixels."""
    jpeg, w, h = copy
    path = sheet.scratch() / f"{uuid.uuid4().hex}.jpg"
    path.write_bytes(jpeg)
    scale = min(max_w / w, max_h / h)
    return Image(str(path), width=w * scale, height=h * scale)


def photo_grid(
    sheet: Sheet, items: Sequence[tuple[PhotoLike, str]], *, columns: int = PHOTO_COLUMNS
) -> list[Flowable]:
    """Photos in a grid of ``columns``, each with its caption below it; a row never splits
    (a photo and its caption stay together)."""
    if not items:
        return []
    cell_w = (CONTENT_W - (columns - 1) * PHOTO_GAP) / columns
    img_h = cell_w * 0.75
    copies = print_copies([photo.jpeg for photo, _caption in items])
    rows: list[list[object]] = []
    for i in range(0, len(items), columns):
        row: list[object] = []
        for k, (photo, caption) in enumerate(items[i : i + columns]):
            image = photo_image(sheet, copies[i + k], cell_w, img_h)
            image.hAlign = "LEFT"
            # every photo in a box of the same height: the captions of a row line up
            parts: list[Flowable] = [image, Spacer(1, img_h - image.drawHeight + 1)]
            text = sheet.plain(caption)
            if photo.caption and photo.caption not in caption:
                text += f" — {sheet.plain(photo.caption)}"
            parts += paragraphs(text, STYLES["small"], cell_w)
            row.append(parts)
        row += [""] * (columns - len(row))
        rows.append(row)
    widths: list[float] = []
    for c in range(columns):
        widths.append(cell_w)
        if c < columns - 1:
            widths.append(PHOTO_GAP)
    body = [
        [x for c, value in enumerate(r) for x in ((value, "") if c < columns - 1 else (value,))] for r in rows
    ]
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8),  # (an empty cell names a font too)
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return [Table(body, colWidths=widths, style=style, hAlign="LEFT")]


# -- the car outline -----------------------------------------------------------------------
MARK_FILL = colors.HexColor("#e53935")
BODY_STROKE = colors.HexColor("#37474f")
BODY_FILL = colors.HexColor("#eceff1")
ZONE_STROKE = colors.HexColor("#78909c")
WHEEL_FILL = colors.HexColor("#263238")


def car_outline(sheet: Sheet, zones: Sequence[str], width: float = 46 * mm) -> Drawing:
    """The car from above with its numbered damage marks, as the reception page draws it
    (``advisor.car_zones``): the front at the top, "▲ front" above it."""
    s = width / car_zones.MODEL_W
    top = 5 * mm  # room for the "front" label
    height = car_zones.MODEL_H * s + top
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)  # (else Helvetica is named)

    def y_of(y: float, h: float = 0) -> float:  # model y (down) → drawing y (up)
        return car_zones.MODEL_H * s - (y + h) * s

    bx, by, bw, bh = car_zones.BODY
    d.add(
        Rect(
            bx * s,
            y_of(by, bh),
            bw * s,
            bh * s,
            rx=car_zones.BODY_RADIUS * s,
            ry=car_zones.BODY_RADIUS * s,
            strokeColor=BODY_STROKE,
            strokeWidth=1.2,
            fillColor=BODY_FILL,
        )
    )
    for zone, (x, y, w, h) in car_zones.ZONES.items():
        d.add(
            Rect(
                x * s,
                y_of(y, h),
                w * s,
                h * s,
                rx=2,
                ry=2,
                strokeColor=ZONE_STROKE,
                strokeWidth=0.5,
                fillColor=WHEEL_FILL if car_zones.is_wheel(zone) else colors.white,
            )
        )
    radius = car_zones.MARK_RADIUS * s * 1.15
    for n, zone, k in car_zones.marks(list(zones)):
        x, y, w, h = car_zones.ZONES[zone]
        dx, dy = car_zones.mark_offset(k)
        cx = (x + w / 2) * s + dx * radius
        cy = y_of(y + h / 2) - dy * radius
        d.add(
            Circle(
                cx, cy, radius, fillColor=MARK_FILL, strokeColor=colors.HexColor("#b71c1c"), strokeWidth=0.5
            )
        )
        size = radius * (1.2 if n < 10 else 0.95)
        d.add(
            String(
                cx,
                cy - size * 0.35,
                str(n),
                fontName=FONT,
                fontSize=size,
                fillColor=colors.white,
                textAnchor="middle",
            )
        )
    d.add(
        String(
            width / 2,
            car_zones.MODEL_H * s + 1.5 * mm,
            sheet.t("front"),
            fontName=FONT,
            fontSize=7,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    return d


# -- signatures ----------------------------------------------------------------------------
SIGNATURE_W = 55 * mm
SIGNATURE_H = 18 * mm


def signature_image(png: bytes, max_w: float = SIGNATURE_W, max_h: float = SIGNATURE_H) -> Image:
    """The drawn signature as a flowable fitting the box, kept in proportion."""
    with PILImage.open(io.BytesIO(png)) as img:
        w, h = img.size
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale, hAlign="LEFT")


def signature_of(signatures: Sequence[SignatureView], act: str, act_id: int | None) -> SignatureView | None:
    """The latest signature for the act (``act_id`` None: the RO's one act, the handover)."""
    found = [s for s in signatures if s.act == act and (act_id is None or s.act_id == act_id)]
    return max(found, key=lambda s: s.signed_at) if found else None


def signature_box(
    sheet: Sheet,
    caption_key: str,
    signature: SignatureView | None,
    reason: str = "",
    *,
    width: float | None = None,
) -> Table:
    """A signature box: its caption, the customer's drawn signature (or "not signed:
    reason", or an empty line to sign on), and who signed when."""
    from reports import formatting as fmt

    width = width or CONTENT_W / 2
    colon = sheet.t("colon")
    rows: list[list[object]] = [[paragraphs(f"{sheet.t(caption_key)}{colon}", STYLES["label"], width)]]
    if signature is not None:
        rows.append([signature_image(signature.png, min(SIGNATURE_W, width - 4), SIGNATURE_H)])
        who = sheet.t(
            "signed_by", who=sheet.plain(signature.signer), when=fmt.datetime(signature.signed_at, sheet.lang)
        )
        rows.append([paragraphs(who, STYLES["small"], width)])
    elif reason:
        rows.append([paragraphs(sheet.t("not_signed", reason=sheet.plain(reason)), STYLES["body"], width)])
    else:
        rows.append([paragraphs("_" * 22, STYLES["body"], width)])
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8),  # (an empty cell names a font too)
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEBELOW", (0, -1), (-1, -1), 0.4, GRID),
        ]
    )
    return Table(rows, colWidths=[width], style=style, hAlign="LEFT", splitByRow=0)


# -- where the views carry them ------------------------------------------------------------
def photo_sort_key(photo: PhotoLike) -> tuple[int, int]:
    return (photo.subject_id or 0, photo.id)
