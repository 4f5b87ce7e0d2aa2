"""Step 9 through the GUI: the checklist from the RO, fail → rework, pass → inspector."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QTableWidget

from advisor.services import workshop
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from tests import factories
from tests.ui import closing_helpers
from tests.ui.closing_helpers import click, errors, find, goto, host, live, type_into, workspace_of
from tests.ui.shell_support import workstation  # noqa: F401
from ui.ro.pages.qc import QCPage


def tick(qtbot, page: QCPage, *names: str) -> None:  # type: ignore[no-untyped-def]
    for name in names:
        closing_helpers.tick(qtbot, find(page, QCheckBox, name))


def test_checklist_lists_every_concern_and_approved_line(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    texts = [b.text() for b in page.boxes]
    assert texts == checklist(ro_id, "en")
    assert any(t.startswith("Concern: “") for t in texts)
    assert "Line: Replace front brake pads" in texts
    assert not any("Wheel alignment" in t for t in texts)  # declined: not checked


def test_fail_sends_the_job_back_as_counted_rework(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    brake = next(i for i, b in enumerate(page.boxes) if "brake pads" in b.text())
    for i, box in enumerate(page.boxes):
        closing_helpers.tick(qtbot, box, i != brake)
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    type_into(qtbot, page, "qc_notes", "still squeals")
    click(qtbot, page, "qc_fail")
    assert errors(shown) == []
    view = get_ro_view(ro_id)
    assert [q.passed for q in view.qc_checks] == [False]
    assert view.qc_passed_at is None
    assert view.step == 8  # back in repair
    rework = [a for a in view.assignments if a.rework]
    assert len(rework) == 1 and "brake pads" in rework[0].job.lower()
    assert find(page, QLabel, "qc_rework_count").text() == "Internal reworks: 1"
    history = find(page, QTableWidget, "qc_history")
    assert history.rowCount() == 1
    assert "Failed" in history.item(0, 2).text()
    assert "still squeals" in history.item(0, 5).text()
    assert "failed" in find(page, QLabel, "qc_status").text()

    # The rework is done; the second inspection passes and the count stays visible.
    workshop.clock_on(actor=staff.foreman, assignment_id=rework[0].id)
    workshop.finish(actor=staff.foreman, assignment_id=rework[0].id)
    factories.self_check(staff, ro_id)  # the technician signs the self-check again after the rework
    live(page)  # the board's commit reaches this screen
    goto(qtbot, workspace_of(page), 9)
    click(qtbot, page, "qc_all_ok")
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    click(qtbot, page, "qc_pass")
    view = get_ro_view(ro_id)
    assert [q.passed for q in view.qc_checks] == [False, True]
    assert find(page, QLabel, "qc_rework_count").text() == "Internal reworks: 1"
    assert history.rowCount() == 2


def test_fail_with_everything_ticked_asks_what_failed(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    click(qtbot, page, "qc_all_ok")
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    click(qtbot, page, "qc_fail")
    assert len(errors(shown)) == 1
    assert get_ro_view(ro_id).qc_checks == ()


def test_pass_records_the_logged_in_inspector(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    assert staff.foreman.display_name in find(page, QLabel, "qc_inspector").text()
    click(qtbot, page, "qc_all_ok")
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    click(qtbot, page, "qc_pass")
    assert errors(shown) == []
    view = get_ro_view(ro_id)
    assert view.qc_passed_at is not None
    assert view.qc_checks[-1].inspector == staff.foreman.display_name
    status = find(page, QLabel, "qc_status").text()
    assert "QC passed" in status and staff.foreman.display_name in status
    assert not page.form_box.isVisibleTo(page)


def test_pass_with_an_unticked_item_asks_before_recording_a_failure(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    from ui import messages

    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    with messages.capture(answer=False) as seen:
        click(qtbot, page, "qc_pass")
    assert [k for k, _t in seen] == ["confirm"]
    assert get_ro_view(ro_id).qc_checks == ()


def test_certificate_is_required_for_level2(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff, repair_class="level2")
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    cert = find(page, QLineEdit, "qc_cert_no")
    assert cert.isVisible()
    click(qtbot, page, "qc_all_ok")
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    click(qtbot, page, "qc_pass")
    assert errors(shown) == ["This repair class needs the completion certificate number."]
    assert get_ro_view(ro_id).qc_checks == ()
    assert all(b.isChecked() for b in page.boxes)  # the input stays
    type_into(qtbot, page, "qc_cert_no", "HG-2024-0815")
    click(qtbot, page, "qc_pass")
    view = get_ro_view(ro_id)
    assert view.qc_passed_at is not None
    assert view.completion_cert_no == "HG-2024-0815"
    assert "HG-2024-0815" in find(page, QLabel, "qc_status").text()


def test_certificate_field_hidden_for_minor_repairs(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    assert not find(page, QLineEdit, "qc_cert_no").isVisible()
    assert not find(page, QCheckBox, "qc_first_service_invited").isVisible()


def test_advisor_is_not_offered_the_qc_signature(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    """The advisor reads the page: the inspection is the foreman's, and the page says so;
    the service refuses the advisor anyway (tests/unit)."""
    ro_id, _lines = factories.worked(staff)
    page = host(qtbot, ctx, QCPage, ro_id)
    assert not find(page, QAbstractButton, "qc_pass").isVisible()
    assert not find(page, QCheckBox, "qc_nothing_left").isEnabled()
    assert not find(page, QLabel, "qc_inspector").isVisible()  # not "signed by" the advisor
    assert (
        page.form_box.toolTip()
        == "A service advisor may not do the final quality check. Ask a workshop foreman or service manager."
    )
    banner = find(page, QLabel, "who_acts_next")
    assert (
        banner.isVisible()
        and "Waiting for the workshop foreman to do the final quality check." in banner.text()
    )
    assert errors(shown) == [] and get_ro_view(ro_id).qc_checks == ()


def test_qc_locked_until_work_is_finished_shows_the_reason(qtbot, make_ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.authorised(staff)
    page = host(qtbot, make_ctx("foreman"), QCPage, ro_id)
    assert find(page, QLabel, "qc_locked").isVisible()
    click(qtbot, page, "qc_all_ok")
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    click(qtbot, page, "qc_pass")
    assert errors(shown) == ["Some approved jobs are not finished yet."]
