"""Reading the audit trail (manager/admin) and a customer's data on request."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

from advisor import audit
from advisor.audit import ChainReport as ChainReport  # what verify_chain answers, for the GUI
from advisor.models import AuditLog, Customer, Photo, RepairOrder, Signature, Vehicle
from advisor.services._base import Actor, get, log, service
from advisor.services.opchanges import Kind


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    entity: str
    entity_id: int | None
    ro_id: int | None
    action: str
    old: str
    new: str


@service("audit.view", read=True)
def entries(
    *,
    actor: Actor,
    ro_id: int | None = None,
    username: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditRow]:
    """Audit rows filtered by RO, user and date range, newest first."""
    q = AuditLog.select().order_by(AuditLog.id.desc()).limit(limit).offset(offset)
    if ro_id is not None:
        q = q.where(AuditLog.ro_id == ro_id)
    if username:
        q = q.where(AuditLog.username == username)
    if start is not None:
        q = q.where(AuditLog.at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        q = q.where(AuditLog.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    rows = list(q)
    # A customer's personal values live beside the chain (erasure deletes them): put them
    # back into the row as it was recorded, while they are held.
    personal = audit.personal_values(r.id for r in rows if r.pii_digest)
    return [
        AuditRow(
            r.id,
            r.at,
            r.username,
            r.entity,
            r.entity_id,
            r.ro_id,
            r.action,
            _merged(r.old_json, personal.get(r.id, {}).get("old")),
            _merged(r.new_json, personal.get(r.id, {}).get("new")),
        )
        for r in rows
    ]


def _merged(stored: str, values: dict[str, Any] | None) -> str:
    if not values:
        return stored
    data = json.loads(stored) if stored else {}
    data.update(values)
    return audit.dumps(data)


@service("audit.view", read=True)
def verify_chain(*, actor: Actor) -> audit.ChainReport:
    """Check the hash chain of the whole trail (in one snapshot: rows appended meanwhile
    are not half seen)."""
    return audit.verify()


@service("customer.edit", changes=Kind.AUDIT)
def export_customer_data(*, actor: Actor, customer_id: int) -> str:
    """Everything held about a customer, as JSON (a data-subject request): their details,
    vehicles and repair orders; their drawn signatures (the strokes as drawn and the image
    as base64 PNG, with the act, RO, when and sha256); how many photos each RO keeps."""
    c = get(Customer, customer_id, ("Customer", "客户"))
    data: dict[str, Any] = {
        "customer": {k: v for k, v in c.__data__.items()},
        "vehicles": [v.__data__ for v in Vehicle.select().where(Vehicle.customer == c.id)],
        "repair_orders": [],
    }
    from advisor.services.orders import get_ro_view

    numbers = {
        ro.id: ro.number
        for ro in RepairOrder.select(RepairOrder.id, RepairOrder.number)
        .where(RepairOrder.customer == c.id)
        .order_by(RepairOrder.id)
    }
    for ro_id in numbers:
        view = asdict(get_ro_view(ro_id))
        for s in view["signatures"]:  # the image once, in "signatures" below
            s["png"] = "see signatures (png_base64)"
        data["repair_orders"].append(view)
    data["signatures"] = [
        {
            "act": s.act,
            "act_id": s.act_id,
            "ro_id": s.ro_id,
            "ro_number": numbers[s.ro_id],
            "signer": s.signer,
            "signed_at": s.signed_at,
            "sha256": s.sha256,
            "width": s.width,
            "height": s.height,
            "strokes": json.loads(s.strokes),
            "png_base64": base64.b64encode(bytes(s.png)).decode("ascii"),
        }
        for s in Signature.select().where(Signature.ro.in_(list(numbers))).order_by(Signature.id)
    ]
    counts: dict[int, dict[str, int]] = {ro_id: {} for ro_id in numbers}
    for p in Photo.select(Photo.ro, Photo.subject).where(Photo.ro.in_(list(numbers))):
        counts[p.ro_id][p.subject] = counts[p.ro_id].get(p.subject, 0) + 1
    data["photos"] = [
        {"ro_id": ro_id, "ro_number": numbers[ro_id], "count": sum(by.values()), "by_subject": by}
        for ro_id, by in counts.items()
    ]
    log(actor, "customer", c.id, "export_customer_data")
    return json.dumps(data, ensure_ascii=False, default=str, indent=1)
