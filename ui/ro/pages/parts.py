"""Step 6 — parts: each part line's status, what to tell the customer, the notify task."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import LIVE_LINES, LineKind, PartStatus
from advisor.services import parts
from advisor.services.views import LineView, ROView, TaskView
from ui import fmt
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.ro.pages.base import TITLE_STYLE, StepPage
from ui.tables import fill_rows, read_only_table


class PartsPage(StepPage):
    step = 6

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tasks: list[TaskView] = []
        self.heading = QLabel()
        self.heading.setStyleSheet(TITLE_STYLE)
        self.lines = read_only_table(5)
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.say_title = QLabel()
        self.say = QLabel()
        self.say.setWordWrap(True)
        self.say.setStyleSheet(
            "background: #fff8e1; color: #202124; padding: 8px; border: 1px solid #f9ab00;"
        )
        self.tasks_title = QLabel()
        self.task_list = read_only_table(2)
        self.task_list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.notified = QPushButton()
        self.notified.clicked.connect(self.customer_notified)
        self.notified.setObjectName("parts_customer_notified")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.next_banner)
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.say_title)
        layout.addWidget(self.say)
        layout.addWidget(self.tasks_title)
        layout.addWidget(self.task_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.notified)
        row.addStretch(1)
        layout.addLayout(row)
        self.guard(self.notified, "task.done")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Parts for this repair order"))
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Part no."),
                self.tr("Description"),
                self.tr("Qty"),
                self.tr("Status"),
                self.tr("What to tell the customer"),
            ]
        )
        self.say_title.setText(self.tr("Standard wording for a backorder"))
        self.tasks_title.setText(self.tr("Tasks: notify the customer"))
        self.task_list.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Since")])
        self.notified.setText(self.tr("Customer notified"))
        if self.view is not None:
            self.show_view(self.view)

    def wording(self, line: LineView) -> str:
        """What the advisor says about this part, in the user's language."""
        if line.part_status == PartStatus.ORDERED:
            if line.part_eta is not None:
                return self.tr(
                    "The part is ordered and expected on %1; we will call you as soon as it arrives."
                ).replace("%1", fmt.date(line.part_eta))
            return self.tr("The part is ordered; we will call you as soon as it arrives.")
        if line.part_status == PartStatus.ARRIVED:
            return self.tr("The part has arrived; we can start the work.")
        if line.part_status in (PartStatus.RESERVED, PartStatus.ISSUED):
            return self.tr("The part is in stock and set aside for your car.")
        return ""

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        part_lines = [x for x in view.lines if x.kind == LineKind.PART and x.status in LIVE_LINES]
        rows = []
        for x in part_lines:
            status = labels.part_status(x.part_status)
            if x.part_status == PartStatus.ORDERED and x.part_eta is not None:
                status += " — " + self.tr("ETA %1").replace("%1", fmt.date(x.part_eta))
            rows.append((x.code, x.description, f"{x.quantity.normalize():f}", status, self.wording(x)))
        fill_rows(self.lines, rows)
        for column in (0, 2, 3):
            self.lines.resizeColumnToContents(column)
        self.lines.resizeRowsToContents()
        backorders = [self.wording(x) for x in part_lines if x.part_status == PartStatus.ORDERED]
        self.say.setText("\n".join(dict.fromkeys(backorders)) or self.tr("No part is on backorder."))
        self.tasks = [
            t
            for t in parts.read_tasks_for(actor=self.ctx.actor, ro_id=view.id)
            if t.kind == "notify_customer"
        ]
        fill_rows(
            self.task_list,
            [
                (t.text_zh if self.ctx.lang.startswith("zh") else t.text_en, fmt.datetime(t.created_at))
                for t in self.tasks
            ],
        )
        if self.tasks:
            self.task_list.selectRow(0)
        self.notified.setEnabled(bool(self.tasks))

    def customer_notified(self) -> object:
        """The customer was told their parts arrived: the task is done."""
        row = self.task_list.currentRow()
        if not 0 <= row < len(self.tasks):
            return None
        return self.ctx.ops.run(parts.complete_task, parent=self, task_id=self.tasks[row].id)


Page = PartsPage
