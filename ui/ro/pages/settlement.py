"""Step 11 — settlement from approved work only (labour and materials apart), the items
explained before the amount, corrections as new entries, and the cashier's payments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import LineKind, LineStatus
from advisor.errors import UserError
from advisor.money import to_cents, to_yuan
from advisor.services import settlement
from advisor.services.views import LineView, ROView, Totals
from ui import fmt, messages
from ui.context import AppContext
from ui.long_text import tooltip
from ui.ro import range_told
from ui.ro.lines_model import declined_text, origin_label, pay_type_label
from ui.ro.pages._closing import (
    cell,
    fit_height,
    locked_text,
    pay_method_label,
    show_banner,
    table,
)
from ui.ro.pages.base import StepPage

TOTAL_KEYS = ("labour", "parts", "other", "discount", "tax", "total")


def _amount_entry(
    parent: QWidget,
    row: QHBoxLayout,
    names: tuple[str, str, str],
    slot: Callable[[], None],
    width: int,
) -> tuple[QLineEdit, QLineEdit, QPushButton]:
    """An amount in yuan (right-aligned, ``width`` wide), a text that stretches (a reason or
    a reference) and the button that sends them, added to ``row``; ``names`` are their
    object names."""
    amount_name, text_name, button_name = names
    amount = QLineEdit(parent)
    amount.setObjectName(amount_name)
    amount.setAlignment(Qt.AlignmentFlag.AlignRight)
    amount.setMaximumWidth(width)
    text = QLineEdit(parent)
    text.setObjectName(text_name)
    button = QPushButton(parent)
    button.setObjectName(button_name)
    button.clicked.connect(slot)
    row.addWidget(amount)
    row.addWidget(text, 1)
    row.addWidget(button)
    return amount, text, button


class SettlementPage(StepPage):
    step = 11

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._last_due: int | None = None
        body, layout, (self.status, self.locked) = self._scaffold("settle_status", "settle_locked")
        self._build_lines(body)
        self._build_range(body)
        # Settle with an optional discount.
        (self.settle_group, self.discount_label, self.discount, self.reason, self.settle_button) = (
            self._discount_row(
                body, "settle_discount", "settle_discount_reason", "settle_button", self._settle
            )
        )
        self._build_explain(body)
        self._build_totals(body)
        # A correction is a new settlement that supersedes the old one.
        (
            self.correct_group,
            self.correct_label,
            self.correct_discount,
            self.correct_reason,
            self.correct_button,
        ) = self._discount_row(
            body, "settle_correct_discount", "settle_correct_reason", "settle_correct", self._correct
        )
        self._build_payments(body)
        for w in (
            self.labour_title,
            self.labour,
            self.parts_title,
            self.parts,
            self.other_title,
            self.other,
            self.not_charged,
            self.range_group,
            self.settle_group,
            self.explain_group,
            self.totals_group,
            self.correct_group,
            self.pay_group,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        self.guard(self.settle_group, "settle")
        self.may_retell = self.guard(self.retell_button, "change.consent")
        self.guard(self.correct_group, "settle")
        self.guard(self.explain_group, "explain")
        self.may_pay = self.guard(self.pay_form, "pay")
        self.retranslate()

    def _build_lines(self, body: QWidget) -> None:
        """Labour, materials and other charges (approved lines only), and what is not charged."""
        self.labour_title = QLabel(body)
        self.labour_title.setStyleSheet("font-weight: bold;")
        self.labour = table(body, "settle_labour", 6)
        self.parts_title = QLabel(body)
        self.parts_title.setStyleSheet("font-weight: bold;")
        self.parts = table(body, "settle_parts", 7)
        self.other_title = QLabel(body)
        self.other_title.setStyleSheet("font-weight: bold;")
        self.other = table(body, "settle_other", 4)
        self.not_charged = QLabel(body)
        self.not_charged.setObjectName("settle_not_charged")
        self.not_charged.setWordWrap(True)

    def _build_range(self, body: QWidget) -> None:
        """The price range told to the customer; when the total falls outside it (and
        outside every total they agreed to since), the way out: a corrected range told."""
        self.range_group = QGroupBox(body)
        self.range_group.setObjectName("settle_range_group")
        self.range_told = QLabel(self.range_group)
        self.range_told.setObjectName("settle_range_told")
        self.range_told.setWordWrap(True)
        self.range_warning = QLabel(self.range_group)
        self.range_warning.setObjectName("settle_range_warning")
        self.range_warning.setWordWrap(True)
        self.range_warning.setStyleSheet("color:#8e1c14; font-weight:bold;")
        self.retell_button = QPushButton(self.range_group)
        self.retell_button.setObjectName("settle_retell")
        self.retell_button.clicked.connect(self.retell)
        box = QVBoxLayout(self.range_group)
        box.addWidget(self.range_told)
        row = QHBoxLayout()
        row.addWidget(self.range_warning, 1)
        row.addWidget(self.retell_button)
        box.addLayout(row)

    def _show_range(self, view: ROView) -> None:
        self.range_group.setVisible(view.range_told is not None)
        self.range_told.setText(range_told.told_text(view.range_told))
        # Before settling, ``totals`` has no discount: it is the price the range holds.
        outside = view.settlement is None and range_told.outside(view, view.totals.total_cents)
        self.range_warning.setVisible(outside)
        self.retell_button.setVisible(outside and self.may_retell and self.ctx.may("change.consent"))

    def retell(self) -> range_told.RetellDialog | None:
        """Tell the customer a corrected range (the dialog is returned for the tests)."""
        if self.view is None:
            return None
        dialog = range_told.RetellDialog(self.ctx, self.view, self.view.totals.total_cents, self)
        dialog.open()
        return dialog

    def _build_explain(self, body: QWidget) -> None:
        """The items are explained one by one BEFORE the amount is shown to the customer."""
        self.explain_group = QGroupBox(body)
        eg = QHBoxLayout(self.explain_group)
        self.explain_button = QPushButton(self.explain_group)
        self.explain_button.setObjectName("settle_explain")
        self.explain_button.clicked.connect(self._explain)
        self.explained = QLabel(self.explain_group)
        self.explained.setObjectName("settle_explained")
        self.explained.setWordWrap(True)
        eg.addWidget(self.explain_button)
        eg.addWidget(self.explained, 1)

    def _build_totals(self, body: QWidget) -> None:
        """The amounts (labour to total) beside the settlement's number, time and discount."""
        self.totals_group = QGroupBox(body)
        self.totals_group.setObjectName("settle_totals")
        grid = QGridLayout(self.totals_group)
        self.total_names: dict[str, QLabel] = {}
        self.total_values: dict[str, QLabel] = {}
        for row, key in enumerate(TOTAL_KEYS):
            name = QLabel(self.totals_group)
            value = QLabel(self.totals_group)
            value.setObjectName(f"settle_total_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key == "total":
                name.setStyleSheet("font-size: 14pt; font-weight: bold;")
                value.setStyleSheet("font-size: 18pt; font-weight: bold;")
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.total_names[key] = name
            self.total_values[key] = value
        grid.setColumnStretch(2, 1)
        self.number = QLabel(self.totals_group)
        self.number.setObjectName("settle_number")
        # The discount's reason (up to 500 characters) wraps instead of widening the page.
        self.number.setWordWrap(True)
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        self.number.setMaximumWidth(520)
        self.number.setStyleSheet("font-weight: bold;")
        grid.addWidget(
            self.number, 0, 3, len(TOTAL_KEYS), 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )

    def _build_payments(self, body: QWidget) -> None:
        """Payments (the cashier): split payments, refunds as negative entries."""
        self.pay_group = QGroupBox(body)
        pg = QVBoxLayout(self.pay_group)
        self.payments = table(self.pay_group, "pay_table", 6)
        self.balance = QLabel(self.pay_group)
        self.balance.setObjectName("pay_balance")
        self.balance.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.pay_form = QWidget(self.pay_group)
        pf = QFormLayout(self.pay_form)
        pf.setContentsMargins(0, 0, 0, 0)
        self.method = QComboBox(self.pay_form)
        self.method.setObjectName("pay_method")
        for m in settlement.PAY_METHODS:
            self.method.addItem(m, m)
        pay_row = QHBoxLayout()
        pay_row.addWidget(self.method)
        self.amount, self.reference, self.pay_button = _amount_entry(
            self.pay_form, pay_row, ("pay_amount", "pay_reference", "pay_button"), self._pay, 160
        )
        self.pay_label = QLabel(self.pay_form)
        pf.addRow(self.pay_label, pay_row)
        refund_row = QHBoxLayout()
        self.refund_amount, self.refund_reason, self.refund_button = _amount_entry(
            self.pay_form, refund_row, ("refund_amount", "refund_reason", "refund_button"), self._refund, 160
        )
        self.refund_label = QLabel(self.pay_form)
        pf.addRow(self.refund_label, refund_row)
        pg.addWidget(self.payments)
        pg.addWidget(self.balance)
        pg.addWidget(self.pay_form)

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Settlement — approved work only"))
        self.labour_title.setText(self.tr("Labour"))
        self.parts_title.setText(self.tr("Materials"))
        self.other_title.setText(self.tr("Other charges"))
        self._set_headers()
        self.range_group.setTitle(self.tr("Price range told to the customer"))
        self.range_warning.setText(
            self.tr(
                "The total is outside the range told and every total the customer agreed to: "
                "tell them a corrected range, or get their consent with a change request, before settling."
            )
        )
        self.retell_button.setText(self.tr("Tell a corrected range…"))
        self.settle_group.setTitle(self.tr("Settle"))
        self.discount_label.setText(self.tr("Discount (¥):"))
        self.discount.setPlaceholderText("0.00")
        self.reason.setPlaceholderText(self.tr("Reason for the discount"))
        self.settle_button.setText(self.tr("Settle and issue the settlement number"))
        self.explain_group.setTitle(self.tr("1. Explain every item to the customer — before the amount"))
        self.explain_button.setText(self.tr("Items explained to the customer"))
        self._number_headings()
        names = {
            "labour": self.tr("Labour"),
            "parts": self.tr("Materials"),
            "other": self.tr("Other"),
            "discount": self.tr("Discount"),
            "tax": self.tr("Tax"),
            "total": self.tr("Total"),
        }
        for key, label in names.items():
            self.total_names[key].setText(label)
        self.correct_group.setTitle(self.tr("Correction (a new settlement replaces this one)"))
        self.correct_label.setText(self.tr("New discount (¥):"))
        self.correct_discount.setPlaceholderText("0.00")
        self.correct_reason.setPlaceholderText(self.tr("Why the settlement is corrected"))
        self.correct_button.setText(self.tr("Issue a corrected settlement"))
        self._texts_for_payments()
        if self.view is not None:
            self.show_view(self.view)

    def _set_headers(self) -> None:
        self.labour.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Description"),
                self.tr("Hours"),
                self.tr("Rate"),
                self.tr("Amount"),
                self.tr("Pay type"),
            ]
        )
        self.parts.setHorizontalHeaderLabels(
            [
                self.tr("Part no."),
                self.tr("Name"),
                self.tr("Qty"),
                self.tr("Unit price"),
                self.tr("Amount"),
                self.tr("Origin"),
                self.tr("Pay type"),
            ]
        )
        self.other.setHorizontalHeaderLabels(
            [self.tr("Description"), self.tr("Qty"), self.tr("Amount"), self.tr("Pay type")]
        )
        self.payments.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Method"),
                self.tr("Amount"),
                self.tr("Reference / reason"),
                self.tr("By"),
                self.tr("Refund of"),
            ]
        )

    def _texts_for_payments(self) -> None:
        self.pay_group.setTitle(self.tr("Payments (cashier)"))
        for i in range(self.method.count()):
            self.method.setItemText(i, pay_method_label(str(self.method.itemData(i))))
        self.pay_label.setText(self.tr("Take payment:"))
        self.amount.setPlaceholderText(self.tr("Amount (¥)"))
        self.reference.setPlaceholderText(self.tr("Reference (card slip, transfer no.)"))
        self.pay_button.setText(self.tr("Record payment"))
        self.refund_label.setText(self.tr("Refund the selected payment:"))
        self.refund_amount.setPlaceholderText(self.tr("Amount (¥)"))
        self.refund_reason.setPlaceholderText(self.tr("Reason for the refund"))
        self.refund_button.setText(self.tr("Refund"))

    # -- view -----------------------------------------------------------------------
    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        s = view.settlement
        shown_ids = set(s.line_ids) if s else {x.id for x in view.approved_lines}
        lines = [x for x in view.lines if x.id in shown_ids]
        self._fill_lines(lines)
        self._show_not_charged(view)
        self._show_state(view)
        self._show_range(view)
        self.pay_group.setVisible(s is not None)
        self._fill_payments(view)

    def _show_not_charged(self, view: ROView) -> None:
        """Declined and undecided lines, named under the tables: they are not charged."""
        declined = view.declined_lines
        undecided = [x for x in view.lines if x.status == LineStatus.PROPOSED]
        notes = []
        if declined:
            notes.append(
                self.tr(
                    "Declined by the customer, not charged (offered again at the next visit): %1"
                ).replace("%1", ", ".join(declined_text(x) for x in declined))
            )
        if undecided:
            notes.append(
                "⚠ "
                + self.tr("Not yet approved or declined: %1").replace(
                    "%1", ", ".join(x.description for x in undecided)
                )
            )
        self.not_charged.setText("\n".join(notes))
        self.not_charged.setVisible(bool(notes))

    def _show_state(self, view: ROView) -> None:
        """Which groups show, the explained mark, the totals, the number and the banners."""
        s = view.settlement
        may_settle = self.ctx.may("settle")
        handed = view.handed_over_at is not None
        self.settle_group.setVisible(s is None and may_settle)
        self.correct_group.setVisible(s is not None and may_settle and not handed)
        self.explain_group.setVisible(s is not None)
        self._number_headings()
        self.explain_button.setEnabled(self.ctx.may("explain") and not handed)
        if view.items_explained_at is not None:
            self.explained.setText(
                "✓ " + self.tr("Explained on %1").replace("%1", fmt.datetime(view.items_explained_at))
            )
            self.explained.setStyleSheet("color:#1e5e2a;")
        else:
            self.explained.setText(
                "✗ " + self.tr("Not explained yet: explain each item, then show the amount.")
            )
            self.explained.setStyleSheet("color:#8e1c14;")

        totals = self._totals(view)
        values = {
            "labour": totals.labour_cents,
            "parts": totals.parts_cents,
            "other": totals.other_cents,
            "discount": -totals.discount_cents,
            "tax": totals.tax_cents,
            "total": totals.total_cents,
        }
        for key, cents in values.items():
            self.total_values[key].setText(fmt.money(cents))
        if s is not None:
            number = self.tr("Settlement no. %1").replace("%1", s.number) + "\n"
            number += self.tr("%1 by %2").replace("%1", fmt.datetime(s.at)).replace("%2", s.by)
            if s.discount_reason:
                # A long reason (up to 500 characters) is cut short here, whole in the tooltip.
                reason = s.discount_reason if len(s.discount_reason) <= 120 else s.discount_reason[:119] + "…"
                number += "\n" + self.tr("Discount: %1").replace("%1", reason)
            self.number.setText(number)
            self.number.setToolTip(tooltip(s.discount_reason))
            show_banner(self.status, self.tr("Settled: %1").replace("%1", s.number), "ok")
        else:
            self.number.setText(self.tr("Not settled yet (preview)"))
            self.number.setToolTip("")
            show_banner(self.status, "")
        if s is None:
            show_banner(self.locked, locked_text(view.locked, self.step, self.ctx.lang), "warn")
        else:
            show_banner(self.locked, "")

    def _number_headings(self) -> None:
        """The headings are numbered by what is shown: "1. Explain…" then "2. Amount" once
        settled; before that (no explaining yet) the amount stands alone, unnumbered."""
        explaining = self.view is not None and self.view.settlement is not None
        self.totals_group.setTitle(self.tr("2. Amount") if explaining else self.tr("Amount"))

    def _totals(self, view: ROView) -> Totals:
        s = view.settlement
        if s is None:
            return view.totals
        return Totals(
            s.labour_cents, s.parts_cents, s.other_cents, s.discount_cents, s.tax_cents, s.total_cents
        )

    def _fill_lines(self, lines: list[LineView]) -> None:
        for t in (self.labour, self.parts, self.other):
            t.setRowCount(0)
        for x in lines:
            if x.kind == LineKind.LABOUR:
                values = [
                    (x.code, False),
                    (x.description, False),
                    (str(x.quantity), True),
                    (fmt.money(x.unit_price_cents), True),
                    (fmt.money(x.amount_cents), True),
                    (pay_type_label(x.pay_type), False),
                ]
                t = self.labour
            elif x.kind == LineKind.PART:
                values = [
                    (x.code, False),
                    (x.description, False),
                    (str(x.quantity), True),
                    (fmt.money(x.unit_price_cents), True),
                    (fmt.money(x.amount_cents), True),
                    (origin_label(x.origin), False),
                    (pay_type_label(x.pay_type), False),
                ]
                t = self.parts
            else:
                values = [
                    (x.description, False),
                    (str(x.quantity), True),
                    (fmt.money(x.amount_cents), True),
                    (pay_type_label(x.pay_type), False),
                ]
                t = self.other
            r = t.rowCount()
            t.insertRow(r)
            for c, (text, right) in enumerate(values):
                t.setItem(r, c, cell(text, right=right, data=x.id if c == 0 else None))
        for t, wide in ((self.labour, 1), (self.parts, 1), (self.other, 0)):
            t.resizeColumnsToContents()
            t.horizontalHeader().setStretchLastSection(False)
            t.horizontalHeader().setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
            fit_height(t, 1, 10)
        self.other.setVisible(self.other.rowCount() > 0)
        self.other_title.setVisible(self.other.rowCount() > 0)

    def _fill_payments(self, view: ROView) -> None:
        self.payments.setRowCount(0)
        s = view.settlement
        if s is None:
            return
        for p in s.payments:
            r = self.payments.rowCount()
            self.payments.insertRow(r)
            values = [
                (fmt.datetime(p.at), False),
                (pay_method_label(p.method), False),
                (fmt.money(p.amount_cents), True),
                (p.reference, False),
                (p.by, False),
                (f"#{p.refund_of}" if p.refund_of else "", False),
            ]
            for c, (text, right) in enumerate(values):
                item = cell(text, right=right, data=p.id if c == 0 else None)
                if p.amount_cents < 0:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.payments.setItem(r, c, item)
        self.payments.resizeColumnsToContents()
        self.payments.horizontalHeader().setStretchLastSection(False)
        self.payments.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        fit_height(self.payments, 1, 8)
        due = s.balance_cents
        text = self.tr("Balance due: %1").replace("%1", fmt.money(due))
        if due == 0:
            text = "✓ " + self.tr("Paid in full") + " — " + text
        self.balance.setText(text)
        self.balance.setStyleSheet(
            "font-size: 14pt; font-weight: bold; color:%s;" % ("#1e5e2a" if due == 0 else "#8e1c14")
        )
        self.pay_form.setVisible(self.may_pay)
        self.pay_form.setEnabled(self.may_pay and view.handed_over_at is None)
        if due != self._last_due:  # a new balance: offer it as the next amount
            self._last_due = due
            self.amount.setText(str(to_yuan(due)) if due > 0 else "")

    # -- actions --------------------------------------------------------------------
    def _cents(self, text: str) -> int | None:
        """Yuan typed by the user → cents; a message and None when it is not an amount."""
        try:
            return to_cents(text.strip() or "0")
        except UserError as err:
            messages.error(self, err.message())
            return None

    @staticmethod
    def _discount_row(
        parent: QWidget, amount_name: str, reason_name: str, button_name: str, slot: Callable[[], None]
    ) -> tuple[QGroupBox, QLabel, QLineEdit, QLineEdit, QPushButton]:
        """A group with a label, a discount amount, its reason and the button that sends
        them (settling and correcting a settlement both take one)."""
        group = QGroupBox(parent)
        row = QHBoxLayout(group)
        label = QLabel(group)
        row.addWidget(label)
        amount, reason, button = _amount_entry(group, row, (amount_name, reason_name, button_name), slot, 120)
        return group, label, amount, reason, button

    def _submit(
        self, amount: QLineEdit, key: str, fn: Callable[..., Any], *, clear: tuple[QLineEdit, ...], **kw: Any
    ) -> None:
        """Send the amount typed in ``amount`` (as ``key``, in cents) with ``kw`` to ``fn``;
        a refused amount or call keeps the input, a done one clears ``clear``."""
        if self.view is None:
            return
        cents = self._cents(amount.text())
        if cents is None:
            return
        args: dict[str, Any] = {key: cents, **kw}
        if self.ctx.ops.run(fn, parent=self, **args).ok:
            for field in clear:
                field.clear()

    def _settle(self) -> None:
        if self.view is not None:
            self._submit(
                self.discount,
                "discount_cents",
                settlement.settle,
                clear=(self.discount, self.reason),
                ro_id=self.view.id,
                discount_reason=self.reason.text(),
            )

    def _explain(self) -> None:
        if self.view is None:
            return
        self.ctx.ops.run(settlement.explain_items, parent=self, ro_id=self.view.id)

    def _correct(self) -> None:
        if self.view is not None:
            self._submit(
                self.correct_discount,
                "discount_cents",
                settlement.correct_settlement,
                clear=(self.correct_discount, self.correct_reason),
                ro_id=self.view.id,
                reason=self.correct_reason.text(),
            )

    def _pay(self) -> None:
        if self.view is not None:
            self._submit(
                self.amount,
                "amount_cents",
                settlement.pay,
                clear=(self.reference,),
                ro_id=self.view.id,
                method=str(self.method.currentData()),
                reference=self.reference.text(),
            )

    def _selected_payment(self) -> int | None:
        row = self.payments.currentRow()
        item = self.payments.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _refund(self) -> None:
        if self.view is None:
            return
        payment_id = self._selected_payment()
        if payment_id is None:
            messages.error(self, self.tr("Select the payment to refund in the list above."))
            return
        self._submit(
            self.refund_amount,
            "amount_cents",
            settlement.refund,
            clear=(self.refund_amount, self.refund_reason),
            payment_id=payment_id,
            reason=self.refund_reason.text(),
        )


Page = SettlementPage
