"""Tomorrow's arrivals, prepared (issue 17, item 12): the advisor opens the list from
Appointments, ticks each appointment's items as a person does; a tick the rules refuse
springs back with the reason; what is ticked is what the service records."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from advisor.models import AppointmentPrep, AuditLog
from advisor.services import appointments, standards
from tests import factories
from tests.ui import person
from ui import messages
from ui.appointment_prep import ArrivalsDialog
from ui.context import AppContext
from ui.live import LiveBridge
from ui.workspaces.appointments import AppointmentsWorkspace

ROOT = Path(__file__).resolve().parents[2]


def _book(staff: factories.Staff, hour: int, parts: str = "") -> int:
    c, v = factories.make_customer_vehicle(staff)
    at = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(hour))
    return appointments.book_appointment(
        actor=staff.advisor,
        customer_id=c,
        vehicle_id=v,
        starts_at=at,
        requested_work="Brake noise check",
        parts_needed=parts,
        estimated_cents=45_000,
    ).id


def _ticked(appt: int) -> set[str]:
    return {p.item for p in AppointmentPrep.select().where(AppointmentPrep.appointment == appt)}


def test_the_advisor_ticks_tomorrows_arrivals(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    first = _book(staff, 9)
    second = _book(staff, 11, parts="前刹车片")
    ws = AppointmentsWorkspace(make_ctx("advisor"))
    person.show_window(qtbot, ws)
    person.click(qtbot, ws.prepare_button)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in ws.findChildren(ArrivalsDialog)), timeout=3000)
    dialog = next(d for d in ws.findChildren(ArrivalsDialog) if d.isVisible())
    qtbot.waitExposed(dialog)
    assert [r.appointment_id for r in dialog.rows] == [first, second]
    assert "0 of 2" in dialog.summary.text()
    assert not dialog.boxes[(first, "parts")].isEnabled()  # no parts needed: nothing to reserve

    # The plan needs the technician and bay written first: refused, the tick springs back.
    with messages.capture() as seen:
        person.click(qtbot, dialog.boxes[(first, "planned")])
    assert seen and "technician and the bay" in seen[0][1]
    assert not dialog.boxes[(first, "planned")].isChecked() and _ticked(first) == set()

    person.fill(qtbot, dialog.plans[first], "赵磊 · 2号工位")
    for item in ("planned", "amount", "time", "booklet"):
        person.click(qtbot, dialog.boxes[(first, item)])
        qtbot.waitUntil(
            lambda i=item: dialog.boxes[(first, i)].isChecked() and i in _ticked(first), timeout=3000
        )
    qtbot.waitUntil(lambda: "1 of 2" in dialog.summary.text(), timeout=3000)
    (plan,) = AppointmentPrep.select().where(
        (AppointmentPrep.appointment == first) & (AppointmentPrep.item == "planned")
    )
    assert plan.note == "赵磊 · 2号工位" and plan.done_by_id == staff.advisor.user_id
    # The plan changes after it was ticked: saved when the field is left.
    person.fill(qtbot, dialog.plans[first], "孙伟 · 3号工位")
    person.key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: (
            AppointmentPrep.get(
                (AppointmentPrep.appointment == first) & (AppointmentPrep.item == "planned")
            ).note
            == "孙伟 · 3号工位"
        ),
        timeout=3000,
    )
    assert (
        AuditLog.select().where((AuditLog.action == "prep_tick") & (AuditLog.entity_id == first)).count() == 5
    )  # four ticks and the plan changed

    # Unticking is recorded too.
    person.click(qtbot, dialog.boxes[(first, "amount")])
    qtbot.waitUntil(lambda: "amount" not in _ticked(first), timeout=3000)
    qtbot.waitUntil(lambda: "0 of 2" in dialog.summary.text(), timeout=3000)
    assert AuditLog.select().where(AuditLog.action == "prep_untick").count() == 1
    (row,) = [
        r for r in standards.arrivals(dt.date.today() + dt.timedelta(days=1)) if r.appointment_id == first
    ]
    assert row.prepared == 4  # parts not needed counts; amount unticked
    person.click(qtbot, dialog.findChild(object, "arrivals_close"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    QApplication.processEvents()


# Another desk: a colleague ticks "time told" on the same appointment.
COLLEAGUE = textwrap.dedent(
    """
    import sys
    from advisor.services import standards, system
    from advisor.services._base import Actor

    url, user_id, appt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    system.open_database(url)
    tom = Actor(user_id, "tom", "Tom Baker", "advisor")
    standards.tick_prep(actor=tom, appointment_id=appt, item="time")
    """
)


def test_a_tick_at_another_desk_arrives_live_and_what_is_typed_stays(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff, url: str, qapp: object
) -> None:
    appt = _book(staff, 10)
    ctx = make_ctx("advisor")
    dialog = ArrivalsDialog(ctx)
    person.show_window(qtbot, dialog)
    person.fill(qtbot, dialog.plans[appt], "孙伟 · 1号工位")  # typed, not saved yet
    bridge = LiveBridge()
    try:
        bridge.changed.connect(ctx.ops.changed)
        bridge.start(url, shared=url.startswith("postgresql"))
        assert bridge.wait_ready()
        if not url.startswith("postgresql"):
            qtbot.wait(700)  # the poller has read its first data_version
        other = subprocess.run(
            [sys.executable, "-c", COLLEAGUE, url, str(staff.advisor2.user_id), str(appt)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.returncode == 0, other.stderr
        qtbot.waitUntil(lambda: dialog.boxes[(appt, "time")].isChecked(), timeout=5000)
        assert "Tom Baker" in dialog.boxes[(appt, "time")].toolTip()
        assert dialog.plans[appt].text() == "孙伟 · 1号工位"  # the colleague's tick kept it
    finally:
        bridge.stop()
