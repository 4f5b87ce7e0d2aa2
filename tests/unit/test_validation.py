"""``advisor.validation``: the checks every service applies to what a person typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor import validation
from advisor.errors import ValidationError


def _refusal(value: str) -> tuple[str, str, str | None]:
    with pytest.raises(ValidationError) as info:
        validation.quantity(value)
    return info.value.en, info.value.zh, info.value.field


@pytest.mark.parametrize("value", ["0.004", "0.005", "0.0001", "1e-30", "-0.004"])
def test_a_quantity_that_rounds_to_zero_is_refused_as_zero(value: str) -> None:
    # It used to pass the "> 0" check before rounding and be stored as 0.00.
    assert _refusal(value) == _refusal("0")


@pytest.mark.parametrize(
    ("value", "stored"),
    [("0.006", "0.01"), ("0.35", "0.35"), ("1", "1.00"), ("2.5", "2.50"), ("10000", "10000.00")],
)
def test_a_quantity_is_kept_to_two_places(value: str, stored: str) -> None:
    q = validation.quantity(value)
    assert q == Decimal(stored) and str(q) == stored


@pytest.mark.parametrize("value", ["10000.01", "1e30", "1e400", "NaN", "Infinity"])
def test_a_quantity_beyond_the_bounds_is_refused(value: str) -> None:
    assert _refusal(value) == _refusal("0")


def test_the_money_bound_is_written_as_money_is_everywhere() -> None:
    with pytest.raises(ValidationError) as info:
        validation.price_cents(validation.MAX_CENTS + 1)
    assert "¥10,000,000.00" in info.value.en and "¥10,000,000.00" in info.value.zh
