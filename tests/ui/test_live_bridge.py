"""Live updates reach the GUI as a Qt signal: a commit made by another process (PostgreSQL)
or another connection (SQLite) arrives as ``changed`` within 2 seconds."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from advisor.services import customers
from advisor.services.opchanges import EVERYTHING, Kind, OpChanges, of_table
from tests import factories
from ui.live import LiveBridge

ROOT = Path(__file__).resolve().parents[2]

# A second workstation: opens the same database, waits for "go", then saves a customer.
OTHER_WORKSTATION = textwrap.dedent(
    """
    import sys
    from advisor.services import customers, system
    from advisor.services._base import Actor

    url, user_id = sys.argv[1], int(sys.argv[2])
    system.open_database(url)
    print("ready", flush=True)
    sys.stdin.readline()
    c = customers.create_customer(actor=Actor(user_id, "li.na", "Li Na", "advisor"),
                                  name="Other Workstation", phone="13800138000")
    print(c.id, flush=True)
    """
)


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge()
    yield b
    b.stop()


@pytest.mark.postgres
def test_commit_by_another_process_arrives_within_two_seconds(
    qtbot: QtBot, bridge: LiveBridge, url: str, staff: factories.Staff
) -> None:
    with qtbot.waitSignal(bridge.status, timeout=5000) as up:
        bridge.start(url, shared=True)
    assert up.args == [True]
    assert bridge.wait_ready()
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
        with qtbot.waitSignal(
            bridge.changed, timeout=2000, check_params_cb=lambda changes: changes == OpChanges(Kind.CUSTOMERS)
        ):
            other.stdin.write("go\n")
            other.stdin.flush()
        customer_id = int(other.stdout.readline())
    finally:
        other.communicate(timeout=30)
    assert other.returncode == 0
    assert customers.get_customer(customer_id).name == "Other Workstation"


def test_sqlite_commit_by_another_connection_arrives(
    qtbot: QtBot, bridge: LiveBridge, tmp_path: Path
) -> None:
    path = tmp_path / "shop.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    con.commit()
    bridge.start(f"sqlite:///{path}", shared=False)
    assert bridge.running
    qtbot.wait(700)  # the poller has read its first data_version
    with qtbot.waitSignal(bridge.changed, timeout=2000) as blocker:
        con.execute("INSERT INTO note (text) VALUES ('from another window')")
        con.commit()
    con.close()
    assert blocker.args == [EVERYTHING]  # SQLite does not say which tables


def test_a_burst_of_notifications_becomes_one_signal(qtbot: QtBot, bridge: LiveBridge) -> None:
    bridge._thread = object()  # type: ignore[assignment]  # pretend a listener is running
    seen: list[OpChanges] = []
    bridge.changed.connect(seen.append)
    try:
        for table in ["repair_order", "estimate_line", "customer", "repair_order", "vehicle"] * 20:
            bridge._raw_change.emit(table)
        qtbot.waitUntil(lambda: bool(seen), timeout=1000)
        qtbot.wait(150)
        assert seen == [OpChanges(Kind.RO | Kind.ESTIMATE | Kind.PARTS | Kind.CUSTOMERS)]
        assert not seen[0].touches(Kind.BOARD | Kind.USERS)  # the board and the users stay
        seen.clear()
        bridge._raw_change.emit("assignment")
        bridge._raw_change.emit("*")  # after a reconnect: everything
        qtbot.waitUntil(lambda: bool(seen), timeout=1000)
        qtbot.wait(150)
        assert seen == [EVERYTHING]
    finally:
        bridge._thread = None


def test_unknown_tables_mean_reload() -> None:
    assert of_table("appointment") == OpChanges(Kind.APPOINTMENTS)
    assert of_table("something_new") == EVERYTHING
    assert of_table("*") == EVERYTHING


def test_safety_poll_reloads_on_postgres_only_while_started(qtbot: QtBot, qapp: object) -> None:
    b = LiveBridge(safety_poll_ms=50)
    b._safety.start()
    with qtbot.waitSignal(b.changed, timeout=1000) as blocker:
        pass
    assert blocker.args == [EVERYTHING]
    b.stop()
    assert not b._safety.isActive()
