"""My jobs, the technician's home (issue 16): clocking a job through its day with large
buttons, a change request and findings from the job, the selection kept while other
desks' changes arrive. The main window at 1366×768; every click hit-tested
(``tests.ui.person``)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from advisor.codes import CHANGE_OPEN
from advisor.models import ChangeRequest, Concern, now
from advisor.services import orders, standards, users, workshop
from advisor.services._base import Actor
from advisor.workflow import Step
from tests import factories
from tests.ui import person
from tests.ui.shell_support import workstation  # noqa: F401  (a private settings file)
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.live import LiveBridge
from ui.main_window import MainWindow
from ui.my_jobs_dialogs import TOUCH_HEIGHT, FindingsDialog, PauseDialog, SelfCheckDialog
from ui.operations import Operations
from ui.workspaces.my_jobs import ID_ROLE, MyJobsWorkspace

ROOT = Path(__file__).resolve().parents[2]


def _assign(staff: factories.Staff, start: dt.datetime, *, tech: int = 0, **kw: object) -> tuple[int, int]:
    kw.setdefault("promised_at", max(now() + dt.timedelta(hours=4), start + dt.timedelta(hours=2)))
    ro_id, lines = factories.authorised(staff, **kw)  # type: ignore[arg-type]
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[tech],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        # Only 赵磊 (tech 0) has the brakes skill: the others do it under his supervision.
        override_reason="Under 赵磊's supervision" if tech else "",
    )
    return ro_id, a.id


def _home(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, MyJobsWorkspace]:
    """The technician's window as their day starts: it opens on My jobs."""
    window = MainWindow(ctx)
    person.show_window(qtbot, window)
    ws = window.stack.currentWidget()
    assert isinstance(ws, MyJobsWorkspace), "the technician's window does not open on My jobs"
    assert window.home_key() == "my_jobs" and window.workspace_keys()[0] == "my_jobs"
    return window, ws


def _pick(qtbot: QtBot, ws: MyJobsWorkspace, assignment_id: int) -> None:
    rows = [r for r in range(ws.list.count()) if ws.list.item(r).data(ID_ROLE) == assignment_id]
    assert rows, f"job {assignment_id} is not in My jobs"
    person.click_at(qtbot, ws.list, ws.list.model().index(rows[0], 0))
    assert ws.selected_id == assignment_id


def _enabled(ws: MyJobsWorkspace) -> set[str]:
    return {name for name, b in ws.buttons.items() if b.isEnabled()}


def _status(ro_id: int, assignment_id: int) -> tuple[str, str]:
    """The job as the board and the RO's repair step show it."""
    on_board = next(j for j in workshop.board() if j.id == assignment_id)
    on_ro = next(j for j in orders.get_ro_view(ro_id).assignments if j.id == assignment_id)
    assert on_board.status == on_ro.status
    return on_board.status, on_board.pause_reason


def _dialog(qtbot: QtBot, ws: MyJobsWorkspace, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in ws.findChildren(kind)), timeout=3000)
    dialog = [d for d in ws.findChildren(kind) if d.isVisible()][-1]
    qtbot.waitExposed(dialog)
    return dialog


def test_the_technician_clocks_a_job_through_its_day_from_my_jobs(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    morning = dt.datetime.combine(now().date(), dt.time(8, 0))
    ro_id, first = _assign(staff, morning)
    _other_ro, second = _assign(staff, morning + dt.timedelta(hours=2))
    _, not_mine = _assign(staff, morning + dt.timedelta(hours=1), tech=1)
    _window, ws = _home(qtbot, make_ctx("technician"))
    listed = [ws.list.item(r).data(ID_ROLE) for r in range(ws.list.count())]
    assert listed == [first, second] and not_mine not in listed
    for name, button in ws.buttons.items():  # large enough for a finger
        assert button.height() >= TOUCH_HEIGHT and button.width() >= 150, name

    _pick(qtbot, ws, first)
    assert _enabled(ws) == {"clock_on", "change", "findings"}
    person.click(qtbot, ws.buttons["clock_on"])
    qtbot.waitUntil(lambda: _status(ro_id, first) == ("in_progress", ""), timeout=3000)
    qtbot.waitUntil(lambda: _enabled(ws) == {"pause", "finish", "change", "findings"}, timeout=3000)

    person.click(qtbot, ws.buttons["pause"])
    pause = _dialog(qtbot, ws, PauseDialog)
    assert isinstance(pause, PauseDialog)
    assert all(b.height() >= TOUCH_HEIGHT for b in pause.buttons.values())
    person.click(qtbot, pause.buttons["parts"])
    qtbot.waitUntil(lambda: _status(ro_id, first) == ("paused", "parts"), timeout=3000)
    qtbot.waitUntil(lambda: _enabled(ws) == {"resume", "change", "findings"}, timeout=3000)
    assert "Waiting for parts" in ws.state_chip.text()

    person.click(qtbot, ws.buttons["resume"])
    qtbot.waitUntil(lambda: _status(ro_id, first) == ("in_progress", ""), timeout=3000)
    qtbot.waitUntil(lambda: ws.buttons["finish"].isEnabled(), timeout=3000)
    person.click(qtbot, ws.buttons["finish"])
    qtbot.waitUntil(lambda: _status(ro_id, first) == ("done", ""), timeout=3000)
    # The RO's only job done: the self-check opens; the final check waits for it.
    assert orders.get_ro_view(ro_id).step == Step.REPAIR
    check = _dialog(qtbot, ws, SelfCheckDialog)
    assert isinstance(check, SelfCheckDialog)
    # Until it is signed the finished job stays in sight, first, saying what it waits for.
    assert ws.list.item(0).data(ID_ROLE) == first and not ws.list.item(0).isHidden()
    assert "self-check to sign" in ws.list.item(0).text()
    assert all(b.height() >= TOUCH_HEIGHT for b in [*check.ticks.values(), *check.na.values(), check.sign])
    assert set(check.na) == {"hinges", "old_parts", "fluids"}  # "not applicable" only where it makes sense
    for item, button in check.ticks.items():
        assert not check.sign.isEnabled(), item  # signed only when every item is ticked
        person.click(qtbot, check.na[item] if item == "old_parts" else button)
    qtbot.waitUntil(check.sign.isEnabled, timeout=2000)
    person.click(qtbot, check.sign)
    qtbot.waitUntil(lambda: not check.isVisible(), timeout=3000)
    (signed,) = standards.self_check_status(ro_id).signed
    assert (signed.technician, signed.signed_by) == ("赵磊", staff.technician.display_name)
    assert signed.marks["old_parts"] == "na" and signed.marks["hinges"] == "done"
    assert orders.get_ro_view(ro_id).step == Step.QC  # signed: on to the final check
    qtbot.waitUntil(lambda: not ws.job_by_id(first).self_check_due, timeout=3000)  # type: ignore[union-attr]

    # The finished job folds away at the end; the next job is the one picked.
    qtbot.waitUntil(lambda: ws.selected_id == second, timeout=3000)
    assert ws.list.item(ws.list.count() - 1).data(ID_ROLE) == first
    assert ws.list.item(ws.list.count() - 1).isHidden()
    person.click(qtbot, ws.finished_btn)
    assert not ws.list.item(ws.list.count() - 1).isHidden()
    _pick(qtbot, ws, first)
    assert _enabled(ws) == {"findings"}  # a finished job: nothing to clock, no change request


def test_pausing_can_be_cancelled(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ro_id, job = _assign(staff, now())
    workshop.clock_on(actor=staff.technician, assignment_id=job)
    _window, ws = _home(qtbot, make_ctx("technician"))
    person.click(qtbot, ws.buttons["pause"])
    pause = _dialog(qtbot, ws, PauseDialog)
    assert isinstance(pause, PauseDialog)
    person.click(qtbot, pause.cancel)
    qtbot.waitUntil(lambda: not pause.isVisible(), timeout=2000)
    assert _status(ro_id, job) == ("in_progress", "")


def test_a_change_request_raised_from_the_job_goes_to_the_advisor(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ro_id, job = _assign(staff, now())
    workshop.clock_on(actor=staff.technician, assignment_id=job)
    _window, ws = _home(qtbot, make_ctx("technician"))
    person.click(qtbot, ws.buttons["change"])
    dialog = _dialog(qtbot, ws, ChangeRequestDialog)
    assert isinstance(dialog, ChangeRequestDialog)
    assert dialog.table.isColumnHidden(4)  # a technician does not price
    person.click(qtbot, dialog.add_labour_btn)
    person.click_at(qtbot, dialog.table, dialog.table.model().index(0, 2), double=True)
    person.type_text(qtbot, "Replace front brake discs\n")
    person.fill(qtbot, dialog.reason, "Discs scored below the minimum")
    person.click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    (cr,) = ChangeRequest.select().where(ChangeRequest.ro == ro_id)
    assert (cr.kind, cr.reason, cr.raised_by_id) == (
        "extra_work",
        "Discs scored below the minimum",
        staff.technician.user_id,
    )
    assert orders.get_ro_view(ro_id).change_requests[0].status in CHANGE_OPEN
    # Asked once: the button waits for the customer's answer, and says so.
    qtbot.waitUntil(lambda: not ws.buttons["change"].isEnabled(), timeout=3000)
    assert "customer's answer" in ws.buttons["change"].toolTip()


def test_findings_are_recorded_for_the_jobs_concern(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ro_id, _job = _assign(staff, now())
    _window, ws = _home(qtbot, make_ctx("technician"))
    (concern,) = Concern.select().where(Concern.ro == ro_id)
    assert ws.findChild(object, f"my_jobs_words_{concern.id}").text() == f"“{factories.WORDS}”"
    person.click(qtbot, ws.buttons["findings"])
    dialog = _dialog(qtbot, ws, FindingsDialog)
    assert isinstance(dialog, FindingsDialog)
    person.fill(qtbot, dialog.findings[concern.id], "Pads worn to 2 mm")
    person.fill(qtbot, dialog.corrections[concern.id], "Replace the front pads")
    person.click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    saved = Concern.get_by_id(concern.id)
    assert (saved.finding, saved.correction) == ("Pads worn to 2 mm", "Replace the front pads")
    qtbot.waitUntil(
        lambda: (
            "Finding: Pads worn to 2 mm" in ws.findChild(object, f"my_jobs_restatement_{concern.id}").text()
        ),
        timeout=3000,
    )


def test_the_technician_photographs_the_finding_in_the_findings_dialog(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff, tmp_path: Path
) -> None:
    """At the car: the technician types the finding and adds a photo of the worn disc from
    a file (the path typed into the file dialog), all inside 1366×768; the photo is the
    finding's (the concern's id) and theirs."""
    from PySide6.QtGui import QColor, QImage

    from advisor.codes import PhotoSubject
    from advisor.services import photos
    from tests.ui.test_photo_strip import thumbs, type_path_in_file_dialog

    ro_id, _job = _assign(staff, now())
    _window, ws = _home(qtbot, make_ctx("technician"))
    (concern,) = Concern.select().where(Concern.ro == ro_id)
    person.click(qtbot, ws.buttons["findings"])
    dialog = _dialog(qtbot, ws, FindingsDialog)
    assert isinstance(dialog, FindingsDialog)
    strip = dialog.photos[concern.id]
    assert strip.objectName() == f"finding_photos_{concern.id}" and thumbs(strip) == []
    assert dialog.photo_usage.isVisible()
    assert dialog.photo_usage.text() == "Photos of this RO: 0, 0.0 of 40.0 MB used (40.0 MB left)"
    assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 768

    person.fill(qtbot, dialog.findings[concern.id], "Front discs scored, 21.4 mm (min 22)")
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#8d6e63"))
    disc = tmp_path / "front disc.jpg"
    assert image.save(str(disc))
    type_path_in_file_dialog(qtbot, str(disc))
    person.click(qtbot, strip.add_button)  # hit-tested: visible and on top in the dialog
    qtbot.waitUntil(lambda: len(thumbs(strip)) == 1, timeout=3000)
    (photo,) = photos.photos_of(ro_id)
    assert (photo.subject, photo.subject_id) == (PhotoSubject.FINDING, concern.id)
    assert photo.taken_by == staff.technician.display_name
    qtbot.waitUntil(lambda: dialog.photo_usage.text().startswith("Photos of this RO: 1, "), timeout=3000)
    person.click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert Concern.get_by_id(concern.id).finding == "Front discs scored, 21.4 mm (min 22)"


def test_an_account_linked_to_no_technician_is_told_whom_to_ask(
    qtbot: QtBot, staff: factories.Staff, qapp: object
) -> None:
    u = users.add_user(
        actor=staff.admin,
        username="new.tech",
        display_name="新技师",
        role="technician",
        password=factories.PASSWORD,
    )
    actor = Actor(u.id, u.username, u.display_name, "technician")
    _window, ws = _home(qtbot, AppContext(actor=actor, ops=Operations(actor), db_label="test.db", lang="en"))
    assert ws.unlinked.isVisible()
    assert "not linked to a technician" in ws.unlinked.text() and "foreman" in ws.unlinked.text()
    assert not ws.list.isVisible() and not any(b.isVisible() for b in ws.buttons.values())


@pytest.mark.parametrize("role", ["foreman", "advisor", "manager"])
def test_my_jobs_is_only_on_a_technicians_rail(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], role: str
) -> None:
    window = MainWindow(make_ctx(role))
    qtbot.addWidget(window)
    assert "my_jobs" not in window.workspace_keys()


# Another desk: the foreman assigns the technician a new job, and clocks on another's.
FOREMAN = textwrap.dedent(
    """
    import datetime as dt, sys
    from advisor.services import system, workshop
    from advisor.services._base import Actor

    url, user_id, line_id, tech_id = sys.argv[1], *map(int, sys.argv[2:5])
    system.open_database(url)
    foreman = Actor(user_id, "wang.qiang", "王强", "foreman")
    start = dt.datetime.now() - dt.timedelta(hours=3)  # planned first: sorts before the others
    a = workshop.assign(actor=foreman, line_id=line_id, technician_id=tech_id, bay_id=None,
                        planned_start=start, planned_end=start + dt.timedelta(hours=1))
    print(a.id, flush=True)
    """
)


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge()
    yield b
    b.stop()


def test_another_desks_assignment_arrives_live_and_the_picked_job_stays_picked(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff, url: str, bridge: LiveBridge
) -> None:
    _ro, first = _assign(staff, now())
    _ro2, second = _assign(staff, now() + dt.timedelta(hours=1))
    _ro3, new_lines = factories.authorised(staff)
    ctx = make_ctx("technician")
    _window, ws = _home(qtbot, ctx)
    _pick(qtbot, ws, second)
    bridge.changed.connect(ctx.ops.changed)
    bridge.start(url, shared=url.startswith("postgresql"))
    assert bridge.wait_ready()
    if not url.startswith("postgresql"):
        qtbot.wait(700)  # the poller has read its first data_version
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            FOREMAN,
            url,
            str(staff.foreman.user_id),
            str(new_lines[0]),
            str(staff.tech_ids[0]),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.returncode == 0, other.stderr
    new = int(other.stdout.split()[-1])

    def listed() -> list[int]:
        return [ws.list.item(r).data(ID_ROLE) for r in range(ws.list.count())]

    qtbot.waitUntil(lambda: new in listed(), timeout=5000)
    assert listed() == [new, first, second]  # planned earliest: first of the waiting work
    assert ws.selected_id == second and ws.list.currentItem().data(ID_ROLE) == second
