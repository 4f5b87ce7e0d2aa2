"""The process scorecard on the Reports workspace, as the service manager uses it: the
table shows the hand-worked figures of ``tests/unit/test_scorecard.py``, a double-click
on a cell lists exactly the ROs that missed, and the view switches to technicians."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import person
from tests.unit.test_scorecard import DEPARTMENT, END, START, SUN_WEI, TOM, build_shop
from ui.context import AppContext
from ui.dashboard.scorecard import CELL_ROLE, ScorecardPanel
from ui.workspaces.dashboard import DashboardWorkspace


@pytest.fixture
def shop(staff: factories.Staff) -> dict[str, int]:
    return build_shop(staff)


@pytest.fixture
def ws(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], shop: dict[str, int], shown: list[tuple[str, str]]
) -> Iterator[DashboardWorkspace]:
    w = DashboardWorkspace(make_ctx("manager"))
    person.show_window(qtbot, w, (1366, 768))
    w.set_period(START, END)
    qtbot.waitUntil(lambda: not w.busy and w.scorecard.card is not None, timeout=20_000)
    yield w
    w.wait_idle()
    w.ctx.ops.wait_idle(10_000)


def _cell(panel: ScorecardPanel, rule: str, column: str) -> QModelIndex:
    heads = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    for row in range(panel.model.rowCount()):
        index = panel.model.index(row, heads.index(column))
        cell = panel.model.data(index, CELL_ROLE)
        if cell is not None and cell[0] == rule:
            return index
    raise AssertionError(f"no row {rule!r}")


def _text(panel: ScorecardPanel, rule: str, column: str) -> str:
    return str(panel.model.data(_cell(panel, rule, column)))


def test_the_table_shows_the_hand_worked_figures(ws: DashboardWorkspace) -> None:
    panel = ws.scorecard
    # need: 2 met, 2 missed → 50%; Tom (C, D): 1 and 1.
    assert _text(panel, "need", "All") == "50% · 2 ✓ 2 ✗"
    assert _text(panel, "need", "Tom Baker") == "50% · 1 ✓ 1 ✗"
    assert _text(panel, "greeting", "All") == "75% · 3 ✓ 1 ✗"
    assert _text(panel, "consent", "李娜") == "—"  # nothing to judge
    # Arrival prepared: A met, C missed — both 李娜's appointments, none of Tom's.
    assert _text(panel, "prepared", "李娜") == "50% · 1 ✓ 1 ✗"
    assert _text(panel, "prepared", "Tom Baker") == "—"
    for rule, (met, missed) in DEPARTMENT.items():
        assert _text(panel, rule, "All").endswith(f"{met} ✓ {missed} ✗")
    for rule, (met, missed) in TOM.items():
        if met + missed:
            assert _text(panel, rule, "Tom Baker").endswith(f"{met} ✓ {missed} ✗")
    # Quality: 赵磊's 30 min of rework; three scored calls, index 78.3.
    # 30 min at the default labour rate of ¥180 an hour: ¥90.00.
    assert "0.50 h, ¥90.00 at the labour rate" in panel.quality.text() and "78.3" in panel.quality.text()
    assert "1 parts wasted, ¥560.00" in panel.quality.text()  # B's brake pads fitted twice
    assert [panel.scores_model.data(panel.scores_model.index(2, c)) for c in range(6)] == [
        "0", "0", "0", "2", "1", "4.33",  # responsiveness: 4, 4, 5
    ]  # fmt: skip


def test_double_clicking_a_cell_lists_the_ros_that_missed(
    qtbot: QtBot, ws: DashboardWorkspace, shop: dict[str, int]
) -> None:
    panel = ws.scorecard
    person.click_at(qtbot, panel.table, _cell(panel, "need", "Tom Baker"), double=True)
    qtbot.waitUntil(lambda: not ws.busy and ws.drill_panel.isVisible(), timeout=10_000)
    assert [r.id for r in ws.drill_model.rows] == [shop["C"]]  # C: need +12 min
    assert "Need confirmed" in ws.drill_heading.text() and "1 RO" in ws.drill_heading.text()
    # The whole department's follow-up misses: B (1 h) and C (overdue).
    person.click_at(qtbot, panel.table, _cell(panel, "follow_up", "All"), double=True)
    qtbot.waitUntil(lambda: not ws.busy and len(ws.drill_model.rows) == 2, timeout=10_000)
    assert sorted(r.id for r in ws.drill_model.rows) == sorted([shop["B"], shop["C"]])
    # 李娜's unprepared arrival: C (its amount told after the RO was opened).
    person.click_at(qtbot, panel.table, _cell(panel, "prepared", "李娜"), double=True)
    qtbot.waitUntil(lambda: not ws.busy and len(ws.drill_model.rows) == 1, timeout=10_000)
    assert [r.id for r in ws.drill_model.rows] == [shop["C"]]
    assert "Arrival prepared" in ws.drill_heading.text()


def test_the_technicians_view_shows_their_own_rules_and_hours(
    qtbot: QtBot, ws: DashboardWorkspace, shop: dict[str, int]
) -> None:
    panel = ws.scorecard
    person.choose(qtbot, panel.by, "Technician")
    rows = [panel.model.headerData(r, Qt.Orientation.Vertical) for r in range(panel.model.rowCount())]
    assert rows[:3] == [
        "No work before authorisation",
        "No change worked before consent",
        "Final QC passed first time",
    ]
    assert "Greeted within 3 min" not in rows and "Standard hours" in rows
    met, missed = SUN_WEI["consent"]
    assert _text(panel, "consent", "孙伟") == f"50% · {met} ✓ {missed} ✗"
    # Enter on 孙伟's consent cell lists C, where he worked the change before the consent.
    person.click_at(qtbot, panel.table, _cell(panel, "consent", "孙伟"))
    person.key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not ws.busy and ws.drill_panel.isVisible(), timeout=10_000)
    assert [r.id for r in ws.drill_model.rows] == [shop["C"]]
    heads = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    std = rows.index("Standard hours")
    assert panel.model.data(panel.model.index(std, heads.index("赵磊"))) == "3.00"
    assert panel.model.data(panel.model.index(std + 1, heads.index("赵磊"))) == "3.58"


def test_the_month_view_has_a_column_per_month(
    qtbot: QtBot, ws: DashboardWorkspace, staff: factories.Staff
) -> None:
    panel = ws.scorecard
    person.choose(qtbot, panel.by, "Month")
    assert _text(panel, "need", "2026-02") == "100% · 1 ✓ 0 ✗"  # A
    assert _text(panel, "need", "2026-03") == "33% · 1 ✓ 2 ✗"  # D met; B, C missed


def _trimmed(row: tuple[object, ...]) -> tuple[object, ...]:
    """A row read back without the empty cells after its last value."""
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def test_the_workbook_holds_the_figures_the_panel_shows(
    qtbot: QtBot, ws: DashboardWorkspace, shown: list[tuple[str, str]], tmp_path: Path
) -> None:
    target = tmp_path / "summary.xlsx"
    ws.export_to(str(target))
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _text in shown), timeout=60_000)
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[-2:] == ["Scorecard", "Complaints"]
    rows = [_trimmed(r) for r in book["Scorecard"].iter_rows(values_only=True)]
    book.close()
    head = rows.index(("Rule", "Scope", "Name", "Measured", "Met", "Missed", "Rate met"))
    lines = [(*r, None)[:7] for r in rows[head + 1 : rows.index((), head)]]  # the rate None: nothing measured
    table = {(r[0], r[2]): (r[4], r[5], r[6]) for r in lines}
    panel = ws.scorecard
    labels = {r.key: r.label("en") for r in panel.rules()}
    checked = 0
    for view in ("Advisor", "Technician", "Month"):
        person.choose(qtbot, panel.by, view)
        for rule in (r.key for r in panel.rules()):
            for column in [
                panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())
            ]:
                name = "All" if column == "All" else column
                met, missed, rate = table[(labels[rule], name)]
                shown_text = _text(panel, rule, column)
                assert shown_text == (
                    "—" if met + missed == 0 else f"{round(rate * 100)}% · {met} ✓ {missed} ✗"
                )
                checked += 1
    assert checked == 10 * 3 + 3 * 3 + 10 * 3  # advisors: All + 2; technicians: All + 2; months: All + 2
    # And the hand-worked department figures, and the quality figures.
    for rule, (met, missed) in DEPARTMENT.items():
        assert table[(labels.get(rule) or rule, "All")][:2] == (met, missed)
    hours = rows.index(("Technician", "Jobs", "Rework jobs", "Standard hours", "Actual hours", "Actual ÷ standard",
                        "Rework hours", "Rework cost (labour rate)"))  # fmt: skip
    assert rows[hours + 1] == ("All", 7, 1, 5.0, 5.67, pytest.approx(340 / 300), 0.5, 90)
    wasted = rows.index(("Scope", "Name", "Parts wasted in rework", "Value of the parts wasted"))
    assert rows[wasted + 1] == ("Department", "All", 1, 560)
    index = next(r for r in rows if r[:2] == ("Department", "All") and r[2] == 3)
    assert index[3] == pytest.approx(78.3)
