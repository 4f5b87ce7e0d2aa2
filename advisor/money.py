"""Exact money: integer cents in the database, ``Decimal`` yuan in Python, never float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING

from advisor.errors import ValidationError
from advisor.i18n import normalise

if TYPE_CHECKING:
    from babel import Locale

CENT = Decimal("0.01")
MAX_CENTS = 10**13  # 100 billion yuan: anything larger is a typing slip


@dataclass(frozen=True)
class Breakdown:
    """An amount in its parts, in cents: labour, parts and other before discount and tax,
    the discount, the tax, and the total after discount with tax (an RO's totals, the
    revenue of a period)."""

    labour_cents: int = 0
    parts_cents: int = 0
    other_cents: int = 0
    discount_cents: int = 0
    tax_cents: int = 0
    total_cents: int = 0

    @property
    def subtotal_cents(self) -> int:
        """Labour + parts + other, before discount and tax."""
        return self.labour_cents + self.parts_cents + self.other_cents


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


@cache
def _locale(lang: str) -> Locale:
    from babel import Locale

    # Parsing a locale name costs ~0.3 ms; a sheet formats a hundred amounts.
    return Locale.parse(normalise(lang))


def fmt(cents: int, lang: str = "zh_CN", *, symbol: bool = True) -> str:
    """Integer cents as ``¥1,234.50`` (``-¥5.00``), by babel in ``lang``'s grouping and
    signs: the one money format of the domain and of the sheets (``reports.formatting``).

    Exact: babel gets a ``Decimal`` built from the cents, never a float. One pattern in
    both languages: babel's English default for CNY is ``CN¥``, but the dealership is in
    China, where ``¥`` is unambiguous. ``symbol=False`` gives ``1,234.50`` (the stored
    note of a payment). babel is imported on first use: it is not on the start-up path.
    """
    if isinstance(cents, float):
        raise TypeError(f"money is integer cents, not a float ({cents!r})")
    from babel.numbers import format_decimal

    return format_decimal(to_yuan(cents), "¥#,##0.00" if symbol else "#,##0.00", locale=_locale(lang))
