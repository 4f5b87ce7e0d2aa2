"""The audit chain: any edit or deletion made outside the app is detected and named."""

from __future__ import annotations

import peewee
import pytest

from advisor import audit
from advisor.models import AuditLog
from tests import factories


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_log SET username = 'someone_else' WHERE id = {id}",
        "UPDATE audit_log SET new_json = '{{}}' WHERE id = {id}",
        "UPDATE audit_log SET action = 'nothing' WHERE id = {id}",
        "DELETE FROM audit_log WHERE id = {id}",
    ],
)
def test_raw_sql_change_breaks_the_chain_at_that_row(
    database: peewee.Database, staff: factories.Staff, tamper: str
) -> None:
    factories.authorised(staff)
    assert audit.verify().ok
    rows = [r.id for r in AuditLog.select(AuditLog.id).order_by(AuditLog.id)]
    victim = rows[len(rows) // 2]
    database.execute_sql(tamper.format(id=victim))
    report = audit.verify()
    assert not report.ok
    # A deletion shows at the next row, whose link now points at a missing hash.
    expected = victim if tamper.startswith("UPDATE") else rows[rows.index(victim) + 1]
    assert report.bad_row_id == expected
