"""The foreman's job board: every job in the workshop, live, readable from three metres."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from advisor.codes import JobStatus
from advisor.services import workshop
from advisor.services.opchanges import Kind
from advisor.services.views import AssignmentView
from ui import workshop_labels as labels
from ui.board_model import NO_BAY, BoardModel, bay_key, key_id, tech_key
from ui.board_view import BoardView
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.dispatch_prompts import run_or_ask
from ui.workspace import Workspace

SAFETY_POLL_MS = 30_000  # the "changed" signal refreshes at once; this catches the rest
BIG_SCALE = 1.6


class BoardWorkspace(Workspace):
    key = "board"
    permission = "work.clock"
    icon_name = "SP_FileDialogDetailedView"
    shows = Kind.BOARD | Kind.RO | Kind.ESTIMATE  # jobs, clocks, and the ROs' promises and change requests

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.mode = "technician"
        self._seen: dict[int, tuple[int, int | None]] | None = None  # job → (technician, bay)
        self.model = BoardModel(self)
        self.board = BoardView(self.model, self)
        self.board.movable = ctx.may("work.assign")
        self.board.moved.connect(self.move_job)
        self.board.menu_requested.connect(self._show_menu)
        self.board.opened.connect(self._open)

        self.by_tech = QToolButton()
        self.by_bay = QToolButton()
        self.big = QToolButton()
        group = QButtonGroup(self)
        for b in (self.by_tech, self.by_bay, self.big):
            b.setCheckable(True)
        for b in (self.by_tech, self.by_bay):
            group.addButton(b)
        self.by_tech.setChecked(True)
        self.by_tech.toggled.connect(lambda on: self._mode_toggled(on, "technician"))
        self.by_bay.toggled.connect(lambda on: self._mode_toggled(on, "bay"))
        self.big.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.big.toggled.connect(self.set_big_screen)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.stamp = QLabel()

        bar = QHBoxLayout()
        for w in (self.by_tech, self.by_bay, self.big):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.legend)
        bar.addStretch(1)
        bar.addWidget(self.stamp)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.board, 1)

        self.work: dict[str, Callable[[AssignmentView], Any]] = {
            "clock_on": self.clock_on,
            "pause_parts": lambda j: self.pause(j, "parts"),
            "pause_approval": lambda j: self.pause(j, "approval"),
            "resume": self.resume,
            "done": self.finish,
            "change": self.raise_change,
            "open": lambda j: self.open_ro.emit(j.ro_id),
        }
        keys = {
            "clock_on": Qt.Key.Key_F2,
            "pause_parts": Qt.Key.Key_F3,
            "pause_approval": Qt.Key.Key_F4,
            "resume": Qt.Key.Key_F6,
            "done": Qt.Key.Key_F8,
            "change": Qt.Key.Key_F9,
            "open": Qt.Key.Key_Return,
        }
        self.actions_: dict[str, QAction] = {}
        for name, key in keys.items():  # the shortcuts act on the selected card
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _on=False, n=name: self._on_selected(self.work[n]))
            self.addAction(action)
            self.actions_[name] = action

        self._poll = QTimer(self)
        self._poll.setInterval(SAFETY_POLL_MS)
        self._poll.timeout.connect(self._refresh_if_visible)
        self._poll.start()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Workshop board")

    def retranslate(self) -> None:
        self.by_tech.setText(self.tr("By technician"))
        self.by_bay.setText(self.tr("By bay"))
        self.big.setText(self.tr("Big screen"))
        self.big.setToolTip(self.tr("Full screen with large cards (F11)"))
        names = {
            "clock_on": self.tr("Clock on"),
            "pause_parts": self.tr("Pause: waiting for parts"),
            "pause_approval": self.tr("Pause: waiting for approval"),
            "resume": self.tr("Resume"),
            "done": self.tr("Done"),
            "change": self.tr("Raise change request…"),
            "open": self.tr("Open the repair order"),
        }
        for name, action in self.actions_.items():
            action.setText(names[name])
        chips = []
        for state in (JobStatus.WAITING, JobStatus.IN_PROGRESS, JobStatus.PAUSED, "late", JobStatus.DONE):
            bg, fg, symbol = labels.STATE_COLOURS[state]
            word = labels.translate("workshop", "LATE") if state == "late" else labels.job_status(state)
            chips.append(f"<span style='background:{bg}; color:{fg}'>&nbsp;{symbol} {word}&nbsp;</span>")
        self.legend.setText(" ".join(chips))
        self.model.retranslate()
        # Column subtitles and the finished toggles are built in the current language.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # re-read (in the new words) when shown

    # -- reading -------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the board; the foreman keeps their place (each column's scroll, the
        selected card), and a job new on the board, or moved to another technician or bay,
        comes into sight outlined for a moment."""
        jobs = workshop.read_board(actor=self.ctx.actor)
        place = self.board.save_place()
        self.model.set_jobs(jobs)
        self.board.set_groups(self._groups())
        self.board.restore_place(place)
        arrived = self._arrivals(jobs)
        if arrived:
            self.board.reveal(arrived)
        self.stamp.setText(self.tr("Updated %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S")))

    def _arrivals(self, jobs: list[AssignmentView]) -> dict[int, str]:
        """The jobs never on the board before ("new"), or since given to another
        technician or bay ("moved"); none at the first reading (every job is new then)."""
        first = self._seen is None
        seen = self._seen or {}
        arrived = {}
        for j in jobs:
            if j.id not in seen:
                arrived[j.id] = "new"
            elif seen[j.id] != (j.technician_id, j.bay_id):
                arrived[j.id] = "moved"
        seen.update({j.id: (j.technician_id, j.bay_id) for j in jobs})
        self._seen = seen
        return {} if first else arrived

    def _groups(self) -> list[tuple[str, str, str]]:
        if self.mode == "technician":
            return [
                (
                    tech_key(t.id),
                    t.name,
                    self.tr("%1 · %4\nload %2 · free %3")
                    .replace("%1", labels.level(t.level))
                    .replace("%2", labels.minutes(t.load_min))
                    .replace("%3", labels.minutes(t.free_min))
                    .replace("%4", labels.skills(t.skills)),
                )
                for t in workshop.read_technicians(actor=self.ctx.actor)
            ]
        groups = [
            (
                bay_key(b.id),
                b.code,
                self.tr("%1\nbooked %2").replace("%1", b.name).replace("%2", labels.minutes(b.occupied_min)),
            )
            for b in workshop.read_bays(actor=self.ctx.actor)
        ]
        if any(j.bay_id is None for j in self.model.jobs()):
            groups.append((NO_BAY, self.tr("No bay"), self.tr("Jobs not given a bay\n ")))
        return groups

    def _mode_toggled(self, on: bool, mode: str) -> None:
        if on:
            self.set_mode(mode)

    def set_mode(self, mode: str) -> None:
        """Columns per ``technician`` or per ``bay``."""
        if mode == self.mode:
            return
        self.mode = mode
        self.by_tech.setChecked(mode == "technician")
        self.by_bay.setChecked(mode == "bay")
        place = self.board.save_place()
        self.board.set_groups(self._groups())
        self.board.restore_place(place)  # the selected card stays selected in its new column

    def set_big_screen(self, on: bool) -> None:
        self.board.set_scale(BIG_SCALE if on else 1.0)
        window = self.window()
        if window is not self and window.isVisible():
            if on:
                window.showFullScreen()
            else:
                window.showNormal()
        if self.big.isChecked() != on:
            self.big.setChecked(on)

    # -- acting ----------------------------------------------------------------------
    def _on_selected(self, fn: Callable[[AssignmentView], Any]) -> None:
        job = self.board.selected_job()
        if job is not None:
            fn(job)

    def card_menu(self, job: AssignmentView) -> QMenu:
        """The menu of one card, headed by its plate and RO: its actions act on that card
        (bound to its assignment id, not to whichever card is selected when one is chosen)."""
        self.board.select_job(job.id, focus=False, scroll=False)
        menu = QMenu(self)
        menu.setObjectName("cardMenu")
        heading = QLabel(f"{job.plate} · {job.ro_number}")
        heading.setObjectName("cardMenuHeading")
        heading.setStyleSheet("font-weight: bold; padding: 4px 8px;")
        head = QWidgetAction(menu)
        head.setDefaultWidget(heading)
        menu.addAction(head)
        menu.addSeparator()
        enabled = {
            "clock_on": job.status == JobStatus.WAITING,
            "pause_parts": job.status == JobStatus.IN_PROGRESS,
            "pause_approval": job.status == JobStatus.IN_PROGRESS,
            "resume": job.status == JobStatus.PAUSED,
            "done": job.status == JobStatus.IN_PROGRESS,
            "change": job.status != JobStatus.DONE,
            "open": True,
        }
        for name, shared in self.actions_.items():
            keys = shared.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action = menu.addAction(f"{shared.text()}\t{keys}")  # the key shown, as on a menu bar
            action.setObjectName(name)  # what it does, whatever the language (tests find it so)
            action.setEnabled(enabled[name])
            action.triggered.connect(lambda _on=False, n=name, i=job.id: self._act_on(n, i))
            if name in ("done", "change"):
                menu.addSeparator()
        return menu

    def _act_on(self, name: str, assignment_id: int) -> None:
        """A card menu's action: the shortcut's work, on that card as it is now."""
        job = self.model.job_by_id(assignment_id)
        if job is not None:  # else gone from the board while the menu was open
            self.work[name](job)

    def _show_menu(self, assignment_id: int, pos: QPoint) -> None:
        job = self.model.job_by_id(assignment_id)
        if job is not None:
            menu = self.card_menu(job)
            # One menu per right-click: deleted when it closes (they piled up on the board all
            # day). Its actions are the board's own and outlive it.
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(pos)

    def _open(self, assignment_id: int) -> None:
        job = self.model.job_by_id(assignment_id)
        if job is not None:
            self.open_ro.emit(job.ro_id)

    def _run(self, fn: Callable[..., Any], **kw: Any) -> Any:
        return self.ctx.ops.run(fn, parent=self, **kw)

    def clock_on(self, job: AssignmentView) -> Any:
        """Past the promise, asks for the delay to put to the customer (``run_or_ask``)."""
        return run_or_ask(self.ctx, self, workshop.clock_on, assignment_id=job.id)

    def pause(self, job: AssignmentView, reason: str) -> Any:
        return self._run(workshop.pause, assignment_id=job.id, reason=reason)

    def resume(self, job: AssignmentView) -> Any:
        return run_or_ask(self.ctx, self, workshop.resume, assignment_id=job.id)

    def finish(self, job: AssignmentView) -> Any:
        return self._run(workshop.finish, assignment_id=job.id)

    def raise_change(self, job: AssignmentView) -> ChangeRequestDialog:
        dialog = ChangeRequestDialog(
            self.ctx,
            ro_id=job.ro_id,
            promised_at=job.promised_at,  # the new promise is offered from the current one
            heading=f"{job.plate} · {job.ro_number}",
            parent=self,
        )
        dialog.open()
        return dialog

    def move_job(self, assignment_id: int, key: str) -> Any:
        """A card dropped on a column: reassign to that technician or bay."""
        row = self.model.row_of(assignment_id)
        if row < 0:
            return None
        job = self.model.job(row)
        target = key_id(key)
        if target is None:
            return None
        if key.startswith("t"):
            if target == job.technician_id:
                return None
            return run_or_ask(
                self.ctx,
                self,
                workshop.reassign,
                assignment_id=job.id,
                version=job.version,
                technician_id=target,
            )
        if target == job.bay_id:
            return None
        # A broken dispatch rule asks the foreman's reason to do it anyway (``run_or_ask``).
        return run_or_ask(
            self.ctx, self, workshop.reassign, assignment_id=job.id, version=job.version, bay_id=target
        )


WORKSPACE = BoardWorkspace
