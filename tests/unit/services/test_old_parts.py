"""Old parts, one decision per replaced part (issue 17, item 5): handover waits for a
decision on the old part of every approved part line, and the settlement sheet's header
is counted from those decisions — it can no longer contradict its own lines."""

from __future__ import annotations

import dataclasses
import json

import pytest

from advisor.errors import GateError, ValidationError
from advisor.models import AuditLog, EstimateLine, RepairOrder
from advisor.services import settlement, workshop
from advisor.services.orders import get_ro_view
from reports.settlement_sheet import old_parts_summary
from tests import factories
from tests.snapshot import db_snapshot
from tests.unit.reports.test_sheets import render, squash, text_of


def _hand_over(staff: factories.Staff, ro_id: int, old_parts: dict[int, str] | None = None) -> None:
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=old_parts,
        signature=factories.signature(),
    )


def _refused(
    staff: factories.Staff, ro_id: int, exc: type[Exception], old_parts: dict[int, str] | None
) -> str:
    before = db_snapshot()
    with pytest.raises(exc) as info:
        _hand_over(staff, ro_id, old_parts)
    assert db_snapshot() == before
    return str(info.value.en)  # type: ignore[attr-defined]


def test_handover_is_refused_until_each_part_has_a_decision(staff: factories.Staff) -> None:
    ro_id, lines = factories.settled_paid(staff)
    part = EstimateLine.get_by_id(lines[1])
    for undecided in (None, {}, {part.id: ""}):
        en = _refused(staff, ro_id, GateError, undecided)
        assert en.startswith("Decide with the customer what happens to each old part")
        assert part.code in en
    _hand_over(staff, ro_id, {part.id: "warranty_return"})
    assert EstimateLine.get_by_id(part.id).old_part_handling == "warranty_return"
    row = AuditLog.get((AuditLog.ro_id == ro_id) & (AuditLog.action == "hand_over"))
    assert json.loads(row.new_json)["old_parts"] == {str(part.id): "warranty_return"}


def test_a_decision_recorded_in_the_workshop_counts(staff: factories.Staff) -> None:
    ro_id, lines = factories.settled_paid(staff)
    workshop.set_old_part_handling(actor=staff.technician, line_id=lines[1], handling="returned")
    _hand_over(staff, ro_id)
    assert RepairOrder.get_by_id(ro_id).handed_over_at is not None
    assert EstimateLine.get_by_id(lines[1]).old_part_handling == "returned"


def test_bad_decisions_are_refused_and_nothing_is_written(staff: factories.Staff) -> None:
    ro_id, lines = factories.settled_paid(staff)
    other, other_lines = factories.settled_paid(staff)
    _refused(staff, ro_id, ValidationError, {lines[1]: "sold_for_scrap"})
    assert "another RO" in _refused(
        staff, ro_id, ValidationError, {lines[1]: "scrapped", other_lines[1]: "scrapped"}
    )
    assert "approved part line" in _refused(staff, ro_id, ValidationError, {lines[0]: "scrapped"})
    assert "approved part line" in _refused(staff, ro_id, ValidationError, {lines[2]: "scrapped"})  # declined
    assert RepairOrder.get_by_id(other).handed_over_at is None


@pytest.mark.parametrize(
    ("lang", "label", "before", "after", "line"),
    [
        ("zh_CN", "旧件交还客户", "0 件，共 1 件（1 件尚未决定）", "1 件，共 1 件", "交还客户"),
        (
            "en",
            "Old parts returned to",  # "the customer" wraps to the cell's next line
            "0 of 1 (1 not decided yet)",
            "1 of 1",
            "Returned to the customer",
        ),
    ],
)
def test_the_settlement_sheet_counts_the_lines_decisions(
    staff: factories.Staff, lang: str, label: str, before: str, after: str, line: str
) -> None:
    """Before the handover the header says the part is not decided (its line shows "—");
    after it, returned to the customer: the header and the line agree, in both languages."""
    ro_id, lines = factories.settled_paid(staff)
    RepairOrder.update(return_old_parts=False).where(RepairOrder.id == ro_id).execute()
    text = squash(text_of(render("settlement", get_ro_view(ro_id), lang=lang), layout=False))
    assert squash(label) in text and squash(before) in text
    assert squash(line) not in text.replace(squash(label), "")  # the line shows "—"
    _hand_over(staff, ro_id, {lines[1]: "returned"})
    text = squash(text_of(render("settlement", get_ro_view(ro_id), lang=lang), layout=False))
    assert squash(label) in text and squash(after) in text and squash(before) not in text
    assert squash(line) in text.replace(squash(label), "")  # the part's own line


def test_the_header_of_two_returned_of_three(staff: factories.Staff) -> None:
    ro_id, _lines = factories.settled_paid(staff)
    (part,) = [x for x in get_ro_view(ro_id).approved_lines if x.kind == "part"]
    three = [
        dataclasses.replace(part, id=1, old_part_handling="returned"),
        dataclasses.replace(part, id=2, old_part_handling="scrapped"),
        dataclasses.replace(part, id=3, old_part_handling="returned"),
    ]
    assert old_parts_summary(three, "zh_CN") == "2 件，共 3 件"
    assert old_parts_summary(three, "en") == "2 of 3"
    assert old_parts_summary([], "zh_CN") == "无更换零件"
