"""The layers stay apart: the domain (advisor/) and the reports (reports/) never import Qt;
the GUI (ui/) never touches the database (advisor.models, advisor.db, peewee, playhouse).

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
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):  # fmt: skip
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


def modules_in(directory: str) -> list[Path]:
    return sorted((ROOT / directory).rglob("*.py"))


@pytest.mark.parametrize("directory", ["advisor", "reports"])
def test_domain_and_reports_never_import_qt(directory: str) -> None:
    assert not offences(directory, QT)


def test_ui_never_touches_the_database() -> None:
    assert not offences("ui", DATABASE)


def test_the_layers_exist_and_are_scanned() -> None:
    # The checks above must not pass merely because nothing was found to read.
    assert len(modules_in("advisor")) >= 20
    assert (ROOT / "advisor" / "services" / "estimate.py") in modules_in("advisor")
    for directory in ("reports", "ui"):
        assert (ROOT / directory / "__init__.py").is_file()


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
def test_the_checker_catches_what_it_must(source: str, package: str, forbidden: tuple[str, ...],
                                          caught: bool) -> None:  # fmt: skip
    names = [n for _line, n in imported_names(source, package=package)]
    hit = any(n == f or n.startswith(f + ".") for n in names for f in forbidden)
    assert hit is caught, names
