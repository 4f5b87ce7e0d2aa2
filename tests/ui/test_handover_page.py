"""Step 12 through the GUI: refused before QC pass and before payment (domain message,
nothing changes), accepted after with the old parts, acceptance and next service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QSpinBox

from advisor.services import settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui.closing_helpers import choose_data, click, errors, fill_number, find, host, tick, type_into
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.signing import sign
from ui.ro.pages.handover import HandoverPage


def test_handover_refused_before_qc_passed(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, ctx, HandoverPage, ro_id)
    assert find(page, QLabel, "handover_ready_qc").text().startswith("✗")
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    type_into(qtbot, page, "handover_accepted_by", "张伟")
    before = get_ro_view(ro_id)
    click(qtbot, page, "handover_button")
    assert errors(shown) == ["Final QC has not passed yet."]
    after = get_ro_view(ro_id)
    assert after.handed_over_at is None and after.version == before.version
    assert find(page, QLineEdit, "handover_accepted_by").text() == "张伟"


def test_handover_refused_before_payment(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    page = host(qtbot, ctx, HandoverPage, ro_id)
    assert find(page, QLabel, "handover_ready_paid").text().startswith("✗ Balance due")
    assert find(page, QLabel, "handover_ready_explained").text().startswith("✓")
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    click(qtbot, page, "handover_button")
    assert errors(shown) == ["The settlement is not paid in full."]
    view = get_ro_view(ro_id)
    assert view.handed_over_at is None and view.follow_up is None
    assert find(page, QCheckBox, "handover_result_shown").isChecked()


def test_handover_refused_before_items_explained(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    page = host(qtbot, ctx, HandoverPage, ro_id)
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    click(qtbot, page, "handover_button")
    assert errors(shown) == ["The items have not been explained to the customer."]


def test_handover_accepted_after_payment(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, lines = factories.settled_paid(staff)
    view = get_ro_view(ro_id)
    page = host(qtbot, ctx, HandoverPage, ro_id)
    assert all(
        find(page, QLabel, f"handover_ready_{k}").text().startswith("✓")
        for k in ("qc", "wash", "explained", "paid")
    )
    # Prefilled from the settings: today + 6 months, mileage in + 5,000 km.
    assert find(page, QDateEdit, "handover_next_date").date() == QDate.currentDate().addMonths(6)
    assert find(page, QSpinBox, "handover_next_km").value() == (view.mileage_in or 0) + 5_000
    assert find(page, QLineEdit, "handover_accepted_by").text() == view.customer.name

    # Without showing the result the service refuses.
    click(qtbot, page, "handover_button")
    assert errors(shown) == ["Show the customer the repair result."]
    assert get_ro_view(ro_id).handed_over_at is None

    part_line = lines[1]
    combo = find(page, QComboBox, f"handover_old_part_{part_line}")
    choose_data(qtbot, combo, "returned")
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    type_into(qtbot, page, "handover_accepted_by", "张伟的妻子 王芳")
    fill_number(qtbot, find(page, QSpinBox, "handover_next_km"), 26_500)
    sign(qtbot, page.signature.pad)
    click(qtbot, page, "handover_button")
    assert len(errors(shown)) == 1
    view = get_ro_view(ro_id)
    assert view.handed_over_at is not None
    assert view.accepted_by == "张伟的妻子 王芳" and view.result_shown
    assert view.next_service_km == 26_500 and view.vehicle.next_service_km == 26_500
    expected = QDate.currentDate().addMonths(6)
    assert view.next_service_date == dt.date(expected.year(), expected.month(), expected.day())
    assert next(x for x in view.lines if x.id == part_line).old_part_handling == "returned"
    assert view.follow_up is not None
    assert view.follow_up.due_from - view.handed_over_at == dt.timedelta(hours=24)
    assert "accepted by 张伟的妻子 王芳" in find(page, QLabel, "handover_status").text()
    assert "Returned to the customer" in find(page, QLabel, "handover_done").text()
    assert not page.form.isVisibleTo(page)


def test_handover_waits_for_a_decision_on_each_old_part(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    """The customer did not ask for the old parts at check-in: the part's combo starts at
    "Not decided" (marked), and the handover is refused naming the part — nothing changes —
    until the advisor chooses with the customer; the line then holds the decision."""
    from advisor.models import EstimateLine
    from tests.snapshot import db_snapshot

    ro_id, lines = factories.settled_paid(staff)
    part_line = lines[1]
    page = host(qtbot, ctx, HandoverPage, ro_id)
    combo = find(page, QComboBox, f"handover_old_part_{part_line}")
    assert combo.currentData() == "" and combo.currentText() == "Not decided"
    assert "did not ask for the old parts" in find(page, QLabel, "handover_old_parts_hint").text()
    assert "color:#8e1c14" in combo.styleSheet()
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    before = db_snapshot()
    click(qtbot, page, "handover_button")
    code = EstimateLine.get_by_id(part_line).code
    (refusal,) = errors(shown)
    assert refusal.startswith("Decide with the customer what happens to each old part") and code in refusal
    assert db_snapshot() == before
    assert find(page, QCheckBox, "handover_result_shown").isChecked()  # the input stays

    choose_data(qtbot, combo, "scrapped")
    assert combo.styleSheet() == ""
    sign(qtbot, page.signature.pad)
    click(qtbot, page, "handover_button")
    assert len(errors(shown)) == 1
    view = get_ro_view(ro_id)
    assert view.handed_over_at is not None
    assert next(x for x in view.lines if x.id == part_line).old_part_handling == "scrapped"


def test_the_check_in_wish_is_suggested_for_each_part(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    from advisor.models import RepairOrder

    ro_id, lines = factories.settled_paid(staff)
    RepairOrder.update(return_old_parts=True).where(RepairOrder.id == ro_id).execute()
    page = host(qtbot, ctx, HandoverPage, ro_id)
    assert find(page, QComboBox, f"handover_old_part_{lines[1]}").currentData() == "returned"
    assert "asked for the old parts back" in find(page, QLabel, "handover_old_parts_hint").text()
