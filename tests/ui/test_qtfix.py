"""The app survives a working day of Qt calls (PySide6 6.12 + CPython 3.11 refcount bug)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("alive")
