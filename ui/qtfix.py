"""Work-arounds for bugs of the Qt binding, applied once when ``ui`` is imported."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    """PySide6 6.12.0 on CPython 3.11: ``SignalInstance.emit`` returns ``True`` without a
    new reference, so every emit from Python takes one reference off ``True``; after a
    few thousand the interpreter aborts ("bool_dealloc"). Measure it rather than trust
    a version number."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= 8


_emit_fixed = False


def fix_emit_refcount() -> bool:
    """Give back the reference ``emit`` drops (idempotent; a no-op where PySide is right).

    Returns True when the fix was installed. Call once at start; ``LiveBridge`` calls it
    too because it emits on every notification all day long.
    """
    global _emit_fixed
    if _emit_fixed or not _emit_drops_a_reference():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _emit_fixed = True
    return True
