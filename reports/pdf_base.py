"""What every sheet shares: the embedded font, safe text, styles and text blocks (the
tables are ``pdf_tables``, the page itself ``pdf_page``).

One TrueType font is used for all text (WenQuanYi Micro Hei has Latin and CJK), so
every PDF embeds subsets of exactly one font and looks the same on any machine. A
character the font lacks is never dropped: it is printed as its code point,
``[U+1F697]``, and a footnote on the sheet says what that means.

Everything is stock reportlab: ``TTFont`` (with its own subsetting), platypus
``Table``/``TableStyle``/``Paragraph``. What keeps a sheet fast is doing less: the font
is parsed once per process, the styles are built once, lines are broken once, and a
table cell is a plain string that the table draws (``pdf_tables``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from advisor.services.views import DealerView
from reports import wrapping
from reports.i18n_text import label

FONT = "WenQuanYiMicroHei"  # the one font of every sheet (Latin and CJK)
FONT_FILE = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"
PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
HEADER_H = 44 * mm  # from the top edge to the first line of content
FOOTER_H = 16 * mm
FRAME_BOTTOM = FOOTER_H + 2 * mm
FRAME_H = PAGE_H - HEADER_H - FRAME_BOTTOM
GRID = colors.HexColor("#9aa0a6")
SHADE = colors.HexColor("#e8eaed")
MUTED = colors.HexColor("#5f6368")
# A line is broken this much narrower than its room, so that reportlab, measuring it
# character by character, never finds it a rounding error too wide and breaks it again.
_SLACK = 0.01
# Presentation selectors carry no character of their own (they pick emoji vs text style).
_INVISIBLE = frozenset({0xFE0E, 0xFE0F})


@cache
def font() -> TTFont:
    """Register the shipped font once per process (parsing the TTC costs ~150 ms)."""
    ttf = TTFont(FONT, str(FONT_FILE), subfontIndex=0)
    pdfmetrics.registerFont(ttf)
    # The face has no bold/italic: map them onto it so <b>/<i> markup never fails.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return ttf


def covered() -> dict[int, int]:
    """Code point → glyph of every character the font can draw."""
    cmap: dict[int, int] = font().face.charToGlyph
    return cmap


@cache
def _covered_chars() -> frozenset[str]:
    return frozenset(map(chr, covered())) | frozenset("\n\r\t")


def replace_missing(text: str) -> tuple[str, bool]:
    """``text`` with each character the font lacks replaced by ``[U+XXXX]``.

    Returns the new text and whether anything was replaced. Nothing is dropped except
    the invisible emoji/text presentation selectors.
    """
    if _covered_chars().issuperset(text):
        return text, False
    cmap = covered()
    out: list[str] = []
    replaced = False
    for ch in text:
        cp = ord(ch)
        if cp in cmap or ch in "\n\r\t":
            out.append(ch)
        elif cp not in _INVISIBLE:
            out.append(f"[U+{cp:04X}]")
            replaced = True
    return "".join(out), replaced


def _style(name: str, size: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=size * 1.35, wordWrap="CJK", **kw)


STYLES: dict[str, ParagraphStyle] = {
    "body": _style("body", 9),
    "small": _style("small", 7.5, textColor=MUTED),
    "label": _style("label", 8, textColor=MUTED),
    "h2": _style("h2", 10.5, spaceBefore=3 * mm, spaceAfter=1.2 * mm),
    "th": _style("th", 7.5),
    "th_r": _style("th_r", 7.5, alignment=TA_RIGHT),
    "td": _style("td", 8),
    "td_r": _style("td_r", 8, alignment=TA_RIGHT),
    "td_c": _style("td_c", 8, alignment=TA_CENTER),
    "td_muted": _style("td_muted", 8, textColor=MUTED),
    "total": _style("total", 10, alignment=TA_RIGHT),
    "quote": _style("quote", 10, leftIndent=4 * mm),
    "dealer": _style("dealer", 13),
    "dealer_small": _style("dealer_small", 8, textColor=MUTED),
}


def paragraphs(text: str, style: ParagraphStyle, width: float = CONTENT_W) -> list[Flowable]:
    """Plain ``text`` (never markup) broken into lines for ``width`` points (see
    ``wrapping``), one ``Paragraph`` a line; an empty line keeps its height.

    One paragraph a line, because reportlab re-wraps what is left of a CJK paragraph it
    splits across pages — without our punctuation rules, and with the spaces at its
    line ends dropped ("brake" + "pads" → "brakepads"). A one-line paragraph is never
    split: the page breaks between lines. (Styles with space before or after are for
    one-line text, headings.)"""
    return [Paragraph(escape(line) or "\xa0", style) for line in text_lines(text, style, width)]


def text_lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    """Plain ``text`` broken into the lines it prints as in ``style`` across ``width``
    points (less the style's indents)."""
    avail = width - style.leftIndent - style.rightIndent - _SLACK
    return wrapping.lines(text, FONT, style.fontSize, avail)


class Heading(Paragraph):
    """A heading that moves to the next page unless some of its section fits below it.

    (``keepWithNext`` would glue it to a whole long table and push both to the next
    page, leaving the rest of this one empty.)
    """

    ROOM = 22 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = super().wrap(availWidth, availHeight)
        if availHeight < h + self.ROOM:
            return w, availHeight + 1  # "too tall": the frame moves it to the next page
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


def keep_if_fits(flowables: list[Flowable]) -> list[Flowable]:
    """``flowables`` kept on one page when they fit on a page; taller than a page, they
    start where they stand and split (a ``KeepTogether`` would first move them to a new
    page, leaving their heading alone above a blank rest of the page)."""
    height = sum(f.wrap(CONTENT_W, FRAME_H)[1] for f in flowables)
    return [KeepTogether(flowables)] if height <= FRAME_H else flowables


@dataclass
class Sheet:
    """One sheet being built: its language, header data, and whether a glyph was replaced."""

    kind: str
    lang: str
    ro_number: str
    dealer: DealerView
    printed_at: dt.datetime
    replaced: bool = False
    # Files the sheet's pictures are drawn from while it is built (``scratch``), removed
    # by ``cleanup`` once the PDF is made.
    _scratch: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        font()  # text is measured in it as soon as it is laid out

    def scratch(self) -> Path:
        """A private folder for this sheet's picture files (made on first use)."""
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="advisor-sheet-")
        return Path(self._scratch.name)

    def cleanup(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def t(self, key: str, **values: object) -> str:
        """A label in the sheet's language."""
        return label(key, self.lang, **values)

    def plain(self, text: str) -> str:
        """User data as printed: missing glyphs shown as code points, line breaks kept."""
        safe, replaced = replace_missing(text or "")
        self.replaced = self.replaced or replaced
        return safe.replace("\r\n", "\n")

    def p(self, text: str, style: str = "body") -> list[Flowable]:
        """A block of user data (or of already formatted values) that wraps."""
        return paragraphs(self.plain(text), STYLES[style])

    def lp(self, key: str, style: str = "label", **values: object) -> list[Flowable]:
        """A block of a label."""
        return paragraphs(self.t(key, **values), STYLES[style])

    def h2(self, key: str) -> Heading:
        """A section heading (never alone at the foot of a page)."""
        return Heading(escape(self.t(key)), STYLES["h2"])


def quoted(sheet: Sheet, words: str) -> str:
    """The customer's words verbatim in quotation marks."""
    return f"“{sheet.plain(words)}”"
