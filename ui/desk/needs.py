"""What waits on the advisor ("Needs me"): Today's lane, the count on Today's rail item
(and on the Complaints item, the complaints among it), and a tray notification of a new
item while the window is not in front.

``NeedsWatcher`` (one per session, a child of the session's ``Operations``) reads
``inbox.read_needs_me`` (customer service, who has no Today: ``read_complaint_needs``)
when a change here or at another desk may alter it, and once a minute (a customer's half
hour in the lounge, a promise, a follow-up, a complaint's escalation come due by the
clock alone). Today's lane and the main window show what it read.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from advisor.codes import NeedKind, words
from advisor.errors import SessionExpired, UserError
from advisor.i18n import pick
from advisor.services import inbox
from advisor.services.inbox import NeedItem
from advisor.services.opchanges import Kind, OpChanges
from ui import fmt
from ui.context import AppContext
from ui.desk.lanes import ID_ROLE, RED, _bold, _Lane, step_text

log = logging.getLogger(__name__)

STEP_ROLE = Qt.ItemDataRole.UserRole + 2  # the step an item opens its RO at
WATCHER_NAME = "needsWatcher"
CLOCK_MS = 60_000  # items that come due by the clock alone
COALESCE_MS = 150
# The kinds where the customer is kept waiting or the promise slips: in red.
URGENT = frozenset(
    {NeedKind.QC_FAILED, NeedKind.PROMISE_AT_RISK, NeedKind.LOUNGE, NeedKind.ESCALATION_OVERDUE}
)
# What a change must touch to alter an item (the RO, its lines and changes, parts, jobs,
# payments, follow-ups, the plate shown, and complaints).
SHOWS = (
    Kind.RO
    | Kind.ESTIMATE
    | Kind.PARTS
    | Kind.BOARD
    | Kind.PAYMENTS
    | Kind.FOLLOWUP
    | Kind.CUSTOMERS
    | Kind.COMPLAINTS
)


def readable(ctx: AppContext) -> bool:
    """The session's user has something a ``NeedsWatcher`` reads."""
    return ctx.may("needs.view") or ctx.may("complaint.record")


class NeedsWatcher(QObject):
    """Reads what waits on the session's user and tells who shows it."""

    updated = Signal(object)  # list[NeedItem], after every read
    arrived = Signal(object)  # list[NeedItem]: items new since the last read (not at the first)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(WATCHER_NAME)
        self.ctx = ctx
        self.items: list[NeedItem] = []
        self._keys: set[tuple[str, int, int]] | None = None
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(COALESCE_MS)
        self._soon.timeout.connect(self.refresh)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        ctx.ops.changed.connect(self._on_changed)

    @classmethod
    def of(cls, ctx: AppContext) -> NeedsWatcher:
        """The session's watcher (made and read on first use)."""
        found = ctx.ops.findChild(QObject, WATCHER_NAME)
        if isinstance(found, NeedsWatcher):
            return found
        watcher = cls(ctx, ctx.ops)
        watcher.refresh()
        return watcher

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def complaint_count(self) -> int:
        """The items about a complaint (the count on the Complaints rail item)."""
        return sum(1 for i in self.items if i.complaint)

    def stop(self) -> None:
        """No more reads (the session's window has gone)."""
        self._clock.stop()
        self._soon.stop()

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(SHOWS):
            self._soon.start()

    def refresh(self) -> None:
        """Read again; announce the items and those that are new."""
        try:
            if self.ctx.may("needs.view"):
                items = inbox.read_needs_me(actor=self.ctx.actor)
            else:  # customer service: the complaints alone
                items = inbox.read_complaint_needs(actor=self.ctx.actor)
        except SessionExpired as err:
            self._clock.stop()
            self.ctx.ops.session_expired.emit(err)
            return
        except UserError:
            log.exception("cannot read what needs the advisor")
            return
        keys = {i.key for i in items}
        new = [] if self._keys is None else [i for i in items if i.key not in self._keys]
        self.items, self._keys = items, keys
        self.updated.emit(items)
        if new:
            self.arrived.emit(new)


class NeedsModel(_Lane):
    """The items: what, RO, plate, since (and how long), the detail; the advisor's name
    for a manager, who sees everyone's."""

    time_columns = (3,)

    def __init__(self, *, show_advisor: bool = False) -> None:
        super().__init__()
        self.show_advisor = show_advisor
        self.columns = 6 if show_advisor else 5

    def headers(self) -> list[str]:
        names = [
            QCoreApplication.translate("NeedsLane", "What"),
            QCoreApplication.translate("NeedsLane", "RO"),
            QCoreApplication.translate("NeedsLane", "Plate"),
            QCoreApplication.translate("NeedsLane", "Since"),
            QCoreApplication.translate("NeedsLane", "Detail"),
        ]
        if self.show_advisor:
            names.insert(4, QCoreApplication.translate("NeedsLane", "Advisor"))
        return names

    def since_text(self, item: NeedItem) -> str:
        when = fmt.time(item.since) if item.since.date() == self.now.date() else fmt.datetime(item.since)
        waited = (self.now - item.since).total_seconds()
        if waited < 60:
            return when
        return (
            QCoreApplication.translate("NeedsLane", "%1 (%2 ago)")
            .replace("%1", when)
            .replace("%2", fmt.duration(waited))
        )

    def texts(self, item: NeedItem) -> tuple[str, ...]:
        out = [
            words(NeedKind, item.kind),
            item.number,
            item.plate,
            self.since_text(item),
            pick(item.detail_en, item.detail_zh),
        ]
        if self.show_advisor:
            out.insert(4, item.advisor)
        return tuple(out)

    def other(self, item: NeedItem, col: int, role: int) -> Any:
        if role == ID_ROLE:
            return item.ro_id
        if role == Qt.ItemDataRole.FontRole and col in (0, 2):
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and item.kind in URGENT:
            return QBrush(RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            detail = pick(item.detail_en, item.detail_zh)
            if item.complaint:
                opens = QCoreApplication.translate("NeedsLane", "Opens the complaint in Complaints")
                return f"{detail}\n{opens}"
            opens = QCoreApplication.translate("NeedsLane", "Opens the repair order at step %1 %2")
            return f"{detail}\n{opens.replace('%1', str(item.step)).replace('%2', step_text(item.step))}"
        return None

    def step_of(self, row: int) -> int:
        return self.items[row].step if 0 <= row < len(self.items) else 0

    def complaint_of(self, row: int) -> int:
        """The complaint the row is about (0: an RO's item)."""
        return self.items[row].complaint if 0 <= row < len(self.items) else 0


def message_for(new: list[NeedItem]) -> tuple[str, str]:
    """The tray message's title and text for items that are new."""
    title = QCoreApplication.translate("NeedsTray", "Needs you: %1 new").replace("%1", str(len(new)))
    lines = [f"{i.number} {i.plate} — {words(NeedKind, i.kind)}".strip() for i in new[:3]]
    if len(new) > 3:
        lines.append(QCoreApplication.translate("NeedsTray", "and %1 more").replace("%1", str(len(new) - 3)))
    return title, "\n".join(lines)


class NeedsTray(QObject):
    """A tray notification of a new item while ``window`` is not the active window (a
    flash of the task bar entry where there is no tray); a click on the message brings the
    window to the front at the item's RO and step."""

    def __init__(self, window: QWidget, watcher: NeedsWatcher, open_at: Any) -> None:
        super().__init__(window)
        self.window = window
        self.open_at = open_at
        self.last: NeedItem | None = None
        self.shown: list[tuple[str, str]] = []  # what was told (title, text), newest last
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.windowIcon()
            if icon.isNull():
                icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.messageClicked.connect(self._clicked)
            self.icon.activated.connect(lambda _reason: self._front())
            self.icon.show()
        watcher.arrived.connect(self.tell)

    def tell(self, new: list[NeedItem]) -> None:
        # Not while the window is in front (the lane says it), nor while it is hidden: a
        # session put aside for a colleague's must not speak over theirs.
        if not new or self.window.isActiveWindow() or not self.window.isVisible():
            return
        title, text = message_for(new)
        self.last = new[-1]
        self.shown.append((title, text))
        if self.icon is not None:
            self.icon.setToolTip(title)
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            QApplication.alert(self.window)

    def _front(self) -> None:
        if not self.window.isVisible():
            return  # locked (Ctrl+L) or put aside for a colleague's session: only a PIN brings it back
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _clicked(self) -> None:
        self._front()
        if self.last is not None and self.last.complaint:
            open_complaint = getattr(self.window, "open_complaint", None)
            if open_complaint is not None:
                open_complaint(self.last.complaint)
        elif self.last is not None:
            self.open_at(self.last.ro_id, self.last.step)
