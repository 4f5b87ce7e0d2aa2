"""The administrator's screen: add a user who can then log in, reset, deactivate (login
refused), change role; back up and restore; other roles are refused in the services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from advisor.errors import AuthError, PermissionDenied
from advisor.services import customers, system, users
from tests import factories
from ui.context import AppContext
from ui.workspaces import admin as admin_ui
from ui.workspaces.admin import AddUserDialog, AdminWorkspace, PasswordDialog, RoleDialog


@pytest.fixture
def screen(make_ctx: Callable[..., AppContext], qtbot: QtBot) -> AdminWorkspace:
    ws = AdminWorkspace(make_ctx("admin"))
    qtbot.addWidget(ws)
    ws.show()
    return ws


def _cell(ws: AdminWorkspace, username: str, col: int) -> str:
    row = next(i for i, u in enumerate(ws.rows) if u.username == username)
    return ws.table.item(row, col).text()


def test_added_user_can_log_in(screen: AdminWorkspace, shown: list[tuple[str, str]]) -> None:
    dialog = screen.make_add_dialog()
    dialog.username.setText("sun.li")
    dialog.display_name.setText("孙丽")
    dialog.role.setCurrentIndex(dialog.role.findData("cashier"))
    dialog.password.setText("long enough 1")
    dialog.password2.setText("long enough 1")
    dialog.try_accept()
    assert dialog.result() == AddUserDialog.DialogCode.Accepted, shown
    screen.refresh()
    assert _cell(screen, "sun.li", 2) == "Cashier"
    actor = users.login(username="sun.li", password="long enough 1")
    assert actor.role == "cashier"


def test_mismatched_passwords_keep_the_dialog_open(
    screen: AdminWorkspace, shown: list[tuple[str, str]]
) -> None:
    dialog = screen.make_add_dialog()
    dialog.username.setText("sun.li")
    dialog.display_name.setText("孙丽")
    dialog.password.setText("long enough 1")
    dialog.password2.setText("long enough 2")
    dialog.try_accept()
    assert dialog.result() != AddUserDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert dialog.username.text() == "sun.li"
    assert all(u.username != "sun.li" for u in users.list_users())


def test_a_short_password_is_refused_with_the_service_message(
    screen: AdminWorkspace, shown: list[tuple[str, str]]
) -> None:
    dialog = screen.make_add_dialog()
    dialog.username.setText("sun.li")
    dialog.display_name.setText("孙丽")
    dialog.password.setText("short")
    dialog.password2.setText("short")
    dialog.try_accept()
    assert dialog.result() != AddUserDialog.DialogCode.Accepted
    assert shown == [("error", "The password needs at least 8 characters.")]


def test_deactivated_user_cannot_log_in_and_is_kept(
    screen: AdminWorkspace, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    screen.refresh()
    screen.select_user("li.na")
    assert screen.active_button.text() == "&Deactivate"
    screen.active_button.click()
    assert _cell(screen, "li.na", 3) == "✗ Deactivated"
    with pytest.raises(AuthError, match="deactivated"):
        users.login(username="li.na", password=factories.PASSWORD)
    screen.select_user("li.na")
    assert screen.active_button.text() == "Re&activate"
    screen.active_button.click()
    assert users.login(username="li.na", password=factories.PASSWORD).role == "advisor"


def test_admin_cannot_deactivate_themselves(screen: AdminWorkspace) -> None:
    screen.refresh()
    screen.select_user("admin")
    assert not screen.active_button.isEnabled()


def test_reset_password_unlocks_and_changes_role(
    screen: AdminWorkspace, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(AuthError):
            users.login(username="tom", password="wrong password")
    screen.refresh()
    assert _cell(screen, "tom", 4) == "🔒 Locked"
    screen.select_user("tom")
    dialog = PasswordDialog(screen.ctx, screen.selected_user(), screen)  # type: ignore[arg-type]
    dialog.password.setText("new password 9")
    dialog.password2.setText("new password 9")
    dialog.try_accept()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    assert users.login(username="tom", password="new password 9").role == "advisor"
    role = RoleDialog(screen.ctx, screen.selected_user(), screen)  # type: ignore[arg-type]
    role.role.setCurrentIndex(role.role.findData("manager"))
    role.try_accept()
    assert users.login(username="tom", password="new password 9").role == "manager"


def test_an_advisor_gets_no_admin_screen_and_the_service_refuses(
    make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ctx = make_ctx("advisor")
    assert not ctx.may(AdminWorkspace.permission)
    assert not ctx.may("users.manage")
    with pytest.raises(PermissionDenied):
        users.add_user(
            actor=ctx.actor, username="sneaky", display_name="Sneaky", role="admin", password="long enough 1"
        )
    with pytest.raises(PermissionDenied):
        system.restore_backup(actor=staff.manager, source=Path("x.db"))


def test_backup_and_restore_bring_back_the_data(
    screen: AdminWorkspace, staff: factories.Staff, tmp_path: Path, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    screen.ctx.shared_db = system.is_shared()
    c = customers.create_customer(actor=staff.advisor, name="Before Backup", phone="13800138000")
    written = tmp_path / "copy.backup"
    screen.backup_now(written)  # in the background: the screen says when it is done
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown == [("info", f"Backup written to {written}.")]
    assert written.exists()
    customers.update_customer(actor=staff.advisor, customer_id=c.id, version=c.version, name="After Backup")
    shown.clear()
    screen.restore(written)
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=30_000)
    # The backup is older than the database now: the screen says so and asks again.
    assert [k for k, _t in shown] == ["confirm", "confirm", "info"]
    assert "older than this database" in shown[1][1]
    assert "start it again" in shown[-1][1]
    assert customers.get_customer(c.id).name == "Before Backup"


def test_restore_refuses_a_file_that_is_not_a_backup(
    screen: AdminWorkspace, staff: factories.Staff, tmp_path: Path, shown: list[tuple[str, str]], qtbot: QtBot
) -> None:
    junk = tmp_path / "holiday-photo.db"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a database at all" * 100)
    c = customers.create_customer(actor=staff.advisor, name="Still Here", phone="13800138000")
    screen.restore(junk)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30_000)
    assert [k for k, _t in shown] == ["confirm", "error"]
    assert "holiday-photo.db" in shown[-1][1] and "not a valid" in shown[-1][1]
    assert customers.get_customer(c.id).name == "Still Here"


def test_daily_backup_location_is_shown(
    screen: AdminWorkspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(admin_ui, "daily_backup_dir", lambda: tmp_path / "backups")
    screen.ctx.shared_db = system.is_shared()  # the daily backup runs on both engines
    screen.refresh()
    assert str(tmp_path / "backups") in screen.daily_label.text()
    assert "none written yet" in screen.daily_label.text()
    written = system.daily_backup(tmp_path / "backups")
    screen.refresh()
    assert written is not None and written.name in screen.daily_label.text()


def test_on_a_shared_server_the_screen_says_who_backs_up(screen: AdminWorkspace) -> None:
    screen.ctx.shared_db = True
    screen.refresh()
    assert "pg_dump" in screen.daily_label.text()
    assert "every workstation keeps its own daily copy" in screen.daily_label.text()
    assert not screen.open_folder_button.isHidden()
