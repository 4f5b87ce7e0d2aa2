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
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
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
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from advisor.services.views import DealerView
from reports.i18n_text import label

FONT = "WenQuanYiMicroHei"
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
    ttf = TTFont(FONT, str(FONT_FILE), subfontIndex=0)
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
        font()  # Paragraphs look the font up as soon as they are made

    def t(self, key: str, **values: object) -> str:
        """A label in the sheet's language."""
        return label(key, self.lang, **values)

    def markup(self, text: str) -> str:
        """User data as Paragraph markup: escaped, line breaks kept, missing glyphs shown."""
        safe, replaced = replace_missing(text or "")
        self.replaced = self.replaced or replaced
        return escape(safe).replace("\r\n", "\n").replace("\n", "<br/>").replace("\t", " ")

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A Paragraph of user data (or of already formatted values)."""
        return Paragraph(self.markup(text), STYLES[style])

    def lp(self, key: str, style: str = "label", **values: object) -> Paragraph:
        """A Paragraph of a label."""
        return Paragraph(escape(self.t(key, **values)), STYLES[style])

    def h2(self, key: str) -> Paragraph:
        """A section heading (never alone at the foot of a page)."""
        return Heading(escape(self.t(key)), STYLES["h2"])

    def draw_qr(self, canvas: Canvas, x: float, y: float, size: float) -> None:
        """The RO number as a QR code: drawn once per PDF as a form, reused on each page."""
        name = "ro_qr"
        if not canvas.hasForm(name):
            canvas.beginForm(name)
            modules, runs = qr_runs(self.ro_number)
            box = QR_SIZE / (modules + 2 * QR_QUIET)
            path = canvas.beginPath()
            for row, col, count in runs:
                path.rect((col + QR_QUIET) * box, QR_SIZE - (row + QR_QUIET + 1) * box, count * box, box)
            canvas.setFillColor(colors.black)
            canvas.drawPath(path, stroke=0, fill=1)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(size / QR_SIZE, size / QR_SIZE)
        canvas.doForm(name)
        canvas.restoreState()


QR_SIZE = 20 * mm
QR_QUIET = 2  # modules of white border (printed on white paper)


@lru_cache(maxsize=256)
def qr_runs(value: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The QR code of ``value``: its module count and its dark runs (row, column, length)."""
    widget = QrCodeWidget(value, barLevel="M")
    widget.qr.make()
    runs = []
    for r, row in enumerate(widget.qr.modules):
        c = 0
        for dark, group in itertools.groupby(bool(m) for m in row):
            n = len(list(group))
            if dark:
                runs.append((r, c, n))
            c += n
    return int(widget.qr.getModuleCount()), tuple(runs)


def cell(sheet: Sheet, text: str, width: float, style: str) -> Flowable | str:
    """A table cell: a plain string when it fits on one line (much faster to lay out),
    else a Paragraph that wraps inside the cell."""
    safe, replaced = replace_missing(text or "")
    sheet.replaced = sheet.replaced or replaced
    size = STYLES[style].fontSize
    if "\n" not in safe and pdfmetrics.stringWidth(safe, FONT, size) <= width - 2 * CELL_PAD:
        return safe
    return sheet.p(text, style)


CELL_PAD = 2.5


def _plain_cells(
    t: Table, cmds: list[Any], right: Sequence[int], muted_rows: Sequence[int], first: int
) -> None:
    cmds += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in right]
    cmds += [("TEXTCOLOR", (0, r + first), (-1, r + first), MUTED) for r in muted_rows]
    t.setStyle(TableStyle(cmds))


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
    head = [cell(sheet, h, widths[i], "th_r" if i in right else "th") for i, h in enumerate(header)]
    body: list[list[Flowable | str]] = [head]
    for r, row in enumerate(rows):
        muted = r in muted_rows
        cells: list[Flowable | str] = []
        for i, value in enumerate(row):
            if isinstance(value, str):
                style = "td_r" if i in right else ("td_muted" if muted else "td")
                value = cell(sheet, value, widths[i], style)
            cells.append(value)
        body.append(cells)
    t = Table(body, colWidths=widths, repeatRows=1)
    _plain_cells(
        t,
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8, 8 * 1.35),
            ("FONT", (0, 0), (-1, 0), FONT, 7.5, 7.5 * 1.35),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ],
        right,
        muted_rows,
        1,
    )
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
            row += [cell(sheet, key, label_w + CELL_PAD, "label"), cell(sheet, value, value_w, "body")]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    t = Table(rows, colWidths=[label_w, value_w] * columns)
    cmds: list[Any] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9, 9 * 1.35),  # empty cells too: no Helvetica in the PDF
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE),
    ]
    for c in range(0, 2 * columns, 2):
        cmds += [("FONT", (c, 0), (c, -1), FONT, 8, 8 * 1.35), ("TEXTCOLOR", (c, 0), (c, -1), MUTED)]
    t.setStyle(TableStyle(cmds))
    return t


def signature_blocks(
    sheet: Sheet, keys: Sequence[str], *, text_key: str | None = None, heading: str | None = None
) -> Flowable:
    """Signature and date lines side by side, kept on one page with their heading."""
    line = "_" * 22
    cells: list[Flowable] = []
    for key in keys:
        cells.append(
            Paragraph(
                f"{escape(sheet.t(key))}{sheet.t('colon')}{line}<br/><br/>"
                f"{escape(sheet.t('date'))}{sheet.t('colon')}{line}",
                STYLES["body"],
            )
        )
    t = Table([cells], colWidths=[CONTENT_W / len(keys)] * len(keys))
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    parts: list[Flowable] = [Spacer(1, 3 * mm)]
    if heading:
        # The heading's keepWithNext does not reach into a KeepTogether: keep it inside.
        parts = [Paragraph(escape(sheet.t(heading)), STYLES["h2_in_block"])]
    if text_key:
        parts.append(sheet.lp(text_key, "body"))
    parts.append(t)
    return KeepTogether(parts)


def quoted(sheet: Sheet, words: str) -> str:
    """The customer's words verbatim in quotation marks, as markup."""
    return f"“{sheet.markup(words)}”"


def _header_drawer(sheet: Sheet) -> Callable[[Canvas, Any], None]:
    d = sheet.dealer
    name = Paragraph(sheet.markup(d.name), STYLES["dealer"])
    info = " · ".join(
        f"{escape(sheet.t(key))}: {sheet.markup(value)}"
        for key, value in (("address", d.address), ("phone", d.phone), ("tax_no", d.tax_no))
        if value
    )
    details = Paragraph(info, STYLES["dealer_small"])
    title = sheet.t(f"title.{sheet.kind}")
    ro_line = f"{sheet.t('ro_no')}: {replace_missing(sheet.ro_number)[0]}"
    printed = f"{sheet.t('printed')}: {_fmt_printed(sheet)}"
    text_w = CONTENT_W - 26 * mm

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_H - 10 * mm
        _w, h = name.wrap(text_w, 12 * mm)
        name.drawOn(canvas, MARGIN, top - h)
        _w, h2 = details.wrap(text_w, 14 * mm)
        details.drawOn(canvas, MARGIN, top - h - 1 * mm - h2)
        sheet.draw_qr(canvas, PAGE_W - MARGIN - 20 * mm, top - 20 * mm, 20 * mm)
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

    class NumberedCanvas(Canvas):
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
