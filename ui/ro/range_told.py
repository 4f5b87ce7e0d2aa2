"""The price range told to the customer (issue 17, item 7): how it reads, whether a total
falls outside it, and the dialog that records a corrected range told again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.codes import AuthMethod
from advisor.services import estimate
from advisor.services.views import RangeTold, ROView
from ui import fmt, messages
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, parse_money, to_qdatetime, yuan


def told_text(told: RangeTold | None) -> str:
    """'¥500.00–¥800.00, told by 王芳 on 2026-12-05 09:10, in person, to 张伟'."""
    if told is None:
        return QCoreApplication.translate(
            "RangeTold", "No price range told yet: the authorised total becomes the range told."
        )
    span = f"{fmt.money(told.low_cents)}–{fmt.money(told.high_cents)}"
    if told.at is None:
        return span
    return (
        QCoreApplication.translate("RangeTold", "%1, told by %2 on %3, %4, to %5")
        .replace("%1", span)
        .replace("%2", told.by or "—")
        .replace("%3", fmt.datetime(told.at))
        .replace("%4", labels.method(told.method) if told.method else "—")
        .replace("%5", told.to or "—")
    )


def outside(view: ROView, total_cents: int, agreed: tuple[int, ...] = ()) -> bool:
    """Whether ``total_cents`` falls outside the range told and every total agreed since."""
    told = view.range_told
    if told is None:
        return False
    band = workflow.agreed_band(told.low_cents, told.high_cents, (*view.agreed_cents, *agreed))
    return band is not None and not band[0] <= total_cents <= band[1]


class RetellDialog(QDialog):
    """A corrected price range told to the customer again: the range, to whom, how, when.
    OK calls ``estimate.retell_range``; a refusal keeps the dialog and its input."""

    def __init__(
        self, ctx: AppContext, view: ROView, total_cents: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.setObjectName("retell_dialog")
        self.setWindowTitle(
            self.tr("Tell the customer a corrected price range — %1").replace("%1", view.number)
        )
        told = view.range_told
        self.summary = QLabel(
            self.tr("Range told so far: %1").replace("%1", told_text(told))
            + "<br>"
            + self.tr("Total now: <b>%1</b>").replace("%1", fmt.money(total_cents)),
            self,
        )
        self.summary.setWordWrap(True)
        low = min(total_cents, told.low_cents) if told else total_cents
        high = max(total_cents, told.high_cents) if told else total_cents
        self.low = QLineEdit(yuan(low), self)
        self.low.setObjectName("retell_low")
        self.high = QLineEdit(yuan(high), self)
        self.high.setObjectName("retell_high")
        span = QHBoxLayout()
        span.addWidget(self.low)
        span.addWidget(QLabel("–", self))
        span.addWidget(self.high)
        self.who = QLineEdit(view.customer.name, self)
        self.who.setObjectName("retell_who")
        self.method = QComboBox(self)
        self.method.setObjectName("retell_method")
        for code in (AuthMethod.PHONE, AuthMethod.IN_PERSON, AuthMethod.MESSAGE):
            self.method.addItem(labels.method(code), code)
        self.phone = QLineEdit(view.approval_contact or view.customer.phone, self)
        self.phone.setObjectName("retell_phone")
        self.method.currentIndexChanged.connect(
            lambda _i: self.phone.setEnabled(self.method.currentData() == AuthMethod.PHONE)
        )
        self.when = QDateTimeEdit(to_qdatetime(dt.datetime.now()), self)
        self.when.setObjectName("retell_when")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("retell_note")
        form = QFormLayout()
        for text, field in (
            (self.tr("New &range"), span),
            (self.tr("Told &to"), self.who),
            (self.tr("&How"), self.method),
            (self.tr("&Number called"), self.phone),
            (self.tr("Wh&en"), self.when),
            (self.tr("N&ote"), self.note),
        ):
            label = QLabel(text, self)
            label.setBuddy(self.low if field is span else field)  # type: ignore[arg-type]
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record the range told"))
        self.ok_button.setObjectName("retell_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("retell_cancel")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def submit(self) -> None:
        low, high = parse_money(self.low.text()), parse_money(self.high.text())
        if low is None or high is None:
            messages.error(self, self.tr("Enter the range as two amounts, for example 500 and 800."))
            return
        method = self.method.currentData()
        result = self.ctx.ops.run(
            estimate.retell_range,
            parent=self,
            ro_id=self.view.id,
            price_low_cents=low,
            price_high_cents=high,
            told_to=self.who.text(),
            method=method,
            phone=self.phone.text().strip() if method == AuthMethod.PHONE else "",
            note=self.note.text(),
            at=from_qdatetime(self.when.dateTime()),
        )
        if result.ok:
            self.accept()
