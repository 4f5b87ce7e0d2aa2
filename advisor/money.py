"""Exact money: integer cents in the database, ``Decimal`` yuan in Python, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from advisor.errors import ValidationError

CENT = Decimal("0.01")
MAX_CENTS = 10**13  # 100 billion yuan: anything larger is a typing slip


def to_cents(value: Decimal | int | str) -> int:
    """Yuan (``Decimal('12.34')``, ``'12.34'``, 12) to integer cents, rounded half-up."""
    try:
        d = Decimal(str(value).replace(",", "").replace("¥", "").strip())
    except InvalidOperation as exc:
        raise ValidationError(f"{value!r} is not an amount.", f"{value!r} 不是有效金额。") from exc
    if not d.is_finite():
        raise ValidationError(f"{value!r} is not an amount.", f"{value!r} 不是有效金额。")
    cents = int((d * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if abs(cents) >= MAX_CENTS:
        raise ValidationError("The amount is too large.", "金额过大。")
    return cents


def to_yuan(cents: int) -> Decimal:
    """Integer cents to ``Decimal`` yuan with two places."""
    return (Decimal(cents) / 100).quantize(CENT)


def line_amount(quantity: Decimal, unit_price_cents: int) -> int:
    """Quantity × unit price, in cents, rounded half-up (exact, no float)."""
    return int((quantity * unit_price_cents).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(cents: int, rate: Decimal) -> int:
    """``rate`` × ``cents`` rounded half-up to a whole cent (tax, discounts)."""
    return int((Decimal(cents) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fmt(cents: int, lang: str = "zh_CN") -> str:
    """Plain formatting for logs and the CLI: ¥1,234.50 (reports use babel)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}¥{abs(Decimal(cents)) / 100:,.2f}"
