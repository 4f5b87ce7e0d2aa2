"""The technician's self-check (自检) before the final QC (issue 17, item 11): QC refuses
until every technician who finished work on the RO signed it; each refusal changes
nothing; rework needs a new signature."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.errors import GateError, ValidationError
from advisor.models import AuditLog, SelfCheck, StepEvent, now
from advisor.services import quality, standards, workshop
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from advisor.workflow import Step
from tests import factories
from tests.snapshot import db_snapshot

ALL_DONE = {item: "done" for item, _skip in standards.self_check_items()}


def _finished(staff: factories.Staff, tech: int = 0) -> tuple[int, int]:
    """An authorised RO whose one labour job the technician ``tech`` finished (not signed)."""
    ro_id, lines = factories.authorised(staff)
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[tech],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
        override_reason="" if tech == 0 else "Under 赵磊's supervision",  # only 赵磊 has brakes
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
    workshop.finish(actor=staff.foreman, assignment_id=a.id)
    return ro_id, a.id


def _qc(staff: factories.Staff, ro_id: int, ok: bool = True) -> bool:
    return quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, ok) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
    )


def test_qc_is_refused_until_the_technician_signed_and_nothing_changes(staff: factories.Staff) -> None:
    ro_id, _a = _finished(staff)
    view = get_ro_view(ro_id)
    assert view.step == Step.REPAIR  # every job done, the self-check still ends the repair
    assert "sign the self-check" in view.waiting.en  # type: ignore[union-attr]
    before = db_snapshot()
    with pytest.raises(GateError) as err:
        _qc(staff, ro_id)
    assert "self-check" in err.value.en and "赵磊" in err.value.zh
    assert db_snapshot() == before
    standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=ALL_DONE)
    assert get_ro_view(ro_id).step == Step.QC
    assert _qc(staff, ro_id)


def test_the_signature_is_audited_and_on_the_timeline(staff: factories.Staff) -> None:
    ro_id, _a = _finished(staff)
    marks = {**ALL_DONE, "old_parts": "na"}
    standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=marks, note="左前门铰链异响已处理")
    (row,) = SelfCheck.select().where(SelfCheck.ro == ro_id)
    assert row.signed_by_id == staff.technician.user_id and row.technician_id == staff.tech_ids[0]
    audit = AuditLog.get((AuditLog.entity == "self_check") & (AuditLog.entity_id == row.id))
    assert audit.action == "sign_self_check" and audit.user_id == staff.technician.user_id
    assert StepEvent.get((StepEvent.ro == ro_id) & (StepEvent.action == "self_check_signed")).note == "赵磊"
    (shown,) = standards.read_self_checks(actor=staff.advisor, ro_id=ro_id).signed
    assert shown.marks["old_parts"] == "na" and shown.note == "左前门铰链异响已处理"


@pytest.mark.parametrize(
    ("marks", "words"),
    [
        ({k: v for k, v in ALL_DONE.items() if k != "protection_removed"}, "Vehicle protection removed"),
        ({**ALL_DONE, "nothing_left": "na"}, "cannot be not applicable"),
        ({**ALL_DONE, "work_done": "na"}, "cannot be not applicable"),
        ({**ALL_DONE, "hinges": "maybe"}, "Unknown mark"),
        ({**ALL_DONE, "polish": "done"}, "Unknown self-check item"),
    ],
)
def test_every_item_must_be_ticked_na_only_where_allowed(
    staff: factories.Staff, marks: dict[str, str], words: str
) -> None:
    ro_id, _a = _finished(staff)
    before = db_snapshot()
    with pytest.raises(ValidationError) as err:
        standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=marks)
    assert words in err.value.en
    assert db_snapshot() == before


def test_refused_before_the_work_is_finished_and_for_someone_elses_work(staff: factories.Staff) -> None:
    ro_id, lines = factories.authorised(staff)
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[0],
        bay_id=None,
        planned_start=now(),
        planned_end=now() + dt.timedelta(hours=1),
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
    before = db_snapshot()
    with pytest.raises(GateError, match="Finish every job"):
        standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=ALL_DONE)
    # The technician cannot sign for another technician; the foreman cannot sign for
    # one who has a login (赵磊 signs in person).
    with pytest.raises(GateError, match="only your own"):
        standards.sign_self_check(
            actor=staff.technician, ro_id=ro_id, marks=ALL_DONE, technician_id=staff.tech_ids[1]
        )
    with pytest.raises(GateError, match="has a login"):
        standards.sign_self_check(
            actor=staff.foreman, ro_id=ro_id, marks=ALL_DONE, technician_id=staff.tech_ids[0]
        )
    with pytest.raises(GateError, match="no job on this repair order"):
        standards.sign_self_check(
            actor=staff.foreman, ro_id=ro_id, marks=ALL_DONE, technician_id=staff.tech_ids[1]
        )
    assert db_snapshot() == before


def test_the_foreman_records_the_signature_of_a_technician_without_a_login(staff: factories.Staff) -> None:
    ro_id, _a = _finished(staff, tech=1)  # 孙伟 has no account
    standards.sign_self_check(
        actor=staff.foreman, ro_id=ro_id, marks=ALL_DONE, technician_id=staff.tech_ids[1]
    )
    (row,) = SelfCheck.select().where(SelfCheck.ro == ro_id)
    assert (row.technician_id, row.signed_by_id) == (staff.tech_ids[1], staff.foreman.user_id)
    assert _qc(staff, ro_id)


def test_rework_after_a_failed_qc_needs_a_new_signature(staff: factories.Staff) -> None:
    ro_id, _a = _finished(staff)
    standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=ALL_DONE)
    assert not _qc(staff, ro_id, ok=False)  # failed: rework
    rework = next(a for a in get_ro_view(ro_id).assignments if a.rework)
    workshop.clock_on(actor=staff.technician, assignment_id=rework.id)
    workshop.finish(actor=staff.technician, assignment_id=rework.id)
    assert standards.self_check_status(ro_id).unsigned == ("赵磊",)
    before = db_snapshot()
    with pytest.raises(GateError, match="self-check"):
        _qc(staff, ro_id)
    assert db_snapshot() == before
    standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=ALL_DONE)
    assert _qc(staff, ro_id)
    with pytest.raises(GateError, match="already passed"):
        standards.sign_self_check(actor=staff.technician, ro_id=ro_id, marks=ALL_DONE)
