"""Words for the RO's timeline events (``StepEvent.action``): ``arrived``, ``clock_on`` …

Shared by the timeline report and the audit trail (``event()`` audits every event under
the same code). An action's words are its ``advisor.codes.EventAction`` member's (one
table); the notes' texts keep the context "TimelineReport" (``closing_zh_CN.ts``), each
call naming its context and text literally so pyside6-lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advisor.codes import EventAction, PayMethod, SignedAct, words
from advisor.services.timeline import note_of
from ui import fmt


def event_label(action: str) -> str:
    """An event's action in the user's language (the code itself when unknown)."""
    return words(EventAction, action)


def event_note(action: str, note: str) -> str:
    """An event's note in the user's language: the services' short notes ("¥482.00;
    declined 0", "cash 849.76", "walk-in") in words, money by ``ui.fmt``; what a person
    typed (a reason, a name) as typed."""
    from ui import workshop_labels

    n = note_of(action, note)
    v = n.values
    if n.kind == "walk_in":
        return QCoreApplication.translate("TimelineReport", "Walk-in (no appointment)")
    if n.kind == "appointment":
        return QCoreApplication.translate("TimelineReport", "Appointment #%1").replace("%1", str(v["id"]))
    if n.kind == "order":
        return QCoreApplication.translate("TimelineReport", "Parts order #%1").replace("%1", str(v["id"]))
    if n.kind == "authorised":
        amount = fmt.money(v["amount_cents"])
        declined = v["declined"]
        if declined == 0:
            return QCoreApplication.translate("TimelineReport", "%1 authorised, nothing declined").replace(
                "%1", amount
            )
        text = QCoreApplication.translate("TimelineReport", "%1 authorised, %2 item(s) declined")
        return text.replace("%1", amount).replace("%2", str(declined))
    if n.kind == "payment":
        return f"{words(PayMethod, v['method'])} {fmt.money(v['amount_cents'])}"
    if n.kind == "amounts":
        return f"{fmt.money(v['old_cents'])} → {fmt.money(v['new_cents'])}"
    if n.kind == "consent":
        if v["awaiting_manager"]:
            return QCoreApplication.translate(
                "TimelineReport", "%1; waiting for the manager's approval"
            ).replace("%1", v["who"])
        return v["who"]
    if n.kind == "unhappy_recheck":
        return QCoreApplication.translate("TimelineReport", "Customer not satisfied: recheck booked")
    if n.kind == "inspection":
        text = QCoreApplication.translate("TimelineReport", "%1 red, %2 yellow, %3 green, %4 not applicable")
        for i, rating in enumerate(("red", "yellow", "green", "na"), start=1):
            text = text.replace(f"%{i}", str(v[rating]))
        return text
    if n.kind == "signed":
        return QCoreApplication.translate("TimelineReport", "On the pad: %1").replace(
            "%1", words(SignedAct, v["act"])
        )
    if n.kind == "pause_reason":
        return workshop_labels.pause_reason(v["reason"])
    return str(v.get("text", note))
