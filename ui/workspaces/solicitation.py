"""Solicitation: who to call (services due, campaigns and recalls, declined work), the
campaign text at hand while talking, each contact logged, booking from the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import CallKind, CampaignKind, Channel, ContactOutcome, words
from advisor.i18n import pick
from advisor.services import solicitation
from advisor.services.opchanges import Kind
from advisor.services.solicitation import CallItem
from advisor.services.views import PhotoThumbView
from ui import fmt
from ui.booking_dialog import BookingDialog
from ui.context import AppContext
from ui.ro.findings_panel import icon_of, open_photo, photos_for
from ui.tables import read_only_table
from ui.workspace import Workspace

PURPOSE = {
    "due_date": "due_service",
    "due_km": "due_service",
    "campaign": "campaign",
    "recall": "recall",
    "declined": "declined_work",
    "birthday": "birthday",
    "holiday": "holiday",
}
CARE = (CallKind.BIRTHDAY, CallKind.HOLIDAY)  # customer care's greetings (issue 17)


def kind_label(kind: str) -> str:
    return ("⚠ " if kind == CallKind.RECALL else "") + words(CallKind, kind)


def channel_label(channel: str) -> str:
    return words(Channel, channel)


def outcome_label(outcome: str) -> str:
    return words(ContactOutcome, outcome)


class SolicitationWorkspace(Workspace):
    key = "solicitation"
    permission = "solicitation.log"
    icon_name = "SP_DialogYesButton"
    shows = Kind.SOLICITATION | Kind.CUSTOMERS | Kind.APPOINTMENTS | Kind.RO | Kind.FOLLOWUP
    shortcut = "Ctrl+5"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[CallItem] = []
        self._build_list()
        self.details_box = QGroupBox(self)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("campaign_details")
        self.details.setReadOnly(True)
        details_layout = QVBoxLayout(self.details_box)
        details_layout.addWidget(self.details)
        self._build_photo_row(details_layout)
        self._build_log_box()

        top = QHBoxLayout()
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.filter)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        top.addWidget(self.count, 1)
        self.holidays_button = QPushButton(self)
        self.holidays_button.setObjectName("holidays")
        self.holidays_button.clicked.connect(self.edit_holidays)
        self.holidays_button.setVisible(ctx.may("settings.edit"))
        top.addWidget(self.holidays_button)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details_box, 1)
        side_layout.addWidget(self.log_box)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate()

    def _build_list(self) -> None:
        """Who to call (filtered by kind), how many, and the list; Enter goes to the channel."""
        self.filter = QComboBox(self)
        self.filter.setObjectName("call_filter")
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.count = QLabel(self)
        self.table = read_only_table(6, self, name="call_list", stretch_last=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.cellActivated.connect(lambda _r, _c: self.channel_focus())

    def _build_photo_row(self, layout: QVBoxLayout) -> None:
        """Declined work from an inspection finding: its photo, to show the customer again
        (issue 18); a click opens it large."""
        self.photo_button = QToolButton(self)
        self.photo_button.setObjectName("call_photo")
        self.photo_button.setIconSize(QSize(128, 96))
        self.photo_button.setAutoRaise(True)
        self.photo_button.clicked.connect(self.open_photo)
        self.photo_note = QLabel(self)
        self.photo_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.photo_button)
        row.addWidget(self.photo_note, 1)
        layout.addLayout(row)
        self.shown_photos: list[PhotoThumbView] = []
        self._show_photos(())

    def _show_photos(self, photo_ids: Sequence[int]) -> None:
        """The selected item's photos: the first as a thumbnail (hidden without one)."""
        self.shown_photos = photos_for(self.ctx, photo_ids)
        self.photo_button.setIcon(icon_of(self.shown_photos[0].thumb if self.shown_photos else None))
        for w in (self.photo_button, self.photo_note):
            w.setVisible(bool(self.shown_photos))

    def open_photo(self) -> QDialog | None:
        """Open the declined finding's photo large (previous/next among its others)."""
        return open_photo(self.ctx, self, self.shown_photos) if self.shown_photos else None

    def _build_log_box(self) -> None:
        """Log the call: channel, outcome, reason, note; book an appointment from it."""
        self.log_box = QGroupBox(self)
        self.channel = QComboBox(self)
        self.channel.setObjectName("contact_channel")
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("contact_outcome")
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.reason = QComboBox(self)
        self.reason.setObjectName("contact_reason")
        self.note = QLineEdit(self)
        self.note.setObjectName("contact_note")
        self.note.returnPressed.connect(self.log_contact)
        self.log_button = QPushButton(self)
        self.log_button.setObjectName("log_contact")
        self.log_button.clicked.connect(self.log_contact)
        self.book_button = QPushButton(self)
        self.book_button.setObjectName("book_from_list")
        self.book_button.clicked.connect(self.book)
        self.form = QFormLayout(self.log_box)
        self.form_labels = [QLabel(self) for _ in range(4)]
        for label, w in zip(
            self.form_labels, (self.channel, self.outcome, self.reason, self.note), strict=True
        ):
            label.setBuddy(w)
            self.form.addRow(label, w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        self.form.addRow(buttons)

    def title(self) -> str:
        return self.tr("Solicitation")

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
        combo.blockSignals(False)

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Show"))
        self._fill_combo(
            self.filter,
            [
                (None, self.tr("Everyone to contact")),
                ("due", self.tr("Services due")),
                ("campaign", self.tr("Campaigns")),
                ("recall", self.tr("Recalls")),
                ("declined", self.tr("Declined work")),
                ("care", self.tr("Birthdays and holidays")),
            ],
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Why"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Plate"),
                self.tr("Model"),
                self.tr("Detail"),
            ]
        )
        self.details_box.setTitle(self.tr("What to tell the customer"))
        self.log_box.setTitle(self.tr("Log the contact"))
        for label, text in zip(
            self.form_labels,
            (self.tr("&Channel"), self.tr("&Outcome"), self.tr("Decline &reason"), self.tr("&Note")),
            strict=True,
        ):
            label.setText(text)
        self._fill_combo(self.channel, [(c, channel_label(c)) for c in solicitation.CHANNELS])
        self._fill_combo(self.outcome, [(o, outcome_label(o)) for o in solicitation.OUTCOMES])
        reasons = [
            (r.id, pick(r.label_en, r.label_zh, self.ctx.lang))
            for r in solicitation.read_decline_reasons(actor=self.ctx.actor)
        ]
        self._fill_combo(self.reason, [(None, self.tr("(choose a reason)")), *reasons])
        self._outcome_changed()
        self.log_button.setText(self.tr("Log contact"))
        self.book_button.setText(self.tr("Book appointment…"))
        self.holidays_button.setText(self.tr("&Holidays…"))
        self.holidays_button.setToolTip(self.tr("The holidays customers are sent greetings for"))
        self.photo_note.setText(
            self.tr("The inspection photo of the declined work: click it to show it large.")
        )
        self.photo_button.setToolTip(self.tr("Open the photo"))
        if self.items:
            self._fill()

    def _outcome_changed(self, _i: int = 0) -> None:
        self.reason.setEnabled(self.outcome.currentData() == ContactOutcome.DECLINED)

    # -- reading -------------------------------------------------------------------
    def refresh(self) -> None:
        self.items = solicitation.read_call_list(actor=self.ctx.actor)
        self._fill()

    def visible_items(self) -> list[CallItem]:
        wanted = self.filter.currentData()
        if wanted is None:
            return self.items
        if wanted == "due":
            return [i for i in self.items if i.kind in ("due_date", "due_km")]
        if wanted == "care":
            return [i for i in self.items if i.kind in CARE]
        return [i for i in self.items if i.kind == wanted]

    def _fill(self) -> None:
        keep = self.current_item()
        rows = self.visible_items()
        self.table.setRowCount(len(rows))
        for r, item in enumerate(rows):
            detail = pick(item.detail_en, item.detail_zh, self.ctx.lang)
            if item.amount_cents:
                detail += f" ({fmt.money(item.amount_cents)})"
            why = kind_label(item.kind)
            if item.photo_ids:  # declined from an inspection finding: its photo to show again
                why = f"📷 {why}"
            for c, text in enumerate((why, item.customer_name, item.phone, item.plate, item.model, detail)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, r)
                if item.photo_ids and c == 0:
                    cell.setToolTip(self.tr("With the inspection photo of the declined work"))
                self.table.setItem(r, c, cell)
        self.count.setText(self.tr("%n to contact", "", len(rows)))
        if rows:
            index = rows.index(keep) if keep in rows else 0
            self.table.selectRow(index)
        else:
            self.details.setPlainText("")
            self._show_photos(())

    def current_item(self) -> CallItem | None:
        row = self.table.currentRow()
        rows = self.visible_items()
        return rows[row] if 0 <= row < len(rows) else None

    def _selected(self) -> None:
        item = self.current_item()
        self._show_photos(item.photo_ids if item is not None else ())
        if item is None:
            self.details.setPlainText("")
            return
        if item.kind in CARE:  # a greeting: logged as sent
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(ContactOutcome.GREETED)))
        parts = [
            f"{item.customer_name} · {item.phone} · {item.plate} {item.model}",
            pick(item.detail_en, item.detail_zh, self.ctx.lang),
        ]
        campaigns = solicitation.read_campaigns_for(actor=self.ctx.actor, vehicle_id=item.vehicle_id)
        if campaigns:
            parts.append("")
            parts.append(self.tr("Campaigns and recalls for this vehicle:"))
        for c in campaigns:
            kind = words(CampaignKind, c.kind)
            parts.append(f"■ {kind} {c.code}: {pick(c.title_en, c.title_zh, self.ctx.lang)}")
            parts.append(
                self.tr("Runs %1 to %2")
                .replace("%1", fmt.date(c.starts_on))
                .replace("%2", fmt.date(c.ends_on))
            )
            if c.details:
                parts.append(c.details)
        self.details.setPlainText("\n".join(parts))

    def channel_focus(self) -> None:
        """Enter on a row of the list: straight to logging the contact."""
        self.channel.setFocus()

    # -- actions -------------------------------------------------------------------
    def log_contact(self, *, outcome: str | None = None, appointment_id: int | None = None) -> int | None:
        item = self.current_item()
        if item is None:
            return None
        outcome = outcome or self.outcome.currentData()
        result = self.ctx.ops.run(
            solicitation.log_contact,
            parent=self,
            customer_id=item.customer_id,
            vehicle_id=item.vehicle_id,
            channel=self.channel.currentData(),
            outcome=outcome,
            decline_reason_id=self.reason.currentData() if outcome == ContactOutcome.DECLINED else None,
            campaign_id=item.campaign_id,
            line_ids=list(item.line_ids),
            purpose=PURPOSE.get(item.kind, "due_service"),
            note=self.note.text(),
            appointment_id=appointment_id,
        )
        if not result.ok:
            return None
        self.note.clear()
        self.reason.setCurrentIndex(0)
        return result.value

    def edit_holidays(self) -> None:
        from ui.holidays_dialog import HolidaysDialog

        HolidaysDialog(self.ctx, self).exec()
        self.refresh()

    def booking_dialog(self) -> BookingDialog | None:
        item = self.current_item()
        if item is None:
            return None
        work = pick(item.detail_en, item.detail_zh, self.ctx.lang)
        return BookingDialog(
            self.ctx, self, customer_id=item.customer_id, vehicle_id=item.vehicle_id, requested_work=work
        )

    def book(self) -> None:
        dialog = self.booking_dialog()
        if dialog is not None and dialog.exec() and dialog.result_view is not None:
            self.after_booking(dialog.result_view.id)

    def after_booking(self, appointment_id: int) -> int | None:
        """The customer booked: the contact is logged with that outcome and the booking."""
        return self.log_contact(outcome="booked", appointment_id=appointment_id)


WORKSPACE = SolicitationWorkspace
