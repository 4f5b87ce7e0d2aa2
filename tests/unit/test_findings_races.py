"""Two desks turn the same inspection finding into work at the same instant (issue 18):
two worker processes released together by a barrier (as ``tests/unit/test_races.py``), on
the test database of the pass (SQLite, or PostgreSQL with ADVISOR_TEST_DATABASE_URL).

The RO's advisor and the service manager both press "Add to estimate" (before the
authorisation) or "Change request from findings" (during repair) for the same finding:
one line, or one change request, is made and linked; the other desk is told it is
already work."""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

from advisor.errors import UserError
from tests import factories
from tests.inspection_rows import inspect

ROUNDS = 10


def _to_work(a: dict[str, Any]) -> None:
    from advisor.services import findings

    findings.findings_to_work(actor=a["actor"], ro_id=a["ro_id"], result_ids=[a["result_id"]])


def _worker(url: str, rounds: list[dict[str, Any]], barrier: Any, results: Any, who: int) -> None:
    from advisor import auth, db

    auth.SCRYPT_N = 2**10  # as in the tests' own process (conftest)
    outcomes: list[str] = []
    try:
        db.open_database(url, migrate=False)
        for args in rounds:
            barrier.wait(timeout=60)
            try:
                _to_work(args)
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


def _race(url: str, rounds: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[tuple[str, str]]:
    from advisor import db

    db.close_database()  # the workers' set-up must not wait on this process's connection
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(url, [r[who] for r in rounds], barrier, results, who))
        for who in (0, 1)
    ]
    for p in procs:
        p.start()
    got = dict(results.get(timeout=300) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    db.open_database(url, migrate=False)
    crashes = [o for who in (0, 1) for o in got[who] if o.startswith("crash")]
    assert not crashes, crashes
    assert len(got[0]) == len(got[1]) == len(rounds), got
    return list(zip(got[0], got[1], strict=True))


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
    outcomes = _race(url, rounds)
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
