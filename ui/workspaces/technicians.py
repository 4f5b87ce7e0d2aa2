"""Technicians' certificates (issue 17, item 17): kept by a manager or an administrator.

Each certificate names the technician, the skill, its number and its expiry date. At
dispatch a skill with certificates counts only while one is valid: an expired certificate
is a missing skill (``workflow.holds_skill``). The list shows the soonest to expire first,
lapsed ones in red and those expiring within ``workflow.CERT_WARNING_DAYS`` in amber.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.codes import Skill, words
from advisor.services import dispatch, workshop
from advisor.services.dispatch import CertificationView
from advisor.services.opchanges import Kind
from ui import fmt, messages
from ui.context import AppContext
from ui.tables import fill_rows, read_only_table
from ui.workspace import Workspace

EXPIRED = QColor("#b00020")
EXPIRING = QColor("#8a5a00")


class TechniciansWorkspace(Workspace):
    key = "technicians"
    permission = "technician.certify"
    icon_name = "SP_FileDialogInfoView"
    shows = Kind.BOARD  # certificates and technicians

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[CertificationView] = []
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = read_only_table(6, alternating=True, stretch_last=True)
        self.table.setObjectName("certTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.remove_btn = QPushButton()
        self.remove_btn.setObjectName("certRemove")
        self.remove_btn.clicked.connect(self.remove_selected)
        self.form_box = QGroupBox()
        self.technician = QComboBox()
        self.technician.setObjectName("certTechnician")
        self.skill = QComboBox()
        self.skill.setObjectName("certSkill")
        for s in Skill:
            self.skill.addItem(words(Skill, s), s.value)
        self.number = QLineEdit()
        self.number.setObjectName("certNumber")
        self.number.setMaxLength(40)
        self.expires = QDateEdit(QDate.currentDate())
        self.expires.setObjectName("certExpires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.add_btn = QPushButton()
        self.add_btn.setObjectName("certAdd")
        self.add_btn.clicked.connect(self.add)
        self.labels_ = [QLabel() for _ in range(4)]
        for label, buddy in zip(
            self.labels_, (self.technician, self.skill, self.number, self.expires), strict=True
        ):
            label.setBuddy(buddy)
        form = QFormLayout(self.form_box)
        for label, field in zip(
            self.labels_, (self.technician, self.skill, self.number, self.expires), strict=True
        ):
            form.addRow(label, field)
        form.addRow(self.add_btn)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_btn)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.form_box, 1)
        self.retranslate()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Certificates")

    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("Technicians' certificates: an expired one counts as a missing skill at dispatch")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Technician"),
                self.tr("Skill"),
                self.tr("Certificate no."),
                self.tr("Expires"),
                self.tr("State"),
                self.tr("Note"),
            ]
        )
        self.remove_btn.setText(self.tr("Re&move"))
        self.form_box.setTitle(self.tr("Add a certificate"))
        for label, text in zip(
            self.labels_,
            (
                self.tr("&Technician:"),
                self.tr("S&kill:"),
                self.tr("Certificate &no.:"),
                self.tr("&Expires on:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.add_btn.setText(self.tr("&Add certificate"))
        for i in range(self.skill.count()):
            self.skill.setItemText(i, words(Skill, self.skill.itemData(i)))
        self._refresh_if_visible()

    def refresh(self) -> None:
        keep = self.technician.currentData()
        self.technician.clear()
        for t in workshop.read_technicians(actor=self.ctx.actor):
            self.technician.addItem(t.name, t.id)
        if keep is not None:
            self.technician.setCurrentIndex(max(self.technician.findData(keep), 0))
        self.rows = dispatch.read_certifications(actor=self.ctx.actor)
        today = dt.date.today()
        fill_rows(
            self.table,
            [
                (
                    c.technician,
                    words(Skill, c.skill),
                    c.number,
                    fmt.date(c.expires_on),
                    self._state(c),
                    self._note(c, today),
                )
                for c in self.rows
            ],
            [c.id for c in self.rows],
        )
        for r, c in enumerate(self.rows):
            colour = EXPIRED if c.expired else EXPIRING if c.expiring else None
            if colour is not None:
                for col in range(self.table.columnCount()):
                    item = self.table.item(r, col)
                    if item is not None:
                        item.setForeground(QBrush(colour))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _state(self, c: CertificationView) -> str:
        if c.expired:
            return self.tr("Expired")
        if c.expiring:
            return self.tr("Expires soon")
        return self.tr("Valid")

    def _note(self, c: CertificationView, today: dt.date) -> str:
        if c.expired:
            return self.tr("not counted at dispatch")
        if c.expiring:
            return self.tr("days left: %1").replace("%1", str((c.expires_on - today).days))
        return self.tr("warned %1 days before").replace("%1", str(workflow.CERT_WARNING_DAYS))

    def selected(self) -> CertificationView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        self.remove_btn.setEnabled(self.selected() is not None)

    def add(self) -> object:
        d = self.expires.date()
        outcome = self.ctx.ops.run(
            dispatch.add_certification,
            parent=self,
            technician_id=self.technician.currentData(),
            skill=self.skill.currentData(),
            number=self.number.text(),
            expires_on=dt.date(d.year(), d.month(), d.day()),
        )
        if outcome.ok:
            self.number.clear()
        return outcome

    def remove_selected(self) -> object:
        c = self.selected()
        if c is None:
            return None
        question = self.tr("Remove certificate %1 of %2?").replace("%1", c.number).replace("%2", c.technician)
        if not messages.confirm(self, question):
            return None
        return self.ctx.ops.run(dispatch.remove_certification, parent=self, certification_id=c.id)


WORKSPACE = TechniciansWorkspace
