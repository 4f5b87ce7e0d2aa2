"""My jobs: the technician's home (issue 16). Their own jobs, the one in hand first, then
waiting and paused work by planned start, finished jobs greyed and folded away at the end.

For the job picked: the car, the job's line, the plan and the clock, the customer's own
words and the advisor's restatement; large buttons for a touch screen to clock on, pause
(with a reason), resume and finish, raise a change request and record findings. Each
button is enabled only when the job's state allows it (the services keep refusing the
rest), and nothing the technician may not do is on the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import JobStatus
from advisor.services import my_jobs, workshop
from advisor.services.my_jobs import MyJob, MyJobs
from advisor.services.opchanges import Kind
from ui import fmt
from ui import workshop_labels as labels
from ui.change_request_dialog import ChangeRequestDialog
from ui.context import AppContext
from ui.dispatch_prompts import run_or_ask
from ui.long_text import WordsBox
from ui.my_jobs_dialogs import FindingsDialog, PauseDialog, SelfCheckDialog, touch
from ui.ro.quote_panel import quoted
from ui.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TICK_MS = 60_000  # the worked minutes move on; live changes refresh at once anyway


def _state(job: MyJob) -> str:
    if job.status == JobStatus.DONE:
        return "done"
    return job.status if job.status in labels.STATE_COLOURS else "waiting"


def _swatch(state: str) -> QIcon:
    bg, _fg, _symbol = labels.STATE_COLOURS[state]
    pixmap = QPixmap(10, 40)
    pixmap.fill(QColor(bg))
    return QIcon(pixmap)


class MyJobsWorkspace(Workspace):
    key = "my_jobs"
    permission = "jobs.mine"
    icon_name = "SP_DialogApplyButton"
    shows = Kind.BOARD | Kind.RO | Kind.ESTIMATE  # jobs and clocks, concerns, change requests

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: MyJobs | None = None
        self.selected_id: int | None = None
        self._build()
        self._lay_out()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._refresh_if_visible)
        self._tick.start()
        self.retranslate()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("my_jobs_heading")
        big = self.heading.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.heading.setFont(big)
        self.stamp = QLabel()
        self.stamp.setObjectName("my_jobs_stamp")
        self.unlinked = QLabel()
        self.unlinked.setObjectName("my_jobs_unlinked")
        self.unlinked.setWordWrap(True)
        self.unlinked.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlinked.setFont(big)
        self.list = QListWidget()
        self.list.setObjectName("my_jobs_list")
        self.list.setIconSize(QSize(10, 40))
        self.list.setSpacing(2)
        font = self.list.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.list.setFont(font)
        self.list.currentItemChanged.connect(self._picked)
        self.finished_btn = touch(QPushButton(), 200)
        self.finished_btn.setObjectName("my_jobs_finished")
        self.finished_btn.setCheckable(True)
        self.finished_btn.toggled.connect(self._show_finished)
        self.empty = QLabel()
        self.empty.setObjectName("my_jobs_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555;")
        self._build_detail()

    def _build_detail(self) -> None:
        self.title_label = QLabel()
        self.title_label.setObjectName("my_jobs_title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("my_jobs_subtitle")
        self.subtitle.setWordWrap(True)
        self.state_chip = QLabel()
        self.state_chip.setObjectName("my_jobs_state")
        chip = self.state_chip.font()
        chip.setPointSizeF(chip.pointSizeF() * 1.2)
        chip.setBold(True)
        self.state_chip.setFont(chip)
        self.line_label = QLabel()
        self.line_label.setObjectName("my_jobs_line")
        self.line_label.setWordWrap(True)
        line_font = self.line_label.font()
        line_font.setPointSizeF(line_font.pointSizeF() * 1.15)
        self.line_label.setFont(line_font)
        self.concerns_heading = QLabel()
        self.concerns_heading.setStyleSheet("font-weight: bold;")
        self.concerns_body = QWidget()
        self.concerns_layout = QVBoxLayout(self.concerns_body)
        self.concerns_layout.setContentsMargins(0, 0, 0, 0)
        self.concerns_scroll = QScrollArea()
        self.concerns_scroll.setObjectName("my_jobs_concerns")
        self.concerns_scroll.setWidgetResizable(True)
        self.concerns_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.concerns_scroll.setWidget(self.concerns_body)
        self.buttons: dict[str, QPushButton] = {}
        acts: dict[str, Callable[[MyJob], Any]] = {
            "clock_on": self.clock_on,
            "pause": self.pause,
            "resume": self.resume,
            "finish": self.finish,
            "change": self.raise_change,
            "findings": self.record_findings,
            "self_check": self.self_check,
        }
        for name, act in acts.items():
            b = touch(QPushButton(), 170)
            b.setObjectName(f"my_jobs_{name}")
            b.clicked.connect(lambda _c=False, fn=act: self._on_selected(fn))
            self.buttons[name] = b
        # Each shown only to who may press it (a technician may all of them).
        needs = {
            "clock_on": "work.clock",
            "pause": "work.clock",
            "resume": "work.clock",
            "finish": "work.clock",
            "self_check": "work.clock",
        }
        needs |= {"change": "change.raise", "findings": "concern.finding"}
        for name, button in self.buttons.items():
            button.setVisible(self.ctx.may(needs[name]))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.stamp)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.finished_btn)
        self.detail = QWidget()
        self.detail.setObjectName("my_jobs_detail")
        right = QVBoxLayout(self.detail)
        right.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)
        right.addLayout(head)
        right.addWidget(self.subtitle)
        right.addWidget(self.line_label)
        right.addWidget(self.concerns_heading)
        right.addWidget(self.concerns_scroll, 1)
        clock = QHBoxLayout()
        for name in ("clock_on", "pause", "resume", "finish"):
            clock.addWidget(self.buttons[name], 1)
        more = QHBoxLayout()
        more.addWidget(self.buttons["change"], 1)
        more.addWidget(self.buttons["findings"], 1)
        more.addWidget(self.buttons["self_check"], 1)
        right.addLayout(clock)
        right.addLayout(more)
        self.left = QWidget()
        self.left.setLayout(left)
        self.left.setMinimumWidth(340)
        self.left.setMaximumWidth(440)
        self.left.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        body = QHBoxLayout()
        body.addWidget(self.left, 2)
        body.addWidget(self.detail, 3)
        body.addWidget(self.empty, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.unlinked, 1)
        layout.addLayout(body, 1)

    # -- words -------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("My jobs")

    def retranslate(self) -> None:
        texts = {
            "clock_on": self.tr("&Clock on"),
            "pause": self.tr("&Pause…"),
            "resume": self.tr("&Resume"),
            "finish": self.tr("&Finish"),
            "change": self.tr("Raise a change re&quest…"),
            "findings": self.tr("Record fin&dings…"),
            "self_check": self.tr("&Self-check…"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
        self.unlinked.setText(
            self.tr("Your account is not linked to a technician — ask the foreman or the administrator.")
        )
        self.empty.setText(self.tr("No jobs waiting for you. The foreman assigns work on the board."))
        self.concerns_heading.setText(self.tr("What the customer said, and the advisor's restatement"))
        if self.data is not None:
            self._show(self.data)

    # -- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._show(my_jobs.read_my_jobs(actor=self.ctx.actor))
        self.stamp.setText(self.tr("Updated %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S")))

    def _show(self, data: MyJobs) -> None:
        self.data = data
        self.unlinked.setVisible(not data.linked)
        self.left.setVisible(data.linked)
        name = data.technician or self.ctx.actor.display_name
        self.heading.setText(
            self.tr("My jobs — %1 · %2").replace("%1", name).replace("%2", fmt.date(data.day))
        )
        keep = self.selected_id
        self.list.blockSignals(True)
        self.list.clear()
        for job in data.jobs:
            item = QListWidgetItem(_swatch(_state(job)), self._item_text(job))
            item.setData(ID_ROLE, job.id)
            item.setSizeHint(QSize(0, 64))
            if job.status == JobStatus.DONE and not job.self_check_due:
                item.setForeground(QBrush(QColor("#888888")))
            self.list.addItem(item)
        self.list.blockSignals(False)
        done = sum(1 for j in data.jobs if j.status == JobStatus.DONE)
        self.finished_btn.setVisible(done > 0)
        self.finished_btn.setText(
            (
                self.tr("Hide finished (%1)")
                if self.finished_btn.isChecked()
                else self.tr("Show finished (%1)")
            ).replace("%1", str(done))
        )
        self._fold_finished()
        self._select(keep)

    def _item_text(self, job: MyJob) -> str:
        _bg, _fg, symbol = labels.STATE_COLOURS[_state(job)]
        first = f"{symbol} {job.plate} · {job.description}"
        if job.done_at is not None:  # when it was finished, not when it was planned
            second = f"{self._status_text(job, at=job.done_at)}"
            if job.self_check_due:
                second += " · " + self.tr("self-check to sign")
        else:
            when = f"{fmt.time(job.planned_start)}–{fmt.time(job.planned_end)}"
            if job.planned_start.date() != (self.data.day if self.data else dt.date.today()):
                when = fmt.datetime(job.planned_start)  # an earlier day's work, still to do
            second = f"{when} · {self._status_text(job)}"
        return f"{first}\n{second}"

    def _status_text(self, job: MyJob, *, at: dt.datetime | None = None) -> str:
        text = labels.job_status(job.status)
        if at is not None:
            text += " " + fmt.time(at)
        if job.status == JobStatus.PAUSED and job.pause_reason:
            text += " — " + labels.pause_reason(job.pause_reason)
        if job.worked_min or job.status != JobStatus.WAITING:
            text += " · " + self.tr("worked %1").replace("%1", labels.minutes(job.worked_min))
        return text

    def _fold_finished(self) -> None:
        show = self.finished_btn.isChecked()
        for row in range(self.list.count()):
            item = self.list.item(row)
            job = self.job_by_id(item.data(ID_ROLE))
            # A finished job whose self-check waits stays in sight until it is signed.
            folded = job is not None and job.status == JobStatus.DONE and not job.self_check_due
            item.setHidden(folded and not show)

    def _show_finished(self, _on: bool) -> None:
        if self.data is not None:
            self._show(self.data)

    def _select(self, job_id: int | None) -> None:
        """Keep the job picked across refreshes; else the first one shown (the job in hand)."""
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        wanted = [r for r in rows if self.list.item(r).data(ID_ROLE) == job_id]
        row = wanted[0] if wanted else (rows[0] if rows else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
            self._picked(self.list.item(row))
        else:
            self.selected_id = None
            self._fill_detail(None)

    def job_by_id(self, job_id: int | None) -> MyJob | None:
        if self.data is None:
            return None
        return next((j for j in self.data.jobs if j.id == job_id), None)

    def selected_job(self) -> MyJob | None:
        return self.job_by_id(self.selected_id)

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        self.selected_id = item.data(ID_ROLE)
        self._fill_detail(self.selected_job())

    # -- the job picked ----------------------------------------------------------------
    def _fill_detail(self, job: MyJob | None) -> None:
        linked = self.data is not None and self.data.linked
        self.detail.setVisible(linked and job is not None)
        self.empty.setVisible(linked and job is None)
        if job is None:
            return
        self.title_label.setText(f"{job.plate} · {job.car}" if job.car else job.plate)
        parts = [self.tr("RO %1").replace("%1", job.ro_number)]
        if job.bay:
            parts.append(self.tr("Bay %1").replace("%1", job.bay))
        if job.promised_at is not None:
            parts.append(self.tr("Promised %1").replace("%1", fmt.datetime(job.promised_at)))
        if job.rework:
            parts.append(self.tr("Rework"))
        if job.change_pending:
            parts.append(self.tr("A change request waits for the customer's answer"))
        self.subtitle.setText(" · ".join(parts))
        state = _state(job)
        bg, fg, symbol = labels.STATE_COLOURS[state]
        self.state_chip.setStyleSheet(f"background: {bg}; color: {fg}; padding: 6px 12px;")
        self.state_chip.setText(f"{symbol} {self._status_text(job, at=job.done_at)}")
        code = f"{job.line_code} " if job.line_code else ""
        self.line_label.setText(
            self.tr("Job: %1 · standard %2 h · planned %3–%4")
            .replace("%1", f"{code}{job.description}")
            .replace("%2", f"{job.hours.normalize():f}")
            .replace("%3", fmt.datetime(job.planned_start))
            .replace("%4", fmt.time(job.planned_end))
        )
        self._fill_concerns(job)
        self._enable(job)

    def _fill_concerns(self, job: MyJob) -> None:
        while self.concerns_layout.count():
            taken = self.concerns_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for c in job.concerns:
            frame = QFrame()
            frame.setObjectName(f"my_jobs_concern_{c.id}")
            lay = QVBoxLayout(frame)
            lay.setContentsMargins(0, 4, 0, 4)
            lay.addWidget(WordsBox(quoted(c.customer_words), f"my_jobs_words_{c.id}", frame, scale=1.15))
            lines = [self.tr("Advisor: %1").replace("%1", c.restatement or "—")]
            if c.finding:
                lines.append(self.tr("Finding: %1").replace("%1", c.finding))
            if c.correction:
                lines.append(self.tr("Correction: %1").replace("%1", c.correction))
            detail = QLabel("\n".join(lines))
            detail.setObjectName(f"my_jobs_restatement_{c.id}")
            detail.setTextFormat(Qt.TextFormat.PlainText)
            detail.setWordWrap(True)
            lay.addWidget(detail)
            self.concerns_layout.addWidget(frame)
        if not job.concerns:
            none = QLabel(self.tr("No concern recorded."))
            none.setStyleSheet("color: #777;")
            self.concerns_layout.addWidget(none)
        self.concerns_layout.addStretch(1)

    def _enable(self, job: MyJob) -> None:
        """Each button as the job's state allows (the services refuse the rest anyway)."""
        status = job.status
        allowed = {
            "clock_on": status == JobStatus.WAITING,
            "pause": status == JobStatus.IN_PROGRESS,
            "resume": status == JobStatus.PAUSED,
            "finish": status == JobStatus.IN_PROGRESS,
            "change": status != JobStatus.DONE and not job.change_pending,
            "findings": bool(job.concerns),
            "self_check": job.self_check_due,
        }
        for name, button in self.buttons.items():
            button.setEnabled(allowed[name])
            button.setToolTip("")
        if job.self_check_due:
            self.buttons["self_check"].setToolTip(
                self.tr("Sign your self-check: the final check waits for it.")
            )
        if job.change_pending and status != JobStatus.DONE:
            self.buttons["change"].setToolTip(
                self.tr("A change request of this repair order still waits for the customer's answer.")
            )

    # -- acting ------------------------------------------------------------------------
    def _on_selected(self, fn: Callable[[MyJob], Any]) -> Any:
        job = self.selected_job()
        return fn(job) if job is not None else None

    def _run(self, fn: Callable[..., Any], **kw: Any) -> Any:
        return self.ctx.ops.run(fn, parent=self, **kw)

    def clock_on(self, job: MyJob) -> Any:
        """Past the promise, asks for the delay to put to the customer (``run_or_ask``)."""
        return run_or_ask(self.ctx, self, workshop.clock_on, assignment_id=job.id)

    def pause(self, job: MyJob) -> PauseDialog:
        dialog = PauseDialog(job, self)
        dialog.accepted.connect(lambda: self._run(workshop.pause, assignment_id=job.id, reason=dialog.reason))
        dialog.open()
        return dialog

    def resume(self, job: MyJob) -> Any:
        return run_or_ask(self.ctx, self, workshop.resume, assignment_id=job.id)

    def finish(self, job: MyJob) -> Any:
        """Finish the job; when that was the technician's last job on the RO, the
        self-check opens (QC waits for it)."""
        outcome = self._run(workshop.finish, assignment_id=job.id)
        if outcome.ok:
            self.refresh()
            done = self.job_by_id(job.id)
            if done is not None and done.self_check_due:
                return self.self_check(done)
        return outcome

    def self_check(self, job: MyJob) -> SelfCheckDialog:
        dialog = SelfCheckDialog(self.ctx, job.ro_id, f"{job.plate} · {job.ro_number}", self)
        dialog.open()
        return dialog

    def raise_change(self, job: MyJob) -> ChangeRequestDialog:
        dialog = ChangeRequestDialog(
            self.ctx,
            ro_id=job.ro_id,
            promised_at=job.promised_at,
            heading=f"{job.plate} · {job.ro_number} · {job.description}",
            parent=self,
        )
        dialog.open()
        return dialog

    def record_findings(self, job: MyJob) -> FindingsDialog:
        dialog = FindingsDialog(self.ctx, job, self)
        dialog.open()
        return dialog


WORKSPACE = MyJobsWorkspace
