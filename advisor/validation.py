"""Checks of what people type: names, VINs, plates, phones, mileage, amounts."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

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
            "Mileage must be between 0 and 2,000,000 km.", "里程须在 0 至 2,000,000 公里之间。",
            field="mileage",
        )  # fmt: skip
    return km


def quantity(value: Decimal | int | str) -> Decimal:
    """A positive quantity or number of hours (two decimals)."""
    try:
        q = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValidationError(
            "Quantity must be a number.", "数量必须是数字。", field="quantity"
        ) from exc
    if not q.is_finite() or q <= 0 or q > 10_000:
        raise ValidationError(
            "Quantity must be more than 0 (and at most 10,000).",
            "数量必须大于 0（且不超过 10,000）。",
            field="quantity",
        )
    return q.quantize(Decimal("0.01"))


def price_cents(value: int) -> int:
    """A unit price in cents: zero or more."""
    if value < 0:
        raise ValidationError(
            "A price cannot be negative.", "价格不能为负数。", field="price"
        )
    return value


def choice(value: str, allowed: tuple[str, ...], what: tuple[str, str]) -> str:
    """``value`` must be one of ``allowed``."""
    if value not in allowed:
        raise ValidationError(
            f"{what[0]} must be one of: {', '.join(allowed)} (got {value!r}).",
            f"{what[1]}必须是以下之一：{'、'.join(allowed)}（收到 {value!r}）。",
            field=what[0].lower(),
        )
    return value
