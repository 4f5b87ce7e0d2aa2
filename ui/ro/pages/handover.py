"""Step 12 — handover: items explained (read), the repair result shown, old parts handed
over as chosen, the customer's acceptance, and the next service (feeds solicitation)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import LineKind, OldPart, PayType, SignedAct
from advisor.services import settings, settlement
from advisor.services.views import ROView
from ui import fmt
from ui.context import AppContext
from ui.ro.pages._closing import (
    cell,
    fit_height,
    from_qdate,
    handling_label,
    locked_text,
    show_banner,
    table,
)
from ui.ro.pages.base import StepPage
from ui.signature_pad import SignatureBox, SignatureImage


class HandoverPage(StepPage):
    step = 12

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded_ro: int | None = None
        self.combos: dict[int, QComboBox] = {}
        body, layout, (self.status, self.locked) = self._scaffold("handover_status", "handover_locked")

        self.ready_group = QGroupBox(body)
        ready = QVBoxLayout(self.ready_group)
        self.ready_labels: dict[str, QLabel] = {}
        for key in ("qc", "wash", "explained", "paid"):
            label = QLabel(self.ready_group)
            label.setObjectName(f"handover_ready_{key}")
            ready.addWidget(label)
            self.ready_labels[key] = label

        self.form = QGroupBox(body)
        form = QFormLayout(self.form)
        self.result_shown = QCheckBox(self.form)
        self.result_shown.setObjectName("handover_result_shown")
        form.addRow(self.result_shown)
        self.old_parts_label = QLabel(self.form)
        self.old_parts_hint = QLabel(self.form)
        self.old_parts_hint.setObjectName("handover_old_parts_hint")
        self.old_parts_hint.setWordWrap(True)
        self.old_parts_hint.setStyleSheet("color:#555555;")
        self.old_parts = table(self.form, "handover_old_parts", 3)
        form.addRow(self.old_parts_label)
        form.addRow(self.old_parts_hint)
        form.addRow(self.old_parts)
        self.accepted_label = QLabel(self.form)
        self.accepted_by = QLineEdit(self.form)
        self.accepted_by.setObjectName("handover_accepted_by")
        form.addRow(self.accepted_label, self.accepted_by)
        self.date_label = QLabel(self.form)
        self.next_date = QDateEdit(self.form)
        self.next_date.setObjectName("handover_next_date")
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")  # not the locale's short "6/4/27"
        self.next_date.setMaximumWidth(200)
        form.addRow(self.date_label, self.next_date)
        self.km_label = QLabel(self.form)
        self.next_km = QSpinBox(self.form)
        self.next_km.setObjectName("handover_next_km")
        self.next_km.setRange(0, 2_000_000)
        self.next_km.setSingleStep(500)
        self.next_km.setGroupSeparatorShown(True)
        self.next_km.setMaximumWidth(200)
        form.addRow(self.km_label, self.next_km)
        # The customer signs the acceptance (the handover is always in person).
        self.signature = SignatureBox("handover", self.form)
        form.addRow(self.signature)
        self.button = QPushButton(self.form)
        self.button.setObjectName("handover_button")
        self.button.clicked.connect(self._hand_over)
        button_row = QHBoxLayout()
        button_row.addWidget(self.button)
        button_row.addStretch(1)
        form.addRow(button_row)

        self.done_label = QLabel(body)
        self.done_label.setObjectName("handover_done")
        self.done_label.setWordWrap(True)
        # After the handover: the acceptance as signed (the image), or why it was not.
        self.signed_label = QLabel(body)
        self.signed_label.setObjectName("handover_signed")
        self.signed_label.setWordWrap(True)
        self.signed_image = SignatureImage(body)
        self.signed_image.setObjectName("handover_signature_image")

        for w in (self.ready_group, self.form, self.done_label, self.signed_label, self.signed_image):
            layout.addWidget(w)
        layout.addStretch(1)
        self.guard(self.form, "handover")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Handover — the start of the next visit"))
        self.ready_group.setTitle(self.tr("Before the keys are handed over"))
        self.form.setTitle(self.tr("With the customer"))
        self.result_shown.setText(self.tr("The repair result was shown to the customer"))
        self.old_parts_label.setText(self.tr("Old parts — the customer's decision for each replaced part:"))
        self._old_parts_hint()
        self.old_parts.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Qty"), self.tr("Old part")])
        self.accepted_label.setText(self.tr("Accepted by (name):"))
        self.accepted_by.setPlaceholderText(self.tr("Who checked and accepted the car"))
        self.date_label.setText(self.tr("Next service date:"))
        self.km_label.setText(self.tr("Next service at:"))
        self.next_km.setSuffix(" km")
        self.button.setText(self.tr("Hand over the car"))
        for combo in self.combos.values():
            for i in range(combo.count()):
                combo.setItemText(i, handling_label(str(combo.itemData(i))))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self._fill_ready(view)
        if self._loaded_ro != view.id:
            self._loaded_ro = view.id
            self._prefill(view)
        handed = view.handed_over_at is not None
        self.form.setVisible(not handed)
        if handed:
            text = self.tr("Handed over on %1, accepted by %2.").replace(
                "%1", fmt.datetime(view.handed_over_at)
            )
            show_banner(self.status, text.replace("%2", view.accepted_by), "ok")
            show_banner(self.locked, "")
            nxt = self.tr("Next service: %1 or at %2, whichever comes first.")
            nxt = nxt.replace("%1", fmt.date(view.next_service_date)).replace(
                "%2", fmt.km(view.next_service_km)
            )
            handled = [
                f"{x.description}: {handling_label(x.old_part_handling)}"
                for x in view.approved_lines
                if x.kind == LineKind.PART and x.old_part_handling
            ]
            if handled:
                nxt += "\n" + self.tr("Old parts: %1").replace("%1", "; ".join(handled))
            self.done_label.setText(nxt)
            self.done_label.show()
            self._show_signed(view)
        else:
            show_banner(self.status, "")
            show_banner(self.locked, locked_text(view.locked, self.step, self.ctx.lang), "warn")
            self.done_label.hide()
            self.signed_label.hide()
            self.signed_image.set_png(None)

    def _show_signed(self, view: ROView) -> None:
        """The customer's signature on the acceptance, or the reason they did not sign."""
        signed = [s for s in view.signatures if s.act == SignedAct.HANDOVER]
        if signed:
            s = signed[-1]
            text = self.tr("Acceptance signed by %1 on %2:").replace("%1", s.signer)
            self.signed_label.setText(text.replace("%2", fmt.datetime(s.signed_at)))
            self.signed_image.set_png(s.png, f"SHA-256 {s.sha256}")
        elif view.handover_no_signature_reason:
            self.signed_label.setText(
                self.tr("Not signed: %1").replace("%1", view.handover_no_signature_reason)
            )
            self.signed_image.set_png(None)
        else:
            self.signed_label.setText("")
            self.signed_image.set_png(None)
        self.signed_label.setVisible(bool(self.signed_label.text()))

    def _fill_ready(self, view: ROView) -> None:
        def mark(ok: bool, text: str) -> str:
            return ("✓ " if ok else "✗ ") + text

        s = view.settlement
        checks = {
            "qc": (view.qc_passed_at is not None, self.tr("Final QC passed")),
            "wash": (
                view.wash_requested is not True or view.wash_done_at is not None,
                self.tr("Wash confirmed") if view.wash_requested else self.tr("No wash requested"),
            ),
            "explained": (
                view.items_explained_at is not None,
                self.tr("Items explained to the customer before the amount"),
            ),
            "paid": (
                s is not None and s.balance_cents <= 0 and view.paid_at is not None,
                self.tr("Settlement paid") if s else self.tr("Not settled yet"),
            ),
        }
        if s is not None and s.balance_cents > 0:
            checks["paid"] = (False, self.tr("Balance due: %1").replace("%1", fmt.money(s.balance_cents)))
        for key, (ok, text) in checks.items():
            label = self.ready_labels[key]
            label.setText(mark(ok, text))
            label.setStyleSheet("color:#1e5e2a;" if ok else "color:#8e1c14;")

    def _prefill(self, view: ROView) -> None:
        self.signature.reset()
        self.result_shown.setChecked(view.result_shown)
        self.accepted_by.setText(view.accepted_by or view.customer.name)
        interval = settings.read_settings(
            actor=self.ctx.actor, keys=["service_interval_months", "service_interval_km"]
        )
        months, km = int(interval["service_interval_months"]), int(interval["service_interval_km"])
        if view.next_service_date and view.handed_over_at:
            d = view.next_service_date
            self.next_date.setDate(QDate(d.year, d.month, d.day))
        else:
            self.next_date.setDate(QDate.currentDate().addMonths(months))
        self.next_km.setValue(view.next_service_km or (view.mileage_in or 0) + km)
        self.old_parts.setRowCount(0)
        self.combos = {}
        # The check-in's wish is a suggestion for each part (a warranty part goes back to
        # the maker); without one the advisor asks now. The lines' decisions are the record.
        default = OldPart.RETURNED if view.return_old_parts else OldPart.UNDECIDED
        for x in view.approved_lines:
            if x.kind != LineKind.PART:
                continue
            r = self.old_parts.rowCount()
            self.old_parts.insertRow(r)
            self.old_parts.setItem(r, 0, cell(f"{x.code} {x.description}".strip(), data=x.id))
            self.old_parts.setItem(r, 1, cell(str(x.quantity), right=True))
            combo = QComboBox(self.old_parts)
            combo.setObjectName(f"handover_old_part_{x.id}")
            for h in (OldPart.UNDECIDED, *settlement.OLD_PART_HANDLING):
                combo.addItem(handling_label(h), str(h))
            chosen = x.old_part_handling or (
                OldPart.WARRANTY_RETURN if x.pay_type == PayType.WARRANTY else default
            )
            combo.setCurrentIndex(max(0, combo.findData(str(chosen))))
            combo.currentIndexChanged.connect(self._mark_undecided)
            self.old_parts.setCellWidget(r, 2, combo)
            self.combos[x.id] = combo
        self.old_parts.resizeColumnsToContents()
        self.old_parts.horizontalHeader().setStretchLastSection(False)
        self.old_parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.old_parts.setColumnWidth(2, max(220, self.old_parts.columnWidth(2)))
        fit_height(self.old_parts, 1, 8)
        has_parts = bool(self.combos)
        self.old_parts.setVisible(has_parts)
        self.old_parts_label.setVisible(has_parts)
        self.old_parts_hint.setVisible(has_parts)
        self._old_parts_hint()
        self._mark_undecided()

    def _old_parts_hint(self) -> None:
        v = self.view
        if v is None:
            return
        if v.return_old_parts:
            text = self.tr(
                "At check-in the customer asked for the old parts back: suggested for each part "
                "(warranty parts go back to the maker). Confirm each with the customer."
            )
        else:
            text = self.tr(
                "The customer did not ask for the old parts back at check-in: show them and "
                "decide each one with the customer now."
            )
        self.old_parts_hint.setText(text)

    def _mark_undecided(self) -> None:
        """A part still "Not decided" is marked: the handover waits for its decision."""
        for combo in self.combos.values():
            combo.setStyleSheet(
                "" if combo.currentData() else "QComboBox { color:#8e1c14; font-weight:bold; }"
            )

    def _hand_over(self) -> None:
        if self.view is None:
            return
        self.ctx.ops.run(
            settlement.hand_over,
            parent=self,
            ro_id=self.view.id,
            accepted_by=self.accepted_by.text(),
            result_shown=self.result_shown.isChecked(),
            next_service_date=from_qdate(self.next_date.date()),
            next_service_km=self.next_km.value(),
            old_parts={
                line_id: str(c.currentData()) for line_id, c in self.combos.items() if c.currentData()
            },
            signature=self.signature.signature(),
            no_signature_reason=self.signature.no_signature_reason(),
        )


Page = HandoverPage
