"""Photos on the step pages as a person adds them at 1366×768: a damage mark's on the
reception page, a concern's on the diagnosis page, a change request's in the dialog that
raises it and on the repair page — each from a file whose path is typed into the file
dialog, each seen as a thumbnail; read only where the step is over or the role may not add
photos."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QWidget

from advisor.codes import PhotoSubject
from advisor.models import now
from advisor.services import changes, estimate, photos, reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.modal import when_shown
from ui.change_request_dialog import ChangeRequestDialog
from ui.workspaces.repair_order import RepairOrderWorkspace

DENT = {"zone": "front_left_door", "kind": "dent", "note": "fist-sized"}
SCRATCH = {"zone": "front_bumper", "kind": "scratch", "note": ""}


def picture(tmp_path: Path, name: str = "dent.jpg", colour: str = "#c62828") -> Path:
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def open_step(qtbot, ctx, ro_id: int, step: int):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    if ws.current_step != step:
        person.click(qtbot, ws.findChild(QAbstractButton, f"step_{step}"))
    page = ws.pages[step]
    qtbot.waitUntil(page.isVisible)
    return ws, page


def button(strip: QWidget, name: str) -> QAbstractButton:
    found = strip.findChild(QAbstractButton, name)
    assert found is not None, f"no {name} in {strip.objectName()}"
    return found


def add_from_file(qtbot, strip: QWidget, path: Path, add: str = "photo_add") -> None:  # type: ignore[no-untyped-def]
    """Click "Add photo…", type the file's path into the file dialog's focused field, Enter."""

    def answer(dialog: QFileDialog) -> None:
        qtbot.waitUntil(
            lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget())
        )
        person.type_text(qtbot, str(path))
        person.key(qtbot, Qt.Key.Key_Return)

    when_shown(QFileDialog, answer)
    person.click(qtbot, button(strip, add))


def thumbs(strip: QWidget) -> list[QWidget]:
    return [
        w for w in strip.findChildren(QWidget) if w.objectName().startswith("photo_thumb_") and w.isVisible()
    ]


def stored(ro_id: int, subject: str) -> list[Any]:
    return [p for p in photos.photos_of(ro_id) if p.subject == subject]


def checked_in_with_marks(staff: factories.Staff) -> int:
    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=[SCRATCH, DENT]
    )
    return ro_id


# -- reception: a damage mark --------------------------------------------------------------
def test_a_photo_of_a_damage_mark_from_a_file(qtbot, ctx, staff, shown, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with_marks(staff)
    _ws, page = open_step(qtbot, ctx, ro_id, 3)
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(1, 0))  # 2. the dent
    assert page.mark_photos_label.text() == "Photos of mark 2:"
    add_from_file(qtbot, page.mark_photos, picture(tmp_path))

    qtbot.waitUntil(lambda: len(thumbs(page.mark_photos)) == 1)
    assert shown == []
    (photo,) = stored(ro_id, PhotoSubject.DAMAGE)
    assert photo.subject_id == 2  # the dent, counted from 1 in body_damage
    assert (photo.width, photo.height) == (800, 600)
    assert not person.reachable(thumbs(page.mark_photos)[0])
    qtbot.waitUntil(lambda: page.marks_list.item(1).text().endswith("📷 1"))
    assert "📷" not in page.marks_list.item(0).text()


def test_a_mark_with_photos_is_not_removed_and_one_before_it_renumbers_them(
    qtbot, ctx, staff, shown, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with_marks(staff)
    photos.add_photo(
        actor=staff.advisor,
        ro_id=ro_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=2,
        data=picture(tmp_path).read_bytes(),
    )
    _ws, page = open_step(qtbot, ctx, ro_id, 3)
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(1, 0))
    person.click(qtbot, page.remove_button)
    assert shown == [("error", "Mark 2 has photos: remove its photos before removing the mark.")]
    assert page.marks_list.count() == 2

    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(0, 0))  # the scratch
    assert page.mark_photos_label.text() == "Photos of mark 1:" and thumbs(page.mark_photos) == []
    person.click(qtbot, page.remove_button)
    person.click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: get_ro_view(ro_id).body_damage == (DENT,))
    assert [p.subject_id for p in stored(ro_id, PhotoSubject.DAMAGE)] == [1]  # still the dent's
    qtbot.waitUntil(lambda: page.marks_list.count() == 1 and page.marks_list.item(0).text().endswith("📷 1"))


def test_a_photo_of_a_mark_renumbered_at_another_desk_is_refused_and_the_page_refreshed(
    qtbot, ctx, staff, shown, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The screen shows the scratch, the dent and a chip; another desk removes the scratch
    before this screen refreshed; the photo of "mark 2" (the dent here) is not stored on the
    chip that is mark 2 now: refused, and the page shows the marks as they are."""
    chip = {"zone": "bonnet", "kind": "chip", "note": ""}
    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=[SCRATCH, DENT, chip]
    )
    _ws, page = open_step(qtbot, ctx, ro_id, 3)
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(1, 0))  # 2. the dent
    reception.check_in(  # another desk (no refresh reaches this screen yet)
        actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=[DENT, chip]
    )
    assert page.marks_list.count() == 3
    add_from_file(qtbot, page.mark_photos, picture(tmp_path))

    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [
        (
            "error",
            "Damage mark 2 changed at another desk: the photo was not saved. "
            "The page has been refreshed: check which mark is chosen and add the photo again.",
        )
    ]
    assert stored(ro_id, PhotoSubject.DAMAGE) == []
    qtbot.waitUntil(lambda: page.marks_list.count() == 2)
    assert "Front left door" in page.marks_list.item(0).text()
    # The dent stays chosen where it went (mark 1 now), and takes the photo.
    assert page.marks_list.currentRow() == 0 and page.mark_photos_label.text() == "Photos of mark 1:"
    add_from_file(qtbot, page.mark_photos, picture(tmp_path))
    qtbot.waitUntil(lambda: len(thumbs(page.mark_photos)) == 1)
    assert [p.subject_id for p in stored(ro_id, PhotoSubject.DAMAGE)] == [1]


def test_a_mark_not_saved_yet_says_to_save_first(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with_marks(staff)
    _ws, page = open_step(qtbot, ctx, ro_id, 3)
    person.choose(qtbot, page.zone, "Roof")
    person.click(qtbot, page.add_button)
    assert page.marks_list.currentRow() == 2
    assert page.mark_photos_label.text() == "Save the check-in to add photos to this mark."
    assert not page.mark_photos.isVisible()


def test_once_authorised_a_marks_photos_are_read_only(qtbot, ctx, staff, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ro_id, lines = factories.estimated(staff)
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=[DENT])
    photos.add_photo(
        actor=staff.advisor,
        ro_id=ro_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=1,
        data=picture(tmp_path).read_bytes(),
    )
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "approved"),
        customer_name="张伟",
        method="phone",
        phone="13912345678",
        promised_at=now() + dt.timedelta(hours=4),
    )
    _ws, page = open_step(qtbot, ctx, ro_id, 3)
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(0, 0))
    assert len(thumbs(page.mark_photos)) == 1  # seen …
    add = page.mark_photos.findChild(QAbstractButton, "photo_add")
    assert add is None or not add.isVisible()  # … but no more added


def test_a_role_that_may_not_add_photos_sees_them_only(qtbot, make_ctx, staff, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with_marks(staff)
    photos.add_photo(
        actor=staff.advisor,
        ro_id=ro_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=1,
        data=picture(tmp_path).read_bytes(),
    )
    _ws, page = open_step(qtbot, make_ctx("cashier"), ro_id, 3)
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(0, 0))
    assert len(thumbs(page.mark_photos)) == 1
    add = page.mark_photos.findChild(QAbstractButton, "photo_add")
    assert add is None or not add.isVisible()


def test_marks_saved_at_another_desk_keep_their_photos_on_this_screen(
    qtbot, ctx, staff, shown, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    ro_id = checked_in_with_marks(staff)
    photos.add_photo(
        actor=staff.advisor,
        ro_id=ro_id,
        subject=PhotoSubject.DAMAGE,
        subject_id=2,
        data=picture(tmp_path).read_bytes(),
    )
    ws, page = open_step(qtbot, ctx, ro_id, 3)
    assert page.marks_list.item(1).text().endswith("📷 1")
    # Another desk removes the scratch: the dent is mark 1 now, its photo with it.
    reception.check_in(actor=staff.manager, ro_id=ro_id, mileage_km=21_000, fuel_level=4, body_damage=[DENT])
    ws.refresh()  # what the live bridge does on the other desk's commit
    assert page.marks_list.count() == 1 and page.marks_list.item(0).text().endswith("📷 1")
    person.click_at(qtbot, page.marks_list, page.marks_list.model().index(0, 0))
    assert page.mark_photos_label.text() == "Photos of mark 1:"
    assert len(thumbs(page.mark_photos)) == 1
    assert shown == []


# -- diagnosis: a concern ------------------------------------------------------------------
def test_a_photo_of_a_concern_from_a_file(qtbot, ctx, staff, shown, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ro_id = factories.open_checked_in(staff)
    (concern,) = get_ro_view(ro_id).concerns
    _ws, page = open_step(qtbot, ctx, ro_id, 4)
    (card,) = page.cards
    strip = card.strips[PhotoSubject.CONCERN]
    add_from_file(qtbot, strip, picture(tmp_path, "noise.png", "#1565c0"))

    qtbot.waitUntil(lambda: len(thumbs(page.cards[0].strips[PhotoSubject.CONCERN])) == 1)
    assert shown == []
    (photo,) = stored(ro_id, PhotoSubject.CONCERN)
    assert photo.subject_id == concern.id
    assert stored(ro_id, PhotoSubject.FINDING) == []
    assert thumbs(page.cards[0].strips[PhotoSubject.FINDING]) == []


# -- repair: a change request ------------------------------------------------------------
def test_a_photo_attached_when_raising_a_change_request(qtbot, ctx, staff, shown, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.worked(staff)
    _ws, page = open_step(qtbot, ctx, ro_id, 8)

    person.click(qtbot, page.raise_btn)  # the dialog opens (window-modal, not exec)
    (dialog,) = page.findChildren(ChangeRequestDialog)
    qtbot.waitExposed(dialog)
    person.fill(qtbot, dialog.reason, "Rear pads worn to 2 mm")
    person.click(qtbot, dialog.add_labour_btn)
    person.click_at(qtbot, dialog.table, dialog.table.model().index(0, 2), double=True)
    person.key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    person.type_text(qtbot, "Replace rear brake pads\n")
    add_from_file(qtbot, dialog.photos, picture(tmp_path, "pads.jpg", "#6d4c41"), "pending_photo_add")
    assert dialog.photos.list.count() == 1
    assert stored(ro_id, PhotoSubject.CHANGE) == []  # nothing stored before the change is raised
    person.click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert shown == []
    assert dialog.change_id is not None
    (photo,) = stored(ro_id, PhotoSubject.CHANGE)
    assert photo.subject_id == dialog.change_id

    qtbot.waitUntil(lambda: len(thumbs(page.change_photos)) == 1)  # the new change is selected
    assert not person.reachable(thumbs(page.change_photos)[0])


def test_a_photo_added_to_a_change_on_the_repair_page(qtbot, ctx, staff, shown, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.worked(staff)
    change_id = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn too",
        new_promised_at=now() + dt.timedelta(hours=8),
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )
    _ws, page = open_step(qtbot, ctx, ro_id, 8)
    assert page.change_photos_label.text() == "Photos of the selected change:"
    add_from_file(qtbot, page.change_photos, picture(tmp_path, "pads.jpg"))
    qtbot.waitUntil(lambda: len(thumbs(page.change_photos)) == 1)
    assert [p.subject_id for p in stored(ro_id, PhotoSubject.CHANGE)] == [change_id]
    assert shown == []
