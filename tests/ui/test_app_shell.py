"""The shell: first run, login, language switch, the rail per role, Ctrl+K."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from advisor import i18n as domain_i18n
from advisor.services import settings, users
from tests import factories
from tests.ui.shell_support import type_text, workstation  # noqa: F401
from ui import app as app_module
from ui import main_window as main_window_module
from ui import workstation as ws_settings
from ui.context import AppContext
from ui.first_run import FirstRunDialog
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.workspace import Workspace
from ui.workspaces import Entry


def ok(buttons: QDialogButtonBox) -> object:
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_first_run_creates_the_dealer_and_the_administrator(qtbot, database) -> None:
    assert not users.has_users()
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    type_text(dialog.dealer_name, "北京华通汽车服务有限公司")
    type_text(dialog.address, "北京市朝阳区建国路 88 号")
    qtbot.keyClicks(dialog.phone, "010-88886666")
    qtbot.keyClicks(dialog.tax_no, "91110105MA01ABCD2X")
    dialog.labour_rate.selectAll()
    qtbot.keyClicks(dialog.labour_rate.lineEdit(), "220.50")
    qtbot.keyClicks(dialog.username, "boss")
    type_text(dialog.display_name, "王经理")
    qtbot.keyClicks(dialog.password, "s3cret-pass")
    qtbot.keyClicks(dialog.password2, "s3cret-pass")
    qtbot.mouseClick(ok(dialog.buttons), Qt.MouseButton.LeftButton)

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    admins = users.list_users(role="admin")
    assert [(u.username, u.display_name) for u in admins] == [("boss", "王经理")]
    dealer = settings.dealer()
    assert dealer.name == "北京华通汽车服务有限公司"
    assert dealer.tax_no == "91110105MA01ABCD2X"
    assert dealer.labour_rate_cents == 22050


def test_first_run_refuses_different_passwords_and_keeps_the_input(qtbot, database) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.dealer_name, "华通")
    qtbot.keyClicks(dialog.username, "boss")
    type_text(dialog.display_name, "王经理")
    qtbot.keyClicks(dialog.password, "s3cret-pass")
    qtbot.keyClicks(dialog.password2, "s3cret-pasX")
    qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)  # Enter confirms the dialog

    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert "passwords differ" in dialog.error.text()
    assert not users.has_users()
    assert dialog.username.text() == "boss"


def test_login_success_remembers_the_user_name(qtbot, staff) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "li.na")
    qtbot.keyClicks(dialog.password, factories.PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == "advisor"
    assert ws_settings.value(ws_settings.LAST_USER) == "li.na"
    again = LoginDialog()
    qtbot.addWidget(again)
    assert again.username.text() == "li.na"


def test_login_failure_is_shown_in_the_dialog_and_keeps_the_user_name(qtbot, staff) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "li.na")
    qtbot.keyClicks(dialog.password, "wrong password")
    qtbot.mouseClick(ok(dialog.buttons), Qt.MouseButton.LeftButton)

    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Wrong user name or password."
    assert dialog.username.text() == "li.na"
    assert dialog.password.text() == ""


def test_login_language_choice_switches_the_dialog(qtbot, staff) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.user_label.text() == "&User name:"
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.user_label.text() == "用户名(&U)：")
    assert domain_i18n.language() == "zh_CN"
    assert ws_settings.value(ws_settings.LANGUAGE) == "zh_CN"
    qtbot.keyClicks(dialog.username, "li.na")
    qtbot.keyClicks(dialog.password, "wrong password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text() == "用户名或密码错误。"


def test_language_switch_at_run_time(qtbot, make_ctx: Callable[..., AppContext]) -> None:
    window = MainWindow(make_ctx("manager"))
    qtbot.addWidget(window)
    window.show()
    today = window.workspace("today")
    assert today is not None
    heading: QLabel = today.lane_titles[0]
    assert window.rail.item(0).text() == "Today"
    assert heading.text().startswith("Arriving")

    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: heading.text().startswith("预约到店"))
    assert window.rail.item(0).text() == "今日"
    assert window.ctx.lang == "zh_CN"
    assert domain_i18n.language() == "zh_CN"
    assert window.user_label.text() == "当前用户：周敏 · 服务经理"

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: heading.text().startswith("Arriving"))
    assert window.rail.item(0).text() == "Today"
    assert domain_i18n.language() == "en"
    assert window.user_label.text() == "Logged in: 周敏 · Service manager"


@dataclass(frozen=True)
class _FakeEntry(Entry):
    fake: type[Workspace] | None = None

    def load(self) -> type[Workspace]:
        assert self.fake is not None
        return self.fake


def _fake(key: str, permission: str | None) -> _FakeEntry:
    def title(self: Workspace) -> str:
        return key

    cls = type(f"Fake_{key}", (Workspace,), {"key": key, "permission": permission, "title": title})
    return _FakeEntry(f"fake.{key}", key, permission, "SP_FileIcon", cls.__name__, key, fake=cls)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("advisor", ["desk", "appointments"]),
        ("manager", ["desk", "appointments", "reports"]),
        ("admin", ["desk", "reports", "admin"]),
        ("technician", ["desk"]),
    ],
)
def test_rail_shows_only_what_the_role_may_open(qtbot, make_ctx, monkeypatch, role, expected) -> None:
    fakes = [
        _fake("desk", None),
        _fake("appointments", "appointment.book"),
        _fake("reports", "kpi.view"),
        _fake("admin", "users.manage"),
    ]
    monkeypatch.setattr(main_window_module, "ENTRIES", tuple(fakes))
    window = MainWindow(make_ctx(role))
    qtbot.addWidget(window)
    assert window.workspace_keys() == expected
    assert [window.rail.item(i).text() for i in range(window.rail.count())] == expected
    assert window.open_workspace("reports") is (
        None if "reports" not in expected else window.workspace("reports")
    )
    assert window.rail.item(0).toolTip() == "desk (Ctrl+1)"


@pytest.mark.parametrize(
    ("role", "home"),
    [("advisor", "desk"), ("foreman", "board"), ("technician", "jobs"), ("manager", "desk")],
)
def test_each_role_starts_the_day_on_its_home(qtbot, make_ctx, monkeypatch, role, home) -> None:
    fakes = [_fake("desk", None), _fake("board", "work.clock"), _fake("jobs", "work.clock")]
    fakes[1] = dataclasses.replace(fakes[1], home_for=frozenset({"foreman"}))
    fakes[2] = dataclasses.replace(fakes[2], home_for=frozenset({"technician"}))
    monkeypatch.setattr(main_window_module, "ENTRIES", tuple(fakes))
    window = MainWindow(make_ctx(role))
    qtbot.addWidget(window)
    assert window.home_key() == home
    assert window.stack.currentWidget() is window.workspace(home)
    assert window.rail.currentItem().text() == home


class _Probe:
    """Stands in for a workspace so that ``title()`` runs without building one."""

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_each_rail_entry_matches_its_workspace_class(qapp, lang: str) -> None:
    """The rail is drawn from ENTRIES without importing the workspaces (start-up time);
    each entry must say what its class says, and its title must translate."""
    from ui import i18n
    from ui.workspaces import ENTRIES

    i18n.set_language(lang)
    try:
        for entry in ENTRIES:
            cls = entry.load()
            assert (cls.key, cls.permission, cls.icon_name, cls.__name__) == (
                entry.key,
                entry.permission,
                entry.icon_name,
                entry.context,
            )
            assert entry.translated_title() == cls.title(_Probe(entry.context))  # type: ignore[arg-type]
            if lang == "zh_CN":
                assert entry.translated_title() != entry.title, f"{entry.key} title is not translated"
    finally:
        i18n.set_language("en")


def test_start_up_loads_only_the_first_workspace(qtbot, make_ctx, monkeypatch) -> None:
    """Other workspaces' modules load when first opened (launch benchmark, issue 3)."""
    loaded: list[str] = []
    real_load = Entry.load

    def load(self: Entry) -> type[Workspace]:
        loaded.append(self.key)
        return real_load(self)

    monkeypatch.setattr(Entry, "load", load)
    window = MainWindow(make_ctx("manager"))
    qtbot.addWidget(window)
    window.show()
    assert loaded == ["today"]
    assert window.rail.item(window.workspace_keys().index("dashboard")).text() == "Reports"
    assert window.open_workspace("dashboard") is window.workspace("dashboard") is not None
    assert loaded == ["today", "dashboard"]


def test_ctrl_k_focuses_the_search_from_anywhere(qtbot, make_ctx) -> None:
    window = MainWindow(make_ctx("advisor"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.rail.setFocus()
    qtbot.waitUntil(window.rail.hasFocus)
    qtbot.keyClick(window.rail, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.edit.hasFocus)


def test_window_geometry_is_kept_per_workstation(qtbot, make_ctx) -> None:
    window = MainWindow(make_ctx("advisor"))
    qtbot.addWidget(window)
    window.show()
    window.resize(window.width(), 520)
    window.close()
    again = MainWindow(make_ctx("advisor"))
    qtbot.addWidget(again)
    assert again.height() == 520  # (offscreen Qt adjusts the width by its frame)


def test_unknown_argument_is_refused_with_a_message(capsys) -> None:
    assert app_module.run_gui(["--colour", "red"]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --colour red" in err
    assert "--database URL" in err


def test_a_database_that_cannot_be_opened_says_so_and_exits_1(monkeypatch, tmp_path, qapp) -> None:
    from advisor.errors import StorageError
    from advisor.services import system

    boxes: list[str] = []

    def refuse(url: str | None = None) -> str:
        raise StorageError("Cannot reach the database (db.example/advisor).", "无法连接数据库。")

    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "test.log")
    monkeypatch.setattr(app_module.crash, "install", lambda path: None)
    monkeypatch.setattr(system, "open_database", refuse)
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: boxes.append(f"{title}: {text}")
    )
    assert app_module.run_gui(["--database", "postgresql://db.example/advisor", "--lang", "en"]) == 1
    assert len(boxes) == 1
    assert boxes[0].startswith("Cannot open the database: Cannot reach the database (db.example/advisor).")


def test_demo_data_loads_in_a_worker_thread(qtbot, database) -> None:
    from advisor.services import orders
    from ui.first_run import demo_available, load_demo
    from ui.operations import Operations

    if not demo_available():
        pytest.skip("advisor.demo not built")
    view = users.create_first_admin(username="boss", display_name="Boss", password="s3cret-pass")
    admin = factories.Actor(view.id, view.username, view.display_name, view.role)
    assert load_demo(Operations(admin), None, orders=30)
    assert orders.open_orders()


def test_the_shell_translation_is_complete() -> None:
    import xml.etree.ElementTree as ET

    from ui.i18n import TRANSLATIONS_DIR

    root = ET.parse(TRANSLATIONS_DIR / "shell_zh_CN.ts").getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 150
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


def test_the_view_menu_shows_an_ampersand_in_a_title_as_written(qtbot, make_ctx, monkeypatch) -> None:
    """The View menu shows "Customers & vehicles", not "Customers _vehicles" (a menu takes a
    lone "&" as the mark of its Alt+letter)."""
    monkeypatch.setattr(main_window_module, "ENTRIES", (_fake("desk", None), _fake("A & B", None)))
    window = MainWindow(make_ctx("advisor"))
    qtbot.addWidget(window)
    action = window.go_actions[1]
    assert action.text() == "A && B"
    assert action.iconText() == "A & B"  # what the menu draws, the mark undone
    assert window.rail.item(1).text() == "A & B"
