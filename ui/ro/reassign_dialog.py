"""Hand a repair order over to another advisor: choose an active advisor, say why. The
service records the change in the audit trail and on the timeline; a refusal is shown
beside its field, and a handover someone else made first closes the dialog with why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor.errors import ConflictError
from advisor.services import reception
from advisor.services.views import ROView
from ui import messages
from ui.context import AppContext
from ui.desk.field_note import NotedField, show_errors


class ReassignDialog(QDialog):
    """Accepted once the RO has its new advisor."""

    def __init__(self, ctx: AppContext, view: ROView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.ctx = ctx
        self.view = view
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.advisor = QComboBox()
        self.advisor.setObjectName("reassignAdvisor")
        for user in reception.advisors(actor=ctx.actor):
            if user.id != view.advisor_id:
                self.advisor.addItem(user.display_name, user.id)
        self.advisor.setCurrentIndex(-1)  # chosen by the person, never by default
        self.reason = QLineEdit()
        self.reason.setObjectName("reassignReason")
        self.reason.setMaxLength(2000)
        self.notes = {
            "advisor": NotedField(self.advisor, "advisor"),
            "reason": NotedField(self.reason, "reason"),
        }
        self.reason.textEdited.connect(lambda _t: self.notes["reason"].clear())
        self.advisor.activated.connect(lambda _i: self.notes["advisor"].clear())
        self.advisor_label = QLabel()
        self.advisor_label.setBuddy(self.advisor)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.advisor_label, self.notes["advisor"])
        form.addRow(self.reason_label, self.notes["reason"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("reassignOk")
        self.ok_button.setEnabled(self.advisor.count() > 0)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self.advisor.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hand over to another advisor"))
        intro = self.tr("Repair order %1 (%2) is with %3. Who takes it over, and why?")
        self.intro.setText(
            intro.replace("%1", self.view.number)
            .replace("%2", self.view.vehicle.plate)
            .replace("%3", self.view.advisor)
        )
        self.advisor_label.setText(self.tr("&New advisor:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.advisor.setPlaceholderText(self.tr("Choose who takes it over"))
        self.reason.setPlaceholderText(self.tr("e.g. on leave until Monday"))
        if self.advisor.count() == 0:
            self.notes["advisor"].show_error(self.tr("No other advisor is active."))
        self.ok_button.setText(self.tr("Hand over"))
        self.ok_button.setToolTip(self.tr("Give the repair order to the chosen advisor (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        for note in self.notes.values():
            note.clear()
        saved = self.ctx.ops.run(
            reception.reassign_advisor,
            parent=self,
            quiet=True,
            ro_id=self.view.id,
            advisor_id=self.advisor.currentData(),
            reason=self.reason.text(),
            from_advisor_id=self.view.advisor_id,
        )
        if saved.ok:
            self.accept()
            return
        err = saved.error
        if err is None:
            return
        rest, first = show_errors(err, self.notes)
        if rest:
            messages.error(self, "\n".join(one.message() for one in rest))
        if isinstance(err, ConflictError):
            self.reject()  # someone else handed it over: the header shows to whom
        elif first is not None:
            first.field.setFocus(Qt.FocusReason.OtherFocusReason)
