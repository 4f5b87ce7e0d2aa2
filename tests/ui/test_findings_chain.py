"""The chain issue 18 asks for, as a person does it at 1366×768: an inspection at the
walk-around with two red items, each with a photo from a file; the findings panel turns
them into two estimate lines; the customer authorises one and declines the other saying
why; at the next solicitation the call list shows the declined item with its photo, and
a click opens it large."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from advisor.models import InspectionResult, Photo
from advisor.services import inspection
from advisor.services.orders import get_ro_view
from tests import factories
from tests import photo_samples as samples
from tests.ui import person
from tests.ui.modal import closed, when_shown
from ui.photo_viewer import PhotoViewer
from ui.ro.authorise_dialog import AuthoriseDialog
from ui.workspaces.repair_order import RepairOrderWorkspace
from ui.workspaces.solicitation import SolicitationWorkspace

RED = ("discs_front", "wipers")  # two red items without a canned job: one line each


def _type_path_in_file_dialog(qtbot: QtBot, path: str) -> None:
    """When the strip's file dialog is up: type the path into its focused field, Enter."""

    def act(dialog: QFileDialog) -> None:
        dialog.activateWindow()  # what the window manager does (offscreen has none)
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=2000)
        person.type_text(qtbot, path)
        person.key(qtbot, Qt.Key.Key_Return)

    when_shown(QFileDialog, act)


def _go(qtbot: QtBot, ws: RepairOrderWorkspace, step: int) -> Any:
    person.click(qtbot, ws.step_bar.group.button(step))
    assert ws.current_step == step
    return ws.pages[step]


def test_two_red_findings_with_photos_become_lines_one_declined_comes_back_with_its_photo(
    qtbot: QtBot, make_ctx: Any, staff: factories.Staff, shown: list[tuple[str, str]], tmp_path: Path
) -> None:
    ctx = make_ctx("advisor", "en")
    ro_id = factories.open_checked_in(staff)
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)

    # The walk-around: the inspection, two items red, a photo of each from a file.
    reception = _go(qtbot, ws, 3)
    person.click(qtbot, reception.inspection_button)
    qtbot.waitUntil(lambda: reception.inspection_button.dialog is not None)
    dialog = reception.inspection_button.dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = {row.result.item_key: row for row in dialog.rows.values()}
    for n, key in enumerate(RED):
        person.click(qtbot, rows[key].buttons["red"])
        picture = tmp_path / f"{key}.jpg"
        picture.write_bytes(samples.jpeg(1200, 900))
        _type_path_in_file_dialog(qtbot, str(picture))
        person.click(qtbot, rows[key].photos.add_button)  # the item's photo strip
        qtbot.waitUntil(lambda n=n: Photo.select().where(Photo.ro == ro_id).count() == n + 1, timeout=5000)
    person.click(qtbot, dialog.close_button)
    closed(qtbot, dialog, ws)
    view = inspection.read_inspection(actor=staff.advisor, ro_id=ro_id)
    assert view is not None
    results = {r.item_key: r for r in view.results}
    assert [results[k].rating for k in RED] == ["red", "red"]
    assert [results[k].photo_count for k in RED] == [1, 1]

    # The estimate: the findings panel turns both into lines, by clicks.
    estimate_page = _go(qtbot, ws, 5)
    person.click_tab(qtbot, estimate_page.adders, estimate_page.findings_tab)
    assert set(estimate_page.findings_list.ticks) == {results[k].id for k in RED}
    person.click(qtbot, estimate_page.findings_add)
    assert shown == []
    lines = get_ro_view(ro_id).lines
    assert len(lines) == 2 and {x.status for x in lines} == {"proposed"}
    disc_line = InspectionResult.get_by_id(results["discs_front"].id).line
    wiper_line = InspectionResult.get_by_id(results["wipers"].id).line
    assert {disc_line, wiper_line} == {x.id for x in lines}

    # The customer approves the disc and declines the wipers: too expensive (by phone).
    def decide(d: AuthoriseDialog) -> None:
        # The wipers' line shows their photo: a click shows the customer the cracked blade.
        row = [x.id for x in d.lines].index(wiper_line)
        assert not d.table.item(row, 0).icon().isNull()
        person.click_at(qtbot, d.table, d.table.model().index(row, 0))
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PhotoViewer))
        viewer = QApplication.activeModalWidget()
        seen["in_dialog"] = viewer.ids  # type: ignore[union-attr]
        person.click(qtbot, viewer.close_button)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is d)
        person.choose(qtbot, d.decisions[wiper_line], "Decline")
        person.choose(qtbot, d.reason_boxes[wiper_line], "Too expensive")
        person.choose(qtbot, d.method, "By phone")
        person.click(qtbot, d.ok_button)
        if d.isVisible():  # refused: the assertions below say why
            d.reject()

    seen: dict[str, Any] = {}
    qtbot.waitUntil(lambda: len(estimate_page.view.lines) == 2)  # the page shows the new lines
    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, estimate_page.authorise_button)
    assert shown == []
    decided = {x.id: (x.status, x.decline_reason_en) for x in get_ro_view(ro_id).lines}
    assert decided == {disc_line: ("approved", ""), wiper_line: ("declined", "Too expensive")}
    wiper_photo = Photo.get(Photo.subject_id == results["wipers"].id).id
    assert seen["in_dialog"] == [wiper_photo]

    # The work is done and the car goes home; at the next solicitation the call list shows
    # the declined wipers with their photo, and a click opens it large.
    factories.finish(staff, ro_id)
    calls = SolicitationWorkspace(make_ctx("advisor", "en"))
    person.show_window(qtbot, calls)
    calls.refresh()
    person.choose(qtbot, calls.filter, "Declined work")
    vehicle_id = get_ro_view(ro_id).vehicle.id
    row = next(r for r, item in enumerate(calls.visible_items()) if item.vehicle_id == vehicle_id)
    person.click_at(qtbot, calls.table, calls.table.model().index(row, 0))
    assert "Wiper" in calls.details.toPlainText() and "Too expensive" in calls.details.toPlainText()
    assert calls.photo_button.isVisible() and not calls.photo_button.icon().isNull()

    def look(viewer: PhotoViewer) -> None:
        seen["ids"] = viewer.ids
        seen["shown"] = viewer.shown.id if viewer.shown else None
        seen["size"] = viewer.picture.pixmap().size()
        person.click(qtbot, viewer.close_button)

    when_shown(PhotoViewer, look)
    person.click(qtbot, calls.photo_button)
    qtbot.waitUntil(lambda: "size" in seen, timeout=5000)
    assert seen["ids"] == [wiper_photo] and seen["shown"] == wiper_photo
    assert seen["size"].height() > 300  # large, not the thumbnail
    assert shown == []
