"""The estimate sheet (估价单 / 维修委托书): what will be done, for how much, by when,
and the customer's authorisation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from advisor.codes import AuthMethod, LineStatus, SignedAct
from advisor.errors import GateError
from advisor.services.estimate import quote_of
from advisor.services.views import LineView, ROView, Totals
from reports import formatting as fmt
from reports.blocks import concerns, customer_vehicle
from reports.evidence import signature_box, signature_of
from reports.i18n_text import code
from reports.pdf_base import Sheet, keep_if_fits
from reports.pdf_tables import data_table, kv_table, signature_blocks, struck, totals_table

LINE_WIDTHS = (11, 24, 41, 12, 19, 20, 17, 16, 15)  # mm, scaled to the page


def check(view: ROView) -> None:
    """An estimate sheet needs at least one line."""
    if not view.lines:
        raise GateError(
            "The estimate has no lines yet: add work or parts first.",
            "估价单尚无项目：请先添加维修项目或配件。",
        )


def qty(value: Any, lang: str) -> str:
    return fmt.number(value.normalize() if hasattr(value, "normalize") else value, lang)


def lines_table(sheet: Sheet, lines: tuple[LineView, ...]) -> Flowable:
    """Every line, declined ones greyed and struck through (not counted)."""
    lang = sheet.lang
    header = [
        sheet.t(k)
        for k in (
            "col.type",
            "col.code",
            "col.description",
            "col.qty",
            "col.unit_price",
            "col.amount",
            "col.origin",
            "col.pay_type",
            "col.status",
        )
    ]
    rows: list[list[Flowable | str]] = []
    muted: list[int] = []
    for i, x in enumerate(lines):
        amount = fmt.money(x.amount_cents, lang)
        declined = x.status == LineStatus.DECLINED
        if declined:
            muted.append(i)
        rows.append(
            [
                code("kind", x.kind, lang),
                x.code,
                x.description,
                qty(x.quantity, lang),
                fmt.money(x.unit_price_cents, lang),
                struck(amount, "td_r") if declined else amount,
                code("origin", x.origin, lang) if x.origin else "",
                code("pay_type", x.pay_type, lang),
                status_text(x, lang),
            ]
        )
    return data_table(sheet, header, rows, LINE_WIDTHS, right=(3, 4, 5), muted_rows=muted)


def status_text(line: LineView, lang: str) -> str:
    """The customer's decision, with their reason for a declined line when they gave one."""
    reason = line.decline_reason_zh if lang.startswith("zh") else line.decline_reason_en
    status = code("status", line.status, lang)
    if line.status == LineStatus.DECLINED and reason:
        return f"{status}（{reason}）" if lang.startswith("zh") else f"{status} ({reason})"
    return status


def estimate_totals(view: ROView, tax_rate: Any) -> tuple[Totals, bool]:
    """The estimate's totals (``quote_of``: every proposed line as if approved — the
    figure the estimate page shows); and whether any line is proposed."""
    t = quote_of(view.lines, discount_cents=view.totals.discount_cents, tax_rate=tax_rate)
    return t, any(x.status == LineStatus.PROPOSED for x in view.lines)


def totals_rows(sheet: Sheet, t: Totals, tax_rate: Any) -> list[tuple[str, str]]:
    lang = sheet.lang
    rows = [
        (sheet.t("labour_total"), fmt.money(t.labour_cents, lang)),
        (sheet.t("parts_total"), fmt.money(t.parts_cents, lang)),
    ]
    if t.other_cents:
        rows.append((sheet.t("other_total"), fmt.money(t.other_cents, lang)))
    rows.append((sheet.t("subtotal"), fmt.money(t.subtotal_cents, lang)))
    if t.discount_cents:
        rows.append((sheet.t("discount"), fmt.money(-t.discount_cents, lang)))
    rows.append((sheet.t("tax", rate=fmt.percent(tax_rate, lang)), fmt.money(t.tax_cents, lang)))
    rows.append((sheet.t("total"), fmt.money(t.total_cents, lang)))
    return rows


def _told_how(sheet: Sheet, method: str) -> str:
    """How a range was told: the authorisation's methods, but "in person" without the
    signature its words name (nobody signs a price range told at the counter)."""
    if not method:
        return "—"
    if method == AuthMethod.IN_PERSON:
        return sheet.t("told_in_person")
    return code("auth_method", method, sheet.lang)


def range_told(sheet: Sheet, view: ROView) -> str:
    """The price range as told to the customer, and who told it, when, how and to whom
    (it is never widened to fit a total: one outside it carries the customer's consent)."""
    told, lang = view.range_told, sheet.lang
    if told is None:
        return sheet.t("not_set")
    text = f"{fmt.money(told.low_cents, lang)} – {fmt.money(told.high_cents, lang)}"
    if told.at is not None:
        text += sheet.t(
            "range_told_by",
            by=sheet.plain(told.by) or "—",
            when=fmt.datetime(told.at, lang),
            how=_told_how(sheet, told.method),
            to=sheet.plain(told.to) or "—",
        )
    return text


def authorisation(sheet: Sheet, view: ROView) -> list[Flowable]:
    """The recorded authorisation(s), or empty signature and date lines."""
    lang = sheet.lang
    if not view.authorisations:
        return [
            signature_blocks(
                sheet,
                ("customer_signature", "advisor_signature"),
                text_key="auth_text",
                heading="sec.authorisation",
            )
        ]
    out: list[Flowable] = [sheet.h2("sec.authorisation")]
    for a in view.authorisations:
        pairs = [
            (sheet.t("authorised_by"), a.customer_name),
            (sheet.t("auth_method"), code("auth_method", a.method, lang)),
            (sheet.t("auth_time"), fmt.datetime(a.at, lang)),
            (sheet.t("auth_phone"), a.phone or "—"),
            (sheet.t("auth_amount"), fmt.money(a.amount_cents, lang)),
            (sheet.t("promised"), fmt.datetime(a.promised_at, lang)),
            (sheet.t("recorded_by"), a.recorded_by),
        ]
        if a.outside_range:
            pairs.append(("", sheet.t("auth_outside_range")))
        if a.note:
            pairs.append(("", a.note))
        block: list[Flowable] = [kv_table(sheet, pairs)]
        signed = signature_of(view.signatures, SignedAct.AUTHORISATION, a.id)
        reason = a.no_signature_reason
        if signed is not None or reason or a.method == AuthMethod.IN_PERSON:
            # In person: the customer's drawn signature, or why they did not sign.
            block.append(signature_box(sheet, "customer_signature", signed, reason))
        out += keep_if_fits(block)  # (a long note splits)
    return out


def build_story(sheet: Sheet, view: ROView, *, tax_rate: Any, valid_days: int) -> list[Flowable]:
    """The estimate sheet's content, top to bottom."""
    lang = sheet.lang
    story: list[Flowable] = []
    story += customer_vehicle(sheet, view)
    story += concerns(sheet, view)
    story += [sheet.h2("sec.lines"), lines_table(sheet, view.lines)]
    totals, with_proposed = estimate_totals(view, tax_rate)
    rows = totals_rows(sheet, totals, tax_rate)
    if view.totals.declined_cents:
        rows.append((sheet.t("declined_total"), fmt.money(view.totals.declined_cents, lang)))
    block: list[Flowable] = [
        totals_table(sheet, rows, strong=(len(rows) - 1 - bool(view.totals.declined_cents),))
    ]
    if with_proposed:
        block += sheet.lp("proposed_note", "small")
    story.append(KeepTogether(block))
    price_range = range_told(sheet, view)
    valid_until = sheet.printed_at.date() + dt.timedelta(days=valid_days)
    terms = [
        (sheet.t("price_range"), price_range),
        (sheet.t("promised"), fmt.datetime(view.promised_at, lang) or sheet.t("not_set")),
        (sheet.t("validity"), sheet.t("validity_days", date=fmt.date(valid_until, lang), days=valid_days)),
        (sheet.t("old_parts_wish"), sheet.t("yes" if view.return_old_parts else "no")),
    ]
    story += [sheet.h2("sec.terms"), kv_table(sheet, terms)]
    story += authorisation(sheet, view)
    return story
