"""Improvement actions (issue 17, item 14): the period's decline reasons and complaint
causes with their counts; the manager records an action against one (what, whose, by
when); its owner records the result. Overdue actions are marked (and on the dashboard)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import ComplaintLevel, ImprovementSource, words
from advisor.i18n import pick
from advisor.services import complaints, improvement
from advisor.services.improvement import ActionView, SourceCount
from ui import fmt
from ui.context import AppContext
from ui.tables import fill_rows, read_only_table

PERIOD_DAYS = 90


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class ImprovementPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sources: list[SourceCount] = []
        self.action_rows: list[ActionView] = []
        self.manages = ctx.may("improvement.manage")
        today = dt.date.today()
        self.start = QDateEdit(_qdate(today - dt.timedelta(days=PERIOD_DAYS)), self)
        self.start.setObjectName("imp_start")
        self.end = QDateEdit(_qdate(today), self)
        self.end.setObjectName("imp_end")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.levels = QLabel(self)
        self.levels.setObjectName("imp_levels")
        self.levels.setWordWrap(True)
        self.source_table = read_only_table(4, self, name="imp_sources", stretch_last=True)
        self.source_table.itemSelectionChanged.connect(self._source_chosen)
        self._build_form()
        self._build_actions()
        self.start_label = QLabel(self)
        self.start_label.setBuddy(self.start)
        self.end_label = QLabel(self)
        self.end_label.setBuddy(self.end)
        period = QHBoxLayout()
        period.addWidget(self.start_label)
        period.addWidget(self.start)
        period.addWidget(self.end_label)
        period.addWidget(self.end)
        period.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(period)
        left_layout.addWidget(self.levels)
        left_layout.addWidget(self.source_table, 1)
        left_layout.addWidget(self.form_box)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.actions_box)
        splitter.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.source_table.setVisible(self.manages)
        self.form_box.setVisible(self.manages)
        self.retranslate()

    def _build_form(self) -> None:
        self.form_box = QGroupBox(self)
        form = QFormLayout(self.form_box)
        self.chosen = QLabel(self.form_box)
        self.chosen.setObjectName("imp_chosen")
        self.what = QLineEdit(self.form_box)
        self.what.setObjectName("imp_what")
        self.owner = QComboBox(self.form_box)
        self.owner.setObjectName("imp_owner")
        self.due = QDateEdit(_qdate(dt.date.today() + dt.timedelta(days=14)), self.form_box)
        self.due.setObjectName("imp_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.record_button = QPushButton(self.form_box)
        self.record_button.setObjectName("imp_record")
        self.record_button.clicked.connect(self.record)
        self.chosen_label = QLabel(self.form_box)
        self.what_label = QLabel(self.form_box)
        self.what_label.setBuddy(self.what)
        self.owner_label = QLabel(self.form_box)
        self.owner_label.setBuddy(self.owner)
        self.due_label = QLabel(self.form_box)
        self.due_label.setBuddy(self.due)
        form.addRow(self.chosen_label, self.chosen)
        form.addRow(self.what_label, self.what)
        form.addRow(self.owner_label, self.owner)
        form.addRow(self.due_label, self.due)
        form.addRow(self.record_button)

    def _build_actions(self) -> None:
        self.actions_box = QGroupBox(self)
        box = QVBoxLayout(self.actions_box)
        self.show_done = QCheckBox(self.actions_box)
        self.show_done.setObjectName("imp_show_done")
        self.show_done.toggled.connect(lambda _on: self.refresh())
        self.action_table = read_only_table(5, self.actions_box, name="imp_actions", stretch_last=True)
        self.action_table.itemSelectionChanged.connect(self._action_chosen)
        self.result = QLineEdit(self.actions_box)
        self.result.setObjectName("imp_result")
        self.done_button = QPushButton(self.actions_box)
        self.done_button.setObjectName("imp_done")
        self.done_button.clicked.connect(self.complete)
        self.result_label = QLabel(self.actions_box)
        self.result_label.setBuddy(self.result)
        row = QHBoxLayout()
        row.addWidget(self.result_label)
        row.addWidget(self.result, 1)
        row.addWidget(self.done_button)
        box.addWidget(self.show_done)
        box.addWidget(self.action_table, 1)
        box.addLayout(row)

    def retranslate(self) -> None:
        self.start_label.setText(self.tr("&From"))
        self.end_label.setText(self.tr("&To"))
        self.source_table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Reason or cause"), self.tr("Count"), self.tr("Open actions")]
        )
        self.form_box.setTitle(self.tr("Record an improvement action"))
        self.chosen_label.setText(self.tr("Answers"))
        self.what_label.setText(self.tr("&What is to change"))
        self.owner_label.setText(self.tr("Own&er"))
        self.due_label.setText(self.tr("&Due by"))
        self.record_button.setText(self.tr("&Record action"))
        self.actions_box.setTitle(self.tr("Improvement actions"))
        self.show_done.setText(self.tr("Show done actions"))
        self.action_table.setHorizontalHeaderLabels(
            [
                self.tr("Status"),
                self.tr("What"),
                self.tr("Answers"),
                self.tr("Owner"),
                self.tr("Due / result"),
            ]
        )
        self.result_label.setText(self.tr("Re&sult"))
        self.done_button.setText(self.tr("Record res&ult"))
        self._source_chosen()
        self._fill_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reading -----------------------------------------------------------------------
    def period(self) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.combine(_pydate(self.start.date()), dt.time())
        return start, dt.datetime.combine(_pydate(self.end.date()) + dt.timedelta(days=1), dt.time())

    def refresh(self) -> None:
        start, end = self.period()
        stats = complaints.read_stats(actor=self.ctx.actor, start=start, end=end)
        parts = [f"{words(ComplaintLevel, lv.code)} {lv.raised}" for lv in stats.by_level]
        text = self.tr("Complaints: %1").replace("%1", " · ".join(parts))
        if stats.total.hours_to_close is not None:
            text += " · " + self.tr("closed in %1 on average").replace(
                "%1", fmt.duration(stats.total.hours_to_close * 3600)
            )
        self.levels.setText(text)
        if self.manages:
            self.sources = improvement.read_sources(actor=self.ctx.actor, start=start, end=end)
            fill_rows(
                self.source_table,
                [
                    (
                        words(ImprovementSource, s.source),
                        pick(s.label_en, s.label_zh),
                        str(s.count),
                        str(s.open_actions),
                    )
                    for s in self.sources
                ],
            )
            self.source_table.resizeColumnsToContents()
            if self.owner.count() == 0:
                for o in improvement.read_owners(actor=self.ctx.actor):
                    self.owner.addItem(o.name, o.user_id)
        self.action_rows = improvement.read_actions(
            actor=self.ctx.actor, include_done=self.show_done.isChecked()
        )
        self._fill_actions()

    def _fill_actions(self) -> None:
        rows = []
        for a in self.action_rows:
            if a.done_at is not None:
                status = "✓ " + self.tr("Done")
                last = a.result
            elif a.overdue:
                status = "⚠ " + self.tr("Overdue")
                last = fmt.date(a.due_on)
            else:
                status = self.tr("Open")
                last = fmt.date(a.due_on)
            rows.append((status, a.what, pick(a.source_en, a.source_zh), a.owner, last))
        fill_rows(self.action_table, rows)
        self.action_table.resizeColumnsToContents()
        self._action_chosen()

    def _current_source(self) -> SourceCount | None:
        row = self.source_table.currentRow()
        return (
            self.sources[row] if 0 <= row < len(self.sources) and self.source_table.selectedItems() else None
        )

    def _source_chosen(self) -> None:
        s = self._current_source()
        if s is None:
            self.chosen.setText(self.tr("Choose a reason or cause in the list."))
        else:
            self.chosen.setText(f"{words(ImprovementSource, s.source)}: {pick(s.label_en, s.label_zh)}")
        self.record_button.setEnabled(s is not None)

    def _current_action(self) -> ActionView | None:
        row = self.action_table.currentRow()
        return (
            self.action_rows[row]
            if 0 <= row < len(self.action_rows) and self.action_table.selectedItems()
            else None
        )

    def _action_chosen(self) -> None:
        a = self._current_action()
        mine = a is not None and (a.owner_id == self.ctx.actor.user_id or self.manages)
        self.done_button.setEnabled(a is not None and a.done_at is None and mine)

    # -- acting ------------------------------------------------------------------------
    def record(self) -> None:
        s = self._current_source()
        if s is None or self.owner.currentData() is None:
            return
        result = self.ctx.ops.run(
            improvement.record_action,
            parent=self,
            what=self.what.text(),
            source=s.source,
            source_code=s.code,
            owner_id=int(self.owner.currentData()),
            due_on=_pydate(self.due.date()),
        )
        if result.ok:
            self.what.clear()
            self.refresh()

    def complete(self) -> None:
        a = self._current_action()
        if a is None:
            return
        result = self.ctx.ops.run(
            improvement.complete_action, parent=self, action_id=a.id, result=self.result.text()
        )
        if result.ok:
            self.result.clear()
            self.refresh()
