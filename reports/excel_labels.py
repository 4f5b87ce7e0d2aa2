"""Every word of the manager's workbook in English and Simplified Chinese."""

from __future__ import annotations

# (key, English, Chinese). Sheet names: ≤ 31 characters, none of []:*?/\
SHEETS: dict[str, tuple[str, str]] = {
    "summary": ("Summary", "汇总"),
    "ros": ("ROs", "工单"),
    "lines": ("Lines", "项目明细"),
    "advisors": ("Advisors", "服务顾问"),
    "technicians": ("Technicians", "技师"),
    "follow_ups": ("Follow-ups", "跟踪回访"),
    "declined": ("Declined work", "客户拒绝项目"),
    "changes": ("Change requests & consents", "变更申请与客户同意"),
    "misses": ("Time-standard misses", "时间标准未达标"),
}

# Column kinds: text, int, money, pct, dt, date, dec (two places), bool
Col = tuple[str, str, str]

COLUMNS: dict[str, list[Col]] = {
    "ros": [
        ("RO number", "工单号", "text"), ("Arrived", "到店时间", "dt"), ("Advisor", "服务顾问", "text"),
        ("Customer", "客户", "text"), ("Plate", "车牌", "text"), ("Repair class", "维修类别", "text"),
        ("Status", "状态", "text"), ("Step", "步骤", "text"), ("From appointment", "预约到店", "bool"),
        ("Greeted after (min)", "接待用时（分）", "int"),
        ("Need confirmed after (min)", "需求确认用时（分）", "int"),
        ("Promised", "承诺交车", "dt"), ("Handed over", "交车时间", "dt"), ("On time", "按时交车", "bool"),
        ("Labour", "工时费", "money"), ("Parts", "配件费", "money"), ("Other", "其他", "money"),
        ("Discount", "折扣", "money"), ("Tax", "税额", "money"), ("Total", "合计", "money"),
        ("Comeback of", "返修原工单", "text"),
    ],
    "lines": [
        ("RO number", "工单号", "text"), ("Type", "类型", "text"), ("Code", "代码", "text"),
        ("Description", "说明", "text"), ("Quantity", "数量", "dec"), ("Unit price", "单价", "money"),
        ("Amount", "金额", "money"), ("Pay type", "付费方式", "text"), ("Status", "状态", "text"),
        ("Decline reason", "拒绝原因", "text"), ("Part status", "配件状态", "text"),
        ("Change request", "变更申请", "int"),
    ],
    "advisors": [
        ("Advisor", "服务顾问", "text"), ("ROs opened", "接车台次", "int"),
        ("ROs closed (settled)", "结算台次", "int"), ("Labour", "工时费", "money"),
        ("Parts", "配件费", "money"), ("Other", "其他", "money"),
        ("Revenue (incl. tax)", "营业额（含税）", "money"),
        ("Average RO value", "单车产值", "money"), ("Hours sold", "销售工时", "dec"),
        ("Appointment share", "预约率", "pct"), ("On-time completion", "按时交车率", "pct"),
        ("QC first pass", "一次检验合格率", "pct"), ("Comeback rate", "返修率", "pct"),
        ("Follow-up within 48 h", "48 小时内回访率", "pct"),
        ("Declined work", "客户拒绝金额", "money"), ("Time-standard misses", "时间标准未达标次数", "int"),
    ],
    "technicians": [
        ("Technician", "技师", "text"), ("Jobs finished", "完工作业数", "int"),
        ("Rework jobs", "返工作业数", "int"), ("Clocked hours", "打卡工时", "dec"),
        ("Available hours", "可用工时", "dec"), ("Sold hours", "销售工时", "dec"),
        ("Utilisation", "工时利用率", "pct"), ("Efficiency", "工作效率", "pct"),
        ("QC first pass", "一次检验合格率", "pct"), ("Comeback rate", "返修率", "pct"),
    ],
    "follow_ups": [
        ("RO number", "工单号", "text"), ("Customer", "客户", "text"), ("Advisor", "服务顾问", "text"),
        ("Handed over", "交车时间", "dt"), ("Due from", "应回访起", "dt"), ("Due by", "应回访止", "dt"),
        ("Status", "状态", "text"), ("Called at", "回访时间", "dt"), ("In 24–48 h", "24–48 小时内", "bool"),
        ("Solved", "问题已解决", "bool"), ("Tangibles", "有形性", "int"), ("Reliability", "可靠性", "int"),
        ("Responsiveness", "响应性", "int"), ("Assurance", "保证性", "int"), ("Empathy", "移情性", "int"),
        ("Category", "类别", "text"), ("Comments", "客户意见", "text"),
    ],
    "declined": [
        ("RO number", "工单号", "text"), ("Customer", "客户", "text"), ("Plate", "车牌", "text"),
        ("Advisor", "服务顾问", "text"), ("Declined at", "拒绝时间", "dt"), ("Code", "代码", "text"),
        ("Description", "说明", "text"), ("Amount", "金额", "money"), ("Reason", "拒绝原因", "text"),
    ],
    "changes": [
        ("RO number", "工单号", "text"), ("Kind", "类型", "text"), ("Reason", "原因", "text"),
        ("Raised by", "提出人", "text"), ("Raised at", "提出时间", "dt"),
        ("Old amount", "原金额", "money"), ("New amount", "新金额", "money"),
        ("Old promised time", "原承诺交车", "dt"), ("New promised time", "新承诺交车", "dt"),
        ("Major", "重大变更", "bool"), ("Status", "状态", "text"), ("Consent by", "同意人", "text"),
        ("Consent at", "同意时间", "dt"), ("Method", "方式", "text"), ("Phone", "电话", "text"),
        ("Manager", "经理", "text"), ("Manager at", "经理批准时间", "dt"),
    ],
    "misses": [
        ("Standard", "时间标准", "text"), ("RO / appointment", "工单/预约", "text"),
        ("Advisor", "服务顾问", "text"), ("From", "起始时间", "dt"), ("To", "完成时间", "dt"),
        ("Limit (min)", "标准（分）", "int"), ("Actual (min)", "实际（分）", "int"),
    ],
}  # fmt: skip

# Values stored as codes are shown in their ``advisor.codes`` enum's words (``Writer.v``).

YES_NO = (("Yes", "是"), ("No", "否"))

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Service department summary", "售后服务部经营汇总"),
    "period": ("Period", "期间"),
    "generated": ("Generated", "生成时间"),
    "kpi": ("Figure", "指标"), "value": ("Value", "数值"),
    "revenue_split": ("Revenue split (before discount and tax)", "营业额构成（折前、税前）"),
    "amount": ("Amount", "金额"), "labour": ("Labour", "工时费"), "parts": ("Parts", "配件费"),
    "other": ("Other", "其他"),
    "misses": ("Time-standard misses", "时间标准未达标"), "measured": ("Measured", "统计数"),
    "missed": ("Missed", "未达标数"), "rate": ("Rate", "比率"),
    "satisfaction": ("Satisfaction (1–5)", "客户满意度（1–5 分）"), "dimension": ("Dimension", "维度"),
    "average": ("Average", "平均分"),
    "declines": ("Decline reasons", "拒绝原因统计"), "reason": ("Reason", "原因"),
    "contacts": ("Contacts declined", "招揽被拒次数"), "lines": ("Lines declined", "拒绝项目数"),
    "trend": ("Trend per day", "每日趋势"), "day": ("Day", "日期"),
    "opened": ("ROs opened", "接车台次"), "closed": ("ROs closed (settled)", "结算台次"),
    "revenue": ("Revenue (incl. tax)", "营业额（含税）"),
    "advisor_revenue": ("Revenue per advisor (incl. tax)", "服务顾问营业额（含税）"),
    "chart_trend": ("ROs per day", "每日台次"),
    "chart_revenue_day": ("Revenue per day (incl. tax)", "每日营业额（含税）"),
}  # fmt: skip

# The figures of the Summary sheet: (key, English, Chinese, kind)
FIGURES: list[tuple[str, str, str, str]] = [
    ("opened", "ROs opened", "接车台次", "int"),
    ("closed", "ROs closed (settled)", "结算台次", "int"),
    ("total", "Revenue (incl. tax)", "营业额（含税）", "money"),
    ("net", "of which net (before tax)", "其中：不含税营业额", "money"),
    ("tax", "of which tax", "其中：税额", "money"),
    ("labour", "Labour (before discount and tax)", "工时营业额（折前、税前）", "money"),
    ("parts", "Parts (before discount and tax)", "配件营业额（折前、税前）", "money"),
    ("other", "Other (before discount and tax)", "其他营业额（折前、税前）", "money"),
    ("discount", "Discounts", "折扣", "money"),
    ("paid", "Paid", "已收款", "money"),
    ("average", "Average RO value", "单车产值", "money"),
    ("hours_sold", "Hours sold", "销售工时", "dec"),
    ("appointment_share", "Appointment share", "预约率", "pct"),
    ("no_show", "No-show rate", "预约爽约率", "pct"),
    ("reconfirmed", "Reconfirmation done", "预约确认完成率", "pct"),
    ("on_time", "On-time completion (handed over ≤ promised)", "按时交车率（交车 ≤ 承诺）", "pct"),
    ("qc_first_pass", "QC first-pass rate", "一次检验合格率", "pct"),
    ("internal_rework", "Internal rework rate", "内部返工率", "pct"),
    ("comeback", "Comeback rate", "返修率", "pct"),
    ("follow_up_48h", "Follow-up done within 48 h", "48 小时内完成回访率", "pct"),
    ("follow_up_window", "Follow-up in the 24–48 h window", "24–48 小时内回访率", "pct"),
    ("declined_lines", "Declined lines", "客户拒绝项目数", "int"),
    ("declined_value", "Value of declined work", "客户拒绝金额", "money"),
    ("parts_wait", "Parts waiting time (h, average)", "配件等待时间（小时，平均）", "dec"),
    ("fill_rate", "Parts fill rate (from stock)", "配件满足率（现货）", "pct"),
    ("utilisation", "Technician utilisation", "技师工时利用率", "pct"),
    ("efficiency", "Technician efficiency", "技师工作效率", "pct"),
]  # fmt: skip

DIMENSION_LABELS: dict[str, tuple[str, str]] = {
    "tangibles": ("Tangibles", "有形性"), "reliability": ("Reliability", "可靠性"),
    "responsiveness": ("Responsiveness", "响应性"), "assurance": ("Assurance", "保证性"),
    "empathy": ("Empathy", "移情性"),
}  # fmt: skip


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang.startswith("zh") else pair[0]
