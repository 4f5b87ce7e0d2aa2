"""One owner advisor at the desk (issue 17): another advisor opening 李娜's repair order
reads whose it is and whom to ask, and finds its advisor's forms greyed with that as the
reason and no header button of hers; once 李娜 hands it over (from her header, with a
reason), the same screen lets him work."""

from __future__ import annotations

import pytest

from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, choose_data, goto, live, open_ro
from tests.ui.shell_support import workstation  # noqa: F401  (a private QSettings per test)
from ui import i18n
from ui.context import AppContext
from ui.operations import Operations
from ui.ro.pages.estimate import Page as EstimatePage
from ui.ro.reassign_dialog import ReassignDialog

REFUSAL = {
    "en": "This repair order is 李娜's. Ask 李娜 or the service manager to hand it to you.",
    "zh_CN": "此工单由李娜负责。请李娜或服务经理将工单转交给您。",
}


def tom(staff: factories.Staff, lang: str = "en") -> AppContext:
    """The other advisor's desk (Tom Baker)."""
    actor = staff.advisor2
    return AppContext(actor=actor, ops=Operations(actor), db_label="test.db", lang=lang)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_another_advisor_reads_whose_it_is_and_cannot_act(qtbot, staff, lang) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    ro_id, _lines = factories.estimated(staff)
    ws = open_ro(qtbot, tom(staff, lang), ro_id)
    page = goto(qtbot, ws, 5)
    assert isinstance(page, EstimatePage)
    assert page.next_banner.isVisible() and REFUSAL[lang] in page.next_banner.text()
    for form in (page.adders, page.terms_box, page.authorise_button):
        assert form.isVisible() and not form.isEnabled(), form.objectName()
        assert form.toolTip() == REFUSAL[lang]
    # 李娜's header buttons are not offered to him (and take no room in the header).
    for button in (ws.header.reassign_button, ws.header.inform_button, ws.header.waits_button):
        assert not button.isVisible()
    # Every other step page of his says so too.
    for step in (3, 4, 11, 12):
        other = goto(qtbot, ws, step)
        assert REFUSAL[lang] in other.next_banner.text(), step


def test_the_owner_hands_it_over_and_the_other_advisor_then_works_on_it(
    qtbot, staff, make_ctx, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.estimated(staff)
    toms = open_ro(qtbot, tom(staff), ro_id)
    page = goto(qtbot, toms, 5)
    assert isinstance(page, EstimatePage)
    assert not page.adders.isEnabled()

    def hand_over(dialog: ReassignDialog) -> None:
        choose_data(qtbot, dialog.advisor, staff.advisor2.user_id)
        person.fill(qtbot, dialog.reason, "下午请假 / off this afternoon")
        person.click(qtbot, dialog.ok_button)

    as_person(monkeypatch, qtbot, ReassignDialog, hand_over)
    linas = open_ro(qtbot, make_ctx("advisor"), ro_id)
    assert linas.header.reassign_button.isVisible()  # hers to hand over
    person.click(qtbot, linas.header.reassign_button)
    assert shown == []
    assert get_ro_view(ro_id).advisor_id == staff.advisor2.user_id
    # Now 李娜 reads that it is Tom's, and Tom's screen (on the live refresh) lets him work.
    hers = goto(qtbot, linas, 5)
    assert "This repair order is Tom Baker's." in hers.next_banner.text()
    live(page)
    assert page.adders.isEnabled() and page.terms_box.isEnabled() and page.authorise_button.isEnabled()
    assert not page.next_banner.isVisible()  # his to authorise now: nothing to wait for
    assert toms.header.reassign_button.isVisible()
    assert page.authorise_button.toolTip() != REFUSAL["en"]


def test_a_manager_acts_on_any_ro(qtbot, staff, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.estimated(staff)
    ws = open_ro(qtbot, make_ctx("manager"), ro_id)
    page = goto(qtbot, ws, 5)
    assert isinstance(page, EstimatePage)
    assert page.adders.isEnabled() and page.authorise_button.isEnabled()
    assert not page.next_banner.isVisible()
    assert ws.header.reassign_button.isVisible()
