"""Tomorrow's arrivals, prepared (001: 将信息传递给相关人员,做好客户来店前的准备): each
appointment still expected with its five preparation items — parts reserved, technician
and bay planned, amount told, time told, booklet reminded — ticked one by one, each tick
saved and audited at once (``standards.tick_prep``). A tick refused (parts not arrived,
no technician and bay written) springs back and says why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import PrepItem
from advisor.services import standards
from advisor.services.opchanges import Kind, OpChanges
from advisor.services.standards import PrepRow
from ui import fmt
from ui.context import AppContext

FIXED = 3  # time, customer and plate, requested work


class ArrivalsDialog(QDialog):
    """The arrivals list of a day (tomorrow by default), one row per appointment."""

    def __init__(self, ctx: AppContext, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("arrivals_dialog")
        self.setMinimumSize(1100, 420)
        self.rows: list[PrepRow] = []
        self.boxes: dict[tuple[int, str], QCheckBox] = {}
        self.plans: dict[int, QLineEdit] = {}
        self.day = QDateEdit()
        self.day.setObjectName("arrivals_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        when = day or (dt.date.today() + dt.timedelta(days=1))
        self.day.setDate(QDate(when.year, when.month, when.day))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.summary = QLabel()
        self.summary.setObjectName("arrivals_summary")
        self.table = QTableWidget(0, FIXED + len(PrepItem) + 1, self)
        self.table.setObjectName("arrivals_table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("arrivals_close")
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        # Another desk's tick, a part arriving, an appointment moved: read again (the
        # live bridge reaches ``ops.changed`` too).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(150)
        self._later.timeout.connect(self.refresh)
        ctx.ops.changed.connect(self._on_changed)

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(Kind.APPOINTMENTS | Kind.PARTS):
            self._later.start()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Arrivals: preparation before the customers come"))
        self.day_label.setText(self.tr("&Day:"))
        words = {
            PrepItem.PARTS: self.tr("Parts reserved"),
            PrepItem.PLANNED: self.tr("Technician and bay planned"),
            PrepItem.AMOUNT: self.tr("Amount told"),
            PrepItem.TIME: self.tr("Time told"),
            PrepItem.BOOKLET: self.tr("Booklet reminded"),
        }
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Customer"), self.tr("Requested work")]
            + [words[i] for i in PrepItem]
            + [self.tr("Technician and bay")]
        )

    def selected_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    # -- reading ---------------------------------------------------------------------
    def refresh(self) -> None:
        # What is typed in a plan and not saved yet stays through a re-read.
        typed = {a: p.text() for a, p in self.plans.items() if p.isModified()}
        self.rows = standards.read_arrivals(actor=self.ctx.actor, day=self.selected_day())
        self.boxes.clear()
        self.plans.clear()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            self._fill_row(r, row)
            if row.appointment_id in typed:
                self.plans[row.appointment_id].setText(typed[row.appointment_id])
                self.plans[row.appointment_id].setModified(True)
        ready = sum(1 for row in self.rows if row.complete)
        self.summary.setText(
            self.tr("%1 of %2 appointments fully prepared")
            .replace("%1", str(ready))
            .replace("%2", str(len(self.rows)))
        )
        self.table.resizeColumnsToContents()

    def _fill_row(self, r: int, row: PrepRow) -> None:
        texts = [
            fmt.time(row.starts_at),
            f"{row.customer} · {row.plate}",
            row.requested_work + (f" · {row.parts_needed}" if row.parts_needed else ""),
        ]
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(r, c, item)
        for c, tick in enumerate(row.ticks, start=FIXED):
            box = QCheckBox()
            box.setObjectName(f"prep_{row.appointment_id}_{tick.item}")
            box.setChecked(tick.done)
            if not tick.applicable:
                box.setEnabled(False)
                box.setText(self.tr("not needed"))
            elif tick.item == PrepItem.PARTS and row.parts_waiting:
                box.setToolTip(
                    self.tr("%1 part order(s) not arrived yet").replace("%1", str(row.parts_waiting))
                )
            elif tick.done and tick.done_by:
                box.setToolTip(
                    self.tr("Ticked by %1 on %2")
                    .replace("%1", tick.done_by)
                    .replace("%2", fmt.datetime(tick.done_at))
                )
            box.toggled.connect(lambda on, a=row.appointment_id, i=tick.item: self.tick(a, i, on))
            self.boxes[(row.appointment_id, tick.item)] = box
            cell = QWidget()  # the box centred in its cell, as small as its indicator
            lay = QHBoxLayout(cell)
            lay.setContentsMargins(4, 0, 4, 0)
            lay.addStretch(1)
            lay.addWidget(box)
            lay.addStretch(1)
            self.table.setCellWidget(r, c, cell)
        plan = QLineEdit()
        plan.setObjectName(f"prep_{row.appointment_id}_plan")
        plan.setPlaceholderText(self.tr("e.g. 赵磊 · bay 2"))
        plan.setText(next(t.note for t in row.ticks if t.item == PrepItem.PLANNED))
        plan.editingFinished.connect(lambda a=row.appointment_id: self._plan_edited(a))
        self.plans[row.appointment_id] = plan
        self.table.setCellWidget(r, FIXED + len(PrepItem), plan)

    # -- acting ----------------------------------------------------------------------
    def _plan_edited(self, appointment_id: int) -> None:
        """The plan changed after it was ticked: saved (and audited) at once."""
        plan = self.plans.get(appointment_id)
        box = self.boxes.get((appointment_id, PrepItem.PLANNED))
        row = next((r for r in self.rows if r.appointment_id == appointment_id), None)
        if plan is None or box is None or row is None or not box.isChecked() or not plan.isModified():
            return
        saved = next(t.note for t in row.ticks if t.item == PrepItem.PLANNED)
        if plan.text().strip() == saved:
            return
        plan.setModified(False)
        outcome = self.ctx.ops.run(
            standards.tick_prep,
            parent=self,
            appointment_id=appointment_id,
            item=PrepItem.PLANNED,
            note=plan.text(),
        )
        if outcome.ok:
            QTimer.singleShot(0, self.refresh)

    def tick(self, appointment_id: int, item: str, on: bool) -> None:
        note = self.plans[appointment_id].text() if item == PrepItem.PLANNED else ""
        outcome = self.ctx.ops.run(
            standards.tick_prep, parent=self, appointment_id=appointment_id, item=item, done=on, note=note
        )
        if not outcome.ok:  # refused: the tick springs back
            box = self.boxes[(appointment_id, item)]
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            return
        QTimer.singleShot(0, self.refresh)  # not inside the box's own signal: refresh replaces it
