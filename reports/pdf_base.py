"""What every sheet shares: the embedded font, safe text, styles, header, footer, QR code
and "page x of y".

One TrueType font is used for all text (WenQuanYi Micro Hei has Latin and CJK), so
every PDF embeds exactly one subset font and looks the same on any machine. A character
the font lacks is never dropped: it is printed as its code point, ``[U+1F697]``, and a
footnote on the sheet says what that means.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from advisor.services.views import DealerView
from reports import pdf_font
from reports.i18n_text import label
from reports.pdf_fast import CELL_PAD, DEFAULT_PAD, SheetCanvas, cell_style, sheet_table
from reports.pdf_font import FONT
from reports.pdf_text import TextBlock, wrap_lines, wrapped
from reports.qr import qr_rows

FONT_FILE = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"
PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
HEADER_H = 44 * mm  # from the top edge to the first line of content
FOOTER_H = 16 * mm
GRID = colors.HexColor("#9aa0a6")
SHADE = colors.HexColor("#e8eaed")
MUTED = colors.HexColor("#5f6368")
# Presentation selectors carry no character of their own (they pick emoji vs text style).
_INVISIBLE = frozenset({0xFE0E, 0xFE0F})


@cache
def font() -> TTFont:
    """Register the shipped font once per process (parsing the TTC costs ~150 ms)."""
    ttf = pdf_font.load(FONT, str(FONT_FILE), subfont=0)
    pdfmetrics.registerFont(ttf)
    # The face has no bold/italic: map them onto it so <b>/<i> markup never fails.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return ttf


def covered() -> dict[int, int]:
    """Code point → glyph of every character the font can draw."""
    face: Any = font().face
    cmap: dict[int, int] = face.charToGlyph
    return cmap


@cache
def _widest() -> float:
    """The advance of the font's widest character, per point of font size: a string of n
    characters is at most n × this × size wide (no need to measure a short one)."""
    return max(_char_widths().values(), default=1000.0) / 1000


def _char_widths() -> dict[int, float]:
    face: Any = font().face
    widths: dict[int, float] = face.charWidths
    return widths


@cache
def _covered_chars() -> frozenset[str]:
    return frozenset(map(chr, covered())) | frozenset("\n\r\t")


def replace_missing(text: str) -> tuple[str, bool]:
    """``text`` with each character the font lacks replaced by ``[U+XXXX]``.

    Returns the new text and whether anything was replaced. Nothing is dropped except
    the invisible emoji/text presentation selectors.
    """
    cmap = covered()
    if _covered_chars().issuperset(text):
        return text, False
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
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=size * 1.35, **kw)


STYLES: dict[str, ParagraphStyle] = {
    "body": _style("body", 9),
    "small": _style("small", 7.5, textColor=MUTED),
    "label": _style("label", 8, textColor=MUTED),
    "h2": _style("h2", 10.5, spaceBefore=3 * mm, spaceAfter=1.2 * mm),
    "h2_in_block": _style("h2_in_block", 10.5, spaceBefore=3 * mm, spaceAfter=1.2 * mm),
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


class Heading(TextBlock):
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


class KeepIfFits(KeepTogether):
    """Kept on one page when it fits on a page; a block taller than a page starts where
    it stands and splits (a ``KeepTogether`` first moves it to a new page, leaving its
    heading alone above a blank rest of the page)."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._height < self._H:
            content = list(self._content)
            if len(content) == 1:  # (a frame needs the one flowable split, not handed back)
                parts: list[Flowable] = content[0].splitOn(self.canv, aW, aH)
                return parts
            return content
        result: list[Flowable] = super().split(aW, aH)
        return result


@dataclass
class Sheet:
    """One sheet being built: its language, header data, and whether a glyph was replaced."""

    kind: str
    lang: str
    ro_number: str
    dealer: DealerView
    printed_at: dt.datetime
    replaced: bool = False

    def __post_init__(self) -> None:
        font()  # text is measured in it as soon as it is laid out

    def t(self, key: str, **values: object) -> str:
        """A label in the sheet's language."""
        return label(key, self.lang, **values)

    def plain(self, text: str) -> str:
        """User data as printed: missing glyphs shown as code points, line breaks kept."""
        safe, replaced = replace_missing(text or "")
        self.replaced = self.replaced or replaced
        return safe.replace("\r\n", "\n")

    def p(self, text: str, style: str = "body") -> TextBlock:
        """A block of user data (or of already formatted values) that wraps."""
        return TextBlock(self.plain(text), STYLES[style])

    def lp(self, key: str, style: str = "label", **values: object) -> TextBlock:
        """A block of a label."""
        return TextBlock(self.t(key, **values), STYLES[style])

    def h2(self, key: str) -> Heading:
        """A section heading (never alone at the foot of a page)."""
        return Heading(self.t(key), STYLES["h2"])

    def draw_qr(self, canvas: Canvas, x: float, y: float, size: float) -> None:
        """The RO number as a QR code, ``size`` points square with its lower left corner at
        (x, y): one path of rectangles, one per run of dark modules in a row, in module
        units (it is part of the page header, which is drawn once per PDF as a form)."""
        modules, rows = qr_rows(self.ro_number, "M")
        side = modules + 2 * QR_QUIET
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(size / side, size / side)  # from here on, 1 unit = 1 module
        canvas.setFillColor(colors.black)
        rects = []
        fmt = f"0{modules}b"
        for r, row in enumerate(rows):
            bottom = side - r - QR_QUIET - 1
            for run in _DARK_RUN.finditer(format(row, fmt)):
                rects.append(f"{run.start() + QR_QUIET} {bottom} {run.end() - run.start()} 1 re")
        canvas.addLiteral(f"n {' '.join(rects)} f")
        canvas.restoreState()


QR_QUIET = 2  # modules of white border (printed on white paper)


_DARK_RUN = re.compile("1+")


def cell(sheet: Sheet, text: str, width: float, style: str, *, wrap_width: float | None = None) -> str:
    """A table cell's text: as it is when it fits on one line, else wrapped into lines no
    wider than ``wrap_width`` (default: ``width`` less the cell padding). The table draws
    a string's lines and makes the row as tall as they need, like a wrapping Paragraph,
    at a fraction of the cost. The cell's font must be ``style``'s (the table's FONT)."""
    text = text or ""
    if _covered_chars().issuperset(text):
        safe = text  # the font has every character
    else:
        safe, replaced = replace_missing(text)
        sheet.replaced = sheet.replaced or replaced
    size = STYLES[style].fontSize
    fit = width - 2 * CELL_PAD
    if "\n" not in safe and (len(safe) * _widest() * size <= fit or font().stringWidth(safe, size) <= fit):
        return safe
    avail = width - 2 * CELL_PAD if wrap_width is None else wrap_width
    return wrapped(wrap_lines(safe.replace("\r\n", "\n"), FONT, size, avail), avail)


def data_table(
    sheet: Sheet,
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths_mm: Sequence[float],
    *,
    right: Sequence[int] = (),
    muted_rows: Sequence[int] = (),
) -> Table:
    """A ruled table whose header row repeats on every page; long text wraps in its cell."""
    total = sum(widths_mm)
    widths = [w / total * CONTENT_W for w in widths_mm]
    pad = (1.5, CELL_PAD, 2, CELL_PAD)
    head_style, plain_style, muted_style = (
        {a: cell_style(size, align=a, color=color, valign="TOP", pad=pad) for a in ("LEFT", "RIGHT")}
        for size, color in ((7.5, colors.black), (8, colors.black), (8, MUTED))
    )
    aligns = ["RIGHT" if i in right else "LEFT" for i in range(len(widths))]
    head = [cell(sheet, h, widths[i], "th_r" if i in right else "th") for i, h in enumerate(header)]
    body: list[list[Flowable | str]] = [head]
    styles = [[head_style[a] for a in aligns]]
    # The usual cell fits on one line as it is: decided here, without calling cell().
    covered = _covered_chars()
    width_of = font().stringWidth
    widest = _widest()
    size = STYLES["td"].fontSize
    fits = [w - 2 * CELL_PAD for w in widths]
    muted_set = set(muted_rows)
    for r, row in enumerate(rows):
        muted = r in muted_set
        cells: list[Flowable | str] = []
        for i, value in enumerate(row):
            plain = value.__class__ is str and "\n" not in value and covered.issuperset(value)
            if plain and (len(value) * widest * size <= fits[i] or width_of(value, size) <= fits[i]):
                cells.append(value)  # as cell() would return it
            elif isinstance(value, str) or value is None:
                style = "td_r" if i in right else ("td_muted" if muted else "td")
                cells.append(cell(sheet, value or "", widths[i], style))
            else:
                cells.append(value)  # a flowable
        body.append(cells)
        styles.append([(muted_style if muted else plain_style)[a] for a in aligns])
    t = sheet_table(body, widths, styles, repeatRows=1)
    rules: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.4, GRID)]
    if t.has_parts:  # a tall row in parts: no rule between its parts
        rules = [("BOX", (0, 0), (-1, -1), 0.4, GRID), ("LINEAFTER", (0, 0), (-2, -1), 0.4, GRID)]
        rules += [("LINEBELOW", (0, r[-1]), (-1, r[-1]), 0.4, GRID) for r in t.body_rows]
    t.setStyle(TableStyle([*rules, ("BACKGROUND", (0, 0), (-1, 0), SHADE)]))
    return t


def kv_table(
    sheet: Sheet, pairs: Sequence[tuple[str, str]], *, columns: int = 2, label_mm: float = 30
) -> Table:
    """Label/value pairs in ``columns`` column pairs (labels muted, values wrap)."""
    label_w = label_mm * mm
    value_w = CONTENT_W / columns - label_w
    rows: list[list[Flowable | str]] = []
    for i in range(0, len(pairs), columns):
        row: list[Flowable | str] = []
        for key, value in pairs[i : i + columns]:
            row += [
                cell(sheet, key, label_w + CELL_PAD, "label", wrap_width=label_w - DEFAULT_PAD),
                cell(sheet, value, value_w, "body", wrap_width=value_w - DEFAULT_PAD),
            ]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    pad = (1, DEFAULT_PAD, 1, 0)
    key_style = cell_style(8, color=MUTED, valign="TOP", pad=pad)
    value_style = cell_style(9, valign="TOP", pad=pad)  # empty cells too: no Helvetica in the PDF
    styles = [[key_style, value_style] * columns for _ in rows]
    t = sheet_table(rows, [label_w, value_w] * columns, styles)
    if t.has_parts:  # a long value in parts: the rule under its last part only
        t.setStyle(TableStyle([("LINEBELOW", (0, r[-1]), (-1, r[-1]), 0.25, SHADE) for r in t.body_rows]))
    else:
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE)]))
    return t


def signature_blocks(
    sheet: Sheet, keys: Sequence[str], *, text_key: str | None = None, heading: str | None = None
) -> Flowable:
    """Signature and date lines side by side, kept on one page with their heading."""
    line = "_" * 22
    width = CONTENT_W / len(keys)
    cells = [
        cell(
            sheet,
            f"{sheet.t(key)}{sheet.t('colon')}{line}\n\n{sheet.t('date')}{sheet.t('colon')}{line}",
            width,
            "body",
            wrap_width=width - DEFAULT_PAD,
        )
        for key in keys
    ]
    style = cell_style(STYLES["body"].fontSize, pad=(6, DEFAULT_PAD, 3, 0))
    t = sheet_table([cells], [width] * len(keys), [[style] * len(keys)])
    parts: list[Flowable] = [Spacer(1, 3 * mm)]
    if heading:
        # The heading's keepWithNext does not reach into a KeepTogether: keep it inside.
        parts = [TextBlock(sheet.t(heading), STYLES["h2_in_block"])]
    if text_key:
        parts.append(sheet.lp(text_key, "body"))
    parts.append(t)
    return KeepTogether(parts)


def quoted(sheet: Sheet, words: str) -> str:
    """The customer's words verbatim in quotation marks."""
    return f"“{sheet.plain(words)}”"


def _header_drawer(sheet: Sheet) -> Callable[[Canvas, Any], None]:
    d = sheet.dealer
    name = TextBlock(sheet.plain(d.name), STYLES["dealer"])
    info = " · ".join(
        f"{sheet.t(key)}: {sheet.plain(value)}"
        for key, value in (("address", d.address), ("phone", d.phone), ("tax_no", d.tax_no))
        if value
    )
    details = TextBlock(info, STYLES["dealer_small"])
    title = sheet.t(f"title.{sheet.kind}")
    ro_line = f"{sheet.t('ro_no')}: {replace_missing(sheet.ro_number)[0]}"
    printed = f"{sheet.t('printed')}: {_fmt_printed(sheet)}"
    text_w = CONTENT_W - 26 * mm

    def draw(canvas: Canvas, _doc: Any) -> None:
        # The same on every page: drawn once per PDF as a form, reused on each page.
        if not canvas.hasForm("sheet_head"):
            canvas.beginForm("sheet_head")
            draw_once(canvas)
            canvas.endForm()
        canvas.doForm("sheet_head")

    def draw_once(canvas: Canvas) -> None:
        canvas.saveState()
        top = PAGE_H - 10 * mm
        sheet.draw_qr(canvas, PAGE_W - MARGIN - 20 * mm, top - 20 * mm, 20 * mm)
        _w, h = name.wrap(text_w, 12 * mm)
        name.drawOn(canvas, MARGIN, top - h)
        _w, h2 = details.wrap(text_w, 14 * mm)
        details.drawOn(canvas, MARGIN, top - h - 1 * mm - h2)
        canvas.setFont(FONT, 15)
        canvas.drawString(MARGIN, PAGE_H - 38 * mm, title)
        canvas.setFont(FONT, 10)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 38 * mm, ro_line)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, PAGE_H - 40.5 * mm, PAGE_W - MARGIN, PAGE_H - 40.5 * mm)
        canvas.setLineWidth(0.4)
        canvas.setStrokeColor(GRID)
        canvas.line(MARGIN, FOOTER_H - 3 * mm, PAGE_W - MARGIN, FOOTER_H - 3 * mm)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, FOOTER_H - 7 * mm, f"{title} · {ro_line} · {printed}")
        canvas.restoreState()

    return draw


def _fmt_printed(sheet: Sheet) -> str:
    from reports.formatting import datetime as fmt_datetime

    return fmt_datetime(sheet.printed_at, sheet.lang)


def _numbered_canvas(page_text: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that writes "page x of y" on every page once the page count is known."""

    class NumberedCanvas(SheetCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - MARGIN, FOOTER_H - 7 * mm, page_text(self._pageNumber, total))
                super().showPage()
            super().save()

    return NumberedCanvas


def build(sheet: Sheet, story: list[Flowable]) -> bytes:
    """Lay out ``story`` on A4 pages with the sheet's header and footer; the PDF bytes."""
    font()
    draw = _header_drawer(sheet)
    if sheet.replaced:
        story = [*story, Spacer(1, 3 * mm), sheet.lp("missing_glyphs", "small")]
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        title=f"{sheet.t(f'title.{sheet.kind}')} {sheet.ro_number}",
        author=sheet.dealer.name,
        creator="Service Advisor",
        lang=sheet.lang.replace("_", "-"),
        initialFontName=FONT,  # else every page names Helvetica, a font not embedded
    )
    bottom = FOOTER_H + 2 * mm
    # No frame padding: paragraphs and full-width tables share the same left edge.
    frame = Frame(
        MARGIN,
        bottom,
        CONTENT_W,
        PAGE_H - HEADER_H - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("sheet", frames=[frame], onPage=draw)])
    doc.build(
        story, canvasmaker=_numbered_canvas(lambda page, pages: sheet.t("page", page=page, pages=pages))
    )
    return buf.getvalue()
