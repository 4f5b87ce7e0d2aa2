"""The process scorecard as read services (issue 17, item 16): each rule of the flow met
or missed per advisor, per technician and per month (``advisor.kpi.scorecard``), and the
ROs behind a cell. Both read in one snapshot and through the period's date indexes."""

from __future__ import annotations

import datetime as dt

from advisor.errors import ValidationError
from advisor.kpi import period_of
from advisor.kpi._sql import Scope, plan_by_period
from advisor.kpi.drill import summaries
from advisor.kpi.scorecard import (
    RULE_KEYS,
    RULES,
    Hours,
    Rule,
    Scorecard,
    Scores,
    Tally,
    missed_ros,
    scorecard,
)
from advisor.kpi.types import DIMENSIONS
from advisor.models import now
from advisor.services._base import Actor, service
from advisor.services.views import ROSummary

__all__ = [
    "DIMENSIONS",
    "DRILL_LIMIT",
    "RULES",
    "RULE_KEYS",
    "Hours",
    "Rule",
    "Scorecard",
    "Scores",
    "Tally",
    "drill",
    "read_scorecard",
]

DRILL_LIMIT = 5000


@service("kpi.view", read=True)
def read_scorecard(
    *,
    actor: Actor,
    start: dt.date,
    end: dt.date,
    advisor_id: int | None = None,
    technician_id: int | None = None,
) -> Scorecard:
    """The scorecard of ``start``…``end``, optionally for one advisor or technician."""
    period = period_of(start, end)
    plan_by_period()
    return scorecard(period, Scope(advisor_id, technician_id), now())


@service("kpi.view", read=True)
def drill(
    *,
    actor: Actor,
    rule: str,
    start: dt.date,
    end: dt.date,
    advisor_id: int | None = None,
    technician_id: int | None = None,
    month: dt.date | None = None,
    met: bool = False,
    limit: int = DRILL_LIMIT,
) -> list[ROSummary]:
    """The ROs behind one cell: those that missed ``rule`` (``met=True``: met it) in the
    period, for the advisor, technician or month given."""
    if rule not in RULE_KEYS:
        raise ValidationError(f"No scorecard rule {rule!r}.", f"考核表中没有规则“{rule}”。", field="rule")
    period = period_of(start, end)
    plan_by_period()
    ids = missed_ros(
        rule,
        period,
        Scope(advisor_id, technician_id),
        now(),
        advisor_id=advisor_id,
        technician_id=technician_id,
        month=month,
        met=met,
    )
    return summaries(ids[:limit], limit=limit) if ids else []
