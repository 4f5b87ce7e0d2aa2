"""Two desks turn the same inspection finding into work at the same instant (issue 18):
two worker processes released together by a barrier (as ``tests/unit/test_races.py``), on
the test database of the pass (SQLite, or PostgreSQL with ADVISOR_TEST_DATABASE_URL).

The RO's advisor and the service manager both press "Add to estimate" (before the
authorisation) or "Change request from findings" (during repair) for the same finding:
one line, or one change request, is made and linked; the other desk is told it is
already work."""

from __future__ import annotations

from typing import Any

from tests import factories, racing
from tests.inspection_rows import inspect

ROUNDS = 10


def _to_work(a: dict[str, Any]) -> None:
    from advisor.services import findings

    findings.findings_to_work(actor=a["actor"], ro_id=a["ro_id"], result_ids=[a["result_id"]])


def test_one_finding_turned_into_work_at_two_desks_is_work_once(staff: factories.Staff, url: str) -> None:
    from advisor.models import ChangeRequest, EstimateLine, InspectionResult

    rounds, cases = [], []
    for n in range(ROUNDS):
        during_repair = n % 2 == 1
        if during_repair:
            ro_id, _lines = factories.authorised(staff)
        else:
            ro_id = factories.open_checked_in(staff)
        before = EstimateLine.select().where(EstimateLine.ro == ro_id).count()
        result_id = inspect(ro_id, staff.advisor.user_id)["wipers"]
        rounds.append(
            (
                {"actor": staff.advisor, "ro_id": ro_id, "result_id": result_id},
                {"actor": staff.manager, "ro_id": ro_id, "result_id": result_id},
            )
        )
        cases.append((ro_id, result_id, before, during_repair))
    outcomes = racing.race(url, _to_work, rounds)
    violations = []
    for (ro_id, result_id, before, during_repair), out in zip(cases, outcomes, strict=True):
        result = InspectionResult.get_by_id(result_id)
        new_lines = [
            x.id for x in EstimateLine.select().where(EstimateLine.ro == ro_id).order_by(EstimateLine.id)
        ][before:]
        crs = [c.id for c in ChangeRequest.select().where(ChangeRequest.ro == ro_id)]
        linked = result.line == (new_lines[0] if new_lines else None) and result.change_request == (
            crs[0] if during_repair and crs else None
        )
        if (
            sorted(out) != ["GateError", "ok"]
            or len(new_lines) != 1
            or len(crs) != (1 if during_repair else 0)
            or not linked
        ):
            violations.append(f"RO {ro_id}: {out}, lines {new_lines}, change requests {crs}")
    print(f"one finding at two desks: {len(violations)} violations in {ROUNDS} rounds")
    assert not violations, violations
