"""One concurrency model on both engines: a service runs as if it were alone.

SQLite: every write transaction begins with ``BEGIN IMMEDIATE`` (``advisor.db``), so
writers take the database's one write lock first and queue on ``busy_timeout``; a
service's reads and writes are never interleaved with another's.

PostgreSQL: ``@service`` runs its transaction at ``ISOLATION LEVEL SERIALIZABLE``. The
server then guarantees that the committed transactions have the effect of some order
one at a time, and aborts one of two overlapping transactions that would not
(SQLSTATE 40001 ``serialization_failure``; 40P01 ``deadlock_detected`` likewise).
``serialized`` runs the aborted service again from the start, in a new transaction that
sees the winner's commit — so the second cashier's 60% is refused by the balance check,
the second VIN by the duplicate check, exactly as on SQLite. At most ``RETRIES`` tries,
with a short random pause; after that the user gets ``SerializationConflict`` ("try
again"), with nothing saved. A service must therefore have no effect outside the
database before it returns (none has: files, mail and prints happen after the call).

A read service (``@service(..., read=True)``) runs in ONE read transaction instead
(``snapshot``): every query of it sees the database as of one moment, whatever other desks
commit meanwhile. SQLite: ``BEGIN DEFERRED`` in WAL mode holds one snapshot from the first
read to the end, takes no write lock and waits for no writer (``PRAGMA query_only`` for
its length). PostgreSQL: ``REPEATABLE READ, READ ONLY``: one snapshot, never aborted for
overlapping a writer. On both, a write attempted by mistake in a read is refused.

Uniqueness is enforced by the database too (migration 0006): one VIN, one plate, one
open repair order per vehicle; the services translate the refusal into their own
bilingual message.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

import peewee

from advisor.db import database_proxy, storage_error, transaction
from advisor.errors import StorageError

T = TypeVar("T")

RETRIES = 8
_RETRY_STATES = ("40001", "40P01")  # serialization_failure, deadlock_detected


class SerializationConflict(StorageError):
    """Every try of a service overlapped another desk's save of the same records."""

    def __init__(self) -> None:
        super().__init__(
            "Another desk was saving the same records at the same moment: nothing was saved. Try again.",
            "另一台工作站同时在保存相同的记录：本次未保存。请重试。",
        )


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a driver error, looked for through peewee's and our wrapping."""
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo and len(seen) < 12:
        cur = todo.pop()
        if not isinstance(cur, BaseException) or any(cur is s for s in seen):
            continue
        seen.append(cur)
        state = getattr(cur, "sqlstate", None) or getattr(cur, "pgcode", None)
        if isinstance(state, str):
            return state
        todo += [*cur.args[:1], cur.__cause__, cur.__context__]
    return None


def retryable(exc: BaseException) -> bool:
    """True when PostgreSQL aborted the transaction only because another overlapped it."""
    return sqlstate(exc) in _RETRY_STATES


def serialized(fn: Callable[[], T]) -> T:
    """``fn()`` in one transaction that behaves as if no other ran (see the module).

    Inside an open transaction it simply runs ``fn``: the outer transaction is the unit,
    and the outer ``serialized`` retries it."""
    db = database_proxy.obj
    if not isinstance(db, peewee.PostgresqlDatabase) or db.transaction_depth() > 0:
        with transaction():
            return fn()
    for attempt in range(RETRIES):
        try:
            with transaction("SERIALIZABLE"):
                return fn()
        except Exception as exc:
            if not retryable(exc):
                raise
            if attempt == RETRIES - 1:
                raise SerializationConflict() from exc
        time.sleep(random.uniform(0, min(0.2, 0.005 * 2**attempt)))
    raise AssertionError("unreachable")


def snapshot(fn: Callable[[], T]) -> T:
    """``fn()`` in one read transaction: all its queries see one consistent state.

    Inside an open transaction (a write service reading) it simply runs ``fn``: that
    transaction is already one consistent state."""
    db = database_proxy.obj
    if db is None:
        raise StorageError("No database is open.", "未打开数据库。")
    if db.transaction_depth() > 0:
        return fn()
    try:
        if isinstance(db, peewee.PostgresqlDatabase):
            # BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY: the modes in
            # the BEGIN (peewee puts the level after ISOLATION LEVEL), not a SET after it.
            with db.atomic(isolation_level="REPEATABLE READ, READ ONLY"):
                return fn()
        with db.atomic(lock_type="DEFERRED"):  # a reader: no write lock (WAL snapshot)
            db.execute_sql("PRAGMA query_only = ON")  # a write by mistake is refused, as on PostgreSQL
            try:
                return fn()
            finally:
                db.execute_sql("PRAGMA query_only = OFF")
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        raise storage_error(exc) from exc
