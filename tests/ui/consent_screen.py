"""The consent dialog as the advisor reaches it: an authorised RO, the foreman's change
request for rear pads waiting, the repair page at 1366×768 with the change selected, and
*Answer…* clicked (shared by the decision and signature tests)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from advisor.services import changes
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui.context import AppContext
from ui.ro.consent_dialog import ConsentDialog
from ui.ro.pages.repair import RepairPage


def open_consent(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> tuple[int, int, RepairPage, ConsentDialog]:
    """(RO id, change id, the repair page, the open consent dialog)."""
    ro_id, _lines = factories.authorised(staff)
    change_id = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn",
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )
    page = RepairPage(make_ctx("advisor"))
    qtbot.addWidget(page)
    page.set_view(get_ro_view(ro_id))
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.ctx.ops.changed.connect(lambda _c: page.set_view(get_ro_view(ro_id)))
    page.changes.selectRow(0)
    person.click(qtbot, page.answer_btn)
    (dialog,) = page.findChildren(ConsentDialog)
    qtbot.waitExposed(dialog)
    return ro_id, change_id, page, dialog
