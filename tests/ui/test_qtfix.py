"""The app survives a working day of Qt calls (PySide6 6.12 + CPython 3.11 refcount bug),
and a test says when the work-around in ``ui/qtfix.py`` is no longer needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside_version

from ui.qtfix import binding_leaks

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import os; os.environ["QT_QPA_PLATFORM"] = "offscreen"
import ui
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
class A(QObject):
    changed = Signal(str)
a = A(); a.changed.connect(lambda topic: None)
for _ in range(300_000):
    label.setText("x")      # returns None
    a.changed.emit("ro")    # returns True
    label.isHidden()        # returns False
print("alive")
"""


def test_three_hundred_thousand_void_calls_and_emits_do_not_abort_python() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("alive")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal from CPython 3.12")
def test_the_binding_still_drops_references(qapp: object) -> None:
    """A tripwire, not a guard: it fails on the first PySide6 that no longer drops the
    references, and then ``ui/qtfix.py`` can go (its docstring says how)."""
    assert binding_leaks(), (
        f"PySide6 {pyside_version} on CPython {sys.version.split()[0]} no longer drops references "
        "to None/True: remove ui/qtfix.py, its calls and this test (see its docstring)"
    )
