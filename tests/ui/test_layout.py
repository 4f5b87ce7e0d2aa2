"""Every screen of every desk, in both languages, at 1366×768 and 1920×1080: each visible
input has a usable size, lies inside the window and is not covered at its centre, and
every date box shows a four-digit year first; and no two things on show answer to the
same Alt+letter (menus included).

One database with an RO at every stage serves the whole module. The layout does not
depend on the database engine, so this runs in the SQLite pass only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor import auth, db
from advisor.reference import ensure_reference_data
from tests.screenshots import build_data
from tests.ui import screens
from tests.ui.shell_support import workstation  # noqa: F401  (a private QSettings per test)
from ui import i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.operations import Operations

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("ADVISOR_TEST_DATABASE_URL")),
    reason="layout is the same on both engines: checked in the SQLite pass",
)


@pytest.fixture(scope="module")
def desk_data(
    tmp_path_factory: pytest.TempPathFactory, qapp: object
) -> Iterator[tuple[object, dict[int, int]]]:
    old_n = auth.SCRYPT_N
    auth.SCRYPT_N = 2**10
    path: Path = tmp_path_factory.mktemp("layout") / "desk.db"
    database = db.open_database(f"sqlite:///{path}")
    with database.atomic():
        ensure_reference_data()
    staff, stage = build_data(demo=False)
    yield staff, stage
    db.close_database()
    auth.SCRYPT_N = old_n


def main_window(qtbot, staff, role: str, lang: str, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    actor = staff.by_role(role)
    ctx = AppContext(actor=actor, ops=Operations(actor), db_label="layout.db", lang=lang)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    screens.settle()
    return window


CASES = [
    pytest.param(role, lang, size, id=f"{role}-{lang}-{size[0]}x{size[1]}")
    for role in screens.DESK_ROLES
    for lang in ("zh_CN", "en")
    for size in screens.SIZES
]


@pytest.mark.parametrize(("role", "lang", "size"), CASES)
def test_every_input_on_every_screen_can_be_used(qtbot, desk_data, role, lang, size) -> None:  # type: ignore[no-untyped-def]
    staff, stage = desk_data
    window = main_window(qtbot, staff, role, lang, size)
    assert (window.width(), window.height()) == size, (
        f"the window does not fit {size[0]}×{size[1]}: its minimum is "
        f"{window.minimumSizeHint().width()}×{window.minimumSizeHint().height()}"
    )
    found: list[str] = []
    walked = 0
    for screen in screens.walk(window, stage):
        walked += 1
        if (window.width(), window.height()) != size:
            found.append(f"{screen}: the window grew to {window.width()}×{window.height()}")
            window.resize(*size)
            screens.settle()
        found.extend(f"{screen}: {p}" for p in screens.problems(window))
        found.extend(f"{screen}: {p}" for p in screens.ambiguous_dates(window))
    # Every workspace of the rail at least (customer service has two; the others many more).
    assert walked >= min(5, len(window.workspace_keys())), f"only {walked} screens were walked"
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("role", "lang"),
    [pytest.param(r, lang, id=f"{r}-{lang}") for r in screens.DESK_ROLES for lang in ("zh_CN", "en")],
)
def test_no_two_things_on_a_screen_share_an_alt_letter(qtbot, desk_data, role, lang) -> None:  # type: ignore[no-untyped-def]
    staff, stage = desk_data
    window = main_window(qtbot, staff, role, lang, (1366, 768))
    found: list[str] = []
    for screen in screens.walk(window, stage):
        found.extend(f"{screen}: {c}" for c in screens.clashes(window))
    assert not found, f"{len(set(found))} clashes:\n" + "\n".join(sorted(set(found)))


def test_the_part_order_dialogs_expected_date_has_its_year_first(qtbot, make_ctx, staff) -> None:  # type: ignore[no-untyped-def]
    """Dialogs are not walked by the screens above; this one shows a date box."""
    from advisor.services import parts
    from ui.parts_dialogs import OrderPartDialog

    part = parts.catalogue(limit=1)[0]
    dialog = OrderPartDialog(make_ctx("foreman", "en"), part)
    qtbot.addWidget(dialog)
    dialog.show()
    assert screens.ambiguous_dates(dialog) == []
    assert dialog.expected.text()[:4].isdigit() and dialog.expected.text()[4] == "-"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_vehicle_and_handover_dialogs_can_be_used(qtbot, staff, lang) -> None:  # type: ignore[no-untyped-def]
    """Dialogs are not walked by the screens above: the vehicle correction (with a note
    under every field, the tallest it gets) and the handover, over the desk at 1366×768."""
    from advisor.services.orders import get_ro_view
    from tests import factories
    from ui.desk.vehicle_dialog import AddVehicleDialog, EditVehicleDialog
    from ui.ro.reassign_dialog import ReassignDialog

    window = main_window(qtbot, staff, "manager", lang, (1366, 768))
    view = get_ro_view(factories.open_checked_in(staff))
    for make in (
        lambda: EditVehicleDialog(window.ctx, view.vehicle, window),
        lambda: AddVehicleDialog(window.ctx, view.customer.id, window),
        lambda: ReassignDialog(window.ctx, view, window),
    ):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        for note in getattr(dialog, "notes", {}).values():
            note.show_error("Refused: " + "a reason a person can read, " * 3)
        screens.settle()
        name = type(dialog).__name__
        assert dialog.height() <= 768 and dialog.width() <= 1366, (
            f"{name} is {dialog.width()}×{dialog.height()}"
        )
        assert not screens.problems(dialog), f"{name}: {screens.problems(dialog)}"
        assert not screens.clashes(dialog), f"{name}: {screens.clashes(dialog)}"
        dialog.close()
