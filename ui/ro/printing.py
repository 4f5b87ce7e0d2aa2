"""Printing a sheet of an RO, when the sheets and the preview exist (later issues build
``reports.sheets`` and ``ui.print_preview``; until then the Print buttons stay hidden)."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtWidgets import QWidget

from advisor.errors import UserError
from advisor.services import settings
from advisor.services.users import Actor
from advisor.services.views import ROView
from ui import messages

SHEETS = ("estimate", "checkin", "jobcard", "settlement")


def available() -> bool:
    """True when ``reports.sheets`` and ``ui.print_preview`` can be imported."""
    try:
        return all(importlib.util.find_spec(m) is not None for m in ("reports.sheets", "ui.print_preview"))
    except ModuleNotFoundError:
        return False


def print_sheet(parent: QWidget, kind: str, view: ROView, lang: str, actor: Actor) -> None:
    """Render ``kind`` for ``view`` and open the print preview; the dealer's profile and
    the estimate's validity are read as ``actor`` (read services)."""
    sheets = importlib.import_module("reports.sheets")
    preview = importlib.import_module("ui.print_preview")
    try:
        dealer = settings.read_dealer(actor=actor)
        valid_days = int(settings.read_settings(actor=actor, keys=["estimate_valid_days"])["estimate_valid_days"])
        pdf = sheets.render(kind, view, lang=lang, dealer=dealer, valid_days=valid_days)
    except UserError as err:
        messages.error(parent, err.message())
        return
    dialog = preview.PrintPreviewDialog(pdf, f"{view.number}-{kind}.pdf", parent)
    dialog.exec()
