"""Money, dates, durations and sorting on screen, in the locale of the chosen language.

``ui.i18n.set_language`` sets the default QLocale; these helpers read it each call, so
they follow a language switch. Money stays exact: integer cents are formatted as
digits, never through a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCollator, QCoreApplication, QDate, QLocale, Qt, QTime

CURRENCY = "¥"


def money(cents: int, *, symbol: bool = True) -> str:
    """¥1,234.50 (-¥5.00) with the locale's group and decimal separators and minus sign:
    the one money format on screen, the same text as the sheets' (``advisor.money.fmt``).

    Exact: whole yuan go to ``QLocale.toString`` as an integer and the fen follow the
    locale's decimal point, so no float is involved (``QLocale.toCurrencyString`` gives
    cents only through a double, and writes a negative amount in brackets).
    """
    if isinstance(cents, float):
        raise TypeError(f"money is integer cents, not a float ({cents!r})")
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


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def date(value: dt.date | None, *, long: bool = False) -> str:
    """A date no one can misread: 2026-12-01 in English, 2026年12月1日 in Chinese (never
    the locale's short '12/1/26'); ``long`` adds the weekday. '' for None."""
    if value is None:
        return ""
    if long:
        return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat)
    if _chinese():
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def join(items: Iterable[str]) -> str:
    """A list as the language writes it: 'service, brakes' / '保养、制动'."""
    return ("、" if _chinese() else ", ").join(items)


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
    """How long something took or is left, in words: "45 s", "9 min", "1 h 5 min",
    "3 d 4 h" (45 秒, 9 分钟, 1 小时 5 分钟, 3 天 4 小时); negative with a sign.

    The one way a wait, a time standard, a countdown or a job's time is shown: never
    "0:09", which reads as nine minutes or nine seconds depending on who looks
    (``clock`` keeps the seconds of a short running wait).
    """
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        if not hours:
            return sign + QCoreApplication.translate("fmt", "%1 d").replace("%1", str(days))
        text = QCoreApplication.translate("fmt", "%1 d %2 h", "a duration")
        return sign + text.replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        if not minutes:
            return sign + QCoreApplication.translate("fmt", "%1 h").replace("%1", str(hours))
        text = QCoreApplication.translate("fmt", "%1 h %2 min")
        return sign + text.replace("%1", str(hours)).replace("%2", str(minutes))
    if not minutes:
        return sign + QCoreApplication.translate("fmt", "%1 s").replace("%1", str(secs))
    return sign + QCoreApplication.translate("fmt", "%1 min").replace("%1", str(minutes))


def clock(seconds: float) -> str:
    """A running wait to the second, in words: "2 min 05 s" (2 分 05 秒), "45 s";
    from ten minutes on as ``duration`` ("12 min")."""
    total = int(abs(seconds))
    if total >= 600 or total < 60:
        return duration(seconds)
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(total, 60)
    text = QCoreApplication.translate("fmt", "%1 min %2 s")
    return sign + text.replace("%1", str(minutes)).replace("%2", f"{secs:02d}")


def minutes(total: int) -> str:
    """A count of minutes (a job's planned or worked time, free time): 45 → "45 min",
    125 → "2 h 5 min", 0 → "0 min"."""
    total = max(int(total), 0)
    if total == 0:
        return QCoreApplication.translate("fmt", "%1 min").replace("%1", "0")
    return duration(total * 60)


def collator() -> QCollator:
    """A collator for the current locale (pinyin order for Chinese where ICU has it)."""
    c = QCollator(QLocale())
    c.setNumericMode(True)
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return c
