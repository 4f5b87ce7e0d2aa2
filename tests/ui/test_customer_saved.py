"""A saved customer says so: "✓ Saved 14:32" beside the Save button, in both languages,
gone again as soon as the form is changed."""

from __future__ import annotations

import datetime as dt

from advisor.services import customers
from tests import factories
from tests.ui.person import click, fill
from tests.ui.shell_support import workstation  # noqa: F401
from ui import i18n
from ui.workspaces.customers import CustomersWorkspace


def test_saving_a_customer_shows_when_it_was_saved(qtbot, ctx, staff, shown) -> None:
    cid, _vid = factories.make_customer_vehicle(staff)
    ws = CustomersWorkspace(ctx)
    qtbot.addWidget(ws)
    # 1366×768, or what fits the test screen (offscreen Qt's is 800×800: widgetAt finds
    # nothing beyond it).
    screen = ws.screen().availableGeometry()
    ws.resize(min(1366, screen.width()), min(768, screen.height()))
    ws.show()
    qtbot.waitExposed(ws)
    ws.show_customer(cid)
    assert not ws.saved_label.isVisible()

    fill(qtbot, ws.wechat, "zhangwei_88")
    before = dt.datetime.now()
    click(qtbot, ws.save_button)
    after = dt.datetime.now()

    assert customers.get_customer(cid).wechat == "zhangwei_88"
    times = {before.strftime("%H:%M"), after.strftime("%H:%M")}
    assert ws.saved_label.isVisible()
    assert ws.saved_label.text() in {f"✓ Saved {t}" for t in times}
    # beside the Save button, on its row
    assert (
        abs(
            ws.saved_label.mapTo(ws, ws.saved_label.rect().center()).y()
            - ws.save_button.mapTo(ws, ws.save_button.rect().center()).y()
        )
        < 8
    )

    i18n.set_language("zh_CN")
    qtbot.wait(1)  # the change reaches every widget
    assert ws.saved_label.text() in {f"✓ 已保存 {t}" for t in times}

    fill(qtbot, ws.email, "z@example.cn")  # changed again: not saved any more
    assert not ws.saved_label.isVisible()
    assert shown == []
