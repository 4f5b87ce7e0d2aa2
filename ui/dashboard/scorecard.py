"""The process scorecard on the Reports workspace (issue 17, item 16): each rule of the
flow met or missed — for the department and per advisor, per technician or per month —
with the count and the rate; double-click (or Enter on) a cell to list the ROs that
missed. Below it the quality figures: standard against actual and rework hours, and
satisfaction as an index and a distribution of the scores (``advisor.kpi.scorecard``).

The panel reads through the workspace's background loader (``load``), so the workspace's
busy state covers it, and asks the workspace to list ROs (``drill_requested``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor.services import scorecard
from advisor.services.scorecard import DIMENSIONS, RULES, Hours, Scorecard, Tally
from ui import fmt
from ui.context import AppContext
from ui.dashboard.data import BAD, GOOD

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # (rule, advisor id, technician id, month)
BY_ADVISOR, BY_TECHNICIAN, BY_MONTH = 0, 1, 2
Loader = Callable[[Callable[..., Any], dict[str, Any], Callable[[Any], None]], None]


def dec(value: Decimal | None, places: int = 2) -> str:
    """A decimal figure as the locale writes it, to ``places``; a dash for none."""
    return "—" if value is None else QLocale().toString(float(value), "f", places)


def rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{(rate * 100).quantize(Decimal('1'))}%"


def cell_text(t: Tally) -> str:
    """``80% · 12 ✓ 3 ✗``: the rate, then met and missed; a dash when nothing was measured."""
    if not t.measured:
        return "—"
    return f"{rate_text(t.rate)} · {t.met} ✓ {t.missed} ✗"


class ScorecardPanel(QWidget):
    """The scorecard table and the quality figures of the period the workspace shows."""

    drill_requested = Signal(str, dict)  # title, the arguments of ``scorecard.drill``

    def __init__(self, ctx: AppContext, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorecardPanel")
        self.ctx = ctx
        self._load = load
        self.card: Scorecard | None = None
        self.filters: tuple[int | None, int | None] = (None, None)  # of the load shown
        self._generation = 0
        self.heading = QLabel(self)
        self.heading.setObjectName("scoreHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.by = QComboBox(self)
        self.by.setObjectName("scoreBy")
        self.by.addItems(["", "", ""])
        self.by.currentIndexChanged.connect(lambda _i: self._render())
        self.by_label = QLabel(self)
        self.by_label.setBuddy(self.by)
        self.model = QStandardItemModel(self)
        self.table = self._view("scoreTable", self.model)
        self.table.activated.connect(self._activated)  # double-click and Enter
        self.quality = QLabel(self)
        self.quality.setObjectName("scoreQuality")
        self.quality.setWordWrap(True)
        self.scores_heading = QLabel(self)
        self.scores_heading.setStyleSheet("font-weight: bold;")
        self.scores_model = QStandardItemModel(self)
        self.scores = self._view("scoreSatisfaction", self.scores_model)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.by_label)
        top.addWidget(self.by)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 0, 0)
        box.addLayout(top)
        box.addWidget(self.table)
        box.addWidget(self.quality)
        box.addWidget(self.scores_heading)
        box.addWidget(self.scores)
        self.retranslate()

    def _view(self, name: str, model: QStandardItemModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setAlternatingRowColors(True)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Process scorecard"))
        self.by_label.setText(self.tr("Scorecard &by:"))
        for i, text in enumerate((self.tr("Advisor"), self.tr("Technician"), self.tr("Month"))):
            self.by.setItemText(i, text)
        self.table.setToolTip(
            self.tr(
                "Rate met · met ✓ missed ✗. Double-click a cell or press Enter to list the ROs that missed."
            )
        )
        self.scores_heading.setText(self.tr("Satisfaction: how many calls gave each score"))
        self._render()

    # -- loading -----------------------------------------------------------------------
    def load(self, start: dt.date, end: dt.date, advisor_id: int | None, technician_id: int | None) -> None:
        """Read the scorecard of the filters in the background (a newer load wins)."""
        self._generation += 1
        generation = self._generation

        def done(card: Scorecard) -> None:
            if generation == self._generation:
                self.card = card
                self.filters = (advisor_id, technician_id)
                self._render()

        kwargs = {
            "actor": self.ctx.actor,
            "start": start,
            "end": end,
            "advisor_id": advisor_id,
            "technician_id": technician_id,
        }
        self._load(scorecard.read_scorecard, kwargs, done)

    # -- showing -----------------------------------------------------------------------
    def columns(self) -> list[tuple[str, int | None, int | None, dt.date | None]]:
        """(heading, advisor id, technician id, month) of each column: the whole first."""
        c = self.card
        cols: list[tuple[str, int | None, int | None, dt.date | None]] = [(self.tr("All"), None, None, None)]
        if c is None:
            return cols
        by = self.by.currentIndex()
        if by == BY_ADVISOR:
            cols += [(name, pid, None, None) for pid, name in c.advisors]
        elif by == BY_TECHNICIAN:
            cols += [(name, None, pid, None) for pid, name in c.technicians]
        else:
            cols += [(self.tr("%1-%2").replace("%1", f"{m.year}").replace("%2", f"{m.month:02d}"), None, None, m)
                     for m in c.months]  # fmt: skip
        return cols

    def rules(self) -> list[Any]:
        by_tech = self.by.currentIndex() == BY_TECHNICIAN
        return [r for r in RULES if r.technician or not by_tech]

    def _render(self) -> None:
        self.model.clear()
        self.scores_model.clear()
        c = self.card
        if c is None:
            self.quality.setText("…")
            return
        cols = self.columns()
        rules = self.rules()
        lang = self.ctx.lang
        self.model.setHorizontalHeaderLabels([h for h, *_ in cols])
        self.model.setVerticalHeaderLabels([r.label(lang) for r in rules])
        for row, r in enumerate(rules):
            for col, (heading, adv, tech, month) in enumerate(cols):
                t = c.tally(r.key, advisor_id=adv, technician_id=tech, month=month)
                item = QStandardItem(cell_text(t))
                item.setData((r.key, adv, tech, month), CELL_ROLE)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if t.missed:
                    item.setForeground(QBrush(QColor(BAD)))
                elif t.measured:
                    item.setForeground(QBrush(QColor(GOOD)))
                item.setToolTip(
                    self.tr("%1 · %2: met %3, missed %4 of %5 measured")
                    .replace("%1", r.label(lang))
                    .replace("%2", heading)
                    .replace("%3", str(t.met))
                    .replace("%4", str(t.missed))
                    .replace("%5", str(t.measured))
                )
                self.model.setItem(row, col, item)
        if self.by.currentIndex() == BY_TECHNICIAN:
            self._hours_rows(cols, len(rules))
        self._fit(self.table, self.model.rowCount())
        self._render_quality(c)

    def _hours_rows(self, cols: list[tuple[str, int | None, int | None, dt.date | None]], first: int) -> None:
        """Per technician: standard (sold) against actual (clocked) hours."""
        assert self.card is not None
        labels = (self.tr("Standard hours"), self.tr("Actual hours"), self.tr("Actual ÷ standard"))
        for n, label in enumerate(labels):
            self.model.setVerticalHeaderItem(first + n, QStandardItem(label))
            for col, (_h, _adv, tech, _m) in enumerate(cols):
                h: Hours = self.card.hours_of(tech)
                value = (dec(h.standard_hours), dec(h.actual_hours), rate_text(h.ratio))[n]
                item = QStandardItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.model.setItem(first + n, col, item)

    def _render_quality(self, c: Scorecard) -> None:
        h = c.hours_of()
        s = c.scores_of()
        self.quality.setText(
            self.tr(
                "Internal rework: %1 h, %7 at the labour rate, on %2 jobs (of %3 h on %4); %8 parts wasted, %9. Satisfaction index %5 / 100, %6 calls."
            )
            .replace("%1", dec(h.rework_hours))
            .replace("%2", str(h.rework_jobs))
            .replace("%3", dec(h.actual_hours))
            .replace("%4", str(h.jobs))
            .replace("%5", dec(s.index, 1))
            .replace("%6", str(s.responses))
            .replace("%7", fmt.money(h.rework_cost_cents(c.labour_rate_cents)))
            .replace("%8", str(c.wasted_of().parts))
            .replace("%9", fmt.money(c.wasted_of().value_cents))
        )
        words = {
            "tangibles": self.tr("Tangibles"),
            "reliability": self.tr("Reliability"),
            "responsiveness": self.tr("Responsiveness"),
            "assurance": self.tr("Assurance"),
            "empathy": self.tr("Empathy"),
        }
        self.scores_model.setHorizontalHeaderLabels([*(str(n) for n in range(1, 6)), self.tr("Average")])
        self.scores_model.setVerticalHeaderLabels([words[d] for d in DIMENSIONS])
        for row, d in enumerate(DIMENSIONS):
            for col, n in enumerate(s.of(d)):
                item = QStandardItem(str(n))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.scores_model.setItem(row, col, item)
            avg = s.average(d)
            item = QStandardItem(dec(avg))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.scores_model.setItem(row, 5, item)
        self._fit(self.scores, self.scores_model.rowCount())

    def _fit(self, view: QTableView, rows: int) -> None:
        """Tall enough for every row and the horizontal scroll bar (the workspace
        scrolls, not the table; many technicians make the table wider than the screen)."""
        view.resizeRowsToContents()
        header = max(view.horizontalHeader().sizeHint().height(), view.horizontalHeader().height())
        height = header + 2 * view.frameWidth() + sum(view.rowHeight(r) for r in range(rows))
        view.setFixedHeight(height + view.horizontalScrollBar().sizeHint().height() + 4)

    # -- drill-down --------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        cell = self.model.data(index, CELL_ROLE) if index.isValid() else None
        if cell is None or self.card is None:
            return
        rule_key, adv, tech, month = cell
        heading = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
        label = self.model.headerData(index.row(), Qt.Orientation.Vertical)
        title = self.tr("Missed: %1 · %2").replace("%1", str(label)).replace("%2", str(heading))
        args: dict[str, Any] = {
            "rule": rule_key,
            "start": self.card.start,
            "end": self.card.end,
            "advisor_id": adv if adv is not None else self.filters[0],
            "technician_id": tech if tech is not None else self.filters[1],
            "month": month,
        }
        self.drill_requested.emit(title, args)
