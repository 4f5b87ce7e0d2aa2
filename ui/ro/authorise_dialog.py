"""The customer's authorisation of the estimate: per line approve/decline, how, who, when."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import AuthMethod, LineStatus, words
from advisor.i18n import pick
from advisor.services import estimate, findings, settings, solicitation
from advisor.services.views import PhotoThumbView, ROView
from ui import fmt
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, parse_money, to_qdatetime
from ui.ro import printing, range_told
from ui.ro.findings_panel import icon_of, open_photo, thumbs_of
from ui.ro.lines_model import kind_label
from ui.signature_pad import SignatureBox


def method_label(method: str) -> str:
    return words(AuthMethod, method)


class AuthoriseDialog(QDialog):
    """OK calls ``estimate.authorise_estimate``; a refusal keeps the dialog and its input."""

    def __init__(self, ctx: AppContext, view: ROView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.result_id: int | None = None
        self.setObjectName("authorise_dialog")
        self.setWindowTitle(self.tr("Customer authorisation — %1").replace("%1", view.number))
        self.lines = [x for x in view.lines if x.status == LineStatus.PROPOSED]
        self.reasons = solicitation.read_decline_reasons(actor=self.ctx.actor)
        self._build_table()
        self._show_finding_photos()
        self._build_fields(view)
        buttons = self._build_buttons(view)
        form = QFormLayout()
        form.addRow(self.tr("&How"), self.method)
        form.addRow(self.tr("&Phone number"), self.phone)
        form.addRow(self.tr("Authorised &by"), self.who)
        form.addRow(self.tr("&Promised time"), self.promised)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Each line: approve or decline (a declined line needs the customer's reason)."), self
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self._build_range(view))
        # In person the customer signs beside the form (or the reason they cannot is kept).
        self.signature = SignatureBox("auth", self)
        bottom = QHBoxLayout()
        bottom.addLayout(form, 1)
        bottom.addWidget(self.signature, 1)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        self.resize(1000, 640)
        self._update_total()

    def _build_table(self) -> None:
        """A row per proposed line: what, how much, approve or decline, and why declined."""
        self.table = QTableWidget(len(self.lines), 4, self)
        self.table.setObjectName("authorise_lines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Amount"), self.tr("Decision"), self.tr("Reason if declined")]
        )
        self.decisions: dict[int, QComboBox] = {}
        self.reason_boxes: dict[int, QComboBox] = {}
        for row, line in enumerate(self.lines):
            name = QTableWidgetItem(f"{kind_label(line.kind)}: {line.description}")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            amount = QTableWidgetItem(fmt.money(line.amount_cents))
            amount.setFlags(Qt.ItemFlag.ItemIsEnabled)
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, amount)
            decision = QComboBox(self)
            decision.setObjectName(f"decision_{line.id}")
            decision.addItem(self.tr("✓ Approve"), "approved")
            decision.addItem(self.tr("✗ Decline"), "declined")
            reason = QComboBox(self)
            reason.setObjectName(f"reason_{line.id}")
            reason.addItem(self.tr("(choose the reason)"), None)
            for r in self.reasons:
                reason.addItem(pick(r.label_en, r.label_zh, self.ctx.lang), r.id)
            reason.setEnabled(False)
            decision.currentIndexChanged.connect(
                lambda _i, d=decision, r=reason: r.setEnabled(d.currentData() == LineStatus.DECLINED)
            )
            self.table.setCellWidget(row, 2, decision)
            self.table.setCellWidget(row, 3, reason)
            self.decisions[line.id] = decision
            self.reason_boxes[line.id] = reason
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()

    def _show_finding_photos(self) -> None:
        """A line that came from an inspection finding shows its photo; a click on it opens
        the photo large (issue 18: the customer sees the worn part while deciding)."""
        found = [f for f in findings.read_findings(actor=self.ctx.actor, ro_id=self.view.id) if f.photo_ids]
        thumbs = thumbs_of(self.ctx, self.view.id) if found else {}
        self.line_photos: dict[int, list[PhotoThumbView]] = {
            line: [thumbs[p] for p in f.photo_ids if p in thumbs] for f in found for line in f.lines
        }
        if not any(self.line_photos.values()):
            return
        self.table.setIconSize(QSize(40, 30))
        for row, line in enumerate(self.lines):
            shown = self.line_photos.get(line.id)
            item = self.table.item(row, 0)
            if shown and item is not None:
                item.setIcon(icon_of(shown[0].thumb))
                item.setToolTip(self.tr("From the inspection: click the photo to show it large"))
        header = self.table.verticalHeader()
        header.setDefaultSectionSize(max(header.defaultSectionSize(), 36))  # the thumbnail's height
        self.table.cellClicked.connect(self._cell_clicked)

    def _cell_clicked(self, row: int, column: int) -> None:
        shown = self.line_photos.get(self.lines[row].id) if column == 0 and row < len(self.lines) else None
        if shown:
            open_photo(self.ctx, self, shown)

    def _build_fields(self, view: ROView) -> None:
        """How the customer answered, who, the promised time, a note, and the total."""
        self.method = QComboBox(self)
        self.method.setObjectName("auth_method")
        for m in estimate.METHODS:
            self.method.addItem(method_label(m), m)
        self.phone = QLineEdit(view.approval_contact or view.customer.phone, self)
        self.phone.setObjectName("auth_phone")
        self.method.currentIndexChanged.connect(
            lambda _i: self.phone.setEnabled(self.method.currentData() == AuthMethod.PHONE)
        )
        self.phone.setEnabled(False)
        self.who = QLineEdit(view.customer.name, self)
        self.who.setObjectName("auth_who")
        self.promised = QDateTimeEdit(self)
        self.promised.setObjectName("auth_promised")
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        default = view.promised_at or (dt.datetime.now() + dt.timedelta(hours=3)).replace(
            second=0, microsecond=0
        )
        self.promised.setDateTime(to_qdatetime(default))
        self.note = QLineEdit(self)
        self.note.setObjectName("auth_note")
        self._tax_rate: Decimal | None = None
        self.total = QLabel(self)
        self.total.setObjectName("auth_total")
        self.total.setStyleSheet("font-weight: bold;")
        for box in self.decisions.values():
            box.currentIndexChanged.connect(self._update_total)

    def _build_range(self, view: ROView) -> QGroupBox:
        """The price range told to the customer, and the two ways past a total outside it:
        a corrected range told now, or the customer's agreement to this total."""
        box = QGroupBox(self.tr("Price range told to the customer"), self)
        box.setObjectName("auth_range_box")
        self.range_told = QLabel(range_told.told_text(view.range_told), box)
        self.range_told.setObjectName("auth_range_told")
        self.range_told.setWordWrap(True)
        self.range_warning = QLabel(
            self.tr(
                "The total is outside the range told. Tell the customer a corrected range now, "
                "or record that they agree to this total."
            ),
            box,
        )
        self.range_warning.setObjectName("auth_range_warning")
        self.range_warning.setWordWrap(True)
        self.range_warning.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.new_low = QLineEdit(box)
        self.new_low.setObjectName("auth_new_low")
        self.new_high = QLineEdit(box)
        self.new_high.setObjectName("auth_new_high")
        for w in (self.new_low, self.new_high):
            w.setPlaceholderText(self.tr("keep"))
            w.textChanged.connect(self._update_total)
        self.outside_agreed = QCheckBox(self.tr("The customer &agrees to this total outside the range"), box)
        self.outside_agreed.setObjectName("auth_outside_agreed")
        span = QHBoxLayout()
        new_label = QLabel(self.tr("Corrected &range told now:"), box)
        new_label.setBuddy(self.new_low)
        span.addWidget(new_label)
        span.addWidget(self.new_low)
        span.addWidget(QLabel("–", box))
        span.addWidget(self.new_high)
        span.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.range_told)
        inner.addWidget(self.range_warning)
        inner.addLayout(span)
        inner.addWidget(self.outside_agreed, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _method_changed(self, _index: int = 0) -> None:
        """The signature is taken in person only (a phone or message answer has none)."""
        self.signature.setVisible(self.method.currentData() == AuthMethod.IN_PERSON)

    def _new_range(self) -> tuple[int, int] | None:
        low, high = parse_money(self.new_low.text()), parse_money(self.new_high.text())
        return (low, high) if low is not None and high is not None else None

    def _build_buttons(self, view: ROView) -> QDialogButtonBox:
        """Record (OK), cancel, and print the estimate for the customer's signature."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record authorisation"))
        self.ok_button.setObjectName("auth_ok")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.print_button = QPushButton(self.tr("Print estimate for signature…"), self)
        self.print_button.setObjectName("auth_print")
        self.print_button.clicked.connect(
            lambda: printing.print_sheet(self, self.ctx.ops, "estimate", view, self.ctx.lang)
        )
        self.print_button.setVisible(printing.available())
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        return buttons

    def _update_total(self) -> None:
        """The total the authorisation will record (with tax), as the decisions stand."""
        if self._tax_rate is None:
            self._tax_rate = Decimal(
                settings.read_settings(actor=self.ctx.actor, keys=["tax_rate"])["tax_rate"]
            )
        decided = {lid: box.currentData() for lid, box in self.decisions.items()}
        q = estimate.quote_of(self.view.lines, decisions=decided, tax_rate=self._tax_rate)
        new = self._new_range()
        outside = (
            not new[0] <= q.total_cents <= new[1]
            if new is not None
            else range_told.outside(self.view, q.total_cents)
        )
        self.range_warning.setVisible(outside)
        self.outside_agreed.setEnabled(outside or self.outside_agreed.isChecked())
        self.total.setText(
            self.tr("Total authorised: %1 incl. tax (%2 before tax + %3 tax)")
            .replace("%1", fmt.money(q.total_cents))
            .replace("%2", fmt.money(q.subtotal_cents - q.discount_cents))
            .replace("%3", fmt.money(q.tax_cents))
        )

    def set_decision(self, line_id: int, decision: str, reason_id: int | None = None) -> None:
        """Choose a line's decision (and decline reason) — for the keyboard and for tests."""
        box = self.decisions[line_id]
        box.setCurrentIndex(box.findData(decision))
        if reason_id is not None:
            reason = self.reason_boxes[line_id]
            reason.setCurrentIndex(reason.findData(reason_id))

    def submit(self) -> None:
        in_person = self.method.currentData() == AuthMethod.IN_PERSON
        decisions = {lid: box.currentData() for lid, box in self.decisions.items()}
        reasons = {
            lid: self.reason_boxes[lid].currentData()
            for lid, d in decisions.items()
            if d == LineStatus.DECLINED and self.reason_boxes[lid].currentData() is not None
        }
        result = self.ctx.ops.run(
            estimate.authorise_estimate,
            parent=self,
            ro_id=self.view.id,
            decisions=decisions,
            customer_name=self.who.text(),
            method=self.method.currentData(),
            promised_at=from_qdatetime(self.promised.dateTime()),
            phone=self.phone.text().strip() if self.method.currentData() == AuthMethod.PHONE else "",
            decline_reasons=reasons,
            note=self.note.text(),
            new_range=self._new_range(),
            outside_range_agreed=self.outside_agreed.isChecked(),
            signature=self.signature.signature() if in_person else None,
            no_signature_reason=self.signature.no_signature_reason() if in_person else "",
        )
        if result.ok:
            self.result_id = result.value
            self.accept()
