"""Step 10 through the GUI: wash requested with the time told, then the result confirmed."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QRadioButton, QSpinBox

from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui.closing_helpers import click, errors, fill_number, find, host, tick, type_into
from tests.ui.shell_support import workstation  # noqa: F401
from ui.ro.pages.wash import WashPage


def test_wash_requested_then_confirmed(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    page = host(qtbot, ctx, WashPage, ro_id)
    assert find(page, QRadioButton, "wash_declined").isChecked()  # chosen at check-in
    tick(qtbot, find(page, QRadioButton, "wash_requested"))
    fill_number(qtbot, find(page, QSpinBox, "wash_eta"), 25)
    click(qtbot, page, "wash_save")
    view = get_ro_view(ro_id)
    assert (view.wash_requested, view.wash_eta_min) == (True, 25)
    assert "25 min" in find(page, QLabel, "wash_status").text()

    # Confirming needs the ashtray and the tyres checked: the service refuses otherwise.
    tick(qtbot, find(page, QCheckBox, "wash_ashtray"))
    click(qtbot, page, "wash_confirm")
    assert errors(shown) == ["Ashtray and tyres must be checked clean before the wash is confirmed."]
    assert get_ro_view(ro_id).wash_done_at is None
    tick(qtbot, find(page, QCheckBox, "wash_tyres"))
    type_into(qtbot, page, "wash_note", "interior vacuumed")
    click(qtbot, page, "wash_confirm")
    view = get_ro_view(ro_id)
    assert view.wash_done_at is not None and view.wash_result == "interior vacuumed"
    assert "interior vacuumed" in find(page, QLabel, "wash_status").text()


def test_wash_time_outside_the_range_is_refused(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    page = host(qtbot, ctx, WashPage, ro_id)
    tick(qtbot, find(page, QRadioButton, "wash_requested"))
    fill_number(qtbot, find(page, QSpinBox, "wash_eta"), 300)
    click(qtbot, page, "wash_save")
    assert errors(shown) == ["Tell the customer the wash time (5–240 minutes)."]
    assert get_ro_view(ro_id).wash_requested is False
    assert find(page, QSpinBox, "wash_eta").value() == 300
