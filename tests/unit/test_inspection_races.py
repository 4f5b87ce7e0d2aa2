"""Two desks start the same RO's inspection at the same instant (issue 18): the advisor at
the walk-around and a technician in the bay. Two worker processes released together by a
barrier (as ``tests/unit/test_races.py``), on the test database of the pass (SQLite, or
PostgreSQL with ADVISOR_TEST_DATABASE_URL).

Both get the one inspection: one row, its checklist copied once, one audit row."""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

from advisor.errors import UserError
from tests import factories

ROUNDS = 10


def _start(a: dict[str, Any]) -> None:
    from advisor.services import inspection

    got = inspection.start_inspection(actor=a["actor"], ro_id=a["ro_id"], stage=a["stage"])
    a["queue"].put((a["ro_id"], got))


ACTIONS = {"start": _start}


def _worker(
    url: str, action: str, rounds: list[dict[str, Any]], barrier: Any, results: Any, who: int, ids: Any
) -> None:
    from advisor import auth, db

    auth.SCRYPT_N = 2**10
    outcomes: list[str] = []
    try:
        db.open_database(url, migrate=False)
        for args in rounds:
            barrier.wait(timeout=60)
            try:
                ACTIONS[action]({**args, "queue": ids})
                outcomes.append("ok")
            except UserError as err:
                outcomes.append(type(err).__name__)
            except Exception as err:  # a traceback is an outcome to report
                outcomes.append(f"crash {type(err).__name__}: {err}")
    except Exception as err:
        outcomes.append(f"crash {type(err).__name__}: {err}")
        barrier.abort()
    finally:
        results.put((who, outcomes))


def race(
    url: str, action: str, rounds: list[tuple[dict[str, Any], dict[str, Any]]]
) -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    from advisor import db

    db.close_database()
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    ids = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(url, action, [r[who] for r in rounds], barrier, results, who, ids))
        for who in (0, 1)
    ]
    for p in procs:
        p.start()
    got = dict(results.get(timeout=300) for _ in procs)
    returned = [ids.get(timeout=60) for _ in range(sum(o == "ok" for who in (0, 1) for o in got[who]))]
    for p in procs:
        p.join(timeout=60)
    db.open_database(url, migrate=False)
    crashes = [o for who in (0, 1) for o in got[who] if o.startswith("crash")]
    assert not crashes, crashes
    assert len(got[0]) == len(got[1]) == len(rounds), got
    return list(zip(got[0], got[1], strict=True)), returned


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
    outcomes, returned = race(url, "start", rounds)
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
