"""The service manager rejects a major change and says why (the advisor tells the
customer). The reason is required by the service; a refusal is shown beside its field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from advisor.services import changes
from advisor.services.views import ChangeRequestView
from ui import messages
from ui.context import AppContext
from ui.desk.field_note import NotedField, show_errors


class RejectChangeDialog(QDialog):
    """Accepted once the change is rejected with its reason."""

    def __init__(self, ctx: AppContext, change: ChangeRequestView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectChangeDialog")
        self.ctx = ctx
        self.change = change
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("rejectChangeReason")
        self.reason.setMaxLength(2000)
        self.notes = {"note": NotedField(self.reason, "note")}
        self.reason.textEdited.connect(lambda _t: self.notes["note"].clear())
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.reason_label, self.notes["note"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("rejectChangeOk")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reject the change"))
        self.intro.setText(
            self.tr(
                "The customer's consent stands, but the change will not be done. Why? The advisor tells the customer."
            )
        )
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("e.g. covered by the warranty: claim it from the maker"))
        self.ok_button.setText(self.tr("Reject"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        self.notes["note"].clear()
        done = self.ctx.ops.run(
            changes.approve_major,
            parent=self,
            quiet=True,
            change_id=self.change.id,
            approve=False,
            note=self.reason.text(),
        )
        if done.ok:
            self.accept()
            return
        if done.error is None:
            return
        rest, first = show_errors(done.error, self.notes)
        if rest:
            messages.error(self, "\n".join(one.message() for one in rest))
            self.reject()  # decided elsewhere meanwhile: the page shows how
        elif first is not None:
            first.field.setFocus(Qt.FocusReason.OtherFocusReason)
