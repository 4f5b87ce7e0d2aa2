"""The customer's drawn signature: its strokes checked, drawn as a PNG, and hashed.

Pure (no database, no Qt): the pad on screen (``ui/signature_pad.py``) hands a
``SignatureInput`` to the services, which ``check`` it, draw it with ``render_png`` and
keep the strokes, the image and their ``digest`` in a ``Signature`` row; the digest goes
into the audit row of the act it signs.

A stroke is a list of points ``(x, y, t_ms)``: x and y in pixels of the ``width`` ×
``height`` box the customer signed in (0,0 at its top left), ``t_ms`` the milliseconds
since the first touch of the pen. What is refused, each with a message in both
languages: no strokes at all, a dot or a tick (too few points, or ink too small to be a
signature), points outside the box, numbers that are not numbers (NaN, infinity, text),
and absurdly many points or strokes.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from advisor.errors import ValidationError

Point = tuple[float, float, int]

MIN_SIDE = 40  # the box the customer signs in, in pixels
MAX_SIDE = 4000
MIN_POINTS = 8  # all strokes together: fewer is a dot or a tick, not a signature
MAX_POINTS = 20_000  # a long signature drawn slowly with a fine pen is ~2,000
MAX_STROKES = 200
MAX_T_MS = 30 * 60 * 1000  # half an hour from the first touch to the last
MIN_EXTENT = 0.12  # the ink spans at least this share of the box's width (or of its height)
SLACK = 2.0  # pixels a point may lie past the box's edge (a pen lifted on the border)
INK_PX = 2.6  # the line's width on the box's own scale
OUT_LONG_SIDE = 1200  # the PNG's long side: ~300 dpi across a 10 cm signature box


@dataclass(frozen=True)
class SignatureInput:
    """Strokes drawn in a ``width`` × ``height`` box (see the module's docstring)."""

    strokes: list[list[tuple[float, float, int]]]
    width: int
    height: int


def _refuse(en: str, zh: str) -> ValidationError:
    return ValidationError(en, zh, field="signature")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def check(sig: SignatureInput) -> None:
    """Refuse (``ValidationError``, both languages, field ``signature``) what is not a
    signature a person drew in its box."""
    if not isinstance(sig, SignatureInput):
        raise _refuse("The signature is missing.", "缺少签名。")
    w, h = sig.width, sig.height
    if (
        isinstance(w, bool)
        or isinstance(h, bool)
        or not isinstance(w, int)
        or not isinstance(h, int)
        or not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE)
    ):
        raise _refuse(
            f"The signature box must be {MIN_SIDE}–{MAX_SIDE} pixels each way (got {w!r} × {h!r}).",
            f"签名框的宽和高须在 {MIN_SIDE}–{MAX_SIDE} 像素之间（收到 {w!r} × {h!r}）。",
        )
    strokes = sig.strokes
    if not isinstance(strokes, Sequence) or isinstance(strokes, str):
        raise _refuse("The signature's strokes are unreadable.", "签名笔画无法读取。")
    if len(strokes) > MAX_STROKES:
        raise _refuse(
            f"The signature has too many strokes ({len(strokes)}, at most {MAX_STROKES}).",
            f"签名笔画过多（{len(strokes)} 笔，最多 {MAX_STROKES} 笔）。",
        )
    total = 0
    for stroke in strokes:
        if not isinstance(stroke, Sequence) or isinstance(stroke, str):
            raise _refuse("The signature's strokes are unreadable.", "签名笔画无法读取。")
        total += len(stroke)
        if total > MAX_POINTS:
            raise _refuse(
                f"The signature has too many points (more than {MAX_POINTS:,}).",
                f"签名的点数过多（超过 {MAX_POINTS:,} 个）。",
            )
    if total == 0:
        raise _refuse("The customer has not signed: the signature is empty.", "客户尚未签名：签名为空。")
    xs: list[float] = []
    ys: list[float] = []
    for stroke in strokes:
        for point in stroke:
            if not isinstance(point, Sequence) or isinstance(point, str) or len(point) != 3:
                raise _refuse("The signature's points are unreadable.", "签名的点无法读取。")
            x, y, t = _number(point[0]), _number(point[1]), point[2]
            if x is None or y is None or _number(t) is None:
                raise _refuse(
                    "The signature has a point that is not a number (NaN or infinity).",
                    "签名中有无效的点（非数字或无穷大）。",
                )
            if not (-SLACK <= x <= w + SLACK and -SLACK <= y <= h + SLACK):
                raise _refuse("The signature has points outside its box.", "签名中有超出签名框的点。")
            if not 0 <= float(t) <= MAX_T_MS:
                raise _refuse("The signature's timing is implausible.", "签名的时间数据不合理。")
            xs.append(x)
            ys.append(y)
    if total < MIN_POINTS:
        raise _refuse(
            "That is a dot or a tick, not a signature: ask the customer to sign in the box.",
            "这只是一个点或一笔，不是签名：请客户在框内签名。",
        )
    if (max(xs) - min(xs)) < MIN_EXTENT * w and (max(ys) - min(ys)) < MIN_EXTENT * h:
        raise _refuse(
            "The signature is too small to read: ask the customer to sign across the box.",
            "签名太小，无法辨认：请客户在框内写大一些。",
        )


def canonical(sig: SignatureInput) -> str:
    """The strokes as the JSON kept in ``Signature.strokes`` (and hashed by ``digest``):
    ``[[[x, y, t], …], …]``, x and y to 0.01 px, t in whole milliseconds."""
    return json.dumps(
        [[[round(float(p[0]), 2), round(float(p[1]), 2), int(p[2])] for p in s] for s in sig.strokes],
        separators=(",", ":"),
    )


def from_json(strokes: str, width: int, height: int) -> SignatureInput:
    """A stored signature back as the pad handed it in (for a check or a re-draw)."""
    raw = json.loads(strokes)
    return SignatureInput(
        [[(float(p[0]), float(p[1]), int(p[2])) for p in s] for s in raw], int(width), int(height)
    )


def render_png(sig: SignatureInput) -> bytes:
    """Black strokes on a white ground, the box's proportions, long side
    ``OUT_LONG_SIDE`` px: drawn four times larger and scaled down, so the edges are
    smooth enough to print."""
    from PIL import Image, ImageDraw

    scale = OUT_LONG_SIDE / max(sig.width, sig.height)
    out_w = max(1, round(sig.width * scale))
    out_h = max(1, round(sig.height * scale))
    over = 4
    k = scale * over
    image = Image.new("L", (out_w * over, out_h * over), 255)
    draw = ImageDraw.Draw(image)
    pen = max(2, round(INK_PX * k))
    r = pen / 2
    for stroke in sig.strokes:
        pts = [(float(p[0]) * k, float(p[1]) * k) for p in stroke]
        if not pts:
            continue
        if len(pts) > 1:
            draw.line(pts, fill=0, width=pen, joint="curve")
        for x, y in (pts[0], pts[-1]) if len(pts) > 1 else pts:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=0)  # round ends (and a lone dot)
    image = image.resize((out_w, out_h), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def digest(sig: SignatureInput, png: bytes) -> str:
    """The sha256 (hex) of the box, the strokes and the image: what the act's audit row
    carries, so a signature changed afterwards no longer matches it."""
    h = hashlib.sha256()
    h.update(f"{sig.width}x{sig.height}\n".encode())
    h.update(canonical(sig).encode())
    h.update(b"\n")
    h.update(png)
    return h.hexdigest()


def sample(seed: int = 0, width: int = 600, height: int = 180) -> SignatureInput:
    """A plausible made-up signature (the demo data's, the tests' default): two or three
    looping strokes across the box, different for each ``seed``."""
    import random

    rnd = random.Random(seed)
    strokes: list[list[tuple[float, float, int]]] = []
    t = 0
    x0 = width * rnd.uniform(0.08, 0.16)
    n_strokes = rnd.choice((2, 3))
    span = width * rnd.uniform(0.6, 0.75) / n_strokes
    mid = height * rnd.uniform(0.45, 0.6)
    for s in range(n_strokes):
        points: list[tuple[float, float, int]] = []
        loops = rnd.uniform(2.0, 4.0)
        amp = height * rnd.uniform(0.18, 0.3)
        phase = rnd.uniform(0, math.pi)
        for i in range(40):
            f = i / 39
            x = x0 + span * f + amp * 0.35 * math.cos(2 * math.pi * loops * f + phase)
            y = mid + amp * math.sin(2 * math.pi * loops * f + phase) * (1 - 0.4 * f)
            points.append(
                (round(min(max(x, 1.0), width - 1.0), 1), round(min(max(y, 1.0), height - 1.0), 1), t)
            )
            t += rnd.randint(8, 16)
        strokes.append(points)
        x0 += span + width * 0.02
        t += rnd.randint(120, 300)
        if s == 0:
            mid += height * rnd.uniform(-0.06, 0.06)
    return SignatureInput(strokes, width, height)
