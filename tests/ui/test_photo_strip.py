"""The photo strip and viewer as a person uses them: "Add photo…", a path typed into Qt's
file dialog and Enter; the thumbnail clicked and the photo seen large; files dropped on the
strip; the camera's shots; bad files refused in the user's language with nothing saved;
another desk's photo appearing by itself."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton, QVBoxLayout, QWidget

from advisor.models import Photo, RepairOrder
from advisor.services import photos as photo_service
from advisor.services import reception
from tests import factories
from tests import photo_samples as samples
from tests.snapshot import db_snapshot
from tests.ui import person
from tests.ui.modal import when_shown
from ui import i18n
from ui import photo_strip as strip_module
from ui.context import AppContext
from ui.photo_strip import PhotoStrip
from ui.photo_viewer import PhotoViewer

ROOT = Path(__file__).resolve().parents[2]
DAMAGE = [
    {"zone": "front_bumper", "kind": "scratch", "note": ""},
    {"zone": "bonnet", "kind": "dent", "note": ""},
]


def ro_with_damage(staff: factories.Staff) -> int:
    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        version=RepairOrder.get_by_id(ro_id).version,
        mileage_km=21_000,
        fuel_level=4,
        body_damage=DAMAGE,
        repair_class="minor",
    )
    return ro_id


class Host(QWidget):
    """A page holding a strip, as a step page will: a label above, the strip below."""

    def __init__(self, ctx: AppContext, *, compact: bool = False) -> None:
        super().__init__()
        self.strip = PhotoStrip(ctx, self, compact=compact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addStretch(1)


@pytest.fixture
def host(
    qtbot: Any, staff: factories.Staff, make_ctx: Callable[..., AppContext]
) -> Iterator[tuple[Host, int]]:
    ro_id = ro_with_damage(staff)
    page = Host(make_ctx("advisor"))
    page.strip.set_subject(ro_id, "damage", 2, editable=True)
    person.show_window(qtbot, page)
    yield page, ro_id


def thumbs(strip: PhotoStrip) -> list[QToolButton]:
    return [
        b
        for b in strip.findChildren(QToolButton)
        if b.objectName().startswith("photo_thumb_") and b.isVisible()
    ]


def drop_files(on: QWidget, files: list[Path]) -> QWidget | None:
    """Let go of ``files`` dragged from a file manager over the centre of ``on``: as Qt
    routes a drop, the first widget under the pointer that accepts drops gets the drag's
    enter and then the drop. Returns that widget (None when nothing takes them)."""
    assert person.reachable(on) == "", person.reachable(on)
    centre = on.mapToGlobal(on.rect().center())
    target = QApplication.widgetAt(centre)
    while target is not None and not target.acceptDrops():
        target = target.parentWidget()
    if target is None:
        return None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    point = QPointF(target.mapFromGlobal(centre))
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, copy, mime, left, none)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return None
    drop = QDropEvent(point, copy, mime, left, none)
    QApplication.sendEvent(target, drop)
    return target if drop.isAccepted() else None


def type_path_in_file_dialog(qtbot: Any, path: str) -> None:
    """Once Qt's file dialog is up: type the path into the field that has the focus (the
    file name), then Enter."""

    def act(dialog: QFileDialog) -> None:
        dialog.activateWindow()  # what the window manager does (offscreen has none)
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=2000)
        field = QApplication.focusWidget()
        assert field is not None and field.objectName() == "fileNameEdit", field
        person.type_text(qtbot, path)
        person.key(qtbot, Qt.Key.Key_Return)

    when_shown(QFileDialog, act)


def test_add_photo_types_a_path_sees_the_thumbnail_and_opens_it_large(
    qtbot: Any, host: tuple[Host, int], tmp_path: Path
) -> None:
    page, ro_id = host
    strip = page.strip
    assert strip.empty.isVisible() and thumbs(strip) == []
    picture = tmp_path / "前刹车盘 brake disc.jpg"
    picture.write_bytes(samples.jpeg(3000, 2000, orientation=6, gps=True))
    type_path_in_file_dialog(qtbot, str(picture))
    person.click(qtbot, strip.add_button)
    qtbot.waitUntil(lambda: len(thumbs(strip)) == 1, timeout=5000)
    (stored,) = photo_service.photos_of(ro_id, full=True)
    assert (stored.subject, stored.subject_id, stored.source) == ("damage", 2, "file")
    assert (stored.width, stored.height) == (1067, 1600)  # turned upright
    assert thumbs(strip)[0].objectName() == f"photo_thumb_{stored.id}"
    assert not strip.empty.isVisible()

    seen: dict[str, Any] = {}

    def look(viewer: PhotoViewer) -> None:
        seen["size"] = viewer.picture.pixmap().size()
        seen["meta"] = viewer.meta.text()
        seen["room"] = viewer.size()
        person.click(qtbot, viewer.close_button)

    when_shown(PhotoViewer, look)
    person.click(qtbot, thumbs(strip)[0])
    qtbot.waitUntil(lambda: "meta" in seen, timeout=5000)
    # Large: as tall as the viewer lets it be (never the 88 px thumbnail), upright.
    assert seen["size"].height() > 500 and seen["size"].height() > seen["size"].width()
    assert "Damage mark 2" in seen["meta"] and "李娜" in seen["meta"] and "photo 1 of 1" in seen["meta"]


def test_files_dropped_on_the_strip_are_added(qtbot: Any, host: tuple[Host, int], tmp_path: Path) -> None:
    page, ro_id = host
    strip = page.strip
    files = []
    for n, colour in enumerate((60, 160)):
        f = tmp_path / f"drop{n}.png"
        f.write_bytes(samples.jpeg(800, 600, colour=colour))
        files.append(f)
    assert drop_files(strip.empty, files) is strip
    qtbot.waitUntil(lambda: len(thumbs(strip)) == 2, timeout=5000)
    assert [p.source for p in photo_service.photos_of(ro_id, full=True)] == ["drop", "drop"]


def test_a_drag_without_files_or_on_a_read_only_strip_is_not_taken(
    qtbot: Any, staff: factories.Staff, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    ro_id = ro_with_damage(staff)
    page = Host(make_ctx("cashier"))
    page.strip.set_subject(ro_id, "damage", 1, editable=True)  # a cashier may not add photos
    person.show_window(qtbot, page)
    assert not page.strip.add_button.isVisible() and not page.strip.acceptDrops()
    f = tmp_path / "a.jpg"
    f.write_bytes(samples.jpeg())
    assert drop_files(page.strip.empty, [f]) is None
    qtbot.wait(50)
    assert Photo.select().count() == 0
    assert page.strip.empty.text() == "No photos"


@pytest.mark.parametrize(
    ("lang", "name", "content", "words"),
    [
        ("en", "invoice.jpg", samples.PDF, "not a picture that can be read"),
        ("en", "notes.jpg", samples.TEXT, "not a picture that can be read"),
        ("en", "cut off.jpg", samples.truncated_jpeg(), "damaged or incomplete"),
        ("zh_CN", "发票.jpg", samples.PDF, "不是可识别的图片"),
        ("zh_CN", "半张.jpg", samples.truncated_jpeg(), "已损坏或不完整"),
    ],
)
def test_a_bad_file_is_refused_in_the_users_language_and_nothing_saved(
    qtbot: Any,
    host: tuple[Host, int],
    tmp_path: Path,
    shown: list[tuple[str, str]],
    lang: str,
    name: str,
    content: bytes,
    words: str,
) -> None:
    page, _ro_id = host
    bad = tmp_path / name
    bad.write_bytes(content)
    i18n.set_language(lang)
    try:
        before = db_snapshot()
        type_path_in_file_dialog(qtbot, str(bad))
        person.click(qtbot, page.strip.add_button)
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        i18n.set_language("en")
    ((kind, text),) = shown
    assert kind == "error" and text.startswith(f"{name}: ") and words in text, text
    assert db_snapshot() == before
    assert thumbs(page.strip) == []


def test_a_50_mb_file_is_refused_without_being_read(
    qtbot: Any, host: tuple[Host, int], tmp_path: Path, shown: list[tuple[str, str]]
) -> None:
    page, _ro_id = host
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as f:
        f.write(samples.jpeg(32, 32))
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    before = db_snapshot()
    page.strip.add_files([str(huge), str(tmp_path / "gone.jpg")], "file")
    ((_kind, text),) = shown
    assert "huge.jpg: The file is 50.0 MB; a photo may be at most 20 MB" in text
    assert "gone.jpg: the file cannot be read" in text
    assert db_snapshot() == before


def test_the_camera_button_adds_what_the_camera_took(
    qtbot: Any,
    staff: factories.Staff,
    make_ctx: Callable[..., AppContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.camera import CameraDialog

    ro_id = ro_with_damage(staff)
    monkeypatch.setattr(strip_module, "camera_available", lambda: True)  # a camera attached
    page = Host(make_ctx("technician"))
    page.strip.set_subject(ro_id, "damage", 1, editable=True)
    person.show_window(qtbot, page)

    def shoot(dialog: CameraDialog) -> None:
        for colour in ("#777777", "#999999"):  # what the camera delivers to its slot
            image = QImage(640, 480, QImage.Format.Format_RGB32)
            image.fill(QColor(colour))
            dialog.on_image_captured(0, image)
        person.click(qtbot, dialog.use)

    when_shown(CameraDialog, shoot)
    person.click(qtbot, page.strip.camera_button)
    qtbot.waitUntil(lambda: len(thumbs(page.strip)) == 2, timeout=5000)
    got = photo_service.photos_of(ro_id, full=True)
    assert [(p.source, p.taken_by, p.width) for p in got] == [("camera", "赵磊", 640)] * 2


def test_no_camera_button_without_a_camera(host: tuple[Host, int]) -> None:
    page, _ro_id = host
    assert not strip_module.camera_available()  # none on a test machine
    assert not page.strip.camera_button.isVisible()


def test_the_viewer_steps_through_the_photos_and_removes_one(
    qtbot: Any, host: tuple[Host, int], staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    page, ro_id = host
    ids = [
        photo_service.add_photo(
            actor=staff.advisor,
            ro_id=ro_id,
            subject="damage",
            subject_id=2,
            data=samples.jpeg(colour=c),
            caption=f"c{c}",
        )
        for c in (50, 120, 200)
    ]
    page.strip.refresh()
    qtbot.waitUntil(lambda: len(thumbs(page.strip)) == 3, timeout=3000)
    seen: list[str] = []

    def walk(viewer: PhotoViewer) -> None:
        seen.append(viewer.caption.text())
        person.click(qtbot, viewer.next_button)
        seen.append(viewer.caption.text())
        person.click(qtbot, viewer.remove_button)  # confirm() answers yes (shown fixture)
        seen.append(viewer.caption.text())
        person.click(qtbot, viewer.prev_button)
        seen.append(viewer.caption.text())
        person.click(qtbot, viewer.close_button)

    when_shown(PhotoViewer, walk)
    person.click(qtbot, thumbs(page.strip)[0])
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=5000)
    assert seen == ["c50", "c120", "c200", "c50"]
    assert [p.id for p in photo_service.photos_of(ro_id)] == [ids[0], ids[2]]
    qtbot.waitUntil(lambda: len(thumbs(page.strip)) == 2, timeout=3000)


def test_compact_strip_fits_a_row_and_says_how_many_more(
    qtbot: Any, staff: factories.Staff, make_ctx: Callable[..., AppContext]
) -> None:
    ro_id = ro_with_damage(staff)
    for _ in range(6):
        photo_service.add_photo(
            actor=staff.advisor, ro_id=ro_id, subject="damage", subject_id=1, data=samples.jpeg()
        )
    page = Host(make_ctx("advisor"), compact=True)
    page.strip.set_subject(ro_id, "damage", 1, editable=True)
    person.show_window(qtbot, page)
    assert len(thumbs(page.strip)) == 4 and page.strip.more.text() == "+2"
    assert page.strip.height() <= 48
    for widget in (*thumbs(page.strip), page.strip.more, page.strip.add_button):
        assert person.reachable(widget) == "", widget.objectName()


# A technician's desk: adds a photo of damage mark 2 to the RO.
COLLEAGUE = """
import sys
from advisor.services import photos, system
from advisor.services._base import Actor
from tests import photo_samples

url, user_id, ro_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
system.open_database(url)
actor = Actor(user_id, "zhao.lei", "赵磊", "technician")
photos.add_photo(actor=actor, ro_id=ro_id, subject="damage", subject_id=2, data=photo_samples.jpeg())
"""


def test_another_desks_photo_appears_by_itself(
    qtbot: Any, host: tuple[Host, int], staff: factories.Staff, url: str
) -> None:
    """A technician adds a photo at another desk (another process); the strip hears it
    through the live bridge and shows it."""
    from ui.live import LiveBridge

    page, ro_id = host
    bridge = LiveBridge()
    try:
        bridge.changed.connect(page.strip.ctx.ops.changed)
        bridge.start(url, shared=url.startswith("postgresql"))
        assert bridge.wait_ready()
        if not url.startswith("postgresql"):
            qtbot.wait(700)  # the poller has read its first data_version
        other = subprocess.run(
            [sys.executable, "-c", COLLEAGUE, url, str(staff.technician.user_id), str(ro_id)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.returncode == 0, other.stderr
        qtbot.waitUntil(lambda: len(thumbs(page.strip)) == 1, timeout=5000)
        assert "赵磊" in thumbs(page.strip)[0].toolTip()
    finally:
        bridge.stop()


def test_the_viewer_captions_a_photo(qtbot: Any, host: tuple[Host, int], staff: factories.Staff) -> None:
    from PySide6.QtWidgets import QInputDialog

    page, ro_id = host
    pid = photo_service.add_photo(
        actor=staff.advisor, ro_id=ro_id, subject="damage", subject_id=2, data=samples.jpeg()
    )
    page.strip.refresh()
    qtbot.waitUntil(lambda: len(thumbs(page.strip)) == 1, timeout=3000)
    seen: list[str] = []

    def type_caption(ask: QInputDialog) -> None:
        ask.activateWindow()
        qtbot.waitUntil(ask.isActiveWindow, timeout=2000)
        person.type_text(qtbot, "左前门 划痕 12 cm")
        person.key(qtbot, Qt.Key.Key_Return)

    def caption(viewer: PhotoViewer) -> None:
        when_shown(QInputDialog, type_caption)
        person.click(qtbot, viewer.caption_button)
        seen.append(viewer.caption.text())
        person.click(qtbot, viewer.close_button)

    when_shown(PhotoViewer, caption)
    person.click(qtbot, thumbs(page.strip)[0])
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == ["左前门 划痕 12 cm"]
    assert photo_service.read_photo(actor=staff.advisor, photo_id=pid).caption == "左前门 划痕 12 cm"
    qtbot.waitUntil(lambda: "左前门" in thumbs(page.strip)[0].toolTip(), timeout=3000)


def hover_tip(qtbot: Any, button: QWidget) -> str:
    """The tooltip a person sees when the mouse rests on ``button`` (the ToolTip event Qt
    sends after the rest)."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    assert person.reachable(button) == "", person.reachable(button)
    centre = QPoint(button.width() // 2, button.height() // 2)
    QApplication.sendEvent(button, QHelpEvent(QEvent.Type.ToolTip, centre, button.mapToGlobal(centre)))
    return button.toolTip()


def test_the_ros_photo_budget_is_shown_where_photos_are_added_and_a_refusal_says_the_room_left(
    qtbot: Any, host: tuple[Host, int], tmp_path: Path, shown: list[tuple[str, str]], staff: factories.Staff
) -> None:
    import io

    from PIL import Image

    from advisor.errors import GateError
    from advisor.services import settings

    page, ro_id = host
    strip = page.strip
    assert hover_tip(qtbot, strip.add_button).endswith(
        "Photos of this RO: 0, 0.0 of 40.0 MB used (40.0 MB left)"
    )
    picture = tmp_path / "dent.jpg"
    picture.write_bytes(samples.jpeg(1200, 900))
    type_path_in_file_dialog(qtbot, str(picture))
    person.click(qtbot, strip.add_button)
    qtbot.waitUntil(lambda: len(thumbs(strip)) == 1, timeout=5000)
    usage = photo_service.read_photo_usage(actor=staff.advisor, ro_id=ro_id)
    used = f"{usage.used_bytes / 2**20:.1f}"
    assert usage.count == 1 and usage.used_bytes > 0
    assert hover_tip(qtbot, strip.add_button).endswith(
        f"Photos of this RO: 1, {used} of 40.0 MB used ({40 - usage.used_bytes / 2**20:.1f} MB left)"
    )

    # The budget nearly used up at other desks: the refusal here says how much room is left.
    settings.set_settings(actor=staff.manager, values={"photo_budget_mb": 5})

    def noisy(seed: int) -> bytes:  # noise does not compress: about 1 MB a photo
        out = io.BytesIO()
        Image.effect_noise((1600, 1200), 120 + seed).convert("RGB").save(out, "JPEG", quality=95)
        return out.getvalue()

    big = noisy(99)
    for seed in range(10):
        try:
            photo_service.add_photo(
                actor=staff.advisor, ro_id=ro_id, subject="damage", subject_id=1, data=noisy(seed)
            )
        except GateError:
            break
    usage = photo_service.read_photo_usage(actor=staff.advisor, ro_id=ro_id)
    left = f"{(usage.budget_bytes - usage.used_bytes) / 2**20:.1f}"
    assert hover_tip(qtbot, strip.add_button).endswith(
        f"Photos of this RO: {usage.count}, {usage.used_bytes / 2**20:.1f} of 5.0 MB used ({left} MB left)"
    )
    (tmp_path / "disc.jpg").write_bytes(big)
    before = db_snapshot()
    type_path_in_file_dialog(qtbot, str(tmp_path / "disc.jpg"))
    person.click(qtbot, strip.add_button)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert db_snapshot() == before
    ((kind, text),) = shown
    assert kind == "error" and text.startswith("disc.jpg: Repair order ")
    assert f"has {left} MB of photo room left and this photo needs " in text, text
