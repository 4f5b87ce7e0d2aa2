"""Every gate of the service flow, attacked through the services.

Each refusal must raise the right ``UserError`` subclass with a message in English and
in Chinese, and leave the database exactly as it was (every row of every table).
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Callable
from typing import Any

import pytest

from advisor import audit, config
from advisor.db import database_proxy
from advisor.errors import GateError, PermissionDenied, UserError, ValidationError
from advisor.models import (
    ALL_MODELS,
    Appointment,
    Assignment,
    ChangeRequest,
    Concern,
    EstimateLine,
    Payment,
    RepairOrder,
    Settlement,
    now,
)
from advisor.services import (
    changes,
    diagnosis,
    estimate,
    followup,
    quality,
    reception,
    settings,
    settlement,
    solicitation,
    workshop,
)
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from tests import factories
from tests.factories import Staff

# -- helpers ----------------------------------------------------------------------------


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order (counts and values at once)."""
    out = {}
    for model in ALL_MODELS:
        pk = model._meta.primary_key
        out[model._meta.table_name] = list(model.select().order_by(pk).tuples())
    return out


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_bilingual(err: UserError) -> None:
    assert err.en.strip() and err.zh.strip(), "a message in both languages"
    assert not has_chinese(err.en) or err.en != err.zh
    assert has_chinese(err.zh), f"Chinese message expected, got {err.zh!r}"
    assert err.message("en") == err.en and err.message("zh_CN") == err.zh


def refused(exc_type: type[UserError], fn: Callable[..., Any], /, **kwargs: Any) -> UserError:
    """Call ``fn``; it must raise exactly ``exc_type`` (bilingual) and change nothing."""
    before = snapshot()
    with pytest.raises(UserError) as info:
        fn(**kwargs)
    assert type(info.value) is exc_type, f"{type(info.value).__name__}: {info.value.en}"
    assert_bilingual(info.value)
    after = snapshot()
    for table, rows in before.items():
        assert after[table] == rows, f"table {table} changed by a refused {fn.__name__}"
    return info.value


def assign(staff: Staff, line_id: int, **kw: Any) -> Any:
    start = now()
    return workshop.assign(
        actor=staff.foreman,
        line_id=line_id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        **kw,
    )


def finish_all(staff: Staff, ro_id: int) -> None:
    """Assign, clock on and finish every approved labour line not yet done."""
    for line in get_ro_view(ro_id).approved_lines:
        if line.kind != "labour":
            continue
        jobs = Assignment.select().where(Assignment.line == line.id)
        if any(a.status == "done" for a in jobs):
            continue
        a = assign(staff, line.id) if not jobs.exists() else jobs.order_by(Assignment.id.desc()).get()
        if a.status == "waiting":
            workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
        workshop.finish(actor=staff.foreman, assignment_id=a.id)
    factories.self_check(staff, ro_id)


def pass_qc(staff: Staff, ro_id: int, cert: str = "CERT-1") -> None:
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no=cert,
    )


def extra_work(
    staff: Staff,
    ro_id: int,
    *,
    hours: str = "1.0",
    promised: dt.datetime | None = None,
    description: str = "Replace front brake disc",
) -> int:
    return changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="Disc scored / 刹车盘有划痕",
        # No price: the workshop cannot set one; labour is priced at the labour rate (¥180/h).
        lines=[{"kind": "labour", "description": description, "quantity": hours}],
        new_promised_at=promised,
    )


def extra_lines(change_id: int) -> list[EstimateLine]:
    return list(EstimateLine.select().where(EstimateLine.change_request == change_id))


def consent(staff: Staff, change_id: int, *, yes: bool = True) -> str:
    return changes.record_consent(
        actor=staff.advisor,
        change_id=change_id,
        consented=yes,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
        refusal_reason=None if yes else factories.reason_id("no_time"),
    )


def stale_assignment(staff: Staff, line: EstimateLine) -> Assignment:
    """A job row for ``line`` as if written behind the services' back (defence in depth)."""
    return Assignment.create(
        ro=line.ro_id,
        line=line.id,
        technician=staff.tech_ids[0],
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
        created_by=staff.foreman.user_id,
    )


def settle_and_pay(staff: Staff, ro_id: int) -> None:
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="card", amount_cents=total, reference="POS-1")


def hand_over(staff: Staff, ro_id: int) -> None:
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )


# -- no work on lines the customer has not approved ---------------------------------------


def test_declined_line_cannot_be_assigned(staff: Staff) -> None:
    _ro_id, lines = factories.authorised(staff)
    err = refused(
        GateError,
        workshop.assign,
        actor=staff.foreman,
        line_id=lines[-1],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    assert "not approved" in err.en


def test_declined_line_cannot_be_clocked_on_even_with_a_job_on_file(staff: Staff) -> None:
    _ro_id, lines = factories.authorised(staff)
    job = stale_assignment(staff, EstimateLine.get_by_id(lines[-1]))
    refused(GateError, workshop.clock_on, actor=staff.foreman, assignment_id=job.id)
    assert Assignment.get_by_id(job.id).status == "waiting"


def test_no_work_before_authorisation(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    err = refused(
        GateError,
        workshop.assign,
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    assert "not authorised" in err.en
    job = stale_assignment(staff, EstimateLine.get_by_id(lines[0]))
    refused(GateError, workshop.clock_on, actor=staff.foreman, assignment_id=job.id)
    refused(
        GateError,
        changes.request_change,
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="late",
        new_promised_at=now() + dt.timedelta(hours=9),
    )


def test_approved_line_can_be_assigned_and_clocked(staff: Staff) -> None:
    _ro_id, lines = factories.authorised(staff)
    job = assign(staff, lines[0])
    view = workshop.clock_on(actor=staff.foreman, assignment_id=job.id)
    assert view.status == "in_progress"


def test_resume_is_refused_once_the_line_is_no_longer_approved(staff: Staff) -> None:
    _ro_id, lines = factories.authorised(staff)
    job = assign(staff, lines[0])
    workshop.clock_on(actor=staff.foreman, assignment_id=job.id)
    workshop.pause(actor=staff.foreman, assignment_id=job.id, reason="approval")
    EstimateLine.update(status="declined").where(EstimateLine.id == lines[0]).execute()
    refused(GateError, workshop.resume, actor=staff.foreman, assignment_id=job.id)


# -- after authorisation the estimate is frozen ------------------------------------------------


def test_after_authorisation_the_estimate_is_frozen(staff: Staff) -> None:
    ro_id, lines = factories.authorised(staff)
    line = EstimateLine.get_by_id(lines[0])
    for fn, kw in [
        (estimate.add_line, dict(ro_id=ro_id, kind="labour", description="Extra", quantity="1")),
        (estimate.add_canned_job, dict(ro_id=ro_id, code="S5000")),
        (estimate.update_line, dict(line_id=line.id, version=line.version, unit_price_cents=1)),
        (estimate.update_line, dict(line_id=line.id, version=line.version, quantity="3")),
        (estimate.cancel_line, dict(line_id=line.id)),
        (
            estimate.set_terms,
            dict(
                ro_id=ro_id, price_low_cents=1, price_high_cents=2, promised_at=now() + dt.timedelta(days=2)
            ),
        ),
    ]:
        err = refused(GateError, fn, actor=staff.advisor, **kw)
        assert "change request" in err.en
    refused(
        GateError,
        estimate.authorise_estimate,
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={lines[0]: "approved"},
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(days=1),
    )
    refused(GateError, reception.check_in, actor=staff.advisor, ro_id=ro_id, mileage_km=99_000, fuel_level=1)


def test_authorisation_needs_a_decision_for_every_line(staff: Staff) -> None:
    ro_id, lines = factories.estimated(staff)
    refused(
        ValidationError,
        estimate.authorise_estimate,
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={lines[0]: "approved"},
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=3),
    )
    refused(
        ValidationError,
        estimate.authorise_estimate,
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "maybe"),
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=3),
    )
    # A phone authorisation records the number called.
    refused(
        ValidationError,
        estimate.authorise_estimate,
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "approved"),
        customer_name="张伟",
        method="phone",
        promised_at=now() + dt.timedelta(hours=3),
    )
    # The promise must be after the arrival (the line decisions are rolled back too).
    refused(
        ValidationError,
        estimate.authorise_estimate,
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "approved"),
        customer_name="张伟",
        method="in_person",
        promised_at=now() - dt.timedelta(days=1),
    )


# -- change requests -------------------------------------------------------------------------


def test_extra_lines_wait_for_consent_then_can_be_worked(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    (line,) = extra_lines(cr)
    assert line.status == "proposed"
    err = refused(
        GateError,
        workshop.assign,
        actor=staff.foreman,
        line_id=line.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    assert "consent" in err.en
    job = stale_assignment(staff, line)
    refused(GateError, workshop.clock_on, actor=staff.foreman, assignment_id=job.id)
    Assignment.delete_by_id(job.id)

    assert consent(staff, cr) == "approved"
    assert EstimateLine.get_by_id(line.id).status == "approved"
    a = assign(staff, line.id)
    assert workshop.clock_on(actor=staff.foreman, assignment_id=a.id).status == "in_progress"


def test_promised_time_does_not_move_before_consent(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    later = (now() + dt.timedelta(hours=9)).replace(second=0)
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="Waiting for the disc / 等配件",
        new_promised_at=later,
    )
    assert get_ro_view(ro_id).promised_at == promised
    # A second change while the first waits is refused.
    refused(
        GateError,
        changes.request_change,
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="again",
        new_promised_at=later + dt.timedelta(hours=1),
    )
    assert consent(staff, cr) == "approved"
    assert get_ro_view(ro_id).promised_at == later


def test_refused_delay_keeps_the_promise(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="late",
        new_promised_at=now() + dt.timedelta(hours=9),
    )
    assert consent(staff, cr, yes=False) == "refused"
    assert get_ro_view(ro_id).promised_at == promised


def test_phone_consent_needs_the_number_called(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    err = refused(
        ValidationError,
        changes.record_consent,
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="phone",
        phone="",
    )
    assert err.field == "phone"
    refused(
        ValidationError,
        changes.record_consent,
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="phone",
        phone="not a number",
    )
    refused(
        ValidationError,
        changes.record_consent,
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="  ",
        method="in_person",
    )
    consent(staff, cr)
    row = ChangeRequest.get_by_id(cr)
    assert (row.consent_phone, row.consent_method, row.recorded_by_id) == (
        "+8613812345678",
        "phone",
        staff.advisor.user_id,
    )
    # Deciding twice is refused.
    refused(
        GateError,
        changes.record_consent,
        actor=staff.advisor,
        change_id=cr,
        consented=False,
        consent_by="张伟",
        method="in_person",
    )


def test_major_change_needs_a_manager_after_consent(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _lines = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    later = now() + dt.timedelta(hours=8)
    cr = extra_work(staff, ro_id, promised=later)  # ¥180 + tax ≥ ¥100 threshold
    assert ChangeRequest.get_by_id(cr).major
    assert consent(staff, cr) == "awaiting_manager"
    (line,) = extra_lines(cr)
    assert line.status == "proposed"
    assert get_ro_view(ro_id).promised_at == promised
    refused(
        GateError,
        workshop.assign,
        actor=staff.foreman,
        line_id=line.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    refused(PermissionDenied, changes.approve_major, actor=staff.advisor, change_id=cr)
    refused(PermissionDenied, changes.approve_major, actor=staff.foreman, change_id=cr)
    assert changes.approve_major(actor=staff.manager, change_id=cr) == "approved"
    assert EstimateLine.get_by_id(line.id).status == "approved"
    assert get_ro_view(ro_id).promised_at == later


def test_major_change_approved_by_manager_first_is_applied_on_consent(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _lines = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    assert changes.approve_major(actor=staff.manager, change_id=cr) == "pending"
    (line,) = extra_lines(cr)
    assert line.status == "proposed"
    assert consent(staff, cr) == "approved"
    assert EstimateLine.get_by_id(line.id).status == "approved"


def test_below_the_threshold_consent_alone_applies_the_change(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)  # default threshold ¥2,000
    cr = extra_work(staff, ro_id)
    assert not ChangeRequest.get_by_id(cr).major
    refused(GateError, changes.approve_major, actor=staff.manager, change_id=cr)
    assert consent(staff, cr) == "approved"


def test_manager_rejecting_a_major_change_declines_its_lines(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _lines = factories.authorised(staff)
    cr = extra_work(staff, ro_id)
    consent(staff, cr)
    for blank in ("", "  \n "):  # every decision says why (refused: nothing changed)
        refused(
            ValidationError,
            changes.approve_major,
            actor=staff.manager,
            change_id=cr,
            approve=False,
            note=blank,
        )
    why = "Warranty covers it: claim it from the maker"
    assert changes.approve_major(actor=staff.manager, change_id=cr, approve=False, note=why) == "rejected"
    (line,) = extra_lines(cr)
    assert line.status == "declined"
    assert ChangeRequest.get_by_id(cr).decided_note == why


def test_refusal_declines_the_extra_lines_and_keeps_them(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    total_before = get_ro_view(ro_id).totals.total_cents
    cr = extra_work(staff, ro_id, description="Replace brake disc 换刹车盘")
    assert consent(staff, cr, yes=False) == "refused"
    (line,) = extra_lines(cr)
    assert line.status == "declined"
    view = get_ro_view(ro_id)
    assert line.id in [x.id for x in view.declined_lines]
    assert view.totals.total_cents == total_before
    assert view.totals.declined_cents >= line.amount_cents
    refused(
        GateError,
        workshop.assign,
        actor=staff.foreman,
        line_id=line.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )


# -- settlement ---------------------------------------------------------------------------------


def test_no_settlement_before_qc_passed(staff: Staff) -> None:
    ro_id, _lines = factories.worked(staff)
    err = refused(GateError, settlement.settle, actor=staff.advisor, ro_id=ro_id)
    assert "QC" in err.en
    refused(GateError, settlement.explain_items, actor=staff.advisor, ro_id=ro_id)
    refused(GateError, settlement.pay, actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=100)


def test_no_qc_with_a_pending_change(staff: Staff) -> None:
    ro_id, _lines = factories.worked(staff)
    extra_work(staff, ro_id)
    refused(
        GateError,
        quality.record_qc,
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
    )


def test_no_settlement_with_a_pending_change(staff: Staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="wash queue",
        new_promised_at=now() + dt.timedelta(hours=8),
    )
    err = refused(GateError, settlement.settle, actor=staff.advisor, ro_id=ro_id)
    assert "change request" in err.en


def test_a_major_change_awaiting_the_manager_holds_qc_and_settlement(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _lines = factories.worked(staff)
    cr = extra_work(staff, ro_id)
    assert consent(staff, cr) == "awaiting_manager"
    err = refused(
        GateError,
        quality.record_qc,
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
    )
    assert "change request" in err.en
    refused(GateError, settlement.settle, actor=staff.advisor, ro_id=ro_id)


def test_settlement_holds_approved_lines_only_and_exact_totals(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    labour = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        description="Pads",
        quantity="1.5",
        unit_price_cents=18_000,
    )
    part = estimate.add_line(actor=staff.advisor, ro_id=ro_id, kind="part", code="45022-TBA-A01", quantity=1)
    warranty = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        description="Recall check",
        quantity="0.5",
        unit_price_cents=18_000,
        pay_type="warranty",
    )
    other = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="other",
        description="Disposal fee",
        quantity=1,
        unit_price_cents=1_050,
    )
    declined = estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        description="Alignment",
        quantity="0.5",
        unit_price_cents=18_000,
    )
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        decisions={
            labour: "approved",
            part: "approved",
            warranty: "approved",
            other: "approved",
            declined: "declined",
        },
        decline_reasons={declined: factories.reason_id("price")},
        signature=factories.signature(),
    )
    finish_all(staff, ro_id)
    pass_qc(staff, ro_id)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    s = Settlement.get(Settlement.ro == ro_id)
    frozen = json.loads(s.lines_json)
    assert sorted(x["id"] for x in frozen) == sorted([labour, part, warranty, other])
    # Customer-paid approved lines: 1.5 h × ¥180 = ¥270; pads ¥560; fee ¥10.50; tax 13 %.
    assert (s.labour_cents, s.parts_cents, s.other_cents) == (27_000, 56_000, 1_050)
    subtotal = 27_000 + 56_000 + 1_050
    assert s.tax_cents == 10_927  # 84,050 × 0.13 = 10,926.5 → half-up
    assert s.total_cents == subtotal + s.tax_cents
    view = get_ro_view(ro_id)
    assert view.totals.total_cents == s.total_cents
    assert view.settlement is not None and declined not in view.settlement.line_ids
    refused(GateError, settlement.settle, actor=staff.advisor, ro_id=ro_id)


@pytest.mark.parametrize(
    ("role", "ok_permille", "too_much_permille"),
    [("advisor", 50, 51), ("manager", 200, 201)],
)
def test_discount_above_the_role_limit_is_refused(
    staff: Staff, role: str, ok_permille: int, too_much_permille: int
) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    actor = staff.by_role(role)
    subtotal = 18_000 + 56_000
    refused(
        PermissionDenied,
        settlement.settle,
        actor=actor,
        ro_id=ro_id,
        discount_cents=subtotal * too_much_permille // 1000,
        discount_reason="loyal customer",
    )
    refused(ValidationError, settlement.settle, actor=actor, ro_id=ro_id, discount_cents=-1)
    sid = settlement.settle(
        actor=actor,
        ro_id=ro_id,
        discount_cents=subtotal * ok_permille // 1000,
        discount_reason="loyal customer",
    )
    s = Settlement.get_by_id(sid)
    assert s.discount_cents == subtotal * ok_permille // 1000
    assert s.total_cents == subtotal - s.discount_cents + s.tax_cents


def test_no_payment_before_the_items_are_explained_and_no_overpayment(staff: Staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    err = refused(
        GateError, settlement.pay, actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=100
    )
    assert "explain" in err.en
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    refused(
        ValidationError,
        settlement.pay,
        actor=staff.cashier,
        ro_id=ro_id,
        method="cash",
        amount_cents=total + 1,
    )
    refused(ValidationError, settlement.pay, actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=0)
    refused(
        ValidationError, settlement.pay, actor=staff.cashier, ro_id=ro_id, method="bitcoin", amount_cents=100
    )
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=total - 500)
    refused(
        ValidationError,
        settlement.pay,
        actor=staff.cashier,
        ro_id=ro_id,
        method="card",
        amount_cents=501,
        reference="P1",
    )
    for method in ("card", "wechat", "alipay", "transfer"):  # each names its slip or transaction
        err = refused(
            ValidationError, settlement.pay, actor=staff.cashier, ro_id=ro_id, method=method, amount_cents=500
        )
        assert err.field == "reference" and "reference" in err.en and "凭证号" in err.zh
    refused(
        ValidationError,
        settlement.pay,
        actor=staff.cashier,
        ro_id=ro_id,
        method="card",
        amount_cents=500,
        reference="  ",
    )
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="wechat", amount_cents=500, reference="WX-1")
    assert get_ro_view(ro_id).settlement.balance_cents == 0  # type: ignore[union-attr]


def test_refund_is_a_negative_payment(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    payment = Payment.get(Payment.amount_cents > 0)
    refused(
        ValidationError,
        settlement.refund,
        actor=staff.cashier,
        payment_id=payment.id,
        amount_cents=payment.amount_cents + 1,
        reason="overcharged",
    )
    refused(
        ValidationError,
        settlement.refund,
        actor=staff.cashier,
        payment_id=payment.id,
        amount_cents=1_000,
        reason="  ",
    )
    rid = settlement.refund(
        actor=staff.cashier, payment_id=payment.id, amount_cents=1_000, reason="Wiper not fitted / 雨刮未更换"
    )
    r = Payment.get_by_id(rid)
    assert (r.amount_cents, r.refund_of) == (-1_000, payment.id)
    assert Payment.get_by_id(payment.id).amount_cents == payment.amount_cents  # original kept
    view = get_ro_view(ro_id)
    assert view.settlement.paid_cents == payment.amount_cents - 1_000  # type: ignore[union-attr]
    assert view.paid_at is None
    refused(
        GateError,
        settlement.refund,
        actor=staff.cashier,
        payment_id=rid,
        amount_cents=1,
        reason="refund of a refund",
    )
    err = refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    assert "not paid" in err.en


# -- handover -----------------------------------------------------------------------------------


def test_no_handover_before_qc_pass(staff: Staff) -> None:
    ro_id, _lines = factories.worked(staff)
    err = refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    assert "QC" in err.en


def test_no_handover_before_payment_in_full(staff: Staff) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    err = refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    assert "explained" in err.en
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="cash", amount_cents=1_000)
    err = refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    assert "not paid" in err.en


@pytest.mark.parametrize("repair_class", ["vehicle", "major", "level2"])
def test_certificate_classes_need_the_number_to_leave(staff: Staff, repair_class: str) -> None:
    ro_id, _lines = factories.worked(staff, repair_class=repair_class)
    err = refused(
        ValidationError,
        quality.record_qc,
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no="  ",
    )
    assert err.field == "completion_cert_no"
    refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    pass_qc(staff, ro_id, cert="JG-2026-0001")
    settle_and_pay(staff, ro_id)
    # Defence in depth: should the number be lost, the handover itself refuses.
    RepairOrder.update(completion_cert_no="").where(RepairOrder.id == ro_id).execute()
    err = refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    assert "certificate" in err.en
    refused(
        ValidationError, quality.set_certificate, actor=staff.foreman, ro_id=ro_id, completion_cert_no=" "
    )
    quality.set_certificate(actor=staff.foreman, ro_id=ro_id, completion_cert_no="JG-2026-0001")
    hand_over(staff, ro_id)
    assert get_ro_view(ro_id).handed_over_at is not None


@pytest.mark.parametrize("repair_class", ["level1", "minor", "special"])
def test_other_classes_leave_without_a_certificate(staff: Staff, repair_class: str) -> None:
    ro_id, _lines = factories.worked(staff, repair_class=repair_class)
    pass_qc(staff, ro_id, cert="")
    settle_and_pay(staff, ro_id)
    hand_over(staff, ro_id)
    assert get_ro_view(ro_id).handed_over_at is not None


def test_no_settlement_before_the_customer_has_said_yes_or_no_to_a_wash(staff: Staff) -> None:
    ro_id, _lines = factories.worked(staff, wash=None)
    pass_qc(staff, ro_id)
    assert get_ro_view(ro_id).step == 10
    err = refused(GateError, settlement.settle, actor=staff.advisor, ro_id=ro_id)
    assert "washed" in err.en and "洗车" in err.zh
    quality.set_wash(actor=staff.advisor, ro_id=ro_id, requested=False)
    assert get_ro_view(ro_id).step == 11
    settle_and_pay(staff, ro_id)


def test_no_settlement_or_handover_before_the_wash_is_confirmed(staff: Staff) -> None:
    ro_id, _lines = factories.worked(staff, wash=True)
    pass_qc(staff, ro_id)
    err = refused(GateError, settlement.settle, actor=staff.advisor, ro_id=ro_id)
    assert "wash" in err.en
    refused(
        ValidationError,
        quality.confirm_wash,
        actor=staff.advisor,
        ro_id=ro_id,
        ashtray_ok=True,
        tyres_ok=False,
    )
    quality.confirm_wash(actor=staff.advisor, ro_id=ro_id, ashtray_ok=True, tyres_ok=True)
    settle_and_pay(staff, ro_id)
    # The customer asks for a (second) wash after paying: no handover until it is confirmed.
    quality.set_wash(actor=staff.advisor, ro_id=ro_id, requested=True, eta_min=20)
    RepairOrder.update(wash_done_at=None).where(RepairOrder.id == ro_id).execute()
    err = refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )
    assert "wash" in err.en
    quality.confirm_wash(actor=staff.advisor, ro_id=ro_id, ashtray_ok=True, tyres_ok=True)
    hand_over(staff, ro_id)


def test_handover_needs_who_accepted_and_the_result_shown(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    refused(
        ValidationError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="",
        result_shown=True,
    )
    refused(
        ValidationError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=False,
    )
    hand_over(staff, ro_id)
    refused(
        GateError,
        settlement.hand_over,
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
    )


# -- follow-up ----------------------------------------------------------------------------------

HAPPY = dict.fromkeys(followup.DIMENSIONS, 5)


def test_no_follow_up_before_handover(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    err = refused(
        GateError,
        followup.log_follow_up,
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=HAPPY,
    )
    assert "handed over" in err.en


def test_follow_up_is_due_24_to_48_hours_after_handover(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    view = get_ro_view(ro_id)
    handed = view.handed_over_at
    assert handed is not None and view.follow_up is not None
    assert view.follow_up.due_from == handed + dt.timedelta(hours=24)
    assert view.follow_up.due_to == handed + dt.timedelta(hours=48)

    def status(hours: float) -> str:
        (item,) = [f for f in followup.queue(at=handed + dt.timedelta(hours=hours)) if f.ro_id == ro_id]
        return item.status

    assert status(2) == "upcoming"
    assert status(24) == "due"
    assert status(47.9) == "due"
    assert status(49) == "overdue"
    fu = followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=HAPPY,
        at=handed + dt.timedelta(hours=30),
    )
    assert fu.within_window is True
    assert fu.recheck_appointment_id is None
    assert get_ro_view(ro_id).status == "closed"


@pytest.mark.parametrize(
    ("solved", "scores"),
    [(False, HAPPY), (True, {**HAPPY, "empathy": 2}), (True, {**HAPPY, "reliability": 1})],
)
def test_unhappy_customer_gets_a_linked_recheck(staff: Staff, solved: bool, scores: dict[str, int]) -> None:
    ro_id, _lines = factories.handed_over(staff)
    due = get_ro_view(ro_id).follow_up.due_from  # type: ignore[union-attr]
    err = refused(
        GateError,
        followup.log_follow_up,
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=solved,
        scores=scores,
        at=due,
    )
    assert "recheck" in err.en
    recheck_at = now() + dt.timedelta(days=1)
    fu = followup.log_follow_up(
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=solved,
        scores=scores,
        recheck_at=recheck_at,
        at=due,
    )
    appt = Appointment.get_by_id(fu.recheck_appointment_id)
    assert appt.recheck_of == ro_id
    assert appt.starts_at == recheck_at
    assert appt.vehicle_id == get_ro_view(ro_id).vehicle.id
    refused(
        GateError,
        followup.log_follow_up,
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores=HAPPY,
    )


def test_follow_up_needs_every_dimension(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    due = get_ro_view(ro_id).follow_up.due_from  # type: ignore[union-attr]
    refused(
        ValidationError,
        followup.log_follow_up,
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores={"tangibles": 5},
        at=due,
    )
    refused(
        ValidationError,
        followup.log_follow_up,
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=True,
        scores={**HAPPY, "empathy": 6},
        at=due,
    )
    refused(
        ValidationError,
        followup.log_follow_up,
        actor=staff.advisor,
        ro_id=ro_id,
        reached=True,
        solved=None,
        scores=HAPPY,
        at=due,
    )


# -- the customer's words -------------------------------------------------------------------------


def _stored_words(concern_id: int) -> str:
    cursor = database_proxy.obj.execute_sql(
        f"SELECT customer_words FROM concern WHERE id = {int(concern_id)}"
    )
    (value,) = cursor.fetchone()
    return str(value)


def test_no_service_can_rewrite_the_customers_words() -> None:
    import advisor.services as pkg

    writers = set()
    for info in __import__("pkgutil").iter_modules(pkg.__path__):
        module = __import__(f"advisor.services.{info.name}", fromlist=["_"])
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if (
                fn.__module__ == module.__name__
                and not name.startswith("_")
                and "customer_words" in inspect.signature(fn).parameters
            ):
                writers.add(f"{info.name}.{name}")
    # Only the two that make a NEW entry accept the customer's words.
    assert writers == {"diagnosis.record_concern", "diagnosis.correct_concern"}


def test_correction_is_a_new_entry_and_the_original_is_kept_byte_identical(staff: Staff) -> None:
    words = "  “刹车”吱吱响\r\n\tsince Monday 🚗🔧 —  "
    ro_id = factories.open_checked_in(staff, words=words)
    (original,) = Concern.select().where(Concern.ro == ro_id)
    assert _stored_words(original.id).encode() == words.encode()
    diagnosis.restate(actor=staff.advisor, concern_id=original.id, restatement="Brake squeal")
    diagnosis.confirm_symptom(actor=staff.advisor, concern_id=original.id, confirmation="confirmed")
    diagnosis.record_finding(
        actor=staff.technician, concern_id=original.id, finding="Pads worn", correction="Replace pads"
    )
    refused(
        ValidationError,
        diagnosis.correct_concern,
        actor=staff.advisor,
        concern_id=original.id,
        customer_words=" \n ",
    )
    new_id = diagnosis.correct_concern(
        actor=staff.advisor, concern_id=original.id, customer_words="刹车时“咔咔”响"
    )
    assert new_id != original.id
    assert _stored_words(original.id).encode() == words.encode()
    assert Concern.get_by_id(new_id).supersedes_id == original.id
    view = get_ro_view(ro_id)
    assert [c.customer_words for c in view.concerns] == [words, "刹车时“咔咔”响"]
    assert [c.customer_words for c in view.current_concerns] == ["刹车时“咔咔”响"]
    refused(
        GateError,
        diagnosis.correct_concern,
        actor=staff.advisor,
        concern_id=original.id,
        customer_words="again",
    )
    assert audit.verify().ok


# -- declined work, comebacks, settings, ownership ------------------------------------------------


def test_declined_lines_are_kept_and_offered_again(staff: Staff) -> None:
    ro_id, lines = factories.handed_over(staff)
    view = get_ro_view(ro_id)
    assert [x.id for x in view.declined_lines] == [lines[-1]]
    (item,) = solicitation.declined_work(vehicle_id=view.vehicle.id)
    assert item.line_ids == (lines[-1],)
    assert item.amount_cents == EstimateLine.get_by_id(lines[-1]).amount_cents
    assert "Wheel alignment" in item.detail_en
    assert any(i.kind == "declined" and i.line_ids == (lines[-1],) for i in solicitation.call_list())


def test_comeback_links_within_the_window_only(staff: Staff) -> None:
    first, _lines = factories.handed_over(staff)
    vehicle_id = get_ro_view(first).vehicle.id
    late = reception.open_repair_order(
        actor=staff.advisor, vehicle_id=vehicle_id, arrived_at=now() + dt.timedelta(days=31)
    )
    err = refused(GateError, reception.link_comeback, actor=staff.advisor, ro_id=late, original_ro_id=first)
    assert "window" in err.en
    # Within a 60-day window the same visit counts.
    settings.set_setting(actor=staff.manager, key="comeback_days", value=60)
    reception.link_comeback(actor=staff.advisor, ro_id=late, original_ro_id=first)
    ro = RepairOrder.get_by_id(late)
    assert ro.comeback_of_id == first
    assert ro.comeback_technician == staff.tech_ids[0]


def test_comeback_of_another_vehicle_is_refused(staff: Staff) -> None:
    first, _lines = factories.handed_over(staff)
    other = factories.open_checked_in(staff)
    refused(ValidationError, reception.link_comeback, actor=staff.advisor, ro_id=other, original_ro_id=first)


def test_comeback_within_default_window_records_the_technician(staff: Staff) -> None:
    first, _lines = factories.handed_over(staff)
    vehicle_id = get_ro_view(first).vehicle.id
    again = reception.open_repair_order(
        actor=staff.advisor, vehicle_id=vehicle_id, arrived_at=now() + dt.timedelta(days=29)
    )
    reception.link_comeback(actor=staff.advisor, ro_id=again, original_ro_id=first)
    assert get_ro_view(again).comeback_of_id == first
    assert RepairOrder.get_by_id(again).comeback_technician == staff.tech_ids[0]


@pytest.mark.parametrize(
    ("repair_class", "km", "days"),
    [
        ("vehicle", 19_999, 100),
        ("major", 20_000, 99),
        ("level2", 4_000, 30),
        ("level1", 2_000, 9),
        ("minor", 1_000, 10),
        ("special", 0, 0),
    ],
)
def test_warranty_below_the_legal_minimum_is_refused(
    staff: Staff, repair_class: str, km: int, days: int
) -> None:
    periods = {k: list(v) for k, v in config.WARRANTY_MINIMUMS.items()}
    periods[repair_class] = [km, days]
    err = refused(ValidationError, settings.set_setting, actor=staff.manager, key="warranty", value=periods)
    assert repair_class in err.en
    assert settings.get_setting("warranty")[repair_class] == list(config.WARRANTY_MINIMUMS[repair_class])


def test_warranty_above_the_minimum_is_stored(staff: Staff) -> None:
    periods = {k: list(v) for k, v in config.WARRANTY_MINIMUMS.items()}
    periods["level2"] = [6_000, 45]
    settings.set_setting(actor=staff.manager, key="warranty", value=periods)
    assert settings.get_setting("warranty")["level2"] == [6_000, 45]


def test_reassigning_the_advisor_needs_a_reason(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    for reason in ("", "   "):
        err = refused(
            ValidationError,
            reception.reassign_advisor,
            actor=staff.advisor,
            ro_id=ro_id,
            advisor_id=staff.advisor2.user_id,
            reason=reason,
        )
        assert err.field == "reason"
    refused(
        ValidationError,
        reception.reassign_advisor,
        actor=staff.advisor,
        ro_id=ro_id,
        advisor_id=staff.cashier.user_id,
        reason="holiday",
    )
    reception.reassign_advisor(
        actor=staff.advisor,
        ro_id=ro_id,
        advisor_id=staff.advisor2.user_id,
        reason="Li Na on leave / 李娜休假",
    )
    view = get_ro_view(ro_id)
    assert view.advisor_id == staff.advisor2.user_id
    assert any(e.action == "reassigned" and "休假" in e.note for e in view.events)


def test_an_ro_cannot_be_opened_twice_for_the_same_vehicle(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    vehicle_id = get_ro_view(ro_id).vehicle.id
    err = refused(GateError, reception.open_repair_order, actor=staff.advisor, vehicle_id=vehicle_id)
    assert get_ro_view(ro_id).number in err.en
    refused(GateError, reception.open_repair_order, actor=staff.advisor2, vehicle_id=vehicle_id)


# -- no change once the work is inspected or billed ----------------------------------------------


def test_no_extra_work_after_qc_passed(staff: Staff) -> None:
    # Otherwise the extra line is approved, never worked or inspected, and the car leaves.
    ro_id, _lines = factories.qc_passed(staff)
    err = refused(GateError, extra_work, staff=staff, ro_id=ro_id)
    assert "QC" in err.en
    # A delay (e.g. the wash takes longer) may still be agreed with the customer.
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="wash",
        new_promised_at=now() + dt.timedelta(hours=8),
    )
    assert consent(staff, cr) == "approved"


@pytest.mark.parametrize("stage", ["settled_paid", "handed_over"])
def test_no_change_request_once_settled(staff: Staff, stage: str) -> None:
    # Otherwise consent after settlement approves work the settlement never bills.
    ro_id, _lines = getattr(factories, stage)(staff)
    refused(GateError, extra_work, staff=staff, ro_id=ro_id)
    refused(
        GateError,
        changes.request_change,
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="late",
        new_promised_at=now() + dt.timedelta(hours=8),
    )


def test_the_workshop_cannot_set_prices_on_a_change_request(staff: Staff) -> None:
    from advisor.errors import PermissionDenied
    from advisor.services import changes

    ro_id, _ = factories.authorised(staff)
    before = snapshot()
    with pytest.raises(PermissionDenied) as err:
        changes.request_change(
            actor=staff.foreman,
            ro_id=ro_id,
            kind="extra_work",
            reason="found",
            lines=[{"kind": "labour", "description": "extra", "quantity": 1, "unit_price_cents": 1}],
        )
    assert_bilingual(err.value)
    assert snapshot() == before
    cr = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="found",
        lines=[{"kind": "labour", "description": "extra", "quantity": 1}],
    )
    assert cr > 0


def test_a_booking_contact_links_only_its_own_customers_appointment(staff: Staff) -> None:
    from advisor.services import appointments, solicitation

    c1, v1 = factories.make_customer_vehicle(staff)
    c2, v2 = factories.make_customer_vehicle(staff, name="李娜", phone="13912345678")
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=3), dt.time(10))
    appt = appointments.book_appointment(
        actor=staff.advisor, customer_id=c2, vehicle_id=v2, starts_at=start, requested_work="保养"
    )
    err = refused(
        ValidationError,
        solicitation.log_contact,
        actor=staff.advisor,
        customer_id=c1,
        vehicle_id=v1,
        channel="phone",
        outcome="booked",
        appointment_id=appt.id,
    )
    assert "不是由此次联系产生" in err.zh
    contact = solicitation.log_contact(
        actor=staff.advisor,
        customer_id=c2,
        vehicle_id=v2,
        channel="phone",
        outcome="booked",
        appointment_id=appt.id,
    )
    assert appointments.appointments_on(start.date())[0].source_contact == contact
