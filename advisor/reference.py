"""Reference data every dealership starts with: decline reasons, canned jobs, bays, the
inspection checklists per vehicle kind (``advisor.inspection_defaults``)."""

from __future__ import annotations

import json

from advisor.inspection_defaults import default_rows
from advisor.models import Bay, CannedJob, DeclineReason, InspectionItem, Part, StockMove

DECLINE_REASONS = [
    ("price", "Too expensive", "价格太高"),
    ("no_time", "No time now", "暂时没时间"),
    ("elsewhere", "Will do it elsewhere", "去其他地方做"),
    ("not_needed", "Does not think it is needed", "认为没有必要"),
    ("next_visit", "Next visit", "下次再做"),
    ("selling_car", "Selling the car", "准备卖车"),
    ("other", "Other", "其他"),
]

PARTS = [
    ("15400-RTA-003", "Oil filter", "机油滤清器", "oem", 6_800, 40, "A-01"),
    ("08798-9036", "Engine oil 0W-20, 1 L", "机油 0W-20 1升", "oem", 9_800, 200, "A-02"),
    ("17220-5AA-A00", "Air filter element", "空气滤芯", "oem", 12_800, 25, "A-03"),
    ("80292-TBA-A11", "Cabin air filter", "空调滤芯", "oem", 15_800, 25, "A-04"),
    ("45022-TBA-A01", "Front brake pads (set)", "前刹车片（套）", "oem", 56_000, 10, "B-01"),
    ("45022-EQ-A01", "Front brake pads (set), equivalent", "前刹车片（套）同质", "equivalent", 32_000, 8, "B-02"),
    ("45251-TBA-A01", "Front brake disc", "前刹车盘", "oem", 68_000, 4, "B-03"),
    ("12290-R1A-A01", "Spark plug", "火花塞", "oem", 9_500, 32, "C-01"),
    ("31500-SR1-100", "Battery 12 V 60 Ah", "蓄电池 12V 60Ah", "oem", 88_000, 3, "C-02"),
    ("76622-TBA-A01", "Wiper blade", "雨刮片", "oem", 8_800, 20, "C-03"),
    ("08CBA-P99-0S", "Brake fluid DOT 4, 0.5 L", "刹车油 DOT4 0.5升", "oem", 7_800, 30, "A-05"),
    ("19010-5A2-A01", "Radiator cap", "水箱盖", "oem", 9_000, 6, "C-04"),
    ("06531-TBA-R00", "Alternator, refurbished", "发电机（修复件）", "refurbished", 98_000, 1, "D-01"),
    ("38810-TBA-A01", "A/C compressor", "空调压缩机", "oem", 368_000, 0, "D-02"),
]  # fmt: skip

CANNED_JOBS: list[tuple[str, str, str, list[tuple[str, str, str, str, str, str | None]]]] = [
    ("S5000", "5,000 km service", "5000公里保养", [
        ("labour", "L-S5", "5,000 km service labour", "5000公里保养工时", "0.8", None),
        ("part", "15400-RTA-003", "Oil filter", "机油滤清器", "1", "15400-RTA-003"),
        ("part", "08798-9036", "Engine oil 0W-20, 1 L", "机油 0W-20 1升", "4", "08798-9036"),
    ]),
    ("S10000", "10,000 km service", "10000公里保养", [
        ("labour", "L-S10", "10,000 km service labour", "10000公里保养工时", "1.2", None),
        ("part", "15400-RTA-003", "Oil filter", "机油滤清器", "1", "15400-RTA-003"),
        ("part", "08798-9036", "Engine oil 0W-20, 1 L", "机油 0W-20 1升", "4", "08798-9036"),
        ("part", "17220-5AA-A00", "Air filter element", "空气滤芯", "1", "17220-5AA-A00"),
        ("part", "80292-TBA-A11", "Cabin air filter", "空调滤芯", "1", "80292-TBA-A11"),
    ]),
    ("BRAKE-F", "Front brake pads", "更换前刹车片", [
        ("labour", "L-BRF", "Replace front brake pads", "更换前刹车片工时", "1.0", None),
        ("part", "45022-TBA-A01", "Front brake pads (set)", "前刹车片（套）", "1", "45022-TBA-A01"),
    ]),
    ("BATT", "Battery replacement", "更换蓄电池", [
        ("labour", "L-BAT", "Replace battery", "更换蓄电池工时", "0.3", None),
        ("part", "31500-SR1-100", "Battery 12 V 60 Ah", "蓄电池 12V 60Ah", "1", "31500-SR1-100"),
    ]),
    ("DIAG", "Diagnosis", "故障诊断", [
        ("labour", "L-DIAG", "Diagnosis", "故障诊断工时", "0.5", None),
    ]),
]  # fmt: skip

BAYS = [
    ("B1", "Bay 1 / 1号工位", "lift"), ("B2", "Bay 2 / 2号工位", "lift"),
    ("B3", "Bay 3 / 3号工位", "lift"), ("B4", "Bay 4 / 4号工位", "general"),
    ("D1", "Diagnosis / 诊断工位", "diagnosis"), ("W1", "Wash / 洗车位", "wash"),
]  # fmt: skip


def missing_reference_data() -> bool:
    """True when a reference row is missing (five small reads: asked at every start)."""
    have = (
        ({r[0] for r in DeclineReason.select(DeclineReason.code).tuples()}, {r[0] for r in DECLINE_REASONS}),
        ({r[0] for r in Part.select(Part.number).tuples()}, {r[0] for r in PARTS}),
        ({r[0] for r in CannedJob.select(CannedJob.code).tuples()}, {r[0] for r in CANNED_JOBS}),
        ({r[0] for r in Bay.select(Bay.code).tuples()}, {r[0] for r in BAYS}),
        (
            set(InspectionItem.select(InspectionItem.vehicle_kind, InspectionItem.key).tuples()),
            {(r["vehicle_kind"], r["key"]) for r in default_rows()},
        ),
    )
    return any(not wanted <= present for present, wanted in have)


def ensure_reference_data() -> None:
    """Insert the reference rows that are missing (safe to call at every start)."""
    for code, en, zh in DECLINE_REASONS:
        DeclineReason.get_or_create(code=code, defaults={"label_en": en, "label_zh": zh})
    for number, en, zh, origin, price, stock, bin_ in PARTS:
        part, created = Part.get_or_create(
            number=number,
            defaults=dict(name_en=en, name_zh=zh, origin=origin, price_cents=price, on_hand=stock, bin=bin_),
        )
        if created and stock:
            StockMove.create(part=part.id, kind="adjust", quantity=stock)  # opening stock
    for code, en, zh, lines in CANNED_JOBS:
        payload = [
            {"kind": k, "code": c, "description_en": de, "description_zh": dz, "qty": q, "part": p}
            for k, c, de, dz, q, p in lines
        ]
        CannedJob.get_or_create(
            code=code,
            defaults=dict(name_en=en, name_zh=zh, lines_json=json.dumps(payload, ensure_ascii=False)),
        )
    for code, name, kind in BAYS:
        Bay.get_or_create(code=code, defaults={"name": name, "kind": kind})
    have_items = set(InspectionItem.select(InspectionItem.vehicle_kind, InspectionItem.key).tuples())
    missing = [r for r in default_rows() if (r["vehicle_kind"], r["key"]) not in have_items]
    if missing:
        InspectionItem.insert_many(missing).execute()
