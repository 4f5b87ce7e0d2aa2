"""Improvement actions (issue 17, item 14; manual 001: 对客户不接受招揽的原因统计与分析,并进行
相应的改善; 对客户的意见和建议统计并分析,找出改善方法).

From the decline statistics (why customers say no to solicitation and to estimate lines)
and the complaint statistics (by cause), the service manager records an action: what is
to change, who owns it, by when, and which reason or cause it answers. Its owner (or the
manager) records the result when it is done; an action not done by its day is overdue
(``workflow.action_overdue``) and shows on the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from advisor import auth, validation, workflow
from advisor.codes import ComplaintCause, ImprovementSource
from advisor.errors import GateError, PermissionDenied, ValidationError
from advisor.models import ContactLog, DeclineReason, EstimateLine, ImprovementAction, User, now
from advisor.services import complaints
from advisor.services._base import Actor, get, log, service
from advisor.services.opchanges import Kind

WHAT = ("Improvement action", "改善措施")


@dataclass(frozen=True)
class ActionView:
    id: int
    what: str
    source: str  # an ImprovementSource
    source_code: str  # a DeclineReason.code or a ComplaintCause
    source_en: str  # the reason or cause in words
    source_zh: str
    owner_id: int
    owner: str
    due_on: dt.date
    created_by: str
    created_at: dt.datetime
    done_at: dt.datetime | None
    result: str
    overdue: bool


@dataclass(frozen=True)
class SourceCount:
    """A decline reason or complaint cause with its count in the period."""

    source: str  # an ImprovementSource
    code: str
    label_en: str
    label_zh: str
    count: int
    open_actions: int  # actions recorded against it and not yet done


@dataclass(frozen=True)
class OwnerChoice:
    user_id: int
    name: str
    role: str


def _reasons() -> dict[str, tuple[str, str]]:
    return {r.code: (r.label_en, r.label_zh) for r in DeclineReason.select()}


def _source_words(source: str, code: str, reasons: dict[str, tuple[str, str]]) -> tuple[str, str]:
    if source == ImprovementSource.DECLINE:
        return reasons.get(code, (code, code))
    try:
        cause = ComplaintCause(code)
    except ValueError:
        return code, code
    return cause.en, cause.zh


def view(
    a: ImprovementAction, *, today: dt.date | None = None, reasons: dict[str, tuple[str, str]] | None = None
) -> ActionView:
    today = today or now().date()
    en, zh = _source_words(a.source, a.source_code, reasons if reasons is not None else _reasons())
    return ActionView(
        a.id,
        a.what,
        a.source,
        a.source_code,
        en,
        zh,
        a.owner_id,
        a.owner.display_name,
        a.due_on,
        a.created_by.display_name,
        a.created_at,
        a.done_at,
        a.result,
        workflow.action_overdue(a.due_on, a.done_at, today),
    )


def _check_source(source: str, code: str) -> None:
    validation.choice(source, ImprovementSource.values(), ("Source", "来源"))
    if source == ImprovementSource.DECLINE:
        if not DeclineReason.select().where(DeclineReason.code == code).exists():
            raise ValidationError(
                "Choose the decline reason the action answers.",
                "请选择该措施针对的拒绝原因。",
                field="source_code",
            )
    elif code not in ComplaintCause.values():
        raise ValidationError(
            "Choose the complaint cause the action answers.",
            "请选择该措施针对的投诉原因。",
            field="source_code",
        )


@service("improvement.manage", changes=Kind.COMPLAINTS)
def record_action(
    *, actor: Actor, what: str, source: str, source_code: str, owner_id: int, due_on: dt.date
) -> ActionView:
    """Record an improvement action: what, against which reason or cause, whose, by when."""
    text = validation.clean_text(what, limit=2000).strip()
    if not text:
        raise ValidationError("Write what is to be done.", "请填写改善内容。", field="what")
    _check_source(source, source_code)
    owner = User.get_or_none(User.id == owner_id)
    if owner is None or not owner.active or not auth.may(owner.role, "improvement.view"):
        raise ValidationError("Choose who owns the action.", "请选择措施负责人。", field="owner_id")
    if due_on < now().date():
        raise ValidationError("The due date is in the past.", "完成期限早于今天。", field="due_on")
    a = ImprovementAction.create(
        what=text,
        source=source,
        source_code=source_code,
        owner=owner.id,
        due_on=due_on,
        created_by=actor.user_id,
        created_at=now(),
    )
    log(
        actor,
        "improvement_action",
        a.id,
        "record_action",
        new={"source": source, "code": source_code, "owner": owner.id, "due_on": due_on.isoformat()},
    )
    return view(ImprovementAction.get_by_id(a.id))


@service("improvement.view", changes=Kind.COMPLAINTS)
def complete_action(*, actor: Actor, action_id: int, result: str) -> ActionView:
    """Record what the action achieved. Its owner or a service manager does."""
    a: ImprovementAction = get(ImprovementAction, action_id, WHAT)
    if a.owner_id != actor.user_id and not auth.may(actor.role, "improvement.manage"):
        raise PermissionDenied(
            "Only the action's owner or the service manager records its result.",
            "只有措施负责人或服务经理可以记录结果。",
        )
    if a.done_at is not None:
        raise GateError("The action is already done.", "该措施已完成。")
    text = validation.clean_text(result, limit=2000).strip()
    if not text:
        raise ValidationError("Write what the action achieved.", "请填写改善结果。", field="result")
    when = now()
    n = (
        ImprovementAction.update(done_at=when, result=text)
        .where((ImprovementAction.id == a.id) & ImprovementAction.done_at.is_null())
        .execute()
    )
    if n != 1:  # pragma: no cover - the transaction serialises the desks
        raise GateError("The action is already done.", "该措施已完成。")
    log(actor, "improvement_action", a.id, "complete_action", new={"result": text})
    return view(ImprovementAction.get_by_id(a.id))


def actions(
    *, include_done: bool = False, today: dt.date | None = None, owner_id: int | None = None
) -> list[ActionView]:
    """Improvement actions: overdue first, then by due date."""
    today = today or now().date()
    q = ImprovementAction.select().order_by(ImprovementAction.due_on, ImprovementAction.id)
    if not include_done:
        q = q.where(ImprovementAction.done_at.is_null())
    if owner_id is not None:
        q = q.where(ImprovementAction.owner == owner_id)
    reasons = _reasons()
    rows = [view(a, today=today, reasons=reasons) for a in q]
    rows.sort(key=lambda a: (a.done_at is not None, not a.overdue))
    return rows


def overdue_actions(*, today: dt.date | None = None) -> list[ActionView]:
    """Actions not done by their day, the oldest due first."""
    today = today or now().date()
    q = (
        ImprovementAction.select()
        .where(ImprovementAction.done_at.is_null() & (ImprovementAction.due_on < today))
        .order_by(ImprovementAction.due_on, ImprovementAction.id)
    )
    reasons = _reasons()
    return [view(a, today=today, reasons=reasons) for a in q]


def sources(start: dt.datetime, end: dt.datetime) -> list[SourceCount]:
    """What to improve: each decline reason (solicitation contacts and estimate lines
    declined in the period) and each complaint cause (complaints raised in it), with its
    count and the open actions against it, the most frequent first."""
    open_actions: dict[tuple[str, str], int] = {}
    for a in ImprovementAction.select().where(ImprovementAction.done_at.is_null()):
        key = (a.source, a.source_code)
        open_actions[key] = open_actions.get(key, 0) + 1
    counts: dict[str, int] = {}
    contacts = (
        ContactLog.select(ContactLog.decline_reason, peewee.fn.COUNT(ContactLog.id).alias("n"))
        .where((ContactLog.at >= start) & (ContactLog.at < end) & ContactLog.decline_reason.is_null(False))
        .group_by(ContactLog.decline_reason)
    )
    lines = (
        EstimateLine.select(EstimateLine.decline_reason, peewee.fn.COUNT(EstimateLine.id).alias("n"))
        .where(
            (EstimateLine.decided_at >= start)
            & (EstimateLine.decided_at < end)
            & EstimateLine.decline_reason.is_null(False)
        )
        .group_by(EstimateLine.decline_reason)
    )
    by_id = {r.id: r for r in DeclineReason.select()}
    for q in (contacts, lines):
        for row in q.tuples():
            reason = by_id.get(row[0])
            if reason is not None:
                counts[reason.code] = counts.get(reason.code, 0) + int(row[1])
    out = [
        SourceCount(
            ImprovementSource.DECLINE,
            r.code,
            r.label_en,
            r.label_zh,
            counts.get(r.code, 0),
            open_actions.get((ImprovementSource.DECLINE, r.code), 0),
        )
        for r in by_id.values()
        if counts.get(r.code) or open_actions.get((ImprovementSource.DECLINE, r.code))
    ]
    stats = complaints.stats(start, end)
    raised = {c.code: c.raised for c in stats.by_cause}
    for cause in ComplaintCause:
        key = (ImprovementSource.COMPLAINT, cause.value)
        if raised.get(cause) or open_actions.get(key):
            out.append(
                SourceCount(
                    ImprovementSource.COMPLAINT,
                    cause.value,
                    cause.en,
                    cause.zh,
                    raised.get(cause, 0),
                    open_actions.get(key, 0),
                )
            )
    out.sort(key=lambda s: -s.count)
    return out


@service("improvement.view", read=True)
def read_actions(*, actor: Actor, include_done: bool = False, mine_only: bool = False) -> list[ActionView]:
    """``actions``: everyone sees the shop's improvement actions (their own ones to finish)."""
    return actions(include_done=include_done, owner_id=actor.user_id if mine_only else None)


@service("kpi.view", read=True)
def read_overdue_actions(*, actor: Actor) -> list[ActionView]:
    """``overdue_actions``: the dashboard's list."""
    return overdue_actions()


@service("improvement.manage", read=True)
def read_sources(*, actor: Actor, start: dt.datetime, end: dt.datetime) -> list[SourceCount]:
    """``sources``: the decline reasons and complaint causes of the period, to act on."""
    return sources(start, end)


@service("improvement.manage", read=True)
def read_owners(*, actor: Actor) -> list[OwnerChoice]:
    """Who can own an action: the active staff who see the actions, by name."""
    q = User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
    return [OwnerChoice(u.id, u.display_name, u.role) for u in q if auth.may(u.role, "improvement.view")]


@dataclass(frozen=True)
class DashboardPanel:
    """The dashboard's complaints and improvement panel."""

    overdue_escalations: list[complaints.ComplaintView]
    overdue_actions: list[ActionView]
    stats: complaints.ComplaintStats


@service("kpi.view", read=True)
def read_dashboard_panel(*, actor: Actor, start: dt.date, end: dt.date) -> DashboardPanel:
    """Escalations overdue now, improvement actions overdue now, and the complaints raised
    from ``start`` to ``end`` (both days included) by cause and by level."""
    begin = dt.datetime.combine(start, dt.time())
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    return DashboardPanel(complaints.overdue_escalations(), overdue_actions(), complaints.stats(begin, until))
