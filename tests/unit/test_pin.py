"""The PIN of the quick user switch on a shared PC (issue 16, item 6).

A colleague opens their own session with a 4–8 digit PIN (hashed as a password); the
password is still asked at the day's first sign-in and after five wrong PINs (which lock
the PIN until the next password login); a deactivated or locked account stays shut; a
PIN login's session is checked on every call exactly as a password login's is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import db
from advisor.errors import AuthError, PasswordRequired, SessionExpired, ValidationError
from advisor.models import AuditLog, Customer, User, now
from advisor.services import customers, users
from advisor.services._base import Actor
from tests.factories import PASSWORD, Staff

PIN = "2580"


def _signed_in_with_pin(staff: Staff, pin: str = PIN) -> Actor:
    """The advisor logs in with the password (today) and sets a PIN."""
    me = users.login(username=staff.advisor.username, password=PASSWORD)
    users.set_pin(actor=me, password=PASSWORD, pin=pin)
    return me


def _actions(user_id: int) -> list[str]:
    rows = AuditLog.select().where((AuditLog.entity == "user") & (AuditLog.entity_id == user_id))
    return [r.action for r in rows.order_by(AuditLog.id)]


def test_a_pin_opens_a_session_that_acts_like_a_password_login(staff: Staff) -> None:
    by_password = _signed_in_with_pin(staff)
    by_pin = users.login_pin(username=staff.advisor.username, pin=PIN)
    assert by_pin == by_password  # the same user, role and session generation
    customers.create_customer(actor=by_pin, name="张伟", phone="13812345678")
    assert Customer.select().count() == 1
    assert _actions(staff.advisor.user_id)[-2:] == ["set_pin", "pin_login"]
    assert User.get_by_id(staff.advisor.user_id).pin_hash.startswith(
        "scrypt$"
    )  # hashed, never stored as typed


@pytest.mark.parametrize(
    ("pin", "says"),
    [
        ("12a4", "digits only"),
        ("１２３４５", "digits only"),  # full-width digits are no keypad's
        ("258", "4 to 8 digits"),
        ("258013579", "4 to 8 digits"),
        ("7777", "too easy"),
        ("123456", "too easy"),
        ("9876", "too easy"),
    ],
)
def test_a_pin_that_is_not_4_to_8_digits_or_is_trivial_is_refused(staff: Staff, pin: str, says: str) -> None:
    me = users.login(username=staff.advisor.username, password=PASSWORD)
    with pytest.raises(ValidationError) as err:
        users.set_pin(actor=me, password=PASSWORD, pin=pin)
    assert says in err.value.en and err.value.field == "pin"
    assert "PIN 码" in err.value.zh
    assert User.get_by_id(me.user_id).pin_hash == ""


def test_setting_a_pin_needs_the_password_and_a_wrong_one_counts(staff: Staff) -> None:
    me = users.login(username=staff.advisor.username, password=PASSWORD)
    with pytest.raises(AuthError) as err:
        users.set_pin(actor=me, password="not the password", pin=PIN)
    assert err.value.zh == "密码错误：PIN 码未更改。"
    u = User.get_by_id(me.user_id)
    assert u.pin_hash == "" and u.failed_logins == 1


def test_no_pin_set_asks_for_the_password(staff: Staff) -> None:
    users.login(username=staff.advisor.username, password=PASSWORD)
    with pytest.raises(PasswordRequired) as err:
        users.login_pin(username=staff.advisor.username, pin=PIN)
    assert "no PIN yet" in err.value.en and "尚未设置 PIN 码" in err.value.zh


def test_the_first_sign_in_of_the_day_takes_the_password(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    yesterday = now() - dt.timedelta(days=1)
    User.update(last_password_login_at=yesterday).where(User.id == staff.advisor.user_id).execute()
    with pytest.raises(PasswordRequired) as err:
        users.login_pin(username=staff.advisor.username, pin=PIN)
    assert err.value.en == "First sign-in today: please enter your password."
    assert err.value.zh == "今天首次登录：请输入密码。"
    assert not users.switch_users()[_index(staff.advisor.username)].pin_ready
    users.login(username=staff.advisor.username, password=PASSWORD)  # today's password login
    assert users.login_pin(username=staff.advisor.username, pin=PIN).user_id == staff.advisor.user_id
    assert users.switch_users()[_index(staff.advisor.username)].pin_ready


def _index(username: str) -> int:
    return [u.username for u in users.switch_users()].index(username)


def test_five_wrong_pins_lock_the_pin_until_a_password_login(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    name = staff.advisor.username
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthError) as err:
            users.login_pin(username=name, pin="1357")
        assert not isinstance(err.value, PasswordRequired)
        assert err.value.en == f"Wrong PIN: {left} tries left."
    with pytest.raises(PasswordRequired) as err:
        users.login_pin(username=name, pin="1357")
    assert "locked after 5 wrong tries" in err.value.en and "已被锁定" in err.value.zh
    # Locked: the right PIN no longer opens, and further tries are not counted.
    with pytest.raises(PasswordRequired):
        users.login_pin(username=name, pin=PIN)
    assert User.get_by_id(staff.advisor.user_id).pin_failures == 5
    assert _actions(staff.advisor.user_id).count("pin_failed") == 4
    assert _actions(staff.advisor.user_id).count("pin_locked") == 1
    assert User.get_by_id(staff.advisor.user_id).locked_until is None  # the account itself is not locked
    users.login(username=name, password=PASSWORD)  # the password clears the lock-out
    assert users.login_pin(username=name, pin=PIN).user_id == staff.advisor.user_id


def test_a_right_pin_resets_the_count(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    name = staff.advisor.username
    for _ in range(4):
        with pytest.raises(AuthError):
            users.login_pin(username=name, pin="1357")
    users.login_pin(username=name, pin=PIN)
    assert User.get_by_id(staff.advisor.user_id).pin_failures == 0


def test_a_deactivated_account_is_not_opened_by_its_pin(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=False)
    with pytest.raises(AuthError) as err:
        users.login_pin(username=staff.advisor.username, pin=PIN)
    assert err.value.en == "This account is deactivated."
    # ... and a wrong PIN says only that it is wrong (the state is told to the right PIN).
    with pytest.raises(AuthError) as err:
        users.login_pin(username=staff.advisor.username, pin="1357")
    assert err.value.en == "Wrong PIN: 4 tries left."
    assert staff.advisor.username not in [u.username for u in users.switch_users()]


def test_a_locked_account_is_not_opened_by_its_pin(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    until = now() + dt.timedelta(minutes=10)
    User.update(locked_until=until).where(User.id == staff.advisor.user_id).execute()
    with pytest.raises(AuthError) as err:
        users.login_pin(username=staff.advisor.username, pin=PIN)
    assert err.value.en == f"Too many failed attempts: the account is locked until {until:%H:%M}."


def test_an_unknown_name_costs_a_hash_and_says_wrong_pin(staff: Staff) -> None:
    with pytest.raises(AuthError) as err:
        users.login_pin(username="no.such.user", pin=PIN)
    assert err.value.en == "Wrong PIN." and not isinstance(err.value, PasswordRequired)


def test_a_pin_session_ends_when_the_password_is_reset(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    by_pin = users.login_pin(username=staff.advisor.username, pin=PIN)
    users.reset_password(actor=staff.admin, user_id=staff.advisor.user_id, password="new password 2")
    with pytest.raises(SessionExpired):
        customers.create_customer(actor=by_pin, name="张伟", phone="13812345678")


def test_the_lock_screen_lists_active_users_by_name(staff: Staff) -> None:
    _signed_in_with_pin(staff)
    listed = users.switch_users()
    assert [u.display_name for u in listed] == sorted(u.display_name for u in listed)
    ready = {u.username for u in listed if u.pin_ready}
    assert ready == {staff.advisor.username}  # the others have no PIN yet


def test_migration_0010_gives_existing_accounts_no_pin(staff: Staff) -> None:
    database = db.database_proxy.obj
    for column in ("pin_hash", "pin_failures", "last_password_login_at"):
        database.execute_sql(f'ALTER TABLE "user" DROP COLUMN "{column}"')
    database.execute_sql("DELETE FROM schema_migration WHERE name = '0010_quick_switch_pin'")
    assert db.run_migrations(database) == ["0010_quick_switch_pin"]
    rows = list(User.select())
    assert len(rows) == 9  # the staff of tests.factories, customer service included
    assert {(u.pin_hash, u.pin_failures, u.last_password_login_at) for u in rows} == {("", 0, None)}
    with pytest.raises(PasswordRequired):
        users.login_pin(username=staff.advisor.username, pin=PIN)
    _signed_in_with_pin(staff)
    assert users.login_pin(username=staff.advisor.username, pin=PIN).user_id == staff.advisor.user_id
