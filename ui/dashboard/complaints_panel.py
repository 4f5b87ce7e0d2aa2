"""The dashboard's complaints and improvement panel (issue 17, items 13 and 14): the
escalations the manager should already have, the improvement actions past their day, and
the period's complaints by cause (raised, closed, accepted, escalated late, time to close)
and by level."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTableWidget, QWidget

from advisor.codes import ComplaintCause, ComplaintLevel, words
from advisor.services import improvement
from advisor.services.complaints import CauseCount
from advisor.services.improvement import DashboardPanel
from ui import fmt
from ui.context import AppContext
from ui.ro.pages._closing import full_datetime
from ui.tables import fill_rows, read_only_table


def _hours(value: float | None) -> str:
    return "—" if value is None else fmt.duration(value * 3600)


class ComplaintsPanel(QFrame):
    """Three tables side by side; ``load(start, end)`` reads them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardPanel | None = None
        self.setObjectName("dash_complaints")
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.escalations_label = QLabel(self)
        self.actions_label = QLabel(self)
        self.causes_label = QLabel(self)
        self.escalations = read_only_table(4, self, name="dash_overdue_escalations", stretch_last=True)
        self.action_table = read_only_table(3, self, name="dash_overdue_actions", stretch_last=True)
        self.causes = read_only_table(6, self, name="dash_complaint_causes", stretch_last=True)
        tables: tuple[QTableWidget, ...] = (self.escalations, self.action_table, self.causes)
        for table in tables:
            table.setMinimumHeight(150)
            table.setMaximumHeight(200)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 3)
        for col, (label, table) in enumerate(
            zip((self.escalations_label, self.actions_label, self.causes_label), tables, strict=True)
        ):
            grid.addWidget(label, 1, col)
            grid.addWidget(table, 2, col)
            grid.setColumnStretch(col, 2 if table is self.causes else 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Complaints and improvement"))
        self.escalations.setHorizontalHeaderLabels(
            [self.tr("Level"), self.tr("Customer"), self.tr("Due by"), self.tr("Cause")]
        )
        self.action_table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Owner"), self.tr("What")])
        self.causes.setHorizontalHeaderLabels(
            [
                self.tr("Cause"),
                self.tr("Raised"),
                self.tr("Closed"),
                self.tr("Accepted"),
                self.tr("Late to manager"),
                self.tr("Time to close"),
            ]
        )
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, start: dt.date, end: dt.date) -> None:
        """Read the panel for the period (the overdue lists are as of now)."""
        self.data = improvement.read_dashboard_panel(actor=self.ctx.actor, start=start, end=end)
        self._show()

    def _show(self) -> None:
        d = self.data
        escalations = [] if d is None else d.overdue_escalations
        actions = [] if d is None else d.overdue_actions
        mark = "⚠ " if escalations else ""
        self.escalations_label.setText(
            mark + self.tr("Escalations overdue: %1").replace("%1", str(len(escalations)))
        )
        self.escalations_label.setStyleSheet("color:#c62828; font-weight:bold;" if escalations else "")
        fill_rows(
            self.escalations,
            [
                (
                    words(ComplaintLevel, c.level),
                    c.customer_name,
                    full_datetime(c.escalate_by),
                    words(ComplaintCause, c.cause),
                )
                for c in escalations
            ],
        )
        mark = "⚠ " if actions else ""
        self.actions_label.setText(
            mark + self.tr("Improvement actions overdue: %1").replace("%1", str(len(actions)))
        )
        self.actions_label.setStyleSheet("color:#c62828; font-weight:bold;" if actions else "")
        fill_rows(self.action_table, [(fmt.date(a.due_on), a.owner, a.what) for a in actions])
        rows: list[tuple[str, ...]] = []
        if d is not None:
            rows = [self._cause_row(words(ComplaintCause, c.code), c) for c in d.stats.by_cause]
            rows += [self._cause_row(words(ComplaintLevel, c.code), c) for c in d.stats.by_level if c.raised]
            rows.append(self._cause_row(self.tr("All"), d.stats.total))
        total = 0 if d is None else d.stats.total.raised
        self.causes_label.setText(self.tr("Complaints raised in the period: %1").replace("%1", str(total)))
        fill_rows(self.causes, rows)
        for table in (self.escalations, self.action_table, self.causes):
            table.resizeColumnsToContents()

    @staticmethod
    def _cause_row(label: str, c: CauseCount) -> tuple[str, ...]:
        return (
            label,
            str(c.raised),
            str(c.closed),
            str(c.accepted),
            str(c.escalated_late),
            _hours(c.hours_to_close),
        )
