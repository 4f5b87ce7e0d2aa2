"""The dealership's shared settings and profile."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from advisor import config
from advisor.errors import PermissionDenied, ValidationError
from advisor.models import Setting, now
from advisor.services._base import Actor, log, sees_money, service
from advisor.services.opchanges import Kind
from advisor.services.views import DealerView


def get_setting(key: str) -> Any:
    """The value of a declared setting (its default when never set)."""
    row = Setting.get_or_none(Setting.key == key)
    return config.decode(key, row.value if row else None)


def _encode(key: str, value: Any) -> str:
    """``config.encode`` with malformed values (text for a number…) refused plainly."""
    from advisor import validation

    d = config.SETTINGS.get(key)
    validation.check_value(key, value)  # NUL, broken characters, length, NaN, absurd money
    if (
        d is not None
        and d.kind is int
        and (
            isinstance(value, (bool, float))
            or (isinstance(value, Decimal) and value != value.to_integral_value())
        )
    ):
        raise ValidationError(  # int() would silently cut 0.5 to 0, True to 1
            f"{value!r} is not a whole number for {d.label_en}.",
            f"{value!r} 不是“{d.label_zh}”的有效整数。",
            field=key,
        )
    try:
        raw = config.encode(key, value)
        if d is not None and d.kind is Decimal and not Decimal(0) <= Decimal(str(value)) < 1:
            raise ValueError(value)
    except ValidationError:
        raise
    except (ValueError, TypeError, ArithmeticError, AttributeError, LookupError) as exc:
        en, zh = (d.label_en, d.label_zh) if d is not None else (key, key)
        raise ValidationError(
            f"{value!r} is not a valid value for {en}.", f"{value!r} 不是“{zh}”的有效值。", field=key
        ) from exc
    return raw


def _put(key: str, value: Any) -> Any:
    raw = _encode(key, value)
    old = Setting.get_or_none(Setting.key == key)
    if old is None:
        Setting.create(key=key, value=raw, updated_at=now())
    else:
        Setting.update(value=raw, updated_at=now()).where(Setting.key == key).execute()
    return config.decode(key, old.value if old else None)


@service("settings.edit", changes=Kind.SETTINGS)
def set_setting(*, actor: Actor, key: str, value: Any) -> Any:
    """Change one shared setting (checked against its declaration)."""
    old = _put(key, value)
    log(actor, "setting", None, "set_setting", old={key: old}, new={key: value})
    return get_setting(key)


@service("settings.edit", changes=Kind.SETTINGS)
def set_settings(*, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """Change several settings at once: all are checked and saved, or none is.

    Returns every setting's value afterwards. The dealership's name stays required.
    """
    if "setup_done" in values:
        raise ValidationError("The set-up flag is not a setting to edit.", "“首次设置已完成”不能在此修改。")
    if "dealer_name" in values:
        from advisor import validation

        values = {
            **values,
            "dealer_name": validation.name(values["dealer_name"], what=("Dealership name", "经销商名称")),
        }
    before = {key: get_setting(key) for key in values if key in config.SETTINGS}
    changed = {key: value for key, value in values.items() if before.get(key, object()) != value}
    for key, value in changed.items():
        _put(key, value)
    if changed:
        log(actor, "setting", None, "set_setting", old={k: before.get(k) for k in changed}, new=changed)
    return {key: get_setting(key) for key in config.SETTINGS}


def dealer() -> DealerView:
    """The dealership's profile for headers of sheets and the window title."""
    return DealerView(
        name=get_setting("dealer_name"),
        address=get_setting("dealer_address"),
        phone=get_setting("dealer_phone"),
        tax_no=get_setting("dealer_tax_no"),
        labour_rate_cents=int(get_setting("labour_rate_cents")),
        tax_rate=Decimal(get_setting("tax_rate")),
    )


def set_up_dealer(
    *, name: str, address: str, phone: str, tax_no: str, labour_rate_cents: int, actor: Actor | None = None
) -> DealerView:
    """The dealership's profile. At the first run, before any account exists, anyone may
    save it (nobody can log in yet; not audited). Afterwards it is an ordinary change of
    settings: ``set_settings`` with ``actor=`` allowed to edit settings (audited)."""
    from advisor import validation
    from advisor.db import transaction
    from advisor.services.users import has_users

    arguments = {"name": name, "address": address, "phone": phone, "tax_no": tax_no}
    validation.check_arguments(set_up_dealer, {**arguments, "labour_rate_cents": labour_rate_cents})
    values: dict[str, Any] = {f"dealer_{key}": value for key, value in arguments.items()}
    values["labour_rate_cents"] = labour_rate_cents
    if has_users():
        if not isinstance(actor, Actor):
            raise PermissionDenied(
                "The first-run set-up is over: log in as a manager or administrator to change settings.",
                "首次设置已完成：请以服务经理或系统管理员身份登录后再修改设置。",
            )
        set_settings(actor=actor, values=values)
        return dealer()
    values["dealer_name"] = validation.name(name, what=("Dealership name", "经销商名称"))
    with transaction():
        for key, value in values.items():
            _put(key, value)
    return dealer()


# -- read services: what the screens show, in one snapshot (``@service(..., read=True)``) --


@service("settings.view", read=True)
def read_settings(*, actor: Actor, keys: list[str]) -> dict[str, Any]:
    """The dealership settings ``keys`` (``get_setting`` of each), read at one moment."""
    unknown = [k for k in keys if k not in config.SETTINGS]
    if unknown:
        raise ValidationError(f"Unknown setting {unknown[0]!r}.", f"未知的设置项 {unknown[0]!r}。")
    return {key: get_setting(key) for key in keys}


@service("settings.view", read=True)
def read_dealer(*, actor: Actor) -> DealerView:
    """``dealer``: the dealership's profile (sheet headers, the window title); the labour
    rate left out for a role that sees no money."""
    profile = dealer()
    return profile if sees_money(actor) else replace(profile, labour_rate_cents=0)
