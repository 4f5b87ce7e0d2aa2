"""Step 4, diagnosis: one entry per concern, the customer's own words typed verbatim.

The words go to the service exactly as typed (no trimming, no correction). Recorded
words are never edited: "Correct…" records a NEW entry that supersedes the old one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import Confirmation, InspectionStage, PhotoSubject, ROStatus, words
from advisor.services import diagnosis, workshop
from advisor.services.users import Actor
from advisor.services.views import ConcernView, ROView
from ui import fmt, workshop_labels
from ui.context import AppContext
from ui.long_text import WordsBox
from ui.photo_strip import PhotoStrip
from ui.ro.inspection_dialog import InspectionButton
from ui.ro.pages.base import StepPage
from ui.ro.quote_panel import quoted

_MARKS: dict[str, str] = {Confirmation.CONFIRMED: "✓ ", Confirmation.NOT_REPRODUCED: "✗ "}


def confirmation_label(code: str) -> str:
    return _MARKS.get(code, "") + words(Confirmation, code)


def words_editor(parent: QWidget, name: str) -> QPlainTextEdit:
    """A plain-text box that keeps exactly what is typed (Tab moves on, Enter is a new line)."""
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    box.setMinimumHeight(70)
    box.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase)
    return box


class CorrectDialog(QDialog):
    """A correction of a concern: new words (a new entry); the old entry stays on file."""

    def __init__(self, concern: ConcernView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correct_dialog")
        self.setWindowTitle(self.tr("Correct concern %1").replace("%1", str(concern.seq)))
        old = QLabel(self)
        old.setTextFormat(Qt.TextFormat.PlainText)
        old.setWordWrap(True)
        old.setText(quoted(concern.customer_words))
        old.setStyleSheet("color: #666;")
        self.words = words_editor(self, "correct_words")
        self.restatement = QLineEdit(concern.restatement, self)
        self.restatement.setObjectName("correct_restatement")
        note = QLabel(self.tr("The entry above stays on file; the correction is a new entry."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record correction"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("correct_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Recorded words"), old)
        form.addRow(self.tr("Customer's words (exactly)"), self.words)
        form.addRow(self.tr("Advisor's restatement"), self.restatement)
        form.addRow(note)
        form.addRow(buttons)
        self.resize(520, 320)


class ConcernCard(QFrame):
    """One recorded concern, read-only, with its actions."""

    def __init__(self, page: Page, concern: ConcernView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.concern = concern
        self.setObjectName(f"concern_{concern.id}")
        self.strips: dict[str, PhotoStrip] = {}  # subject → its strip
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grey = "color: #888;" if concern.superseded else ""
        layout = QVBoxLayout(self)
        layout.addWidget(self._title(grey))
        # As tall as the words at the card's width (a label with padding in its style sheet
        # left a blank band around long words).
        words = WordsBox(
            quoted(concern.customer_words), f"concern_words_{concern.id}", self, margins=(4, 4, 4, 4)
        )
        words.label.setStyleSheet(grey)
        layout.addWidget(words)
        layout.addWidget(self._details(grey))
        layout.addWidget(self._photos(PhotoSubject.CONCERN, self.tr("Photos:"), grey))
        if concern.finding or (not concern.superseded and page.ctx.may("concern.finding")):
            layout.addWidget(self._finding(grey))
            layout.addWidget(self._photos(PhotoSubject.FINDING, self.tr("Photos of the finding:"), grey))
        if not concern.superseded:
            layout.addLayout(self._actions())

    def _finding(self, grey: str) -> QLabel:
        """The technician's finding (the cause found) and correction, when recorded."""
        concern = self.concern
        label = QLabel(self)
        label.setObjectName(f"finding_{concern.id}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        parts = [self.tr("Finding: %1").replace("%1", concern.finding or self.tr("not recorded yet"))]
        if concern.correction:
            parts.append(self.tr("Correction: %1").replace("%1", concern.correction))
        label.setText("\n".join(parts))
        label.setStyleSheet(grey)
        return label

    def _photos(self, subject: str, title: str, grey: str) -> QWidget:
        """A compact strip of the concern's (or its finding's) photos: added by whoever may
        add photos while the RO is open; a corrected entry's photos are read only."""
        concern, page = self.concern, self.page
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, row)
        label.setStyleSheet(grey)
        strip = PhotoStrip(page.ctx, row, compact=True)
        strip.setObjectName(f"{subject}_photos_{concern.id}")
        v = page.view
        editable = (
            v is not None
            and v.status == ROStatus.OPEN
            and v.handed_over_at is None
            and not concern.superseded
            and page.ctx.may("photo.add")
        )
        strip.set_subject(v.id if v is not None else None, subject, concern.id, editable=editable)
        line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(strip, 1)
        self.strips[subject] = strip
        return row

    def _title(self, grey: str) -> QLabel:
        """Concern n — who and when (marked when a later entry corrected it)."""
        concern = self.concern
        title = QLabel(self)
        title.setStyleSheet("font-weight: bold;" + grey)
        by = f"{concern.created_by}, {fmt.datetime(concern.created_at)}"
        if concern.superseded:
            title.setText(
                self.tr("Concern %1 (corrected by a later entry) — %2")
                .replace("%1", str(concern.seq))
                .replace("%2", by)
            )
        else:
            title.setText(self.tr("Concern %1 — %2").replace("%1", str(concern.seq)).replace("%2", by))
        return title

    def _details(self, grey: str) -> QLabel:
        """The restatement, the symptom's confirmation, assistance and correction notes."""
        concern = self.concern
        details = QLabel(self)
        details.setWordWrap(True)
        details.setTextFormat(Qt.TextFormat.PlainText)
        parts = [
            self.tr("Restatement: %1").replace("%1", concern.restatement or "—"),
            self.tr("Symptom: %1").replace("%1", confirmation_label(concern.confirmation)),
        ]
        if concern.assist_requested:
            parts.append(self.tr("Technician assistance requested"))
        if concern.supersedes_id:
            parts.append(self.tr("Corrects an earlier entry"))
        details.setText("\n".join(parts))
        details.setStyleSheet(grey)
        return details

    def _actions(self) -> QHBoxLayout:
        """Confirm, not reproduced, ask for assistance, correct (not on a corrected entry)."""
        concern, page = self.concern, self.page
        row = QHBoxLayout()
        self.confirm_button = self._button(
            row,
            f"confirm_{concern.id}",
            self.tr("Confirmed with customer"),
            lambda: page.confirm(concern.id, "confirmed"),
        )
        self.not_reproduced_button = self._button(
            row,
            f"not_reproduced_{concern.id}",
            self.tr("Could not reproduce"),
            lambda: page.confirm(concern.id, "not_reproduced"),
        )
        self.assist_button = self._button(
            row,
            f"assist_{concern.id}",
            self.tr("Request assistance…"),
            lambda: page.request_assist(concern.id),
        )
        self.correct_button = self._button(
            row, f"correct_{concern.id}", self.tr("Correct…"), lambda: page.correct(concern)
        )
        row.addStretch(1)
        return row

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: object) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b


class AssistDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assist_dialog")
        self.setWindowTitle(self.tr("Request technician assistance"))
        self.technician = QComboBox(self)
        self.technician.setObjectName("assist_technician")
        self.technician.addItem(self.tr("Any technician"), None)
        for t in workshop.read_technicians(actor=actor):
            if t.active:
                self.technician.addItem(f"{t.name} ({workshop_labels.skills(t.skills)})", t.id)
        self.bay = QCheckBox(self.tr("Move the car to the diagnosis bay"), self)
        self.bay.setObjectName("assist_bay")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Technician"), self.technician)
        form.addRow(self.bay)
        form.addRow(buttons)


class Page(StepPage):
    step = 4

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cards: list[ConcernCard] = []
        self.new_box = QGroupBox(self)
        self.words_label = QLabel(self.new_box)
        self.words = words_editor(self.new_box, "customer_words")
        self.words.setMaximumHeight(130)  # the concerns below, with their photos, get the room
        self.words_label.setBuddy(self.words)
        self.restatement_label = QLabel(self.new_box)
        self.restatement = QLineEdit(self.new_box)
        self.restatement.setObjectName("restatement")
        self.restatement_label.setBuddy(self.restatement)
        self.restatement.returnPressed.connect(self.record)
        self.record_button = QPushButton(self.new_box)
        self.record_button.setObjectName("record_concern")
        self.record_button.clicked.connect(self.record)
        self.hint = QLabel(self.new_box)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        grid = QGridLayout(self.new_box)
        grid.addWidget(self.hint, 0, 0, 1, 2)
        grid.addWidget(self.words_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.words, 1, 1)
        grid.addWidget(self.restatement_label, 2, 0)
        grid.addWidget(self.restatement, 2, 1)
        grid.addWidget(self.record_button, 3, 1, Qt.AlignmentFlag.AlignRight)
        QShortcut(
            QKeySequence("Ctrl+Return"), self.new_box, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        ).activated.connect(self.record)

        self.list_title = QLabel(self)
        self.list_title.setStyleSheet("font-weight: bold;")
        # The inspection (issue 18), done here when not at the walk-around.
        self.inspection_button = InspectionButton(ctx, InspectionStage.DIAGNOSIS, self)
        title_row = QHBoxLayout()
        title_row.addWidget(self.list_title, 1)
        title_row.addWidget(self.inspection_button)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.next_banner)
        layout.addWidget(self.new_box)
        layout.addLayout(title_row)
        layout.addWidget(scroll, 1)
        QWidget.setTabOrder(self.words, self.restatement)
        QWidget.setTabOrder(self.restatement, self.record_button)
        # Who may not record a concern reads the list only (no empty form to fill).
        self.may_record = self.guard(self.new_box, "concern.record")
        self.new_box.setVisible(self.may_record)
        self.guard(self.inspection_button, "inspection.do")
        self.retranslate()

    def retranslate(self) -> None:
        self.new_box.setTitle(self.tr("New concern"))
        self._hint()
        self.words_label.setText(self.tr("Customer's &words"))
        self.restatement_label.setText(self.tr("Advisor's &restatement"))
        self.restatement.setPlaceholderText(self.tr("Technical description of the symptom"))
        self.record_button.setText(self.tr("Record concern (Ctrl+Enter)"))
        self.list_title.setText(self.tr("Concerns on this repair order"))
        if self.view is not None:
            self._fill(self.view)

    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self.inspection_button.show_ro(view)
        self._fill(view)

    def _hint(self) -> None:
        text = self.tr(
            "Type what the customer says, exactly in their own words. "
            "Enter starts a new line; Ctrl+Enter records."
        )
        v = self.view
        if v is not None and v.need_confirmed_at is None:
            # The first concern confirms the need: the manual's standard is 5–10 minutes.
            text += "\n" + self.tr(
                "The first concern confirms the need: take 5–10 minutes after the customer's "
                "arrival (%1) to listen, ask and restate."
            ).replace("%1", fmt.time(v.arrived_at))
        self.hint.setText(text)

    def _fill(self, view: ROView) -> None:
        self._hint()
        for card in self.cards:
            self.list_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for i, c in enumerate(view.concerns):
            card = ConcernCard(self, c, self.list_widget)
            for button in card.findChildren(QPushButton):
                if not any(strip.isAncestorOf(button) for strip in card.strips.values()):
                    self.guard(button, "concern.record")
            self.list_layout.insertWidget(i, card)
            self.cards.append(card)

    # -- actions -------------------------------------------------------------------
    def record(self) -> None:
        if self.view is None:
            return
        words = self.words.toPlainText()  # exactly as typed: never stripped
        result = self.ctx.ops.run(
            diagnosis.record_concern,
            parent=self,
            confirm=(diagnosis.NeedConfirmedEarly, {"confirm_early": True}),
            ro_id=self.view.id,
            customer_words=words,
            restatement=self.restatement.text(),
        )
        if result.ok:
            self.words.clear()
            self.restatement.clear()
            self.words.setFocus()

    def confirm(self, concern_id: int, confirmation: str) -> None:
        self.ctx.ops.run(
            diagnosis.confirm_symptom,
            parent=self,
            concern_id=concern_id,
            confirmation=confirmation,
        )

    def request_assist(self, concern_id: int) -> None:
        dialog = AssistDialog(self.ctx.actor, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.ctx.ops.run(
            diagnosis.request_assist,
            parent=self,
            concern_id=concern_id,
            technician_id=dialog.technician.currentData(),
            diagnosis_bay=dialog.bay.isChecked(),
        )

    def correct(self, concern: ConcernView) -> None:
        dialog = CorrectDialog(concern, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            result = self.ctx.ops.run(
                diagnosis.correct_concern,
                parent=self,
                concern_id=concern.id,
                customer_words=dialog.words.toPlainText(),
                restatement=dialog.restatement.text(),
            )
            if result.ok:
                return
