"""advisor.photos: what is stored of a picture, and the bad input refused in both languages."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from advisor import photos
from advisor.errors import ValidationError
from tests import photo_samples as samples
from tests.unit.services.test_gates import assert_bilingual


def _open(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_a_phone_photo_is_downscaled_to_1600_px_jpeg_with_a_thumbnail() -> None:
    p = photos.prepare(samples.jpeg(4000, 3000))
    big, small = _open(p.jpeg), _open(p.thumb)
    assert big.format == small.format == "JPEG"
    assert (p.width, p.height) == big.size == (1600, 1200)
    assert max(small.size) == photos.THUMB_SIDE and small.size[0] > small.size[1]
    assert p.sha256 == hashlib.sha256(p.jpeg).hexdigest()
    assert p.size_bytes == len(p.jpeg) + len(p.thumb) + len(p.print_jpeg)
    assert max(_open(p.print_jpeg).size) == photos.PRINT_SIDE  # the copy the sheets print


def test_a_small_photo_is_not_enlarged() -> None:
    p = photos.prepare(samples.jpeg(320, 240))
    assert (p.width, p.height) == (320, 240)


@pytest.mark.parametrize(
    ("orientation", "size"), [(1, (600, 400)), (6, (400, 600)), (8, (400, 600)), (3, (600, 400))]
)
def test_the_exif_orientation_is_applied_and_the_exif_dropped(
    orientation: int, size: tuple[int, int]
) -> None:
    p = photos.prepare(samples.jpeg(600, 400, orientation=orientation, gps=True))
    img = _open(p.jpeg)
    assert img.size == size
    # The red bar was along the stored top edge; upright, it is where the camera held it.
    w, h = img.size
    red = {
        1: (w // 2, 5),  # top
        3: (w // 2, h - 6),  # turned 180°: bottom
        6: (w - 6, h // 2),  # stored sideways, turned 90° clockwise: right
        8: (5, h // 2),  # turned 90° anticlockwise: left
    }[orientation]
    r, g, b = img.getpixel(red)  # type: ignore[misc]
    assert r > 180 and g < 60 and b < 60, (orientation, img.getpixel(red))
    # No EXIF at all: no orientation to apply twice, no GPS position, no camera.
    assert not img.getexif()
    assert "exif" not in img.info
    assert b"Exif" not in p.jpeg and b"PhoneCam" not in p.jpeg and b"Exif" not in p.thumb


def test_transparent_and_16_bit_pictures_become_rgb_on_white() -> None:
    p = photos.prepare(samples.png(mode="RGBA"))  # fully transparent
    img = _open(p.jpeg)
    assert img.mode == "RGB" and img.getpixel((3, 3)) == (255, 255, 255)
    assert _open(photos.prepare(samples.png(mode="I;16")).jpeg).mode == "RGB"


def test_a_broken_exif_block_keeps_the_picture() -> None:
    p = photos.prepare(samples.broken_exif_jpeg())
    assert (p.width, p.height) == (64, 48) and b"Exif" not in p.jpeg


BAD = {
    "empty": (b"", "empty", "空的"),
    "50 MB": (samples.big_file(), "50.0 MB", "50.0 MB"),
    "a PDF renamed .jpg": (samples.PDF, "not a picture", "不是可识别的图片"),
    "text renamed .jpg": (samples.TEXT, "not a picture", "不是可识别的图片"),
    "truncated JPEG": (samples.truncated_jpeg(), "damaged or incomplete", "损坏或不完整"),
    "corrupt header": (samples.jpeg()[:2] + b"\x00" * 400, "not a picture", "不是可识别的图片"),
    "decompression bomb": (samples.png_header(40_000, 40_000), "too many pixels", "像素过多"),
    "bomb under Pillow's own limit": (samples.png_header(9_000, 9_000), "9000 × 9000", "9000 × 9000"),
    "0 × 0": (samples.png_header(0, 0), "damaged", "损坏"),
    "an iPhone's HEIC": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 500, "HEIC", "HEIC"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_refused_in_both_languages(case: str) -> None:
    data, en, zh = BAD[case]
    with pytest.raises(ValidationError) as info:
        photos.prepare(data)
    err = info.value
    assert_bilingual(err)
    assert en in err.en, err.en
    assert zh in err.zh, err.zh
    assert "Nothing was saved" in err.en and "未保存" in err.zh
