"""Streaming one table onto a write-only worksheet: typed cells with real number
formats, user text that can never become a formula, widths fitted to the content,
a frozen header row and an autofilter."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MONEY = "¥#,##0.00"
PERCENT = "0.0%"
DATETIME = "yyyy-mm-dd hh:mm"
DATE = "yyyy-mm-dd"
DECIMAL = "#,##0.00"
INTEGER = "#,##0"
FORMATS = {"money": MONEY, "pct": PERCENT, "dt": DATETIME, "date": DATE, "dec": DECIMAL, "int": INTEGER}
# What a spreadsheet could read as the start of a formula (or DDE/CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SAMPLE_ROWS = 200  # rows looked at to fit the column widths before streaming
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")


def is_risky(text: str) -> bool:
    """True when ``text`` would start a formula if typed into a cell."""
    return text.startswith(FORMULA_START)


def clean(text: str) -> str:
    """Drop the control characters an .xlsx file cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text) if ILLEGAL_CHARACTERS_RE.search(text) else text


def text_cell(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    """A cell that holds ``text`` as a literal string, shown as typed with a leading
    apostrophe (Excel's quotePrefix): never evaluated, never re-parsed when edited."""
    cell = WriteOnlyCell(ws)
    cell.value = text
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def display_width(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if kind == "dt":
        return 17  # "2026-06-01 09:56" plus a margin
    if kind == "date":
        return 10
    if kind == "pct":
        return 7
    if kind == "money":
        return len(f"{value:,.2f}") + 2
    if kind in ("int", "dec"):
        return len(f"{value:,}")
    text = str(value)
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in max(text.split("\n"), key=len))


def money(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents).scaleb(-2)


class TableWriter:
    """Append typed rows under a header; call ``close()`` at the end.

    Every column has one prepared cell (its number format set once) that is refilled
    for each row: the write-only sheet serialises a row as soon as it is appended, so
    the cell is free again, and no style is looked up per cell.
    """

    def __init__(self, ws: WriteOnlyWorksheet, headers: Sequence[str], kinds: Sequence[str]) -> None:
        self.ws = ws
        self.headers = list(headers)
        self.kinds = list(kinds)
        self.rows = 0
        self._sample: list[list[Any]] | None = []
        self._protos: list[WriteOnlyCell] = []
        self._quoted: list[WriteOnlyCell] = []
        for kind in self.kinds:
            cell = WriteOnlyCell(ws)
            if kind in FORMATS:
                cell.number_format = FORMATS[kind]
            self._protos.append(cell)
            self._quoted.append(text_cell(ws, ""))
        # Rows arrive as ready cells: skip openpyxl's try-a-value-then-a-cell probing.
        setattr(ws, "_values_to_row", _cells_to_row)  # noqa: B010

    def append(self, values: Sequence[Any]) -> None:
        if self._sample is not None:
            self._sample.append(list(values))
            if len(self._sample) >= SAMPLE_ROWS:
                self._start()
            return
        self._write(values)

    def _write(self, values: Iterable[Any]) -> None:
        out: list[WriteOnlyCell | None] = []
        for value, proto, quoted in zip(values, self._protos, self._quoted, strict=True):
            if value is None:
                out.append(None)
                continue
            if isinstance(value, str):
                value = clean(value)
                if is_risky(value):
                    quoted.value = value
                    quoted.data_type = "s"
                    out.append(quoted)
                    continue
            proto.value = value
            out.append(proto)
        self.ws.append(out)
        self.rows += 1

    def _start(self) -> None:
        """Fit widths to the header and the sample, freeze and write the header."""
        sample = self._sample or []
        self._sample = None
        for idx, (header, kind) in enumerate(zip(self.headers, self.kinds, strict=True), 1):
            width = max(
                [display_width(header, "text") + 2, *(display_width(r[idx - 1], kind) + 2 for r in sample)]
            )
            self.ws.column_dimensions[get_column_letter(idx)].width = min(max(width, 6), 60)
        self.ws.freeze_panes = "A2"
        head = []
        for h in self.headers:
            c = WriteOnlyCell(self.ws, value=clean(h))
            c.font = HEADER_FONT
            c.fill = HEADER_FILL
            c.alignment = Alignment(vertical="center")
            head.append(c)
        self.ws.append(head)
        for row in sample:
            self._write(row)

    def close(self) -> None:
        if self._sample is not None:
            self._start()
        last = get_column_letter(len(self.headers))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _cells_to_row(values: Iterable[WriteOnlyCell | None], row_idx: int) -> Iterator[WriteOnlyCell]:
    for col_idx, cell in enumerate(values, 1):
        if cell is None:
            continue
        cell.column = col_idx
        cell.row = row_idx
        yield cell
