"""The tables of the sheets: ruled data tables whose header repeats on every page,
label/value tables, totals and signature lines.

A cell's text is a plain string of its lines (broken by ``wrapping``), drawn by the table
itself in the font its style commands set. A row taller than what is left of a page
splits across pages between its lines (``splitInRow``); reportlab splits a string cell
at 1.2 × its font size a line, so that is the leading of table cells (``CELL_LEADING``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from reports.pdf_base import CONTENT_W, FONT, GRID, MUTED, SHADE, STYLES, Sheet, text_lines

CELL_PAD = 2.5  # left and right padding of a data table's cells
DEFAULT_PAD = 6  # reportlab's default cell padding, on the right of label/value cells
Pad: TypeAlias = tuple[float, float]  # a cell's left and right padding

Cell: TypeAlias = str | list[Flowable] | Flowable
CELL_LEADING = 1.2  # × the font size


def cell(sheet: Sheet, text: str, width: float, style: str, pad: Pad) -> str:
    """The cell of ``text`` in a column ``width`` points wide: its lines in ``style``'s
    font size (the cell's)."""
    safe = sheet.plain(text)
    s = STYLES[style]
    avail = width - pad[0] - pad[1]
    if "\n" not in safe and stringWidth(safe, FONT, s.fontSize) <= avail:
        return safe
    return "\n".join(text_lines(safe, s, avail))


def amount(text: str, width: float, style: str, pad: Pad) -> Cell:
    """A number in a column ``width`` points wide: on one line, set smaller when it is
    too wide (a number is never wrapped)."""
    s = STYLES[style]
    avail = width - pad[0] - pad[1]
    wide = stringWidth(text, FONT, s.fontSize)
    if wide <= avail:
        return text
    size = s.fontSize * avail / wide * 0.99
    return [
        Paragraph(escape(text), ParagraphStyle(f"{style}-fit", s, fontSize=size, leading=size * CELL_LEADING))
    ]


def struck(text: str, style: str) -> Flowable:
    """A cell's text struck through (an amount that does not count)."""
    s = STYLES[style]
    return Paragraph(
        f"<strike>{escape(text)}</strike>",
        ParagraphStyle(f"{style}-cell", s, leading=s.fontSize * CELL_LEADING),
    )


def table(
    body: list[list[Cell]], widths: Sequence[float], commands: list[tuple[Any, ...]], **kw: Any
) -> Table:
    """A ``Table`` of ``body`` with ``widths`` and styled by ``commands``."""
    return Table(body, colWidths=list(widths), style=TableStyle(commands), **kw)


def data_table(
    sheet: Sheet,
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths_mm: Sequence[float],
    *,
    right: Sequence[int] = (),
    muted_rows: Sequence[int] = (),
    width: float = CONTENT_W,
) -> Table:
    """A ruled table whose header row repeats on every page; long text wraps in its cell,
    and the columns in ``right`` hold numbers (right aligned, never wrapped). The
    columns share ``width`` points (the page's width) in proportion to ``widths_mm``."""
    total = sum(widths_mm)
    widths = [w / total * width for w in widths_mm]
    pad = (CELL_PAD, CELL_PAD)
    body: list[list[Cell]] = [
        [cell(sheet, h, widths[i], "th_r" if i in right else "th", pad) for i, h in enumerate(header)]
    ]
    muted = set(muted_rows)
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for i, value in enumerate(row):
            if not isinstance(value, str):
                cells.append(value)  # a flowable
            elif i in right:
                cells.append(amount(value, widths[i], "td_r", pad))
            else:
                cells.append(cell(sheet, value, widths[i], "td_muted" if r in muted else "td", pad))
        body.append(cells)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, 8 * CELL_LEADING),
        ("FONT", (0, 0), (-1, 0), FONT, 7.5, 7.5 * CELL_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
    ]
    commands += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in right]
    commands += [("TEXTCOLOR", (0, r + 1), (-1, r + 1), MUTED) for r in sorted(muted)]
    return table(body, widths, commands, repeatRows=1, splitInRow=1)


def kv_table(
    sheet: Sheet, pairs: Sequence[tuple[str, str]], *, columns: int = 2, label_mm: float = 30
) -> Table:
    """Label/value pairs in ``columns`` column pairs (labels muted, values wrap)."""
    label_w = label_mm * mm
    value_w = CONTENT_W / columns - label_w
    pad = (0, DEFAULT_PAD)
    rows: list[list[Cell]] = []
    for i in range(0, len(pairs), columns):
        row: list[Cell] = []
        for key, value in pairs[i : i + columns]:
            row += [cell(sheet, key, label_w, "label", pad), cell(sheet, value, value_w, "body", pad)]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9, 9 * CELL_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), DEFAULT_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE),
    ]
    for c in range(0, 2 * columns, 2):  # the labels
        commands += [
            ("FONT", (c, 0), (c, -1), FONT, 8, 8 * CELL_LEADING),
            ("TEXTCOLOR", (c, 0), (c, -1), MUTED),
        ]
    return table(rows, [label_w, value_w] * columns, commands, splitInRow=1)


def totals_table(sheet: Sheet, rows: Sequence[tuple[str, str]], *, strong: Sequence[int] = ()) -> Table:
    """Right-aligned label/amount rows; rows in ``strong`` are ruled above and larger."""
    widths = (CONTENT_W - 40 * mm, 40 * mm)
    pad = (DEFAULT_PAD, 2.5)
    body: list[list[Cell]] = []
    for i, (name, value) in enumerate(rows):
        style = "total" if i in strong else "td_r"
        body.append([cell(sheet, name, widths[0], style, pad), amount(value, widths[1], style, pad)])
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, 8 * CELL_LEADING),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), DEFAULT_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for i in strong:
        commands += [
            ("FONT", (0, i), (-1, i), FONT, 10, 10 * CELL_LEADING),
            ("LINEABOVE", (0, i), (-1, i), 0.6, GRID),
        ]
    return table(body, widths, commands, hAlign="RIGHT", splitInRow=1)


def signature_blocks(
    sheet: Sheet, keys: Sequence[str], *, text_key: str | None = None, heading: str | None = None
) -> Flowable:
    """Signature and date lines side by side, kept on one page with their heading."""
    line = "_" * 22
    width = CONTENT_W / len(keys)
    colon = sheet.t("colon")
    cells: list[Cell] = [
        cell(
            sheet,
            f"{sheet.t(key)}{colon}{line}\n\n{sheet.t('date')}{colon}{line}",
            width,
            "body",
            (0, DEFAULT_PAD),
        )
        for key in keys
    ]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9, 9 * CELL_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    parts: list[Flowable] = [Spacer(1, 3 * mm)]
    if heading:
        # The heading's keepWithNext does not reach into a KeepTogether: keep it inside.
        parts = sheet.lp(heading, "h2")
    if text_key:
        parts += sheet.lp(text_key, "body")
    parts.append(table([cells], [width] * len(keys), commands))
    return KeepTogether(parts)
