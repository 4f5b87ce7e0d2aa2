"""Words and colours of the workshop screens (board, dispatch, parts, steps 6–8).

The services speak in codes (``in_progress``, ``awaiting_manager``, ``warranty_return``);
the screens show them in the user's language, in the words of their ``advisor.codes``
enum (the one table that sheets and workbooks use too). Colours carry meaning and are never the
only signal: each state also has a symbol and a word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from advisor.codes import (
    AuthMethod,
    BayKind,
    ChangeKind,
    ChangeStatus,
    JobStatus,
    OldPart,
    PartOrigin,
    PartStatus,
    PauseReason,
    Skill,
    words,
)
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
    if job.status == JobStatus.DONE:
        return "done"
    if job.late:
        return "late"
    return job.status if job.status in STATE_COLOURS else "waiting"


def colour(state: str) -> tuple[QColor, QColor, str]:
    bg, fg, symbol = STATE_COLOURS.get(state, STATE_COLOURS["waiting"])
    return QColor(bg), QColor(fg), symbol


def job_status(status: str) -> str:
    return words(JobStatus, status)


def pause_reason(reason: str) -> str:
    return words(PauseReason, reason)


def state_text(job: AssignmentView, *, short: bool = False) -> str:
    """What a card says about its state, e.g. 'LATE · Paused — waiting for parts'."""
    text = job_status(job.status)
    if job.status == JobStatus.PAUSED and job.pause_reason:
        text += (" · " if short else " — ") + pause_reason(job.pause_reason)
    if board_state(job) == "late":
        text = translate("workshop", "LATE") + " · " + text
    return text


def part_status(status: str) -> str:
    return words(PartStatus, status)


def change_status(status: str) -> str:
    return words(ChangeStatus, status)


def change_kind(kind: str) -> str:
    return words(ChangeKind, kind)


def method(code: str) -> str:
    return words(AuthMethod, code)


# What the workshop can choose for an old part ("No old part" is the handover's answer).
OLD_PART_CODES = tuple(h for h in OldPart if h is not OldPart.NONE)


def old_part(code: str) -> str:
    return words(OldPart, code)


def origin(code: str) -> str:
    return words(PartOrigin, code)


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


SKILLS = Skill.values()


def skill(code: str) -> str:
    """A technician's skill or a job's required skill; an unknown code is shown as typed."""
    return words(Skill, code.strip())


def skills(codes: tuple[str, ...] | list[str]) -> str:
    """'Service, Brakes' / '保养、制动' in the user's language."""
    return fmt.join(skill(c) for c in codes if c.strip())


def bay_kind(code: str) -> str:
    return words(BayKind, code)
