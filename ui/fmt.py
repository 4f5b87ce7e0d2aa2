"""Money, dates, durations and sorting on screen, in the locale of the chosen language.

``ui.i18n.set_language`` sets the default QLocale; these helpers read it each call, so
they follow a language switch. Money stays exact: integer cents are formatted as
digits, never through a float.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import QCollator, QCoreApplication, QDate, QLocale, Qt, QTime

CURRENCY = "¥"


def money(cents: int, *, symbol: bool = True) -> str:
    """¥1,234.50 with the locale's group and decimal separators (exact)."""
    loc = QLocale()
    yuan, fen = divmod(abs(int(cents)), 100)
    text = f"{loc.toString(yuan)}{loc.decimalPoint()}{fen:02d}"
    if symbol:
        text = CURRENCY + text
    return (loc.negativeSign() + text) if cents < 0 else text


def number(value: int) -> str:
    """An integer with the locale's group separators (mileage, counts)."""
    return QLocale().toString(int(value))


def km(value: int | None) -> str:
    return "" if value is None else QLocale().toString(int(value)) + " km"


def date(value: dt.date | None, *, long: bool = False) -> str:
    """A date in the locale's short (or long) format; '' for None."""
    if value is None:
        return ""
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(value.year, value.month, value.day), fmt)


def time(value: dt.datetime | dt.time | None) -> str:
    """Hours and minutes (24 h in both languages: a workshop clock)."""
    if value is None:
        return ""
    return QLocale().toString(QTime(value.hour, value.minute), "HH:mm")


def datetime(value: dt.datetime | None) -> str:
    """Short date and 24-hour time; today's times show the time only."""
    if value is None:
        return ""
    if value.date() == dt.date.today():
        return time(value)
    return f"{date(value.date())} {time(value)}"


def duration(seconds: float) -> str:
    """Elapsed or remaining time: 2:05 (minutes:seconds), 1:02:05, or past a day
    "3 d 4 h" (3天4小时); negative with a sign."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    if total >= 86400:
        days, rest = divmod(total, 86400)
        text = QCoreApplication.translate("fmt", "%1 d %2 h")
        return sign + text.replace("%1", str(days)).replace("%2", str(rest // 3600))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def collator() -> QCollator:
    """A collator for the current locale (pinyin order for Chinese where ICU has it)."""
    c = QCollator(QLocale())
    c.setNumericMode(True)
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return c


def sort_key() -> Callable[[str], object]:
    """A key for ``sorted(names, key=fmt.sort_key())`` in the locale's order."""
    return functools.cmp_to_key(collator().compare)
