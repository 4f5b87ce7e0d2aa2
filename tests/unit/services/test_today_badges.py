"""Today's open-RO queue: each badge comes from its own record, for its own RO only.

``open_orders`` reads the queue, every RO's badges and its subtotal in one statement
(correlated probes by ``ro_id``): each badge is set on one RO here and must show on that
RO and no other, and the total must be the estimate's."""

from __future__ import annotations

import datetime as dt

from advisor.models import FollowUp, QCCheck, Task, now
from advisor.services import changes, orders
from advisor.services.orders import get_ro_view
from tests import factories


def test_each_badge_shows_on_its_own_ro_and_the_total_is_the_estimates(staff: factories.Staff) -> None:
    consent, _ = factories.authorised(staff)
    parts, _ = factories.authorised(staff)
    qc, _ = factories.authorised(staff)
    follow, _ = factories.authorised(staff)
    later, _ = factories.authorised(staff)
    plain, _ = factories.authorised(staff)
    changes.request_change(
        actor=staff.foreman,
        ro_id=consent,
        kind="extra_work",
        reason="Disc scored",
        lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1"}],
    )
    Task.create(kind="parts_arrived", ro=parts, text_en="Parts arrived")
    Task.create(kind="parts_arrived", ro=plain, text_en="Done already", done_at=now())
    QCCheck.create(ro=qc, inspector=staff.foreman.user_id, passed=False)
    QCCheck.create(ro=plain, inspector=staff.foreman.user_id, passed=True)
    day = dt.timedelta(days=1)
    FollowUp.create(ro=follow, due_from=now() - day, due_to=now() + day)
    FollowUp.create(ro=later, due_from=now() + day, due_to=now() + 2 * day)

    badges = {s.id: set(s.badges) for s in orders.open_orders()}
    assert badges[consent] == {"consent"}
    assert badges[parts] == {"parts_arrived"}
    assert badges[qc] == {"qc_failed"}
    assert badges[follow] == {"follow_up"}
    assert badges[later] == set()
    assert badges[plain] == set()
    for summary in orders.open_orders():
        if summary.id in badges:
            assert summary.total_cents == get_ro_view(summary.id).totals.total_cents
