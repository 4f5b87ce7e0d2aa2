"""The vehicle health report (健康检查报告): the RO's inspection as the customer reads it
across the counter — every item red, yellow or green with its measurement and note, what
it was last time, the photos, the advisor's recommendation, and the work it led to.

A colour never stands alone: each marker carries its word ("RED"/"红"…), so a report
printed in greyscale reads the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from advisor.codes import PhotoSubject, Rating
from advisor.errors import GateError
from advisor.services.views import InspectionResultView, InspectionView, ROView
from reports import formatting as fmt
from reports.blocks import customer_vehicle
from reports.evidence import PhotoLike, photo_grid, result_name
from reports.i18n_text import code, is_zh
from reports.pdf_base import CONTENT_W, FONT, GRID, SHADE, STYLES, Sheet
from reports.pdf_tables import CELL_LEADING, Cell, data_table, table

# Marker colours and the word printed on each (white text on the dark ones).
RED = colors.HexColor("#c62828")
YELLOW = colors.HexColor("#f9c02d")
GREEN = colors.HexColor("#2e7d32")
NA_GREY = colors.HexColor("#e0e0e0")
MARKERS: dict[str, tuple[colors.Color, colors.Color]] = {
    Rating.RED: (RED, colors.white),
    Rating.YELLOW: (YELLOW, colors.black),
    Rating.GREEN: (GREEN, colors.white),
    Rating.NA: (NA_GREY, colors.black),
    "": (colors.white, colors.black),
}
# Worst first: how the counts, the photos and the findings are ordered.
ORDER = (Rating.RED, Rating.YELLOW, Rating.GREEN, Rating.NA, "")
ITEM_WIDTHS = (17, 52, 24, 30, 57)  # marker, item, measurement, last time, note (mm, scaled)


def check(view: ROView) -> InspectionView:
    """A health report needs an inspection with at least one item rated."""
    inspection = view.inspection
    if inspection is None:
        raise GateError(
            "This repair order has no vehicle inspection: start the inspection before "
            "printing the health report.",
            "本工单尚无车辆检查：请先进行车辆检查，再打印健康检查报告。",
        )
    if not any(r.rating for r in inspection.results):
        raise GateError(
            "No item of the inspection is rated yet: rate the items before printing the health report.",
            "车辆检查尚未评定任何项目：请先评定检查项目，再打印健康检查报告。",
        )
    return inspection


def marker_word(rating: str, lang: str) -> str:
    """The word printed in a rating's marker: RED / YELLOW / GREEN / N/A, 红 / 黄 / 绿 / 不适用."""
    return (
        ("红", "黄", "绿", "不适用", "未检")[ORDER.index(rating)]
        if is_zh(lang)
        else (
            "RED",
            "YELLOW",
            "GREEN",
            "N/A",
            "—",
        )[ORDER.index(rating)]
    )


def _rating(value: str) -> str:
    return value if value in ORDER else ""


def measurement(value: Decimal | None, unit: str, lang: str) -> str:
    if value is None:
        return ""
    number = fmt.number(value.normalize() if isinstance(value, Decimal) else value, lang)
    return f"{number} {unit}".strip()


def group_name(group: str, lang: str) -> str:
    """A checklist group's printed name (an unknown group as it is stored)."""
    return code("inspection_group", group, lang)


def summary(sheet: Sheet, results: Sequence[InspectionResultView]) -> list[Flowable]:
    """The counts by colour, each in its marker with its word and meaning."""
    lang = sheet.lang
    counts = {r: 0 for r in ORDER}
    for x in results:
        counts[_rating(x.rating)] += 1
    shown = [r for r in ORDER if r and (counts[r] or r != Rating.NA)]
    if counts[""]:
        shown.append("")
    cells: list[Cell] = []
    for r in shown:
        meaning = code("rating", r, lang) if r else sheet.t("not_checked")
        word = marker_word(r, lang)
        cells.append(f"{word} {counts[r]}" + (f"\n{meaning}" if meaning != word else ""))
    width = CONTENT_W / len(shown)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9, 9 * CELL_LEADING),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("BOX", (0, 0), (-1, -1), 0.4, GRID),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
    ]
    for i, r in enumerate(shown):  # one row: each marker is a column
        fill, ink = MARKERS[r]
        commands += [("BACKGROUND", (i, 0), (i, 0), fill), ("TEXTCOLOR", (i, 0), (i, 0), ink)]
    return [sheet.h2("sec.health_summary"), table([cells], [width] * len(shown), commands)]


def items(sheet: Sheet, results: Sequence[InspectionResultView]) -> list[Flowable]:
    """Every item by group (a shaded row names the group): its marker, name, measurement,
    last time, note. One table, its header repeated on every page."""
    lang, t = sheet.lang, sheet.t
    header = [t(k) for k in ("col.rating", "col.item", "col.measurement", "col.last_time", "col.note")]
    rows: list[list[Flowable | str]] = []
    ratings: list[str] = []
    groups: list[int] = []
    group = None
    for r in sorted(results, key=lambda x: x.seq):
        if r.group != group:
            group = r.group
            groups.append(len(rows) + 1)
            name = group_name(group, lang) or t("other_items")
            rows.append([Paragraph(escape(sheet.plain(name)), STYLES["td"]), "", "", "", ""])
        rating = _rating(r.rating)
        ratings.append(rating)
        last = ""
        if r.last_rating:
            last = marker_word(_rating(r.last_rating), lang)
            m = measurement(r.last_measurement, r.unit, lang)
            if m:
                last += f" · {m}"
        rows.append(
            [
                marker_word(rating, lang),
                result_name(r, lang),
                measurement(r.measurement, r.unit, lang),
                last,
                r.note,
            ]
        )
    tab = data_table(sheet, header, rows, ITEM_WIDTHS)
    commands: list[tuple[Any, ...]] = []
    at = iter(ratings)
    for i in range(1, len(rows) + 1):
        if i in groups:
            commands += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), SHADE)]
            continue
        fill, ink = MARKERS[next(at)]
        commands += [
            ("BACKGROUND", (0, i), (0, i), fill),
            ("TEXTCOLOR", (0, i), (0, i), ink),
            ("ALIGN", (0, i), (0, i), "CENTER"),
        ]
    tab.setStyle(commands)
    return [sheet.h2("sec.health_items"), tab]


def photos(sheet: Sheet, inspection: InspectionView, all_photos: Sequence[PhotoLike]) -> list[Flowable]:
    """The inspection's photos, worst items first, each captioned with its item and rating."""
    lang = sheet.lang
    results = {r.id: r for r in inspection.results}
    chosen = [p for p in all_photos if p.subject == PhotoSubject.INSPECTION and p.subject_id in results]
    if not chosen:
        return []

    def key(p: PhotoLike) -> tuple[int, int, int]:
        r = results[p.subject_id or 0]
        return (ORDER.index(_rating(r.rating)), r.seq, p.id)

    captioned = []
    for p in sorted(chosen, key=key):
        r = results[p.subject_id or 0]
        parts = [f"[{marker_word(_rating(r.rating), lang)}] {result_name(r, lang)}"]
        m = measurement(r.measurement, r.unit, lang)
        if m:
            parts.append(m)
        captioned.append((p, " · ".join(parts)))
    return [sheet.h2("sec.health_photos"), *photo_grid(sheet, captioned)]


def recommendation(sheet: Sheet, inspection: InspectionView) -> list[Flowable]:
    out: list[Flowable] = [sheet.h2("sec.recommendation")]
    out += sheet.p(inspection.recommendation.strip() or sheet.t("no_recommendation"))
    return out


def work(sheet: Sheet, view: ROView, inspection: InspectionView) -> list[Flowable]:
    """The estimate lines the findings led to (every line of a canned job), with their
    status — a line of a change request with the change's — worst finding first."""
    lang, t = sheet.lang, sheet.t
    by_id = {x.id: x for x in view.lines}
    changes = {c.id: c for c in view.change_requests}
    rows: list[list[Flowable | str]] = []
    for r in sorted(inspection.results, key=lambda x: (ORDER.index(_rating(x.rating)), x.seq)):
        lines = [x for x in view.lines if x.finding_id == r.id]
        if not lines and r.line_id in by_id:  # (a line from before lines named their finding)
            lines = [by_id[r.line_id]]
        for n, line in enumerate(lines):
            cr = changes.get(line.change_request_id) if line.change_request_id is not None else None
            status = code("status", line.status, lang)
            if cr is not None:
                status = (
                    f"{code('cr_kind', cr.kind, lang)}{t('paren').format(code('cr_status', cr.status, lang))}"
                )
            rows.append(
                [
                    result_name(r, lang) if n == 0 else "",
                    line.description,
                    fmt.money(line.amount_cents, lang),
                    status,
                ]
            )
    out: list[Flowable] = [sheet.h2("sec.health_work")]
    if not rows:
        return [*out, *sheet.p(t("no_work_from_findings"))]
    header = [t(k) for k in ("col.item", "col.work", "col.amount", "col.status")]
    out.append(data_table(sheet, header, rows, (45, 75, 25, 35), right=(2,)))
    return out


def build_story(sheet: Sheet, view: ROView, photos_in: Sequence[PhotoLike] = ()) -> list[Flowable]:
    """The health report's content, top to bottom."""
    inspection = check(view)
    lang, t = sheet.lang, sheet.t
    extra = [
        (t("inspected_by"), inspection.finished_by or inspection.started_by),
        (
            t("inspected_at"),
            fmt.datetime(inspection.finished_at or inspection.started_at, lang),
        ),
        (t("inspection_stage"), code("stage", inspection.stage, lang)),
    ]
    story: list[Flowable] = customer_vehicle(sheet, view, with_phone=False, extra=extra)
    story += summary(sheet, inspection.results)
    story += items(sheet, inspection.results)
    story += sheet.lp("legend", "small")
    story.append(KeepTogether(recommendation(sheet, inspection)))
    story += work(sheet, view, inspection)
    story += photos(sheet, inspection, photos_in)
    return story
