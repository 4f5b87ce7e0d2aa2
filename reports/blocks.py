"""Blocks several sheets share: customer and vehicle, the customer's words, totals."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether

from advisor.services.views import ConcernView, ROView
from reports import formatting as fmt
from reports.i18n_text import code
from reports.pdf_base import STYLES, Sheet, paragraphs, quoted
from reports.pdf_tables import kv_table

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
        *paragraphs(f"{n}. {sheet.t('words')}{sheet.t('colon')}", STYLES["label"]),
        *paragraphs(quoted(sheet, concern.customer_words), STYLES["quote"]),
    ]
    if details and concern.restatement:
        parts.extend(
            paragraphs(
                f"{sheet.t('restatement')}{sheet.t('colon')}{sheet.plain(concern.restatement)}",
                STYLES["small"],
            )
        )
    if details and concern.finding:
        parts.extend(
            paragraphs(
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
        out += sheet.lp("no_concerns", "body")
    for n, c in enumerate(current, 1):
        block = concern_block(sheet, n, c, details=details)
        # Keep a short concern in one piece; a very long text may split across pages.
        if len(c.customer_words) < 400:
            out.append(KeepTogether(block))
        else:
            out.extend(block)
    return out
