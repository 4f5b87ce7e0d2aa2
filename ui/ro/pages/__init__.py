"""One page per step of the flow, shown below the RO's step bar.

Each module defines ``Page``: a ``ui.ro.pages.base.StepPage`` subclass. Steps whose
module is missing show a read-only placeholder.
"""

from __future__ import annotations

import importlib

from ui.ro.pages.base import PlaceholderPage, StepPage

MODULES = {
    1: "ui.ro.pages.solicitation",
    2: "ui.ro.pages.appointment",
    3: "ui.ro.pages.reception",
    4: "ui.ro.pages.diagnosis",
    5: "ui.ro.pages.estimate",
    6: "ui.ro.pages.parts",
    7: "ui.ro.pages.assignment",
    8: "ui.ro.pages.repair",
    9: "ui.ro.pages.qc",
    10: "ui.ro.pages.wash",
    11: "ui.ro.pages.settlement",
    12: "ui.ro.pages.handover",
    13: "ui.ro.pages.followup",
}


def page_class(step: int) -> type[StepPage]:
    """The page class of ``step`` (a placeholder when not built yet)."""
    name = MODULES.get(step)
    if name is None:
        return PlaceholderPage
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return PlaceholderPage
    page: type[StepPage] = module.Page
    return page
