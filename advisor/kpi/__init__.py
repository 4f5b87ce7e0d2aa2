"""The manager's KPIs over a period of days, for the department, an advisor or a
technician, with breakdowns per advisor, per technician and per day, and the ROs
behind each figure. Pure queries: aggregation happens in the database.

Which records a period holds — every figure is anchored on one date:

* **opened**: ROs that arrived in the period; **appointment share**: those of them
  opened from an appointment.
* **closed** (``KPIs.closed``): ROs closed in the period, i.e. settled — their
  settlement in force (``superseded_by`` is null: a correction replaces the earlier one)
  is dated in the period. A closed RO is one whose bill is done, as a dealership counts
  its throughput (结算台次), whether or not the car has been collected or followed up.
* **revenue** (``KPIs.revenue_cents``): the totals of those same settlements, after
  discount, **with tax** — what the customers were invoiced, the sum of the totals the
  ROs show everywhere (estimate, settlement, drill-down). Its parts: net (before tax,
  ``revenue.net_cents``) and tax; labour / parts / other before discount and tax; and
  what was paid on them. **average RO value** = revenue ÷ ROs closed.
  The dashboard and the Excel summary show exactly these two figures, per period, per
  day and per advisor (``tests/unit/test_money_agrees.py`` holds them together).
* **hours sold**: approved labour hours (any pay type) on those closed ROs.
* **no-show rate**: appointments due in the period that ended as a no-show, out of
  those that arrived or were no-shows. **reconfirmation done**: appointments due in
  the period whose reconfirmation call got an answer (confirmed, rescheduled or
  cancelled), out of all of them except those cancelled before any call.
* **on-time completion**: ROs handed over in the period with a promised time, whose
  ``handed_over_at ≤ promised_at`` — the promise in force at handover, i.e. moved only
  by a change the customer consented to. The car is "complete" when the customer has
  it back, not when the technician finishes.
* **QC first-pass / internal rework**: ROs whose QC passed in the period, without /
  with a failed QC before.
* **comeback rate**: ROs handed over in the period that a later RO was linked to as a
  comeback; per technician (and with a technician filter) only comebacks attributed to
  that technician count, out of the ROs the technician had a job on.
* **follow-up within 48 h**: ROs handed over in the period whose follow-up call was
  done no later than 48 h after handover; **in the 24–48 h window**: done between 24 h
  and 48 h. **satisfaction**: mean scores of the calls done for those ROs.
* **declines**: contacts (step 1) declined in the period, and estimate lines declined
  in the period, per reason, with the value of the declined lines.
* **parts waiting time**: part orders that arrived in the period, ordered → arrived;
  **fill rate**: approved part lines decided in the period served from stock (no part
  order needed), out of all of them.
* **utilisation**: minutes clocked on jobs finished in the period ÷ available minutes
  (``hours_per_day`` × working days, Monday–Saturday, of active technicians);
  **efficiency**: sold (flagged) minutes of those jobs ÷ clocked minutes.
  Utilisation is not defined per advisor (available time belongs to technicians).
* **time-standard misses**: greeting > 3 min after arrival and need confirmed < 5 min
  (rushed) or > 10 min after arrival (ROs arrived in the period, where recorded); request answered late
  (appointments booked in the period: > 24 h, urgent > 2 h after the request); follow-up
  done after 48 h (late) or before 24 h without the customer starting the call, or still
  not done after 48 h; promised time
  missed (handed over after the promise).

Filters: ``advisor_id`` restricts to that advisor's ROs, appointments and contacts;
``technician_id`` to ROs the technician had a job on (figures without an RO, such as
appointments and contacts, are then empty).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from advisor.codes import Role
from advisor.errors import ValidationError
from advisor.kpi import families, queries
from advisor.kpi._sql import DAY_ADVISOR, Period, Scope, to_date
from advisor.kpi.drill import DRILL_KEYS, drill_down
from advisor.kpi.types import (
    DIMENSIONS,
    AdvisorRow,
    DayRow,
    DeclineRow,
    KPIs,
    Miss,
    PartsWait,
    Ratio,
    Revenue,
    Satisfaction,
    TechnicianRow,
)
from advisor.models import DeclineReason, Technician, User, now

__all__ = [
    "DIMENSIONS",
    "DRILL_KEYS",
    "MISS_LABELS",
    "AdvisorRow",
    "DayRow",
    "DeclineRow",
    "KPIs",
    "Miss",
    "PartsWait",
    "Ratio",
    "Revenue",
    "Satisfaction",
    "TechnicianRow",
    "combine",
    "department",
    "drill_down",
    "overview",
    "per_advisor",
    "per_day",
    "per_technician",
]

# The revenue figures the settlement query sums (``queries``), by their field names.
_REVENUE_SUMS = (
    "settled",
    "labour_cents",
    "parts_cents",
    "other_cents",
    "discount_cents",
    "tax_cents",
    "total_cents",
)

MISS_LABELS: dict[str, tuple[str, str]] = {
    "greeting": ("Greeting > 3 min", "接待超过 3 分钟"),
    "need": ("Need confirmed outside 5–10 min", "需求确认未在 5–10 分钟内"),
    "request": ("Request answered > 24 h (urgent > 2 h)", "预约请求答复超过 24 小时（紧急 2 小时）"),
    "follow_up": ("Follow-up late (after 48 h)", "回访逾期（超过 48 小时）"),
    "promised": ("Promised time missed", "未按承诺时间交车"),
}


def period_of(start: dt.date, end: dt.date) -> Period:
    """The period, or a ``ValidationError`` when it runs backwards."""
    if end < start:
        raise ValidationError(
            f"The period ends ({end}) before it starts ({start}).",
            f"结束日期（{end}）早于开始日期（{start}）。",
        )
    return Period(start, end)


def _available(period: Period, scope: Scope, by: str | None, key: Any, techs: list[Technician]) -> int:
    """Technician minutes available: none per advisor (time belongs to technicians)."""
    if by == "advisor" or scope.advisor_id is not None:
        return 0
    pool = techs if scope.technician_id is None else [t for t in techs if t.id == scope.technician_id]
    if by == "day":
        return queries.day_available(key, pool)
    n = queries.workdays(period)
    return sum(queries.available_min(t, n) for t in pool)


def _gather(period: Period, scope: Scope, by: str | None) -> list[dict[Any, Any]]:
    """Every query's values per group key: the families, paid, hours sold, declines,
    parts waits, fill rate, jobs. Days are ``date``s (also in a day+advisor key)."""
    at = now()
    fam: dict[Any, dict[str, int]] = {}
    for f in families.FAMILIES:
        for k, values in families.run(f, period, scope, by, at).items():
            fam.setdefault(k, {}).update(values)
    # Paid and hours sold come with the settlements (``families.SETTLED``'s extras).
    paid = {k: v["paid_cents"] for k, v in fam.items() if "paid_cents" in v}
    hours = {k: queries.hours(v["hours_centi"]) for k, v in fam.items() if "hours_centi" in v}
    parts: list[dict[Any, Any]] = [
        fam,
        paid,
        hours,
        queries.declines(period, scope, by),
        queries.parts_wait(period, scope, by),
        queries.fill_rate(period, scope, by),
        queries.jobs(period, scope, by),
    ]
    if by == "day":
        parts = [{to_date(k): v for k, v in p.items()} for p in parts]
    elif by == DAY_ADVISOR:
        parts = [{(to_date(k[0]), k[1]): v for k, v in p.items()} for p in parts]
    return parts


def _add(a: Any, b: Any) -> Any:
    """The sum of two query values of one kind: counts, Decimals, tuples and lists of
    them (element by element), dicts of them (key by key)."""
    if isinstance(a, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _add(out[k], v) if k in out else v
        return out
    if isinstance(a, tuple | list):
        return type(a)(_add(x, y) for x, y in zip(a, b, strict=True))
    return a + b


def _project(parts: list[dict[Any, Any]], key: Any) -> list[dict[Any, Any]]:
    """The values summed per ``key(cell key)``: every figure is a sum of counts, so the
    cells per day and advisor add up to the days, the advisors and the period exactly."""
    out = []
    for part in parts:
        summed: dict[Any, Any] = {}
        for k, v in part.items():
            nk = key(k)
            summed[nk] = _add(summed[nk], v) if nk in summed else v
        out.append(summed)
    return out


def _collect(period: Period, scope: Scope, by: str | None, also: set[Any] | None = None) -> dict[Any, KPIs]:
    return _assemble(period, scope, by, _gather(period, scope, by), also)


def _assemble(
    period: Period,
    scope: Scope,
    by: str | None,
    parts: list[dict[Any, Any]],
    also: set[Any] | None = None,
    techs: list[Technician] | None = None,
) -> dict[Any, KPIs]:
    """The KPIs per key (None, a day or an advisor) from the queries' values."""
    fam, paid, hours, declines, waits, fills, jobs = parts
    keys: set[Any] = set().union(*parts)
    if by is None:
        keys = {None}
    else:
        keys.discard(None)  # e.g. stock part orders belong to no advisor
    if by == "day":
        keys |= set(period.days())
    keys |= also or set()
    if techs is None:
        techs = queries.technicians(queries.finished_by(period))
    reasons = {r.id: r for r in DeclineReason.select()}
    out: dict[Any, KPIs] = {}
    for k in keys:
        v = fam.get(k, {})

        def r(name: str, v: dict[str, int] = v) -> Ratio:
            return Ratio(v.get(f"{name}.hits", 0), v.get(name, 0))

        jb = jobs.get(k, (0, 0, 0, 0))
        first, last = (k, k) if by == "day" else (period.start, period.end)
        out[k] = KPIs(
            start=first,
            end=last,
            advisor_id=scope.advisor_id,
            technician_id=scope.technician_id,
            opened=v.get("opened", 0),
            revenue=Revenue(**{f: v.get(f, 0) for f in _REVENUE_SUMS}, paid_cents=paid.get(k, 0)),
            hours_sold=hours.get(k, Decimal("0.00")),
            appointment_share=Ratio(v.get("from_appointment.hits", 0), v.get("opened", 0)),
            no_show=r("no_show"),
            reconfirmed=r("reconfirmed"),
            on_time=r("on_time"),
            qc_first_pass=r("qc_first_pass"),
            internal_rework=r("internal_rework"),
            comeback=r("comeback"),
            follow_up_48h=r("follow_up_48h"),
            follow_up_window=r("follow_up_window"),
            satisfaction=Satisfaction(v.get("responses", 0), tuple(v.get(d, 0) for d in DIMENSIONS)),
            declines=_decline_rows(declines.get(k, {}), reasons),
            parts_wait=PartsWait(*waits.get(k, (0, 0))),
            fill_rate=Ratio(*fills.get(k, (0, 0))),
            utilisation=Ratio(jb[2], _available(period, scope, by, k, techs)),
            efficiency=Ratio(Decimal(jb[3]) * 60 / 100, jb[2]),
            misses=tuple(Miss(key, en, zh, r(key)) for key, (en, zh) in MISS_LABELS.items()),
        )
    return out


def _decline_rows(
    cells: dict[int | None, list[int]], reasons: dict[int, DeclineReason]
) -> tuple[DeclineRow, ...]:
    rows = []
    for rid, (contacts, lines, value) in cells.items():
        reason = reasons.get(rid) if rid is not None else None
        if reason is None:
            rows.append(DeclineRow(None, "", "(no reason given)", "（未注明原因）", contacts, lines, value))
        else:
            rows.append(
                DeclineRow(rid, reason.code, reason.label_en, reason.label_zh, contacts, lines, value)
            )
    rows.sort(key=lambda d: (-(d.contacts + d.lines), d.code))
    return tuple(rows)


def combine(
    parts: Iterable[KPIs],
    start: dt.date,
    end: dt.date,
    *,
    advisor_id: int | None = None,
    technician_id: int | None = None,
) -> KPIs:
    """The KPIs of a period from those of its days: every figure is a sum of counts,
    so the days of ``per_day`` add up to ``department`` exactly (without querying again)."""
    parts = list(parts)

    def ratio(get: Any) -> Ratio:
        return Ratio(sum((get(k).hits for k in parts), 0), sum((get(k).base for k in parts), 0))

    declines: dict[int | None, list[Any]] = {}
    for k in parts:
        for d in k.declines:
            cell = declines.setdefault(d.reason_id, [d, 0, 0, 0])
            cell[1] += d.contacts
            cell[2] += d.lines
            cell[3] += d.value_cents
    rows = [
        DeclineRow(d.reason_id, d.code, d.label_en, d.label_zh, c, n, v) for d, c, n, v in declines.values()
    ]
    rows.sort(key=lambda d: (-(d.contacts + d.lines), d.code))
    revenue = Revenue(
        **{f: sum(getattr(k.revenue, f) for k in parts) for f in (*_REVENUE_SUMS, "paid_cents")}
    )
    return KPIs(
        start=start,
        end=end,
        advisor_id=advisor_id,
        technician_id=technician_id,
        opened=sum(k.opened for k in parts),
        revenue=revenue,
        hours_sold=sum((k.hours_sold for k in parts), Decimal("0.00")),
        appointment_share=ratio(lambda k: k.appointment_share),
        no_show=ratio(lambda k: k.no_show),
        reconfirmed=ratio(lambda k: k.reconfirmed),
        on_time=ratio(lambda k: k.on_time),
        qc_first_pass=ratio(lambda k: k.qc_first_pass),
        internal_rework=ratio(lambda k: k.internal_rework),
        comeback=ratio(lambda k: k.comeback),
        follow_up_48h=ratio(lambda k: k.follow_up_48h),
        follow_up_window=ratio(lambda k: k.follow_up_window),
        satisfaction=Satisfaction(
            sum(k.satisfaction.responses for k in parts),
            tuple(sum(k.satisfaction.sums[i] for k in parts) for i in range(5)),
        ),
        declines=tuple(rows),
        parts_wait=PartsWait(
            sum(k.parts_wait.orders for k in parts), sum(k.parts_wait.seconds for k in parts)
        ),
        fill_rate=ratio(lambda k: k.fill_rate),
        utilisation=ratio(lambda k: k.utilisation),
        efficiency=ratio(lambda k: k.efficiency),
        misses=tuple(
            Miss(key, en, zh, ratio(lambda k, key=key: k.miss(key))) for key, (en, zh) in MISS_LABELS.items()
        ),
    )


def department(
    start: dt.date, end: dt.date, *, advisor_id: int | None = None, technician_id: int | None = None
) -> KPIs:
    """Every KPI for the days ``start``…``end`` (inclusive), optionally for one advisor
    or one technician."""
    period = period_of(start, end)
    return _collect(period, Scope(advisor_id, technician_id), None)[None]


def per_advisor(start: dt.date, end: dt.date, *, technician_id: int | None = None) -> list[AdvisorRow]:
    """The KPIs of each advisor who has anything in the period (and every active
    advisor), by name."""
    period = period_of(start, end)
    got = _collect(period, Scope(None, technician_id), "advisor", also=_active_advisors())
    return _advisor_rows(got)


def _active_advisors() -> set[int]:
    return {u.id for u in User.select(User.id).where((User.role == Role.ADVISOR) & (User.active == True))}  # noqa: E712


def _advisor_rows(got: dict[Any, KPIs]) -> list[AdvisorRow]:
    names = {
        u.id: u.display_name
        for u in User.select(User.id, User.display_name).where(User.id.in_(list(got) or [0]))
    }
    rows = [AdvisorRow(uid, names.get(uid, str(uid)), k) for uid, k in got.items()]
    return sorted(rows, key=lambda row: row.name)


def overview(
    start: dt.date, end: dt.date, *, technician_id: int | None = None
) -> tuple[KPIs, list[DayRow], list[AdvisorRow]]:
    """``department``, ``per_day`` and ``per_advisor`` of one period (for the whole
    department, optionally one technician) from one set of queries grouped per day and
    advisor, summed three ways: the same figures, a third of the queries."""
    period = period_of(start, end)
    scope = Scope(None, technician_id)
    cells = _gather(period, scope, DAY_ADVISOR)
    techs = queries.technicians(queries.finished_by(period))
    whole = _assemble(period, scope, None, _project(cells, lambda k: None), techs=techs)[None]
    days = _assemble(period, scope, "day", _project(cells, lambda k: k[0]), techs=techs)
    advisors = _assemble(
        period, scope, "advisor", _project(cells, lambda k: k[1]), also=_active_advisors(), techs=techs
    )
    return whole, [DayRow(d, days[d]) for d in period.days()], _advisor_rows(advisors)


def per_day(
    start: dt.date, end: dt.date, *, advisor_id: int | None = None, technician_id: int | None = None
) -> list[DayRow]:
    """The KPIs of each day of the period (every day, zeros included): the trend."""
    period = period_of(start, end)
    got = _collect(period, Scope(advisor_id, technician_id), "day")
    return [DayRow(d, got[d]) for d in period.days()]


def per_technician(start: dt.date, end: dt.date, *, advisor_id: int | None = None) -> list[TechnicianRow]:
    """Each technician's jobs, clocked and sold hours, utilisation, efficiency, QC
    first-pass and comeback rates (on the ROs they had a job on), by name."""
    period = period_of(start, end)
    scope = Scope(advisor_id, None)
    at = now()
    jobs = queries.jobs(period, scope, "technician")
    qc = families.run(families.QC, period, scope, "technician", at)
    ho = families.run(families.COMEBACKS, period, scope, "technician", at)
    n = queries.workdays(period)
    rows = []
    for t in queries.technicians(set(jobs) | set(qc) | set(ho)):
        j = jobs.get(t.id, (0, 0, 0, 0))
        q = qc.get(t.id, {})
        h = ho.get(t.id, {})
        rows.append(
            TechnicianRow(
                t.id,
                t.name,
                Decimal(t.hours_per_day),
                j[0],
                j[1],
                j[2],
                queries.available_min(t, n) if advisor_id is None else 0,
                queries.hours(j[3]),
                Ratio(q.get("qc_first_pass.hits", 0), q.get("qc_first_pass", 0)),
                Ratio(h.get("comeback.hits", 0), h.get("comeback", 0)),
            )
        )
    return rows
