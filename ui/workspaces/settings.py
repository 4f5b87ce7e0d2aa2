"""Settings (manager, administrator): the dealership's profile, money, time limits and
warranty periods — the values the flow, the sheets and the figures use.

Saved together through ``advisor.services.settings.set_settings``: every value is
checked by the domain and all are stored, or none. Money is typed in yuan and rates in
per cent; what the domain refuses is shown in the user's language and the form keeps the
typing. A change made elsewhere reloads the form only when nothing here is unsaved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advisor.config import SETTINGS
from advisor.errors import UserError
from advisor.services import settings
from advisor.services.opchanges import Kind
from ui import messages
from ui.context import AppContext
from ui.setting_editors import SettingEditor, editor_for
from ui.workspace import Workspace

# The form's boxes, column by column (their titles are in ``retranslate``).
COLUMNS = (("dealer", "money"), ("limits", "warranty"))


class SettingsWorkspace(Workspace):
    key = "settings"
    permission = "settings.edit"
    icon_name = "SP_FileDialogListView"
    shows = Kind.SETTINGS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dirty = False
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        columns = self._build_boxes()
        self._build_buttons()
        body = QWidget(self)
        body.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.checklists_button)
        top.addWidget(self.state)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def _build_boxes(self) -> QHBoxLayout:
        """A box per group, an editor per setting of ``advisor.config.SETTINGS`` in the
        order declared; every input marks the form unsaved when edited."""
        self.boxes = {group: QGroupBox(self) for column in COLUMNS for group in column}
        self.editors: dict[str, SettingEditor] = {
            key: editor_for(d, self.boxes[d.group]) for key, d in SETTINGS.items() if d.group
        }
        self.row_labels = {name: label for e in self.editors.values() for name, label in e.labels.items()}
        self.fields = [field for e in self.editors.values() for field in e.fields]
        for field in self.fields:
            if isinstance(field, QLineEdit):
                field.textEdited.connect(self._edited)
            else:
                field.valueChanged.connect(self._edited)
        columns = QHBoxLayout()
        for groups in COLUMNS:
            column = QVBoxLayout()
            for group in groups:
                column.addWidget(self.boxes[group])
            column.addStretch(1)
            columns.addLayout(column, 1)
        return columns

    def _build_buttons(self) -> None:
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("settings_save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self)
        self.revert_button.setObjectName("settings_revert")
        self.revert_button.clicked.connect(self.revert)
        QShortcut(
            QKeySequence.StandardKey.Save, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        ).activated.connect(self.save)
        self.state = QLabel(self)
        # The inspection checklists per vehicle kind (issue 18): the service manager's.
        self.checklists_button = QPushButton(self)
        self.checklists_button.setObjectName("settings_checklists")
        self.checklists_button.clicked.connect(self.edit_checklists)
        self.checklists_button.setVisible(self.ctx.may("inspection.configure"))

    def edit_checklists(self) -> None:
        from ui.checklist_editor import ChecklistEditor

        ChecklistEditor(self.ctx, self).open()

    def title(self) -> str:
        return self.tr("Settings")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings of the dealership"))
        titles = {
            "dealer": self.tr("Dealership (printed on every sheet)"),
            "money": self.tr("Prices, tax and discounts"),
            "limits": self.tr("Time limits and capacity"),
            "warranty": self.tr("Warranty of a repair, per repair class"),
        }
        for group, box in self.boxes.items():
            box.setTitle(titles[group])
        for editor in self.editors.values():
            editor.retranslate()
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))
        self.checklists_button.setText(self.tr("Inspection chec&klists…"))
        self.checklists_button.setToolTip(
            self.tr("The inspection items of each vehicle kind: names, units, thresholds, order")
        )
        self._show_state()

    # -- values --------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.dirty:  # never overwrite typing that is not saved
            self.load()

    def load(self) -> None:
        for field in self.fields:
            field.blockSignals(True)
        try:
            values = settings.read_settings(actor=self.ctx.actor, keys=list(self.editors))
            for key, editor in self.editors.items():
                editor.load(values[key])
        finally:
            for field in self.fields:
                field.blockSignals(False)
        self.dirty = False
        self._show_state()

    def values(self) -> dict[str, Any]:
        """What the form says, in the settings' own units (cents, fractions)."""
        return {key: editor.value() for key, editor in self.editors.items()}  # UserError on bad money

    # -- actions -------------------------------------------------------------------
    def _edited(self, *_args: object) -> None:
        self.dirty = True
        self._show_state()

    def _show_state(self) -> None:
        self.state.setText(self.tr("● Not saved") if self.dirty else "")
        self.state.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.revert_button.setEnabled(self.dirty)

    def save(self) -> bool:
        try:
            values = self.values()
        except UserError as err:
            messages.error(self, err.message())
            return False
        result = self.ctx.ops.run(settings.set_settings, parent=self, values=values)
        if not result.ok:
            return False  # the domain's message was shown; the typing stays
        self.dirty = False
        self.load()
        return True

    def revert(self) -> None:
        self.load()


WORKSPACE = SettingsWorkspace
