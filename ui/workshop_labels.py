"""Words and colours of the workshop screens (board, dispatch, parts, steps 6–8).

The services speak in codes (``in_progress``, ``awaiting_manager``, ``warranty_return``);
the screens show them in the user's language. Colours carry meaning and are never the
only signal: each state also has a symbol and a word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from advisor.services.views import AssignmentView
from ui import fmt


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` under the name pyside6-lupdate looks for."""
    return QCoreApplication.translate(context, text)


# Board states: (background, text colour, symbol). High contrast for a screen seen from afar.
STATE_COLOURS: dict[str, tuple[str, str, str]] = {
    "waiting": ("#5f6368", "#ffffff", "◻"),
    "in_progress": ("#0b57d0", "#ffffff", "▶"),
    "paused": ("#f9ab00", "#000000", "‖"),
    "late": ("#c5221f", "#ffffff", "⚠"),
    "done": ("#137333", "#ffffff", "✔"),
}


def board_state(job: AssignmentView) -> str:
    """The colour state of a card: late wins over every state but done."""
    if job.status == "done":
        return "done"
    if job.late:
        return "late"
    return job.status if job.status in STATE_COLOURS else "waiting"


def colour(state: str) -> tuple[QColor, QColor, str]:
    bg, fg, symbol = STATE_COLOURS.get(state, STATE_COLOURS["waiting"])
    return QColor(bg), QColor(fg), symbol


def job_status(status: str) -> str:
    return {
        "waiting": translate("workshop", "Waiting"),
        "in_progress": translate("workshop", "In progress"),
        "paused": translate("workshop", "Paused"),
        "done": translate("workshop", "Done"),
    }.get(status, status)


def pause_reason(reason: str) -> str:
    return {
        "parts": translate("workshop", "waiting for parts"),
        "approval": translate("workshop", "waiting for the customer's approval"),
        "other": translate("workshop", "other reason"),
    }.get(reason, reason)


def state_text(job: AssignmentView, *, short: bool = False) -> str:
    """What a card says about its state, e.g. 'LATE · Paused — waiting for parts'."""
    text = job_status(job.status)
    if job.status == "paused" and job.pause_reason:
        if short:
            text += " · " + {
                "parts": translate("workshop", "parts"),
                "approval": translate("workshop", "approval"),
                "other": translate("workshop", "other"),
            }.get(job.pause_reason, job.pause_reason)
        else:
            text += " — " + pause_reason(job.pause_reason)
    if board_state(job) == "late":
        text = translate("workshop", "LATE") + " · " + text
    return text


def part_status(status: str) -> str:
    return {
        "": translate("workshop", "Not needed yet"),
        "reserved": translate("workshop", "In stock, reserved"),
        "ordered": translate("workshop", "Ordered"),
        "arrived": translate("workshop", "Arrived"),
        "issued": translate("workshop", "Issued to the workshop"),
    }.get(status, status)


def change_status(status: str) -> str:
    return {
        "pending": translate("workshop", "Waiting for the customer"),
        "awaiting_manager": translate("workshop", "Waiting for the manager"),
        "approved": translate("workshop", "Consented, applied"),
        "refused": translate("workshop", "Refused by the customer"),
        "rejected": translate("workshop", "Rejected by the manager"),
    }.get(status, status)


def change_kind(kind: str) -> str:
    return {"extra_work": translate("workshop", "Extra work"), "delay": translate("workshop", "Delay")}.get(
        kind, kind
    )


def method(code: str) -> str:
    return {
        "in_person": translate("workshop", "In person"),
        "phone": translate("workshop", "By phone"),
        "message": translate("workshop", "By message"),
    }.get(code, code)


OLD_PART_CODES = ("", "returned", "scrapped", "warranty_return")


def old_part(code: str) -> str:
    return {
        "": translate("workshop", "Not decided"),
        "none": translate("workshop", "No old part"),
        "returned": translate("workshop", "Returned to the customer"),
        "scrapped": translate("workshop", "Scrapped by the shop"),
        "warranty_return": translate("workshop", "Warranty return"),
    }.get(code, code)


def origin(code: str) -> str:
    return {
        "oem": translate("workshop", "Original (OEM)"),
        "equivalent": translate("workshop", "Equivalent"),
        "refurbished": translate("workshop", "Refurbished"),
    }.get(code, code)


def level(n: int) -> str:
    return {
        1: translate("workshop", "Junior"),
        2: translate("workshop", "Skilled"),
        3: translate("workshop", "Senior"),
        4: translate("workshop", "Master"),
    }.get(n, str(n))


def minutes(total: int) -> str:
    """120 → '2 h', 65 → '1 h 5 min', 45 → '45 min' (``ui.fmt.minutes``: one way of
    showing a duration on every screen)."""
    return fmt.minutes(total)


SKILLS = ("service", "engine", "brakes", "electrical", "diagnosis", "body", "ac")  # named below


def skill(code: str) -> str:
    """A technician's skill or a job's required skill; an unknown code is shown as typed."""
    return {
        "service": translate("workshop", "Service"),
        "engine": translate("workshop", "Engine"),
        "brakes": translate("workshop", "Brakes"),
        "electrical": translate("workshop", "Electrical"),
        "diagnosis": translate("workshop", "Diagnosis"),
        "body": translate("workshop", "Body & paint"),
        "ac": translate("workshop", "Air-con"),
    }.get(code.strip(), code.strip())


def skills(codes: tuple[str, ...] | list[str]) -> str:
    """'Service, Brakes' / '保养、制动' in the user's language."""
    return fmt.join(skill(c) for c in codes if c.strip())


def bay_kind(code: str) -> str:
    return {
        "lift": translate("workshop", "Lift"),
        "general": translate("workshop", "General"),
        "diagnosis": translate("workshop", "Diagnosis"),
        "wash": translate("workshop", "Wash"),
    }.get(code, code)
