"""Today: the three lanes, the greeting timer, badges, recording an arrival, walk-in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from advisor.services import appointments, reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, desk, open_workspace
from tests.ui.shell_support import workstation  # noqa: F401
from ui.desk.lanes import LEVEL_ROLE, ArrivingModel, InProgressModel, WaitingModel
from ui.workspaces.today import TodayWorkspace


def make_today(qtbot, ctx) -> TodayWorkspace:
    """Today as the day starts: the first workspace of the main window at 1366×768."""
    window = desk(qtbot, ctx)
    ws = window.workspace("today")
    assert isinstance(ws, TodayWorkspace) and ws.isVisible()
    return ws


def timer_cell(model: WaitingModel, row: int) -> tuple[str, str]:
    index = model.index(row, 3)
    return index.data(), index.data(LEVEL_ROLE)


def test_waiting_timer_turns_amber_at_two_and_red_at_three_minutes(qtbot, ctx, staff) -> None:
    _c, vid = factories.make_customer_vehicle(staff)
    arrived = dt.datetime.now().replace(microsecond=0) - dt.timedelta(seconds=100)
    reception.open_repair_order(actor=staff.advisor, vehicle_id=vid, arrived_at=arrived)
    ws = make_today(qtbot, ctx)
    model = ws.waiting
    assert model.rowCount() == 1 and model.index(0, 1).data().startswith("京A")

    model.tick(arrived + dt.timedelta(seconds=100))
    assert timer_cell(model, 0) == ("1 min 40 s", "ok")
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.tick(arrived + dt.timedelta(seconds=125))
    assert (changed.args[0].column(), changed.args[1].column()) == (3, 3)  # only the timer cells
    assert timer_cell(model, 0) == ("▲ 2 min 05 s", "amber")
    model.tick(arrived + dt.timedelta(seconds=200))
    assert timer_cell(model, 0) == ("● 3 min 20 s late", "red")
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"


def test_lanes_show_late_arrivals_from_the_service(qtbot, ctx, staff) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    for seconds in (30, 150, 240):
        _c, vid = factories.make_customer_vehicle(staff)
        reception.open_repair_order(
            actor=staff.advisor, vehicle_id=vid, arrived_at=now - dt.timedelta(seconds=seconds)
        )
    ws = make_today(qtbot, ctx)
    levels = [ws.waiting.index(r, 3).data(LEVEL_ROLE) for r in range(3)]
    assert levels == ["red", "amber", "ok"]  # longest wait first
    assert ws.lane_titles[1].text() == "Waiting (3)"


def test_in_progress_shows_step_and_badge_and_late_mark(qtbot, ctx, staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    ws = make_today(qtbot, ctx)
    model = ws.in_progress
    assert model.rowCount() == 1
    view = get_ro_view(ro_id)
    assert model.index(0, 0).data() == view.number
    assert model.index(0, 2).data() == "Settlement"
    assert "Ready for handover" in model.index(0, 4).data()
    assert "(in " in model.index(0, 3).data()
    model.tick(view.promised_at + dt.timedelta(minutes=5))
    assert model.index(0, 3).data().startswith("● ")
    assert "late 5 min" in model.index(0, 3).data()
    assert model.index(0, 3).data(LEVEL_ROLE) == "red"


def test_every_lane_model_passes_the_model_tester(qtbot, ctx, staff, qtmodeltester) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    _c, vid = factories.make_customer_vehicle(staff)
    reception.open_repair_order(actor=staff.advisor, vehicle_id=vid, arrived_at=now)
    factories.estimated(staff)
    cid, vid2 = factories.make_customer_vehicle(staff)
    start = now.replace(hour=8, minute=0, second=0)
    appointments.book_appointment(
        actor=staff.advisor,
        customer_id=cid,
        vehicle_id=vid2,
        starts_at=start,
        requested_at=start - dt.timedelta(days=1),
        requested_work="5,000 km service",
        override=True,
    )
    ws = make_today(qtbot, ctx)
    for model in (ws.arriving, ws.waiting, ws.in_progress):
        assert model.rowCount() == 1
        qtmodeltester.check(model)
    for model in (ArrivingModel(), WaitingModel(), InProgressModel()):
        qtmodeltester.check(model)


def test_recording_an_arrival_opens_an_ro_for_the_appointment(qtbot, ctx, staff) -> None:
    cid, vid = factories.make_customer_vehicle(staff)
    start = dt.datetime.now().replace(hour=8, minute=30, second=0, microsecond=0)
    appt = appointments.book_appointment(
        actor=staff.advisor,
        customer_id=cid,
        vehicle_id=vid,
        starts_at=start,
        requested_at=start - dt.timedelta(days=1),
        requested_work="Brake noise",
        override=True,
    )
    ws = make_today(qtbot, ctx)
    assert ws.arriving.index(0, 0).data() == "08:30"
    assert ws.arriving.index(0, 3).data() == "Not reconfirmed"
    person.click_at(qtbot, ws.arriving_view, ws.arriving.index(0, 0))
    with qtbot.waitSignal(ws.open_ro) as opened:
        person.key(qtbot, Qt.Key.Key_Return)
    view = get_ro_view(opened.args[0])
    assert view.appointment_id == appt.id and not view.walk_in
    # The RO opened in its own workspace; back on Today the lanes show the arrival.
    assert open_workspace(qtbot, ws.window(), "today") is ws
    qtbot.waitUntil(lambda: ws.arriving.index(0, 3).data() == "Arrived")
    assert ws.waiting.rowCount() == 1


def test_one_click_on_an_ro_opens_it(qtbot, ctx, staff) -> None:
    ro_id, _lines = factories.estimated(staff)
    ws = make_today(qtbot, ctx)
    with qtbot.waitSignal(ws.open_ro) as opened:
        person.click_at(qtbot, ws.progress_view, ws.in_progress.index(0, 1))
    assert opened.args == [ro_id]


def test_walk_in_with_a_new_customer_opens_an_ro(qtbot, ctx, staff, shown, monkeypatch) -> None:
    from ui.desk import walk_in

    warned: list[str] = []

    def fill(dialog: walk_in.WalkInDialog) -> None:
        person.click_tab(qtbot, dialog.tabs, 1)
        person.fill(qtbot, dialog.name, "林黛玉")
        person.fill(qtbot, dialog.phone, "13912345678")
        person.fill(qtbot, dialog.plate, "沪A12345")
        person.fill(qtbot, dialog.vin, "LFV2A21K0B3012345")  # check digit wrong on purpose
        warned.append(dialog.notes["vin"].note.text())
        person.click(qtbot, dialog.ok_button)

    as_person(monkeypatch, qtbot, walk_in.WalkInDialog, fill)
    ws = make_today(qtbot, ctx)
    with qtbot.waitSignal(ws.open_ro) as opened:
        person.click(qtbot, ws.walk_in_button)
    view = get_ro_view(opened.args[0])
    assert view.walk_in and view.vehicle.plate == "沪A12345" and view.customer.name == "林黛玉"
    # The check-digit warning is shown beside the VIN while typing, not in a box after saving.
    assert warned == ["▲ " + walk_in.warning_text("vin_check_digit")]
    assert shown == []


def test_each_lane_counts_as_many_columns_as_it_has_headers(qapp) -> None:
    from ui.desk.lanes import ArrivingModel, InProgressModel, WaitingModel

    for model in (ArrivingModel(), WaitingModel(), InProgressModel()):
        assert model.columnCount() == len(model.headers()) > 0
