"""Customer care through the GUI (issue 17, item 15): the birthday typed on the customer
form (31 February refused, the typing kept), a birthday greeting found on the call list and
logged as sent, and the manager filling in the year's festivals."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QSpinBox

from advisor.codes import CallKind
from advisor.models import ContactLog, now
from advisor.services import care, customers
from tests import factories
from tests.ui import person
from tests.ui.closing_helpers import as_person, choose_data, desk, errors, find, open_workspace
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.test_customers import make_ws as customer_ws
from ui.holidays_dialog import HolidaysDialog
from ui.workspaces.solicitation import SolicitationWorkspace


def test_the_birthday_on_the_customer_form(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    cid, _ = factories.make_customer_vehicle(staff)
    ws = customer_ws(qtbot, ctx, cid)
    person.fill(qtbot, ws.birthday, "1980-02-31")
    person.click(qtbot, ws.save_button)
    assert errors(shown) == [
        "1980-02-31 is not a date: type the birthday as year-month-day, e.g. 1980-05-17."
    ]
    assert customers.get_customer(cid).birthday is None
    assert ws.birthday.text() == "1980-02-31"  # the typing stays to be corrected
    person.fill(qtbot, ws.birthday, "1980-02-29")
    person.click(qtbot, ws.save_button)
    assert customers.get_customer(cid).birthday == dt.date(1980, 2, 29)
    assert len(errors(shown)) == 1


def test_a_birthday_greeting_is_logged_from_the_call_list(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    soon = now().date() + dt.timedelta(days=1)
    cid, vid = factories.make_customer_vehicle(staff, name="韩梅梅", phone="13800009999")
    quiet, _ = factories.make_customer_vehicle(staff, name="李雷", phone="13800008888", consent=False)
    for who in (cid, quiet):
        c = customers.get_customer(who)
        customers.update_customer(
            actor=staff.advisor,
            customer_id=who,
            version=c.version,
            birthday=dt.date(1990, soon.month, soon.day),
        )
    ws = open_workspace(qtbot, desk(qtbot, ctx), "solicitation")
    assert isinstance(ws, SolicitationWorkspace)
    choose_data(qtbot, ws.filter, "care")
    rows = ws.visible_items()
    assert [(i.customer_id, i.kind) for i in rows] == [
        (cid, CallKind.BIRTHDAY)
    ]  # not the one without consent
    person.click_at(qtbot, ws.table, ws.table.model().index(0, 1))
    assert ws.outcome.currentData() == "greeted"  # a greeting: logged as sent
    choose_data(qtbot, ws.channel, "wechat")
    person.click(qtbot, ws.log_button)
    log = ContactLog.get(ContactLog.customer == cid)
    assert (log.purpose, log.outcome, log.channel, log.vehicle_id) == ("birthday", "greeted", "wechat", vid)
    qtbot.waitUntil(lambda: ws.visible_items() == [])  # greeted: off the list
    assert errors(shown) == []


def test_the_manager_fills_in_the_years_festivals(qtbot, make_ctx, staff, shown, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    manager = make_ctx("manager")
    ws = open_workspace(qtbot, desk(qtbot, manager), "solicitation")
    assert isinstance(ws, SolicitationWorkspace)

    def fill(d: HolidaysDialog) -> None:
        person.fill(qtbot, find(d, QSpinBox, "hol_year"), "2027")
        person.click(qtbot, d.fill_button)
        assert d.table.rowCount() == len(care.FESTIVALS)
        person.click_at(qtbot, d.table, d.table.model().index(0, 0))  # 2027-01-01 New Year's Day
        person.click(qtbot, d.remove_button)
        assert d.table.rowCount() == len(care.FESTIVALS) - 1
        person.click(qtbot, find(d, type(d.add_button), "hol_close"))

    as_person(monkeypatch, qtbot, HolidaysDialog, fill)
    person.click(qtbot, ws.holidays_button)
    dates = {h.name_en: h.on for h in care.holidays(year=2027)}
    assert dates["Spring Festival"] == dt.date(2027, 2, 6) and "New Year's Day" not in dates
    assert errors(shown) == []


def test_an_advisor_has_no_holidays_button(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(qtbot, desk(qtbot, ctx), "solicitation")
    assert isinstance(ws, SolicitationWorkspace)
    assert not ws.holidays_button.isVisible()
