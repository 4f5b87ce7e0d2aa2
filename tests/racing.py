"""Two desks at the same instant: two worker processes released together by a barrier, on
the test database of the pass (SQLite, or PostgreSQL with ADVISOR_TEST_DATABASE_URL).

``race(url, act, rounds)`` plays each round's two argument dicts through ``act`` — a
module-level function (the spawned workers import it by name) — one in each process, and
returns the two outcomes per round: "ok", or the name of the ``UserError`` raised. A crash
(any other exception) fails the test. ``race_values`` also returns what ``act`` returned
in each process (in no particular order)."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from typing import Any

from advisor.errors import UserError

Act = Callable[[dict[str, Any]], Any]
Round = tuple[dict[str, Any], dict[str, Any]]


def _worker(url: str, act: Act, rounds: list[dict[str, Any]], barrier: Any, results: Any, who: int) -> None:
    from advisor import auth, db

    auth.SCRYPT_N = 2**10  # as in the tests' own process (conftest)
    outcomes: list[str] = []
    values: list[Any] = []
    try:
        db.open_database(url, migrate=False)
        for args in rounds:
            barrier.wait(timeout=60)
            try:
                value = act(args)
                outcomes.append("ok")
                if value is not None:
                    values.append(value)
            except UserError as err:
                outcomes.append(type(err).__name__)
            except Exception as err:  # a traceback is an outcome to report
                outcomes.append(f"crash {type(err).__name__}: {err}")
    except Exception as err:
        outcomes.append(f"crash {type(err).__name__}: {err}")
        barrier.abort()
    finally:
        results.put((who, outcomes, values))


def race_values(url: str, act: Act, rounds: list[Round]) -> tuple[list[tuple[str, str]], list[Any]]:
    """Play ``rounds``; return the outcomes per round and the values ``act`` returned."""
    from advisor import db

    db.close_database()  # the workers' set-up must not wait on this process's connection
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(url, act, [r[who] for r in rounds], barrier, results, who))
        for who in (0, 1)
    ]
    for p in procs:
        p.start()
    got: dict[int, list[str]] = {}
    values: list[Any] = []
    for _ in procs:
        who, outcomes, returned = results.get(timeout=300)
        got[who] = outcomes
        values.extend(returned)
    for p in procs:
        p.join(timeout=60)
    db.open_database(url, migrate=False)
    crashes = [o for who in (0, 1) for o in got[who] if o.startswith("crash")]
    assert not crashes, crashes
    assert len(got[0]) == len(got[1]) == len(rounds), got
    return list(zip(got[0], got[1], strict=True)), values


def race(url: str, act: Act, rounds: list[Round]) -> list[tuple[str, str]]:
    """Play ``rounds`` (the two workers' arguments each) and return the outcomes per round."""
    return race_values(url, act, rounds)[0]
