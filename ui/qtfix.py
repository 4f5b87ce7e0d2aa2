"""Work-arounds for bugs of the Qt binding, applied once when ``ui`` is imported.

PySide6 6.12.0 on CPython 3.11 returns the singletons ``None``, ``True`` and ``False``
from C++ calls without the new reference it owes: every void method called from Python
(``label.setText``…) takes one reference off ``None``, every ``emit`` one off ``True``.
After some thousands of calls the interpreter aborts with "Fatal Python error:
none_dealloc" / "bool_dealloc". CPython 3.12 made these objects immortal, which hides
the bug; on 3.11 we give them the same protection by raising their reference counts
far out of reach (they are static objects and are never freed, so this is safe).

When this module can go (checked 2026-12-04, see docs/NOTES.md "Things that bite"):
- The bug: the 6.12.0 wheels from PyPI (PySide6-Essentials / shiboken6, Linux x86_64,
  abi3) on CPython 3.11.7. Other projects cite it as PYSIDE-3474 (e.g. PyMemoryEditor
  3.4.1, which caps PySide6 below 6.12 on Python < 3.12); its tracker entry could not be
  read from here, so no fixed version is known from upstream.
- Tested: 6.12.0 drops one reference per call (without this module a script aborts
  within 1,000 calls of ``setText`` + ``emit`` + ``isHidden``). ``pip index versions
  PySide6`` listed no later release (6.12.0 is the newest; 6.11.3 the one before).
- It can go when either the app requires CPython >= 3.12, or ``binding_leaks()`` is
  False on 3.11 with the PySide6 the project pins: ``tests/ui/test_qtfix.py::
  test_the_binding_still_drops_references`` then fails and says so. Then delete this
  module, its two calls (``ui/__init__.py``, ``ui/live.LiveBridge``) and that test;
  keep ``test_three_hundred_thousand_void_calls_and_emits_do_not_abort_python``, which
  must pass without the work-around.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# 2**40 leaked references is ~35 years of one call per microsecond.
_HEADROOM = 1 << 40
_fixed = False


class _Probe(QObject):
    ping = Signal()


def binding_leaks() -> bool:
    """Measure the bug rather than trust a version number: True when 8 void calls and 8
    emits took references off ``None`` or ``True`` (always False on CPython >= 3.12,
    where their counts no longer move)."""
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")  # a void method: returns None
        probe.ping.emit()  # returns True
    after = sys.getrefcount(None), sys.getrefcount(True)
    return before[0] - after[0] >= 8 or before[1] - after[1] >= 8


def fix_emit_refcount() -> bool:
    """Protect None/True/False from the binding's missing references (idempotent).

    Returns True when the protection was applied (CPython < 3.12 with the bug present).
    """
    global _fixed
    if _fixed or sys.version_info >= (3, 12) or not binding_leaks():
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        refcnt.value += _HEADROOM
    _fixed = True
    return True
