"""The RO timeline report: steps with who and when, time standards, changes, QC results."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from advisor.models import now
from advisor.services import changes, followup, quality, settlement
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from advisor.services.timeline import time_standards
from tests import factories
from tests.ui.closing_helpers import find
from ui.ro.timeline_report import TimelineReport


def column(t: QTableWidget, c: int) -> list[str]:
    return [t.item(r, c).text() if t.item(r, c) else "" for r in range(t.rowCount())]


def test_timeline_of_a_finished_ro(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.worked(staff)
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, i.startswith("Line: Replace") is False) for i in checklist(ro_id, "en")],
        nothing_left=True,
        no_new_damage=True,
    )
    cr = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="delay",
        reason="Rework after QC",
        new_promised_at=now() + dt.timedelta(hours=8),
    )
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
    )
    view = get_ro_view(ro_id)
    report = TimelineReport(staff.advisor, "en")
    qtbot.addWidget(report)
    report.resize(1200, 900)
    report.show()
    report.set_view(view)

    steps = find(report, QTableWidget, "tl_steps")
    assert steps.rowCount() == 13
    assert steps.item(2, 0).text() == "✓ 3. Reception"
    assert staff.advisor.display_name in steps.item(2, 2).text()
    assert steps.item(8, 0).text() == "✓ 9. Final QC"
    assert "Final QC failed" in steps.item(8, 3).text()
    assert steps.item(11, 0).text().startswith("○")  # handover not done yet

    standards = find(report, QTableWidget, "tl_standards")
    assert column(standards, 0)[0] == "Greeting within 3 min"
    assert standards.item(0, 5).data(Qt.ItemDataRole.UserRole) in ("met", "missed", "pending")

    changes_table = find(report, QTableWidget, "tl_changes")
    assert changes_table.rowCount() == 1
    assert "Rework after QC" in changes_table.item(0, 1).text()
    assert "张伟" in changes_table.item(0, 5).text() and "By phone" in changes_table.item(0, 5).text()
    assert "13812345678" in changes_table.item(0, 5).text()

    qc = find(report, QTableWidget, "tl_qc")
    assert "Failed" in qc.item(0, 2).text() and "brake pads" in qc.item(0, 4).text()
    assert "internal reworks: 1" in find(report, QLabel, "tl_header").text()
    events = find(report, QTableWidget, "tl_events")
    assert events.rowCount() == len(view.events) + 1  # and the authorisation signed on the pad (issue 18)
    assert "Customer signed" in column(events, 2)


def test_time_standards_met_and_missed(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.settled_paid(staff)
    view = get_ro_view(ro_id)
    checks = {c.key: c for c in time_standards(view, at=view.arrived_at + dt.timedelta(minutes=1))}
    assert checks["follow_up"].status == "not_applicable"
    if view.greeted_at is None:  # not greeted: running, then missed after 3 minutes
        assert checks["greeting"].status == "pending"
        late = view.arrived_at + dt.timedelta(minutes=5)
        assert {c.key: c.status for c in time_standards(view, at=late)}["greeting"] == "missed"
    else:
        assert checks["greeting"].status == "met"
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        at=now() - dt.timedelta(hours=30),
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    view = get_ro_view(ro_id)
    checks = {c.key: c for c in time_standards(view)}
    assert checks["follow_up"].status == "pending"
    followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=dict.fromkeys(followup.DIMENSIONS, 5),
    )
    checks = {c.key: c for c in time_standards(get_ro_view(ro_id))}
    assert checks["follow_up"].status == "met"
    assert checks["promised"].status == "met"  # handed over before the promised time


def test_follow_up_missed_after_48_hours(staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _lines = factories.settled_paid(staff)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        at=now() - dt.timedelta(hours=50),
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    checks = {c.key: c for c in time_standards(get_ro_view(ro_id))}
    assert checks["follow_up"].status == "missed"


def test_the_inspection_and_the_signatures_are_on_the_timeline(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: the timeline said nothing of the inspection nor of what the customer
    signed. It shows the inspection started and finished (its counts by colour) and each
    signature (the act, the customer as who) under its step, in both languages."""
    from advisor.models import Inspection, InspectionResult
    from advisor.services import inspection
    from ui import i18n

    ro_id, _lines = factories.authorised(staff)  # the authorisation signed in person
    insp = inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    results = list(
        InspectionResult.select().where(InspectionResult.inspection == insp).order_by(InspectionResult.id)
    )
    ratings = ["red", "red", "yellow", "na"] + ["green"] * (len(results) - 4)
    for r, rating in zip(results, ratings, strict=True):
        inspection.rate_item(actor=staff.technician, result_id=r.id, rating=rating)
    inspection.finish_inspection(actor=staff.advisor, ro_id=ro_id)
    assert Inspection.get_by_id(insp).finished_at is not None
    greens = len(results) - 4
    view = get_ro_view(ro_id)
    report = TimelineReport(staff.advisor, "en")
    qtbot.addWidget(report)
    report.resize(1200, 900)
    report.show()
    report.set_view(view)
    events = find(report, QTableWidget, "tl_events")
    rows = {
        column(events, 2)[r]: [events.item(r, c).text() for c in range(5)] for r in range(events.rowCount())
    }
    assert events.rowCount() == len(view.events) + 3
    assert rows["Inspection started"][1:4] == [
        "Reception",
        "Inspection started",
        staff.advisor.display_name,
    ]
    finished = rows["Inspection finished"]
    assert finished[3] == staff.advisor.display_name
    assert finished[4] == f"2 red, 1 yellow, {greens} green, 1 not applicable"
    signed = rows["Customer signed"]
    assert signed[1] == "Estimate" and signed[3] == "张伟"
    assert signed[4] == "On the pad: Estimate authorisation"
    order = column(events, 2)
    assert order.index("Inspection started") < order.index("Inspection finished")

    i18n.set_language("zh_CN")
    try:
        report.set_language("zh_CN")
        report.set_view(view)
        notes = {events.item(r, 2).text(): events.item(r, 4).text() for r in range(events.rowCount())}
        assert notes["车辆检查完成"] == f"红色 2 项，黄色 1 项，绿色 {greens} 项，不适用 1 项"
        assert notes["客户签字"] == "在签字板上签署：估价授权"
        assert "开始车辆检查" in notes
    finally:
        i18n.set_language("en")
