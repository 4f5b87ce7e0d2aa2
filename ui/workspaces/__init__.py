"""The workspaces of the left rail, in rail order.

Each module defines ``WORKSPACE``: a ``ui.workspace.Workspace`` subclass. The rail is
drawn from ``ENTRIES`` alone, and a module is imported only when its workspace is first
opened: importing all of them at start-up cost about 35 ms of every launch.
``tests/ui/test_app_shell.py`` checks that each entry matches its class.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ui.workspace import Workspace


@dataclass(frozen=True)
class Entry:
    """What the rail needs of a workspace before its module is imported."""

    module: str
    key: str
    permission: str | None  # an advisor.auth action the role needs; None for everyone
    icon_name: str  # a QStyle.StandardPixmap name
    context: str  # the class's name: the translation context of its title
    title: str  # the English text its ``title()`` translates
    # The roles (stored codes) whose working day starts here; the others start on the
    # first workspace of their rail (Today).
    home_for: frozenset[str] = frozenset()

    def load(self) -> type[Workspace]:
        cls: type[Workspace] = importlib.import_module(self.module).WORKSPACE
        return cls

    def translated_title(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


ENTRIES = (
    # The technician's home, at the top of their rail (only technicians hold jobs.mine).
    Entry(
        "ui.workspaces.my_jobs",
        "my_jobs",
        "jobs.mine",
        "SP_DialogApplyButton",
        "MyJobsWorkspace",
        "My jobs",
        home_for=frozenset({"technician"}),
    ),
    Entry("ui.workspaces.today", "today", "ro.view", "SP_FileDialogDetailedView", "TodayWorkspace", "Today"),
    Entry(
        "ui.workspaces.customers",
        "customers",
        None,
        "SP_DirHomeIcon",
        "CustomersWorkspace",
        "Customers & vehicles",
    ),
    Entry(
        "ui.workspaces.repair_order",
        "repair_order",
        "ro.view",
        "SP_FileDialogDetailedView",
        "RepairOrderWorkspace",
        "Repair order",
    ),
    Entry(
        "ui.workspaces.appointments",
        "appointments",
        "appointment.book",
        "SP_FileDialogContentsView",
        "AppointmentsWorkspace",
        "Appointments",
    ),
    Entry(
        "ui.workspaces.solicitation",
        "solicitation",
        "solicitation.log",
        "SP_DialogYesButton",
        "SolicitationWorkspace",
        "Solicitation",
    ),
    Entry(
        "ui.workspaces.board",
        "board",
        "work.clock",
        "SP_FileDialogDetailedView",
        "BoardWorkspace",
        "Workshop board",
        home_for=frozenset({"foreman"}),
    ),
    Entry(
        "ui.workspaces.dispatch",
        "dispatch",
        "work.assign",
        "SP_FileDialogListView",
        "DispatchWorkspace",
        "Dispatch",
    ),
    Entry(
        "ui.workspaces.technicians",
        "technicians",
        "technician.certify",
        "SP_FileDialogInfoView",
        "TechniciansWorkspace",
        "Certificates",
    ),
    Entry(
        "ui.workspaces.parts",
        "parts",
        "parts.reserve",
        "SP_DriveHDIcon",
        "PartsWorkspace",
        "Parts",
        home_for=frozenset({"parts_clerk"}),
    ),
    Entry(
        "ui.workspaces.payments",
        "payments",
        "pay",
        "SP_DialogApplyButton",
        "PaymentsWorkspace",
        "Payments",
        home_for=frozenset({"cashier"}),
    ),
    Entry(
        "ui.workspaces.followup",
        "followup",
        "followup.log",
        "SP_DialogYesButton",
        "FollowUpWorkspace",
        "Follow-up",
        home_for=frozenset({"customer_service"}),
    ),
    Entry(
        "ui.workspaces.complaints",
        "complaints",
        "complaint.record",
        "SP_MessageBoxWarning",
        "ComplaintsWorkspace",
        "Complaints",
    ),
    Entry(
        "ui.workspaces.dashboard",
        "dashboard",
        "kpi.view",
        "SP_FileDialogInfoView",
        "DashboardWorkspace",
        "Reports",
    ),
    Entry(
        "ui.workspaces.audit",
        "audit",
        "audit.view",
        "SP_FileDialogContentsView",
        "AuditWorkspace",
        "Audit trail",
    ),
    Entry(
        "ui.workspaces.settings",
        "settings",
        "settings.edit",
        "SP_FileDialogListView",
        "SettingsWorkspace",
        "Settings",
    ),
    Entry(
        "ui.workspaces.admin",
        "admin",
        "users.manage",
        "SP_ComputerIcon",
        "AdminWorkspace",
        "Admin",
        home_for=frozenset({"admin"}),
    ),
)

MODULES = tuple(e.module for e in ENTRIES)


def available() -> list[type[Workspace]]:
    """Every workspace class, in rail order (imports all the modules)."""
    return [e.load() for e in ENTRIES]
