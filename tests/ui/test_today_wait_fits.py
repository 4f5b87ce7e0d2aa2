"""Today's waiting lane at 1366×768: a long wait is read whole (it was cut to
"● 3 小时 27 分…" behind a sideways scroll bar); a long name gives way, whole in its tooltip."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from advisor.services import reception
from tests import factories
from tests.ui import person
from ui import i18n
from ui.workspaces.today import TodayWorkspace


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_long_wait_is_shown_whole(qtbot, make_ctx, staff, lang) -> None:  # type: ignore[no-untyped-def]
    for n, name in enumerate(("欧阳娜娜", "Maximilian Alexander Worthington-Smythe")):
        _c, vid = factories.make_customer_vehicle(staff, name=name)
        reception.open_repair_order(
            actor=staff.advisor,
            vehicle_id=vid,
            arrived_at=dt.datetime.now() - dt.timedelta(hours=3, minutes=27 + n),
        )
    i18n.set_language(lang)
    ws = TodayWorkspace(make_ctx("advisor", lang))
    person.show_window(qtbot, ws)
    ws.refresh()
    view = ws.waiting_view
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    assert not view.horizontalScrollBar().isVisible()
    bold = view.font()
    bold.setBold(True)  # the wait is drawn in bold
    metrics = QFontMetrics(bold)
    for row in range(2):
        wait = view.model().index(row, 3)
        text = wait.data()
        assert "3" in text
        assert view.columnWidth(3) >= metrics.horizontalAdvance(text), f"{text!r} is cut"
        name = view.model().index(row, 2)
        assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()
