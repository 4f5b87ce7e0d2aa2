"""Every row of every table, to show that a refused action changed nothing.

before = db_snapshot()
with pytest.raises(GateError):
    service(...)
assert db_snapshot() == before
"""

from __future__ import annotations

from typing import Any

from advisor import backup, db


def db_snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """All rows of all tables (the backup's list plus the migration table), in key order."""
    database = db.database_proxy.obj
    tables = [*backup.TABLES, "schema_migration"]
    return {
        t: [tuple(r) for r in database.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()]
        for t in tables
    }
