"""A session the services refuse (issue 13, item 3) returns the GUI to the login, which
says why: the account was deactivated, its password reset or its role changed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from advisor.errors import SessionExpired
from advisor.models import Customer
from advisor.services import customers, system, users
from advisor.services import settings as dealer_settings
from tests import factories
from tests.ui import person
from tests.ui.shell_support import workstation  # noqa: F401  (settings of this test only)
from ui import app as app_module
from ui.context import AppContext
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.operations import Outcome


def _show(qtbot: Any, window: QWidget, size: tuple[int, int]) -> None:
    """As ``person.show_window``, for a window ``run_gui`` deletes itself (not handed to
    qtbot, which would close it again after the test)."""
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _ok(dialog: LoginDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


@pytest.fixture
def gui(staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, tmp_path: Any, qapp: QApplication) -> Any:
    """``run_gui`` over the test database, with each login dialog handed to ``logins``
    instead of running its own modal loop (the test acts in it as a person would)."""
    dealer_settings.set_up_dealer(
        name="星辉汽车服务有限公司",
        address="北京市朝阳区",
        phone="010-88886666",
        tax_no="91110105MA01ABCD2X",
        labour_rate_cents=18_000,
        actor=staff.admin,
    )
    monkeypatch.setattr(system, "open_database", lambda url=None: "test.db")
    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "log.txt")
    monkeypatch.setattr(app_module.crash, "install", lambda path: None)
    monkeypatch.setattr(app_module, "BACKUP_DELAY_MS", 2_000_000_000)  # no daily backup here
    hook = sys.excepthook
    yield
    assert sys.excepthook is hook  # run_gui puts back the hook it found


def _run(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, in_window: Callable[[MainWindow], None], username: str
) -> list[tuple[bool, str, str]]:
    """Log in as ``username``, do ``in_window`` in the main window; return what each later
    login dialog showed (visible, message, user name) before it was cancelled."""
    seen: list[tuple[bool, str, str]] = []
    failures: list[BaseException] = []
    calls = 0
    # Should the session's end not close the windows, this closes them: a timer of this
    # test, stopped when it returns (a bare singleShot fired 20 s later in whatever test
    # ran then, closing its windows: the walk-in dialog and settlement flakes).
    fuse = QTimer()
    fuse.setSingleShot(True)
    fuse.timeout.connect(lambda: [w.close() for w in QApplication.topLevelWidgets()])

    def act() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        try:
            assert len(windows) == 1
            _show(qtbot, windows[0], (1366, 768))
            in_window(windows[0])
        except BaseException as exc:  # reported after the loop, which must end either way
            failures.append(exc)
            windows[0].close() if windows else None

    def exec_(dialog: LoginDialog) -> int:
        nonlocal calls
        calls += 1
        _show(qtbot, dialog, (480, 260))
        if calls == 1:
            person.fill(qtbot, dialog.username, username)
            person.fill(qtbot, dialog.password, factories.PASSWORD)
            person.click(qtbot, _ok(dialog))
            assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
            QTimer.singleShot(0, act)
            fuse.start(20_000)
        else:
            seen.append((dialog.error.isVisible(), dialog.error.text(), dialog.username.text()))
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    try:
        assert app_module.run_gui(["--lang", "en"]) == 0
    finally:
        fuse.stop()
    if failures:
        raise failures[0]
    return seen


def test_a_manager_demoted_while_working_is_back_at_the_login_with_the_reason(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, gui: None
) -> None:
    def in_window(window: MainWindow) -> None:
        ws = window.open_workspace("settings")
        assert ws is not None
        # Meanwhile, at the administrator's desk: the manager becomes a technician.
        users.set_role(actor=staff.admin, user_id=staff.manager.user_id, role="technician")
        person.fill(qtbot, ws.findChild(QWidget, "setting_labour_rate_cents"), "215.50")
        person.click(qtbot, ws.save_button)  # type: ignore[attr-defined]

    seen = _run(qtbot, monkeypatch, in_window, staff.manager.username)
    assert seen == [
        (
            True,
            "Your session has ended: your role is now technician. Please log in again.",
            staff.manager.username,
        )
    ]
    assert dealer_settings.dealer().labour_rate_cents == 18_000  # the save was refused


def test_a_read_refused_outside_ops_also_returns_to_the_login(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, gui: None
) -> None:
    """A screen that calls a service outside ``ops`` (as the audit viewer reads its rows
    while scrolling) lets SessionExpired reach Qt's loop: the login comes back instead of
    the crash dialog."""

    def in_window(window: MainWindow) -> None:
        users.set_active(actor=staff.admin, user_id=staff.manager.user_id, active=False)
        QTimer.singleShot(0, lambda: customers.create_customer(actor=window.ctx.actor, name="张伟"))

    seen = _run(qtbot, monkeypatch, in_window, staff.manager.username)
    assert [s[1] for s in seen] == [
        "Your session has ended: the account has been deactivated. Please log in again."
    ]


def test_a_dialog_open_over_the_window_is_closed_and_nothing_is_shown_or_saved(
    qtbot: Any, make_ctx: Callable[[str], AppContext], staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ctx = make_ctx("advisor")
    window = MainWindow(ctx)
    person.show_window(qtbot, window)
    dialog = QDialog(window)
    button = QPushButton("Save", dialog)
    QVBoxLayout(dialog).addWidget(button)
    saved: list[object] = []
    button.clicked.connect(
        lambda: saved.append(ctx.ops.run(customers.create_customer, parent=dialog, name="张伟"))
    )
    users.reset_password(actor=staff.admin, user_id=staff.advisor.user_id, password="new password 2")

    def click() -> None:
        qtbot.waitExposed(dialog)
        person.click(qtbot, button)

    QTimer.singleShot(0, click)
    fuse = QTimer(dialog)  # should the session's end not close it; dies with the dialog
    fuse.setSingleShot(True)
    fuse.timeout.connect(dialog.reject)
    fuse.start(20_000)
    assert dialog.exec() == QDialog.DialogCode.Rejected  # closed by the session's end
    fuse.stop()
    (outcome,) = saved
    assert isinstance(outcome, Outcome) and not outcome.ok and not Customer.select().exists()
    assert shown == []  # no message box: the login says it
    assert isinstance(outcome.error, SessionExpired)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.logging_out
    assert window.session_error is outcome.error


def test_the_login_says_why_the_session_ended_in_the_chosen_language(
    qtbot: Any, staff: factories.Staff
) -> None:
    notice = SessionExpired(
        "your password was reset or your account was changed", "您的密码已被重置或账户已变更"
    )
    dialog = LoginDialog(notice=notice)
    person.show_window(qtbot, dialog, (480, 260))
    assert dialog.error.isVisible() and dialog.error.text() == notice.en
    person.choose(qtbot, dialog.language, "中文")
    qtbot.waitUntil(lambda: dialog.error.text() == notice.zh)
    assert dialog.error.isVisible()
    person.fill(qtbot, dialog.username, staff.advisor.username)
    person.fill(qtbot, dialog.password, "wrong password")
    person.click(qtbot, _ok(dialog))
    assert dialog.error.text() == "用户名或密码错误。"
