"""The cashier's pay panel (Payments workspace): the bill, its payments with a refund,
and a payment in several tenders — cash handed over → change due shown as it is typed —
taken in one call (``settlement.pay_split``), then the receipt printed."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
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
from shiboken6 import isValid

from advisor.codes import PAY_NEEDS_REFERENCE, PayMethod
from advisor.errors import UserError
from advisor.money import to_cents, to_yuan
from advisor.services import orders, settings, settlement
from advisor.services.users import Actor
from advisor.services.views import PaymentView, ROView, SplitPayment
from ui import fmt, messages
from ui.context import AppContext
from ui.operations import Outcome
from ui.ro.pages._closing import banner, cell, fit_height, pay_method_label, show_banner, table

AMOUNT = QRegularExpression(r"^\d{0,7}([.,]\d{0,2})?$")  # yuan: no sign, at most two decimals
MAX_TENDERS = settlement.MAX_TENDERS
BIG = "font-size: 15pt; font-weight: bold;"


def render_receipt(*, actor: Actor, view: ROView, lang: str, received: SplitPayment | None) -> bytes:
    """The receipt as ``actor`` prints it (the dealer's profile read as them); run in a
    worker thread (the first sheet also loads the PDF library and the font)."""
    sheets = importlib.import_module("reports.sheets")
    dealer = settings.read_dealer(actor=actor)
    pdf: bytes = sheets.render(sheets.RECEIPT, view, lang=lang, dealer=dealer, received=received)
    return pdf


def amount_edit(parent: QWidget, name: str) -> QLineEdit:
    """An amount in yuan, right-aligned; only digits and two decimals can be typed."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setValidator(QRegularExpressionValidator(AMOUNT, edit))
    edit.setPlaceholderText("0.00")
    return edit


def cents_of(edit: QLineEdit) -> int | None:
    """The amount typed (in cents), 0 when empty, None when it is no amount."""
    text = edit.text().strip().replace(",", ".")
    if not text:
        return 0
    try:
        return to_cents(text)
    except UserError:
        return None


class TenderRow:
    """One tender: how it is paid, the amount and the slip or transaction number."""

    def __init__(self, parent: QWidget, n: int) -> None:
        self.method = QComboBox(parent)
        self.method.setObjectName(f"pay_tender_method_{n}")
        for m in PayMethod:
            self.method.addItem(pay_method_label(m), m.value)
        self.amount = amount_edit(parent, f"pay_tender_amount_{n}")
        self.reference = QLineEdit(parent)
        self.reference.setObjectName(f"pay_tender_reference_{n}")
        self.reference.setMaxLength(64)
        self.remove = QPushButton("✕", parent)
        self.remove.setObjectName(f"pay_tender_remove_{n}")
        self.remove.setFixedWidth(32)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.method, self.amount, self.reference, self.remove)

    def method_code(self) -> str:
        return str(self.method.currentData())

    def retranslate(self, words: dict[str, str]) -> None:
        """``words``: the panel's translated placeholders and tooltip (``PayPanel.words``)."""
        for i in range(self.method.count()):
            self.method.setItemText(i, pay_method_label(str(self.method.itemData(i))))
        needs = self.method_code() in PAY_NEEDS_REFERENCE
        self.reference.setPlaceholderText(words["required" if needs else "optional"])
        self.remove.setToolTip(words["remove"])


class PayPanel(QWidget):
    """The bill of one settled RO and the form to take its money."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ROView | None = None
        self.rows: list[TenderRow] = []
        self.last_receipt: bytes | None = None  # the last receipt rendered (tests, reprint)
        self._received: SplitPayment | None = None  # the last payment taken, for its receipt
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("pay_heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.notice = banner(self, "pay_notice")
        self.result = banner(self, "pay_result")
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.result)
        self._build_bill(layout)
        self._build_tenders(layout)
        self._build_history(layout)
        layout.addStretch(1)
        self.retranslate()
        self.set_view(None)

    # -- building -------------------------------------------------------------------
    def _build_bill(self, layout: QVBoxLayout) -> None:
        self.bill = QGroupBox(self)
        self.bill.setObjectName("pay_bill")
        grid = QGridLayout(self.bill)
        self.bill_names: dict[str, QLabel] = {}
        self.bill_values: dict[str, QLabel] = {}
        for col, key in enumerate(("total", "paid", "balance")):
            name = QLabel(self.bill)
            value = QLabel(self.bill)
            value.setObjectName(f"pay_bill_{key}")
            value.setStyleSheet(BIG if key == "balance" else "font-size: 12pt;")
            grid.addWidget(name, 0, col)
            grid.addWidget(value, 1, col)
            self.bill_names[key] = name
            self.bill_values[key] = value
        self.settled = QLabel(self.bill)
        self.settled.setObjectName("pay_settled")
        self.settled.setStyleSheet("color:#5f6368;")
        grid.addWidget(self.settled, 2, 0, 1, 3)
        layout.addWidget(self.bill)

    def _build_tenders(self, layout: QVBoxLayout) -> None:
        self.take_group = QGroupBox(self)
        self.take_group.setObjectName("pay_take_group")
        box = QVBoxLayout(self.take_group)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.col_method, self.col_amount, self.col_reference = (QLabel(self.take_group) for _ in range(3))
        for col, label in enumerate((self.col_method, self.col_amount, self.col_reference)):
            label.setStyleSheet("color:#5f6368;")
            self.grid.addWidget(label, 0, col)
        box.addLayout(self.grid)
        self.add_button = QPushButton(self.take_group)
        self.add_button.setObjectName("pay_add_tender")
        self.add_button.clicked.connect(self._add_clicked)
        self.sum = QLabel(self.take_group)
        self.sum.setObjectName("pay_sum")
        self.sum.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.sum, 1)
        box.addLayout(add_row)
        cash_row = QHBoxLayout()
        self.tendered_label = QLabel(self.take_group)
        self.tendered = amount_edit(self.take_group, "pay_cash_tendered")
        self.tendered.setMaximumWidth(140)
        self.tendered.textChanged.connect(self._recompute)
        self.tendered_label.setBuddy(self.tendered)
        self.change = QLabel(self.take_group)
        self.change.setObjectName("pay_change")
        self.change.setStyleSheet(BIG)
        cash_row.addWidget(self.tendered_label)
        cash_row.addWidget(self.tendered)
        cash_row.addSpacing(12)
        cash_row.addWidget(self.change, 1)
        box.addLayout(cash_row)
        buttons = QHBoxLayout()
        self.take_button = QPushButton(self.take_group)
        self.take_button.setObjectName("pay_take")
        self.take_button.setStyleSheet("font-size: 12pt; font-weight: bold; padding: 6px 18px;")
        self.take_button.clicked.connect(self._take)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(self.take_group)

    def _build_history(self, layout: QVBoxLayout) -> None:
        self.history_group = QGroupBox(self)
        self.history_group.setObjectName("pay_history_group")
        box = QVBoxLayout(self.history_group)
        self.history = table(self.history_group, "pay_history", 6)
        self.history.itemSelectionChanged.connect(self._payment_picked)
        box.addWidget(self.history)
        refund_row = QHBoxLayout()
        self.refund_amount = amount_edit(self.history_group, "pay_refund_amount")
        self.refund_amount.setMaximumWidth(120)
        self.refund_reason = QLineEdit(self.history_group)
        self.refund_reason.setObjectName("pay_refund_reason")
        self.refund_button = QPushButton(self.history_group)
        self.refund_button.setObjectName("pay_refund")
        self.refund_button.clicked.connect(self._refund)
        refund_row.addWidget(self.refund_amount)
        refund_row.addWidget(self.refund_reason, 1)
        refund_row.addWidget(self.refund_button)
        box.addLayout(refund_row)
        receipt_row = QHBoxLayout()
        self.receipt_button = QPushButton(self.history_group)
        self.receipt_button.setObjectName("pay_receipt")
        self.receipt_button.clicked.connect(self._reprint)
        receipt_row.addStretch(1)
        receipt_row.addWidget(self.receipt_button)
        box.addLayout(receipt_row)
        layout.addWidget(self.history_group)

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.bill.setTitle(self.tr("Bill"))
        self.bill_names["total"].setText(self.tr("Total"))
        self.bill_names["paid"].setText(self.tr("Paid so far"))
        self.bill_names["balance"].setText(self.tr("Balance due"))
        self.take_group.setTitle(self.tr("Take payment"))
        self.col_method.setText(self.tr("Method"))
        self.col_amount.setText(self.tr("Amount (¥)"))
        self.col_reference.setText(self.tr("Reference"))
        self.add_button.setText(self.tr("&Add a payment method"))
        self.tendered_label.setText(self.tr("Cash &handed over (¥):"))
        self.take_button.setText(self.tr("&Take payment"))
        self.history_group.setTitle(self.tr("Payments on this bill"))
        self.history.setHorizontalHeaderLabels(
            [
                "#",
                self.tr("When"),
                self.tr("Method"),
                self.tr("Amount"),
                self.tr("Reference / reason"),
                self.tr("By"),
            ]
        )
        self.refund_amount.setPlaceholderText(self.tr("Refund (¥)"))
        self.refund_reason.setPlaceholderText(self.tr("Reason for the refund (required)"))
        self.refund_button.setText(self.tr("Re&fund selected payment"))
        self.receipt_button.setText(self.tr("&Print receipt"))
        for row in self.rows:
            row.retranslate(self.words())
        self.set_view(self.view, keep_input=True)

    def words(self) -> dict[str, str]:
        return {
            "required": self.tr("Slip / transaction no. (required)"),
            "optional": self.tr("Reference (optional)"),
            "remove": self.tr("Remove this payment method"),
        }

    # -- the bill -------------------------------------------------------------------
    def set_view(self, view: ROView | None, *, keep_input: bool = False) -> None:
        """Show ``view``'s bill; a new RO (or ``keep_input=False``) starts a fresh form."""
        same = view is not None and self.view is not None and view.id == self.view.id
        self.view = view
        s = view.settlement if view is not None else None
        for w in (self.bill, self.take_group, self.history_group):
            w.setVisible(s is not None)
        if view is None or s is None:
            self.heading.setText(
                self.tr("Pick a bill in the queue to take its payment.") if view is None else view.number
            )
            show_banner(self.notice, "")
            show_banner(self.result, "")
            return
        self.heading.setText(f"{view.number} · {view.vehicle.plate} · {view.customer.name}")
        self.bill_values["total"].setText(fmt.money(s.total_cents))
        self.bill_values["paid"].setText(fmt.money(s.paid_cents))
        self.bill_values["balance"].setText(fmt.money(s.balance_cents))
        colour = "#1e5e2a" if s.balance_cents == 0 else "#8e1c14"
        self.bill_values["balance"].setStyleSheet(f"{BIG} color:{colour};")
        self.settled.setText(
            self.tr("Settlement %1, settled %2 by %3")
            .replace("%1", s.number)
            .replace("%2", fmt.datetime(s.at))
            .replace("%3", s.by)
        )
        self._fill_history(s.payments)
        self._show_state(view)
        if not (same and keep_input):
            show_banner(self.result, "")
            self._reset_tenders()
        self._recompute()

    def _show_state(self, view: ROView) -> None:
        s = view.settlement
        assert s is not None
        may_take = view.items_explained_at is not None and s.balance_cents > 0 and view.handed_over_at is None
        if view.handed_over_at is not None:
            show_banner(self.notice, self.tr("The car has been handed over: this bill is closed."), "info")
        elif view.items_explained_at is None:
            show_banner(
                self.notice,
                self.tr(
                    "Waiting for the advisor to explain the items to the customer: "
                    "the payment is taken after that."
                ),
                "warn",
            )
        elif s.balance_cents == 0:
            show_banner(self.notice, self.tr("Paid in full."), "ok")
        else:
            show_banner(self.notice, "")
        self.take_group.setEnabled(may_take)
        self.take_group.setVisible(s.balance_cents > 0 or view.handed_over_at is None)
        self.history_group.setVisible(bool(s.payments))
        self.refund_amount.setEnabled(view.handed_over_at is None)
        self.refund_reason.setEnabled(view.handed_over_at is None)
        self.refund_button.setEnabled(view.handed_over_at is None and bool(s.payments))
        self.receipt_button.setEnabled(any(p.amount_cents > 0 for p in s.payments))

    def _fill_history(self, payments: tuple[PaymentView, ...]) -> None:
        picked = self._picked_payment()
        self.history.setRowCount(0)
        for p in payments:
            r = self.history.rowCount()
            self.history.insertRow(r)
            reference = p.reference
            if p.refund_of is not None:
                reference = (
                    self.tr("refund of #%1: %2").replace("%1", str(p.refund_of)).replace("%2", p.reference)
                )
            values = [
                (f"#{p.id}", False),
                (fmt.datetime(p.at), False),
                (pay_method_label(p.method), False),
                (fmt.money(p.amount_cents), True),
                (reference, False),
                (p.by, False),
            ]
            for c, (text, right) in enumerate(values):
                item = cell(text, right=right, data=p.id if c == 0 else None)
                if p.amount_cents < 0:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.history.setItem(r, c, item)
            if p.id == picked:
                self.history.selectRow(r)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setStretchLastSection(False)
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        fit_height(self.history, 1, 5)

    # -- tenders --------------------------------------------------------------------
    def _reset_tenders(self) -> None:
        """One cash tender for the whole balance, no cash counted yet."""
        for row in self.rows:
            for w in row.widgets():
                self.grid.removeWidget(w)
                w.deleteLater()
        self.rows = []
        self.tendered.clear()
        balance = self._balance()
        self._add_row(PayMethod.CASH, balance)

    def _balance(self) -> int:
        s = self.view.settlement if self.view is not None else None
        return s.balance_cents if s is not None else 0

    def _add_clicked(self) -> None:
        if len(self.rows) >= MAX_TENDERS:
            return
        typed = sum(c or 0 for c in (cents_of(r.amount) for r in self.rows))
        used = {r.method_code() for r in self.rows}
        method = next(
            (m for m in (PayMethod.CARD, PayMethod.WECHAT, PayMethod.ALIPAY) if m not in used), PayMethod.CARD
        )
        row = self._add_row(method, max(self._balance() - typed, 0))
        row.amount.setFocus()
        row.amount.selectAll()

    def _add_row(self, method: str, cents: int) -> TenderRow:
        n = len(self.rows) + 1
        row = TenderRow(self.take_group, n)
        row.method.setCurrentIndex(max(row.method.findData(method), 0))
        row.amount.setText(str(to_yuan(cents)) if cents > 0 else "")
        row.retranslate(self.words())
        row.method.currentIndexChanged.connect(lambda _i, r=row: self._method_changed(r))
        row.amount.textChanged.connect(self._recompute)
        row.remove.clicked.connect(lambda _c=False, r=row: self._remove_row(r))
        for col, w in enumerate(row.widgets()):
            self.grid.addWidget(w, n, col)
        self.rows.append(row)
        self._recompute()
        return row

    def _method_changed(self, row: TenderRow) -> None:
        row.retranslate(self.words())
        self._recompute()

    def _remove_row(self, row: TenderRow) -> None:
        if len(self.rows) <= 1 or row not in self.rows:
            return
        kept = [(r.method_code(), r.amount.text(), r.reference.text()) for r in self.rows if r is not row]
        tendered = self.tendered.text()
        for r in self.rows:
            for w in r.widgets():
                self.grid.removeWidget(w)
                w.deleteLater()
        self.rows = []
        for method, amount, reference in kept:  # renumbered 1…n, as the refusals name them
            new = self._add_row(method, 0)
            new.amount.setText(amount)
            new.reference.setText(reference)
        self.tendered.setText(tendered)
        self._recompute()

    def _recompute(self) -> None:
        """The sum of the tenders against the balance, and the change on the cash."""
        amounts = [cents_of(r.amount) for r in self.rows]
        for r in self.rows:
            r.remove.setVisible(len(self.rows) > 1)
        self.add_button.setEnabled(len(self.rows) < MAX_TENDERS)
        balance = self._balance()
        total = sum(a or 0 for a in amounts)
        left = balance - total
        if None in amounts:
            text, colour = "✗ " + self.tr("An amount is not a number of yuan."), "#8e1c14"
        elif left < 0:
            text = "✗ " + self.tr("%1 more than the balance due").replace("%1", fmt.money(-left))
            colour = "#8e1c14"
        elif left > 0:
            text = self.tr("Paying %1 of %2: %3 left due after this payment")
            text = text.replace("%1", fmt.money(total)).replace("%2", fmt.money(balance))
            text, colour = text.replace("%3", fmt.money(left)), "#7a4b00"
        else:
            text, colour = (
                "✓ " + self.tr("Paying the whole balance: %1").replace("%1", fmt.money(total)),
                "#1e5e2a",
            )
        self.sum.setText(text)
        self.sum.setStyleSheet(f"color:{colour};")
        cash = sum(
            a or 0 for r, a in zip(self.rows, amounts, strict=True) if r.method_code() == PayMethod.CASH
        )
        self.tendered.setEnabled(cash > 0)
        self.tendered_label.setEnabled(cash > 0)
        handed = cents_of(self.tendered)
        if cash == 0:
            self.change.setText("")
        elif not self.tendered.text().strip():
            self.change.setText(self.tr("Change due: —"))
            self.change.setStyleSheet(BIG + "color:#5f6368;")
        elif handed is None or handed < cash:
            short = cash - (handed or 0)
            self.change.setText("✗ " + self.tr("%1 short of the cash part").replace("%1", fmt.money(short)))
            self.change.setStyleSheet(BIG + "color:#8e1c14;")
        else:
            self.change.setText(self.tr("Change due: %1").replace("%1", fmt.money(handed - cash)))
            self.change.setStyleSheet(BIG + "color:#1e5e2a;")

    def _tenders(self) -> list[dict[str, Any]] | None:
        """The tenders as the service takes them; None (after saying why) when an amount
        is no amount."""
        out = []
        for n, r in enumerate(self.rows, 1):
            cents = cents_of(r.amount)
            if cents is None:
                messages.error(
                    self, self.tr("Payment %1: the amount is not a number of yuan.").replace("%1", str(n))
                )
                return None
            out.append({"method": r.method_code(), "amount_cents": cents, "reference": r.reference.text()})
        return out

    def _take(self) -> None:
        view = self.view
        tenders = self._tenders()
        if view is None or tenders is None:
            return
        handed = (
            cents_of(self.tendered) if self.tendered.isEnabled() and self.tendered.text().strip() else None
        )
        outcome: Outcome[SplitPayment] = self.ctx.ops.run(
            settlement.pay_split,
            parent=self,
            ro_id=view.id,
            tenders=tenders,
            cash_tendered_cents=handed,
        )
        if not outcome.ok or outcome.value is None:
            return
        done = outcome.value
        text = self.tr("Payment taken: %1.").replace("%1", fmt.money(done.paid_cents))
        if handed is not None:
            text += " " + self.tr("Change due: %1").replace("%1", fmt.money(done.change_cents))
        self._received = done
        fresh = orders.read_ro(actor=self.ctx.actor, ro_id=view.id)
        self.set_view(fresh, keep_input=False)
        show_banner(self.result, text, "ok")
        self._print(fresh, self._received)

    # -- refunds and receipts -------------------------------------------------------
    def _picked_payment(self) -> int | None:
        row = self.history.currentRow()
        item = self.history.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _payment_picked(self) -> None:
        """Offer what is left to refund of the payment picked."""
        pid = self._picked_payment()
        s = self.view.settlement if self.view is not None else None
        if pid is None or s is None:
            return
        paid = next((p.amount_cents for p in s.payments if p.id == pid and p.refund_of is None), 0)
        refunded = -sum(p.amount_cents for p in s.payments if p.refund_of == pid)
        left = paid - refunded
        self.refund_amount.setText(str(to_yuan(left)) if left > 0 else "")

    def _refund(self) -> None:
        pid = self._picked_payment()
        if self.view is None:
            return
        if pid is None:
            messages.error(self, self.tr("Pick the payment to refund in the list above."))
            return
        cents = cents_of(self.refund_amount)
        if cents is None:
            messages.error(self, self.tr("The refund is not a number of yuan."))
            return
        outcome = self.ctx.ops.run(
            settlement.refund,
            parent=self,
            payment_id=pid,
            amount_cents=cents,
            reason=self.refund_reason.text(),
        )
        if outcome.ok:
            self.refund_amount.clear()
            self.refund_reason.clear()
            self.set_view(orders.read_ro(actor=self.ctx.actor, ro_id=self.view.id), keep_input=True)
            show_banner(self.result, self.tr("Refunded %1.").replace("%1", fmt.money(cents)), "ok")

    def _reprint(self) -> None:
        if self.view is None:
            return
        received = self._received
        if received is not None and self.view.settlement is not None:
            ids = {p.id for p in self.view.settlement.payments}
            if not set(received.payment_ids) <= ids:
                received = None
        self._print(self.view, received)

    def _print(self, view: ROView, received: SplitPayment | None) -> None:
        """Render the receipt in the background, then open the print preview."""

        def show(pdf: Outcome[bytes]) -> None:
            if not (pdf.ok and pdf.value is not None and isValid(self)):
                return
            self.last_receipt = pdf.value
            preview = importlib.import_module("ui.print_preview")
            dialog = preview.PrintPreviewDialog(pdf.value, f"{view.number}-receipt.pdf", self)
            dialog.exec()

        self.ctx.ops.run_in_background(
            render_receipt, parent=self, on_done=show, view=view, lang=self.ctx.lang, received=received
        )
