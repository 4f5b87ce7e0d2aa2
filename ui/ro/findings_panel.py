"""The inspection's red and yellow findings as a list to tick (issue 18): each with its
colour, what was measured and noted, and its photo (a thumbnail; a click opens it large).
The estimate page's "From the inspection" tab and the repair page's "Change request from
findings" dialog show it; ``ticked()`` is what becomes work."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from advisor.codes import Rating, words
from advisor.i18n import pick
from advisor.services import photos
from advisor.services.findings import FindingView
from advisor.services.views import PhotoThumbView
from ui.context import AppContext
from ui.ro.pages.base import FREE, NEEDS

COLOURS: dict[str, str] = {Rating.RED: "#c62828", Rating.YELLOW: "#e6a100"}
MARKS: dict[str, str] = {Rating.RED: "●", Rating.YELLOW: "●"}
THUMB = QSize(40, 30)


def thumbs_of(ctx: AppContext, ro_id: int) -> dict[int, PhotoThumbView]:
    """The RO's inspection photos as thumbnails, by photo id (one read)."""
    return {p.id: p for p in photos.read_photos(actor=ctx.actor, ro_id=ro_id, subject="inspection")}


def photos_for(ctx: AppContext, photo_ids: Sequence[int]) -> list[PhotoThumbView]:
    """Photos by id, in that order (the first read by id, the others among its RO's
    inspection photos): declined work's photos on the call list."""
    if not photo_ids:
        return []
    first = photos.read_photo(actor=ctx.actor, photo_id=photo_ids[0])
    if len(photo_ids) == 1:
        return [first]
    same_ro = thumbs_of(ctx, first.ro_id)
    return [first, *(same_ro[p] for p in photo_ids[1:] if p in same_ro)]


def icon_of(data: bytes | None) -> QIcon:
    """A thumbnail as an icon (an empty icon for bytes Qt cannot read)."""
    pixmap = QPixmap()
    if not data or not pixmap.loadFromData(data):
        return QIcon()
    return QIcon(pixmap)


def measured(f: FindingView) -> str:
    """ "2 mm · Worn to 2 mm": the measurement with its unit, and the note."""
    parts = []
    if f.measurement is not None:
        parts.append(f"{Decimal(f.measurement).normalize():f} {f.unit}".strip())
    if f.note:
        parts.append(" ".join(f.note.split()))
    return " · ".join(parts)


def photo_button(ctx: AppContext, parent: QWidget, shown: Sequence[PhotoThumbView]) -> QToolButton:
    """A thumbnail button ``finding_photo_<id>`` (the first photo) that opens the photos
    large in the viewer (previous/next among them)."""
    button = QToolButton(parent)
    first = shown[0]
    button.setObjectName(f"finding_photo_{first.id}")
    button.setIcon(icon_of(first.thumb))
    button.setIconSize(THUMB)
    button.setAutoRaise(True)
    if len(shown) > 1:
        button.setText(f"+{len(shown) - 1}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setToolTip(QCoreApplication.translate("FindingsList", "Open the photo"))
    button.setProperty(NEEDS, FREE)  # it only shows: anyone's
    listed = list(shown)
    button.clicked.connect(lambda _c=False: open_photo(ctx, parent, listed))
    return button


class FindingsList(QTableWidget):
    """Red and yellow findings not yet work, each with a tick (all ticked at first)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.ctx = ctx
        self.findings: list[FindingView] = []
        self.ticks: dict[int, QCheckBox] = {}
        self._thumbs: dict[int, PhotoThumbView] = {}
        self.setObjectName("findings_list")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(THUMB.height() + 6)
        self.setIconSize(THUMB)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Measured / noted"), self.tr("Photo")])
        if self.findings:
            self.set_findings(self.findings, self._thumbs, keep=True)

    def set_findings(
        self, found: Sequence[FindingView], thumbs: dict[int, PhotoThumbView], *, keep: bool = False
    ) -> None:
        """Show the findings not yet work (``keep``: the ticks as they were)."""
        shown = {f.id for f in self.findings} if keep else set()
        was = set(self.ticked()) if keep else set()
        self.findings = [f for f in found if not f.turned]
        self._thumbs = thumbs
        self.setRowCount(len(self.findings))
        self.ticks = {}
        for row, f in enumerate(self.findings):
            rating = words(Rating, f.rating)
            tick = QCheckBox(f"{MARKS.get(f.rating, '')} {pick(f.name_en, f.name_zh, self.ctx.lang)}", self)
            tick.setObjectName(f"finding_tick_{f.id}")
            tick.setChecked(f.id not in shown or f.id in was)  # a new one ticked
            tick.setStyleSheet(f"QCheckBox {{ color: {COLOURS.get(f.rating, '#000000')}; padding: 0 4px; }}")
            tick.setToolTip(rating)
            self.setCellWidget(row, 0, tick)
            self.ticks[f.id] = tick
            what = QTableWidgetItem(measured(f) or rating)
            what.setFlags(Qt.ItemFlag.ItemIsEnabled)
            what.setToolTip(measured(f))
            self.setItem(row, 1, what)
            self.removeCellWidget(row, 2)
            pictures = [thumbs[p] for p in f.photo_ids if p in thumbs]
            if pictures:
                self.setCellWidget(row, 2, photo_button(self.ctx, self, pictures))
            else:
                self.setItem(row, 2, QTableWidgetItem(""))
        self.resizeColumnToContents(0)

    def ticked(self) -> list[int]:
        """The result ids ticked, in the list's order."""
        return [f.id for f in self.findings if f.id in self.ticks and self.ticks[f.id].isChecked()]


def open_photo(ctx: AppContext, parent: QWidget, shown: Sequence[PhotoThumbView], index: int = 0) -> QDialog:
    """Open the photos large in the photos' viewer at ``index`` (window-modal: ``open``)."""
    from ui.photo_viewer import PhotoViewer

    dialog = PhotoViewer(ctx, shown, index, parent=parent)
    dialog.open()
    return dialog
