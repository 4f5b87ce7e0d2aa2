"""Photos from a camera attached to this PC, through Qt Multimedia.

``available()`` says whether there is a camera to offer: Qt Multimedia loads (its
backend needs system libraries a PC may lack: on a server or an offscreen test run the
import fails) and it lists at least one video input. ``CameraDialog`` shows the live
picture, takes as many photos as the user asks for and hands them back as JPEG bytes
(``captured()``); the photo service downscales and stores them like any other photo.

Qt Multimedia is imported only here and only when used, so the rest of the program
starts and runs without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QImageWriter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QCameraDevice

JPEG_QUALITY = 92
SHOT_ICON = QSize(96, 72)
START_TIMEOUT_MS = 8000  # a camera that has not started by then is broken or busy


def _multimedia() -> Any | None:
    """The Qt Multimedia module, or None when it cannot load on this PC (a missing backend
    library raises ImportError at import)."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia


def _widgets() -> Any | None:
    try:
        from PySide6 import QtMultimediaWidgets
    except ImportError:
        return None
    return QtMultimediaWidgets


def cameras() -> list[QCameraDevice]:
    """The video inputs Qt Multimedia sees now ([] when it cannot load)."""
    mm = _multimedia()
    if mm is None or _widgets() is None:
        return []
    return list(mm.QMediaDevices.videoInputs())


def available() -> bool:
    """Whether a camera can be offered: Qt Multimedia loads and lists a video input."""
    return bool(cameras())


def jpeg_bytes(image: QImage, quality: int = JPEG_QUALITY) -> bytes:
    """``image`` encoded as JPEG (b"" when it is null or cannot be encoded)."""
    if image.isNull():
        return b""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(quality)
    ok = writer.write(image)
    buffer.close()
    return bytes(data.data()) if ok else b""


class CameraDialog(QDialog):
    """The live picture of a camera, "Take photo" as often as wanted, then "Use photos".

    Every photo the camera delivers arrives at ``on_image_captured`` (connected to
    ``QImageCapture.imageCaptured``); a camera that fails, is busy in another program or
    is missing is said in the dialog, in the user's language, and nothing is taken.
    """

    def __init__(self, parent: QWidget | None = None, device: QCameraDevice | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera_dialog")
        self._shots: list[bytes] = []
        self.camera: Any = None
        self.image_capture: Any = None
        self._session: Any = None
        self._devices: list[QCameraDevice] = []
        self._problem = ""  # why there is no picture ("" while the camera works)
        self._detail = ""  # the camera's own words for it
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(START_TIMEOUT_MS)
        self._watchdog.timeout.connect(self._not_started)
        self._build()
        self.retranslate()
        self._start(device)
        self.resize(720, 600)

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.pick_label = QLabel(self)
        self.pick = QComboBox(self)
        self.pick.setObjectName("camera_pick")
        self.pick_label.setBuddy(self.pick)
        self.pick.activated.connect(self._switch)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.pick_label)
        pick_row.addWidget(self.pick, 1)
        self.screen_stack = QStackedWidget(self)
        self.screen_stack.setMinimumSize(480, 300)
        self.message = QLabel(self.screen_stack)
        self.message.setObjectName("camera_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #b71c1c; font-size: 12pt;")
        self.screen_stack.addWidget(self.message)
        self.shots = QListWidget(self)
        self.shots.setObjectName("camera_shots")
        self.shots.setViewMode(QListView.ViewMode.IconMode)
        self.shots.setFlow(QListView.Flow.LeftToRight)
        self.shots.setWrapping(False)
        self.shots.setIconSize(SHOT_ICON)
        self.shots.setFixedHeight(SHOT_ICON.height() + 34)
        self.shots.currentRowChanged.connect(self._update_buttons)
        self.count = QLabel(self)
        self.count.setObjectName("camera_count")
        self.take = QPushButton(self)
        self.take.setObjectName("camera_take")
        self.take.clicked.connect(self.take_photo)
        self.discard = QPushButton(self)
        self.discard.setObjectName("camera_discard")
        self.discard.clicked.connect(self.discard_shot)
        self.use = QPushButton(self)
        self.use.setObjectName("camera_use")
        self.use.setDefault(True)
        self.use.clicked.connect(self.accept)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("camera_cancel")
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.use)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(pick_row)
        layout.addWidget(self.screen_stack, 1)
        layout.addWidget(self.shots)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take photos"))
        self.pick_label.setText(self.tr("Ca&mera"))
        self.take.setText(self.tr("&Take photo"))
        self.discard.setText(self.tr("&Discard"))
        self.discard.setToolTip(self.tr("Discard the selected photo"))
        self.use.setText(self.tr("&Use photos"))
        self.cancel.setText(self.tr("Cancel"))
        self._show_problem(self._problem)
        self._update_buttons()

    # -- the camera -------------------------------------------------------------------
    def _start(self, device: QCameraDevice | None) -> None:
        mm, mmw = _multimedia(), _widgets()
        if mm is None or mmw is None:
            self._fail("no_support")
            return
        self._devices = list(mm.QMediaDevices.videoInputs())
        if device is None:
            if not self._devices:
                self._fail("no_camera")
                return
            default = mm.QMediaDevices.defaultVideoInput()
            device = default if default in self._devices else self._devices[0]
        elif device not in self._devices:
            self._devices.insert(0, device)
        self.pick.clear()
        for d in self._devices:
            self.pick.addItem(d.description())
        index = self._devices.index(device)
        self.pick.setCurrentIndex(index)
        self.viewfinder = mmw.QVideoWidget(self.screen_stack)
        self.viewfinder.setObjectName("camera_viewfinder")
        self.screen_stack.addWidget(self.viewfinder)
        self._session = mm.QMediaCaptureSession(self)
        self.image_capture = mm.QImageCapture(self)
        self.image_capture.setFileFormat(mm.QImageCapture.FileFormat.JPEG)
        self.image_capture.imageCaptured.connect(self.on_image_captured)
        self.image_capture.errorOccurred.connect(self._capture_failed)
        self.image_capture.readyForCaptureChanged.connect(self._update_buttons)
        self._session.setImageCapture(self.image_capture)
        self._session.setVideoOutput(self.viewfinder)
        self._open(device)

    def _open(self, device: QCameraDevice) -> None:
        mm = _multimedia()
        assert mm is not None
        if self.camera is not None:
            self.camera.stop()
            self.camera.deleteLater()
        self.camera = mm.QCamera(device, self)
        self.camera.errorOccurred.connect(self._camera_failed)
        self.camera.activeChanged.connect(self._update_buttons)
        self._session.setCamera(self.camera)
        self._problem = self._detail = ""
        self.screen_stack.setCurrentWidget(self.viewfinder)
        self.camera.start()
        if self.camera.error() != mm.QCamera.Error.NoError:  # set before any signal could tell
            self._camera_failed(self.camera.error(), self.camera.errorString())
            return
        # A camera held by another program may neither start nor say why: say it ourselves.
        self._watchdog.start()
        self._update_buttons()

    def _switch(self, index: int) -> None:
        if self._session is not None and 0 <= index < len(self._devices):
            self._open(self._devices[index])

    def _stop(self) -> None:
        self._watchdog.stop()
        if self.camera is not None:
            self.camera.stop()

    def _fail(self, problem: str, detail: str = "") -> None:
        self._problem = problem
        self._detail = detail
        self._show_problem(problem)
        self._update_buttons()

    def _show_problem(self, problem: str) -> None:
        if not problem:
            return
        texts = {
            "no_support": self.tr(
                "The camera cannot be used on this PC: its video support (Qt Multimedia) "
                "is not installed. Add photos from a file instead."
            ),
            "no_camera": self.tr("No camera is connected to this PC. Add photos from a file instead."),
            "failed": self.tr(
                "The camera does not work or another program is using it. Close that "
                "program or choose another camera, then try again."
            ),
            "capture": self.tr("The photo could not be taken. Try again."),
        }
        text = texts.get(problem, texts["failed"])
        self.message.setText(f"{text}\n\n({self._detail})" if self._detail else text)
        self.screen_stack.setCurrentWidget(self.message)

    def _not_started(self) -> None:
        if self.camera is not None and not self.camera.isActive() and not self._problem:
            self._camera_failed(None, "")

    def _camera_failed(self, _error: object, detail: str) -> None:
        self._stop()
        self._fail("failed", detail)

    def _capture_failed(self, _request: int, _error: object, detail: str) -> None:
        # A single shot failed: the picture may still be live, so say it beside the count.
        self.count.setText(self.tr("The photo could not be taken. Try again.") + f" ({detail})")

    # -- the photos -------------------------------------------------------------------
    def take_photo(self) -> None:
        if self.image_capture is not None and self.image_capture.isReadyForCapture():
            self.image_capture.capture()

    def on_image_captured(self, _request: int, image: QImage) -> None:
        """A photo arrived from the camera (``QImageCapture.imageCaptured``): keep it as JPEG
        and show it in the row of photos taken."""
        data = jpeg_bytes(image)
        if not data:
            self.count.setText(self.tr("The photo could not be taken. Try again."))
            return
        self._shots.append(data)
        icon = QPixmap.fromImage(
            image.scaled(
                SHOT_ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        item = QListWidgetItem(QIcon(icon), str(len(self._shots)), self.shots)
        self.shots.scrollToItem(item)
        self._update_buttons()

    def discard_shot(self) -> None:
        row = self.shots.currentRow()
        if 0 <= row < len(self._shots):
            del self._shots[row]
            self.shots.takeItem(row)
            for i in range(self.shots.count()):
                self.shots.item(i).setText(str(i + 1))
            self._update_buttons()

    def captured(self) -> list[bytes]:
        """The photos taken and kept, as JPEG bytes, in the order taken."""
        return list(self._shots)

    def _update_buttons(self, *_args: object) -> None:
        ready = (
            self.image_capture is not None and not self._problem and self.image_capture.isReadyForCapture()
        )
        self.take.setEnabled(bool(ready))
        self.discard.setEnabled(0 <= self.shots.currentRow() < len(self._shots))
        self.use.setEnabled(bool(self._shots))
        self.pick.setEnabled(len(self._devices) > 1)
        self.pick.setVisible(len(self._devices) > 1)
        self.pick_label.setVisible(len(self._devices) > 1)
        n = len(self._shots)
        text = self.tr("1 photo taken") if n == 1 else self.tr("%1 photos taken").replace("%1", str(n))
        self.count.setText(text if n else "")

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
