"""The manager's dashboard: filters change the figures, the change against the previous
period is shown, a tile or a bar lists exactly the ROs behind it, the export can be
cancelled without leaving a file, and only managers and administrators see any of it.

Five ROs: in the period (Mon 2 – Wed 4 March 2026) 李娜 opens three and Tom one; in the
previous period of the same length (27 Feb – 1 Mar) 李娜 opens one.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from advisor import kpi
from advisor.models import RepairOrder
from reports import excel
from tests import factories
from tests.ui.shell_support import workstation  # noqa: F401
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.workspaces.dashboard import WORKSPACE, DashboardWorkspace

START, END = dt.date(2026, 3, 2), dt.date(2026, 3, 4)


def _arrive(ro_id: int, at: dt.datetime, advisor_id: int | None = None) -> None:
    changes: dict[Any, Any] = {RepairOrder.arrived_at: at}
    if advisor_id is not None:
        changes[RepairOrder.advisor] = advisor_id
    RepairOrder.update(changes).where(RepairOrder.id == ro_id).execute()


@pytest.fixture
def shop(staff: factories.Staff) -> dict[str, Any]:
    li, tom = staff.advisor.user_id, staff.advisor2.user_id
    ros = {}
    for name, at, who in (
        ("A", dt.datetime(2026, 3, 2, 9), None),
        ("B", dt.datetime(2026, 3, 3, 10), None),
        ("C", dt.datetime(2026, 3, 4, 8), None),
        ("T", dt.datetime(2026, 3, 3, 14), tom),
        ("P", dt.datetime(2026, 2, 28, 11), None),
    ):
        ros[name] = factories.open_checked_in(staff)
        _arrive(ros[name], at, who)
    return {"li": li, "tom": tom, **ros}


@pytest.fixture
def dashboard(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], shop: dict[str, Any], shown: list[tuple[str, str]]
) -> Iterator[DashboardWorkspace]:
    ws = DashboardWorkspace(make_ctx("manager"))
    qtbot.addWidget(ws)
    ws.resize(1400, 900)
    ws.set_period(START, END)
    ws.show()
    wait_loaded(qtbot, ws)
    yield ws
    ws.wait_idle()
    ws.ctx.ops.wait_idle(10_000)


def wait_loaded(
    qtbot: QtBot, ws: DashboardWorkspace, advisor_id: int | None = None, technician_id: int | None = None
) -> None:
    want = (START, END, advisor_id, technician_id)
    qtbot.waitUntil(
        lambda: not ws.busy and ws.snapshot is not None and ws.snapshot.filters == want, timeout=15_000
    )


def drilled_ids(ws: DashboardWorkspace) -> list[int]:
    return [r.id for r in ws.drill_model.rows]


def choose(combo: Any, data: int | None) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_tiles_show_the_department_figures(dashboard: DashboardWorkspace) -> None:
    dept = kpi.department(START, END)
    assert dept.opened == 4
    tile = dashboard.tiles["opened"]
    assert tile.value == 4
    assert tile.figure.text() == "4"
    assert dashboard.tiles["appointment_share"].figure.text() == "0.0%"  # all four walked in


def test_the_advisor_filter_changes_a_tile_to_that_advisors_figure(
    qtbot: QtBot, dashboard: DashboardWorkspace, shop: dict[str, Any]
) -> None:
    rows = {r.advisor_id: r.kpis for r in kpi.per_advisor(START, END)}
    assert (rows[shop["li"]].opened, rows[shop["tom"]].opened) == (3, 1)
    for who in ("tom", "li"):
        choose(dashboard.advisor, shop[who])
        wait_loaded(qtbot, dashboard, advisor_id=shop[who])
        assert dashboard.tiles["opened"].value == rows[shop[who]].opened
        assert dashboard.tiles["opened"].figure.text() == str(rows[shop[who]].opened)
    choose(dashboard.advisor, None)
    wait_loaded(qtbot, dashboard)
    assert dashboard.tiles["opened"].value == 4


def test_the_change_against_the_previous_period_is_shown(
    qtbot: QtBot, dashboard: DashboardWorkspace, shop: dict[str, Any]
) -> None:
    assert kpi.department(dt.date(2026, 2, 27), dt.date(2026, 3, 1)).opened == 1
    change = dashboard.tiles["opened"].change
    assert change.text() == "▲ +3 (+300.0%)"
    assert "#2e7d32" in change.styleSheet()  # more ROs: green, and the arrow and sign say so
    assert "27" in dashboard.compared.text() or "2/27" in dashboard.compared.text()
    choose(dashboard.advisor, shop["tom"])
    wait_loaded(qtbot, dashboard, advisor_id=shop["tom"])
    assert change.text() == "▲ +1"  # nothing before: no percentage
    # a rate with nothing to compare says so instead of inventing a change
    assert dashboard.tiles["on_time"].change.text() == "– no comparison"


def test_a_worse_figure_is_red_with_a_down_arrow(dashboard: DashboardWorkspace) -> None:
    from ui.dashboard.texts import change_text

    text, colour = change_text("rate", 1, kpi.Ratio(1, 4).rate, kpi.Ratio(1, 2).rate)
    assert (text, colour) == ("▼ −25.0 pts", "#c62828")
    text, colour = change_text("rate", -1, kpi.Ratio(1, 4).rate, kpi.Ratio(1, 2).rate)
    assert colour == "#2e7d32"  # fewer comebacks: better


def test_clicking_a_tile_lists_exactly_the_ros_behind_it(
    qtbot: QtBot, dashboard: DashboardWorkspace, shop: dict[str, Any]
) -> None:
    QTest.mouseClick(dashboard.tiles["opened"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dashboard.busy and dashboard.drill_model.rows != [], timeout=15_000)
    expected = [r.id for r in kpi.drill_down("opened", START, END)]
    assert drilled_ids(dashboard) == expected
    assert set(expected) == {shop["A"], shop["B"], shop["C"], shop["T"]}
    assert dashboard.drill_panel.isVisible()
    assert "4" in dashboard.drill_heading.text()


def test_clicking_an_advisors_bar_lists_that_advisors_ros_and_enter_opens_one(
    qtbot: QtBot, dashboard: DashboardWorkspace, shop: dict[str, Any]
) -> None:
    chart = dashboard.by_advisor
    index = [a.advisor_id for a in dashboard.snapshot.advisors].index(shop["tom"])  # type: ignore[union-attr]
    assert chart.values()[index] == 1
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(index).center().toPoint())
    qtbot.waitUntil(lambda: not dashboard.busy and dashboard.drill_model.rows != [], timeout=15_000)
    assert (
        drilled_ids(dashboard)
        == [r.id for r in kpi.drill_down("opened", START, END, advisor_id=shop["tom"])]
        == [shop["T"]]
    )
    table = dashboard.drill_table
    with qtbot.waitSignal(dashboard.open_ro, timeout=2000) as blocker:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [shop["T"]]
    rect = table.visualRect(dashboard.drill_model.index(0, 1))
    with qtbot.waitSignal(dashboard.open_ro, timeout=2000) as blocker:
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the first click
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [shop["T"]]


def test_clicking_a_day_of_the_trend_lists_that_days_ros(
    qtbot: QtBot, dashboard: DashboardWorkspace, shop: dict[str, Any]
) -> None:
    chart = dashboard.trend
    assert chart.values() == [1, 2, 1]  # 2 March: A; 3 March: B and T; 4 March: C
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.point(1).toPoint())
    qtbot.waitUntil(lambda: not dashboard.busy and len(dashboard.drill_model.rows) == 2, timeout=15_000)
    day = dt.date(2026, 3, 3)
    assert drilled_ids(dashboard) == [r.id for r in kpi.drill_down("opened", day, day)]


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The export waits for the test to let it go, so a cancel lands before it writes."""
    gate = threading.Event()
    real = excel.write_summary

    def write_summary(path: Any, **kwargs: Any) -> Any:
        assert gate.wait(10)
        return real(path, **kwargs)

    monkeypatch.setattr(excel, "write_summary", write_summary)
    yield gate
    gate.set()


@pytest.mark.parametrize("existing", [False, True])
def test_a_cancelled_export_leaves_no_file_and_says_so(
    qtbot: QtBot,
    dashboard: DashboardWorkspace,
    shown: list[tuple[str, str]],
    tmp_path: Path,
    gated: threading.Event,
    existing: bool,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.xlsx"
    if existing:
        target.write_bytes(b"last month's workbook")
    dashboard.export_to(str(target))
    assert not dashboard.export_button.isEnabled()  # one export at a time
    dialog = dashboard.findChild(QProgressDialog)
    assert dialog is not None
    dialog.canceled.emit()  # the user presses Cancel
    gated.set()
    qtbot.waitUntil(lambda: ("info", "Export cancelled: no file was written.") in shown, timeout=15_000)
    assert not dashboard.ctx.ops.busy
    if existing:
        assert target.read_bytes() == b"last month's workbook"
        assert [p.name for p in folder.iterdir()] == ["summary.xlsx"]
    else:
        assert list(folder.iterdir()) == []  # no half-written or temporary file either
    assert dashboard.export_button.isEnabled()


def test_an_export_writes_a_workbook_openpyxl_can_read(
    qtbot: QtBot, dashboard: DashboardWorkspace, shown: list[tuple[str, str]], tmp_path: Path
) -> None:
    target = tmp_path / "summary.xlsx"
    dashboard.export_to(str(target))
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _text in shown), timeout=30_000)
    assert shown == [("info", f"The summary was saved to {target}")]
    book = openpyxl.load_workbook(target, read_only=True)
    assert len(book.sheetnames) >= 5
    book.close()


def test_an_unwritable_folder_is_a_message_not_a_crash(
    qtbot: QtBot, dashboard: DashboardWorkspace, shown: list[tuple[str, str]], tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "summary.xlsx"
    dashboard.export_to(str(target))
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    kind, text = shown[0]
    assert kind == "error" and "Cannot write" in text
    assert not target.exists()


def test_only_managers_and_administrators_may_see_the_dashboard(
    make_ctx: Callable[..., AppContext],
    qtbot: QtBot,
    workstation: Path,  # noqa: F811
) -> None:
    assert WORKSPACE.permission == "kpi.view"
    for role, allowed in (
        ("advisor", False),
        ("foreman", False),
        ("cashier", False),
        ("manager", True),
        ("admin", True),
    ):
        ctx = make_ctx(role)
        assert ctx.may("kpi.view") is allowed
        assert ctx.may("export") is allowed
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert ("dashboard" in window.workspace_keys()) is allowed
        assert (window.open_workspace("dashboard") is not None) is allowed
        window.close()
