"""Quick user switch on a shared PC (issue 16, item 6), as people at the counter do it.

The advisor types into a customer's form without saving, presses Ctrl+L and walks
away; the cashier picks her name on the lock screen, types her PIN and works in her own
window (her role's rail); she locks again; the advisor's PIN brings back his window with
what he had typed. Five wrong PINs lock the PIN: the login asks for the password.
All through ``run_gui``, the program as it runs, clicked and typed as a person does.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QWidget

from advisor.models import Customer
from advisor.services import customers, system, users
from advisor.services import settings as dealer_settings
from tests import factories
from tests.ui import person
from tests.ui.shell_support import workstation  # noqa: F401  (settings of this test only)
from ui import app as app_module
from ui import idle, messages
from ui.lock_screen import LockScreen
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.workspaces import ENTRIES

ADVISOR_PIN = "2580"
CASHIER_PIN = "1470"
UNSAVED = "张伟伟（未保存）"


def _show(qtbot: Any, window: QWidget) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _shown_main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def _lock_screen() -> LockScreen:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, LockScreen) and w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def _lock(qtbot: Any, window: MainWindow) -> LockScreen:
    """Ctrl+L in ``window``: the lock screen covers it and nothing of it stays on show."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    person.key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not _shown_main_windows())
    screen = _lock_screen()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


def _choose_name(qtbot: Any, screen: LockScreen, name: str) -> None:
    names: QListWidget = screen.names
    rows = [r for r in range(names.count()) if names.item(r).text() == name]
    assert rows, f"{name} is not on the lock screen: {[names.item(r).text() for r in range(names.count())]}"
    person.click_at(qtbot, names, names.model().index(rows[0], 0))
    assert person.focus() is screen.pin, "the PIN field takes the keys once the name is chosen"


def _enter_pin(qtbot: Any, screen: LockScreen, name: str, pin: str) -> None:
    _choose_name(qtbot, screen, name)
    person.type_text(qtbot, pin + "\n")


def _ok(dialog: LoginDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def counter(
    staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, tmp_path: Any, qapp: QApplication
) -> Any:
    """The advisor and the cashier signed in with their passwords this morning and set
    their PINs; ``run_gui`` runs over the test database."""
    dealer_settings.set_up_dealer(
        name="星辉汽车服务有限公司",
        address="北京市朝阳区",
        phone="010-88886666",
        tax_no="91110105MA01ABCD2X",
        labour_rate_cents=18_000,
        actor=staff.admin,
    )
    customers.create_customer(actor=staff.advisor, name="张伟", phone="13812345678")
    for who, pin in ((staff.advisor, ADVISOR_PIN), (staff.cashier, CASHIER_PIN)):
        me = users.login(username=who.username, password=factories.PASSWORD)
        users.set_pin(actor=me, password=factories.PASSWORD, pin=pin)
    monkeypatch.setattr(system, "open_database", lambda url=None: "test.db")
    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "log.txt")
    monkeypatch.setattr(app_module.crash, "install", lambda path: None)
    monkeypatch.setattr(app_module, "BACKUP_DELAY_MS", 2_000_000_000)
    hook = sys.excepthook
    yield
    assert sys.excepthook is hook


def _run(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    username: str,
    in_windows: Callable[[MainWindow], None],
    later_login: Callable[[LoginDialog], None] | None = None,
    url: str | None = None,
) -> None:
    """Log in as ``username`` with the password, then ``in_windows(first window)``; a later
    login (from the lock screen) goes to ``later_login``. The program must end with 0."""
    failures: list[BaseException] = []
    calls = 0
    fuse = QTimer()
    fuse.setSingleShot(True)
    fuse.timeout.connect(_quit_all)

    def act() -> None:
        try:
            (window,) = _shown_main_windows()
            _show(qtbot, window)
            in_windows(window)
        except BaseException as exc:  # reported after the loop, which must end either way
            failures.append(exc)
        _quit_all(shown_only=True)  # the person quits (Ctrl+Q), and says yes if asked
        if any(isinstance(w, LockScreen) and w.isVisible() for w in QApplication.topLevelWidgets()):
            QApplication.exit(0)  # still locked (a failure): end the program

    def exec_(dialog: LoginDialog) -> int:
        nonlocal calls
        calls += 1
        _show(qtbot, dialog)
        if calls == 1:
            person.fill(qtbot, dialog.username, username)
            person.fill(qtbot, dialog.password, factories.PASSWORD)
            person.click(qtbot, _ok(dialog))
            assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
            QTimer.singleShot(0, act)
            fuse.start(60_000)
        elif later_login is not None:
            later_login(dialog)
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    try:
        assert app_module.run_gui(["--lang", "en", *(["--database", url] if url else [])]) == 0
    finally:
        fuse.stop()
    if failures:
        raise failures[0]


def _quit_all(shown_only: bool = False) -> None:
    """Close the main windows (the shown ones), answering yes to "others are signed in"."""
    with messages.capture(answer=True):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and (w.isVisible() or not shown_only):
                w.close()


def _type_unsaved(qtbot: Any, window: MainWindow) -> QLineEdit:
    """The advisor finds 张伟 in Customers & vehicles and retypes the name, unsaved."""
    row = window.workspace_keys().index("customers")
    person.click_at(qtbot, window.rail, window.rail.model().index(row, 0))
    ws = window.workspace("customers")
    assert ws is not None
    person.fill(qtbot, ws.lookup, "张伟")  # type: ignore[attr-defined]
    found: QListWidget = ws.found  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: found.count() > 0)
    person.click_at(qtbot, found, found.model().index(0, 0))
    name: QLineEdit = ws.name  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: name.text() == "张伟" and name.isEnabled())
    person.fill(qtbot, name, UNSAVED)
    return name


def test_a_colleague_switches_in_with_a_pin_and_the_first_window_comes_back_as_it_was(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    def in_windows(first: MainWindow) -> None:
        assert first.ctx.actor.username == staff.advisor.username
        field = _type_unsaved(qtbot, first)
        screen = _lock(qtbot, first)
        # The lock screen shows names only: nothing the advisor was working on.
        shown = [w.text() for w in screen.findChildren(QLabel)]
        shown += [screen.names.item(r).text() for r in range(screen.names.count())]
        assert not [t for t in shown if "张伟" in t or "13812345678" in t], shown
        assert {"李娜", "刘芳"} <= set(shown)

        _enter_pin(qtbot, screen, "刘芳", CASHIER_PIN)
        qtbot.waitUntil(lambda: len(_shown_main_windows()) == 1, timeout=10_000)
        (second,) = _shown_main_windows()
        assert second is not first and second.ctx.actor.username == staff.cashier.username
        assert not screen.isVisible()
        rail = [second.rail.item(r).text() for r in range(second.rail.count())]
        assert rail != [first.rail.item(r).text() for r in range(first.rail.count())]
        assert second.workspace_keys() == [  # her role's rail, not the advisor's
            e.key for e in ENTRIES if e.permission is None or users.may("cashier", e.permission)
        ]
        assert second.rail.currentRow() == second.workspace_keys().index(second.home_key())

        screen = _lock(qtbot, second)
        _enter_pin(qtbot, screen, "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)
        assert field.text() == UNSAVED  # what he had typed, still there, unsaved
        assert first.workspace("customers") is not None and first.stack.currentWidget() is first.workspace(
            "customers"
        )

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows)
    assert [c.name for c in Customer.select()] == ["张伟"]  # nothing was saved


def test_five_wrong_pins_lock_the_pin_and_the_password_is_asked(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    asked: list[tuple[str, str]] = []

    def later_login(dialog: LoginDialog) -> None:
        asked.append((dialog.username.text(), dialog.error.text()))
        assert person.focus() is dialog.password  # the name is filled in: the password next
        person.type_text(qtbot, factories.PASSWORD)
        person.click(qtbot, _ok(dialog))

    def in_windows(first: MainWindow) -> None:
        field = _type_unsaved(qtbot, first)
        screen = _lock(qtbot, first)
        _choose_name(qtbot, screen, "李娜")
        for left in (4, 3, 2, 1):  # the PIN field keeps the keys for the next try
            person.type_text(qtbot, "9157\n")
            said = f"Wrong PIN: {left} tries left."
            qtbot.waitUntil(lambda said=said: screen.message.text() == said)
            assert person.focus() is screen.pin and screen.pin.text() == ""
        person.type_text(qtbot, "9157\n")  # the fifth: the login comes, asking the password
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)
        assert field.text() == UNSAVED

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows, later_login)
    assert asked == [
        (
            staff.advisor.username,
            "The PIN is locked after 5 wrong tries: sign in with your password.",
        )
    ]


def test_a_pin_typed_before_a_name_is_chosen_counts_against_nobody(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """The list makes its first row current when it takes the focus: that is no choice."""

    def in_windows(first: MainWindow) -> None:
        screen = _lock(qtbot, first)
        assert screen.chosen_user() is None
        person.click(qtbot, screen.pin)
        person.type_text(qtbot, "9157\n")
        assert screen.message.text() == "Choose your name first."
        assert person.focus() is screen.names
        _enter_pin(qtbot, screen, "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows)
    from advisor.models import User

    assert {u.pin_failures for u in User.select()} == {0}


def test_log_out_ends_only_that_session_and_the_last_one_returns_to_the_login(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    logins: list[str] = []

    def later_login(dialog: LoginDialog) -> None:
        logins.append(dialog.username.text())
        dialog.reject()

    def in_windows(first: MainWindow) -> None:
        field = _type_unsaved(qtbot, first)
        screen = _lock(qtbot, first)
        _enter_pin(qtbot, screen, "刘芳", CASHIER_PIN)
        qtbot.waitUntil(lambda: len(_shown_main_windows()) == 1 and _shown_main_windows()[0] is not first)
        (second,) = _shown_main_windows()
        assert second.ctx.actor.username == staff.cashier.username
        person.key(
            qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        # The cashier is gone; the advisor is still signed in here: the lock screen, not the login.
        qtbot.waitUntil(lambda: not _shown_main_windows())  # her window closed (and deleted)
        screen = _lock_screen()
        names = {
            screen.names.item(r).text(): screen.names.item(r).font().bold()
            for r in range(screen.names.count())
        }
        assert names["李娜"] and not names["刘芳"]  # bold: still signed in on this PC
        assert logins == []
        _enter_pin(qtbot, screen, "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)
        assert field.text() == UNSAVED
        person.key(
            qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows, later_login)
    assert logins == [staff.advisor.username]  # nobody left: the login, as before


def test_set_my_pin_from_the_session_menu(
    qtbot: Any, staff: factories.Staff, make_ctx: Callable[[str], Any]
) -> None:
    window = MainWindow(make_ctx("cashier"))
    person.show_window(qtbot, window)
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.logout_action.shortcut().toString() == "Ctrl+Shift+L"
    assert window.pin_action in window.session_menu.actions()
    steps: list[str] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "setPinDialog"
        fields = {n: dialog.findChild(QLineEdit, n) for n in ("pinPassword", "pinNew", "pinAgain")}
        save = dialog.findChild(QWidget, "pinSave")
        error = dialog.findChild(QLabel, "pinError")
        person.fill(qtbot, fields["pinPassword"], factories.PASSWORD)
        person.fill(qtbot, fields["pinNew"], "1111")
        person.fill(qtbot, fields["pinAgain"], "1111")
        person.click(qtbot, save)
        qtbot.waitUntil(lambda: error.isVisible())
        steps.append(error.text())
        assert person.focus() is fields["pinNew"]
        person.type_text(qtbot, "14a70")  # the field takes digits only
        assert fields["pinNew"].text() == "1470"
        person.fill(qtbot, fields["pinAgain"], "1407")
        person.click(qtbot, save)
        steps.append(error.text())
        person.fill(qtbot, fields["pinNew"], "1470")
        person.fill(qtbot, fields["pinAgain"], "1470")
        person.click(qtbot, save)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    QTimer.singleShot(0, in_dialog)
    window.pin_action.trigger()
    assert steps == [
        "This PIN is too easy to guess (one digit repeated, or a run such as 1234): choose another.",
        "The two PINs differ: type the same PIN twice.",
    ]
    assert users.login_pin(username=staff.cashier.username, pin="1470").user_id == staff.cashier.user_id


def test_the_needs_tray_of_a_locked_window_does_not_bring_it_back(
    qtbot: Any, make_ctx: Callable[[str], Any]
) -> None:
    """A click on the tray's message or icon shows its window: not while that window is
    locked away (only a PIN or the password brings it back)."""
    window = MainWindow(make_ctx("advisor"))
    person.show_window(qtbot, window)
    tray = window.needs_tray
    window.hide()  # what Ctrl+L does to it
    tray._clicked()
    tray._front()
    QApplication.processEvents()
    assert not window.isVisible()


def test_an_account_changed_under_a_session_ends_only_that_session(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """The shown session refused (the cashier deactivated): the lock screen says why while
    the advisor is still signed in here. A hidden session refused (the manager re-roled
    while the advisor works) ends alone, without touching the window in front."""
    manager = users.login(username=staff.manager.username, password=factories.PASSWORD)
    users.set_pin(actor=manager, password=factories.PASSWORD, pin="3691")

    def in_windows(first: MainWindow) -> None:
        screen = _lock(qtbot, first)
        _enter_pin(qtbot, screen, "周敏", "3691")
        qtbot.waitUntil(lambda: len(_shown_main_windows()) == 1 and _shown_main_windows()[0] is not first)
        (boss,) = _shown_main_windows()
        screen = _lock(qtbot, boss)
        _enter_pin(qtbot, screen, "刘芳", CASHIER_PIN)
        qtbot.waitUntil(
            lambda: len(_shown_main_windows()) == 1 and _shown_main_windows()[0] not in (first, boss)
        )
        (cashier,) = _shown_main_windows()
        # The manager's hidden session is refused (a live refresh of his screens would be).
        users.set_role(actor=staff.admin, user_id=staff.manager.user_id, role="technician")
        boss.ctx.ops.run(dealer_settings.read_dealer, parent=boss)
        qtbot.wait(50)
        assert _shown_main_windows() == [cashier] and cashier.isActiveWindow()
        # The cashier's own session is refused: the lock screen, saying why.
        users.set_active(actor=staff.admin, user_id=staff.cashier.user_id, active=False)
        cashier.ctx.ops.run(dealer_settings.read_dealer, parent=cashier)  # any call she makes
        qtbot.waitUntil(lambda: not _shown_main_windows())
        screen = _lock_screen()
        assert screen.message.text() == (
            "Your session has ended: the account has been deactivated. Please log in again."
        )
        bold = {
            screen.names.item(r).text()
            for r in range(screen.names.count())
            if screen.names.item(r).font().bold()
        }
        assert bold == {"李娜"}  # the advisor's session alone is left
        _enter_pin(qtbot, screen, "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows)


def test_the_first_sign_in_of_the_day_takes_the_password_from_the_lock_screen(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """The cashier's PIN is set but she has not signed in with her password today: her
    name says so, Enter opens the login with her name filled in, and her password opens
    her window."""
    import datetime as dt

    from advisor.models import User, now

    yesterday = now() - dt.timedelta(days=1)
    User.update(last_password_login_at=yesterday).where(User.id == staff.cashier.user_id).execute()
    asked: list[str] = []

    def later_login(dialog: LoginDialog) -> None:
        asked.append(dialog.username.text())
        assert person.focus() is dialog.password
        person.type_text(qtbot, factories.PASSWORD + "\n")

    def in_windows(first: MainWindow) -> None:
        screen = _lock(qtbot, first)
        names = screen.names
        row = next(r for r in range(names.count()) if names.item(r).text() == "刘芳")
        person.click_at(qtbot, names, names.model().index(row, 0))
        assert screen.message.text() == "First sign-in today: please enter your password."
        assert not screen.pin.isEnabled() and person.focus() is screen.password_button
        person.key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(_shown_main_windows()) == 1, timeout=10_000)
        (second,) = _shown_main_windows()
        assert second is not first and second.ctx.actor.username == staff.cashier.username

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows, later_login)
    assert asked == [staff.cashier.username]
    assert users.login_pin(username=staff.cashier.username, pin=CASHIER_PIN).user_id == staff.cashier.user_id


def test_another_desks_commit_reaches_every_session_of_the_pc(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None, url: str
) -> None:
    """One live bridge feeds every session: a customer saved at another workstation
    reaches the cashier's window in front and the advisor's, locked away."""
    import subprocess

    from advisor.services.opchanges import Kind
    from tests.ui.test_live_bridge import OTHER_WORKSTATION, ROOT

    heard: dict[str, list[Any]] = {"advisor": [], "cashier": []}

    def in_windows(first: MainWindow) -> None:
        screen = _lock(qtbot, first)
        _enter_pin(qtbot, screen, "刘芳", CASHIER_PIN)
        qtbot.waitUntil(lambda: len(_shown_main_windows()) == 1 and _shown_main_windows()[0] is not first)
        (second,) = _shown_main_windows()
        qtbot.wait(700)  # the SQLite poller has read its first data_version (PostgreSQL: LISTEN is up)
        first.ctx.ops.changed.connect(heard["advisor"].append)
        second.ctx.ops.changed.connect(heard["cashier"].append)
        other = subprocess.Popen(
            [sys.executable, "-c", OTHER_WORKSTATION, url, str(staff.advisor.user_id)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert other.stdout is not None and other.stdin is not None
            assert other.stdout.readline().strip() == "ready"
            heard["advisor"].clear()
            heard["cashier"].clear()
            other.stdin.write("go\n")
            other.stdin.flush()
            int(other.stdout.readline())
        finally:
            other.communicate(timeout=30)

        def told(who: str) -> bool:
            return any(c.touches(Kind.CUSTOMERS) for c in heard[who])

        qtbot.waitUntil(lambda: told("advisor") and told("cashier"), timeout=5000)
        assert not first.isVisible()

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows, url=url)


def _keep_busy(qtbot: Any, seconds: float, until: Callable[[], bool] = lambda: False) -> None:
    """A person at the keyboard: Shift now and then (it types nothing), ``seconds`` long
    or until ``until()``."""
    for _ in range(int(seconds * 20)):
        if until():
            return
        person.key(qtbot, Qt.Key.Key_Shift)
        qtbot.wait(50)


def test_the_window_locks_itself_after_the_minutes_without_input(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """The setting "lock the screen after" (a minute is a quarter second here): input keeps
    the window; none locks it as Ctrl+L does; the PIN brings it back as it was; 0 turns it off."""
    monkeypatch.setattr(idle, "SECONDS_PER_MINUTE", 0.25)
    dealer_settings.set_setting(actor=staff.manager, key="lock_idle_minutes", value=1)

    def in_windows(first: MainWindow) -> None:
        field = _type_unsaved(qtbot, first)
        _keep_busy(qtbot, 1.0)  # four "minutes" of typing: it stays open
        assert _shown_main_windows() == [first]
        qtbot.waitUntil(lambda: not _shown_main_windows(), timeout=3_000)  # hands off
        screen = _lock_screen()
        assert not first.isVisible()
        _enter_pin(qtbot, screen, "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)
        assert field.text() == UNSAVED
        # The manager turns it off at another desk meanwhile: read again before it locks.
        dealer_settings.set_setting(actor=staff.manager, key="lock_idle_minutes", value=0)
        qtbot.wait(1_000)  # four "minutes" without input
        assert _shown_main_windows() == [first] and not screen.isVisible()

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows)
    assert [c.name for c in Customer.select()] == ["张伟"]  # nothing was saved


def test_an_open_dialog_holds_the_idle_lock_until_it_closes(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """A modal dialog (a save asking a question, the PIN form) is not hidden half-way: the
    lock waits for it and comes as soon as it has closed."""
    monkeypatch.setattr(idle, "SECONDS_PER_MINUTE", 0.25)
    dealer_settings.set_setting(actor=staff.manager, key="lock_idle_minutes", value=1)
    seen: list[bool] = []

    def in_windows(first: MainWindow) -> None:
        def in_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert dialog is not None and dialog.objectName() == "setPinDialog"
            qtbot.wait(1_000)  # four "minutes" without input, the dialog open
            seen.append(first.isVisible() and dialog.isVisible())
            person.key(qtbot, Qt.Key.Key_Escape)

        QTimer.singleShot(0, in_dialog)
        first.pin_action.trigger()
        assert seen == [True]
        qtbot.waitUntil(lambda: not _shown_main_windows(), timeout=3_000)
        assert _lock_screen().isVisible()
        _enter_pin(qtbot, _lock_screen(), "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows)


def test_background_work_holds_the_idle_lock_until_it_ends(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """An export or a backup under way (no dialog: the window stays usable) is not locked
    away half-way; the lock comes when it has ended."""
    import threading

    monkeypatch.setattr(idle, "SECONDS_PER_MINUTE", 0.25)
    dealer_settings.set_setting(actor=staff.manager, key="lock_idle_minutes", value=1)
    gate = threading.Event()
    ended: list[bool] = []

    def in_windows(first: MainWindow) -> None:
        first.ctx.ops.run_in_background(
            lambda: gate.wait(10), parent=first, on_done=lambda outcome: ended.append(outcome.ok)
        )
        qtbot.wait(1_000)  # four "minutes" without input, the work still going
        assert _shown_main_windows() == [first] and ended == []
        gate.set()
        qtbot.waitUntil(lambda: not _shown_main_windows(), timeout=3_000)
        assert ended == [True]
        _enter_pin(qtbot, _lock_screen(), "李娜", ADVISOR_PIN)
        qtbot.waitUntil(lambda: _shown_main_windows() == [first], timeout=10_000)

    try:
        _run(qtbot, monkeypatch, staff.advisor.username, in_windows)
    finally:
        gate.set()


def test_quitting_asks_first_when_others_are_signed_in_here(
    qtbot: Any, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch, counter: None
) -> None:
    """The cashier quits (Ctrl+Q) while the advisor's window, with his unsaved input, is
    locked away: she is asked first; No keeps everything as it was."""

    def in_windows(first: MainWindow) -> None:
        field = _type_unsaved(qtbot, first)
        screen = _lock(qtbot, first)
        _enter_pin(qtbot, screen, "刘芳", CASHIER_PIN)
        qtbot.waitUntil(lambda: len(_shown_main_windows()) == 1, timeout=10_000)
        (second,) = _shown_main_windows()
        second.activateWindow()
        qtbot.waitUntil(second.isActiveWindow)
        with messages.capture(answer=False) as asked:
            person.key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert [kind for kind, _text in asked] == ["confirm"]
        assert "李娜 also signed in on this PC" in asked[0][1] and "Quit anyway?" in asked[0][1]
        assert _shown_main_windows() == [second]  # No: nothing closed
        assert field.text() == UNSAVED and not first.isVisible()

    _run(qtbot, monkeypatch, staff.advisor.username, in_windows)
    assert [c.name for c in Customer.select()] == ["张伟"]
