"""The layers stay apart: the domain (advisor/) and the reports (reports/) never import Qt;
the GUI (ui/) never touches the database (advisor.models, advisor.db, peewee, playhouse),
and of the domain it imports only the services (``advisor.services`` and its modules) and
the value and message types they take and return (``UI_MAY_IMPORT``): every read a screen
makes is a read service, with a permission and one snapshot.

Checked on the source with ``ast``, so a module that is never imported by the tests is
still checked, and a lazy import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
DATABASE = ("advisor.models", "advisor.db", "peewee", "playhouse")

# What ui/ may import of advisor/: the services, and modules of plain values and messages.
VALUE_MODULES = (
    "advisor.errors",  # the errors a service raises, in both languages
    "advisor.i18n",  # bilingual messages (pick)
    "advisor.codes",  # the named codes (StrEnums) and their labels
    "advisor.workflow",  # the steps, their labels and the gates' rules, as pure functions
    "advisor.money",  # cents and yuan
    "advisor.config",  # the declared settings: keys, types, defaults, labels, checks
    "advisor.car_zones",  # the car outline's geometry (the screen and the check-in sheet)
    "advisor.signatures",  # a drawn signature's strokes (SignatureInput) and their checks
)
UI_MAY_IMPORT = ("advisor.services", *VALUE_MODULES)


def imported_names(source: str, *, package: str = "") -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything the source imports, ``from a import b`` as a.b."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the module's package
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(p for p in [*parts, base] if p)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if base else alias.name
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def offences(directory: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / directory).rglob("*.py")):
        rel = path.relative_to(ROOT)
        package = ".".join(rel.with_suffix("").parts[:-1])
        for line, name in imported_names(path.read_text(encoding="utf-8"), package=package):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{rel}:{line} imports {name}")
    return found


def domain_imports(source: str, *, package: str = "") -> Iterator[tuple[int, str]]:
    """(line, module) of what the source imports of ``advisor``: ``from advisor import x``
    as advisor.x, ``from advisor.y import z`` as advisor.y (z may be a name, not a module)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(p for p in [*parts, base] if p)
            names = [f"{base}.{a.name}" for a in node.names] if base == "advisor" else [base]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.Call):
            names = [n for _line, n in imported_names(ast.unparse(node))]
        for name in names:
            if name == "advisor" or name.startswith("advisor."):
                yield node.lineno, name


def allowed_in_ui(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in UI_MAY_IMPORT)


def ui_domain_offences() -> list[str]:
    found = []
    for path in modules_in("ui"):
        rel = path.relative_to(ROOT)
        package = ".".join(rel.with_suffix("").parts[:-1])
        for line, name in domain_imports(path.read_text(encoding="utf-8"), package=package):
            if not allowed_in_ui(name):
                found.append(f"{rel}:{line} imports {name}")
    return found


def module_file(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def closure(name: str) -> dict[str, list[str]]:
    """Every advisor module ``name`` imports, transitively (lazy imports too), with the
    outside names each imports."""
    seen: dict[str, list[str]] = {}
    todo = [name]
    while todo:
        mod = todo.pop()
        path = module_file(mod)
        if mod in seen or path is None:
            continue
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        names = [n for _line, n in imported_names(path.read_text(encoding="utf-8"), package=package)]
        seen[mod] = names
        todo += [n for n in names if n.startswith("advisor.") and module_file(n) is not None]
    return seen


def modules_in(directory: str) -> list[Path]:
    return sorted((ROOT / directory).rglob("*.py"))


@pytest.mark.parametrize("directory", ["advisor", "reports"])
def test_domain_and_reports_never_import_qt(directory: str) -> None:
    assert not offences(directory, QT)


def test_ui_never_touches_the_database() -> None:
    assert not offences("ui", DATABASE)


def test_ui_imports_only_services_and_value_types() -> None:
    offences = ui_domain_offences()
    assert not offences, (
        "ui/ reaches the domain through advisor.services only (a read is a read service: "
        "@service(action, read=True)); plain values and messages may come from "
        f"{', '.join(VALUE_MODULES)}:\n" + "\n".join(offences)
    )


@pytest.mark.parametrize("module", VALUE_MODULES)
def test_the_value_modules_ui_may_import_are_pure(module: str) -> None:
    # A value module that reached the database or the services would be a back door.
    if module_file(module) is None:
        pytest.skip(f"{module} does not exist (yet)")
    for mod, names in closure(module).items():
        bad = [
            n
            for n in names
            if any(
                n == f or n.startswith(f + ".")
                for f in (
                    *DATABASE,
                    *QT,
                    "advisor.services",
                    "advisor.live",
                    "advisor.search",
                    "advisor.kpi",
                    "psycopg",
                    "sqlite3",
                )
            )
        ]
        assert not bad, f"{module} imports {mod}, which imports {bad}"


def test_the_layers_exist_and_are_scanned() -> None:
    # The checks above must not pass merely because nothing was found to read.
    assert len(modules_in("advisor")) >= 20
    assert (ROOT / "advisor" / "services" / "estimate.py") in modules_in("advisor")
    for directory in ("reports", "ui"):
        assert (ROOT / directory / "__init__.py").is_file()
    # The ui checks read real imports of the domain, allowed ones among them.
    names = {n for p in modules_in("ui") for _l, n in domain_imports(p.read_text(encoding="utf-8"))}
    assert "advisor.errors" in names and any(n.startswith("advisor.services.") for n in names)
    assert set(closure("advisor.workflow")) >= {"advisor.workflow", "advisor.errors"}


@pytest.mark.parametrize(
    ("source", "package", "forbidden", "caught"),
    [
        ("import PySide6.QtWidgets", "advisor", QT, True),
        ("from PySide6 import QtCore", "advisor.services", QT, True),
        ("def f():\n    from shiboken6 import isValid\n", "reports", QT, True),
        ("import importlib\nimportlib.import_module('PySide6.QtGui')", "reports", QT, True),
        ("from advisor import models", "ui", DATABASE, True),
        ("from advisor.models import RepairOrder", "ui.ro", DATABASE, True),
        ("import advisor.db as d", "ui", DATABASE, True),
        ("from playhouse.shortcuts import model_to_dict", "ui", DATABASE, True),
        ("import peewee", "ui.workspaces", DATABASE, True),
        ("from ..models import User", "advisor.services", DATABASE, True),  # advisor.models
        ("from advisor.services import estimate", "ui", DATABASE, False),
        ("from advisor.services.views import ROView", "ui", DATABASE, False),
        ("from advisor.errors import UserError", "ui", DATABASE, False),
        ("import decimal  # PySide6 in a comment", "advisor", QT, False),
        ("x = 'import peewee'", "ui", DATABASE, False),
    ],
)  # fmt: skip
def test_the_checker_catches_what_it_must(
    source: str, package: str, forbidden: tuple[str, ...], caught: bool
) -> None:
    names = [n for _line, n in imported_names(source, package=package)]
    hit = any(n == f or n.startswith(f + ".") for n in names for f in forbidden)
    assert hit is caught, names


@pytest.mark.parametrize(
    ("source", "package", "allowed"),
    [
        ("from advisor.search import search", "ui", False),
        ("from advisor.search import SearchHit", "ui.desk", False),
        ("from advisor import kpi", "ui.dashboard", False),
        ("import advisor.kpi", "ui", False),
        ("def f():\n    from advisor import demo\n", "ui", False),
        ("from advisor.live import Listener", "ui", False),
        ("from advisor import auth", "ui", False),
        ("from advisor import validation, errors", "ui", False),
        ("import importlib\nimportlib.import_module('advisor.kpi')", "ui", False),
        ("import advisor", "ui", False),
        ("from advisor.services import search", "ui", True),
        ("from advisor.services.dashboard import KPIs", "ui.dashboard", True),
        ("from advisor.services.views import ROView", "ui.ro.pages", True),
        ("from advisor import errors, i18n", "ui", True),
        ("from advisor.errors import UserError", "ui", True),
        ("from advisor.codes import Role", "ui", True),
        ("from advisor.workflow import Step", "ui", True),
        ("from advisor.money import to_cents", "ui", True),
        ("from advisor.config import SETTINGS", "ui", True),
        ("from ui import fmt", "ui", True),
    ],
)  # fmt: skip
def test_the_ui_import_checker_catches_what_it_must(source: str, package: str, allowed: bool) -> None:
    names = [n for _line, n in domain_imports(source, package=package)]
    assert names or allowed, source
    assert all(allowed_in_ui(n) for n in names) is allowed, names


# -- what ui/ calls of the services --------------------------------------------------------

# Functions of advisor.services that are no read of the dealership's records: the program's
# own plumbing (open the database, log in, first run) and pure functions of values.
NOT_A_READ = {
    "system": {"open_database", "default_url", "is_shared", "close_thread_connection", "daily_backup",
               "backup_now", "restore_backup", "demo_available", "load_demo_data"},
    "users": {"login", "has_users", "create_first_admin", "system_actor",
              # the lock screen (before anyone signs in) and the PIN, hashed outside any
              # transaction as ``login`` hashes the password (its write is a @service)
              "login_pin", "switch_users", "set_pin"},
    "timeline": {"step_of", "note_of", "milestones", "time_standards", "timeline_events"},
    "dashboard": {"previous_period"},
    "estimate": {"quote_of"},  # given the tax rate (the dialog reads it once), pure arithmetic
    "settings": {"set_up_dealer", "dealer"},  # the login window shows the dealer before a login
    "photos": {"check_file_size"},  # a file's size checked before it is read (a 2 GB "photo")
    "opchanges": {"collect", "of_table"},  # ops runs every service through it; live maps tables
}  # fmt: skip
# Reads the screens still make outside a read service, each to be moved behind
# ``@service(action, read=True)``: none left. A new entry needs a reason; the list may only
# shrink (an entry that is a service now, or no longer called, fails the test).
NOT_YET_A_SERVICE: dict[str, set[str]] = {}


def service_functions() -> dict[tuple[str, str], bool]:
    """(module, function) of every public function of advisor/services: True when it is
    decorated ``@service(…)``."""
    found = {}
    for path in sorted((ROOT / "advisor" / "services").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                found[(path.stem, node.name)] = any(
                    isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "service"
                    for d in node.decorator_list
                )
    return found


def ui_service_calls() -> dict[tuple[str, str], list[str]]:
    """(module, function) of advisor.services that ui/ uses, with where."""
    used: dict[tuple[str, str], list[str]] = {}
    for path in modules_in("ui"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, str] = {}  # local name -> service module
        names: dict[str, tuple[str, str]] = {}  # local name -> (service module, name)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "advisor.services":
                modules.update({a.asname or a.name: a.name for a in node.names})
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("advisor.services."):
                mod = (node.module or "").split(".")[2]
                names.update({a.asname or a.name: (mod, a.name) for a in node.names})
        for node in ast.walk(tree):
            key = None
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                if node.value.id in modules:
                    key = (modules[node.value.id], node.attr)
            elif isinstance(node, ast.Name) and node.id in names:
                key = names[node.id]
            if key is not None:
                used.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return used


def test_every_read_the_ui_makes_is_a_service() -> None:
    functions = service_functions()
    used = ui_service_calls()
    outside = {
        f"{m}.{f} ({', '.join(sorted(set(where))[:3])})"
        for (m, f), where in used.items()
        if functions.get((m, f)) is False
        and f not in NOT_A_READ.get(m, set()) | NOT_YET_A_SERVICE.get(m, set())
    }
    assert not outside, "ui/ calls service functions that are no @service: " + "; ".join(sorted(outside))
    stale = {
        f"{m}.{f}"
        for m, fs in NOT_YET_A_SERVICE.items()
        for f in fs
        if functions.get((m, f)) is not False or (m, f) not in used
    }
    assert not stale, f"no longer reads outside a service: remove from NOT_YET_A_SERVICE: {sorted(stale)}"
    # The check sees what it must: the converted reads are services the ui calls.
    for converted in (("search", "search"), ("dashboard", "figures"), ("orders", "read_ro")):
        assert functions[converted] and converted in used, converted
