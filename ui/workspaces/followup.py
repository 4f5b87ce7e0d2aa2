"""Follow-up: the queue of calls due 24–48 h after handover — due, overdue, upcoming,
done — and the call form for the selected one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import FollowUpStatus, FollowUpTiming, words
from advisor.services import followup
from advisor.services.opchanges import Kind
from advisor.services.views import FollowUpView
from ui.context import AppContext
from ui.followup_form import STATUS_COLOURS, STATUS_MARKS, FollowUpForm, status_label
from ui.ro.pages._closing import full_datetime
from ui.rows_model import RowsModel
from ui.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class QueueModel(RowsModel[FollowUpView]):
    """One row per follow-up call."""

    COLUMNS = 8

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        f = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            outcome = ""
            if f.status == FollowUpStatus.DONE:
                outcome = "✓ " + self.tr("Solved") if f.solved else "✗ " + self.tr("Not solved")
                if f.recheck_appointment_id is not None:
                    outcome += " · " + self.tr("recheck #%1").replace("%1", str(f.recheck_appointment_id))
            elif f.attempts:
                outcome = self.tr("%1 unanswered").replace("%1", str(f.attempts))
            status = STATUS_MARKS.get(f.status, "") + status_label(f.status)
            if f.timing in (FollowUpTiming.LATE, FollowUpTiming.EARLY_CUSTOMER):
                status += " · " + words(FollowUpTiming, f.timing)
            values = [
                status,
                f.ro_number,
                f.customer_name,
                f.phone,
                f.plate,
                f.advisor,
                f"{full_datetime(f.due_from)} – {full_datetime(f.due_to)}",
                outcome,
            ]
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            if f.timing == FollowUpTiming.LATE:
                return QBrush(QColor(STATUS_COLOURS["overdue"]))
            return QBrush(QColor(STATUS_COLOURS.get(f.status, "#000000")))
        if role == Qt.ItemDataRole.FontRole and col == 0 and f.status == FollowUpStatus.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return f.ro_id
        if role == STATUS_ROLE:
            return f.status
        return None


class FollowUpWorkspace(Workspace):
    key = "followup"
    permission = "followup.log"
    icon_name = "SP_DialogYesButton"
    shows = Kind.FOLLOWUP | Kind.RO | Kind.CUSTOMERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = QueueModel(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("fu_summary")
        self.show_done = QCheckBox(self)
        self.show_done.setObjectName("fu_show_done")
        self.show_done.toggled.connect(self.refresh)
        self.mine_only = QCheckBox(self)
        self.mine_only.setObjectName("fu_mine_only")
        self.mine_only.toggled.connect(self.refresh)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("fu_refresh")
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("fu_open_ro")
        self.open_button.clicked.connect(self._open_ro)
        self.open_button.setVisible(ctx.may("ro.view"))  # customer service: the queue only

        self.table = QTableView(self)
        self.table.setObjectName("fu_queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open_ro)

        self.form = FollowUpForm(ctx, self)
        self.form.setObjectName("fu_form")
        self.form.logged.connect(lambda _f: self.refresh())
        form_scroll = QScrollArea(self)
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.mine_only)
        top.addWidget(self.show_done)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(form_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 560])
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Follow-up")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Follow-up calls"))
        self.show_done.setText(self.tr("Show done calls"))
        self.mine_only.setText(self.tr("My customers only"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Re-read the queue (F5)"))
        self.open_button.setText(self.tr("Open RO"))
        self.model.set_headers(
            [
                self.tr("Status"),
                self.tr("RO"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Plate"),
                self.tr("Advisor"),
                self.tr("Due (24–48 h after handover)"),
                self.tr("Outcome"),
            ]
        )
        self._update_summary()

    def refresh(self) -> None:
        selected = self._current_ro()
        rows = followup.read_queue(
            actor=self.ctx.actor,
            include_done=self.show_done.isChecked(),
            advisor_id=self.ctx.actor.user_id if self.mine_only.isChecked() else None,
        )
        order = {"overdue": 0, "due": 1, "upcoming": 2, "unreachable": 3, "done": 4}
        rows.sort(key=lambda f: (order.get(f.status, 5), f.due_to))
        self.model.set_rows(rows)
        self._update_summary()
        row = next((i for i, f in enumerate(rows) if f.ro_id == selected), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.form.set_follow_up(rows[row])
        else:
            self.form.set_follow_up(None)

    def _update_summary(self) -> None:
        counts: dict[str, int] = {}
        for f in self.model.rows:
            counts[f.status] = counts.get(f.status, 0) + 1
        text = self.tr("%1 overdue · %2 due · %3 upcoming")
        text = text.replace("%1", str(counts.get("overdue", 0))).replace("%2", str(counts.get("due", 0)))
        text = text.replace("%3", str(counts.get("upcoming", 0)))
        if self.show_done.isChecked():
            late = sum(1 for f in self.model.rows if f.timing == FollowUpTiming.LATE)
            text += " · " + self.tr("%1 done (%2 late)").replace("%1", str(counts.get("done", 0))).replace(
                "%2", str(late)
            )
        self.summary.setText(text)
        self.summary.setStyleSheet("color:#c62828; font-weight:bold;" if counts.get("overdue") else "")

    def _current_ro(self) -> int | None:
        index = self.table.currentIndex()
        return None if not index.isValid() else int(self.model.data(index, ID_ROLE))

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.model.rows):
            self.form.set_follow_up(self.model.rows[current.row()])

    def _open_ro(self) -> None:
        ro_id = self._current_ro()
        if ro_id is not None and self.ctx.may("ro.view"):
            self.open_ro.emit(ro_id)

    def select_ro(self, ro_id: int) -> bool:
        """Select the call of RO ``ro_id`` in the queue; False when it is not listed."""
        for i, f in enumerate(self.model.rows):
            if f.ro_id == ro_id:
                self.table.selectRow(i)
                self.form.set_follow_up(f)
                return True
        return False


WORKSPACE = FollowUpWorkspace
