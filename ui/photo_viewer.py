"""One photo large, as an advisor turns the screen to show a customer the worn disc:
fitted to the screen, its caption, who took it and when, previous/next among the strip's
photos (also the arrow keys), and Remove for whoever may."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import PhotoSubject, words
from advisor.errors import NotFound, SessionExpired, UserError
from advisor.services import photos as photo_service
from advisor.services.views import PhotoFullView, PhotoThumbView
from ui import fmt, messages
from ui.context import AppContext

MAX_ENLARGE = 2


class PhotoViewer(QDialog):
    """``photos``: the strip's photos in its order; ``index``: the one to show first.
    ``removed(photo_id)`` after a photo was removed here."""

    removed = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        photos: Sequence[PhotoThumbView],
        index: int = 0,
        *,
        editable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("photo_viewer")
        self.ids = [p.id for p in photos]
        self.index = max(0, min(index, len(self.ids) - 1))
        self.editable = editable and ctx.may("photo.remove")
        self.may_caption = editable and ctx.may("photo.add")
        self.shown: PhotoFullView | None = None
        self._pixmap = QPixmap()
        self._build()
        self.retranslate()
        self._fit_to_screen()
        self.show_index(self.index)

    def _build(self) -> None:
        self.picture = QLabel(self)
        self.picture.setObjectName("photo_picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(QSize(320, 240))
        self.picture.setStyleSheet("background: #202020;")
        self.caption = QLabel(self)
        self.caption.setObjectName("photo_caption")
        self.caption.setWordWrap(True)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.caption.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("photo_meta")
        self.prev_button = QPushButton(self)
        self.prev_button.setObjectName("photo_prev")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("photo_next")
        self.caption_button = QPushButton(self)
        self.caption_button.setObjectName("photo_caption_edit")
        self.caption_button.setVisible(self.may_caption)
        self.caption_button.clicked.connect(self.edit_caption)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("photo_remove")
        self.remove_button.setVisible(self.editable)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("photo_close")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.accept)
        for seq, delta in ((QKeySequence(Qt.Key.Key_Left), -1), (QKeySequence(Qt.Key.Key_Right), 1)):
            shortcut = QShortcut(seq, self)
            shortcut.activated.connect(lambda d=delta: self.step(d))
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.caption_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.meta)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Photo"))
        self.prev_button.setText(self.tr("◀ &Previous"))
        self.next_button.setText(self.tr("&Next ▶"))
        self.caption_button.setText(self.tr("&Caption…"))
        self.remove_button.setText(self.tr("&Remove photo…"))
        self.close_button.setText(self.tr("Close"))
        self._show_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fit_to_screen(self) -> None:
        """Nearly the whole screen it opens on: the photo as large as the screen allows."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(int(area.width() * 0.9), int(area.height() * 0.9))

    # -- what is shown ------------------------------------------------------------------
    def show_index(self, index: int) -> None:
        """Read and show photo ``index`` of the list (one gone meanwhile is skipped)."""
        while self.ids:
            self.index = max(0, min(index, len(self.ids) - 1))
            try:
                self.shown = photo_service.read_photo(actor=self.ctx.actor, photo_id=self.ids[self.index])
            except NotFound:  # removed at another desk
                del self.ids[self.index]
                continue
            except SessionExpired as err:
                self.ctx.ops.session_expired.emit(err)
                self.reject()
                return
            except UserError as err:
                messages.error(self, err.message())
                self.reject()
                return
            self._pixmap = QPixmap()
            self._pixmap.loadFromData(self.shown.jpeg)
            self._show_picture()
            self._show_words()
            return
        self.shown = None
        self.accept()

    def _show_words(self) -> None:
        p = self.shown
        many = len(self.ids) > 1
        self.prev_button.setEnabled(many)
        self.next_button.setEnabled(many)
        if p is None:
            return
        self.caption.setText(p.caption)
        self.caption.setVisible(bool(p.caption))
        what = words(PhotoSubject, p.subject, self.ctx.lang)
        if p.subject == PhotoSubject.DAMAGE and p.subject_id is not None:
            what = f"{what} {p.subject_id}"
        self.meta.setText(
            self.tr("%1 · taken by %2, %3 · photo %4 of %5")
            .replace("%1", what)
            .replace("%2", p.taken_by)
            .replace("%3", fmt.datetime(p.taken_at))
            .replace("%4", str(self.index + 1))
            .replace("%5", str(len(self.ids)))
        )

    def _show_picture(self) -> None:
        if self._pixmap.isNull():
            self.picture.setPixmap(QPixmap())
            return
        room = self.picture.size()
        # As large as the room allows, but a small photo at most twice its size (past that
        # it shows its pixels more than the car).
        limit = self._pixmap.size() * MAX_ENLARGE
        target = (
            room.boundedTo(limit) if limit.width() < room.width() and limit.height() < room.height() else room
        )
        self.picture.setPixmap(
            self._pixmap.scaled(
                target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_picture()

    # -- acting ---------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        """The previous (-1) or next (+1) photo, round the strip's end."""
        if len(self.ids) > 1:
            self.show_index((self.index + delta) % len(self.ids))

    def edit_caption(self) -> None:
        """Say what the photo shows (printed under it on the customer's sheets)."""
        if self.shown is None or not self.may_caption:
            return
        ask = QInputDialog(self)
        ask.setObjectName("photo_caption_dialog")
        ask.setWindowTitle(self.tr("Caption"))
        ask.setLabelText(self.tr("What the photo shows (e.g. front left disc, 21.4 mm):"))
        ask.setTextValue(self.shown.caption)
        ask.resize(520, ask.sizeHint().height())
        accepted = ask.exec() == QDialog.DialogCode.Accepted
        text = ask.textValue()
        ask.deleteLater()
        if not accepted:
            return
        outcome = self.ctx.ops.run(
            photo_service.caption_photo, parent=self, photo_id=self.shown.id, caption=text
        )
        if outcome.ok:
            self.show_index(self.index)

    def remove(self) -> None:
        if self.shown is None or not self.editable:
            return
        photo_id = self.shown.id
        if not messages.confirm(self, self.tr("Remove this photo from the repair order?")):
            return
        outcome = self.ctx.ops.run(photo_service.remove_photo, parent=self, photo_id=photo_id)
        if not outcome.ok:
            return
        self.removed.emit(photo_id)
        del self.ids[self.index]
        self.show_index(self.index)
