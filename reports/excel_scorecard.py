"""The Scorecard sheet of the manager's workbook (issue 17, items 16 and 17): each rule of
the flow met and missed for the department, each advisor, each technician (their own
rules) and each month, as numbers; the technicians' standard against actual hours and
rework; satisfaction as an index and the distribution of the scores. The figures are
``advisor.kpi.scorecard``'s, the same the Reports workspace shows."""

from __future__ import annotations

import datetime as dt

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from advisor.kpi.scorecard import RULES, Scorecard, Tally
from advisor.kpi.types import DIMENSIONS
from reports.excel_labels import DIMENSION_LABELS, pick
from reports.excel_summary import BOLD, TITLE_FONT, _Sheet
from reports.excel_writer import money

SHEET = ("Scorecard", "流程执行考核")
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Process scorecard", "流程执行考核"),
    "period": ("Period", "期间"),
    "rules": ("Rules of the flow: met and missed", "流程规则：达标与未达标"),
    "rule": ("Rule", "规则"),
    "scope": ("Scope", "范围"),
    "name": ("Name", "名称"),
    "measured": ("Measured", "考核次数"),
    "met": ("Met", "达标"),
    "missed": ("Missed", "未达标"),
    "rate": ("Rate met", "达标率"),
    "department": ("Department", "全部门"),
    "advisor": ("Advisor", "服务顾问"),
    "technician": ("Technician", "技师"),
    "month": ("Month", "月份"),
    "all": ("All", "全部"),
    "hours": ("Standard against actual hours; internal rework", "标准工时与实际工时；内部返工"),
    "jobs": ("Jobs", "作业数"),
    "rework_jobs": ("Rework jobs", "返工作业数"),
    "standard": ("Standard hours", "标准工时"),
    "actual": ("Actual hours", "实际工时"),
    "ratio": ("Actual ÷ standard", "实际 ÷ 标准"),
    "rework_hours": ("Rework hours", "返工工时"),
    "rework_cost": ("Rework cost (labour rate)", "返工成本（按工时单价）"),
    "wasted": ("Parts wasted in rework", "返工损耗配件"),
    "wasted_value": ("Value of the parts wasted", "损耗配件金额"),
    "satisfaction": ("Satisfaction: calls per score", "满意度：各分值的回访次数"),
    "dimension": ("Dimension", "维度"),
    "average": ("Average", "平均分"),
    "index": ("Satisfaction index (0–100)", "满意度指数（0–100）"),
    "calls": ("Calls scored", "评分回访数"),
}


def _rows(card: Scorecard, lang: str) -> list[tuple[str, str, str, Tally]]:
    """(rule, scope, name, tally) of every line of the rules' table."""
    t = lambda key: pick(TEXT[key], lang)  # noqa: E731
    out = []
    for r in RULES:
        label = r.label(lang)
        out.append((label, t("department"), t("all"), card.tally(r.key)))
        for pid, name in card.advisors:
            out.append((label, t("advisor"), name, card.tally(r.key, advisor_id=pid)))
        if r.technician:
            for pid, name in card.technicians:
                out.append((label, t("technician"), name, card.tally(r.key, technician_id=pid)))
        for m in card.months:
            out.append((label, t("month"), month_name(m), card.tally(r.key, month=m)))
    return out


def month_name(m: dt.date) -> str:
    return f"{m.year}-{m.month:02d}"


def write(ws: WriteOnlyWorksheet, *, card: Scorecard, lang: str) -> None:
    """Fill the (write-only) Scorecard sheet."""
    t = lambda key: pick(TEXT[key], lang)  # noqa: E731
    for col, width in zip("ABCDEFGH", (40, 16, 18, 12, 12, 12, 12, 16), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"
    # Printed: landscape, one page wide (as the Summary).
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    s = _Sheet(ws)
    s.put(t("title"), font=TITLE_FONT)
    s.put(t("period"), f"{card.start:%Y-%m-%d} – {card.end:%Y-%m-%d}")
    s.blank()
    head = s.put(t("rule"), t("scope"), t("name"), t("measured"), t("met"), t("missed"), t("rate"), font=BOLD)
    for label, scope, name, tally in _rows(card, lang):
        s.put(label, scope, name, tally.measured, tally.met, tally.missed, tally.rate,
              kinds=("", "", "", "int", "int", "int", "pct"))  # fmt: skip
    ws.auto_filter.ref = f"A{head}:G{s.row}"  # filter by rule, scope or name
    s.blank()

    s.put(t("hours"), font=BOLD)
    s.put(t("technician"), t("jobs"), t("rework_jobs"), t("standard"), t("actual"), t("ratio"), t("rework_hours"),
          t("rework_cost"), font=BOLD)  # fmt: skip
    people: list[tuple[str, int | None]] = [(t("all"), None), *((n, pid) for pid, n in card.technicians)]
    for name, pid in people:
        h = card.hours_of(pid)
        s.put(name, h.jobs, h.rework_jobs, h.standard_hours, h.actual_hours, h.ratio, h.rework_hours,
              money(h.rework_cost_cents(card.labour_rate_cents)),
              kinds=("", "int", "int", "dec", "dec", "pct", "dec", "money"))  # fmt: skip
    s.blank()
    s.put(t("scope"), t("name"), t("wasted"), t("wasted_value"), font=BOLD)
    for scope, name, month in [
        (t("department"), t("all"), None),
        *((t("month"), month_name(m), m) for m in card.months),
    ]:
        w = card.wasted_of(month)
        s.put(scope, name, w.parts, money(w.value_cents), kinds=("", "", "int", "money"))
    s.blank()

    scores = card.scores_of()
    s.put(t("satisfaction"), font=BOLD)
    s.put(t("dimension"), "1", "2", "3", "4", "5", t("average"), font=BOLD)
    for d in DIMENSIONS:
        s.put(pick(DIMENSION_LABELS[d], lang), *scores.of(d), scores.average(d),
              kinds=("", "int", "int", "int", "int", "int", "dec"))  # fmt: skip
    s.blank()
    s.put(t("scope"), t("name"), t("calls"), t("index"), font=BOLD)
    s.put(t("department"), t("all"), scores.responses, scores.index, kinds=("", "", "int", "dec"))
    for pid, name in card.advisors:
        sc = card.scores_of(pid)
        s.put(t("advisor"), name, sc.responses, sc.index, kinds=("", "", "int", "dec"))
    for m in card.months:
        sc = card.scores_of(None, m)
        s.put(t("month"), month_name(m), sc.responses, sc.index, kinds=("", "", "int", "dec"))
