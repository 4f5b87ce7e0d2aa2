"""Money, dates, times and numbers on sheets, formatted by babel for the sheet's language.

Money is ``advisor.money.fmt`` (babel, ``¥1,234.50`` in both languages, exact), the same
text as the domain's messages and notes.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent

from advisor import money as _money
from reports.i18n_text import is_zh


@cache
def _locale(name: str) -> Locale:
    # Parsing a locale name costs ~0.3 ms; a sheet formats hundreds of values.
    return Locale.parse(name)


def locale_of(lang: str) -> Locale:
    """The babel locale of a sheet language."""
    return _locale("zh_CN" if is_zh(lang) else "en")


@cache
def _symbols(lang: str) -> tuple[str, str, str]:
    symbols = locale_of(lang).number_symbols["latn"]
    return symbols["group"], symbols["decimal"], symbols["minusSign"]


def money(cents: int, lang: str) -> str:
    """Integer cents as ``¥1,234.50`` in the sheet's language: ``advisor.money.fmt``."""
    return _money.fmt(cents, lang)


def date(value: dt.date | None, lang: str) -> str:
    """``2026年11月22日`` or ``Nov 22, 2026``; an empty string for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, "long" if is_zh(lang) else "medium", locale=locale_of(lang))


def datetime(value: dt.datetime | None, lang: str) -> str:
    """``2026年11月22日 14:05`` or ``Nov 22, 2026, 2:05 PM``; empty for None."""
    if value is None:
        return ""
    # CLDR puts a narrow no-break space before AM/PM; print a plain one.
    time = format_time(value.time(), "short", locale=locale_of(lang)).replace("\u202f", " ")
    return f"{date(value, lang)} {time}" if is_zh(lang) else f"{date(value, lang)}, {time}"


def number(value: int | Decimal, lang: str) -> str:
    """A number with the locale's grouping (21,000; 1.5): babel's ``format_decimal``
    (at most three decimals, rounded half-even), from the locale's symbols directly for
    integers and ordinary decimals — a sheet prints a quantity on every line."""
    group, decimal, minus = _symbols(lang)
    if type(value) is int:
        text = f"{abs(value):,}"
    elif isinstance(value, Decimal) and value.is_finite() and abs(value) < _BIG:
        rounded = abs(value).quantize(_MILLI, rounding=ROUND_HALF_EVEN)
        if not rounded and value.is_signed():
            return babel_number(value, lang)  # "-0": babel's own rule
        text = f"{rounded:,f}".rstrip("0").rstrip(".")
    else:
        return babel_number(value, lang)
    if (group, decimal) != (",", "."):
        text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
    return f"{minus if value < 0 else ''}{text}"


_MILLI = Decimal("0.001")
_BIG = Decimal(10) ** 20


def babel_number(value: int | Decimal, lang: str) -> str:
    """``number`` through babel (the reference for tests)."""
    return format_decimal(value, locale=locale_of(lang))


def km(value: int | None, lang: str) -> str:
    """A distance: ``21,000 km`` / ``21,000 公里``."""
    if value is None:
        return ""
    return f"{number(value, lang)} {'公里' if is_zh(lang) else 'km'}"


def percent(rate: Decimal, lang: str) -> str:
    """A rate as a percentage: 0.13 → 13%."""
    return format_percent(rate, locale=locale_of(lang))
