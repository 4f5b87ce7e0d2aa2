"""The PySide6 GUI. Talks to ``advisor.services`` only — never to models or SQL."""

from ui.qtfix import fix_emit_refcount

# PySide6 6.12.0 on CPython 3.11 drops a reference to True on every emit from Python and
# aborts the interpreter after ~1,000 emits; fix it before any signal is emitted.
fix_emit_refcount()
