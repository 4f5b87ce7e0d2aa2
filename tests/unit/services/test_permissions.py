"""Roles are enforced inside the services, not just by hiding buttons; and accounts.

Every service declares the action it performs (``@service("action")``). For each
service, every role outside ``PERMISSIONS[action]`` is refused with ``PermissionDenied``
before anything is written; every role inside it gets past the permission check.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import advisor.services
from advisor import auth
from advisor.errors import AuthError, GateError, PermissionDenied, UserError
from advisor.models import AuditLog, User, now
from advisor.services import users
from advisor.services._base import Actor
from tests import factories
from tests.factories import Staff
from tests.unit.services.test_gates import assert_bilingual, snapshot

SERVICES_DIR = Path(advisor.services.__file__).parent


def _declared_services() -> list[tuple[str, str, tuple[str, ...]]]:
    """(module, function, actions) of every function decorated with ``@service(…)``.

    The actions are the one named in ``@service("…")`` or, for ``@service(None)``, those
    checked in the body (``require(actor, "…")`` / ``_require_any(actor, "…", …)``).
    """
    found = []
    for path in sorted(SERVICES_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if not (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Name)
                    and deco.func.id == "service"
                    and deco.args
                    and isinstance(deco.args[0], ast.Constant)
                ):
                    continue
                actions: tuple[str, ...] = ()
                if deco.args[0].value is not None:
                    actions = (str(deco.args[0].value),)
                else:
                    for call in ast.walk(node):
                        if (
                            isinstance(call, ast.Call)
                            and isinstance(call.func, ast.Name)
                            and call.func.id in ("require", "_require_any")
                        ):
                            actions += tuple(
                                str(a.value) for a in call.args[1:] if isinstance(a, ast.Constant)
                            )
                found.append((path.stem, node.name, actions))
    return found


SERVICES = _declared_services()


def _dummy(name: str, annotation: Any) -> Any:
    """A harmless value of the parameter's type (the permission check comes first)."""
    text = str(annotation)
    if (
        name.endswith(("_id", "_cents"))
        or name in ("version", "quantity", "level")
        or text in ("int", "int | None")
    ):
        return 987_654
    if "datetime" in text:
        return now() + dt.timedelta(days=1)
    if "date" in text:
        return now().date() + dt.timedelta(days=1)
    if text.startswith("bool"):
        return False
    if text.startswith("dict"):
        return {}
    if text.startswith("list"):
        return []
    if "Decimal" in text:
        return "1"
    return "x"


def _call(fn: Callable[..., Any], actor: Actor) -> None:
    kwargs: dict[str, Any] = {"actor": actor}
    for name, param in inspect.signature(fn).parameters.items():
        if name == "actor" or param.kind is param.VAR_KEYWORD:
            continue
        if param.default is inspect.Parameter.empty:
            kwargs[name] = _dummy(name, param.annotation)  # a string (postponed annotations)
    fn(**kwargs)


def test_the_services_were_found() -> None:
    names = {f"{m}.{f}" for m, f, _a in SERVICES}
    unchecked = [f"{m}.{f}" for m, f, a in SERVICES if not a]
    assert not unchecked, f"services that check no permission: {unchecked}"
    assert len(SERVICES) >= 50
    assert {
        "estimate.authorise_estimate",
        "workshop.assign",
        "changes.approve_major",
        "settlement.pay",
        "users.add_user",
        "settlement.hand_over",
    } <= names


@pytest.mark.parametrize(("action",), [(a,) for a in sorted({a for _m, _f, aa in SERVICES for a in aa})])
def test_every_action_used_by_a_service_is_declared(action: str) -> None:
    # An undeclared action would silently refuse every role.
    assert action in auth.PERMISSIONS
    assert auth.PERMISSIONS[action] <= set(auth.ROLES)


@pytest.mark.parametrize(
    ("module", "function", "actions"), SERVICES, ids=[f"{m}.{f}[{'|'.join(a)}]" for m, f, a in SERVICES]
)
def test_roles_without_the_permission_are_refused(
    staff: Staff, module: str, function: str, actions: tuple[str, ...]
) -> None:
    fn = getattr(importlib.import_module(f"advisor.services.{module}"), function)
    allowed = set().union(*(auth.PERMISSIONS.get(a, set()) for a in actions))
    action = "|".join(actions)
    for role in auth.ROLES:
        actor = staff.by_role(role)
        if role in allowed:
            try:
                _call(fn, actor)
            except PermissionDenied as err:  # pragma: no cover - the failure message
                pytest.fail(f"{role} may {action} but {function} refused: {err.en}")
            except UserError:
                pass  # dummy arguments: NotFound, ValidationError… but not a refusal by role
            continue
        before = snapshot()
        with pytest.raises(PermissionDenied) as info:
            _call(fn, actor)
        assert_bilingual(info.value)
        # the refused action in words (never its code): 'may not hand the car over'
        assert any(auth.PERMISSION_LABELS[a][0] in info.value.en for a in actions)
        assert snapshot() == before, f"{function} by a {role} changed the database"


# -- what the spec says about roles, in its own words ------------------------------------


def test_a_foreman_updates_jobs_but_cannot_change_prices() -> None:
    assert auth.may("foreman", "work.clock") and auth.may("foreman", "work.assign")
    for action in ("estimate.edit", "estimate.authorise", "settle", "pay", "change.consent"):
        assert not auth.may("foreman", action), action


def test_only_a_manager_approves_major_changes_and_only_managers_export() -> None:
    assert {r for r in auth.ROLES if auth.may(r, "change.approve_major")} == {"manager"}
    assert {r for r in auth.ROLES if auth.may(r, "export")} <= {"manager", "admin"}
    assert {r for r in auth.ROLES if auth.may(r, "users.manage")} == {"admin"}


def test_a_technician_clocks_only_their_own_jobs(staff: Staff) -> None:
    from advisor.services import workshop

    _ro_id, lines = factories.authorised(staff)
    start = now()
    job = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[1],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        override_reason="孙伟 learns brakes under supervision",  # he lacks the skill
    )
    before = snapshot()
    with pytest.raises(GateError):
        workshop.clock_on(actor=staff.technician, assignment_id=job.id)
    assert snapshot() == before
    mine = workshop.reassign(actor=staff.foreman, assignment_id=job.id, technician_id=staff.tech_ids[0])
    assert workshop.clock_on(actor=staff.technician, assignment_id=mine.id).status == "in_progress"


def test_an_unknown_role_may_do_nothing(staff: Staff) -> None:
    from advisor.services import customers

    ghost = Actor(staff.advisor.user_id, "ghost", "Ghost", "superuser")
    with pytest.raises(PermissionDenied):
        customers.create_customer(actor=ghost, name="张伟")
    assert not any(auth.may("superuser", a) for a in auth.PERMISSIONS)


# -- accounts -----------------------------------------------------------------------------


def test_users_are_deactivated_never_deleted(staff: Staff) -> None:
    public = [n for n, f in inspect.getmembers(users, inspect.isfunction) if f.__module__ == users.__name__]
    assert not [n for n in public if any(w in n for w in ("delete", "remove", "drop", "erase"))]
    count = User.select().count()
    view = users.set_active(actor=staff.admin, user_id=staff.cashier.user_id, active=False)
    assert view.active is False
    assert User.select().count() == count
    listed = {u.username: u for u in users.list_users()}
    assert listed["liu.fang"].active is False
    assert "liu.fang" not in {u.username for u in users.list_users(active_only=True)}
    before = snapshot()
    with pytest.raises(GateError):
        users.set_active(actor=staff.admin, user_id=staff.admin.user_id, active=False)
    assert snapshot() == before


def test_a_deactivated_user_cannot_log_in(staff: Staff) -> None:
    assert users.login(username="liu.fang", password=factories.PASSWORD).role == "cashier"
    users.set_active(actor=staff.admin, user_id=staff.cashier.user_id, active=False)
    with pytest.raises(AuthError) as info:
        users.login(username="liu.fang", password=factories.PASSWORD)
    assert_bilingual(info.value)
    assert "deactivated" in info.value.en
    users.set_active(actor=staff.admin, user_id=staff.cashier.user_id, active=True)
    assert users.login(username="liu.fang", password=factories.PASSWORD).user_id == staff.cashier.user_id


def test_five_failed_logins_lock_the_account(staff: Staff) -> None:
    for attempt in range(5):
        with pytest.raises(AuthError) as info:
            users.login(username="li.na", password=f"wrong-{attempt}")
        assert "Wrong" in info.value.en
        assert_bilingual(info.value)
    with pytest.raises(AuthError) as info:
        users.login(username="li.na", password=factories.PASSWORD)
    assert "locked" in info.value.en
    assert User.get_by_id(staff.advisor.user_id).locked_until > now()
    failures = (
        AuditLog.select()
        .where((AuditLog.action == "login_failed") & (AuditLog.entity_id == staff.advisor.user_id))
        .count()
    )
    assert failures == 5
    # Another account is not affected; the administrator's reset unlocks.
    assert users.login(username="tom", password=factories.PASSWORD).role == "advisor"
    users.reset_password(actor=staff.admin, user_id=staff.advisor.user_id, password="new password 2")
    assert users.login(username="li.na", password="new password 2").username == "li.na"


def test_four_failures_then_success_resets_the_count(staff: Staff) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            users.login(username="li.na", password="nope")
    users.login(username="li.na", password=factories.PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError):
            users.login(username="li.na", password="nope")
    assert users.login(username="li.na", password=factories.PASSWORD).username == "li.na"


def test_unknown_user_and_wrong_password_read_the_same(staff: Staff) -> None:
    with pytest.raises(AuthError) as a:
        users.login(username="nobody", password=factories.PASSWORD)
    with pytest.raises(AuthError) as b:
        users.login(username="li.na", password="wrong password")
    assert (a.value.en, a.value.zh) == (b.value.en, b.value.zh)


def test_passwords_are_stored_as_salted_scrypt_hashes(staff: Staff) -> None:
    rows = {u.username: u.password_hash for u in User.select()}
    for username, stored in rows.items():
        assert factories.PASSWORD not in stored, username
        scheme, n, r, p, salt, digest = stored.split("$")
        assert (scheme, int(r), int(p)) == ("scrypt", 8, 1)
        assert int(n) >= 2**10 and salt and len(digest) == 88  # 64-byte digest, base64
        assert auth.verify_password(factories.PASSWORD, stored)
        assert not auth.verify_password(factories.PASSWORD + "x", stored)
    assert len(set(rows.values())) == len(rows), "same password, different salts"


def test_production_scrypt_parameters_meet_owasp() -> None:
    source = Path(auth.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple):
            names = [t.id for t in node.targets[0].elts if isinstance(t, ast.Name)]
            exprs = [ast.unparse(v) for v in node.value.elts]  # type: ignore[attr-defined]
            # Plain arithmetic on literals only (e.g. 2**17).
            assert all(set(e) <= set("0123456789* ") for e in exprs), exprs
            values.update(dict(zip(names, (eval(e, {"__builtins__": {}}) for e in exprs), strict=True)))
    assert values["SCRYPT_N"] >= 2**17 and values["SCRYPT_R"] >= 8 and values["SCRYPT_P"] >= 1


def test_a_short_password_or_bad_role_adds_nobody(staff: Staff) -> None:
    before = snapshot()
    for kw in (dict(role="advisor", password="short"), dict(role="superuser", password="long enough 1")):
        with pytest.raises(UserError) as info:
            users.add_user(actor=staff.admin, username="new.one", display_name="New", **kw)
        assert_bilingual(info.value)
    assert snapshot() == before
