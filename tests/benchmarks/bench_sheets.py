"""Benchmark: one settlement sheet of 30 lines vs a bare reportlab document (the floor).

Run: ``.venv/bin/python -m tests.benchmarks.bench_sheets`` (not collected by pytest).
Targets: the sheet within 2× the floor and under 150 ms (median of 20 renders).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

RUNS = 20
LINES = 30
TARGET_MS = 150.0
TARGET_RATIO = 2.0


def _settlement_view() -> object:
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


def _floor(rows: list[list[str]]) -> bytes:
    """A bare SimpleDocTemplate with the same 30-row table in the same font."""
    from reports.pdf_base import FONT, font

    font()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, initialFontName=FONT)
    t = Table(rows, repeatRows=1)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8), ("GRID", (0, 0), (-1, -1), 0.4, "grey")]))
    doc.build([t])
    return buf.getvalue()


def _median_ms(fn: Callable[[], bytes]) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``RUNS`` calls (CPU time is what our code costs
    on a busy 2-core machine; wall time is what the user waits)."""
    fn()  # warm-up: imports, font registration
    wall, cpu = [], []
    for _ in range(RUNS):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    from advisor.services.views import DealerView
    from reports import sheets
    from reports.formatting import money

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
    lines = view.lines  # type: ignore[attr-defined]
    rows = [["Code", "Description", "Qty", "Unit price", "Amount", "Origin", "Paid by", "Old part"]]
    rows += [
        [
            x.code,
            x.description,
            str(x.quantity),
            money(x.unit_price_cents, "zh_CN"),
            money(x.amount_cents, "zh_CN"),
            "原厂",
            "客户",
            "交还客户",
        ]
        for x in lines
    ]

    def ours() -> bytes:
        return sheets.render("settlement", view, lang="zh_CN", dealer=dealer, printed_at=printed)  # type: ignore[arg-type]

    floor_wall, floor_cpu = _median_ms(lambda: _floor(rows))
    ours_wall, ours_cpu = _median_ms(ours)
    print(f"median of {RUNS} renders        {'wall ms':>9} {'CPU ms':>9}")
    print(f"floor: bare SimpleDocTemplate {floor_wall:9.1f} {floor_cpu:9.1f}")
    print(f"settlement sheet, {LINES} lines   {ours_wall:9.1f} {ours_cpu:9.1f}")
    print(f"ratio (sheet / floor)         {ours_wall / floor_wall:8.2f}× {ours_cpu / floor_cpu:8.2f}×")
    ratio = ours_cpu / floor_cpu
    ok = ratio <= TARGET_RATIO and ours_wall <= TARGET_MS
    print(
        f"targets: ≤ {TARGET_RATIO:.0f}× the floor (CPU) and ≤ {TARGET_MS:.0f} ms (wall) — "
        f"{'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
