"""The pure gate functions of advisor.workflow: which step an RO is at, why a step is
locked, and every gate allowing and refusing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from advisor import workflow
from advisor.errors import GateError
from advisor.workflow import LineState, ROState, Step

LABOUR = LineState(
    id=1, status="approved", kind="labour", amount_cents=18_000, pay_type="customer", assigned=True, done=True
)
PART = LineState(id=2, status="approved", kind="part", amount_cents=56_000, pay_type="customer")
DECLINED = LineState(id=3, status="declined", kind="labour", amount_cents=9_000, pay_type="customer")
EXTRA = LineState(
    id=4, status="proposed", kind="labour", amount_cents=30_000, pay_type="customer", change_request_id=7
)

# An RO that has been through every step up to and including handover.
DONE = ROState(
    checked_in=True,
    concerns=1,
    authorised=True,
    lines=(LABOUR, PART, DECLINED),
    qc_passed=True,
    wash_requested=False,
    settled=True,
    items_explained=True,
    paid=True,
)


def at(**changes: object) -> ROState:
    return dataclasses.replace(DONE, **changes)  # type: ignore[arg-type]


def assert_bilingual(err: GateError) -> None:
    assert err.en and err.zh and err.en != err.zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.zh)


# -- current_step -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (ROState(), Step.RECEPTION),
        (ROState(checked_in=True), Step.DIAGNOSIS),
        (ROState(checked_in=True, concerns=2), Step.ESTIMATE),
        (ROState(checked_in=True, concerns=1, authorised=True,
                 lines=(dataclasses.replace(PART, part_ready=False),)), Step.PARTS),
        (ROState(checked_in=True, concerns=1, authorised=True,
                 lines=(dataclasses.replace(LABOUR, assigned=False, done=False),)), Step.ASSIGNMENT),
        (ROState(checked_in=True, concerns=1, authorised=True,
                 lines=(dataclasses.replace(LABOUR, done=False),)), Step.REPAIR),
        # Finished work but a change request waits for the customer: still in repair.
        (ROState(checked_in=True, concerns=1, authorised=True, lines=(LABOUR,), pending_changes=1),
         Step.REPAIR),
        (ROState(checked_in=True, concerns=1, authorised=True, lines=(LABOUR, DECLINED)), Step.QC),
        # A declined labour line never holds the RO in assignment.
        (ROState(checked_in=True, concerns=1, authorised=True,
                 lines=(LABOUR, dataclasses.replace(DECLINED, assigned=False))), Step.QC),
        (at(qc_passed=True, wash_requested=True, wash_done=False, settled=False, paid=False,
            items_explained=False), Step.WASH),
        (at(wash_requested=None, settled=False, paid=False, items_explained=False), Step.WASH),
        (at(settled=False, paid=False, items_explained=False), Step.SETTLEMENT),
        (at(wash_requested=True, wash_done=True, settled=False, paid=False), Step.SETTLEMENT),
        (at(paid=False), Step.SETTLEMENT),
        (DONE, Step.HANDOVER),
        (at(handed_over=True), Step.FOLLOW_UP),
        (at(handed_over=True, follow_up_done=True), Step.CLOSED),
        (at(status="closed"), Step.CLOSED),
    ],
)  # fmt: skip
def test_current_step_is_the_first_unfinished_step(state: ROState, expected: Step) -> None:
    assert workflow.current_step(state) == expected


def test_every_step_has_a_label_in_both_languages() -> None:
    for step in Step:
        en, zh = workflow.STEP_LABELS[step]
        assert en and zh and en != zh


# -- why_locked ------------------------------------------------------------------------


@pytest.mark.parametrize("step", [Step.SOLICITATION, Step.APPOINTMENT, Step.RECEPTION, Step.DIAGNOSIS])
def test_the_early_steps_are_never_locked(step: Step) -> None:
    assert workflow.why_locked(ROState(), step) is None


@pytest.mark.parametrize(
    ("state", "step", "needle"),
    [
        (ROState(), Step.ESTIMATE, "check-in"),
        (ROState(checked_in=True), Step.ESTIMATE, "own words"),
        (ROState(checked_in=True, concerns=1), Step.ASSIGNMENT, "not authorised"),
        (ROState(checked_in=True, concerns=1), Step.REPAIR, "not authorised"),
        (ROState(checked_in=True, concerns=1), Step.PARTS, "not authorised"),
        (ROState(checked_in=True, concerns=1, authorised=True,
                 lines=(dataclasses.replace(LABOUR, done=False),)), Step.QC, "not finished"),
        (at(qc_passed=False), Step.WASH, "QC"),
        (at(qc_passed=False), Step.SETTLEMENT, "QC"),
        (at(handed_over=False, paid=False), Step.HANDOVER, "paid"),
        (DONE, Step.FOLLOW_UP, "not been handed over"),
    ],
)  # fmt: skip
def test_why_locked_explains_a_locked_step(state: ROState, step: Step, needle: str) -> None:
    err = workflow.why_locked(state, step)
    assert err is not None
    assert needle in err.en
    assert_bilingual(err)


@pytest.mark.parametrize(
    ("state", "step"),
    [
        (ROState(checked_in=True, concerns=1), Step.ESTIMATE),
        (ROState(checked_in=True, concerns=1, authorised=True), Step.ASSIGNMENT),
        (ROState(checked_in=True, concerns=1, authorised=True, lines=(LABOUR,)), Step.QC),
        (at(settled=False, items_explained=False, paid=False), Step.SETTLEMENT),
        (DONE, Step.HANDOVER),
        (at(handed_over=True), Step.FOLLOW_UP),
        (DONE, Step.CLOSED),
    ],
)  # fmt: skip
def test_why_locked_is_none_when_the_step_can_be_worked(state: ROState, step: Step) -> None:
    assert workflow.why_locked(state, step) is None


# -- every check_* gate, allowed and refused ----------------------------------------------

Check = Callable[[ROState], None]
OPEN_AUTH = ROState(checked_in=True, concerns=1, authorised=True, lines=(LABOUR, PART, DECLINED))

GATES: list[tuple[str, Check, ROState, ROState, str]] = [
    # name, gate, a state it allows, a state it refuses, words of the refusal
    ("open", workflow.check_open, ROState(), ROState(status="closed"), "closed"),
    ("estimate-closed", workflow.check_can_estimate, ROState(checked_in=True, concerns=1),
     ROState(status="closed", checked_in=True, concerns=1), "closed"),
    ("estimate-checkin", workflow.check_can_estimate, ROState(checked_in=True, concerns=1),
     ROState(concerns=1), "check-in"),
    ("estimate-concern", workflow.check_can_estimate, ROState(checked_in=True, concerns=1),
     ROState(checked_in=True), "own words"),
    ("authorised", workflow.check_authorised, OPEN_AUTH, ROState(checked_in=True, concerns=1),
     "no work can start"),
    ("change-estimate", workflow.check_can_change_estimate, ROState(checked_in=True, concerns=1),
     OPEN_AUTH, "change request"),
    ("change-estimate-closed", workflow.check_can_change_estimate, ROState(),
     ROState(status="closed"), "closed"),
    ("qc-unfinished", workflow.check_can_qc, OPEN_AUTH,
     dataclasses.replace(OPEN_AUTH, lines=(dataclasses.replace(LABOUR, done=False),)), "not finished"),
    ("qc-pending-change", workflow.check_can_qc, OPEN_AUTH,
     dataclasses.replace(OPEN_AUTH, pending_changes=1), "change request"),
    ("qc-unauthorised", workflow.check_can_qc, OPEN_AUTH,
     dataclasses.replace(OPEN_AUTH, authorised=False), "not authorised"),
    ("qc-passed", workflow.check_qc_passed, DONE, at(qc_passed=False), "QC"),
    ("settle-qc", workflow.check_can_settle, at(settled=False), at(settled=False, qc_passed=False), "QC"),
    ("settle-pending", workflow.check_can_settle, at(settled=False),
     at(settled=False, pending_changes=1), "change request"),
    ("settle-undecided", workflow.check_can_settle, at(settled=False),
     at(settled=False, lines=(LABOUR, EXTRA)), "neither approved nor declined"),
    ("settle-wash", workflow.check_can_settle, at(settled=False, wash_requested=True, wash_done=True),
     at(settled=False, wash_requested=True), "wash"),
    ("settle-wash-undecided", workflow.check_can_settle, at(settled=False, wash_requested=False),
     at(settled=False, wash_requested=None), "washed"),
    ("pay-settled", workflow.check_can_pay, at(paid=False), at(settled=False, items_explained=False),
     "no settlement"),
    ("pay-explained", workflow.check_can_pay, at(paid=False), at(items_explained=False),
     "explain the items"),
    ("handover-qc", workflow.check_can_hand_over, DONE, at(qc_passed=False), "QC"),
    ("handover-cert", workflow.check_can_hand_over, at(repair_class="major", completion_cert_no="C-1"),
     at(repair_class="major"), "certificate"),
    ("handover-wash", workflow.check_can_hand_over, at(wash_requested=True, wash_done=True),
     at(wash_requested=True), "wash"),
    ("handover-settled", workflow.check_can_hand_over, DONE,
     at(settled=False, items_explained=False, paid=False), "not settled"),
    ("handover-explained", workflow.check_can_hand_over, DONE, at(items_explained=False), "explained"),
    ("handover-paid", workflow.check_can_hand_over, DONE, at(paid=False), "not paid"),
    ("handover-twice", workflow.check_can_hand_over, DONE, at(handed_over=True), "already"),
    ("handover-closed", workflow.check_can_hand_over, DONE, at(status="closed"), "closed"),
    ("handed-over", workflow.check_handed_over, at(handed_over=True), DONE, "not been handed over"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "check", "allowed", "refused", "needle"), GATES, ids=[g[0] for g in GATES])
def test_gate_allows_and_refuses(
    name: str, check: Check, allowed: ROState, refused: ROState, needle: str
) -> None:
    check(allowed)  # does not raise
    with pytest.raises(GateError) as info:
        check(refused)
    assert needle in info.value.en
    assert_bilingual(info.value)


def test_work_line_allowed_for_an_approved_line() -> None:
    workflow.check_can_work_line(OPEN_AUTH, LABOUR.id)
    workflow.check_can_work_line(OPEN_AUTH, PART.id)


@pytest.mark.parametrize(
    ("state", "line_id", "needle"),
    [
        (dataclasses.replace(OPEN_AUTH, authorised=False), LABOUR.id, "not authorised"),
        (OPEN_AUTH, DECLINED.id, "not approved"),
        (OPEN_AUTH, 999, "not approved"),  # not a line of this RO
        (dataclasses.replace(OPEN_AUTH, lines=(*OPEN_AUTH.lines, EXTRA)), EXTRA.id, "consent"),
        (dataclasses.replace(OPEN_AUTH, lines=(dataclasses.replace(PART, part_ready=False),)),
         PART.id, "not arrived"),
        (dataclasses.replace(OPEN_AUTH, status="closed"), LABOUR.id, "closed"),
    ],
)  # fmt: skip
def test_work_line_refused(state: ROState, line_id: int, needle: str) -> None:
    with pytest.raises(GateError) as info:
        workflow.check_can_work_line(state, line_id)
    assert needle in info.value.en
    assert_bilingual(info.value)


def test_a_proposed_line_without_change_request_is_simply_not_approved() -> None:
    plain = dataclasses.replace(EXTRA, change_request_id=None)
    with pytest.raises(GateError) as info:
        workflow.check_can_work_line(dataclasses.replace(OPEN_AUTH, lines=(plain,)), plain.id)
    assert "not approved" in info.value.en


def test_handover_without_certificate_is_fine_for_classes_that_need_none() -> None:
    workflow.check_can_hand_over(at(repair_class="minor", completion_cert_no=""))


def test_approved_property_lists_only_approved_lines() -> None:
    state = dataclasses.replace(OPEN_AUTH, lines=(LABOUR, DECLINED, EXTRA, PART))
    assert [x.id for x in state.approved] == [LABOUR.id, PART.id]


# -- small helpers ------------------------------------------------------------------------


def test_follow_up_window_is_24_to_48_hours_after_handover() -> None:
    handed = dt.datetime(2026, 3, 5, 17, 30)
    start, end = workflow.follow_up_window(handed)
    assert start == dt.datetime(2026, 3, 6, 17, 30)
    assert end == dt.datetime(2026, 3, 7, 17, 30)


@pytest.mark.parametrize(
    ("delta", "threshold", "major"),
    [
        (199_999, 200_000, False),
        (200_000, 200_000, True),
        (500_000, 200_000, True),
        (0, 200_000, False),
        (-50_000, 200_000, False),
        (1, 1, True),
    ],
)
def test_is_major_change_at_and_above_the_threshold(delta: int, threshold: int, major: bool) -> None:
    assert workflow.is_major_change(delta, threshold) is major


@pytest.mark.parametrize(
    ("repair_class", "needed"),
    [
        ("vehicle", True),
        ("major", True),
        ("level2", True),
        ("level1", False),
        ("minor", False),
        ("special", False),
    ],
)
def test_needs_certificate_per_repair_class(repair_class: str, needed: bool) -> None:
    assert workflow.needs_certificate(repair_class) is needed


# -- the lounge: a progress update every 30 minutes while the customer waits ------------

T0 = dt.datetime(2026, 3, 2, 9, 0)


def _m(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_lounge_default_interval_is_thirty_minutes() -> None:
    assert dt.timedelta(minutes=30) == workflow.LOUNGE_UPDATE_EVERY


@pytest.mark.parametrize(
    ("end", "updates", "missed", "on_time"),
    [
        (20, [], 0, 0),  # ready before the first update was due
        (30, [], 0, 0),  # ready exactly when it was due: the handover is the news
        (31, [], 1, 0),
        (120, [], 3, 0),  # due at 30, 60, 90 (120 is the end itself)
        (121, [], 4, 0),  # two hours without news: four misses
        (90, [30, 60], 0, 2),  # updates exactly on time
        (90, [25, 50, 75], 0, 3),  # early updates reset the clock
        (90, [40, 70], 1, 1),  # 40 is late (due at 30 missed); 70 is within 30 of 40
        (100, [70], 2, 0),  # 30 and 60 missed, then the wait ends 30 after 70
        (100, [-10, 130], 3, 0),  # updates outside the wait do not count
        (61, [60, 30], 0, 2),  # order of the updates does not matter
    ],
)
def test_lounge_updates_count_misses(end: int, updates: list[int], missed: int, on_time: int) -> None:
    got = workflow.lounge_updates(T0, _m(end), [_m(u) for u in updates], dt.timedelta(minutes=30))
    assert got.missed == missed
    assert got.on_time == on_time
    assert workflow.lounge_update_misses(T0, _m(end), [_m(u) for u in updates]) == missed


def test_lounge_misses_are_timed_at_their_due_moments() -> None:
    got = workflow.lounge_updates(T0, _m(150), [_m(70)], dt.timedelta(minutes=30))
    assert got.misses == (_m(30), _m(60), _m(100), _m(130))
    assert got.next_due == _m(100)


def test_lounge_next_update_is_due_one_interval_after_the_last_update() -> None:
    assert workflow.lounge_updates(T0, _m(10), []).next_due == _m(30)
    assert workflow.lounge_updates(T0, _m(50), [_m(20)]).next_due == _m(50)
    assert workflow.lounge_updates(T0, _m(50), [_m(20)], dt.timedelta(minutes=15)).next_due == _m(35)


def test_lounge_interval_is_configurable() -> None:
    assert workflow.lounge_update_misses(T0, _m(61), [], dt.timedelta(minutes=15)) == 4
    assert workflow.lounge_update_misses(T0, _m(61), [], dt.timedelta(minutes=60)) == 1


def test_lounge_interval_must_be_positive() -> None:
    with pytest.raises(ValueError):
        workflow.lounge_updates(T0, _m(10), [], dt.timedelta(0))


def test_lounge_waits_from_check_in_until_ready_or_leaving() -> None:
    # Waiting from check-in (no toggle) until the car was ready.
    assert workflow.lounge_waits(T0, True, [], _m(90)) == [(T0, _m(90))]
    assert workflow.lounge_waits(T0, False, [], _m(90)) == []
    # Waited from check-in (the first toggle is the customer leaving), came back later.
    assert workflow.lounge_waits(T0, True, [(_m(20), False), (_m(60), True)], _m(100)) == [
        (T0, _m(20)),
        (_m(60), _m(100)),
    ]
    # Not waiting at check-in, sat down at 10, left at 50, after the car was ready at 40.
    assert workflow.lounge_waits(T0, False, [(_m(10), True), (_m(50), False)], _m(40)) == [(_m(10), _m(40))]


def test_lounge_ready_is_qc_passed_and_washed_or_no_wash() -> None:
    assert workflow.lounge_ready_at(None, False, None) is None
    assert workflow.lounge_ready_at(_m(10), False, None) == _m(10)
    assert workflow.lounge_ready_at(_m(10), True, None) is None
    assert workflow.lounge_ready_at(_m(10), True, _m(30)) == _m(30)
    assert workflow.lounge_ready_at(_m(10), None, None) is None
