"""Dispatch one job: technician (skills matching first), bay, planned start and end (step 7).

Used by the dispatch workspace and by the RO's assignment page. An assignment that
would miss the promised time asks first, with the domain's own warning.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.services import workshop
from ui import fmt
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, to_qdatetime
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
        self.suggested = read_only_table(5, stretch_last=True)
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
        self._fill_suggestions(line_id, day)
        self._fill_choices(day, technician_id, hours)

        self.form = QFormLayout()
        self.labels_ = [QLabel() for _ in range(5)]
        self.form.addRow(self.job)
        self.form.addRow(self.promised)
        self.form.addRow(self.labels_[0], self.suggested)
        self.form.addRow(self.labels_[1], self.technician)
        self.form.addRow(self.labels_[2], self.bay)
        self.form.addRow(self.labels_[3], self.start)
        self.form.addRow(self.labels_[4], self.end)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()

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
                    labels.level(t.level),
                    labels.skills(t.skills),
                    labels.minutes(t.load_min),
                    labels.minutes(t.free_min),
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.suggested.setItem(row, col, item)
        self.suggested.resizeColumnsToContents()
        self.suggested.itemSelectionChanged.connect(self._pick_suggested)

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
            [self.tr("Technician"), self.tr("Level"), self.tr("Skills"), self.tr("Load"), self.tr("Free")]
        )
        self.suggested.resizeColumnsToContents()  # to the headings too, in this language
        for label, text in zip(
            self.labels_,
            (
                self.tr("Skills match"),
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
        """Dispatch the job; a late plan asks first. Closes on success."""
        result = self.ctx.ops.run(
            workshop.assign,
            parent=self,
            confirm=(workshop.LateWarning, {"accept_late": True}),
            line_id=self.line_id,
            technician_id=self.technician.currentData(),
            bay_id=self.bay.currentData(),
            planned_start=from_qdatetime(self.start.dateTime()),
            planned_end=from_qdatetime(self.end.dateTime()),
        )
        if result.ok:
            self.result_view = result.value
            self.accept()
        return result
