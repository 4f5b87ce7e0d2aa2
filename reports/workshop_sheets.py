"""The job card (派工单, for the workshop: no prices) and the check-in sheet (接车问诊单,
the walk-around record the customer signs at reception)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from advisor.codes import InspectionStage, LineKind, PhotoSubject, Rating
from advisor.errors import GateError
from advisor.services.views import ROView
from reports import formatting as fmt
from reports.blocks import concerns, customer_vehicle, fuel_gauge, vehicle_name
from reports.estimate_sheet import qty
from reports.evidence import PhotoLike, car_outline, photo_grid, photo_sort_key, result_name
from reports.i18n_text import code
from reports.pdf_base import CONTENT_W, FONT, Sheet
from reports.pdf_tables import data_table, kv_table, signature_blocks

OUTLINE_W = 46 * mm  # the car outline beside the damage table
OUTLINE_GAP = 5 * mm


def check_jobcard(view: ROView) -> None:
    """A job card needs work to do: assignments, or approved labour to assign."""
    if not view.assignments and not any(x.kind == LineKind.LABOUR for x in view.approved_lines):
        raise GateError(
            "There is no approved work to dispatch yet: no job card to print.",
            "尚无已同意的作业可派工：无法打印派工单。",
        )


def check_checkin(view: ROView) -> None:
    """A check-in sheet needs the walk-around to be recorded."""
    if view.checked_in_at is None:
        raise GateError("The check-in walk-around is not recorded yet.", "尚未记录接车环车检查。")


def jobcard_story(sheet: Sheet, view: ROView) -> list[Flowable]:
    """Jobs, technicians, bays, planned times, the customer's words; no prices anywhere."""
    check_jobcard(view)
    lang = sheet.lang
    pairs = [
        (sheet.t("plate"), view.vehicle.plate),
        (sheet.t("model"), vehicle_name(view)),
        (sheet.t("vin"), view.vehicle.vin),
        (sheet.t("mileage_in"), fmt.km(view.mileage_in, lang)),
        (sheet.t("advisor"), view.advisor),
        (sheet.t("promised"), fmt.datetime(view.promised_at, lang) or sheet.t("not_set")),
        (sheet.t("customer_waits"), sheet.t("yes" if view.customer_waits else "no")),
        (sheet.t("repair_class"), code("repair_class", view.repair_class, lang)),
        (sheet.t("old_parts_wish"), sheet.t("yes" if view.return_old_parts else "no")),
        (sheet.t("priority"), str(view.priority)),
    ]
    story: list[Flowable] = [sheet.h2("sec.customer_vehicle"), kv_table(sheet, pairs)]
    story += concerns(sheet, view)
    header = [
        sheet.t(k) for k in ("col.job", "col.technician", "col.bay", "col.start", "col.end", "col.status")
    ]
    rows: list[list[Flowable | str]] = [
        [
            a.job,
            a.technician,
            a.bay or "—",
            fmt.datetime(a.planned_start, lang),
            fmt.datetime(a.planned_end, lang),
            code("job_status", a.status, lang),
        ]
        for a in view.assignments
    ]
    assigned = {a.line_id for a in view.assignments}
    rows += [
        [x.description, sheet.t("unassigned"), "—", "", "", ""]
        for x in view.approved_lines
        if x.kind == LineKind.LABOUR and x.id not in assigned
    ]
    story += [sheet.h2("sec.jobs"), data_table(sheet, header, rows, (50, 24, 16, 33, 33, 16))]
    parts = [x for x in view.approved_lines if x.kind == LineKind.PART]
    if parts:
        header = [
            sheet.t(k) for k in ("col.code", "col.description", "col.qty", "col.origin", "col.part_status")
        ]
        rows = [
            [
                x.code,
                x.description,
                qty(x.quantity, lang),
                code("origin", x.origin, lang) if x.origin else "",
                code("part_status", x.part_status, lang) if x.part_status else "",
            ]
            for x in parts
        ]
        story += [
            sheet.h2("sec.parts_to_fit"),
            data_table(sheet, header, rows, (34, 70, 14, 22, 26), right=(2,)),
        ]
    story += sheet.lp("no_prices", "small")
    return story


def checkin_story(sheet: Sheet, view: ROView, photos: Sequence[PhotoLike] = ()) -> list[Flowable]:
    """The walk-around: mileage, fuel, valuables, damage (the car outline with the marks
    numbered as on screen, beside their table), booklet, old parts, the words; then a
    page of the check-in photos (damage marks and the reception inspection), if any."""
    check_checkin(view)
    lang = sheet.lang
    t = sheet.t
    story: list[Flowable] = customer_vehicle(sheet, view)
    walk = [
        (t("mileage_in"), fmt.km(view.mileage_in, lang)),
        (t("fuel"), fuel_gauge(view.fuel_level)),
        (t("valuables"), view.valuables or t("none")),
        (t("booklet"), t("yes" if view.booklet_present else "no")),
        (t("old_parts_wish"), t("yes" if view.return_old_parts else "no")),
        (t("waiting"), t("waits" if view.customer_waits else "leaves")),
        (t("approval_contact"), view.approval_contact or view.customer.phone),
        (t("first_service"), t("yes" if view.first_service else "no")),
    ]
    story += [sheet.h2("sec.walkaround"), kv_table(sheet, walk)]
    story.append(sheet.h2("sec.damage"))
    story.append(damage_block(sheet, view))
    story += concerns(sheet, view, details=False)
    story.append(
        signature_blocks(sheet, ("customer_signature", "advisor_signature"), text_key="checkin_text")
    )
    chosen = checkin_photos(sheet, view, photos)
    if chosen:
        story += [PageBreak(), sheet.h2("sec.checkin_photos"), *photo_grid(sheet, chosen)]
    return story


def damage_block(sheet: Sheet, view: ROView) -> Flowable:
    """The car outline with the numbered marks, and beside it the marks' table (the same
    numbers: a mark's place in the damage list, as on the reception page)."""
    lang, t = sheet.lang, sheet.t
    outline = car_outline(sheet, [d.get("zone", "") for d in view.body_damage], OUTLINE_W)
    table_w = CONTENT_W - OUTLINE_W - OUTLINE_GAP
    beside: Flowable | list[Flowable]
    if view.body_damage:
        header = ["#", t("col.zone"), t("col.kind"), t("col.note")]
        rows: list[list[Flowable | str]] = [
            [
                str(n),
                code("zone", d.get("zone", ""), lang),
                code("damage", d.get("kind", ""), lang),
                d.get("note", ""),
            ]
            for n, d in enumerate(view.body_damage, 1)
        ]
        beside = data_table(sheet, header, rows, (7, 34, 24, 62), width=table_w)
    else:
        beside = sheet.p(t("no_damage"))
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8),  # (an empty cell names a font too)
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return Table(
        [[outline, "", beside]], colWidths=[OUTLINE_W, OUTLINE_GAP, table_w], style=style, hAlign="LEFT"
    )


def checkin_photos(sheet: Sheet, view: ROView, photos: Sequence[PhotoLike]) -> list[tuple[PhotoLike, str]]:
    """The check-in's photos with their captions: each damage mark's (named by its number,
    zone and kind), then the reception inspection's (named by the item and its rating)."""
    lang, t = sheet.lang, sheet.t
    out: list[tuple[PhotoLike, str]] = []
    damage = view.body_damage
    for p in sorted((p for p in photos if p.subject == PhotoSubject.DAMAGE), key=photo_sort_key):
        n = p.subject_id or 0
        if 1 <= n <= len(damage):
            d = damage[n - 1]
            what = " · ".join(
                x
                for x in (code("zone", d.get("zone", ""), lang), code("damage", d.get("kind", ""), lang))
                if x
            )
            out.append((p, t("damage_mark", n=n, what=what)))
    inspection = view.inspection
    if inspection is not None and inspection.stage == InspectionStage.RECEPTION:
        results = {r.id: r for r in inspection.results}
        chosen = [p for p in photos if p.subject == PhotoSubject.INSPECTION and p.subject_id in results]
        chosen.sort(key=lambda p: (results[p.subject_id or 0].seq, p.id))
        for p in chosen:
            r = results[p.subject_id or 0]
            rating = code("rating", r.rating, lang) if r.rating and r.rating != Rating.NA else ""
            name = result_name(r, lang)
            out.append((p, f"{name}{t('paren').format(rating)}" if rating else name))
    return out
