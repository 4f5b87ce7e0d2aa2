"""The page of a sheet: the dealer's header with the RO number as a QR code, the footer
with "page x of y", and the document that lays the story out on A4 pages."""

from __future__ import annotations

import io
import itertools
import threading
from collections.abc import Callable
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepInFrame, PageTemplate, Spacer

from reports.formatting import datetime as fmt_datetime
from reports.pdf_base import (
    CONTENT_W,
    FONT,
    FOOTER_H,
    FRAME_BOTTOM,
    FRAME_H,
    GRID,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    STYLES,
    Sheet,
    font,
    paragraphs,
    replace_missing,
)

QR_SIZE = 20 * mm
QR_QUIET = 2  # modules of white border (printed on white paper)
TEXT_W = CONTENT_W - QR_SIZE - 6 * mm  # the dealer's name and details, beside the QR code
TEXT_H = 21 * mm  # room for them above the title, with a gap (a longer text is set smaller)
FOOTER_Y = FOOTER_H - 7 * mm


def qr_modules(value: str) -> list[list[bool]]:
    """``value`` as a QR code (error correction M): its rows of dark (True) and light
    modules, by reportlab's encoder (``QrCodeWidget`` draws the same modules)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    qr.make()
    n = qr.getModuleCount()
    return [[qr.isDark(r, c) for c in range(n)] for r in range(n)]


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """``value`` as a QR code ``size`` points square (quiet zone included), its lower left
    corner at (x, y): one filled path, a rectangle per run of dark modules in a row.
    (``QrCodeWidget`` makes each rectangle a validated shape object in a ``Drawing``: ~5 ms
    more per sheet. The page header is drawn once per PDF, as a form.)"""
    modules = qr_modules(value)
    unit = size / (len(modules) + 2 * QR_QUIET)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + QR_QUIET + 1) * unit
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(x + (c + QR_QUIET) * unit, top, count * unit, unit)
            c += count
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)


def _header_drawer(sheet: Sheet) -> Callable[[Canvas, Any], None]:
    d = sheet.dealer
    info = " · ".join(
        f"{sheet.t(key)}: {sheet.plain(value)}"
        for key, value in (("address", d.address), ("phone", d.phone), ("tax_no", d.tax_no))
        if value
    )
    dealer = KeepInFrame(
        TEXT_W,
        TEXT_H,
        [
            *paragraphs(sheet.plain(d.name), STYLES["dealer"], TEXT_W),
            Spacer(1, 1 * mm),
            *paragraphs(info, STYLES["dealer_small"], TEXT_W),
        ],
        mode="shrink",
    )
    title = sheet.t(f"title.{sheet.kind}")
    ro_line = f"{sheet.t('ro_no')}: {replace_missing(sheet.ro_number)[0]}"
    printed = f"{sheet.t('printed')}: {fmt_datetime(sheet.printed_at, sheet.lang)}"

    def draw(canvas: Canvas, _doc: Any) -> None:
        # The same on every page: drawn once per PDF as a form, reused on each page; the
        # page number is a form of its own, filled in when the page count is known.
        if not canvas.hasForm("sheet_head"):
            canvas.beginForm("sheet_head")
            draw_once(canvas)
            canvas.endForm()
        canvas.doForm("sheet_head")
        canvas.doForm(_page_form(canvas.getPageNumber()))

    def draw_once(canvas: Canvas) -> None:
        canvas.saveState()
        top = PAGE_H - 10 * mm
        draw_qr(canvas, sheet.ro_number, PAGE_W - MARGIN - QR_SIZE, top - QR_SIZE, QR_SIZE)
        _w, h = dealer.wrapOn(canvas, TEXT_W, TEXT_H)
        dealer.drawOn(canvas, MARGIN, top - h)
        canvas.setFillColor(colors.black)
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
        canvas.drawString(MARGIN, FOOTER_Y, f"{title} · {ro_line} · {printed}")
        canvas.restoreState()

    return draw


def _page_form(page: int) -> str:
    return f"page_number_{page}"


def _numbered_canvas(page_text: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that defines each page's "page x of y" form once the page count is known
    (a form may be used before it is defined, up to ``save``)."""

    class NumberedCanvas(Canvas):
        def save(self) -> None:
            pages = self.getPageNumber() - 1  # (the page after the last one shown)
            for page in range(1, pages + 1):
                self.beginForm(_page_form(page))
                self.setFont(FONT, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - MARGIN, FOOTER_Y, page_text(page, pages))
                self.endForm()
            super().save()

    return NumberedCanvas


# One sheet at a time: the app renders sheets in worker threads (ui.operations), and
# reportlab does not say that two documents may be built at once (the registered font
# keeps each document's subsets in shared state).
_BUILDING = threading.Lock()


def build(sheet: Sheet, story: list[Flowable]) -> bytes:
    """Lay out ``story`` on A4 pages with the sheet's header and footer; the PDF bytes."""
    with _BUILDING:
        return _build(sheet, story)


def _build(sheet: Sheet, story: list[Flowable]) -> bytes:
    font()
    draw = _header_drawer(sheet)
    if sheet.replaced:
        story = [*story, Spacer(1, 3 * mm), *sheet.lp("missing_glyphs", "small")]
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
    # No frame padding: paragraphs and full-width tables share the same left edge.
    frame = Frame(
        MARGIN, FRAME_BOTTOM, CONTENT_W, FRAME_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    doc.addPageTemplates([PageTemplate("sheet", frames=[frame], onPage=draw)])
    doc.build(
        story, canvasmaker=_numbered_canvas(lambda page, pages: sheet.t("page", page=page, pages=pages))
    )
    return buf.getvalue()
