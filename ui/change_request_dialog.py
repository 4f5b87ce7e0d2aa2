"""Raise a change request from the workshop: extra work found, or a delay (step 8).

It goes to the advisor at once (Today shows the "consent" badge); nothing changes in
cost or promised time until the customer consents. A new promised time must be later
than the current promise (the services refuse anything else); the dialog offers the
current promise plus the extra labour hours (at least an hour), in whole minutes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor import money
from advisor.codes import ChangeKind, LineKind, PhotoSubject
from advisor.errors import UserError
from advisor.services import changes, workshop
from advisor.services.users import Actor
from ui import fmt, messages
from ui import workshop_labels as labels
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, to_qdatetime
from ui.pending_photos import PendingPhotos

TYPE, CODE, DESCRIPTION, QTY, PRICE, SKILL = range(6)
MIN_DELAY = dt.timedelta(hours=1)  # a delay with no extra labour: one hour more than promised


def suggested_promise(
    current: dt.datetime | None, extra_hours: Decimal, *, at: dt.datetime | None = None
) -> dt.datetime:
    """The new promised time to offer: the current promise (or now, when it has passed) plus
    the extra labour hours, at least ``MIN_DELAY``; whole minutes (a promise stored with
    seconds shows without them), rounded up."""
    start = at or dt.datetime.now()
    # The promise as people read it: 19:00:30 is 19:00, and 19:00 + 1 h is offered as 20:00.
    base = current.replace(second=0, microsecond=0) if current is not None and current > start else start
    extra = dt.timedelta(hours=float(extra_hours)) if extra_hours > 0 else dt.timedelta(0)
    t = base + max(extra, MIN_DELAY)
    if t.second or t.microsecond:
        t = t.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return t


def skill_codes(actor: Actor) -> list[str]:
    """The skills a job can ask for: the usual ones, then any other a technician has."""
    codes = list(labels.SKILLS)
    for t in workshop.read_technicians(actor=actor):
        codes.extend(s for s in t.skills if s not in codes)
    return codes


class ChangeRequestDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        *,
        ro_id: int,
        heading: str = "",
        promised_at: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ro_id = ro_id
        self.change_id: int | None = None
        self.promised_at = promised_at
        self.skill_codes = skill_codes(self.ctx.actor)
        self._suggesting = False
        self._when_edited = False  # once the user sets the time, the hours no longer move it
        self.setMinimumWidth(920)
        self._build_inputs(heading)
        self.suggest()
        self.when.dateTimeChanged.connect(self._when_changed)
        self.new_time.toggled.connect(self.when.setEnabled)
        self.table.itemChanged.connect(lambda _item: self.suggest())
        self.table.model().rowsInserted.connect(lambda *_a: self.suggest())
        self.table.model().rowsRemoved.connect(lambda *_a: self.suggest())
        self.extra.toggled.connect(lambda _on: self.suggest())
        self.delay.toggled.connect(self._delay_toggled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.retranslate()

    def _build_inputs(self, heading: str) -> None:
        """Extra work or a delay, the reason, the lines (priced only by who may edit an
        estimate) with their buttons, and the new promised time."""
        self.heading = QLabel(heading)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.extra = QRadioButton()
        self.delay = QRadioButton()
        self.extra.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.extra)
        kinds.addButton(self.delay)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(70)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # headings read whole
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(PRICE, not self.ctx.may("estimate.edit"))  # a foreman does not price
        self.add_labour_btn = QPushButton()
        self.add_part_btn = QPushButton()
        self.remove_btn = QPushButton()
        self.add_labour_btn.clicked.connect(lambda: self.add_line("labour"))
        self.add_part_btn.clicked.connect(lambda: self.add_line("part"))
        self.remove_btn.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.new_time = QCheckBox()
        self.when = QDateTimeEdit()
        self.when.setObjectName("change_new_promise")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        self.current_promise = QLabel()
        self.current_promise.setObjectName("change_current_promise")
        # Photos of what was found, added to the change once it is raised.
        self.photos = PendingPhotos(self.ctx)
        self.photos.setObjectName("change_photos_pending")

    def _lay_out(self) -> None:
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.extra)
        kind_row.addWidget(self.delay)
        kind_row.addStretch(1)
        line_buttons = QHBoxLayout()
        for b in (self.add_labour_btn, self.add_part_btn, self.remove_btn):
            line_buttons.addWidget(b)
        line_buttons.addStretch(1)
        time_row = QHBoxLayout()
        time_row.addWidget(self.new_time)
        time_row.addWidget(self.when)
        time_row.addWidget(self.current_promise)
        time_row.addStretch(1)
        self.form = QFormLayout()
        self.form.addRow(self.heading)
        self.kind_label = QLabel()
        self.reason_label = QLabel()
        self.lines_label = QLabel()
        self.form.addRow(self.kind_label, kind_row)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow(self.lines_label, self.table)
        self.form.addRow("", line_buttons)
        self.form.addRow("", time_row)
        self.photos_label = QLabel()
        if self.ctx.may("photo.add"):
            self.form.addRow(self.photos_label, self.photos)
        else:
            self.photos.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def extra_hours(self) -> Decimal:
        """The labour hours of the extra lines (what the delay will at least be)."""
        if not self.extra.isChecked():
            return Decimal(0)
        total = Decimal(0)
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, TYPE)
            if isinstance(combo, QComboBox) and combo.currentData() != LineKind.LABOUR:
                continue
            try:
                hours = Decimal(self._cell(row, QTY) or "0")
            except InvalidOperation:
                continue
            if hours.is_finite() and hours > 0:
                total += hours
        return total

    def suggest(self) -> None:
        """Offer the current promise plus the extra hours, until the user sets a time."""
        if self._when_edited:
            return
        self._suggesting = True
        try:
            self.when.setDateTime(to_qdatetime(suggested_promise(self.promised_at, self.extra_hours())))
        finally:
            self._suggesting = False

    def _when_changed(self, _value: QDateTime) -> None:
        if not self._suggesting:
            self._when_edited = True

    def _delay_toggled(self, on: bool) -> None:
        if on:  # a delay always comes with the new promised time
            self.new_time.setChecked(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Raise a change request"))
        self.extra.setText(self.tr("Extra work found"))
        self.delay.setText(self.tr("Delay"))
        self.kind_label.setText(self.tr("Kind"))
        self.reason_label.setText(self.tr("What was found / why late"))
        self.lines_label.setText(self.tr("Extra lines"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Type"),
                self.tr("Code / part no."),
                self.tr("Description"),
                self.tr("Hours / qty"),
                self.tr("Unit price (optional)"),
                self.tr("Skill"),
            ]
        )
        self.add_labour_btn.setText(self.tr("Add labour"))
        self.add_part_btn.setText(self.tr("Add part"))
        self.remove_btn.setText(self.tr("Remove line"))
        self.new_time.setText(self.tr("New promised time"))
        self.photos_label.setText(self.tr("Photos"))
        self.current_promise.setText(
            self.tr("(now promised: %1)").replace("%1", fmt.datetime(self.promised_at))
            if self.promised_at is not None
            else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send to the advisor"))
        for row in range(self.table.rowCount()):
            kind = self.table.cellWidget(row, TYPE)
            if isinstance(kind, QComboBox):
                kind.setItemText(0, self.tr("Labour"))
                kind.setItemText(1, self.tr("Part"))
            skill = self.table.cellWidget(row, SKILL)
            if isinstance(skill, QComboBox):
                for i in range(skill.count()):
                    skill.setItemText(i, self._skill_label(skill.itemData(i)))

    def _skill_label(self, code: str) -> str:
        return labels.skill(code) if code else self.tr("(any)")

    def add_line(
        self,
        kind: str,
        *,
        code: str = "",
        description: str = "",
        quantity: str = "1",
        price: str = "",
        skill: str = "",
    ) -> int:
        """Add a row (labour or part); returns its row number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.addItem(self.tr("Labour"), "labour")
        combo.addItem(self.tr("Part"), "part")
        combo.setCurrentIndex(0 if kind == LineKind.LABOUR else 1)
        combo.currentIndexChanged.connect(lambda _i: self.suggest())
        self.table.setCellWidget(row, TYPE, combo)
        for col, value in (
            (CODE, code),
            (DESCRIPTION, description),
            (QTY, quantity),
            (PRICE, price),
        ):
            self.table.setItem(row, col, QTableWidgetItem(value))
        # The skill the job needs, by name in the user's language (dispatch matches the
        # technicians' skills by code); a part needs none.
        skills = QComboBox()
        skills.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # names read whole
        codes = ["", *self.skill_codes]
        if skill and skill not in codes:
            codes.append(skill)
        for c in codes:
            skills.addItem(self._skill_label(c), c)
        skills.setCurrentIndex(codes.index(skill))
        skills.setEnabled(kind == LineKind.LABOUR)
        combo.currentIndexChanged.connect(
            lambda _i: skills.setEnabled(combo.currentData() == LineKind.LABOUR)
        )
        self.table.setCellWidget(row, SKILL, skills)
        if kind == LineKind.PART:
            self.table.setCurrentCell(row, CODE)
        else:
            self.table.setCurrentCell(row, DESCRIPTION)
        self.suggest()
        return row

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def lines(self) -> list[dict[str, Any]]:
        """The extra lines as the service takes them (raises UserError on a bad price)."""
        out: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, TYPE)
            kind = combo.currentData() if isinstance(combo, QComboBox) else "labour"
            spec: dict[str, Any] = {
                "kind": kind,
                "description": self._cell(row, DESCRIPTION),
                "quantity": self._cell(row, QTY) or "1",
                "code": self._cell(row, CODE),
            }
            price = self._cell(row, PRICE)
            if price and not self.table.isColumnHidden(PRICE):
                spec["unit_price_cents"] = money.to_cents(price)
            skill = self.table.cellWidget(row, SKILL)
            if kind == LineKind.LABOUR and isinstance(skill, QComboBox):
                spec["skill"] = skill.currentData()
            out.append(spec)
        return out

    def submit(self) -> int | None:
        """Send the request; the dialog closes when the service accepts it."""
        try:
            lines = self.lines()
        except UserError as err:
            messages.error(self, err.message())
            return None
        kind = "extra_work" if self.extra.isChecked() else "delay"
        result = self.ctx.ops.run(
            changes.request_change,
            parent=self,
            ro_id=self.ro_id,
            kind=kind,
            reason=self.reason.toPlainText(),
            lines=lines if kind == ChangeKind.EXTRA_WORK else None,
            new_promised_at=from_qdatetime(self.when.dateTime()) if self.new_time.isChecked() else None,
        )
        if not result.ok:
            return None
        self.change_id = int(result.value)
        # The change is raised: a photo refused now (the RO's budget) is said, the change stays.
        self.photos.add_to(self.ro_id, PhotoSubject.CHANGE, self.change_id)
        self.accept()
        return self.change_id
