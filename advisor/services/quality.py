"""Step 9–10: the final QC checklist (fail = internal rework) and the wash."""

from __future__ import annotations

import json

from advisor import validation, workflow
from advisor.codes import EventAction, LineStatus, RoadTest
from advisor.errors import GateError, ValidationError
from advisor.models import Assignment, Concern, EstimateLine, QCCheck, RepairOrder, now
from advisor.services._base import Actor, bump, check_owner, event, get_ro, log, ro_state, service
from advisor.services.opchanges import Kind

ROAD_TEST = RoadTest.values()


def checklist(ro_id: int, lang: str = "zh_CN") -> list[str]:
    """The QC items generated from the RO: every concern in force and every approved line."""
    zh = lang.startswith("zh")
    superseded = {c.supersedes_id for c in Concern.select().where(Concern.ro == ro_id) if c.supersedes_id}
    items = []
    for c in Concern.select().where(Concern.ro == ro_id).order_by(Concern.seq):
        if c.id not in superseded:
            items.append(("故障：" if zh else "Concern: ") + f"“{c.customer_words}”")
    for line in (
        EstimateLine.select()
        .where((EstimateLine.ro == ro_id) & (EstimateLine.status == LineStatus.APPROVED))
        .order_by(EstimateLine.id)
    ):
        items.append(("项目：" if zh else "Line: ") + line.description)
    return items


@service("qc.inspect", changes=Kind.RO | Kind.BOARD)
def record_qc(
    *,
    actor: Actor,
    ro_id: int,
    items: list[tuple[str, bool]],
    road_test: str = RoadTest.NOT_NEEDED,
    road_test_result: str = "",
    nothing_left: bool,
    no_new_damage: bool,
    first_service_invited: bool = False,
    completion_cert_no: str = "",
    notes: str = "",
    rework_line_ids: list[int] | None = None,
) -> bool:
    """Record the final inspection. Pass → inspector recorded; fail → internal rework.

    Returns whether it passed.
    """
    ro = get_ro(ro_id)
    workflow.check_can_qc(ro_state(ro))
    if ro.qc_passed_at is not None:
        raise GateError("QC has already passed.", "完工检查已通过。")
    validation.choice(road_test, ROAD_TEST, ("Road test", "路试"))
    expected = checklist(ro.id, "zh_CN")
    expected_en = checklist(ro.id, "en")
    given = {label for label, _ok in items}
    if not (set(expected) <= given or set(expected_en) <= given):
        raise ValidationError(
            "Check every concern and every approved line before signing QC.",
            "签署完工检查前，须逐项检查每条故障描述和每个已批准项目。",
        )
    if ro.first_service and not first_service_invited:
        raise ValidationError(
            "This is a first service: invite the customer to the inspection.",
            "首次保养：须邀请客户参与检查。",
        )
    passed = all(ok for _label, ok in items) and nothing_left and no_new_damage
    cert = validation.clean_text(completion_cert_no, limit=40).strip()
    if passed and workflow.needs_certificate(ro.repair_class) and not cert:
        raise ValidationError(
            "This repair class needs the completion certificate number.",
            "此维修类别须填写竣工出厂合格证编号。",
            field="completion_cert_no",
        )
    qc = QCCheck.create(
        ro=ro.id,
        inspector=actor.user_id,
        at=now(),
        passed=passed,
        items_json=json.dumps([[label, bool(ok)] for label, ok in items], ensure_ascii=False),
        road_test=road_test,
        road_test_result=validation.clean_text(road_test_result),
        nothing_left=nothing_left,
        no_new_damage=no_new_damage,
        first_service_invited=first_service_invited,
        completion_cert_no=cert,
        notes=validation.clean_text(notes),
    )
    log(actor, "qc_check", qc.id, "record_qc", new={"passed": passed, "cert": cert}, ro_id=ro.id)
    if passed:
        bump(ro, None, ("The repair order", "工单"), qc_passed_at=now(), completion_cert_no=cert)
        event(ro, actor, EventAction.QC_PASSED)
        return True
    _send_back(ro, actor, rework_line_ids)
    event(ro, actor, EventAction.QC_FAILED, notes)
    return False


def _send_back(ro: RepairOrder, actor: Actor, line_ids: list[int] | None) -> None:
    """Internal rework: a new job for each line sent back, for the same technician."""
    latest: dict[int, Assignment] = {}
    for a in Assignment.select().where(Assignment.ro == ro.id).order_by(Assignment.id):
        latest[a.line_id] = a
    targets = line_ids or list(latest)
    for line_id in targets:
        prev = latest.get(line_id)
        if prev is None:
            continue
        a = Assignment.create(
            ro=ro.id,
            line=line_id,
            technician=prev.technician_id,
            bay=prev.bay_id,
            planned_start=now(),
            planned_end=now() + (prev.planned_end - prev.planned_start),
            rework=True,
            created_by=actor.user_id,
            created_at=now(),
        )
        log(actor, "assignment", a.id, "rework", new={"line": line_id}, ro_id=ro.id)
    RepairOrder.update(work_done_at=None).where(RepairOrder.id == ro.id).execute()


@service("qc.inspect", changes=Kind.RO)
def set_certificate(*, actor: Actor, ro_id: int, completion_cert_no: str) -> None:
    """Record the completion certificate number after QC (needed for handover)."""
    ro = get_ro(ro_id)
    cert = validation.clean_text(completion_cert_no, limit=40).strip()
    if not cert:
        raise ValidationError("Enter the certificate number.", "请输入合格证编号。")
    old = bump(ro, None, ("The repair order", "工单"), completion_cert_no=cert)
    log(actor, "repair_order", ro.id, "set_certificate", old=old, new={"cert": cert}, ro_id=ro.id)


@service("wash.record", changes=Kind.RO)
def set_wash(*, actor: Actor, ro_id: int, requested: bool, eta_min: int | None = None) -> None:
    """Wash requested or declined; the expected wash time told to the customer."""
    ro = check_owner(actor, ro_id)
    if ro.handed_over_at is not None:
        raise GateError("The car has already been handed over.", "车辆已交付。")
    if requested and (eta_min is None or not 5 <= eta_min <= 240):
        raise ValidationError(
            "Tell the customer the wash time (5–240 minutes).", "请告知客户清洗时长（5–240 分钟）。"
        )
    old = bump(
        ro,
        None,
        ("The repair order", "工单"),
        wash_requested=requested,
        wash_eta_min=eta_min if requested else None,
    )
    log(actor, "repair_order", ro.id, "set_wash", old=old, new={"requested": requested}, ro_id=ro.id)
    event(ro, actor, EventAction.WASH_REQUESTED if requested else EventAction.WASH_DECLINED)


@service("wash.record", changes=Kind.RO)
def confirm_wash(*, actor: Actor, ro_id: int, ashtray_ok: bool, tyres_ok: bool, note: str = "") -> None:
    """Reception confirms the wash result (ashtray, tyres) before handover."""
    ro = check_owner(actor, ro_id)
    workflow.check_qc_passed(ro_state(ro))
    if not ro.wash_requested:
        raise GateError("No wash was requested for this car.", "该车未要求清洗。")
    if not (ashtray_ok and tyres_ok):
        raise ValidationError(
            "Ashtray and tyres must be checked clean before the wash is confirmed.",
            "确认清洗前须检查烟灰缸和轮胎已清洁。",
        )
    result = validation.clean_text(note, limit=500) or "ashtray ok; tyres ok"
    old = bump(ro, None, ("The repair order", "工单"), wash_done_at=now(), wash_result=result)
    log(actor, "repair_order", ro.id, "confirm_wash", old=old, new={"result": result}, ro_id=ro.id)
    event(ro, actor, EventAction.WASHED)


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("ro.view", read=True)
def read_checklist(*, actor: Actor, ro_id: int, lang: str = "zh_CN") -> list[str]:
    """``checklist``: the final-inspection items of the RO."""
    return checklist(ro_id, lang)
