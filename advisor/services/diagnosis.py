"""Step 4: the customer's own words, verbatim, and the diagnosis around them.

``customer_words`` is written once. A correction is a new concern that supersedes
the old one; both stay on file.
"""

from __future__ import annotations

import datetime as dt

from advisor import validation, workflow
from advisor.codes import Confirmation, EventAction, NeedTiming, ROStatus
from advisor.errors import ConflictError, GateError, ValidationError
from advisor.models import Concern, RepairOrder, now
from advisor.services._base import Actor, check_owner, event, get, log, service
from advisor.services.opchanges import Kind

CONFIRMATIONS = Confirmation.values()
MAX_WORDS = 10_000


def _words(text: str) -> str:
    # Stored exactly as typed: no trimming, no normalising of quotes, breaks or emoji.
    if text is None or not text.strip():
        raise ValidationError(
            "Type what the customer says, in their own words.",
            "请用客户的原话记录故障描述。",
            field="customer_words",
        )
    if "\x00" in text:
        # Not typeable, and PostgreSQL cannot store it: refuse rather than alter the words.
        raise ValidationError(
            "The description contains a NUL character (pasted from a binary file?).",
            "描述中含有空字符（NUL），可能是从二进制文件粘贴的。",
            field="customer_words",
        )
    if len(text) > MAX_WORDS:
        raise ValidationError(
            f"The description is too long (at most {MAX_WORDS} characters).",
            f"描述过长（最多 {MAX_WORDS} 个字符）。",
            field="customer_words",
        )
    return text


class NeedConfirmedEarly(GateError):
    """The first concern would confirm the need less than 5 minutes after arrival: the
    advisor must confirm deliberately (``confirm_early=True``), and it counts as a miss."""


def _check_need_timing(ro: RepairOrder, at: dt.datetime, confirm_early: bool) -> NeedTiming | None:
    """The timing of the need confirmation this concern makes (None: confirmed before).
    A rushed one (under 5 minutes) is refused unless ``confirm_early``."""
    if ro.need_confirmed_at is not None:
        return None
    timing = workflow.need_confirmation_timing(ro.arrived_at, at)
    if timing == NeedTiming.RUSHED and not confirm_early:
        took = max(0, int((at - ro.arrived_at).total_seconds() // 60))
        raise NeedConfirmedEarly(
            f"The customer arrived {took} min ago. Confirming the need takes 5–10 minutes: "
            "listen to the whole story, ask open questions, restate it and get the customer's "
            "agreement. Confirmed now, it counts as a miss of the 5–10 minute standard (rushed).",
            f"客户到店仅 {took} 分钟。需求确认应用时 5–10 分钟：听完客户的描述，开放式提问，"
            "复述并取得客户认可。现在确认将计为未达 5–10 分钟标准（过快）。",
        )
    return timing


def _next_seq(ro_id: int) -> int:
    last = Concern.select(Concern.seq).where(Concern.ro == ro_id).order_by(Concern.seq.desc()).first()
    return (last.seq if last else 0) + 1


@service("concern.record", changes=Kind.RO)
def record_concern(
    *, actor: Actor, ro_id: int, customer_words: str, restatement: str = "", confirm_early: bool = False
) -> int:
    """Record one concern in the customer's own words. Returns the concern id.

    The first concern confirms the need (the 5–10 minute standard): under 5 minutes after
    arrival it is refused with ``NeedConfirmedEarly`` unless ``confirm_early`` (the advisor
    confirms deliberately; recorded, and counted as a miss)."""
    ro = check_owner(actor, ro_id)
    if ro.status != ROStatus.OPEN:
        raise GateError("This repair order is closed.", "此工单已结案。")
    words = _words(customer_words)
    restated = validation.clean_text(restatement)
    at = now()
    timing = _check_need_timing(ro, at, confirm_early)
    c = Concern.create(
        ro=ro.id,
        seq=_next_seq(ro.id),
        customer_words=words,
        restatement=restated,
        created_by=actor.user_id,
        created_at=at,
    )
    new: dict[str, object] = {"customer_words": words}
    if timing is not None:
        ro.need_confirmed_at = at
        type(ro).update(need_confirmed_at=at).where(type(ro).id == ro.id).execute()
        new["need_confirmed"] = str(timing)
        if timing == NeedTiming.RUSHED:
            new["confirmed_early"] = True  # the advisor was warned and confirmed deliberately
    log(actor, "concern", c.id, "record_concern", new=new, ro_id=ro.id)
    event(ro, actor, EventAction.CONCERN_RECORDED, f"#{c.seq}")
    return int(c.id)


@service("concern.record", changes=Kind.RO)
def correct_concern(*, actor: Actor, concern_id: int, customer_words: str, restatement: str = "") -> int:
    """A correction of the customer's words: a NEW entry that supersedes the old one."""
    old = get(Concern, concern_id, ("Concern", "故障描述"))
    ro = check_owner(actor, old.ro_id)
    if Concern.select().where(Concern.supersedes == old.id).exists():
        raise GateError("This entry has already been corrected.", "此条记录已被更正过。")
    words = _words(customer_words)
    c = Concern.create(
        ro=ro.id,
        seq=_next_seq(ro.id),
        customer_words=words,
        restatement=validation.clean_text(restatement or old.restatement),
        supersedes=old.id,
        created_by=actor.user_id,
        created_at=now(),
    )
    log(
        actor,
        "concern",
        c.id,
        "correct_concern",
        old={"concern": old.id, "customer_words": old.customer_words},
        new={"customer_words": words},
        ro_id=ro.id,
    )
    event(ro, actor, EventAction.CONCERN_CORRECTED, f"#{old.seq} → #{c.seq}")
    return int(c.id)


def _owner_of(actor: Actor, concern_id: int) -> None:
    """``check_owner`` for the RO of a concern (an advisor's work on their own ROs only)."""
    check_owner(actor, get(Concern, concern_id, ("Concern", "故障描述")).ro_id)


def _update(actor: Actor, concern_id: int, action: str, **changes: object) -> None:
    c = get(Concern, concern_id, ("Concern", "故障描述"))
    old = {k: c.__data__.get(k) for k in changes}
    Concern.update(**changes).where(Concern.id == c.id).execute()
    log(actor, "concern", c.id, action, old=old, new=dict(changes), ro_id=c.ro_id)


def _check_seen(concern_id: int, field: str, seen: str, what: tuple[str, str]) -> None:
    """Refuse to write over a text the caller has not seen (another desk saved it first):
    ``seen`` is the text the caller replaces, as it was shown."""
    c = get(Concern, concern_id, ("Concern", "故障描述"))
    current = getattr(c, field)
    if current != seen:
        raise ConflictError(
            f"Someone else saved the {what[0]} of this concern in the meantime: “{current}”. "
            "Reload to read it, then save yours again if it should replace it.",
            f"他人已同时保存了此故障的{what[1]}：“{current}”。请重新载入查看，如需替换再重新保存。",
            current={field: current},
        )


@service("concern.record", changes=Kind.RO)
def restate(*, actor: Actor, concern_id: int, restatement: str, seen: str | None = None) -> None:
    """The advisor's technical restatement (the customer's words stay as they are).

    ``seen``: the restatement the caller replaces, as shown to them; when another desk
    saved a different one in between, ``ConflictError`` (None: replace without check)."""
    _owner_of(actor, concern_id)
    if seen is not None:
        _check_seen(concern_id, "restatement", seen, ("restatement", "技术描述"))
    _update(actor, concern_id, "restate", restatement=validation.clean_text(restatement))


@service("concern.record", changes=Kind.RO)
def confirm_symptom(*, actor: Actor, concern_id: int, confirmation: str) -> None:
    """Confirmed together with the customer, or could not be reproduced."""
    _owner_of(actor, concern_id)
    validation.choice(confirmation, CONFIRMATIONS, ("Confirmation", "确认结果"))
    _update(actor, concern_id, "confirm_symptom", confirmation=confirmation)


@service("concern.record", changes=Kind.RO | Kind.BOARD)
def request_assist(
    *, actor: Actor, concern_id: int, technician_id: int | None, diagnosis_bay: bool = False
) -> None:
    """Ask a technician to help diagnose; optionally move the car to the diagnosis bay."""
    _owner_of(actor, concern_id)
    _update(
        actor,
        concern_id,
        "request_assist",
        assist_requested=True,
        assist_technician=technician_id,
        diagnosis_bay=diagnosis_bay,
    )


@service("concern.finding", changes=Kind.RO | Kind.ESTIMATE)
def record_finding(
    *, actor: Actor, concern_id: int, finding: str, correction: str = "", seen: str = ""
) -> None:
    """The technician's finding (cause) and correction for a concern.

    ``seen``: the finding this one replaces, as shown to the caller ("" for the first).
    A finding another desk saved in between is never overwritten unseen: ``ConflictError``.
    An advisor records findings on their own ROs only (the workshop on any)."""
    _owner_of(actor, concern_id)
    _check_seen(concern_id, "finding", seen, ("finding", "诊断结果"))
    _update(
        actor,
        concern_id,
        "record_finding",
        finding=validation.clean_text(finding),
        correction=validation.clean_text(correction),
    )
