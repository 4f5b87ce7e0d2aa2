"""Findings on screen as a person uses them at 1366×768 (issue 18, item 3): the estimate
page's "From the inspection" tab turns the ticked findings into lines and marks each such
line with its photo (a click opens it); the repair page raises one change request from
the findings; the call list and the solicitation page show a declined finding with its
photo, and a click opens it large."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from advisor.models import ChangeRequest, EstimateLine, InspectionResult, Photo, now
from advisor.services import estimate, findings
from advisor.services.orders import get_ro_view
from tests import factories
from tests.inspection_rows import inspect
from tests.ui import person
from tests.ui.modal import closed
from ui import i18n
from ui.photo_viewer import PhotoViewer
from ui.ro.findings_change_dialog import FindingsChangeDialog
from ui.ro.lines_model import COLUMNS
from ui.workspaces.repair_order import RepairOrderWorkspace
from ui.workspaces.solicitation import SolicitationWorkspace


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """Switch the screens' language (Qt's translators and the domain's), back to English after."""
    yield i18n.set_language
    i18n.set_language("en")


def _workspace(qtbot: QtBot, ctx: Any, ro_id: int, step: int) -> tuple[RepairOrderWorkspace, Any]:
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    if ws.current_step != step:
        person.click(qtbot, ws.step_bar.group.button(step))
    assert ws.current_step == step
    return ws, ws.pages[step]


def _viewer_opened(qtbot: QtBot, photo_ids: list[int]) -> PhotoViewer:
    """The photo viewer up, showing ``photo_ids`` (the first of them), then closed."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PhotoViewer))
    viewer = QApplication.activeModalWidget()
    assert isinstance(viewer, PhotoViewer)
    assert viewer.ids == photo_ids
    assert viewer.shown is not None and viewer.shown.id == photo_ids[0]
    assert not viewer.picture.pixmap().isNull()
    person.click(qtbot, viewer.close_button)
    return viewer


def _waiting(page: Any) -> int:
    """The count the findings tab's title shows: "From the inspection (3)" / "检查发现（3）"."""
    found = re.search(r"[(（](\d+)[)）]$", page.adders.tabText(page.findings_tab))
    assert found, page.adders.tabText(page.findings_tab)
    return int(found.group(1))


def _photo(result_id: int) -> int:
    return int(Photo.get(Photo.subject_id == result_id).id)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_estimate_page_turns_ticked_findings_into_lines_with_their_photo(
    qtbot: QtBot, make_ctx: Any, staff: factories.Staff, shown: list[tuple[str, str]], lang: str, speak: Any
) -> None:
    speak(lang)
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    _ws, page = _workspace(qtbot, make_ctx("advisor", lang), ro_id, 5)
    tab = page.findings_tab
    assert page.adders.isTabVisible(tab)
    assert _waiting(page) == 3  # two red, one yellow; not green, n/a or unchecked
    person.click_tab(qtbot, page.adders, tab)
    ticks = page.findings_list.ticks
    assert set(ticks) == {ids["brake_pads_front"], ids["wipers"], ids["tyre_fl"]}
    assert all(t.isChecked() for t in ticks.values())
    person.click(qtbot, ticks[ids["tyre_fl"]])  # the yellow tyre: not now
    assert not ticks[ids["tyre_fl"]].isChecked()
    # Each finding's photo is there to show the customer: a click opens it large.
    pads_photo = _photo(ids["brake_pads_front"])
    button = page.findings_list.findChild(QToolButton, f"finding_photo_{pads_photo}")
    assert not button.icon().isNull()
    person.click(qtbot, button)
    _viewer_opened(qtbot, [pads_photo])

    person.click(qtbot, page.findings_add)
    assert shown == []
    lines = get_ro_view(ro_id).lines
    assert [(x.kind, x.code) for x in lines] == [
        ("labour", "L-BRF"),
        ("part", "45022-TBA-A01"),
        ("labour", ""),
    ]
    assert InspectionResult.get_by_id(ids["tyre_fl"]).line is None
    # Only the tyre waits now (the page refreshes on the change).
    qtbot.waitUntil(lambda: _waiting(page) == 1)
    assert set(page.findings_list.ticks) == {ids["tyre_fl"]}
    # Each line of the pads' canned job shows the pads' photo (the labour and the pads).
    for line in lines[:2]:
        row = [x.id for x in page.model.lines].index(line.id)
        assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
    # The wiper's line shows its photo; a click on it opens the photo.
    row = [x.id for x in page.model.lines].index(lines[2].id)
    index = page.model.index(row, COLUMNS.index("kind"))
    assert page.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    name = "Wiper blades" if lang == "en" else "雨刮片"
    assert name in page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    person.click_at(qtbot, page.table, index)
    _viewer_opened(qtbot, [_photo(ids["wipers"])])
    assert shown == []


def test_no_findings_no_tab(qtbot: QtBot, make_ctx: Any, staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    _ws, page = _workspace(qtbot, make_ctx("advisor", "en"), ro_id, 5)
    assert not page.adders.isTabVisible(page.findings_tab)


def test_the_repair_page_raises_one_change_request_from_the_findings(
    qtbot: QtBot, make_ctx: Any, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    ws, page = _workspace(qtbot, make_ctx("advisor", "en"), ro_id, 8)
    person.click(qtbot, page.findings_btn)
    dialog = ws.findChild(FindingsChangeDialog)
    qtbot.waitUntil(dialog.isVisible)
    person.click(qtbot, dialog.list.ticks[ids["wipers"]])  # the pads and the tyre only
    person.fill(qtbot, dialog.reason, "Found at the walk-around")
    person.click(qtbot, dialog.ok_button)
    closed(qtbot, dialog, ws)
    assert shown == []
    (cr,) = ChangeRequest.select().where(ChangeRequest.ro == ro_id)
    assert cr.reason == "Found at the walk-around"
    lines = list(EstimateLine.select().where(EstimateLine.change_request == cr.id))
    assert [x.code for x in lines] == ["L-BRF", "45022-TBA-A01", ""]
    assert InspectionResult.get_by_id(ids["wipers"]).change_request is None
    # The wiper still waits, but not while this change waits for the customer: the next
    # one can go once the customer has answered. The button stays for it.
    qtbot.waitUntil(lambda: sum(1 for f in page.findings_ if not f.turned) == 1)
    assert page.findings_btn.isVisible()
    # The change, selected, shows the pads' photo it was raised from: a click opens it.
    qtbot.waitUntil(lambda: len(page.finding_photo_buttons) == 1)
    pads_photo = _photo(ids["brake_pads_front"])
    assert page.finding_photo_buttons[0].objectName() == f"finding_photo_{pads_photo}"
    assert page.finding_photos_label.isVisible()
    person.click(qtbot, page.finding_photo_buttons[0])
    _viewer_opened(qtbot, [pads_photo])
    assert shown == []


def _declined_finding(staff: factories.Staff) -> tuple[int, int]:
    """A handed-over RO whose wiper finding (with its photo) was declined as too expensive;
    returns (vehicle id, the wiper's photo id)."""
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    work = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"], ids["wipers"]], lang="en"
    )
    *pads, wiper = work.line_ids
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={**dict.fromkeys(pads, "approved"), wiper: "declined"},
        decline_reasons={wiper: factories.reason_id("price")},
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        signature=factories.signature(),
    )
    factories.finish(staff, ro_id)
    return get_ro_view(ro_id).vehicle.id, _photo(ids["wipers"])


def test_the_call_list_shows_a_declined_findings_photo_and_opens_it(
    qtbot: QtBot, make_ctx: Any, staff: factories.Staff, shown: list[tuple[str, str]], speak: Any
) -> None:
    vehicle_id, photo = _declined_finding(staff)
    speak("zh_CN")
    ws = SolicitationWorkspace(make_ctx("advisor", "zh_CN"))
    person.show_window(qtbot, ws)
    ws.refresh()
    row = next(r for r, item in enumerate(ws.visible_items()) if item.vehicle_id == vehicle_id)
    person.click_at(qtbot, ws.table, ws.table.model().index(row, 0))
    assert ws.table.item(row, 0).text().startswith("📷")
    assert ws.table.item(row, 0).toolTip() == "附上次拒绝项目的检查照片"
    assert not ws.photo_button.icon().isNull()
    person.click(qtbot, ws.photo_button)
    _viewer_opened(qtbot, [photo])
    assert shown == []


def test_the_solicitation_page_shows_the_declined_findings_photo(
    qtbot: QtBot, make_ctx: Any, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    vehicle_id, photo = _declined_finding(staff)
    ro_id = factories.open_checked_in(staff, vehicle_id=vehicle_id)  # the customer is back
    _ws, page = _workspace(qtbot, make_ctx("advisor", "en"), ro_id, 1)
    item = page.declined.item(0)
    assert "Too expensive" in item.text() and not item.icon().isNull()
    person.click_at(qtbot, page.declined, page.declined.model().index(0, 0))
    _viewer_opened(qtbot, [photo])
    assert shown == []
