"""The inspection checklists per vehicle kind, kept by the service manager (issue 18,
permission ``inspection.configure``): add an item, rename it, set its unit and the
thresholds that suggest a rating, move it up or down, deactivate it. Items are never
deleted (an inspection done copied their words; the defaults would come back at the next
start). A change applies to inspections started after it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from advisor import validation, workflow
from advisor.codes import InspectionGroup, VehicleKind
from advisor.errors import FieldErrors, UserError, ValidationError
from advisor.models import CannedJob, InspectionItem
from advisor.services._base import Actor, get, log, service
from advisor.services.opchanges import Kind
from advisor.services.views import ChecklistItemView

MAX_UNIT = 8


def item_view(i: InspectionItem) -> ChecklistItemView:
    return ChecklistItemView(
        id=i.id,
        vehicle_kind=i.vehicle_kind,
        key=i.key,
        seq=i.seq,
        group=i.group,
        name_en=i.name_en,
        name_zh=i.name_zh,
        unit=i.unit,
        yellow_at=i.yellow_at,
        red_at=i.red_at,
        lower_is_worse=i.lower_is_worse,
        canned_job=i.canned_job,
        active=i.active,
    )


@service("settings.view", read=True)
def read_checklist(*, actor: Actor, vehicle_kind: str) -> tuple[ChecklistItemView, ...]:
    """A vehicle kind's checklist in order, the inactive items too."""
    validation.choice(vehicle_kind, VehicleKind.values(), ("Vehicle kind", "车辆类型"))
    q = (
        InspectionItem.select()
        .where(InspectionItem.vehicle_kind == vehicle_kind)
        .order_by(InspectionItem.seq, InspectionItem.id)
    )
    return tuple(item_view(i) for i in q)


def _name(value: str, field: str, what: tuple[str, str]) -> str:
    text = re.sub(r"\s+", " ", validation.clean_text(value, limit=1_000)).strip()
    if not text:
        raise ValidationError(f"{what[0]} cannot be empty.", f"{what[1]}不能为空。", field=field)
    if len(text) > 100:
        raise ValidationError(
            f"{what[0]} is too long (at most 100 characters).",
            f"{what[1]}过长（最多 100 个字符）。",
            field=field,
        )
    return text


def _checked(
    *,
    name_en: str,
    name_zh: str,
    group: str,
    unit: str,
    yellow_at: Decimal | str | None,
    red_at: Decimal | str | None,
    lower_is_worse: bool,
    canned_job: str,
) -> dict[str, object]:
    """The item's fields, each refusal collected (``FieldErrors``)."""
    errors: list[UserError] = []
    out: dict[str, object] = {"lower_is_worse": lower_is_worse}

    def take(field: str, fn: object) -> None:
        try:
            out[field] = fn()  # type: ignore[operator]
        except UserError as err:
            err.field = field
            errors.append(err)

    take("name_en", lambda: _name(name_en, "name_en", ("The English name", "英文名称")))
    take("name_zh", lambda: _name(name_zh, "name_zh", ("The Chinese name", "中文名称")))
    take("group", lambda: validation.choice(group, InspectionGroup.values(), ("Group", "分组")))
    take("unit", lambda: _unit(unit))
    take("yellow_at", lambda: workflow.check_measurement(yellow_at))
    take("red_at", lambda: workflow.check_measurement(red_at))
    take("canned_job", lambda: _canned(canned_job))
    if not errors:
        _limits(out)
    if errors:
        raise errors[0] if len(errors) == 1 else FieldErrors(errors)
    return out


def _unit(unit: str) -> str:
    text = validation.clean_text(unit, limit=100).strip()
    if len(text) > MAX_UNIT:
        raise ValidationError(
            f"The unit is too long (at most {MAX_UNIT} characters, e.g. mm, kPa, V, %).",
            f"单位过长（最多 {MAX_UNIT} 个字符，如 mm、kPa、V、%）。",
        )
    return text


def _canned(code: str) -> str:
    text = code.strip()
    if text and not CannedJob.select().where(CannedJob.code == text).exists():
        raise ValidationError(f"There is no canned job {text!r}.", f"没有套餐 {text!r}。")
    return text


def _limits(out: dict[str, object]) -> None:
    """Thresholds need a unit, and red lies beyond yellow."""
    yellow, red = out["yellow_at"], out["red_at"]
    if (yellow is not None or red is not None) and not out["unit"]:
        raise ValidationError(
            "Give the unit of the measurement the thresholds apply to.",
            "请填写阈值所对应测量值的单位。",
            field="unit",
        )
    if isinstance(yellow, Decimal) and isinstance(red, Decimal):
        wrong = red > yellow if out["lower_is_worse"] else red < yellow
        if wrong:
            raise ValidationError(
                "Red must be reached after yellow: when lower is worse, red is at or below "
                "yellow; when higher is worse, at or above it.",
                "红色阈值应在黄色之后：数值越低越差时，红色不高于黄色；越高越差时，红色不低于黄色。",
                field="red_at",
            )


@service("inspection.configure", changes=Kind.SETTINGS)
def save_checklist_item(
    *,
    actor: Actor,
    vehicle_kind: str,
    item_id: int | None = None,
    name_en: str,
    name_zh: str,
    group: str,
    unit: str = "",
    yellow_at: Decimal | str | None = None,
    red_at: Decimal | str | None = None,
    lower_is_worse: bool = True,
    canned_job: str = "",
    active: bool = True,
) -> int:
    """Add an item at the end of a kind's checklist (``item_id`` None) or change one;
    returns its id."""
    validation.choice(vehicle_kind, VehicleKind.values(), ("Vehicle kind", "车辆类型"))
    fields = _checked(
        name_en=name_en,
        name_zh=name_zh,
        group=group,
        unit=unit,
        yellow_at=yellow_at,
        red_at=red_at,
        lower_is_worse=lower_is_worse,
        canned_job=canned_job,
    )
    fields["active"] = active
    if item_id is None:
        kind_items = InspectionItem.select().where(InspectionItem.vehicle_kind == vehicle_kind)
        last = max((i.seq for i in kind_items), default=0)
        n = kind_items.count() + 1
        keys = {i.key for i in kind_items}
        while f"custom_{n}" in keys:
            n += 1
        item = InspectionItem.create(vehicle_kind=vehicle_kind, key=f"custom_{n}", seq=last + 10, **fields)
        log(
            actor,
            "inspection_item",
            item.id,
            "add_checklist_item",
            new={"vehicle_kind": vehicle_kind, **fields},
        )
        return int(item.id)
    item = get(InspectionItem, item_id, ("Checklist item", "检查项目"))
    if item.vehicle_kind != vehicle_kind:
        raise ValidationError("This item belongs to another vehicle kind.", "此项目属于其他车辆类型。")
    old = {k: getattr(item, k) for k in fields}
    changed = {k: v for k, v in fields.items() if old[k] != v}
    if changed:
        InspectionItem.update(**changed).where(InspectionItem.id == item.id).execute()
        log(
            actor,
            "inspection_item",
            item.id,
            "edit_checklist_item",
            old={k: old[k] for k in changed},
            new={"key": item.key, **changed},
        )
    return int(item.id)


@service("inspection.configure", changes=Kind.SETTINGS)
def move_checklist_item(*, actor: Actor, item_id: int, up: bool) -> None:
    """Move an item one place up or down its kind's checklist."""
    item = get(InspectionItem, item_id, ("Checklist item", "检查项目"))
    items = list(
        InspectionItem.select()
        .where(InspectionItem.vehicle_kind == item.vehicle_kind)
        .order_by(InspectionItem.seq, InspectionItem.id)
    )
    at = next(n for n, i in enumerate(items) if i.id == item.id)
    to = at - 1 if up else at + 1
    if not 0 <= to < len(items):
        return
    items[at], items[to] = items[to], items[at]
    for n, i in enumerate(items, start=1):
        if i.seq != n * 10:
            InspectionItem.update(seq=n * 10).where(InspectionItem.id == i.id).execute()
    log(
        actor,
        "inspection_item",
        item.id,
        "move_checklist_item",
        old={"seq": item.seq},
        new={"seq": (to + 1) * 10, "key": item.key},
    )
