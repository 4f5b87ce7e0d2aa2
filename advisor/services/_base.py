"""Shared machinery of the services: the actor, permissions, transactions, the RO state."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import peewee

from advisor import audit, auth, validation
from advisor.codes import (
    CHANGE_OPEN,
    FOLLOW_UP_ENDED,
    PART_SUPPLIED,
    ChangeStatus,
    EventAction,
    JobStatus,
    LineKind,
    LineStatus,
    Role,
    ROStatus,
)
from advisor.concurrency import serialized, snapshot
from advisor.errors import ConflictError, NotFound, NotOwnerError, PermissionDenied, SessionExpired
from advisor.models import (
    Assignment,
    Authorisation,
    ChangeRequest,
    Concern,
    EstimateLine,
    FollowUp,
    Payment,
    RepairOrder,
    SelfCheck,
    Settlement,
    StepEvent,
    Technician,
    User,
    now,
)
from advisor.services import opchanges
from advisor.services.opchanges import Kind
from advisor.workflow import LineState, ROState, Step, acts_as_owner, current_step, owner_refusal

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Actor:
    """Who is calling: the logged-in user, with the session generation it logged in with
    (``User.session_gen``). Services trust none of it: ``check_session`` compares it with
    the account on every call."""

    user_id: int
    username: str
    display_name: str
    role: str
    generation: int = 0

    def __reduce__(self) -> Any:  # the program's own actor stays itself when copied
        if self is _SYSTEM:
            return (_system, ())
        return (Actor, (self.user_id, self.username, self.display_name, self.role, self.generation))


_SYSTEM = Actor(0, "system", "System", Role.ADMIN)


def _system() -> Actor:
    """The actor for work the program does by itself; only this object is trusted as such
    (an ``Actor(0, "system", …)`` built elsewhere names no account and is refused)."""
    return _SYSTEM


def check_session(actor: Actor) -> None:
    """Refuse (``SessionExpired``) an actor whose account is gone, deactivated, holds
    another role, or was reset since the session began: one read by primary key."""
    if actor is _SYSTEM:
        return
    # Plain SQL: every read service of every screen runs this, and peewee took 0.08 ms
    # (SQLite) to build what the database answers in 0.005 (issue 15, the search box).
    db = User._meta.database
    mark = "%s" if isinstance(db.obj, peewee.PostgresqlDatabase) else "?"
    row = db.execute_sql(
        f'SELECT "username", "active", "role", "session_gen" FROM "{User._meta.table_name}" WHERE "id" = {mark}',
        (actor.user_id,),
    ).fetchone()
    if row is None or row[0] != actor.username:
        raise SessionExpired("this account does not exist", "此账户不存在")
    _, active, role, generation = row
    if not active:
        raise SessionExpired("the account has been deactivated", "账户已被停用")
    if role != actor.role:
        en, zh = auth.ROLE_LABELS.get(role, (role, role))
        raise SessionExpired(f"your role is now {en.lower()}", f"您的角色已变更为{zh}")
    if generation != actor.generation:
        raise SessionExpired(
            "your password was reset or your account was changed", "您的密码已被重置或账户已变更"
        )


def require(actor: Actor, action: str) -> None:
    """Raise ``PermissionDenied`` unless the actor's role may perform ``action``, then
    ``SessionExpired`` unless the session still holds (``check_session``)."""
    if not auth.may(actor.role, action):
        raise PermissionDenied(*auth.refusal(actor.role, action))
    check_session(actor)


def sees_money(actor: Actor) -> bool:
    """Whether ``actor`` may see amounts (``money.view``). The read services a role without
    it can call (customer service) hand it no price, total or payment: the amount fields
    hold 0, and the screens leave them out, as the lounge leaves out names and plates."""
    return auth.may(actor.role, "money.view")


def service(
    action: str | None, *, read: bool = False, changes: Kind = Kind.NONE
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service: check permission, then run it in ONE transaction.

    ``changes``: the kinds of record the service changes. When it returns, they are
    reported (``opchanges.report``) with the RO it concerned: its ``ro_id`` argument,
    or the one RO it wrote to the audit trail (none named when several or none).

    Concurrency (``advisor.concurrency``): the effect is as if services ran one at a
    time, on both engines. SQLite takes its write lock at BEGIN (IMMEDIATE); PostgreSQL
    runs the transaction SERIALIZABLE and, when it overlapped another desk's and was
    aborted (SQLSTATE 40001/40P01), runs the whole service again (up to
    ``concurrency.RETRIES`` times, then ``SerializationConflict``, nothing saved). So a
    service must not act outside the database before it returns.

    ``read=True``: a read service (what a screen shows). It needs ``actor=``; the
    permission and session checks and every query of the service run in one read
    transaction (``concurrency.snapshot``): one consistent state, no write lock taken."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        if read:

            @functools.wraps(fn)
            def reader(*args: P.args, **kwargs: P.kwargs) -> R:
                actor = kwargs.get("actor")
                if not isinstance(actor, Actor):
                    raise TypeError(f"{fn.__name__} needs actor=")

                def checked() -> R:
                    if action is None:
                        check_session(actor)
                    else:
                        require(actor, action)
                    validation.check_arguments(fn, kwargs)
                    return fn(*args, **kwargs)

                return snapshot(checked)

            return reader

        @functools.wraps(fn)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = kwargs.get("actor")
            if action is not None:
                if not isinstance(actor, Actor):
                    raise TypeError(f"{fn.__name__} needs actor=")
                require(actor, action)
            elif isinstance(actor, Actor):
                check_session(actor)  # the service checks the permission itself
            validation.check_arguments(fn, kwargs)  # bad input answered before any write
            if not changes:
                return serialized(lambda: fn(*args, **kwargs))
            # The ROs are noted per attempt: an attempt PostgreSQL aborted saved nothing.
            result, ros = serialized(lambda: opchanges.noting_ros(lambda: fn(*args, **kwargs)))
            ro_arg = kwargs.get("ro_id")
            opchanges.report(opchanges.of(changes, [ro_arg] if isinstance(ro_arg, int) else ros))
            return result

        return inner

    return wrap


def get(model: type[peewee.Model], pk: int, what: tuple[str, str]) -> Any:
    """Fetch a row by id or raise a ``NotFound`` naming ``what``."""
    row = model.get_or_none(model._meta.primary_key == pk)
    if row is None:
        raise NotFound(f"{what[0]} #{pk} does not exist.", f"{what[1]} #{pk} 不存在。")
    return row


def get_ro(ro_id: int) -> RepairOrder:
    return get(RepairOrder, ro_id, ("Repair order", "工单"))


def check_owner(actor: Actor, ro: RepairOrder | int) -> RepairOrder:
    """The advisor's steps of an RO are its advisor's: refuse (``NotOwnerError``, naming the
    owner) an advisor acting on another advisor's RO (``workflow.check_owner``). Every
    service of an advisor's step (``workflow.OWNER_ACTIONS``) calls this once it knows the
    RO. Returns the RO (read when given by id)."""
    if isinstance(ro, int):
        ro = get_ro(ro)
    if actor is not _SYSTEM and not acts_as_owner(actor.role, actor.user_id, ro.advisor_id):
        owner = User.get_or_none(User.id == ro.advisor_id)
        raise NotOwnerError(*owner_refusal(owner.display_name if owner else "?"))
    return ro


def check_version(row: Any, expected: int | None, what: tuple[str, str]) -> None:
    """Refuse to save over a newer version (someone else saved in between)."""
    if expected is not None and row.version != expected:
        raise ConflictError(
            f"{what[0]} was changed by someone else (version {row.version}, you had "
            f"{expected}). Reload to see their change, then apply yours again.",
            f"{what[1]}已被他人修改（当前版本 {row.version}，您的版本 {expected}）。"
            "请重新载入查看对方的修改，再重新提交。",
            current={"version": row.version},
        )


def bump(row: Any, expected: int | None, what: tuple[str, str], **changes: Any) -> dict[str, Any]:
    """Update fields with an atomic compare-and-set on ``version``; return old values."""
    cls = type(row)
    old = {k: row.__data__.get(k) for k in changes}
    version = row.version if expected is None else expected
    n = (
        cls.update(version=cls.version + 1, **changes)
        .where((cls.id == row.id) & (cls.version == version))
        .execute()
    )
    if n != 1:
        fresh = cls.get_by_id(row.id)
        check_version(fresh, version, what)
        raise ConflictError("Save failed: record changed.", "保存失败：记录已变更。")
    for k, v in changes.items():
        setattr(row, k, v)
    row.version = version + 1
    return old


def log(
    actor: Actor,
    entity: str,
    entity_id: int | None,
    action: str,
    *,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    ro_id: int | None = None,
) -> None:
    """Append to the audit trail as ``actor`` (and note the RO for ``OpChanges``)."""
    opchanges.note_ro(ro_id)
    audit.record(
        user_id=actor.user_id,
        username=actor.username,
        entity=entity,
        entity_id=entity_id,
        action=action,
        old=old,
        new=new,
        ro_id=ro_id,
    )


def ro_state(ro: RepairOrder) -> ROState:
    """Snapshot of an RO for the workflow's pure gate functions."""
    lines = []
    assigned = {
        a.line_id: a for a in Assignment.select().where(Assignment.ro == ro.id).order_by(Assignment.id)
    }
    for line in EstimateLine.select().where(EstimateLine.ro == ro.id):
        if line.status == LineStatus.CANCELLED:
            continue
        a = assigned.get(line.id)
        lines.append(
            LineState(
                id=line.id,
                status=line.status,
                kind=line.kind,
                amount_cents=line.amount_cents,
                pay_type=line.pay_type,
                part_ready=line.kind != LineKind.PART or line.part_status in PART_SUPPLIED,
                assigned=a is not None,
                done=a is not None and a.status == JobStatus.DONE,
                change_request_id=line.change_request_id,
            )
        )
    finished: dict[int, int] = {}  # technician -> their newest finished job here (Assignment.id)
    for line in lines:
        a = assigned.get(line.id)
        if (
            line.status == LineStatus.APPROVED
            and line.kind == LineKind.LABOUR
            and line.done
            and a is not None
        ):
            finished[a.technician_id] = max(a.id, finished.get(a.technician_id, 0))
    settlement = current_settlement(ro.id)
    paid = False
    if settlement is not None:
        paid_cents = sum(p.amount_cents for p in settlement.payments)
        paid = paid_cents >= settlement.total_cents
    return ROState(
        status=ro.status,
        checked_in=ro.checked_in_at is not None,
        concerns=Concern.select().where(Concern.ro == ro.id).count(),
        authorised=Authorisation.select().where(Authorisation.ro == ro.id).exists(),
        lines=tuple(lines),
        pending_changes=ChangeRequest.select()
        .where((ChangeRequest.ro == ro.id) & ChangeRequest.status.in_(CHANGE_OPEN))
        .count(),
        changes_awaiting_manager=ChangeRequest.select()
        .where((ChangeRequest.ro == ro.id) & (ChangeRequest.status == ChangeStatus.AWAITING_MANAGER))
        .count(),
        qc_passed=ro.qc_passed_at is not None,
        repair_class=ro.repair_class,
        completion_cert_no=ro.completion_cert_no,
        wash_requested=ro.wash_requested,
        wash_done=ro.wash_done_at is not None,
        settled=settlement is not None,
        items_explained=ro.items_explained_at is not None,
        paid=paid,
        handed_over=ro.handed_over_at is not None,
        follow_up_done=FollowUp.select()
        .where((FollowUp.ro == ro.id) & FollowUp.status.in_(FOLLOW_UP_ENDED))
        .exists(),
        self_checks_unsigned=self_checks_unsigned(ro.id, finished),
    )


def self_checks_unsigned(ro_id: int, finished: dict[int, int]) -> tuple[str, ...]:
    """The technicians (names) of ``finished`` (technician -> newest finished job) with no
    self-check on the RO that covers that job."""
    if not finished:
        return ()
    covered: dict[int, int] = {}
    for tech_id, job in (
        SelfCheck.select(SelfCheck.technician, SelfCheck.last_job)
        .where((SelfCheck.ro == ro_id) & SelfCheck.technician.in_(list(finished)))
        .tuples()
    ):
        covered[tech_id] = max(job, covered.get(tech_id, 0))
    missing = [t for t, job in finished.items() if covered.get(t, 0) < job]
    if not missing:
        return ()
    names = dict(Technician.select(Technician.id, Technician.name).where(Technician.id.in_(missing)).tuples())
    return tuple(sorted(names[t] for t in missing))


def current_settlement(ro_id: int) -> Settlement | None:
    """The settlement in force (a correction supersedes the earlier one)."""
    return (
        Settlement.select()
        .where((Settlement.ro == ro_id) & Settlement.superseded_by.is_null())
        .order_by(Settlement.id.desc())
        .first()
    )


def paid_cents(settlement: Settlement) -> int:
    return int(
        Payment.select(peewee.fn.COALESCE(peewee.fn.SUM(Payment.amount_cents), 0))
        .where(Payment.settlement == settlement.id)
        .scalar()
    )


def event(ro: RepairOrder, actor: Actor, action: str, note: str = "") -> None:
    """Record a timeline event, move the RO's stored step, and audit the move."""
    old_step = ro.step
    state = ro_state(ro)
    new_step = int(current_step(state))
    StepEvent.create(
        ro=ro.id,
        step=new_step if action != EventAction.OPENED else old_step,
        action=action,
        user=actor.user_id,
        at=now(),
        note=note,
    )
    changes: dict[str, Any] = {}
    if new_step != old_step:
        changes["step"] = new_step
    if new_step == Step.CLOSED and ro.status == ROStatus.OPEN:
        changes["status"] = ROStatus.CLOSED
        changes["closed_at"] = now()
    if changes:
        RepairOrder.update(**changes).where(RepairOrder.id == ro.id).execute()
        for k, v in changes.items():
            setattr(ro, k, v)
    log(
        actor,
        "repair_order",
        ro.id,
        action,
        old={"step": old_step},
        new={"step": new_step, "note": note} if note else {"step": new_step},
        ro_id=ro.id,
    )
