"""My jobs (issue 16): the technician's own jobs, in working order, and nobody else's."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from advisor.errors import PermissionDenied
from advisor.models import now
from advisor.services import changes, diagnosis, my_jobs, users, workshop
from advisor.services._base import Actor
from advisor.services.orders import get_ro_view
from tests import factories


def _job(staff: factories.Staff, start: dt.datetime, *, tech: int = 0) -> tuple[int, int]:
    """An authorised RO with its labour line assigned; returns (RO id, assignment id).
    Promised an hour after the plan ends (four hours from now at the earliest)."""
    ro_id, lines = factories.authorised(
        staff, promised_at=max(now() + dt.timedelta(hours=4), start + dt.timedelta(hours=2))
    )
    a = workshop.assign(
        actor=staff.foreman,
        line_id=lines[0],
        technician_id=staff.tech_ids[tech],
        bay_id=None,
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        # 孙伟 (tech 1) has no brakes skill: the foreman says why he may do it.
        override_reason="Under 赵磊's supervision" if tech else "",
    )
    return ro_id, a.id


def test_the_technician_sees_only_their_jobs_in_working_order(staff: factories.Staff) -> None:
    morning = dt.datetime.combine(now().date(), dt.time(7, 0))
    _, waiting_late = _job(staff, morning + dt.timedelta(hours=3))
    _, paused = _job(staff, morning + dt.timedelta(hours=2))
    _, running = _job(staff, morning + dt.timedelta(hours=4))
    done_ro, done = _job(staff, morning)
    _, yesterday = _job(staff, morning - dt.timedelta(days=1))
    _, tomorrow = _job(staff, morning + dt.timedelta(days=1))
    _, someone_elses = _job(staff, morning + dt.timedelta(hours=1), tech=1)
    me = staff.technician
    workshop.clock_on(actor=me, assignment_id=paused)
    workshop.pause(actor=me, assignment_id=paused, reason="parts")
    workshop.clock_on(actor=me, assignment_id=running)
    workshop.clock_on(actor=me, assignment_id=done)
    workshop.finish(actor=me, assignment_id=done)
    workshop.clock_on(actor=staff.foreman, assignment_id=someone_elses)

    view = my_jobs.read_my_jobs(actor=me)

    assert view.linked and view.technician == "赵磊"
    # A finished job whose self-check waits first (QC waits for it); then the job in
    # hand; then what waits, by planned start (yesterday's unfinished first); finished
    # last. Tomorrow's waiting job and the other technician's are not here.
    assert [j.id for j in view.jobs] == [done, running, yesterday, paused, waiting_late]
    assert [j.id for j in view.jobs if j.self_check_due] == [done]
    factories.self_check(staff, done_ro)
    view = my_jobs.read_my_jobs(actor=me)
    assert [j.id for j in view.jobs] == [running, yesterday, paused, waiting_late, done]
    assert not any(j.self_check_due for j in view.jobs)
    assert someone_elses not in [j.id for j in view.jobs] and tomorrow not in [j.id for j in view.jobs]
    by_id = {j.id: j for j in view.jobs}
    assert by_id[paused].status == "paused" and by_id[paused].pause_reason == "parts"
    assert by_id[done].status == "done" and by_id[done].done_at is not None
    assert by_id[running].description == "Replace front brake pads" and by_id[running].hours == 1
    assert by_id[running].car == "Honda Accord 2.0 2021"


def test_yesterdays_finished_job_is_not_listed(staff: factories.Staff) -> None:
    yesterday = now() - dt.timedelta(days=1)
    _, a = _job(staff, yesterday)
    workshop.clock_on(actor=staff.technician, assignment_id=a, at=yesterday)
    workshop.finish(actor=staff.technician, assignment_id=a, at=yesterday + dt.timedelta(minutes=40))
    assert my_jobs.read_my_jobs(actor=staff.technician).jobs == ()


def test_each_job_carries_the_customers_words_verbatim_and_no_price_or_phone(
    staff: factories.Staff,
) -> None:
    ro_id, a = _job(staff, now())
    first = get_ro_view(ro_id).concerns[0]
    corrected = diagnosis.correct_concern(
        actor=staff.advisor,
        concern_id=first.id,
        customer_words="  刹车有“吱吱”声，\n早上更响 🚗  ",
        restatement="Front brake squeal, worse when cold",
    )
    diagnosis.record_concern(
        actor=staff.advisor, ro_id=ro_id, customer_words="空调不凉", restatement="A/C weak"
    )
    changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="Seized bolt",
        new_promised_at=now() + dt.timedelta(hours=6),
    )

    (job,) = my_jobs.read_my_jobs(actor=staff.technician).jobs

    assert job.id == a
    # The corrected entry stands in for the one it corrects; words exactly as typed.
    assert [(c.id, c.customer_words, c.restatement) for c in job.concerns] == [
        (corrected, "  刹车有“吱吱”声，\n早上更响 🚗  ", "Front brake squeal, worse when cold"),
        (job.concerns[1].id, "空调不凉", "A/C weak"),
    ]
    assert job.change_pending
    fields = {f.name for f in dataclasses.fields(job)}
    assert not {f for f in fields if "cents" in f or "price" in f or "phone" in f}
    assert "13812345678" not in repr(job)


def test_an_account_linked_to_no_technician_gets_an_empty_list_not_a_crash(staff: factories.Staff) -> None:
    _job(staff, now())
    u = users.add_user(
        actor=staff.admin,
        username="new.tech",
        display_name="新技师",
        role="technician",
        password=factories.PASSWORD,
    )
    view = my_jobs.read_my_jobs(actor=Actor(u.id, u.username, u.display_name, "technician"))
    assert not view.linked and view.jobs == ()


@pytest.mark.parametrize("role", ["foreman", "advisor", "manager", "cashier"])
def test_only_a_technician_reads_my_jobs(staff: factories.Staff, role: str) -> None:
    with pytest.raises(PermissionDenied) as refused:
        my_jobs.read_my_jobs(actor=staff.by_role(role))
    assert "My jobs" in refused.value.en
