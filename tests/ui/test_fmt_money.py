"""Money on screen (``ui.fmt.money``, QLocale): exact integer cents, in both languages the
same text as the sheets and the domain (``advisor.money.fmt``, babel)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from advisor import money as domain_money
from ui import fmt, i18n


@pytest.fixture(params=["zh_CN", "en"])
def lang(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (1_000_000_000, "¥10,000,000.00"),
        (-84_976, "-¥849.76"),  # a refund
        (1, "¥0.01"),
        (-1, "-¥0.01"),
        (10 + 20, "¥0.30"),  # 0.1 + 0.2 = 0.30000000000000004 as floats
        (1_000_000_005, "¥10,000,000.05"),
        (10**17 + 1, "¥1,000,000,000,000,000.01"),  # past a double's precision
    ],
)
def test_amounts_on_screen_are_exact(lang: str, cents: int, text: str) -> None:
    assert fmt.money(cents) == text
    assert fmt.money(cents, symbol=False) == text.replace("¥", "")


def test_the_screen_writes_money_as_the_sheets_do(lang: str) -> None:
    rng = random.Random(14)
    amounts = [0, 1, -1, 99, 100, -100, 123_450, 10**13 - 1, -(10**13 - 1)]
    amounts += [rng.randint(-(10**13), 10**13) for _ in range(500)]
    assert [fmt.money(c) for c in amounts] == [domain_money.fmt(c, lang) for c in amounts]


@pytest.mark.parametrize("amount", [0.1 + 0.2, 1_000_000.005])
def test_a_float_is_refused_not_rounded(lang: str, amount: float) -> None:
    with pytest.raises(TypeError):
        fmt.money(amount)  # type: ignore[arg-type]
