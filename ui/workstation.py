"""Per-workstation state (window geometry, last language, last user name) in QSettings.

The dealership's shared settings live in the database (``advisor.services.settings``);
only what belongs to this desk and this person's habits is kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "ServiceAdvisor"
APPLICATION = "ServiceAdvisor"

LANGUAGE = "language"
LAST_USER = "login/last_user"
DEALER_NAME = "login/dealer_name"  # shown by the login until the database is read
GEOMETRY = "main/geometry"
STATE = "main/state"


def settings() -> QSettings:
    """This workstation's settings (the organisation/app names set by ``ui.app``)."""
    return QSettings()


def value(key: str, default: str = "") -> str:
    raw = settings().value(key, default)
    return raw if isinstance(raw, str) else default


def set_value(key: str, data: object) -> None:
    s = settings()
    s.setValue(key, data)
    s.sync()
