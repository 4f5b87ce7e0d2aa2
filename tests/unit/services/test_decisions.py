"""Every decision recorded (issue 17, items 4 and 7): a declined line and a refused change
say why, from the solicitation's list, and the statistics count them; the price range
told to the customer is kept as told, and a total outside it needs the customer's
consent or a corrected range told again — at the authorisation and at the settlement."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor import kpi
from advisor.codes import ChangeStatus, LineStatus
from advisor.errors import OutsideRange, ValidationError
from advisor.models import AuditLog, Authorisation, ChangeRequest, EstimateLine, RepairOrder, now
from advisor.services import changes, estimate, settlement, solicitation
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import Staff, reason_id
from tests.snapshot import db_snapshot


def _quote(ro_id: int, decisions: dict[int, str] | None = None) -> int:
    return estimate.quote_of(get_ro_view(ro_id).lines, decisions=decisions).total_cents


def _authorise(staff: Staff, ro_id: int, decisions: dict[int, str], **kw: object) -> int:
    kw.setdefault("method", "in_person")
    if kw["method"] == "in_person" and "no_signature_reason" not in kw:
        kw.setdefault("signature", factories.signature())
    return estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=decisions,
        customer_name="张伟",
        promised_at=now() + dt.timedelta(hours=4),
        **kw,  # type: ignore[arg-type]
    )


def _decline_rows(on: dt.date) -> dict[str, tuple[int, int]]:
    """code → (lines declined, value) of the day's decline statistics."""
    return {d.code: (d.lines, d.value_cents) for d in kpi.department(on, on).declines if d.lines}


# -- item 4: a declined line needs its reason ---------------------------------------------


def test_authorisation_refuses_a_declined_line_without_a_reason(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    decisions = {lines[0]: "approved", lines[1]: "approved", lines[2]: "declined"}
    before = db_snapshot()
    with pytest.raises(ValidationError) as err:
        _authorise(staff, ro_id, decisions)
    assert "Wheel alignment" in err.value.en and "拒绝的原因" in err.value.zh
    assert err.value.field == "decline_reason"
    assert db_snapshot() == before


def test_a_declined_line_keeps_its_reason_and_the_statistics_count_it(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    decisions = {lines[0]: "approved", lines[1]: "approved", lines[2]: "declined"}
    _authorise(staff, ro_id, decisions, decline_reasons={lines[2]: reason_id("price")})
    line = EstimateLine.get_by_id(lines[2])
    assert (line.status, line.decline_reason) == (LineStatus.DECLINED, reason_id("price"))
    assert _decline_rows(now().date()) == {"price": (1, 9_000)}


# -- item 4: a refused change request needs its reason ------------------------------------


def _extra_work(staff: Staff, ro_id: int) -> int:
    return changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn to 2 mm",
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )


def test_a_refusal_without_a_reason_is_refused(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    change_id = _extra_work(staff, ro_id)
    before = db_snapshot()
    with pytest.raises(ValidationError) as err:
        changes.record_consent(
            actor=staff.advisor, change_id=change_id, consented=False, consent_by="张伟", method="in_person"
        )
    assert err.value.field == "refusal_reason" and "拒绝变更的原因" in err.value.zh
    assert db_snapshot() == before


def test_a_refused_change_carries_its_reason_to_its_lines_the_statistics_and_the_call_list(
    staff: Staff,
) -> None:
    ro_id, lines = factories.authorised(staff, decline_reason=reason_id("price"))
    change_id = _extra_work(staff, ro_id)
    status = changes.record_consent(
        actor=staff.advisor,
        change_id=change_id,
        consented=False,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
        refusal_reason=reason_id("no_time"),
    )
    assert status == ChangeStatus.REFUSED
    assert ChangeRequest.get_by_id(change_id).refusal_reason == reason_id("no_time")
    extra = EstimateLine.get(EstimateLine.change_request == change_id)
    assert (extra.status, extra.decline_reason) == (LineStatus.DECLINED, reason_id("no_time"))
    cr = get_ro_view(ro_id).change_requests[0]
    assert (cr.refusal_reason_en, cr.refusal_reason_zh) == ("No time now", "暂时没时间")
    # the statistics count both: the line declined at authorisation and the refused change
    assert set(_decline_rows(now().date())) == {"price", "no_time"}
    audit = AuditLog.get((AuditLog.entity == "change_request") & (AuditLog.action == "record_consent"))
    assert f'"reason": {reason_id("no_time")}' in audit.new_json
    # after the handover, both come back on the call list with their reasons
    factories.finish(staff, ro_id)
    (item,) = solicitation.declined_work(vehicle_id=get_ro_view(ro_id).vehicle.id)
    assert set(item.line_ids) == {lines[2], extra.id}
    assert "Wheel alignment (Too expensive)" in item.detail_en
    assert "Replace rear brake pads (No time now)" in item.detail_en


def test_consent_needs_no_reason_and_stores_none(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    change_id = _extra_work(staff, ro_id)
    changes.record_consent(
        actor=staff.advisor,
        change_id=change_id,
        consented=True,
        consent_by="张伟",
        method="in_person",
        refusal_reason=reason_id("price"),  # ignored: a consent is no refusal
        signature=factories.signature(),
    )
    assert ChangeRequest.get_by_id(change_id).refusal_reason is None


# -- item 7: the price range holds the total ----------------------------------------------


def test_the_range_told_is_kept_and_a_total_outside_it_is_refused(staff: Staff) -> None:
    """The issue's case: ¥500–800 told, an estimate of ¥280-odd authorised — the range
    used to widen silently to ¥280.24–¥800."""
    ro_id, lines = factories.estimated(staff)
    decisions = {lines[0]: "declined", lines[1]: "declined", lines[2]: "approved"}
    reasons = {lines[0]: reason_id("price"), lines[1]: reason_id("price")}
    total = _quote(ro_id, decisions)
    assert total < 50_000
    estimate.set_terms(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=50_000,
        price_high_cents=80_000,
        promised_at=now() + dt.timedelta(hours=3),
    )
    before = db_snapshot()
    with pytest.raises(OutsideRange) as err:
        _authorise(staff, ro_id, decisions, decline_reasons=reasons)
    assert "¥500.00–¥800.00" in err.value.en and "¥500.00–¥800.00" in err.value.zh
    assert db_snapshot() == before
    ro = RepairOrder.get_by_id(ro_id)
    assert (ro.price_low_cents, ro.price_high_cents, ro.authorised_at) == (50_000, 80_000, None)


def test_set_terms_records_who_told_the_range(staff: Staff) -> None:
    ro_id, _lines = factories.estimated(staff)
    estimate.set_terms(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=50_000,
        price_high_cents=80_000,
        promised_at=now() + dt.timedelta(hours=3),
    )
    told = get_ro_view(ro_id).range_told
    assert told is not None
    assert (told.low_cents, told.high_cents, told.method, told.to) == (50_000, 80_000, "in_person", "张伟")
    assert told.by == get_ro_view(ro_id).advisor and told.at is not None


def test_authorisation_with_a_corrected_range_told_now(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    decisions = dict.fromkeys(lines, "approved")
    total = _quote(ro_id, decisions)
    estimate.set_terms(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=50_000,
        price_high_cents=80_000,
        promised_at=now() + dt.timedelta(hours=3),
    )
    _authorise(
        staff, ro_id, decisions, new_range=(total - 1_000, total + 5_000), method="phone", phone="13812345678"
    )
    view = get_ro_view(ro_id)
    assert view.range_told is not None
    assert (view.range_told.low_cents, view.range_told.high_cents) == (total - 1_000, total + 5_000)
    assert (view.range_told.method, view.range_told.to) == ("phone", "张伟")
    assert view.authorisations[-1].outside_range is False


def test_a_corrected_range_must_hold_the_total_too(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    decisions = dict.fromkeys(lines, "approved")
    total = _quote(ro_id, decisions)
    before = db_snapshot()
    with pytest.raises(OutsideRange):
        _authorise(staff, ro_id, decisions, new_range=(total + 100, total + 5_000))
    assert db_snapshot() == before


def test_authorisation_with_the_customers_agreement_to_a_total_outside(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    decisions = dict.fromkeys(lines, "approved")
    total = _quote(ro_id, decisions)
    estimate.set_terms(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=50_000,
        price_high_cents=80_000,
        promised_at=now() + dt.timedelta(hours=3),
    )
    auth_id = _authorise(staff, ro_id, decisions, outside_range_agreed=True)
    ro = RepairOrder.get_by_id(ro_id)
    assert (ro.price_low_cents, ro.price_high_cents) == (50_000, 80_000)  # kept as told
    assert Authorisation.get_by_id(auth_id).outside_range is True
    assert Authorisation.get_by_id(auth_id).amount_cents == total
    audit = AuditLog.get((AuditLog.entity == "authorisation") & (AuditLog.entity_id == auth_id))
    assert '"outside_range": true' in audit.new_json
    # the settlement of that agreed total passes its gate
    factories.finish(staff, ro_id)
    assert get_ro_view(ro_id).settlement.total_cents == total  # type: ignore[union-attr]


def test_settlement_outside_the_range_is_refused_until_retold(staff: Staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    total = get_ro_view(ro_id).totals.total_cents
    # the customer was (wrongly) told a narrower range after the authorisation
    estimate.retell_range(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=total - 10_000,
        price_high_cents=total - 5_000,
        told_to="张伟",
        method="in_person",
    )
    before = db_snapshot()
    with pytest.raises(OutsideRange) as err:
        settlement.settle(actor=staff.advisor, ro_id=ro_id)
    assert "change request" in err.value.en and "变更申请" in err.value.zh
    assert db_snapshot() == before
    # way out: a corrected range told again (who, when, how) — then it settles
    estimate.retell_range(
        actor=staff.advisor,
        ro_id=ro_id,
        price_low_cents=total - 10_000,
        price_high_cents=total,
        told_to="张伟",
        method="phone",
        phone="13812345678",
    )
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    told = get_ro_view(ro_id).range_told
    assert told is not None and (told.high_cents, told.method) == (total, "phone")
    retold = AuditLog.select().where(AuditLog.action == "retell_range").order_by(AuditLog.id)
    assert [r.entity_id for r in retold] == [ro_id, ro_id]


def test_a_consented_change_request_lets_the_total_past_the_range(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    ro = RepairOrder.get_by_id(ro_id)
    assert ro.price_low_cents == ro.price_high_cents  # no range told before: the total is
    change_id = _extra_work(staff, ro_id)
    changes.record_consent(
        actor=staff.advisor,
        change_id=change_id,
        consented=True,
        consent_by="张伟",
        method="in_person",
        signature=factories.signature(),
    )
    new_amount = ChangeRequest.get_by_id(change_id).new_amount_cents
    assert new_amount > ro.price_high_cents
    factories.finish(staff, ro_id)
    assert get_ro_view(ro_id).settlement.total_cents == new_amount  # type: ignore[union-attr]
    ro = RepairOrder.get_by_id(ro_id)
    assert ro.price_high_cents < new_amount  # the range told is not widened


def test_retelling_the_range_is_refused_after_the_handover(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    before = db_snapshot()
    with pytest.raises(Exception) as err:
        estimate.retell_range(
            actor=staff.advisor,
            ro_id=ro_id,
            price_low_cents=1,
            price_high_cents=2,
            told_to="张伟",
            method="in_person",
        )
    assert "handed over" in str(err.value.args[0])
    assert db_snapshot() == before
