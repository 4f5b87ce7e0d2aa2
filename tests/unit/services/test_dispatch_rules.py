"""Dispatch without double-booking (issue 17, item 2), certificates checked at dispatch
(item 17) and promises kept honest (item 3): each refusal changes nothing; the foreman's
override is recorded with its reason; a delay goes to the customer as a change request."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from advisor import workflow
from advisor.codes import ChangeKind, ChangeStatus, DispatchRule
from advisor.errors import PermissionDenied, ValidationError
from advisor.models import Assignment, AuditLog, Bay, ChangeRequest, RepairOrder, now
from advisor.services import changes, dispatch, inbox, workshop
from tests import factories
from tests.snapshot import db_snapshot


def _bay(code: str) -> int:
    return int(Bay.get(Bay.code == code).id)


def _slot(hours: float = 1.0) -> tuple[dt.datetime, dt.datetime]:
    start = now().replace(second=0, microsecond=0) + dt.timedelta(minutes=30)
    return start, start + dt.timedelta(hours=hours)


def _assign(staff: factories.Staff, line_id: int, tech: int = 0, **kw: Any) -> Any:
    start, end = _slot()
    args: dict[str, Any] = dict(
        actor=staff.foreman,
        line_id=line_id,
        technician_id=staff.tech_ids[tech],
        bay_id=None,
        planned_start=start,
        planned_end=end,
    )
    return workshop.assign(**{**args, **kw})


def _refused(fn: Any, **kw: Any) -> workflow.DispatchRefused:
    before = db_snapshot()
    with pytest.raises(workflow.DispatchRefused) as info:
        fn(**kw)
    assert db_snapshot() == before
    return info.value


def _audit(action: str) -> dict[str, Any]:
    row = AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id.desc()).get()
    return dict(json.loads(row.new_json or "{}"))


def test_a_technician_booked_in_the_same_hour_is_refused_unless_the_foreman_says_why(
    staff: factories.Staff,
) -> None:
    _ro1, lines1 = factories.authorised(staff)
    _ro2, lines2 = factories.authorised(staff)
    _assign(staff, lines1[0])
    err = _refused(_assign, staff=staff, line_id=lines2[0])
    assert err.rules == (DispatchRule.TECHNICIAN_BUSY,)
    assert "赵磊 is already booked then" in err.en and "赵磊在该时段已有安排" in err.zh
    assert "Replace front brake pads" in err.en  # which job holds the slot
    job = _assign(staff, lines2[0], override_reason="Two short jobs, one car on the lift after the other")
    a = Assignment.get_by_id(job.id)
    assert a.override_rules == "technician_busy"
    assert a.override_reason == "Two short jobs, one car on the lift after the other"
    logged = _audit("assign")
    assert logged["override_rules"] == ["technician_busy"]
    assert logged["override_reason"] == "Two short jobs, one car on the lift after the other"


def test_a_job_done_or_in_another_hour_does_not_count_as_a_booking(staff: factories.Staff) -> None:
    _ro1, lines1 = factories.authorised(staff)
    _ro2, lines2 = factories.authorised(staff)
    _ro3, lines3 = factories.authorised(staff)
    first = _assign(staff, lines1[0])
    start, end = _slot()
    later = _assign(
        staff, lines2[0], planned_start=end, planned_end=end + dt.timedelta(hours=1)
    )  # back to back
    assert Assignment.get_by_id(later.id).override_rules == ""
    workshop.clock_on(actor=staff.foreman, assignment_id=first.id)
    workshop.finish(actor=staff.foreman, assignment_id=first.id)
    again = _assign(staff, lines3[0], planned_start=start, planned_end=end)  # the first one is done
    assert Assignment.get_by_id(again.id).override_rules == ""


def test_a_bay_booked_then_is_refused(staff: factories.Staff) -> None:
    _ro1, lines1 = factories.authorised(staff)
    _ro2, lines2 = factories.authorised(staff)
    _assign(staff, lines1[0], bay_id=_bay("B1"))
    err = _refused(_assign, staff=staff, line_id=lines2[0], tech=1, bay_id=_bay("B1"), override_reason="")
    assert DispatchRule.BAY_BUSY in err.rules
    assert "Bay B1 is already booked then" in err.en and "工位 B1 在该时段已被占用" in err.zh


def test_a_technician_without_the_skill_is_refused(staff: factories.Staff) -> None:
    _ro, lines = factories.authorised(staff)  # the brakes job
    err = _refused(_assign, staff=staff, line_id=lines[0], tech=1)  # 孙伟: service, engine
    assert err.rules == (DispatchRule.MISSING_SKILL,)
    assert "孙伟 does not have the skill this job needs (Brakes)" in err.en
    assert "孙伟不具备此作业所需的技能（制动）" in err.zh


def test_an_expired_certificate_counts_as_a_missing_skill(staff: factories.Staff) -> None:
    _ro, lines = factories.authorised(staff)
    today = now().date()
    dispatch.add_certification(
        actor=staff.manager,
        technician_id=staff.tech_ids[0],
        skill="brakes",
        number="BRK-2023-118",
        expires_on=today - dt.timedelta(days=1),
    )
    err = _refused(_assign, staff=staff, line_id=lines[0])  # 赵磊 lists brakes, but it lapsed
    assert err.rules == (DispatchRule.MISSING_SKILL,)
    yesterday = f"{today - dt.timedelta(days=1):%Y-%m-%d}"
    assert f"赵磊's Brakes certificate BRK-2023-118 expired on {yesterday}" in err.en
    assert f"赵磊的制动资质证书 BRK-2023-118 已于 {yesterday} 过期" in err.zh
    suggested = workshop.suggest_technicians(lines[0])
    me = next(t for t in suggested if t.id == staff.tech_ids[0])
    assert not me.holds_skill and me.certificate_expired and me.certificate == "BRK-2023-118"
    # Renewed: valid again, and shown as expiring within 30 days.
    dispatch.add_certification(
        actor=staff.admin,
        technician_id=staff.tech_ids[0],
        skill="brakes",
        number="BRK-2026-007",
        expires_on=today + dt.timedelta(days=20),
    )
    me = next(t for t in workshop.suggest_technicians(lines[0]) if t.id == staff.tech_ids[0])
    assert me.holds_skill and me.certificate_expiring and me.certificate == "BRK-2026-007"
    assert _assign(staff, lines[0]).technician_id == staff.tech_ids[0]


def test_a_valid_certificate_gives_a_skill_not_listed(staff: factories.Staff) -> None:
    _ro, lines = factories.authorised(staff)
    dispatch.add_certification(
        actor=staff.manager,
        technician_id=staff.tech_ids[1],
        skill="brakes",
        number="BRK-88",
        expires_on=now().date() + dt.timedelta(days=365),
    )
    assert Assignment.get_by_id(_assign(staff, lines[0], tech=1).id).override_rules == ""


def test_a_bay_of_the_wrong_kind_is_refused(staff: factories.Staff) -> None:
    _ro, lines = factories.authorised(staff)
    for code in ("D1", "W1", "B4"):  # brakes need a lift: not diagnosis, wash or a flat bay
        err = _refused(_assign, staff=staff, line_id=lines[0], bay_id=_bay(code))
        assert err.rules == (DispatchRule.WRONG_BAY,)
    assert "this job needs: lift" in err.en and "此作业需要：举升机工位" in err.zh
    assert _assign(staff, lines[0], bay_id=_bay("B2")).bay == "B2"


def test_every_broken_rule_is_listed_in_one_refusal_and_overridden_together(staff: factories.Staff) -> None:
    _ro1, lines1 = factories.authorised(staff)
    _ro2, lines2 = factories.authorised(staff)
    _assign(staff, lines1[0], tech=1, bay_id=_bay("D1"), override_reason="Test drive with the scan tool")
    err = _refused(_assign, staff=staff, line_id=lines2[0], tech=1, bay_id=_bay("D1"))
    assert err.rules == (
        DispatchRule.TECHNICIAN_BUSY,
        DispatchRule.BAY_BUSY,
        DispatchRule.MISSING_SKILL,
        DispatchRule.WRONG_BAY,
    )
    assert err.en.count("\n• ") == 4 and err.zh.count("\n• ") == 4
    job = _assign(staff, lines2[0], tech=1, bay_id=_bay("D1"), override_reason="Only car today; supervised")
    assert Assignment.get_by_id(job.id).override_rules == "technician_busy,bay_busy,missing_skill,wrong_bay"


def test_a_job_dragged_to_a_busy_technician_is_refused_unless_the_foreman_says_why(
    staff: factories.Staff,
) -> None:
    _ro1, lines1 = factories.authorised(staff)
    _ro2, lines2 = factories.authorised(staff)
    mine = _assign(staff, lines1[0])
    other = _assign(staff, lines2[0], tech=2, override_reason="Mike checks the wiring first")
    err = _refused(
        workshop.reassign, actor=staff.foreman, assignment_id=other.id, technician_id=staff.tech_ids[0]
    )
    assert err.rules == (DispatchRule.TECHNICIAN_BUSY,)  # 赵磊 has brakes; he is busy with ``mine``
    assert mine.id != other.id
    moved = workshop.reassign(
        actor=staff.foreman, assignment_id=other.id, technician_id=staff.tech_ids[0], override_reason="Urgent"
    )
    a = Assignment.get_by_id(moved.id)
    assert a.technician_id == staff.tech_ids[0]
    assert a.override_rules == "missing_skill,technician_busy"  # Mike's override stays on record
    assert a.override_reason == "Mike checks the wiring first; Urgent"
    assert _audit("reassign")["why"] == "Urgent"
    # A bay of the wrong kind, dragged: refused; its own rules only (the technician is not re-checked).
    err = _refused(workshop.reassign, actor=staff.foreman, assignment_id=moved.id, bay_id=_bay("W1"))
    assert err.rules == (DispatchRule.WRONG_BAY,)


def test_only_a_manager_or_an_administrator_keeps_certificates_and_bad_input_changes_nothing(
    staff: factories.Staff,
) -> None:
    kw: dict[str, Any] = dict(
        technician_id=staff.tech_ids[0], skill="brakes", number="B-1", expires_on=now().date()
    )
    for who in (staff.foreman, staff.technician, staff.advisor):
        before = db_snapshot()
        with pytest.raises(PermissionDenied):
            dispatch.add_certification(actor=who, **kw)
        assert db_snapshot() == before
    for bad in ({"number": "  "}, {"skill": "juggling"}):
        before = db_snapshot()
        with pytest.raises(ValidationError):
            dispatch.add_certification(actor=staff.manager, **{**kw, **bad})
        assert db_snapshot() == before
    c = dispatch.add_certification(actor=staff.manager, **kw)
    assert [x.number for x in dispatch.certifications()] == ["B-1"]
    dispatch.remove_certification(actor=staff.admin, certification_id=c.id)
    assert dispatch.certifications() == []


def test_suggestions_rank_by_skill_then_level_then_measured_speed(staff: factories.Staff) -> None:
    """The alignment job needs no skill: all three qualify; Mike (level 4) leads, then 赵磊
    (3), then 孙伟 (2). Equal levels: the faster (standard over worked) goes first."""
    _ro, lines = factories.authorised(staff, decline_last=False)
    alignment = lines[2]
    names = [t.name for t in workshop.suggest_technicians(alignment)]
    assert names == ["Mike Lee", "赵磊", "孙伟"]
    # Brakes: the one who holds the skill comes first whatever the levels.
    assert workshop.suggest_technicians(lines[0])[0].name == "赵磊"
    # Speed: 孙伟 finished a 1 h job in 40 min (150 %); 赵磊 raised to level 4 took 2 h (50 %).
    from advisor.models import Technician

    Technician.update(level=4).where(Technician.id.in_(staff.tech_ids[:2])).execute()
    for tech, minutes in ((1, 40), (0, 120)):
        _r, ls = factories.authorised(staff)
        job = _assign(staff, ls[0], tech=tech, override_reason="" if tech == 0 else "supervised")
        Assignment.update(status="done", done_at=now(), worked_min=minutes).where(
            Assignment.id == job.id
        ).execute()
    ranked = workshop.suggest_technicians(alignment)
    assert [(t.name, t.speed_pct, t.speed_jobs) for t in ranked] == [
        ("孙伟", 150, 1),
        ("Mike Lee", None, 0),
        ("赵磊", 50, 1),
    ]


# -- promises kept honest ------------------------------------------------------------


def _late_ro(staff: factories.Staff) -> tuple[int, int, dt.datetime]:
    """An authorised RO promised in an hour and a half; (RO id, brakes line, promise)."""
    promised = now().replace(second=0, microsecond=0) + dt.timedelta(hours=1, minutes=30)
    ro_id, lines = factories.authorised(staff, promised_at=promised)
    return ro_id, lines[0], promised


def test_a_plan_past_the_promise_is_refused_without_a_delay_for_the_customer(staff: factories.Staff) -> None:
    _ro_id, line, promised = _late_ro(staff)
    start = promised - dt.timedelta(minutes=30)
    before = db_snapshot()
    with pytest.raises(workflow.DelayNeeded) as info:
        _assign(staff, line, planned_start=start, planned_end=start + dt.timedelta(hours=1))
    assert db_snapshot() == before
    assert f"after the time promised to the customer ({promised:%Y-%m-%d %H:%M})" in info.value.en
    assert "晚于向客户承诺的时间" in info.value.zh
    end = start + dt.timedelta(hours=1)
    offered = info.value.suggested  # the next quarter hour after the plan's end
    assert offered.minute % 15 == 0 and dt.timedelta(0) < offered - end <= dt.timedelta(minutes=15)


def test_the_delay_raised_with_the_assignment_waits_for_the_customer(staff: factories.Staff) -> None:
    ro_id, line, promised = _late_ro(staff)
    start = promised - dt.timedelta(minutes=30)
    new = promised + dt.timedelta(hours=1)
    job = _assign(
        staff,
        line,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        delay_reason="The lift is taken until then",
        new_promised_at=new,
    )
    cr = ChangeRequest.get(ChangeRequest.ro == ro_id)
    assert (cr.kind, cr.status, cr.new_promised_at, cr.old_promised_at) == (
        ChangeKind.DELAY,
        ChangeStatus.PENDING,
        new,
        promised,
    )
    assert cr.reason == "The lift is taken until then"
    assert _audit("assign")["delay_change_request"] == cr.id
    assert RepairOrder.get_by_id(ro_id).promised_at == promised  # moves only with consent
    assert job.planned_end > promised
    # It waits on the advisor (Needs me), as a cost change does.
    needs = inbox.read_needs_me(actor=staff.advisor)
    assert [n.kind for n in needs if n.ro_id == ro_id] == ["consent"]
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr.id,
        consented=True,
        consent_by="张伟",
        method="in_person",
        signature=factories.signature(),
    )
    assert RepairOrder.get_by_id(ro_id).promised_at == new


def test_a_delay_already_asked_for_covers_a_later_plan_and_a_short_one_does_not(
    staff: factories.Staff,
) -> None:
    ro_id, line, promised = _late_ro(staff)
    changes.request_change(
        actor=staff.foreman,
        ro_id=ro_id,
        kind="delay",
        reason="Parts late",
        new_promised_at=promised + dt.timedelta(minutes=30),
    )
    start = promised - dt.timedelta(minutes=30)
    before = db_snapshot()
    with pytest.raises(workflow.DelayNeeded):  # ends an hour late: the request asks for 30 min
        _assign(staff, line, planned_start=start, planned_end=start + dt.timedelta(hours=1, minutes=30))
    assert db_snapshot() == before
    _assign(staff, line, planned_start=start, planned_end=start + dt.timedelta(hours=1))  # covered
    assert ChangeRequest.select().where(ChangeRequest.ro == ro_id).count() == 1


def test_clocking_on_when_the_standard_time_left_passes_the_promise_asks_for_the_delay(
    staff: factories.Staff,
) -> None:
    ro_id, line, promised = _late_ro(staff)
    start = promised - dt.timedelta(hours=1, minutes=15)
    job = _assign(staff, line, planned_start=start, planned_end=start + dt.timedelta(hours=1))
    late_start = promised - dt.timedelta(minutes=20)  # 1 h of work left: ends 40 min late
    before = db_snapshot()
    with pytest.raises(workflow.DelayNeeded) as info:
        workshop.clock_on(actor=staff.technician, assignment_id=job.id, at=late_start)
    assert db_snapshot() == before
    assert "With the standard time left" in info.value.en
    workshop.clock_on(
        actor=staff.technician,
        assignment_id=job.id,
        at=late_start,
        delay_reason="Started late: the car before overran",
        new_promised_at=promised + dt.timedelta(hours=1),
    )
    cr = ChangeRequest.get(ChangeRequest.ro == ro_id)
    assert cr.kind == ChangeKind.DELAY and cr.raised_by_id == staff.technician.user_id
    # Paused and resumed later: the time worked counts, the delay asked for covers it.
    workshop.pause(
        actor=staff.technician, assignment_id=job.id, reason="parts", at=late_start + dt.timedelta(minutes=30)
    )
    workshop.resume(actor=staff.technician, assignment_id=job.id, at=late_start + dt.timedelta(minutes=45))
    workshop.pause(
        actor=staff.technician, assignment_id=job.id, reason="parts", at=late_start + dt.timedelta(minutes=50)
    )
    before = db_snapshot()
    with pytest.raises(workflow.DelayNeeded):  # 35 min worked, 25 left from +95 min: past +80
        workshop.resume(
            actor=staff.technician, assignment_id=job.id, at=late_start + dt.timedelta(minutes=95)
        )
    assert db_snapshot() == before
