"""Blocks several sheets share: customer and vehicle, the customer's words, totals."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from advisor.services.views import ConcernView, ROView
from reports import formatting as fmt
from reports.i18n_text import code
from reports.pdf_base import (
    CONTENT_W,
    DEFAULT_PAD,
    GRID,
    STYLES,
    Sheet,
    cell,
    cell_style,
    kv_table,
    quoted,
    sheet_table,
)
from reports.pdf_text import TextBlock

FUEL_EIGHTHS = 8


def fuel_gauge(level: int | None) -> str:
    """The fuel level as a gauge of eighths: ``■■■■□□□□ 4/8``."""
    if level is None:
        return ""
    level = max(0, min(FUEL_EIGHTHS, level))
    return f"{'■' * level}{'□' * (FUEL_EIGHTHS - level)} {level}/{FUEL_EIGHTHS}"


def vehicle_name(view: ROView) -> str:
    v = view.vehicle
    return " ".join(str(x) for x in (v.make, v.model, v.year or "") if x)


def customer_vehicle(
    sheet: Sheet, view: ROView, *, with_phone: bool = True, extra: Sequence[tuple[str, str]] = ()
) -> list[Flowable]:
    """The customer, the vehicle and the visit's key facts, as label/value pairs."""
    lang = sheet.lang
    pairs: list[tuple[str, str]] = [(sheet.t("customer"), view.customer.name)]
    if with_phone:
        pairs.append((sheet.t("phone"), view.customer.phone))
    pairs += [
        (sheet.t("plate"), view.vehicle.plate),
        (sheet.t("vin"), view.vehicle.vin),
        (sheet.t("model"), vehicle_name(view)),
        (sheet.t("mileage_in"), fmt.km(view.mileage_in, lang)),
        (sheet.t("fuel"), fuel_gauge(view.fuel_level)),
        (sheet.t("advisor"), view.advisor),
        (sheet.t("arrived"), fmt.datetime(view.arrived_at, lang)),
        (sheet.t("repair_class"), code("repair_class", view.repair_class, lang)),
        *extra,
    ]
    return [sheet.h2("sec.customer_vehicle"), kv_table(sheet, pairs)]


def concern_block(sheet: Sheet, n: int, concern: ConcernView, *, details: bool = True) -> list[Flowable]:
    """One concern: the customer's words verbatim in quotes, then the advisor's words."""
    parts: list[Flowable] = [
        TextBlock(f"{n}. {sheet.t('words')}{sheet.t('colon')}", STYLES["label"]),
        TextBlock(quoted(sheet, concern.customer_words), STYLES["quote"]),
    ]
    if details and concern.restatement:
        parts.append(
            TextBlock(
                f"{sheet.t('restatement')}{sheet.t('colon')}{sheet.plain(concern.restatement)}",
                STYLES["small"],
            )
        )
    if details and concern.finding:
        parts.append(
            TextBlock(
                f"{sheet.t('finding')}{sheet.t('colon')}{sheet.plain(concern.finding)}",
                STYLES["small"],
            )
        )
    return parts


def concerns(sheet: Sheet, view: ROView, *, details: bool = True) -> list[Flowable]:
    """Every concern in force, in the customer's own words."""
    out: list[Flowable] = [sheet.h2("sec.concerns")]
    current = view.current_concerns
    if not current:
        out.append(sheet.lp("no_concerns", "body"))
    for n, c in enumerate(current, 1):
        block = concern_block(sheet, n, c, details=details)
        # Keep a short concern in one piece; a very long text may split across pages.
        if len(c.customer_words) < 400:
            out.append(KeepTogether(block))
        else:
            out.extend(block)
    return out


def totals_table(sheet: Sheet, rows: Sequence[tuple[str, str]], *, strong: Sequence[int] = ()) -> Table:
    """Right-aligned label/amount rows; rows in ``strong`` are ruled above and larger."""
    widths = (CONTENT_W - 40 * mm, 40 * mm)
    pads = DEFAULT_PAD + 2.5  # left padding as reportlab's default, right as set below
    body = []
    for i, (name, amount) in enumerate(rows):
        style = "total" if i in strong else "td_r"
        body.append(
            [
                cell(sheet, x, w, style, wrap_width=w - pads)
                for x, w in zip((name, amount), widths, strict=True)
            ]
        )
    pad = (1, 2.5, 1.5, DEFAULT_PAD)
    plain = cell_style(8, align="RIGHT", pad=pad)
    total = cell_style(10, align="RIGHT", pad=pad)
    styles = [[total if i in strong else plain] * 2 for i in range(len(rows))]
    t = sheet_table(body, widths, styles, hAlign="RIGHT")
    above = [t.body_rows[i][0] for i in strong]  # (a very long label may span several rows)
    t.setStyle(TableStyle([("LINEABOVE", (0, i), (-1, i), 0.6, GRID) for i in above]))
    return t
