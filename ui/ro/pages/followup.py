"""Step 13 — the follow-up of this RO: the 24–48 h window, its status and the call form."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from advisor.services.views import ROView
from ui.context import AppContext
from ui.followup_form import FollowUpForm
from ui.ro.pages._closing import banner, locked_text, show_banner
from ui.ro.pages.base import StepPage


class FollowUpPage(StepPage):
    step = 13

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        self.title = QLabel(body)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.locked = banner(body, "followup_locked")
        self.form = FollowUpForm(ctx, body, topic="ro")
        self.form.setObjectName("followup_form")
        layout.addWidget(self.title)
        layout.addWidget(self.locked)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Follow-up call — 24 to 48 hours after handover"))
        if self.view is not None:
            self.set_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        show_banner(self.locked, locked_text(view.locked, self.step, self.ctx.lang), "warn")
        self.form.setVisible(view.follow_up is not None)
        self.form.set_follow_up(view.follow_up)


Page = FollowUpPage
