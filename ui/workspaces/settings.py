"""Settings (manager, administrator): the dealership's profile, money, time limits and
warranty periods — the values the flow, the sheets and the figures use.

Saved together through ``advisor.services.settings.set_settings``: every value is
checked by the domain and all are stored, or none. Money is typed in yuan and rates in
per cent; what the domain refuses is shown in the user's language and the form keeps the
typing. A change made elsewhere reloads the form only when nothing here is unsaved.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor.config import REPAIR_CLASSES, WARRANTY_MINIMUMS
from advisor.errors import UserError
from advisor.i18n import pick
from advisor.money import to_cents, to_yuan
from advisor.services import settings, users
from ui import messages
from ui.context import AppContext
from ui.ro.pages.reception import repair_class_label
from ui.workspace import Workspace

TEXTS = ("dealer_name", "dealer_address", "dealer_phone", "dealer_tax_no")
MONEY = ("labour_rate_cents", "major_change_cents")  # typed in yuan
COUNTS = {  # key: (lowest, highest)
    "estimate_valid_days": (1, 90),
    "comeback_days": (1, 365),
    "service_interval_km": (500, 50_000),
    "service_interval_months": (1, 36),
    "bays": (1, 200),
    "retention_years": (1, 30),
}


def _spin(low: int, high: int, step: int = 1) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def _percent(high: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, high)
    box.setDecimals(2)
    box.setSuffix(" %")
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def _fraction(percent: float) -> Decimal:
    """13.0 (a spin box's per cent) → Decimal('0.13'), exact to 0.01 %."""
    return (Decimal(str(percent)) / 100).quantize(Decimal("0.0001")).normalize()


class SettingsWorkspace(Workspace):
    key = "settings"
    permission = "settings.edit"
    icon_name = "SP_FileDialogListView"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dirty = False
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        self.texts = {key: QLineEdit(self) for key in TEXTS}
        self.money = {key: QLineEdit(self) for key in MONEY}
        for money_field in self.money.values():
            money_field.setAlignment(Qt.AlignmentFlag.AlignRight)
            money_field.setMaximumWidth(160)
        self.tax = _percent(99.99)
        self.counts = {key: _spin(*limits) for key, limits in COUNTS.items()}
        self.counts["service_interval_km"].setSingleStep(500)
        self.discounts = {role: _percent(50) for role in users.ROLES}
        self.warranty = {cls: (_spin(WARRANTY_MINIMUMS[cls][0], 1_000_000, 1000),
                               _spin(WARRANTY_MINIMUMS[cls][1], 3650)) for cls in REPAIR_CLASSES}  # fmt: skip
        for key, widget in [*self.texts.items(), *self.money.items()]:
            widget.setObjectName(f"setting_{key}")
        self.tax.setObjectName("setting_tax_rate")
        for key, count in self.counts.items():
            count.setObjectName(f"setting_{key}")
        for role, limit in self.discounts.items():
            limit.setObjectName(f"setting_discount_{role}")
        for cls, (km, days) in self.warranty.items():
            km.setObjectName(f"setting_warranty_{cls}_km")
            days.setObjectName(f"setting_warranty_{cls}_days")
        # Every input once: an edit marks the form unsaved; loading blocks their signals.
        self.fields: list[QLineEdit | QSpinBox | QDoubleSpinBox] = [
            *self.texts.values(), *self.money.values(), self.tax, *self.counts.values(),
            *self.discounts.values(), *(box for pair in self.warranty.values() for box in pair),
        ]  # fmt: skip
        for field in self.fields:
            if isinstance(field, QLineEdit):
                field.textEdited.connect(self._edited)
            else:
                field.valueChanged.connect(self._edited)

        self.profile_box, self.money_box = QGroupBox(self), QGroupBox(self)
        self.limits_box, self.warranty_box = QGroupBox(self), QGroupBox(self)
        self.row_labels: dict[str, QLabel] = {}

        def add_row(form: QFormLayout, key: str, field: QWidget) -> None:
            label = self.row_labels[key] = QLabel(self)
            label.setBuddy(field)
            form.addRow(label, field)

        profile_form = QFormLayout(self.profile_box)
        for key in TEXTS:
            add_row(profile_form, key, self.texts[key])
        money_form = QFormLayout(self.money_box)
        for key in MONEY:
            add_row(money_form, key, self.money[key])
        add_row(money_form, "tax_rate", self.tax)
        for role in users.ROLES:
            add_row(money_form, f"discount_{role}", self.discounts[role])
        limits_form = QFormLayout(self.limits_box)
        for key in COUNTS:
            add_row(limits_form, key, self.counts[key])
        grid = QGridLayout(self.warranty_box)
        self.warranty_heads = [QLabel(self.warranty_box) for _ in range(3)]
        for col, head in enumerate(self.warranty_heads):
            grid.addWidget(head, 0, col)
        self.warranty_names: dict[str, QLabel] = {}
        for row, cls in enumerate(REPAIR_CLASSES, start=1):
            name = QLabel(self.warranty_box)
            self.warranty_names[cls] = name
            grid.addWidget(name, row, 0)
            grid.addWidget(self.warranty[cls][0], row, 1)
            grid.addWidget(self.warranty[cls][1], row, 2)

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("settings_save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self)
        self.revert_button.setObjectName("settings_revert")
        self.revert_button.clicked.connect(self.revert)
        QShortcut(QKeySequence.StandardKey.Save, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                  ).activated.connect(self.save)  # fmt: skip
        self.state = QLabel(self)

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.profile_box)
        left.addWidget(self.money_box)
        left.addStretch(1)
        right.addWidget(self.limits_box)
        right.addWidget(self.warranty_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget(self)
        body.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Settings")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings of the dealership"))
        self.profile_box.setTitle(self.tr("Dealership (printed on every sheet)"))
        self.money_box.setTitle(self.tr("Prices, tax and discounts"))
        self.limits_box.setTitle(self.tr("Time limits and capacity"))
        self.warranty_box.setTitle(self.tr("Warranty of a repair, per repair class"))
        names = {
            "dealer_name": self.tr("&Name"), "dealer_address": self.tr("Address"),
            "dealer_phone": self.tr("Phone"), "dealer_tax_no": self.tr("Tax number"),
            "labour_rate_cents": self.tr("Labour rate (¥ per hour)"),
            "major_change_cents": self.tr("A change is major from (¥, needs a manager)"),
            "estimate_valid_days": self.tr("An estimate is valid for (days)"),
            "comeback_days": self.tr("A comeback within (days of handover)"),
            "service_interval_km": self.tr("Service interval (km)"),
            "service_interval_months": self.tr("Service interval (months)"),
            "bays": self.tr("Workshop bays"), "retention_years": self.tr("Keep personal data for (years)"),
        }  # fmt: skip
        names["tax_rate"] = self.tr("Tax rate")
        for role in users.ROLES:
            role_name = pick(*users.ROLE_LABELS.get(role, (role, role)))
            names[f"discount_{role}"] = self.tr("Discount limit: %1").replace("%1", role_name)
        for key, label in self.row_labels.items():
            label.setText(names[key])
        for head, text in zip(self.warranty_heads, (self.tr("Repair class"), self.tr("At least (km)"),
                                                    self.tr("At least (days)")), strict=True):  # fmt: skip
            head.setText(text)
        for cls, name in self.warranty_names.items():
            name.setText(repair_class_label(cls))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))
        self._show_state()

    # -- values --------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.dirty:  # never overwrite typing that is not saved
            self.load()

    def load(self) -> None:
        values = {key: settings.get_setting(key) for key in (*TEXTS, *MONEY, *COUNTS, "tax_rate",
                                                              "discount_limits", "warranty")}  # fmt: skip
        for field in self.fields:
            field.blockSignals(True)
        try:
            for key in TEXTS:
                self.texts[key].setText(str(values[key]))
            for key in MONEY:
                self.money[key].setText(str(to_yuan(int(values[key]))))
            self.tax.setValue(float(Decimal(values["tax_rate"]) * 100))
            for key in COUNTS:
                self.counts[key].setValue(int(values[key]))
            for role, box in self.discounts.items():
                box.setValue(float(Decimal(str(values["discount_limits"].get(role, "0"))) * 100))
            for cls, (km, days) in self.warranty.items():
                stored = values["warranty"].get(cls, WARRANTY_MINIMUMS[cls])
                km.setValue(int(stored[0]))
                days.setValue(int(stored[1]))
        finally:
            for field in self.fields:
                field.blockSignals(False)
        self.dirty = False
        self._show_state()

    def values(self) -> dict[str, Any]:
        """What the form says, in the settings' own units (cents, fractions)."""
        out: dict[str, Any] = {key: self.texts[key].text().strip() for key in TEXTS}
        for key in MONEY:
            out[key] = to_cents(self.money[key].text().strip() or "0")  # UserError on bad text
        out["tax_rate"] = _fraction(self.tax.value())
        out.update({key: box.value() for key, box in self.counts.items()})
        out["discount_limits"] = {role: str(_fraction(box.value())) for role, box in self.discounts.items()}
        out["warranty"] = {cls: [km.value(), days.value()] for cls, (km, days) in self.warranty.items()}
        return out

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
        result = self.ctx.ops.run(settings.set_settings, parent=self, topic="settings", values=values)
        if result is None:
            return False  # the domain's message was shown; the typing stays
        self.dirty = False
        self.load()
        return True

    def revert(self) -> None:
        self.load()


WORKSPACE = SettingsWorkspace
