"""Step 8's gate: no change of cost or promised time without the customer's consent.

A change request records the reason, the extra lines, old → new amount and promised
time. The customer's consent (who, when, how; the number for a phone consent) and,
for a major change, a manager's approval apply it; until then the extra lines cannot be
worked on and the promise does not move.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor import auth, money, validation, workflow
from advisor.codes import (
    CHANGE_OPEN,
    AuthMethod,
    ChangeKind,
    ChangeStatus,
    EventAction,
    JobStatus,
    LineKind,
    LineStatus,
    PauseReason,
    SignedAct,
)
from advisor.errors import GateError, PermissionDenied, ValidationError
from advisor.models import Assignment, ChangeRequest, DeclineReason, EstimateLine, RepairOrder, now
from advisor.services import parts as parts_service
from advisor.services import signing
from advisor.services._base import Actor, bump, check_owner, event, get, log, ro_state, service
from advisor.services.estimate import make_line, totals_of
from advisor.services.opchanges import Kind
from advisor.services.settings import get_setting
from advisor.signatures import SignatureInput


@service("change.raise", changes=Kind.ESTIMATE | Kind.RO | Kind.BOARD)
def request_change(
    *,
    actor: Actor,
    ro_id: int,
    kind: str,
    reason: str,
    lines: list[dict[str, Any]] | None = None,
    new_promised_at: dt.datetime | None = None,
) -> int:
    """The workshop reports extra work or a delay. Returns the change request id. (An
    advisor raises one on their own ROs only; the workshop on any.)"""
    ro = check_owner(actor, ro_id)
    state = ro_state(ro)
    workflow.check_open(state)
    workflow.check_authorised(state)
    validation.choice(kind, ChangeKind.values(), ("Kind", "类型"))
    # Work approved after QC or after settlement would leave the car uninspected or unbilled.
    if state.settled or state.handed_over:
        raise GateError(
            "The repair order is settled: it can no longer change. Open a new repair order for further work.",
            "工单已结算，不能再变更。如需追加作业，请新开工单。",
        )
    if kind == ChangeKind.EXTRA_WORK and state.qc_passed:
        raise GateError(
            "Final QC has passed: extra work would not be inspected. Open a new repair order for it.",
            "完工检查已通过：追加作业将无法检验。请为其新开工单。",
        )
    why = validation.clean_text(reason, limit=2000).strip()
    if not why:
        raise ValidationError(
            "Say what was found or why it is late.", "请说明发现的问题或延误原因。", field="reason"
        )
    if not auth.may(actor.role, "estimate.edit") and any(
        spec.get("unit_price_cents") is not None for spec in lines or []
    ):
        # The workshop reports what it found; prices come from the catalogue, the labour
        # rate, or whoever may edit the estimate (the foreman cannot change prices).
        who_en, who_zh = auth.who_may("estimate.edit")
        raise PermissionDenied(
            f"Only a {who_en} sets prices: leave the price empty.",
            f"只有{who_zh}可以定价：请不要填写价格。",
        )
    if kind == ChangeKind.EXTRA_WORK and not lines:
        raise ValidationError("Extra work needs at least one line.", "追加作业至少需要一个项目。")
    if kind == ChangeKind.DELAY and new_promised_at is None:
        raise ValidationError("A delay needs the new promised time.", "延误须填写新的承诺交车时间。")
    if new_promised_at is not None and new_promised_at <= now() - dt.timedelta(minutes=1):
        raise ValidationError("The new promised time is in the past.", "新的承诺交车时间已过。")
    if new_promised_at is not None:
        workflow.check_later_promise(ro.promised_at, new_promised_at)
    if state.pending_changes:
        raise GateError(
            "Another change request still waits for the customer: decide it first.",
            "另一项变更申请仍在等待客户决定：请先处理。",
        )
    existing = list(EstimateLine.select().where(EstimateLine.ro == ro.id))
    old_amount = totals_of(existing).total_cents
    cr = ChangeRequest.create(
        ro=ro.id,
        kind=kind,
        reason=why,
        raised_by=actor.user_id,
        raised_at=now(),
        old_amount_cents=old_amount,
        new_amount_cents=old_amount,
        old_promised_at=ro.promised_at,
        new_promised_at=new_promised_at or ro.promised_at,
    )
    extra = []
    for spec in lines or []:
        line = make_line(ro=ro, change_request_id=cr.id, **spec)
        extra.append(line)
    pretend = [*existing, *[_Approved(x) for x in extra]]
    new_amount = totals_of(pretend).total_cents
    major = workflow.is_major_change(new_amount - old_amount, int(get_setting("major_change_cents")))
    ChangeRequest.update(new_amount_cents=new_amount, major=major).where(ChangeRequest.id == cr.id).execute()
    log(
        actor,
        "change_request",
        cr.id,
        "request_change",
        new={
            "kind": kind,
            "reason": why,
            "old_amount": old_amount,
            "new_amount": new_amount,
            "old_promised_at": ro.promised_at,
            "new_promised_at": new_promised_at,
            "major": major,
            "lines": [x.id for x in extra],
        },
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.CHANGE_REQUESTED, f"{money.fmt(old_amount)} → {money.fmt(new_amount)}")
    return int(cr.id)


class _Approved:
    """An extra line as it would count once consented (for the new amount)."""

    def __init__(self, line: EstimateLine) -> None:
        self.kind, self.amount_cents, self.pay_type = line.kind, line.amount_cents, line.pay_type
        self.status = LineStatus.APPROVED


def _check_promise_still_later(cr: ChangeRequest, ro: RepairOrder) -> None:
    """Consent moves the promise only later (a request raised before this rule could be earlier)."""
    if cr.new_promised_at is None or cr.new_promised_at == ro.promised_at:
        return  # the promise does not move
    try:
        workflow.check_later_promise(ro.promised_at, cr.new_promised_at)
    except ValidationError as err:
        raise GateError(
            err.en + " Record the refusal and raise a new change request.",
            err.zh + "请记录客户拒绝，并重新提交变更申请。",
        ) from None


def _apply(cr: ChangeRequest, actor: Actor) -> None:
    ro = RepairOrder.get_by_id(cr.ro_id)
    _check_promise_still_later(cr, ro)
    for line in EstimateLine.select().where(EstimateLine.change_request == cr.id):
        bump(line, None, ("The line", "项目"), status=LineStatus.APPROVED, decided_at=now())
        if line.kind == LineKind.PART:
            parts_service.supply_line(line, actor)
    if cr.new_promised_at is not None and cr.new_promised_at != ro.promised_at:
        bump(ro, None, ("The repair order", "工单"), promised_at=cr.new_promised_at)
    ChangeRequest.update(status=ChangeStatus.APPROVED).where(ChangeRequest.id == cr.id).execute()
    # Jobs paused for the customer's approval may go on.
    Assignment.update(pause_reason="").where(
        (Assignment.ro == ro.id)
        & (Assignment.status == JobStatus.PAUSED)
        & (Assignment.pause_reason == PauseReason.APPROVAL)
    ).execute()
    log(
        actor,
        "change_request",
        cr.id,
        "apply_change",
        new={"promised_at": cr.new_promised_at, "amount": cr.new_amount_cents},
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.CHANGE_APPLIED)


def _pending(change_id: int) -> ChangeRequest:
    cr = get(ChangeRequest, change_id, ("Change request", "变更申请"))
    if cr.status not in CHANGE_OPEN:
        raise GateError("This change request has already been decided.", "此变更申请已处理。")
    return cr


@service("change.consent", changes=Kind.ESTIMATE | Kind.RO | Kind.BOARD)
def record_consent(
    *,
    actor: Actor,
    change_id: int,
    consented: bool,
    consent_by: str,
    method: str,
    phone: str = "",
    at: dt.datetime | None = None,
    note: str = "",
    refusal_reason: int | None = None,
    signature: SignatureInput | None = None,
    no_signature_reason: str = "",
) -> str:
    """Record the customer's answer: consent (who, when, how, number) or refusal.

    A consent given in person carries the customer's signature (``signature``) or the
    reason they cannot sign (``no_signature_reason``); its sha256 goes into the audit row.
    A refusal is not signed.

    A refusal says why (``refusal_reason``, the list solicitation uses): the request and
    its lines (declined, back on the call list) carry it, and the decline statistics
    count it. Returns the new status: approved, awaiting_manager (a major change) or
    refused.
    """
    cr = _pending(change_id)
    check_owner(actor, cr.ro_id)
    if cr.consent_at is not None:
        raise GateError("The customer's answer is already recorded.", "客户的答复已记录。")
    validation.choice(method, AuthMethod.values(), ("Method", "方式"))
    what = (
        ("The name of who consented", "同意人姓名")
        if consented
        else ("The name of who refused", "拒绝人姓名")
    )
    who = validation.name(consent_by, what=what)
    tel = validation.phone(phone, required=method == AuthMethod.PHONE)
    if consented:
        refusal_reason = None
    elif refusal_reason is None:
        raise ValidationError(
            "Say why the customer refused the change.", "请选择客户拒绝变更的原因。", field="refusal_reason"
        )
    else:
        get(DeclineReason, refusal_reason, ("Refusal reason", "拒绝原因"))
    if not consented and (signature is not None or no_signature_reason.strip()):
        raise ValidationError(
            "A refusal is not signed: the signature is for a consent.",
            "拒绝无需签名：签名只用于同意变更。",
            field="signature",
        )
    sig, unsigned = signing.settled(
        consented and method == AuthMethod.IN_PERSON, signature, no_signature_reason
    )
    when = at or now()
    ChangeRequest.update(
        consent_by=who,
        consent_at=when,
        consent_method=method,
        consent_phone=tel,
        recorded_by=actor.user_id,
        decided_note=validation.clean_text(note),
        refusal_reason=refusal_reason,
        no_signature_reason=unsigned,
    ).where(ChangeRequest.id == cr.id).execute()
    ro = RepairOrder.get_by_id(cr.ro_id)
    sha = signing.store(actor, ro_id=ro.id, act=SignedAct.CONSENT, act_id=cr.id, signer=who, sig=sig)
    log(
        actor,
        "change_request",
        cr.id,
        "record_consent",
        new={
            "consented": consented,
            "by": who,
            "method": method,
            "phone": tel,
            "at": when,
            "reason": refusal_reason,
            **signing.audit_fields(sha, unsigned),
        },
        ro_id=ro.id,
    )
    if not consented:
        for line in EstimateLine.select().where(EstimateLine.change_request == cr.id):
            bump(
                line,
                None,
                ("The line", "项目"),
                status=LineStatus.DECLINED,
                decided_at=when,
                decline_reason=refusal_reason,
            )
        ChangeRequest.update(status=ChangeStatus.REFUSED).where(ChangeRequest.id == cr.id).execute()
        event(ro, actor, EventAction.CHANGE_REFUSED, who)
        return ChangeStatus.REFUSED
    cr = ChangeRequest.get_by_id(cr.id)
    _check_promise_still_later(cr, ro)
    if cr.major and cr.manager_id is None:
        ChangeRequest.update(status=ChangeStatus.AWAITING_MANAGER).where(ChangeRequest.id == cr.id).execute()
        event(ro, actor, EventAction.CHANGE_CONSENTED, f"{who}; awaiting manager")
        return ChangeStatus.AWAITING_MANAGER
    event(ro, actor, EventAction.CHANGE_CONSENTED, who)
    _apply(cr, actor)
    return ChangeStatus.APPROVED


@service("change.approve_major", changes=Kind.ESTIMATE | Kind.RO | Kind.BOARD)
def approve_major(*, actor: Actor, change_id: int, approve: bool = True, note: str = "") -> str:
    """A manager approves (or rejects, saying why in ``note``) a major change. Applied once
    the customer consented."""
    cr = _pending(change_id)
    if not cr.major:
        raise GateError("This change does not need a manager's approval.", "此变更无需经理审批。")
    ro = RepairOrder.get_by_id(cr.ro_id)
    if not approve:
        note = validation.clean_text(note, limit=2000).strip()
        if not note:
            raise ValidationError(
                "Say why the change is rejected: the advisor tells the customer.",
                "请填写驳回理由：服务顾问需告知客户。",
                field="note",
            )
        for line in EstimateLine.select().where(EstimateLine.change_request == cr.id):
            bump(line, None, ("The line", "项目"), status=LineStatus.DECLINED, decided_at=now())
        ChangeRequest.update(
            status=ChangeStatus.REJECTED, manager=actor.user_id, manager_at=now(), decided_note=note
        ).where(ChangeRequest.id == cr.id).execute()
        log(actor, "change_request", cr.id, "reject_major", new={"note": note}, ro_id=ro.id)
        event(ro, actor, EventAction.CHANGE_REJECTED_BY_MANAGER)
        return ChangeStatus.REJECTED
    ChangeRequest.update(manager=actor.user_id, manager_at=now()).where(ChangeRequest.id == cr.id).execute()
    log(actor, "change_request", cr.id, "approve_major", ro_id=ro.id)
    cr = ChangeRequest.get_by_id(cr.id)
    if cr.consent_at is not None:
        _apply(cr, actor)
        return ChangeStatus.APPROVED
    event(ro, actor, EventAction.CHANGE_APPROVED_BY_MANAGER)
    return ChangeStatus.PENDING


def pending_changes(*, advisor_id: int | None = None) -> list[tuple[int, int, str, str]]:
    """Change requests waiting for a decision: (change id, RO id, RO number, status)."""
    q = (
        ChangeRequest.select(ChangeRequest, RepairOrder)
        .join(RepairOrder)
        .where(ChangeRequest.status.in_(CHANGE_OPEN))
        .order_by(ChangeRequest.raised_at)
    )
    if advisor_id is not None:
        q = q.where(RepairOrder.advisor == advisor_id)
    return [(c.id, c.ro_id, c.ro.number, c.status) for c in q]
