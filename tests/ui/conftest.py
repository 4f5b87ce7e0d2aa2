"""GUI test fixtures: an AppContext for any role, over the test database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests import factories
from ui import messages
from ui.context import AppContext
from ui.operations import Operations


@pytest.fixture
def make_ctx(staff: factories.Staff, qapp: object) -> Callable[[str], AppContext]:
    """``make_ctx("advisor")`` → a context logged in as that role (admin, foreman, …)."""

    def make(role: str = "advisor", lang: str = "en") -> AppContext:
        actor = staff.by_role(role)
        return AppContext(actor=actor, ops=Operations(actor), db_label="test.db", lang=lang)

    return make


@pytest.fixture
def ctx(make_ctx: Callable[[str], AppContext]) -> AppContext:
    """A context logged in as a service advisor."""
    return make_ctx("advisor")


@pytest.fixture
def shown() -> Iterator[list[tuple[str, str]]]:
    """Message boxes recorded instead of shown: [(kind, text)]; confirm() answers yes."""
    with messages.capture(answer=True) as seen:
        yield seen
