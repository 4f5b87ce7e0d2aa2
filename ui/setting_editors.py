"""The editor of one shared setting on the Settings form, chosen from its declaration in
``advisor.config.SETTINGS`` (type, unit, range, label in both languages): a new setting
in an existing box needs no code here.

Each editor converts between the setting's stored units and what a person types: money
is typed in yuan and stored in cents, rates are typed in per cent and stored as fractions.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from advisor.config import REPAIR_CLASSES, WARRANTY_MINIMUMS, SettingDef
from advisor.i18n import pick
from advisor.money import to_cents, to_yuan
from advisor.services import users
from ui.ro.pages.reception import repair_class_label

Field = QLineEdit | QSpinBox | QDoubleSpinBox


def _spin(parent: QWidget, low: int, high: int, step: int = 1) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def _percent(parent: QWidget, high: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, high)
    box.setDecimals(2)
    box.setSuffix(" %")
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def _fraction(percent: float) -> Decimal:
    """13.0 (a spin box's per cent) → Decimal('0.13'), exact to 0.01 %."""
    return (Decimal(str(percent)) / 100).quantize(Decimal("0.0001")).normalize()


def _per_cent(fraction: Any) -> float:
    """Decimal('0.13') or "0.13" (as stored) → 13.0 for a spin box."""
    return float(Decimal(str(fraction)) * 100)


class SettingEditor:
    """One setting on the form: its inputs (``fields``), the labels of its rows
    (``labels``, by row name), and the conversion from and to the stored value."""

    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        self.d = d
        self.box = box
        self.fields: list[Field] = []
        self.labels: dict[str, QLabel] = {}

    def _row(self, name: str, field: Field) -> None:
        """A labelled row in the box's form (the box gets a form on its first row)."""
        form = self.box.layout()
        if form is None:
            form = QFormLayout(self.box)
        assert isinstance(form, QFormLayout)
        field.setObjectName(f"setting_{name}")
        label = self.labels[name] = QLabel(self.box)
        label.setBuddy(field)
        form.addRow(label, field)
        self.fields.append(field)

    def retranslate(self) -> None:
        for label in self.labels.values():
            label.setText(self.d.form_label())

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError


class _LineEditor(SettingEditor):
    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        super().__init__(d, box)
        self.field = QLineEdit(box)
        self._row(d.key, self.field)


class TextEditor(_LineEditor):
    def load(self, value: Any) -> None:
        self.field.setText(str(value))

    def value(self) -> str:
        return self.field.text().strip()


class MoneyEditor(_LineEditor):
    """Yuan typed with two decimals; stored as whole cents."""

    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        super().__init__(d, box)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.setMaximumWidth(160)

    def load(self, value: Any) -> None:
        self.field.setText(str(to_yuan(int(value))))

    def value(self) -> int:
        return to_cents(self.field.text().strip() or "0")  # UserError on bad text


class PercentEditor(SettingEditor):
    """Per cent from 0 to the declared highest; stored as a fraction."""

    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        super().__init__(d, box)
        self.field = _percent(box, float(d.high))
        self._row(d.key, self.field)

    def load(self, value: Any) -> None:
        self.field.setValue(_per_cent(value))

    def value(self) -> Decimal:
        return _fraction(self.field.value())


class CountEditor(SettingEditor):
    """A whole number in the declared range and step (days, km, bays…)."""

    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        super().__init__(d, box)
        self.field = _spin(box, int(d.low), int(d.high), d.step)
        self._row(d.key, self.field)

    def load(self, value: Any) -> None:
        self.field.setValue(int(value))

    def value(self) -> int:
        return self.field.value()


class PerRolePercentEditor(SettingEditor):
    """A per-cent limit for every role (``discount_limits`` → ``setting_discount_<role>``);
    each row's label names the role in place of ``%1``."""

    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        super().__init__(d, box)
        self.prefix = d.key.removesuffix("_limits")
        self.boxes = {role: _percent(box, float(d.high)) for role in users.DISCOUNT_ROLES}
        for role, field in self.boxes.items():
            self._row(f"{self.prefix}_{role}", field)

    def retranslate(self) -> None:
        for role in self.boxes:
            name = pick(*users.ROLE_LABELS.get(role, (role, role)))
            self.labels[f"{self.prefix}_{role}"].setText(self.d.form_label().replace("%1", name))

    def load(self, value: Any) -> None:
        for role, field in self.boxes.items():
            field.setValue(_per_cent(value.get(role, "0")))

    def value(self) -> dict[str, str]:
        return {role: str(_fraction(field.value())) for role, field in self.boxes.items()}


class WarrantyEditor(SettingEditor):
    """Kilometres and days per repair class, each at least the legal minimum, in a grid
    headed by the class, the kilometres and the days."""

    KM_MAX, KM_STEP, DAYS_MAX = 1_000_000, 1000, 3650

    def __init__(self, d: SettingDef, box: QGroupBox) -> None:
        super().__init__(d, box)
        self.pairs = {
            cls: (
                _spin(box, WARRANTY_MINIMUMS[cls][0], self.KM_MAX, self.KM_STEP),
                _spin(box, WARRANTY_MINIMUMS[cls][1], self.DAYS_MAX),
            )
            for cls in REPAIR_CLASSES
        }
        grid = QGridLayout(box)
        self.heads = [QLabel(box) for _ in range(3)]
        for col, head in enumerate(self.heads):
            grid.addWidget(head, 0, col)
        self.names: dict[str, QLabel] = {}
        for row, (cls, (km, days)) in enumerate(self.pairs.items(), start=1):
            km.setObjectName(f"setting_warranty_{cls}_km")
            days.setObjectName(f"setting_warranty_{cls}_days")
            self.names[cls] = QLabel(box)
            grid.addWidget(self.names[cls], row, 0)
            grid.addWidget(km, row, 1)
            grid.addWidget(days, row, 2)
            self.fields += [km, days]

    def retranslate(self) -> None:
        heads = (
            QCoreApplication.translate("SettingsWorkspace", "Repair class"),
            QCoreApplication.translate("SettingsWorkspace", "At least (km)"),
            QCoreApplication.translate("SettingsWorkspace", "At least (days)"),
        )
        for head, text in zip(self.heads, heads, strict=True):
            head.setText(text)
        for cls, name in self.names.items():
            name.setText(repair_class_label(cls))

    def load(self, value: Any) -> None:
        for cls, (km, days) in self.pairs.items():
            stored = value.get(cls, WARRANTY_MINIMUMS[cls])
            km.setValue(int(stored[0]))
            days.setValue(int(stored[1]))

    def value(self) -> dict[str, list[int]]:
        return {cls: [km.value(), days.value()] for cls, (km, days) in self.pairs.items()}


EDITORS: dict[str, type[SettingEditor]] = {
    "text": TextEditor,
    "yuan": MoneyEditor,
    "percent": PercentEditor,
    "count": CountEditor,
}
DICT_EDITORS: dict[str, type[SettingEditor]] = {"percent": PerRolePercentEditor, "km_days": WarrantyEditor}


def editor_for(d: SettingDef, box: QGroupBox) -> SettingEditor:
    """The editor of ``d`` (its rows put into ``box``), chosen by its type and unit."""
    return (DICT_EDITORS if d.kind is dict else EDITORS)[d.unit](d, box)
