"""GUI test fixtures: an AppContext for any role, over the test database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from tests import factories
from ui import messages
from ui.context import AppContext
from ui.operations import Operations


@pytest.fixture(scope="session", autouse=True)
def _translations_built() -> None:
    """Compile the .ts files changed since their .qm (setup.sh does it too; this keeps a
    test run after editing a translation honest)."""
    from ui import i18n

    i18n.build()


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


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """Close and delete every top-level widget a test leaves behind, so a later test's
    language switch or signal never reaches a screen whose database is gone."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
