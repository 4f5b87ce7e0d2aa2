"""Money text in the domain (``advisor.money.fmt``) and on sheets (``reports.formatting``):
one babel formatter, exact integer cents, the same text in both layers."""

from __future__ import annotations

import pytest

from advisor import money
from reports import formatting

LANGS = ("zh_CN", "en")

# (cents, text): ¥10,000,000.00 (the largest price or payment the services take), a
# refund (negative), one cent, amounts whose float sums are off (0.1 + 0.2), and amounts
# past a double's precision, where any float in the path would show.
CASES = [
    (1_000_000_000, "¥10,000,000.00"),
    (-84_976, "-¥849.76"),
    (1, "¥0.01"),
    (-1, "-¥0.01"),
    (0, "¥0.00"),
    (10 + 20, "¥0.30"),  # 0.1 + 0.2 = 0.30000000000000004 as floats
    (1_000_000_005, "¥10,000,000.05"),
    (10**17 + 1, "¥1,000,000,000,000,000.01"),  # float(10**15 + 0.01) == 1e15
    (-(2**53 + 1), "-¥90,071,992,547,409.93"),
]


@pytest.mark.parametrize(("cents", "text"), CASES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_domain_and_the_sheets_write_money_alike(cents: int, text: str, lang: str) -> None:
    assert money.fmt(cents, lang) == text
    assert formatting.money(cents, lang) == text


def test_a_payment_note_has_the_digits_without_the_symbol() -> None:
    # The stored note of a payment ("cash 1,234.50"), read back by timeline.note_of.
    assert money.fmt(123_450, symbol=False) == "1,234.50"
    assert money.fmt(-5, "en", symbol=False) == "-0.05"
    assert money.fmt(10**17 + 1, symbol=False) == "1,000,000,000,000,000.01"


@pytest.mark.parametrize("amount", [0.1 + 0.2, 1_000_000.005, 100.0])
def test_a_float_is_refused_not_rounded(amount: float) -> None:
    with pytest.raises(TypeError):
        money.fmt(amount)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        formatting.money(amount, "en")  # type: ignore[arg-type]
