"""The default inspection checklists, one per ``VehicleKind`` (issue 18).

What a dealership's technician and advisor check at the walk-around (接车环检) and in the
bay: the walk-around items of the check-in (body, glass, mirrors, warning lights, horn,
belts, spare wheel and tools), then tyres (tread depth at four corners, pressures), brakes
(pads in mm; discs measured against the minimum stamped on each disc, which differs per
model, so no threshold), fluids, lights, the 12 V battery test, wipers, the engine bay
(belt, leaks, filters), the underbody, the cabin filter. An electric car has no engine
oil, belt, air filter or exhaust, and has its high-voltage items; a hybrid has both.

Thresholds suggest the rating (``workflow.suggested_rating``): tread depth yellow at 3 mm,
red at 1.6 mm (the legal minimum); pads yellow at 4 mm, red at 2 mm; tyre pressure
yellow at 210 kPa, red at 180 kPa (a typical car runs 230–250); the 12 V battery tester's
state of health yellow at 70 %, red at 50 %, its resting voltage yellow at 12.4 V, red
at 12.0 V; brake fluid's water content yellow at 2 %, red at 3 % (higher is worse); a
traction battery's state of health yellow at 80 %, red at 70 %.

Seeded with the other reference data (``advisor.reference``) for a new database and for
one migrated from before issue 18: an item (kind, key) that is missing is added; items the
service manager renamed, re-ordered, re-set or deactivated are left as they are.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from advisor.codes import InspectionGroup as G
from advisor.codes import VehicleKind


class DefaultItem(NamedTuple):
    key: str
    group: str
    name_en: str
    name_zh: str
    unit: str = ""
    yellow_at: Decimal | None = None
    red_at: Decimal | None = None
    lower_is_worse: bool = True
    canned_job: str = ""


def _d(text: str) -> Decimal:
    return Decimal(text)


WALKAROUND = [
    DefaultItem("body", G.WALKAROUND, "Body and paint (besides the damage marks)", "车身漆面（损伤标记之外）"),
    DefaultItem("glass", G.WALKAROUND, "Windscreen and windows (chips, cracks)", "前挡风玻璃及车窗（崩点、裂纹）"),
    DefaultItem("mirrors", G.WALKAROUND, "Mirrors", "后视镜"),
    DefaultItem("warning_lights", G.WALKAROUND, "Dashboard warning lights", "仪表故障指示灯"),
    DefaultItem("horn", G.WALKAROUND, "Horn", "喇叭"),
    DefaultItem("seat_belts", G.WALKAROUND, "Seat belts", "安全带"),
    DefaultItem("spare_tools", G.WALKAROUND, "Spare wheel, jack and tools", "备胎、千斤顶及随车工具"),
]  # fmt: skip
TYRES = [
    DefaultItem("tread_fl", G.TYRES, "Tread depth, front left", "左前轮胎花纹深度", "mm", _d("3"), _d("1.6")),
    DefaultItem("tread_fr", G.TYRES, "Tread depth, front right", "右前轮胎花纹深度", "mm", _d("3"), _d("1.6")),
    DefaultItem("tread_rl", G.TYRES, "Tread depth, rear left", "左后轮胎花纹深度", "mm", _d("3"), _d("1.6")),
    DefaultItem("tread_rr", G.TYRES, "Tread depth, rear right", "右后轮胎花纹深度", "mm", _d("3"), _d("1.6")),
    DefaultItem("pressure_fl", G.TYRES, "Tyre pressure, front left", "左前轮胎气压", "kPa", _d("210"), _d("180")),
    DefaultItem("pressure_fr", G.TYRES, "Tyre pressure, front right", "右前轮胎气压", "kPa", _d("210"), _d("180")),
    DefaultItem("pressure_rl", G.TYRES, "Tyre pressure, rear left", "左后轮胎气压", "kPa", _d("210"), _d("180")),
    DefaultItem("pressure_rr", G.TYRES, "Tyre pressure, rear right", "右后轮胎气压", "kPa", _d("210"), _d("180")),
    DefaultItem("tyre_sidewalls", G.TYRES, "Sidewalls and age (cuts, bulges, cracks)", "轮胎侧壁及老化（割伤、鼓包、龟裂）"),
]  # fmt: skip
BRAKES = [
    DefaultItem("pads_front", G.BRAKES, "Front brake pads", "前刹车片厚度", "mm", _d("4"), _d("2"), canned_job="BRAKE-F"),
    DefaultItem("pads_rear", G.BRAKES, "Rear brake pads", "后刹车片厚度", "mm", _d("4"), _d("2")),
    DefaultItem("discs_front", G.BRAKES, "Front discs (thickness vs. the minimum on the disc)", "前刹车盘厚度（对照盘上标注的最小厚度）", "mm"),
    DefaultItem("discs_rear", G.BRAKES, "Rear discs (thickness vs. the minimum on the disc)", "后刹车盘厚度（对照盘上标注的最小厚度）", "mm"),
    DefaultItem("brake_fluid", G.BRAKES, "Brake fluid water content", "刹车油含水量", "%", _d("2"), _d("3"), lower_is_worse=False),
    DefaultItem("parking_brake", G.BRAKES, "Parking brake", "驻车制动"),
]  # fmt: skip
FLUIDS_ENGINE = [
    DefaultItem("engine_oil", G.FLUIDS, "Engine oil level and condition", "机油液位及油质"),
    DefaultItem("coolant", G.FLUIDS, "Coolant level", "冷却液液位"),
    DefaultItem("transmission_fluid", G.FLUIDS, "Transmission fluid", "变速箱油"),
]  # fmt: skip
FLUIDS_COMMON = [
    DefaultItem("washer_fluid", G.FLUIDS, "Washer fluid", "玻璃清洗液"),
]  # fmt: skip
LIGHTS = [
    DefaultItem("headlights", G.LIGHTS, "Headlights (low and high beam)", "前大灯（远光、近光）"),
    DefaultItem("indicators", G.LIGHTS, "Indicators and hazard lights", "转向灯及危险警示灯"),
    DefaultItem("brake_lights", G.LIGHTS, "Brake and reversing lights", "刹车灯及倒车灯"),
]  # fmt: skip
BATTERY_12V = [
    DefaultItem("battery_health", G.ELECTRICAL, "12 V battery test (state of health)", "12V 蓄电池检测（健康度）", "%", _d("70"), _d("50"), canned_job="BATT"),
    DefaultItem("battery_voltage", G.ELECTRICAL, "12 V battery resting voltage", "12V 蓄电池静态电压", "V", _d("12.4"), _d("12.0")),
    DefaultItem("wipers", G.ELECTRICAL, "Wiper blades", "雨刮片"),
]  # fmt: skip
ENGINE_BAY = [
    DefaultItem("drive_belt", G.ENGINE, "Drive belt", "发动机皮带"),
    DefaultItem("leaks", G.ENGINE, "Oil and fluid leaks", "漏油、漏液检查"),
    DefaultItem("air_filter", G.ENGINE, "Engine air filter", "空气滤芯"),
]  # fmt: skip
HIGH_VOLTAGE = [
    DefaultItem("hv_cables", G.HIGH_VOLTAGE, "High-voltage cables and connectors (orange)", "高压线束及接插件（橙色）"),
    DefaultItem("hv_battery_health", G.HIGH_VOLTAGE, "Traction battery state of health", "动力电池健康度（SOH）", "%", _d("80"), _d("70")),
    DefaultItem("hv_coolant", G.HIGH_VOLTAGE, "Battery and motor coolant level", "电池及电机冷却液液位"),
    DefaultItem("hv_insulation", G.HIGH_VOLTAGE, "Insulation check (no warning stored)", "高压绝缘检测（无故障记录）"),
]  # fmt: skip
EV_FLUIDS = [
    DefaultItem("reduction_gear_oil", G.FLUIDS, "Reduction gear oil", "减速器油"),
]  # fmt: skip
EV_HIGH_VOLTAGE = [
    DefaultItem("charge_port", G.HIGH_VOLTAGE, "Charging port and cable", "充电口及充电线"),
]  # fmt: skip
EV_UNDERBODY = [
    DefaultItem("battery_pack_underside", G.UNDERBODY, "Battery pack underside (knocks, seepage)", "电池包底部（磕碰、渗漏）"),
]  # fmt: skip
UNDERBODY_COMMON = [
    DefaultItem("suspension", G.UNDERBODY, "Shock absorbers and suspension", "减震器及悬挂"),
    DefaultItem("steering", G.UNDERBODY, "Steering linkage and boots", "转向拉杆及防尘套"),
    DefaultItem("cv_boots", G.UNDERBODY, "Drive shaft boots", "传动轴防尘套"),
    DefaultItem("underbody", G.UNDERBODY, "Underbody (damage, rust)", "底盘（损伤、锈蚀）"),
]  # fmt: skip
EXHAUST = [
    DefaultItem("exhaust", G.UNDERBODY, "Exhaust system", "排气系统"),
]  # fmt: skip
CABIN = [
    DefaultItem("cabin_filter", G.CABIN, "Cabin air filter", "空调滤芯"),
    DefaultItem("air_conditioning", G.CABIN, "Air conditioning (cooling, smell)", "空调制冷及异味"),
]  # fmt: skip

DEFAULT_CHECKLISTS: dict[str, list[DefaultItem]] = {
    VehicleKind.CAR: [
        *WALKAROUND, *TYRES, *BRAKES, *FLUIDS_ENGINE, *FLUIDS_COMMON, *LIGHTS, *BATTERY_12V,
        *ENGINE_BAY, *UNDERBODY_COMMON, *EXHAUST, *CABIN,
    ],
    VehicleKind.HYBRID: [
        *WALKAROUND, *TYRES, *BRAKES, *FLUIDS_ENGINE, *FLUIDS_COMMON, *LIGHTS, *BATTERY_12V,
        *ENGINE_BAY, *HIGH_VOLTAGE, *UNDERBODY_COMMON, *EXHAUST, *CABIN,
    ],
    VehicleKind.EV: [
        *WALKAROUND, *TYRES, *BRAKES, *EV_FLUIDS, *FLUIDS_COMMON, *LIGHTS, *BATTERY_12V,
        *HIGH_VOLTAGE, *EV_HIGH_VOLTAGE, *UNDERBODY_COMMON, *EV_UNDERBODY, *CABIN,
    ],
}  # fmt: skip


def default_rows() -> list[dict[str, object]]:
    """Every default item as the row it is seeded as (``seq`` counts by 10 per kind, so
    the manager can put one between two)."""
    rows: list[dict[str, object]] = []
    for kind, items in DEFAULT_CHECKLISTS.items():
        for n, item in enumerate(items, start=1):
            row: dict[str, object] = {"vehicle_kind": str(kind), "seq": n * 10, **item._asdict()}
            row["group"] = str(item.group)
            rows.append(row)
    return rows
