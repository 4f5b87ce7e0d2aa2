"""The step bar at 1366×768 as a person reads it: every step's label fits its button in
the font it is drawn with (bold for the current step, inside the 3 px frame of the chosen
one), so Qt never elides it a second time — the current step read "12 …o…" in English."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import open_ro
from tests.ui.shell_support import workstation  # noqa: F401
from ui import i18n

PADDING = 4  # each side (the bar's style sheet)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_step_label_fits_its_button_in_the_font_it_is_drawn_with(qtbot, make_ctx, staff, lang) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    ro_id, _lines = factories.settled_paid(staff)
    ws = open_ro(qtbot, make_ctx("advisor", lang), ro_id)
    bar = ws.step_bar
    assert ws.current_step == 12 and bar.state_of(12) == "current"
    person.click(qtbot, bar.buttons[4])  # another step chosen: its frame is the thick one
    for step, button in bar.buttons.items():
        font = QFont(button.font())
        font.setBold(bar.state_of(step) == "current")
        metrics = QFontMetrics(font)
        border = 3 if button.isChecked() or button.hasFocus() else 1
        room = button.width() - 2 * (border + PADDING)
        full = bar.full_text(step).split("\n")
        shown = button.text().split("\n")
        assert len(shown) == len(full)
        for line, whole in zip(shown, full, strict=True):
            assert metrics.horizontalAdvance(line) <= room, (step, line, room)
            # Cut at the end only, and only as much as needed.
            assert line == whole or (line.endswith("…") and whole.startswith(line[:-1])), (step, line)
    current = bar.buttons[12].text().split("\n")[0]
    assert current.startswith("12 ") and len(current) > 4  # more than "12 …"
