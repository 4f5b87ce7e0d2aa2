"""Checks of what people type: names, VINs, plates, phones, mileage, amounts."""

from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from advisor import money
from advisor.errors import ValidationError

MAX_NAME = 100
MAX_TEXT = 20_000
VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
# Mainland plates: province character, a letter, then 5 (ordinary) or 6 (new energy)
# characters of letters/digits, with the optional 挂/学/警/港/澳 suffix.
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
PLATE_RE = re.compile(
    rf"^[{PROVINCES}][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{{4}}[A-HJ-NP-Z0-9挂学警港澳]|[A-HJ-NP-Z0-9]{{6}})$"
)


def clean_text(value: str | None, *, limit: int = MAX_TEXT) -> str:
    """Normalise line endings and strip control characters; keep everything else."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    if len(text) > limit:
        raise ValidationError(
            f"The text is too long ({len(text)} characters, at most {limit}).",
            f"文本过长（{len(text)} 个字符，最多 {limit} 个）。",
        )
    return text


def name(value: str | None, *, what: tuple[str, str] = ("Name", "姓名")) -> str:
    """A person's name: not empty, not huge, any script (emoji allowed, kept as typed)."""
    text = clean_text(value, limit=10_000).strip()
    text = re.sub(r"\s+", " ", text)
    if not text:
        raise ValidationError(f"{what[0]} cannot be empty.", f"{what[1]}不能为空。", field="name")
    if len(text) > MAX_NAME:
        raise ValidationError(
            f"{what[0]} is too long (at most {MAX_NAME} characters).",
            f"{what[1]}过长（最多 {MAX_NAME} 个字符）。",
            field="name",
        )
    return text


def vin(value: str | None) -> tuple[str, list[str]]:
    """Normalise a VIN; wrong length/characters is an error, a bad check digit a warning."""
    text = re.sub(r"[\s-]", "", (value or "")).upper()
    if len(text) != 17 or not VIN_RE.match(text):
        raise ValidationError(
            "A VIN has 17 characters: digits and letters except I, O and Q.",
            "车架号（VIN）应为 17 位，由数字和字母组成（不含 I、O、Q）。",
            field="vin",
        )
    warnings = [] if vin_check_digit_ok(text) else ["vin_check_digit"]
    return text, warnings


def vin_check_digit_ok(value: str) -> bool:
    """True when the 9th character of the VIN is the correct ISO 3779 check digit."""
    # Imported here, not at the top: the app's start-up does not need them (launch time).
    from vininfo import Vin
    from vininfo.exceptions import ValidationError as VinFormatError

    try:
        return bool(Vin(value).verify_checksum())
    except VinFormatError:
        return False


def plate(value: str | None) -> str:
    """A Chinese licence plate (e.g. 京A12345, 粤B D12345 new energy), normalised."""
    text = re.sub(r"[\s·•.-]", "", (value or "")).upper()
    if not PLATE_RE.match(text):
        raise ValidationError(
            f"{value!r} is not a valid plate (e.g. 京A12345 or 粤BD12345).",
            f"{value!r} 不是有效的车牌号（例如 京A12345 或 粤BD12345）。",
            field="plate",
        )
    return text


def looks_like(text: str) -> str:
    """What a search text is most likely: "plate", "vin", "phone" or "name" (so a form can
    put it in the right field). A plate may be partial (京A123); a phone has 5+ digits."""
    compact = re.sub(r"[\s·•.\-()]", "", text).upper()
    if not compact:
        return "name"
    if compact[0] in PROVINCES and len(compact) <= 8 and re.fullmatch(r".[A-Z][A-Z0-9挂学警港澳]*", compact):
        return "plate"
    if VIN_RE.match(compact):
        return "vin"
    if re.fullmatch(r"\+?[0-9]{5,}", compact):
        return "phone"
    return "name"


def phone(value: str | None, *, required: bool = False) -> str:
    """A phone number, stored in E.164 (+8613812345678); empty allowed unless required."""
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError("A phone number is needed.", "需要电话号码。", field="phone")
        return ""
    import phonenumbers  # ~15 ms to import: only when a phone is actually entered

    try:
        parsed = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            f"{text!r} is not a phone number.", f"{text!r} 不是有效的电话号码。", field="phone"
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            f"{text!r} is not a valid phone number.", f"{text!r} 不是有效的电话号码。", field="phone"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def mileage(value: int | str | None) -> int:
    """Kilometres on the odometer: a whole number from 0 to 2,000,000."""
    try:
        km = int(str(value).replace(",", "").strip())
    except ValueError as exc:
        raise ValidationError(
            "Mileage must be a whole number of km.", "里程必须是整数公里。", field="mileage"
        ) from exc
    if not 0 <= km <= 2_000_000:
        raise ValidationError(
            "Mileage must be between 0 and 2,000,000 km.",
            "里程须在 0 至 2,000,000 公里之间。",
            field="mileage",
        )
    return km


def quantity(value: Decimal | int | str) -> Decimal:
    """A positive quantity or number of hours (two decimals)."""
    try:
        q = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValidationError("Quantity must be a number.", "数量必须是数字。", field="quantity") from exc
    if q.is_finite() and q <= 10_000:
        q = q.quantize(Decimal("0.01"))  # checked after rounding: "0.004" would be 0.00
    if not q.is_finite() or q <= 0 or q > 10_000:
        raise ValidationError(
            "Quantity must be more than 0 (and at most 10,000).",
            "数量必须大于 0（且不超过 10,000）。",
            field="quantity",
        )
    return q


def price_cents(value: int) -> int:
    """A unit price in cents: zero or more, at most ¥10,000,000 (``MAX_CENTS``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            f"A price must be a whole number of cents (got {value!r}).",
            f"价格必须是整数（单位：分），收到 {value!r}。",
            field="price",
        )
    if value < 0:
        raise ValidationError("A price cannot be negative.", "价格不能为负数。", field="price")
    if value > MAX_CENTS:
        raise ValidationError(
            f"A price is at most {money.fmt(MAX_CENTS, 'en')}.",
            f"价格最多 {money.fmt(MAX_CENTS, 'zh_CN')}。",
            field="price",
        )
    return value


def line_amount_cents(amount: int) -> int:
    """A line's amount (quantity × price): at most ¥10,000,000 (``MAX_CENTS``)."""
    if amount > MAX_CENTS:
        raise ValidationError(
            f"The line comes to more than {money.fmt(MAX_CENTS, 'en')}: check the quantity and the price.",
            f"该项目金额超过 {money.fmt(MAX_CENTS, 'zh_CN')}，请检查数量和单价。",
            field="quantity",
        )
    return amount


def choice(value: str, allowed: tuple[str, ...], what: tuple[str, str]) -> str:
    """``value`` must be one of ``allowed``."""
    if value not in allowed:
        raise ValidationError(
            f"{what[0]} must be one of: {', '.join(allowed)} (got {value!r}).",
            f"{what[1]}必须是以下之一：{'、'.join(allowed)}（收到 {value!r}）。",
            field=what[0].lower(),
        )
    return value


def birthday(value: dt.date | str | None, *, today: dt.date | None = None) -> dt.date | None:
    """A customer's birthday: a real past date (typed as 1980-02-29; "" or None: not known).
    31 February, a date to come or before 1900 is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip().replace("/", "-").replace(".", "-")
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                f"{text} is not a date: type the birthday as year-month-day, e.g. 1980-05-17.",
                f"{text} 不是有效日期：请按“年-月-日”输入生日，例如 1980-05-17。",
                field="birthday",
            ) from None
    else:
        day = value
    today = today or dt.date.today()
    if day > today or day.year < FIRST_REGISTERED_YEAR:
        raise ValidationError(
            f"The birthday {day.isoformat()} is implausible.",
            f"生日 {day.isoformat()} 不合理。",
            field="birthday",
        )
    return day


# -- every argument of every service (issue 13, item 8) ------------------------------------
#
# ``check_arguments`` runs in ``@service`` before the transaction, so bad input is answered
# with a bilingual ``ValidationError`` and nothing is written. The bounds, chosen so that a
# real dealership never meets them and the database never overflows (PostgreSQL INTEGER):
#   money   whole cents only (an ``int``; float, NaN, bool, Decimal refused), at most
#           ¥10,000,000 (1,000,000,000 cents) in magnitude for one price, payment or line;
#   numbers ``int`` arguments within ±2,147,483,647 (the vehicle's year: its service); kilometres
#           0–2,000,000; minutes 0–100,000; an integer quantity at most 10,000;
#   dates   years 2000–2099 (a first registration from 1900): 9999-12-31 is refused;
#   text    no NUL, no lone surrogate (half an emoji), at most ``TEXT_LIMITS[name]``
#           characters (``MAX_TEXT`` for notes and other free text);
#   types   each argument must be of its annotated type when that is a plain one
#           (int, str, bool, Decimal, date, datetime, None or a union of them).

MAX_CENTS = 1_000_000_000  # ¥10,000,000
MAX_INT = 2_147_483_647
FIRST_YEAR, LAST_YEAR, FIRST_REGISTERED_YEAR = 2000, 2099, 1900
# Characters an argument (or a key of a dict argument) may hold, before normalisation.
TEXT_LIMITS: dict[str, int] = {
    "name": 1_000,
    "display_name": 100,
    "username": 64,
    "password": 1_024,
    "email": 200,
    "wechat": 64,
    "phone": 40,
    "consent_phone": 40,
    "address": 300,
    "tax_no": 40,
    "vin": 40,
    "vin_from": 40,
    "vin_to": 40,
    "plate": 40,
    "make": 1_000,
    "model": 1_000,
    "model_pattern": 60,
    "code": 40,
    "number": 40,
    "bin": 20,
    "skill": 40,
    "skills": 200,
    "name_en": 200,
    "name_zh": 200,
    "title_en": 200,
    "title_zh": 200,
    "reference": 64,
    "approval_contact": 64,
    "accepted_by": 100,
    "consent_by": 100,
    "customer_name": 100,
    "completion_cert_no": 40,
    "key": 64,
    "kind": 20,
    "method": 16,
    "channel": 16,
    "preferred_channel": 16,
    "role": 20,
    "origin": 12,
    "pay_type": 12,
    "repair_class": 20,
    "category": 20,
    "purpose": 20,
    "outcome": 20,
    "reason": 2_000,
    "road_test": 12,
    "confirmation": 16,
    "handling": 16,
    "lang": 8,
    "seen": MAX_TEXT,
    "description": 500,
    "dealer_name": 1_000,
    "dealer_address": 300,
    "dealer_phone": 40,
    "dealer_tax_no": 40,
}
# Numbers the services also take as typed text, and parse themselves ("21,000 km").
TEXT_TOO = {"mileage_km", "next_service_km"}
_SIMPLE = (int, str, bool, Decimal, dt.datetime, dt.date, type(None))
_hints_cache: dict[object, dict[str, object]] = {}


def _refuse(name: str, en: str, zh: str) -> ValidationError:
    return ValidationError(f"{name}: {en}", f"{name}：{zh}", field=name)


def text_ok(name: str, value: str) -> None:
    """No NUL, no lone surrogate, not longer than the limit for ``name``."""
    if "\x00" in value:
        raise _refuse(
            name,
            "the text contains a NUL character (\\0), which cannot be stored.",
            "文本含有空字符（\\0），无法保存。",
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(
            name,
            "the text contains a broken character (a lone surrogate, e.g. half an emoji); type it again.",
            "文本含有损坏的字符（孤立代理项，如半个表情符号），请重新输入。",
        ) from None
    limit = TEXT_LIMITS.get(name, MAX_TEXT)
    if len(value) > limit:
        raise _refuse(
            name,
            f"the text is too long ({len(value)} characters, at most {limit}).",
            f"文本过长（{len(value)} 个字符，最多 {limit} 个）。",
        )


def cents(name: str, value: object) -> int:
    """Money: whole cents as an ``int`` (not bool/float/Decimal), at most ¥10,000,000."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _refuse(
            name,
            f"an amount must be a whole number of cents (got {value!r}).",
            f"金额必须是整数（单位：分），收到 {value!r}。",
        )
    if abs(value) > MAX_CENTS:
        raise _refuse(
            name,
            f"the amount is implausible (at most {money.fmt(MAX_CENTS, 'en')}).",
            f"金额不合理（最多 {money.fmt(MAX_CENTS, 'zh_CN')}）。",
        )
    return value


def _number(name: str, value: int) -> None:
    if name.endswith("_cents"):
        cents(name, value)
        return
    low, high = -MAX_INT, MAX_INT
    if name.endswith("_km"):
        low, high = 0, 2_000_000
    elif name.endswith("_min"):
        low, high = 0, 100_000
    elif name == "quantity":
        low, high = -10_000, 10_000
    if not low <= value <= high:
        raise _refuse(
            name,
            f"{value:,} is out of range ({low:,} to {high:,}).",
            f"{value:,} 超出范围（{low:,} 至 {high:,}）。",
        )


def _when(name: str, value: dt.date) -> None:
    first = FIRST_REGISTERED_YEAR if name in ("first_registered", "birthday") else FIRST_YEAR
    if not first <= value.year <= LAST_YEAR:
        raise _refuse(
            name,
            f"the date {value.isoformat()} is implausible (years {first}–{LAST_YEAR}).",
            f"日期 {value.isoformat()} 不合理（应在 {first}–{LAST_YEAR} 年之间）。",
        )


def check_value(name: str, value: object, depth: int = 0) -> None:
    """Shape checks of one value, wherever it sits (nested lists and dicts too)."""
    if depth > 8:
        raise _refuse(name, "the data is nested too deeply.", "数据嵌套过深。")
    if isinstance(value, str):
        text_ok(name, value)
    elif isinstance(value, bool) or value is None:
        if name.endswith("_cents") and value is not None:
            cents(name, value)
    elif isinstance(value, int):
        _number(name, value)
    elif isinstance(value, float):
        if name.endswith("_cents"):
            cents(name, value)
        if not math.isfinite(value):
            raise _refuse(name, f"{value!r} is not a number.", f"{value!r} 不是有效数字。")
    elif isinstance(value, Decimal):
        if name.endswith("_cents"):
            cents(name, value)
        if not value.is_finite():
            raise _refuse(name, f"{value!r} is not a number.", f"{value!r} 不是有效数字。")
        if abs(value) > MAX_INT:
            raise _refuse(name, f"{value} is out of range.", f"{value} 超出范围。")
    elif isinstance(value, dt.date):
        _when(name, value)
    elif isinstance(value, dict):
        if len(value) > 10_000:
            raise _refuse(name, "too many items.", "项目过多。")
        for k, v in value.items():
            check_value(k if isinstance(k, str) else name, k, depth + 1)
            check_value(k if isinstance(k, str) else name, v, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        if len(value) > 10_000:
            raise _refuse(name, "too many items.", "项目过多。")
        for v in value:
            check_value(name, v, depth + 1)


def _plain(annotation: object) -> tuple[type, ...] | None:
    """The types a plain annotation allows (``int | None`` → (int, NoneType)), else None."""
    if annotation in _SIMPLE:
        return (annotation,)
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and all(a in _SIMPLE for a in args):
        return args
    return None


def _type_ok(value: object, allowed: tuple[type, ...]) -> bool:
    for t in allowed:
        if t is int and isinstance(value, bool) and bool not in allowed:
            continue
        if t is dt.date and isinstance(value, dt.datetime) and dt.datetime not in allowed:
            continue
        if isinstance(value, t):
            return True
    return False


def _hints(fn: Callable[..., object]) -> dict[str, object]:
    hints = _hints_cache.get(fn)
    if hints is None:
        try:
            hints = typing.get_type_hints(fn)
        except Exception:  # an annotation that does not resolve: shape checks only
            hints = {}
        _hints_cache[fn] = hints
    return hints


_TYPE_WORDS = {int: ("a whole number", "整数"), str: ("text", "文本"), bool: ("yes/no", "是/否"),
               Decimal: ("a number", "数字"), dt.datetime: ("a date and time", "日期时间"),
               dt.date: ("a date", "日期"), type(None): ("empty", "空")}  # fmt: skip


def check_arguments(fn: Callable[..., object], kwargs: dict[str, object]) -> None:
    """Refuse (``ValidationError``, bilingual) an argument of the wrong type or shape."""
    hints = _hints(fn)
    for name, value in kwargs.items():
        if name == "actor":
            continue
        allowed = _plain(hints.get(name))
        if name in TEXT_TOO and allowed is not None:
            allowed = (*allowed, str)
        if allowed is not None and not _type_ok(value, allowed):
            if name.endswith("_cents"):
                cents(name, value)
            en = " or ".join(_TYPE_WORDS[t][0] for t in allowed)
            zh = "或".join(_TYPE_WORDS[t][1] for t in allowed)
            raise _refuse(
                name,
                f"expected {en}, got {type(value).__name__} {value!r:.40}.",
                f"应为{zh}，收到 {type(value).__name__} {value!r:.40}。",
            )
        check_value(name, value)
