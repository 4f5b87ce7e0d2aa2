"""The base of every workspace hosted by the main window (Today, Search, Board …)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from advisor.services.opchanges import Kind, OpChanges
from ui.context import AppContext


class Workspace(QWidget):
    """A page of the left rail.

    Subclasses set ``key`` (stable id), ``permission`` (an advisor.auth action the role
    needs, or None for everyone), ``icon_name`` (a QStyle.StandardPixmap name) and
    implement ``title()`` and ``refresh()``. ``open_ro`` asks the main window to show a
    repair order (``open_ro_at`` at a given step). ``shows`` names the kinds of record the workspace shows: it refreshes
    only after a change that ``touches`` them (``concerns``; here or at another desk).
    Refresh is coalesced: many changes → one refresh, when the workspace is visible.
    """

    key = "workspace"
    permission: str | None = None
    shows = Kind.ALL
    icon_name = "SP_FileIcon"
    shortcut = ""  # e.g. "Ctrl+1"

    open_ro = Signal(int)  # RO id
    open_ro_at = Signal(int, int)  # RO id, the step to show
    open_customer = Signal(int)  # customer id
    open_complaint = Signal(int)  # complaint id (shown in the Complaints workspace)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self._refresh_if_visible)
        self._stale = True
        ctx.ops.changed.connect(self._on_changed)

    def title(self) -> str:
        raise NotImplementedError

    def icon(self) -> QIcon:
        pixmap = getattr(QStyle.StandardPixmap, self.icon_name, QStyle.StandardPixmap.SP_FileIcon)
        return self.style().standardIcon(pixmap)

    def refresh(self) -> None:
        """Re-read what is shown from the services."""

    def retranslate(self) -> None:
        """Re-set every visible string after a language switch.

        Called on Qt's ``LanguageChange`` (``ui.i18n.set_language`` causes it), after
        ``ctx.lang`` and the domain language are switched.
        """

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def concerns(self, changes: OpChanges) -> bool:
        """True when ``changes`` may alter what this workspace shows."""
        return changes.touches(self.shows)

    def _on_changed(self, changes: OpChanges) -> None:
        if not self.concerns(changes):
            return
        self._stale = True
        self._refresh_timer.start()

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()

    def showEvent(self, event: object) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]
