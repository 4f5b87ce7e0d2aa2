"""Step 13 — the follow-up of this RO: the 24–48 h window, its status and the call form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor.services.views import ROView
from ui.context import AppContext
from ui.followup_form import FollowUpForm
from ui.ro.pages._closing import locked_text, show_banner
from ui.ro.pages.base import StepPage


class FollowUpPage(StepPage):
    step = 13

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        body, layout, (self.locked,) = self._scaffold("followup_locked")
        self.form = FollowUpForm(ctx, body)
        self.form.setObjectName("followup_form")
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.guard(self.form.call_group, "followup.log")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Follow-up call — 24 to 48 hours after handover"))
        if self.view is not None:
            self.show_view(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        show_banner(self.locked, locked_text(view.locked, self.step, self.ctx.lang), "warn")
        self.form.setVisible(view.follow_up is not None)
        self.form.set_follow_up(view.follow_up)


Page = FollowUpPage
