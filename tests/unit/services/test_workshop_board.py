"""The board's batched query, the dispatch list, old-parts handling and training flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from advisor.errors import PermissionDenied, ValidationError
from advisor.models import Assignment, now
from advisor.services import changes, workshop
from advisor.services.orders import get_ro_view
from tests import factories


def test_board_gives_the_same_views_as_one_view_per_job(staff: factories.Staff) -> None:
    start = now()
    ids = []
    for tech in range(3):
        _ro_id, lines = factories.authorised(staff)
        a = workshop.assign(
            actor=staff.foreman,
            line_id=lines[0],
            technician_id=staff.tech_ids[tech],
            bay_id=workshop.bays()[tech].id if tech else None,
            planned_start=start,
            planned_end=start + dt.timedelta(hours=1),
            # 孙伟 and Mike Lee lack brakes: the foreman lets them do it under supervision.
            override_reason="" if tech == 0 else "Under 赵磊's supervision",
        )
        ids.append(a.id)
    workshop.clock_on(actor=staff.foreman, assignment_id=ids[1], at=start - dt.timedelta(minutes=30))
    workshop.clock_on(actor=staff.foreman, assignment_id=ids[2], at=start - dt.timedelta(minutes=50))
    workshop.pause(
        actor=staff.foreman, assignment_id=ids[2], reason="parts", at=start - dt.timedelta(minutes=20)
    )
    at = now()
    board = workshop.board()
    expected = {a: workshop.assignment_view(Assignment.get_by_id(a), at=at) for a in ids}
    assert sorted(j.id for j in board) == sorted(ids)
    for job in board:
        want = expected[job.id]
        assert replace(job, worked_min=0) == replace(want, worked_min=0)
        assert abs(job.worked_min - want.worked_min) <= 1  # the clock ticks between the two reads
    assert next(j for j in board if j.id == ids[2]).worked_min == 30


def test_unassigned_jobs_lists_approved_labour_and_extra_work_awaiting_consent(
    staff: factories.Staff,
) -> None:
    ro_id, lines = factories.authorised(staff)
    assert [j.line_id for j in workshop.unassigned_jobs()] == [lines[0]]
    cr = changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="extra_work",
        reason="Disc scored",
        lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1"}],
    )
    jobs = workshop.unassigned_jobs()
    extra = next(j for j in jobs if j.change_request_id == cr)
    assert extra.awaiting_consent and extra.line_status == "proposed"
    start = now()
    workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    assert [j.line_id for j in workshop.unassigned_jobs()] == [extra.line_id]


def test_old_part_handling_is_recorded_by_the_workshop_or_the_advisor(staff: factories.Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    part = next(x for x in get_ro_view(ro_id).lines if x.kind == "part")
    workshop.set_old_part_handling(actor=staff.foreman, line_id=part.id, handling="scrapped")
    workshop.set_old_part_handling(actor=staff.advisor, line_id=part.id, handling="warranty_return")
    assert next(x for x in get_ro_view(ro_id).lines if x.id == part.id).old_part_handling == "warranty_return"
    with pytest.raises(PermissionDenied):
        workshop.set_old_part_handling(actor=staff.cashier, line_id=part.id, handling="returned")
    with pytest.raises(ValidationError):
        workshop.set_old_part_handling(actor=staff.foreman, line_id=part.id, handling="sold")


def test_a_hard_case_is_flagged_for_training_with_a_note(staff: factories.Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    with pytest.raises(ValidationError):
        workshop.flag_for_training(actor=staff.technician, ro_id=ro_id, note="  ")
    workshop.flag_for_training(actor=staff.technician, ro_id=ro_id, note="Intermittent CAN fault")
    view = get_ro_view(ro_id)
    assert view.training_flag and view.training_note == "Intermittent CAN fault"
    with pytest.raises(PermissionDenied):
        workshop.flag_for_training(actor=staff.parts, ro_id=ro_id, note="x")
