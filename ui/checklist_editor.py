"""The inspection checklists, kept by the service manager (issue 18, ``inspection.configure``),
opened from Settings: per vehicle kind, the items in order (inactive ones greyed); the
chosen item's names in both languages, group, unit, the thresholds that suggest yellow and
red and which way is worse, the canned job a finding becomes, active or not. Add, save,
move up and down. Refused fields are shown beside their inputs, the typing kept.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import InspectionGroup, VehicleKind, words
from advisor.services import checklists, estimate
from advisor.services.opchanges import Kind, OpChanges
from advisor.services.views import ChecklistItemView
from ui import messages
from ui.context import AppContext
from ui.desk.field_note import NotedField, show_errors
from ui.tables import fill_rows, read_only_table


def _amount(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


class ChecklistEditor(QDialog):
    """The checklists of the vehicle kinds (Settings → Inspection checklists…)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist_editor")
        self.ctx = ctx
        self.items: tuple[ChecklistItemView, ...] = ()
        self.item_id: int | None = None  # the item in the form (None: a new one)
        self.kind_label = QLabel(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("checklist_kind")
        self.kind_label.setBuddy(self.kind)
        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        self.table = read_only_table(6, self, name="checklist_table")
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._picked)
        self._build_form()
        self._build_buttons()
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        order.addWidget(self.new_button)
        left.addLayout(order)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.form_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        screen = (parent or self).screen() or QApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(1280, area.width() - 40), min(700, area.height() - 40))
        self.ctx.ops.changed.connect(self._changed)
        self.retranslate()
        self.load()

    # -- building ------------------------------------------------------------------
    def _build_form(self) -> None:
        self.form_box = QGroupBox(self)
        self.name_en = QLineEdit(self.form_box)
        self.name_en.setObjectName("checklist_name_en")
        self.name_zh = QLineEdit(self.form_box)
        self.name_zh.setObjectName("checklist_name_zh")
        self.group = QComboBox(self.form_box)
        self.group.setObjectName("checklist_group")
        self.unit = QLineEdit(self.form_box)
        self.unit.setObjectName("checklist_unit")
        self.yellow_at = QLineEdit(self.form_box)
        self.yellow_at.setObjectName("checklist_yellow_at")
        self.red_at = QLineEdit(self.form_box)
        self.red_at.setObjectName("checklist_red_at")
        self.lower_is_worse = QCheckBox(self.form_box)
        self.lower_is_worse.setObjectName("checklist_lower_is_worse")
        self.canned_job = QComboBox(self.form_box)
        self.canned_job.setObjectName("checklist_canned_job")
        self.active = QCheckBox(self.form_box)
        self.active.setObjectName("checklist_active")
        for tick in (self.lower_is_worse, self.active):  # as wide as box and words: a click there ticks
            tick.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.notes = {
            "name_en": NotedField(self.name_en, "checklist_name_en"),
            "name_zh": NotedField(self.name_zh, "checklist_name_zh"),
            "group": NotedField(self.group, "checklist_group"),
            "unit": NotedField(self.unit, "checklist_unit"),
            "yellow_at": NotedField(self.yellow_at, "checklist_yellow_at"),
            "red_at": NotedField(self.red_at, "checklist_red_at"),
            "canned_job": NotedField(self.canned_job, "checklist_canned_job"),
        }
        for field in (self.name_en, self.name_zh, self.unit, self.yellow_at, self.red_at):
            field.textEdited.connect(lambda _t: self._clear_notes())
        self.save_button = QPushButton(self.form_box)
        self.save_button.setObjectName("checklist_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.form = QFormLayout()
        self.form_labels: list[QLabel] = []
        for widget in (*self.notes.values(), self.lower_is_worse, self.active):
            label = QLabel(self.form_box)
            label.setBuddy(widget.field if isinstance(widget, NotedField) else widget)
            self.form_labels.append(label)
            self.form.addRow(label, widget)
        box = QVBoxLayout(self.form_box)
        box.addLayout(self.form)
        box.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        box.addLayout(row)

    def _build_buttons(self) -> None:
        self.up_button = QPushButton(self)
        self.up_button.setObjectName("checklist_up")
        self.up_button.clicked.connect(lambda: self.move_item(up=True))
        self.down_button = QPushButton(self)
        self.down_button.setObjectName("checklist_down")
        self.down_button.clicked.connect(lambda: self.move_item(up=False))
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("checklist_new")
        self.new_button.clicked.connect(self.new_item)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("checklist_close")
        self.close_button.clicked.connect(self.accept)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inspection checklists"))
        self.kind_label.setText(self.tr("&Vehicle kind:"))
        keep = self.kind.currentData() or VehicleKind.CAR
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in VehicleKind:
            self.kind.addItem(words(VehicleKind, kind, self.ctx.lang), str(kind))
        self.kind.setCurrentIndex(max(0, self.kind.findData(keep)))
        self.kind.blockSignals(False)
        keep_group = self.group.currentData()
        self.group.clear()
        for group in InspectionGroup:
            self.group.addItem(words(InspectionGroup, group, self.ctx.lang), str(group))
        self.group.setCurrentIndex(max(0, self.group.findData(keep_group)))
        keep_job = self.canned_job.currentData()
        self.canned_job.clear()
        self.canned_job.addItem(self.tr("— none: a priced line the advisor edits"), "")
        for code, name in estimate.read_canned_jobs(actor=self.ctx.actor, lang=self.ctx.lang):
            self.canned_job.addItem(f"{code} · {name}", code)
        self.canned_job.setCurrentIndex(max(0, self.canned_job.findData(keep_job or "")))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Group"),
                self.tr("Item"),
                self.tr("Unit"),
                self.tr("Yellow at"),
                self.tr("Red at"),
                self.tr("Active"),
            ]
        )
        labels = (
            self.tr("&English name:"),
            self.tr("C&hinese name:"),
            self.tr("&Group:"),
            self.tr("&Unit:"),
            self.tr("&Yellow at:"),
            self.tr("&Red at:"),
            self.tr("Canned &job:"),
            self.tr("Direction:"),
            self.tr("In use:"),
        )
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.unit.setPlaceholderText(self.tr("mm, kPa, V, % … (empty: no measurement)"))
        self.lower_is_worse.setText(self.tr("&Lower is worse (tread, pads, voltage)"))
        self.active.setText(self.tr("&Active: on new inspections"))
        self.save_button.setText(self.tr("&Save item"))
        self.up_button.setText(self.tr("Move u&p"))
        self.down_button.setText(self.tr("Move &down"))
        self.new_button.setText(self.tr("&New item"))
        self.close_button.setText(self.tr("&Close"))
        self.hint.setText(
            self.tr(
                "Changes apply to inspections started from now on; an inspection already "
                "started keeps its items. An item is never deleted: untick Active."
            )
        )
        self._show_form_title()
        if self.items:
            self._fill_table()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing -------------------------------------------------------------------
    def load(self, select: int | None = None) -> None:
        """Read the chosen kind's checklist; keep (or pick) the item ``select``."""
        keep = select if select is not None else self.item_id
        self.items = checklists.read_checklist(actor=self.ctx.actor, vehicle_kind=self.kind.currentData())
        self._fill_table()
        row = next((n for n, i in enumerate(self.items) if i.id == keep), None)
        if row is not None:
            self.table.selectRow(row)
        elif self.items:
            self.table.selectRow(0)

    def _fill_table(self) -> None:
        lang = self.ctx.lang
        rows = [
            (
                words(InspectionGroup, i.group, lang),
                i.name_zh if lang.startswith("zh") else i.name_en,
                i.unit,
                _amount(i.yellow_at),
                _amount(i.red_at),
                "✓" if i.active else "—",
            )
            for i in self.items
        ]
        self.table.blockSignals(True)
        fill_rows(self.table, rows, [i.id for i in self.items])
        for r, item in enumerate(self.items):
            if not item.active:
                for c in range(self.table.columnCount()):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        cell.setForeground(QColor("#999999"))
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(0)

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.items[rows[0].row()]
        self.item_id = item.id
        self._clear_notes()
        self.name_en.setText(item.name_en)
        self.name_zh.setText(item.name_zh)
        self.group.setCurrentIndex(max(0, self.group.findData(item.group)))
        self.unit.setText(item.unit)
        self.yellow_at.setText(_amount(item.yellow_at))
        self.red_at.setText(_amount(item.red_at))
        self.lower_is_worse.setChecked(item.lower_is_worse)
        self.canned_job.setCurrentIndex(max(0, self.canned_job.findData(item.canned_job)))
        self.active.setChecked(item.active)
        self._show_form_title()

    def _show_form_title(self) -> None:
        if self.item_id is None:
            self.form_box.setTitle(self.tr("New item (added at the end)"))
            return
        item = next((i for i in self.items if i.id == self.item_id), None)
        name = "" if item is None else (item.name_zh if self.ctx.lang.startswith("zh") else item.name_en)
        self.form_box.setTitle(self.tr("Item: %1").replace("%1", name))

    def _clear_notes(self) -> None:
        for note in self.notes.values():
            note.clear()

    def _changed(self, changes: OpChanges) -> None:
        if self.isVisible() and changes.touches(Kind.SETTINGS):
            self.load()

    # -- acting --------------------------------------------------------------------
    def new_item(self) -> None:
        self.table.clearSelection()
        self.item_id = None
        self._clear_notes()
        for field in (self.name_en, self.name_zh, self.unit, self.yellow_at, self.red_at):
            field.clear()
        self.lower_is_worse.setChecked(True)
        self.active.setChecked(True)
        self.canned_job.setCurrentIndex(0)
        self._show_form_title()
        self.name_en.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        self._clear_notes()
        outcome = self.ctx.ops.run(
            checklists.save_checklist_item,
            parent=self,
            quiet=True,
            vehicle_kind=self.kind.currentData(),
            item_id=self.item_id,
            name_en=self.name_en.text(),
            name_zh=self.name_zh.text(),
            group=self.group.currentData(),
            unit=self.unit.text(),
            yellow_at=self.yellow_at.text(),
            red_at=self.red_at.text(),
            lower_is_worse=self.lower_is_worse.isChecked(),
            canned_job=self.canned_job.currentData() or "",
            active=self.active.isChecked(),
        )
        if not outcome.ok:
            if outcome.error is not None:
                rest, first = show_errors(outcome.error, self.notes)
                if rest:
                    messages.error(self, "\n".join(one.message() for one in rest))
                if first is not None:
                    first.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.item_id = outcome.value
        self.load(select=outcome.value)

    def move_item(self, *, up: bool) -> None:
        if self.item_id is None:
            return
        outcome = self.ctx.ops.run(checklists.move_checklist_item, parent=self, item_id=self.item_id, up=up)
        if outcome.ok:
            self.load(select=self.item_id)
