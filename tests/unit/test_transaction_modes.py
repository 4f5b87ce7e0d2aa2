"""The transaction each kind of service runs in, as the server sees it from inside.

Read services: one snapshot that refuses writes (PostgreSQL REPEATABLE READ READ ONLY;
SQLite a deferred transaction with ``query_only``). Write services: SERIALIZABLE on
PostgreSQL. The modes are part of the BEGIN on PostgreSQL (one round trip per call)."""

from __future__ import annotations

from typing import Any

import peewee

from advisor import concurrency
from advisor.db import is_postgres
from tests.benchmarks._scale import capture


def _show(database: peewee.Database, name: str) -> Any:
    return database.execute_sql(f"SHOW {name}").fetchone()[0]


def test_a_read_is_one_snapshot_that_refuses_writes(database: peewee.Database) -> None:
    def inside() -> tuple[Any, Any]:
        if is_postgres():
            return _show(database, "transaction_isolation"), _show(database, "transaction_read_only")
        return "snapshot", database.execute_sql("PRAGMA query_only").fetchone()[0]

    with capture() as statements:
        modes = concurrency.snapshot(inside)
    if is_postgres():
        assert modes == ("repeatable read", "on")
        sent = [s.split()[0].upper() for s, _p in statements]
        assert "SET" not in sent, statements  # the modes travel with the BEGIN
    else:
        assert modes == ("snapshot", 1)
    assert not database.in_transaction()


def test_a_write_runs_serializable_on_postgresql(database: peewee.Database) -> None:
    def inside() -> Any:
        return _show(database, "transaction_isolation") if is_postgres() else "sqlite"

    assert concurrency.serialized(inside) == ("serializable" if is_postgres() else "sqlite")
