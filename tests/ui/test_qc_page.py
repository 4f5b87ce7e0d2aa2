"""Step 9 through the GUI: the checklist from the RO, fail → rework, pass → inspector."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QTableWidget

from advisor.services import workshop
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from tests import factories
from tests.ui import closing_helpers, person
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


def test_qc_waits_for_the_self_check_a_paper_one_recorded_by_the_foreman(
    qtbot, make_ctx, staff, shown
) -> None:  # type: ignore[no-untyped-def]
    """孙伟 has no login: he signs the self-check on paper and the foreman records it on
    the QC page; until then the page is locked and says why."""
    import datetime as dt

    from advisor.models import SelfCheck, now
    from ui.my_jobs_dialogs import SelfCheckDialog

    ro_id, lines = factories.authorised(staff)
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[1],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
        override_reason="Under 赵磊's supervision",  # 孙伟 has no brakes skill
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
    workshop.finish(actor=staff.foreman, assignment_id=a.id)
    ws = closing_helpers.open_ro(qtbot, make_ctx("foreman"), ro_id)
    page = goto(qtbot, ws, 9)
    assert "self-check is not signed yet (孙伟)" in find(page, QLabel, "qc_locked").text()
    click(qtbot, page, "qc_all_ok")
    tick(qtbot, page, "qc_nothing_left", "qc_no_new_damage")
    click(qtbot, page, "qc_pass")  # refused: nothing recorded
    assert errors(shown) == ["The technician's self-check is not signed yet (孙伟)."]
    assert get_ro_view(ro_id).qc_checks == ()
    button = find(page, QAbstractButton, "qc_paper_self_check")
    assert button.isVisible() and "孙伟" in button.text()
    click(qtbot, page, "qc_paper_self_check")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(SelfCheckDialog)), timeout=3000)
    (dialog,) = [d for d in page.findChildren(SelfCheckDialog) if d.isVisible()]
    qtbot.waitExposed(dialog)
    for item, b in dialog.ticks.items():
        person.click(qtbot, dialog.na[item] if item == "hinges" else b)
    person.click(qtbot, dialog.sign)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    (row,) = SelfCheck.select().where(SelfCheck.ro == ro_id)
    assert (row.technician_id, row.signed_by_id) == (staff.tech_ids[1], staff.foreman.user_id)
    qtbot.waitUntil(
        lambda: "Self-check signed by 王强" in find(page, QLabel, "qc_self_check").text(), timeout=3000
    )
    assert not find(page, QAbstractButton, "qc_paper_self_check").isVisible()
    assert "Door hinges lubricated" in find(page, QLabel, "qc_self_check").text()  # not applicable, said so
    qtbot.waitUntil(lambda: not find(page, QLabel, "qc_locked").isVisible(), timeout=3000)
    assert get_ro_view(ro_id).step == 9
