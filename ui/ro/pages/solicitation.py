"""Step 1, solicitation (read-only): how the customer came, campaigns for this vehicle,
work declined on earlier visits."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from advisor.codes import CampaignKind, words
from advisor.i18n import pick
from advisor.services import appointments, solicitation
from advisor.services.views import PhotoThumbView, ROView
from ui import fmt
from ui.context import AppContext
from ui.ro.findings_panel import icon_of, open_photo, photos_for
from ui.ro.pages.base import StepPage


class Page(StepPage):
    step = 1

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.source_box = QGroupBox(self)
        self.source = QLabel(self.source_box)
        self.source.setObjectName("solicitation_source")
        self.source.setWordWrap(True)
        QVBoxLayout(self.source_box).addWidget(self.source)
        self.campaign_box = QGroupBox(self)
        self.campaigns = QListWidget(self.campaign_box)
        self.campaigns.setObjectName("solicitation_campaigns")
        self.campaigns.setWordWrap(True)
        QVBoxLayout(self.campaign_box).addWidget(self.campaigns)
        self.declined_box = QGroupBox(self)
        self.declined = QListWidget(self.declined_box)
        self.declined.setObjectName("solicitation_declined")
        self.declined.setWordWrap(True)
        self.declined.setIconSize(QSize(64, 48))
        self.declined.itemClicked.connect(self._declined_clicked)
        self.declined_photos: dict[int, list[PhotoThumbView]] = {}  # by row
        QVBoxLayout(self.declined_box).addWidget(self.declined)
        layout = QVBoxLayout(self)
        layout.addWidget(self.next_banner)
        layout.addWidget(self.source_box)
        layout.addWidget(self.campaign_box, 1)
        layout.addWidget(self.declined_box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.source_box.setTitle(self.tr("How the customer came"))
        self.campaign_box.setTitle(self.tr("Campaigns and recalls for this vehicle"))
        self.declined_box.setTitle(self.tr("Work declined on earlier visits"))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        if view.appointment_id is None:
            self.source.setText(self.tr("Walk-in: the customer came without an appointment."))
        else:
            a = appointments.read_appointment(actor=self.ctx.actor, appointment_id=view.appointment_id)
            self.source.setText(
                self.tr("By appointment for %1, booked for “%2”.")
                .replace("%1", fmt.datetime(a.starts_at))
                .replace("%2", a.requested_work)
            )
        self.campaigns.clear()
        for c in solicitation.read_campaigns_for(actor=self.ctx.actor, vehicle_id=view.vehicle.id):
            kind = words(CampaignKind, c.kind)
            title = pick(c.title_en, c.title_zh, self.ctx.lang)
            text = f"{kind}: {title}" + (f"\n{c.details}" if c.details else "")
            self.campaigns.addItem(text)
        if not self.campaigns.count():
            self.campaigns.addItem(self.tr("None running for this vehicle."))
        self.declined.clear()
        self.declined_photos = {}
        for item in solicitation.read_declined_work(actor=self.ctx.actor, vehicle_id=view.vehicle.id):
            row = QListWidgetItem(
                f"{pick(item.detail_en, item.detail_zh, self.ctx.lang)} — {fmt.money(item.amount_cents)}"
            )
            shown = photos_for(self.ctx, item.photo_ids)  # declined from an inspection finding
            if shown:
                row.setIcon(icon_of(shown[0].thumb))
                self.declined_photos[self.declined.count()] = shown  # the row it is added at
                row.setToolTip(self.tr("Click to show the photo large"))
            self.declined.addItem(row)
        for line in view.declined_lines:
            self.declined.addItem(
                self.tr("This visit: %1 — %2")
                .replace("%1", line.description)
                .replace("%2", fmt.money(line.amount_cents))
            )
        if not self.declined.count():
            self.declined.addItem(self.tr("Nothing declined."))
        for lst in (self.campaigns, self.declined):
            lst.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _declined_clicked(self, row: QListWidgetItem) -> QDialog | None:
        """A declined finding's photo opens large."""
        shown = self.declined_photos.get(self.declined.row(row))
        return open_photo(self.ctx, self, shown) if shown else None
