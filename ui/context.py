"""What every screen of a logged-in session shares."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.services import users
from advisor.services._base import Actor
from ui.operations import Operations


@dataclass
class AppContext:
    actor: Actor
    ops: Operations
    db_label: str
    lang: str  # "zh_CN" | "en"
    shared_db: bool = False

    def may(self, action: str) -> bool:
        """True when the logged-in role may perform ``action`` (see advisor.auth)."""
        return users.may(self.actor.role, action)
