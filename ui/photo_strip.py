"""A row of photo thumbnails of one thing on a repair order (an inspection item, a damage
mark, a concern, a finding, a change request), with "Add photo…" (files, several at once),
drag-and-drop of picture files and, where a camera is attached, the camera.

    strip = PhotoStrip(ctx, parent)                 # or compact=True under a row / a concern
    strip.set_subject(ro_id, "damage", 2, editable=True)

A click on a thumbnail opens ``PhotoViewer`` at that photo. The strip reads again when a
photo of its RO is added or removed, here or at another desk (``Kind.EVIDENCE``). A host
page need not guard its buttons: they carry their own marks (``ui.ro.pages.base``) and are
offered only to a role that may add photos. No Alt+letter: a page shows several strips.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from advisor.codes import PhotoSource
from advisor.errors import ConflictError, SessionExpired, UserError
from advisor.services import photos as photo_service
from advisor.services.opchanges import Kind, OpChanges
from advisor.services.views import PhotoThumbView, PhotoUsage
from ui import fmt, messages
from ui.context import AppContext
from ui.photo_viewer import PhotoViewer
from ui.ro.pages.base import FREE, NEEDS

THUMB_HEIGHT = 88
COMPACT_HEIGHT = 36
COMPACT_SHOWN = 4  # a compact strip shows this many, then "+N"
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".webp", ".avif", ".bmp", ".gif", ".tif", ".tiff")
CAMERA_RECHECK_S = 30.0  # a camera plugged in later is offered within this

_camera_seen: tuple[float, bool] | None = None
_last_dir = ""


def camera_available() -> bool:
    """``ui.camera.available()``, asked at most every ``CAMERA_RECHECK_S`` (listing the
    video inputs loads Qt Multimedia); False without the camera module."""
    global _camera_seen
    now = time.monotonic()
    if _camera_seen is not None and now - _camera_seen[0] < CAMERA_RECHECK_S:
        return _camera_seen[1]
    try:
        from ui import camera
    except ImportError:
        found = False
    else:
        found = bool(camera.available())
    _camera_seen = (now, found)
    return found


def usage_words(usage: PhotoUsage) -> str:
    """ "Photos of this RO: 12, 3.4 of 40.0 MB used (36.6 MB left)" in the user's language."""
    mib = 1024 * 1024
    left = max(0, usage.budget_bytes - usage.used_bytes)
    return (
        QCoreApplication.translate("PhotoStrip", "Photos of this RO: %1, %2 of %3 MB used (%4 MB left)")
        .replace("%1", str(usage.count))
        .replace("%2", f"{usage.used_bytes / mib:.1f}")
        .replace("%3", f"{usage.budget_bytes / mib:.1f}")
        .replace("%4", f"{left / mib:.1f}")
    )


def usage_colour(usage: PhotoUsage) -> str:
    """Grey, amber past 80 % of the budget, red when (nearly) full."""
    share = usage.used_bytes / usage.budget_bytes if usage.budget_bytes else 1.0
    return "#c62828" if share >= 0.95 else "#ef6c00" if share >= 0.8 else "#555"


def read_usage(ctx: AppContext, ro_id: int) -> PhotoUsage | None:
    try:
        return photo_service.read_photo_usage(actor=ctx.actor, ro_id=ro_id)
    except SessionExpired as err:
        ctx.ops.session_expired.emit(err)
    except UserError:
        pass
    return None


class PhotoUsageLabel(QLabel):
    """The RO's photos against its budget, e.g. under a list of strips (the inspection);
    reads again when a photo of the RO is added or removed here or at another desk."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ro_id: int | None = None
        self.usage: PhotoUsage | None = None
        self.setObjectName("photo_usage")
        ctx.ops.changed.connect(self._on_changed)

    def set_ro(self, ro_id: int | None) -> None:
        self.ro_id = ro_id
        self.refresh()

    def refresh(self) -> None:
        self.usage = None if self.ro_id is None else read_usage(self.ctx, self.ro_id)
        self._show()

    def _show(self) -> None:
        if self.usage is None:
            self.clear()
            return
        self.setText(usage_words(self.usage))
        self.setStyleSheet(f"color: {usage_colour(self.usage)};")

    def _on_changed(self, changes: OpChanges) -> None:
        if self.ro_id is not None and changes.touches(Kind.EVIDENCE, ro_id=self.ro_id):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)


def _thumb_pixmap(data: bytes, height: int) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    if pixmap.isNull():
        return pixmap
    return pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)


class PhotoStrip(QWidget):
    """The photos of one subject of an RO; ``changed`` after this strip added or removed one."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.compact = compact
        self.ro_id: int | None = None
        self.subject = ""
        self.subject_id: int | None = None
        self.editable = False
        self.shown_marks: list[dict[str, str]] | None = None
        self.photos: list[PhotoThumbView] = []
        self.thumbs: list[QToolButton] = []
        self._stale = False
        self.setObjectName("photo_strip")
        self._build()
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(100)
        self._later.timeout.connect(self._refresh_if_visible)
        ctx.ops.changed.connect(self._on_changed)
        self.retranslate()
        self._show()

    def _build(self) -> None:
        height = COMPACT_HEIGHT if self.compact else THUMB_HEIGHT
        self.row = QWidget(self)
        self.row_layout = QHBoxLayout(self.row)
        self.row_layout.setContentsMargins(0, 0, 0, 0)
        self.row_layout.setSpacing(4)
        self.empty = QLabel(self.row)
        self.empty.setObjectName("photo_empty")
        self.empty.setStyleSheet("color: palette(mid);")
        self.row_layout.addWidget(self.empty)
        self.row_layout.addStretch(1)
        self.more = QToolButton(self.row)
        self.more.setObjectName("photo_more")
        self.more.setProperty(NEEDS, FREE)
        self.more.clicked.connect(lambda: self.open_viewer(COMPACT_SHOWN))
        self.row_layout.insertWidget(0, self.more)  # after the thumbnails, inserted before it
        self.add_button: QPushButton | QToolButton
        self.camera_button = QToolButton(self)
        if self.compact:
            self.add_button = QToolButton(self)
        else:
            self.add_button = QPushButton(self)
            self.camera_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setObjectName("photo_add")
        self.camera_button.setObjectName("photo_camera")
        for button in (self.add_button, self.camera_button):
            button.setProperty(NEEDS, "photo.add")
        self.add_button.clicked.connect(self.choose_files)
        self.add_button.installEventFilter(self)  # its tooltip: the RO's photos read on hover
        self.camera_button.clicked.connect(self.take_photos)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        if self.compact:
            layout.addWidget(self.row, 1)
        else:
            self.scroller = QScrollArea(self)
            self.scroller.setObjectName("photo_scroll")
            self.scroller.setFrameShape(QFrame.Shape.NoFrame)
            self.scroller.setWidgetResizable(True)
            self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.scroller.setWidget(self.row)
            bar = self.scroller.horizontalScrollBar().sizeHint().height()
            self._full_height = height + 10 + bar
            self.scroller.setFixedHeight(self._full_height)
            layout.addWidget(self.scroller, 1)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.camera_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def retranslate(self) -> None:
        if self.compact:
            self.add_button.setText(self.tr("+ Photo"))
            self.camera_button.setText(self.tr("Camera"))
        else:
            self.add_button.setText(self.tr("Add photo…"))
            self.camera_button.setText(self.tr("Camera…"))
        self.add_button.setToolTip(self.tr("Add photos from files (or drop picture files here)"))
        self.camera_button.setToolTip(self.tr("Take photos with the camera"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_tip(self) -> str:
        """The add button's tooltip: what it does and the RO's photos against its budget
        (read now: a page shows many strips, none reads it until asked)."""
        tip = self.tr("Add photos from files (or drop picture files here)")
        usage = None if self.ro_id is None else read_usage(self.ctx, self.ro_id)
        return tip if usage is None else f"{tip}\n{usage_words(usage)}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.add_button and event.type() == QEvent.Type.ToolTip:
            self.add_button.setToolTip(self.add_tip())
        return super().eventFilter(watched, event)

    # -- what is shown ------------------------------------------------------------------
    def set_subject(
        self,
        ro_id: int | None,
        subject: str,
        subject_id: int | None,
        *,
        editable: bool,
        shown_marks: Sequence[Mapping[str, str]] | None = None,
    ) -> None:
        """Show the photos of ``subject`` #``subject_id`` of RO ``ro_id`` (None: nothing);
        ``editable``: photos may be added and removed here (for a role that may).
        ``shown_marks`` (a damage mark): the marks as this screen shows them, sent with each
        photo so that one added after another desk renumbered the marks is refused."""
        self.ro_id, self.subject, self.subject_id = ro_id, subject, subject_id
        self.shown_marks = None if shown_marks is None else [dict(m) for m in shown_marks]
        self.editable = editable
        self.setAcceptDrops(self.can_add())
        self.refresh()

    def can_add(self) -> bool:
        return (
            self.editable
            and self.ro_id is not None
            and self.subject_id is not None
            and self.ctx.may("photo.add")
        )

    def refresh(self) -> None:
        """Read the subject's photos again (thumbnails only)."""
        self._stale = False
        self._later.stop()
        self.photos = []
        if self.ro_id is not None and self.subject_id is not None:
            try:
                self.photos = photo_service.read_photos(
                    actor=self.ctx.actor, ro_id=self.ro_id, subject=self.subject, subject_id=self.subject_id
                )
            except SessionExpired as err:
                self.ctx.ops.session_expired.emit(err)
            except UserError:
                self.photos = []
        self._show()

    def _show(self) -> None:
        for button in self.thumbs:
            button.deleteLater()
        self.thumbs = []
        height = COMPACT_HEIGHT if self.compact else THUMB_HEIGHT
        shown = self.photos[:COMPACT_SHOWN] if self.compact else self.photos
        for index, photo in enumerate(shown):
            self.thumbs.append(self._thumb_button(photo, index, height))
        for i, button in enumerate(self.thumbs):
            self.row_layout.insertWidget(i, button)
        hidden = len(self.photos) - len(shown)
        self.more.setText(f"+{hidden}")
        self.more.setToolTip(self.tr("%1 more photos").replace("%1", str(hidden)))
        self.more.setVisible(hidden > 0)
        can_add = self.can_add()
        self.add_button.setVisible(can_add)
        self.camera_button.setVisible(can_add and camera_available())
        if not self.compact:  # no tall empty band where there is no photo yet
            low = max(self.empty.sizeHint().height(), self.add_button.sizeHint().height()) + 4
            self.scroller.setFixedHeight(self._full_height if self.photos else low)
        if self.photos:
            self.empty.hide()
        else:
            self.empty.setText(
                (self.tr("No photos yet: add or drop picture files") if not self.compact else "")
                if can_add
                else self.tr("No photos")
            )
            self.empty.setVisible(bool(self.empty.text()))

    def _thumb_button(self, photo: PhotoThumbView, index: int, height: int) -> QToolButton:
        button = QToolButton(self.row)
        button.setObjectName(f"photo_thumb_{photo.id}")
        button.setProperty(NEEDS, FREE)
        pixmap = _thumb_pixmap(photo.thumb, height)
        button.setIcon(QIcon(pixmap))
        button.setIconSize(
            QSize(pixmap.width(), pixmap.height()) if not pixmap.isNull() else QSize(height, height)
        )
        button.setAutoRaise(True)
        if self.compact:  # tight in a table row
            button.setFixedSize(button.iconSize() + QSize(6, 6))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        tip = (
            self.tr("%1, %2 — click to open")
            .replace("%1", photo.taken_by)
            .replace("%2", fmt.datetime(photo.taken_at))
        )
        button.setToolTip(f"{photo.caption}\n{tip}" if photo.caption else tip)
        button.setAccessibleName(photo.caption or self.tr("Photo %1").replace("%1", str(index + 1)))
        button.clicked.connect(lambda _checked=False, i=index: self.open_viewer(i))
        return button

    def _on_changed(self, changes: OpChanges) -> None:
        if self.ro_id is not None and changes.touches(Kind.EVIDENCE, ro_id=self.ro_id):
            self._stale = True
            self._later.start()

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- opening ----------------------------------------------------------------------------
    def open_viewer(self, index: int) -> PhotoViewer | None:
        """The viewer at photo ``index`` of the strip (modal; None when there is none)."""
        if not self.photos:
            return None
        viewer = PhotoViewer(self.ctx, self.photos, index, editable=self.can_add(), parent=self.window())
        viewer.removed.connect(lambda _pid: self.changed.emit())
        viewer.exec()
        if self._stale or viewer.ids != [p.id for p in self.photos]:
            self.refresh()
        return viewer

    # -- adding -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        """The file dialog (Qt's own, not the system's: the same on every PC and testable),
        several pictures at once."""
        global _last_dir
        start = _last_dir or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        patterns = " ".join(f"*{s}" for s in PICTURE_SUFFIXES)
        dialog = QFileDialog(
            self,
            self.tr("Add photos"),
            start,
            self.tr("Pictures (%1);;All files (*)").replace("%1", patterns),
        )
        dialog.setObjectName("photo_file_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.resize(900, 560)  # names and dates readable; fits 1366×768
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        files = dialog.selectedFiles() if accepted else []
        dialog.deleteLater()  # its file system model and watcher go with it
        if files:
            _last_dir = str(Path(files[0]).parent)
        self.add_files(files, PhotoSource.FILE)

    def add_files(self, paths: list[str], source: str) -> int:
        """Add each file (its size checked before it is read); the refusals are shown
        together, each with its file's name. Returns how many were added."""

        def reader(path: str) -> Callable[[], bytes]:
            def read() -> bytes:
                photo_service.check_file_size(os.path.getsize(path))
                return Path(path).read_bytes()

            return read

        return self.add_photos([(Path(p).name, reader(p)) for p in paths], source)

    def add_photos(self, items: list[tuple[str, Callable[[], bytes]]], source: str) -> int:
        """Add ``(name, read)`` pictures; shows what was refused. Returns how many were added."""
        if not self.can_add() or self.ro_id is None:
            return 0
        added = 0
        refused: list[str] = []
        extra: dict[str, Any] = {} if self.shown_marks is None else {"shown_marks": self.shown_marks}
        for name, read in items:
            try:
                data = read()
            except UserError as err:
                refused.append(f"{name}: {err.message()}")
                continue
            except OSError as err:
                refused.append(
                    self.tr("%1: the file cannot be read (%2).")
                    .replace("%1", name)
                    .replace("%2", err.strerror or type(err).__name__)
                )
                continue
            outcome = self.ctx.ops.run(
                photo_service.add_photo,
                parent=self,
                quiet=True,
                ro_id=self.ro_id,
                subject=self.subject,
                subject_id=self.subject_id,
                data=data,
                source=source,
                **extra,
            )
            if outcome.ok:
                added += 1
            elif isinstance(outcome.error, SessionExpired):
                return added
            elif isinstance(outcome.error, ConflictError):
                # What this screen shows is out of date (a mark renumbered at another desk):
                # the page reads the RO again; the rest of the pictures wait for a new choice.
                if added:
                    self.changed.emit()
                self.ctx.ops.changed.emit(OpChanges(Kind.RO | Kind.EVIDENCE, self.ro_id))
                messages.error(self, outcome.error.message())
                return added
            elif outcome.error is not None:
                refused.append(f"{name}: {outcome.error.message()}")
        if added:
            self.refresh()
            self.changed.emit()
        if refused:
            messages.error(self, "\n\n".join(refused))
        return added

    def take_photos(self) -> None:
        """The camera's dialog; what it captured is added (source "camera")."""
        try:
            from ui.camera import CameraDialog
        except ImportError:
            return
        dialog = CameraDialog(self.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        shots = dialog.captured()
        label = self.tr("Camera photo %1")

        def keep(data: bytes) -> Callable[[], bytes]:
            return lambda: data

        self.add_photos(
            [(label.replace("%1", str(i + 1)), keep(data)) for i, data in enumerate(shots)],
            PhotoSource.CAMERA,
        )

    # -- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and os.path.isfile(u.toLocalFile())]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_add() and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.can_add() and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event) if self.can_add() else []
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop returns: the application the files came from is not held up.
        QTimer.singleShot(0, lambda: self.add_files(files, PhotoSource.DROP))
