"""Appointments: capacity per slot (technician time and bays) against bookings, by day
or week; booking with an explicit override for a full slot; tomorrow's reconfirmation
calls; no-shows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import APPOINTMENT_HOLDS, AppointmentStatus, ReconfirmOutcome, words
from advisor.services import appointments
from advisor.services.opchanges import Kind
from advisor.services.views import AppointmentView, CapacitySlot
from ui import fmt
from ui.appointment_prep import ArrivalsDialog
from ui.booking_dialog import BookingDialog
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, to_qdatetime
from ui.workspace import Workspace

FREE, BUSY, FULL = "#e8f5e9", "#fff8e1", "#ffebee"


def status_label(status: str) -> str:
    return words(AppointmentStatus, status)


def outcome_label(outcome: str) -> str:
    return words(ReconfirmOutcome, outcome) if outcome else "—"


def slot_state(slot: CapacitySlot) -> tuple[str, str]:
    """(text, colour) of a slot: colours AND words."""
    if slot.full:
        return QCoreApplication.translate("Appointments", "✗ FULL"), FULL
    if slot.booked_min or slot.bays_booked:
        return QCoreApplication.translate("Appointments", "● some room"), BUSY
    return QCoreApplication.translate("Appointments", "○ free"), FREE


def _item(text: str, *, right: bool = False, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class ChangeDialog(QDialog):
    """Move an appointment to another time, or cancel it with the customer's reason."""

    def __init__(self, appointment: AppointmentView, *, cancel: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appt_change")
        self.cancelling = cancel
        who = f"{appointment.customer_name} · {appointment.plate} · {fmt.datetime(appointment.starts_at)}"
        self.setWindowTitle(self.tr("Cancel appointment") if cancel else self.tr("Move appointment"))
        self.when = QDateTimeEdit(to_qdatetime(appointment.starts_at), self)
        self.when.setObjectName("appt_new_time")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("appt_cancel_reason")
        self.reason.setPlaceholderText(self.tr("e.g. the customer is travelling"))
        form = QFormLayout(self)
        form.addRow(QLabel(who, self))
        if cancel:
            self.when.hide()
            form.addRow(self.tr("&Reason"), self.reason)
        else:
            self.reason.hide()
            form.addRow(self.tr("&New time"), self.when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.reason if cancel else self.when).setFocus()

    def new_time(self) -> dt.datetime:
        return from_qdatetime(self.when.dateTime())


class AppointmentsWorkspace(Workspace):
    key = "appointments"
    permission = "appointment.book"
    icon_name = "SP_FileDialogContentsView"
    # bookings, arrivals, parts for them, capacity
    shows = Kind.APPOINTMENTS | Kind.CUSTOMERS | Kind.RO | Kind.PARTS | Kind.SETTINGS
    shortcut = "Ctrl+4"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        top = self._build_day_bar()
        self._build_calendar()
        self._build_bookings()
        self._build_reconfirm()
        for table in (self.bookings, self.reconfirm):
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stack, 3)
        left_layout.addWidget(self.bookings_box, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.reconfirm_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate()

    def _build_day_bar(self) -> QHBoxLayout:
        """The day (◀ ▶, today), day or week, the legend and "Book appointment"."""
        self.day = QDateEdit(self)
        self.day.setObjectName("appt_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd ddd")
        self.day.setDate(QDate.currentDate())
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.prev_button = QPushButton("◀", self)
        self.prev_button.setObjectName("appt_prev")
        self.prev_button.clicked.connect(lambda: self._move(-1))
        self.next_button = QPushButton("▶", self)
        self.next_button.setObjectName("appt_next")
        self.next_button.clicked.connect(lambda: self._move(1))
        self.today_button = QPushButton(self)
        self.today_button.setObjectName("appt_today")
        self.today_button.clicked.connect(lambda: self.day.setDate(QDate.currentDate()))
        self.mode = QComboBox(self)
        self.mode.setObjectName("appt_mode")
        self.mode.addItems(["", ""])
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.book_button = QPushButton(self)
        self.book_button.setObjectName("appt_book")
        self.book_button.clicked.connect(lambda: self.book())
        QShortcut(
            QKeySequence("Ctrl+N"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        ).activated.connect(lambda: self.book())
        self.legend = QLabel(self)
        top = QHBoxLayout()
        for w in (self.prev_button, self.day, self.next_button, self.today_button, self.mode):
            top.addWidget(w)
        top.addWidget(self.legend, 1)
        top.addWidget(self.book_button)
        return top

    def _build_calendar(self) -> None:
        """The day's slots or the week's load, one at a time; a slot books on Enter or double-click."""
        self.slots = QTableWidget(0, 5, self)
        self.slots.setObjectName("appt_slots")
        self.week = QTableWidget(0, 7, self)
        self.week.setObjectName("appt_week")
        for table in (self.slots, self.week):
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.cellActivated.connect(lambda row, col, t=table: self._book_at_cell(t, row, col))
            table.cellDoubleClicked.connect(lambda row, col, t=table: self._book_at_cell(t, row, col))
        self.week.verticalHeader().show()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.slots)
        self.stack.addWidget(self.week)

    def _build_bookings(self) -> None:
        """The day's bookings with move, cancel and no-show."""
        self.bookings_box = QGroupBox(self)
        self.bookings = QTableWidget(0, 6, self)
        self.bookings.setObjectName("appt_bookings")
        self.no_show_button = QPushButton(self)
        self.no_show_button.setObjectName("appt_no_show")
        self.no_show_button.clicked.connect(self.no_show)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("appt_move")
        self.move_button.clicked.connect(lambda: self.change(self._selected_id(self.bookings)))
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("appt_cancel")
        self.cancel_button.clicked.connect(lambda: self.change(self._selected_id(self.bookings), cancel=True))
        box = QVBoxLayout(self.bookings_box)
        box.addWidget(self.bookings)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.move_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.no_show_button)
        box.addLayout(row)

    def _build_reconfirm(self) -> None:
        """Tomorrow's appointments to reconfirm, an outcome button each (Alt+1…)."""
        self.reconfirm_box = QGroupBox(self)
        self.reconfirm = QTableWidget(0, 5, self)
        self.reconfirm.setObjectName("reconfirm_list")
        self.outcome_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for n, outcome in enumerate(appointments.RECONFIRM_OUTCOMES, start=1):
            b = QPushButton(self)
            b.setObjectName(f"reconfirm_{outcome}")
            b.clicked.connect(lambda _=False, o=outcome: self.record_outcome(o))
            b.setShortcut(QKeySequence(f"Alt+{n}"))
            buttons.addWidget(b)
            self.outcome_buttons[outcome] = b
        self.prepare_button = QPushButton(self)
        self.prepare_button.setObjectName("appt_prepare")
        self.prepare_button.clicked.connect(self.prepare)
        rbox = QVBoxLayout(self.reconfirm_box)
        rbox.addWidget(self.reconfirm)
        rbox.addLayout(buttons)
        prep_row = QHBoxLayout()
        prep_row.addStretch(1)
        prep_row.addWidget(self.prepare_button)
        rbox.addLayout(prep_row)

    def title(self) -> str:
        return self.tr("Appointments")

    def retranslate(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.mode.setItemText(0, self.tr("Day"))
        self.mode.setItemText(1, self.tr("Week"))
        self.book_button.setText(self.tr("Book appointment… (Ctrl+N)"))
        self.legend.setText(self.tr("○ free   ● some room   ✗ full — Enter or double-click a slot to book"))
        self.slots.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Technician time"),
                self.tr("Bays"),
                self.tr("Load"),
                self.tr("Bookings"),
            ]
        )
        self.bookings_box.setTitle(self.tr("Bookings of the day"))
        self.bookings.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Customer"),
                self.tr("Plate"),
                self.tr("Status"),
                self.tr("Duration"),
                self.tr("Requested work"),
            ]
        )
        self.no_show_button.setText(self.tr("Mark no-show"))
        self.move_button.setText(self.tr("Move…"))
        self.move_button.setToolTip(
            self.tr("Another time for the selected appointment (capacity checked again)")
        )
        self.cancel_button.setText(self.tr("Cancel…"))
        self.cancel_button.setToolTip(self.tr("The customer cancels: kept on file with the reason"))
        self.reconfirm_box.setTitle(self.tr("Reconfirm tomorrow's appointments"))
        self.reconfirm.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Customer"),
                self.tr("Plate"),
                self.tr("Outcome"),
                self.tr("Requested work"),
            ]
        )
        self.prepare_button.setText(self.tr("P&repare arrivals…"))
        self.prepare_button.setToolTip(
            self.tr(
                "Tick each appointment's preparation: parts, technician and bay, amount and time told, booklet"
            )
        )
        for n, (outcome, b) in enumerate(self.outcome_buttons.items(), start=1):
            b.setText(f"{outcome_label(outcome)} (Alt+{n})")
        if not self._stale:
            self.refresh()

    # -- reading -------------------------------------------------------------------
    def selected_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def _move(self, sign: int) -> None:
        self.day.setDate(self.day.date().addDays(sign * (7 if self.mode.currentIndex() else 1)))

    def refresh(self) -> None:
        day = self.selected_day()
        self.stack.setCurrentIndex(self.mode.currentIndex())
        if self.mode.currentIndex() == 0:
            self._fill_day(day)
        else:
            self._fill_week(day)
        self._fill_bookings(appointments.read_appointments_on(actor=self.ctx.actor, day=day))
        self._fill_reconfirm(appointments.read_reconfirmation_list(actor=self.ctx.actor))

    def _fill_day(self, day: dt.date) -> None:
        slots = appointments.read_capacity(actor=self.ctx.actor, day=day)
        booked = appointments.read_appointments_on(actor=self.ctx.actor, day=day)
        self.slots.setRowCount(len(slots))
        for row, slot in enumerate(slots):
            text, colour = slot_state(slot)
            here = [
                a
                for a in booked
                if a.status in APPOINTMENT_HOLDS
                and a.starts_at < slot.end
                and a.starts_at + dt.timedelta(minutes=a.duration_min) > slot.start
            ]
            cells = [
                _item(f"{fmt.time(slot.start)}–{fmt.time(slot.end)}", data=slot.start),
                _item(
                    self.tr("%1 of %2 min")
                    .replace("%1", str(slot.booked_min))
                    .replace("%2", str(slot.capacity_min)),
                    right=True,
                ),
                _item(
                    self.tr("%1 of %2").replace("%1", str(slot.bays_booked)).replace("%2", str(slot.bays)),
                    right=True,
                ),
                _item(text),
                _item(", ".join(f"{a.plate} {a.requested_work}" for a in here)),
            ]
            for col, item in enumerate(cells):
                item.setBackground(QBrush(QColor(colour)))
                self.slots.setItem(row, col, item)
        header = self.slots.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _fill_week(self, day: dt.date) -> None:
        monday = day - dt.timedelta(days=day.weekday())
        days = [monday + dt.timedelta(days=i) for i in range(7)]
        self.week.setHorizontalHeaderLabels([fmt.date(d) for d in days])
        per_day = [appointments.read_capacity(actor=self.ctx.actor, day=d) for d in days]
        hours = len(per_day[0])
        self.week.setRowCount(hours)
        self.week.setVerticalHeaderLabels([fmt.time(s.start) for s in per_day[0]])
        for col, slots in enumerate(per_day):
            for row, slot in enumerate(slots):
                text, colour = slot_state(slot)
                item = _item(
                    f"{text}\n"
                    + self.tr("%1/%2 min · %3/%4 bays")
                    .replace("%1", str(slot.booked_min))
                    .replace("%2", str(slot.capacity_min))
                    .replace("%3", str(slot.bays_booked))
                    .replace("%4", str(slot.bays)),
                    data=slot.start,
                )
                item.setBackground(QBrush(QColor(colour)))
                self.week.setItem(row, col, item)
        self.week.resizeRowsToContents()
        self.week.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_bookings(self, rows: list[AppointmentView]) -> None:
        self.bookings.setRowCount(len(rows))
        for r, a in enumerate(rows):
            for c, item in enumerate(
                [
                    _item(fmt.time(a.starts_at), data=a.id),
                    _item(a.customer_name),
                    _item(a.plate),
                    _item(status_label(a.status)),
                    _item(fmt.minutes(a.duration_min), right=True),
                    _item(a.requested_work),
                ]
            ):
                self.bookings.setItem(r, c, item)

    def _fill_reconfirm(self, rows: list[AppointmentView]) -> None:
        keep = self._selected_id(self.reconfirm)
        self.reconfirm.setRowCount(len(rows))
        for r, a in enumerate(rows):
            for c, item in enumerate(
                [
                    _item(fmt.time(a.starts_at), data=a.id),
                    _item(a.customer_name),
                    _item(a.plate),
                    _item(outcome_label(a.reconfirm_outcome)),
                    _item(a.requested_work),
                ]
            ):
                self.reconfirm.setItem(r, c, item)
            if a.id == keep:
                self.reconfirm.selectRow(r)

    @staticmethod
    def _selected_id(table: QTableWidget) -> int | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # -- actions -------------------------------------------------------------------
    def _book_at_cell(self, table: QTableWidget, row: int, col: int) -> None:
        item = table.item(row, col if table is self.week else 0)
        if item is not None and isinstance(item.data(Qt.ItemDataRole.UserRole), dt.datetime):
            self.book(starts_at=item.data(Qt.ItemDataRole.UserRole))

    def booking_dialog(self, **kw: object) -> BookingDialog:
        return BookingDialog(self.ctx, self, **kw)  # type: ignore[arg-type]

    def book(self, *, starts_at: dt.datetime | None = None) -> None:
        self.booking_dialog(starts_at=starts_at).exec()

    def record_outcome(self, outcome: str) -> None:
        appointment_id = self._selected_id(self.reconfirm)
        if appointment_id is not None:
            done = self.ctx.ops.run(
                appointments.reconfirm,
                parent=self,
                appointment_id=appointment_id,
                outcome=outcome,
            )
            if done.ok and outcome == "rescheduled":
                self.change(appointment_id)  # on the phone still: agree the new time now

    def change_dialog(self, appointment: AppointmentView, *, cancel: bool = False) -> ChangeDialog:
        return ChangeDialog(appointment, cancel=cancel, parent=self)

    def change(self, appointment_id: int | None, *, cancel: bool = False) -> AppointmentView | None:
        """Move the appointment to a new time or cancel it (asks first)."""
        if appointment_id is None:
            return None
        current = appointments.read_appointment(actor=self.ctx.actor, appointment_id=appointment_id)
        dialog = self.change_dialog(current, cancel=cancel)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if cancel:
            result = self.ctx.ops.run(
                appointments.cancel_appointment,
                parent=self,
                appointment_id=appointment_id,
                reason=dialog.reason.text().strip(),
            )
        else:
            result = self.ctx.ops.run(
                appointments.reschedule,
                parent=self,
                appointment_id=appointment_id,
                version=current.version,
                starts_at=dialog.new_time(),
                confirm=(appointments.OverbookedError, {"override": True}),
            )
        return result.value if result.ok else None

    def prepare(self) -> ArrivalsDialog:
        """Tomorrow's arrivals list (as the reconfirmation list beside it; another day
        can be picked in it)."""
        dialog = ArrivalsDialog(self.ctx, None, self)
        dialog.open()
        return dialog

    def no_show(self) -> None:
        appointment_id = self._selected_id(self.bookings)
        if appointment_id is not None:
            self.ctx.ops.run(appointments.mark_no_show, parent=self, appointment_id=appointment_id)


WORKSPACE = AppointmentsWorkspace
