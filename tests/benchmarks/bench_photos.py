"""Benchmark: an RO with 40 photos against the same RO without them (issue 18).

    .venv/bin/python -m tests.benchmarks.bench_photos [--database URL] [--runs 15] [--photos 40] [--json F]

Two ROs built the same way in an empty database (``--database``: an empty SQLite file or
PostgreSQL database; default a throw-away SQLite file): checked in with four damage marks,
a concern, the walk-around inspection of every item of the car's checklist rated (two red,
two yellow), the advisor's recommendation, the red items turned into estimate lines. Then
40 photos go into one of them through ``add_photo``, as a desk adds them: 3000 × 2000
generated pictures (a gradient, shapes and sensor noise, so they compress like photos, not
like a flat card), on the damage marks, the concern and the inspection items.

OURS is the RO with the photos, its FLOOR the same RO without them, in the same process,
interleaved (ours, floor, floor, ours …):

- open: the RO workspace opening the RO and visiting each of its step pages (offscreen
  Qt; every read its pages and photo strips make);
- health report: what Print → Vehicle health report does (``read_ro``, the sheet's photos
  through ``read_sheet_photos``, ``sheets.render``) — the photos resized for print;
- database growth: the size the 40 photos add (SQLite: the file after a WAL checkpoint;
  PostgreSQL: ``pg_total_relation_size`` of every table), against the per-RO budget
  (setting ``photo_budget_mb``).

Targets: open and health report p50 ≤ 3× the floor; growth ≤ the budget.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from tests.benchmarks._scale import Row, emit, interleave, row

TARGET_RATIO = 3.0


def _fresh(url: str | None) -> str:
    from advisor import auth, db
    from advisor.reference import ensure_reference_data

    auth.SCRYPT_N = 2**10  # the demo users' password hash, cheaply
    if url is None:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='bench-photos-')}/bench.db"
    database = db.open_database(url)
    with database.atomic():
        ensure_reference_data()
    return url


def _ro(staff: Any, n: int) -> int:
    """An RO at the estimate: damage marks, a concern, the inspection rated, its red items
    turned into estimate lines, the recommendation."""
    from advisor.services import findings, inspection, reception
    from tests import factories
    from tests.unit.reports import evidence_rows

    _c, vehicle = factories.make_customer_vehicle(staff, name=f"客户{n}", phone=f"1391234{n:04d}")
    ro_id = factories.open_checked_in(staff, vehicle_id=vehicle)
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=4,
        body_damage=[
            {"zone": "front_bumper", "kind": "scratch", "note": "左侧 10 厘米"},
            {"zone": "front_left_door", "kind": "dent", "note": ""},
            {"zone": "rear_bumper", "kind": "scratch", "note": ""},
            {"zone": "roof", "kind": "chip", "note": "天窗前"},
        ],
    )
    ids = evidence_rows.inspect(
        ro_id,
        actor=staff.advisor,
        recommendation="建议本次更换前刹车盘和刹车片；左前轮胎与雨刮片下次保养时更换。",
    )
    view = inspection.inspection_of(ro_id)
    assert view is not None
    reds = [r.id for r in view.results if r.rating == "red"]
    findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=reds)
    assert len(ids) >= 30
    return ro_id


def _add_photos(staff: Any, ro_id: int, count: int) -> tuple[float, int]:
    """``count`` 3000 × 2000 pictures through ``add_photo``: one on each damage mark, two on
    the concern, the rest on the inspection items (the red and yellow ones first). Seconds
    spent in ``add_photo``, and the bytes the RO's photos take (what the budget counts)."""
    from advisor.services import inspection, photos
    from advisor.services.orders import get_ro_view
    from tests.unit.reports.evidence_rows import noisy_jpeg

    view = get_ro_view(ro_id)
    insp = inspection.inspection_of(ro_id)
    assert insp is not None
    items = sorted(insp.results, key=lambda r: (r.rating not in ("red", "yellow"), r.seq))
    subjects: list[tuple[str, int]] = [("damage", n) for n in range(1, len(view.body_damage) + 1)]
    subjects += [("concern", view.concerns[0].id)] * 2
    subjects += [("inspection", items[i % len(items)].id) for i in range(count)]
    spent = 0.0
    for i, (subject, subject_id) in enumerate(subjects[:count]):
        data = noisy_jpeg(3000, 2000, seed=i)
        t0 = time.perf_counter()
        photos.add_photo(actor=staff.advisor, ro_id=ro_id, subject=subject, subject_id=subject_id, data=data)
        spent += time.perf_counter() - t0
    usage = photos.read_photo_usage(actor=staff.advisor, ro_id=ro_id)
    assert usage.count == count
    return spent, usage.used_bytes


def _db_bytes(url: str) -> int:
    """The database's size: the SQLite file (WAL checkpointed into it) or every table of
    the PostgreSQL database with its indexes and TOAST (``pg_total_relation_size``)."""
    from advisor.db import database_proxy as database

    if url.startswith("sqlite"):
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        path = Path(url.removeprefix("sqlite:///"))
        wal = path.with_name(path.name + "-wal")
        return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    cursor = database.execute_sql(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname = current_schema()"
    )
    return int(cursor.fetchone()[0])


def _open_rows(advisor: Any, ro_photos: int, ro_plain: int, runs: int) -> Row:
    """The RO workspace opening each RO and visiting its step pages (first visits)."""
    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.operations import Operations
    from ui.workspaces.repair_order import RepairOrderWorkspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ws = RepairOrderWorkspace(
        AppContext(actor=advisor, ops=Operations(advisor), db_label="bench", lang="zh_CN")
    )
    ws.resize(1366, 700)
    ws.show()
    app.processEvents()

    def open_ro(ro_id: int) -> None:
        ws.show_ro(ro_id)
        app.processEvents()
        for step in range(1, 14):
            ws.show_step(step)
            app.processEvents()

    ours, floor = interleave(lambda _i: open_ro(ro_photos), lambda _i: open_ro(ro_plain), runs)
    ws.hide()
    ws.deleteLater()
    app.processEvents()
    return row(
        "open the RO and visit its 13 step pages (GUI)", ours, floor, note="floor: the same RO without photos"
    )


def _health_row(advisor: Any, ro_photos: int, ro_plain: int, runs: int) -> tuple[Row, int, int, int]:
    """Print → Vehicle health report: read the RO, the sheet's photos, render."""
    from advisor.services import orders, printouts
    from reports import sheets

    def health(ro_id: int) -> bytes:
        view = orders.read_ro(actor=advisor, ro_id=ro_id)
        found = printouts.read_sheet_photos(actor=advisor, ro_id=ro_id, kind="health")
        return sheets.render("health", view, lang="zh_CN", photos=found)

    pdf_photos, pdf_plain = health(ro_photos), health(ro_plain)
    ours, floor = interleave(lambda _i: health(ro_photos), lambda _i: health(ro_plain), runs)
    images = pdf_photos.count(b"/Subtype /Image")
    note = f"PDF {len(pdf_photos) / 1e6:.2f} MB with {images} photos; floor {len(pdf_plain) / 1e3:.0f} kB"
    return (
        row("health report: read + photos + render", ours, floor, note=note),
        len(pdf_photos),
        len(pdf_plain),
        images,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", help="an empty SQLite file or PostgreSQL database (default: a new temp file)"
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--json", help="write the rows as JSON to this file")
    args = parser.parse_args(argv)

    from advisor.services.settings import get_setting
    from advisor.services.users import Actor
    from reports import evidence
    from tests import factories

    url = _fresh(args.database)
    staff = factories.make_staff()
    advisor: Actor = staff.advisor
    ro_plain = _ro(staff, 1)
    ro_photos = _ro(staff, 2)
    before = _db_bytes(url)
    t0 = time.perf_counter()
    add_s, used = _add_photos(staff, ro_photos, args.photos)
    total_s = time.perf_counter() - t0
    grown = _db_bytes(url) - before
    budget = int(get_setting("photo_budget_mb")) * 1024 * 1024

    rows = [_open_rows(advisor, ro_photos, ro_plain, args.runs)]
    health, _size, _plain_size, images = _health_row(advisor, ro_photos, ro_plain, args.runs)
    rows.append(health)

    engine = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    print(
        f"{engine}, {args.photos} photos of 3000×2000 px through add_photo: {add_s:.1f} s in add_photo "
        f"({total_s:.1f} s with generating them), {add_s / args.photos * 1000:.0f} ms each"
    )
    print(
        f"stored (JPEG ≤1600 px, thumbnail, print copy): {used / 1e6:.2f} MB, {used / args.photos / 1e3:.0f} kB a photo; "
        f"printed at ≤{evidence.PRINT_SIDE} px"
    )
    ok = True
    for r in rows:
        ratio = r.p50 / r.floor_p50 if r.floor_p50 else 0.0
        met = ratio <= TARGET_RATIO
        ok = ok and met
        print(
            f"{r.measure}: p50 {ratio:.2f}× the floor — target ≤ {TARGET_RATIO}× {'met' if met else 'MISSED'}"
        )
    grown_ok = grown <= budget
    ok = ok and grown_ok and images == args.photos
    print(
        f"database growth for {args.photos} photos: {grown / 1e6:.2f} MB ({grown / 1024 / 1024:.2f} MiB) — "
        f"budget {budget // (1024 * 1024)} MiB per RO {'met' if grown_ok else 'MISSED'}"
    )
    extra = Row(
        "database growth (MB) for the photos",
        grown / 1e6,
        grown / 1e6,
        n=1,
        note=f"budget {budget / 1e6:.1f} MB",
    )
    emit([*rows, extra], bench="photos", url=url, orders=2, json_path=args.json)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
