"""Today: the advisor's day in three lanes — Arriving, Waiting, In progress.

One click or Enter on a waiting or in-progress row opens its RO; Enter (or the button)
on an appointment records the arrival and opens the new RO.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.services import appointments, orders, reception
from advisor.services.opchanges import Kind
from ui import fmt
from ui.context import AppContext
from ui.desk.lanes import ID_ROLE, ArrivingModel, InProgressModel, WaitingModel
from ui.workspace import Workspace


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns to the rows on screen, not to all 300 (the default reads 1,000 rows
    # of every column at each refresh).
    view.horizontalHeader().setResizeContentsPrecision(0)
    view.setWordWrap(False)
    return view


LANE_SHARES = (27, 25, 48)  # In progress needs the room: step, promise and badges


class TodayWorkspace(Workspace):
    key = "today"
    permission = None
    icon_name = "SP_FileDialogDetailedView"
    shows = Kind.ALL & ~(Kind.USERS | Kind.SOLICITATION | Kind.AUDIT)  # arrivals and every open RO's state

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build_lanes()
        top = self._build_top()
        splitter = self._build_splitter()
        self.splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.arriving_view, self.waiting_view)
        self.setTabOrder(self.waiting_view, self.progress_view)

        # Alt+1/2/3 jump to a lane (the lane titles carry the mnemonic too).
        for n, view in enumerate((self.arriving_view, self.waiting_view, self.progress_view), 1):
            QShortcut(QKeySequence(f"Alt+{n}"), self, view.setFocus)

        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.tick)
        self.clock.start()
        self.retranslate()

    def _build_lanes(self) -> None:
        """The three lanes' models and tables: arriving, waiting, in progress."""
        self.arriving = ArrivingModel()
        self.waiting = WaitingModel()
        self.in_progress = InProgressModel()
        self.arriving_view = _table(self.arriving, "arriving")
        self.waiting_view = _table(self.waiting, "waiting")
        # The wait is what the lane is for: it keeps its width, a long name gives way.
        waiting_header = self.waiting_view.horizontalHeader()
        waiting_header.setStretchLastSection(False)
        waiting_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.progress_view = _table(self.in_progress, "inProgress")
        self.arriving_view.activated.connect(self._arrival_activated)
        for view in (self.waiting_view, self.progress_view):
            view.activated.connect(self._ro_activated)
            view.clicked.connect(self._ro_activated)

    def _build_top(self) -> QHBoxLayout:
        """The day's heading, record arrival, walk-in (Ctrl+N) and refresh (F5)."""
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.arrive_button = QPushButton()
        self.arrive_button.clicked.connect(self.record_arrival)
        self.walk_in_button = QPushButton()
        self.walk_in_button.setShortcut(QKeySequence("Ctrl+N"))
        self.walk_in_button.clicked.connect(self.walk_in)
        self.refresh_button = QPushButton()
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)
        may_open = self.ctx.may("ro.open")
        self.arrive_button.setEnabled(may_open)
        self.walk_in_button.setEnabled(may_open)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.arrive_button)
        top.addWidget(self.walk_in_button)
        top.addWidget(self.refresh_button)
        return top

    def _build_splitter(self) -> QSplitter:
        """The lanes side by side, each under its bold title (the title's buddy is the lane)."""
        self.lane_titles: list[QLabel] = []
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.arriving_view, self.waiting_view, self.progress_view):
            lane = QWidget()
            box = QVBoxLayout(lane)
            box.setContentsMargins(0, 0, 0, 0)
            title = QLabel()
            title.setBuddy(view)
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            self.lane_titles.append(title)
            box.addWidget(title)
            box.addWidget(view, 1)
            splitter.addWidget(lane)
        for position, factor in enumerate(LANE_SHARES):
            splitter.setStretchFactor(position, factor)
        return splitter

    def title(self) -> str:
        return self.tr("Today")

    def retranslate(self) -> None:
        today = fmt.date(dt.date.today(), long=True)
        self.heading.setText(self.tr("Today — %1").replace("%1", today))
        self.arrive_button.setText(self.tr("Record &arrival"))
        self.arrive_button.setToolTip(
            self.tr("The selected appointment's car has arrived: open its repair order (Enter)")
        )
        self.walk_in_button.setText(self.tr("&Walk-in…"))
        self.walk_in_button.setToolTip(self.tr("A customer without an appointment (Ctrl+N)"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the lanes again (F5)"))
        self._title_lanes()
        for model in (self.arriving, self.waiting, self.in_progress):
            model.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The first real width gives In progress its larger share; the user may drag later.
        if not self._sized and self.isVisible() and self.splitter.width() > 100:
            self._sized = True
            total = self.splitter.width()
            self.splitter.setSizes([total * share // 100 for share in LANE_SHARES])

    # ---- data -------------------------------------------------------------------------
    def refresh(self) -> None:
        now = dt.datetime.now()
        self.arriving.set_rows(orders.read_arrivals_today(actor=self.ctx.actor, at=now))
        open_ros = orders.read_open_orders(actor=self.ctx.actor, at=now)
        waiting = [r for r in open_ros if r.step == workflow.Step.RECEPTION]
        self.waiting.now = self.in_progress.now = now
        self.waiting.set_rows(sorted(waiting, key=lambda r: r.arrived_at))
        self.in_progress.set_rows([r for r in open_ros if r.step != workflow.Step.RECEPTION])
        self._title_lanes()

    def _title_lanes(self) -> None:
        """Each lane's title with its count of rows."""
        counts = (len(self.arriving.items), len(self.waiting.items), len(self.in_progress.items))
        names = (self.tr("Arriving (%1)"), self.tr("Waiting (%1)"), self.tr("In progress (%1)"))
        tips = (self.tr("Today's appointments (Alt+1)"),
                self.tr("Arrived, not yet greeted or checked in (Alt+2)"),
                self.tr("Open repair orders (Alt+3)"))  # fmt: skip
        for title, name, count, tip in zip(self.lane_titles, names, counts, tips, strict=True):
            title.setText(name.replace("%1", str(count)))
            title.setToolTip(tip)

    def tick(self) -> None:
        """Every second: the waiting timers and the promise countdowns move on."""
        if not self.isVisible():
            return
        now = dt.datetime.now()
        self.waiting.tick(now)
        self.in_progress.tick(now)

    # ---- actions ----------------------------------------------------------------------
    def _ro_activated(self, index: QModelIndex) -> None:
        ro_id = index.data(ID_ROLE)
        if ro_id is not None:
            self.open_ro.emit(int(ro_id))

    def _arrival_activated(self, index: QModelIndex) -> None:
        self.arriving_view.selectRow(index.row())
        self.record_arrival()

    def record_arrival(self) -> None:
        """The selected appointment's car is here: open its RO (or show the one opened)."""
        index = self.arriving_view.currentIndex()
        if not index.isValid():
            return
        arrival = self.arriving.items[index.row()]
        if arrival.ro_id is not None:
            self.open_ro.emit(arrival.ro_id)
            return

        appt = appointments.read_appointment(actor=self.ctx.actor, appointment_id=arrival.appointment_id)
        opened = self.ctx.ops.run(
            reception.open_repair_order, parent=self, vehicle_id=appt.vehicle_id, appointment_id=appt.id
        )
        if opened.ok:
            self.open_ro.emit(opened.value)

    def walk_in(self) -> None:
        """A customer without an appointment: find or register the car, open the RO."""
        from ui.desk.walk_in import WalkInDialog  # not needed to show Today (start-up time)

        dialog = WalkInDialog(self.ctx, self)
        if dialog.exec() != WalkInDialog.DialogCode.Accepted or dialog.vehicle_id is None:
            return
        opened = self.ctx.ops.run(reception.open_repair_order, parent=self, vehicle_id=dialog.vehicle_id)
        if opened.ok:
            self.open_ro.emit(opened.value)


WORKSPACE = TodayWorkspace
