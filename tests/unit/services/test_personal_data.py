"""Personal data: masked phones, export on request, erasure after retention, consent."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from advisor.errors import GateError, PermissionDenied
from advisor.models import RepairOrder, Signature
from advisor.services import audit_log, customers, solicitation
from advisor.services.orders import get_ro_view
from tests import factories


def test_phone_is_masked_for_a_technician_not_for_an_advisor(staff: factories.Staff) -> None:
    cid, _ = factories.make_customer_vehicle(staff, phone="13812345678")
    assert customers.get_customer(cid, actor=staff.advisor).phone == "+8613812345678"
    masked = customers.get_customer(cid, actor=staff.technician).phone
    assert "5678" in masked and "1234" not in masked and "****" in masked


def test_customer_data_export_holds_their_orders(staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    cid = RepairOrder.get_by_id(ro_id).customer_id
    data = json.loads(audit_log.export_customer_data(actor=staff.advisor, customer_id=cid))
    assert data["customer"]["name"] == "张伟"
    assert data["repair_orders"][0]["concerns"][0]["customer_words"] == factories.WORDS


def test_customer_data_export_holds_their_signatures_and_counts_their_photos(staff: factories.Staff) -> None:
    """Their drawn signatures are data held about them: each one with its act, RO, when,
    sha256, the strokes and the image (base64 PNG); and how many photos each RO keeps."""
    from advisor.services import changes
    from advisor.services import photos as photo_service
    from tests import photo_samples

    ro_id, _ = factories.authorised(staff)  # the authorisation signed
    other, _ = factories.authorised(staff)  # another customer's: not in this export
    change = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn",
        lines=[{"kind": "labour", "description": "Replace rear pads", "quantity": "1.0"}],
    )
    changes.record_consent(
        actor=staff.advisor,
        change_id=change,
        consented=True,
        consent_by="张伟",
        method="in_person",
        signature=factories.signature(),
    )
    cid = RepairOrder.get_by_id(ro_id).customer_id
    concern = get_ro_view(ro_id).concerns[0].id
    for _ in range(2):
        photo_service.add_photo(
            actor=staff.advisor, ro_id=ro_id, subject="concern", subject_id=concern, data=photo_samples.jpeg()
        )
    photo_service.add_photo(
        actor=staff.advisor,
        ro_id=other,
        subject="concern",
        subject_id=get_ro_view(other).concerns[0].id,
        data=photo_samples.jpeg(),
    )
    data = json.loads(audit_log.export_customer_data(actor=staff.advisor, customer_id=cid))
    rows = list(Signature.select().where(Signature.ro == ro_id).order_by(Signature.id))
    assert [r.act for r in rows] == ["authorisation", "consent"]
    assert [(s["act"], s["act_id"], s["ro_id"], s["sha256"]) for s in data["signatures"]] == [
        (r.act, r.act_id, ro_id, r.sha256) for r in rows
    ]
    number = RepairOrder.get_by_id(ro_id).number
    for s, r in zip(data["signatures"], rows, strict=True):
        assert s["ro_number"] == number and s["signer"] == r.signer and s["signed_at"] == str(r.signed_at)
        assert base64.b64decode(s["png_base64"]) == bytes(r.png)
        assert s["strokes"] == json.loads(r.strokes)
    # The RO's own view points at them instead of printing the bytes' repr.
    assert "\\x89PNG" not in json.dumps(data["repair_orders"])
    assert data["photos"] == [{"ro_id": ro_id, "ro_number": number, "count": 2, "by_subject": {"concern": 2}}]


def test_erasure_refused_inside_retention_and_done_outside(staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    cid = RepairOrder.get_by_id(ro_id).customer_id
    with pytest.raises(PermissionDenied):
        customers.erase_customer(actor=staff.advisor, customer_id=cid)
    with pytest.raises(GateError):
        customers.erase_customer(actor=staff.manager, customer_id=cid)
    assert customers.get_customer(cid).name == "张伟"
    RepairOrder.update(arrived_at=dt.datetime.now() - dt.timedelta(days=4 * 365)).execute()
    view = customers.erase_customer(actor=staff.manager, customer_id=cid)
    assert view.anonymised and view.phone == "" and "张伟" not in view.name


def test_erasure_deletes_the_customers_drawn_signatures(staff: factories.Staff) -> None:
    ro_id, _ = factories.handed_over(staff)  # the authorisation and the handover signed
    other, _ = factories.authorised(staff)  # another customer's: kept
    cid = RepairOrder.get_by_id(ro_id).customer_id
    assert RepairOrder.get_by_id(other).customer_id != cid
    assert Signature.select().where(Signature.ro == ro_id).count() == 2
    RepairOrder.update(arrived_at=dt.datetime.now() - dt.timedelta(days=4 * 365)).where(
        RepairOrder.customer == cid
    ).execute()
    customers.erase_customer(actor=staff.manager, customer_id=cid)
    assert not Signature.select().where(Signature.ro == ro_id).exists()
    assert Signature.select().where(Signature.ro == other).count() == 1
    assert get_ro_view(ro_id).signatures == ()


def test_solicitation_respects_marketing_consent(staff: factories.Staff) -> None:
    _c1, v1 = factories.make_customer_vehicle(staff, name="Yes Consent", consent=True)
    _c2, v2 = factories.make_customer_vehicle(staff, name="No Consent", phone="13900000000", consent=False)
    from advisor.models import Vehicle

    Vehicle.update(next_service_date=dt.date.today()).execute()
    listed = {item.vehicle_id for item in solicitation.call_list()}
    assert v1 in listed and v2 not in listed


def test_audit_viewer_filters_by_ro_and_needs_a_manager(staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    with pytest.raises(PermissionDenied):
        audit_log.entries(actor=staff.advisor, ro_id=ro_id)
    rows = audit_log.entries(actor=staff.manager, ro_id=ro_id)
    assert rows and all(r.ro_id == ro_id for r in rows)
    assert {"open", "authorise_estimate"} <= {r.action for r in rows}
    assert audit_log.verify_chain(actor=staff.manager).ok
