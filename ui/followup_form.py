"""The follow-up call form (step 13), shared by the RO page and the Follow-up workspace.

Reached or not (three unanswered calls → unreachable), problem solved, satisfaction 1–5
on the five service-quality dimensions, an opinion category and comments. An unhappy
customer gets a recheck appointment booked from the call; the service refuses without it.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import (
    FOLLOW_UP_ENDED,
    ComplaintLevel,
    ComplaintSource,
    FollowUpCategory,
    FollowUpStatus,
    FollowUpTiming,
    words,
)
from advisor.services import appointments, followup
from advisor.services.views import FollowUpView
from ui import fmt
from ui.context import AppContext
from ui.ro.pages._closing import banner, from_qdatetime, full_datetime, show_banner, yes_no
from ui.ro.pages.base import NEEDS


def dimension_label(dim: str) -> str:
    labels = {
        "tangibles": QCoreApplication.translate("FollowUp", "Tangibles"),
        "reliability": QCoreApplication.translate("FollowUp", "Reliability"),
        "responsiveness": QCoreApplication.translate("FollowUp", "Responsiveness"),
        "assurance": QCoreApplication.translate("FollowUp", "Assurance"),
        "empathy": QCoreApplication.translate("FollowUp", "Empathy"),
    }
    return labels.get(dim, dim)


def dimension_hint(dim: str) -> str:
    hints = {
        "tangibles": QCoreApplication.translate("FollowUp", "Facilities, lounge, the car returned clean"),
        "reliability": QCoreApplication.translate(
            "FollowUp", "The work done right the first time, as promised"
        ),
        "responsiveness": QCoreApplication.translate("FollowUp", "Quick help, no waiting"),
        "assurance": QCoreApplication.translate("FollowUp", "Competent, trustworthy staff"),
        "empathy": QCoreApplication.translate("FollowUp", "Individual attention to the customer"),
    }
    return hints.get(dim, "")


def category_label(cat: str) -> str:
    return words(FollowUpCategory, cat)


def status_label(status: str) -> str:
    return words(FollowUpStatus, status)


STATUS_COLOURS = {
    "overdue": "#c62828",
    "due": "#8d5a00",
    "upcoming": "#555555",
    "done": "#2e7d32",
    "unreachable": "#6a1b9a",
}
STATUS_MARKS = {"overdue": "⚠ ", "due": "☎ ", "upcoming": "… ", "done": "✓ ", "unreachable": "✗ "}


class FollowUpForm(QWidget):
    """Log one follow-up call. ``logged`` carries the new ``FollowUpView``."""

    logged = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.follow_up: FollowUpView | None = None
        self.header = QLabel(self)
        self.header.setObjectName("fu_header")
        self.header.setWordWrap(True)
        # What the caller asks about (issue 17): the customer's words and the work done.
        self.brief = QLabel(self)
        self.brief.setObjectName("fu_brief")
        self.brief.setWordWrap(True)
        self.brief.setTextFormat(Qt.TextFormat.RichText)
        self.brief.setStyleSheet("QLabel { background:#f3f6fa; border:1px solid #c9d3df; padding:3px 6px; }")
        self.status = banner(self, "fu_status")
        self.call_group = QGroupBox(self)
        call = QVBoxLayout(self.call_group)
        call.addLayout(self._build_attempts())
        call.addLayout(self._build_solved())
        call.addWidget(self._build_scores())
        call.addLayout(self._build_opinion())
        call.addWidget(self._build_recheck())
        self.solved.currentIndexChanged.connect(self._update_recheck)
        self.save = QPushButton(self.call_group)
        self.save.setObjectName("fu_save")
        self.save.clicked.connect(self._save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save)
        save_row.addStretch(1)
        call.addLayout(save_row)

        self.result = QLabel(self)
        self.result.setObjectName("fu_result")
        self.result.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.brief)
        layout.addWidget(self.status)
        layout.addWidget(self.call_group)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._reset()
        self.retranslate()

    def _build_attempts(self) -> QHBoxLayout:
        """The "Not reached" button (it counts an attempt) beside the attempts so far."""
        top = QHBoxLayout()
        self.not_reached = QPushButton(self.call_group)
        self.not_reached.setObjectName("fu_not_reached")
        self.not_reached.clicked.connect(self._not_reached)
        self.attempts = QLabel(self.call_group)
        self.attempts.setObjectName("fu_attempts")
        # Before the 24 h window only a call the customer started may be logged.
        self.customer_called = QCheckBox(self.call_group)
        self.customer_called.setObjectName("fu_customer_called")
        self.customer_called.toggled.connect(lambda on: self.not_reached.setEnabled(not on))
        top.addWidget(self.not_reached)
        top.addWidget(self.attempts, 1)
        top.addWidget(self.customer_called)
        return top

    def _build_solved(self) -> QFormLayout:
        """Problem solved: not asked, yes or no."""
        form = QFormLayout()
        self.solved_label = QLabel(self.call_group)
        self.solved = QComboBox(self.call_group)
        self.solved.setObjectName("fu_solved")
        self.solved.addItem("—", None)
        self.solved.addItem("", True)
        self.solved.addItem("", False)
        self.solved.setMaximumWidth(200)
        form.addRow(self.solved_label, self.solved)
        return form

    def _build_scores(self) -> QGroupBox:
        """Satisfaction 1–5 (or not given) on each service-quality dimension, with a hint."""
        self.scores_group = QGroupBox(self.call_group)
        grid = QGridLayout(self.scores_group)
        self.score_labels: dict[str, QLabel] = {}
        self.scores: dict[str, QSpinBox] = {}
        for row, dim in enumerate(followup.DIMENSIONS):
            label = QLabel(self.scores_group)
            spin = QSpinBox(self.scores_group)
            spin.setObjectName(f"fu_score_{dim}")
            spin.setRange(0, 5)
            spin.setSpecialValueText("—")
            spin.setMinimumWidth(56)  # a score and its arrows, easy to hit
            spin.valueChanged.connect(self._update_recheck)
            hint = QLabel(self.scores_group)
            hint.setStyleSheet("color:#666666;")
            hint.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(hint, row, 2)
            self.score_labels[dim] = label
            self.scores[dim] = spin
            setattr(self, f"_hint_{dim}", hint)
        grid.setColumnStretch(2, 1)
        return self.scores_group

    def _build_opinion(self) -> QFormLayout:
        """The opinion's category and the comments."""
        form2 = QFormLayout()
        self.category_label = QLabel(self.call_group)
        self.category = QComboBox(self.call_group)
        self.category.setObjectName("fu_category")
        self.category.setMaximumWidth(260)
        for cat in ("", *followup.CATEGORIES):
            self.category.addItem(cat, cat)
        form2.addRow(self.category_label, self.category)
        self.comments_label = QLabel(self.call_group)
        self.comments = QPlainTextEdit(self.call_group)
        self.comments.setObjectName("fu_comments")
        self.comments.setFixedHeight(70)
        form2.addRow(self.comments_label, self.comments)
        return form2

    def _build_recheck(self) -> QGroupBox:
        """Book a recheck appointment from the call (needed when the customer is unhappy)."""
        self.recheck_group = QGroupBox(self.call_group)
        self.recheck_group.setObjectName("fu_recheck_group")
        self.recheck_group.setStyleSheet("QGroupBox { color:#8e1c14; font-weight:bold; }")
        rg = QHBoxLayout(self.recheck_group)
        self.book_recheck = QCheckBox(self.recheck_group)
        self.book_recheck.setObjectName("fu_book_recheck")
        self.recheck_at = QDateTimeEdit(self.recheck_group)
        self.recheck_at.setObjectName("fu_recheck_at")
        self.recheck_at.setCalendarPopup(True)
        self.recheck_at.setDisplayFormat("yyyy-MM-dd HH:mm")  # not the locale's short "12/5/26 9:00 AM"
        self.book_recheck.toggled.connect(self.recheck_at.setEnabled)
        rg.addWidget(self.book_recheck)
        rg.addWidget(self.recheck_at)
        rg.addStretch(1)
        # A dissatisfied customer's words may be a complaint (issue 17): recorded from here,
        # linked to the call's RO, escalated by its level (the Complaints workspace).
        self.complaint_button = QPushButton(self.recheck_group)
        self.complaint_button.setObjectName("fu_complaint")
        self.complaint_button.setProperty(NEEDS, "complaint.record")
        self.complaint_button.clicked.connect(self.raise_complaint)
        rg.addWidget(self.complaint_button)
        return self.recheck_group

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.call_group.setTitle(self.tr("The call"))
        self.not_reached.setText(self.tr("Not reached"))
        self.not_reached.setToolTip(self.tr("Counts an attempt; after 3 the customer is marked unreachable"))
        self.customer_called.setText(self.tr("The customer called &us"))
        self.customer_called.setToolTip(
            self.tr("The customer started this call: it may be logged before the 24 h window opens")
        )
        self.solved_label.setText(self.tr("Problem solved?"))
        self.solved.setItemText(1, self.tr("Yes"))
        self.solved.setItemText(2, self.tr("No"))
        self.scores_group.setTitle(self.tr("Satisfaction (1 = very unhappy … 5 = very happy)"))
        for dim in followup.DIMENSIONS:
            self.score_labels[dim].setText(dimension_label(dim) + ":")
            getattr(self, f"_hint_{dim}").setText(dimension_hint(dim))
        self.category_label.setText(self.tr("Opinion category:"))
        for i in range(self.category.count()):
            self.category.setItemText(i, category_label(str(self.category.itemData(i))))
        self.comments_label.setText(self.tr("Comments:"))
        self.comments.setPlaceholderText(self.tr("The customer's opinion, in their words"))
        self.recheck_group.setTitle(self.tr("⚠ The customer is not satisfied: book a recheck from this call"))
        self.book_recheck.setText(self.tr("Recheck appointment at:"))
        self.complaint_button.setText(self.tr("Record a co&mplaint…"))
        self.complaint_button.setToolTip(self.tr("Record what the customer complains of, in their words"))
        self.save.setText(self.tr("Save the call"))
        self.set_follow_up(self.follow_up)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- view -----------------------------------------------------------------------
    def set_follow_up(self, f: FollowUpView | None) -> None:
        changed = f is None or self.follow_up is None or f.id != self.follow_up.id
        self.follow_up = f
        if changed:
            self._reset()
        if f is None:
            self.header.setText(self.tr("Select a call in the list."))
            self.brief.hide()
            self.call_group.hide()
            self.result.hide()
            show_banner(self.status, "")
            return
        header = self.tr("%1 · %2 · %3 · RO %4 · advisor %5")
        for i, value in enumerate((f.customer_name, f.phone, f.plate, f.ro_number, f.advisor), start=1):
            header = header.replace(f"%{i}", value)
        window = self.tr("Handed over %1 — call due between %2 and %3")
        window = window.replace("%1", full_datetime(f.handed_over_at)).replace(
            "%2", full_datetime(f.due_from)
        )
        self.header.setText(f"<b>{header}</b><br>{window.replace('%3', full_datetime(f.due_to))}")
        self._show_brief(f)
        kind = {"overdue": "error", "due": "warn", "upcoming": "info", "done": "ok", "unreachable": "error"}
        text = self.tr("Status: %1").replace("%1", status_label(f.status))
        if f.status == FollowUpStatus.OVERDUE:
            text += " — " + self.tr("the 48 h standard is missed: call now (it counts as late)")
        elif f.status == FollowUpStatus.UPCOMING:
            text += " — " + self.tr(
                "the call window opens %1, 24 h after handover: the customer drives the car for a "
                "day first. Log a call now only if the customer called us."
            ).replace("%1", full_datetime(f.due_from))
        show_banner(self.status, text, kind.get(f.status, "info"))
        open_call = f.status not in FOLLOW_UP_ENDED
        self.call_group.setVisible(open_call)
        self.attempts.setText(
            self.tr("Unanswered calls so far: %1 of %2")
            .replace("%1", str(f.attempts))
            .replace("%2", str(followup.MAX_ATTEMPTS))
        )
        self._show_result(f)
        self._update_recheck()

    def _show_brief(self, f: FollowUpView) -> None:
        """The customer's concerns in their own words and the approved work, read-only:
        a brief for the caller, so shown only to whoever may make the call."""
        if not self.ctx.may("followup.log"):
            self.brief.hide()
            return
        brief = followup.read_call_brief(actor=self.ctx.actor, ro_id=f.ro_id)
        concerns = "; ".join(f"“{html.escape(c)}”" for c in brief.concerns) or "—"
        work = "; ".join(html.escape(w) for w in brief.work) or "—"
        told = self.tr("The customer told us:")
        done = self.tr("Work done:")
        self.brief.setText(f"<b>{told}</b> {concerns}<br><b>{done}</b> {work}")
        self.brief.setToolTip(
            self.tr("Ask whether each concern is gone — e.g. “the noise you told us about: is it gone?”")
        )
        self.brief.show()

    def _show_result(self, f: FollowUpView) -> None:
        if f.status not in FOLLOW_UP_ENDED:
            self.result.hide()
            return
        if f.status == FollowUpStatus.UNREACHABLE:
            text = self.tr("Not reached after %1 calls: the customer is marked unreachable.")
            self.result.setText(text.replace("%1", str(f.attempts)))
            self.result.show()
            return
        rows = [
            self.tr("Called on %1").replace("%1", fmt.datetime(f.at)),
            self.tr("Timing: %1").replace("%1", words(FollowUpTiming, f.timing)),
            self.tr("Problem solved: %1").replace("%1", yes_no(f.solved)),
        ]
        scores = ", ".join(f"{dimension_label(d)} {f.scores.get(d) or '—'}" for d in followup.DIMENSIONS)
        rows.append(self.tr("Satisfaction: %1").replace("%1", scores))
        if f.category:
            rows.append(self.tr("Category: %1").replace("%1", category_label(f.category)))
        if f.comments:
            rows.append(self.tr("Comments: %1").replace("%1", f.comments))
        if f.recheck_appointment_id is not None:
            appt = appointments.read_appointment(
                actor=self.ctx.actor, appointment_id=f.recheck_appointment_id
            )
            text = self.tr("Recheck booked: appointment #%1 on %2")
            rows.append("⚠ " + text.replace("%1", str(appt.id)).replace("%2", fmt.datetime(appt.starts_at)))
        self.result.setText("\n".join(rows))
        self.result.show()

    def unhappy(self) -> bool:
        """Whether the answers so far make the customer unhappy (the service's threshold)."""
        scores = [s.value() for s in self.scores.values() if s.value() > 0]
        return self.solved.currentData() is False or any(v <= followup.UNHAPPY_SCORE for v in scores)

    def _update_recheck(self) -> None:
        self.recheck_group.setVisible(self.unhappy())
        self.complaint_button.setVisible(self.ctx.may("complaint.record"))

    def raise_complaint(self) -> None:
        """Record a complaint from this call: the RO's customer, the comments as words."""
        from ui.complaint_dialog import ComplaintDialog

        if self.follow_up is None:
            return
        dialog = ComplaintDialog(
            self.ctx,
            self,
            ro_id=self.follow_up.ro_id,
            source=ComplaintSource.FOLLOW_UP,
            words=self.comments.toPlainText(),
        )
        if dialog.exec() and dialog.recorded is not None:
            text = self.tr("Complaint recorded: %1").replace(
                "%1", words(ComplaintLevel, dialog.recorded.level)
            )
            self.complaint_button.setToolTip(text)
            self.complaint_button.setText("✓ " + text)

    def _reset(self) -> None:
        self.customer_called.setChecked(False)
        self.solved.setCurrentIndex(0)
        for spin in self.scores.values():
            spin.setValue(0)
        self.category.setCurrentIndex(0)
        self.comments.clear()
        self.book_recheck.setChecked(False)
        self.recheck_at.setEnabled(False)
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(9, 0))
        self.recheck_at.setDateTime(tomorrow)
        self._update_recheck()

    # -- actions --------------------------------------------------------------------
    def _not_reached(self) -> None:
        if self.follow_up is None:
            return
        result = self.ctx.ops.run(
            followup.log_follow_up, parent=self, ro_id=self.follow_up.ro_id, reached=False
        )
        if result.ok:
            self.set_follow_up(result.value)
            self.logged.emit(result.value)

    def _save(self) -> None:
        if self.follow_up is None:
            return
        recheck: dt.datetime | None = None
        if self.unhappy() and self.book_recheck.isChecked():
            recheck = from_qdatetime(self.recheck_at.dateTime())
        result = self.ctx.ops.run(
            followup.log_follow_up,
            parent=self,
            ro_id=self.follow_up.ro_id,
            reached=True,
            solved=self.solved.currentData(),
            scores={d: s.value() for d, s in self.scores.items()},
            category=str(self.category.currentData()),
            comments=self.comments.toPlainText(),
            recheck_at=recheck,
            customer_initiated=self.customer_called.isChecked(),
        )
        if result.ok:
            self.set_follow_up(result.value)
            self.logged.emit(result.value)
