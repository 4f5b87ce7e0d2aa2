"""Benchmark: one settlement sheet of 30 lines vs the same tables and text as a plain
platypus story (the floor).

Run: ``.venv/bin/python -m tests.benchmarks.bench_sheets [--pairs 25]`` (not collected by
pytest).

FLOOR: what the sheet prints, built the plainest way stock reportlab allows — a
``SimpleDocTemplate`` with the same margins, the same font (registered once, as the sheet
does), and a story of the same rows and text: headings and text blocks as
``Paragraph``s (``wordWrap='CJK'``), the label/value, line, totals, payment and
signature tables as ``Table``s of the same strings with the same font commands, grid
and header shading, header rows repeated, the lines' descriptions as ``Paragraph``s
that wrap in their cells. It has no page header (dealer, QR code),
footer or page numbers, and no checks for characters the font lacks or for where
Chinese lines may break: that is what the sheet adds. OURS: ``sheets.render``.
Floor and ours alternate in the same process; the result is the median of the per-pair
ratios of CPU time (what our code costs on this busy 2-core machine; wall time is
printed too). Target: ≤ 1.5× the floor.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

LINES = 30
TARGET_RATIO = 1.5


def _settlement_view() -> Any:
    """A settled RO from a throw-away database, widened to 30 settled lines."""
    from advisor import auth, db
    from advisor.reference import ensure_reference_data
    from advisor.services.orders import get_ro_view
    from tests import factories

    auth.SCRYPT_N = 2**10
    folder = tempfile.mkdtemp(prefix="bench-sheets-")
    database = db.open_database(f"sqlite:///{folder}/bench.db")
    with database.atomic():
        ensure_reference_data()
    staff = factories.make_staff()
    ro_id, _ = factories.handed_over(staff)
    view = get_ro_view(ro_id)
    db.close_database()
    shutil.rmtree(folder, ignore_errors=True)  # the view is all that is needed
    base = view.lines[0]
    lines = []
    for i in range(LINES):
        part = i % 2 == 1
        lines.append(
            dataclasses.replace(
                base,
                id=1000 + i,
                kind="part" if part else "labour",
                code=f"{'P' if part else 'L'}-{i:04d}",
                description=("前刹车片（套） front brake pads" if part else "更换前刹车片 replace brake pads")
                + f" {i}",
                quantity=Decimal(1 + i % 3),
                unit_price_cents=12_345 + i,
                amount_cents=(12_345 + i) * (1 + i % 3),
                origin="oem" if part else "",
                old_part_handling="returned" if part else "",
            )
        )
    assert view.settlement is not None
    settlement = dataclasses.replace(view.settlement, line_ids=tuple(x.id for x in lines))
    return dataclasses.replace(view, lines=tuple(lines), settlement=settlement)


def _floor_story(sheet: Any, view: Any) -> list[Flowable]:
    """The sheet's content as a plain story (the strings the sheet prints, formatted the
    same way, so that both documents hold the same text)."""
    from reports import formatting as fmt
    from reports.blocks import fuel_gauge, vehicle_name
    from reports.i18n_text import code
    from reports.pdf_base import CONTENT_W, FONT, GRID, SHADE
    from reports.settlement_sheet import _old_part, _paid_by

    lang, t = sheet.lang, sheet.t
    s = view.settlement

    def style(size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            f"s{size}", fontName=FONT, fontSize=size, leading=size * 1.35, wordWrap="CJK", **kw
        )

    body, small, h2 = style(9), style(7.5), style(10.5, spaceBefore=3 * mm, spaceAfter=1.2 * mm)
    cell_style = style(8)  # a description wraps in its cell, as on the sheet

    def para(text: str, st: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), st)

    def table(rows: list[list[Any]], widths: list[float], size: float, grid: bool) -> Table:
        total = sum(widths)
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, size, size * 1.35),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        if grid:
            commands += [
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ]
        return Table(
            rows,
            colWidths=[w / total * CONTENT_W for w in widths],
            repeatRows=int(grid),
            style=TableStyle(commands),
        )

    d = sheet.dealer
    story: list[Flowable] = [
        para(d.name, style(13)),
        para(f"{t('address')}: {d.address} · {t('phone')}: {d.phone} · {t('tax_no')}: {d.tax_no}", small),
        para(f"{t('title.settlement')} {t('ro_no')}: {view.number}", style(15)),
        para(t("sec.customer_vehicle"), h2),
    ]
    pairs = [
        (t("customer"), view.customer.name),
        (t("phone"), view.customer.phone),
        (t("plate"), view.vehicle.plate),
        (t("vin"), view.vehicle.vin),
        (t("model"), vehicle_name(view)),
        (t("mileage_in"), fmt.km(view.mileage_in, lang)),
        (t("fuel"), fuel_gauge(view.fuel_level)),
        (t("advisor"), view.advisor),
        (t("arrived"), fmt.datetime(view.arrived_at, lang)),
        (t("repair_class"), code("repair_class", view.repair_class, lang)),
        (t("settlement_no"), s.number),
        (t("settled_at"), fmt.datetime(s.at, lang)),
    ]
    story.append(
        table([[*a, *b] for a, b in zip(pairs[::2], pairs[1::2], strict=True)], [30, 60, 30, 60], 9, False)
    )
    story.append(para(t("sec.concerns"), h2))
    for n, c in enumerate(view.current_concerns, 1):
        story += [para(f"{n}. {t('words')}{t('colon')}", small), para(f"“{c.customer_words}”", style(10))]
    money = fmt.money
    for kind, section in (("labour", "sec.labour"), ("part", "sec.materials")):
        header = ["col.code", "col.description", "col.qty", "col.unit_price", "col.amount", "col.pay_type"]
        if kind == "part":
            header[5:5] = ["col.origin"]
            header.append("col.old_part")
        rows = [[t(k) for k in header]]
        for x in view.lines:
            if x.kind == kind:
                row = [
                    x.code,
                    para(x.description, cell_style),
                    str(x.quantity),
                    money(x.unit_price_cents, lang),
                ]
                row += [money(x.amount_cents, lang), _paid_by(sheet, x)]
                if kind == "part":
                    row[5:5] = [code("origin", x.origin, lang)]
                    row.append(_old_part(sheet, x))
                rows.append(row)
        widths = [24, 44, 10, 19, 20, 17, 19, 27] if kind == "part" else [26, 70, 14, 22, 24, 24]
        story += [para(t(section), h2), table(rows, widths, 8, True)]
    totals = [
        [t("labour_total"), money(s.labour_cents, lang)],
        [t("parts_total"), money(s.parts_cents, lang)],
        [t("subtotal"), money(s.labour_cents + s.parts_cents + s.other_cents, lang)],
        [t("tax", rate=fmt.percent(sheet.dealer.tax_rate, lang)), money(s.tax_cents, lang)],
        [t("total"), money(s.total_cents, lang)],
        [t("paid"), money(s.paid_cents, lang)],
        [t("balance"), money(s.balance_cents, lang)],
    ]
    story += [para(t("sec.totals"), h2), table(totals, [140, 40], 8, False)]
    payments = [[t(k) for k in ("col.time", "col.method", "col.amount", "col.reference", "col.by")]]
    payments += [
        [
            fmt.datetime(p.at, lang),
            code("pay_method", p.method, lang),
            money(p.amount_cents, lang),
            p.reference,
            p.by,
        ]
        for p in s.payments
    ]
    story += [para(t("sec.payments"), h2), table(payments, [40, 30, 28, 50, 32], 8, True)]
    w = view.warranty
    story += [
        para(t("sec.warranty"), h2),
        para(
            t(
                "warranty_text",
                cls=code("repair_class", view.repair_class, lang),
                km=fmt.number(w.km, lang),
                days=w.days,
            )
        ),
        para(t("sec.signatures"), h2),
    ]
    line = "_" * 22
    sign = [
        f"{t(k)}{t('colon')}{line}\n\n{t('date')}{t('colon')}{line}"
        for k in ("customer_signature", "advisor_signature")
    ]
    story.append(table([sign], [1, 1], 9, False))
    return story


def _floor(sheet: Any, view: Any) -> bytes:
    from reports.pdf_base import FONT, HEADER_H, MARGIN, font

    font()  # (registered once per process, as the sheet does)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=HEADER_H,
        bottomMargin=18 * mm,
        initialFontName=FONT,
    )
    doc.build(_floor_story(sheet, view))
    return buf.getvalue()


def _cpu_wall(fn: Callable[[], bytes]) -> tuple[float, float, bytes]:
    w0, c0 = time.perf_counter(), time.process_time()
    pdf = fn()
    return (time.process_time() - c0) * 1000, (time.perf_counter() - w0) * 1000, pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=25)
    args = parser.parse_args(argv)

    from advisor.services.views import DealerView
    from reports import sheets
    from reports.pdf_base import Sheet

    view = _settlement_view()
    dealer = DealerView(
        name="星辉汽车服务有限公司",
        address="北京市朝阳区酒仙桥路 88 号",
        phone="010-88886666",
        tax_no="91110105MA01ABCD2X",
        labour_rate_cents=18_000,
        tax_rate=Decimal("0.13"),
    )
    printed = dt.datetime(2026, 11, 22, 9, 30)
    sheet = Sheet(kind="settlement", lang="zh_CN", ro_number=view.number, dealer=dealer, printed_at=printed)

    def ours() -> bytes:
        return sheets.render("settlement", view, lang="zh_CN", dealer=dealer, printed_at=printed)

    def floor() -> bytes:
        return _floor(sheet, view)

    pdfs = {"floor": floor(), "ours": ours()}  # warm-up: imports, font registration
    pairs = []
    for _ in range(args.pairs):
        f_cpu, f_wall, _pdf = _cpu_wall(floor)
        o_cpu, o_wall, _pdf = _cpu_wall(ours)
        pairs.append((f_cpu, f_wall, o_cpu, o_wall))
    med = [statistics.median(p[i] for p in pairs) for i in range(4)]
    ratio = statistics.median(p[2] / p[0] for p in pairs)
    wall_ratio = statistics.median(p[3] / p[1] for p in pairs)
    print(f"median of {args.pairs} alternating pairs      {'CPU ms':>8} {'wall ms':>8}  pages")
    for name, cpu, wall in (
        ("floor: plain platypus story", med[0], med[1]),
        ("ours: settlement sheet", med[2], med[3]),
    ):
        key = "floor" if name.startswith("floor") else "ours"
        print(f"{name:36} {cpu:8.1f} {wall:8.1f}  {len(re.findall(rb'/Type /Page(?!s)', pdfs[key]))}")
    ok = ratio <= TARGET_RATIO
    print(
        f"ratio (median of per-pair ratios): CPU {ratio:.2f}×, wall {wall_ratio:.2f}× — target ≤ {TARGET_RATIO}× (CPU) {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
