"""One owner advisor (001: 应尽可能指定一名服务顾问专责处理): an advisor acts on the
advisor's steps of their own repair orders only, until its advisor or a service manager
hands the RO over with a reason. A manager acts on any RO; the workshop's, the cashier's
and customer service's own steps are not the advisor's and are not affected.

Every service of an advisor's step calls ``_base.check_owner`` (found by reading the
services' source); each one refuses another advisor and leaves every row as it was.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import advisor.services
from advisor import auth, workflow
from advisor.errors import ConflictError, NotOwnerError, UserError
from advisor.models import AuditLog, Concern, EstimateLine, RepairOrder, StepEvent, now
from advisor.services import (
    changes,
    diagnosis,
    followup,
    inspection,
    orders,
    reception,
    settlement,
    workshop,
)
from tests import factories, inspection_rows
from tests.factories import Staff
from tests.snapshot import db_snapshot
from tests.unit.services.test_gates import assert_bilingual

SERVICES_DIR = Path(advisor.services.__file__).parent
# Services of an owner action that are not an advisor's step of an existing RO.
NOT_AN_OWNER_STEP = {
    "reception.open_repair_order": "opens the RO: whoever opens it owns it",
}


def _owner_step_services() -> list[tuple[str, str, str]]:
    """(module, function, source) of every write service whose permission (``@service``'s,
    or those its body requires) is one of ``workflow.OWNER_ACTIONS``."""
    found = []
    for path in sorted(SERVICES_DIR.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if not (isinstance(deco, ast.Call) and getattr(deco.func, "id", "") == "service"):
                    continue
                if any(k.arg == "read" for k in deco.keywords):
                    continue
                actions = {a.value for a in deco.args if isinstance(a, ast.Constant) and a.value}
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", "") in (
                        "require",
                        "_require_any",
                    ):
                        actions |= {a.value for a in call.args[1:] if isinstance(a, ast.Constant)}
                if actions & workflow.OWNER_ACTIONS:
                    found.append((path.stem, node.name, ast.get_source_segment(source, node) or ""))
    return found


def test_every_advisor_step_service_checks_the_owner() -> None:
    services = _owner_step_services()
    assert len(services) >= 25
    missing = [
        f"{m}.{f}"
        for m, f, src in services
        if f"{m}.{f}" not in NOT_AN_OWNER_STEP and "check_owner(" not in src and "_owner_of(" not in src
    ]
    assert not missing, f"advisor steps that do not check the owner: {missing}"
    assert {f"{m}.{f}" for m, f, _s in services} >= set(NOT_AN_OWNER_STEP)


# -- each service refuses another advisor, changing nothing --------------------------------


def _concern(ro_id: int) -> int:
    return int(Concern.select().where(Concern.ro == ro_id).order_by(Concern.id).first().id)


def _change(staff: Staff) -> int:
    ro_id, _lines = factories.worked(staff)
    return changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn too",
        new_promised_at=now() + dt.timedelta(hours=8),
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )


def _settled(staff: Staff) -> int:
    ro_id, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    return ro_id


def _inspected(staff: Staff) -> tuple[int, dict[str, int]]:
    """A checked-in RO with an inspection (red and yellow findings, not yet work)."""
    ro_id = factories.open_checked_in(staff)
    return ro_id, inspection_rows.inspect(ro_id, staff.advisor.user_id)


def _part_line(staff: Staff) -> int:
    return factories.estimated(staff)[1][1]


def _started_inspection(staff: Staff) -> int:
    ro_id = factories.open_checked_in(staff)
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    return ro_id


def _first_item(staff: Staff) -> int:
    view = inspection.inspection_of(_started_inspection(staff))
    assert view is not None
    return view.results[0].id


WEEK = now() + dt.timedelta(days=7)
CHECK_IN = dict(mileage_km=21_000, fuel_level=4, booklet_present=True, wash_requested=False)
# service → (what to build, how to call it on what was built)
CASES: dict[str, tuple[Callable[[Staff], Any], Callable[[Any], dict[str, Any]]]] = {
    "reception.greet": (
        lambda s: reception.open_repair_order(actor=s.advisor, vehicle_id=_vehicle(s)),
        lambda r: {"ro_id": r},
    ),  # fmt: skip
    "reception.check_in": (
        lambda s: reception.open_repair_order(actor=s.advisor, vehicle_id=_vehicle(s)),
        lambda r: {"ro_id": r, **CHECK_IN},
    ),  # fmt: skip
    "reception.set_customer_waits": (factories.open_checked_in, lambda r: {"ro_id": r, "waits": True}),
    "reception.link_comeback": (factories.open_checked_in, lambda r: {"ro_id": r, "original_ro_id": r}),
    "reception.reassign_advisor": (
        factories.open_checked_in,
        lambda r: {"ro_id": r, "advisor_id": None, "reason": "x"},
    ),  # fmt: skip
    "diagnosis.record_concern": (factories.open_checked_in, lambda r: {"ro_id": r, "customer_words": "异响"}),
    "diagnosis.correct_concern": (
        factories.open_checked_in,
        lambda r: {"concern_id": _concern(r), "customer_words": "异响"},
    ),  # fmt: skip
    "diagnosis.restate": (
        factories.open_checked_in,
        lambda r: {"concern_id": _concern(r), "restatement": "Squeal"},
    ),  # fmt: skip
    "diagnosis.confirm_symptom": (
        factories.open_checked_in,
        lambda r: {"concern_id": _concern(r), "confirmation": "confirmed"},
    ),  # fmt: skip
    "diagnosis.request_assist": (
        factories.open_checked_in,
        lambda r: {"concern_id": _concern(r), "technician_id": None},
    ),  # fmt: skip
    "diagnosis.record_finding": (
        factories.open_checked_in,
        lambda r: {"concern_id": _concern(r), "finding": "Pads worn"},
    ),  # fmt: skip
    "estimate.add_line": (
        factories.open_checked_in,
        lambda r: {
            "ro_id": r,
            "kind": "labour",
            "description": "Check",
            "quantity": "1.0",
            "unit_price_cents": 100,
        },
    ),  # fmt: skip
    "estimate.add_canned_job": (factories.open_checked_in, lambda r: {"ro_id": r, "code": "S-5000"}),
    "estimate.update_line": (
        lambda s: factories.estimated(s)[1][0],
        lambda line: {"line_id": line, "version": EstimateLine.get_by_id(line).version, "quantity": "2.0"},
    ),  # fmt: skip
    "estimate.cancel_line": (lambda s: factories.estimated(s)[1][0], lambda line: {"line_id": line}),
    "estimate.set_terms": (
        lambda s: factories.estimated(s)[0],
        lambda r: {"ro_id": r, "price_low_cents": 10_000, "price_high_cents": 90_000, "promised_at": WEEK},
    ),  # fmt: skip
    "estimate.authorise_estimate": (
        factories.estimated,
        lambda r: {
            "ro_id": r[0],
            "decisions": dict.fromkeys(r[1], "approved"),
            "customer_name": "张伟",
            "method": "in_person",
            "promised_at": WEEK,
            "signature": factories.signature(),
        },
    ),  # fmt: skip
    "estimate.retell_range": (
        lambda s: factories.authorised(s)[0],
        lambda r: {
            "ro_id": r,
            "price_low_cents": 10_000,
            "price_high_cents": 90_000,
            "told_to": "张伟",
            "method": "phone",
            "phone": "13812345678",
        },
    ),  # fmt: skip
    "changes.request_change": (
        lambda s: factories.worked(s)[0],
        lambda r: {
            "ro_id": r,
            "kind": "extra_work",
            "reason": "Worn",
            "lines": [{"kind": "labour", "description": "Pads", "quantity": "1.0"}],
        },
    ),  # fmt: skip
    "changes.record_consent": (
        _change,
        lambda c: {
            "change_id": c,
            "consented": True,
            "consent_by": "张伟",
            "method": "in_person",
            "signature": factories.signature(),
        },
    ),  # fmt: skip
    "quality.set_wash": (
        lambda s: factories.qc_passed(s)[0],
        lambda r: {"ro_id": r, "requested": True, "eta_min": 20},
    ),  # fmt: skip
    "quality.confirm_wash": (
        lambda s: factories.qc_passed(s, wash=True)[0],
        lambda r: {"ro_id": r, "ashtray_ok": True, "tyres_ok": True},
    ),  # fmt: skip
    "settlement.settle": (lambda s: factories.qc_passed(s)[0], lambda r: {"ro_id": r}),
    "settlement.correct_settlement": (
        _settled,
        lambda r: {"ro_id": r, "discount_cents": 0, "reason": "Wrong rate"},
    ),  # fmt: skip
    "settlement.explain_items": (_settled, lambda r: {"ro_id": r}),
    "settlement.hand_over": (
        lambda s: factories.settled_paid(s)[0],
        lambda r: {
            "ro_id": r,
            "accepted_by": "张伟",
            "result_shown": True,
            "signature": factories.signature(),
        },
    ),  # fmt: skip
    "followup.log_follow_up": (
        lambda s: factories.handed_over(s)[0],
        lambda r: {"ro_id": r, "reached": False},
    ),
    "inbox.give_progress_update": (factories.open_checked_in, lambda r: {"ro_id": r, "note": "Half done"}),
    "workshop.flag_for_training": (
        factories.open_checked_in,
        lambda r: {"ro_id": r, "note": "Intermittent fault"},
    ),  # fmt: skip
    "workshop.set_old_part_handling": (_part_line, lambda line: {"line_id": line, "handling": "returned"}),
    "findings.findings_to_work": (_inspected, lambda r: {"ro_id": r[0], "result_ids": [r[1]["wipers"]]}),
    # The inspection (issue 18): the advisor's own ROs (a technician's rating is not bound).
    "inspection.start_inspection": (factories.open_checked_in, lambda r: {"ro_id": r}),
    "inspection.rate_item": (_first_item, lambda i: {"result_id": i, "rating": "green"}),
    "inspection.set_recommendation": (
        _started_inspection,
        lambda r: {"ro_id": r, "text": "Tyres within 3 months"},
    ),
    "inspection.finish_inspection": (_started_inspection, lambda r: {"ro_id": r}),
}


def _vehicle(staff: Staff) -> int:
    return factories.make_customer_vehicle(staff)[1]


def test_the_cases_cover_every_advisor_step() -> None:
    steps = {f"{m}.{f}" for m, f, _s in _owner_step_services()} - set(NOT_AN_OWNER_STEP)
    assert set(CASES) == steps


@pytest.mark.parametrize("name", sorted(CASES))
def test_another_advisor_is_refused_and_nothing_changes(staff: Staff, name: str) -> None:
    module, function = name.split(".")
    fn = getattr(importlib.import_module(f"advisor.services.{module}"), function)
    build, arguments = CASES[name]
    kwargs = arguments(build(staff))
    before = db_snapshot()
    with pytest.raises(NotOwnerError) as info:
        fn(actor=staff.advisor2, **kwargs)
    assert_bilingual(info.value)
    assert info.value.en == (
        "This repair order is 李娜's. Ask 李娜 or the service manager to hand it to you."
    )
    assert info.value.zh == "此工单由李娜负责。请李娜或服务经理将工单转交给您。"
    assert db_snapshot() == before
    # Its advisor and the service manager get past the check (other answers may follow:
    # these arguments are made for the refusal, not always for the step itself).
    for actor in (staff.advisor, staff.manager):
        try:
            fn(actor=actor, **kwargs)
        except NotOwnerError:  # pragma: no cover - the failure message
            pytest.fail(f"{actor.role} refused as not the owner by {name}")
        except UserError:
            pass


# -- the other roles' own steps and the owner's own way ------------------------------------


def test_the_owner_does_the_steps_and_other_roles_keep_theirs(staff: Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)  # every advisor step done by its owner
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        at=now() - dt.timedelta(hours=30),  # the call is due 24 h after the handover
        signature=factories.signature(),
    )
    assert orders.get_ro_view(ro_id).handed_over_at is not None
    # The workshop raises a change and records a finding on an advisor's RO as before.
    other, _lines = factories.worked(staff)
    changes.request_change(
        actor=staff.foreman,
        ro_id=other,
        kind="delay",
        reason="Waiting for the bay",
        new_promised_at=now() + dt.timedelta(hours=9),
    )
    diagnosis.record_finding(actor=staff.technician, concern_id=_concern(other), finding="Pads at 2 mm")
    # A technician rates the inspection of an advisor's RO (not an advisor's step for them).
    inspection.start_inspection(actor=staff.technician, ro_id=other)
    view = inspection.inspection_of(other)
    assert view is not None
    inspection.rate_item(actor=staff.technician, result_id=view.results[0].id, rating="yellow")
    workshop.set_old_part_handling(actor=staff.foreman, line_id=_part_line(staff), handling="scrapped")
    # Customer service calls any customer.
    assert staff.customer_service is not None
    followup.log_follow_up(actor=staff.customer_service, ro_id=ro_id, reached=False)


def test_a_stranger_cannot_take_the_ro_its_owner_or_the_manager_hands_it_over(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    tom = staff.advisor2
    before = db_snapshot()
    with pytest.raises(NotOwnerError):
        reception.reassign_advisor(actor=tom, ro_id=ro_id, advisor_id=tom.user_id, reason="I'll take it")
    assert db_snapshot() == before
    # Its advisor hands it to Tom, with the reason: now Tom acts, and 李娜 is refused.
    reception.reassign_advisor(
        actor=staff.advisor, ro_id=ro_id, advisor_id=tom.user_id, reason="李娜 goes home sick"
    )
    assert RepairOrder.get_by_id(ro_id).advisor_id == tom.user_id
    diagnosis.record_concern(actor=tom, ro_id=ro_id, customer_words="空调不凉")
    with pytest.raises(NotOwnerError) as info:
        diagnosis.record_concern(actor=staff.advisor, ro_id=ro_id, customer_words="空调不凉")
    assert "Tom Baker's" in info.value.en
    # The manager hands it back; the reason is in the audit trail and on the timeline.
    reception.reassign_advisor(
        actor=staff.manager, ro_id=ro_id, advisor_id=staff.advisor.user_id, reason="Back from the doctor"
    )
    assert RepairOrder.get_by_id(ro_id).advisor_id == staff.advisor.user_id
    rows = list(
        AuditLog.select()
        .where(
            (AuditLog.entity == "repair_order")
            & (AuditLog.entity_id == ro_id)
            & (AuditLog.action == "reassign")
        )
        .order_by(AuditLog.id)
    )
    assert [r.user_id for r in rows] == [staff.advisor.user_id, staff.manager.user_id]
    notes = [
        e.note for e in StepEvent.select().where((StepEvent.ro == ro_id) & (StepEvent.action == "reassigned"))
    ]
    assert notes == ["李娜 goes home sick", "Back from the doctor"]


def test_a_handover_someone_made_first_is_a_conflict_before_the_owner_check(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    reception.reassign_advisor(
        actor=staff.manager, ro_id=ro_id, advisor_id=staff.advisor2.user_id, reason="Workload"
    )
    # 李娜's dialog still showed her as the advisor: she is told who has it now.
    with pytest.raises(ConflictError) as info:
        reception.reassign_advisor(
            actor=staff.advisor,
            ro_id=ro_id,
            advisor_id=staff.manager.user_id,
            reason="x",
            from_advisor_id=staff.advisor.user_id,
        )
    assert "Tom Baker" in info.value.en


def test_only_advisors_are_bound_to_their_own_ros() -> None:
    assert workflow.acts_as_owner("advisor", 1, 1)
    assert not workflow.acts_as_owner("advisor", 2, 1)
    for role in auth.ROLES:
        if role != "advisor":
            assert workflow.acts_as_owner(role, 2, 1), role
    assert set(workflow.OWNER_ACTIONS) <= set(auth.PERMISSIONS)
    assert all(auth.may("advisor", a) for a in workflow.OWNER_ACTIONS)
