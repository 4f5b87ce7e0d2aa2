"""Step 3, reception: greet within 3 minutes, the check-in walk-around, comebacks."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import DamageKind, InspectionStage, PhotoSubject, RepairClass, ROStatus, words
from advisor.config import REPAIR_CLASSES
from advisor.services import orders, photos, reception
from advisor.services.reception import DAMAGE_KINDS
from advisor.services.views import ROView
from advisor.workflow import GREETING_S
from ui import fmt, messages
from ui.conflict_dialog import save_with_conflict_handling
from ui.context import AppContext
from ui.photo_strip import PhotoStrip
from ui.ro.car_outline import ZONES, CarOutline, zone_label
from ui.ro.inspection_dialog import InspectionButton
from ui.ro.pages.base import StepPage, scroll_page


def damage_kind_label(kind: str) -> str:
    return words(DamageKind, kind)


def repair_class_label(code: str) -> str:
    return words(RepairClass, code)


class Page(StepPage):
    step = 3

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded_for: int | None = None  # RO whose values fill the form
        self.marks: list[dict[str, str]] = []
        # Each mark's number as saved (None: added here, not saved yet): its photos' subject_id.
        self.saved: list[int | None] = []
        self.loaded_marks: list[dict[str, str]] = []
        self.photo_counts: dict[int, int] = {}  # saved mark number → photos
        greet_row = self._build_greeting()
        self._build_comeback()
        self._build_walk_around_fields()
        self._build_damage_box()
        self._build_checkin_box()

        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.next_banner, 0, 0, 1, 2)
        grid.addLayout(greet_row, 1, 0, 1, 2)
        grid.addWidget(self.comeback, 2, 0, 1, 2)
        grid.addWidget(self.checkin_box, 3, 0)
        grid.addWidget(self.damage_box, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll_page(self, content, frame=False)
        QShortcut(
            QKeySequence("Ctrl+Return"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        ).activated.connect(self.check_in)
        self._set_tab_order()
        self.may_check_in = self.guard(self.greet_button, "ro.checkin")
        self.guard(self.checkin_box, "ro.checkin")
        # The marks' inputs are the check-in's; the list and each mark's photos are read by
        # everyone (photos added by whoever may add them).
        for widget in (self.outline, self.kind, self.note, self.zone, self.add_button, self.remove_button):
            self.guard(widget, "ro.checkin")
        self.may_link = self.guard(self.comeback_button, "ro.open")
        self.guard(self.inspection_button, "inspection.do")
        self.retranslate()

    def _build_greeting(self) -> QHBoxLayout:
        """Arrival time, the greeting clock (3 minutes) and the greet button, in one row."""
        self.arrival = QLabel(self)
        self.arrival.setObjectName("arrival")
        self.greet_timer = QLabel(self)
        self.greet_timer.setObjectName("greet_timer")
        self.greet_button = QPushButton(self)
        self.greet_button.setObjectName("greet")
        self.greet_button.clicked.connect(self.greet)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        # The walk-around's inspection (issue 18): the checklist, with its counts.
        self.inspection_button = InspectionButton(self.ctx, InspectionStage.RECEPTION, self)
        greet_row = QHBoxLayout()
        greet_row.addWidget(self.arrival, 1)
        greet_row.addWidget(self.greet_timer)
        greet_row.addWidget(self.greet_button)
        greet_row.addWidget(self.inspection_button)
        return greet_row

    def _build_comeback(self) -> None:
        """The comeback banner: shown when the car was handed over recently."""
        self.comeback = QFrame(self)
        self.comeback.setObjectName("comeback_banner")
        self.comeback.setStyleSheet("#comeback_banner { background: #fff3e0; border: 1px solid #fb8c00; }")
        self.comeback_text = QLabel(self.comeback)
        self.comeback_text.setWordWrap(True)
        self.comeback_pick = QComboBox(self.comeback)
        self.comeback_pick.setObjectName("comeback_pick")
        self.comeback_button = QPushButton(self.comeback)
        self.comeback_button.setObjectName("link_comeback")
        self.comeback_button.clicked.connect(self.link_comeback)
        row = QHBoxLayout(self.comeback)
        row.addWidget(self.comeback_text, 1)
        row.addWidget(self.comeback_pick)
        row.addWidget(self.comeback_button)
        self.comeback.hide()

    def _build_walk_around_fields(self) -> None:
        """The walk-around's inputs (mileage to first service) and the save button."""
        self.mileage = QSpinBox(self)
        self.mileage.setObjectName("mileage")
        self.mileage.setRange(0, 2_000_000)
        self.mileage.setGroupSeparatorShown(True)
        self.mileage.setSuffix(" km")
        self.fuel = QSlider(Qt.Orientation.Horizontal, self)
        self.fuel.setObjectName("fuel")
        self.fuel.setRange(0, 8)
        self.fuel.setPageStep(1)
        self.fuel.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.fuel.setTickInterval(1)
        self.fuel_text = QLabel(self)
        self.fuel_text.setObjectName("fuel_text")
        self.fuel_text.setMinimumWidth(110)
        self.fuel.valueChanged.connect(self._fuel_changed)
        self.valuables = QLineEdit(self)
        self.valuables.setObjectName("valuables")
        self.booklet = QCheckBox(self)
        self.booklet.setObjectName("booklet")
        self.old_parts = QCheckBox(self)
        self.old_parts.setObjectName("old_parts")
        self.waits = QComboBox(self)
        self.waits.setObjectName("waits")
        self.approval_contact = QLineEdit(self)
        self.approval_contact.setObjectName("approval_contact")
        self.wash = QComboBox(self)
        self.wash.setObjectName("wash")
        self.repair_class = QComboBox(self)
        self.repair_class.setObjectName("repair_class")
        self.first_service = QCheckBox(self)
        self.first_service.setObjectName("first_service")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("check_in")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.check_in)

    def _build_checkin_box(self) -> None:
        """The check-in group: the walk-around form, the save button at its foot."""
        fuel_row = QHBoxLayout()
        fuel_row.addWidget(self.fuel, 1)
        fuel_row.addWidget(self.fuel_text)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels: dict[str, QLabel] = {}
        for key, widget in (
            ("mileage", self.mileage),
            ("fuel", fuel_row),
            ("valuables", self.valuables),
            ("booklet", self.booklet),
            ("old_parts", self.old_parts),
            ("waits", self.waits),
            ("contact", self.approval_contact),
            ("wash", self.wash),
            ("class", self.repair_class),
            ("first", self.first_service),
        ):
            label = QLabel(self)
            self.form_labels[key] = label
            self.form.addRow(label, widget)
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
        self.form_labels["fuel"].setBuddy(self.fuel)
        self.checkin_box = QGroupBox(self)
        left = QVBoxLayout(self.checkin_box)
        left.addLayout(self.form)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        left.addLayout(buttons)

    def _build_damage_box(self) -> None:
        """Body damage: the car's outline beside the kind, note, place and list of marks."""
        self.damage_box = QGroupBox(self)
        self.outline = CarOutline(self.damage_box)
        self.outline.zone_clicked.connect(self._zone_clicked)
        self.zone = QComboBox(self.damage_box)
        self.zone.setObjectName("damage_zone")
        self.kind = QComboBox(self.damage_box)
        self.kind.setObjectName("damage_kind")
        self.note = QLineEdit(self.damage_box)
        self.note.setObjectName("damage_note")
        self.note.returnPressed.connect(self.add_mark)
        self.add_button = QPushButton(self.damage_box)
        self.add_button.setObjectName("damage_add")
        self.add_button.clicked.connect(self.add_mark)
        self.marks_list = QListWidget(self.damage_box)
        self.marks_list.setObjectName("damage_list")
        self.remove_button = QPushButton(self.damage_box)
        self.remove_button.setObjectName("damage_remove")
        self.remove_button.clicked.connect(self.remove_mark)
        QShortcut(
            QKeySequence.StandardKey.Delete, self.marks_list, context=Qt.ShortcutContext.WidgetShortcut
        ).activated.connect(self.remove_mark)
        self.hint = QLabel(self.damage_box)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.zone_label_w, self.kind_label_w, self.note_label_w = QLabel(), QLabel(), QLabel()
        self.zone_label_w.setBuddy(self.zone)
        self.kind_label_w.setBuddy(self.kind)
        self.note_label_w.setBuddy(self.note)
        side = QGridLayout()
        side.addWidget(self.hint, 0, 0, 1, 2)
        side.addWidget(self.kind_label_w, 1, 0)
        side.addWidget(self.kind, 1, 1)
        side.addWidget(self.note_label_w, 2, 0)
        side.addWidget(self.note, 2, 1)
        side.addWidget(self.zone_label_w, 3, 0)
        side.addWidget(self.zone, 3, 1)
        side.addWidget(self.add_button, 4, 1)
        side.addWidget(self.marks_list, 5, 0, 1, 2)
        side.addWidget(self.remove_button, 6, 1)
        side.addWidget(self._build_mark_photos(), 7, 0, 1, 2)
        damage_layout = QHBoxLayout(self.damage_box)
        damage_layout.addWidget(self.outline)
        damage_layout.addLayout(side, 1)

    def _build_mark_photos(self) -> QWidget:
        """The photos of the mark chosen in the list (a saved one: its number is what they
        are of), compact under the list."""
        box = QWidget(self.damage_box)
        self.mark_photos_label = QLabel(box)
        self.mark_photos_label.setObjectName("damage_photos_label")
        self.mark_photos_label.setWordWrap(True)
        self.mark_photos = PhotoStrip(self.ctx, box, compact=True)
        self.mark_photos.setObjectName("damage_photos")
        self.mark_photos.changed.connect(self._photos_changed)
        self.marks_list.currentRowChanged.connect(lambda _row: self._show_mark_photos())
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.mark_photos_label)
        column.addWidget(self.mark_photos)
        return box

    def _set_tab_order(self) -> None:
        """Greet, the walk-around top to bottom, the damage marks, then save: every input
        takes focus by Tab and by click."""
        inputs: list[QWidget] = [
            self.mileage,
            self.fuel,
            self.valuables,
            self.booklet,
            self.old_parts,
            self.waits,
            self.approval_contact,
            self.wash,
            self.repair_class,
            self.first_service,
            self.kind,
            self.note,
            self.zone,
            self.add_button,
            self.marks_list,
            self.remove_button,
            self.save_button,
        ]
        for w in inputs:
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for a, b in itertools.pairwise([self.greet_button, *inputs]):
            QWidget.setTabOrder(a, b)

    # -- language ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.greet_button.setText(self.tr("Greet customer (Alt+G)"))
        self.greet_button.setShortcut(QKeySequence("Alt+G"))
        self.comeback_button.setText(self.tr("Link as comeback"))
        labels = {
            "mileage": self.tr("&Mileage in"),
            "fuel": self.tr("&Fuel level"),
            "valuables": self.tr("Valua&bles in the car"),
            "booklet": self.tr("Booklet"),
            "old_parts": self.tr("Old parts"),
            "waits": self.tr("Customer"),
            "contact": self.tr("Contact for &approvals"),
            "wash": self.tr("Wash"),
            "class": self.tr("Repair &class"),
            "first": self.tr("First service"),
        }
        for key, text in labels.items():
            self.form_labels[key].setText(text)
        self.booklet.setText(self.tr("Warranty/maintenance booklet present"))
        self.old_parts.setText(self.tr("Customer wants the old parts back"))
        self.first_service.setText(self.tr("This is the car's first service"))
        self.approval_contact.setPlaceholderText(self.tr("Phone number to call for approvals"))
        self.valuables.setPlaceholderText(self.tr("e.g. sunglasses, dashcam"))
        self._fill_combo(
            self.waits, [(True, self.tr("Waits in the lounge")), (False, self.tr("Leaves the car"))]
        )
        self._fill_combo(
            self.wash,
            [
                (None, self.tr("Not asked yet")),
                (True, self.tr("Wash requested")),
                (False, self.tr("No wash")),
            ],
        )
        self._fill_combo(self.repair_class, [(c, repair_class_label(c)) for c in REPAIR_CLASSES])
        self._fill_combo(self.kind, [(k, damage_kind_label(k)) for k in DAMAGE_KINDS])
        self._fill_combo(self.zone, [(z, zone_label(z)) for z in ZONES])
        self.checkin_box.setTitle(self.tr("Check-in walk-around"))
        self.damage_box.setTitle(self.tr("Existing body damage"))
        self.hint.setText(
            self.tr(
                "Choose the kind, type a note if needed, then click the place on "
                "the car (or choose it below and press Add)."
            )
        )
        self.kind_label_w.setText(self.tr("&Kind"))
        self.note_label_w.setText(self.tr("&Note"))
        self.zone_label_w.setText(self.tr("&Place"))
        self.add_button.setText(self.tr("Add mark"))
        self.remove_button.setText(self.tr("Remove mark (Del)"))
        self.save_button.setText(self.tr("Save check-in (Ctrl+Enter)"))
        self._fuel_changed(self.fuel.value())
        self._show_marks()
        if self.view is not None:
            self._show_arrival(self.view)

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = next((i for i, (d, _t) in enumerate(items) if d == keep), 0)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    # -- the view ------------------------------------------------------------------
    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self.inspection_button.show_ro(view)
        self._show_arrival(view)
        self._count_photos(view.id)
        if self.loaded_for != view.id:
            self._load_form(view)
        else:
            self._follow_marks(view)
        self._show_comeback(view)

    def _follow_marks(self, view: ROView) -> None:
        """Another desk saved other marks (the form keeps what is typed here): marks not
        touched here follow the record, so each photo stays with its mark; marks changed on
        both sides wait for this desk's save (the conflict dialog), with no photos meanwhile."""
        stored = [dict(d) for d in view.body_damage]
        if stored != self.loaded_marks:
            if self.marks == self.loaded_marks:
                # The chosen mark stays chosen where it went (none when it is gone), so a
                # photo added next is of the mark the person chose, not of the one now there.
                row = self.marks_list.currentRow()
                chosen = self.marks[row] if 0 <= row < len(self.marks) else None
                went = [i for i, m in enumerate(stored) if m == chosen]
                self.marks = stored
                self.saved = list(range(1, len(stored) + 1))
                self.marks_list.blockSignals(True)
                self.marks_list.setCurrentRow(min(went, key=lambda i: abs(i - row)) if went else -1)
                self.marks_list.blockSignals(False)
            else:
                self.saved = [None] * len(self.marks)
            self.loaded_marks = stored
        self._show_marks()

    def _load_form(self, view: ROView) -> None:
        self.loaded_for = view.id
        self.mileage.setValue(view.mileage_in if view.mileage_in is not None else view.vehicle.mileage_km)
        self.fuel.setValue(view.fuel_level if view.fuel_level is not None else 4)
        self.valuables.setText(view.valuables)
        self.booklet.setChecked(view.booklet_present)
        self.old_parts.setChecked(view.return_old_parts)
        self._select(self.waits, view.customer_waits)
        self.approval_contact.setText(view.approval_contact or view.customer.phone)
        self._select(self.wash, view.wash_requested)
        self._select(self.repair_class, view.repair_class)
        self.first_service.setChecked(view.first_service)
        self.marks = [dict(d) for d in view.body_damage]
        self.loaded_marks = [dict(d) for d in view.body_damage]  # as stored when loaded
        self.saved = list(range(1, len(self.marks) + 1))
        self._show_marks()

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == data:
                combo.setCurrentIndex(i)
                return

    def _show_arrival(self, view: ROView) -> None:
        how = self.tr("walk-in") if view.walk_in else self.tr("by appointment")
        self.arrival.setText(
            self.tr("Arrived %1 (%2)").replace("%1", fmt.datetime(view.arrived_at)).replace("%2", how)
        )
        self.greet_button.setVisible(view.greeted_at is None and self.may_check_in)
        if view.greeted_at is None and view.status == ROStatus.OPEN:
            self.ticker.start()
        else:
            self.ticker.stop()
        self._tick()

    def _tick(self) -> None:
        v = self.view
        if v is None:
            return
        if v.greeted_at is not None:
            took = (v.greeted_at - v.arrived_at).total_seconds()
            ok = took <= GREETING_S
            mark = "✓" if ok else "✗"
            self.greet_timer.setText(
                self.tr("%1 Greeted after %2 (standard 3 min)")
                .replace("%1", mark)
                .replace("%2", fmt.clock(took))
            )
            self.greet_timer.setStyleSheet(f"color: {'#2e7d32' if ok else '#c62828'}; font-weight: bold;")
            return
        waited = (dt.datetime.now() - v.arrived_at).total_seconds()
        colour = "#2e7d32" if waited < 120 else "#ef6c00" if waited <= GREETING_S else "#c62828"
        text = (
            self.tr("Waiting %1 — greet within 3 min")
            if waited <= GREETING_S
            else self.tr("✗ Waiting %1 — greeting standard missed")
        )
        self.greet_timer.setText(text.replace("%1", fmt.clock(waited)))
        self.greet_timer.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_comeback(self, view: ROView) -> None:
        if view.comeback_of_id is not None:
            self.comeback_text.setText(self.tr("Comeback of %1.").replace("%1", view.comeback_of_number))
            self.comeback_pick.hide()
            self.comeback_button.hide()
            self.comeback.show()
            return
        candidates = [
            c
            for c in reception.read_comeback_candidates(actor=self.ctx.actor, vehicle_id=view.vehicle.id)
            if c[0] != view.id
        ]
        self.comeback.setVisible(bool(candidates))
        if not candidates:
            return
        self.comeback_pick.setVisible(self.may_link)
        self.comeback_button.setVisible(self.may_link)
        self.comeback_text.setText(
            self.tr(
                "This car was handed over recently. If it is back for the "
                "same concern, link this visit as a comeback."
            )
        )
        self.comeback_pick.clear()
        for ro_id, number in candidates:
            self.comeback_pick.addItem(number, ro_id)

    # -- damage marks --------------------------------------------------------------
    def _fuel_changed(self, value: int) -> None:
        self.fuel_text.setText("■" * value + "□" * (8 - value) + f" {value}/8")
        self.fuel.setAccessibleName(self.tr("Fuel level %1 of 8 eighths").replace("%1", str(value)))

    def _zone_clicked(self, zone: str) -> None:
        self._select(self.zone, zone)
        self.add_mark()

    def add_mark(self) -> None:
        zone = self.zone.currentData()
        if not zone:
            return
        self.marks.append({"zone": zone, "kind": self.kind.currentData(), "note": self.note.text()})
        self.saved.append(None)
        self.note.clear()
        self._show_marks()
        self.marks_list.setCurrentRow(len(self.marks) - 1)

    def remove_mark(self) -> None:
        row = self.marks_list.currentRow()
        if not self.may_check_in or not 0 <= row < len(self.marks):
            return
        number = self.saved[row]
        if number is not None and self.photo_counts.get(number):
            # Its photos would show another mark: the advisor removes them first (the service
            # refuses the check-in otherwise).
            messages.error(
                self,
                self.tr("Mark %1 has photos: remove its photos before removing the mark.").replace(
                    "%1", str(row + 1)
                ),
            )
            return
        if 0 <= row < len(self.marks):
            del self.marks[row]
            del self.saved[row]
            self._show_marks()
            self.marks_list.setCurrentRow(min(row, len(self.marks) - 1))

    def _show_marks(self) -> None:
        row = self.marks_list.currentRow()
        self.marks_list.blockSignals(True)
        self.marks_list.clear()
        for n, m in enumerate(self.marks, start=1):
            note = f" — {m.get('note')}" if m.get("note") else ""
            text = f"{n}. {zone_label(m.get('zone', ''))}: {damage_kind_label(m.get('kind', ''))}{note}"
            number = self.saved[n - 1] if n - 1 < len(self.saved) else None
            photos = self.photo_counts.get(number, 0) if number is not None else 0
            if photos:
                text += f"  📷 {photos}"
            QListWidgetItem(text, self.marks_list)
        if 0 <= row < self.marks_list.count():
            self.marks_list.setCurrentRow(row)
        self.marks_list.blockSignals(False)
        self.outline.set_marks([m.get("zone", "") for m in self.marks])
        self._show_mark_photos()

    # -- each mark's photos --------------------------------------------------------------
    def _count_photos(self, ro_id: int) -> None:
        self.photo_counts = {}
        for p in photos.read_photos(actor=self.ctx.actor, ro_id=ro_id, subject=PhotoSubject.DAMAGE):
            if p.subject_id is not None:
                self.photo_counts[p.subject_id] = self.photo_counts.get(p.subject_id, 0) + 1

    def _photos_changed(self) -> None:
        if self.view is not None:
            self._count_photos(self.view.id)
            self._show_marks()

    def _show_mark_photos(self) -> None:
        """The chosen mark's photos: added while the check-in may change, by whoever may add
        photos; a mark not saved yet has none (its number is given when saved)."""
        row = self.marks_list.currentRow()
        v = self.view
        if v is None or not 0 <= row < len(self.marks):
            self.mark_photos_label.setText(self.tr("Choose a mark in the list to see or add its photos."))
            self.mark_photos.set_subject(None, PhotoSubject.DAMAGE, None, editable=False)
            self.mark_photos.hide()
            return
        number = self.saved[row]
        if number is None:
            self.mark_photos_label.setText(self.tr("Save the check-in to add photos to this mark."))
            self.mark_photos.set_subject(None, PhotoSubject.DAMAGE, None, editable=False)
            self.mark_photos.hide()
            return
        open_ = v.status == ROStatus.OPEN and v.authorised_at is None
        self.mark_photos_label.setText(self.tr("Photos of mark %1:").replace("%1", str(row + 1)))
        self.mark_photos.set_subject(
            v.id,
            PhotoSubject.DAMAGE,
            number,
            editable=open_ and self.ctx.may("photo.add"),
            shown_marks=self.loaded_marks[:number],  # refused if another desk renumbered them
        )
        self.mark_photos.show()

    # -- actions -------------------------------------------------------------------
    def greet(self) -> None:
        if self.view is not None:
            self.ctx.ops.run(reception.greet, parent=self, ro_id=self.view.id)

    def check_in(self) -> None:
        """Save the walk-around. When someone else saved this RO in between, both versions
        are shown side by side: reload theirs, apply mine again, or keep typing."""
        if self.view is None or not self.may_check_in:  # Ctrl+Enter: the form is not theirs
            return
        ro_id = self.view.id
        fields: dict[str, Any] = {
            "mileage_km": self.mileage.value(),
            "fuel_level": self.fuel.value(),
            "valuables": self.valuables.text(),
            "body_damage": [dict(m) for m in self.marks],
            "booklet_present": self.booklet.isChecked(),
            "return_old_parts": self.old_parts.isChecked(),
            "customer_waits": bool(self.waits.currentData()),
            "approval_contact": self.approval_contact.text().strip(),
            "wash_requested": self.wash.currentData(),
            "repair_class": self.repair_class.currentData(),
            "first_service": self.first_service.isChecked(),
        }
        outcome = save_with_conflict_handling(
            self.ctx,
            self,
            reception.check_in,
            lambda: self._stored(ro_id),
            fields,
            labels=self._field_labels(),
            formats=self._field_formats(),
            ro_id=ro_id,
            version=self.view.version,
        )
        if outcome.status == "saved":
            self.loaded_for = None  # the next view refills the form from the record
        elif outcome.status == "reloaded":
            self._load_form(orders.read_ro(actor=self.ctx.actor, ro_id=ro_id))

    def _stored(self, ro_id: int) -> dict[str, Any]:
        """What is saved now, under the names ``check_in`` takes (for the conflict dialog)."""
        v = orders.read_ro(actor=self.ctx.actor, ro_id=ro_id)
        return {
            "mileage_km": v.mileage_in,
            "fuel_level": v.fuel_level,
            "valuables": v.valuables,
            "body_damage": [dict(d) for d in v.body_damage],
            "booklet_present": v.booklet_present,
            "return_old_parts": v.return_old_parts,
            "customer_waits": v.customer_waits,
            "approval_contact": v.approval_contact,
            "wash_requested": v.wash_requested,
            "repair_class": v.repair_class,
            "first_service": v.first_service,
            "version": v.version,
        }

    def _field_labels(self) -> dict[str, str]:
        text = {key: label.text().replace("&", "") for key, label in self.form_labels.items()}
        return {
            "mileage_km": text["mileage"],
            "fuel_level": text["fuel"],
            "valuables": text["valuables"],
            "body_damage": self.damage_box.title(),
            "booklet_present": text["booklet"],
            "return_old_parts": text["old_parts"],
            "customer_waits": text["waits"],
            "approval_contact": text["contact"],
            "wash_requested": text["wash"],
            "repair_class": text["class"],
            "first_service": text["first"],
        }

    def _field_formats(self) -> dict[str, Callable[[Any], str]]:
        def combo_text(combo: QComboBox) -> Callable[[Any], str]:
            return lambda value: next(
                (combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) == value), str(value)
            )

        def marks(value: Any) -> str:
            return "; ".join(
                f"{zone_label(m.get('zone', ''))}: {damage_kind_label(m.get('kind', ''))}"
                + (f" ({m['note']})" if m.get("note") else "")
                for m in value or []
            )

        return {
            "fuel_level": lambda value: "—" if value is None else f"{value}/8",
            "body_damage": marks,
            "customer_waits": combo_text(self.waits),
            "wash_requested": combo_text(self.wash),
            "repair_class": combo_text(self.repair_class),
        }

    def link_comeback(self) -> None:
        if self.view is None or self.comeback_pick.currentData() is None:
            return
        self.ctx.ops.run(
            reception.link_comeback,
            parent=self,
            ro_id=self.view.id,
            original_ro_id=self.comeback_pick.currentData(),
        )
