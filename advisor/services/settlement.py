"""Step 11–12: settlement from approved work only, payments, handover.

Corrections and refunds are new entries, never edits.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import peewee

from advisor import auth, money, validation, workflow
from advisor.codes import (
    OLD_PART_CHOICES,
    PAY_NEEDS_REFERENCE,
    EventAction,
    LineKind,
    LineStatus,
    PayMethod,
    ROStatus,
    SignedAct,
)
from advisor.db import unindexed
from advisor.errors import GateError, PermissionDenied, ValidationError
from advisor.models import (
    Customer,
    EstimateLine,
    FollowUp,
    Payment,
    RepairOrder,
    Settlement,
    User,
    Vehicle,
    now,
)
from advisor.services import signing
from advisor.services._base import (
    Actor,
    bump,
    check_owner,
    current_settlement,
    event,
    get,
    get_ro,
    log,
    paid_cents,
    ro_state,
    service,
)
from advisor.services.estimate import agreed_amounts, totals_of
from advisor.services.opchanges import Kind
from advisor.services.reception import next_number
from advisor.services.settings import get_setting
from advisor.services.views import PaymentQueueRow, SplitPayment
from advisor.signatures import SignatureInput

# The choices a form offers.
PAY_METHODS = PayMethod.values()
OLD_PART_HANDLING: tuple[str, ...] = OLD_PART_CHOICES


def _check_discount(actor: Actor, discount_cents: int, subtotal: int) -> None:
    if discount_cents < 0:
        raise ValidationError("A discount cannot be negative.", "折扣不能为负数。", field="discount")
    if discount_cents > subtotal:
        raise ValidationError(
            "The discount is larger than the amount.", "折扣超过了应收金额。", field="discount"
        )
    if discount_cents == 0:
        return
    limits = get_setting("discount_limits")
    limit = Decimal(str(limits.get(actor.role, "0")))
    if Decimal(discount_cents) > Decimal(subtotal) * limit:
        raise PermissionDenied(
            f"A discount above {limit:.0%} of the amount needs a higher role "
            f"(yours: {auth.role_label(actor.role, 'en').lower()}).",
            f"折扣超过金额的 {limit:.0%}，需更高权限（当前角色：{auth.role_label(actor.role, 'zh_CN')}）。",
        )


def _create(ro: RepairOrder, actor: Actor, discount_cents: int, reason: str) -> Settlement:
    lines = list(
        EstimateLine.select()
        .where((EstimateLine.ro == ro.id) & (EstimateLine.status == LineStatus.APPROVED))
        .order_by(EstimateLine.id)
    )
    pre = totals_of(lines)
    _check_discount(actor, discount_cents, pre.subtotal_cents)
    # The price of the work (before a discount given now) is held to the range told.
    workflow.check_total_in_range(
        pre.total_cents, ro.price_low_cents, ro.price_high_cents, agreed_amounts(ro.id), when="settle"
    )
    t = totals_of(lines, discount_cents=discount_cents)
    frozen = [
        {
            "id": x.id,
            "kind": x.kind,
            "code": x.code,
            "description": x.description,
            "quantity": str(x.quantity),
            "unit_price_cents": x.unit_price_cents,
            "amount_cents": x.amount_cents,
            "origin": x.origin,
            "pay_type": x.pay_type,
        }
        for x in lines
    ]
    s = Settlement.create(
        ro=ro.id,
        number=next_number("ST", now().date()),
        at=now(),
        by_user=actor.user_id,
        labour_cents=t.labour_cents,
        parts_cents=t.parts_cents,
        other_cents=t.other_cents,
        discount_cents=discount_cents,
        discount_reason=validation.clean_text(reason, limit=500),
        tax_cents=t.tax_cents,
        total_cents=t.total_cents,
        lines_json=json.dumps(frozen, ensure_ascii=False),
    )
    log(
        actor,
        "settlement",
        s.id,
        "settle",
        new={"number": s.number, "total": s.total_cents, "discount": discount_cents},
        ro_id=ro.id,
    )
    return s


@service("settle", changes=Kind.PAYMENTS | Kind.RO)
def settle(*, actor: Actor, ro_id: int, discount_cents: int = 0, discount_reason: str = "") -> int:
    """Build the settlement from approved work only. Returns the settlement id."""
    ro = check_owner(actor, ro_id)
    state = ro_state(ro)
    workflow.check_can_settle(state)
    if state.settled:
        raise GateError("The RO is already settled: make a correction instead.", "工单已结算：请做更正。")
    s = _create(ro, actor, discount_cents, discount_reason)
    bump(ro, None, ("The repair order", "工单"), settled_at=now())
    event(ro, actor, EventAction.SETTLED, s.number)
    return int(s.id)


@service("settle", changes=Kind.PAYMENTS | Kind.RO)
def correct_settlement(*, actor: Actor, ro_id: int, discount_cents: int, reason: str) -> int:
    """A correction: a new settlement supersedes the old one (refund payments first)."""
    ro = check_owner(actor, ro_id)
    old = current_settlement(ro.id)
    if old is None:
        raise GateError("There is no settlement to correct.", "没有可更正的结算单。")
    if ro.handed_over_at is not None:
        raise GateError("The car has been handed over: the settlement is final.", "车辆已交付：结算已定。")
    if paid_cents(old):
        raise GateError("Refund the payments before correcting the settlement.", "更正结算前须先退款。")
    if not (reason or "").strip():
        raise ValidationError("Say why the settlement is corrected.", "请说明更正原因。")
    new = _create(ro, actor, discount_cents, reason)
    Settlement.update(superseded_by=new.id).where(Settlement.id == old.id).execute()
    RepairOrder.update(items_explained_at=None).where(RepairOrder.id == ro.id).execute()
    event(ro, actor, EventAction.SETTLEMENT_CORRECTED, f"{old.number} → {new.number}")
    return int(new.id)


@service("explain", changes=Kind.RO)
def explain_items(*, actor: Actor, ro_id: int) -> None:
    """The advisor has explained the settlement item by item, before the amount."""
    ro = check_owner(actor, ro_id)
    if current_settlement(ro.id) is None:
        raise GateError("Settle the RO first.", "请先结算。")
    bump(ro, None, ("The repair order", "工单"), items_explained_at=now())
    event(ro, actor, EventAction.ITEMS_EXPLAINED)


def _take(
    actor: Actor, ro: RepairOrder, s: Settlement, method: str, amount_cents: int, reference: str
) -> int:
    """Record one payment of ``s`` (already checked against the balance): the payment,
    its audit row, the RO marked paid when nothing is left due, and its timeline step."""
    p = Payment.create(
        settlement=s.id,
        method=method,
        amount_cents=amount_cents,
        reference=validation.clean_text(reference, limit=64),
        at=now(),
        by_user=actor.user_id,
    )
    log(actor, "payment", p.id, "pay", new={"method": method, "amount": amount_cents}, ro_id=ro.id)
    if paid_cents(s) == s.total_cents:
        bump(ro, None, ("The repair order", "工单"), paid_at=now())
    event(ro, actor, EventAction.PAID, f"{method} {money.fmt(amount_cents, symbol=False)}")
    return int(p.id)


def _payable(ro: RepairOrder) -> tuple[Settlement, int]:
    """The settlement in force and its balance, once the RO may be paid."""
    workflow.check_can_pay(ro_state(ro))
    s = current_settlement(ro.id)
    assert s is not None
    return s, s.total_cents - paid_cents(s)


@service("pay", changes=Kind.PAYMENTS | Kind.RO)
def pay(*, actor: Actor, ro_id: int, method: str, amount_cents: int, reference: str = "") -> int:
    """The cashier takes a payment (split payments allowed; no overpayment)."""
    ro = get_ro(ro_id)
    s, balance = _payable(ro)
    validation.choice(method, PAY_METHODS, ("Payment method", "付款方式"))
    if amount_cents <= 0:
        raise ValidationError("The amount must be more than 0.", "金额必须大于 0。", field="amount")
    if amount_cents > balance:
        raise ValidationError(
            f"The amount is more than the balance due ({money.fmt(balance, 'en')}).",
            f"金额超过应付余额（{money.fmt(balance, 'zh_CN')}）。",
            field="amount",
        )
    _check_reference(method, reference)
    return _take(actor, ro, s, method, amount_cents, reference)


MAX_TENDERS = 8


def _tender(n: int, tender: dict[str, Any]) -> tuple[str, int, str]:
    """Tender ``n`` (1-based, as the form numbers its rows) as (method, cents, reference),
    or a refusal that names the row."""
    method = tender.get("method")
    amount = tender.get("amount_cents")
    reference = str(tender.get("reference") or "").strip()
    if not isinstance(method, str) or method not in PAY_METHODS:
        raise ValidationError(
            f"Payment {n}: choose how it is paid.", f"第 {n} 笔：请选择付款方式。", field=f"tender_{n}_method"
        )
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise ValidationError(
            f"Payment {n}: the amount must be more than 0.",
            f"第 {n} 笔：金额必须大于 0。",
            field=f"tender_{n}_amount",
        )
    _check_reference(method, reference, n)
    return method, amount, reference


def _check_reference(method: str, reference: str, n: int | None = None) -> None:
    """A card, transfer, WeChat or Alipay payment names its slip or transaction number
    (the till's record and the bank's must be matched later); ``n``: the tender's row."""
    if method not in PAY_NEEDS_REFERENCE or reference.strip():
        return
    en, zh = PayMethod(method).en, PayMethod(method).zh
    article = "an" if en[:1].lower() in "aeiou" else "a"
    row_en, row_zh = (f"Payment {n}: {article}", f"第 {n} 笔：") if n is not None else (article.title(), "")
    raise ValidationError(
        f"{row_en} {en} payment needs its reference (slip or transaction number).",
        f"{row_zh}{zh}付款须填写凭证号（签购单号或交易单号）。",
        field=f"tender_{n}_reference" if n is not None else "reference",
    )


@service("pay", changes=Kind.PAYMENTS | Kind.RO)
def pay_split(
    *,
    actor: Actor,
    ro_id: int,
    tenders: list[dict[str, Any]],
    cash_tendered_cents: int | None = None,
) -> SplitPayment:
    """The cashier takes one bill's money in several tenders at once (cash and a card, …):
    every tender recorded, each with its audit row, or none. ``tenders``: dicts of
    ``method``, ``amount_cents`` and ``reference`` (required for card, transfer, WeChat
    and Alipay). ``cash_tendered_cents``: the cash the customer handed over, at least the
    cash part; the change due is the rest. Refused: no tender, a zero or negative amount,
    more than the balance due, too little cash handed over."""
    ro = get_ro(ro_id)
    s, balance = _payable(ro)
    if not tenders:
        raise ValidationError("Add at least one payment.", "请至少添加一笔付款。", field="tenders")
    if len(tenders) > MAX_TENDERS:
        raise ValidationError(
            f"At most {MAX_TENDERS} payments at once.", f"一次最多 {MAX_TENDERS} 笔付款。", field="tenders"
        )
    taken = [_tender(n, t) for n, t in enumerate(tenders, 1)]
    total = sum(cents for _m, cents, _r in taken)
    if total > balance:
        raise ValidationError(
            f"The payments add up to {money.fmt(total, 'en')}, more than the balance due "
            f"({money.fmt(balance, 'en')}).",
            f"付款合计 {money.fmt(total, 'zh_CN')}，超过应付余额（{money.fmt(balance, 'zh_CN')}）。",
            field="tenders",
        )
    cash = sum(cents for m, cents, _r in taken if m == PayMethod.CASH)
    change = 0
    if cash_tendered_cents is not None:
        if cash == 0:
            raise ValidationError(
                "Cash was handed over, but no payment is in cash.",
                "收到了现金，但没有现金付款项。",
                field="cash_tendered",
            )
        if cash_tendered_cents < cash:
            raise ValidationError(
                f"The cash handed over ({money.fmt(cash_tendered_cents, 'en')}) is less than "
                f"the cash part ({money.fmt(cash, 'en')}).",
                f"实收现金（{money.fmt(cash_tendered_cents, 'zh_CN')}）少于现金付款金额"
                f"（{money.fmt(cash, 'zh_CN')}）。",
                field="cash_tendered",
            )
        change = cash_tendered_cents - cash
    ids = tuple(_take(actor, ro, s, m, cents, ref) for m, cents, ref in taken)
    return SplitPayment(ids, total, change, balance - total, cash_tendered_cents)


@service("pay", read=True)
def read_payment_queue(*, actor: Actor) -> list[PaymentQueueRow]:
    """The cashier's queue: open, settled repair orders with a balance still due (nothing
    or part paid), the oldest settlement first. Those whose items the advisor has not
    explained yet are listed too (flagged): the customer is on the way to the till."""
    paid = (
        Payment.select(peewee.fn.COALESCE(peewee.fn.SUM(Payment.amount_cents), 0))
        .where(Payment.settlement == Settlement.id)
        .alias("paid")
    )
    q = (
        RepairOrder.select(
            RepairOrder.id,
            RepairOrder.number,
            Vehicle.plate,
            Customer.name,
            Settlement.number,
            Settlement.at,
            Settlement.total_cents,
            paid,
            RepairOrder.items_explained_at,
            User.display_name,
        )
        .join(Settlement, on=(Settlement.ro == RepairOrder.id) & Settlement.superseded_by.is_null())
        .switch(RepairOrder)
        .join(Vehicle, on=(Vehicle.id == RepairOrder.vehicle))
        .switch(RepairOrder)
        .join(Customer, on=(Customer.id == RepairOrder.customer))
        .switch(RepairOrder)
        .join(User, on=(User.id == RepairOrder.advisor))
        .where(
            # In by the open ROs (repair_order_open_queue): what is not handed over and
            # what is settled are conditions on those few, never a way into the history.
            (RepairOrder.status == ROStatus.OPEN)
            & unindexed(RepairOrder.handed_over_at).is_null()
            & unindexed(RepairOrder.settled_at).is_null(False)
        )
        .tuples()
    )
    rows = [
        PaymentQueueRow(
            int(ro_id),
            str(number),
            str(plate),
            str(name),
            str(st_number),
            at,
            int(total),
            int(paid_so_far),
            explained is not None,
            str(advisor or ""),
        )
        for ro_id, number, plate, name, st_number, at, total, paid_so_far, explained, advisor in q
    ]
    # Sorted here, among the few open bills: an ORDER BY of the settlement's time made
    # SQLite walk ``settlement_in_force_at`` through every settlement ever in force.
    rows.sort(key=lambda r: (r.settled_at, r.ro_id))
    return [r for r in rows if r.balance_cents > 0]


@service("pay", changes=Kind.PAYMENTS | Kind.RO)
def refund(*, actor: Actor, payment_id: int, amount_cents: int, reason: str) -> int:
    """A refund is a new negative payment referring to the original."""
    p = get(Payment, payment_id, ("Payment", "付款"))
    if p.refund_of is not None or p.amount_cents <= 0:
        raise GateError("Only a payment can be refunded.", "只能对付款进行退款。")
    refunded = -sum(x.amount_cents for x in Payment.select().where(Payment.refund_of == p.id))
    if not 0 < amount_cents <= p.amount_cents - refunded:
        raise ValidationError("The refund exceeds what was paid.", "退款金额超过已付金额。")
    if not (reason or "").strip():
        raise ValidationError("Say why the money is refunded.", "请说明退款原因。")
    s = Settlement.get_by_id(p.settlement_id)
    ro = RepairOrder.get_by_id(s.ro_id)
    if ro.handed_over_at is not None:
        raise GateError("The car has been handed over.", "车辆已交付。")
    r = Payment.create(
        settlement=s.id,
        method=p.method,
        amount_cents=-amount_cents,
        reference=reason,
        at=now(),
        by_user=actor.user_id,
        refund_of=p.id,
    )
    RepairOrder.update(paid_at=None).where(RepairOrder.id == ro.id).execute()
    log(actor, "payment", r.id, "refund", new={"of": p.id, "amount": -amount_cents}, ro_id=ro.id)
    event(ro, actor, EventAction.REFUNDED, reason)
    return int(r.id)


def _old_part_decisions(ro: RepairOrder, old_parts: dict[int, str]) -> dict[int, str]:
    """The decisions ``old_parts`` records ({line id: handling}; "" leaves a line as it
    is), checked: each a known handling, of an approved part line of this RO; and every
    approved part line decided once they are applied — else nothing is written."""
    parts = {
        x.id: x
        for x in EstimateLine.select()
        .where(
            (EstimateLine.ro == ro.id)
            & (EstimateLine.kind == LineKind.PART)
            & (EstimateLine.status == LineStatus.APPROVED)
        )
        .order_by(EstimateLine.id)
    }
    decided: dict[int, str] = {}
    for line_id, handling in old_parts.items():
        if not handling:
            continue
        validation.choice(handling, OLD_PART_HANDLING, ("Old part", "旧件处理"))
        line = get(EstimateLine, line_id, ("Line", "项目"))
        if line.ro_id != ro.id:
            raise ValidationError("That line belongs to another RO.", "该项目属于其他工单。")
        if line.id not in parts:
            raise ValidationError(
                "Only an approved part line has an old part to decide on.",
                "只有已批准的配件项目才有旧件需要处理。",
            )
        decided[line.id] = handling
    undecided = [
        " ".join(p for p in (x.code, x.description) if p)
        for x in parts.values()
        if not (decided.get(x.id) or x.old_part_handling)
    ]
    workflow.check_old_parts_decided(undecided)
    return decided


@service("handover", changes=Kind.RO | Kind.FOLLOWUP | Kind.PAYMENTS)
def hand_over(
    *,
    actor: Actor,
    ro_id: int,
    accepted_by: str,
    result_shown: bool,
    next_service_date: dt.date | None = None,
    next_service_km: int | None = None,
    old_parts: dict[int, str] | None = None,
    at: dt.datetime | None = None,
    signature: SignatureInput | None = None,
    no_signature_reason: str = "",
) -> None:
    """Hand the car over: QC passed, paid, items explained; acceptance and next service.

    The handover is always in person: the customer signs the acceptance (``signature``)
    or the reason they cannot is recorded (``no_signature_reason``); the signature's
    sha256 goes into the audit row.

    ``old_parts`` ({line id: handling}) records the customer's decision on the old part of
    each approved part line; every such line must have one (recorded now or before), or
    the handover is refused naming the parts still undecided."""
    ro = check_owner(actor, ro_id)
    workflow.check_can_hand_over(ro_state(ro))
    who = validation.name(accepted_by, what=("The name of who accepted the car", "验收人姓名"))
    if not result_shown:
        raise ValidationError("Show the customer the repair result.", "请向客户展示维修结果。")
    when = at or now()
    months = int(get_setting("service_interval_months"))
    km = int(get_setting("service_interval_km"))
    next_date = next_service_date or (when.date() + dt.timedelta(days=30 * months))
    next_km = next_service_km if next_service_km is not None else (ro.mileage_in or 0) + km
    if next_date <= when.date():
        raise ValidationError("The next service must be in the future.", "下次保养日期须在今后。")
    decided = _old_part_decisions(ro, old_parts or {})
    sig, unsigned = signing.settled(True, signature, no_signature_reason)
    for line_id, handling in decided.items():
        EstimateLine.update(old_part_handling=handling).where(EstimateLine.id == line_id).execute()
    bump(
        ro,
        None,
        ("The repair order", "工单"),
        handed_over_at=when,
        accepted_by=who,
        result_shown=True,
        next_service_date=next_date,
        next_service_km=next_km,
        handover_no_signature_reason=unsigned,
    )
    sha = signing.store(actor, ro_id=ro.id, act=SignedAct.HANDOVER, act_id=None, signer=who, sig=sig)
    Vehicle.update(next_service_date=next_date, next_service_km=next_km).where(
        Vehicle.id == ro.vehicle_id
    ).execute()
    due_from, due_to = workflow.follow_up_window(when)
    FollowUp.create(ro=ro.id, due_from=due_from, due_to=due_to)
    log(
        actor,
        "repair_order",
        ro.id,
        "hand_over",
        new={
            "accepted_by": who,
            "next_date": next_date,
            "next_km": next_km,
            "old_parts": decided,
            **signing.audit_fields(sha, unsigned),
        },
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.HANDED_OVER, who)
