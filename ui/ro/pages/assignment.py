"""Step 7 — work assignment: each labour line with its technician, bay and plan, or Assign…"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from advisor.codes import LineKind, LineStatus
from advisor.services.views import AssignmentView, LineView, ROView
from ui import fmt
from ui import workshop_labels as labels
from ui.assign_dialog import AssignDialog
from ui.context import AppContext
from ui.ro.pages.base import TITLE_STYLE, StepPage
from ui.tables import fill_rows, read_only_table


class AssignmentPage(StepPage):
    step = 7

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[tuple[LineView, AssignmentView | None]] = []
        self.heading = QLabel()
        self.heading.setStyleSheet(TITLE_STYLE)
        self.promise = QLabel()
        self.jobs = read_only_table(7)
        self.jobs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.jobs.itemSelectionChanged.connect(self._update_buttons)
        self.jobs.itemDoubleClicked.connect(lambda _i: self.assign_selected())
        self.assign_btn = QPushButton()
        self.assign_btn.clicked.connect(self.assign_selected)
        self.assign_btn.setObjectName("assign_job")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.next_banner)
        layout.addWidget(self.promise)
        layout.addWidget(self.jobs, 1)
        row = QHBoxLayout()
        row.addWidget(self.assign_btn)
        row.addStretch(1)
        layout.addLayout(row)
        self.may_assign = self.guard(self.assign_btn, "work.assign")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Work assignment"))
        self.jobs.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("Skill"),
                self.tr("Hours"),
                self.tr("Line"),
                self.tr("Technician"),
                self.tr("Bay"),
                self.tr("Plan"),
            ]
        )
        self.assign_btn.setText(self.tr("Assign…"))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self.promise.setText(
            self.tr("Promised to the customer: %1").replace("%1", fmt.datetime(view.promised_at))
            if view.promised_at
            else self.tr("No promised time yet")
        )
        latest = {a.line_id: a for a in view.assignments}
        self.rows = [
            (x, latest.get(x.id))
            for x in view.lines
            if x.kind == LineKind.LABOUR
            and (x.status == LineStatus.APPROVED or x.change_request_id is not None)
            and x.status != LineStatus.DECLINED
        ]
        out = []
        for line, a in self.rows:
            state = (
                self.tr("approved")
                if line.status == LineStatus.APPROVED
                else self.tr("awaiting the customer's consent")
            )
            if a is None:
                out.append(
                    (
                        line.description,
                        labels.skill(line.skill),
                        f"{line.quantity.normalize():f}",
                        state,
                        self.tr("not assigned"),
                        "",
                        "",
                    )
                )
            else:
                plan = f"{fmt.datetime(a.planned_start)} – {fmt.time(a.planned_end)} · {labels.state_text(a)}"
                out.append(
                    (
                        line.description,
                        labels.skill(line.skill),
                        f"{line.quantity.normalize():f}",
                        state,
                        a.technician,
                        a.bay,
                        plan,
                    )
                )
        fill_rows(self.jobs, out)
        self.jobs.resizeColumnsToContents()
        self.jobs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def select_line(self, line_id: int) -> bool:
        for r, (line, _a) in enumerate(self.rows):
            if line.id == line_id:
                self.jobs.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.jobs.currentRow()
        self.assign_btn.setEnabled(0 <= row < len(self.rows) and self.rows[row][1] is None)

    def assign_selected(self) -> AssignDialog | None:
        """The dispatch dialog for the selected line (the same one the dispatcher uses)."""
        row = self.jobs.currentRow()
        if self.view is None or not 0 <= row < len(self.rows) or self.rows[row][1] is not None:
            return None
        if not self.may_assign:  # a double-click by who does not dispatch: the banner says who
            return None
        line = self.rows[row][0]
        dialog = AssignDialog(
            self.ctx,
            line_id=line.id,
            job=f"{self.view.vehicle.plate} · {line.description}",
            hours=line.quantity,
            promised_at=self.view.promised_at,
            parent=self,
        )
        dialog.open()
        return dialog


Page = AssignmentPage
