"""Reports (manager): KPI tiles with the change against the previous period, charts of
the trend and the breakdowns, a drill-down to the ROs behind a figure, and the Excel
summary export.

The KPI queries (``advisor.kpi``) can take seconds on a year of ROs, so every load runs
in the background (``ops.run_in_background``: a worker thread that closes its database
connection when done); the window stays responsive and a busy bar shows while a load is
under way. A newer load supersedes an
older one (its result is dropped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor.services import dashboard, scorecard
from advisor.services.dashboard import DRILL_KEYS, DRILL_LIMIT, KPIs, Snapshot, previous_period
from advisor.services.opchanges import Kind
from advisor.services.views import ROSummary
from ui import fmt, messages
from ui.charts import PALETTE, BarChart, LineChart, plain
from ui.context import AppContext
from ui.dashboard import texts
from ui.dashboard.complaints_panel import ComplaintsPanel
from ui.dashboard.data import ID_ROLE, TILES, export_summary, tile_value
from ui.dashboard.scorecard import ScorecardPanel
from ui.dashboard.widgets import DrillModel, KpiTile, pydate, qdate
from ui.operations import Outcome, Worker
from ui.workspace import Workspace


class DashboardWorkspace(Workspace):
    key = "dashboard"
    permission = "kpi.view"
    icon_name = "SP_FileDialogInfoView"
    shows = Kind.ALL & ~(Kind.USERS | Kind.AUDIT)  # figures over every kind of work

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.snapshot: Snapshot | None = None
        self._loads: set[Worker] = set()
        self._generation = 0
        self._drill_generation = 0
        self._drill_title = ""
        self._setting_dates = False
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(250)
        self._reload.timeout.connect(self.refresh)
        self._build_filters()
        self._build_tiles()
        self._build_charts()
        self._build_drill()
        self.scorecard = ScorecardPanel(ctx, self._start, self)
        self.scorecard.drill_requested.connect(self._drill_scorecard)
        content = QWidget(self)
        body = QVBoxLayout(content)
        body.addLayout(self.tile_grid)
        body.addLayout(self.chart_grid)
        body.addWidget(self.scorecard)
        self.complaints_panel = ComplaintsPanel(ctx, content)  # issue 17: complaints, actions
        body.addWidget(self.complaints_panel)
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.drill_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.drill_panel.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.compared)
        layout.addWidget(self.splitter, 1)
        self.setStyleSheet(
            'QFrame[kpiTile="true"] { background: palette(base); border: 1px solid #d0d0d0;'
            " border-radius: 6px; }"
            'QFrame[kpiTile="true"]:hover { border-color: #0072B2; }'
            'QFrame[kpiTile="true"]:focus { border: 2px solid #0072B2; }'
        )
        self.preset.setCurrentIndex(1)  # this month
        self._fill_people()
        self.retranslate()

    # -- building ----------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.preset = QComboBox(self)
        self.preset.setObjectName("dashPreset")
        self.preset.addItems([""] * 5)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.start_edit, self.end_edit = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.start_edit, "dashStart"), (self.end_edit, "dashEnd")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # not the locale's short "12/4/26"
            edit.dateChanged.connect(self._dates_edited)
        self.advisor = QComboBox(self)
        self.advisor.setObjectName("dashAdvisor")
        self.technician = QComboBox(self)
        self.technician.setObjectName("dashTechnician")
        for combo in (self.advisor, self.technician):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.period_label, self.to_label = QLabel(self), QLabel(self)
        self.advisor_label, self.technician_label = QLabel(self), QLabel(self)
        self.period_label.setBuddy(self.preset)
        self.advisor_label.setBuddy(self.advisor)
        self.technician_label.setBuddy(self.technician)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("dashBusy")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(110)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("dashRefresh")
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("dashExport")
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(self.ctx.may("export"))
        # Two rows (the heading and actions, then the filters): one row needed more than
        # the 1,186 px a 1366×768 screen leaves beside the rail.
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.busy_bar)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        row = QHBoxLayout()
        for w in (self.period_label, self.preset, self.start_edit, self.to_label, self.end_edit):
            row.addWidget(w)
        row.addSpacing(12)
        for w in (self.advisor_label, self.advisor, self.technician_label, self.technician):
            row.addWidget(w)
        row.addStretch(1)
        self.filter_row = QVBoxLayout()
        self.filter_row.addLayout(top)
        self.filter_row.addLayout(row)
        self.compared = QLabel(self)
        self.compared.setObjectName("dashCompared")
        self.compared.setStyleSheet("color:#616161;")

    def _build_tiles(self) -> None:
        self.tiles: dict[str, KpiTile] = {}
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(8)
        for n, (key, _kind, _better, drill, _hits) in enumerate(TILES):
            tile = KpiTile(key, self)
            tile.set_drillable(any(d in DRILL_KEYS for d in drill))
            tile.clicked.connect(self.drill_tile)
            self.tiles[key] = tile
            self.tile_grid.addWidget(tile, n // 5, n % 5)

    def _build_charts(self) -> None:
        self.chart_metric = QComboBox(self)
        self.chart_metric.setObjectName("dashMetric")
        self.chart_metric.addItems(["", ""])
        self.chart_metric.currentIndexChanged.connect(lambda _i: self._render())
        self.chart_metric_label = QLabel(self)
        self.chart_metric_label.setBuddy(self.chart_metric)
        self.trend = LineChart(self)
        self.by_advisor = BarChart(self, horizontal=True)
        self.by_technician = BarChart(self, horizontal=True)
        self.declines = BarChart(self, horizontal=True)
        self.misses = BarChart(self, horizontal=True)
        charts = (self.trend, self.by_advisor, self.by_technician, self.declines, self.misses)
        names = ("chartTrend", "chartAdvisors", "chartTechnicians", "chartDeclines", "chartMisses")
        for n, (chart, name) in enumerate(zip(charts, names, strict=True)):
            chart.setObjectName(name)
            chart.set_colour(PALETTE[n % len(PALETTE)])
        self.trend.setMinimumHeight(230)
        self.trend.bar_clicked.connect(self._drill_day)
        self.by_advisor.bar_clicked.connect(self._drill_advisor)
        self.by_technician.bar_clicked.connect(self._drill_technician)
        self.declines.bar_clicked.connect(
            lambda _i: self._drill(("declined",), True, self.tr("Declined work"))
        )
        self.misses.bar_clicked.connect(self._drill_miss)
        grid = QGridLayout()
        grid.setSpacing(8)
        chooser = QHBoxLayout()
        chooser.addWidget(self.chart_metric_label)
        chooser.addWidget(self.chart_metric)
        chooser.addStretch(1)
        grid.addLayout(chooser, 0, 0, 1, 3)
        grid.addWidget(self.trend, 1, 0, 1, 2)
        grid.addWidget(self.by_advisor, 1, 2)
        grid.addWidget(self.by_technician, 2, 0)
        grid.addWidget(self.declines, 2, 1)
        grid.addWidget(self.misses, 2, 2)
        for c in range(3):
            grid.setColumnStretch(c, 1)
        self.chart_grid = grid

    def _build_drill(self) -> None:
        self.drill_panel = QWidget(self)
        self.drill_panel.setObjectName("dashDrill")
        self.drill_heading = QLabel(self.drill_panel)
        self.drill_heading.setObjectName("dashDrillHeading")
        self.drill_heading.setStyleSheet("font-weight:bold;")
        self.drill_close = QPushButton(self.drill_panel)
        self.drill_close.clicked.connect(self.drill_panel.hide)
        self.drill_model = DrillModel(self)
        self.drill_table = QTableView(self.drill_panel)
        self.drill_table.setObjectName("dashDrillTable")
        self.drill_table.setModel(self.drill_model)
        self.drill_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.drill_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.drill_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.drill_table.setAlternatingRowColors(True)
        self.drill_table.verticalHeader().hide()
        self.drill_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.drill_table.horizontalHeader().setStretchLastSection(True)
        self.drill_table.activated.connect(self._open_drilled)  # double-click and Enter
        QShortcut(
            QKeySequence("Escape"),
            self.drill_panel,
            self.drill_panel.hide,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        top = QHBoxLayout()
        top.addWidget(self.drill_heading, 1)
        top.addWidget(self.drill_close)
        box = QVBoxLayout(self.drill_panel)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(top)
        box.addWidget(self.drill_table, 1)

    def _fill_people(self) -> None:
        chosen = dashboard.people(actor=self.ctx.actor)
        for combo, people in ((self.advisor, chosen.advisors), (self.technician, chosen.technicians)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", None)
            collate = fmt.collator()
            for pid, name in sorted(people, key=lambda p: collate.sortKey(p[1])):
                combo.addItem(name, pid)
            combo.blockSignals(False)

    # -- texts -------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reports"))
        presets = [
            self.tr("Custom"),
            self.tr("This month"),
            self.tr("Last month"),
            self.tr("Last 30 days"),
            self.tr("This year"),
        ]
        for i, text in enumerate(presets):
            self.preset.setItemText(i, text)
        self.period_label.setText(self.tr("&Period:"))
        self.to_label.setText(self.tr("to"))
        self.advisor_label.setText(self.tr("&Advisor:"))
        self.technician_label.setText(self.tr("&Technician:"))
        self.advisor.setItemText(0, self.tr("All advisors"))
        self.technician.setItemText(0, self.tr("All technicians"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Run the figures again (F5)"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip(
            self.tr("Write the summary workbook of the whole department for the chosen dates (Ctrl+E)")
        )
        self.scorecard.retranslate()
        self.busy_bar.setToolTip(self.tr("Calculating…"))
        self.chart_metric_label.setText(self.tr("&Charts show:"))
        self.chart_metric.setItemText(0, self.tr("ROs opened"))
        self.chart_metric.setItemText(1, self.tr("Revenue (incl. tax)"))
        self.drill_close.setText(self.tr("Close"))
        self.drill_close.setToolTip(self.tr("Hide the list (Esc)"))
        self.drill_model.set_headers(
            [
                self.tr("RO"),
                self.tr("Plate"),
                self.tr("Customer"),
                self.tr("Advisor"),
                self.tr("Arrived"),
                self.tr("Promised"),
                self.tr("Total"),
                self.tr("Promise"),
            ]
        )
        for key, (title, tip) in texts.tile_titles().items():
            tile = self.tiles[key]
            tile.title.setText(title)
            more = self.tr("Click or press Enter to list the ROs.") if tile.drillable else ""
            tile.setToolTip(f"{tip}\n{more}".strip())
            tile.setAccessibleName(title)
        for chart in (self.trend, self.by_advisor, self.by_technician, self.declines, self.misses):
            chart.set_empty_text(self.tr("No data in this period"))
            chart.setToolTip("")
        self._render()
        self._show_drill_heading()

    # -- filters -----------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        return pydate(self.start_edit.date()), pydate(self.end_edit.date())

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Show ``start``…``end`` (a custom period) and reload."""
        self._setting_dates = True
        self.start_edit.setDate(qdate(start))
        self.end_edit.setDate(qdate(end))
        self._setting_dates = False
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(0)
        self.preset.blockSignals(False)
        self._filters_changed()

    def filters(self) -> tuple[dt.date, dt.date, int | None, int | None]:
        start, end = self.period()
        return start, end, self.advisor.currentData(), self.technician.currentData()

    def _preset_chosen(self, index: int) -> None:
        today = dt.date.today()
        first = today.replace(day=1)
        ranges = {
            1: (first, today),
            2: ((first - dt.timedelta(days=1)).replace(day=1), first - dt.timedelta(days=1)),
            3: (today - dt.timedelta(days=29), today),
            4: (today.replace(month=1, day=1), today),
        }
        if index not in ranges:
            return
        start, end = ranges[index]
        self._setting_dates = True
        self.start_edit.setDate(qdate(start))
        self.end_edit.setDate(qdate(end))
        self._setting_dates = False
        self._filters_changed()

    def _dates_edited(self) -> None:
        if self._setting_dates:
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(0)
        self.preset.blockSignals(False)
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._reload.start()

    # -- loading -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while a load of figures or of a drill-down is under way."""
        return bool(self._loads) or self._reload.isActive()

    def _start(self, fn: Callable[..., Any], kwargs: dict[str, Any], done: Callable[[Any], None]) -> None:
        """Load in the background; ``done(result)`` when it succeeded (a refusal is shown)."""

        def finished(outcome: Outcome[Any]) -> None:
            self._loads.discard(worker)
            self.busy_bar.setVisible(bool(self._loads))
            if outcome.ok:
                done(outcome.value)

        worker = self.ctx.ops.run_in_background(fn, parent=self, on_done=finished, **kwargs)
        self._loads.add(worker)
        self.busy_bar.show()

    def refresh(self) -> None:
        self._reload.stop()
        start, end, advisor_id, technician_id = self.filters()
        if end < start:
            self.compared.setText(self.tr("The period ends before it starts: choose the dates again."))
            return
        self._generation += 1
        generation = self._generation
        self.complaints_panel.load(start, end)

        def done(snapshot: Snapshot) -> None:
            if generation == self._generation:
                self.snapshot = snapshot
                self._render()

        self._start(
            dashboard.figures,
            {
                "actor": self.ctx.actor,
                "start": start,
                "end": end,
                "advisor_id": advisor_id,
                "technician_id": technician_id,
            },
            done,
        )
        self.scorecard.load(start, end, advisor_id, technician_id)

    def wait_idle(self, msecs: int = 30_000) -> None:
        """Block until the loads under way end (closing, tests)."""
        for worker in list(self._loads):
            worker.wait(msecs)

    # -- showing -----------------------------------------------------------------------
    def _render(self) -> None:
        s = self.snapshot
        if s is None:
            for tile in self.tiles.values():
                tile.figure.setText("…")
            return
        p_start, p_end = previous_period(s.start, s.end)
        self.compared.setText(
            self.tr("%1 – %2 · changes compared with %3 – %4 (the %5 days before)")
            .replace("%1", fmt.date(s.start))
            .replace("%2", fmt.date(s.end))
            .replace("%3", fmt.date(p_start))
            .replace("%4", fmt.date(p_end))
            .replace("%5", str((s.end - s.start).days + 1))
        )
        for key, kind, better, _drill, _hits in TILES:
            tile = self.tiles[key]
            now, before = tile_value(key, s.current), tile_value(key, s.previous)
            tile.value = now
            tile.figure.setText(texts.format_value(kind, now))
            text, colour = texts.change_text(kind, better, now, before)
            tile.change.setText(text)
            tile.change.setStyleSheet(f"color:{colour}; font-weight:bold;")
            tile.change.setToolTip(
                self.tr("Previous period: %1").replace("%1", texts.format_value(kind, before))
            )
            tile.detail.setText(texts.detail(key, s.current))
        self._render_charts(s)

    def _render_charts(self, s: Snapshot) -> None:
        self._render_opened_or_revenue(s)
        self._render_technicians(s)
        self._render_declines(s)
        self._render_misses(s)

    def _render_opened_or_revenue(self, s: Snapshot) -> None:
        """Per day and per advisor: ROs opened, or revenue (the metric chosen above them)."""
        revenue = self.chart_metric.currentIndex() == 1

        def figure(k: KPIs) -> float:
            return k.revenue_cents / 100 if revenue else float(k.opened)

        def shown(k: KPIs) -> str:
            return fmt.money(k.revenue_cents) if revenue else fmt.number(k.opened)

        money_axis = (lambda v: "¥" + plain(v)) if revenue else plain
        self.trend.set_title(
            self.tr("Revenue per day (incl. tax)") if revenue else self.tr("ROs opened per day")
        )
        self.trend.set_axis_format(money_axis)
        short = [QLocale().toString(qdate(d.day), "M/d") for d in s.days]
        self.trend.set_data(
            short,
            [figure(d.kpis) for d in s.days],
            labels=["¥" + plain(figure(d.kpis)) if revenue else plain(figure(d.kpis)) for d in s.days],
            tooltips=[f"{fmt.date(d.day)}: {shown(d.kpis)}" for d in s.days],
        )
        self.by_advisor.set_title(
            self.tr("Revenue per advisor (incl. tax)") if revenue else self.tr("ROs opened per advisor")
        )
        self.by_advisor.set_axis_format(money_axis)
        self.by_advisor.set_data(
            [a.name for a in s.advisors],
            [figure(a.kpis) for a in s.advisors],
            labels=[shown(a.kpis) for a in s.advisors],
        )
        ids = [a.advisor_id for a in s.advisors]
        self.by_advisor.set_highlight(ids.index(s.advisor_id) if s.advisor_id in ids else -1)

    def _render_technicians(self, s: Snapshot) -> None:
        techs = s.technicians
        self.by_technician.set_title(self.tr("Sold hours per technician"))
        hours = self.tr("%1 h")
        self.by_technician.set_data(
            [t.name for t in techs],
            [float(t.sold_hours) for t in techs],
            labels=[hours.replace("%1", plain(float(t.sold_hours))) for t in techs],
            tooltips=[
                self.tr("%1: %2 jobs, sold %3 h, clocked %4 h, utilisation %5, efficiency %6")
                .replace("%1", t.name)
                .replace("%2", str(t.jobs))
                .replace("%3", plain(float(t.sold_hours)))
                .replace("%4", plain(round(t.clocked_min / 60, 1)))
                .replace("%5", texts.format_value("rate", t.utilisation.rate))
                .replace("%6", texts.format_value("rate", t.efficiency.rate))
                for t in techs
            ],
        )
        tids = [t.technician_id for t in techs]
        self.by_technician.set_highlight(tids.index(s.technician_id) if s.technician_id in tids else -1)

    def _render_declines(self, s: Snapshot) -> None:
        lang = self.ctx.lang
        rows = s.current.declines
        self.declines.set_title(self.tr("Decline reasons (contacts + estimate lines)"))
        self.declines.set_data(
            [d.label(lang) for d in rows],
            [d.contacts + d.lines for d in rows],
            labels=[f"{d.contacts + d.lines} · {fmt.money(d.value_cents)}" for d in rows],
            tooltips=[
                self.tr("%1: %2 contacts declined, %3 estimate lines worth %4")
                .replace("%1", d.label(lang))
                .replace("%2", str(d.contacts))
                .replace("%3", str(d.lines))
                .replace("%4", fmt.money(d.value_cents))
                for d in rows
            ],
        )

    def _render_misses(self, s: Snapshot) -> None:
        lang = self.ctx.lang
        misses = s.current.misses
        self.misses.set_title(self.tr("Time-standard misses per standard"))
        self.misses.set_data(
            [m.label(lang) for m in misses],
            [float(m.ratio.hits) for m in misses],
            labels=[
                f"{m.ratio.hits} / {m.ratio.base} ({texts.format_value('rate', m.ratio.rate)})"
                for m in misses
            ],
            tooltips=[
                self.tr("%1: %2 missed out of %3 measured")
                .replace("%1", m.label(lang))
                .replace("%2", str(m.ratio.hits))
                .replace("%3", str(m.ratio.base))
                for m in misses
            ],
        )

    # -- drill-down --------------------------------------------------------------------
    def drill_tile(self, key: str) -> None:
        spec = next(t for t in TILES if t[0] == key)
        keys = tuple(d for d in spec[3] if d in DRILL_KEYS)
        if keys:
            self._drill(keys, spec[4], self.tiles[key].title.text())

    def _drill_day(self, index: int) -> None:
        if self.snapshot is None or not 0 <= index < len(self.snapshot.days):
            return
        day = self.snapshot.days[index].day
        key = "revenue" if self.chart_metric.currentIndex() == 1 else "opened"
        what = self.tr("Revenue (incl. tax)") if key == "revenue" else self.tr("ROs opened")
        self._drill((key,), True, f"{what} · {fmt.date(day)}", start=day, end=day)

    def _drill_advisor(self, index: int) -> None:
        if self.snapshot is None or not 0 <= index < len(self.snapshot.advisors):
            return
        row = self.snapshot.advisors[index]
        key = "revenue" if self.chart_metric.currentIndex() == 1 else "opened"
        what = self.tr("Revenue (incl. tax)") if key == "revenue" else self.tr("ROs opened")
        self._drill((key,), True, f"{what} · {row.name}", advisor_id=row.advisor_id)

    def _drill_technician(self, index: int) -> None:
        if self.snapshot is None or not 0 <= index < len(self.snapshot.technicians):
            return
        row = self.snapshot.technicians[index]
        self._drill(
            ("jobs",),
            True,
            self.tr("Jobs finished · %1").replace("%1", row.name),
            technician_id=row.technician_id,
        )

    def _drill_miss(self, index: int) -> None:
        if self.snapshot is None or not 0 <= index < len(self.snapshot.current.misses):
            return
        miss = self.snapshot.current.misses[index]
        if miss.key not in DRILL_KEYS:
            messages.info(self, self.tr("Appointment requests have no repair order to list yet."))
            return
        self._drill((miss.key,), True, miss.label(self.ctx.lang))

    _KEEP: Any = object()

    def _drill(
        self,
        keys: tuple[str, ...],
        hits: bool,
        title: str,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        advisor_id: Any = _KEEP,
        technician_id: Any = _KEEP,
    ) -> None:
        """List the ROs behind ``keys`` for the shown filters (some overridden)."""
        s = self.snapshot
        if s is None:
            return
        args = {
            "keys": keys,
            "hits": hits,
            "start": start or s.start,
            "end": end or s.end,
            "advisor_id": s.advisor_id if advisor_id is self._KEEP else advisor_id,
            "technician_id": s.technician_id if technician_id is self._KEEP else technician_id,
        }
        self.drill_args = args
        self._list_ros(dashboard.drill_down, args, title)

    def _drill_scorecard(self, title: str, args: dict[str, Any]) -> None:
        """The ROs behind a cell of the process scorecard."""
        self._list_ros(scorecard.drill, args, title)

    def _list_ros(self, fn: Callable[..., list[ROSummary]], args: dict[str, Any], title: str) -> None:
        """Load the ROs ``fn(**args)`` lists into the drill-down panel, headed ``title``."""
        self._drill_generation += 1
        generation = self._drill_generation
        self._drill_title = title
        self.drill_model.set_rows([])
        self.drill_heading.setText(title + " · " + self.tr("loading…"))
        if not self.drill_panel.isVisible():
            self.drill_panel.show()
            height = self.splitter.height()
            self.splitter.setSizes([height * 11 // 20, height * 9 // 20])

        def done(rows: list[ROSummary]) -> None:
            if generation == self._drill_generation:
                self.drill_model.set_rows(rows)
                self._show_drill_heading()
                if rows:
                    self.drill_table.selectRow(0)
                self.drill_table.setFocus()

        self._start(fn, {"actor": self.ctx.actor, **args}, done)

    def _show_drill_heading(self) -> None:
        if not self._drill_title:
            return
        n = len(self.drill_model.rows)
        text = self.tr("%1 — %2 ROs (double-click or Enter opens one)").replace("%1", self._drill_title)
        text = text.replace("%2", fmt.number(n))
        if n >= DRILL_LIMIT:
            text += " · " + self.tr("the first %1 are listed").replace("%1", fmt.number(DRILL_LIMIT))
        self.drill_heading.setText(text)

    def _open_drilled(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_ro.emit(int(self.drill_model.data(index, ID_ROLE)))

    # -- export ------------------------------------------------------------------------
    def export(self) -> None:
        """Ask where to save the summary workbook, then write it in a worker thread."""
        start, end = self.period()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"service-summary-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(path)

    def export_to(self, path: str) -> None:
        start, end = self.period()
        if end < start:
            messages.error(self, self.tr("The period ends before it starts: choose the dates again."))
            return
        self.export_button.setEnabled(False)

        def finished(written: Outcome[Path | None]) -> None:
            self.export_button.setEnabled(True)
            if written.error is not None:  # shown by ops
                return
            if not written.ok or written.value is None:
                messages.info(self, self.tr("Export cancelled: no file was written."))
            else:
                messages.info(self, self.tr("The summary was saved to %1").replace("%1", str(written.value)))

        self.ctx.ops.run_in_background(
            export_summary,
            parent=self,
            progress=self.tr("Writing the Excel summary…"),
            on_done=finished,
            path=path,
            start=start,
            end=end,
            lang=self.ctx.lang,
        )


WORKSPACE = DashboardWorkspace
