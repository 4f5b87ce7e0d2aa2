"""During repair, the inspection's findings not yet work become ONE change request (issue
18): tick them (each with its photo), say why (the findings' names when left blank); the
change then waits for the customer's consent like any other."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from advisor.services import findings
from advisor.services.findings import FindingsWork, FindingView
from advisor.services.views import PhotoThumbView
from ui import messages
from ui.context import AppContext
from ui.ro.findings_panel import FindingsList


class FindingsChangeDialog(QDialog):
    """Accepted once the change request is raised; ``work`` is what it made."""

    def __init__(
        self,
        ctx: AppContext,
        ro_id: int,
        found: Sequence[FindingView],
        thumbs: dict[int, PhotoThumbView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findings_change_dialog")
        self.ctx = ctx
        self.ro_id = ro_id
        self.work: FindingsWork | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = FindingsList(ctx, self)
        self.list.set_findings(found, thumbs)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("findings_change_reason")
        self.reason.setMaxLength(2000)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("findings_change_ok")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change request from findings"))
        self.intro.setText(
            self.tr(
                "The ticked findings become one change request: the customer consents to it "
                "before the work starts."
            )
        )
        self.reason_label.setText(self.tr("&Why:"))
        self.reason.setPlaceholderText(self.tr("Blank: the findings' names"))
        self.ok_button.setText(self.tr("Raise change request"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        ticked = self.list.ticked()
        if not ticked:
            messages.error(self, self.tr("Tick the findings that become the change request."))
            return
        done = self.ctx.ops.run(
            findings.findings_to_work,
            parent=self,
            ro_id=self.ro_id,
            result_ids=ticked,
            reason=self.reason.text(),
            lang=self.ctx.lang,
        )
        if done.ok:
            self.work = done.value
            self.accept()
