"""Two desks act on the same complaint at the same instant (issue 17): two worker
processes released together by a barrier (as ``tests/unit/test_races.py``), on the test
database of the pass (SQLite, or PostgreSQL with ADVISOR_TEST_DATABASE_URL).

Two advisors close it, or two escalate it, at once: one succeeds, the other is told it
is already done; one closing and one audit row, never two."""

from __future__ import annotations

from typing import Any

from tests import factories, racing

ROUNDS = 8


def _close(a: dict[str, Any]) -> None:
    from advisor.services import complaints

    complaints.close_complaint(
        actor=a["actor"], complaint_id=a["complaint_id"], accepted=True, note=a["note"]
    )


def _escalate(a: dict[str, Any]) -> None:
    from advisor.services import complaints

    complaints.escalate_complaint(
        actor=a["actor"], complaint_id=a["complaint_id"], manager_id=a["manager_id"]
    )


ACTIONS = {"close": _close, "escalate": _escalate}


def race(url: str, action: str, rounds: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[tuple[str, str]]:
    return racing.race(url, ACTIONS[action], rounds)


def _complaints(staff: factories.Staff) -> list[int]:
    from advisor.services import complaints

    cid, _ = factories.make_customer_vehicle(staff)
    return [
        complaints.raise_complaint(
            actor=staff.advisor,
            customer_id=cid,
            words="等了一下午",
            cause="waiting",
            level="general",
            source="counter",
        ).id
        for _ in range(ROUNDS)
    ]


def test_two_desks_closing_one_complaint_close_it_once(staff: factories.Staff, url: str) -> None:
    from advisor.models import AuditLog, Complaint

    ids = _complaints(staff)
    rounds = [
        (
            {"actor": staff.advisor, "complaint_id": i, "note": "李娜结案"},
            {"actor": staff.advisor2, "complaint_id": i, "note": "Tom closed it"},
        )
        for i in ids
    ]
    outcomes = race(url, "close", rounds)
    violations = []
    for i, out in zip(ids, outcomes, strict=True):
        if sorted(out) != ["GateError", "ok"]:
            violations.append(f"complaint {i}: {out}")
        c = Complaint.get_by_id(i)
        winner = staff.advisor if out[0] == "ok" else staff.advisor2
        if c.status != "closed" or c.closed_by_id != winner.user_id:
            violations.append(f"complaint {i}: closed by {c.closed_by_id}, outcomes {out}")
        closes = (
            AuditLog.select()
            .where(
                (AuditLog.entity == "complaint")
                & (AuditLog.entity_id == i)
                & (AuditLog.action == "close_complaint")
            )
            .count()
        )
        if closes != 1:
            violations.append(f"complaint {i}: {closes} audit rows of closing")
    assert not violations, violations


def test_two_desks_escalating_one_complaint_escalate_it_once(staff: factories.Staff, url: str) -> None:
    from advisor.models import AuditLog, Complaint

    ids = _complaints(staff)
    args = [
        {"actor": a, "complaint_id": i, "manager_id": staff.manager.user_id}
        for i in ids
        for a in (staff.advisor,)
    ]
    rounds = [(a, {**a, "actor": staff.manager}) for a in args]
    outcomes = race(url, "escalate", rounds)
    violations = []
    for i, out in zip(ids, outcomes, strict=True):
        if sorted(out) != ["GateError", "ok"]:
            violations.append(f"complaint {i}: {out}")
        if Complaint.get_by_id(i).escalated_to_id != staff.manager.user_id:
            violations.append(f"complaint {i}: not with the manager")
        n = (
            AuditLog.select()
            .where(
                (AuditLog.entity == "complaint")
                & (AuditLog.entity_id == i)
                & (AuditLog.action == "escalate_complaint")
            )
            .count()
        )
        if n != 1:
            violations.append(f"complaint {i}: {n} audit rows of escalation")
    assert not violations, violations
