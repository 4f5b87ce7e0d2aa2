"""The start: the login is the first window, shown before the domain (peewee, the database
drivers, the models) is imported; the database is opened behind it, or the first run
comes instead when it has no user yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from advisor.services import settings as dealer_settings
from advisor.services import system
from tests import factories
from tests.ui.shell_support import workstation  # noqa: F401  (settings of this test only)
from ui import app as app_module
from ui.first_run import FirstRunDialog
from ui.login import LoginDialog

ROOT = Path(__file__).resolve().parents[2]

# The real start (main.main), with the login watched: what was imported when it was first
# shown, and what it showed once the database was opened behind it; then it is cancelled.
START = r"""
import json, sys
import main
from PySide6.QtCore import QTimer
import ui.login

DOMAIN = ("peewee", "psycopg", "advisor.models", "advisor.db", "advisor.services.users")
seen = {}

class WatchedLogin(ui.login.LoginDialog):
    def exec(self):
        QTimer.singleShot(0, self.shown)
        return super().exec()

    def shown(self):
        seen["visible"] = self.isVisible()
        seen["imported_when_shown"] = [m for m in DOMAIN if m in sys.modules]
        seen["heading_when_shown"] = self.heading.text()
        QTimer.singleShot(50, self.later)

    def later(self):
        if not self.prepare_now():
            seen["closed"] = True
            return
        seen["heading"] = self.heading.text()
        seen["imported_later"] = [m for m in DOMAIN if m in sys.modules]
        self.reject()

ui.login.LoginDialog = WatchedLogin
code = main.main(["--database", sys.argv[1], "--lang", "en"])
print(json.dumps(seen))
sys.exit(code)
"""


def _start(url: str, home: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", START, url], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_login_shows_before_the_domain_is_imported_and_the_database_opens_behind_it(
    staff: factories.Staff, url: str, tmp_path: Path
) -> None:
    dealer_settings.set_up_dealer(
        name="星辉汽车服务",
        address="北京市",
        phone="010-88886666",
        tax_no="91110105MA01ABCD2X",
        labour_rate_cents=18_000,
        actor=staff.admin,
    )
    seen = _start(url, tmp_path / "home")
    assert seen["visible"]
    assert seen["imported_when_shown"] == []
    assert seen["heading_when_shown"] == "Service Advisor"  # this workstation never read it
    assert seen["heading"] == "星辉汽车服务"  # read once the database was open
    assert "advisor.models" in seen["imported_later"] and "peewee" in seen["imported_later"]
    again = _start(url, tmp_path / "home")  # the next start shows the name it remembered at once
    assert again["heading_when_shown"] == "星辉汽车服务" and again["imported_when_shown"] == []


def test_a_database_without_users_closes_the_login_for_the_first_run(
    qtbot: Any,
    database: object,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    workstation: Path,  # noqa: F811
    qapp: QApplication,
) -> None:
    events: list[str] = []

    def exec_login(dialog: LoginDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        events.append("login shown")
        qtbot.waitUntil(lambda: not dialog.isVisible())  # prepare found no user and closed it
        events.append(f"login closed ({dialog.result() == LoginDialog.DialogCode.Rejected and 'rejected'})")
        return dialog.result()

    def exec_first_run(dialog: FirstRunDialog) -> int:
        events.append("first run")
        return FirstRunDialog.DialogCode.Rejected

    monkeypatch.setattr(system, "open_database", lambda url=None: "test.db")
    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "log.txt")
    monkeypatch.setattr(app_module.crash, "install", lambda path: None)
    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    monkeypatch.setattr(FirstRunDialog, "exec", exec_first_run)
    assert app_module.run_gui(["--lang", "en"]) == 0  # the first run was cancelled
    assert events == ["login shown", "login closed (rejected)", "first run"]
