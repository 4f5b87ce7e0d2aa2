"""The payment receipt (收款收据): the money received for a settlement — the tenders of
one payment (cash handed over and the change given, when known), what was paid before,
and what is still due — with the cashier's and the customer's signatures."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from advisor.errors import GateError
from advisor.services.views import PaymentView, ROView, SettlementView, SplitPayment
from reports import formatting as fmt
from reports.blocks import vehicle_name
from reports.i18n_text import code
from reports.pdf_base import Sheet
from reports.pdf_tables import data_table, kv_table, signature_blocks, totals_table


def check(view: ROView) -> SettlementView:
    """A receipt exists only once something was paid."""
    s = view.settlement
    if s is None or not s.payments:
        raise GateError(
            "Nothing has been paid on this repair order yet: there is no receipt to print.",
            "该工单尚未收款：没有可打印的收据。",
        )
    return s


def _payment_rows(sheet: Sheet, payments: Sequence[PaymentView]) -> list[list[Flowable | str]]:
    lang = sheet.lang
    rows: list[list[Flowable | str]] = []
    for p in payments:
        method = code("pay_method", p.method, lang)
        if p.refund_of is not None:
            method += sheet.t("paren").format(sheet.t("refund_of", ref=f"#{p.refund_of}"))
        rows.append(
            [f"#{p.id}", fmt.datetime(p.at, lang), method, fmt.money(p.amount_cents, lang), p.reference, p.by]
        )
    return rows


def _table(sheet: Sheet, payments: Sequence[PaymentView]) -> Flowable:
    header = [
        "#",
        *(sheet.t(k) for k in ("col.time", "col.method", "col.amount", "col.reference", "col.by")),
    ]
    return data_table(sheet, header, _payment_rows(sheet, payments), (14, 34, 40, 26, 38, 28), right=(3,))


def build_story(sheet: Sheet, view: ROView, received: SplitPayment | None = None) -> list[Flowable]:
    """The receipt's content, top to bottom. Without ``received`` (a reprint, the CLI):
    every payment of the settlement counts as received. The cash handed over and the
    change show when the till counted them."""
    s = check(view)
    lang = sheet.lang
    ids = set(received.payment_ids) if received is not None else {p.id for p in s.payments}
    now_paid = [p for p in s.payments if p.id in ids]
    if not now_paid:
        raise GateError("That payment is not on this repair order.", "该笔付款不属于此工单。")
    earlier = [p for p in s.payments if p.id not in ids and p.id < min(ids)]
    cashiers = sorted({p.by for p in now_paid if p.by})
    facts = [
        (sheet.t("customer"), view.customer.name),
        (sheet.t("plate"), view.vehicle.plate),
        (sheet.t("model"), vehicle_name(view)),
        (sheet.t("advisor"), view.advisor),
        (sheet.t("settlement_no"), s.number),
        (sheet.t("settled_at"), fmt.datetime(s.at, lang)),
        (sheet.t("received_at"), fmt.datetime(max(p.at for p in now_paid), lang)),
        (sheet.t("cashier"), "、".join(cashiers) if lang == "zh_CN" else ", ".join(cashiers)),
    ]
    story: list[Flowable] = [kv_table(sheet, facts)]
    story += [sheet.h2("sec.received"), _table(sheet, now_paid)]
    if earlier:
        story += [sheet.h2("sec.earlier"), _table(sheet, earlier)]
    received_cents = sum(p.amount_cents for p in now_paid)
    paid_to = sum(p.amount_cents for p in s.payments if p.id <= max(ids))
    rows = [(sheet.t("bill_total"), fmt.money(s.total_cents, lang))]
    strong = [len(rows)]
    rows.append((sheet.t("this_payment"), fmt.money(received_cents, lang)))
    if received is not None and received.cash_tendered_cents is not None:
        rows.append((sheet.t("cash_tendered"), fmt.money(received.cash_tendered_cents, lang)))
        rows.append((sheet.t("change_due"), fmt.money(received.change_cents, lang)))
    rows.append((sheet.t("paid_to_date"), fmt.money(paid_to, lang)))
    strong.append(len(rows))
    rows.append((sheet.t("balance"), fmt.money(s.total_cents - paid_to, lang)))
    story += [sheet.h2("sec.totals"), totals_table(sheet, rows, strong=strong)]
    story += sheet.lp("receipt_note", "small")
    story.append(signature_blocks(sheet, ("cashier_signature", "customer_signature")))
    return story
