"""No English inside the Chinese screens (issue 12, §4): the RO's timeline and its notes,
technicians' skills on the board, Qt's own file dialog, dates; and durations in words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QTableWidget, QTreeView

from advisor.services import appointments
from advisor.services.orders import get_ro_view
from advisor.services.timeline import timeline_events
from tests import factories
from tests.ui import person
from ui import fmt, i18n
from ui.context import AppContext
from ui.workspaces.appointments import AppointmentsWorkspace
from ui.workspaces.board import BoardWorkspace
from ui.workspaces.dispatch import DispatchWorkspace
from ui.workspaces.repair_order import RepairOrderWorkspace

LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture
def zh() -> Iterator[None]:
    i18n.set_language("zh_CN")
    try:
        yield
    finally:
        i18n.set_language("en")


def _open_timeline(qtbot, ctx: AppContext, ro_id: int) -> RepairOrderWorkspace:  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    person.click_tab(qtbot, ws.tabs, 1)
    return ws


def _by_action(ws: RepairOrderWorkspace, ro_id: int) -> dict[str, list[str]]:
    """Each event's row on the timeline tab, by the event's action (first row of each)."""
    rows = ws.timeline.rows()
    events = timeline_events(get_ro_view(ro_id))  # the signatures too (issue 18)
    assert len(rows) == len(events)
    out: dict[str, list[str]] = {}
    for e, row in zip(events, rows, strict=True):
        out.setdefault(e.action, row)
    return out


def test_the_timeline_files_each_event_under_the_step_it_completes(
    qtbot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    zh: None,  # type: ignore[no-untyped-def]
) -> None:
    ro_id, _lines = factories.handed_over(staff)
    ws = _open_timeline(qtbot, make_ctx("advisor", "zh_CN"), ro_id)
    rows = _by_action(ws, ro_id)
    step = {action: row[1] for action, row in rows.items()}
    assert step["checked_in"] == "接待"  # was 问诊: the step it led to
    assert step["authorised"] == "估价"  # was 派工
    assert step["paid"] == "结算"  # was 交车
    assert step["handed_over"] == "交车"
    assert step["concern_recorded"] == "问诊"
    assert step["clock_done"] == "维修"


def test_timeline_notes_and_waits_are_in_chinese_words(
    qtbot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    zh: None,  # type: ignore[no-untyped-def]
) -> None:
    ro_id, _lines = factories.handed_over(staff)
    view = get_ro_view(ro_id)
    ws = _open_timeline(qtbot, make_ctx("advisor", "zh_CN"), ro_id)
    rows = _by_action(ws, ro_id)
    note = {action: row[4] for action, row in rows.items()}
    assert note["arrived"] == "直接到店（无预约）"  # a walk-in
    paid = view.settlement.payments[0]  # type: ignore[union-attr]
    assert note["paid"] == f"银行卡 {fmt.money(paid.amount_cents)}"  # was "card 849.76"
    assert "declined" not in note["authorised"] and note["authorised"].startswith("授权 ¥")
    assert "拒绝 1 项" in note["authorised"]  # the factory declines the last line
    for action, text in note.items():  # what people typed stays as typed (a line's description)
        if action != "assigned":  # document numbers (ST20261204-0001) are codes on paper too
            assert not LATIN.search(re.sub(r"[A-Z]{1,3}\d{8}-\d{4}", "", text)), (action, text)
    took = [ws.timeline.standards_tree.topLevelItem(i).text(2) for i in range(2)]
    for text in took:
        assert re.fullmatch(r"\d+ (秒|分钟)|\d+ 小时( \d+ 分钟)?", text), text  # never "0:09 分钟"


def test_durations_read_as_words_in_both_languages(zh: None) -> None:
    cases = {9: ("9 秒", "9 s"), 540: ("9 分钟", "9 min"), 3900: ("1 小时 5 分钟", "1 h 5 min"),
             7200: ("2 小时", "2 h"), 3 * 86400 + 4 * 3600: ("3 天 4 小时", "3 d 4 h"),
             -600: ("-10 分钟", "-10 min")}  # fmt: skip
    for seconds, (zh_text, _en) in cases.items():
        assert fmt.duration(seconds) == zh_text, seconds
    assert fmt.clock(125) == "2 分 05 秒"
    i18n.set_language("en")
    for seconds, (_zh, en_text) in cases.items():
        assert fmt.duration(seconds) == en_text, seconds
    assert fmt.clock(125) == "2 min 05 s"
    assert fmt.minutes(65) == "1 h 5 min" and fmt.minutes(0) == "0 min"


def test_dates_are_unambiguous_in_both_languages(zh: None) -> None:
    day = dt.date(2026, 12, 1)
    assert fmt.date(day) == "2026年12月1日"
    assert fmt.datetime(dt.datetime(2026, 12, 1, 14, 5)) == "2026年12月1日 14:05"
    i18n.set_language("en")
    assert fmt.date(day) == "2026-12-01"  # was "12/1/26"
    assert fmt.datetime(dt.datetime(2026, 12, 1, 14, 5)) == "2026-12-01 14:05"
    assert QLocale().toString(QDate(2026, 12, 1), QLocale.FormatType.ShortFormat) == "12/1/26"  # what it was


def _board_headers(ws: BoardWorkspace) -> str:
    return " ".join(label.text() for label in ws.board.findChildren(QLabel))


def test_technicians_skills_on_the_board_are_the_words_dispatch_shows(
    qtbot,
    make_ctx: Callable[..., AppContext],
    zh: None,  # type: ignore[no-untyped-def]
) -> None:
    ctx = make_ctx("foreman", "zh_CN")
    ws = BoardWorkspace(ctx)
    person.show_window(qtbot, ws)
    person.click(qtbot, ws.by_tech)
    ws.refresh()
    text = _board_headers(ws)
    assert "制动" in text and "电气" in text, text  # 赵磊: service, brakes, electrical
    assert "brakes" not in text and "electrical" not in text, text

    dispatch = DispatchWorkspace(ctx)
    qtbot.addWidget(dispatch)
    dispatch.resize(1366, 768)
    dispatch.show()
    dispatch.refresh()
    t = dispatch.techs
    cells = [t.item(r, c).text() for r in range(t.rowCount()) for c in range(t.columnCount()) if t.item(r, c)]
    assert "保养、制动、电气" in cells, cells  # the same words, from the same function
    assert "保养、制动、电气" in text


def test_qt_file_dialog_speaks_chinese(qtbot, tmp_path: Path, zh: None) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("QFileDialog", "&Look in:") != "&Look in:"
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") != "Files of &type:"
    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "保存", str(tmp_path), "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    words = [w.text() for w in dialog.findChildren(QLabel)]
    words += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
    words += [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.toolTip()]
    tree = dialog.findChild(QTreeView)
    assert tree is not None
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) > 0)
    model, root = tree.model(), tree.rootIndex()
    words += [str(model.index(0, c, root).data()) for c in (2,)]  # the type: "Folder"
    words += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount(root))]
    # what may stay Latin: the filter we gave, a mnemonic's letter "(&N)"
    english = [w for w in words if LATIN.search(re.sub(r"\(&\w\)|Excel \(\*\.xlsx\)", "", w))]
    assert not english, english


def test_the_overview_lists_in_chinese_punctuation(
    qtbot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    zh: None,  # type: ignore[no-untyped-def]
) -> None:
    ro_id, _lines = factories.handed_over(staff)
    ws = _open_timeline(qtbot, make_ctx("advisor", "zh_CN"), ro_id)
    person.click_tab(qtbot, ws.tabs, 2)
    steps = ws.report.findChild(QTableWidget, "tl_steps")
    reception, settlement = steps.item(2, 3).text(), steps.item(10, 2).text()
    # the factory greets the customer a minute after arrival (the need is confirmed in 5–10 min)
    assert reception == "到店、已接待、接车检查完成", reception  # was "到店, 接车检查完成"
    assert settlement == f"{staff.advisor.display_name}、{staff.cashier.display_name}", settlement


def test_an_appointment_lasts_hours_and_minutes_in_words(
    qtbot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    zh: None,  # type: ignore[no-untyped-def]
) -> None:
    at = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10, 0))
    c, v = factories.make_customer_vehicle(staff)
    appointments.book_appointment(
        actor=staff.advisor,
        customer_id=c,
        vehicle_id=v,
        starts_at=at,
        duration_min=90,
        requested_work="保养",
        override=True,
    )
    ws = AppointmentsWorkspace(make_ctx("advisor", "zh_CN"))
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.day.setDate(QDate(at.year, at.month, at.day))
    cells = [
        ws.bookings.item(0, c).text() for c in range(ws.bookings.columnCount()) if ws.bookings.item(0, c)
    ]
    assert "1 小时 30 分钟" in cells, cells  # was "90 分钟"
