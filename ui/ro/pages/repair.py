"""Step 8 — repair: the jobs and their clock, change requests with the customer's consent,
old-parts handling per line and the training flag for hard cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import CHANGE_OPEN, ChangeStatus, LineKind, PhotoSubject, ROStatus, SignedAct
from advisor.i18n import pick
from advisor.services import changes, findings, workshop
from advisor.services.findings import FindingView
from advisor.services.views import AssignmentView, ChangeRequestView, LineView, ROView
from ui import fmt
from ui import workshop_labels as labels
from ui.board_model import planned_minutes
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.long_text import fit_columns
from ui.photo_strip import PhotoStrip
from ui.ro.consent_dialog import ConsentDialog
from ui.ro.findings_change_dialog import FindingsChangeDialog
from ui.ro.findings_panel import photo_button, thumbs_of
from ui.ro.pages.base import StepPage, scroll_page
from ui.ro.reject_change_dialog import RejectChangeDialog
from ui.signature_pad import SignatureImage
from ui.tables import fill_rows, read_only_table


class RepairPage(StepPage):
    step = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.jobs_: list[AssignmentView] = []
        self.changes_: list[ChangeRequestView] = []
        self.part_lines: list[LineView] = []
        self.findings_: tuple[FindingView, ...] = ()
        self._build_inputs()
        self._lay_out()
        self._guard_buttons()
        self.retranslate()

    def _build_inputs(self) -> None:
        """The jobs and their clock buttons, change requests with raise/answer/approve, old
        parts, training; each button shown only to who may press it."""
        self.jobs_box, self.changes_box = QGroupBox(), QGroupBox()
        self.old_box, self.training_box = QGroupBox(), QGroupBox()
        self.jobs = read_only_table(5)
        self.jobs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.clock = {
            name: QPushButton() for name in ("on", "pause_parts", "pause_approval", "resume", "done")
        }
        actions: dict[str, Callable[[AssignmentView], Any]] = {
            "on": lambda j: self._clock(workshop.clock_on, j),
            "pause_parts": lambda j: self._clock(workshop.pause, j, reason="parts"),
            "pause_approval": lambda j: self._clock(workshop.pause, j, reason="approval"),
            "resume": lambda j: self._clock(workshop.resume, j),
            "done": lambda j: self._clock(workshop.finish, j),
        }
        for name, button in self.clock.items():
            button.setObjectName(f"clock_{name}")
            button.clicked.connect(lambda _c=False, n=name: self._on_job(actions[n]))
        self.changes = read_only_table(6)
        self.changes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.changes.itemSelectionChanged.connect(self._update_buttons)
        self.raise_btn, self.answer_btn, self.approve_btn = QPushButton(), QPushButton(), QPushButton()
        self.reject_btn = QPushButton()
        self.findings_btn = QPushButton()  # the inspection's findings as one change (issue 18)
        self.findings_btn.clicked.connect(self.change_from_findings)
        self.raise_btn.clicked.connect(self.raise_change)
        self.answer_btn.clicked.connect(self.record_answer)
        self.approve_btn.clicked.connect(self.approve)
        self.reject_btn.clicked.connect(self.reject_change)
        for button, name in (
            (self.raise_btn, "change_raise"),
            (self.answer_btn, "change_answer"),
            (self.approve_btn, "change_approve"),
            (self.reject_btn, "change_reject"),
            (self.findings_btn, "change_from_findings"),
        ):
            button.setObjectName(name)
        # The selected change's photos (what was found), under the list.
        self.change_photos_label = QLabel()
        self.change_photos_label.setObjectName("change_photos_label")
        self.change_photos = PhotoStrip(self.ctx, compact=True)
        self.change_photos.setObjectName("change_photos")
        # The selected change's consent as signed in person (the image), or why it was not.
        self.change_signed_label = QLabel()
        self.change_signed_label.setObjectName("change_signed")
        self.change_signed_label.setWordWrap(True)
        self.change_signed_image = SignatureImage(max_width=240)
        self.change_signed_image.setObjectName("change_signature_image")
        self.old_parts = read_only_table(3)
        self.old_parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.training = QCheckBox()
        self.training_note = QLineEdit()
        self.training_save = QPushButton()
        self.training_save.setObjectName("training_save")
        self.training_save.clicked.connect(self.save_training)

    def _guard_buttons(self) -> None:
        """Each button offered only to who may press it (the old parts' choice too)."""
        for button in self.clock.values():
            self.guard(button, "work.clock")
        self.guard(self.raise_btn, "change.raise")
        self.may_findings = self.guard(self.findings_btn, "estimate.edit")  # findings_to_work's
        self.guard(self.answer_btn, "change.consent")
        self.guard(self.approve_btn, "change.approve_major")
        self.guard(self.reject_btn, "change.approve_major")
        # Old parts and the training note: the workshop or the estimate's writer.
        self.may_notes = self.guard(self.training_box, "work.clock", "estimate.edit")

    def _lay_out(self) -> None:
        jl = QVBoxLayout(self.jobs_box)
        jl.addWidget(self.jobs)
        row = QHBoxLayout()
        for b in self.clock.values():
            row.addWidget(b)
        row.addStretch(1)
        jl.addLayout(row)
        cl = QVBoxLayout(self.changes_box)
        cl.addWidget(self.changes)
        row = QHBoxLayout()
        for b in (self.raise_btn, self.findings_btn, self.answer_btn, self.approve_btn, self.reject_btn):
            row.addWidget(b)
        row.addStretch(1)
        cl.addLayout(row)
        photos_row = QHBoxLayout()
        photos_row.addWidget(self.change_photos_label)
        photos_row.addWidget(self.change_photos, 1)
        cl.addLayout(photos_row)
        cl.addWidget(self.change_signed_label)
        cl.addWidget(self.change_signed_image)
        # A change raised from inspection findings: their photos too (issue 18).
        self.finding_photos_label = QLabel()
        self.finding_photos_label.setObjectName("change_finding_photos_label")
        self.finding_photos_row = QHBoxLayout()
        self.finding_photos_row.addWidget(self.finding_photos_label)
        self.finding_photos_row.addStretch(1)
        cl.addLayout(self.finding_photos_row)
        self.finding_photo_buttons: list[QWidget] = []
        QVBoxLayout(self.old_box).addWidget(self.old_parts)
        tl = QHBoxLayout(self.training_box)
        tl.addWidget(self.training)
        tl.addWidget(self.training_note, 1)
        tl.addWidget(self.training_save)
        # In a scroll area: the "who acts next" banner never pushes the window past 768 px.
        layout = QVBoxLayout(scroll_page(self, frame=False))
        layout.addWidget(self.next_banner)
        layout.addWidget(self.jobs_box, 3)
        layout.addWidget(self.changes_box, 3)
        layout.addWidget(self.old_box, 2)
        layout.addWidget(self.training_box)

    def retranslate(self) -> None:
        self.jobs_box.setTitle(self.tr("Jobs and their clock"))
        self.changes_box.setTitle(self.tr("Change requests (the customer's consent before any change)"))
        self.old_box.setTitle(self.tr("Old parts"))
        self.training_box.setTitle(self.tr("Training"))
        self.jobs.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("Technician"),
                self.tr("Bay"),
                self.tr("Status"),
                self.tr("Worked / planned"),
            ]
        )
        texts = {
            "on": self.tr("Clock on"),
            "pause_parts": self.tr("Pause: parts"),
            "pause_approval": self.tr("Pause: approval"),
            "resume": self.tr("Resume"),
            "done": self.tr("Done"),
        }
        for name, button in self.clock.items():
            button.setText(texts[name])
        self.changes.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Reason"),
                self.tr("Status"),
                self.tr("Amount"),
                self.tr("Promised time"),
                self.tr("Customer's answer"),
            ]
        )
        self.raise_btn.setText(self.tr("Raise change request…"))
        self.findings_btn.setText(self.tr("Change request from &findings…"))
        self.findings_btn.setToolTip(self.tr("The inspection's red and yellow items not yet work"))
        self.answer_btn.setText(self.tr("Record customer's answer…"))
        self.approve_btn.setText(self.tr("Approve (manager)"))
        self.reject_btn.setText(self.tr("Reject (manager)…"))
        self.finding_photos_label.setText(self.tr("From the inspection:"))
        self.old_parts.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Qty"), self.tr("Old part")])
        self.training.setText(self.tr("Hard case: flag for training"))
        self.training_note.setPlaceholderText(self.tr("What made it hard, what solved it"))
        self.training_save.setText(self.tr("Save"))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self.findings_ = findings.read_findings(actor=self.ctx.actor, ro_id=view.id)
        self.jobs_ = list(view.assignments)
        fill_rows(
            self.jobs,
            [
                (
                    j.job,
                    j.technician,
                    j.bay,
                    labels.state_text(j),
                    f"{labels.minutes(j.worked_min)} / {labels.minutes(planned_minutes(j))}",
                )
                for j in self.jobs_
            ],
        )
        self.jobs.resizeColumnsToContents()
        self.changes_ = list(view.change_requests)
        rows = []
        for c in self.changes_:
            answer = ""
            if c.consent_at is not None:
                answer = f"{c.consent_by} · {labels.method(c.consent_method)}"
                answer += f" {c.consent_phone}" if c.consent_phone else ""
                answer += f" · {fmt.datetime(c.consent_at)}"
                if any(x.act == SignedAct.CONSENT and x.act_id == c.id for x in view.signatures):
                    answer += " · " + self.tr("signed")
                elif c.no_signature_reason:
                    answer += " · " + self.tr("not signed: %1").replace("%1", c.no_signature_reason)
                if c.status == ChangeStatus.REFUSED:
                    why = pick(c.refusal_reason_en, c.refusal_reason_zh, self.ctx.lang)
                    answer = self.tr("Refused: %1").replace("%1", answer) + (f" · {why}" if why else "")
            status = labels.change_status(c.status) + (" · " + self.tr("major") if c.major else "")
            rows.append(
                (
                    labels.change_kind(c.kind),
                    c.reason,
                    status,
                    f"{fmt.money(c.old_amount_cents)} → {fmt.money(c.new_amount_cents)}",
                    f"{fmt.datetime(c.old_promised_at)} → {fmt.datetime(c.new_promised_at)}",
                    answer,
                )
            )
        fill_rows(self.changes, rows)
        fit_columns(self.changes)  # a reason of 2,000 characters ends in "…" (whole in the tooltip)
        self.changes.resizeRowsToContents()
        pending = [i for i, c in enumerate(self.changes_) if c.status in CHANGE_OPEN]
        if pending:
            self.changes.selectRow(pending[0])
        self._fill_old_parts(view)
        during_repair = view.authorised_at is not None and view.qc_passed_at is None
        self.findings_btn.setVisible(
            self.may_findings and during_repair and any(not f.turned for f in self.findings_)
        )
        self.training.setChecked(view.training_flag)
        self.training_note.setText(view.training_note)
        self._update_buttons()

    def _fill_old_parts(self, view: ROView) -> None:
        self.part_lines = [x for x in view.approved_lines if x.kind == LineKind.PART]
        fill_rows(
            self.old_parts,
            [(f"{x.code} {x.description}", f"{x.quantity.normalize():f}", "") for x in self.part_lines],
        )
        for r, line in enumerate(self.part_lines):
            combo = QComboBox()
            for code in labels.OLD_PART_CODES:
                combo.addItem(labels.old_part(code), code)
            combo.setCurrentIndex(max(combo.findData(line.old_part_handling), 0))
            combo.setEnabled(self.may_notes)
            combo.activated.connect(lambda _i, c=combo, lid=line.id: self.set_old_part(lid, c.currentData()))
            self.old_parts.setCellWidget(r, 2, combo)

    # -- selection -------------------------------------------------------------------
    def selected_change(self) -> ChangeRequestView | None:
        row = self.changes.currentRow()
        return self.changes_[row] if 0 <= row < len(self.changes_) else None

    def _update_buttons(self) -> None:
        c = self.selected_change()
        waiting = c is not None and c.status in CHANGE_OPEN
        self.answer_btn.setEnabled(waiting and c is not None and c.consent_at is None)
        self.approve_btn.setEnabled(waiting and c is not None and c.major and not c.manager)
        self.reject_btn.setEnabled(self.approve_btn.isEnabled())
        self._show_change_photos(c)
        self._show_finding_photos(c)
        self._show_change_signed(c)

    def _show_change_signed(self, c: ChangeRequestView | None) -> None:
        """The selected change's consent given in person: the customer's signature as drawn
        (who, when; the sha256 in the tooltip), or the reason recorded instead; hidden for a
        change not consented in person."""
        signed = [
            s
            for s in (self.view.signatures if self.view is not None and c is not None else ())
            if c is not None and s.act == SignedAct.CONSENT and s.act_id == c.id
        ]
        if signed:
            s = signed[-1]
            text = self.tr("Consent signed by %1 on %2:").replace("%1", s.signer)
            self.change_signed_label.setText(text.replace("%2", fmt.datetime(s.signed_at)))
            self.change_signed_label.show()
            self.change_signed_image.set_png(s.png, f"SHA-256 {s.sha256}")
            return
        self.change_signed_image.set_png(None)
        if c is not None and c.consent_at is not None and c.no_signature_reason:
            self.change_signed_label.setText(
                self.tr("Consent not signed: %1").replace("%1", c.no_signature_reason)
            )
            self.change_signed_label.show()
        else:
            self.change_signed_label.hide()

    def _show_finding_photos(self, c: ChangeRequestView | None) -> None:
        """The photos of the inspection findings the selected change was raised from (the
        customer sees them before answering); hidden for any other change."""
        for button in self.finding_photo_buttons:
            button.deleteLater()
        self.finding_photo_buttons = []
        came_from = [
            f for f in self.findings_ if c is not None and f.change_request_id == c.id and f.photo_ids
        ]
        self.finding_photos_label.setVisible(bool(came_from) and self.view is not None)
        if not came_from or self.view is None:
            return
        thumbs = thumbs_of(self.ctx, self.view.id)
        for f in came_from:
            shown = [thumbs[p] for p in f.photo_ids if p in thumbs]
            if shown:
                button = photo_button(self.ctx, self, shown)
                button.setToolTip(pick(f.name_en, f.name_zh, self.ctx.lang))
                self.finding_photos_row.insertWidget(len(self.finding_photo_buttons) + 1, button)
                self.finding_photo_buttons.append(button)

    def _show_change_photos(self, c: ChangeRequestView | None) -> None:
        """The selected change's photos: added while it waits for the customer's answer, by
        whoever may add photos; read only once answered."""
        if self.view is None or c is None:
            self.change_photos_label.setText(self.tr("Choose a change request to see its photos."))
            self.change_photos.set_subject(None, PhotoSubject.CHANGE, None, editable=False)
            return
        editable = c.status in CHANGE_OPEN and self.view.status == ROStatus.OPEN and self.ctx.may("photo.add")
        self.change_photos_label.setText(self.tr("Photos of the selected change:"))
        self.change_photos.set_subject(self.view.id, PhotoSubject.CHANGE, c.id, editable=editable)

    def _on_job(self, fn: Callable[[AssignmentView], Any]) -> Any:
        row = self.jobs.currentRow()
        if 0 <= row < len(self.jobs_):
            return fn(self.jobs_[row])
        return None

    # -- actions ---------------------------------------------------------------------
    def _clock(self, fn: Callable[..., Any], job: AssignmentView, **kw: Any) -> Any:
        return self.ctx.ops.run(fn, parent=self, assignment_id=job.id, **kw)

    def raise_change(self) -> ChangeRequestDialog | None:
        if self.view is None:
            return None
        dialog = ChangeRequestDialog(
            self.ctx,
            ro_id=self.view.id,
            promised_at=self.view.promised_at,
            heading=f"{self.view.vehicle.plate} · {self.view.number}",
            parent=self,
        )
        dialog.open()
        return dialog

    def change_from_findings(self) -> FindingsChangeDialog | None:
        """Tick the inspection's findings not yet work: they become one change request."""
        if self.view is None:
            return None
        with_photos = any(f.photo_ids for f in self.findings_)
        thumbs = thumbs_of(self.ctx, self.view.id) if with_photos else {}
        dialog = FindingsChangeDialog(self.ctx, self.view.id, self.findings_, thumbs, parent=self)
        dialog.open()
        return dialog

    def record_answer(self) -> ConsentDialog | None:
        """The advisor's dialog: consented or refused, who, how, when."""
        c = self.selected_change()
        if self.view is None or c is None:
            return None
        phone = self.view.approval_contact or self.view.customer.phone
        dialog = ConsentDialog(self.ctx, c, customer_name=self.view.customer.name, phone=phone, parent=self)
        dialog.open()
        return dialog

    def approve(self) -> Any:
        c = self.selected_change()
        if c is None:
            return None
        return self.ctx.ops.run(changes.approve_major, parent=self, change_id=c.id)

    def reject_change(self) -> RejectChangeDialog | None:
        """The manager rejects a major change, saying why."""
        c = self.selected_change()
        if c is None:
            return None
        dialog = RejectChangeDialog(self.ctx, c, parent=self)
        dialog.open()
        return dialog

    def set_old_part(self, line_id: int, handling: str) -> Any:
        return self.ctx.ops.run(
            workshop.set_old_part_handling,
            parent=self,
            line_id=line_id,
            handling=handling or "none",
        )

    def save_training(self) -> Any:
        if self.view is None:
            return None
        return self.ctx.ops.run(
            workshop.flag_for_training,
            parent=self,
            ro_id=self.view.id,
            flagged=self.training.isChecked(),
            note=self.training_note.text(),
        )


Page = RepairPage
