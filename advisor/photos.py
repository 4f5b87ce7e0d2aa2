"""Photos as the database keeps them (issue 18): a pure function of the bytes, no database.

``prepare`` reads the picture a person picked, dropped or took — JPEG, PNG, WebP, BMP, GIF
or TIFF, as a phone or a camera writes it — and returns what is stored: the picture turned
upright (its EXIF orientation applied), at most ``MAX_SIDE`` pixels on its long side, as a
JPEG with no metadata (no GPS position, camera serial or time leaves the dealership in a
photo printed or shown), a thumbnail, and the SHA-256 of the stored JPEG (the audit row
carries it). Bad input — nothing, too big, not a picture, damaged or cut off, too many
pixels to open safely, no pixels at all — is refused with a bilingual ``ValidationError``.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from advisor.errors import ValidationError

MiB = 1024 * 1024
MAX_INPUT_BYTES = 20 * MiB  # a phone's photo is 2–8 MB; a 50 MB file is no photo of a car
MAX_PIXELS = 60_000_000  # 60 MP: more than any phone or camera at the counter; a bigger
# image is refused before it is decoded (a "decompression bomb" would take gigabytes)
MAX_SIDE = 1600  # the stored photo's long side, enough to show a worn disc across a screen
THUMB_SIDE = 256
# The print copy: what the sheets embed (a photo prints at most ~60 mm wide: 640 px is
# ≈ 270 dpi there). Made once here, so a report of 40 photos resizes none of them.
PRINT_SIDE = 640
JPEG_QUALITY = 85
THUMB_QUALITY = 75
PRINT_QUALITY = 78
# The formats read. Only these: Pillow opens others (EPS through Ghostscript, …) that no
# camera writes and that would run more code on a file from outside.
FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "BMP", "GIF", "TIFF")
# How files of those formats begin: one that begins so but cannot be opened is a damaged
# picture, not some other kind of file.
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")


@dataclass(frozen=True)
class Prepared:
    """What is stored of one photo."""

    jpeg: bytes
    thumb: bytes
    width: int
    height: int
    sha256: str
    print_jpeg: bytes = b""  # ≤ PRINT_SIDE px, for the printed sheets

    @property
    def size_bytes(self) -> int:
        """What the RO's photo budget counts: the photo, its thumbnail and print copy."""
        return len(self.jpeg) + len(self.thumb) + len(self.print_jpeg)


def _mb(n: int) -> str:
    return f"{n / MiB:.1f}"


def _not_a_picture() -> ValidationError:
    return ValidationError(
        "This file is not a picture that can be read (JPEG, PNG, WebP, AVIF, BMP, GIF or TIFF). Nothing was saved.",
        "该文件不是可识别的图片（支持 JPEG、PNG、WebP、AVIF、BMP、GIF、TIFF）。未保存任何内容。",
        field="photo",
    )


def _damaged() -> ValidationError:
    return ValidationError(
        "The picture is damaged or incomplete (perhaps cut off while it was copied). Nothing was saved.",
        "图片已损坏或不完整（可能在复制时中断）。未保存任何内容。",
        field="photo",
    )


def _too_many_pixels(width: int, height: int) -> ValidationError:
    return ValidationError(
        f"The picture is {width} × {height} pixels, more than {MAX_PIXELS // 1_000_000} million: "
        "too large to open safely. Nothing was saved.",
        f"图片为 {width} × {height} 像素，超过 {MAX_PIXELS // 10_000} 万像素，"
        "过大，无法安全打开。未保存任何内容。",
        field="photo",
    )


def check_size(n: int) -> None:
    """Refuse an empty file or one larger than ``MAX_INPUT_BYTES`` (before reading it all)."""
    if n <= 0:
        raise ValidationError(
            "The file is empty: there is no picture in it. Nothing was saved.",
            "文件是空的，里面没有图片。未保存任何内容。",
            field="photo",
        )
    if n > MAX_INPUT_BYTES:
        raise ValidationError(
            f"The file is {_mb(n)} MB; a photo may be at most {MAX_INPUT_BYTES // MiB} MB. "
            "Take it again at a lower resolution or make it smaller first. Nothing was saved.",
            f"文件大小为 {_mb(n)} MB，照片最大 {MAX_INPUT_BYTES // MiB} MB。"
            "请降低分辨率重拍或先压缩。未保存任何内容。",
            field="photo",
        )


HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypheim", b"ftypmif1", b"ftypmsf1")


def _heic() -> ValidationError:
    return ValidationError(
        "This is a HEIC photo (as iPhones take them), which cannot be read here. Send it as JPEG "
        "(on the iPhone: Settings › Camera › Formats › Most Compatible) or convert it first. "
        "Nothing was saved.",
        "这是 HEIC 格式的照片（iPhone 默认格式），此处无法读取。请以 JPEG 格式发送"
        "（iPhone：设置 › 相机 › 格式 › 兼容性最佳），或先转换格式。未保存任何内容。",
        field="photo",
    )


def _looks_like_a_picture(data: bytes) -> bool:
    riff = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return riff or data[4:12] in (b"ftypavif", b"ftypavis") or data.startswith(SIGNATURES)


def _open(data: bytes) -> Image.Image:
    """Open (not yet decode) the picture, refusing what is no picture or too many pixels."""
    Image.init()  # every plugin of FORMATS registered
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. corrupt EXIF data: Pillow reads on
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=[f for f in FORMATS if f in Image.OPEN])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            f"The picture has too many pixels to open safely (more than {MAX_PIXELS // 1_000_000} million). "
            "Nothing was saved.",
            f"图片像素过多（超过 {MAX_PIXELS // 10_000} 万），无法安全打开。未保存任何内容。",
            field="photo",
        ) from exc
    except Image.UnidentifiedImageError as exc:
        if data[4:12] in HEIF_BRANDS:
            raise _heic() from exc
        raise (_damaged() if _looks_like_a_picture(data) else _not_a_picture()) from exc
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
        raise _damaged() from exc
    width, height = img.size
    if width <= 0 or height <= 0:
        raise ValidationError(
            f"The picture has no pixels ({width} × {height}). Nothing was saved.",
            f"图片没有像素（{width} × {height}）。未保存任何内容。",
            field="photo",
        )
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(width, height)
    return img


def _upright_rgb(img: Image.Image) -> Image.Image:
    """Decode at about the size kept, turn upright by its EXIF orientation, and make it RGB
    (transparent parts on white, as on paper)."""
    # A JPEG decodes scaled by 1/2, 1/4 or 1/8 straight away (no smaller than kept).
    width, height = img.size
    scale = min(1.0, MAX_SIDE / max(width, height))
    img.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
    img.load()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns of corrupt EXIF data and reads on
            upright = ImageOps.exif_transpose(img)
    except Exception:  # a broken EXIF block: the picture itself is fine, keep it as stored
        upright = img
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if upright.mode == "I;16" or upright.mode.startswith("I;16"):
        upright = upright.point(lambda v: v / 256).convert("L")  # 16-bit grey: keep the tones
    return upright.convert("RGB")


def _jpeg(img: Image.Image, side: int, quality: int) -> bytes:
    small = img.copy()
    small.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=quality, optimize=True)  # no exif=, no icc: no metadata
    return out.getvalue()


def prepare(data: bytes) -> Prepared:
    """The photo as stored: upright, ≤ ``MAX_SIDE`` px, JPEG without metadata, a thumbnail
    of ``THUMB_SIDE`` px, its size and hash. Raises a bilingual ``ValidationError`` for an
    empty or too large file, no picture, a damaged or truncated one, too many pixels or none."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _not_a_picture()
    data = bytes(data)
    check_size(len(data))
    img = _open(data)
    try:
        rgb = _upright_rgb(img)
        jpeg = _jpeg(rgb, MAX_SIDE, JPEG_QUALITY)
        thumb = _jpeg(rgb, THUMB_SIDE, THUMB_QUALITY)
        printed = _jpeg(rgb, PRINT_SIDE, PRINT_QUALITY)
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, ZeroDivisionError) as exc:
        raise _damaged() from exc
    except MemoryError as exc:
        raise _too_many_pixels(*img.size) from exc
    finally:
        img.close()
    with Image.open(io.BytesIO(jpeg)) as stored:
        width, height = stored.size
    return Prepared(jpeg, thumb, width, height, hashlib.sha256(jpeg).hexdigest(), printed)
