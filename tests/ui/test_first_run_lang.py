"""First run: the language is offered first and switches the dialog at once (and stays the
workstation's language); loading demo data shows its progress at once, not after 4 s."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from advisor.services import users
from tests import factories
from tests.ui.person import choose
from tests.ui.shell_support import workstation  # noqa: F401
from ui import app as app_module
from ui import first_run, i18n
from ui import workstation as ws_settings
from ui.first_run import FirstRunDialog
from ui.operations import Operations


def test_the_language_is_offered_first_and_switches_the_dialog(qtbot, database) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Set up Service Advisor"

    # First: above every other input, and where the keyboard starts.
    inputs = [
        w for w in dialog.findChildren(QWidget) if w.isVisible() and w.focusPolicy() and w is not dialog
    ]
    top = min(inputs, key=lambda w: w.mapTo(dialog, w.rect().topLeft()).y())
    assert top is dialog.language
    assert dialog.focusWidget() is dialog.language

    choose(qtbot, dialog.language, "中文（简体）")
    qtbot.wait(1)  # the change reaches every widget

    assert dialog.windowTitle() == "设置服务顾问系统"
    assert dialog.dealer_box.title() == "经销商"
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text() == "创建"
    # The program goes on in that language: this workstation starts in it next time.
    assert i18n.current() == "zh_CN"
    assert ws_settings.value(ws_settings.LANGUAGE) == "zh_CN"
    assert app_module.start_language(None) == "zh_CN"


def test_demo_data_shows_its_progress_at_once(qtbot, database, monkeypatch) -> None:
    view = users.create_first_admin(username="boss", display_name="Boss", password="s3cret-pass")
    admin = factories.Actor(view.id, view.username, view.display_name, view.role)

    def slow_demo(progress: Callable[[int, int], None], cancel: Callable[[], bool], orders: int) -> object:
        time.sleep(1.5)  # like 2,000 orders on a slow desk: ~3 s, one report near the end
        progress(orders, orders)
        return None

    monkeypatch.setattr(first_run, "_demo_call", slow_demo)
    clock = QElapsedTimer()
    seen: list[int] = []
    cancels: list[object] = []

    def look() -> None:
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
        ]
        if not seen and shown:
            seen.append(clock.elapsed())
            cancels.append(shown[0].findChild(QPushButton))

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(20)
    clock.start()
    assert first_run.load_demo(Operations(admin), None, orders=30)
    poll.stop()
    assert seen and seen[0] < 1000, f"the progress showed after {seen} ms"
    # The generator cannot stop half-way: no Cancel that would not cancel.
    assert cancels == [None]
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
