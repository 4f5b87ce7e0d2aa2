"""The customer's drawn signature, checked, drawn and hashed (advisor/signatures.py)."""

from __future__ import annotations

import hashlib
import io
import math

import pytest
from PIL import Image

from advisor import signatures
from advisor.errors import ValidationError
from advisor.signatures import SignatureInput
from tests.unit.services.test_gates import assert_bilingual


def _line(x0: float, y0: float, x1: float, y1: float, n: int = 20) -> list[tuple[float, float, int]]:
    return [(x0 + (x1 - x0) * i / (n - 1), y0 + (y1 - y0) * i / (n - 1), i * 10) for i in range(n)]


def _refused(sig: SignatureInput, words: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        signatures.check(sig)
    assert_bilingual(info.value)
    assert words in info.value.en, info.value.en
    assert info.value.field == "signature"
    return info.value


def test_a_plausible_signature_passes() -> None:
    for seed in range(20):
        signatures.check(signatures.sample(seed))
    signatures.check(SignatureInput([_line(50, 100, 400, 60)], 600, 180))


@pytest.mark.parametrize(
    ("sig", "words"),
    [
        (SignatureInput([], 600, 180), "empty"),
        (SignatureInput([[], []], 600, 180), "empty"),
        (SignatureInput([[(300.0, 90.0, 0)]], 600, 180), "a dot"),  # one point
        (SignatureInput([[(300.0, 90.0, i * 5) for i in range(30)]], 600, 180), "too small"),  # a dot held
        (SignatureInput([_line(300, 90, 310, 95, 5)], 600, 180), "a dot or a tick"),  # too few points
        (SignatureInput([_line(300, 90, 330, 100)], 600, 180), "too small"),  # a tiny scribble
        (SignatureInput([_line(50, 100, 700, 60)], 600, 180), "outside"),
        (SignatureInput([_line(50, 100, 400, -40)], 600, 180), "outside"),
        (SignatureInput([[*_line(50, 100, 400, 60), (math.nan, 50.0, 300)]], 600, 180), "not a number"),
        (SignatureInput([[*_line(50, 100, 400, 60), (100.0, math.inf, 300)]], 600, 180), "not a number"),
        (SignatureInput([[*_line(50, 100, 400, 60), ("1", 50.0, 300)]], 600, 180), "not a number"),  # type: ignore[list-item]
        (SignatureInput([_line(50, 100, 400, 60, 20_001)], 600, 180), "too many points"),
        (SignatureInput([_line(50, 100, 400, 60, 3)] * 201, 600, 180), "too many strokes"),
        (SignatureInput([_line(50, 100, 400, 60)], 0, 180), "box"),
        (SignatureInput([_line(50, 100, 400, 60)], 600, 10**6), "box"),
        (SignatureInput([[(50.0, 100.0, 0), (60.0, 100.0, -5)] * 10], 600, 180), "timing"),
    ],
)
def test_what_is_not_a_signature_is_refused_in_both_languages(sig: SignatureInput, words: str) -> None:
    _refused(sig, words)


def test_a_small_but_real_signature_is_enough() -> None:
    # 15% of the box's width: a short name signed small is still a signature.
    signatures.check(SignatureInput([_line(100, 90, 190, 100)], 600, 180))


def test_the_png_is_black_ink_on_white_smoothed_at_print_size() -> None:
    sig = SignatureInput([_line(60, 150, 540, 30, 60)], 600, 180)
    png = signatures.render_png(sig)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1200, 360)  # the box's proportions, long side 1200 px
    grey = image.convert("L")
    hist = grey.histogram()
    assert hist[255] > 0.8 * sum(hist)  # mostly white ground
    assert hist[0] > 200  # solid ink
    assert sum(hist[1:255]) > 200  # smoothed edges (anti-aliased), not a hard stair
    # The ink is where the stroke was: at the middle of the line, not at its corners.
    assert grey.getpixel((600, 180)) < 128
    assert grey.getpixel((30, 30)) == 255 and grey.getpixel((1170, 330)) == 255


def test_the_digest_is_the_sha256_of_box_strokes_and_image_and_changes_with_either() -> None:
    sig = signatures.sample(3)
    png = signatures.render_png(sig)
    sha = signatures.digest(sig, png)
    assert len(sha) == 64 and sha == signatures.digest(sig, png)
    expected = hashlib.sha256(
        f"{sig.width}x{sig.height}\n".encode() + signatures.canonical(sig).encode() + b"\n" + png
    ).hexdigest()
    assert sha == expected
    other = signatures.sample(4)
    assert signatures.digest(other, png) != sha
    assert signatures.digest(sig, png + b"\0") != sha
    # Stored and read back, a signature hashes the same.
    again = signatures.from_json(signatures.canonical(sig), sig.width, sig.height)
    assert signatures.digest(again, signatures.render_png(again)) == sha
