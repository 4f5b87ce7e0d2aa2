"""The login dialog's buttons keep their own names when the language is switched in it
(the button box renamed them to its standard 确定/取消)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.shell_support import workstation  # noqa: F401
from ui.login import LoginDialog


def test_switching_the_language_keeps_the_log_in_button_name(qtbot, staff) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.text() == "Log in"
    assert dialog.language.currentText() == "English"
    # The language by the keyboard (the popup is what the first-run test clicks).
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down if dialog.language.currentIndex() == 0 else Qt.Key.Key_Up)
    assert dialog.language.currentText() == "中文（简体）"
    # The LanguageChange events are posted: wait until they reach the buttons (a fixed
    # 1 ms wait failed on a loaded machine, between Qt's own "确定" and ours).
    qtbot.waitUntil(lambda: ok.text() == "登录", timeout=5000)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "取消"
