"""The base of a step page: it shows one step of one RO and calls services through ops."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from advisor.services.views import ROView
from ui.context import AppContext
from ui.ro.pages._closing import banner

TITLE_STYLE = "font-size: 15pt; font-weight: bold;"


def scroll_page(page: QWidget, content: QWidget | None = None, *, frame: bool = True) -> QWidget:
    """Fill ``page`` with a scroll area showing ``content`` (a new widget when None), so a
    long step reads top to bottom at 1366×768; returns the content widget."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    if not frame:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    if content is None:
        content = QWidget(scroll)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return content


class StepPage(QWidget):
    """Subclasses set ``step`` and implement ``set_view``.

    Actions call ``self.ctx.ops.run(service_fn, parent=self, ro_id=…, …)``;
    the RO workspace hears ``changed`` and calls ``set_view`` again with a fresh view.
    A page must keep what the user typed when a call is refused (its ``Outcome`` is not ``ok``).
    """

    step = 0
    title: QLabel  # set by _scaffold

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ROView | None = None

    def _scaffold(self, *banners: str, scroll: bool = True) -> tuple[QWidget, QVBoxLayout, list[QLabel]]:
        """The top of a closing step (QC to follow-up): the page's body (in a scroll area
        unless ``scroll`` is False), its column layout, the bold ``self.title`` and one hidden
        status banner per object name in ``banners``, already in the column in that order."""
        body = scroll_page(self) if scroll else self
        layout = QVBoxLayout(body)
        self.title = QLabel(body)
        self.title.setStyleSheet(TITLE_STYLE)
        layout.addWidget(self.title)
        labels = [banner(body, name) for name in banners]
        for label in labels:
            layout.addWidget(label)
        return body, layout, labels

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
