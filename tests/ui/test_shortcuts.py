"""Keys a person presses in the main window reach what they name: Alt+G greets on the
reception page (it was taken by the Go menu's mnemonic and did nothing), and the menus
still open with their own Alt+letters, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor.services import reception
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.shell_support import workstation  # noqa: F401
from ui import i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.operations import Operations

ALT = Qt.KeyboardModifier.AltModifier


def window_for(qtbot, staff, role: str, lang: str) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    actor = staff.by_role(role)
    window = MainWindow(AppContext(actor=actor, ops=Operations(actor), db_label="t.db", lang=lang))
    person.show_window(qtbot, window)
    return window


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_alt_g_greets_the_customer_on_the_reception_page(qtbot, staff, shown, lang) -> None:  # type: ignore[no-untyped-def]
    _c, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(
        actor=staff.advisor, vehicle_id=vid, arrived_at=dt.datetime.now() - dt.timedelta(seconds=50)
    )
    window = window_for(qtbot, staff, "advisor", lang)
    window.open_ro(ro_id)
    page = window.workspace("repair_order").pages[3]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.isVisible() and page.greet_button.isVisible())
    person.click(qtbot, page.arrival if page.arrival.isEnabled() else page.greet_timer)  # focus on the page
    person.key(qtbot, Qt.Key.Key_G, ALT)
    assert shown == []
    qtbot.waitUntil(lambda: get_ro_view(ro_id).greeted_at is not None)
    assert not QApplication.activePopupWidget()  # no menu opened instead


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_menus_open_with_their_own_alt_letters(qtbot, staff, lang) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, staff, "advisor", lang)
    for menu, letter in (
        (window.session_menu, Qt.Key.Key_I),
        (window.go_menu, Qt.Key.Key_V),
        (window.language_menu, Qt.Key.Key_L),
    ):
        window.activateWindow()
        person.click(qtbot, window.search.edit)
        person.key(qtbot, letter, ALT)
        qtbot.waitUntil(lambda m=menu: m.isVisible(), timeout=2000)
        menu.close()
