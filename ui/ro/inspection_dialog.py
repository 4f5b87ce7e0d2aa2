"""The digital vehicle inspection (issue 18): every checklist item green / yellow / red
(or not applicable), a measurement in its unit (the thresholds suggest the rating), a
note, its photos, what it was last time; the advisor's recommendation to the customer.

Opened from the reception page (the walk-around) and the diagnosis page by
``InspectionButton``, which shows the counts. Each change is saved at once
(``inspection.rate_item``); the dialog reloads on ``Kind.EVIDENCE`` changes of its RO, its
own and another desk's. Each item's photos are a compact ``PhotoStrip`` (subject
``inspection``, the result's id). At 1366×768 the items scroll; the recommendation and the
buttons stay in view.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.codes import (
    RATING_FINDING,
    InspectionGroup,
    InspectionStage,
    PhotoSubject,
    Rating,
    VehicleKind,
    words,
)
from advisor.errors import UserError
from advisor.i18n import pick
from advisor.services import inspection
from advisor.services.opchanges import Kind, OpChanges
from advisor.services.views import InspectionResultView, InspectionView, ROView
from ui import fmt
from ui.context import AppContext
from ui.photo_strip import PhotoStrip, PhotoUsageLabel

# The colours of a rating (background, text) on its button and in "last time".
COLOURS: dict[str, tuple[str, str]] = {
    Rating.GREEN: ("#2e7d32", "#ffffff"),
    Rating.YELLOW: ("#f9a825", "#000000"),
    Rating.RED: ("#c62828", "#ffffff"),
    Rating.NA: ("#757575", "#ffffff"),
}
RATINGS = (Rating.GREEN, Rating.YELLOW, Rating.RED, Rating.NA)
NAME_W, RATE_W, MEASURE_W, UNIT_W, PHOTO_W, LAST_W = 270, 60, 64, 34, 230, 140


def amount(value: Decimal | None) -> str:
    """A measurement as a person writes it: 1.4, 230, 12.45 (never 1.40 or 1E+1)."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


class ItemRow(QFrame):
    """One checklist item: its name, the four rating buttons, measurement and unit, note,
    photos and last time's rating."""

    def __init__(self, dialog: InspectionDialog, result: InspectionResultView, parent: QWidget) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.result = result
        key = result.item_key
        self.setObjectName(f"item_{key}")
        self.name = QLabel(self)
        self.name.setFixedWidth(NAME_W)
        self.name.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # a click on the checked one leaves it checked (below)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 1, 4, 1)
        row.addWidget(self.name)
        for rating in RATINGS:
            b = QToolButton(self)
            b.setObjectName(f"rate_{key}_{rating}")
            b.setCheckable(True)
            b.setFixedSize(RATE_W, 26)
            bg, fg = COLOURS[rating]
            b.setStyleSheet(
                f"QToolButton {{ border: 1px solid {bg}; border-radius: 3px; padding: 0 6px; }}"
                f"QToolButton:checked {{ background: {bg}; color: {fg}; font-weight: bold; }}"
            )
            b.clicked.connect(lambda _c=False, r=rating: self.dialog.rate(self, r))
            self.group.addButton(b)
            self.buttons[rating] = b
            row.addWidget(b)
        self.measure = QLineEdit(self)
        self.measure.setObjectName(f"measure_{key}")
        self.measure.setFixedWidth(MEASURE_W)
        self.measure.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.measure.editingFinished.connect(lambda: self.dialog.measured(self))
        self.unit = QLabel(result.unit, self)
        self.unit.setFixedWidth(UNIT_W)
        self.measure.setVisible(bool(result.unit))
        self.unit.setVisible(bool(result.unit))
        spacer = QWidget(self)
        spacer.setFixedWidth(MEASURE_W + UNIT_W + row.spacing())
        spacer.setVisible(not result.unit)
        row.addWidget(self.measure)
        row.addWidget(self.unit)
        row.addWidget(spacer)
        self.note = QLineEdit(self)
        self.note.setObjectName(f"note_{key}")
        self.note.setMinimumWidth(160)
        self.note.editingFinished.connect(lambda: self.dialog.noted(self))
        row.addWidget(self.note, 1)
        self.photos = PhotoStrip(dialog.ctx, self, compact=True)
        self.photos.setFixedWidth(PHOTO_W)
        self._strip_for: tuple[int, bool] | None = None  # (result id, editable) it shows
        row.addWidget(self.photos)
        self.last = QLabel(self)
        self.last.setObjectName(f"last_{key}")
        self.last.setFixedWidth(LAST_W)
        self.last.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.last)

    def show_result(self, r: InspectionResultView, *, editable: bool) -> None:
        """Show ``r`` (a fresh read); what the user is typing in a focused field stays."""
        self.result = r
        self.name.setText(r.name(self.dialog.ctx.lang))
        self.name.setToolTip(self.name.text())
        for rating, b in self.buttons.items():
            b.setChecked(r.rating == rating)
            b.setEnabled(editable)
        if not self.measure.hasFocus():
            self.measure.setText(amount(r.measurement))
        if not self.note.hasFocus():
            self.note.setText(r.note)
        self.measure.setReadOnly(not editable)
        self.note.setReadOnly(not editable)
        if self._strip_for != (r.id, editable):  # the strip reads again by itself on EVIDENCE
            self._strip_for = (r.id, editable)
            self.photos.set_subject(self.dialog.view.ro_id, PhotoSubject.INSPECTION, r.id, editable=editable)
        self._show_last(r)

    def _show_last(self, r: InspectionResultView) -> None:
        if r.last_rating is None:
            self.last.setText("—")
            self.last.setStyleSheet("color: #888;")
            self.last.setToolTip(self.dialog.last_time_tip(None))
            return
        text = self.dialog.rating_word(r.last_rating)
        if r.last_measurement is not None:
            text += f" · {amount(r.last_measurement)} {r.unit}".rstrip()
        bg, fg = COLOURS.get(r.last_rating, ("#eeeeee", "#000000"))
        self.last.setText(text)
        self.last.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 3px; padding: 1px 4px;")
        self.last.setToolTip(self.dialog.last_time_tip(r.last_rating))

    def retranslate(self) -> None:
        for rating, b in self.buttons.items():
            b.setText(self.dialog.rating_word(rating))
            b.setToolTip(words(Rating, rating, self.dialog.ctx.lang))


class InspectionDialog(QDialog):
    """The inspection of one RO (started before it opens)."""

    def __init__(
        self, ctx: AppContext, ro: ROView, view: InspectionView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_dialog")
        self.ctx = ctx
        self.ro = ro
        self.view = view
        self.editable = self._may_edit(ro)
        self.rows: dict[int, ItemRow] = {}
        self.group_labels: list[tuple[QLabel, str, list[ItemRow]]] = []
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.counts = QLabel(self)
        self.counts.setObjectName("inspection_counts")
        # Across the counter: only what the customer is shown (the yellow and red items).
        self.only_findings = QCheckBox(self)
        self.only_findings.setObjectName("inspection_only_findings")
        self.only_findings.toggled.connect(lambda _on: self._apply_filter())
        self.status = QLabel(self)
        self.status.setObjectName("inspection_status")
        self.status.setStyleSheet("color: #555;")
        self.header = self._column_header()
        self.items_area = QScrollArea(self)
        self.items_area.setObjectName("inspection_items")
        self.items_area.setWidgetResizable(True)
        self.items_area.setWidget(self._items())
        self._build_recommendation()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts, 1)
        counts_row.addWidget(self.only_findings)
        layout.addLayout(counts_row)
        layout.addWidget(self.header)
        layout.addWidget(self.items_area, 1)
        layout.addWidget(self.rec_label)
        layout.addWidget(self.recommendation)
        layout.addLayout(self._buttons())
        self._fit_screen()
        self.ctx.ops.changed.connect(self._changed)
        self.retranslate()
        self.show_inspection(view)

    # -- building ------------------------------------------------------------------
    def _may_edit(self, ro: ROView) -> bool:
        a = self.ctx.actor
        return (
            self.ctx.may("inspection.do")
            and workflow.acts_as_owner(a.role, a.user_id, ro.advisor_id)
            and ro.handed_over_at is None
        )

    def _column_header(self) -> QWidget:
        header = QWidget(self)
        row = QHBoxLayout(header)
        row.setContentsMargins(8, 0, 22, 0)
        self.h_item, self.h_rating, self.h_measure = QLabel(header), QLabel(header), QLabel(header)
        self.h_note, self.h_photos, self.h_last = QLabel(header), QLabel(header), QLabel(header)
        self.h_item.setFixedWidth(NAME_W)
        self.h_rating.setFixedWidth(4 * RATE_W + 4 * row.spacing())
        self.h_measure.setFixedWidth(MEASURE_W + UNIT_W + row.spacing())
        self.h_photos.setFixedWidth(PHOTO_W)
        self.h_last.setFixedWidth(LAST_W)
        self.h_last.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.h_item, self.h_rating, self.h_measure, self.h_note, self.h_photos, self.h_last):
            w.setStyleSheet("font-weight: bold; color: #444;")
            row.addWidget(w, 1 if w is self.h_note else 0)
        return header

    def _items(self) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(0)
        group = None
        for r in self.view.results:
            if r.group != group:
                group = r.group
                label = QLabel(body)
                label.setStyleSheet(
                    "font-weight: bold; background: #eceff1; padding: 3px 6px; margin-top: 4px;"
                )
                self.group_labels.append((label, r.group, []))
                column.addWidget(label)
            row = ItemRow(self, r, body)
            self.rows[r.id] = row
            self.group_labels[-1][2].append(row)
            column.addWidget(row)
        column.addStretch(1)
        return body

    def _build_recommendation(self) -> None:
        self.rec_label = QLabel(self)
        self.recommendation = QPlainTextEdit(self)
        self.recommendation.setObjectName("inspection_recommendation")
        self.recommendation.setTabChangesFocus(True)
        self.recommendation.setFixedHeight(64)
        self.recommendation.setPlainText(self.view.recommendation)
        self.recommendation.setReadOnly(not self.editable)
        self.rec_label.setBuddy(self.recommendation)

    def _buttons(self) -> QHBoxLayout:
        self.save_rec = QPushButton(self)
        self.save_rec.setObjectName("inspection_save_recommendation")
        self.save_rec.clicked.connect(self.save_recommendation)
        self.finish_button = QPushButton(self)
        self.finish_button.setObjectName("inspection_finish")
        self.finish_button.clicked.connect(self.finish)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("inspection_close")
        self.close_button.clicked.connect(self.accept)
        for b in (self.save_rec, self.finish_button):
            b.setVisible(self.editable)
        # Where photos are added: the RO's photos against its budget (before one is refused).
        self.photo_usage = PhotoUsageLabel(self.ctx, self)
        self.photo_usage.set_ro(self.view.ro_id)
        status = QVBoxLayout()
        status.addWidget(self.status)
        status.addWidget(self.photo_usage)
        row = QHBoxLayout()
        row.addLayout(status, 1)
        row.addWidget(self.save_rec)
        row.addWidget(self.finish_button)
        row.addWidget(self.close_button)
        return row

    def _fit_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(1340, area.width() - 16), min(740, area.height() - 16))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    # -- words ---------------------------------------------------------------------
    def rating_word(self, rating: str) -> str:
        """The short word on a rating button (its full words are the tooltip)."""
        short: dict[str, str] = {
            Rating.GREEN: self.tr("Green"),
            Rating.YELLOW: self.tr("Yellow"),
            Rating.RED: self.tr("Red"),
            Rating.NA: self.tr("n/a"),
        }
        return short.get(rating, rating)

    def last_time_tip(self, rating: str | None) -> str:
        if rating is None:
            return self.tr("Not checked at this vehicle's last inspection")
        return self.tr("At this vehicle's last inspection: %1").replace(
            "%1", words(Rating, rating, self.ctx.lang)
        )

    def retranslate(self) -> None:
        ro, lang = self.ro, self.ctx.lang
        self.setWindowTitle(self.tr("Vehicle inspection — %1").replace("%1", ro.number))
        self.title.setText(
            self.tr("Vehicle inspection — %1 · %2 %3 · %4")
            .replace("%1", ro.number)
            .replace("%2", ro.vehicle.plate)
            .replace("%3", f"{ro.vehicle.make} {ro.vehicle.model}".strip())
            .replace("%4", words(VehicleKind, self.view.vehicle_kind, lang))
        )
        self.h_item.setText(self.tr("Item"))
        self.h_rating.setText(self.tr("Rating"))
        self.h_measure.setText(self.tr("Measured"))
        self.h_note.setText(self.tr("Note"))
        self.h_photos.setText(self.tr("Photos"))
        self.h_last.setText(self.tr("Last time"))
        for label, group, _rows in self.group_labels:
            label.setText(words(InspectionGroup, group, lang))
        self.only_findings.setText(self.tr("Only &yellow and red"))
        self.only_findings.setToolTip(self.tr("Show the customer only what needs attention"))
        for row in self.rows.values():
            row.retranslate()
        self.rec_label.setText(self.tr("&Recommendation to the customer"))
        self.recommendation.setPlaceholderText(
            self.tr("What to do now and what can wait, in words the customer understands")
        )
        self.save_rec.setText(self.tr("&Save recommendation"))
        self.finish_button.setText(self.tr("&Finish inspection"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setShortcut(QKeySequence("Esc"))
        self._show_counts()

    def _show_counts(self) -> None:
        v = self.view
        parts = [
            self.tr("%1 red").replace("%1", str(v.count(Rating.RED))),
            self.tr("%1 yellow").replace("%1", str(v.count(Rating.YELLOW))),
            self.tr("%1 green").replace("%1", str(v.count(Rating.GREEN))),
            self.tr("%1 n/a").replace("%1", str(v.count(Rating.NA))),
            self.tr("%1 to check").replace("%1", str(v.count(""))),
        ]
        who = self.tr("%1 by %2, %3").replace("%1", words(InspectionStage, v.stage, self.ctx.lang))
        who = who.replace("%2", v.started_by).replace("%3", fmt.datetime(v.started_at))
        if v.finished_at is not None:
            who += " · " + self.tr("finished by %1, %2").replace("%1", v.finished_by).replace(
                "%2", fmt.datetime(v.finished_at)
            )
        self.counts.setText(" · ".join(parts) + "    (" + who + ")")
        if not self.editable:
            self.status.setText(self._read_only_reason())

    def _read_only_reason(self) -> str:
        if self.ro.handed_over_at is not None:
            return self.tr("The car has been handed over: the inspection is shown as it was.")
        if not self.ctx.may("inspection.do"):
            return self.tr("Shown only: your role does not do inspections.")
        return pick(*workflow.owner_refusal(self.ro.advisor), self.ctx.lang)

    # -- showing -------------------------------------------------------------------
    def show_inspection(self, view: InspectionView) -> None:
        self.view = view
        for r in view.results:
            row = self.rows.get(r.id)
            if row is not None:
                row.show_result(r, editable=self.editable)
        if not self.recommendation.hasFocus() and not self._recommendation_edited():
            self.recommendation.setPlainText(view.recommendation)
        self._saved_recommendation = view.recommendation
        self._show_counts()
        self._apply_filter()

    def _apply_filter(self) -> None:
        """All items, or only the yellow and red ones (a group without any is hidden)."""
        only = self.only_findings.isChecked()
        for label, _group, rows in self.group_labels:
            shown = 0
            for row in rows:
                visible = not only or row.result.rating in RATING_FINDING
                row.setVisible(visible)
                shown += visible
            label.setVisible(shown > 0)

    def _recommendation_edited(self) -> bool:
        return self.recommendation.toPlainText() != getattr(
            self, "_saved_recommendation", self.view.recommendation
        )

    def reload(self) -> None:
        fresh = inspection.read_inspection(actor=self.ctx.actor, ro_id=self.view.ro_id)
        if fresh is not None:
            self.show_inspection(fresh)

    def _changed(self, changes: OpChanges) -> None:
        if self.isVisible() and changes.touches(Kind.EVIDENCE, ro_id=self.view.ro_id):
            self.reload()

    # -- acting --------------------------------------------------------------------
    def _save(self, row: ItemRow, rating: str) -> bool:
        outcome = self.ctx.ops.run(
            inspection.rate_item,
            parent=self,
            result_id=row.result.id,
            rating=rating,
            measurement=row.measure.text(),
            note=row.note.text(),
        )
        if not outcome.ok:
            row.show_result(row.result, editable=self.editable)  # the buttons as stored
            return False
        self.status.setText("")
        return True

    def rate(self, row: ItemRow, rating: str) -> None:
        """A rating button was clicked: save it with the measurement and note shown."""
        if not self.editable:
            return
        self._save(row, rating)

    def measured(self, row: ItemRow) -> None:
        """The measurement was typed: the thresholds suggest the rating (unless the user
        chose another one for the measurement saved before)."""
        r = row.result
        if not self.editable or row.measure.text().strip() == amount(r.measurement):
            return
        try:
            value = workflow.check_measurement(row.measure.text())
        except UserError:
            value = None
        suggested = workflow.suggested_rating(value, r.yellow_at, r.red_at, r.lower_is_worse)
        before = workflow.suggested_rating(r.measurement, r.yellow_at, r.red_at, r.lower_is_worse)
        rating = r.rating
        if suggested is not None and (not r.rating or r.rating == before):
            rating = suggested
        if not rating:
            self.status.setText(self.tr("Choose a rating to save “%1”.").replace("%1", r.name(self.ctx.lang)))
            return
        self._save(row, rating)

    def noted(self, row: ItemRow) -> None:
        r = row.result
        if not self.editable or row.note.text() == r.note:
            return
        if not r.rating:
            self.status.setText(self.tr("Choose a rating to save “%1”.").replace("%1", r.name(self.ctx.lang)))
            return
        self._save(row, r.rating)

    def save_recommendation(self) -> bool:
        if not self.editable or not self._recommendation_edited():
            return True
        outcome = self.ctx.ops.run(
            inspection.set_recommendation,
            parent=self,
            ro_id=self.view.ro_id,
            text=self.recommendation.toPlainText(),
            version=self.view.version,
        )
        if outcome.ok:
            self._saved_recommendation = self.recommendation.toPlainText()
            self.reload()
        return outcome.ok

    def finish(self) -> None:
        if not self.save_recommendation():
            return
        outcome = self.ctx.ops.run(inspection.finish_inspection, parent=self, ro_id=self.view.ro_id)
        if outcome.ok:
            self.reload()

    def accept(self) -> None:
        """Close, keeping the recommendation typed (saved first; a refusal keeps it open)."""
        if self.save_recommendation():
            super().accept()

    def reject(self) -> None:  # Esc and the window's close button: the same as Close
        if self.save_recommendation():
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_inspection(self.view)
        super().changeEvent(event)


class InspectionButton(QPushButton):
    """The step pages' way into the inspection, with its counts ("Inspection: 2 red, 3
    yellow, 5 to check"); starts it at ``stage`` on the first click."""

    def __init__(self, ctx: AppContext, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_open")
        self.ctx = ctx
        self.stage = stage
        self.ro: ROView | None = None
        self.dialog: InspectionDialog | None = None
        self.clicked.connect(self.open_inspection)
        self.retranslate()

    def show_ro(self, view: ROView) -> None:
        """Show ``view``'s counts; offered to who inspects (the page's guard), and once the
        car is handed over only when there is an inspection to look at. (Set here, never on
        a language switch: the page greys it on another advisor's RO after this.)"""
        self.ro = view
        self.setEnabled(
            self.ctx.may("inspection.do") and (view.inspection is not None or view.handed_over_at is None)
        )
        self.retranslate()

    def retranslate(self) -> None:
        v = self.ro.inspection if self.ro is not None else None
        if v is None:
            self.setText(self.tr("Inspec&tion…"))
            self.setToolTip(self.tr("Start the vehicle inspection: every item green, yellow or red"))
            return
        counts = [
            (v.count(Rating.RED), self.tr("%1 red")),
            (v.count(Rating.YELLOW), self.tr("%1 yellow")),
            (v.count(""), self.tr("%1 to check")),
        ]
        shown = [text.replace("%1", str(n)) for n, text in counts if n]
        if not shown:
            shown = [self.tr("all checked")]
        self.setText(self.tr("Inspec&tion: %1").replace("%1", fmt.join(shown)))
        self.setToolTip(self.tr("Open the vehicle inspection"))

    def open_inspection(self) -> None:
        ro = self.ro
        if ro is None:
            return
        if ro.inspection is None:
            outcome = self.ctx.ops.run(
                inspection.start_inspection, parent=self, ro_id=ro.id, stage=self.stage
            )
            if not outcome.ok:
                return
        view = inspection.read_inspection(actor=self.ctx.actor, ro_id=ro.id)
        if view is None:
            return
        self.dialog = InspectionDialog(self.ctx, ro, view, self.window())
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self) -> None:
        if self.dialog is not None and self.ro is not None:
            self.ro = _with_inspection(self.ro, self.dialog.view)
            self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _with_inspection(ro: ROView, view: InspectionView) -> ROView:
    return dataclasses.replace(ro, inspection=view)
