"""The assign dialog's suggestions table shows its headings whole, in both languages (the
columns were sized to the cells before the headings were set: 已排工时 was cut)."""

from __future__ import annotations

import pytest

from tests import factories
from tests.ui.shell_support import workstation  # noqa: F401
from ui import i18n
from ui.assign_dialog import AssignDialog


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_heading_of_the_suggestions_fits_its_column(qtbot, make_ctx, staff, lang) -> None:  # type: ignore[no-untyped-def]
    _ro, lines = factories.authorised(staff)
    i18n.set_language(lang)
    dialog = AssignDialog(make_ctx("foreman", lang), line_id=lines[0], job="京A12345 · 更换前刹车片")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    header = dialog.suggested.horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(dialog.suggested.columnCount()):
        text = dialog.suggested.horizontalHeaderItem(col).text()
        assert header.sectionSize(col) >= metrics.horizontalAdvance(text), f"{text!r} is cut"
