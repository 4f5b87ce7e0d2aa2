"""Users: first administrator, login with lock-out, add, reset, deactivate (never delete);
a PIN for the quick switch of user on a shared PC."""

from __future__ import annotations

import datetime as dt
import itertools
import logging

from advisor import auth, validation
from advisor.codes import Role
from advisor.db import transaction
from advisor.errors import AuthError, GateError, PasswordRequired, StorageError, ValidationError
from advisor.models import User, now
from advisor.services._base import Actor, _system, check_session, get, log, service
from advisor.services.opchanges import Kind
from advisor.services.views import SwitchUser, UserView

# The roles and what each may do, for the screens (which import no advisor.auth): they
# show a role in words and hide what the role may not do; the services refuse it anyway.
ROLES = auth.ROLES
# The roles a discount limit is set for: those that see amounts at all.
DISCOUNT_ROLES = tuple(r for r in ROLES if auth.may(r, "money.view"))
ROLE_LABELS = auth.ROLE_LABELS
may = auth.may
role_label = auth.role_label
refusal = auth.refusal

log_ = logging.getLogger(__name__)

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


def _check_open(u: User) -> None:
    """Refuse a deactivated account, or one locked after wrong passwords (said only once
    the password or the PIN was right)."""
    if not u.active:
        raise AuthError("This account is deactivated.", "此账户已停用。")
    if u.locked_until is not None and u.locked_until > now():
        raise AuthError(
            f"Too many failed attempts: the account is locked until {u.locked_until:%H:%M}.",
            f"失败次数过多：账户锁定至 {u.locked_until:%H:%M}。",
        )


def login(*, username: str, password: str) -> Actor:
    """Check the password; five failures in a row lock the account for 15 minutes. A
    password login unlocks the PIN and lets it open the user's sessions for the rest of
    the day (``login_pin``).

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
    _check_open(u)
    if u.failed_logins or u.locked_until is not None or u.pin_failures:  # a password unlocks the PIN too
        with transaction():
            User.update(failed_logins=0, locked_until=None, pin_failures=0).where(User.id == u.id).execute()
    if u.pin_hash and _first_today(u):
        _note_password_day(u.id)
    return Actor(u.id, u.username, u.display_name, u.role, u.session_gen)


def _note_password_day(user_id: int) -> None:
    """Note today's password login (the PIN opens the user's sessions until tomorrow). Not
    noted, the PIN asks for the password again: no reason to refuse the login itself (a
    read on a read-only database file)."""
    try:
        with transaction():
            User.update(last_password_login_at=now()).where(User.id == user_id).execute()
    except StorageError as err:
        log_.warning("cannot note the password login of user %s: %s", user_id, err.en)


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


# -- the PIN: a quick switch of user on a shared PC (issue 16, item 6) ---------------------

MAX_PIN_FAILURES = 5
PIN_DIGITS = (4, 8)
WRONG_PIN = ("Wrong PIN.", "PIN 码错误。")
NO_PIN = (
    "You have no PIN yet: sign in with your password (then set a PIN in the Session menu).",
    "您尚未设置 PIN 码：请用密码登录（之后可在“会话”菜单中设置 PIN 码）。",
)
PIN_LOCKED = (
    f"The PIN is locked after {MAX_PIN_FAILURES} wrong tries: sign in with your password.",
    f"PIN 码输错 {MAX_PIN_FAILURES} 次已被锁定：请用密码登录。",
)
FIRST_TODAY = (
    "First sign-in today: please enter your password.",
    "今天首次登录：请输入密码。",
)


def _check_pin(pin: str) -> None:
    """4–8 digits, not one digit repeated nor a run (1234, 9876): refused with a message
    that says which rule."""
    low, high = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit()):
        raise ValidationError(
            "A PIN is made of digits only (0–9).", "PIN 码只能由数字（0–9）组成。", field="pin"
        )
    if not low <= len(pin) <= high:
        raise ValidationError(
            f"A PIN has {low} to {high} digits.", f"PIN 码须为 {low}–{high} 位数字。", field="pin"
        )
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {-1}):
        raise ValidationError(
            "This PIN is too easy to guess (one digit repeated, or a run such as 1234): choose another.",
            "此 PIN 码太容易被猜到（同一数字重复，或 1234 这样的连续数字）：请另选一个。",
            field="pin",
        )


def set_pin(*, actor: Actor, password: str, pin: str) -> None:
    """Set (or change) the actor's own PIN, confirmed with their password.

    Both scrypt hashes (checking the password, hashing the PIN) run outside any write
    transaction, as ``login`` does; a wrong password counts as a failed login."""
    _check_pin(pin or "")
    u = User.get_or_none(User.id == actor.user_id)
    if u is None:
        check_session(actor)  # raises: the account is gone
        raise AssertionError("unreachable")
    if not auth.verify_password(password or "", u.password_hash):
        _count_failure(u)
        raise AuthError(
            "Wrong password: the PIN was not changed.", "密码错误：PIN 码未更改。", field="password"
        )
    _store_pin(actor=actor, pin_hash=auth.hash_password(pin))


@service("pin.own", changes=Kind.USERS)
def _store_pin(*, actor: Actor, pin_hash: str) -> None:
    """Save the PIN's hash (the session checked again: a reset meanwhile refuses it). The
    password was just given: the PIN opens from now until tomorrow."""
    User.update(pin_hash=pin_hash, pin_failures=0, last_password_login_at=now()).where(
        User.id == actor.user_id
    ).execute()
    log(actor, "user", actor.user_id, "set_pin")


def login_pin(*, username: str, pin: str) -> Actor:
    """Open a session with the PIN instead of the password, on the rules of ``login``.

    Refused, each with its own message: no PIN set, the PIN locked after
    ``MAX_PIN_FAILURES`` wrong tries in a row (only a password login opens and unlocks
    it), no password login yet today (``PasswordRequired`` for these three); a wrong PIN
    (counted atomically: ``pin_failures = pin_failures + 1``); a deactivated or locked
    account (said only after the right PIN). The PIN is hashed outside any transaction,
    against the dummy hash when there is no such user or no PIN (the same cost)."""
    u = User.get_or_none(User.username == (username or "").strip())
    stored = u.pin_hash if u is not None and u.pin_hash else auth.dummy_hash()
    ok = auth.verify_password(pin or "", stored)
    if u is None:
        raise AuthError(*WRONG_PIN)
    if not u.pin_hash:
        raise PasswordRequired(*NO_PIN)
    if u.pin_failures >= MAX_PIN_FAILURES:
        raise PasswordRequired(*PIN_LOCKED)
    if not ok:
        failures = _count_pin_failure(u)
        if failures >= MAX_PIN_FAILURES:
            raise PasswordRequired(*PIN_LOCKED)
        left = MAX_PIN_FAILURES - failures
        raise AuthError(f"Wrong PIN: {left} tries left.", f"PIN 码错误：还可尝试 {left} 次。")
    _check_open(u)
    if _first_today(u):
        raise PasswordRequired(*FIRST_TODAY)
    actor = Actor(u.id, u.username, u.display_name, u.role, u.session_gen)
    with transaction():
        User.update(pin_failures=0).where(User.id == u.id).execute()
        log(actor, "user", u.id, "pin_login")
    return actor


def _first_today(u: User) -> bool:
    """No password login yet today: the day's first sign-in takes the password."""
    last = u.last_password_login_at
    return last is None or last.date() < now().date()


def _count_pin_failure(u: User) -> int:
    """One more wrong PIN for ``u``, counted in the database; returns the count (the
    ``MAX_PIN_FAILURES``-th locks the PIN, and its audit row says so)."""
    with transaction():
        User.update(pin_failures=User.pin_failures + 1).where(User.id == u.id).execute()
        failures = int(User.select(User.pin_failures).where(User.id == u.id).scalar())
        who = Actor(u.id, u.username, u.display_name, u.role)
        if failures == MAX_PIN_FAILURES:
            log(who, "user", u.id, "pin_locked", new={"failures": failures})
        else:
            log(who, "user", u.id, "pin_failed", new={"failures": failures})
    return failures


def switch_users() -> list[SwitchUser]:
    """Who may take the shared PC: every active account, by name, with why their PIN
    cannot open it now (no PIN, PIN locked, first sign-in today: the password then). Names
    only: the lock screen shows nothing else, before anyone has signed in."""
    q = User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
    return [SwitchUser(u.username, u.display_name, _password_reason(u)) for u in q]


def _password_reason(u: User) -> tuple[str, str]:
    if not u.pin_hash:
        return NO_PIN
    if u.pin_failures >= MAX_PIN_FAILURES:
        return PIN_LOCKED
    if _first_today(u):
        return FIRST_TODAY
    return ("", "")
