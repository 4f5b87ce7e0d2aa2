"""``ROView.waiting`` as the screens read it: who acts next on a real RO, step by step,
including a major change that the customer consented to and the manager has not approved."""

from __future__ import annotations

import datetime as dt

from advisor.models import now
from advisor.services import changes, settings, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.factories import Staff


def _action(ro_id: int) -> str | None:
    w = get_ro_view(ro_id).waiting
    return None if w is None else w.action


def test_the_view_says_who_acts_next_from_arrival_to_follow_up(staff: Staff) -> None:
    assert _action(factories.estimated(staff)[0]) == "estimate.authorise"
    assert _action(factories.authorised(staff)[0]) == "work.assign"
    assert _action(factories.worked(staff)[0]) == "qc.inspect"
    ro_id, _ = factories.qc_passed(staff)
    assert _action(ro_id) == "settle"
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    assert _action(ro_id) == "explain"
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    waiting = get_ro_view(ro_id).waiting
    assert waiting is not None
    assert (waiting.action, waiting.en, waiting.zh) == (
        "pay",
        "Waiting for the cashier to take payment.",
        "等待收银员收款。",
    )
    assert _action(factories.settled_paid(staff)[0]) == "handover"
    assert _action(factories.handed_over(staff)[0]) == "followup.log"


def test_a_consented_major_change_waits_for_the_manager(staff: Staff) -> None:
    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    ro_id, _ = factories.worked(staff)
    cr = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Rear pads worn too",
        new_promised_at=now() + dt.timedelta(hours=8),
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )
    assert _action(ro_id) == "change.consent"
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="in_person",
        signature=factories.signature(),
    )
    waiting = get_ro_view(ro_id).waiting
    assert waiting is not None and waiting.action == "change.approve_major"
    assert waiting.zh == "等待服务经理批准重大变更。"
    changes.approve_major(actor=staff.manager, change_id=cr)
    assert _action(ro_id) == "work.assign"  # the extra job, approved, waits for the foreman
