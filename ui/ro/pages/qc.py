"""Step 9 — final QC: the checklist generated from the RO, signed by the inspector.

A failed inspection sends the job back to the workshop as internal rework (counted).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import LineKind, Role, SelfCheckItem, words
from advisor.services import quality, standards
from advisor.services.views import ROView
from ui import fmt, messages
from ui.context import AppContext
from ui.long_text import WrapCheckBox, fit_columns
from ui.my_jobs_dialogs import SelfCheckDialog
from ui.operations import Outcome
from ui.ro.pages._closing import cell, fit_height, locked_text, show_banner, table
from ui.ro.pages.base import StepPage


class QCPage(StepPage):
    step = 9

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._items: list[str] = []
        self._items_ro: int | None = None
        self.boxes: list[QCheckBox] = []

        body, layout, (self.status, self.locked) = self._scaffold("qc_status", "qc_locked")
        self.rework = QLabel(body)
        self.rework.setObjectName("qc_rework_count")
        self.self_check = QLabel(body)
        self.self_check.setObjectName("qc_self_check")
        self.self_check.setWordWrap(True)
        self.paper_check = QPushButton(body)
        self.paper_check.setObjectName("qc_paper_self_check")
        self.paper_check.clicked.connect(self._record_paper_check)
        self._paper: tuple[int, str] | None = None
        self._build_form(body)
        self._build_certificate_after(body)
        self.history_title = QLabel(body)
        self.history_title.setStyleSheet("font-weight: bold;")
        self.history = table(body, "qc_history", 6)

        layout.addWidget(self.rework)
        layout.addWidget(self.self_check)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper_check)
        paper_row.addStretch(1)
        layout.addLayout(paper_row)
        layout.addWidget(self.form_box)
        layout.addWidget(self.cert_after_box)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history)
        layout.addStretch(1)
        # Who may not inspect reads the form greyed, without their own name as the signature.
        self.inspector.setVisible(self.guard(self.form_box, "qc.inspect"))
        self.guard(self.cert_after_box, "qc.inspect")
        # The foreman records a paper self-check (a technician signs their own in My jobs).
        self._may_paper = (
            self.guard(self.paper_check, "work.clock") and self.ctx.actor.role != Role.TECHNICIAN
        )
        self.retranslate()

    def _build_form(self, body: QWidget) -> None:
        """The inspection: the items to tick, the checks, then pass or fail."""
        self.form_box = QWidget(body)
        form_layout = QVBoxLayout(self.form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.items_group = QGroupBox(self.form_box)
        self.items_layout = QVBoxLayout(self.items_group)
        self.all_ok = QPushButton(self.items_group)
        self.all_ok.setObjectName("qc_all_ok")
        self.all_ok.clicked.connect(self._tick_all)
        tick_row = QHBoxLayout()
        tick_row.addWidget(self.all_ok)
        tick_row.addStretch(1)
        self.items_layout.addLayout(tick_row)
        self._build_checks()
        buttons = QHBoxLayout()
        self.pass_button = QPushButton(self.form_box)
        self.pass_button.setObjectName("qc_pass")
        self.pass_button.clicked.connect(self._pass)
        self.fail_button = QPushButton(self.form_box)
        self.fail_button.setObjectName("qc_fail")
        self.fail_button.clicked.connect(self._fail)
        buttons.addWidget(self.pass_button)
        buttons.addWidget(self.fail_button)
        buttons.addStretch(1)
        form_layout.addWidget(self.items_group)
        form_layout.addWidget(self.checks_group)
        form_layout.addLayout(buttons)

    def _build_checks(self) -> None:
        """Road test, nothing left in the car, no new damage, first service, certificate, notes."""
        self.checks_group = QGroupBox(self.form_box)
        checks = QFormLayout(self.checks_group)
        self.road_test = QComboBox(self.checks_group)
        self.road_test.setObjectName("qc_road_test")
        self.road_test.addItems(["", ""])
        self.road_result = QLineEdit(self.checks_group)
        self.road_result.setObjectName("qc_road_test_result")
        road_row = QHBoxLayout()
        road_row.addWidget(self.road_test)
        road_row.addWidget(self.road_result, 1)
        self.road_label = QLabel(self.checks_group)
        checks.addRow(self.road_label, road_row)
        self.nothing_left = QCheckBox(self.checks_group)
        self.nothing_left.setObjectName("qc_nothing_left")
        self.no_damage = QCheckBox(self.checks_group)
        self.no_damage.setObjectName("qc_no_new_damage")
        self.first_service = QCheckBox(self.checks_group)
        self.first_service.setObjectName("qc_first_service_invited")
        checks.addRow(self.nothing_left)
        checks.addRow(self.no_damage)
        checks.addRow(self.first_service)
        self.cert_label = QLabel(self.checks_group)
        self.cert = QLineEdit(self.checks_group)
        self.cert.setObjectName("qc_cert_no")
        checks.addRow(self.cert_label, self.cert)
        self.notes_label = QLabel(self.checks_group)
        self.notes = QLineEdit(self.checks_group)
        self.notes.setObjectName("qc_notes")
        checks.addRow(self.notes_label, self.notes)
        self.inspector = QLabel(self.checks_group)
        self.inspector.setObjectName("qc_inspector")
        checks.addRow(self.inspector)

    def _build_certificate_after(self, body: QWidget) -> None:
        """After a pass: a certificate number can still be recorded (needed for handover)."""
        self.cert_after_box = QGroupBox(body)
        cert_row = QHBoxLayout(self.cert_after_box)
        self.cert_after = QLineEdit(self.cert_after_box)
        self.cert_after.setObjectName("qc_cert_after")
        self.cert_after_button = QPushButton(self.cert_after_box)
        self.cert_after_button.setObjectName("qc_cert_save")
        self.cert_after_button.clicked.connect(self._save_certificate)
        cert_row.addWidget(self.cert_after, 1)
        cert_row.addWidget(self.cert_after_button)

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Final QC — checked against the inquiry and the RO"))
        self.items_group.setTitle(self.tr("Every concern and every approved line (tick when OK)"))
        self.all_ok.setText(self.tr("Tick all as OK"))
        self.checks_group.setTitle(self.tr("Car checks"))
        self.road_label.setText(self.tr("Road test:"))
        self.road_test.setItemText(0, self.tr("Not needed"))
        self.road_test.setItemText(1, self.tr("Done"))
        self.road_result.setPlaceholderText(self.tr("Road test result (e.g. no noise when braking)"))
        self.nothing_left.setText(self.tr("Nothing left in the car (tools, covers, rags)"))
        self.no_damage.setText(self.tr("No new body damage"))
        self.first_service.setText(self.tr("First service: customer invited to the inspection"))
        self.cert_label.setText(self.tr("Completion certificate no.:"))
        self.cert.setPlaceholderText(self.tr("Required for this repair class"))
        self.notes_label.setText(self.tr("Notes:"))
        self.notes.setPlaceholderText(self.tr("What failed, what to rework"))
        self.inspector.setText(
            self.tr("Signed by the inspector: %1").replace("%1", self.ctx.actor.display_name)
        )
        self.pass_button.setText(self.tr("✓ Pass and sign"))
        self.pass_button.setToolTip(self.tr("Records the inspection as passed, signed by you"))
        self.fail_button.setText(self.tr("✗ Fail — back to the workshop"))
        self.fail_button.setToolTip(
            self.tr("Records a failed inspection: the unticked jobs go back as internal rework")
        )
        self.cert_after_box.setTitle(self.tr("Completion certificate number"))
        self.cert_after_button.setText(self.tr("Record certificate"))
        self.history_title.setText(self.tr("Earlier inspections"))
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Inspector"),
                self.tr("Result"),
                self.tr("Road test"),
                self.tr("Certificate"),
                self.tr("Not OK / notes"),
            ]
        )
        if self.view is not None:
            self._items_ro = None  # the checklist is generated in the user's language
            self.show_view(self.view)

    # -- view -----------------------------------------------------------------------
    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self._load_checklist(view)
        passed = view.qc_passed_at is not None
        self.form_box.setVisible(not passed)
        self.first_service.setVisible(view.first_service)
        self.cert.setVisible(view.needs_certificate)
        self.cert_label.setVisible(view.needs_certificate)
        self.cert_after_box.setVisible(passed and view.needs_certificate and not view.completion_cert_no)
        if passed:
            last = next((q for q in reversed(view.qc_checks) if q.passed), None)
            text = self.tr("QC passed on %1, signed by %2.").replace("%1", fmt.datetime(view.qc_passed_at))
            text = text.replace("%2", last.inspector if last else "")
            if view.completion_cert_no:
                text += " " + self.tr("Certificate no. %1.").replace("%1", view.completion_cert_no)
            show_banner(self.status, text, "ok")
            show_banner(self.locked, "")
        else:
            failed = [q for q in view.qc_checks if not q.passed]
            if failed:
                text = self.tr("The last inspection failed (%1): the job is back in the workshop as rework.")
                show_banner(self.status, text.replace("%1", fmt.datetime(failed[-1].at)), "error")
            else:
                show_banner(self.status, "")
            show_banner(self.locked, locked_text(view.locked, self.step, self.ctx.lang), "warn")
        fails = sum(1 for q in view.qc_checks if not q.passed)
        self.rework.setText(self.tr("Internal reworks: %1").replace("%1", str(fails)))
        self.rework.setStyleSheet("color:#c62828; font-weight:bold;" if fails else "")
        self._fill_self_check(view)
        self._fill_history(view)

    def _fill_self_check(self, view: ROView) -> None:
        """The technicians' self-checks (自检): who signed when and what was not
        applicable (who still has to sign is the page's lock, ``workflow.check_can_qc``)."""
        checks = standards.read_self_checks(actor=self.ctx.actor, ro_id=view.id)
        lines = []
        for c in checks.signed:
            na = [words(SelfCheckItem, i, self.ctx.lang) for i, mark in c.marks.items() if mark == "na"]
            text = (
                self.tr("Self-check signed by %1 on %2 (technician %3).")
                .replace("%1", c.signed_by)
                .replace("%2", fmt.datetime(c.signed_at))
                .replace("%3", c.technician)
            )
            if na:
                text += " " + self.tr("Not applicable: %1.").replace("%1", "; ".join(na))
            if c.note:
                text += " " + c.note
            lines.append(text)
        self.self_check.setText("\n".join(lines))
        self.self_check.setVisible(bool(lines))
        # A technician without a login signed on paper: the foreman records it.
        self._paper = checks.on_paper[0] if checks.on_paper else None
        self.paper_check.setVisible(self._paper is not None and self._may_paper)
        if self._paper is not None:
            self.paper_check.setText(self.tr("Record %1's self-check…").replace("%1", self._paper[1]))

    def _record_paper_check(self) -> SelfCheckDialog | None:
        if self._paper is None or self.view is None:
            return None
        dialog = SelfCheckDialog(
            self.ctx,
            self.view.id,
            f"{self.view.vehicle.plate} · {self.view.number}",
            self,
            technician=self._paper,
        )
        dialog.open()
        return dialog

    def _load_checklist(self, view: ROView) -> None:
        items = quality.read_checklist(actor=self.ctx.actor, ro_id=view.id, lang=self.ctx.lang)
        if self._items_ro == view.id and items == self._items:
            return
        ticks = [b.isChecked() for b in self.boxes] if self._items_ro == view.id else []
        for box in self.boxes:
            self.items_layout.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        for i, text in enumerate(items):
            # A concern is the customer's words, any length: wrapped, "…" past four lines.
            box = WrapCheckBox(text, self.items_group)
            box.setObjectName(f"qc_item_{i}")
            box.setChecked(i < len(ticks) and ticks[i])
            self.items_layout.insertWidget(i, box)
            self.boxes.append(box)
        self._items = items
        self._items_ro = view.id

    def _fill_history(self, view: ROView) -> None:
        self.history.setRowCount(0)
        roads = {"done": self.tr("Done"), "not_needed": self.tr("Not needed")}
        for q in reversed(view.qc_checks):
            r = self.history.rowCount()
            self.history.insertRow(r)
            result = "✓ " + self.tr("Passed") if q.passed else "✗ " + self.tr("Failed")
            bad = [label for label, ok in q.items if not ok]
            if not q.nothing_left:
                bad.append(self.tr("something left in the car"))
            if not q.no_new_damage:
                bad.append(self.tr("new body damage"))
            road = roads.get(q.road_test, q.road_test)
            if q.road_test_result:
                road += f" — {q.road_test_result}"
            values = [
                fmt.datetime(q.at),
                q.inspector,
                result,
                road,
                q.completion_cert_no,
                "; ".join(bad + ([q.notes] if q.notes else [])),
            ]
            for c, v in enumerate(values):
                self.history.setItem(r, c, cell(v, data=q.id if c == 0 else None))
        fit_columns(self.history)  # one line a check: long notes end in "…", whole in the tooltip
        self.history.resizeRowsToContents()
        fit_height(self.history, 1, 6)

    # -- actions --------------------------------------------------------------------
    def _tick_all(self) -> None:
        for box in self.boxes:
            box.setChecked(True)

    def _all_ticked(self) -> bool:
        return (
            all(b.isChecked() for b in self.boxes)
            and self.nothing_left.isChecked()
            and self.no_damage.isChecked()
        )

    def _record(self, rework_line_ids: list[int] | None = None) -> Outcome[Any]:
        assert self.view is not None
        return self.ctx.ops.run(
            quality.record_qc,
            parent=self,
            ro_id=self.view.id,
            items=[(b.text(), b.isChecked()) for b in self.boxes],
            road_test="done" if self.road_test.currentIndex() == 1 else "not_needed",
            road_test_result=self.road_result.text(),
            nothing_left=self.nothing_left.isChecked(),
            no_new_damage=self.no_damage.isChecked(),
            first_service_invited=self.view.first_service and self.first_service.isChecked(),
            completion_cert_no=self.cert.text() if self.view.needs_certificate else "",
            notes=self.notes.text(),
            rework_line_ids=rework_line_ids,
        )

    def _pass(self) -> None:
        if self.view is None:
            return
        if not self._all_ticked():
            question = self.tr(
                "Not every check is ticked OK. Signing now records a FAILED inspection "
                "and sends the job back to the workshop. Sign it as failed?"
            )
            if not messages.confirm(self, question):
                return
        if self._record(self._rework_lines()).ok:
            self._clear()

    def _fail(self) -> None:
        if self.view is None:
            return
        if self._all_ticked():
            messages.error(self, self.tr("Untick what is not OK so the workshop knows what to rework."))
            return
        if self._record(self._rework_lines()).ok:
            self._clear()

    def _rework_lines(self) -> list[int] | None:
        """The approved labour lines whose item is not OK (None: send back all the work)."""
        assert self.view is not None
        lines = list(self.view.approved_lines)
        offset = len(self.boxes) - len(lines)
        ids = [
            line.id
            for i, line in enumerate(lines)
            if line.kind == LineKind.LABOUR
            and 0 <= offset + i < len(self.boxes)
            and not self.boxes[offset + i].isChecked()
        ]
        return ids or None

    def _clear(self) -> None:
        for box in self.boxes:
            box.setChecked(False)
        for check in (self.nothing_left, self.no_damage, self.first_service):
            check.setChecked(False)
        self.road_test.setCurrentIndex(0)
        self.road_result.clear()
        self.notes.clear()

    def _save_certificate(self) -> None:
        if self.view is None:
            return
        done = self.ctx.ops.run(
            quality.set_certificate,
            parent=self,
            ro_id=self.view.id,
            completion_cert_no=self.cert_after.text(),
        )
        if done.ok:
            self.cert_after.clear()


Page = QCPage
