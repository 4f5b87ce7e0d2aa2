"""Every label printed on a sheet, in English and Simplified Chinese.

Sheets take the language as an argument (never the GUI's current language), so one
workstation can print a Chinese sheet for one customer and an English one for the next.
"""

from __future__ import annotations

from functools import cache

from advisor.codes import (
    AuthMethod,
    ChangeKind,
    ChangeStatus,
    Code,
    DamageKind,
    DamageZone,
    InspectionGroup,
    InspectionStage,
    JobStatus,
    LineKind,
    LineStatus,
    OldPart,
    PartOrigin,
    PartStatus,
    PayMethod,
    PayType,
    PhotoSubject,
    Rating,
    RepairClass,
    VehicleKind,
    words,
)
from advisor.i18n import normalise

# key -> (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
    # punctuation between a label and its value, between items, around a note
    "colon": (": ", "："),
    "sep": ("; ", "；"),
    "comma": (", ", "，"),
    "paren": (" ({})", "（{}）"),
    # titles
    "title.estimate": ("Estimate / Repair Order", "估价单 / 维修委托书"),
    "title.settlement": ("Settlement Sheet", "结算清单"),
    "title.jobcard": ("Job Card", "派工单"),
    "title.checkin": ("Vehicle Check-in Sheet", "接车问诊单"),
    "title.receipt": ("Payment Receipt", "收款收据"),
    "title.health": ("Vehicle Health Report", "健康检查报告"),
    # header / footer
    "address": ("Address", "地址"),
    "phone": ("Phone", "电话"),
    "tax_no": ("Tax No.", "纳税人识别号"),
    "ro_no": ("RO No.", "工单号"),
    "printed": ("Printed", "打印时间"),
    "page": ("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页"),
    "missing_glyphs": (
        "[U+XXXX]: a character the printing font cannot show, printed as its Unicode code point.",
        "[U+XXXX]：打印字体无法显示的字符，以其 Unicode 码位代替打印。",
    ),
    # sections
    "sec.customer_vehicle": ("Customer and vehicle", "客户与车辆"),
    "sec.concerns": ("Customer's concerns (in the customer's own words)", "客户描述（客户原话）"),
    "sec.lines": ("Work and parts", "维修项目与配件"),
    "sec.totals": ("Totals", "金额合计"),
    "sec.terms": ("Price range, completion and validity", "价格范围、完工时间与有效期"),
    "sec.authorisation": ("Customer's authorisation", "客户授权"),
    "sec.labour": ("Labour", "工时费"),
    "sec.materials": ("Parts and materials", "配件与材料费"),
    "sec.other": ("Other charges", "其他费用"),
    "sec.payments": ("Payments", "付款记录"),
    "sec.changes": ("Changes during the repair and the customer's answers", "维修过程中的变更及客户答复"),
    "sec.warranty": ("Warranty", "质量保证期"),
    "sec.signatures": ("Signatures", "签字确认"),
    "sec.jobs": ("Jobs", "作业派工"),
    "sec.parts_to_fit": ("Parts to fit", "所需配件"),
    "sec.walkaround": ("Walk-around check", "环车检查"),
    "sec.damage": ("Existing body damage", "车身原有损伤"),
    # customer / vehicle
    "customer": ("Customer", "客户"),
    "plate": ("Plate", "车牌号"),
    "vin": ("VIN", "车架号 (VIN)"),
    "model": ("Model", "车型"),
    "mileage_in": ("Mileage in", "进厂里程"),
    "fuel": ("Fuel", "油量"),
    "advisor": ("Service advisor", "服务顾问"),
    "arrived": ("Arrived", "进厂时间"),
    "repair_class": ("Repair class", "维修类别"),
    "promised": ("Promised completion", "承诺完工时间"),
    # concerns
    "words": ("Customer's words", "客户原话"),
    "restatement": ("Advisor's restatement", "服务顾问描述"),
    "finding": ("Finding", "检查结果"),
    "no_concerns": ("No concern recorded.", "未记录客户描述。"),
    # line table
    "col.type": ("Type", "类型"),
    "col.code": ("Code / part no.", "代码/零件号"),
    "col.description": ("Description", "项目/名称"),
    "col.qty": ("Qty / hours", "数量/工时"),
    "col.unit_price": ("Unit price", "单价"),
    "col.amount": ("Amount", "金额"),
    "col.origin": ("Origin", "配件来源"),
    "col.pay_type": ("Paid by", "付费方"),
    "col.status": ("Status", "状态"),
    "col.old_part": ("Old part", "旧件处理"),
    "col.job": ("Job", "作业项目"),
    "col.technician": ("Technician", "技师"),
    "col.bay": ("Bay", "工位"),
    "col.start": ("Planned start", "计划开始"),
    "col.end": ("Planned end", "计划完工"),
    "col.part_status": ("Part status", "配件状态"),
    "col.zone": ("Where", "部位"),
    "col.kind": ("Kind", "损伤类型"),
    "col.note": ("Note", "备注"),
    "col.method": ("Method", "方式"),
    "col.reference": ("Reference", "凭证号"),
    "col.time": ("Time", "时间"),
    "col.by": ("Taken by", "经办人"),
    "no_lines": ("No line.", "无项目。"),
    "unassigned": ("not assigned", "未派工"),
    # totals
    "labour_total": ("Labour", "工时费"),
    "parts_total": ("Parts", "配件费"),
    "other_total": ("Other", "其他"),
    "subtotal": ("Subtotal", "小计"),
    "discount": ("Discount", "折扣"),
    "tax": ("Tax ({rate})", "税额（{rate}）"),
    "total": ("Total", "合计"),
    "declined_total": ("Declined, not included", "客户拒绝项目（不计入）"),
    "proposed_note": (
        "Includes proposed lines awaiting the customer's decision.",
        "含待客户确认的项目。",
    ),
    "paid": ("Paid", "已付"),
    "balance": ("Balance due", "未付余额"),
    # estimate terms
    "price_range": ("Price range", "价格范围"),
    "range_told_by": (
        " (told by {by}, {when}, {how}, to {to})",
        "（告知人：{by}；{when}；方式：{how}；告知对象：{to}）",
    ),
    "told_in_person": ("in person", "当面告知"),
    "auth_outside_range": (
        "The customer agreed to this total, outside the price range they had been told.",
        "客户同意此金额（超出此前告知的价格范围）。",
    ),
    "validity": ("Valid until", "估价有效期至"),
    "validity_days": ("{date} ({days} days)", "{date}（{days} 天）"),
    "old_parts_back": ("Old parts returned to the customer", "旧件交还客户"),
    # The check-in's wish, before each part's decision at handover (estimate, workshop sheets).
    "old_parts_wish": ("Customer wants the old parts back", "客户要求交还旧件"),
    "old_parts_count": ("{returned} of {total}", "{returned} 件，共 {total} 件"),
    "old_parts_undecided": (" ({n} not decided yet)", "（{n} 件尚未决定）"),
    "old_parts_none": ("no parts replaced", "无更换零件"),
    "not_set": ("not set", "未定"),
    # authorisation
    "authorised_by": ("Authorised by", "授权人"),
    "auth_method": ("How", "授权方式"),
    "auth_time": ("When", "授权时间"),
    "auth_phone": ("Phone", "联系电话"),
    "auth_amount": ("Authorised amount", "授权金额"),
    "recorded_by": ("Recorded by", "记录人"),
    "auth_text": (
        "I have read the work, prices and completion time above and authorise the work.",
        "本人已知悉上述维修项目、价格及完工时间，同意维修。",
    ),
    "customer_signature": ("Customer's signature", "客户签字"),
    "advisor_signature": ("Service advisor's signature", "服务顾问签字"),
    "date": ("Date", "日期"),
    "signed_by": ("Signed by {who}, {when}", "签字人：{who}，{when}"),
    "not_signed": ("Not signed: {reason}", "未签字：{reason}"),
    "consent_signature": ("Customer's signature (consent given in person)", "客户签字（当面同意）"),
    "acceptance_signature": ("Customer's acceptance at handover", "客户交车验收签字"),
    # settlement
    "settlement_no": ("Settlement No.", "结算单号"),
    "settled_at": ("Settled", "结算时间"),
    "handed_over": ("Handed over", "交车时间"),
    "discount_reason": ("Reason", "原因"),
    "not_charged": ("not charged", "不向客户收费"),
    "cr_reason": ("Why", "事由"),
    "cr_amount": ("Amount", "金额"),
    "cr_promise": ("Promised completion", "承诺完工时间"),
    "cr_consent": ("Consent", "客户同意"),
    "cr_consent_text": ("{who}, {how}, {when}", "{who}，{how}，{when}"),
    "cr_consent_phone": ("number called {phone}", "致电号码 {phone}"),
    "cr_manager": ("Approved by manager", "经理批准"),
    "cr_manager_rejected": ("Rejected by manager", "经理驳回"),
    "cr_no_consent": ("no consent recorded", "未记录客户同意"),
    "cr_refusal": ("Refused by the customer", "客户拒绝"),
    "cr_refusal_reason": ("Reason for refusing", "拒绝原因"),
    "cr_no_reason": ("(no reason given)", "（未注明原因）"),
    "warranty_text": (
        "{cls}: {km} km or {days} days, whichever comes first, from the day the car was handed over.",
        "{cls}：{km} 公里或 {days} 天（以先到者为准），自交车之日起计算。",
    ),
    "warranty_until": ("Ends on {date} or at {km} km.", "至 {date} 或里程 {km} 公里止。"),
    "warranty_from_handover": (
        "The end date is counted from the handover date.",
        "截止日期自交车之日起计算。",
    ),
    "cert_no": ("Completion certificate No.", "竣工出厂合格证编号"),
    "cert_missing": ("not yet recorded", "尚未登记"),
    # receipt
    "sec.received": ("Received", "本次收款"),
    "sec.earlier": ("Paid before", "此前付款"),
    "this_payment": ("Received now", "本次收款合计"),
    "cash_tendered": ("Cash handed over", "实收现金"),
    "change_due": ("Change given", "找零"),
    "paid_to_date": ("Paid to date", "累计已付"),
    "bill_total": ("Amount of the settlement", "结算金额"),
    "cashier": ("Cashier", "收银员"),
    "received_at": ("Received at", "收款时间"),
    "cashier_signature": ("Cashier's signature", "收银员签字"),
    "refund_of": ("refund of {ref}", "退款（原付款 {ref}）"),
    "receipt_note": (
        "This receipt confirms the money received; the settlement sheet lists the work and parts.",
        "本收据仅证明已收款项；维修项目及配件明细见结算清单。",
    ),
    # job card
    "customer_waits": ("Customer waits", "客户在店等候"),
    "priority": ("Priority", "优先级"),
    "no_prices": ("Workshop copy: no prices.", "车间联：不含价格。"),
    # check-in
    "valuables": ("Valuables in the car", "车内贵重物品"),
    "booklet": ("Warranty/maintenance booklet present", "保修/保养手册"),
    "waiting": ("Waiting or leaving", "等候或离店"),
    "approval_contact": ("Contact for approvals", "授权联系电话"),
    "first_service": ("First service", "首次保养"),
    "none": ("none", "无"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "waits": ("waits in the lounge", "在休息区等候"),
    "leaves": ("leaves the car", "离店"),
    "no_damage": ("No existing damage recorded.", "未记录车身原有损伤。"),
    "front": ("▲ front", "▲ 车头"),
    "sec.checkin_photos": ("Check-in photos", "接车照片"),
    "damage_mark": ("Mark {n}: {what}", "损伤 {n}：{what}"),
    # health report
    "sec.health_summary": ("The inspection at a glance", "检查结果概览"),
    "sec.health_items": ("Items checked", "检查项目"),
    "sec.health_photos": ("Photos", "检查照片"),
    "sec.recommendation": ("Your service advisor's recommendation", "服务顾问建议"),
    "sec.health_work": ("Work proposed from the findings", "根据检查结果建议的维修项目"),
    "col.rating": ("Rating", "评定"),
    "col.item": ("Item", "检查项目"),
    "col.measurement": ("Measured", "测量值"),
    "col.last_time": ("Last visit", "上次检查"),
    "col.work": ("Work", "维修项目"),
    "not_checked": ("Not checked", "未检查"),
    "other_items": ("Other items", "其他项目"),
    "no_recommendation": ("No recommendation recorded.", "未记录建议。"),
    "no_work_from_findings": ("No work proposed from the findings yet.", "尚未根据检查结果建议维修项目。"),
    "inspected_by": ("Inspected by", "检查人"),
    "inspected_at": ("Inspected", "检查时间"),
    "inspection_stage": ("When", "检查环节"),
    "legend": (
        "RED: needs attention now · YELLOW: needs attention soon · GREEN: good · N/A: not applicable.",
        "红：需立即处理 · 黄：建议关注 · 绿：良好 · 不适用：该车不适用此项。",
    ),
    "checkin_text": (
        "I confirm the vehicle's condition recorded above.",
        "本人确认以上车辆状况记录属实。",
    ),
}

# The stored codes a sheet prints, by the name the sheets use: each is one of
# ``advisor.codes``' enums, whose table holds the words (the same on screens and workbooks).
CODES: dict[str, type[Code]] = {
    "kind": LineKind,
    "origin": PartOrigin,
    "pay_type": PayType,
    "status": LineStatus,
    "auth_method": AuthMethod,
    "old_part": OldPart,
    "pay_method": PayMethod,
    "repair_class": RepairClass,
    "zone": DamageZone,
    "damage": DamageKind,
    "job_status": JobStatus,
    "part_status": PartStatus,
    "cr_status": ChangeStatus,
    "cr_kind": ChangeKind,
    "rating": Rating,
    "stage": InspectionStage,
    "inspection_group": InspectionGroup,
    "vehicle_kind": VehicleKind,
    "photo_subject": PhotoSubject,
}


@cache
def is_zh(lang: str) -> bool:
    """True when ``lang`` means Simplified Chinese."""
    return normalise(lang) == "zh_CN"


def label(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    en, zh = LABELS[key]
    text = zh if is_zh(lang) else en
    return text.format(**values) if values else text


def code(group: str, value: str, lang: str) -> str:
    """The printed name of a stored code (an unknown code is printed as it is, an empty
    one as nothing)."""
    return words(CODES[group], value, lang) if value else ""
