"""Dates a person reads and types on steps 12 and 13: the next service date and the recheck
time read 2027-06-04 / 2026-12-07 09:30 in both languages (they showed the locale's short
"6/4/27" in English), and typed part by part they are what is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox

from advisor.models import now
from advisor.services import appointments, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui.closing_helpers import choose_data, click, errors, fill_number, find, host, set_datetime, tick
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.signing import sign
from ui import i18n
from ui.ro.pages.followup import FollowUpPage
from ui.ro.pages.handover import HandoverPage


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_next_service_date_reads_in_full_and_takes_a_typed_date(qtbot, make_ctx, staff, shown, lang) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    ro_id, lines = factories.settled_paid(staff)
    page = host(qtbot, make_ctx("advisor", lang), HandoverPage, ro_id)
    box = find(page, QDateEdit, "handover_next_date")
    prefilled = QDate.currentDate().addMonths(6)
    assert box.text() == prefilled.toString("yyyy-MM-dd")

    later = prefilled.addDays(17)
    set_datetime(qtbot, box, later)
    assert box.text() == later.toString("yyyy-MM-dd")
    choose_data(qtbot, find(page, QComboBox, f"handover_old_part_{lines[1]}"), "scrapped")
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    sign(qtbot, page.signature.pad)
    click(qtbot, page, "handover_button")
    assert errors(shown) == []
    assert get_ro_view(ro_id).next_service_date == dt.date(later.year(), later.month(), later.day())


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_recheck_time_reads_in_full_and_takes_a_typed_time(qtbot, make_ctx, staff, shown, lang) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    ro_id, _lines = factories.settled_paid(staff)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        at=now() - dt.timedelta(hours=30),
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    page = host(qtbot, make_ctx("advisor", lang), FollowUpPage, ro_id)
    for dim in ("tangibles", "reliability", "responsiveness", "assurance", "empathy"):
        fill_number(qtbot, find(page, QSpinBox, f"fu_score_{dim}"), 2)
    choose_data(qtbot, find(page, QComboBox, "fu_solved"), True)
    tick(qtbot, find(page, QCheckBox, "fu_book_recheck"))
    box = find(page, QDateTimeEdit, "fu_recheck_at")
    shown_now = box.dateTime()
    assert box.text() == shown_now.toString("yyyy-MM-dd HH:mm")

    when = QDateTime(QDate.currentDate().addDays(3), QTime(9, 30))
    set_datetime(qtbot, box, when)
    assert box.text() == when.toString("yyyy-MM-dd HH:mm")
    click(qtbot, page, "fu_save")
    assert errors(shown) == []
    f = get_ro_view(ro_id).follow_up
    assert f is not None and f.recheck_appointment_id is not None
    starts = appointments.get_appointment(f.recheck_appointment_id).starts_at
    assert (starts.date(), starts.hour, starts.minute) == (dt.date.today() + dt.timedelta(days=3), 9, 30)
