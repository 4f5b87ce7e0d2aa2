"""Step 10 — wash: requested or declined (with the time told to the customer), then the
reception confirms the result (ashtray, tyres) before handover."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from advisor.services import quality
from advisor.services.views import ROView
from ui import fmt, messages
from ui.context import AppContext
from ui.ro.pages._closing import locked_text, show_banner
from ui.ro.pages.base import StepPage


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class WashPage(StepPage):
    step = 10

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded_ro: int | None = None
        _body, layout, (self.status, self.locked) = self._scaffold("wash_status", "wash_locked", scroll=False)

        self.request_group = QGroupBox(self)
        req = QFormLayout(self.request_group)
        self.requested = QRadioButton(self.request_group)
        self.requested.setObjectName("wash_requested")
        self.declined = QRadioButton(self.request_group)
        self.declined.setObjectName("wash_declined")
        group = QButtonGroup(self)
        group.addButton(self.requested)
        group.addButton(self.declined)
        choice = QHBoxLayout()
        choice.addWidget(self.requested)
        choice.addWidget(self.declined)
        choice.addStretch(1)
        req.addRow(choice)
        self.eta_label = QLabel(self.request_group)
        self.eta = QSpinBox(self.request_group)
        self.eta.setObjectName("wash_eta")
        self.eta.setRange(0, 480)
        self.eta.setSingleStep(5)
        self.eta.setValue(30)
        self.eta.setMaximumWidth(140)
        req.addRow(self.eta_label, self.eta)
        self.save = QPushButton(self.request_group)
        self.save.setObjectName("wash_save")
        self.save.clicked.connect(self._save)
        req.addRow(_left(self.save))
        self.requested.toggled.connect(self.eta.setEnabled)

        self.confirm_group = QGroupBox(self)
        conf = QFormLayout(self.confirm_group)
        self.ashtray = QCheckBox(self.confirm_group)
        self.ashtray.setObjectName("wash_ashtray")
        self.tyres = QCheckBox(self.confirm_group)
        self.tyres.setObjectName("wash_tyres")
        self.note_label = QLabel(self.confirm_group)
        self.note = QLineEdit(self.confirm_group)
        self.note.setObjectName("wash_note")
        self.confirm = QPushButton(self.confirm_group)
        self.confirm.setObjectName("wash_confirm")
        self.confirm.clicked.connect(self._confirm)
        conf.addRow(self.ashtray)
        conf.addRow(self.tyres)
        conf.addRow(self.note_label, self.note)
        conf.addRow(_left(self.confirm))

        layout.addWidget(self.request_group)
        layout.addWidget(self.confirm_group)
        layout.addStretch(1)
        self.may_record = self.guard(self.request_group, "wash.record")
        self.guard(self.confirm_group, "wash.record")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Wash"))
        self.request_group.setTitle(self.tr("Does the customer want the car washed?"))
        self.requested.setText(self.tr("Wash requested"))
        self.declined.setText(self.tr("Wash declined"))
        self.eta_label.setText(self.tr("Wash time told to the customer:"))
        self.eta.setSuffix(self.tr(" min"))
        self.save.setText(self.tr("Save the wash choice"))
        self.confirm_group.setTitle(self.tr("Reception confirms the wash result"))
        self.ashtray.setText(self.tr("Ashtray emptied and clean"))
        self.tyres.setText(self.tr("Tyres and rims clean"))
        self.note_label.setText(self.tr("Note:"))
        self.note.setPlaceholderText(self.tr("Anything the customer should know"))
        self.confirm.setText(self.tr("Confirm the wash result"))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        if self._loaded_ro != view.id:  # keep what the user chose while the RO stays open
            self._loaded_ro = view.id
            self.requested.setChecked(view.wash_requested is True)
            self.declined.setChecked(view.wash_requested is False)
            self.eta.setValue(view.wash_eta_min or 30)
            self.eta.setEnabled(view.wash_requested is not False)
        if view.wash_done_at is not None:
            text = self.tr("Washed and confirmed on %1: %2").replace("%1", fmt.datetime(view.wash_done_at))
            show_banner(self.status, text.replace("%2", self._result_text(view.wash_result)), "ok")
        elif view.wash_requested is True and view.wash_eta_min is None:
            # Asked for at check-in, where no wash time is told: say so, not "told  min".
            text = self.tr("Wash requested at check-in — tell the customer the wash time and save it.")
            show_banner(self.status, text, "warn")
        elif view.wash_requested is True:
            text = self.tr("Wash requested — the customer was told %1 min. Not confirmed yet.")
            show_banner(self.status, text.replace("%1", str(view.wash_eta_min)), "warn")
        elif view.wash_requested is False:
            show_banner(self.status, self.tr("The customer declined the wash."), "info")
        else:
            show_banner(self.status, self.tr("Ask the customer whether they want the car washed."), "warn")
        show_banner(self.locked, locked_text(view.locked, self.step, self.ctx.lang), "warn")
        self.confirm_group.setVisible(view.wash_requested is True)
        self.request_group.setEnabled(
            self.may_record and view.handed_over_at is None and view.wash_done_at is None
        )
        self.confirm_group.setEnabled(self.may_record and view.wash_done_at is None)

    def _result_text(self, result: str) -> str:
        """The stored result; the services' default (no note) in the user's language."""
        if result == "ashtray ok; tyres ok":
            return self.tr("ashtray and tyres clean")
        return result

    def _save(self) -> None:
        if self.view is None:
            return
        if not (self.requested.isChecked() or self.declined.isChecked()):
            messages.error(self, self.tr("Choose whether the wash is requested or declined."))
            return
        requested = self.requested.isChecked()
        self.ctx.ops.run(
            quality.set_wash,
            parent=self,
            ro_id=self.view.id,
            requested=requested,
            eta_min=self.eta.value() if requested else None,
        )

    def _confirm(self) -> None:
        if self.view is None:
            return
        self.ctx.ops.run(
            quality.confirm_wash,
            parent=self,
            ro_id=self.view.id,
            ashtray_ok=self.ashtray.isChecked(),
            tyres_ok=self.tyres.isChecked(),
            note=self.note.text(),
        )


Page = WashPage
