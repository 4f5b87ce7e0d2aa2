"""The customer's signature on the acts done in person (issue 18, item 5): an estimate
authorised in person, a change consented to in person and the handover acceptance carry
the drawn signature (strokes and image, its sha256 in the act's audit row) or the reason
the customer could not sign; a phone or message act carries neither, as before."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest

from advisor import signatures
from advisor.errors import ValidationError
from advisor.models import AuditLog, Authorisation, ChangeRequest, RepairOrder, Signature, now
from advisor.services import changes, estimate, settlement
from advisor.services.orders import get_ro_view
from advisor.signatures import SignatureInput
from tests import factories
from tests.factories import Staff
from tests.snapshot import db_snapshot
from tests.unit.services.test_gates import assert_bilingual

EMPTY = SignatureInput([], 600, 180)


def _authorise(staff: Staff, ro_id: int, lines: list[int], **kw: Any) -> int:
    kw.setdefault("method", "in_person")
    return estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "approved"),
        customer_name="张伟",
        promised_at=now() + dt.timedelta(hours=4),
        **kw,
    )


def _extra_work(staff: Staff, ro_id: int) -> int:
    return changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn to 2 mm",
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )


def _consent(staff: Staff, change_id: int, **kw: Any) -> str:
    kw.setdefault("method", "in_person")
    kw.setdefault("consented", True)
    return changes.record_consent(actor=staff.advisor, change_id=change_id, consent_by="张伟", **kw)


def _hand_over(staff: Staff, ro_id: int, **kw: Any) -> None:
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        **kw,
    )


def _audit(action: str) -> dict[str, Any]:
    row = AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id.desc()).get()
    return dict(json.loads(row.new_json))


def _refused(fn: Any, words: str, **kw: Any) -> ValidationError:
    before = db_snapshot()
    with pytest.raises(ValidationError) as info:
        fn(**kw)
    assert_bilingual(info.value)
    assert words in info.value.en, info.value.en
    assert db_snapshot() == before
    return info.value


def _stored(row: Signature, sig: SignatureInput) -> None:
    png = bytes(row.png)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert json.loads(row.strokes) == json.loads(signatures.canonical(sig))
    assert (row.width, row.height) == (sig.width, sig.height)
    assert row.sha256 == signatures.digest(sig, png)
    assert (
        row.sha256
        == hashlib.sha256(
            f"{sig.width}x{sig.height}\n".encode() + row.strokes.encode() + b"\n" + png
        ).hexdigest()
    )


# -- the estimate's authorisation ---------------------------------------------------------


def test_an_in_person_authorisation_keeps_the_signature_and_its_hash_in_the_audit_row(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    sig = factories.signature(7)
    auth_id = _authorise(staff, ro_id, lines, signature=sig)
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "authorisation"))
    assert (row.act_id, row.signer, row.recorded_by_id) == (auth_id, "张伟", staff.advisor.user_id)
    _stored(row, sig)
    assert _audit("authorise_estimate")["signature"] == row.sha256
    view = get_ro_view(ro_id)
    (shown,) = view.signatures
    assert (shown.act, shown.act_id, shown.signer, shown.sha256) == (
        "authorisation",
        auth_id,
        "张伟",
        row.sha256,
    )
    assert shown.png == bytes(row.png)
    assert view.authorisations[0].no_signature_reason == ""


def test_an_in_person_authorisation_without_a_signature_or_a_reason_is_refused(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    err = _refused(_authorise, "have them sign", staff=staff, ro_id=ro_id, lines=lines)
    assert err.field == "signature" and "签名" in err.zh
    _refused(_authorise, "have them sign", staff=staff, ro_id=ro_id, lines=lines, no_signature_reason="   ")


def test_an_empty_signature_is_refused_and_nothing_is_saved(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    err = _refused(_authorise, "empty", staff=staff, ro_id=ro_id, lines=lines, signature=EMPTY)
    assert "签名为空" in err.zh
    dot = SignatureInput([[(300.0, 90.0, 0)]], 600, 180)
    _refused(_authorise, "a dot", staff=staff, ro_id=ro_id, lines=lines, signature=dot)
    assert not Authorisation.select().where(Authorisation.ro == ro_id).exists()


def test_an_in_person_authorisation_may_say_why_the_customer_did_not_sign(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    _authorise(staff, ro_id, lines, no_signature_reason="  Right hand in plaster  ")
    assert not Signature.select().exists()
    view = get_ro_view(ro_id)
    assert view.authorisations[0].no_signature_reason == "Right hand in plaster"
    assert _audit("authorise_estimate")["no_signature_reason"] == "Right hand in plaster"
    assert "signature" not in _audit("authorise_estimate")


def test_a_signature_and_a_reason_together_are_refused(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    kw = {"signature": factories.signature(), "no_signature_reason": "Hand in plaster"}
    _refused(_authorise, "leave the reason", staff=staff, ro_id=ro_id, lines=lines, **kw)


def test_a_phone_authorisation_is_as_before_and_takes_no_signature(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    phone = {"method": "phone", "phone": "13812345678"}
    _refused(
        _authorise,
        "only when",
        staff=staff,
        ro_id=ro_id,
        lines=lines,
        signature=factories.signature(),
        **phone,
    )
    _refused(_authorise, "only when", staff=staff, ro_id=ro_id, lines=lines, no_signature_reason="x", **phone)
    _authorise(staff, ro_id, lines, **phone)
    assert not Signature.select().exists()
    assert "signature" not in _audit("authorise_estimate")


# -- the consent to a change --------------------------------------------------------------


def test_an_in_person_consent_without_a_signature_or_a_reason_is_refused(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    change_id = _extra_work(staff, ro_id)
    _refused(_consent, "have them sign", staff=staff, change_id=change_id)


def test_an_in_person_consent_is_signed(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    change_id = _extra_work(staff, ro_id)
    _refused(_consent, "empty", staff=staff, change_id=change_id, signature=EMPTY)
    sig = factories.signature(11)
    assert _consent(staff, change_id, signature=sig) == "approved"
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "consent"))
    assert row.act_id == change_id
    _stored(row, sig)
    assert _audit("record_consent")["signature"] == row.sha256
    acts = [(s.act, s.act_id) for s in get_ro_view(ro_id).signatures]
    assert acts[-1] == ("consent", change_id) and acts[0][0] == "authorisation"


def test_an_unsigned_in_person_consent_keeps_its_reason(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    change_id = _extra_work(staff, ro_id)
    _consent(staff, change_id, no_signature_reason="Customer left the pen behind the counter")
    assert ChangeRequest.get_by_id(change_id).no_signature_reason.startswith("Customer left")
    (cr,) = get_ro_view(ro_id).change_requests
    assert cr.no_signature_reason == "Customer left the pen behind the counter"
    assert not Signature.select().where(Signature.act == "consent").exists()


def test_a_phone_consent_and_a_refusal_take_no_signature(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    change_id = _extra_work(staff, ro_id)
    refusal = {"consented": False, "refusal_reason": factories.reason_id("price")}
    _refused(
        _consent,
        "A refusal is not signed",
        staff=staff,
        change_id=change_id,
        signature=factories.signature(),
        **refusal,
    )
    assert _consent(staff, change_id, **refusal) == "refused"
    other = _extra_work(staff, ro_id)
    assert _consent(staff, other, method="phone", phone="13812345678") == "approved"
    assert not Signature.select().where(Signature.act == "consent").exists()


# -- the handover acceptance --------------------------------------------------------------


def test_a_handover_without_a_signature_or_a_reason_is_refused(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    _refused(_hand_over, "have them sign", staff=staff, ro_id=ro_id)


def test_the_handover_is_signed(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    _refused(_hand_over, "empty", staff=staff, ro_id=ro_id, signature=EMPTY)
    tiny = SignatureInput([[(300.0 + i, 90.0, i) for i in range(12)]], 600, 180)
    _refused(_hand_over, "too small", staff=staff, ro_id=ro_id, signature=tiny)
    assert RepairOrder.get_by_id(ro_id).handed_over_at is None
    sig = factories.signature(5)
    _hand_over(staff, ro_id, signature=sig)
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "handover"))
    assert row.act_id is None and row.signer == "张伟"
    _stored(row, sig)
    assert _audit("hand_over")["signature"] == row.sha256
    assert get_ro_view(ro_id).signatures[-1].act == "handover"


def test_an_unsigned_handover_keeps_its_reason(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    _hand_over(staff, ro_id, no_signature_reason="Collected by the driver, who may not sign for the owner")
    view = get_ro_view(ro_id)
    assert view.handover_no_signature_reason.startswith("Collected by the driver")
    assert not [s for s in view.signatures if s.act == "handover"]
    assert _audit("hand_over")["no_signature_reason"].startswith("Collected")
