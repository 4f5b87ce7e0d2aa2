"""The payment receipt: the tenders just taken (cash handed over, change), what was paid
before and what is still due, in both languages; none before anything is paid."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from advisor.errors import GateError
from advisor.services import settlement
from advisor.services.orders import get_ro_view
from advisor.services.views import SplitPayment
from reports import formatting as fmt
from tests import factories
from tests.unit.reports.test_sheets import CJK, DEALER, flat_text, render, squash, text_of


def _paid_in_two_goes(staff: factories.Staff) -> tuple[int, int, SplitPayment]:
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(
        actor=staff.cashier, ro_id=ro_id, method="wechat", amount_cents=10_000, reference="WX-4200001"
    )
    cash = (total - 10_000) // 2
    done = settlement.pay_split(
        actor=staff.cashier,
        ro_id=ro_id,
        tenders=[
            {"method": "cash", "amount_cents": cash},
            {"method": "card", "amount_cents": total - 10_000 - cash - 500, "reference": "POS-6217-0042"},
        ],
        cash_tendered_cents=cash + 3_750,
    )
    return ro_id, cash, done


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_receipt_shows_the_tenders_the_change_and_what_is_left(staff: factories.Staff, lang: str) -> None:
    ro_id, cash, done = _paid_in_two_goes(staff)
    view = get_ro_view(ro_id)
    s = view.settlement
    assert s is not None
    pdf = render("receipt", view, lang, received=done)
    out = os.environ.get("RECEIPT_PNG_DIR")
    if out:  # to look at it: RECEIPT_PNG_DIR=/tmp/x pytest …
        Path(out, f"receipt-{lang}.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", str(Path(out, f"receipt-{lang}.pdf")), str(Path(out, lang))]
        )
    text = flat_text(pdf)
    title, received, change, due = {
        "zh_CN": ("收款收据", "本次收款合计", "找零", "未付余额"),
        "en": ("PaymentReceipt", "Receivednow", "Changegiven", "Balancedue"),
    }[lang]
    for words in (title, received, change, due, s.number, view.vehicle.plate, "POS-6217-0042", "WX-4200001"):
        assert squash(words) in text, words
    money = [squash(fmt.money(c, lang)) for c in (done.paid_cents, cash + 3_750, 3_750, 500, s.total_cents)]
    for amount in money:
        assert amount in text, amount
    if lang == "en":
        english = text
        for value in (view.customer.name, view.vehicle.plate, view.advisor, DEALER.name, DEALER.address):
            english = english.replace(squash(value), "")
        for p in s.payments:
            english = english.replace(squash(p.by), "")
        assert not CJK.findall(english)


def test_a_reprint_lists_every_payment_and_no_change(staff: factories.Staff) -> None:
    ro_id, _cash, _done = _paid_in_two_goes(staff)
    view = get_ro_view(ro_id)
    text = text_of(render("receipt", view, "en"))
    assert "WX-4200001" in text and "POS-6217-0042" in text
    assert "Change given" not in text and "Paid before" not in text


def test_no_receipt_before_a_payment(staff: factories.Staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    with pytest.raises(GateError) as err:
        render("receipt", get_ro_view(ro_id), "en")
    assert "Nothing has been paid" in err.value.en and "尚未收款" in err.value.zh
