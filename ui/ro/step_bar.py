"""The 13 steps of the flow across the top of a repair order.

Done steps are ticked with when and by whom, the current step is highlighted, a locked
step carries the domain's reason in its tooltip. Clicking (or Enter on) a step shows
its page; Left/Right move between steps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from advisor.codes import EventAction
from advisor.i18n import pick
from advisor.services.views import EventView, ROView
from advisor.workflow import STEP_LABELS, Step
from ui import fmt
from ui.context import AppContext

STEPS = tuple(range(1, 14))

_STYLE = """
QToolButton { border: 1px solid #b8bec6; border-radius: 4px; padding: 3px 4px;
              background: #f4f5f7; color: #333; }
QToolButton[state="done"] { background: #e3f2e6; border-color: #6bb07a; color: #1d5c2c; }
QToolButton[state="current"] { background: #1565c0; border-color: #0d47a1; color: white;
                               font-weight: bold; }
QToolButton[state="locked"] { background: #f4f5f7; color: #8a9099; border-style: dashed; }
QToolButton:checked { border: 3px solid #f9a825; }
QToolButton:focus { border: 3px solid #f9a825; }
"""


def step_label(step: int, lang: str) -> str:
    en, zh = STEP_LABELS[Step(step)]
    return pick(en, zh, lang)


def finished_at(view: ROView, step: int) -> EventView | None:
    """The event that moved the RO past ``step`` (when and by whom it was done)."""
    if step <= Step.APPOINTMENT:
        return next((e for e in view.events if e.action == EventAction.ARRIVED), None)
    return next((e for e in view.events if e.step > step), None)


class StepBar(QWidget):
    """Thirteen buttons; ``step_clicked(step)`` when one is chosen."""

    step_clicked = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_bar")
        self.ctx = ctx
        self.view: ROView | None = None
        self.selected = 0
        self.buttons: dict[int, QToolButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for step in STEPS:
            b = QToolButton(self)
            b.setObjectName(f"step_{step}")
            b.setCheckable(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # The bar shares the width out evenly and never asks for more than the window
            # has: at 1366×768 an English label is elided to its button (full in the tooltip).
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            b.setMinimumSize(40, 48)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.installEventFilter(self)
            self.group.addButton(b, step)
            layout.addWidget(b)
            self.buttons[step] = b
        self.group.idClicked.connect(self._clicked)
        self.setStyleSheet(_STYLE)
        self.retranslate()

    def _clicked(self, step: int) -> None:
        self.choose(step)
        self.step_clicked.emit(step)

    def choose(self, step: int) -> None:
        self.selected = step
        if step in self.buttons:
            self.buttons[step].setChecked(True)

    def state_of(self, step: int) -> str:
        """done | current | locked | open (for tests and styling)."""
        v = self.view
        if v is None:
            return "open"
        current = min(v.step, 14)
        if step == current:
            return "current"
        if step < current:
            if step == Step.APPOINTMENT and v.walk_in:
                return "skipped"
            return "done"
        if step in v.locked:
            return "locked"
        return "open"

    def set_view(self, view: ROView) -> None:
        self.view = view
        self.retranslate()

    def retranslate(self) -> None:
        for step, b in self.buttons.items():
            name = f"{step} {step_label(step, self.ctx.lang)}"
            state = self.state_of(step)
            tip = [name]
            second = ""
            if state == "done" and self.view is not None:
                ev = finished_at(self.view, step)
                if ev is not None:
                    second = f"{fmt.time(ev.at)} {ev.user}".strip()
                    tip.append(
                        self.tr("Done %1 by %2")
                        .replace("%1", fmt.datetime(ev.at))
                        .replace("%2", ev.user or "—")
                    )
                name = "✓ " + name
            elif state == "skipped":
                second = self.tr("walk-in")
                tip.append(self.tr("Walk-in: no appointment"))
            elif state == "current":
                second = self.tr("now")
                tip.append(self.tr("Current step"))
            elif state == "locked" and self.view is not None:
                en, zh = self.view.locked[step]
                second = self.tr("locked")
                tip.append(self.tr("Locked: %1").replace("%1", pick(en, zh, self.ctx.lang)))
            waiting = self.view.waiting if self.view is not None else None
            if waiting is not None and waiting.step == step:  # who acts next, and what they do
                tip.append(pick(waiting.en, waiting.zh, self.ctx.lang))
            if step <= 9:
                tip.append(self.tr("Shortcut: Alt+%1").replace("%1", str(step)))
            b.setProperty("lines", [name, second] if second else [name])
            b.setProperty("state", state)
            self._fit(b)
            b.setToolTip("\n".join(tip))
            b.setAccessibleName(b.toolTip())
            b.style().unpolish(b)
            b.style().polish(b)

    def _fit(self, button: QToolButton) -> None:
        """Show the button's lines, each elided to the width the button has: in the font it
        is drawn with (bold for the current step) and inside the thickest frame (3 px when
        chosen or focused, 4 px padding), or Qt elides it again in the middle ("12 …o…")."""
        lines = button.property("lines") or []
        room = max(20, button.width() - 2 * (3 + 4))
        font = QFont(button.font())
        font.setBold(button.property("state") == "current")
        metrics = QFontMetrics(font)
        button.setText(
            "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines)
        )

    def full_text(self, step: int) -> str:
        """The button's label before eliding (what it says, given the room)."""
        return "\n".join(self.buttons[step].property("lines") or [])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(obj, QToolButton):
            self._fit(obj)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(obj, QToolButton)
        ):
            key = event.key()
            step = self.group.id(obj)
            moves: dict[int, int] = {Qt.Key.Key_Left: step - 1, Qt.Key.Key_Right: step + 1}
            target = moves.get(key)
            if target is not None and target in self.buttons:
                self.buttons[target].setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._clicked(step)
                return True
        return super().eventFilter(obj, event)
