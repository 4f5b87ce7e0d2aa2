"""Dispatch (step 7): by time, people and equipment — who is free, which bay, which job."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from advisor.services import workshop
from advisor.services.opchanges import Kind
from advisor.services.workshop import JobView, TechnicianView
from ui import fmt
from ui import workshop_labels as labels
from ui.assign_dialog import AssignDialog
from ui.context import AppContext
from ui.tables import fill_rows, read_only_table
from ui.workspace import Workspace


def _table(columns: int) -> QTableWidget:
    return read_only_table(columns, alternating=True, stretch_last=True)


class DispatchWorkspace(Workspace):
    key = "dispatch"
    permission = "work.assign"
    icon_name = "SP_FileDialogListView"
    shows = Kind.BOARD | Kind.ESTIMATE | Kind.RO  # unassigned approved jobs, technicians, bays

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.jobs_: list[JobView] = []
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd ddd")  # not the locale's short "12/4/26"
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.day_label = QLabel()
        self.techs = _table(6)
        self.bays_ = _table(4)
        self.jobs = _table(7)
        self.jobs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.jobs.itemSelectionChanged.connect(self._show_suggestions)
        self.jobs.itemDoubleClicked.connect(lambda _i: self.assign_selected())
        self.suggested = _table(5)
        self.assign_btn = QPushButton()
        self.assign_btn.clicked.connect(self.assign_selected)
        self.titles = [QLabel() for _ in range(4)]
        for t in self.titles:
            font = t.font()
            font.setBold(True)
            t.setFont(font)

        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.titles[0])
        lv.addWidget(self.techs, 3)
        lv.addWidget(self.titles[1])
        lv.addWidget(self.bays_, 2)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.titles[2])
        rv.addWidget(self.jobs, 3)
        rv.addWidget(self.titles[3])
        rv.addWidget(self.suggested, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.assign_btn)
        rv.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 880])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Dispatch")

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Day"))
        self.titles[0].setText(self.tr("Technicians: skills, level, load and free time"))
        self.titles[1].setText(self.tr("Bays and equipment: booked time"))
        self.titles[2].setText(self.tr("Jobs to dispatch (approved, not yet assigned)"))
        self.titles[3].setText(self.tr("Suggested technicians for the selected job"))
        self.techs.setHorizontalHeaderLabels(
            [
                self.tr("Technician"),
                self.tr("Level"),
                self.tr("Skills"),
                self.tr("Load"),
                self.tr("Free"),
                self.tr("Now"),
            ]
        )
        self.bays_.setHorizontalHeaderLabels(
            [self.tr("Bay"), self.tr("Name"), self.tr("Kind"), self.tr("Booked")]
        )
        self.jobs.setHorizontalHeaderLabels(
            [
                self.tr("RO"),
                self.tr("Plate"),
                self.tr("Job"),
                self.tr("Skill"),
                self.tr("Hours"),
                self.tr("Promised"),
                self.tr("State"),
            ]
        )
        self.suggested.setHorizontalHeaderLabels(
            [
                self.tr("Technician"),
                self.tr("Has the skill"),
                self.tr("Level"),
                self.tr("Speed (90 days)"),
                self.tr("Free"),
            ]
        )
        self.assign_btn.setText(self.tr("Assign…"))
        self._refresh_if_visible()

    def selected_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def refresh(self) -> None:
        day = self.selected_day()
        techs = workshop.read_technicians(actor=self.ctx.actor, day=day)
        fill_rows(
            self.techs,
            [
                (
                    t.name,
                    labels.level(t.level),
                    labels.skills(t.skills),
                    labels.minutes(t.load_min),
                    labels.minutes(t.free_min),
                    self.tr("busy") if t.busy_now else self.tr("free"),
                )
                for t in techs
            ],
            [t.id for t in techs],
        )
        bays = workshop.read_bays(actor=self.ctx.actor, day=day)
        fill_rows(
            self.bays_,
            [(b.code, b.name, labels.bay_kind(b.kind), labels.minutes(b.occupied_min)) for b in bays],
        )
        keep = self.selected_job()
        self.jobs_ = workshop.read_unassigned_jobs(actor=self.ctx.actor)
        fill_rows(
            self.jobs,
            [
                (
                    j.ro_number,
                    j.plate,
                    j.description,
                    labels.skill(j.skill),
                    str(j.hours),
                    fmt.datetime(j.promised_at),
                    self.tr("awaiting the customer's consent") if j.awaiting_consent else self.tr("approved"),
                )
                for j in self.jobs_
            ],
            [j.line_id for j in self.jobs_],
        )
        for r, j in enumerate(self.jobs_):
            if j.awaiting_consent:
                for c in range(self.jobs.columnCount()):
                    item = self.jobs.item(r, c)
                    if item is not None:
                        item.setForeground(QBrush(QColor("#8a5a00")))
        for table in (self.techs, self.bays_, self.jobs):
            table.resizeColumnsToContents()
        self.jobs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if keep is not None:
            self.select_job(keep.line_id)
        self._show_suggestions()

    def selected_job(self) -> JobView | None:
        row = self.jobs.currentRow()
        return self.jobs_[row] if 0 <= row < len(self.jobs_) and self.jobs.selectedItems() else None

    def select_job(self, line_id: int) -> bool:
        for r, j in enumerate(self.jobs_):
            if j.line_id == line_id:
                self.jobs.selectRow(r)
                return True
        return False

    def _show_suggestions(self) -> None:
        job = self.selected_job()
        self.assign_btn.setEnabled(job is not None)
        if job is None:
            self.suggested.setRowCount(0)
            return
        techs = workshop.read_suggest_technicians(
            actor=self.ctx.actor, line_id=job.line_id, day=self.selected_day()
        )
        fill_rows(
            self.suggested,
            [
                (
                    t.name,
                    self._skill_word(t),
                    labels.level(t.level),
                    f"{t.speed_pct}%" if t.speed_pct is not None else "—",
                    labels.minutes(t.free_min),
                )
                for t in techs
            ],
            [t.id for t in techs],
        )
        self.suggested.resizeColumnsToContents()

    def _skill_word(self, t: TechnicianView) -> str:
        """✓ or ✗, and why a certificate matters: lapsed (a missing skill) or expiring soon."""
        if not t.holds_skill:
            return self.tr("✗ certificate expired") if t.certificate_expired else self.tr("✗ no")
        return self.tr("✓ certificate expires soon") if t.certificate_expiring else "✓"

    def assign_selected(self) -> AssignDialog | None:
        """Open the assignment dialog for the selected job (the suggestion picked, if any)."""
        job = self.selected_job()
        if job is None:
            return None
        picked = self.suggested.selectedItems()
        tech = picked[0].data(Qt.ItemDataRole.UserRole) if picked else None
        dialog = AssignDialog(
            self.ctx,
            line_id=job.line_id,
            job=f"{job.plate} · {job.ro_number} · {job.description}",
            hours=job.hours,
            promised_at=job.promised_at,
            day=self.selected_day(),
            technician_id=tech,
            parent=self,
        )
        dialog.open()
        return dialog


WORKSPACE = DispatchWorkspace
