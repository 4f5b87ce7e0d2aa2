"""Photos chosen for something not saved yet (a change request being raised): held here as
bytes, shown as small thumbnails, and added by ``add_to`` once the thing exists.

A file is checked as far as the screen can (its size, that it is a picture) when chosen;
the photo service checks it again, downscales and stores it when it is added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from advisor.codes import PhotoSource
from advisor.services import photos
from ui import messages
from ui.context import AppContext

ICON = QSize(56, 42)
PICTURES = "*.jpg *.jpeg *.png *.heic *.webp *.bmp *.tif *.tiff *.JPG *.JPEG *.PNG"


class PendingPhotos(QWidget):
    """One row: the photos chosen so far, "Add photos…", "Camera…" (where a camera is
    attached) and "Remove photo"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[tuple[bytes, str]] = []  # (data, PhotoSource)
        self.list = QListWidget(self)
        self.list.setObjectName("pending_photos")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(ICON)
        self.list.setGridSize(ICON + QSize(8, 8))
        self.list.setMovement(QListView.Movement.Static)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.list.horizontalScrollBar().sizeHint().height()
        self.list.setFixedHeight(ICON.height() + 14 + bar)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("pending_photo_add")
        self.add_button.clicked.connect(self.choose_files)
        self.camera_button = QPushButton(self)
        self.camera_button.setObjectName("pending_photo_camera")
        self.camera_button.clicked.connect(self.take_photos)
        self.camera_button.setVisible(_camera_available())
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("pending_photo_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.camera_button)
        row.addWidget(self.remove_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add photos…"))
        self.camera_button.setText(self.tr("Camera…"))
        self.remove_button.setText(self.tr("Remove photo"))
        self._update()

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.items))
        self.list.setVisible(bool(self.items))

    def keep(self, data: bytes, source: str, name: str = "") -> bool:
        """Hold one photo when it is a picture within the size limit (else say why)."""
        if len(data) > photos.MAX_INPUT_BYTES:
            self._too_large(name or self.tr("The photo"))
            return False
        image = QImage.fromData(data)
        if image.isNull():
            messages.error(
                self, self.tr("%1 is not a picture this program can read.").replace("%1", name or "?")
            )
            return False
        self.items.append((data, source))
        icon = QPixmap.fromImage(
            image.scaled(ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        item = QListWidgetItem(QIcon(icon), "", self.list)
        item.setToolTip(name)
        self._update()
        return True

    def choose_files(self) -> None:
        """Pick picture files (several at once) in Qt's own file dialog."""
        dialog = QFileDialog(self, self.tr("Choose photos"))
        dialog.setObjectName("pending_photo_files")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Pictures (%1)").replace("%1", PICTURES), self.tr("All files (*)")])
        if not dialog.exec():
            return
        for name in dialog.selectedFiles():
            path = Path(name)
            try:
                too_large = path.stat().st_size > photos.MAX_INPUT_BYTES
                data = b"" if too_large else path.read_bytes()  # a huge file is never read
            except OSError as err:
                messages.error(
                    self, self.tr("%1 cannot be read: %2").replace("%1", path.name).replace("%2", str(err))
                )
                continue
            if too_large:
                self._too_large(path.name)
                continue
            self.keep(data, PhotoSource.FILE, path.name)

    def _too_large(self, name: str) -> None:
        messages.error(
            self,
            self.tr("%1 is too large for a photo (at most %2 MB).")
            .replace("%1", name)
            .replace("%2", str(photos.MAX_INPUT_BYTES // (1024 * 1024))),
        )

    def take_photos(self) -> None:
        from ui.camera import CameraDialog

        dialog = CameraDialog(self)
        if dialog.exec():
            for data in dialog.captured():
                self.keep(data, PhotoSource.CAMERA)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            row = len(self.items) - 1
        if row >= 0:
            del self.items[row]
            self.list.takeItem(row)
        self._update()

    def add_to(self, ro_id: int, subject: str, subject_id: int) -> int:
        """Add the photos held to ``subject`` #``subject_id`` of the RO (each refusal shown in
        the user's language); returns how many were added."""
        added = 0
        for data, source in self.items:
            outcome = self.ctx.ops.run(
                photos.add_photo,
                parent=self,
                ro_id=ro_id,
                subject=subject,
                subject_id=subject_id,
                data=data,
                source=source,
            )
            added += int(outcome.ok)
        return added


def _camera_available() -> bool:
    try:
        from ui import camera
    except ImportError:
        return False
    return camera.available()
