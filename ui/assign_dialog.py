"""Dispatch one job: technician (best placed first), bay, planned start and end (step 7).

Used by the dispatch workspace and by the RO's assignment page. The suggestions show why
each technician is placed where they are: the job's skill (and its certificate: lapsed or
expiring soon), level, measured speed, load and free time. A plan that breaks dispatch
rules is refused with every rule named, and the dialog then asks the foreman's reason to
assign it anyway; a plan ending after the promise shows the delay to put to the customer
(new promised time and why), raised with the assignment in one step.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.errors import SessionExpired
from advisor.services import workshop
from ui import fmt, messages
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, to_qdatetime
from ui.operations import Outcome
from ui.tables import read_only_table


def next_quarter(at: dt.datetime) -> dt.datetime:
    """The next quarter hour: plans start on the clock's quarters."""
    base = at.replace(second=0, microsecond=0)
    return base + dt.timedelta(minutes=(15 - base.minute % 15) % 15 or 0)


class AssignDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        *,
        line_id: int,
        job: str,
        hours: Decimal | float = 1,
        promised_at: dt.datetime | None = None,
        day: dt.date | None = None,
        technician_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.line_id = line_id
        self.result_view: Any = None
        self.setMinimumWidth(640)
        day = day or dt.date.today()
        self.job = QLabel(job)
        self.job.setWordWrap(True)
        font = self.job.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.job.setFont(font)
        self.promised = QLabel()
        self._promised_at = promised_at
        self.suggested = read_only_table(6, stretch_last=True)
        self.suggested.setObjectName("assignSuggested")
        self.technician = QComboBox()
        self.bay = QComboBox()
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.assign)
        self.buttons.rejected.connect(self.reject)
        self._build_answers()
        self._fill_suggestions(line_id, day)
        self._fill_choices(day, technician_id, hours)
        self.end.dateTimeChanged.connect(lambda _d: self._show_delay_if_late())

        self.form = QFormLayout()
        self.labels_ = [QLabel() for _ in range(5)]
        self.form.addRow(self.job)
        self.form.addRow(self.promised)
        self.form.addRow(self.labels_[0], self.suggested)
        self.form.addRow(self.labels_[1], self.technician)
        self.form.addRow(self.labels_[2], self.bay)
        self.form.addRow(self.labels_[3], self.start)
        self.form.addRow(self.labels_[4], self.end)
        self.form.addRow(self.problems)
        self.form.addRow(self.override_label, self.override_reason)
        self.form.addRow(self.delay)
        self.form.addRow(self.delay_label, self.new_promise)
        self.form.addRow(self.delay_reason_label, self.delay_reason)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._show_override(False)
        self._show_delay_if_late()

    def _build_answers(self) -> None:
        """The answers to a refusal: the broken rules and the reason to override them; the
        delay to ask the customer for (new promised time and why), in this same step."""
        self.problems = QLabel()
        self.problems.setObjectName("assignProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.hide()
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("assignOverrideReason")
        self.override_reason.setMaxLength(500)
        self.override_label = QLabel()
        self.override_label.setBuddy(self.override_reason)
        self.delay = QCheckBox()
        self.delay.setObjectName("assignRaiseDelay")
        self.delay.setChecked(True)
        # As wide as its words: a click anywhere on it toggles it.
        self.delay.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.delay.toggled.connect(lambda _on: self._delay_fields())
        self.new_promise = QDateTimeEdit()
        self.new_promise.setObjectName("assignNewPromise")
        self.new_promise.setCalendarPopup(True)
        self.new_promise.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.delay_reason = QLineEdit()
        self.delay_reason.setObjectName("assignDelayReason")
        self.delay_reason.setMaxLength(500)
        self.delay_label = QLabel()
        self.delay_label.setBuddy(self.new_promise)
        self.delay_reason_label = QLabel()
        self.delay_reason_label.setBuddy(self.delay_reason)

    def _show_override(self, shown: bool) -> None:
        self.override_label.setVisible(shown)
        self.override_reason.setVisible(shown)

    def _late(self) -> bool:
        end = from_qdatetime(self.end.dateTime())
        return self._promised_at is not None and end.replace(second=0) > self._promised_at.replace(
            second=0, microsecond=0
        )

    def _show_delay_if_late(self) -> None:
        """A plan past the promise offers the delay (ticked, the new time just after the
        plan's end); a plan in time hides it."""
        late = self._late()
        self.delay.setVisible(late)
        if late:
            end = from_qdatetime(self.end.dateTime())
            if from_qdatetime(self.new_promise.dateTime()) < end:
                self.new_promise.setDateTime(to_qdatetime(workflow.suggested_promise(end)))
        self._delay_fields()

    def _delay_fields(self) -> None:
        on = not self.delay.isHidden() and self.delay.isChecked()
        for w in (self.delay_label, self.new_promise, self.delay_reason_label, self.delay_reason):
            w.setVisible(on)

    def _fill_suggestions(self, line_id: int, day: dt.date) -> None:
        """The technicians suggested for the line: level, skills, load and free time that day."""
        suggestions = workshop.read_suggest_technicians(actor=self.ctx.actor, line_id=line_id, day=day)
        self._suggested_ids = [t.id for t in suggestions]
        for t in suggestions:
            row = self.suggested.rowCount()
            self.suggested.insertRow(row)
            for col, text in enumerate(
                (
                    t.name,
                    *self._why(t),
                    labels.minutes(t.load_min),
                    labels.minutes(t.free_min),
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.suggested.setItem(row, col, item)
        self.suggested.resizeColumnsToContents()
        self.suggested.itemSelectionChanged.connect(self._pick_suggested)

    def _why(self, t: Any) -> tuple[str, str, str]:
        """The suggestion's reasons in words: skill (certificate), level, measured speed."""
        if not t.holds_skill:
            skill = self.tr("✗ no")
            if t.certificate and t.certificate_expired:
                skill = self.tr("✗ certificate %1 expired %2").replace("%1", t.certificate)
                skill = skill.replace("%2", fmt.date(t.certificate_expires_on))
        elif t.certificate and t.certificate_expiring:
            skill = self.tr("✓ certificate expires %1").replace("%1", fmt.date(t.certificate_expires_on))
        else:
            skill = self.tr("✓ yes")
        speed = (
            self.tr("%1% of standard time (%2 jobs)")
            .replace("%1", str(t.speed_pct))
            .replace("%2", str(t.speed_jobs))
            if t.speed_pct is not None
            else self.tr("not measured yet")
        )
        return skill, labels.level(t.level), speed

    def _fill_choices(self, day: dt.date, technician_id: int | None, hours: Decimal | float) -> None:
        """Every technician and bay of the day; the given or first suggested technician, and
        the next quarter hour to the job's length."""
        for t in workshop.read_technicians(actor=self.ctx.actor, day=day):
            self.technician.addItem(t.name, t.id)
        self.bay.addItem("", None)
        for b in workshop.read_bays(actor=self.ctx.actor, day=day):
            self.bay.addItem(f"{b.code} — {b.name}", b.id)
        chosen = technician_id
        if chosen is None and self._suggested_ids:
            chosen = self._suggested_ids[0]
        if chosen is not None:
            self.technician.setCurrentIndex(max(self.technician.findData(chosen), 0))
        start = next_quarter(dt.datetime.now())
        self.start.setDateTime(to_qdatetime(start))
        minutes = max(int(Decimal(hours) * 60), 15)
        self.end.setDateTime(to_qdatetime(start + dt.timedelta(minutes=minutes)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Assign a job"))
        self.promised.setText(
            self.tr("Promised to the customer: %1").replace("%1", fmt.datetime(self._promised_at))
            if self._promised_at
            else self.tr("No promised time yet")
        )
        self.suggested.setHorizontalHeaderLabels(
            [
                self.tr("Technician"),
                self.tr("Has the skill"),
                self.tr("Level"),
                self.tr("Speed (90 days)"),
                self.tr("Load"),
                self.tr("Free"),
            ]
        )
        self.suggested.resizeColumnsToContents()  # to the headings too, in this language
        for label, text in zip(
            self.labels_,
            (
                self.tr("Suggested"),
                self.tr("Technician"),
                self.tr("Bay"),
                self.tr("Planned start"),
                self.tr("Planned end"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.bay.setItemText(0, self.tr("(no bay)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        self.override_label.setText(self.tr("&Reason to assign anyway:"))
        self.delay.setText(self.tr("Ask the customer for a &delay (change request)"))
        self.delay_label.setText(self.tr("&New promised time:"))
        self.delay_reason_label.setText(self.tr("&Why it is late:"))

    def _pick_suggested(self) -> None:
        items = self.suggested.selectedItems()
        if items:
            self.technician.setCurrentIndex(self.technician.findData(items[0].data(Qt.ItemDataRole.UserRole)))

    def set_plan(
        self,
        *,
        technician_id: int | None = None,
        bay_id: int | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
    ) -> None:
        """Fill the form (keyboard-free callers: tests, the board)."""
        if technician_id is not None:
            self.technician.setCurrentIndex(self.technician.findData(technician_id))
        if bay_id is not None:
            self.bay.setCurrentIndex(self.bay.findData(bay_id))
        if start is not None:
            self.start.setDateTime(to_qdatetime(start))
        if end is not None:
            self.end.setDateTime(to_qdatetime(end))

    def assign(self) -> Any:
        """Dispatch the job (with the override reason and the delay, when given). Closes on
        success; a refusal is shown in the dialog, with what answers it."""
        kw: dict[str, Any] = {}
        if not self.override_reason.isHidden() and self.override_reason.text().strip():
            kw["override_reason"] = self.override_reason.text()
        if not self.delay.isHidden() and self.delay.isChecked():
            kw["delay_reason"] = self.delay_reason.text()
            kw["new_promised_at"] = from_qdatetime(self.new_promise.dateTime())
        result: Outcome[Any] = self.ctx.ops.run(
            workshop.assign,
            parent=self,
            quiet=True,
            line_id=self.line_id,
            technician_id=self.technician.currentData(),
            bay_id=self.bay.currentData(),
            planned_start=from_qdatetime(self.start.dateTime()),
            planned_end=from_qdatetime(self.end.dateTime()),
            **kw,
        )
        if result.ok:
            self.result_view = result.value
            self.accept()
            return result
        err = result.error
        if isinstance(err, workshop.DispatchRefused | workshop.DelayNeeded):
            # Answered here: the rules broken and the field that answers them.
            self.problems.setText(err.message())
            self.problems.show()
            if isinstance(err, workshop.DispatchRefused):
                self._show_override(True)
                self.override_reason.setFocus()
            else:
                self._show_delay_if_late()
                self.delay_reason.setFocus()
        elif err is not None and not isinstance(err, SessionExpired):
            messages.error(self, err.message())
        return result
