"""The digital inspection as a person does it (issue 18): opened from the reception page
by its button, items rated with the buttons and by typing a measurement (the thresholds
suggest the rating), a note, the recommendation; kept when reopened; the next visit of the
same car shows last time's yellow. At 1366×768 the items scroll into reach."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from advisor.services import inspection, photos, reception, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests import photo_samples as samples
from tests.ui import person
from tests.ui.modal import closed
from tests.ui.test_photo_strip import thumbs, type_path_in_file_dialog
from ui.ro.inspection_dialog import InspectionDialog
from ui.workspaces.repair_order import RepairOrderWorkspace


def _open_step(qtbot, ctx, ro_id, step):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id, step)
    return ws, ws.page(step)


def _open_dialog(qtbot, page) -> InspectionDialog:  # type: ignore[no-untyped-def]
    person.click(qtbot, page.inspection_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), InspectionDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, InspectionDialog)
    return dialog


def _rows(dialog: InspectionDialog):  # type: ignore[no-untyped-def]
    return {row.result.item_key: row for row in dialog.rows.values()}


def test_rate_measure_recommend_close_reopen_and_see_it_next_visit(
    qtbot, ctx, staff, shown, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.settled_paid(staff)  # the car is still here: the walk-around page
    ws, page = _open_step(qtbot, ctx, ro_id, 3)
    assert page.inspection_button.text().replace("&", "") == "Inspection…"
    dialog = _open_dialog(qtbot, page)
    assert get_ro_view(ro_id).inspection is not None  # the first click started it
    rows = _rows(dialog)
    # Two reds by measurement (1.4 mm tread, 1.8 mm pads: the thresholds say red), a note.
    person.fill(qtbot, rows["tread_fl"].measure, "1.4")
    person.key(qtbot, Qt.Key.Key_Return)
    person.click(qtbot, rows["tread_fl"].note)
    person.type_text(qtbot, "内侧磨损到极限")
    person.key(qtbot, Qt.Key.Key_Return)
    person.fill(qtbot, rows["pads_front"].measure, "1,8")  # a comma is a decimal point too
    person.key(qtbot, Qt.Key.Key_Return)
    # A photo of the worn pad from a file, on its row.
    picture = tmp_path / "前刹车片 pads.jpg"
    picture.write_bytes(samples.jpeg(1200, 900))
    type_path_in_file_dialog(qtbot, str(picture))
    person.click(qtbot, rows["pads_front"].photos.add_button)
    qtbot.waitUntil(lambda: len(thumbs(rows["pads_front"].photos)) == 1, timeout=5000)
    # One yellow by its button, far down the list (it scrolls into reach).
    person.click(qtbot, rows["wipers"].buttons["yellow"])
    # A bad measurement is refused with a message, nothing saved.
    person.fill(qtbot, rows["tread_fr"].measure, "-3")
    person.click(qtbot, rows["tread_fr"].buttons["green"])
    assert shown and "0 to 9,999.99" in shown[-1][1]
    person.click(qtbot, dialog.recommendation)
    person.type_text(qtbot, "Front pads and the front left tyre now; wipers at the next service.")
    assert "2 red · 1 yellow" in dialog.counts.text()
    # Across the counter: only what needs attention.
    person.click(qtbot, dialog.only_findings)
    shown_rows = {key for key, row in rows.items() if row.isVisible()}
    assert shown_rows == {"tread_fl", "pads_front", "wipers"}
    assert [g for label, g, _r in dialog.group_labels if label.isVisible()] == [
        "tyres",
        "brakes",
        "electrical",
    ]
    person.click(qtbot, dialog.only_findings)
    assert all(row.isVisible() for row in rows.values())
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws)

    view = get_ro_view(ro_id).inspection
    assert view is not None
    got = {r.item_key: (r.rating, r.measurement, r.note) for r in view.results if r.rating}
    assert got == {
        "tread_fl": ("red", Decimal("1.40"), "内侧磨损到极限"),
        "pads_front": ("red", Decimal("1.80"), ""),
        "wipers": ("yellow", None, ""),
    }
    assert view.recommendation == "Front pads and the front left tyre now; wipers at the next service."
    assert {r.item_key: r.photo_count for r in view.results if r.photo_count} == {"pads_front": 1}
    qtbot.waitUntil(lambda: "2 red, 1 yellow" in page.inspection_button.text().replace("&", ""))

    # Reopened: everything as it was left.
    dialog = _open_dialog(qtbot, page)
    rows = _rows(dialog)
    assert rows["tread_fl"].buttons["red"].isChecked() and rows["tread_fl"].measure.text() == "1.4"
    assert rows["tread_fl"].note.text() == "内侧磨损到极限"
    assert rows["pads_front"].buttons["red"].isChecked() and rows["wipers"].buttons["yellow"].isChecked()
    assert not any(b.isChecked() for b in rows["tread_fr"].buttons.values())
    assert dialog.recommendation.toPlainText().startswith("Front pads")
    assert len(thumbs(rows["pads_front"].photos)) == 1 and thumbs(rows["tread_fl"].photos) == []
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws)

    # The car leaves; at its next visit the walk-around shows last time's yellow and reds.
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    vehicle_id = get_ro_view(ro_id).vehicle.id
    again = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    ws2, page2 = _open_step(qtbot, ctx, again, 3)
    dialog = _open_dialog(qtbot, page2)
    rows = _rows(dialog)
    assert rows["wipers"].last.text() == "Yellow"
    assert rows["tread_fl"].last.text() == "Red · 1.4 mm"
    assert rows["coolant"].last.text() == "—"
    person.click(qtbot, rows["wipers"].buttons["green"])  # replaced since: green this time
    assert rows["wipers"].last.text() == "Yellow"
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws2)
    assert [f.item_key for f in inspection.previous_findings(vehicle_id, again)] == [
        "tread_fl",
        "pads_front",
        "wipers",
    ]


def test_a_technician_inspects_from_the_diagnosis_page(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    ws, page = _open_step(qtbot, make_ctx("technician"), ro_id, 4)
    dialog = _open_dialog(qtbot, page)
    rows = _rows(dialog)
    person.fill(qtbot, rows["battery_voltage"].measure, "12.3")  # yellow at 12.4 V, red at 12.0
    person.key(qtbot, Qt.Key.Key_Return)
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws)
    view = get_ro_view(ro_id).inspection
    assert view is not None and view.stage == "diagnosis" and view.started_by == "赵磊"
    battery = next(r for r in view.results if r.item_key == "battery_voltage")
    assert (battery.rating, battery.measurement, battery.rated_by) == ("yellow", Decimal("12.30"), "赵磊")
    assert shown == []


def test_after_the_handover_the_inspection_is_shown_only(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.settled_paid(staff)
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    _ws, page = _open_step(qtbot, ctx, ro_id, 3)
    dialog = _open_dialog(qtbot, page)
    rows = _rows(dialog)
    assert not rows["wipers"].buttons["red"].isEnabled()
    assert rows["tread_fl"].measure.isReadOnly() and dialog.recommendation.isReadOnly()
    assert not dialog.finish_button.isVisible()
    assert "handed over" in dialog.status.text()


TECHNICIAN_AT_THE_CAR = """
import sys
from decimal import Decimal
from advisor.services import inspection, system
from advisor.services._base import Actor

url, user_id, ro_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
system.open_database(url)
actor = Actor(user_id, "zhao.lei", "赵磊", "technician")
view = inspection.inspection_of(ro_id)
pads = next(r for r in view.results if r.item_key == "pads_front")
inspection.rate_item(actor=actor, result_id=pads.id, rating="red", measurement=Decimal("1.9"), note="到极限")
"""


def test_a_technicians_rating_at_another_desk_appears_in_the_open_dialog(
    qtbot, ctx, staff, url, shown
) -> None:  # type: ignore[no-untyped-def]
    """The advisor has the inspection open at the counter; the technician measures the pads
    in the bay (another process): the row and the counts follow through the live bridge."""
    import subprocess
    import sys
    from pathlib import Path

    from ui.live import LiveBridge

    ro_id = factories.open_checked_in(staff)
    ws, page = _open_step(qtbot, ctx, ro_id, 3)
    dialog = _open_dialog(qtbot, page)
    pads = _rows(dialog)["pads_front"]
    assert not pads.buttons["red"].isChecked()
    bridge = LiveBridge()
    try:
        bridge.changed.connect(ctx.ops.changed)
        bridge.start(url, shared=url.startswith("postgresql"))
        assert bridge.wait_ready()
        if not url.startswith("postgresql"):
            qtbot.wait(700)  # the poller has read its first data_version
        other = subprocess.run(
            [sys.executable, "-c", TECHNICIAN_AT_THE_CAR, url, str(staff.technician.user_id), str(ro_id)],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.returncode == 0, other.stderr
        qtbot.waitUntil(lambda: pads.buttons["red"].isChecked(), timeout=5000)
        assert pads.measure.text() == "1.9" and pads.note.text() == "到极限"
        assert "1 red" in dialog.counts.text()
    finally:
        bridge.stop()
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws)
    assert shown == []


def test_another_advisors_ro_keeps_the_inspection_greyed_after_a_language_switch(
    qtbot, make_ctx, staff
) -> None:  # type: ignore[no-untyped-def]
    from ui import i18n

    ro_id = factories.open_checked_in(staff)  # 李娜's
    tom = make_ctx("advisor")
    tom.actor = staff.advisor2
    _ws, page = _open_step(qtbot, tom, ro_id, 3)
    assert page.inspection_button.isVisible() and not page.inspection_button.isEnabled()
    assert "李娜" in page.inspection_button.toolTip()
    try:
        i18n.set_language("zh_CN")
        qtbot.waitUntil(lambda: "车辆检查" in page.inspection_button.text())
        assert not page.inspection_button.isEnabled()
    finally:
        i18n.set_language("en")


def test_the_footer_shows_the_ros_photos_against_its_budget(qtbot, ctx, staff, shown, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Where most photos are added: the RO's count and MB used of its budget, updated as a
    photo is added on a row (and on photos added elsewhere: the same EVIDENCE change)."""
    ro_id, _lines = factories.settled_paid(staff)
    ws, page = _open_step(qtbot, ctx, ro_id, 3)
    dialog = _open_dialog(qtbot, page)
    usage = dialog.photo_usage
    assert usage.isVisible() and dialog.rect().contains(
        QRect(usage.mapTo(dialog, QPoint(0, 0)), usage.size())
    )
    assert usage.text() == "Photos of this RO: 0, 0.0 of 40.0 MB used (40.0 MB left)"
    picture = tmp_path / "pads.jpg"
    picture.write_bytes(samples.jpeg(1200, 900))
    type_path_in_file_dialog(qtbot, str(picture))
    person.click(qtbot, _rows(dialog)["pads_front"].photos.add_button)
    qtbot.waitUntil(lambda: usage.text().startswith("Photos of this RO: 1, "), timeout=5000)
    used = photos.read_photo_usage(actor=staff.advisor, ro_id=ro_id).used_bytes / 2**20
    assert usage.text() == f"Photos of this RO: 1, {used:.1f} of 40.0 MB used ({40 - used:.1f} MB left)"
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws)
