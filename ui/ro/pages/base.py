"""The base of a step page: it shows one step of one RO and calls services through ops."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from advisor import workflow
from advisor.i18n import pick
from advisor.services import users
from advisor.services.views import ROView
from ui.context import AppContext
from ui.ro.pages._closing import banner, show_banner

TITLE_STYLE = "font-size: 15pt; font-weight: bold;"
# The mark of a button that only acts on the screen (ticks boxes, opens a list): anyone's.
FREE = "free"
# What a guarded widget needs: permissions joined by "|" (any one of them will do).
NEEDS = "needs"
# Widgets whose own tool buttons are parts of them (a tab bar's arrows, a spin box's steps).
_PARTS = (QTabBar, QAbstractSpinBox, QComboBox, QScrollBar)


def _buttons_in(widget: QWidget) -> list[QWidget]:
    """The push and tool buttons inside ``widget`` (not the parts of a tab bar or a box)."""
    return [
        b
        for b in widget.findChildren(QAbstractButton)
        if isinstance(b, QPushButton | QToolButton) and not isinstance(b.parentWidget(), _PARTS)
    ]


def needs(widget: QWidget) -> tuple[str, ...] | None:
    """The permissions a widget's action needs (any one), () when free, None when unmarked."""
    mark = widget.property(NEEDS)
    if mark is None:
        return None
    return () if mark == FREE else tuple(str(mark).split("|"))


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
        # Who acts next, shown when this role cannot act on the RO now; a page puts it
        # at its top (``_scaffold`` does).
        self.next_banner = banner(self, "who_acts_next")
        self._refused: list[tuple[QWidget, str]] = []
        # What the role may use here: greyed while the RO is another advisor's (``show_view``).
        self._offered: list[tuple[QWidget, tuple[str, ...]]] = []
        self._not_theirs: list[tuple[QWidget, bool, str]] = []  # widget, was enabled, tool tip

    # -- who may act ------------------------------------------------------------------
    def guard(self, widget: QWidget, *actions: str) -> bool:
        """Offer ``widget`` only to a role that may do one of ``actions`` (the permissions
        its service checks). It and every push or tool button in it are marked with what
        they need; for any other role a button is hidden and disabled, a form (any other
        widget) disabled — its check boxes still show their state — with its buttons hidden,
        the refusal — who may — as the tooltip. True when the role may. A page that sets
        such a widget visible or enabled again asks ``self.ctx.may``."""
        mark = "|".join(actions)
        buttons = _buttons_in(widget)
        widget.setProperty(NEEDS, mark)
        for button in buttons:
            if button.property(NEEDS) is None:
                button.setProperty(NEEDS, mark)
        if any(self.ctx.may(a) for a in actions):
            self._offered.append((widget, actions))
            return True
        for w in (widget, *buttons):
            if isinstance(w, QPushButton | QToolButton):
                w.hide()
            w.setEnabled(False)
            self._refused.append((w, actions[0]))
        self._refusal_tips()
        return False

    @staticmethod
    def free(*buttons: QWidget) -> None:
        """Mark buttons that only act on the screen: every role may use them."""
        for button in buttons:
            button.setProperty(NEEDS, FREE)

    def _refusal_tips(self) -> None:
        role = self.ctx.actor.role
        self._refused = [(w, a) for w, a in self._refused if isValid(w)]  # cards come and go
        for widget, action in self._refused:
            en, zh = users.refusal(role, action)
            widget.setToolTip(pick(en, zh, self.ctx.lang))

    # -- one owner advisor (issue 17) -----------------------------------------------------
    def theirs(self, view: ROView) -> bool:
        """Whether the user may act on the advisor's steps of this RO (``workflow.acts_as_owner``):
        an advisor on their own ROs only."""
        a = self.ctx.actor
        return workflow.acts_as_owner(a.role, a.user_id, view.advisor_id)

    def show_view(self, view: ROView) -> None:
        """``set_view``, then, on another advisor's RO, grey what the user would do on the
        advisor's steps (``workflow.OWNER_ACTIONS``) with the owner's name as the reason."""
        for widget, enabled, tip in self._not_theirs:
            if isValid(widget):
                widget.setEnabled(enabled)
                widget.setToolTip(tip)
        self._not_theirs = []
        self.set_view(view)
        if self.theirs(view):
            return
        why = pick(*workflow.owner_refusal(view.advisor), self.ctx.lang)
        self._offered = [(w, a) for w, a in self._offered if isValid(w)]
        for widget, actions in self._offered:
            if all(a in workflow.OWNER_ACTIONS for a in actions if self.ctx.may(a)):
                self._not_theirs.append((widget, widget.isEnabled(), widget.toolTip()))
                widget.setEnabled(False)
                widget.setToolTip(why)

    def _show_waiting(self, view: ROView) -> None:
        """Who does what next ("Waiting for the cashier to take payment."): on a step
        later than the one the RO waits at (nobody acts here yet), and on that step for a
        role that may not act. On another advisor's RO, first whose it is and whom to ask."""
        w = view.waiting
        text = ""
        mine = self.theirs(view)
        if w is not None:
            may = self.ctx.may(w.action) and (mine or w.action not in workflow.OWNER_ACTIONS)
            if self.step > w.step or (self.step == w.step and not may):
                text = pick(w.en, w.zh, self.ctx.lang)
        if not mine:
            text = " ".join(
                t for t in (pick(*workflow.owner_refusal(view.advisor), self.ctx.lang), text) if t
            )
        show_banner(self.next_banner, text, "info" if mine else "warn")

    def _scaffold(self, *banners: str, scroll: bool = True) -> tuple[QWidget, QVBoxLayout, list[QLabel]]:
        """The top of a closing step (QC to follow-up): the page's body (in a scroll area
        unless ``scroll`` is False), its column layout, the bold ``self.title`` and one hidden
        status banner per object name in ``banners``, already in the column in that order."""
        body = scroll_page(self) if scroll else self
        layout = QVBoxLayout(body)
        self.title = QLabel(body)
        self.title.setStyleSheet(TITLE_STYLE)
        layout.addWidget(self.title)
        self.next_banner.setParent(body)
        layout.addWidget(self.next_banner)
        labels = [banner(body, name) for name in banners]
        for label in labels:
            layout.addWidget(label)
        return body, layout, labels

    def set_view(self, view: ROView) -> None:
        self.view = view
        self._show_waiting(view)

    def retranslate(self) -> None:
        """Re-set every visible string after a language switch (on ``LanguageChange``)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refusal_tips()
            if self.view is not None:
                self._show_waiting(self.view)
            self.retranslate()
        super().changeEvent(event)


class PlaceholderPage(StepPage):
    """Shown for a step whose page is not built yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.next_banner)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("This step is shown on another screen."))
