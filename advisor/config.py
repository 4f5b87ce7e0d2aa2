"""Every shared dealership setting declared once: key, type, default, label, check.

Per-workstation settings (window state, language) live in QSettings in the GUI;
these are shared by all workstations and stored in the ``setting`` table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from advisor.codes import RepairClass, Role
from advisor.errors import ValidationError

# The legal minimum warranty periods (China, cars): (km, days), whichever comes first.
WARRANTY_MINIMUMS: dict[str, tuple[int, int]] = {
    RepairClass.VEHICLE: (20_000, 100),  # complete-vehicle or assembly repair
    RepairClass.MAJOR: (20_000, 100),
    RepairClass.LEVEL2: (5_000, 30),  # second-level maintenance
    RepairClass.LEVEL1: (2_000, 10),  # first-level maintenance
    RepairClass.MINOR: (2_000, 10),
    RepairClass.SPECIAL: (2_000, 10),
}
REPAIR_CLASSES = RepairClass.values()


@dataclass(frozen=True)
class SettingDef:
    """A shared setting: its type and default, its name in both languages (messages, the
    audit trail) and how the Settings form edits it.

    ``group`` is the form's box ("" keeps it off the form); ``unit`` says how a value is
    typed: "yuan" (stored in cents), "percent" (stored as a fraction), "count" (a whole
    number from ``low`` to ``high`` by ``step``), "text"; a dict setting is edited once per
    role ("percent") or per repair class ("km_days", from the legal minimums up).
    ``form_en``/``form_zh`` is the row's label on the form (``&`` marks its mnemonic;
    ``%1`` stands for the role), the name when empty."""

    key: str
    kind: type
    default: Any
    label_en: str
    label_zh: str
    group: str = ""
    unit: str = "text"
    low: int | Decimal = 0
    high: int | Decimal = 0
    step: int = 1
    form_en: str = ""
    form_zh: str = ""

    def form_label(self, lang: str | None = None) -> str:
        """The row's label on the Settings form in ``lang`` (default: current language)."""
        from advisor.i18n import pick

        return pick(self.form_en or self.label_en, self.form_zh or self.label_zh, lang)


# In the order of the Settings form, box by box.
SETTINGS: dict[str, SettingDef] = {
    s.key: s
    for s in (
        SettingDef("dealer_name", str, "", "Dealership name", "经销商名称", "dealer",
                   form_en="&Name", form_zh="名称(&N)"),
        SettingDef("dealer_address", str, "", "Address", "地址", "dealer"),
        SettingDef("dealer_phone", str, "", "Phone", "电话", "dealer"),
        SettingDef("dealer_tax_no", str, "", "Tax number", "纳税人识别号", "dealer"),
        SettingDef("labour_rate_cents", int, 18_000, "Labour rate per hour (cents)", "工时单价（分/小时）",
                   "money", "yuan", form_en="Labour rate (¥ per hour)", form_zh="工时单价（元/小时）"),
        SettingDef("major_change_cents", int, 200_000, "Major change threshold (cents)", "重大变更金额阈值（分）",
                   "money", "yuan", form_en="A change is major from (¥, needs a manager)",
                   form_zh="重大变更金额起点（元，须经理批准）"),
        SettingDef("tax_rate", Decimal, Decimal("0.13"), "Tax rate", "税率", "money", "percent",
                   high=Decimal("99.99")),
        SettingDef("discount_limits", dict,
                   {Role.ADVISOR: "0.05", Role.CASHIER: "0", Role.MANAGER: "0.20", Role.ADMIN: "0.20"},
                   "Discount limit per role", "各角色折扣上限", "money", "percent", high=50,
                   form_en="Discount limit: %1", form_zh="折扣上限：%1"),
        SettingDef("estimate_valid_days", int, 7, "Estimate valid for (days)", "估价有效期（天）", "limits",
                   "count", 1, 90, form_en="An estimate is valid for (days)"),
        SettingDef("comeback_days", int, 30, "Comeback window (days)", "返修认定期限（天）", "limits",
                   "count", 1, 365, form_en="A comeback within (days of handover)",
                   form_zh="返修认定期限（交车后天数）"),
        SettingDef("service_interval_km", int, 5_000, "Service interval (km)", "保养间隔（公里）", "limits",
                   "count", 500, 50_000, 500),
        SettingDef("service_interval_months", int, 6, "Service interval (months)", "保养间隔（月）", "limits",
                   "count", 1, 36),
        SettingDef("bays", int, 6, "Workshop bays", "工位数", "limits", "count", 1, 200),
        SettingDef("retention_years", int, 3, "Retention period (years)", "数据保留期（年）", "limits",
                   "count", 1, 30, form_en="Keep personal data for (years)", form_zh="个人数据保留期（年）"),
        SettingDef("lock_idle_minutes", int, 10, "Lock the screen after (minutes without input)",
                   "无操作自动锁屏（分钟）", "limits", "count", 0, 240,
                   form_en="Lock the screen after (minutes without input, 0 = never)",
                   form_zh="无操作多久自动锁屏（分钟，0 为不锁）"),
        SettingDef("lounge_update_minutes", int, 30, "Lounge progress update every (minutes)",
                   "休息室客户进度通报间隔（分钟）", "limits", "count", 5, 120,
                   form_en="A customer waiting here hears from the advisor every (minutes)",
                   form_zh="在店等候的客户每隔多久通报一次进度（分钟）"),
        SettingDef("photo_budget_mb", int, 40, "Photo budget per repair order (MB)", "每张工单照片容量上限（MB）",
                   "limits", "count", 5, 500, 5, form_en="Photos of one repair order may take up (MB)",
                   form_zh="每张工单的照片最多占用（MB）"),
        SettingDef("warranty", dict, {k: list(v) for k, v in WARRANTY_MINIMUMS.items()},
                   "Warranty periods (km, days)", "质量保证期（公里、天）", "warranty", "km_days"),
        SettingDef("setup_done", bool, False, "First-run set-up done", "首次设置已完成"),
    )
}  # fmt: skip


def encode(key: str, value: Any) -> str:
    """Check ``value`` against the declaration of ``key`` and serialise it."""
    d = SETTINGS.get(key)
    if d is None:
        raise ValidationError(f"Unknown setting {key!r}.", f"未知的设置项 {key!r}。")
    if d.kind is Decimal:
        value = str(Decimal(str(value)))
    elif d.kind is int:
        value = int(value)
        if value < 0:
            raise ValidationError(f"{d.label_en} cannot be negative.", f"{d.label_zh}不能为负数。", field=key)
        if d.unit == "count" and not d.low <= value <= d.high:
            raise ValidationError(
                f"{d.label_en} must be from {d.low} to {d.high}.",
                f"{d.label_zh}须在 {d.low} 到 {d.high} 之间。",
                field=key,
            )
    if key == "warranty":
        check_warranty(value)
    if key == "discount_limits":
        value = check_discount_limits(value)
    return json.dumps(value, ensure_ascii=False)


def decode(key: str, raw: str | None) -> Any:
    """Turn the stored text of ``key`` back into its declared type (default if unset)."""
    d = SETTINGS[key]
    if raw is None:
        return d.default
    value = json.loads(raw)
    return Decimal(value) if d.kind is Decimal else value


def check_warranty(periods: dict[str, Any]) -> None:
    """Refuse warranty periods below the legal minimums."""
    for cls, (min_km, min_days) in WARRANTY_MINIMUMS.items():
        km, days = periods.get(cls, (min_km, min_days))
        if int(km) < min_km or int(days) < min_days:
            raise ValidationError(
                f"Warranty for '{cls}' must be at least {min_km} km / {min_days} days.",
                f"“{cls}”类维修的质量保证期不得低于 {min_km} 公里或 {min_days} 天。",
                field="warranty",
            )


def check_discount_limits(limits: Any) -> dict[str, str]:
    """Each role's discount limit is a fraction from 0 to 0.5 of the amount."""
    from advisor.auth import ROLES

    if not isinstance(limits, dict):
        raise ValidationError("Give a limit per role.", "请按角色填写折扣上限。", field="discount_limits")
    clean = {}
    for role, value in limits.items():
        try:
            rate = Decimal(str(value))
        except ArithmeticError as exc:
            raise ValidationError(f"{value!r} is not a fraction.", f"{value!r} 不是有效比例。") from exc
        if role not in ROLES or not Decimal(0) <= rate <= Decimal("0.5"):
            raise ValidationError(
                f"The discount limit of {role!r} must be between 0 and 50%.",
                f"{role!r} 的折扣上限须在 0 至 50% 之间。",
                field="discount_limits",
            )
        clean[role] = str(rate)
    return clean
