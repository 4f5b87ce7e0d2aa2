"""Pictures for the photo tests: good ones as a phone writes them, and the bad input a
person can pick by mistake (or on purpose)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw

ORIENTATION = 0x0112
GPS_IFD = 0x8825
MAKE = 0x010F


def jpeg(
    width: int = 640,
    height: int = 480,
    *,
    orientation: int | None = None,
    gps: bool = False,
    colour: int = 90,
) -> bytes:
    """A grey "brake disc" photo: a red bar along the top edge as it was stored (so a test
    can tell which way up it came out), EXIF orientation / GPS / camera make when asked."""
    img = Image.new("RGB", (width, height), (colour, colour, colour))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, width - 1, max(1, height // 10)), fill=(220, 0, 0))
    r = min(width, height) // 3
    draw.ellipse(
        (width // 2 - r, height // 2 - r, width // 2 + r, height // 2 + r), outline=(40, 40, 40), width=4
    )
    out = io.BytesIO()
    exif = Image.Exif()
    exif[MAKE] = "PhoneCam"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)}
    img.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def png(width: int = 64, height: int = 48, mode: str = "RGBA") -> bytes:
    img = Image.new(mode, (width, height))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels and holds almost no data: a
    decompression bomb when large, a picture without pixels when 0 × 0."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TEXT = "刹车片剩余 2 mm，建议更换。Brake pads 2 mm left.\n".encode() * 20


def truncated_jpeg() -> bytes:
    data = jpeg(800, 600)
    return data[: len(data) * 2 // 3]


def big_file() -> bytes:
    """A 50 MB "photo" (JPEG header, then filler): refused for its size before it is read."""
    return jpeg(32, 32) + b"\x00" * (50 * 1024 * 1024)


def broken_exif_jpeg() -> bytes:
    """A good picture whose EXIF block is cut short (as some editing apps leave it)."""
    data = jpeg(64, 48)
    garbage = b"Exif\x00\x00" + b"MM\x00*\x00\x00\x00\x08" + b"\xff\xff" + b"\x01" * 40
    segment = b"\xff\xe1" + struct.pack(">H", len(garbage) + 2) + garbage
    return data[:2] + segment + data[2:]
