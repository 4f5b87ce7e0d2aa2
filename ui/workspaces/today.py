"""Today: the advisor's day — what needs them, then three lanes: Arriving, Waiting,
In progress.

One click or Enter on a waiting or in-progress row opens its RO; on a "Needs me" row it
opens the RO at the step where the action is taken; Enter (or the button) on an
appointment records the arrival and opens the new RO.
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
from advisor.codes import Role
from advisor.services import appointments, orders, reception
from advisor.services.inbox import NeedItem
from advisor.services.opchanges import Kind
from ui import fmt
from ui.context import AppContext
from ui.desk.lanes import ID_ROLE, ArrivingModel, InProgressModel, WaitingModel
from ui.desk.needs import NeedsModel, NeedsWatcher
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


def _lane(view: QTableView) -> tuple[QWidget, QLabel]:
    """A lane: the view under its bold title (the title's buddy is the view)."""
    lane = QWidget()
    box = QVBoxLayout(lane)
    box.setContentsMargins(0, 0, 0, 0)
    title = QLabel()
    title.setBuddy(view)
    bold = title.font()
    bold.setBold(True)
    title.setFont(bold)
    box.addWidget(title)
    box.addWidget(view, 1)
    return lane, title


LANE_SHARES = (27, 25, 48)  # In progress needs the room: step, promise and badges
NEEDS_MAX = 45  # per cent of the height "Needs me" may take above the lanes (it fits its rows)
NEEDS_ROWS = (2, 9)  # the rows it shows at least and at most before it scrolls


class TodayWorkspace(Workspace):
    key = "today"
    permission = "ro.view"
    icon_name = "SP_FileDialogDetailedView"
    shows = Kind.ALL & ~(Kind.USERS | Kind.SOLICITATION | Kind.AUDIT)  # arrivals and every open RO's state

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build_lanes()
        top = self._build_top()
        splitter = self._build_splitter()
        self.splitter = splitter
        self._sized = False
        self._needs_sized_by_hand = False
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        if self.needs_view is not None:
            self.setTabOrder(self.needs_view, self.arriving_view)
        self.setTabOrder(self.arriving_view, self.waiting_view)
        self.setTabOrder(self.waiting_view, self.progress_view)

        # Alt+1/2/3 jump to a lane, Alt+4 to "Needs me".
        lanes = [self.arriving_view, self.waiting_view, self.progress_view]
        if self.needs_view is not None:
            lanes.append(self.needs_view)
        for n, view in enumerate(lanes, 1):
            QShortcut(QKeySequence(f"Alt+{n}"), self, view.setFocus)

        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.tick)
        self.clock.start()
        self.retranslate()
        if self.watcher is not None:
            self._show_needs(self.watcher.items)

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
        self._build_needs()

    def _build_needs(self) -> None:
        """What waits on this advisor (advisors and managers): read by the session's
        watcher, which also puts the count on the rail and tells the tray."""
        self.needs: NeedsModel | None = None
        self.needs_view: QTableView | None = None
        self.watcher: NeedsWatcher | None = None
        if not self.ctx.may("needs.view"):
            return
        # A manager sees every advisor's items: whose each is.
        self.needs = NeedsModel(show_advisor=self.ctx.actor.role == Role.MANAGER)
        self.needs_view = _table(self.needs, "needsMe")
        self.needs_view.activated.connect(self._need_activated)
        self.needs_view.clicked.connect(self._need_activated)
        self.watcher = NeedsWatcher.of(self.ctx)
        self.watcher.updated.connect(self._show_needs)

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
        self.refresh_button.clicked.connect(self.reload)
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
        """The lanes side by side, each under its bold title (the title's buddy is the lane);
        "Needs me" across the top, above them, for who has it."""
        self.lane_titles: list[QLabel] = []
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.arriving_view, self.waiting_view, self.progress_view):
            lane, title = _lane(view)
            self.lane_titles.append(title)
            splitter.addWidget(lane)
        for position, factor in enumerate(LANE_SHARES):
            splitter.setStretchFactor(position, factor)
        self.lanes_splitter = splitter
        self.needs_title: QLabel | None = None
        if self.needs_view is None:
            return splitter
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.setObjectName("todaySplitter")
        lane, self.needs_title = _lane(self.needs_view)
        outer.addWidget(lane)
        outer.addWidget(splitter)
        outer.setStretchFactor(1, 1)
        outer.setChildrenCollapsible(False)
        outer.splitterMoved.connect(self._needs_dragged)
        return outer

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
        for model in (self.arriving, self.waiting, self.in_progress, self.needs):
            if model is not None:
                model.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The first real size gives In progress its larger share (and "Needs me" its part of
        # the height); the user may drag later.
        lanes = self.lanes_splitter
        if not self._sized and self.isVisible() and lanes.width() > 100:
            self._sized = True
            total = lanes.width()
            lanes.setSizes([total * share // 100 for share in LANE_SHARES])
        if self.needs_view is not None:
            QTimer.singleShot(0, self, self._fit_needs)  # once the splitter has its new height

    def _needs_dragged(self) -> None:
        self._needs_sized_by_hand = True

    def _fit_needs(self) -> None:
        """The "Needs me" lane as high as its rows (two to nine, at most NEEDS_MAX per cent of the
        height; its title alone when nothing waits); the lanes below get the rest. Not once
        the user dragged the divider."""
        view, title = self.needs_view, self.needs_title
        high = self.splitter.height()
        if view is None or title is None or self._needs_sized_by_hand or high < 200 or not self.isVisible():
            return
        count = len(self.needs.items) if self.needs else 0
        low, most = NEEDS_ROWS
        rows = min(max(count, low), most)
        row = view.verticalHeader().defaultSectionSize()
        frame = 2 * view.frameWidth()
        want = title.sizeHint().height() + 4
        if count:
            want += view.horizontalHeader().sizeHint().height() + rows * row + frame + 4
        want = min(want, high * NEEDS_MAX // 100)
        self.splitter.setSizes([want, high - want])

    # ---- data -------------------------------------------------------------------------
    def reload(self) -> None:
        """F5: the lanes and what needs the user, read again now."""
        self.refresh()
        if self.watcher is not None:
            self.watcher.refresh()

    def refresh(self) -> None:
        now = dt.datetime.now()
        self.arriving.set_rows(orders.read_arrivals_today(actor=self.ctx.actor, at=now))
        open_ros = orders.read_open_orders(actor=self.ctx.actor, at=now)
        waiting = [r for r in open_ros if r.step == workflow.Step.RECEPTION]
        self.waiting.now = self.in_progress.now = now
        self.waiting.set_rows(sorted(waiting, key=lambda r: r.arrived_at))
        self.in_progress.set_rows([r for r in open_ros if r.step != workflow.Step.RECEPTION])
        self._title_lanes()

    def _show_needs(self, items: list[NeedItem]) -> None:
        """What the watcher read (after any change here or at another desk, every minute)."""
        if self.needs is None:
            return
        self.needs.now = dt.datetime.now()
        self.needs.set_rows(items)
        if self.needs_view is not None:
            self.needs_view.setVisible(bool(items))  # nothing waits: the title says so, alone
        self._title_lanes()
        self._fit_needs()

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
        if self.needs_title is not None and self.needs is not None:
            count = len(self.needs.items)
            if self.needs.show_advisor:  # a manager: every advisor's
                text = self.tr("Needs the advisors (%1)")
            elif count:
                text = self.tr("Needs me (%1)")
            else:
                text = self.tr("Needs me (%1): nothing waits on you")
            self.needs_title.setText(text.replace("%1", str(count)))
            self.needs_title.setToolTip(
                self.tr("What waits on you: a click opens the repair order at the step to act on (Alt+4)")
            )

    def tick(self) -> None:
        """Every second: the waiting timers and the promise countdowns move on."""
        if not self.isVisible():
            return
        now = dt.datetime.now()
        self.waiting.tick(now)
        self.in_progress.tick(now)
        if self.needs is not None and now.second == 0:  # "(12 min ago)" moves on a minute
            self.needs.tick(now)

    # ---- actions ----------------------------------------------------------------------
    def _ro_activated(self, index: QModelIndex) -> None:
        ro_id = index.data(ID_ROLE)
        if ro_id is not None:
            self.open_ro.emit(int(ro_id))

    def _need_activated(self, index: QModelIndex) -> None:
        ro_id = index.data(ID_ROLE)
        complaint = self.needs.complaint_of(index.row()) if self.needs is not None else 0
        if complaint:
            self.open_complaint.emit(complaint)
        elif ro_id is not None and self.needs is not None:
            self.open_ro_at.emit(int(ro_id), self.needs.step_of(index.row()))

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
