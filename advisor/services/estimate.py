"""Step 5: estimate lines, canned jobs, the price range and promise, and authorisation.

Gate: no work before the customer authorises. Once authorised, the cost and the
promised time change only through a change request with the customer's consent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor import money, validation, workflow
from advisor.codes import (
    CHARGED,
    DECISIONS,
    AuthMethod,
    ChangeStatus,
    EventAction,
    LineKind,
    LineStatus,
    PartOrigin,
    PayType,
    SignedAct,
)
from advisor.errors import GateError, ValidationError
from advisor.models import (
    Authorisation,
    CannedJob,
    ChangeRequest,
    DeclineReason,
    EstimateLine,
    Part,
    RepairOrder,
    now,
)
from advisor.services import parts as parts_service
from advisor.services import signing
from advisor.services._base import Actor, bump, check_owner, event, get, log, ro_state, service
from advisor.services.opchanges import Kind
from advisor.services.settings import get_setting
from advisor.services.views import Totals
from advisor.signatures import SignatureInput

# The choices a form offers (the enums' values, in their order).
KINDS = LineKind.values()
ORIGINS = PartOrigin.values()
PAY_TYPES = PayType.values()
METHODS = AuthMethod.values()


def totals_of(lines: Any, *, discount_cents: int = 0, tax_rate: Decimal | None = None) -> Totals:
    """Labour, parts, other, discount, tax and total of the approved, customer-paid lines
    (``EstimateLine`` rows or anything with kind, status, pay_type and amount_cents)."""
    rate = Decimal(get_setting("tax_rate")) if tax_rate is None else tax_rate
    sums = dict.fromkeys(LineKind, 0)
    declined = proposed = 0
    for line in lines:
        if line.status == LineStatus.APPROVED and line.pay_type in CHARGED:
            sums[line.kind] += line.amount_cents
        elif line.status == LineStatus.DECLINED:
            declined += line.amount_cents
        elif line.status == LineStatus.PROPOSED:
            proposed += line.amount_cents
    subtotal = sum(sums.values())
    tax = money.percent_of(subtotal - discount_cents, rate)
    return Totals(
        sums[LineKind.LABOUR],
        sums[LineKind.PART],
        sums[LineKind.OTHER],
        discount_cents,
        tax,
        subtotal - discount_cents + tax,
        declined,
        proposed,
    )


def quote_of(
    lines: Any,
    *,
    decisions: Mapping[int, str] | None = None,
    discount_cents: int = 0,
    tax_rate: Decimal | None = None,
) -> Totals:
    """The estimate's totals: the approved lines and the proposed ones as the customer
    would decide them (each approved, unless ``decisions`` maps its id to "declined").

    This is THE total of an RO wherever one is shown before settlement — the estimate
    page and sheet, the RO header, the authorisation (which records it): after
    discount, with tax; ``subtotal_cents``/``tax_cents`` are its net and tax parts.
    Once nothing is proposed it equals ``totals_of``. ``lines`` are ``EstimateLine``
    rows or ``LineView``s (id, kind, status, pay_type, amount_cents)."""
    decisions = decisions or {}
    as_decided = [
        _Decided(x, decisions.get(x.id, LineStatus.APPROVED)) if x.status == LineStatus.PROPOSED else x
        for x in lines
    ]
    return totals_of(as_decided, discount_cents=discount_cents, tax_rate=tax_rate)


@dataclass(frozen=True)
class _Decided:
    """A proposed line seen with the customer's (expected) decision."""

    line: Any
    status: str

    @property
    def kind(self) -> str:
        return str(self.line.kind)

    @property
    def pay_type(self) -> str:
        return str(self.line.pay_type)

    @property
    def amount_cents(self) -> int:
        return int(self.line.amount_cents)


def _check_editable(ro: RepairOrder) -> None:
    workflow.check_can_change_estimate(ro_state(ro))


def make_line(
    *,
    ro: RepairOrder,
    kind: str,
    description: str,
    quantity: Decimal | str | int,
    unit_price_cents: int | None = None,
    code: str = "",
    origin: str = "",
    pay_type: str = "customer",
    part_id: int | None = None,
    concern_id: int | None = None,
    change_request_id: int | None = None,
    skill: str = "",
) -> EstimateLine:
    """Validate and insert one proposed line (used by the estimate and change requests)."""
    validation.choice(kind, KINDS, ("Line type", "项目类型"))
    validation.choice(pay_type, PAY_TYPES, ("Pay type", "付费方式"))
    qty = validation.quantity(quantity)
    if kind == LineKind.PART:
        if part_id is None:
            part = Part.get_or_none(Part.number == code) if code else None
            if part is None:
                raise ValidationError(
                    "Choose a part from the catalogue.", "请从配件目录中选择配件。", field="part"
                )
            part_id = part.id
        part = get(Part, part_id, ("Part", "配件"))
        if qty != qty.to_integral_value():
            raise ValidationError(
                "Parts are counted in whole units.", "配件数量必须为整数。", field="quantity"
            )
        code = code or part.number
        description = description or part.name_zh
        origin = origin or part.origin
        if unit_price_cents is None:
            unit_price_cents = part.price_cents
    if kind == LineKind.LABOUR and unit_price_cents is None:
        unit_price_cents = int(get_setting("labour_rate_cents"))
    if origin:
        validation.choice(origin, ORIGINS, ("Origin", "配件来源"))
    price = validation.price_cents(int(unit_price_cents or 0))
    desc = validation.clean_text(description, limit=500).strip()
    if not desc:
        raise ValidationError("Describe the line.", "请填写项目说明。", field="description")
    return EstimateLine.create(
        ro=ro.id,
        kind=kind,
        code=validation.clean_text(code, limit=40).strip(),
        description=desc,
        quantity=qty,
        unit_price_cents=price,
        amount_cents=validation.line_amount_cents(money.line_amount(qty, price)),
        origin=origin if kind == LineKind.PART else "",
        pay_type=pay_type,
        status=LineStatus.PROPOSED,
        part=part_id,
        concern=concern_id,
        change_request=change_request_id,
        skill=validation.clean_text(skill, limit=40),
        created_at=now(),
    )


@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO | Kind.PARTS)
def add_line(
    *,
    actor: Actor,
    ro_id: int,
    kind: str,
    description: str = "",
    quantity: Decimal | str | int = 1,
    unit_price_cents: int | None = None,
    code: str = "",
    origin: str = "",
    pay_type: str = "customer",
    part_id: int | None = None,
    concern_id: int | None = None,
    skill: str = "",
) -> int:
    """Add a labour, part or other line to the estimate. Returns the line id."""
    ro = check_owner(actor, ro_id)
    workflow.check_can_estimate(ro_state(ro))
    _check_editable(ro)
    line = make_line(
        ro=ro,
        kind=kind,
        description=description,
        quantity=quantity,
        unit_price_cents=unit_price_cents,
        code=code,
        origin=origin,
        pay_type=pay_type,
        part_id=part_id,
        concern_id=concern_id,
        skill=skill,
    )
    log(
        actor,
        "estimate_line",
        line.id,
        "add_line",
        new={"kind": kind, "description": line.description, "amount": line.amount_cents},
        ro_id=ro.id,
    )
    return int(line.id)


@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO | Kind.PARTS)
def add_canned_job(*, actor: Actor, ro_id: int, code: str, lang: str = "zh_CN") -> list[int]:
    """Fill the lines of a canned job (e.g. the 5,000 km service) in one step."""
    ro = check_owner(actor, ro_id)
    workflow.check_can_estimate(ro_state(ro))
    _check_editable(ro)
    job = CannedJob.get_or_none(CannedJob.code == code)
    if job is None:
        raise ValidationError(f"No canned job {code!r}.", f"没有套餐 {code!r}。")
    ids = []
    for item in json.loads(job.lines_json):
        part = Part.get_or_none(Part.number == item["part"]) if item.get("part") else None
        desc = item["description_zh"] if lang.startswith("zh") else item["description_en"]
        line = make_line(
            ro=ro,
            kind=item["kind"],
            description=desc,
            quantity=item["qty"],
            code=item["code"],
            part_id=part.id if part else None,
        )
        ids.append(int(line.id))
    log(actor, "repair_order", ro.id, "add_canned_job", new={"code": code, "lines": ids}, ro_id=ro.id)
    return ids


@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO | Kind.PARTS)
def update_line(
    *,
    actor: Actor,
    line_id: int,
    version: int,
    quantity: Decimal | str | None = None,
    unit_price_cents: int | None = None,
    description: str | None = None,
    pay_type: str | None = None,
    origin: str | None = None,
) -> None:
    """Change a proposed line before authorisation."""
    line = get(EstimateLine, line_id, ("Line", "项目"))
    _check_editable(check_owner(actor, line.ro_id))
    qty = validation.quantity(quantity) if quantity is not None else Decimal(line.quantity)
    price = (
        validation.price_cents(unit_price_cents) if unit_price_cents is not None else line.unit_price_cents
    )
    changes: dict[str, object] = {
        "quantity": qty,
        "unit_price_cents": price,
        "amount_cents": validation.line_amount_cents(money.line_amount(qty, price)),
    }
    if description is not None:
        changes["description"] = validation.clean_text(description, limit=500).strip()
    if pay_type is not None:
        changes["pay_type"] = validation.choice(pay_type, PAY_TYPES, ("Pay type", "付费方式"))
    if origin is not None and line.kind == LineKind.PART:
        changes["origin"] = validation.choice(origin, ORIGINS, ("Origin", "配件来源"))
    old = bump(line, version, ("The line", "项目"), **changes)
    log(actor, "estimate_line", line.id, "update_line", old=old, new=changes, ro_id=line.ro_id)


@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO | Kind.PARTS | Kind.BOARD)
def cancel_line(*, actor: Actor, line_id: int) -> None:
    """Withdraw a proposed line before authorisation (kept on file, marked cancelled)."""
    line = get(EstimateLine, line_id, ("Line", "项目"))
    _check_editable(check_owner(actor, line.ro_id))
    bump(line, None, ("The line", "项目"), status=LineStatus.CANCELLED)
    log(actor, "estimate_line", line.id, "cancel_line", ro_id=line.ro_id)


@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO)
def set_terms(
    *, actor: Actor, ro_id: int, price_low_cents: int, price_high_cents: int, promised_at: dt.datetime
) -> None:
    """The price range and promised completion time to tell the customer."""
    ro = check_owner(actor, ro_id)
    _check_editable(ro)
    _check_terms(ro, price_low_cents, price_high_cents, promised_at)
    told = _told(actor, price_low_cents, price_high_cents, now(), AuthMethod.IN_PERSON, ro.customer.name)
    old = bump(ro, None, ("The repair order", "工单"), promised_at=promised_at, **told)
    log(
        actor,
        "repair_order",
        ro.id,
        "set_terms",
        old=old,
        new={"low": price_low_cents, "high": price_high_cents, "promised_at": promised_at},
        ro_id=ro.id,
    )


def _told(actor: Actor, low: int, high: int, at: dt.datetime, method: str, to: str) -> dict[str, Any]:
    """The columns of a price range told to the customer: the range, who told it, when,
    how and to whom (kept as told; a later total outside it needs consent or a new one)."""
    return {
        "price_low_cents": low,
        "price_high_cents": high,
        "range_told_by": actor.user_id,
        "range_told_at": at,
        "range_told_method": method,
        "range_told_to": to,
    }


def _check_terms(ro: RepairOrder, low: int, high: int, promised_at: dt.datetime) -> None:
    if low < 0 or high < low:
        raise ValidationError(
            "The price range must run from a lower to a higher amount.",
            "价格范围的下限不能高于上限。",
            field="price_range",
        )
    if promised_at <= ro.arrived_at:
        raise ValidationError(
            "The promised time must be after the car arrived.",
            "承诺交车时间须晚于到店时间。",
            field="promised_at",
        )


@service("estimate.authorise", changes=Kind.ESTIMATE | Kind.RO | Kind.PARTS | Kind.BOARD)
def authorise_estimate(
    *,
    actor: Actor,
    ro_id: int,
    decisions: dict[int, str],
    customer_name: str,
    method: str,
    promised_at: dt.datetime,
    phone: str = "",
    decline_reasons: dict[int, int] | None = None,
    note: str = "",
    at: dt.datetime | None = None,
    new_range: tuple[int, int] | None = None,
    outside_range_agreed: bool = False,
    signature: SignatureInput | None = None,
    no_signature_reason: str = "",
) -> int:
    """The customer authorises: each line approved or declined, who, how, amount, promise.

    Each declined line needs its reason (the list solicitation uses). Declined lines are
    kept (they feed solicitation). Approved part lines reserve stock or become part
    orders. The price range told to the customer is kept as told: a total outside it is
    refused (``OutsideRange``) unless a corrected range is told now (``new_range``,
    recorded as told by the actor, to ``customer_name``, by ``method``) or the customer
    agrees to this total (``outside_range_agreed``, recorded on the authorisation). With
    no range told before, the authorised total is the range told. In person, the
    customer signs (``signature``) or the reason they cannot is recorded
    (``no_signature_reason``); the signature's sha256 is in the audit row. Returns the
    authorisation id.
    """
    ro = check_owner(actor, ro_id)
    state = ro_state(ro)
    workflow.check_can_estimate(state)
    if state.authorised:
        raise GateError(
            "The estimate is already authorised: further changes need a change request.",
            "估价已授权：后续变更须提交变更申请。",
        )
    validation.choice(method, METHODS, ("Method", "授权方式"))
    who = validation.name(customer_name, what=("The name of who authorised", "授权人姓名"))
    tel = validation.phone(phone, required=method == AuthMethod.PHONE)
    proposed = {
        x.id: x
        for x in EstimateLine.select().where(
            (EstimateLine.ro == ro.id) & (EstimateLine.status == LineStatus.PROPOSED)
        )
    }
    if not proposed:
        raise GateError("The estimate has no lines to authorise.", "估价单没有可授权的项目。")
    unknown = set(decisions) - set(proposed)
    missing = set(proposed) - set(decisions)
    if unknown or missing:
        raise ValidationError(
            "Every line needs a decision (approve or decline), and only lines of this estimate.",
            "每个项目都须决定（批准或拒绝），且只能是本估价单的项目。",
        )
    for d in decisions.values():
        validation.choice(d, tuple(DECISIONS), ("Decision", "决定"))
    reasons: dict[int, int | None] = dict(decline_reasons or {})
    unexplained = workflow.declined_without_reason(decisions, reasons)
    if unexplained:
        names = "; ".join(proposed[x].description for x in unexplained)
        raise ValidationError(
            f"Say why the customer declined: {names}.",
            f"请选择客户拒绝的原因：{names}。",
            field="decline_reason",
        )
    for line_id, d in decisions.items():
        reason_id = reasons.get(line_id)
        if d == LineStatus.DECLINED and reason_id is not None:
            get(DeclineReason, reason_id, ("Decline reason", "拒绝原因"))
    when = at or now()
    for line_id, d in decisions.items():
        line = proposed[line_id]
        bump(
            line,
            None,
            ("The line", "项目"),
            status=d,
            decided_at=when,
            decline_reason=reasons.get(line_id) if d == LineStatus.DECLINED else None,
        )
    lines = list(EstimateLine.select().where(EstimateLine.ro == ro.id))
    total = totals_of(lines).total_cents
    told: dict[str, Any] = {}
    if new_range is not None or ro.price_low_cents is None or ro.price_high_cents is None:
        low, high = new_range if new_range is not None else (total, total)
        told = _told(actor, low, high, when, method, who)
    else:
        low, high = ro.price_low_cents, ro.price_high_cents
    _check_terms(ro, low, high, promised_at)
    workflow.check_total_in_range(total, low, high, (total,) if outside_range_agreed else ())
    # The customer signs what is agreed: the last check, after every other.
    sig, unsigned = signing.settled(method == AuthMethod.IN_PERSON, signature, no_signature_reason)
    auth_row = Authorisation.create(
        ro=ro.id,
        at=when,
        recorded_by=actor.user_id,
        customer_name=who,
        method=method,
        phone=tel,
        amount_cents=total,
        promised_at=promised_at,
        note=validation.clean_text(note, limit=2000),
        outside_range=outside_range_agreed and not low <= total <= high,
        no_signature_reason=unsigned,
    )
    sha = signing.store(
        actor, ro_id=ro.id, act=SignedAct.AUTHORISATION, act_id=auth_row.id, signer=who, sig=sig
    )
    bump(ro, None, ("The repair order", "工单"), authorised_at=when, promised_at=promised_at, **told)
    for line in lines:
        if line.status == LineStatus.APPROVED and line.kind == LineKind.PART:
            parts_service.supply_line(line, actor)
    log(
        actor,
        "authorisation",
        auth_row.id,
        "authorise_estimate",
        new={
            "decisions": {str(k): v for k, v in decisions.items()},
            "amount": total,
            "method": method,
            "by": who,
            "promised_at": promised_at,
            "reasons": {str(k): v for k, v in reasons.items()},
            "range": [low, high],
            "range_retold": bool(told),
            "outside_range": auth_row.outside_range,
            **signing.audit_fields(sha, unsigned),
        },
        ro_id=ro.id,
    )
    declined = sum(1 for d in decisions.values() if d == LineStatus.DECLINED)
    event(ro, actor, EventAction.AUTHORISED, f"{money.fmt(total)}; declined {declined}")
    return int(auth_row.id)


@service("change.consent", changes=Kind.ESTIMATE | Kind.RO)
def retell_range(
    *,
    actor: Actor,
    ro_id: int,
    price_low_cents: int,
    price_high_cents: int,
    told_to: str,
    method: str,
    phone: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> None:
    """A corrected price range told to the customer again after the authorisation: who
    told it (the actor), when, how and to whom. It replaces the range the totals are held
    to (the old one stays in the audit trail); until the car is handed over."""
    ro = check_owner(actor, ro_id)
    state = ro_state(ro)
    workflow.check_open(state)
    workflow.check_authorised(state)
    if state.handed_over:
        raise GateError(
            "The car has been handed over: the price range can no longer change.",
            "车辆已交付：价格范围不能再更改。",
        )
    validation.choice(method, METHODS, ("Method", "方式"))
    who = validation.name(told_to, what=("The name of who was told", "被告知人姓名"))
    tel = validation.phone(phone, required=method == AuthMethod.PHONE)
    assert ro.promised_at is not None
    _check_terms(ro, price_low_cents, price_high_cents, ro.promised_at)
    when = at or now()
    told = _told(actor, price_low_cents, price_high_cents, when, method, who)
    old = bump(ro, None, ("The repair order", "工单"), **told)
    log(
        actor,
        "repair_order",
        ro.id,
        "retell_range",
        old={"low": old.get("price_low_cents"), "high": old.get("price_high_cents")},
        new={
            "low": price_low_cents,
            "high": price_high_cents,
            "by": who,
            "method": method,
            "phone": tel,
            "at": when,
            "note": validation.clean_text(note, limit=2000),
        },
        ro_id=ro.id,
    )
    event(
        ro,
        actor,
        EventAction.RANGE_RETOLD,
        f"{money.fmt(price_low_cents)}–{money.fmt(price_high_cents)}",
    )


def agreed_amounts(ro_id: int) -> tuple[int, ...]:
    """The totals the customer agreed to outside the range told: an authorisation they
    gave knowing its total was outside, and each change request they consented to."""
    authorised = Authorisation.select(Authorisation.amount_cents).where(
        (Authorisation.ro == ro_id) & (Authorisation.outside_range == True)  # noqa: E712
    )
    consented = ChangeRequest.select(ChangeRequest.new_amount_cents).where(
        (ChangeRequest.ro == ro_id)
        & (ChangeRequest.status == ChangeStatus.APPROVED)
        & ChangeRequest.consent_at.is_null(False)
    )
    return tuple(int(a) for (a,) in authorised.tuples()) + tuple(int(a) for (a,) in consented.tuples())


def canned_jobs(lang: str = "zh_CN") -> list[tuple[str, str]]:
    """(code, name) of every canned job, for the searchable list."""
    zh = lang.startswith("zh")
    return [(j.code, j.name_zh if zh else j.name_en) for j in CannedJob.select().order_by(CannedJob.code)]


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("ro.view", read=True)
def read_canned_jobs(*, actor: Actor, lang: str = "zh_CN") -> list[tuple[str, str]]:
    """``canned_jobs``: (code, name) of the canned jobs an estimate can start from."""
    return canned_jobs(lang)
