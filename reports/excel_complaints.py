"""The Complaints sheet of the manager's workbook (issue 17, items 13 and 14): the
complaints raised in the period by cause and by level — raised, closed, accepted by the
customer, late to the manager, mean hours to close, compensation approved — and the
improvement actions overdue when the workbook is made. The figures are
``services.complaints.stats`` and ``services.improvement.overdue_actions``: what the
dashboard's complaints panel shows for the same period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from advisor.codes import ComplaintCause, ComplaintLevel, words
from advisor.services.complaints import CauseCount, ComplaintStats
from advisor.services.improvement import ActionView
from reports.excel_labels import pick
from reports.excel_summary import BOLD, TITLE_FONT, _Sheet
from reports.excel_writer import money

SHEET = ("Complaints", "投诉与改善")
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Complaints and improvement actions", "投诉统计与改善措施"),
    "period": ("Period", "期间"),
    "by_cause": ("Complaints raised in the period, by cause", "期间内受理的投诉（按原因）"),
    "by_level": ("By level", "按级别"),
    "cause": ("Cause", "原因"),
    "level": ("Level", "级别"),
    "raised": ("Raised", "受理"),
    "closed": ("Closed", "已结案"),
    "accepted": ("Accepted by the customer", "客户接受"),
    "late": ("Late to the manager", "超时上报经理"),
    "hours": ("Mean hours to close", "平均结案时长（小时）"),
    "compensation": ("Compensation approved", "已批准补偿"),
    "all": ("All", "全部"),
    "none": ("No complaint was raised in the period.", "期间内没有投诉。"),
    "actions": ("Improvement actions overdue on %1: %2", "截至 %1 逾期未完成的改善措施：%2 项"),
    "due": ("Due", "截止日期"),
    "days": ("Days overdue", "逾期天数"),
    "owner": ("Owner", "负责人"),
    "what": ("Action", "改善措施"),
    "answers": ("Answers (reason or cause)", "针对的原因"),
    "no_actions": ("None: every action is done or still in time.", "无：所有措施均已完成或未到期。"),
}
COUNTS = ("", "int", "int", "int", "int", "dec", "money")


def _row(s: _Sheet, label: str, c: CauseCount) -> None:
    s.put(label, c.raised, c.closed, c.accepted, c.escalated_late, c.hours_to_close,
          money(c.compensation_cents), kinds=COUNTS)  # fmt: skip


def write(
    ws: WriteOnlyWorksheet,
    *,
    stats: ComplaintStats,
    actions: Sequence[ActionView],
    start: dt.date,
    end: dt.date,
    today: dt.date,
    lang: str,
) -> None:
    """Fill the (write-only) Complaints sheet: ``stats`` of the complaints raised from
    ``start`` to ``end``, ``actions`` overdue on ``today``."""
    t = lambda key: pick(TEXT[key], lang)  # noqa: E731
    for col, width in zip("ABCDEFG", (44, 13, 13, 26, 22, 22, 24), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    # Printed: landscape, one page wide (as the Summary).
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    s = _Sheet(ws)
    s.put(t("title"), font=TITLE_FONT)
    s.put(t("period"), f"{start:%Y-%m-%d} – {end:%Y-%m-%d}")
    s.blank()
    head = (t("raised"), t("closed"), t("accepted"), t("late"), t("hours"), t("compensation"))
    s.put(t("by_cause"), font=BOLD)
    s.put(t("cause"), *head, font=BOLD)
    for c in stats.by_cause:
        _row(s, words(ComplaintCause, c.code, lang), c)
    if not stats.by_cause:
        s.put(t("none"))
    _row(s, t("all"), stats.total)
    s.blank()
    s.put(t("by_level"), font=BOLD)
    s.put(t("level"), *head, font=BOLD)
    for c in stats.by_level:
        _row(s, words(ComplaintLevel, c.code, lang), c)
    _row(s, t("all"), stats.total)
    s.blank()
    s.put(t("actions").replace("%1", f"{today:%Y-%m-%d}").replace("%2", str(len(actions))), font=BOLD)
    s.put(t("what"), t("due"), t("days"), t("owner"), t("answers"), font=BOLD)
    for a in actions:
        s.put(a.what, a.due_on, (today - a.due_on).days, a.owner, pick((a.source_en, a.source_zh), lang),
              kinds=("", "date", "int"))  # fmt: skip
    if not actions:
        s.put(t("no_actions"))
