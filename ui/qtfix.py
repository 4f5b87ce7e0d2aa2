"""Work-arounds for bugs of the Qt binding, applied once when ``ui`` is imported.

PySide6 6.12.0 on CPython 3.11 returns the singletons ``None``, ``True`` and ``False``
from C++ calls without the new reference it owes: every void method called from Python
(``label.setText``…) takes one reference off ``None``, every ``emit`` one off ``True``.
After some thousands of calls the interpreter aborts with "Fatal Python error:
none_dealloc" / "bool_dealloc". CPython 3.12 made these objects immortal, which hides
the bug; on 3.11 we give them the same protection by raising their reference counts
far out of reach (they are static objects and are never freed, so this is safe).
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


def _leaks() -> bool:
    """Measure the bug rather than trust a version number."""
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
    if _fixed or sys.version_info >= (3, 12) or not _leaks():
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        refcnt.value += _HEADROOM
    _fixed = True
    return True
