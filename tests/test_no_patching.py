"""Our code uses other libraries as published: no module of ours assigns (or deletes) an
attribute of a third-party module or of anything imported from one, and none edits
``sys.modules``. A library patched at start-up breaks silently on its next release.

Checked on the source with ``ast``, as ``tests/test_layers.py`` checks the imports, so
a module no test imports is still read. The standard library's documented hooks
(``sys.excepthook = …``) are not third-party and stay allowed; ``sys.modules`` is not.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"advisor", "ui", "reports", "main", "tests"}
MUTATORS = {"pop", "popitem", "update", "setdefault", "clear", "__setitem__", "__delitem__"}


def _root(node: ast.AST) -> ast.AST:
    """``a`` of ``a.b.c``, ``a.b[0].c`` or ``a.b.__dict__[…]``."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node


def _dotted(node: ast.AST) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _third_party(top: str) -> bool:
    return top not in OURS and top not in sys.stdlib_module_names and top != "__future__"


def _imported(tree: ast.AST) -> tuple[dict[str, str], set[str]]:
    """Names bound by an import anywhere in the module: third-party ones (name → what was
    imported) and the name ``sys`` is bound to (``import sys``, ``import sys as s``)."""
    third: dict[str, str] = {}
    sys_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                if alias.name == "sys":
                    sys_names.add(bound)
                elif _third_party(alias.name.split(".")[0]):
                    third[bound] = alias.name
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            for alias in node.names:
                if node.module == "sys" and alias.name == "modules":
                    sys_names.add(f"{alias.asname or alias.name}#modules")
                elif _third_party(node.module.split(".")[0]):
                    third[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    # An alias of a library's object is that object: ``adapter = peewee.Psycopg3Adapter``.
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Name | ast.Attribute)
        ):
            root = _root(node.value)
            if isinstance(root, ast.Name) and root.id in third:
                third[node.targets[0].id] = f"{third[root.id]} (as {node.targets[0].id})"
    return third, sys_names


def patches(source: str) -> list[str]:
    """What the source does to another library's modules: one line per offence."""
    tree = ast.parse(source)
    third, sys_names = _imported(tree)

    def is_sys_modules(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Attribute)
            and node.attr == "modules"
            and isinstance(node.value, ast.Name)
            and node.value.id in sys_names
        ) or (isinstance(node, ast.Name) and f"{node.id}#modules" in sys_names)

    def third_party_root(node: ast.AST) -> str | None:
        root = _root(node)
        if (
            isinstance(root, ast.Call)
            and isinstance(root.func, ast.Name)
            and root.func.id == "vars"
            and root.args
        ):
            root = _root(root.args[0])  # vars(module)[name] = …
        return third.get(root.id) if isinstance(root, ast.Name) else None

    found: list[str] = []
    for node in ast.walk(tree):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = list(node.targets)
        for target in targets:
            for t in target.elts if isinstance(target, ast.Tuple | ast.List) else [target]:
                if isinstance(t, ast.Subscript) and is_sys_modules(t.value):
                    found.append(f"{node.lineno}: edits sys.modules")
                elif isinstance(t, ast.Attribute | ast.Subscript) and (what := third_party_root(t)):
                    found.append(f"{node.lineno}: assigns {_dotted(t) or 'into'} of {what}")
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in MUTATORS and is_sys_modules(func.value):
                found.append(f"{node.lineno}: edits sys.modules ({func.attr})")
            elif (
                isinstance(func, ast.Name)
                and func.id in ("setattr", "delattr")
                and node.args
                and (what := third_party_root(node.args[0]))
            ):
                found.append(f"{node.lineno}: {func.id} on {what}")
    return found


def _modules() -> list[Path]:
    return [
        *sorted(p for d in ("advisor", "ui", "reports") for p in (ROOT / d).rglob("*.py")),
        ROOT / "main.py",
    ]


def test_no_module_patches_another_library() -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _modules()
        for line in patches(path.read_text(encoding="utf-8"))
    ]
    assert not offences, "\n".join(offences)


def test_every_module_is_read() -> None:
    modules = _modules()
    assert ROOT / "main.py" in modules
    assert ROOT / "advisor" / "db.py" in modules
    assert len([p for p in modules if "ui" in p.relative_to(ROOT).parts[:1]]) >= 50


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        # What advisor/__init__.py and advisor/db.py did before issue 14.
        ("import sys\nsys.modules['psycopg'] = None", True),
        ("import sys\ndel sys.modules['psycopg']", True),
        ("import sys as s\ns.modules.pop('psycopg', None)", True),
        ("from sys import modules\nmodules['x'] = None", True),
        ("import peewee\nsetattr(peewee, 'psycopg', object())", True),
        ("import peewee\nadapter = peewee.Psycopg3Adapter\nsetattr(peewee.Psycopg3Adapter, 'x', 1)", True),
        ("import peewee\npeewee.Psycopg3Adapter.txn_idle = 1", True),
        ("import peewee\nadapter = peewee.Psycopg3Adapter\nadapter.txn_idle = 1", True),
        ("from peewee import Psycopg3Adapter\nPsycopg3Adapter.txn_idle = 1", True),
        ("import reportlab.rl_config\nreportlab.rl_config.warnOnMissingFontGlyphs = 0", True),
        ("from reportlab import rl_config as c\nc.invariant, x = 1, 2", True),
        ("import openpyxl\ndef f():\n    openpyxl.DEBUG += 1", True),
        ("import peewee\ndel peewee.psycopg", True),
        ("import peewee\nvars(peewee)['psycopg'] = None", True),
        ("import peewee\npeewee.__dict__['psycopg'] = None", True),
        # Ordinary code: our own objects, instances of library classes, stdlib hooks.
        ("import sys\nsys.excepthook = hook", False),
        ("import sys\nif 'psycopg' in sys.modules:\n    pass", False),
        ("from reportlab.lib.styles import ParagraphStyle\ns = ParagraphStyle('x')\ns.fontName = 'F'", False),
        ("import peewee\nclass M(peewee.Model):\n    pass\nM.extra = 1", False),
        ("from PySide6.QtWidgets import QLabel\nlabel = QLabel()\nlabel.x = 1", False),
        ("from advisor import db\ndb.database_proxy = None", False),
        ("import logging\nlogging.raiseExceptions = False", False),
        ("def f(self):\n    self.modules = {}", False),
    ],
)  # fmt: skip
def test_the_checker_catches_what_it_must(source: str, caught: bool) -> None:
    assert bool(patches(source)) is caught, patches(source)
