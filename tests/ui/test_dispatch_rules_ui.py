"""Issue 17 at the screens: the manager keeps the technicians' certificates; a technician
starting a job that would end past the promise reports the delay in the same step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from advisor.models import ChangeRequest, RepairOrder, now
from advisor.services import dispatch, workshop
from tests import factories
from tests.ui import person
from tests.ui.shell_support import workstation  # noqa: F401  (a private settings file)
from tests.ui.test_my_jobs import _home, _pick
from ui.context import AppContext
from ui.dispatch_prompts import DelayDialog
from ui.workspaces.technicians import EXPIRED, TechniciansWorkspace


def test_the_manager_records_a_certificate_and_a_lapsed_one_shows_red(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    dispatch.add_certification(
        actor=staff.manager,
        technician_id=staff.tech_ids[1],
        skill="engine",
        number="ENG-2021-004",
        expires_on=now().date() - dt.timedelta(days=2),
    )
    ws = TechniciansWorkspace(make_ctx("manager"))
    person.show_window(qtbot, ws)
    ws.refresh()  # as the shell does when the workspace opens
    assert ws.table.item(0, 2).text() == "ENG-2021-004" and ws.table.item(0, 4).text() == "Expired"
    assert ws.table.item(0, 0).foreground().color() == EXPIRED
    person.choose(qtbot, ws.technician, "赵磊")
    person.choose(qtbot, ws.skill, "Brakes")
    person.fill(qtbot, ws.number, "BRK-2026-019")
    # Typed into the date field (it offers today): within this year, in 30 days at most.
    expires = min(now().date() + dt.timedelta(days=20), dt.date(now().year, 12, 31))
    person.fill(qtbot, ws.expires, expires.strftime("%Y-%m-%d"))
    with qtbot.waitSignal(ws.ctx.ops.changed):
        person.click(qtbot, ws.add_btn)
    (mine,) = [c for c in dispatch.certifications() if c.number == "BRK-2026-019"]
    assert (mine.technician_id, mine.skill, mine.expires_on) == (
        staff.tech_ids[0],
        "brakes",
        expires,
    )
    assert mine.expiring
    qtbot.waitUntil(lambda: ws.table.rowCount() == 2)
    assert [ws.table.item(r, 4).text() for r in range(2)] == ["Expired", "Expires soon"]
    assert ws.number.text() == ""  # ready for the next one


def test_starting_a_job_past_the_promise_reports_the_delay_in_one_step(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    promised = now().replace(second=0, microsecond=0) + dt.timedelta(minutes=30)
    ro_id, lines = factories.authorised(staff, promised_at=promised)
    start = promised - dt.timedelta(hours=1, minutes=30)  # planned earlier: the car came late
    job = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    _window, ws = _home(qtbot, make_ctx("technician"))
    _pick(qtbot, ws, job.id)
    person.click(qtbot, ws.buttons["clock_on"])  # an hour of work left: it ends after the promise
    dialog = ws.findChild(DelayDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "after the time promised to the customer" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()  # no reason, no delay
    assert workshop.board()[0].status == "waiting"  # nothing started yet
    person.fill(qtbot, dialog.reason, "Car arrived late from the wash")
    with qtbot.waitSignal(ws.ctx.ops.changed):
        person.click(qtbot, dialog.ok_button)
    assert workshop.board()[0].status == "in_progress"
    cr = ChangeRequest.get(ChangeRequest.ro == ro_id)
    assert (cr.kind, cr.status, cr.reason) == ("delay", "pending", "Car arrived late from the wash")
    assert cr.new_promised_at >= now() + dt.timedelta(minutes=59)
    assert RepairOrder.get_by_id(ro_id).promised_at == promised  # until the customer consents
