"""Step 11 through the GUI: gates shown with the domain's message, discounts within the
role's limit, split payments, refunds as new entries, the balance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableWidget

from advisor.models import now
from advisor.money import to_yuan
from advisor.services import changes, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui.closing_helpers import choose_data, click, errors, find, host, select_row, type_into
from tests.ui.shell_support import workstation  # noqa: F401
from ui.ro.pages.settlement import SettlementPage


def settled(staff: factories.Staff, *, explain: bool = True) -> int:
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    if explain:
        settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    return ro_id


def test_settlement_refused_before_qc_passed(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, ctx, SettlementPage, ro_id)
    assert "Final QC has not passed yet." in find(page, QLabel, "settle_locked").text()
    click(qtbot, page, "settle_button")
    assert errors(shown) == ["Final QC has not passed yet."]
    assert get_ro_view(ro_id).settlement is None


def test_settlement_refused_while_a_line_is_undecided(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="delay",
        reason="Waiting for the bay",
        new_promised_at=now() + dt.timedelta(hours=6),
        lines=[{"kind": "labour", "description": "Recheck alignment", "quantity": "0.5"}],
    )
    page = host(qtbot, ctx, SettlementPage, ro_id)
    note = find(page, QLabel, "settle_not_charged").text()
    assert "Recheck alignment" in note and "Wheel alignment" in note  # undecided and declined
    click(qtbot, page, "settle_button")
    assert errors(shown) == ["A change request still waits for the customer's decision."]
    assert get_ro_view(ro_id).settlement is None


def test_lines_come_from_approved_work_labour_and_materials_apart(qtbot, ctx, staff) -> None:  # type: ignore[no-untyped-def]
    from advisor.services import solicitation

    reason = next(r for r in solicitation.decline_reasons() if r.code == "price")
    ro_id, _lines = factories.qc_passed(staff, decline_reason=reason.id)
    page = host(qtbot, ctx, SettlementPage, ro_id)
    note = find(page, QLabel, "settle_not_charged").text()
    assert f"Wheel alignment ({reason.label_en})" in note  # declined, with the customer's reason
    labour = find(page, QTableWidget, "settle_labour")
    parts = find(page, QTableWidget, "settle_parts")
    assert [labour.item(r, 1).text() for r in range(labour.rowCount())] == ["Replace front brake pads"]
    assert parts.rowCount() == 1 and parts.item(0, 0).text() == "45022-TBA-A01"
    view = get_ro_view(ro_id)
    total = view.totals.total_cents
    assert find(page, QLabel, "settle_total_total").text() == f"¥{total // 100:,}.{total % 100:02d}"


def test_discount_above_the_advisors_limit_refused_within_accepted(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    subtotal = get_ro_view(ro_id).totals.subtotal_cents
    page = host(qtbot, ctx, SettlementPage, ro_id)
    too_much = str(to_yuan(subtotal // 10))  # 10 % > the advisor's 5 %
    type_into(qtbot, page, "settle_discount", too_much)
    type_into(qtbot, page, "settle_discount_reason", "loyal customer")
    click(qtbot, page, "settle_button")
    assert len(errors(shown)) == 1
    assert "A discount above 5% of the amount needs a higher role" in errors(shown)[0]
    assert get_ro_view(ro_id).settlement is None
    assert find(page, QLineEdit, "settle_discount").text() == too_much  # the input stays

    within = str(to_yuan(subtotal * 4 // 100))
    type_into(qtbot, page, "settle_discount", within)
    click(qtbot, page, "settle_button")
    assert len(errors(shown)) == 1
    s = get_ro_view(ro_id).settlement
    assert s is not None and s.discount_cents == subtotal * 4 // 100 and s.discount_reason == "loyal customer"
    assert s.number in find(page, QLabel, "settle_number").text()
    assert find(page, QLabel, "settle_total_discount").text().startswith("-¥")


def test_a_manager_may_give_more(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    subtotal = get_ro_view(ro_id).totals.subtotal_cents
    page = host(qtbot, make_ctx("manager"), SettlementPage, ro_id)
    type_into(qtbot, page, "settle_discount", str(to_yuan(subtotal // 10)))
    type_into(qtbot, page, "settle_discount_reason", "comeback goodwill")
    click(qtbot, page, "settle_button")
    assert errors(shown) == []
    assert get_ro_view(ro_id).settlement.discount_cents == subtotal // 10  # type: ignore[union-attr]


def test_a_bad_amount_is_refused_and_kept(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    page = host(qtbot, ctx, SettlementPage, ro_id)
    type_into(qtbot, page, "settle_discount", "12,3x")
    click(qtbot, page, "settle_button")
    assert len(errors(shown)) == 1 and "not an amount" in errors(shown)[0]
    assert find(page, QLineEdit, "settle_discount").text() == "12,3x"


def test_items_explained_before_the_amount(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = settled(staff, explain=False)
    page = host(qtbot, ctx, SettlementPage, ro_id)
    explain = page.explain_group
    assert explain.y() < page.totals_group.y()  # the button comes before the amount
    assert "Not explained yet" in find(page, QLabel, "settle_explained").text()
    click(qtbot, page, "settle_explain")
    assert get_ro_view(ro_id).items_explained_at is not None
    assert "Explained on" in find(page, QLabel, "settle_explained").text()


def test_payment_refused_before_the_items_are_explained(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = settled(staff, explain=False)
    page = host(qtbot, make_ctx("cashier"), SettlementPage, ro_id)
    click(qtbot, page, "pay_button")
    assert errors(shown) == ["The advisor must explain the items before the amount is taken."]
    assert get_ro_view(ro_id).settlement.payments == ()  # type: ignore[union-attr]


def test_split_payment_and_balance(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = settled(staff)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    page = host(qtbot, make_ctx("cashier"), SettlementPage, ro_id)
    assert not page.settle_group.isVisible() and not page.correct_group.isVisible()  # not the cashier's
    amount = find(page, QLineEdit, "pay_amount")
    assert Decimal(amount.text()) == to_yuan(total)  # prefilled with the balance
    method = find(page, QComboBox, "pay_method")
    choose_data(qtbot, method, "cash")
    type_into(qtbot, page, "pay_amount", "100.00")
    click(qtbot, page, "pay_button")
    assert errors(shown) == []
    balance = find(page, QLabel, "pay_balance")
    assert balance.text() == f"Balance due: ¥{(total - 10_000) // 100:,}.{(total - 10_000) % 100:02d}"
    assert get_ro_view(ro_id).paid_at is None

    # More than the balance is refused by the service; the typed amount stays.
    type_into(qtbot, page, "pay_amount", str(to_yuan(total)))
    click(qtbot, page, "pay_button")
    assert len(errors(shown)) == 1 and "more than the balance" in errors(shown)[0]

    choose_data(qtbot, method, "wechat")
    type_into(qtbot, page, "pay_amount", str(to_yuan(total - 10_000)))
    type_into(qtbot, page, "pay_reference", "WX-4711")
    click(qtbot, page, "pay_button")
    view = get_ro_view(ro_id)
    assert [(p.method, p.amount_cents) for p in view.settlement.payments] == [  # type: ignore[union-attr]
        ("cash", 10_000),
        ("wechat", total - 10_000),
    ]
    assert view.paid_at is not None
    assert balance.text().startswith("✓ Paid in full")
    table = find(page, QTableWidget, "pay_table")
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["Cash", "WeChat Pay"]


def test_refund_is_a_new_negative_entry(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = settled(staff)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="card", amount_cents=total, reference="POS-1")
    page = host(qtbot, make_ctx("cashier"), SettlementPage, ro_id)
    click(qtbot, page, "refund_button")
    assert errors(shown) == ["Select the payment to refund in the list above."]
    table = find(page, QTableWidget, "pay_table")
    select_row(qtbot, table, 0)
    type_into(qtbot, page, "refund_amount", "50")
    type_into(qtbot, page, "refund_reason", "card charged twice for the wiper")
    click(qtbot, page, "refund_button")
    assert len(errors(shown)) == 1
    pays = get_ro_view(ro_id).settlement.payments  # type: ignore[union-attr]
    assert [p.amount_cents for p in pays] == [total, -5_000]
    assert pays[1].refund_of == pays[0].id
    assert table.rowCount() == 2 and table.item(1, 2).text() == "-¥50.00"
    assert find(page, QLabel, "pay_balance").text() == "Balance due: ¥50.00"


def test_correction_is_a_new_settlement(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = settled(staff)
    first = get_ro_view(ro_id).settlement
    page = host(qtbot, ctx, SettlementPage, ro_id)
    type_into(qtbot, page, "settle_correct_discount", "10")
    click(qtbot, page, "settle_correct")
    assert errors(shown) == ["Say why the settlement is corrected."]
    type_into(qtbot, page, "settle_correct_reason", "forgot the coupon")
    click(qtbot, page, "settle_correct")
    second = get_ro_view(ro_id).settlement
    assert first is not None and second is not None
    assert second.number != first.number and second.discount_cents == 1_000
    assert second.number in find(page, QLabel, "settle_number").text()
    assert get_ro_view(ro_id).items_explained_at is None  # the new amount is explained again
