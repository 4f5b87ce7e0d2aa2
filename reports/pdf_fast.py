"""The fast drawing path of the sheets: a ``Table`` and a ``Canvas`` that write plain
table cells and one-line strings in the sheets' font straight into the page — the same
operators, byte for byte, as reportlab's general path (``tests/unit/reports/
test_pdf_speed.py`` compares them), with much less work per cell. Anything else (a
flowable in a cell, another font, links, right-to-left text) goes reportlab's way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus.tables import CellStyle

from reports import pdf_font
from reports.pdf_font import FONT
from reports.pdf_text import Wrapped, word_space, wrapped

CELL_PAD = 2.5
DEFAULT_PAD = 6  # reportlab's cell padding where a table does not set one


class SheetTable(Table):
    """A ``Table`` that draws its plain-string cells straight onto a ``SheetCanvas``
    (what reportlab's ``_drawCell`` writes for them, with less work per cell)."""

    # The cell style the fast path last set up, and what it needs of it and of the canvas.
    _fast_style: CellStyle | None = None
    _fast: tuple[Any, ...] = ()
    # Which table rows hold each row of the body given to ``sheet_table``: one row, or the
    # parts of a tall row split by ``split_tall_rows``.
    body_rows: tuple[range, ...] = ()

    @property
    def has_parts(self) -> bool:
        """Whether a tall row was split into parts (rules must then follow ``body_rows``)."""
        return len(self.body_rows) != len(self._cellvalues)

    def draw(self) -> None:
        self._fast_style = None  # Table.draw starts with no cell style set on the canvas
        # id(style) → [style, whether the fast path can draw it, what it needs]; the style
        # is kept so that its id stays its own while the table is drawn
        self._fast_styles: dict[int, list[Any]] = {}
        super().draw()

    def _drawCell(self, cellval: Any, cellstyle: CellStyle, pos: Any, size: Any) -> None:
        kind = cellval.__class__
        if (kind is not str and kind is not Wrapped) or (
            cellstyle is not self._fast_style and not self._fast_setup(cellstyle)
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            self._fast_style = None  # reportlab may have switched the style (and font)
            return
        canv, font, fontsize, leading, just, valign, top, right, bottom, left = self._fast
        colpos, rowpos = pos
        colwidth, rowheight = size
        lines = cellval.split("\n")
        if valign == "TOP":
            y = rowpos + rowheight - top - fontsize
        elif valign == "BOTTOM":
            y = rowpos + bottom + len(lines) * leading - fontsize
        else:
            y = rowpos + (bottom + rowheight - top + len(lines) * leading) / 2.0 - fontsize
        if kind is Wrapped and any(font.stringWidth(x, fontsize) > cellval.avail + 1e-8 for x in lines):
            # a line a little too wide: narrow its spaces, as the Paragraph it replaces did
            for line in lines:
                space = word_space(line, font.stringWidth(line, fontsize), cellval.avail)
                if space:
                    canv.drawString(colpos + left, y, line, wordSpace=space)
                else:
                    self._fast_line(line, colpos, colwidth, y)
                y -= leading
            return
        if just == "LEFT":
            x = colpos + left
            for line in lines:
                canv._fast_text(font, x, y, line)
                y -= leading
        elif just == "RIGHT":
            x = colpos + colwidth - right
            for line in lines:
                canv._fast_text(font, x - font.stringWidth(line, fontsize), y, line)
                y -= leading
        else:
            for line in lines:
                self._fast_line(line, colpos, colwidth, y)
                y -= leading

    def _fast_line(self, line: str, colpos: float, colwidth: float, y: float) -> None:
        canv, font, fontsize, _leading, just, _valign, _top, right, _bottom, left = self._fast
        if just == "LEFT":
            canv._fast_text(font, colpos + left, y, line)
        elif just == "RIGHT":
            canv._fast_text(font, colpos + colwidth - right - font.stringWidth(line, fontsize), y, line)
        else:
            x = colpos + (colwidth + left - right) * 0.5
            canv._fast_text(font, x - 0.5 * font.stringWidth(line, fontsize), y, line)

    def _fast_setup(self, cellstyle: CellStyle) -> bool:
        """Switch to ``cellstyle`` as reportlab does (fill colour and font when they change)
        and remember what the fast path needs; False when it cannot draw this cell."""
        canv = self.canv
        fast = self._fast_styles.get(id(cellstyle))
        if fast is None:
            s = cellstyle
            ok = (
                isinstance(canv, SheetCanvas)
                and not (s.href or s.destination or s.direction or s.shaping)
                and s.alignment in _ALIGNS
                and s.valign in _VALIGNS
                and isinstance(pdfmetrics.getFont(s.fontname), pdf_font.SheetFont)
            )
            fast = self._fast_styles[id(cellstyle)] = [s, ok, None]
        if not fast[1]:
            return False
        cur = self.__dict__["_curcellstyle"]  # set to None by Table.draw
        if cur is not cellstyle:  # as reportlab: set what changed
            if cur is None or (cellstyle.color is not cur.color and cellstyle.color != cur.color):
                canv.setFillColor(cellstyle.color)
            if (
                cur is None
                or cellstyle.leading != cur.leading
                or cellstyle.fontname != cur.fontname
                or cellstyle.fontsize != cur.fontsize
            ):
                canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        params = fast[2]
        if params is None:
            font = canv._sheet_font()
            if font is None:
                fast[1] = False
                return False
            s = cellstyle
            just = "CENTRE" if s.alignment == "CENTER" else s.alignment
            params = fast[2] = (
                canv,
                font,
                canv._fontsize,
                s.leading,
                just,
                s.valign,
                s.topPadding,
                s.rightPadding,
                s.bottomPadding,
                s.leftPadding,
            )
        self._fast = params
        self._fast_style = cellstyle
        return True


_ALIGNS = frozenset({"LEFT", "RIGHT", "CENTRE", "CENTER"})
_VALIGNS = frozenset({"BOTTOM", "TOP", "MIDDLE"})


# A row of plain text taller than this many lines is split into rows of ROW_PART lines
# that join seamlessly (no padding or rule between them), so that a long text can break
# across pages: reportlab moves whole rows, and a row taller than a page is a LayoutError.
MAX_ROW_LINES = 10
ROW_PART = 5


def sheet_table(
    body: list[list[Any]], widths: Sequence[float], styles: list[list[CellStyle]], **kw: Any
) -> SheetTable:
    """A ``Table`` with its cells' styles given as a grid (see ``cell_style``) and the heights
    of rows of plain strings worked out here, as reportlab would (lines × leading +
    vertical padding); a row holding a flowable is left for reportlab to measure. A row
    of more than ``MAX_ROW_LINES`` lines becomes several (``split_tall_rows``)."""
    body, styles, body_rows = split_tall_rows(body, styles)
    heights: list[float | None] = []
    for row, row_styles in zip(body, styles, strict=True):
        height = 0.0
        for value, style in zip(row, row_styles, strict=True):
            if not isinstance(value, str):
                break
            h = style.leading * (value.count("\n") + 1)
            h += style.bottomPadding + style.topPadding
            if h > height:
                height = h
        else:
            heights.append(height)
            continue
        heights.append(None)
    table = SheetTable(
        body, colWidths=list(widths), rowHeights=heights, cellStyles=styles, normalizedData=1, **kw
    )
    table.body_rows = tuple(body_rows)
    return table


def split_tall_rows(
    body: list[list[Any]], styles: list[list[CellStyle]]
) -> tuple[list[list[Any]], list[list[CellStyle]], list[range]]:
    """Each row of more than ``MAX_ROW_LINES`` lines cut into parts of ``ROW_PART`` lines.

    A cell's lines keep their place in the row: a top-aligned cell's from the first
    part on, a bottom-aligned one's ending in the last part. The parts' padding is the
    row's at its top and bottom edges only, so the lines follow each other at the same
    leading as in one row. Returns the rows, their styles, and the table rows of each
    row of ``body``."""
    out: list[list[Any]] = []
    out_styles: list[list[CellStyle]] = []
    spans: list[range] = []
    part_styles: dict[tuple[int, bool, bool], CellStyle] = {}
    for row, row_styles in zip(body, styles, strict=True):
        counts = [v.count("\n") + 1 if isinstance(v, str) else 0 for v in row]
        total = max(counts, default=0)
        if total <= MAX_ROW_LINES:
            spans.append(range(len(out), len(out) + 1))
            out.append(row)
            out_styles.append(row_styles)
            continue
        parts = -(-total // ROW_PART)
        first = len(out)
        for part in range(parts):
            cells: list[Any] = []
            for value, style, count in zip(row, row_styles, counts, strict=True):
                if not isinstance(value, str):  # a flowable goes whole into one part
                    home = {"TOP": 0, "BOTTOM": parts - 1}.get(style.valign, parts // 2)
                    cells.append(value if part == home else "")
                    continue
                offset = {"TOP": 0, "BOTTOM": total - count}.get(style.valign, (total - count) // 2)
                lines = value.split("\n")
                piece = lines[max(0, part * ROW_PART - offset) : max(0, (part + 1) * ROW_PART - offset)]
                cells.append(wrapped(piece, value.avail) if isinstance(value, Wrapped) else "\n".join(piece))
            out.append(cells)
            out_styles.append([_part_style(s, part == 0, part == parts - 1, part_styles) for s in row_styles])
        spans.append(range(first, len(out)))
    return out, out_styles, spans


def _part_style(
    style: CellStyle, first: bool, last: bool, made: dict[tuple[int, bool, bool], CellStyle]
) -> CellStyle:
    """``style`` without its top padding (unless ``first``) and bottom padding (unless
    ``last``): the style of a part of a split row (one per style and place, in ``made``)."""
    if first and last:
        return style
    key = (id(style), first, last)
    part = made.get(key)
    if part is None:
        part = made[key] = style.copy()
        if not first:
            part.topPadding = 0
        if not last:
            part.bottomPadding = 0
    return part


def cell_style(
    size: float,
    *,
    align: str = "LEFT",
    color: Any = colors.black,
    valign: str = "BOTTOM",
    pad: tuple[float, float, float, float] = (3, DEFAULT_PAD, 3, DEFAULT_PAD),
) -> CellStyle:
    """The style of table cells: the sheets' font at ``size`` (leading 1.35×), alignment,
    colour, vertical alignment and padding (top, right, bottom, left).

    A table gets its cells' styles as a grid of a few shared ``CellStyle`` objects
    (``Table(cellStyles=…)``) rather than as style commands, which reportlab applies to
    every cell one by one; only lines and backgrounds stay commands."""
    style = CellStyle(f"{size}-{align}")
    style.fontname = FONT
    style.fontsize = size
    style.leading = size * 1.35
    style.alignment = align
    style.color = color
    style.valign = valign
    style.topPadding, style.rightPadding, style.bottomPadding, style.leftPadding = pad
    return style


class SheetCanvas(Canvas):
    """A canvas whose one-line strings in the sheets' font skip reportlab's general text
    object: the same operators, written directly (a sheet draws hundreds of table cells,
    each one a ``drawString``). What it remembers — subset names, the formatted size and
    leading — belongs to this one document."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._subset_names: dict[int, str] = {}
        self._size_ops: dict[tuple[float, float], str] = {}
        self._fast_font: tuple[str, pdf_font.SheetFont | None] = ("", None)
        # (font, size, leading, its code table in this document, "/F1+0 8 Tf 10.8 TL (")
        self._fast_head: tuple[Any, ...] = (None, 0, 0, None, "")

    def _size_op(self) -> str:
        size = self._size_ops.get((self._fontsize, self._leading))
        if size is None:
            size = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
            self._size_ops[self._fontsize, self._leading] = size
        return size

    def _subset_name(self, font: pdf_font.SheetFont, subset: int) -> str:
        name = self._subset_names.get(subset)
        if name is None:
            name = self._subset_names[subset] = font.getSubsetInternalName(subset, self._doc)
        return name

    def _sheet_font(self) -> pdf_font.SheetFont | None:
        """The current font if the fast path can draw in it."""
        name, font = self._fast_font
        if name != self._fontname:
            found = pdfmetrics.getFont(self._fontname)
            ok = isinstance(found, pdf_font.SheetFont) and self.bottomup and not textobject.rtlSupport
            font = found if ok else None
            self._fast_font = (self._fontname, font)
        return font

    def _fast_text(self, font: pdf_font.SheetFont, x: float, y: float, text: str) -> None:
        """What ``drawString`` writes for ``text`` at (x, y), byte for byte."""
        doc = self._doc
        fast = self._fast_head
        if fast[0] is not font or fast[1] != self._fontsize or fast[2] != self._leading:
            fast = self._fast_head = (font, self._fontsize, self._leading, font.codes(doc), "")
        mapped = text.translate(fast[3])
        if mapped:
            try:
                chunk = mapped.encode("latin-1")  # the usual case: all in the first subset
            except UnicodeEncodeError:
                pass
            else:
                head = fast[4]
                if not head:  # the first subset's font operators, in the first string drawn
                    size = self._size_op()
                    name = self._subset_name(font, 0)
                    head = f"{name} {size} ("
                    self._fast_head = (*fast[:4], head)
                self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {head}{escapePDF(chunk)}) Tj T* ET")
                return
        size = self._size_op()
        chunks = font.splitString(text, doc)
        ops = []
        current = -1
        for subset, chunk in chunks:
            if subset != current:
                ops.append(f"{self._subset_name(font, subset)} {size}")
                current = subset
            ops.append(f"({escapePDF(chunk)}) Tj")
        self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {' '.join(ops)} T* ET")

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        font = None if args or kwargs else self._sheet_font()
        if font is None:
            super().drawString(x, y, text, *args, **kwargs)
        else:
            self._fast_text(font, x, y, text)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        font = None if args or kwargs else self._sheet_font()
        if font is None:
            super().drawRightString(x, y, text, *args, **kwargs)
        else:
            self._fast_text(font, x - font.stringWidth(text, self._fontsize), y, text)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        font = None if args or kwargs else self._sheet_font()
        if font is None:
            super().drawCentredString(x, y, text, *args, **kwargs)
        else:
            self._fast_text(font, x - 0.5 * font.stringWidth(text, self._fontsize), y, text)
