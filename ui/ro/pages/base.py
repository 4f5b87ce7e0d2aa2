"""The base of a step page: it shows one step of one RO and calls services through ops."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from advisor.services.views import ROView
from ui.context import AppContext


class StepPage(QWidget):
    """Subclasses set ``step`` and implement ``set_view``.

    Actions call ``self.ctx.ops.run(service_fn, parent=self, topic="ro", ro_id=…, …)``;
    the RO workspace hears ``changed`` and calls ``set_view`` again with a fresh view.
    A page must keep what the user typed when a call is refused (``run`` returns None).
    """

    step = 0

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ROView | None = None

    def set_view(self, view: ROView) -> None:
        self.view = view

    def retranslate(self) -> None:
        """Re-set every visible string after a language switch (on ``LanguageChange``)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PlaceholderPage(StepPage):
    """Shown for a step whose page is not built yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("This step is shown on another screen."))
