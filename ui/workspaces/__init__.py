"""The workspaces of the left rail, in rail order.

Each module defines ``WORKSPACE``: a ``ui.workspace.Workspace`` subclass. A module that
does not exist yet is skipped, so the shell runs while screens are being built.
"""

from __future__ import annotations

import importlib
import logging

from ui.workspace import Workspace

log = logging.getLogger(__name__)

MODULES = (
    "ui.workspaces.today",
    "ui.workspaces.customers",
    "ui.workspaces.repair_order",
    "ui.workspaces.appointments",
    "ui.workspaces.solicitation",
    "ui.workspaces.board",
    "ui.workspaces.dispatch",
    "ui.workspaces.parts",
    "ui.workspaces.followup",
    "ui.workspaces.dashboard",
    "ui.workspaces.audit",
    "ui.workspaces.admin",
)


def available() -> list[type[Workspace]]:
    """The workspace classes that exist, in rail order."""
    found = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            log.debug("workspace %s not built yet", name)
            continue
        found.append(module.WORKSPACE)
    return found
