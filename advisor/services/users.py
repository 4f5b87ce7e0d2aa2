"""Users: first administrator, login with lock-out, add, reset, deactivate (never delete)."""

from __future__ import annotations

import datetime as dt

from advisor import auth, validation
from advisor.codes import Role
from advisor.db import transaction
from advisor.errors import AuthError, GateError, ValidationError
from advisor.models import User, now
from advisor.services._base import Actor, _system, get, log, service
from advisor.services.opchanges import Kind
from advisor.services.views import UserView

# The roles and what each may do, for the screens (which import no advisor.auth): they
# show a role in words and hide what the role may not do; the services refuse it anyway.
ROLES = auth.ROLES
ROLE_LABELS = auth.ROLE_LABELS
may = auth.may
role_label = auth.role_label

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8


def _view(u: User) -> UserView:
    locked = u.locked_until is not None and u.locked_until > now()
    return UserView(u.id, u.username, u.display_name, u.role, u.active, locked)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"The password needs at least {MIN_PASSWORD} characters.",
            f"密码至少需要 {MIN_PASSWORD} 个字符。",
            field="password",
        )


def _check_role(role: str) -> str:
    return validation.choice(role, Role.values(), ("Role", "角色"))


def _username(value: str) -> str:
    name = (value or "").strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValidationError(
            "A user name is 1–64 characters without spaces.",
            "用户名为 1–64 个字符，不能包含空格。",
            field="username",
        )
    return name


def has_users() -> bool:
    """True once at least one user exists (first-run set-up is done)."""
    return User.select().exists()


def system_actor() -> Actor:
    """The actor for work the program does by itself (migrations, demo data, and for now
    the command line): the one object the session check lets through without an account."""
    return _system()


def create_first_admin(*, username: str, display_name: str, password: str) -> UserView:
    """Create the first administrator; refused once any user exists."""
    username = _username(username)
    display = validation.name(display_name)
    _check_password(password)
    with transaction():
        if User.select().exists():
            raise GateError("An administrator already exists: log in instead.", "已存在管理员：请直接登录。")
        u = User.create(
            username=username,
            display_name=display,
            role=Role.ADMIN,
            password_hash=auth.hash_password(password),
        )
        log(
            Actor(u.id, u.username, u.display_name, u.role),
            "user",
            u.id,
            "create_first_admin",
            new={"username": username, "role": Role.ADMIN},
        )
    return _view(u)


WRONG = ("Wrong user name or password.", "用户名或密码错误。")


def login(*, username: str, password: str) -> Actor:
    """Check the password; five failures in a row lock the account for 15 minutes.

    The password is hashed outside any write transaction (a login never holds the
    database while scrypt runs), and against a dummy hash for an unknown user name, so
    that costs as long as a wrong password. That an account is deactivated or locked is
    said only after the right password; a wrong one is counted atomically
    (``failed_logins = failed_logins + 1``), so parallel tries cannot lose a count.
    """
    u = User.get_or_none(User.username == (username or "").strip())
    ok = auth.verify_password(password or "", u.password_hash if u is not None else auth.dummy_hash())
    if u is None:
        raise AuthError(*WRONG)
    if not ok:
        _count_failure(u)
        raise AuthError(*WRONG)
    if not u.active:
        raise AuthError("This account is deactivated.", "此账户已停用。")
    if u.locked_until is not None and u.locked_until > now():
        raise AuthError(
            f"Too many failed attempts: the account is locked until {u.locked_until:%H:%M}.",
            f"失败次数过多：账户锁定至 {u.locked_until:%H:%M}。",
        )
    if u.failed_logins or u.locked_until is not None:
        with transaction():
            User.update(failed_logins=0, locked_until=None).where(User.id == u.id).execute()
    return Actor(u.id, u.username, u.display_name, u.role, u.session_gen)


def _count_failure(u: User) -> None:
    """One more failed login for ``u``, counted in the database; the fifth locks."""
    with transaction():
        User.update(failed_logins=User.failed_logins + 1).where(User.id == u.id).execute()
        failures = User.select(User.failed_logins).where(User.id == u.id).scalar()
        if failures >= MAX_FAILURES:
            locked = now() + dt.timedelta(minutes=LOCK_MINUTES)
            User.update(failed_logins=0, locked_until=locked).where(User.id == u.id).execute()
        log(
            Actor(u.id, u.username, u.display_name, u.role),
            "user",
            u.id,
            "login_failed",
            new={"failures": failures},
        )


@service("users.manage", changes=Kind.USERS)
def add_user(*, actor: Actor, username: str, display_name: str, role: str, password: str) -> UserView:
    """Add a staff account with a role."""
    username = _username(username)
    _check_role(role)
    _check_password(password)
    display = validation.name(display_name)
    if User.select().where(User.username == username).exists():
        raise ValidationError(
            f"The user name {username!r} is taken.",
            f"用户名 {username!r} 已被使用。",
            field="username",
        )
    u = User.create(
        username=username, display_name=display, role=role, password_hash=auth.hash_password(password)
    )
    log(actor, "user", u.id, "add_user", new={"username": username, "role": role})
    return _view(u)


@service("users.manage", changes=Kind.USERS)
def reset_password(*, actor: Actor, user_id: int, password: str) -> UserView:
    """Set a new password and unlock the account."""
    _check_password(password)
    u = get(User, user_id, ("User", "用户"))
    User.update(
        password_hash=auth.hash_password(password),
        failed_logins=0,
        locked_until=None,
        session_gen=User.session_gen + 1,
    ).where(User.id == u.id).execute()
    log(actor, "user", u.id, "reset_password")
    return _view(User.get_by_id(u.id))


@service("users.manage", changes=Kind.USERS)
def set_active(*, actor: Actor, user_id: int, active: bool) -> UserView:
    """Deactivate or reactivate an account (users are never deleted)."""
    u = get(User, user_id, ("User", "用户"))
    if u.id == actor.user_id and not active:
        raise GateError("You cannot deactivate yourself.", "不能停用自己的账户。")
    if bool(active) != bool(u.active):  # ends the user's open sessions
        User.update(active=active, session_gen=User.session_gen + 1).where(User.id == u.id).execute()
    log(actor, "user", u.id, "set_active", old={"active": u.active}, new={"active": active})
    return _view(User.get_by_id(u.id))


@service("users.manage", changes=Kind.USERS)
def set_role(*, actor: Actor, user_id: int, role: str) -> UserView:
    """Change a user's role."""
    _check_role(role)
    u = get(User, user_id, ("User", "用户"))
    if role != u.role:  # ends the user's open sessions
        User.update(role=role, session_gen=User.session_gen + 1).where(User.id == u.id).execute()
    log(actor, "user", u.id, "set_role", old={"role": u.role}, new={"role": role})
    return _view(User.get_by_id(u.id))


def list_users(*, role: str | None = None, active_only: bool = False) -> list[UserView]:
    """All users, optionally of one role."""
    q = User.select().order_by(User.display_name)
    if role:
        q = q.where(User.role == role)
    if active_only:
        q = q.where(User.active == True)  # noqa: E712
    return [_view(u) for u in q]


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("users.view", read=True)
def read_users(*, actor: Actor, role: str | None = None, active_only: bool = False) -> list[UserView]:
    """``list_users``: every user (of one role), by name."""
    return list_users(role=role, active_only=active_only)
