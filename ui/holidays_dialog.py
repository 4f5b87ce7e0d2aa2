"""The holidays customer care sends greetings for (issue 17, item 15), kept per year by the
manager: added by hand, removed, or the year's Chinese festivals filled in (the lunar
ones dated by the service, not by hand)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.services import care
from advisor.services.care import HolidayView
from ui import fmt
from ui.context import AppContext
from ui.tables import fill_rows, read_only_table


class HolidaysDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[HolidayView] = []
        self.setObjectName("holidays_dialog")
        self.setWindowTitle(self.tr("Holidays for greetings"))
        self.setMinimumSize(560, 460)
        today = dt.date.today()
        self.year = QSpinBox(self)
        self.year.setObjectName("hol_year")
        self.year.setRange(2000, 2099)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.year_label = QLabel(self.tr("&Year"), self)
        self.year_label.setBuddy(self.year)
        self.fill_button = QPushButton(self.tr("&Fill in the Chinese festivals"), self)
        self.fill_button.setObjectName("hol_fill")
        self.fill_button.setToolTip(
            self.tr(
                "Spring Festival, Lantern, Dragon Boat, Mid-Autumn, Double Ninth (lunar), New Year, Labour Day, National Day"
            )
        )
        self.fill_button.clicked.connect(self.fill_year)
        self.table = read_only_table(3, self, name="hol_table", stretch_last=True)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("English"), self.tr("Chinese")])
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("hol_remove")
        self.remove_button.clicked.connect(self.remove)
        self.on = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.on.setObjectName("hol_on")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("hol_name_en")
        self.name_en.setPlaceholderText(self.tr("Name in English"))
        self.name_zh = QLineEdit(self)
        self.name_zh.setObjectName("hol_name_zh")
        self.name_zh.setPlaceholderText(self.tr("Name in Chinese"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("hol_add")
        self.add_button.clicked.connect(self.add)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.fill_button)
        add = QHBoxLayout()
        add.addWidget(self.on)
        add.addWidget(self.name_en, 1)
        add.addWidget(self.name_zh, 1)
        add.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setObjectName("hol_close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addLayout(add)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = care.read_holidays(actor=self.ctx.actor, year=self.year.value())
        fill_rows(self.table, [(fmt.date(h.on), h.name_en, h.name_zh) for h in self.rows])
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(bool(self.rows))

    def fill_year(self) -> None:
        if self.ctx.ops.run(care.fill_year, parent=self, year=self.year.value()).ok:
            self.refresh()

    def add(self) -> None:
        q = self.on.date()
        result = self.ctx.ops.run(
            care.add_holiday,
            parent=self,
            on=dt.date(q.year(), q.month(), q.day()),
            name_en=self.name_en.text(),
            name_zh=self.name_zh.text(),
        )
        if result.ok:
            self.name_en.clear()
            self.name_zh.clear()
            self.year.setValue(q.year())
            self.refresh()

    def remove(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        if self.ctx.ops.run(care.remove_holiday, parent=self, holiday_id=self.rows[row].id).ok:
            self.refresh()
