"""An operation says how it ended (``Outcome``), long work leaves the GUI thread free, and
a screen reloads only when what changed concerns it."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from advisor.errors import GateError, SessionExpired, UserError
from advisor.models import now
from advisor.services import customers, settings, users, workshop
from advisor.services.opchanges import EVERYTHING, Kind, OpChanges
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.context import AppContext
from ui.operations import Outcome
from ui.workspaces.board import BoardWorkspace
from ui.workspaces.repair_order import RepairOrderWorkspace
from ui.workspaces.settings import SettingsWorkspace


def _heard(ctx: AppContext) -> list[OpChanges]:
    heard: list[OpChanges] = []
    ctx.ops.changed.connect(heard.append)
    return heard


# ---- Outcome ------------------------------------------------------------------------
def test_a_refused_operation_says_so_and_shows_the_message(
    ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    heard = _heard(ctx)
    outcome = ctx.ops.run(
        settings.set_setting, parent=None, key="tax_rate", value="0.2"
    )  # an advisor may not
    assert not outcome.ok and not outcome.declined
    assert isinstance(outcome.error, UserError)
    assert shown == [("error", outcome.error.message())]
    assert heard == []  # nothing changed, nothing announced
    with pytest.raises(ValueError):
        _ = outcome.value  # a failed call has no value to read by mistake


def test_success_with_nothing_to_return_is_not_a_refusal(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ctx = make_ctx("foreman")
    ro_id, _lines = factories.authorised(staff)
    line = next(x for x in get_ro_view(ro_id).approved_lines if x.kind == "part")
    heard = _heard(ctx)
    outcome = ctx.ops.run(workshop.set_old_part_handling, parent=None, line_id=line.id, handling="returned")
    assert outcome.ok and outcome.value is None and outcome.error is None  # returned None, and succeeded
    assert shown == []
    assert heard == [outcome.changes] and outcome.changes.touches(Kind.RO, ro_id=ro_id)


def test_a_question_answered_no_is_declined_not_refused(
    ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    def overbooked(*, actor: Any) -> str:
        raise GateError("The slot is full.", "该时段已满。")

    from ui import messages

    with messages.capture(answer=False) as asked:
        outcome = ctx.ops.run(overbooked, parent=None, confirm=(GateError, {"override": True}))
    assert outcome.declined and not outcome.ok and outcome.error is None
    assert [kind for kind, _text in asked] == ["confirm"]


def test_a_quiet_refusal_is_handed_back_unshown(
    ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    outcome = ctx.ops.run(customers.create_customer, parent=None, quiet=True, name="", phone="1")
    assert outcome.error is not None and shown == []


def test_an_ended_session_goes_to_the_login_not_to_a_message(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ctx = make_ctx("advisor")
    ended: list[object] = []
    ctx.ops.session_expired.connect(ended.append)
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=False)
    outcome = ctx.ops.run(customers.create_customer, parent=None, name="张伟", phone="13800138000")
    assert isinstance(outcome.error, SessionExpired)
    assert ended == [outcome.error] and shown == []


# ---- the background ----------------------------------------------------------------
def test_slow_work_keeps_the_gui_thread_free_and_ends_on_it(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff
) -> None:
    ran_in: list[str] = []

    def slow_read(*, seconds: float) -> str:
        ran_in.append(threading.current_thread().name)
        time.sleep(seconds)
        return "figures"

    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    ended: list[tuple[Outcome[str], str]] = []
    clock = QElapsedTimer()
    clock.start()
    ctx.ops.run_in_background(
        slow_read,
        parent=None,
        seconds=0.6,
        on_done=lambda o: ended.append((o, threading.current_thread().name)),
    )
    started_in_ms = clock.elapsed()
    assert ctx.ops.busy
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    timer.stop()
    assert started_in_ms < 100  # run_in_background returned at once
    assert ticks >= 10  # 600 ms of work: the GUI thread's timer went on ticking (every 20 ms)
    ((outcome, done_in),) = ended
    assert outcome.ok and outcome.value == "figures"
    assert ran_in != [threading.main_thread().name] and done_in == threading.main_thread().name
    assert not ctx.ops.busy


def test_background_refusals_are_shown_and_handed_to_on_done(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ended: list[Outcome[Any]] = []
    ctx.ops.run_in_background(
        settings.set_setting, parent=None, on_done=ended.append, key="tax_rate", value="0.2"
    )
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    (outcome,) = ended
    assert not outcome.ok and outcome.error is not None
    assert shown == [("error", outcome.error.message())]


def test_background_changes_are_announced(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ctx = make_ctx("manager")
    heard = _heard(ctx)
    ended: list[Outcome[Any]] = []
    ctx.ops.run_in_background(
        settings.set_setting, parent=None, on_done=ended.append, key="tax_rate", value="0.13"
    )
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert ended[0].ok and heard == [OpChanges(Kind.SETTINGS)]


# ---- screens reload only for what concerns them --------------------------------------
def _count_refreshes(ws: Any) -> list[int]:
    count = [0]
    real = ws.refresh

    def counted() -> None:
        count[0] += 1
        real()

    ws.refresh = counted
    return count


def test_a_screen_not_concerned_does_not_reload_and_one_concerned_does(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    view = get_ro_view(ro_id)
    job = workshop.assign(
        actor=staff.foreman,
        line_id=view.approved_lines[0].id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    ctx = make_ctx("manager")
    board = BoardWorkspace(ctx)
    settings_ws = SettingsWorkspace(ctx)
    for ws in (board, settings_ws):
        person.show_window(qtbot, ws)
    board_loads, settings_loads = _count_refreshes(board), _count_refreshes(settings_ws)

    assert ctx.ops.run(workshop.clock_on, parent=None, assignment_id=job.id).ok  # the board's business
    qtbot.waitUntil(lambda: board_loads[0] == 1, timeout=2000)
    qtbot.wait(200)  # the coalescing timer (50 ms) would have fired by now
    assert settings_loads[0] == 0

    assert ctx.ops.run(settings.set_setting, parent=None, key="tax_rate", value="0.13").ok
    qtbot.waitUntil(lambda: settings_loads[0] == 1, timeout=2000)
    qtbot.wait(200)
    assert board_loads[0] == 1  # the board did not reload for a setting

    ctx.ops.changed.emit(EVERYTHING)  # another desk, tables unknown: everyone reloads
    qtbot.waitUntil(lambda: board_loads[0] == 2 and settings_loads[0] == 2, timeout=2000)
    assert shown == []


def test_the_ro_workspace_reloads_for_its_own_ro_only(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    shown_ro = factories.open_checked_in(staff)
    other_ro = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(shown_ro)
    loads = _count_refreshes(ws)

    from advisor.services import diagnosis

    assert ctx.ops.run(
        diagnosis.record_concern, parent=None, ro_id=other_ro, customer_words="异响", restatement="Noise"
    ).ok
    qtbot.wait(200)
    assert loads[0] == 0  # another RO's concern: this one stays as it is
    assert ctx.ops.run(
        diagnosis.record_concern, parent=None, ro_id=shown_ro, customer_words="漏油", restatement="Oil leak"
    ).ok
    qtbot.waitUntil(lambda: loads[0] == 1, timeout=2000)
    assert [c.customer_words for c in ws.view.concerns][-1] == "漏油"


def test_a_sheet_is_rendered_off_the_gui_thread_then_previewed(
    qtbot: QtBot,
    ctx: AppContext,
    staff: factories.Staff,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
) -> None:
    from reports import sheets
    from ui import print_preview

    ro_id, _lines = factories.estimated(staff)
    rendered_in: list[str] = []
    real_render = sheets.render

    def render(*args: Any, **kwargs: Any) -> bytes:
        rendered_in.append(threading.current_thread().name)
        return real_render(*args, **kwargs)

    previewed: list[int] = []
    monkeypatch.setattr(sheets, "render", render)
    monkeypatch.setattr(
        print_preview.PrintPreviewDialog, "exec", lambda dialog: previewed.append(dialog.page_count())
    )
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    ws.print_actions["estimate"].trigger()  # the Print menu's "Estimate"
    qtbot.waitUntil(lambda: bool(previewed), timeout=10_000)
    assert rendered_in and rendered_in[0] != threading.main_thread().name
    assert previewed[0] >= 1 and shown == []


def test_work_that_ends_after_its_window_closed_still_announces_and_fills_nothing(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    from PySide6.QtWidgets import QWidget

    ctx = make_ctx("manager")
    heard = _heard(ctx)
    window = QWidget()
    called: list[Outcome[Any]] = []
    release = threading.Event()

    def slow_setting(*, actor: Any) -> Any:
        release.wait(5)
        return settings.set_setting(actor=actor, key="tax_rate", value="0.13")

    ctx.ops.run_in_background(slow_setting, parent=window, on_done=called.append)
    window.deleteLater()  # the person closed the screen meanwhile
    qtbot.waitUntil(lambda: not isValid(window), timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5000)
    qtbot.wait(50)
    assert called == []  # nothing to fill in: no callback on a deleted screen
    assert heard == [OpChanges(Kind.SETTINGS)]  # the others still hear of the change
