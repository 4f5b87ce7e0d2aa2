"""Sessions checked on every call, and login (issue 13, items 3 and 5).

The services do not trust the ``Actor`` they are handed: the account must still exist,
be active, hold the same role, and not have been reset since the session logged in.
Login hashes outside any transaction, as long for an unknown name as for a known one,
and says "deactivated" or "locked" only to whoever knows the password.
"""

from __future__ import annotations

import contextlib
import copy
import pickle
import statistics
import time
from collections.abc import Callable

import pytest

from advisor import auth, db
from advisor.errors import AuthError, NotFound, PermissionDenied, SessionExpired
from advisor.models import AuditLog, Customer, User
from advisor.services import audit_log, customers, users, workshop
from advisor.services._base import Actor, check_session
from tests import factories
from tests.factories import PASSWORD, Staff


def _create_customer(actor: Actor, name: str = "张伟") -> None:
    customers.create_customer(actor=actor, name=name, phone="13812345678")


def _refused(call: Callable[[], object]) -> SessionExpired:
    with pytest.raises(SessionExpired) as err:
        call()
    return err.value


# -- sessions ------------------------------------------------------------------------------


def test_a_deactivated_advisor_is_refused_on_the_next_call(staff: Staff) -> None:
    _create_customer(staff.advisor)
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=False)
    before = Customer.select().count()
    err = _refused(lambda: _create_customer(staff.advisor, "李雷"))
    assert err.en == "Your session has ended: the account has been deactivated. Please log in again."
    assert err.zh == "您的会话已结束：账户已被停用。请重新登录。"
    assert Customer.select().count() == before
    # Reactivated, the old session stays ended: the user logs in again.
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=True)
    _refused(lambda: _create_customer(staff.advisor, "李雷"))
    fresh = users.login(username=staff.advisor.username, password=PASSWORD)
    _create_customer(fresh, "李雷")


def test_a_password_reset_ends_the_session_and_the_new_password_logs_in(staff: Staff) -> None:
    users.reset_password(actor=staff.admin, user_id=staff.advisor.user_id, password="new password 2")
    err = _refused(lambda: _create_customer(staff.advisor))
    assert "password was reset" in err.en and "密码已被重置" in err.zh
    with pytest.raises(AuthError):
        users.login(username=staff.advisor.username, password=PASSWORD)
    fresh = users.login(username=staff.advisor.username, password="new password 2")
    assert fresh.generation == staff.advisor.generation + 1
    _create_customer(fresh)


def test_a_manager_demoted_to_technician_is_refused_on_the_next_call(staff: Staff) -> None:
    _create_customer(staff.manager)
    users.set_role(actor=staff.admin, user_id=staff.manager.user_id, role="technician")
    before = Customer.select().count()
    err = _refused(lambda: _create_customer(staff.manager, "李雷"))
    assert err.en == "Your session has ended: your role is now technician. Please log in again."
    assert "技师" in err.zh
    assert Customer.select().count() == before
    # A check inside a function that is not a @service (the audit viewer) refuses too.
    _refused(lambda: audit_log.entries(actor=staff.manager))
    again = users.login(username=staff.manager.username, password=PASSWORD)
    assert again.role == "technician"
    with pytest.raises(PermissionDenied):
        _create_customer(again, "李雷")


def test_setting_the_same_role_or_state_again_keeps_the_session(staff: Staff) -> None:
    users.set_role(actor=staff.admin, user_id=staff.advisor.user_id, role="advisor")
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=True)
    _create_customer(staff.advisor)


def test_a_forged_actor_is_refused_and_adds_no_administrator(staff: Staff) -> None:
    count = User.select().count()
    forged = [
        Actor(99999, "intruder", "Intruder", "admin"),  # no such user
        Actor(0, "system", "System", "admin"),  # built, not the program's own actor
        Actor(staff.advisor.user_id, staff.advisor.username, "李娜", "admin"),  # wrong role
        Actor(staff.advisor.user_id, "admin", "Admin", "admin"),  # someone else's name
        Actor(staff.admin.user_id, "admin", "Admin", "admin", staff.admin.generation + 1),
    ]
    for actor in forged:
        _refused(
            lambda a=actor: users.add_user(
                actor=a, username="intruder", display_name="X", role="admin", password=PASSWORD
            )
        )
    assert User.select().count() == count
    assert (
        not AuditLog.select()
        .where(AuditLog.action == "add_user", AuditLog.new_json.contains("intruder"))
        .exists()
    )


def test_the_program_own_actor_stays_trusted_when_copied(staff: Staff) -> None:
    system = users.system_actor()
    for same in (copy.copy(system), copy.deepcopy(system), pickle.loads(pickle.dumps(system))):
        assert same is system
        check_session(same)
    clone = pickle.loads(pickle.dumps(staff.advisor))
    assert clone == staff.advisor
    check_session(clone)


def test_a_deleted_user_is_refused_on_the_next_call(staff: Staff) -> None:
    view = users.add_user(
        actor=staff.admin, username="temp", display_name="Temp", role="advisor", password=PASSWORD
    )
    temp = users.login(username="temp", password=PASSWORD)
    _create_customer(temp)
    User.delete().where(User.id == view.id).execute()  # by hand, on the database server
    err = _refused(lambda: _create_customer(temp, "李雷"))
    assert err.en == "Your session has ended: this account does not exist. Please log in again."
    assert err.zh == "您的会话已结束：此账户不存在。请重新登录。"


def test_a_service_that_checks_its_own_permission_checks_the_session_too(staff: Staff) -> None:
    # @service(None) services: the decorator checks no permission, the body does.
    with pytest.raises(NotFound):
        workshop.set_old_part_handling(actor=staff.technician, line_id=999999, handling="scrapped")
    users.set_active(actor=staff.admin, user_id=staff.technician.user_id, active=False)
    _refused(
        lambda: workshop.set_old_part_handling(actor=staff.technician, line_id=999999, handling="scrapped")
    )


def test_the_session_check_is_one_read_by_primary_key(staff: Staff, monkeypatch: pytest.MonkeyPatch) -> None:
    database = db.database_proxy.obj
    seen: list[str] = []
    real = database.execute_sql

    def counting(sql: str, params: object = None, *a: object, **kw: object) -> object:
        seen.append(sql)
        return real(sql, params, *a, **kw)

    monkeypatch.setattr(database, "execute_sql", counting)
    check_session(staff.advisor)
    monkeypatch.undo()
    assert len(seen) == 1, seen
    assert '"user"' in seen[0] and '"id" = ' in seen[0]
    # And it costs little: well under a millisecond on SQLite (figure in the report).
    start = time.perf_counter()
    for _ in range(200):
        check_session(staff.advisor)
    assert (time.perf_counter() - start) / 200 < 0.02


# -- login ---------------------------------------------------------------------------------


def test_deactivated_is_said_only_after_the_right_password(staff: Staff) -> None:
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=False)
    with pytest.raises(AuthError) as wrong:
        users.login(username=staff.advisor.username, password="not the password")
    assert wrong.value.en == "Wrong user name or password."
    with pytest.raises(AuthError) as right:
        users.login(username=staff.advisor.username, password=PASSWORD)
    assert right.value.en == "This account is deactivated."


def test_locked_is_said_only_after_the_right_password(staff: Staff) -> None:
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(AuthError):
            users.login(username=staff.advisor.username, password="not the password")
    assert User.get_by_id(staff.advisor.user_id).locked_until is not None
    with pytest.raises(AuthError) as wrong:
        users.login(username=staff.advisor.username, password="still not it")
    assert wrong.value.en == "Wrong user name or password."
    with pytest.raises(AuthError) as right:
        users.login(username=staff.advisor.username, password=PASSWORD)
    assert right.value.en.startswith("Too many failed attempts: the account is locked until")


def test_the_password_is_hashed_outside_any_transaction(
    staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = db.database_proxy.obj
    inside: list[bool] = []
    real = auth.verify_password

    def watched(password: str, encoded: str) -> bool:
        inside.append(database.in_transaction())
        return real(password, encoded)

    monkeypatch.setattr(auth, "verify_password", watched)
    users.login(username=staff.advisor.username, password=PASSWORD)
    for wrong in ("wrong 1", "wrong 2"):
        with pytest.raises(AuthError):
            users.login(username=staff.advisor.username, password=wrong)
    assert inside == [False, False, False]


def test_a_failure_counted_elsewhere_meanwhile_is_not_lost(
    staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While this login hashes, another workstation counts a failure for the same user:
    both count (a read-modify-write of the count would lose one)."""
    real = auth.verify_password

    def meanwhile(password: str, encoded: str) -> bool:
        User.update(failed_logins=User.failed_logins + 1).where(User.id == staff.advisor.user_id).execute()
        return real(password, encoded)

    monkeypatch.setattr(auth, "verify_password", meanwhile)
    with pytest.raises(AuthError):
        users.login(username=staff.advisor.username, password="not the password")
    assert User.get_by_id(staff.advisor.user_id).failed_logins == 2


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(AuthError):
        call()
    return time.perf_counter() - start


def test_an_unknown_user_name_costs_a_hash_like_a_wrong_password(
    database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Medians of tries taken in turns (a burst of load on the machine slows all three)."""
    monkeypatch.setattr(auth, "SCRYPT_N", 2**12)  # a hash well above a query's time, still fast
    factories.make_staff()  # hashes at that cost
    name = "li.na"
    dummy = auth.dummy_hash()
    one_hash, unknown, wrong = [], [], []
    for _ in range(9):
        one_hash.append(_seconds(lambda: auth.verify_password("not the password", dummy)))
        unknown.append(_seconds(lambda: users.login(username="no.such.user", password="not the password")))
        User.update(failed_logins=0, locked_until=None).where(User.username == name).execute()
        wrong.append(_seconds(lambda: users.login(username=name, password="not the password")))
    h, u, w = (statistics.median(t) for t in (one_hash, unknown, wrong))
    assert u >= 0.6 * h, (u, h)  # the unknown name's password was hashed too
    assert u >= w / 4, (u, w)  # the same order as a wrong password (which also counts it)
    with pytest.raises(AuthError) as err:
        users.login(username="no.such.user", password="x")
    assert err.value.en == "Wrong user name or password."


def test_migration_0004_gives_an_older_database_the_generation(staff: Staff) -> None:
    database = db.database_proxy.obj
    database.execute_sql('ALTER TABLE "user" DROP COLUMN "session_gen"')
    database.execute_sql("DELETE FROM schema_migration WHERE name = '0004_session_generation'")
    assert db.run_migrations(database) == ["0004_session_generation"]
    assert "session_gen" in {c.name for c in database.get_columns("user")}
    assert {u.session_gen for u in User.select()} == {0}  # every account, existing sessions hold
    _create_customer(staff.advisor)
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=False)
    _refused(lambda: _create_customer(staff.advisor, "李雷"))
