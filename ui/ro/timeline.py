"""Every event of an RO — when, step, action, who, note — and the time standards."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from advisor.codes import StandardStatus, words
from advisor.services.timeline import step_of, time_standards, timeline_events
from advisor.services.views import ROView
from ui import fmt
from ui.context import AppContext
from ui.event_labels import event_label, event_note
from ui.ro.step_bar import step_label


def standards(view: ROView, at: dt.datetime) -> list[tuple[str, str, str]]:
    """(standard, status, detail) with status met | missed | pending.

    The judgement is the domain's (advisor.services.timeline); this only labels it.
    """
    checks = {c.key: c for c in time_standards(view, at=at)}

    def took(key: str) -> str:
        return fmt.duration(checks[key].seconds or 0)

    out = [
        (
            QCoreApplication.translate("Timeline", "Greeting within 3 min"),
            checks["greeting"].status,
            took("greeting"),
        ),
        (
            QCoreApplication.translate("Timeline", "Need confirmed in 5–10 min"),
            checks["need_confirmed"].status,
            took("need_confirmed"),
        ),
    ]
    if view.promised_at is None:
        out.append(
            (
                QCoreApplication.translate("Timeline", "Promised time"),
                StandardStatus.PENDING,
                QCoreApplication.translate("Timeline", "not set yet"),
            )
        )
    else:
        out.append(
            (
                QCoreApplication.translate("Timeline", "Promised time"),
                checks["promised"].status,
                fmt.datetime(view.promised_at),
            )
        )
    return out


class Timeline(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.ctx = ctx
        self.view: ROView | None = None
        self.standards_title = QLabel(self)
        self.standards_title.setStyleSheet("font-weight: bold;")
        self.standards_tree = QTreeWidget(self)
        self.standards_tree.setObjectName("timeline_standards")
        self.standards_tree.setRootIsDecorated(False)
        self.standards_tree.setMaximumHeight(100)
        self.events_title = QLabel(self)
        self.events_title.setStyleSheet("font-weight: bold;")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("timeline_events")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.standards_title)
        layout.addWidget(self.standards_tree)
        layout.addWidget(self.events_title)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.standards_title.setText(self.tr("Time standards"))
        self.events_title.setText(self.tr("Events"))
        self.standards_tree.setHeaderLabels([self.tr("Standard"), self.tr("Result"), self.tr("Time")])
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Step"), self.tr("Action"), self.tr("Who"), self.tr("Note")]
        )
        if self.view is not None:
            self.set_view(self.view)

    def set_view(self, view: ROView) -> None:
        self.view = view
        self.tree.clear()
        for e in timeline_events(view):  # the inspection and the signatures too
            number = step_of(e)  # the step the event completes, not the one it led to
            step = step_label(number, self.ctx.lang) if 1 <= number <= 14 else str(number)
            QTreeWidgetItem(
                self.tree,
                [fmt.datetime(e.at), step, event_label(e.action), e.user, event_note(e.action, e.note)],
            )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.standards_tree.clear()
        marks = {
            StandardStatus.MET: ("✓ ", "#2e7d32"),
            StandardStatus.MISSED: ("✗ ", "#c62828"),
            StandardStatus.PENDING: ("… ", "#8d6e00"),
            StandardStatus.NOT_APPLICABLE: ("— ", "#555555"),
        }
        for name, status, detail in standards(view, dt.datetime.now()):
            mark, colour = marks[StandardStatus(status)]
            text = mark + words(StandardStatus, status)
            item = QTreeWidgetItem(self.standards_tree, [name, text, detail])
            item.setForeground(1, QBrush(QColor(colour)))
            item.setData(1, Qt.ItemDataRole.UserRole, status)
        self.standards_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rows(self) -> list[list[str]]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [[item.text(c) for c in range(5)] for item in items if item is not None]
