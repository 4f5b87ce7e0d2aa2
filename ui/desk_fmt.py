"""Input conversions of the advisor's desk screens (display formatting is ``ui.fmt``)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import QDate, QDateTime, QTime


def parse_money(text: str) -> int | None:
    """'1,234.5' / '¥1234.50' → 123450 cents (exact); None when not an amount."""
    cleaned = text.replace(",", "").replace("¥", "").replace("￥", "").strip()
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan(cents: int | None) -> str:
    """Cents as an editable amount: 12345 → '123.45' (no symbol, no grouping)."""
    if cents is None:
        return ""
    return f"{Decimal(cents) / 100:.2f}"


def to_qdatetime(t: dt.datetime) -> QDateTime:
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second))


def from_qdatetime(q: QDateTime) -> dt.datetime:
    d, t = q.date(), q.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
