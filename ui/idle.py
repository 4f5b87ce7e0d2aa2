"""The idle watch: a shared PC locks itself when nobody has touched it for a while.

An event filter on the application notes the time of each input a person makes (a key,
a mouse press or move, the wheel, a touch, a pen); timers, paints and live refreshes
are not input. A check every ``tick_ms`` asks whether ``minutes`` have passed since and
whether locking now is safe (``may_lock``: no modal dialog, no background work under
way); it then reads the minutes again (``read_minutes``: the setting may have changed
at another desk) and, when still due, emits ``idle`` once, and again only after new
input. ``minutes == 0`` turns it off. ``clock`` and ``seconds_per_minute`` are the time base (tests shorten it).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)

SECONDS_PER_MINUTE = 60.0


class IdleWatch(QObject):
    """Emits ``idle`` when no input has come for ``minutes`` and ``may_lock()`` agrees."""

    idle = Signal()

    def __init__(
        self,
        *,
        may_lock: Callable[[], bool],
        read_minutes: Callable[[], int | None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
        seconds_per_minute: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.may_lock = may_lock
        self.read_minutes = read_minutes
        self.clock = clock
        self.seconds_per_minute = SECONDS_PER_MINUTE if seconds_per_minute is None else seconds_per_minute
        self.minutes = 0
        self.last_input = clock()
        self._fired = False
        self.timer = QTimer(self)
        # A tenth of a minute at most between checks: a lock comes at most ~6 s late.
        self.timer.setInterval(max(20, min(1_000, int(self.seconds_per_minute * 100))))
        self.timer.timeout.connect(self.check)

    def set_minutes(self, minutes: int, *, restart: bool = True) -> None:
        """Lock after ``minutes`` without input (0: never); ``restart``: the count starts
        afresh (a session just shown), else it goes on from the last input."""
        self.minutes = max(0, int(minutes))
        if restart:
            self.touch()
        if self.minutes:
            self.timer.start()
        else:
            self.timer.stop()

    def touch(self) -> None:
        """Input now (or a session just shown): the count starts again."""
        self.last_input = self.clock()
        self._fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT:
            self.touch()
        return False

    def _due(self) -> bool:
        return bool(self.minutes) and self.clock() - self.last_input >= self.minutes * self.seconds_per_minute

    def check(self) -> None:
        if self._fired or not self._due():
            return
        if not self.may_lock():  # a dialog or background work: lock once it has ended
            return
        minutes = self.read_minutes()
        if minutes is not None and minutes != self.minutes:
            self.set_minutes(minutes, restart=False)
            if not self._due():
                return
        self._fired = True
        self.idle.emit()
