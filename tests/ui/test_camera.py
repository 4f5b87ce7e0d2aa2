"""The camera dialog where there is no camera to use (a test run, a PC without one): it
says so and never hangs; photos the camera delivers (through the slot QImageCapture's
``imageCaptured`` calls) come back as JPEG bytes, one per shot, in the order taken."""

from __future__ import annotations

import glob
import sys

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QDialog

from tests.ui import person
from tests.ui.modal import when_shown
from tests.ui.person import click
from ui import camera, i18n
from ui.camera import CameraDialog


def open_dialog(qtbot) -> CameraDialog:  # type: ignore[no-untyped-def]
    dialog = CameraDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def a_photo(colour: str, width: int = 640, height: int = 480) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def test_without_qt_multimedia_there_is_no_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    # A PC without the backend's libraries: importing QtMultimedia raises ImportError.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    assert camera.available() is False
    assert camera.cameras() == []


@pytest.mark.skipif(bool(glob.glob("/dev/video*")), reason="this machine has a video device")
def test_no_camera_is_offered_on_a_machine_without_one() -> None:
    assert camera.available() is False


def test_the_dialog_says_why_there_is_no_picture_and_takes_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith(("No camera is connected", "The camera cannot be used"))
    assert not dialog.take.isEnabled() and not dialog.use.isEnabled()
    dialog.take_photo()  # a shortcut pressed anyway does nothing
    assert dialog.captured() == []
    click(qtbot, dialog.cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_dialog_says_it_in_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("zh")
    try:
        dialog = open_dialog(qtbot)
        assert any(w in dialog.message.text() for w in ("没有连接摄像头", "无法使用摄像头"))
        assert dialog.take.text() == "拍照(&T)"
    finally:
        i18n.set_language("en")


def test_photos_taken_come_back_as_jpeg_in_order_and_a_discarded_one_is_left_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    for n, colour in enumerate(("#d32f2f", "#1976d2", "#388e3c"), start=1):
        dialog.on_image_captured(n, a_photo(colour))
    assert dialog.shots.count() == 3
    assert dialog.count.text() == "3 photos taken"
    assert dialog.use.isEnabled()

    dialog.shots.setCurrentRow(1)  # the blue one
    click(qtbot, dialog.discard)
    assert [dialog.shots.item(i).text() for i in range(dialog.shots.count())] == ["1", "2"]

    click(qtbot, dialog.use)
    assert dialog.result() == QDialog.DialogCode.Accepted
    shots = dialog.captured()
    assert len(shots) == 2
    assert all(s.startswith(b"\xff\xd8") for s in shots)  # JPEG
    images = [QImage.fromData(s) for s in shots]
    assert [(i.width(), i.height()) for i in images] == [(640, 480), (640, 480)]
    centre = [QColor(i.pixel(320, 240)) for i in images]
    assert centre[0].red() > 200 and centre[0].blue() < 60  # red kept
    assert centre[1].green() > 120 and centre[1].red() < 80  # green kept, blue gone


def test_a_null_image_from_the_camera_is_not_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    dialog.on_image_captured(1, QImage())
    assert dialog.captured() == []
    assert dialog.count.text() == "The photo could not be taken. Try again."
    assert not dialog.use.isEnabled()


def test_jpeg_bytes_keep_the_picture() -> None:
    data = camera.jpeg_bytes(a_photo("#ffffff", 32, 16))
    back = QImage.fromData(data)
    assert (back.width(), back.height()) == (32, 16)
    assert QColor(back.pixel(5, 5)).lightness() > 240
    assert camera.jpeg_bytes(QImage()) == b""


def test_a_camera_that_cannot_start_is_said_and_its_photos_still_arrive(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Where Qt Multimedia loads (its backend's libraries installed): a camera that does not
    exist fails as a busy one does, with words and no hang; QImageCapture's own signal
    reaches the dialog's slot."""
    if camera._multimedia() is None or camera._widgets() is None:
        pytest.skip("Qt Multimedia does not load here")
    from PySide6.QtMultimedia import QCameraDevice

    dialog = CameraDialog(device=QCameraDevice())  # a null device: no such camera
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=camera.START_TIMEOUT_MS + 2000)
    assert dialog.message.text().startswith("The camera does not work or another program is using it.")
    assert not dialog.take.isEnabled()
    dialog.image_capture.imageCaptured.emit(7, a_photo("#d32f2f", 320, 240))
    assert len(dialog.captured()) == 1
    assert QImage.fromData(dialog.captured()[0]).width() == 320


# -- the camera on a photo strip ------------------------------------------------------------
def _strip_on_a_damage_mark(qtbot, ctx, staff):  # type: ignore[no-untyped-def]
    from advisor.codes import PhotoSubject
    from advisor.services import reception
    from tests import factories
    from ui.photo_strip import PhotoStrip

    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=4,
        body_damage=[{"zone": "bonnet", "kind": "chip", "note": ""}],
    )
    strip = PhotoStrip(ctx)
    strip.set_subject(ro_id, PhotoSubject.DAMAGE, 1, editable=True)
    strip.resize(600, 60)
    person.show_window(qtbot, strip, (600, 60))
    return ro_id, strip


def test_a_strip_offers_no_camera_where_there_is_none(qtbot, ctx, staff, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import photo_strip

    monkeypatch.setattr(photo_strip, "_camera_seen", None)  # asked afresh, not the last test's answer
    _ro_id, strip = _strip_on_a_damage_mark(qtbot, ctx, staff)
    assert strip.findChild(QAbstractButton, "photo_add").isVisible()
    if not camera.available():
        assert not strip.findChild(QAbstractButton, "photo_camera").isVisible()


def test_photos_taken_with_the_camera_are_added_to_the_strip(qtbot, ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A PC with a camera: the strip's camera button opens the dialog; the shots the camera
    delivers (through the dialog's imageCaptured slot) are stored as photos from the camera."""
    from advisor.services import photos
    from ui import photo_strip

    monkeypatch.setattr(camera, "available", lambda: True)
    monkeypatch.setattr(photo_strip, "_camera_seen", None)
    ro_id, strip = _strip_on_a_damage_mark(qtbot, ctx, staff)
    button = strip.findChild(QAbstractButton, "photo_camera")
    assert button.isVisible()

    def shoot(dialog: CameraDialog) -> None:
        dialog.on_image_captured(1, a_photo("#d32f2f", 1200, 900))
        dialog.on_image_captured(2, a_photo("#1976d2", 1200, 900))
        click(qtbot, dialog.use)

    when_shown(CameraDialog, shoot)
    click(qtbot, button)
    assert shown == []
    stored = photos.photos_of(ro_id, full=True)
    assert [(p.subject, p.subject_id, p.source) for p in stored] == [("damage", 1, "camera")] * 2
    assert [(p.width, p.height) for p in stored] == [(1200, 900)] * 2
    qtbot.waitUntil(lambda: len([b for b in strip.thumbs if b.isVisible()]) == 2)
