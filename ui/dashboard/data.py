"""What the Reports workspace shows of the KPIs (``advisor.services.dashboard`` reads
them) and the Excel export. Every load runs in the background (``ops.run_in_background``,
a thread that closes its database connection when done)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from advisor.errors import StorageError
from advisor.services import dashboard
from advisor.services.dashboard import KPIs
from advisor.services.users import Actor

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
GOOD, BAD, NEUTRAL = "#2e7d32", "#c62828", "#616161"

# key, kind, better (+1 higher is better, -1 lower), drill keys, drill hits
TILES: tuple[tuple[str, str, int, tuple[str, ...], bool], ...] = (
    ("opened", "count", 1, ("opened",), True),
    ("closed", "count", 1, ("closed",), True),  # settled: the ROs of the revenue
    ("revenue", "money", 1, ("revenue",), True),
    ("hours_sold", "hours", 1, ("hours_sold",), True),
    ("average", "money", 1, ("revenue",), True),
    ("appointment_share", "rate", 1, ("from_appointment",), True),
    ("no_show", "rate", -1, (), True),
    ("reconfirmed", "rate", 1, (), True),
    ("on_time", "rate", 1, ("on_time",), True),
    ("qc_first_pass", "rate", 1, ("qc_first_pass",), True),
    ("internal_rework", "rate", -1, ("internal_rework",), True),
    ("comeback", "rate", -1, ("comeback",), True),
    ("follow_up_48h", "rate", 1, ("follow_up_48h",), True),
    ("satisfaction", "score", 1, ("follow_up_48h",), False),
    ("declined", "money", -1, ("declined",), True),
    ("parts_wait", "hours", -1, ("parts_wait",), True),
    ("fill_rate", "rate", 1, ("fill_rate",), True),
    ("utilisation", "rate", 1, ("jobs",), True),
    ("efficiency", "rate", 1, ("jobs",), True),
    ("misses", "count", -1, ("greeting", "need", "follow_up", "promised"), True),
)
RATIOS = {
    "appointment_share",
    "no_show",
    "reconfirmed",
    "on_time",
    "qc_first_pass",
    "internal_rework",
    "comeback",
    "follow_up_48h",
    "fill_rate",
    "utilisation",
    "efficiency",
}


def tile_value(key: str, k: KPIs) -> int | Decimal | None:
    """The figure a tile shows (cents for money, a fraction for a rate; None: undefined)."""
    if key in RATIOS:
        return getattr(k, key).rate
    if key == "revenue":
        return k.revenue_cents  # with tax, as the Excel summary and every RO total
    if key == "average":
        return k.revenue.average_cents
    if key == "satisfaction":
        s = k.satisfaction
        return (Decimal(sum(s.sums)) / (5 * s.responses)).quantize(Decimal("0.01")) if s.responses else None
    if key == "declined":
        return k.declined_value_cents
    if key == "parts_wait":
        return k.parts_wait.average_hours
    if key == "misses":
        return sum((m.ratio.hits for m in k.misses), 0)
    return getattr(k, key)


def export_summary(
    *,
    actor: Actor,
    path: str,
    start: dt.date,
    end: dt.date,
    lang: str,
    progress: Callable[[int, int], None],
    cancel: Callable[[], bool],
) -> Path | None:
    """``reports.excel.write_summary`` as the actor's export (``dashboard.export``: the
    permission, one snapshot), with a cancel answered by None (no file) and an unwritable
    path by a message the user can act on."""
    from reports import excel  # openpyxl is heavy: load it when a manager exports, not at start

    try:
        return dashboard.export(
            actor=actor,
            write=lambda: excel.write_summary(
                path, start=start, end=end, lang=lang, progress=progress, cancel=cancel
            ),
        )
    except excel.ExportCancelled:
        return None
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise StorageError(
            f"Cannot write {path}: {why}. Choose another folder or file name.",
            f"无法写入 {path}：{why}。请选择其他文件夹或文件名。",
        ) from exc
