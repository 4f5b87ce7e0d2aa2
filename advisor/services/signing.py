"""The customer's signature on an act done in person (issue 18): the rule and the row.

An estimate authorised in person, a change consented to in person and the handover
acceptance (always in person) carry the customer's drawn signature, or the reason they
could not sign. A phone or message authorisation or consent carries neither (who, when
and the number are its record, as before). The services of those acts call ``settled``
before writing anything and ``store`` in their transaction; ``store`` returns the
sha256 that goes into the act's audit row.
"""

from __future__ import annotations

from advisor import signatures, validation
from advisor.errors import ValidationError
from advisor.models import Signature, User
from advisor.services._base import Actor
from advisor.services.views import SignatureView
from advisor.signatures import SignatureInput

MAX_REASON = 500


def settled(
    in_person: bool, signature: SignatureInput | None, no_signature_reason: str
) -> tuple[SignatureInput | None, str]:
    """The signature (checked) or the reason why not, as the act needs them; refuses a
    missing one in person, both at once, and either one for an act not done in person."""
    reason = validation.clean_text(no_signature_reason, limit=MAX_REASON).strip()
    if not in_person:
        if signature is not None or reason:
            raise ValidationError(
                "A signature (or the reason for none) is taken only when the customer is present.",
                "只有客户在场时才需签名（或说明未签原因）。",
                field="signature",
            )
        return None, ""
    if signature is None:
        if not reason:
            raise ValidationError(
                "The customer is present: have them sign, or say why they cannot sign.",
                "客户在场：请客户签名，或说明客户无法签名的原因。",
                field="signature",
            )
        return None, reason
    if reason:
        raise ValidationError(
            "The customer signed: leave the reason for not signing empty.",
            "客户已签名：无需填写未签原因。",
            field="no_signature_reason",
        )
    signatures.check(signature)
    return signature, ""


def store(
    actor: Actor, *, ro_id: int, act: str, act_id: int | None, signer: str, sig: SignatureInput | None
) -> str:
    """Write the ``Signature`` row of an act (checked by ``settled``); its sha256, or ""
    when there is no signature."""
    if sig is None:
        return ""
    png = signatures.render_png(sig)
    sha = signatures.digest(sig, png)
    Signature.create(
        ro=ro_id,
        act=act,
        act_id=act_id,
        signer=signer,
        strokes=signatures.canonical(sig),
        width=sig.width,
        height=sig.height,
        png=png,
        sha256=sha,
        recorded_by=actor.user_id,
    )
    return sha


def audit_fields(sha256: str, no_signature_reason: str) -> dict[str, str]:
    """What the act's audit row says of its signature: the sha256, or why none."""
    if sha256:
        return {"signature": sha256}
    if no_signature_reason:
        return {"no_signature_reason": no_signature_reason}
    return {}


def signatures_of(ro_id: int) -> tuple[SignatureView, ...]:
    """The RO's signatures, oldest first."""
    rows = list(
        Signature.select(
            Signature.id,
            Signature.act,
            Signature.act_id,
            Signature.signer,
            Signature.png,
            Signature.sha256,
            Signature.signed_at,
            Signature.recorded_by,
        )
        .where(Signature.ro == ro_id)
        .order_by(Signature.id)
    )
    names = {
        u.id: u.display_name
        for u in User.select(User.id, User.display_name).where(User.id.in_({r.recorded_by_id for r in rows}))
    }
    return tuple(
        SignatureView(
            r.act,
            r.act_id,
            r.signer,
            bytes(r.png),
            r.sha256,
            r.signed_at,
            names.get(r.recorded_by_id, ""),
        )
        for r in rows
    )
