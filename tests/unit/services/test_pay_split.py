"""The cashier's queue (``read_payment_queue``) and a bill paid in several tenders at once
(``pay_split``): sums, change, refusals, and nothing half-written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advisor.errors import GateError, PermissionDenied, ValidationError
from advisor.models import AuditLog, Payment, RepairOrder, Settlement
from advisor.services import settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import Staff
from tests.unit.services.test_gates import refused


def _settled(staff: Staff, *, explained: bool = True) -> tuple[int, int]:
    """A settled RO (its items explained unless said otherwise) and its total."""
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    if explained:
        settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    return ro_id, total


def _queue(staff: Staff) -> list[Any]:
    return settlement.read_payment_queue(actor=staff.cashier)


def _pay_rows(ro_id: int) -> list[tuple[str, int, str]]:
    s = Settlement.get((Settlement.ro == ro_id) & Settlement.superseded_by.is_null())
    return [
        (p.method, p.amount_cents, p.reference)
        for p in Payment.select().where(Payment.settlement == s.id).order_by(Payment.id)
    ]


def test_the_queue_lists_settled_bills_with_a_balance_oldest_settlement_first(staff: Staff) -> None:
    assert _queue(staff) == []
    first, total1 = _settled(staff)
    second, total2 = _settled(staff, explained=False)
    third, total3 = _settled(staff)
    # The third was settled longest ago: it comes first.
    st = Settlement.get(Settlement.ro == third)
    Settlement.update(at=st.at - dt.timedelta(hours=3)).where(Settlement.id == st.id).execute()
    settlement.pay(actor=staff.cashier, ro_id=first, method="cash", amount_cents=1_000)
    rows = _queue(staff)
    assert [r.ro_id for r in rows] == [third, first, second]
    by_ro = {r.ro_id: r for r in rows}
    assert (by_ro[first].total_cents, by_ro[first].paid_cents, by_ro[first].balance_cents) == (
        total1,
        1_000,
        total1 - 1_000,
    )
    assert by_ro[second].paid_cents == 0 and by_ro[second].balance_cents == total2
    assert not by_ro[second].items_explained and by_ro[first].items_explained
    view = get_ro_view(first)
    assert by_ro[first].ro_number == view.number
    assert by_ro[first].plate == view.vehicle.plate
    assert by_ro[first].customer_name == view.customer.name
    assert by_ro[first].settlement_number == view.settlement.number  # type: ignore[union-attr]
    assert by_ro[first].advisor == staff.advisor.display_name
    # Paid in full: it leaves the queue; a refund brings it back, part-paid.
    settlement.pay(actor=staff.cashier, ro_id=third, method="cash", amount_cents=total3)
    assert third not in [r.ro_id for r in _queue(staff)]
    payment = Payment.select().order_by(Payment.id.desc()).first()
    settlement.refund(actor=staff.cashier, payment_id=payment.id, amount_cents=500, reason="overcharged")
    back = {r.ro_id: r for r in _queue(staff)}[third]
    assert back.balance_cents == 500


def test_the_queue_shows_a_corrected_settlement_once_and_no_handed_over_car(staff: Staff) -> None:
    ro_id, _total = _settled(staff)
    settlement.correct_settlement(actor=staff.advisor, ro_id=ro_id, discount_cents=100, reason="goodwill")
    rows = [r for r in _queue(staff) if r.ro_id == ro_id]
    assert len(rows) == 1
    assert rows[0].settlement_number == get_ro_view(ro_id).settlement.number  # type: ignore[union-attr]
    done, _lines = factories.handed_over(staff)
    assert done not in [r.ro_id for r in _queue(staff)]


def test_only_who_takes_payments_reads_the_queue(staff: Staff) -> None:
    with pytest.raises(PermissionDenied):
        settlement.read_payment_queue(actor=staff.technician)
    assert settlement.read_payment_queue(actor=staff.manager) == []


def test_a_split_payment_records_every_tender_and_the_change(staff: Staff) -> None:
    ro_id, total = _settled(staff)
    cash = total * 6 // 10
    card = total - cash
    before = AuditLog.select().where((AuditLog.entity == "payment") & (AuditLog.action == "pay")).count()
    done = settlement.pay_split(
        actor=staff.cashier,
        ro_id=ro_id,
        tenders=[
            {"method": "cash", "amount_cents": cash, "reference": ""},
            {"method": "card", "amount_cents": card, "reference": "POS-1234"},
        ],
        cash_tendered_cents=cash + 2_345,
    )
    assert (done.change_cents, done.cash_tendered_cents) == (2_345, cash + 2_345)
    assert done.paid_cents == total and done.balance_cents == 0
    assert _pay_rows(ro_id) == [("cash", cash, ""), ("card", card, "POS-1234")]
    audited = AuditLog.select().where((AuditLog.entity == "payment") & (AuditLog.action == "pay"))
    assert audited.count() == before + 2
    assert sorted(a.entity_id for a in audited.order_by(AuditLog.id.desc()).limit(2)) == list(
        done.payment_ids
    )
    assert RepairOrder.get_by_id(ro_id).paid_at is not None
    assert get_ro_view(ro_id).settlement.balance_cents == 0  # type: ignore[union-attr]
    assert ro_id not in [r.ro_id for r in _queue(staff)]


def test_a_part_payment_leaves_the_rest_due_and_the_bill_in_the_queue(staff: Staff) -> None:
    ro_id, total = _settled(staff)
    done = settlement.pay_split(
        actor=staff.cashier,
        ro_id=ro_id,
        tenders=[
            {"method": "wechat", "amount_cents": 1_000, "reference": "WX-1"},
            {"method": "alipay", "amount_cents": 2_000, "reference": "ALI-2"},
        ],
    )
    assert (done.paid_cents, done.change_cents, done.balance_cents) == (3_000, 0, total - 3_000)
    assert RepairOrder.get_by_id(ro_id).paid_at is None
    row = {r.ro_id: r for r in _queue(staff)}[ro_id]
    assert (row.paid_cents, row.balance_cents) == (3_000, total - 3_000)
    # Exactly the rest, in cash with the exact amount handed over: no change.
    rest = settlement.pay_split(
        actor=staff.cashier,
        ro_id=ro_id,
        tenders=[{"method": "cash", "amount_cents": total - 3_000}],
        cash_tendered_cents=total - 3_000,
    )
    assert (rest.change_cents, rest.balance_cents) == (0, 0)
    assert RepairOrder.get_by_id(ro_id).paid_at is not None


@pytest.mark.parametrize(
    ("tenders", "tendered", "words"),
    [
        ([], None, ("at least one payment", "至少添加一笔")),
        ([{"method": "cash", "amount_cents": 0}], None, ("Payment 1: the amount", "第 1 笔：金额")),
        ([{"method": "cash", "amount_cents": -500}], None, ("more than 0", "大于 0")),
        (
            [{"method": "cash", "amount_cents": 100}, {"method": "card", "amount_cents": 100}],
            None,
            ("Payment 2: a Bank card payment needs its reference", "第 2 笔：银行卡付款须填写凭证号"),
        ),
        (
            [{"method": "wechat", "amount_cents": 100, "reference": "  "}],
            None,
            ("WeChat Pay payment needs", "微信支付付款须填写凭证号"),
        ),
        ([{"method": "bitcoin", "amount_cents": 100}], None, ("choose how it is paid", "请选择付款方式")),
        ([{"method": "cash", "amount_cents": 5_000}], 4_999, ("less than the cash part", "少于现金付款金额")),
        (
            [{"method": "card", "amount_cents": 5_000, "reference": "P-1"}],
            6_000,
            ("no payment is in cash", "没有现金付款项"),
        ),
    ],
)
def test_a_split_payment_refused_writes_nothing(
    staff: Staff, tenders: list[dict[str, Any]], tendered: int | None, words: tuple[str, str]
) -> None:
    ro_id, _total = _settled(staff)
    err = refused(
        ValidationError,
        settlement.pay_split,
        actor=staff.cashier,
        ro_id=ro_id,
        tenders=tenders,
        cash_tendered_cents=tendered,
    )
    assert words[0] in err.en and words[1] in err.zh


def test_tenders_above_the_balance_are_refused_together_even_when_each_fits(staff: Staff) -> None:
    ro_id, total = _settled(staff)
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=1_000)
    balance = total - 1_000
    err = refused(
        ValidationError,
        settlement.pay_split,
        actor=staff.cashier,
        ro_id=ro_id,
        tenders=[
            {"method": "cash", "amount_cents": balance - 100},
            {"method": "card", "amount_cents": 101, "reference": "POS-9"},
        ],
    )
    assert "more than the balance due" in err.en and "超过应付余额" in err.zh
    assert _pay_rows(ro_id) == [("cash", 1_000, "")]


def test_a_fractional_or_text_amount_is_refused(staff: Staff) -> None:
    ro_id, _total = _settled(staff)
    for bad in (10.5, "100", True):
        refused(
            ValidationError,
            settlement.pay_split,
            actor=staff.cashier,
            ro_id=ro_id,
            tenders=[{"method": "cash", "amount_cents": bad}],
        )


def test_no_split_payment_before_the_items_are_explained_or_by_an_advisor(staff: Staff) -> None:
    ro_id, total = _settled(staff, explained=False)
    tenders = [{"method": "cash", "amount_cents": total}]
    err = refused(GateError, settlement.pay_split, actor=staff.cashier, ro_id=ro_id, tenders=tenders)
    assert "explain the items" in err.en
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    refused(PermissionDenied, settlement.pay_split, actor=staff.advisor, ro_id=ro_id, tenders=tenders)


def test_a_failure_while_writing_the_second_tender_leaves_none(
    staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: the first tender is written, the second's write fails (a disk, a
    lost connection): the first is rolled back with it."""
    ro_id, total = _settled(staff)
    real = settlement.log
    calls: list[str] = []

    def failing_log(*args: Any, **kw: Any) -> None:
        calls.append(args[1] if len(args) > 1 else "")
        if calls.count("payment") == 2:
            raise RuntimeError("the disk is full")
        real(*args, **kw)

    monkeypatch.setattr(settlement, "log", failing_log)
    with pytest.raises(RuntimeError):
        settlement.pay_split(
            actor=staff.cashier,
            ro_id=ro_id,
            tenders=[
                {"method": "cash", "amount_cents": total // 2},
                {"method": "card", "amount_cents": total - total // 2, "reference": "POS-7"},
            ],
        )
    assert calls.count("payment") == 2
    assert _pay_rows(ro_id) == []
    assert AuditLog.select().where(AuditLog.entity == "payment").count() == 0
    assert RepairOrder.get_by_id(ro_id).paid_at is None
