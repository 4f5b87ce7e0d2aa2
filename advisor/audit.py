"""The append-only audit trail, hash-chained so that edits made outside the app show.

Each row's hash covers its content and the previous row's hash. ``verify()`` walks the
chain and names the first row that does not match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor.db import is_postgres
from advisor.models import AuditLog, now

GENESIS = "0" * 64


def _default(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date | Decimal):
        return str(value)
    return repr(value)


def dumps(value: dict[str, Any] | None) -> str:
    """Stable JSON for audit payloads."""
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def _digest(prev: str, at: str, user_id: int | None, username: str, entity: str,
            entity_id: int | None, ro_id: int | None, action: str, old: str, new: str) -> str:  # fmt: skip
    payload = json.dumps(
        [prev, at, user_id, username, entity, entity_id, ro_id, action, old, new], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record(
    *,
    user_id: int | None,
    username: str,
    entity: str,
    entity_id: int | None,
    action: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    ro_id: int | None = None,
) -> None:
    """Append one audit row (call inside the service's transaction)."""
    if is_postgres():
        # Serialise appends across workstations so the chain never forks.
        AuditLog._meta.database.execute_sql("SELECT pg_advisory_xact_lock(727274)")
    last = AuditLog.select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1).first()
    prev = last.hash if last else GENESIS
    at = now()
    old_s, new_s = dumps(old), dumps(new)
    h = _digest(prev, at.isoformat(), user_id, username, entity, entity_id, ro_id, action, old_s, new_s)
    AuditLog.create(
        at=at, user_id=user_id, username=username, entity=entity, entity_id=entity_id,
        ro_id=ro_id, action=action, old_json=old_s, new_json=new_s, prev_hash=prev, hash=h,
    )  # fmt: skip


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    bad_row_id: int | None = None
    problem: str = ""


def verify() -> ChainReport:
    """Walk the whole chain; report the first row whose hash or link is wrong."""
    prev = GENESIS
    count = 0
    for row in AuditLog.select().order_by(AuditLog.id).iterator():
        count += 1
        at = row.at if isinstance(row.at, dt.datetime) else dt.datetime.fromisoformat(str(row.at))
        h = _digest(prev, at.isoformat(), row.user_id, row.username, row.entity, row.entity_id, row.ro_id,
                    row.action, row.old_json, row.new_json)  # fmt: skip
        if row.prev_hash != prev:
            return ChainReport(False, count, row.id, "link to previous row broken (row deleted?)")
        if row.hash != h:
            return ChainReport(False, count, row.id, "content does not match its hash (edited?)")
        prev = row.hash
    return ChainReport(True, count)
