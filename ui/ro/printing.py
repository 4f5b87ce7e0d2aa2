"""Printing a sheet of an RO, when the sheets and the preview exist (later issues build
``reports.sheets`` and ``ui.print_preview``; until then the Print buttons stay hidden)."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from advisor.services import printouts, settings
from advisor.services.users import Actor
from advisor.services.views import ROView
from ui.operations import Operations, Outcome

SHEETS = ("estimate", "checkin", "health", "jobcard", "settlement")


def available() -> bool:
    """True when ``reports.sheets`` and ``ui.print_preview`` can be imported."""
    try:
        return all(importlib.util.find_spec(m) is not None for m in ("reports.sheets", "ui.print_preview"))
    except ModuleNotFoundError:
        return False


def _render(*, actor: Actor, kind: str, view: ROView, lang: str) -> bytes:
    """The sheet as ``actor`` prints it: the dealer's profile, the estimate's validity and
    the photos the sheet prints (check-in, health report) are read as ``actor`` (read
    services)."""
    sheets = importlib.import_module("reports.sheets")
    dealer = settings.read_dealer(actor=actor)
    valid_days = int(settings.read_settings(actor=actor, keys=["estimate_valid_days"])["estimate_valid_days"])
    photos = printouts.read_sheet_photos(actor=actor, ro_id=view.id, kind=kind)
    return sheets.render(kind, view, lang=lang, dealer=dealer, valid_days=valid_days, photos=photos)


def print_sheet(parent: QWidget, ops: Operations, kind: str, view: ROView, lang: str) -> None:
    """Render ``kind`` for ``view`` in the background (the first sheet also loads the PDF
    library and the fonts), then open the print preview; a refusal is shown by ``ops``."""
    preview = importlib.import_module("ui.print_preview")

    def show(pdf: Outcome[bytes]) -> None:
        if pdf.ok and isValid(parent):  # the window asked for it may have closed meanwhile
            dialog = preview.PrintPreviewDialog(pdf.value, f"{view.number}-{kind}.pdf", parent)
            dialog.exec()

    ops.run_in_background(_render, parent=parent, on_done=show, kind=kind, view=view, lang=lang)
