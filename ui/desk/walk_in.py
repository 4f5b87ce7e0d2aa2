"""Walk-in: find the car by plate (or phone, name) or register a new customer and car
quickly; the caller then opens the RO for the chosen vehicle.

What was typed in the search goes on into the new-customer form (a plate to the plate,
a phone to the phone, else the name). A search without a match says so and offers to
create the customer. The form shows every refused field at once, each beside its input;
the VIN is checked as soon as it has 17 characters, and a VIN or plate already on file
offers to take that vehicle (and its owner) instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor import workflow
from advisor.codes import VehicleKind
from advisor.errors import DuplicateVehicle, UserError
from advisor.services import customers, search
from ui.context import AppContext
from ui.desk.field_note import ERROR_STYLE, NotedField, show_errors

VEHICLE_ROLE = Qt.ItemDataRole.UserRole
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1  # a customer on file without a vehicle


def warning_text(code: str) -> str:
    """The sentence for a warning code of a vehicle's VIN."""
    if code == "vin_check_digit":
        return QCoreApplication.translate(
            "WalkInDialog",
            "The VIN's check digit (9th character) does not match: compare "
            "the VIN with the registration certificate. It can still be saved.",
        )
    return code


def kind_box(name: str) -> QComboBox:
    """The vehicle's kind (petrol/diesel, hybrid, electric): which inspection checklist
    applies. Filled (and refilled after a language switch) by ``fill_kinds``."""
    box = QComboBox()
    box.setObjectName(name)
    fill_kinds(box)
    return box


def fill_kinds(box: QComboBox) -> None:
    """The kinds in the user's language, the choice kept."""
    keep = box.currentData() or VehicleKind.CAR
    box.blockSignals(True)
    box.clear()
    for kind in VehicleKind:
        box.addItem(kind.label(), str(kind))
    box.setCurrentIndex(max(0, box.findData(keep)))
    box.blockSignals(False)


def suggest_kind(box: QComboBox, plate: str, *, chosen: bool) -> None:
    """A green new-energy plate tells the kind (D electric, F plug-in hybrid): shown in
    ``box`` unless the user chose one by hand."""
    if chosen:
        return
    kind = workflow.kind_by_plate(plate) or VehicleKind.CAR
    box.setCurrentIndex(max(0, box.findData(kind)))


def check_vin_live(
    ctx: AppContext, note: NotedField, text: str, exclude: int | None = None
) -> DuplicateVehicle | None:
    """Check a VIN as it is typed: nothing until it has 17 characters, then its form, its
    check digit (a warning) and whether it is on file (returned, shown as an error)."""
    note.clear()
    compact = "".join(text.split()).replace("-", "").upper()
    if len(compact) < 17:
        return None
    try:
        vin, warnings = customers.check_vin(compact)  # imports vininfo: only once a VIN is typed
    except UserError as err:
        note.show_error(err.message())
        return None
    duplicate = customers.read_duplicate_of(actor=ctx.actor, vin=vin, exclude=exclude)
    if duplicate is not None:
        note.show_error(duplicate.message())
        return duplicate
    for code in warnings:
        note.show_warning(warning_text(code))
    return None


class WalkInDialog(QDialog):
    """``vehicle_id`` is set when the dialog is accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vehicle_id: int | None = None
        self._customer_id: int | None = None  # a customer on file, chosen in the search
        self._duplicates: dict[str, int] = {}  # field → id of the vehicle on file
        self.tabs = QTabWidget()
        existing = self._build_search()
        new = self._build_new_customer()
        self.tabs.addTab(existing, "")
        self.tabs.addTab(new, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.retranslate()
        self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_search(self) -> QWidget:
        """The first tab: find the car or customer on file; "create" when nothing matches."""
        existing = QWidget()
        self.lookup = QLineEdit()
        self.lookup.setObjectName("walkInFind")
        self.lookup.setClearButtonEnabled(True)
        self.found = QListWidget()
        self.found.setObjectName("walkInFound")
        self.found.itemActivated.connect(self._activated)
        self.no_match = QWidget()
        self.no_match.setObjectName("walkInNoMatch")
        self.no_match_label = QLabel()
        self.no_match_label.setObjectName("walkInNoMatchText")
        self.no_match_label.setWordWrap(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("walkInCreate")
        self.create_button.clicked.connect(lambda: self.start_new(self.lookup.text()))
        no_match_box = QVBoxLayout(self.no_match)
        no_match_box.addStretch(1)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        no_match_box.addWidget(self.no_match_label)
        no_match_box.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        no_match_box.addStretch(2)
        self.results = QStackedWidget()
        self.results.addWidget(self.found)
        self.results.addWidget(self.no_match)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.lookup.textEdited.connect(lambda _t: self._timer.start())
        # Enter searches at once if the pause has not run yet; the dialog's default
        # button (open the found vehicle, or create the customer) then takes it.
        self.lookup.returnPressed.connect(self._search_now)
        box = QVBoxLayout(existing)
        box.addWidget(self.lookup)
        box.addWidget(self.results, 1)
        return existing

    def _build_new_customer(self) -> QWidget:
        """The second tab: a new customer and vehicle, each field with its note beneath."""
        new = QWidget()
        self.owner = QLabel()
        self.owner.setObjectName("walkInOwner")
        self.owner.setWordWrap(True)
        self.owner.hide()
        self.name = QLineEdit()
        self.name.setObjectName("walkInName")
        self.phone = QLineEdit()
        self.phone.setObjectName("walkInPhone")
        self.plate = QLineEdit()
        self.plate.setObjectName("walkInPlate")
        self.vin = QLineEdit()
        self.vin.setObjectName("walkInVin")
        self.vin.setMaxLength(17)
        self.make = QLineEdit()
        self.make.setObjectName("walkInMake")
        self.model = QLineEdit()
        self.model.setObjectName("walkInModel")
        self.kind = kind_box("walkInKind")  # which inspection checklist applies
        self.kind_chosen = False  # chosen by hand: a plate typed after no longer suggests it
        self.kind.activated.connect(lambda _i: setattr(self, "kind_chosen", True))
        self.plate.textChanged.connect(lambda text: suggest_kind(self.kind, text, chosen=self.kind_chosen))
        self.notes = {
            "name": NotedField(self.name, "walkInName"),
            "phone": NotedField(self.phone, "walkInPhone"),
            "plate": NotedField(self.plate, "walkInPlate"),
            "vin": NotedField(self.vin, "walkInVin"),
            "make": NotedField(self.make, "walkInMake"),
            "model": NotedField(self.model, "walkInModel"),
        }
        for key in ("plate", "vin"):
            self.notes[key].action.clicked.connect(lambda _=False, k=key: self.use_duplicate(k))
        for key, note in self.notes.items():
            field = note.field
            assert isinstance(field, QLineEdit)
            if key == "vin":
                field.textChanged.connect(self._vin_changed)
            else:
                field.textEdited.connect(lambda _t, n=note: n.clear())
        form_box = QVBoxLayout(new)
        form_box.addWidget(self.owner)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.labels = [QLabel() for _ in range(6)]
        for label, note in zip(self.labels, self.notes.values(), strict=True):
            label.setBuddy(note.field)
            form.addRow(label, note)
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        form.addRow(self.kind_label, self.kind)
        form_box.addLayout(form)
        self.form_error = QLabel()
        self.form_error.setObjectName("walkInError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.hide()
        form_box.addWidget(self.form_error)
        form_box.addStretch(1)
        return new

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Walk-in customer"))
        self.tabs.setTabText(0, self.tr("&Known vehicle"))
        self.tabs.setTabText(1, self.tr("&New customer"))
        self.lookup.setPlaceholderText(self.tr("Plate, VIN, phone or name"))
        texts = (
            self.tr("Customer n&ame:"),
            self.tr("&Phone:"),
            self.tr("P&late:"),
            self.tr("&VIN:"),
            self.tr("&Make:"),
            self.tr("M&odel:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.kind_label.setText(self.tr("Vehicle &type:"))
        fill_kinds(self.kind)
        self.vin.setPlaceholderText(self.tr("17 characters"))
        for key in ("plate", "vin"):
            self.notes[key].action.setText(self.tr("&Use that vehicle"))
            self.notes[key].action.setToolTip(
                self.tr("Open the repair order for the vehicle on file and its owner")
            )
        self._show_search_state()
        self._show_owner()
        ok = self.ok_button
        ok.setText(self.tr("Open repair order"))
        ok.setToolTip(self.tr("Open a repair order for this vehicle (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- the search ---------------------------------------------------------------------
    def _search_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._search()

    def _search(self) -> None:
        self.found.clear()
        term = self.lookup.text().strip()
        if term:
            self._fill(term)
        if self.found.count():
            self.found.setCurrentRow(0)
        self._show_search_state()
        self._update_default()

    def _fill(self, term: str) -> None:
        shown: set[int] = set()
        hits = search.search(actor=self.ctx.actor, term=term)
        for hit in hits:
            if hit.kind == "vehicle" and hit.vehicle_id is not None and hit.vehicle_id not in shown:
                shown.add(hit.vehicle_id)
                self._add_vehicle_item(hit.vehicle_id, hit.title, hit.subtitle)
        # A customer found by phone or name: their vehicles, or the customer alone.
        for hit in hits:
            if hit.kind != "customer":
                continue
            vehicles = customers.read_vehicles_of(actor=self.ctx.actor, customer_id=hit.customer_id)
            for v in vehicles:
                if v.id not in shown:
                    shown.add(v.id)
                    sub = f"{v.make} {v.model} · {v.vin} · {hit.title}".strip()
                    self._add_vehicle_item(v.id, v.plate, sub)
            if not vehicles:
                text = (
                    self.tr("%1 %2 · no vehicle on file: add one")
                    .replace("%1", hit.title)
                    .replace("%2", hit.subtitle)
                )
                item = QListWidgetItem(text)
                item.setData(CUSTOMER_ROLE, hit.customer_id)
                self.found.addItem(item)

    def _add_vehicle_item(self, vehicle_id: int, title: str, subtitle: str) -> None:
        item = QListWidgetItem(f"{title}    {subtitle}")
        item.setData(VEHICLE_ROLE, vehicle_id)
        self.found.addItem(item)

    def _no_match(self) -> bool:
        return bool(self.lookup.text().strip()) and self.found.count() == 0 and not self._timer.isActive()

    def _show_search_state(self) -> None:
        term = self.lookup.text().strip()
        self.results.setCurrentWidget(self.no_match if self._no_match() else self.found)
        self.no_match_label.setText(self.tr("No customer or vehicle matches “%1”.").replace("%1", term))
        self.create_button.setText(self.tr("&Create a new customer with “%1”").replace("%1", term))
        self.create_button.setToolTip(self.tr("Go on to the new customer's form with what you typed (Enter)"))

    def _update_default(self) -> None:
        """Enter creates the customer when the search found nothing, else opens the RO."""
        if self.tabs.currentIndex() == 0 and self._no_match():
            self.create_button.setDefault(True)
        else:
            self.ok_button.setDefault(True)

    def _tab_changed(self, index: int) -> None:
        """The New customer tab opened by hand (click, Alt+N) takes the search text too,
        as long as nothing has been typed into the form yet."""
        fields = (self.name, self.phone, self.plate, self.vin, self.make, self.model)
        if index == 1 and self.lookup.text().strip() and not any(f.text() for f in fields):
            self.start_new(self.lookup.text())
        self._update_default()

    def _activated(self, item: QListWidgetItem) -> None:
        customer_id = item.data(CUSTOMER_ROLE)
        if customer_id is not None:
            self.start_new("", customer_id=int(customer_id))
            return
        self.vehicle_id = int(item.data(VEHICLE_ROLE))
        self.accept()

    def accept_existing(self) -> None:
        item = self.found.currentItem()
        if item is not None:
            self._activated(item)

    # ---- the new customer ---------------------------------------------------------------
    def start_new(self, typed: str, *, customer_id: int | None = None) -> None:
        """Go to the new-customer form, carrying ``typed`` into the field it looks like;
        with ``customer_id``, the vehicle is added to that customer on file."""
        if self._customer_id is not None and customer_id is None:
            self.name.clear()  # the customer on file chosen before is not this one
            self.phone.clear()
        self._customer_id = customer_id
        for field in (self.name, self.phone):
            field.setReadOnly(customer_id is not None)
        if customer_id is not None:
            c = customers.read_customer(actor=self.ctx.actor, customer_id=customer_id)
            self.name.setText(c.name)
            self.phone.setText(c.phone)
        typed = typed.strip()
        if typed:
            kind = customers.looks_like(typed)
            if customer_id is not None and kind in ("name", "phone"):
                kind = ""
            target = {"plate": self.plate, "vin": self.vin, "phone": self.phone, "name": self.name}.get(kind)
            if target is not None:
                target.setText(typed.upper() if kind in ("plate", "vin") else typed)
        self._show_owner()
        self.tabs.setCurrentIndex(1)
        empty = next(
            (
                f
                for f in (self.name, self.phone, self.plate, self.vin, self.make)
                if not f.text() and not f.isReadOnly()
            ),
            self.make,
        )
        empty.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_owner(self) -> None:
        if self._customer_id is None:
            self.owner.hide()
            return
        self.owner.setText(self.tr("A vehicle for the customer on file %1.").replace("%1", self.name.text()))
        self.owner.show()

    def _vin_changed(self, text: str) -> None:
        self.notes["vin"].clear()
        self._duplicates.pop("vin", None)
        duplicate = check_vin_live(self.ctx, self.notes["vin"], text)
        if duplicate is not None:
            self._offer(duplicate)

    def _offer(self, duplicate: DuplicateVehicle) -> None:
        """The "Use that vehicle" button beside the field of a VIN or plate on file."""
        field = duplicate.field or ""
        if field in ("vin", "plate"):
            self._duplicates[field] = duplicate.vehicle_id
            self.notes[field].action.show()

    def use_duplicate(self, field: str) -> None:
        """Take the vehicle on file (with its owner) into the walk-in."""
        vehicle_id = self._duplicates.get(field)
        if vehicle_id is not None:
            self.vehicle_id = vehicle_id
            self.accept()

    def clear_notes(self) -> None:
        """Before a new try: the errors go, the VIN's check-digit warning stays."""
        for key, note in self.notes.items():
            if not (key == "vin" and note.severity == "warning"):
                note.clear()
        self._duplicates.clear()
        self.form_error.hide()

    def confirm(self) -> None:
        """OK: the highlighted vehicle, or register the new customer and car."""
        if self.tabs.currentIndex() == 0:
            self._search_now()
            if self.found.currentItem() is not None:
                self.accept_existing()
            elif self.lookup.text().strip():
                self.start_new(self.lookup.text())
            else:
                self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.clear_notes()
        added = self.ctx.ops.run(
            customers.register_walk_in,
            parent=self,
            quiet=True,
            customer_id=self._customer_id,
            name=self.name.text(),
            phone=self.phone.text(),
            vin=self.vin.text(),
            plate=self.plate.text(),
            make=self.make.text(),
            model=self.model.text(),
            kind=self.kind.currentData(),
        )
        if not added.ok:
            if added.error is not None:
                self._show_refusal(added.error)
            return
        _customer, vehicle, _warnings = added.value  # the check-digit warning was shown live
        self.vehicle_id = vehicle.id
        self.accept()

    def _show_refusal(self, err: UserError) -> None:
        rest, first = show_errors(err, self.notes)
        for one in [err, *getattr(err, "errors", [])]:
            if isinstance(one, DuplicateVehicle):
                self._offer(one)
        if rest:
            self.form_error.setText("\n".join(f"● {one.message()}" for one in rest))
            self.form_error.show()
        if first is not None:
            first.field.setFocus(Qt.FocusReason.OtherFocusReason)
