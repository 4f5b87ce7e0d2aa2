"""The idle watch on its own, over a clock the test turns: only a person's input counts,
0 minutes is never, and a lock that may not come now (background work, a dialog) comes
once it may."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui import person
from ui.idle import IdleWatch


def test_input_counts_paints_and_timers_do_not_and_a_deferred_lock_comes_when_allowed(
    qtbot: Any, qapp: QApplication
) -> None:
    now = [1000.0]
    busy = [False]
    watch = IdleWatch(may_lock=lambda: not busy[0], clock=lambda: now[0])
    fired: list[float] = []
    watch.idle.connect(lambda: fired.append(now[0]))
    qapp.installEventFilter(watch)
    try:
        field = QLineEdit()
        person.show_window(qtbot, field, (300, 40))
        watch.set_minutes(10)
        now[0] += 599
        person.key(qtbot, Qt.Key.Key_A)  # a key: the ten minutes start again
        now[0] += 599
        field.update()
        QApplication.sendEvent(field, QEvent(QEvent.Type.Timer))  # not input
        QApplication.processEvents()
        watch.check()
        assert fired == []
        now[0] += 1
        busy[0] = True  # an export under way: no lock yet
        watch.check()
        assert fired == []
        busy[0] = False
        watch.check()
        watch.check()  # once, not at every check
        assert fired == [now[0]]
        person.click(qtbot, field)  # back at the keyboard: it may fire again later
        now[0] += 600
        watch.check()
        assert len(fired) == 2
        watch.set_minutes(0)  # never
        now[0] += 100_000
        watch.check()
        assert len(fired) == 2 and not watch.timer.isActive()
    finally:
        qapp.removeEventFilter(watch)


def test_the_minutes_are_read_again_before_it_locks(qapp: QApplication) -> None:
    """Changed at another desk meanwhile (no live notice on PostgreSQL for settings): 0
    stops it, more minutes put the lock off from the same last input, fewer keep it due."""
    now = [0.0]
    setting = [10]
    watch = IdleWatch(may_lock=lambda: True, read_minutes=lambda: setting[0], clock=lambda: now[0])
    fired: list[float] = []
    watch.idle.connect(lambda: fired.append(now[0]))
    watch.set_minutes(10)
    setting[0] = 15
    now[0] = 600.0
    watch.check()
    assert fired == [] and watch.minutes == 15
    now[0] = 899.0
    watch.check()
    assert fired == []
    now[0] = 900.0
    watch.check()
    assert fired == [900.0]
    watch.touch()
    setting[0] = 0
    now[0] = 1800.0
    watch.check()
    assert fired == [900.0] and watch.minutes == 0 and not watch.timer.isActive()
