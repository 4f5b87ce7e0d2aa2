"""The timeline files each event under the step it completes, and reads the services'
short notes as data (issue 12: "问诊 接车检查完成", "交车 已付款", "declined 0", "cash 849.76")."""

from __future__ import annotations

import re
from pathlib import Path

import advisor.services
from advisor.services.orders import get_ro_view
from advisor.services.timeline import IN_ITS_STEP, STEP_OF_ACTION, EventNote, note_of, step_of
from advisor.workflow import Step
from tests import factories

SERVICES = Path(advisor.services.__file__).parent


def _actions_in_services() -> set[str]:
    """Every action the services record with ``event(ro, actor, "…")`` or
    ``event(ro, actor, EventAction.…)``."""
    found: set[str] = set()
    for path in SERVICES.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'event\([^,]+, actor, "([a-z_]+)"', text))
        if 'f"clock_{kind}"' in text:
            found |= {"clock_on", "clock_pause", "clock_resume", "clock_done"}
        found |= {
            a
            for pair in re.findall(r'event\(ro, actor, "([a-z_]+)" if \w+ else "([a-z_]+)"', text)
            for a in pair
        }
        # the same, named by their ``EventAction`` members
        found |= {a.lower() for a in re.findall(r"event\([^,]+, actor, EventAction\.([A-Z_]+)", text)}
        found |= {
            a.lower()
            for pair in re.findall(
                r"event\(ro, actor, EventAction\.([A-Z_]+) if \w+ else "
                r"EventAction\.([A-Z_]+)",
                text,
            )
            for a in pair
        }
    return found


def test_every_action_the_services_record_has_its_step() -> None:
    actions = _actions_in_services()
    assert {"checked_in", "authorised", "paid", "handed_over", "wash_declined"} <= actions
    assert actions <= set(STEP_OF_ACTION) | IN_ITS_STEP, actions - set(STEP_OF_ACTION)


def test_a_whole_ro_files_each_event_under_the_step_it_completes(staff: factories.Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    events = get_ro_view(ro_id).events
    first = {}
    for e in events:
        first.setdefault(e.action, e)
        # an event happens in its step or before the step the RO moved on to, never after
        assert step_of(e) <= e.step, (e.action, step_of(e), e.step)
    expected = {
        "arrived": Step.RECEPTION,
        "checked_in": Step.RECEPTION,
        "concern_recorded": Step.DIAGNOSIS,
        "authorised": Step.ESTIMATE,
        "assigned": Step.ASSIGNMENT,
        "clock_done": Step.REPAIR,
        "qc_passed": Step.QC,
        "settled": Step.SETTLEMENT,
        "paid": Step.SETTLEMENT,
        "handed_over": Step.HANDOVER,
    }
    assert {a: step_of(first[a]) for a in expected} == expected
    # what the stored step says instead: the step each of them led to
    assert first["checked_in"].step == Step.DIAGNOSIS and first["paid"].step > Step.SETTLEMENT


def test_the_notes_the_services_write_are_read_back_as_data(staff: factories.Staff) -> None:
    ro_id, _lines = factories.handed_over(staff)
    view = get_ro_view(ro_id)
    notes = {e.action: note_of(e.action, e.note) for e in view.events}
    assert notes["arrived"] == EventNote("walk_in")
    declined = sum(1 for x in view.lines if x.status == "declined")
    approved = sum(x.amount_cents for x in view.lines if x.status == "approved")
    assert notes["authorised"].kind == "authorised"
    assert notes["authorised"].values["declined"] == declined == 1
    assert notes["authorised"].values["amount_cents"] > 0
    assert notes["authorised"].values["amount_cents"] >= approved  # with tax or as quoted
    paid = view.settlement.payments[0]  # type: ignore[union-attr]
    assert notes["paid"] == EventNote("payment", {"method": paid.method, "amount_cents": paid.amount_cents})
    assert notes["handed_over"] == EventNote("text", {"text": "张伟"})  # a name stays as typed


def test_known_note_forms() -> None:
    assert note_of("authorised", "¥1,482.50; declined 2") == EventNote(
        "authorised", {"amount_cents": 148250, "declined": 2}
    )
    assert note_of("paid", "wechat 1,234.00") == EventNote(
        "payment", {"method": "wechat", "amount_cents": 123400}
    )
    assert note_of("change_requested", "¥100.00 → ¥250.00") == EventNote(
        "amounts", {"old_cents": 10000, "new_cents": 25000}
    )
    assert note_of("change_consented", "张伟; awaiting manager") == EventNote(
        "consent", {"who": "张伟", "awaiting_manager": True}
    )
    assert note_of("arrived", "appointment #12") == EventNote("appointment", {"id": 12})
    assert note_of("parts_arrived", "order #3") == EventNote("order", {"id": 3})
    assert note_of("followed_up", "unhappy → recheck") == EventNote("unhappy_recheck")
    assert note_of("clock_pause", "parts") == EventNote("pause_reason", {"reason": "parts"})
    # a person's words are never parsed, even when they look like a form
    assert note_of("refunded", "cash 10.00") == EventNote("text", {"text": "cash 10.00"})
    assert note_of("qc_failed", "declined 0") == EventNote("text", {"text": "declined 0"})
