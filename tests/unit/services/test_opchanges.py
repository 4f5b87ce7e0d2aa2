"""Services say what they changed: the kinds declared on ``@service`` and the RO concerned."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.errors import PermissionDenied, UserError
from advisor.models import now
from advisor.services import estimate, orders, settings, workshop
from advisor.services.opchanges import NOTHING, Kind, OpChanges, collect
from advisor.services.orders import get_ro_view
from tests import factories


def test_a_write_reports_its_kinds_and_the_ro_of_its_ro_id_argument(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    line_id, changes = collect(
        estimate.add_line,
        actor=staff.advisor,
        ro_id=ro_id,
        kind="labour",
        code="L-1",
        description="Brakes",
        quantity="1.0",
        unit_price_cents=10_000,
    )
    assert line_id
    assert changes.kinds & Kind.ESTIMATE and changes.ro_id == ro_id
    assert changes.touches(Kind.ESTIMATE, ro_id=ro_id)
    assert not changes.touches(Kind.ESTIMATE, ro_id=ro_id + 1)  # another RO's screen stays
    assert not changes.touches(Kind.SETTINGS | Kind.USERS)


def test_the_ro_comes_from_the_audit_trail_when_the_service_names_another_record(
    staff: factories.Staff,
) -> None:
    ro_id, _lines = factories.authorised(staff)
    line = get_ro_view(ro_id).approved_lines[0]
    start = now()
    job = workshop.assign(
        actor=staff.foreman,
        line_id=line.id,
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    _, changes = collect(workshop.clock_on, actor=staff.foreman, assignment_id=job.id)
    assert changes == OpChanges(Kind.BOARD | Kind.RO, ro_id)


def test_no_particular_ro_when_none_or_several(staff: factories.Staff) -> None:
    _, changes = collect(settings.set_setting, actor=staff.manager, key="tax_rate", value="0.13")
    assert changes == OpChanges(Kind.SETTINGS, None)
    first = factories.open_checked_in(staff)
    second = factories.open_checked_in(staff)

    def two_ros() -> None:
        for ro_id in (first, second):
            estimate.set_terms(
                actor=staff.advisor,
                ro_id=ro_id,
                price_low_cents=100,
                price_high_cents=200,
                promised_at=now() + dt.timedelta(hours=3),
            )

    _, changes = collect(two_ros)
    assert changes.kinds & Kind.ESTIMATE and changes.ro_id is None


def test_reads_and_refused_calls_change_nothing(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    _, changes = collect(orders.open_orders)
    assert changes == NOTHING and not changes
    with pytest.raises(PermissionDenied):
        collect(settings.set_setting, actor=staff.technician, key="tax_rate", value="0.13")

    # Nothing is reported out of a refused call either: the collector of an outer call
    # that goes on after catching the error does not hear it.
    def refused_inside() -> None:
        with pytest.raises(UserError):
            estimate.authorise_estimate(
                actor=staff.advisor,
                ro_id=ro_id,
                decisions={},
                customer_name="X",
                method="in_person",
                promised_at=now(),
                signature=factories.signature(),
            )

    _, changes = collect(refused_inside)
    assert changes == NOTHING


def test_merging_keeps_the_ro_only_when_both_name_it() -> None:
    a = OpChanges(Kind.RO, 1)
    assert (a | NOTHING) == a and (NOTHING | a) == a
    assert (a | OpChanges(Kind.BOARD, 1)) == OpChanges(Kind.RO | Kind.BOARD, 1)
    assert (a | OpChanges(Kind.BOARD, 2)) == OpChanges(Kind.RO | Kind.BOARD, None)


def test_every_service_that_writes_declares_what_it_changes() -> None:
    # A service that writes to the audit trail (``log``/``event``) changed something: without
    # ``changes=`` on its decorator the screens showing those records would stay stale.
    import ast
    from pathlib import Path

    import advisor.services

    missing, writers = [], 0
    for path in sorted(Path(advisor.services.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = [
                d
                for d in node.decorator_list
                if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "service"
            ]
            calls = {getattr(c.func, "id", "") for c in ast.walk(node) if isinstance(c, ast.Call)}
            if decorators and calls & {"log", "event"}:
                writers += 1
                if not any(k.arg == "changes" for k in decorators[0].keywords):
                    missing.append(f"{path.name}:{node.lineno} {node.name}")
    assert writers >= 50  # the check found the services (57 when written)
    assert missing == []
