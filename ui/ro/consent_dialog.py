"""Record the customer's answer to a change request: who, how, when — or a refusal."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.codes import AuthMethod
from advisor.i18n import pick
from advisor.services import changes, solicitation
from advisor.services.views import ChangeRequestView
from ui import fmt
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, to_qdatetime
from ui.signature_pad import SignatureBox


class ConsentDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        change: ChangeRequestView,
        *,
        customer_name: str = "",
        phone: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.change = change
        self.status: str | None = None
        self.setMinimumWidth(520)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._build_answer(change)
        self.who = QLineEdit(customer_name)
        self.method = QComboBox()
        for code in (AuthMethod.PHONE, AuthMethod.IN_PERSON, AuthMethod.MESSAGE):
            self.method.addItem(labels.method(code), code)
        self.phone = QLineEdit(phone)
        self.when = QDateTimeEdit(to_qdatetime(dt.datetime.now()))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.note = QLineEdit()
        self.reason = QComboBox()
        self.reason.setObjectName("consent_reason")
        self.reason.addItem("", None)  # "(choose the reason)", named by retranslate
        for r in solicitation.read_decline_reasons(actor=self.ctx.actor):
            self.reason.addItem(pick(r.label_en, r.label_zh, self.ctx.lang), r.id)
        self.refused.toggled.connect(self.reason.setEnabled)
        self.reason.setEnabled(self.refused.isChecked())
        for name, widget in (
            ("consent_yes", self.consented),
            ("consent_no", self.refused),
            ("consent_who", self.who),
            ("consent_method", self.method),
            ("consent_phone", self.phone),
            ("consent_when", self.when),
            ("consent_note", self.note),
        ):
            widget.setObjectName(name)
        self.method.currentIndexChanged.connect(
            lambda _i: self.phone.setEnabled(self.method.currentData() == AuthMethod.PHONE)
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # A consent given in person is signed (or the reason the customer cannot is kept).
        self.signature = SignatureBox("consent", self)
        self.method.currentIndexChanged.connect(self._signing_shown)
        self.consented.toggled.connect(self._signing_shown)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.signature)
        layout.addWidget(self.buttons)
        self._signing_shown()
        self.retranslate()

    def _signs(self) -> bool:
        return self.consented.isChecked() and self.method.currentData() == AuthMethod.IN_PERSON

    def _signing_shown(self, *_args: object) -> None:
        self.signature.setVisible(self._signs())
        self.adjustSize()

    def _build_answer(self, change: ChangeRequestView) -> None:
        """Consents or refuses; a request that would move the promise earlier can only be refused."""
        self.consented = QRadioButton()
        self.refused = QRadioButton()
        # A request stored before the rule could move the promise earlier: the services refuse
        # its consent, so the dialog offers the refusal and says why.
        self.earlier = (
            change.new_promised_at is not None
            and change.new_promised_at != change.old_promised_at
            and not workflow.promise_is_later(change.old_promised_at, change.new_promised_at)
        )
        self.consented.setChecked(not self.earlier)
        self.refused.setChecked(self.earlier)
        self.consented.setEnabled(not self.earlier)
        answer = QButtonGroup(self)
        answer.addButton(self.consented)
        answer.addButton(self.refused)

    def _form(self) -> QFormLayout:
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.consented)
        answer_row.addWidget(self.refused)
        answer_row.addStretch(1)
        self.rows = [QLabel() for _ in range(7)]
        form = QFormLayout()
        form.addRow(self.summary)
        form.addRow(self.rows[0], answer_row)
        for label, field in zip(
            self.rows[1:], (self.reason, self.who, self.method, self.phone, self.when, self.note), strict=True
        ):
            form.addRow(label, field)
        return form

    def retranslate(self) -> None:
        c = self.change
        self.setWindowTitle(self.tr("Record the customer's answer"))
        promise = ""
        if c.new_promised_at != c.old_promised_at:
            promise = (
                self.tr("Promised time: %1 → %2")
                .replace("%1", fmt.datetime(c.old_promised_at))
                .replace("%2", fmt.datetime(c.new_promised_at))
            )
        self.summary.setText(
            f"<b>{labels.change_kind(c.kind)}</b>: {html.escape(c.reason)}<br>"
            + self.tr("Amount: %1 → %2")
            .replace("%1", fmt.money(c.old_amount_cents))
            .replace("%2", fmt.money(c.new_amount_cents))
            + (f"<br>{promise}" if promise else "")
            + ("<br>" + self.tr("A major change: a manager must also approve it.") if c.major else "")
            + (
                "<br><b>"
                + self.tr(
                    "The new promised time is not later than the current one: record the refusal "
                    "and raise a new change request."
                )
                + "</b>"
                if self.earlier
                else ""
            )
        )
        self.consented.setText(self.tr("The customer consents"))
        self.refused.setText(self.tr("The customer refuses"))
        for label, text in zip(
            self.rows,
            (
                self.tr("Answer"),
                self.tr("&Reason if refused"),
                self.tr("Who answered"),
                self.tr("How"),
                self.tr("Number called"),
                self.tr("When"),
                self.tr("Note"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.rows[1].setBuddy(self.reason)
        self.reason.setItemText(0, self.tr("(choose the reason)"))
        for i in range(self.method.count()):
            self.method.setItemText(i, labels.method(self.method.itemData(i)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))

    def submit(self) -> Any:
        """Record the answer; closes when the service accepts it."""
        method = self.method.currentData()
        result = self.ctx.ops.run(
            changes.record_consent,
            parent=self,
            change_id=self.change.id,
            consented=self.consented.isChecked(),
            consent_by=self.who.text(),
            method=method,
            phone=self.phone.text() if method == AuthMethod.PHONE else "",
            at=from_qdatetime(self.when.dateTime()),
            note=self.note.text(),
            refusal_reason=None if self.consented.isChecked() else self.reason.currentData(),
            signature=self.signature.signature() if self._signs() else None,
            no_signature_reason=self.signature.no_signature_reason() if self._signs() else "",
        )
        if result.ok:
            self.status = str(result.value)
            self.accept()
        return result
