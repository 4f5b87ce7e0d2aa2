"""Findings become work in one action, and declined findings come back with their photo
(issue 18, item 3): a red or yellow inspection item becomes a proposed estimate line
before authorisation, or one change request during repair, linked to its item; a
finding's line declined with its reason is on the declined-work list and the call list
with the finding's photo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from advisor.errors import GateError, NotFound, NotOwnerError, ValidationError
from advisor.models import AuditLog, ChangeRequest, EstimateLine, InspectionResult, Photo, now
from advisor.services import changes, estimate, findings, inspection, orders, settings, solicitation
from tests import factories
from tests.factories import Staff
from tests.inspection_rows import Item, inspect
from tests.snapshot import db_snapshot
from tests.unit.services.test_gates import assert_bilingual


def _line(line_id: int) -> EstimateLine:
    return EstimateLine.get_by_id(line_id)


def test_before_authorisation_each_finding_becomes_proposed_lines_linked_to_it(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    rate = int(settings.get_setting("labour_rate_cents"))
    work = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"], ids["wipers"]], lang="en"
    )
    assert work.change_request_id is None
    lines = [_line(i) for i in work.line_ids]
    # The pads: their canned job (labour and the pads); the wiper: one labour line at the rate.
    assert [(x.kind, x.code) for x in lines] == [
        ("labour", "L-BRF"),
        ("part", "45022-TBA-A01"),
        ("labour", ""),
    ]
    assert {x.status for x in lines} == {"proposed"}
    wiper = lines[2]
    assert wiper.description == "Inspection finding: Wiper blades (Needs attention now): Cracked, streaks"
    assert (wiper.quantity, wiper.unit_price_cents, wiper.amount_cents) == (Decimal("1.0"), rate, rate)
    assert InspectionResult.get_by_id(ids["brake_pads_front"]).line == lines[0].id
    assert InspectionResult.get_by_id(ids["wipers"]).line == wiper.id
    assert InspectionResult.get_by_id(ids["wipers"]).change_request is None
    # The advisor edits it like any line.
    estimate.update_line(
        actor=staff.advisor, line_id=wiper.id, version=wiper.version, quantity="0.3", unit_price_cents=20_000
    )
    assert _line(wiper.id).amount_cents == 6_000
    audit = AuditLog.get((AuditLog.action == "findings_to_work") & (AuditLog.entity_id == ro_id))
    assert audit.user_id == staff.advisor.user_id
    # What the estimate page reads: each finding, what it became, its photos.
    seen = {f.item_key: f for f in findings.read_findings(actor=staff.advisor, ro_id=ro_id)}
    assert set(seen) == {"brake_pads_front", "wipers", "tyre_fl"}  # red and yellow only
    assert seen["wipers"].line_id == wiper.id and seen["wipers"].turned
    assert not seen["tyre_fl"].turned
    photo = Photo.get(Photo.subject_id == ids["wipers"])
    assert seen["wipers"].photo_ids == (photo.id,)


def test_a_finding_written_in_chinese_reads_as_the_advisor_writes(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    work = findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=[ids["tyre_fl"]])
    assert _line(work.line_ids[0]).description == "检查发现：左前轮胎花纹（建议关注，3 mm）"


def test_during_repair_the_findings_become_one_change_request(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    chosen = [ids["brake_pads_front"], ids["wipers"], ids["tyre_fl"]]
    work = findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=chosen, lang="en")
    assert work.change_request_id is not None
    cr = ChangeRequest.get_by_id(work.change_request_id)
    assert cr.kind == "extra_work" and cr.status == "pending"
    assert cr.reason == "Inspection findings: Front brake pads; Wiper blades; Tyre tread, front left"
    lines = list(EstimateLine.select().where(EstimateLine.change_request == cr.id).order_by(EstimateLine.id))
    assert [x.id for x in lines] == list(work.line_ids)
    assert len(lines) == 4 and {x.status for x in lines} == {"proposed"}
    for key, first in (("brake_pads_front", lines[0]), ("wipers", lines[2]), ("tyre_fl", lines[3])):
        result = InspectionResult.get_by_id(ids[key])
        assert (result.change_request, result.line) == (cr.id, first.id), key
    assert ChangeRequest.select().where(ChangeRequest.ro == ro_id).count() == 1
    # A reason the advisor typed is the request's.
    ro2, _l = factories.authorised(staff)
    ids2 = inspect(ro2, staff.advisor.user_id)
    work2 = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro2, result_ids=[ids2["wipers"]], reason="Seen at the walk-around"
    )
    assert ChangeRequest.get_by_id(work2.change_request_id).reason == "Seen at the walk-around"


def _refused(error: type[Exception], fn: object = None, **kw: object) -> Exception:
    before = db_snapshot()
    with pytest.raises(error) as info:
        findings.findings_to_work(**kw)  # type: ignore[arg-type]
    assert db_snapshot() == before
    assert_bilingual(info.value)  # type: ignore[arg-type]
    return info.value


def test_green_na_and_unchecked_items_are_refused_and_nothing_changes(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    for key, said in (("battery", "good"), ("tow_hitch", "not applicable"), ("cabin_filter", "not checked")):
        err = _refused(
            GateError, actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"], ids[key]]
        )
        assert said in err.en, err.en  # type: ignore[attr-defined]


def test_an_item_already_work_is_refused_and_nothing_changes(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=[ids["wipers"]])
    err = _refused(GateError, actor=staff.advisor, ro_id=ro_id, result_ids=[ids["tyre_fl"], ids["wipers"]])
    assert "already become work" in err.en  # type: ignore[attr-defined]
    # Also once it went into a change request.
    ro2, _l = factories.authorised(staff)
    ids2 = inspect(ro2, staff.advisor.user_id)
    findings.findings_to_work(actor=staff.advisor, ro_id=ro2, result_ids=[ids2["wipers"]])
    _refused(GateError, actor=staff.advisor, ro_id=ro2, result_ids=[ids2["wipers"]])


def test_another_ros_item_none_ticked_and_no_inspection_are_refused(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    other = factories.open_checked_in(staff)
    ids = inspect(other, staff.advisor.user_id)
    _refused(GateError, actor=staff.advisor, ro_id=ro_id, result_ids=[ids["wipers"]])  # no inspection here
    inspect(ro_id, staff.advisor.user_id)
    _refused(NotFound, actor=staff.advisor, ro_id=ro_id, result_ids=[ids["wipers"]])
    _refused(ValidationError, actor=staff.advisor, ro_id=ro_id, result_ids=[])


def test_the_wrong_step_is_refused_and_nothing_changes(staff: Staff) -> None:
    # Before the customer's concern is recorded: no estimate yet.
    from advisor.services import reception

    _c, vehicle_id = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle_id)
    reception.check_in(
        actor=staff.advisor, ro_id=ro_id, mileage_km=21_000, fuel_level=4, booklet_present=True
    )
    ids = inspect(ro_id, staff.advisor.user_id)
    err = _refused(GateError, actor=staff.advisor, ro_id=ro_id, result_ids=[ids["wipers"]])
    assert "concern" in err.en  # type: ignore[attr-defined]
    # After the final QC: extra work would not be inspected.
    qc_ro, _l = factories.qc_passed(staff)
    ids = inspect(qc_ro, staff.advisor.user_id)
    err = _refused(GateError, actor=staff.advisor, ro_id=qc_ro, result_ids=[ids["wipers"]])
    assert "QC" in err.en  # type: ignore[attr-defined]
    # While another change request waits for the customer.
    ro2, _l = factories.authorised(staff)
    ids2 = inspect(ro2, staff.advisor.user_id)
    changes.request_change(
        actor=staff.foreman,
        ro_id=ro2,
        kind="delay",
        reason="Bay busy",
        new_promised_at=now() + dt.timedelta(hours=8),
    )
    _refused(GateError, actor=staff.advisor, ro_id=ro2, result_ids=[ids2["wipers"]])


def test_another_advisor_and_the_workshop_are_refused(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    err = _refused(NotOwnerError, actor=staff.advisor2, ro_id=ro_id, result_ids=[ids["wipers"]])
    assert "李娜" in err.en  # type: ignore[attr-defined]
    from advisor.errors import PermissionDenied

    _refused(PermissionDenied, actor=staff.foreman, ro_id=ro_id, result_ids=[ids["wipers"]])


def _declined_at_authorisation(staff: Staff) -> tuple[int, dict[str, int], list[int]]:
    """An RO whose wiper finding was declined at authorisation ("too expensive"), then
    worked and handed over."""
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    work = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"], ids["wipers"]], lang="en"
    )
    wiper = work.line_ids[-1]
    decisions = {i: "approved" for i in work.line_ids}
    decisions[wiper] = "declined"
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=decisions,
        decline_reasons={wiper: factories.reason_id("price")},
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        signature=factories.signature(),
    )
    factories.finish(staff, ro_id)
    return ro_id, ids, list(work.line_ids)


def test_a_declined_finding_comes_back_on_the_call_list_with_its_photo(staff: Staff) -> None:
    ro_id, ids, lines = _declined_at_authorisation(staff)
    vehicle_id = orders.get_ro_view(ro_id).vehicle.id
    photo = Photo.get(Photo.subject_id == ids["wipers"])
    (item,) = solicitation.read_declined_work(actor=staff.advisor, vehicle_id=vehicle_id)
    assert item.line_ids == (lines[-1],)
    assert item.photo_ids == (photo.id,) and item.photo_id == photo.id
    assert "Wiper blades" in item.detail_en and "Too expensive" in item.detail_en
    (called,) = [x for x in solicitation.read_call_list(actor=staff.advisor) if x.vehicle_id == vehicle_id]
    assert called.kind == "declined" and called.photo_id == photo.id


def test_declined_work_without_a_finding_has_no_photo(staff: Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)  # its last line declined, not from a finding
    inspect(ro_id, staff.advisor.user_id)  # an inspection with photos, none of them of it
    vehicle_id = orders.get_ro_view(ro_id).vehicle.id
    (item,) = solicitation.read_declined_work(actor=staff.advisor, vehicle_id=vehicle_id)
    assert item.photo_ids == () and item.photo_id is None


def test_a_refused_change_from_findings_comes_back_with_its_photos(staff: Staff) -> None:
    ro_id, _lines = factories.authorised(staff, decline_last=False)
    ids = inspect(ro_id, staff.advisor.user_id, (*_two_red_with_photos(),))
    work = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["a"], ids["b"]], lang="en"
    )
    assert work.change_request_id is not None
    changes.record_consent(
        actor=staff.advisor,
        change_id=work.change_request_id,
        consented=False,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
        refusal_reason=factories.reason_id("no_time"),
    )
    factories.finish(staff, ro_id)
    vehicle_id = orders.get_ro_view(ro_id).vehicle.id
    (item,) = solicitation.read_declined_work(actor=staff.advisor, vehicle_id=vehicle_id)
    photos = [p.id for p in Photo.select(Photo.id).where(Photo.ro == ro_id).order_by(Photo.id)]
    assert set(item.line_ids) == set(work.line_ids)
    assert item.photo_ids == tuple(photos) and len(photos) == 2
    assert "No time now" in item.detail_en


def test_a_declined_canned_jobs_part_line_comes_back_with_the_findings_photo(staff: Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    work = findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"]])
    labour, pads = work.line_ids
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={labour: "approved", pads: "declined"},  # the customer brings their own pads
        decline_reasons={pads: factories.reason_id("elsewhere")},
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        signature=factories.signature(),
    )
    factories.finish(staff, ro_id)
    vehicle_id = orders.get_ro_view(ro_id).vehicle.id
    (item,) = solicitation.read_declined_work(actor=staff.advisor, vehicle_id=vehicle_id)
    assert item.line_ids == (pads,)
    assert item.photo_ids == (Photo.get(Photo.subject_id == ids["brake_pads_front"]).id,)


def _two_red_with_photos() -> tuple[Item, ...]:
    return (
        Item("a", "Rear brake disc", "后刹车盘", "red", note="Scored", photos=1),
        Item("b", "Drive belt", "传动皮带", "red", note="Cracks", photos=1),
    )


def test_the_default_checklists_front_pads_become_their_canned_job(staff: Staff) -> None:
    """Through the inspection's own services: the default checklist names the canned job
    of the front pads (BRAKE-F); the battery's test at 40 % is one too (BATT)."""
    from advisor.services import inspection

    ro_id = factories.open_checked_in(staff)
    inspection.start_inspection(actor=staff.advisor, ro_id=ro_id)
    view = inspection.read_inspection(actor=staff.advisor, ro_id=ro_id)
    assert view is not None
    by_key = {r.item_key: r.id for r in view.results}
    inspection.rate_item(
        actor=staff.technician,
        result_id=by_key["pads_front"],
        rating="red",
        measurement="2",
        note="2 mm left",
    )
    inspection.rate_item(
        actor=staff.technician, result_id=by_key["battery_health"], rating="yellow", measurement="40"
    )
    inspection.rate_item(actor=staff.technician, result_id=by_key["wipers"], rating="green")
    work = findings.findings_to_work(
        actor=staff.advisor,
        ro_id=ro_id,
        result_ids=[by_key["pads_front"], by_key["battery_health"]],
        lang="en",
    )
    codes = [_line(i).code for i in work.line_ids]
    assert codes == ["L-BRF", "45022-TBA-A01", "L-BAT", "31500-SR1-100"]
    after = inspection.read_inspection(actor=staff.advisor, ro_id=ro_id)
    assert after is not None
    lines = {r.item_key: r.line_id for r in after.results}
    assert lines["pads_front"] == work.line_ids[0] and lines["battery_health"] == work.line_ids[2]
    # A rating that became work no longer changes; the green one never becomes work.
    before = db_snapshot()
    with pytest.raises(GateError):
        inspection.rate_item(actor=staff.technician, result_id=by_key["pads_front"], rating="green")
    assert db_snapshot() == before
    _refused(GateError, actor=staff.advisor, ro_id=ro_id, result_ids=[by_key["wipers"]])


def test_every_line_a_finding_became_knows_it(staff: Staff) -> None:
    """A canned job makes several lines of one finding: each carries it (its photo shows on
    each, each comes back with it when declined); during repair too."""
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    work = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"], ids["wipers"]]
    )
    assert [_line(i).finding for i in work.line_ids] == [ids["brake_pads_front"]] * 2 + [ids["wipers"]]
    seen = {f.item_key: f for f in findings.findings_of(ro_id)}
    assert seen["brake_pads_front"].lines == work.line_ids[:2] and seen["wipers"].lines == work.line_ids[2:]
    ro2, _l = factories.authorised(staff)
    ids2 = inspect(ro2, staff.advisor.user_id)
    work2 = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro2, result_ids=[ids2["wipers"], ids2["brake_pads_front"]]
    )
    assert [_line(i).finding for i in work2.line_ids] == [ids2["wipers"]] + [ids2["brake_pads_front"]] * 2


def test_migration_0021_gives_the_lines_made_before_their_finding(staff: Staff) -> None:
    from advisor import db

    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    work = findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=[ids["wipers"]])
    database = db.database_proxy.obj
    database.execute_sql('ALTER TABLE "estimate_line" DROP COLUMN "finding"')
    database.execute_sql("DELETE FROM schema_migration WHERE name = '0021_finding_lines'")
    assert db.run_migrations(database) == ["0021_finding_lines"]
    assert _line(work.line_ids[0]).finding == ids["wipers"]
    assert EstimateLine.select().where(EstimateLine.finding.is_null(False)).count() == 1


def test_a_finding_whose_lines_were_withdrawn_is_free_again(staff: Staff) -> None:
    """The advisor withdraws a finding's lines (added by mistake): the finding is back in
    the panel and may become work again; one line withdrawn of two keeps it work."""
    ro_id = factories.open_checked_in(staff)
    ids = inspect(ro_id, staff.advisor.user_id)
    labour, pads = findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"]]
    ).line_ids
    estimate.cancel_line(actor=staff.advisor, line_id=pads)
    seen = {f.item_key: f for f in findings.read_findings(actor=staff.advisor, ro_id=ro_id)}
    assert seen["brake_pads_front"].turned and seen["brake_pads_front"].lines == (labour,)
    _refused(GateError, actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"]])
    estimate.cancel_line(actor=staff.advisor, line_id=labour)
    seen = {f.item_key: f for f in findings.read_findings(actor=staff.advisor, ro_id=ro_id)}
    assert not seen["brake_pads_front"].turned and seen["brake_pads_front"].lines == ()
    # free again, its rating may be corrected (and back)
    inspection.rate_item(actor=staff.advisor, result_id=ids["brake_pads_front"], rating="yellow")
    assert InspectionResult.get_by_id(ids["brake_pads_front"]).rating == "yellow"
    inspection.rate_item(actor=staff.advisor, result_id=ids["brake_pads_front"], rating="red")
    again = findings.findings_to_work(actor=staff.advisor, ro_id=ro_id, result_ids=[ids["brake_pads_front"]])
    assert InspectionResult.get_by_id(ids["brake_pads_front"]).line == again.line_ids[0]
    assert {_line(i).status for i in again.line_ids} == {"proposed"}
    seen = {f.item_key: f for f in findings.read_findings(actor=staff.advisor, ro_id=ro_id)}
    assert seen["brake_pads_front"].lines == again.line_ids
