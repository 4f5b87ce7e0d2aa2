"""The settlement sheet (结算清单): what the customer pays for, how it was paid, the
changes the customer agreed to, the warranty, and signatures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from advisor.codes import CHARGED, AuthMethod, ChangeStatus, LineKind, OldPart, SignedAct
from advisor.errors import GateError
from advisor.services.views import ChangeRequestView, LineView, ROView, SettlementView, SignatureView
from reports import formatting as fmt
from reports.blocks import concerns, customer_vehicle
from reports.estimate_sheet import qty, range_told
from reports.evidence import signature_box, signature_of
from reports.i18n_text import code, label
from reports.pdf_base import CONTENT_W, FONT, Sheet
from reports.pdf_tables import data_table, kv_table, signature_blocks, totals_table


def check(view: ROView) -> SettlementView:
    """A settlement sheet exists only once the RO is settled."""
    if view.settlement is None:
        raise GateError(
            "The repair order is not settled yet: settle it before printing the settlement sheet.",
            "工单尚未结算：请先结算，再打印结算清单。",
        )
    return view.settlement


def _paid_by(sheet: Sheet, line: LineView) -> str:
    name = code("pay_type", line.pay_type, sheet.lang)
    return name if line.pay_type in CHARGED else name + sheet.t("paren").format(sheet.t("not_charged"))


def _old_part(sheet: Sheet, line: LineView) -> str:
    return code("old_part", line.old_part_handling, sheet.lang) if line.old_part_handling else "—"


def old_parts_summary(lines: list[LineView], lang: str) -> str:
    """The header's "old parts returned to the customer", from the part lines' own
    decisions (never the check-in's wish): "2 of 3", with those not decided yet."""
    parts = [x for x in lines if x.kind == LineKind.PART]
    if not parts:
        return label("old_parts_none", lang)
    returned = sum(1 for x in parts if x.old_part_handling == OldPart.RETURNED)
    text = label("old_parts_count", lang, returned=returned, total=len(parts))
    undecided = sum(1 for x in parts if not x.old_part_handling)
    if undecided:
        text += label("old_parts_undecided", lang, n=undecided)
    return text


def line_sections(sheet: Sheet, lines: list[LineView]) -> list[Flowable]:
    """Labour, parts and other charges, each in its own table."""
    lang = sheet.lang
    out: list[Flowable] = []
    labour = [x for x in lines if x.kind == LineKind.LABOUR]
    parts = [x for x in lines if x.kind == LineKind.PART]
    other = [x for x in lines if x.kind not in (LineKind.LABOUR, LineKind.PART)]
    money = fmt.money
    if labour:
        header = [
            sheet.t(k)
            for k in (
                "col.code",
                "col.description",
                "col.qty",
                "col.unit_price",
                "col.amount",
                "col.pay_type",
            )
        ]
        rows: list[list[Flowable | str]] = [
            [
                x.code,
                x.description,
                qty(x.quantity, lang),
                money(x.unit_price_cents, lang),
                money(x.amount_cents, lang),
                _paid_by(sheet, x),
            ]
            for x in labour
        ]
        out += [
            sheet.h2("sec.labour"),
            data_table(sheet, header, rows, (26, 70, 14, 22, 24, 24), right=(2, 3, 4)),
        ]
    if parts:
        header = [
            sheet.t(k)
            for k in (
                "col.code",
                "col.description",
                "col.qty",
                "col.unit_price",
                "col.amount",
                "col.origin",
                "col.pay_type",
                "col.old_part",
            )
        ]
        rows = [
            [
                x.code,
                x.description,
                qty(x.quantity, lang),
                money(x.unit_price_cents, lang),
                money(x.amount_cents, lang),
                code("origin", x.origin, lang) if x.origin else "",
                _paid_by(sheet, x),
                _old_part(sheet, x),
            ]
            for x in parts
        ]
        out += [
            sheet.h2("sec.materials"),
            data_table(sheet, header, rows, (24, 44, 10, 19, 20, 17, 19, 27), right=(2, 3, 4)),
        ]
    if other:
        header = [
            sheet.t(k)
            for k in (
                "col.code",
                "col.description",
                "col.qty",
                "col.unit_price",
                "col.amount",
                "col.pay_type",
            )
        ]
        rows = [
            [
                x.code,
                x.description,
                qty(x.quantity, lang),
                money(x.unit_price_cents, lang),
                money(x.amount_cents, lang),
                _paid_by(sheet, x),
            ]
            for x in other
        ]
        out += [
            sheet.h2("sec.other"),
            data_table(sheet, header, rows, (26, 70, 14, 22, 24, 24), right=(2, 3, 4)),
        ]
    return out


def totals(sheet: Sheet, s: SettlementView, tax_rate: Decimal) -> list[Flowable]:
    lang = sheet.lang
    rows = [
        (sheet.t("labour_total"), fmt.money(s.labour_cents, lang)),
        (sheet.t("parts_total"), fmt.money(s.parts_cents, lang)),
    ]
    if s.other_cents:
        rows.append((sheet.t("other_total"), fmt.money(s.other_cents, lang)))
    rows.append((sheet.t("subtotal"), fmt.money(s.labour_cents + s.parts_cents + s.other_cents, lang)))
    if s.discount_cents:
        why = f" ({s.discount_reason})" if s.discount_reason else ""
        rows.append((sheet.t("discount") + why, fmt.money(-s.discount_cents, lang)))
    rows.append((sheet.t("tax", rate=fmt.percent(tax_rate, lang)), fmt.money(s.tax_cents, lang)))
    total_at = len(rows)
    rows.append((sheet.t("total"), fmt.money(s.total_cents, lang)))
    rows.append((sheet.t("paid"), fmt.money(s.paid_cents, lang)))
    rows.append((sheet.t("balance"), fmt.money(s.balance_cents, lang)))
    return [sheet.h2("sec.totals"), totals_table(sheet, rows, strong=(total_at, total_at + 2))]


def payments(sheet: Sheet, s: SettlementView) -> list[Flowable]:
    if not s.payments:
        return []
    lang = sheet.lang
    header = [sheet.t(k) for k in ("col.time", "col.method", "col.amount", "col.reference", "col.by")]
    rows: list[list[Flowable | str]] = [
        [
            fmt.datetime(p.at, lang),
            code("pay_method", p.method, lang),
            fmt.money(p.amount_cents, lang),
            p.reference,
            p.by,
        ]
        for p in s.payments
    ]
    return [sheet.h2("sec.payments"), data_table(sheet, header, rows, (40, 30, 28, 50, 32), right=(2,))]


def change_request(
    sheet: Sheet, n: int, cr: ChangeRequestView, signatures: Sequence[SignatureView] = ()
) -> list[Flowable]:
    """One change with its consent record: who, how, when, the number called, old → new."""
    lang, t = sheet.lang, sheet.t
    sep, colon = t("sep"), t("colon")
    head = f"{n}. {code('cr_kind', cr.kind, lang)} · {code('cr_status', cr.status, lang)}"
    lines = [f"{head} — {t('cr_reason')}{colon}{sheet.plain(cr.reason)}"]
    old_new = f"{fmt.money(cr.old_amount_cents, lang)} → {fmt.money(cr.new_amount_cents, lang)}"
    money = f"{t('cr_amount')}{colon}{old_new}"
    if cr.new_promised_at != cr.old_promised_at:
        money += (
            f"{sep}{t('cr_promise')}{colon}{fmt.datetime(cr.old_promised_at, lang) or '—'} → "
            f"{fmt.datetime(cr.new_promised_at, lang)}"
        )
    lines.append(money)
    if cr.status == ChangeStatus.REFUSED:
        # A refusal is no consent: who refused, how, when and why — never "客户同意".
        refusal = t(
            "cr_consent_text",
            who=sheet.plain(cr.consent_by) or "—",
            how=code("auth_method", cr.consent_method, lang) if cr.consent_method else "—",
            when=fmt.datetime(cr.consent_at, lang) or "—",
        )
        if cr.consent_phone:
            refusal += sep + t("cr_consent_phone", phone=sheet.plain(cr.consent_phone))
        why = cr.refusal_reason_zh if lang.startswith("zh") else cr.refusal_reason_en
        refusal += f"{sep}{t('cr_refusal_reason')}{colon}{why or t('cr_no_reason')}"
        if cr.recorded_by:
            refusal += f"{sep}{t('recorded_by')}{colon}{sheet.plain(cr.recorded_by)}"
        lines.append(f"{t('cr_refusal')}{colon}{refusal}")
    elif cr.consent_at is not None:
        consent = t(
            "cr_consent_text",
            who=sheet.plain(cr.consent_by),
            how=code("auth_method", cr.consent_method, lang),
            when=fmt.datetime(cr.consent_at, lang),
        )
        if cr.consent_phone:
            consent += sep + t("cr_consent_phone", phone=sheet.plain(cr.consent_phone))
        if cr.recorded_by:
            consent += f"{sep}{t('recorded_by')}{colon}{sheet.plain(cr.recorded_by)}"
        lines.append(f"{t('cr_consent')}{colon}{consent}")
    else:
        lines.append(f"{t('cr_consent')}{colon}{t('cr_no_consent')}")
    if cr.manager:
        verdict = "cr_manager_rejected" if cr.status == ChangeStatus.REJECTED else "cr_manager"
        lines.append(
            f"{t(verdict)}{colon}{sheet.plain(cr.manager)}{t('comma')}{fmt.datetime(cr.manager_at, lang)}"
        )
    out = sheet.p("\n".join(lines))
    signed = signature_of(signatures, SignedAct.CONSENT, cr.id)
    reason = cr.no_signature_reason
    in_person = cr.consent_at is not None and cr.consent_method == AuthMethod.IN_PERSON
    if signed is not None or reason or in_person:
        # The customer's word given in person: their drawn signature, or why they did not sign.
        box = signature_box(sheet, "consent_signature", signed, reason)
        # the consent and its signature on one page (a very long reason may split)
        return [KeepTogether([*out, box])] if len(cr.reason) < 400 else [*out, box]
    return out


def warranty(sheet: Sheet, view: ROView) -> list[Flowable]:
    lang = sheet.lang
    out: list[Flowable] = [sheet.h2("sec.warranty")]
    w = view.warranty
    if w is not None:
        text = sheet.t(
            "warranty_text",
            cls=code("repair_class", view.repair_class, lang),
            km=fmt.number(w.km, lang),
            days=w.days,
        )
        if w.until_date is not None:
            until_km = fmt.number(w.until_km, lang) if w.until_km is not None else "—"
            text += " " + sheet.t("warranty_until", date=fmt.date(w.until_date, lang), km=until_km)
        else:
            text += " " + sheet.t("warranty_from_handover")
        out += sheet.p(text)
    if view.needs_certificate:
        cert = view.completion_cert_no or sheet.t("cert_missing")
        out.append(kv_table(sheet, [(sheet.t("cert_no"), cert)], columns=1, label_mm=45))
    return out


def build_story(sheet: Sheet, view: ROView, *, tax_rate: Decimal) -> list[Flowable]:
    """The settlement sheet's content, top to bottom."""
    s = check(view)
    lang = sheet.lang
    extra = [(sheet.t("settlement_no"), s.number), (sheet.t("settled_at"), fmt.datetime(s.at, lang))]
    if view.handed_over_at:
        extra.append((sheet.t("handed_over"), fmt.datetime(view.handed_over_at, lang)))
    by_id = {x.id: x for x in view.lines}
    lines = [by_id[i] for i in s.line_ids if i in by_id]
    extra.append((sheet.t("old_parts_back"), old_parts_summary(lines, lang)))
    extra.append((sheet.t("price_range"), range_told(sheet, view)))
    story: list[Flowable] = customer_vehicle(sheet, view, extra=extra)
    story += concerns(sheet, view)
    story += line_sections(sheet, lines)
    story += totals(sheet, s, tax_rate)
    story += payments(sheet, s)
    if view.change_requests:
        story.append(sheet.h2("sec.changes"))
        signatures = view.signatures
        for n, cr in enumerate(view.change_requests, 1):
            story += change_request(sheet, n, cr, signatures)
    story += warranty(sheet, view)
    story.append(handover_signatures(sheet, view))
    return story


def handover_signatures(sheet: Sheet, view: ROView) -> Flowable:
    """The customer's acceptance at handover (their drawn signature, or why they did not
    sign) beside the advisor's line; before any of it, both as lines to sign on."""
    signed = signature_of(view.signatures, SignedAct.HANDOVER, None)
    reason = view.handover_no_signature_reason
    if signed is None and not reason:
        return signature_blocks(sheet, ("customer_signature", "advisor_signature"), heading="sec.signatures")
    half = CONTENT_W / 2
    advisor = signature_box(sheet, "advisor_signature", None, width=half - 6)
    row = Table(
        [[signature_box(sheet, "acceptance_signature", signed, reason, width=half - 6), advisor]],
        colWidths=[half, half],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),  # (an empty cell names a font too)
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return KeepTogether([sheet.h2("sec.signatures"), row])
