"""Findings become work in one action (issue 18): the red and yellow items of the RO's
inspection become proposed estimate lines before the customer authorises, or ONE change
request during repair — each linked to its item (``InspectionResult.line`` /
``.change_request``) and so to its photos.

A finding becomes the lines of its item's canned job when the checklist names one (brake
pads: the labour and the pads), else one labour line at the standard rate that the
advisor edits (hours, price) like any other. Its result points at the first line; every
line knows its finding (``EstimateLine.finding``, migration 0021), so each shows the photo
and comes back with it when declined.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor import validation, workflow
from advisor.codes import ChangeKind, LineStatus, PhotoSubject, Rating, words
from advisor.errors import GateError, NotFound, ValidationError
from advisor.i18n import pick
from advisor.models import (
    CannedJob,
    EstimateLine,
    Inspection,
    InspectionItem,
    InspectionResult,
    Part,
    Photo,
    RepairOrder,
)
from advisor.services import changes, estimate
from advisor.services._base import Actor, check_owner, log, ro_state, service
from advisor.services.opchanges import Kind

# The ratings that may become work.
TO_WORK = (Rating.RED, Rating.YELLOW)
# How long a finding's own line may be (``EstimateLine.description``: 500 characters).
_DESCRIPTION_LIMIT = 500


@dataclass(frozen=True)
class FindingsWork:
    """What ``findings_to_work`` made: the new lines (each finding's, in order) and, during
    repair, the one change request that carries them."""

    line_ids: tuple[int, ...]
    change_request_id: int | None


@dataclass(frozen=True)
class FindingView:
    """A red or yellow item of the RO's inspection and what it became."""

    id: int  # InspectionResult id
    item_key: str
    group: str
    name_en: str
    name_zh: str
    rating: str  # red | yellow
    measurement: Decimal | None
    unit: str
    note: str
    line_id: int | None  # the estimate line it became (its first)
    change_request_id: int | None  # the change request it went into
    photo_ids: tuple[int, ...] = ()
    line_ids: tuple[int, ...] = ()  # every line it became (a canned job makes several)

    @property
    def lines(self) -> tuple[int, ...]:
        """Every line it became (the first alone for a line made before migration 0021)."""
        return self.line_ids or ((self.line_id,) if self.line_id is not None else ())

    @property
    def turned(self) -> bool:
        """Already work (a line or a change request)."""
        return self.line_id is not None or self.change_request_id is not None


def describe(result: Any, lang: str) -> str:
    """A finding's own line: "Inspection finding: Wiper blades (needs attention now): streaks"."""
    zh = lang.startswith("zh")
    name = result.name_zh if zh else result.name_en
    measured = ""
    if result.measurement is not None:
        value = f"{Decimal(result.measurement).normalize():f}"
        measured = f"{value} {result.unit}".strip()
    rating = words(Rating, result.rating, "zh_CN" if zh else "en")
    head = f"检查发现：{name}（{rating}" if zh else f"Inspection finding: {name} ({rating}"
    head += (("，" if zh else ", ") + measured if measured else "") + ("）" if zh else ")")
    note = " ".join((result.note or "").split())
    text = head + (("：" if zh else ": ") + note if note else "")
    return text if len(text) <= _DESCRIPTION_LIMIT else text[: _DESCRIPTION_LIMIT - 1] + "…"


def _specs(result: InspectionResult, vehicle_kind: str, lang: str) -> list[dict[str, Any]]:
    """The lines one finding becomes: its item's canned job, or one labour line."""
    item = InspectionItem.get_or_none(
        (InspectionItem.vehicle_kind == vehicle_kind) & (InspectionItem.key == result.item_key)
    )
    job = CannedJob.get_or_none(CannedJob.code == item.canned_job) if item and item.canned_job else None
    if job is None:
        return [{"kind": "labour", "description": describe(result, lang), "quantity": "1.0"}]
    specs = []
    for entry in json.loads(job.lines_json):
        part = Part.get_or_none(Part.number == entry["part"]) if entry.get("part") else None
        specs.append(
            {
                "kind": entry["kind"],
                "description": entry["description_zh"] if lang.startswith("zh") else entry["description_en"],
                "quantity": entry["qty"],
                "code": entry["code"],
                "part_id": part.id if part else None,
            }
        )
    return specs


def _chosen(ro: RepairOrder, result_ids: Sequence[int]) -> tuple[Inspection, list[InspectionResult]]:
    """The RO's results asked for, each red or yellow and not yet work (else refused)."""
    wanted = list(dict.fromkeys(result_ids))
    if not wanted:
        raise ValidationError(
            "Tick the findings that become work.", "请勾选要转为作业的检查发现。", field="result_ids"
        )
    inspection = Inspection.get_or_none(Inspection.ro == ro.id)
    if inspection is None:
        raise GateError("This repair order has no inspection.", "此工单没有车辆检查记录。")
    rows = {
        r.id: r
        for r in InspectionResult.select().where(
            (InspectionResult.inspection == inspection.id) & InspectionResult.id.in_(wanted)
        )
    }
    strangers = [i for i in wanted if i not in rows]
    if strangers:
        ids = ", ".join(f"#{i}" for i in strangers)
        raise NotFound(
            f"Inspection item {ids} is not on this repair order's inspection.",
            f"检查项目 {ids} 不属于此工单的检查。",
        )
    chosen = [rows[i] for i in wanted]
    for r in chosen:
        if r.rating not in TO_WORK:
            said_en = words(Rating, r.rating, "en") if r.rating else "not checked"
            said_zh = words(Rating, r.rating, "zh_CN") if r.rating else "未检查"
            raise GateError(
                f"Only a red or yellow finding becomes work: {r.name_en} is {said_en.lower()}.",
                f"只有红色或黄色的检查发现可转为作业：{r.name_zh}为“{said_zh}”。",
            )
        if (r.line is not None or r.change_request is not None) and r.id not in withdrawn(ro.id, [r]):
            raise GateError(
                f"{r.name_en} has already become work: it is on the estimate or in a change request.",
                f"{r.name_zh}已转为作业（已在估价单或变更申请中）。",
            )
    return inspection, chosen


def withdrawn(ro_id: int, results: Sequence[Any]) -> set[int]:
    """Of ``results`` (rows or views with id, line / line_id, change_request /
    change_request_id): those whose work was withdrawn — lines only (no change request),
    every one of them cancelled before the authorisation. Such a finding is free again."""
    lined = {
        r.id: getattr(r, "line", getattr(r, "line_id", None))
        for r in results
        if getattr(r, "change_request", getattr(r, "change_request_id", None)) is None
    }
    lined = {k: v for k, v in lined.items() if v is not None}
    if not lined:
        return set()
    statuses: dict[int, set[str]] = {}
    for line_id, finding, status in (
        EstimateLine.select(EstimateLine.id, EstimateLine.finding, EstimateLine.status)
        .where(
            (EstimateLine.ro == ro_id)
            & (EstimateLine.finding.in_(list(lined)) | EstimateLine.id.in_(list(lined.values())))
        )
        .tuples()
    ):
        for rid, first in lined.items():
            if finding == rid or line_id == first:
                statuses.setdefault(rid, set()).add(status)
    return {rid for rid, seen in statuses.items() if seen == {LineStatus.CANCELLED}}


def _link(result: InspectionResult, *, line: int | None, change_request: int | None) -> None:
    """Point the result at its work; refused when another desk did it first (in this
    transaction's view the result was free — or its withdrawn line — the row says otherwise)."""
    free = InspectionResult.line.is_null() if result.line is None else (InspectionResult.line == result.line)
    done = (
        InspectionResult.update(line=line, change_request=change_request)
        .where((InspectionResult.id == result.id) & free & InspectionResult.change_request.is_null())
        .execute()
    )
    if done != 1:  # pragma: no cover - the transaction's isolation makes this unreachable
        raise GateError(f"{result.name_en} has already become work.", f"{result.name_zh}已转为作业。")


def _mark(line_ids: Sequence[int], result_id: int) -> None:
    """Every line a finding became knows it (its photo shows on each; each comes back with it)."""
    EstimateLine.update(finding=result_id).where(EstimateLine.id.in_(list(line_ids))).execute()


@service("estimate.edit", changes=Kind.ESTIMATE | Kind.RO | Kind.PARTS | Kind.BOARD | Kind.EVIDENCE)
def findings_to_work(
    *, actor: Actor, ro_id: int, result_ids: list[int], reason: str = "", lang: str = "zh_CN"
) -> FindingsWork:
    """Turn red/yellow inspection items into work in one action: before the customer
    authorises, proposed estimate lines; once authorised (during repair), ONE change
    request with every finding's lines (``changes.request_change``: its gates apply, and
    ``reason`` — the findings' names when blank — is its reason). Refuses green, n/a and
    unchecked items, items already work, another RO's items and the wrong step. ``lang``:
    the language of the lines' descriptions (as ``add_canned_job``)."""
    ro = check_owner(actor, ro_id)
    state = ro_state(ro)
    workflow.check_open(state)
    inspection, chosen = _chosen(ro, result_ids)
    firsts: list[int] = []
    line_ids: list[int] = []
    change_id: int | None = None
    if not state.authorised:
        workflow.check_can_estimate(state)
        for r in chosen:
            made = [
                int(estimate.make_line(ro=ro, **spec).id) for spec in _specs(r, inspection.vehicle_kind, lang)
            ]
            firsts.append(made[0])
            line_ids.extend(made)
            _link(r, line=made[0], change_request=None)
            _mark(made, r.id)
    else:
        per_finding = [_specs(r, inspection.vehicle_kind, lang) for r in chosen]
        names = "; ".join(pick(r.name_en, r.name_zh, lang) for r in chosen)
        why = validation.clean_text(reason, limit=2000).strip() or (
            f"检查发现：{names}" if lang.startswith("zh") else f"Inspection findings: {names}"
        )
        change_id = changes.request_change(
            actor=actor,
            ro_id=ro.id,
            kind=ChangeKind.EXTRA_WORK,
            reason=why[:2000],
            lines=[spec for specs in per_finding for spec in specs],
        )
        made_ids = [
            int(i)
            for (i,) in EstimateLine.select(EstimateLine.id)
            .where(EstimateLine.change_request == change_id)
            .order_by(EstimateLine.id)
            .tuples()
        ]
        at = 0
        for r, specs in zip(chosen, per_finding, strict=True):
            firsts.append(made_ids[at])
            _link(r, line=made_ids[at], change_request=change_id)
            _mark(made_ids[at : at + len(specs)], r.id)
            at += len(specs)
        line_ids = made_ids
    log(
        actor,
        "repair_order",
        ro.id,
        "findings_to_work",
        new={
            "results": [r.id for r in chosen],
            "lines": line_ids,
            "change_request": change_id,
            "amount": sum(
                int(a)
                for (a,) in EstimateLine.select(EstimateLine.amount_cents)
                .where(EstimateLine.id.in_(line_ids))
                .tuples()
            ),
        },
        ro_id=ro.id,
    )
    return FindingsWork(tuple(line_ids), change_id)


def photos_by_result(pairs: Iterable[tuple[int, int]]) -> dict[int, tuple[int, ...]]:
    """The photo ids of inspection results, given (RO id, result id) pairs: oldest first.
    Reads the photos' ids only (never the images), through the (ro, subject, subject_id)
    index."""
    by_ro: dict[int, set[int]] = {}
    for ro_id, result_id in pairs:
        by_ro.setdefault(ro_id, set()).add(result_id)
    found: dict[int, list[int]] = {}
    for ro_id, ids in by_ro.items():
        q = (
            Photo.select(Photo.id, Photo.subject_id)
            .where(
                (Photo.ro == ro_id)
                & (Photo.subject == PhotoSubject.INSPECTION)
                & Photo.subject_id.in_(sorted(ids))
            )
            .order_by(Photo.id)
            .tuples()
        )
        for photo_id, subject_id in q:
            found.setdefault(int(subject_id), []).append(int(photo_id))
    return {k: tuple(v) for k, v in found.items()}


def findings_of(ro_id: int) -> tuple[FindingView, ...]:
    """The red and yellow items of the RO's inspection (none without one), in checklist
    order, with what they became and their photos."""
    inspection = Inspection.get_or_none(Inspection.ro == ro_id)
    if inspection is None:
        return ()
    rows = list(
        InspectionResult.select()
        .where((InspectionResult.inspection == inspection.id) & InspectionResult.rating.in_(list(TO_WORK)))
        .order_by(InspectionResult.seq, InspectionResult.id)
    )
    photos = photos_by_result((ro_id, r.id) for r in rows)
    made: dict[int, list[int]] = {}
    for line_id, finding in (
        EstimateLine.select(EstimateLine.id, EstimateLine.finding)
        .where(
            (EstimateLine.ro == ro_id)
            & EstimateLine.finding.in_([r.id for r in rows])
            & (EstimateLine.status != LineStatus.CANCELLED)
        )
        .order_by(EstimateLine.id)
        .tuples()
    ):
        made.setdefault(int(finding), []).append(int(line_id))
    free = withdrawn(ro_id, rows)
    return tuple(
        FindingView(
            r.id,
            r.item_key,
            r.group,
            r.name_en,
            r.name_zh,
            r.rating,
            r.measurement,
            r.unit,
            r.note,
            None if r.id in free else r.line,
            r.change_request,
            photos.get(r.id, ()),
            tuple(made.get(r.id, ())),
        )
        for r in rows
    )


def declined_photos(lines: Sequence[EstimateLine]) -> dict[int, tuple[int, ...]]:
    """For declined lines: the photos of the findings they came from (``EstimateLine.finding``),
    by line id — the ids only, through ``photo (ro_id, subject, subject_id)``: one statement
    per RO that has such a line, whatever the history holds."""
    pairs = [(x.ro_id, x.finding) for x in lines if x.status == LineStatus.DECLINED and x.finding is not None]
    photos = photos_by_result(pairs)
    return {
        x.id: photos[x.finding]
        for x in lines
        if x.status == LineStatus.DECLINED and x.finding is not None and x.finding in photos
    }


# -- read services ------------------------------------------------------------------------


@service("ro.view", read=True)
def read_findings(*, actor: Actor, ro_id: int) -> tuple[FindingView, ...]:
    """``findings_of``: the RO's red and yellow inspection items, what they became, their
    photos' ids."""
    return findings_of(ro_id)
