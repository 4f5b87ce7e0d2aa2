"""The repair order: header, the 13-step bar, the page of a step, the customer's words
beside it, and the timeline one tab away."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.codes import ROStatus
from advisor.errors import UserError
from advisor.services import inbox, orders, reception
from advisor.services.opchanges import Kind, OpChanges
from advisor.services.views import ROView
from ui import messages
from ui.context import AppContext
from ui.desk.vehicle_dialog import EditVehicleDialog
from ui.ro import printing
from ui.ro.header import ROHeader
from ui.ro.pages import page_class
from ui.ro.pages.base import StepPage
from ui.ro.quote_panel import QuotePanel
from ui.ro.reassign_dialog import ReassignDialog
from ui.ro.step_bar import StepBar, step_label
from ui.ro.timeline import Timeline
from ui.ro.timeline_report import TimelineReport
from ui.workspace import Workspace

log = logging.getLogger(__name__)


class RepairOrderWorkspace(Workspace):
    key = "repair_order"
    permission = "ro.view"
    icon_name = "SP_FileDialogDetailedView"
    # of its own RO only: see concerns()
    shows = Kind.ALL & ~(Kind.USERS | Kind.SOLICITATION | Kind.APPOINTMENTS | Kind.AUDIT)
    shortcut = "Ctrl+3"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ro_id: int | None = None
        self.view: ROView | None = None
        self.current_step = 0
        self.pages: dict[int, StepPage] = {}

        self.empty = QLabel(self)
        self.empty.setObjectName("ro_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header = ROHeader(self)
        self.header.edit_vehicle_button.clicked.connect(self.edit_vehicle)
        self.header.reassign_button.clicked.connect(self.reassign_advisor)
        self.header.inform_button.clicked.connect(self.customer_updated)
        self.header.waits_button.clicked.connect(self.toggle_customer_waits)
        self.step_bar = StepBar(ctx, self)
        self.step_bar.step_clicked.connect(self.show_step)
        self._build_print_menu()
        self._build_tabs()

        self.body = QWidget(self)
        bar_row = QHBoxLayout()
        bar_row.addWidget(self.step_bar, 1)
        bar_row.addWidget(self.print_button)
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.header)
        body_layout.addLayout(bar_row)
        body_layout.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)

        ctx_shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for step in range(1, 10):
            sc = QShortcut(QKeySequence(f"Alt+{step}"), self, context=ctx_shortcut)
            sc.activated.connect(lambda s=step: self.show_step(s))
        QShortcut(QKeySequence("Alt+T"), self, context=ctx_shortcut).activated.connect(
            lambda: self.tabs.setCurrentIndex(1 - self.tabs.currentIndex())
        )
        self.setTabOrder(self.step_bar, self.tabs)
        self._show_body(False)
        self.retranslate()

    def _build_print_menu(self) -> None:
        """The print button: a menu of the sheets (shown where printing is available)."""
        self.print_button = QToolButton(self)
        self.print_button.setObjectName("ro_print")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_actions = {kind: self.print_menu.addAction("") for kind in printing.SHEETS}
        for kind, action in self.print_actions.items():
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.print_sheet(k))
        self.print_button.setMenu(self.print_menu)
        self.print_button.setVisible(printing.available())

    def _build_tabs(self) -> None:
        """The step pages, the timeline and the whole story in tabs, the customer's words beside."""
        ctx = self.ctx
        self.stack = QStackedWidget(self)
        self.timeline = Timeline(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ro_tabs")
        self.tabs.addTab(self.stack, "")
        self.tabs.addTab(self.timeline, "")
        # The whole story on one screen, to show a customer or a manager (issue 5).
        self.report = TimelineReport(ctx.actor, ctx.lang, self)
        self.report.setObjectName("ro_report")
        self.tabs.addTab(self.report, "")
        self.quotes = QuotePanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.quotes)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

    def title(self) -> str:
        return self.tr("Repair order")

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Open a repair order from Today or with the search (Ctrl+K)."))
        self.tabs.setTabText(0, self.tr("Step"))
        self.tabs.setTabText(1, self.tr("Timeline"))
        self.tabs.setTabToolTip(1, self.tr("Every event of this repair order (Alt+T)"))
        self.tabs.setTabText(2, self.tr("Overview"))
        self.tabs.setTabToolTip(2, self.tr("Steps, time standards, consents, QC and payments on one page"))
        self.print_button.setText(self.tr("Print…"))
        labels = {
            "estimate": self.tr("Estimate sheet"),
            "checkin": self.tr("Check-in sheet"),
            "health": self.tr("Vehicle health report"),
            "jobcard": self.tr("Job card"),
            "settlement": self.tr("Settlement sheet"),
        }
        for kind, action in self.print_actions.items():
            action.setText(labels[kind])
        self.step_bar.retranslate()
        self._update_tab_title()

    def _show_body(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.empty.setVisible(not shown)

    # -- what is shown -------------------------------------------------------------
    def show_ro(self, ro_id: int, step: int | None = None) -> None:
        """Show repair order ``ro_id`` at ``step`` (1–13), or else at its current step."""
        if ro_id != self.ro_id:
            for page in self.pages.values():
                self.stack.removeWidget(page)
                page.deleteLater()
            self.pages.clear()
            self.current_step = 0
        self.ro_id = ro_id
        self._load()
        if self.view is not None:
            self.show_step(step if step is not None and 1 <= step <= 13 else self._natural_step(self.view))

    @staticmethod
    def _natural_step(view: ROView) -> int:
        return max(1, min(int(view.step), 13))

    def show_step(self, step: int) -> None:
        """Show the page of ``step`` (1–13), created on first use."""
        if not 1 <= step <= 13:
            return
        page = self.pages.get(step)
        if page is None:
            page = page_class(step)(self.ctx)
            page.setObjectName(f"page_{step}")
            self.pages[step] = page
            self.stack.addWidget(page)
            if self.view is not None:
                page.show_view(self.view)
        self.current_step = step
        self.stack.setCurrentWidget(page)
        self.step_bar.choose(step)
        self.tabs.setCurrentIndex(0)
        self._update_tab_title()

    def page(self, step: int) -> StepPage:
        """The page of ``step`` (created when needed) — for tests and the e2e walk."""
        if step not in self.pages:
            keep = self.current_step
            self.show_step(step)
            if keep:
                self.show_step(keep)
        return self.pages[step]

    def _update_tab_title(self) -> None:
        if self.current_step:
            self.tabs.setTabText(0, f"{self.current_step} {step_label(self.current_step, self.ctx.lang)}")

    def concerns(self, changes: OpChanges) -> bool:
        return self.ro_id is not None and changes.touches(self.shows, ro_id=self.ro_id)

    def refresh(self) -> None:
        if self.ro_id is None:
            self._show_body(False)
            return
        before = self.view.step if self.view is not None else None
        self._load()
        view = self.view
        if view is None:
            return
        for page in self.pages.values():
            page.show_view(view)
        if before is not None and view.step != before and self.current_step == max(1, min(int(before), 13)):
            self.show_step(self._natural_step(view))  # follow the RO to its next step

    def _load(self) -> None:
        assert self.ro_id is not None
        try:
            view = orders.read_ro(actor=self.ctx.actor, ro_id=self.ro_id)
        except UserError as err:
            messages.error(self, err.message())
            self.ro_id, self.view = None, None
            self._show_body(False)
            return
        self.view = view
        self._show_body(True)
        self.header.set_view(view)
        self.header.edit_vehicle_button.setVisible(self.ctx.may("customer.edit"))
        # Its advisor's buttons: for its advisor or a manager, never another advisor (who asks
        # them to hand it over: the step pages say so).
        a = self.ctx.actor
        open_ = view.status == ROStatus.OPEN and view.handed_over_at is None
        open_ = open_ and workflow.acts_as_owner(a.role, a.user_id, view.advisor_id)
        self.header.reassign_button.setVisible(open_ and self.ctx.may("ro.reassign"))
        self.header.inform_button.setVisible(open_ and self.ctx.may("customer.inform"))
        self.header.waits_button.setVisible(open_ and self.ctx.may("ro.checkin"))
        self.step_bar.set_view(view)
        self.quotes.set_view(view)
        self.timeline.set_view(view)
        self.report.set_language(self.ctx.lang)
        self.report.set_view(view)

    # -- corrections from the header ------------------------------------------------
    def edit_vehicle(self) -> None:
        """Correct the RO's vehicle (plate, VIN, …); the header shows the saved details."""
        if self.view is not None and EditVehicleDialog(self.ctx, self.view.vehicle, self).exec():
            self.refresh()

    def reassign_advisor(self) -> None:
        """Hand the RO over to another advisor; the header shows the new one."""
        if self.view is not None:
            ReassignDialog(self.ctx, self.view, self).exec()
            self.refresh()  # also after a refusal: someone else may have handed it over

    def customer_updated(self) -> None:
        """The advisor told the customer how the work stands: on the timeline; what needed
        it leaves "Needs me"."""
        if self.view is not None:
            self.ctx.ops.run(inbox.give_progress_update, parent=self, ro_id=self.view.id)

    def toggle_customer_waits(self) -> None:
        """The customer sat down to wait, or has left: the lounge screen shows the car only
        while they wait."""
        view = self.view
        if view is None:
            return
        outcome = self.ctx.ops.run(
            reception.set_customer_waits, parent=self, ro_id=view.id, waits=not view.customer_waits
        )
        if not outcome.ok:  # refused: the toggle shows what is recorded
            self.header.waits_button.setChecked(view.customer_waits)

    # -- printing ------------------------------------------------------------------
    def print_sheet(self, kind: str) -> None:
        """Render a sheet of this RO and open the print preview."""
        if self.view is not None:
            printing.print_sheet(self, self.ctx.ops, kind, self.view, self.ctx.lang)


WORKSPACE = RepairOrderWorkspace
