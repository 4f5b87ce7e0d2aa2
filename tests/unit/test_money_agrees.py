"""Money the same everywhere (issue 12).

The walk found the dashboard at ¥60,920 revenue and 16 ROs closed while the Excel summary
of the same period said ¥68,484.78 and 70: the dashboard summed labour, parts and other
before discount and tax, the workbook the totals with tax; "closed" counted follow-ups
done while the revenue counted settlements. ``advisor.kpi`` now defines both once (ROs
closed = settled in the period; revenue = their totals, after discount, with tax), and
here the dashboard's figures, the workbook's cells and the settlements themselves must
agree — for the period, per day and per advisor — over demo data and several periods.
Runs on PostgreSQL too (ADVISOR_TEST_DATABASE_URL).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
import pytest
from openpyxl import load_workbook

from advisor import demo, kpi
from advisor.models import Settlement
from advisor.services import dashboard, history, settlement
from advisor.services.orders import get_ro_view
from advisor.services.users import system_actor
from reports import excel
from reports.excel_labels import COLUMNS, FIGURES, SHEETS, TEXT
from tests import factories
from ui.dashboard.data import tile_value

ORDERS = 400


def periods(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    first = today.replace(day=1)
    last_month_end = first - dt.timedelta(days=1)
    return [
        ("today", today, today),
        ("last 7 days", today - dt.timedelta(days=6), today),
        ("this month", first, today),
        ("last month", last_month_end.replace(day=1), last_month_end),
        ("last 90 days", today - dt.timedelta(days=89), today),
        ("next week (nothing)", today + dt.timedelta(days=1), today + dt.timedelta(days=7)),
    ]


def cents(value: Any) -> int | None:
    """A money cell (read back as a float) in cents."""
    return None if value is None else int((Decimal(str(value)) * 100).to_integral_value())


def settled_in(start: dt.date, end: dt.date) -> tuple[int, int, dict[dt.date, tuple[int, int]]]:
    """The meaning, counted by hand: (ROs, total with tax, per day) of the settlements in
    force dated in the period."""
    lo, hi = dt.datetime.combine(start, dt.time()), dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    n = total = 0
    days: dict[dt.date, tuple[int, int]] = {}
    for s in Settlement.select().where(Settlement.superseded_by.is_null()):
        if lo <= s.at < hi:
            n += 1
            total += s.total_cents
            d = days.get(s.at.date(), (0, 0))
            days[s.at.date()] = (d[0] + 1, d[1] + s.total_cents)
    return n, total, days


def workbook_figures(path: Path, lang: str) -> dict[str, Any]:
    """What the manager reads in the workbook: the Summary's figures, its trend per day and
    revenue per advisor, and the Advisors sheet."""
    i = 1 if lang == "zh_CN" else 0
    wb = load_workbook(path)
    rows = [tuple(c.value for c in r) for r in wb[SHEETS["summary"][i]].iter_rows()]
    label = {key: (en, zh)[i] for key, en, zh, _kind in FIGURES}
    by_label = {r[0]: r[1] for r in rows if r and r[0] is not None}
    trend_at = rows.index(next(r for r in rows if r[0] == TEXT["trend"][i]))
    trend = {}
    for r in rows[trend_at + 1 :]:
        if r[0] is None:
            break
        trend[r[0].date() if isinstance(r[0], dt.datetime) else r[0]] = (r[2], cents(r[3]))
    per_advisor_at = rows.index(next(r for r in rows if r[0] == TEXT["advisor_revenue"][i]))
    per_advisor = {}
    for r in rows[per_advisor_at + 1 :]:
        if r[0] is None:
            break
        per_advisor[r[0]] = cents(r[1])
    cols = [c[i] for c in COLUMNS["advisors"]]
    advisors = {
        r[0]: (r[cols.index(COLUMNS["advisors"][2][i])], cents(r[cols.index(COLUMNS["advisors"][6][i])]))
        for r in list(wb[SHEETS["advisors"][i]].iter_rows(values_only=True))[1:]
    }
    return {
        "closed": by_label[label["closed"]],
        "revenue": cents(by_label[label["total"]]),
        "net": cents(by_label[label["net"]]),
        "tax": cents(by_label[label["tax"]]),
        "average": cents(by_label[label["average"]]),
        "trend": trend,
        "per_advisor": per_advisor,
        "advisors": advisors,
    }


@pytest.fixture
def demo_data(database: peewee.Database) -> None:
    demo.generate(orders=ORDERS, seed=12)


def test_dashboard_and_workbook_agree_on_revenue_and_closed_ros(demo_data: None, tmp_path: Path) -> None:
    assert COLUMNS["advisors"][2][0].startswith("ROs closed")
    assert COLUMNS["advisors"][6][0].startswith("Revenue")
    busy = 0
    for name, start, end in periods(dt.date.today()):
        snap = dashboard.figures(actor=system_actor(), start=start, end=end)
        k = snap.current
        shown = {key: tile_value(key, k) for key in ("closed", "revenue", "average")}
        n, total, per_day = settled_in(start, end)
        # The meaning: closed = settlements in force dated in the period; revenue = their
        # totals with tax; the drill-down behind the tile lists exactly those ROs.
        assert (shown["closed"], shown["revenue"]) == (n, total), name
        drilled = kpi.drill_down("revenue", start, end)
        assert (len(drilled), sum(r.total_cents for r in drilled)) == (n, total), name
        assert [r.id for r in kpi.drill_down("closed", start, end)] == [r.id for r in drilled], name
        busy += n > 0
        for lang in ("zh_CN", "en"):
            path = excel.write_summary(tmp_path / f"{lang}-{start}.xlsx", start=start, end=end, lang=lang)
            wb = workbook_figures(path, lang)
            assert (wb["closed"], wb["revenue"], wb["average"]) == (
                shown["closed"],
                shown["revenue"],
                shown["average"],
            ), (name, lang)
            assert wb["net"] + wb["tax"] == wb["revenue"], (name, lang)
            assert (wb["net"], wb["tax"]) == (k.revenue.net_cents, k.revenue.tax_cents), (name, lang)
            # Per day: the dashboard's trend chart plots the same as the workbook's trend.
            assert wb["trend"] == {d.day: (d.kpis.closed, d.kpis.revenue_cents) for d in snap.days}, (
                name,
                lang,
            )
            assert {d: v for d, v in wb["trend"].items() if v[0]} == per_day, (name, lang)
            # Per advisor: the dashboard's bars, the Summary's table and the Advisors sheet.
            bars = {a.name: a.kpis.revenue_cents for a in snap.advisors}
            assert wb["per_advisor"] == bars, (name, lang)
            assert wb["advisors"] == {a.name: (a.kpis.closed, a.kpis.revenue_cents) for a in snap.advisors}
            assert sum(bars.values()) == total, (name, lang)
    assert busy >= 4  # the periods with settlements are most of them, so this tested something


def test_a_customers_history_shows_each_ros_total(staff: factories.Staff) -> None:
    """The customer file lists the RO total as the RO shows it: the settlement's (after its
    discount) once settled; before that the estimate's, with tax."""
    settled, _ = factories.qc_passed(staff)
    settlement.settle(actor=staff.manager, ro_id=settled, discount_cents=1_000, discount_reason="老客户")
    view = get_ro_view(settled)
    open_ro, _ = factories.estimated(staff)  # three lines proposed
    assert view.settlement is not None
    assert [r.total_cents for r in history.vehicle_orders(view.vehicle.id)] == [view.settlement.total_cents]
    estimate = get_ro_view(open_ro)
    assert [r.total_cents for r in history.vehicle_orders(estimate.vehicle.id)] == [
        estimate.quote.total_cents
    ]
    assert estimate.quote.total_cents > 0


def test_a_drill_down_lists_each_ros_total_as_the_ro_shows_it(demo_data: None) -> None:
    """The ROs behind "ROs opened" (settled or not): each row's total is the RO's own —
    the settlement's once settled, before that the estimate's with tax (it said "—")."""
    today = dt.date.today()
    rows = kpi.drill_down("opened", today - dt.timedelta(days=6), today)
    unsettled = 0
    for r in rows:
        view = get_ro_view(r.id)
        own = view.settlement.total_cents if view.settlement is not None else view.quote.total_cents
        assert r.total_cents == own, r.number
        unsettled += view.settlement is None and own > 0
    assert unsettled >= 5  # open ROs with an estimate were among them
