"""Two desks start the same RO's inspection at the same instant (issue 18): the advisor at
the walk-around and a technician in the bay. Two worker processes released together by a
barrier (as ``tests/unit/test_races.py``), on the test database of the pass (SQLite, or
PostgreSQL with ADVISOR_TEST_DATABASE_URL).

Both get the one inspection: one row, its checklist copied once, one audit row."""

from __future__ import annotations

from typing import Any

from tests import factories, racing

ROUNDS = 10


def _start(a: dict[str, Any]) -> None:
    from advisor.services import inspection

    return a["ro_id"], inspection.start_inspection(actor=a["actor"], ro_id=a["ro_id"], stage=a["stage"])


def test_two_desks_starting_one_inspection_at_once_make_one(staff: factories.Staff, url: str) -> None:
    from advisor.models import AuditLog, Inspection, InspectionItem, InspectionResult

    ros = [factories.open_checked_in(staff) for _ in range(ROUNDS)]
    rounds = [
        (
            {"actor": staff.advisor, "ro_id": r, "stage": "reception"},
            {"actor": staff.technician, "ro_id": r, "stage": "diagnosis"},
        )
        for r in ros
    ]
    outcomes, returned = racing.race_values(url, _start, rounds)
    items = (
        InspectionItem.select().where((InspectionItem.vehicle_kind == "car") & InspectionItem.active).count()
    )
    violations = []
    for ro_id, out in zip(ros, outcomes, strict=True):
        made = list(Inspection.select().where(Inspection.ro == ro_id))
        ids = {got for r, got in returned if r == ro_id}
        if out != ("ok", "ok") or len(made) != 1 or ids != {made[0].id}:
            violations.append(f"RO {ro_id}: {out}, {len(made)} inspections, desks got {ids}")
            continue
        copied = InspectionResult.select().where(InspectionResult.inspection == made[0].id).count()
        logged = (
            AuditLog.select()
            .where((AuditLog.ro_id == ro_id) & (AuditLog.action == "start_inspection"))
            .count()
        )
        if copied != items or logged != 1:
            violations.append(f"RO {ro_id}: {copied} of {items} items copied, {logged} audit rows")
    print(f"start inspection twice: {len(violations)} violations in {ROUNDS} rounds")
    assert not violations, violations
