"""The faster PDF paths (font subsetting and string mapping, table cells and strings written
straight to the canvas, plain-text wrapping, QR mask choice, number formatting) give what
reportlab's own code gives: byte for byte where the output is meant to be the same, and
the same text and fonts where it is meant to differ (subset packing, font compression)."""

from __future__ import annotations

import random
import string
import subprocess
import zlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

import pytest
from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table

from advisor.services import estimate
from advisor.services.orders import get_ro_view
from reports import formatting as fmt
from reports import pdf_base, pdf_fast, pdf_font, sheets
from reports.pdf_base import FONT, STYLES, font
from reports.pdf_text import CANNOT_END, CANNOT_START, wrap_lines
from reports.qr import _row_bits, create_data, lost_points, pack, qr_modules
from tests import factories
from tests.unit.reports.test_sheets import flat_text, printed, render, settled_with_change, squash, text_of


@pytest.fixture
def reportlab_packing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Subsets packed as reportlab packs them (no reuse of unused ASCII codes) and font
    programs compressed at reportlab's level: for byte-for-byte comparisons."""
    monkeypatch.setattr(pdf_font.SheetFont, "_unused_ascii_code", staticmethod(lambda state: None))
    monkeypatch.setattr(pdf_font, "FONT_ZLIB_LEVEL", 6)


@pytest.fixture
def invariant(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PDFs without a creation date or random ID, so that two renders can be compared."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    yield


def reportlab_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put reportlab's own methods back in place of every fast path."""
    for cls, base, names in (
        (pdf_fast.SheetTable, Table, ("_drawCell",)),
        (pdf_fast.SheetCanvas, Canvas, ("drawString", "drawRightString", "drawCentredString")),
        (pdf_font.SheetFont, TTFont, ("splitString", "addObjects")),
        (pdf_font.SubsetFace, TTFontFace, ("makeSubset",)),
    ):
        for name in names:
            monkeypatch.setattr(cls, name, getattr(base, name))


def pdffonts(pdf: bytes) -> list[list[str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return [row.split() for row in out.splitlines()[2:]]


# --- font subsets ---------------------------------------------------------------------


def test_subsets_are_reportlabs_bytes() -> None:
    face = font().face
    codes = sorted(face.charToGlyph)
    cjk = [c for c in codes if 0x4E00 <= c <= 0x9FFF]
    rnd = random.Random(1)
    subsets = [
        [0, *range(32, 128), *rnd.sample(cjk, 160)],  # a full first subset
        [0, 32, *rnd.sample(codes, 40)],
        [0, 32, 0x1F697, 0x20000, *rnd.sample(cjk, 10)],  # characters the font lacks → glyph 0
        [0],
    ]
    for subset in subsets:
        assert pdf_font.SubsetFace.makeSubset(face, subset) == TTFontFace.makeSubset(face, subset)


def test_strings_map_to_reportlabs_codes(reportlab_packing: None) -> None:
    ttf = font()
    face: Any = ttf.face
    cjk = [chr(c) for c in face.charToGlyph if 0x4E00 <= c <= 0x9FFF][:2000]
    alphabet = [*random.Random(2).sample(cjk, 500), *string.printable, "\xa0", "¥", "é", "\U0001f697"]

    class Doc:  # anything weakly referable stands for a document
        pass

    rnd = random.Random(3)
    for _ in range(10):
        ours, theirs = Doc(), Doc()
        for _ in range(150):
            text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
            assert ttf.splitString(text, ours) == TTFont.splitString(ttf, text, theirs)
        a, b = ttf.state[ours], ttf.state[theirs]
        assert (a.assignments, a.subsets, a.nextCode) == (b.assignments, b.subsets, b.nextCode)
        assert len(a.subsets) > 1  # the test went past the first subset


def test_unused_ascii_codes_take_characters_before_a_second_subset() -> None:
    ttf = font()
    face: Any = ttf.face
    cjk = [chr(c) for c in face.charToGlyph if 0x4E00 <= c <= 0x9FFF]

    class Doc:
        pass

    doc = Doc()
    ttf.splitString("Price: 123.45 CNY", doc)
    chunks = ttf.splitString("".join(cjk[:200]), doc)  # 160 fit after the ASCII block
    assert {subset for subset, _ in chunks} == {0}  # …and 40 take unused ASCII codes
    state = ttf.state[doc]
    assert len(state.subsets) == 1
    used = {ord(c) for c in "Price: 123.45 CNY"}
    for code in used:  # what the document drew keeps its code
        assert state.assignments[code] == code
    # A character whose code was given away gets a new one, in a second subset if need be.
    taken = next(c for c in range(33, 127) if state.subsets[0][c] != c)
    chunks = ttf.splitString(chr(taken), doc)
    assert chunks[0][0] == 1 or chunks[0][1] != bytes([taken])
    del ttf.state[doc]


def test_a_sheet_with_more_than_256_characters_and_a_missing_one(staff: factories.Staff) -> None:
    common = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从"
    words = f"{common}🚗{common[::-1]}"
    ro_id = factories.open_checked_in(staff, words=words)
    for i in range(40):
        estimate.add_line(
            actor=staff.advisor,
            ro_id=ro_id,
            kind="labour",
            code=f"W-{i:03d}",
            description="".join(chr(0x4E00 + (i * 97 + k * 13) % 5000) for k in range(14)),
            quantity="1",
            unit_price_cents=10_000 + i,
        )
    view = get_ro_view(ro_id)
    pdf = render("estimate", view, valid_days=7)
    flat = flat_text(pdf)
    assert printed(words) in flat  # every character extracts as itself; the emoji as [U+1F697]
    for line in view.lines:
        assert squash(line.description) in flat
    assert "[U+XXXX]" in text_of(pdf)  # …with the footnote
    distinct = {c for c in words + "".join(x.description for x in view.lines) if not c.isspace()}
    assert len(distinct) > 512
    fonts = pdffonts(pdf)
    assert len(fonts) >= 3 and all("WenQuanYiMicroHei" in row[0] for row in fonts)
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts)  # embedded, subset, unicode


def test_font_programs_are_compressed_at_the_fast_level(staff: factories.Staff) -> None:
    pdf = render("settlement", get_ro_view(settled_with_change(staff)))
    start = pdf.index(b"/Length1")
    stream = pdf[pdf.index(b"stream", start) + 7 :]
    data = zlib.decompressobj().decompress(stream)
    assert data[:4] == b"\x00\x01\x00\x00"  # a TrueType font program
    assert pdf_font.FONT_ZLIB_LEVEL == 1


# --- the same PDF as reportlab's own code --------------------------------------------


def test_fast_paths_write_reportlabs_bytes(
    staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, invariant: None, reportlab_packing: None
) -> None:
    view = get_ro_view(settled_with_change(staff))
    cases = [(kind, lang) for kind in sheets.KINDS for lang in ("zh_CN", "en")]
    fast = {case: render(case[0], view, case[1], **_kw(case[0])) for case in cases}
    reportlab_paths(monkeypatch)
    for case in cases:
        assert render(case[0], view, case[1], **_kw(case[0])) == fast[case], case


def test_row_heights_worked_out_are_reportlabs(
    staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, invariant: None
) -> None:
    view = get_ro_view(settled_with_change(staff))
    given = {kind: render(kind, view, "en", **_kw(kind)) for kind in sheets.KINDS}

    class Measured(pdf_fast.SheetTable):
        def __init__(self, *args: Any, rowHeights: Any = None, **kw: Any) -> None:
            super().__init__(*args, **kw)

    monkeypatch.setattr(pdf_fast, "SheetTable", Measured)
    for kind in sheets.KINDS:
        assert render(kind, view, "en", **_kw(kind)) == given[kind], kind


def _kw(kind: str) -> dict[str, Any]:
    return {"valid_days": 7} if kind == "estimate" else {}


# --- text ----------------------------------------------------------------------------


def kinsoku_breaks(lines: list[str]) -> list[int]:
    """Lines that start with closing punctuation or follow one ending with opening
    punctuation (CJK line-breaking rules)."""
    return [
        n
        for n in range(1, len(lines))
        if lines[n] and lines[n - 1] and (lines[n][0] in CANNOT_START or lines[n - 1][-1] in CANNOT_END)
    ]


def test_wrapping_breaks_lines_where_a_paragraph_does() -> None:
    """As a one-style Paragraph, except that a break inside a word never leaves closing
    punctuation at the start of a line or opening punctuation at the end of one."""
    vocab = [
        "brake",
        "pads",
        "前刹车片（套）",
        "更换前刹车片",
        "a",
        "ventilated,",
        "很长的零件名称需要在单元格内换行显示",
        "LFV2A21KXB3010000",
        "¥1,234.50",
        "x" * 40,
        "W" * 30,
        "“偶尔”",
    ]
    rnd = random.Random(7)
    font()
    same = moved = 0
    for _ in range(1500):
        text = rnd.choice([" ", "  ", "\u3000", " \xa0"]).join(
            rnd.choice(vocab) for _ in range(rnd.randint(1, 12))
        )
        style = STYLES[rnd.choice(["td", "th", "body", "label"])]
        width = rnd.choice([20, 40, 60, 90, 124.3, 198.4, 300])
        para = Paragraph(escape(text), style)
        para.wrap(width, 10_000)
        lines = para.blPara.lines
        expected = (
            [" ".join(words) for _extra, words in lines]
            if para.blPara.kind == 0
            else ["".join(w.text for w in line.words) for line in lines]
        )
        ours = wrap_lines(text, FONT, style.fontSize, width)
        if not kinsoku_breaks(expected):
            assert ours == expected, (text, width)
            same += 1
        else:  # a Paragraph breaks before "）" or after "（": ours moves such a break back
            assert squash("".join(ours)) == squash("".join(expected)), (text, width)
            if width >= 40:  # room for the longest run of punctuation in the words
                assert not kinsoku_breaks(ours), (text, width, ours)
            moved += 1
    assert same > 500 and moved > 100  # both kinds of line were compared


def test_long_customer_words_split_across_pages(staff: factories.Staff) -> None:
    words = "发动机故障灯亮，加速无力。" * 400  # several pages of the customer's own words
    ro_id, _ = factories.authorised(staff, words=words)
    pdf = render("estimate", get_ro_view(ro_id), valid_days=7)
    # The text between each page's header and footer, page after page.
    top, bottom = pdf_base.HEADER_H, pdf_base.FOOTER_H
    height = pdf_base.PAGE_H - top - bottom
    args = ["pdftotext", "-enc", "UTF-8", "-x", "0", "-y", str(int(top)), "-W", "600", "-H", str(int(height))]
    body = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pages = [p for p in body.split("\f") if p.strip()]
    assert len(pages) >= 3
    assert printed(words) in squash(body)


def test_numbers_are_babels() -> None:
    rnd = random.Random(5)
    values: list[int | Decimal] = [0, 1, -1, 10**15, Decimal("-0"), Decimal("-0.0004"), Decimal("1E+3")]
    values += [rnd.randint(-(10**12), 10**12) for _ in range(2000)]
    values += [Decimal(rnd.randint(-(10**12), 10**12)).scaleb(-rnd.randint(0, 8)) for _ in range(4000)]
    for value in values:
        for lang in ("zh_CN", "en"):
            assert fmt.number(value, lang) == fmt.babel_number(value, lang), value


# --- QR code ---------------------------------------------------------------------------


def _qr_values() -> list[str]:
    rnd = random.Random(3)
    values = [f"RO2026{m:02d}{d:02d}-{n:04d}" for m in (1, 6, 12) for d in (1, 28) for n in (1, 999)]
    chars = string.ascii_letters + string.digits + "-/ 中文"
    values += ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 120))) for _ in range(60)]
    return values


def test_qr_codes_are_reportlabs() -> None:
    versions = set()
    for value in _qr_values():
        widget = QrCodeWidget(value, barLevel="M")
        widget.qr.make()
        versions.add(widget.qr.version)
        assert [[bool(m) for m in row] for row in widget.qr.modules] == qr_modules(value), value
    assert max(versions) >= 7  # version information blocks too


def test_qr_mask_scores_are_reportlabs() -> None:
    finder_patterns = 0
    for value in _qr_values():
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(value)
        qr.version = qr.calculate_version()
        assert create_data(qr.version, qr.errorCorrectLevel, qr.dataList) == qrencoder.QRCode.createData(
            qr.version, qr.errorCorrectLevel, qr.dataList
        )
        for mask in range(8):
            qr.makeImpl(True, mask)
            n = len(qr.modules)
            packed = pack([_row_bits(row, n) for row in qr.modules], n)
            assert lost_points(packed, n) == qrencoder.QRUtil.getLostPoint(qr), (value, mask)
            finder_patterns += bool(qrencoder.QRUtil.maskScoreRule3hor(qr.modules))
    assert finder_patterns  # the finder-pattern rule was exercised
