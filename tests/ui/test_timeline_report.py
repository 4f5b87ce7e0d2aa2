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
    assert events.rowCount() == len(view.events)


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
