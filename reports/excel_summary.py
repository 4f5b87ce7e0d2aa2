"""The Summary sheet: the KPIs as figures and tables, with native Excel charts that
reference those cells (bar charts for splits and rates, line charts for the trend)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from advisor.kpi import DIMENSIONS, MISS_LABELS, AdvisorRow, DayRow, KPIs
from reports.excel_labels import DIMENSION_LABELS, FIGURES, TEXT, pick
from reports.excel_writer import FORMATS, clean, is_risky, money, text_cell

TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)


def figure_values(k: KPIs) -> dict[str, Any]:
    """The Summary's figures, keyed as in ``FIGURES``: what the sheet shows for ``k``.
    ROs closed and revenue are ``KPIs.closed`` and ``KPIs.revenue_cents``, as on the
    dashboard (one definition, in ``advisor.kpi``)."""
    rv = k.revenue
    return {
        "opened": k.opened, "closed": k.closed, "total": money(k.revenue_cents),
        "net": money(rv.net_cents), "tax": money(rv.tax_cents),
        "labour": money(rv.labour_cents), "parts": money(rv.parts_cents),
        "other": money(rv.other_cents), "discount": money(rv.discount_cents),
        "paid": money(rv.paid_cents),
        "average": money(rv.average_cents), "hours_sold": k.hours_sold,
        "appointment_share": k.appointment_share.rate, "no_show": k.no_show.rate,
        "reconfirmed": k.reconfirmed.rate, "on_time": k.on_time.rate,
        "qc_first_pass": k.qc_first_pass.rate, "internal_rework": k.internal_rework.rate,
        "comeback": k.comeback.rate, "follow_up_48h": k.follow_up_48h.rate,
        "follow_up_window": k.follow_up_window.rate, "declined_lines": k.declined_lines,
        "declined_value": money(k.declined_value_cents),
        "parts_wait": k.parts_wait.average_hours, "fill_rate": k.fill_rate.rate,
        "utilisation": k.utilisation.rate, "efficiency": k.efficiency.rate,
    }  # fmt: skip


class _Sheet:
    """Appends rows and remembers where each table starts (charts refer to cells)."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.row = 0

    def put(self, *values: Any, kinds: Sequence[str] = (), font: Font | None = None) -> int:
        cells: list[Any] = []
        for i, v in enumerate(values):
            kind = kinds[i] if i < len(kinds) else ""
            if isinstance(v, str):
                v = clean(v)
                cell = text_cell(self.ws, v) if is_risky(v) else WriteOnlyCell(self.ws, value=v)
            else:
                cell = WriteOnlyCell(self.ws, value=v)
                if kind in FORMATS and v is not None:
                    cell.number_format = FORMATS[kind]
            if font is not None:
                cell.font = font
            cells.append(cell)
        self.ws.append(cells)
        self.row += 1
        return self.row

    def blank(self) -> None:
        self.ws.append([])
        self.row += 1


def _bar(
    title: str,
    cats: Reference,
    data: Reference,
    *,
    pct: bool = False,
    horizontal: bool = False,
    money: bool = False,
) -> BarChart:
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.legend = None
    chart.height, chart.width = 7, 14
    if pct:
        chart.y_axis.numFmt = "0%"
    if money:
        chart.y_axis.numFmt = "¥#,##0"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    return chart


def write(
    ws: WriteOnlyWorksheet,
    *,
    k: KPIs,
    advisors: list[AdvisorRow],
    days: list[DayRow],
    lang: str,
    generated: str,
) -> None:
    """Fill the (write-only) Summary sheet. Widths and panes are set before any row."""
    t = lambda key: pick(TEXT[key], lang)  # noqa: E731
    for col, width in zip("ABCDE", (44, 24, 14, 14, 14), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A6"  # title, period and the header of the figures stay in view
    # Printed: landscape, one page wide, so each chart sits beside its table.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    s = _Sheet(ws)
    s.put(f"{t('title')}", font=TITLE_FONT)
    s.put(t("period"), f"{k.start:%Y-%m-%d} – {k.end:%Y-%m-%d}")
    s.put(t("generated"), generated)
    s.blank()
    s.put(t("kpi"), t("value"), font=BOLD)
    values = figure_values(k)
    for key, en, zh, kind in FIGURES:
        s.put(zh if lang.startswith("zh") else en, values[key], kinds=("", kind))
    s.blank()

    # Revenue split
    s.put(t("revenue_split"), t("amount"), font=BOLD)
    first = s.row + 1
    for key in ("labour", "parts", "other"):
        s.put(t(key), values[key], kinds=("", "money"))
    cats = Reference(ws, min_col=1, min_row=first, max_row=s.row)
    data = Reference(ws, min_col=2, min_row=first - 1, max_row=s.row)
    ws.add_chart(_bar(t("revenue_split"), cats, data, money=True), "G2")
    s.blank()

    # Time-standard misses
    s.put(t("misses"), t("measured"), t("missed"), t("rate"), font=BOLD)
    first = s.row + 1
    for m in k.misses:
        s.put(
            pick(MISS_LABELS[m.key], lang),
            m.ratio.base,
            m.ratio.hits,
            m.ratio.rate,
            kinds=("", "int", "int", "pct"),
        )
    ws.add_chart(
        _bar(
            t("misses"),
            Reference(ws, min_col=1, min_row=first, max_row=s.row),
            Reference(ws, min_col=4, min_row=first - 1, max_row=s.row),
            pct=True,
            horizontal=True,
        ),
        "G17",
    )
    s.blank()

    # Satisfaction
    s.put(t("satisfaction"), t("average"), font=BOLD)
    first = s.row + 1
    for d in DIMENSIONS:
        s.put(pick(DIMENSION_LABELS[d], lang), k.satisfaction.average(d), kinds=("", "dec"))
    chart = _bar(
        t("satisfaction"),
        Reference(ws, min_col=1, min_row=first, max_row=s.row),
        Reference(ws, min_col=2, min_row=first - 1, max_row=s.row),
    )
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 5
    ws.add_chart(chart, "G32")
    s.blank()

    # Decline reasons
    s.put(t("declines"), t("contacts"), t("lines"), t("amount"), font=BOLD)
    for reason in k.declines:
        s.put(
            reason.label(lang),
            reason.contacts,
            reason.lines,
            money(reason.value_cents),
            kinds=("", "int", "int", "money"),
        )
    s.blank()

    # Revenue per advisor
    s.put(t("advisor_revenue"), t("revenue"), font=BOLD)
    first = s.row + 1
    for a in advisors:
        s.put(a.name, money(a.kpis.revenue_cents), kinds=("", "money"))
    if advisors:
        ws.add_chart(
            _bar(
                t("advisor_revenue"),
                Reference(ws, min_col=1, min_row=first, max_row=s.row),
                Reference(ws, min_col=2, min_row=first - 1, max_row=s.row),
                horizontal=True,
                money=True,
            ),
            "G47",
        )
    s.blank()

    # Trend per day
    s.put(t("trend"), t("opened"), t("closed"), t("revenue"), font=BOLD)
    first = s.row + 1
    for day in days:
        s.put(
            day.day,
            day.kpis.opened,
            day.kpis.closed,
            money(day.kpis.revenue_cents),
            kinds=("date", "int", "int", "money"),
        )
    if days:
        line = LineChart()
        line.title = t("chart_trend")
        line.add_data(
            Reference(ws, min_col=2, max_col=3, min_row=first - 1, max_row=s.row), titles_from_data=True
        )
        line.set_categories(Reference(ws, min_col=1, min_row=first, max_row=s.row))
        line.x_axis.number_format = "mm-dd"
        line.x_axis.tickLblSkip = max(1, len(days) // 8)
        line.x_axis.delete = False
        line.y_axis.delete = False
        line.height, line.width = 7, 14
        ws.add_chart(line, "G62")
        rev = LineChart()
        rev.title = t("chart_revenue_day")
        rev.add_data(Reference(ws, min_col=4, min_row=first - 1, max_row=s.row), titles_from_data=True)
        rev.set_categories(Reference(ws, min_col=1, min_row=first, max_row=s.row))
        rev.x_axis.number_format = "mm-dd"
        rev.x_axis.tickLblSkip = max(1, len(days) // 8)
        rev.y_axis.numFmt = "¥#,##0"
        rev.x_axis.delete = False
        rev.y_axis.delete = False
        rev.legend = None
        rev.height, rev.width = 7, 14
        ws.add_chart(rev, "G77")
