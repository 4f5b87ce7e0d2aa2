"""The dialogs of My jobs: why a job is paused, the findings of the job's concerns (with
the photos of what was found), and the technician's self-check before QC.

Large buttons and plain text boxes: the technician stands at the car, perhaps with a
touch screen and gloves.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import SELF_CHECK_MAY_SKIP, PauseReason, PhotoSubject, SelfCheckItem, words
from advisor.services import diagnosis, standards
from advisor.services.my_jobs import ConcernBrief, MyJob
from ui.context import AppContext
from ui.long_text import WordsBox
from ui.photo_strip import PhotoStrip, PhotoUsageLabel
from ui.ro.quote_panel import quoted

TOUCH_HEIGHT = 56  # px: a finger's target (and a gloved one's)


def touch(button: QPushButton, width: int = 150) -> QPushButton:
    """A button large enough to hit with a finger."""
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setMinimumWidth(width)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    button.setFont(font)
    return button


class PauseDialog(QDialog):
    """One large button per pause reason; the reason pressed is ``reason``."""

    def __init__(self, job: MyJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pause_dialog")
        self.setWindowTitle(self.tr("Pause the job"))
        self.reason = ""
        heading = QLabel(self.tr("Why is %1 paused?").replace("%1", f"{job.plate} · {job.description}"))
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        self.buttons: dict[str, QPushButton] = {}
        for reason in PauseReason:
            b = touch(QPushButton(words(PauseReason, reason)), 360)
            b.setObjectName(f"pause_{reason.value}")
            b.setAutoDefault(False)  # Enter never pauses for a reason nobody chose
            b.clicked.connect(lambda _c=False, r=reason.value: self._choose(r))
            layout.addWidget(b)
            self.buttons[reason.value] = b
        self.cancel = touch(QPushButton(self.tr("Cancel")), 360)
        self.cancel.setObjectName("pause_cancel")
        self.cancel.clicked.connect(self.reject)
        self.cancel.setDefault(True)
        layout.addSpacing(8)
        layout.addWidget(self.cancel)

    def _choose(self, reason: str) -> None:
        self.reason = reason
        self.accept()


class FindingsDialog(QDialog):
    """The finding (cause) and correction of each concern of the job's RO, beside the
    customer's words and the advisor's restatement, and the photos of each finding (the
    technician at the car photographs the worn disc; added at once, not with Save). Only
    changed concerns are saved; a finding another desk saved meanwhile is never overwritten
    unseen (``seen``)."""

    def __init__(self, ctx: AppContext, job: MyJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.setObjectName("findings_dialog")
        self.setWindowTitle(self.tr("Findings: %1").replace("%1", f"{job.plate} · {job.ro_number}"))
        self.setMinimumWidth(720)
        self.seen: dict[int, tuple[str, str]] = {c.id: (c.finding, c.correction) for c in job.concerns}
        self.findings: dict[int, QPlainTextEdit] = {}
        self.corrections: dict[int, QPlainTextEdit] = {}
        self.photos: dict[int, PhotoStrip] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        for concern in job.concerns:
            column.addWidget(self._concern(concern))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("findings_save")
        self.save_button.setText(self.tr("Save findings"))
        cancel = self.box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("findings_cancel")
        cancel.setText(self.tr("Cancel"))
        for b in (self.save_button, cancel):
            touch(b, 180)
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)
        self.photo_usage = PhotoUsageLabel(ctx, self)  # the RO's photos against its budget
        self.photo_usage.setWordWrap(True)
        self.photo_usage.set_ro(job.ro_id)
        bottom = QHBoxLayout()
        bottom.addWidget(self.photo_usage, 1)
        bottom.addWidget(self.box)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.resize(760, 620)

    def _concern(self, concern: ConcernBrief) -> QFrame:
        frame = QFrame()
        frame.setObjectName(f"findings_concern_{concern.id}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(frame)
        title = QLabel(self.tr("Concern %1").replace("%1", str(concern.seq)))
        title.setStyleSheet("font-weight: bold;")
        lay.addWidget(title)
        lay.addWidget(WordsBox(quoted(concern.customer_words), f"findings_words_{concern.id}", frame))
        restated = QLabel(self.tr("Advisor's restatement: %1").replace("%1", concern.restatement or "—"))
        restated.setWordWrap(True)
        lay.addWidget(restated)
        finding = self._editor(f"finding_{concern.id}", concern.finding)
        correction = self._editor(f"correction_{concern.id}", concern.correction)
        finding_label = QLabel(self.tr("Finding (the cause found)"))
        correction_label = QLabel(self.tr("Correction (what was done or is needed)"))
        finding_label.setBuddy(finding)
        correction_label.setBuddy(correction)
        for w in (finding_label, finding, correction_label, correction):
            lay.addWidget(w)
        lay.addLayout(self._photos(concern, frame))
        self.findings[concern.id] = finding
        self.corrections[concern.id] = correction
        return frame

    def _photos(self, concern: ConcernBrief, frame: QFrame) -> QHBoxLayout:
        """The finding's photos (subject finding, the concern's id), as on the diagnosis
        page; added by a role that may add photos (the service refuses after the handover)."""
        row = QHBoxLayout()
        label = QLabel(self.tr("Photos of the finding:"), frame)
        strip = PhotoStrip(self.ctx, frame, compact=True)
        strip.setObjectName(f"finding_photos_{concern.id}")
        strip.set_subject(
            self.job.ro_id, PhotoSubject.FINDING, concern.id, editable=self.ctx.may("photo.add")
        )
        for button in (strip.add_button, strip.camera_button):  # a finger's target here too
            button.setMinimumSize(120, TOUCH_HEIGHT)
        row.addWidget(label, 0)
        row.addWidget(strip, 1)
        self.photos[concern.id] = strip
        return row

    def _editor(self, name: str, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(64)
        box.setMaximumHeight(140)
        return box

    def changed(self) -> list[int]:
        """The concerns whose finding or correction differs from what was shown."""
        return [
            cid
            for cid, (finding, correction) in self.seen.items()
            if (self.findings[cid].toPlainText(), self.corrections[cid].toPlainText())
            != (finding, correction)
        ]

    def save(self) -> bool:
        """Save each changed concern; on a refusal the dialog stays open with the input."""
        for cid in self.changed():
            finding, correction = self.findings[cid].toPlainText(), self.corrections[cid].toPlainText()
            outcome = self.ctx.ops.run(
                diagnosis.record_finding,
                parent=self,
                concern_id=cid,
                finding=finding,
                correction=correction,
                seen=self.seen[cid][0],
            )
            if not outcome.ok:
                return False
            self.seen[cid] = (finding, correction)  # saved: what this desk now has seen
        self.accept()
        return True


class SelfCheckDialog(QDialog):
    """The technician's self-check (自检) before the final QC: one large toggle per item
    ("Not applicable" beside the items that allow it); Sign only when every item is
    marked. The signature is the signed-in technician's (``standards.sign_self_check``)."""

    def __init__(
        self,
        ctx: AppContext,
        ro_id: int,
        what: str,
        parent: QWidget | None = None,
        *,
        technician: tuple[int, str] | None = None,
    ) -> None:
        """``what``: the car and RO in words; ``technician`` (id, name): the foreman
        records the paper self-check of a technician without a login."""
        super().__init__(parent)
        self.ctx = ctx
        self.ro_id = ro_id
        self.technician_id = technician[0] if technician else None
        self.setObjectName("self_check_dialog")
        self.setWindowTitle(self.tr("Self-check: %1").replace("%1", what))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        if technician is None:
            text = self.tr("Before the final check, confirm each item of your work on %1.").replace(
                "%1", what
            )
        else:
            text = (
                self.tr("The self-check %1 signed on paper for %2: tick it as signed.")
                .replace("%1", technician[1])
                .replace("%2", what)
            )
        heading = QLabel(text)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.ticks: dict[str, QPushButton] = {}
        self.na: dict[str, QPushButton] = {}
        for item in SelfCheckItem:
            may_skip = item in SELF_CHECK_MAY_SKIP
            row = QHBoxLayout()
            b = touch(QPushButton(words(SelfCheckItem, item)), 420)
            b.setObjectName(f"self_check_{item}")
            b.setCheckable(True)
            b.setAutoDefault(False)
            b.toggled.connect(lambda on, i=item: self._marked(i, "done", on))
            row.addWidget(b, 1)
            self.ticks[item] = b
            if may_skip:
                n = touch(QPushButton(self.tr("Not applicable")), 150)
                n.setObjectName(f"self_check_{item}_na")
                n.setCheckable(True)
                n.setAutoDefault(False)
                n.toggled.connect(lambda on, i=item: self._marked(i, "na", on))
                row.addWidget(n)
                self.na[item] = n
            else:
                row.addSpacing(150 + row.spacing())
            layout.addLayout(row)
        self.note = QPlainTextEdit()
        self.note.setObjectName("self_check_note")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setMaximumHeight(70)
        layout.addWidget(self.note)
        self.missing = QLabel()
        self.missing.setObjectName("self_check_missing")
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        buttons = QHBoxLayout()
        self.sign = touch(QPushButton(self.tr("&Sign the self-check")), 260)
        self.sign.setObjectName("self_check_sign")
        self.sign.clicked.connect(self._sign)
        self.cancel = touch(QPushButton(self.tr("Cancel")), 150)
        self.cancel.setObjectName("self_check_cancel")
        self.cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.sign)
        buttons.addWidget(self.cancel)
        layout.addLayout(buttons)
        self._update()

    def marks(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for item, b in self.ticks.items():
            if b.isChecked():
                out[item] = "done"
            elif item in self.na and self.na[item].isChecked():
                out[item] = "na"
        return out

    def _marked(self, item: str, mark: str, on: bool) -> None:
        if on:  # done and not applicable exclude each other
            other = self.na.get(item) if mark == "done" else self.ticks.get(item)
            if other is not None and other.isChecked():
                other.setChecked(False)
        self._update()

    def _update(self) -> None:
        left = len(self.ticks) - len(self.marks())
        self.sign.setEnabled(left == 0)
        self.missing.setText(
            self.tr("Every item is ticked.")
            if left == 0
            else self.tr("Items still to tick: %1.").replace("%1", str(left))
        )

    def _sign(self) -> None:
        outcome = self.ctx.ops.run(
            standards.sign_self_check,
            parent=self,
            ro_id=self.ro_id,
            marks=self.marks(),
            note=self.note.toPlainText(),
            technician_id=self.technician_id,
        )
        if outcome.ok:
            self.accept()
