"""The foreman's board keeps its place: open work first and the finished collapsed at the
end of each column; a live refresh (here: another desk's commit, through the real
LiveBridge) keeps each column's scroll and the selected card; a right-click acts on the
card under the cursor; a new or reassigned job comes into sight, outlined for a moment."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from advisor.codes import JobStatus
from advisor.services import workshop
from advisor.services.views import AssignmentView
from tests import factories
from tests.ui import person
from tests.ui.test_board import _assigned, _item
from ui import i18n
from ui.board_card import FLASH_MS
from ui.board_model import ID_ROLE, tech_key
from ui.board_view import JobColumn
from ui.context import AppContext
from ui.live import LiveBridge
from ui.workspaces.board import BoardWorkspace

ROOT = Path(__file__).resolve().parents[2]

# Another desk (the foreman's second PC, the dispatcher): logs in and calls one workshop
# service with JSON arguments, against the test database.
OTHER_DESK = textwrap.dedent(
    """
    import datetime as dt, json, sys
    from advisor.services import system, users, workshop

    url, password, name, raw = sys.argv[1:5]
    system.open_database(url)
    foreman = users.login(username="wang.qiang", password=password)
    kw = json.loads(raw)
    for key in ("planned_start", "planned_end"):
        if key in kw:
            kw[key] = dt.datetime.fromisoformat(kw[key])
    getattr(workshop, name)(actor=foreman, **kw)
    """
)


def _other_desk(url: str, name: str, **kw: object) -> None:
    """``workshop.<name>(**kw)`` committed by another process, as the foreman there."""
    args = json.dumps({k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in kw.items()})
    done = subprocess.run(
        [sys.executable, "-c", OTHER_DESK, url, factories.PASSWORD, name, args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def live(qapp: object, url: str) -> Iterator[LiveBridge]:
    """The live bridge the app starts (ui/app.py), on the test database."""
    bridge = LiveBridge()
    bridge.start(url, shared=url.startswith("postgres"))
    assert bridge.wait_ready()
    yield bridge
    bridge.stop()


def _open_board(qtbot: QtBot, make_ctx: Callable[..., AppContext], live: LiveBridge) -> BoardWorkspace:
    ws = BoardWorkspace(make_ctx("foreman"))
    live.changed.connect(ws.ctx.ops.changed)  # as ui/app.py wires it
    person.show_window(qtbot, ws)
    qtbot.waitUntil(lambda: bool(ws.board.columns))
    return ws


def _column(ws: BoardWorkspace, technician_id: int) -> JobColumn:
    return ws.board.columns[tech_key(technician_id)]


def _shown(column: JobColumn) -> list[int]:
    """The assignment ids of a column's cards, top to bottom (hidden ones left out)."""
    proxy = column.model()
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def _card_at(column: JobColumn, y: int) -> int | None:
    """The job of the card a person sees at height ``y`` of the column."""
    ix = column.indexAt(QPoint(column.viewport().width() // 2, y))
    return ix.data(ID_ROLE) if ix.isValid() else None


def _centre(column: JobColumn, assignment_id: int) -> QPoint:
    ix = column.model().index(_shown(column).index(assignment_id), 0)
    rect = column.visualRect(ix).intersected(column.viewport().rect())
    assert not rect.isEmpty(), f"card {assignment_id} is not in sight"
    return rect.center()


def _wheel(qtbot: QtBot, column: JobColumn, notches: int) -> None:
    """Turn the mouse wheel over the column (negative: down), where a person's hand is."""
    spot = column.viewport().mapToGlobal(column.viewport().rect().center())
    hit = QApplication.widgetAt(spot)
    assert hit is not None and (hit is column.viewport() or column.isAncestorOf(hit))
    event = QWheelEvent(
        QPointF(hit.mapFromGlobal(spot)),
        QPointF(spot),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(hit, event)
    QApplication.processEvents()


def _scroll_to_bottom(qtbot: QtBot, column: JobColumn) -> None:
    bar = column.verticalScrollBar()
    for _ in range(50):
        if bar.value() == bar.maximum():
            return
        _wheel(qtbot, column, -1)
    raise AssertionError("the column does not scroll down")


def _right_click_menu(qtbot: QtBot, column: JobColumn, spot: QPoint) -> QMenu:
    person.click(qtbot, column.viewport(), Qt.MouseButton.RightButton, pos=spot)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def _heading(menu: QMenu) -> str:
    label = menu.findChild(QLabel, "cardMenuHeading")
    assert label is not None
    return label.text()


def _busy_column(staff: factories.Staff, tech: int, n: int) -> list[AssignmentView]:
    """``n`` jobs for one technician, planned one after another (the column's order)."""
    return [_assigned(staff, tech)[1] for _ in range(n)]


def test_finished_jobs_come_after_open_work_collapsed_behind_a_count(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, live: LiveBridge
) -> None:
    jobs = _busy_column(staff, 0, 5)
    for job in jobs[:2]:  # the first two planned are finished: they used to head the column
        workshop.clock_on(actor=staff.foreman, assignment_id=job.id)
        workshop.finish(actor=staff.foreman, assignment_id=job.id)
    workshop.clock_on(actor=staff.foreman, assignment_id=jobs[3].id)
    board = _open_board(qtbot, make_ctx, live)
    column = _column(board, staff.tech_ids[0])

    # Open work only, in its planned order; the first card in sight is waiting work.
    assert _shown(column) == [j.id for j in jobs[2:]]
    assert _card_at(column, 10) == jobs[2].id
    toggle = board.board.finished[tech_key(staff.tech_ids[0])]
    assert toggle.isVisible() and toggle.text() == "✓ 2 finished ▾"
    assert not board.board.finished[tech_key(staff.tech_ids[1])].isVisible()  # nothing finished there

    person.click(qtbot, toggle)  # the foreman looks at what is finished: at the end
    assert _shown(column) == [j.id for j in jobs[2:]] + [jobs[1].id, jobs[0].id]  # latest first
    assert toggle.text() == "✓ 2 finished ▴"
    assert _card_at(column, column.viewport().height() - 10) in (jobs[0].id, jobs[1].id)  # scrolled to them
    person.click(qtbot, toggle)
    assert _shown(column) == [j.id for j in jobs[2:]]


def test_a_live_refresh_from_another_desk_keeps_the_scroll_and_the_selection(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    live: LiveBridge,
    url: str,
) -> None:
    jobs = _busy_column(staff, 0, 8)
    _busy_column(staff, 1, 2)
    workshop.clock_on(actor=staff.foreman, assignment_id=jobs[0].id)
    board = _open_board(qtbot, make_ctx, live)
    column = _column(board, staff.tech_ids[0])

    person.click_at(qtbot, column, column.model().index(1, 0))  # the foreman picks a card …
    assert board.board.selected_job().id == jobs[1].id  # type: ignore[union-attr]
    _scroll_to_bottom(qtbot, column)  # … and scrolls down to the last ones
    top, value = _card_at(column, 10), column.verticalScrollBar().value()
    assert top not in (jobs[0].id, jobs[1].id) and value > 0

    # At the other desk the first job is finished: it leaves the column's open work.
    _other_desk(url, "finish", assignment_id=jobs[0].id)
    qtbot.waitUntil(lambda: board.model.job_by_id(jobs[0].id).status == JobStatus.DONE, timeout=10_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: board.board.finished[tech_key(staff.tech_ids[0])].isVisible())

    assert _card_at(column, 10) == top  # the same card at the top: the column did not jump
    assert board.board.selected_job().id == jobs[1].id  # type: ignore[union-attr]
    assert column.currentIndex().data(ID_ROLE) == jobs[1].id
    assert column.selectionModel().isSelected(column.currentIndex())


def test_a_right_click_acts_on_the_card_under_the_cursor_through_a_live_refresh(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    live: LiveBridge,
    url: str,
    shown: list[tuple[str, str]],
) -> None:
    jobs = _busy_column(staff, 0, 8)
    other = _busy_column(staff, 1, 1)[0]
    board = _open_board(qtbot, make_ctx, live)
    column = _column(board, staff.tech_ids[0])
    person.click_at(qtbot, column, column.model().index(0, 0))  # a card picked at the top …
    _scroll_to_bottom(qtbot, column)  # … then the foreman looks further down
    target = _card_at(column, column.viewport().height() // 2)
    assert target is not None and target != jobs[0].id
    spot = _centre(column, target)  # where the foreman aims

    # Meanwhile another desk clocks a job on in the next column: the board refreshes.
    _other_desk(url, "clock_on", assignment_id=other.id)
    qtbot.waitUntil(lambda: board.model.job_by_id(other.id).status == JobStatus.IN_PROGRESS, timeout=10_000)  # type: ignore[union-attr]

    menu = _right_click_menu(qtbot, column, spot)
    plate = next(j.plate for j in jobs if j.id == target)
    assert plate in _heading(menu)  # the menu says which car it is for
    person.click(qtbot, menu, pos=menu.actionGeometry(_item(menu, "Clock on")).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    assert shown == []
    started = [j.id for j in workshop.board() if j.status == JobStatus.IN_PROGRESS and j.id != other.id]
    assert started == [target]  # that card's job, and no other


def test_a_right_click_on_another_card_gives_its_menu_not_the_selected_ones(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    live: LiveBridge,
    shown: list[tuple[str, str]],
) -> None:
    first = _busy_column(staff, 0, 3)
    second = _busy_column(staff, 1, 3)
    board = _open_board(qtbot, make_ctx, live)
    left, right = _column(board, staff.tech_ids[0]), _column(board, staff.tech_ids[1])
    person.click_at(qtbot, left, left.model().index(0, 0))  # a card of one column selected
    menu = _right_click_menu(qtbot, right, _centre(right, second[2].id))  # a right-click on another's
    assert second[2].plate in _heading(menu) and first[0].plate not in _heading(menu)
    person.click(qtbot, menu, pos=menu.actionGeometry(_item(menu, "Clock on")).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    assert shown == []
    assert [j.id for j in workshop.board() if j.status == JobStatus.IN_PROGRESS] == [second[2].id]
    assert board.board.selected_job().id == second[2].id  # type: ignore[union-attr]


def test_a_new_or_reassigned_job_comes_into_sight_outlined_for_a_moment(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    live: LiveBridge,
    url: str,
) -> None:
    _busy_column(staff, 1, 8)
    moving = _busy_column(staff, 0, 1)[0]
    # After technician 2's eight jobs, promised an hour after it ends.
    start = max(j.planned_end for j in workshop.board() if j.technician_id == staff.tech_ids[1])
    _ro_id, lines = factories.authorised(staff, promised_at=start + dt.timedelta(hours=2))
    board = _open_board(qtbot, make_ctx, live)
    column = _column(board, staff.tech_ids[1])
    assert board.board.flashing() == {}  # the first reading: nothing is new
    assert column.verticalScrollBar().value() == 0

    # Dispatch at another desk gives technician 2 a job after the others: below the fold.
    _other_desk(
        url,
        "assign",
        line_id=lines[0],
        technician_id=staff.tech_ids[1],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        override_reason="赵磊 supervises",  # technician 2 lacks the brakes skill
    )
    qtbot.waitUntil(lambda: len(_shown(column)) == 9, timeout=10_000)
    new = next(j.id for j in board.model.jobs() if j.line_id == lines[0])
    assert _shown(column)[-1] == new
    assert column.viewport().rect().contains(column.visualRect(column.model().index(8, 0)))  # in sight
    assert board.board.flashing() == {new: "new"}
    qtbot.waitUntil(lambda: board.board.flashing() == {}, timeout=FLASH_MS + 2000)  # for a moment

    # Another desk moves a job from technician 1 to technician 2: it shows there, outlined.
    column.verticalScrollBar().setValue(0)
    _other_desk(
        url,
        "reassign",
        assignment_id=moving.id,
        version=moving.version,
        technician_id=staff.tech_ids[1],
        override_reason="赵磊 called away",
    )
    qtbot.waitUntil(lambda: moving.id in _shown(column), timeout=10_000)
    ix = column.model().index(_shown(column).index(moving.id), 0)
    assert column.viewport().rect().intersects(column.visualRect(ix))
    assert board.board.flashing() == {moving.id: "moved"}


def test_the_keys_act_on_the_card_moved_to_with_the_arrows(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    live: LiveBridge,
    shown: list[tuple[str, str]],
) -> None:
    jobs = _busy_column(staff, 0, 3)
    board = _open_board(qtbot, make_ctx, live)
    column = _column(board, staff.tech_ids[0])
    person.click_at(qtbot, column, column.model().index(0, 0))
    person.key(qtbot, Qt.Key.Key_Down)  # the white frame moves to the next card …
    assert column.currentIndex().data(ID_ROLE) == jobs[1].id
    with qtbot.waitSignal(board.ctx.ops.changed):
        person.key(qtbot, Qt.Key.Key_F2)  # … and Clock on (F2) clocks that one on
    assert shown == []
    assert [j.id for j in workshop.board() if j.status == JobStatus.IN_PROGRESS] == [jobs[1].id]


def test_the_finished_toggle_and_the_card_menu_speak_chinese(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    live: LiveBridge,
) -> None:
    jobs = _busy_column(staff, 0, 2)
    workshop.clock_on(actor=staff.foreman, assignment_id=jobs[0].id)
    workshop.finish(actor=staff.foreman, assignment_id=jobs[0].id)
    i18n.set_language("zh_CN")
    try:
        board = BoardWorkspace(make_ctx("foreman", "zh_CN"))
        live.changed.connect(board.ctx.ops.changed)
        person.show_window(qtbot, board)
        qtbot.waitUntil(lambda: bool(board.board.columns))
        toggle = board.board.finished[tech_key(staff.tech_ids[0])]
        assert toggle.text() == "✓ 已完工 1 项 ▾"
        assert toggle.toolTip() == "展开已完工的作业"
        column = _column(board, staff.tech_ids[0])
        menu = _right_click_menu(qtbot, column, _centre(column, jobs[1].id))
        assert jobs[1].plate in _heading(menu)
        assert [a.text().split("\t") for a in menu.actions() if a.objectName() in ("clock_on", "open")] == [
            ["开工", "F2"],
            ["打开工单", "回车"],
        ]
        person.key(qtbot, Qt.Key.Key_Escape)
    finally:
        i18n.set_language("en")
