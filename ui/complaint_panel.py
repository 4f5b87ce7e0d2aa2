"""One complaint, and what is done with it (issue 17, item 13): the customer's words,
escalation to the service manager (with its time by level), a compensation the manager
approves, and closing with the customer's answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import (
    CompensationKind,
    ComplaintCause,
    ComplaintLevel,
    ComplaintSource,
    ComplaintStatus,
    words,
)
from advisor.services import complaints
from advisor.services.complaints import ComplaintView
from ui import fmt
from ui.context import AppContext
from ui.desk_fmt import parse_money, yuan
from ui.ro.pages._closing import banner, full_datetime, show_banner, yes_no

LEVEL_COLOURS: dict[str, str] = {
    ComplaintLevel.CRISIS: "#b71c1c",
    ComplaintLevel.SERIOUS: "#8d5a00",
    ComplaintLevel.GENERAL: "#37474f",
}
LEVEL_MARKS: dict[str, str] = {
    ComplaintLevel.CRISIS: "🔴 ",
    ComplaintLevel.SERIOUS: "🟠 ",
    ComplaintLevel.GENERAL: "⚪ ",
}


def escalation_text(c: ComplaintView) -> str:
    """Where the complaint stands with the manager, in words."""
    if c.escalated_at is not None:
        text = QCoreApplication.translate("ComplaintPanel", "With %1 since %2").replace("%1", c.escalated_to)
        text = text.replace("%2", full_datetime(c.escalated_at))
        if c.escalated_late:
            text += " — " + QCoreApplication.translate("ComplaintPanel", "late (due by %1)").replace(
                "%1", full_datetime(c.escalate_by)
            )
        return text
    if c.escalation_overdue:
        return "⚠ " + QCoreApplication.translate(
            "ComplaintPanel", "Overdue: the manager should have had it by %1"
        ).replace("%1", full_datetime(c.escalate_by))
    if c.status == ComplaintStatus.CLOSED:
        return QCoreApplication.translate("ComplaintPanel", "Settled without the manager")
    return QCoreApplication.translate("ComplaintPanel", "To the manager by %1").replace(
        "%1", full_datetime(c.escalate_by)
    )


class ComplaintPanel(QWidget):
    """Show one complaint and act on it; ``changed`` carries the updated view."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint: ComplaintView | None = None
        self.header = QLabel(self)
        self.header.setObjectName("cp_header")
        self.header.setWordWrap(True)
        self.status = banner(self, "cp_status")
        self.words = QPlainTextEdit(self)
        self.words.setObjectName("cp_words")
        self.words.setReadOnly(True)
        self.words.setFixedHeight(70)
        self.facts = QLabel(self)
        self.facts.setObjectName("cp_facts")
        self.facts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.words)
        layout.addWidget(self.facts)
        layout.addWidget(self._build_escalate())
        layout.addWidget(self._build_compensation())
        layout.addWidget(self._build_close())
        layout.addStretch(1)
        self.retranslate()
        self.set_complaint(None)

    def _build_escalate(self) -> QGroupBox:
        self.escalate_box = QGroupBox(self)
        row = QHBoxLayout(self.escalate_box)
        self.manager = QComboBox(self.escalate_box)
        self.manager.setObjectName("cp_manager")
        self.escalate_button = QPushButton(self.escalate_box)
        self.escalate_button.setObjectName("cp_escalate")
        self.escalate_button.clicked.connect(self._escalate)
        row.addWidget(self.manager, 1)
        row.addWidget(self.escalate_button)
        return self.escalate_box

    def _build_compensation(self) -> QGroupBox:
        self.comp_box = QGroupBox(self)
        form = QFormLayout(self.comp_box)
        self.comp_kind = QComboBox(self.comp_box)
        self.comp_kind.setObjectName("cp_comp_kind")
        money = self.money = self.ctx.may("money.view")  # customer service offers no money
        for k in CompensationKind:
            if money or k.value not in complaints.MONEY_KINDS:
                self.comp_kind.addItem("", k.value)
        self.comp_amount = QLineEdit(self.comp_box)
        self.comp_amount.setObjectName("cp_comp_amount")
        self.comp_amount.setMaximumWidth(160)
        self.comp_note = QLineEdit(self.comp_box)
        self.comp_note.setObjectName("cp_comp_note")
        self.comp_state = QLabel(self.comp_box)
        self.comp_state.setObjectName("cp_comp_state")
        self.comp_state.setWordWrap(True)
        buttons = QHBoxLayout()
        self.offer_button = QPushButton(self.comp_box)
        self.offer_button.setObjectName("cp_offer")
        self.offer_button.clicked.connect(self._offer)
        self.approve_button = QPushButton(self.comp_box)
        self.approve_button.setObjectName("cp_approve")
        self.approve_button.clicked.connect(self._approve)
        buttons.addWidget(self.offer_button)
        buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        self.comp_kind_label = QLabel(self.comp_box)
        self.comp_kind_label.setBuddy(self.comp_kind)
        self.comp_amount_label = QLabel(self.comp_box)
        self.comp_amount_label.setBuddy(self.comp_amount)
        self.comp_note_label = QLabel(self.comp_box)
        self.comp_note_label.setBuddy(self.comp_note)
        form.addRow(self.comp_kind_label, self.comp_kind)
        form.addRow(self.comp_amount_label, self.comp_amount)
        self.comp_amount.setVisible(money)
        self.comp_amount_label.setVisible(money)
        form.addRow(self.comp_note_label, self.comp_note)
        form.addRow(self.comp_state)
        form.addRow(buttons)
        return self.comp_box

    def _build_close(self) -> QGroupBox:
        self.close_box = QGroupBox(self)
        form = QFormLayout(self.close_box)
        self.accepted = QComboBox(self.close_box)
        self.accepted.setObjectName("cp_accepted")
        self.accepted.addItem("—", None)
        self.accepted.addItem("", True)
        self.accepted.addItem("", False)
        self.close_note = QLineEdit(self.close_box)
        self.close_note.setObjectName("cp_close_note")
        self.close_button = QPushButton(self.close_box)
        self.close_button.setObjectName("cp_close")
        self.close_button.clicked.connect(self._close)
        self.accepted_label = QLabel(self.close_box)
        self.accepted_label.setBuddy(self.accepted)
        self.close_note_label = QLabel(self.close_box)
        self.close_note_label.setBuddy(self.close_note)
        form.addRow(self.accepted_label, self.accepted)
        form.addRow(self.close_note_label, self.close_note)
        form.addRow(self.close_button)
        return self.close_box

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.escalate_box.setTitle(self.tr("Escalate to the service manager"))
        self.escalate_button.setText(self.tr("Esc&alate"))
        self.comp_box.setTitle(self.tr("Compensation"))
        self.comp_kind_label.setText(self.tr("&Kind"))
        for i in range(self.comp_kind.count()):
            self.comp_kind.setItemText(i, words(CompensationKind, str(self.comp_kind.itemData(i))))
        # Not even a hidden label names an amount to who sees no money.
        self.comp_amount_label.setText(self.tr("A&mount (¥)") if self.money else "")
        self.comp_note_label.setText(self.tr("&What is offered"))
        self.offer_button.setText(self.tr("&Offer"))
        self.approve_button.setText(self.tr("A&pprove"))
        self.close_box.setTitle(self.tr("Close with the customer's answer"))
        self.accepted_label.setText(self.tr("Customer acc&epts?"))
        self.accepted.setItemText(1, self.tr("Yes"))
        self.accepted.setItemText(2, self.tr("No"))
        self.close_note_label.setText(self.tr("No&te"))
        self.close_button.setText(self.tr("Close &complaint"))
        self.set_complaint(self.complaint)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- view --------------------------------------------------------------------------
    def set_managers(self, managers: list[tuple[int, str]]) -> None:
        current = self.manager.currentData()
        self.manager.clear()
        for user_id, name in managers:
            self.manager.addItem(name, user_id)
        mine = self.manager.findData(self.ctx.actor.user_id)
        index = self.manager.findData(current)
        self.manager.setCurrentIndex(index if index >= 0 else max(mine, 0))

    def set_complaint(self, c: ComplaintView | None) -> None:
        changed = c is None or self.complaint is None or c.id != self.complaint.id
        self.complaint = c
        boxes = (self.escalate_box, self.comp_box, self.close_box)
        if c is None:
            self.header.setText(self.tr("Select a complaint in the list."))
            show_banner(self.status, "")
            self.words.hide()
            self.facts.hide()
            for box in boxes:
                box.hide()
            return
        self.words.show()
        self.facts.show()
        head = f"{LEVEL_MARKS.get(c.level, '')}<b>{words(ComplaintLevel, c.level)}</b> · {c.customer_name} · {c.phone}"
        if c.ro_number:
            head += " · " + self.tr("RO %1").replace("%1", c.ro_number)
        self.header.setText(head)
        kind = "error" if c.escalation_overdue else ("ok" if c.status == ComplaintStatus.CLOSED else "info")
        show_banner(self.status, escalation_text(c), kind)
        self.words.setPlainText(c.words)
        self.facts.setText(self._facts(c))
        open_ = c.status == ComplaintStatus.OPEN
        self.escalate_box.setVisible(open_ and c.escalated_at is None)
        self.comp_box.setVisible(open_ or bool(c.compensation_kind))
        self.close_box.setVisible(open_)
        for w in (self.comp_kind, self.comp_amount, self.comp_note, self.offer_button):
            w.setEnabled(open_)
        self._show_compensation(c, reset=changed)
        if changed:
            self.accepted.setCurrentIndex(0)
            self.close_note.clear()

    def _facts(self, c: ComplaintView) -> str:
        rows = [
            self.tr("Cause: %1").replace("%1", words(ComplaintCause, c.cause)),
            self.tr("Heard: %1, %2 by %3")
            .replace("%1", words(ComplaintSource, c.source))
            .replace("%2", full_datetime(c.raised_at))
            .replace("%3", c.raised_by),
        ]
        if c.closed_at is not None:
            rows.append(
                self.tr("Closed %1 by %2 · customer accepts: %3")
                .replace("%1", full_datetime(c.closed_at))
                .replace("%2", c.closed_by)
                .replace("%3", yes_no(c.accepted))
            )
            if c.closing_note:
                rows.append(self.tr("Note: %1").replace("%1", c.closing_note))
        return "\n".join(rows)

    def _show_compensation(self, c: ComplaintView, *, reset: bool) -> None:
        if reset:
            self.comp_kind.setCurrentIndex(max(self.comp_kind.findData(c.compensation_kind), 0))
            self.comp_amount.setText(yuan(c.compensation_cents) if c.compensation_cents else "")
            self.comp_note.setText(c.compensation_note)
        if not c.compensation_kind:
            state = self.tr("No compensation offered.")
        else:
            offered = words(CompensationKind, c.compensation_kind)
            if c.compensation_cents:
                offered += " " + fmt.money(c.compensation_cents)
            if c.compensation_approved_at is not None:
                state = "✓ " + self.tr("%1 — approved by %2").replace("%1", offered)
                state = state.replace("%2", c.compensation_approved_by)
            else:
                state = "⏳ " + self.tr("%1 — waits for the service manager's approval").replace(
                    "%1", offered
                )
        self.comp_state.setText(state)
        waiting = bool(c.compensation_kind) and c.compensation_approved_at is None
        may_approve = self.ctx.may("complaint.approve")
        self.approve_button.setVisible(may_approve and waiting and c.status == ComplaintStatus.OPEN)

    # -- actions -----------------------------------------------------------------------
    def _done(self, result: object) -> None:
        ok = getattr(result, "ok", False)
        if ok:
            value = getattr(result, "value")  # noqa: B009
            self.set_complaint(value)
            self.changed.emit(value)

    def _escalate(self) -> None:
        if self.complaint is None or self.manager.currentData() is None:
            return
        self._done(
            self.ctx.ops.run(
                complaints.escalate_complaint,
                parent=self,
                complaint_id=self.complaint.id,
                manager_id=int(self.manager.currentData()),
            )
        )

    def _offer(self) -> None:
        if self.complaint is None:
            return
        text = self.comp_amount.text().strip()
        cents = parse_money(text) if text else 0
        if cents is None:
            self.comp_state.setText("⚠ " + self.tr("%1 is not an amount.").replace("%1", text))
            self.comp_amount.setFocus()
            return
        self._done(
            self.ctx.ops.run(
                complaints.propose_compensation,
                parent=self,
                complaint_id=self.complaint.id,
                kind=str(self.comp_kind.currentData()),
                amount_cents=cents,
                note=self.comp_note.text(),
            )
        )

    def _approve(self) -> None:
        if self.complaint is not None:
            self._done(
                self.ctx.ops.run(complaints.approve_compensation, parent=self, complaint_id=self.complaint.id)
            )

    def _close(self) -> None:
        if self.complaint is not None:
            self._done(
                self.ctx.ops.run(
                    complaints.close_complaint,
                    parent=self,
                    complaint_id=self.complaint.id,
                    accepted=self.accepted.currentData(),
                    note=self.close_note.text(),
                )
            )
