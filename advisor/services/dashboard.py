"""The manager's dashboard as read services: the KPIs of a period beside those of the
period before, the trend and the breakdowns (``figures``), the ROs behind a figure
(``drill_down``) and whom the filters offer (``people``). Each runs in one snapshot, so
the tiles, the trend and the breakdowns agree with each other even while desks save.

The KPI value types are re-exported here for the screens (``advisor.kpi`` is the engine)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from advisor import kpi
from advisor.codes import Role
from advisor.errors import ValidationError
from advisor.kpi import DRILL_KEYS, AdvisorRow, DayRow, KPIs, Ratio, TechnicianRow
from advisor.kpi._sql import plan_by_period
from advisor.models import Technician, User
from advisor.services._base import Actor, service
from advisor.services.views import ROSummary

__all__ = [
    "DRILL_KEYS",
    "DRILL_LIMIT",
    "AdvisorRow",
    "DayRow",
    "KPIs",
    "People",
    "Ratio",
    "Snapshot",
    "TechnicianRow",
    "drill_down",
    "export",
    "figures",
    "people",
    "previous_period",
]

DRILL_LIMIT = 5000
T = TypeVar("T")


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length just before ``start``…``end``."""
    before_end = start - dt.timedelta(days=1)
    return before_end - (end - start), before_end


@dataclass(frozen=True)
class Snapshot:
    """Everything the dashboard shows for one set of filters, read at one moment."""

    start: dt.date
    end: dt.date
    advisor_id: int | None
    technician_id: int | None
    current: KPIs
    previous: KPIs
    days: list[DayRow]
    advisors: list[AdvisorRow]
    technicians: list[TechnicianRow]

    @property
    def filters(self) -> tuple[dt.date, dt.date, int | None, int | None]:
        return self.start, self.end, self.advisor_id, self.technician_id


@service("kpi.view", read=True)
def figures(
    *,
    actor: Actor,
    start: dt.date,
    end: dt.date,
    advisor_id: int | None = None,
    technician_id: int | None = None,
) -> Snapshot:
    """The KPIs of ``start``…``end`` and of the period before, per day, per advisor and
    per technician, optionally for one advisor or one technician."""
    plan_by_period()
    p_start, p_end = previous_period(start, end)
    if advisor_id is None:
        # The period, its days and its advisors from one pass (``kpi.overview``).
        current, days, advisors = kpi.overview(start, end, technician_id=technician_id)
    else:  # the advisors' table is never filtered by advisor
        current = kpi.department(start, end, advisor_id=advisor_id, technician_id=technician_id)
        days = kpi.per_day(start, end, advisor_id=advisor_id, technician_id=technician_id)
        advisors = kpi.per_advisor(start, end, technician_id=technician_id)
    return Snapshot(
        start,
        end,
        advisor_id,
        technician_id,
        current=current,
        previous=kpi.department(p_start, p_end, advisor_id=advisor_id, technician_id=technician_id),
        days=days,
        advisors=advisors,
        technicians=kpi.per_technician(start, end, advisor_id=advisor_id),
    )


@service("kpi.view", read=True)
def drill_down(
    *,
    actor: Actor,
    keys: tuple[str, ...],
    start: dt.date,
    end: dt.date,
    advisor_id: int | None = None,
    technician_id: int | None = None,
    hits: bool = True,
    limit: int = DRILL_LIMIT,
) -> list[ROSummary]:
    """The ROs behind one or more figures (``DRILL_KEYS``), merged, in arrival order."""
    unknown = [k for k in keys if k not in DRILL_KEYS]
    if unknown:
        raise ValidationError(
            f"No list of repair orders behind {unknown[0]!r}.",
            f"“{unknown[0]}”没有对应的工单列表。",
            field="keys",
        )
    plan_by_period()
    found: dict[int, ROSummary] = {}
    for key in keys:
        for row in kpi.drill_down(
            key, start, end, advisor_id=advisor_id, technician_id=technician_id, hits=hits, limit=limit
        ):
            found.setdefault(row.id, row)
    return sorted(found.values(), key=lambda r: (r.arrived_at, r.id))[:limit]


@dataclass(frozen=True)
class People:
    """Whom the dashboard's filters offer: (id, name) of advisors and of technicians."""

    advisors: list[tuple[int, str]]
    technicians: list[tuple[int, str]]


@service("kpi.view", read=True)
def people(*, actor: Actor) -> People:
    """Every advisor account (deactivated ones too: their figures stay) and every active
    technician."""
    advisors = User.select(User.id, User.display_name).where(User.role == Role.ADVISOR).order_by(User.id)
    techs = Technician.select(Technician.id, Technician.name).where(Technician.active == True)  # noqa: E712
    return People([(u.id, u.display_name) for u in advisors], [(t.id, t.name) for t in techs])


@service("export", read=True)
def export(*, actor: Actor, write: Callable[[], T]) -> T:
    """Run ``write`` — a workbook writer of ``reports``, which reads the KPIs and their
    rows itself — as the actor's export: the export permission, and every query of it in
    one snapshot, so the summary sheet and the row sheets agree."""
    if not callable(write):
        raise ValidationError("Nothing to export.", "没有可导出的内容。", field="write")
    plan_by_period()
    return write()
