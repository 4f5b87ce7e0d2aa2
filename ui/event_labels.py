"""Words for the RO's timeline events (``StepEvent.action``): ``arrived``, ``clock_on`` …

Shared by the timeline report and the audit trail (``event()`` audits every event under
the same code). The texts keep the context "TimelineReport" where they were first
translated (``closing_zh_CN.ts``); each call names its context and text literally so
pyside6-lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advisor.codes import PayMethod, words
from advisor.services.timeline import note_of
from ui import fmt


def event_label(action: str) -> str:
    """An event's action in the user's language (the code itself when unknown)."""
    labels = {
        "opened": QCoreApplication.translate("TimelineReport", "RO opened"),
        "arrived": QCoreApplication.translate("TimelineReport", "Arrived"),
        "greeted": QCoreApplication.translate("TimelineReport", "Greeted"),
        "checked_in": QCoreApplication.translate("TimelineReport", "Checked in"),
        "reassigned": QCoreApplication.translate("TimelineReport", "Advisor changed"),
        "comeback_linked": QCoreApplication.translate("TimelineReport", "Linked as a comeback"),
        "concern_recorded": QCoreApplication.translate("TimelineReport", "Concern recorded"),
        "concern_corrected": QCoreApplication.translate("TimelineReport", "Concern corrected"),
        "authorised": QCoreApplication.translate("TimelineReport", "Estimate authorised"),
        "parts_arrived": QCoreApplication.translate("TimelineReport", "Parts arrived"),
        "assigned": QCoreApplication.translate("TimelineReport", "Work assigned"),
        "reassigned_job": QCoreApplication.translate("TimelineReport", "Job reassigned"),
        "clock_on": QCoreApplication.translate("TimelineReport", "Work started"),
        "clock_pause": QCoreApplication.translate("TimelineReport", "Work paused"),
        "clock_resume": QCoreApplication.translate("TimelineReport", "Work resumed"),
        "clock_done": QCoreApplication.translate("TimelineReport", "Work finished"),
        "change_requested": QCoreApplication.translate("TimelineReport", "Change requested"),
        "change_consented": QCoreApplication.translate("TimelineReport", "Customer consented to the change"),
        "change_refused": QCoreApplication.translate("TimelineReport", "Customer refused the change"),
        "change_approved_by_manager": QCoreApplication.translate(
            "TimelineReport", "Change approved by the manager"
        ),
        "change_rejected_by_manager": QCoreApplication.translate(
            "TimelineReport", "Change rejected by the manager"
        ),
        "change_applied": QCoreApplication.translate("TimelineReport", "Change applied"),
        "qc_passed": QCoreApplication.translate("TimelineReport", "Final QC passed"),
        "qc_failed": QCoreApplication.translate("TimelineReport", "Final QC failed"),
        "wash_requested": QCoreApplication.translate("TimelineReport", "Wash requested"),
        "wash_declined": QCoreApplication.translate("TimelineReport", "Wash declined"),
        "washed": QCoreApplication.translate("TimelineReport", "Wash confirmed"),
        "settled": QCoreApplication.translate("TimelineReport", "Settled"),
        "settlement_corrected": QCoreApplication.translate("TimelineReport", "Settlement corrected"),
        "items_explained": QCoreApplication.translate("TimelineReport", "Items explained"),
        "paid": QCoreApplication.translate("TimelineReport", "Paid"),
        "refunded": QCoreApplication.translate("TimelineReport", "Refunded"),
        "handed_over": QCoreApplication.translate("TimelineReport", "Handed over"),
        "followed_up": QCoreApplication.translate("TimelineReport", "Follow-up call logged"),
        "follow_up_unreachable": QCoreApplication.translate(
            "TimelineReport", "Follow-up: customer unreachable"
        ),
    }
    return labels.get(action, action)


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
            return QCoreApplication.translate("TimelineReport", "%1; waiting for the manager's approval").replace(
                "%1", v["who"]
            )
        return v["who"]
    if n.kind == "unhappy_recheck":
        return QCoreApplication.translate("TimelineReport", "Customer not satisfied: recheck booked")
    if n.kind == "pause_reason":
        return workshop_labels.pause_reason(v["reason"])
    return str(v.get("text", note))
