"""Live updates: a change committed by one connection reaches another's listener."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import peewee
import pytest

from advisor import live
from tests import factories
from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
def test_change_in_another_process_reaches_the_listener(staff: factories.Staff) -> None:
    got: list[str] = []
    arrived = threading.Event()

    def on_change(table: str) -> None:
        got.append(table)
        if table == "customer":
            arrived.set()

    listener = live.Listener(PG_URL, on_change=on_change)
    listener.start()
    assert listener.ready.wait(10)
    script = (
        "from advisor import db; from advisor.services import customers, users;"
        f"db.open_database({PG_URL!r});"
        "customers.create_customer(actor=users.system_actor(), name='李雷', phone='13900001111')"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, timeout=60)
    try:
        assert arrived.wait(2.0), f"no notification within 2 s (got {got})"
    finally:
        listener.stop()
        listener.join(5)


@pytest.mark.postgres
def test_rolled_back_change_is_not_announced(database: peewee.Database, staff: factories.Staff) -> None:
    got: list[str] = []
    listener = live.Listener(PG_URL, on_change=got.append)
    listener.start()
    assert listener.ready.wait(10)
    from advisor.errors import ValidationError
    from advisor.services import customers

    with pytest.raises(ValidationError):
        customers.create_customer(actor=staff.advisor, name="", phone="")
    marker = threading.Event()
    listener.on_change = lambda t: (got.append(t), marker.set())
    customers.create_customer(actor=staff.advisor, name="Ann", phone="")
    assert marker.wait(2.0)
    listener.stop()
    listener.join(5)
    assert got.count("customer") == 1


def test_every_watched_table_says_what_it_changes() -> None:
    """A notification from a table of no kind reloads every screen (EVERYTHING)."""
    from advisor.services.opchanges import EVERYTHING, TABLE_KINDS, Kind, of_table

    assert set(live.WATCHED) == set(TABLE_KINDS)
    assert of_table("setting").touches(Kind.SETTINGS) and of_table("setting") != EVERYTHING
    assert of_table("step_event").touches(Kind.RO) and of_table("step_event") != EVERYTHING


@pytest.mark.postgres
def test_a_setting_and_a_progress_update_reach_the_other_desks(staff: factories.Staff) -> None:
    """The idle lock's minutes changed at one desk, the customer told of the progress at
    another: both notify (migration 0011), so the other desks follow at once."""
    from advisor.services import inbox, settings

    got: list[str] = []
    seen = {"setting": threading.Event(), "step_event": threading.Event()}

    def on_change(table: str) -> None:
        got.append(table)
        if table in seen:
            seen[table].set()

    ro_id = factories.open_checked_in(staff)
    listener = live.Listener(PG_URL, on_change=on_change)
    listener.start()
    assert listener.ready.wait(10)
    try:
        settings.set_setting(actor=staff.manager, key="lock_idle_minutes", value=5)
        assert seen["setting"].wait(2.0), f"no notification of the setting within 2 s (got {got})"
        inbox.give_progress_update(actor=staff.advisor, ro_id=ro_id)
        assert seen["step_event"].wait(2.0), f"no notification of the timeline within 2 s (got {got})"
    finally:
        listener.stop()
        listener.join(5)


def test_sqlite_poller_sees_commits_of_other_connections(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "x.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    seen = threading.Event()
    poller = live.DataVersionPoller(str(path), on_change=lambda _t: seen.set(), interval=0.05)
    poller.start()
    assert poller.ready.wait(5)
    try:
        other = sqlite3.connect(path)
        other.execute("INSERT INTO t VALUES (1)")
        other.commit()
        assert seen.wait(2.0)
    finally:
        poller.stop()
        poller.join(2)


def test_the_sqlite_poller_ends_quietly_on_a_file_it_cannot_open(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    """A watch on a file that is gone (a test's folder removed, a share unplugged) logs and
    ends; it never dies with an exception in its thread."""
    import threading

    from advisor.live import DataVersionPoller

    errors: list[BaseException] = []
    old_hook = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)  # type: ignore[assignment]
    try:
        poller = DataVersionPoller(str(tmp_path / "gone" / "x.db"), on_change=lambda _t: None, interval=0.01)
        poller.start()
        poller.join(5)
    finally:
        threading.excepthook = old_hook
    assert not poller.is_alive() and errors == []
    assert "cannot watch" in caplog.text
