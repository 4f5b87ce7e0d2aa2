"""Customers & vehicles: find a customer, edit their contact details, their vehicles and
each vehicle's repair-order history."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import Channel, ROStatus, words
from advisor.services import audit_log, customers, history, search
from advisor.services.opchanges import Kind
from advisor.services.views import CustomerView, ROSummary, VehicleView
from ui import fmt, messages
from ui.conflict_dialog import save_with_conflict_handling
from ui.context import AppContext
from ui.desk.lanes import step_text
from ui.desk.vehicle_dialog import AddVehicleDialog, EditVehicleDialog
from ui.operations import Outcome
from ui.tables import read_only_table
from ui.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole
RED = QColor("#c62828")
FORM_FIELDS = ("name", "phone", "email", "wechat", "preferred_channel", "marketing_consent", "birthday")


def form_value(c: Any, key: str) -> Any:
    """A stored field as the form holds it (the birthday as the text typed: 1980-05-17)."""
    value = getattr(c, key)
    if key == "birthday":
        return "" if value is None else value.isoformat()
    return value


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``: a crash never
    leaves half a file behind."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _table(columns: int, name: str) -> QTableWidget:
    table = read_only_table(columns, name=name, stretch_last=True)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def vehicle_edit_hook(ws: CustomersWorkspace, editable: bool) -> tuple[QPushButton, QAction]:
    """The "Edit vehicle…" button under the vehicles and the same action on a vehicle's
    context menu; Enter or a double click on a vehicle opens it too."""
    button = QPushButton()
    button.setObjectName("editVehicle")
    button.setEnabled(editable)
    button.clicked.connect(ws.edit_vehicle)
    table = ws.vehicle_table
    action = QAction(table)
    # Queued: the dialog opens once the double click that chose the vehicle has ended.
    action.triggered.connect(lambda: QTimer.singleShot(0, ws, ws.edit_vehicle))

    def menu(pos: QPoint) -> None:
        index = table.indexAt(pos)
        if index.isValid():
            table.selectRow(index.row())
            popup = QMenu(table)
            popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            popup.addAction(action)
            popup.popup(table.viewport().mapToGlobal(pos))

    if editable:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(menu)
        table.activated.connect(lambda _index: action.trigger())
    return button, action


class CustomersWorkspace(Workspace):
    key = "customers"
    permission = None
    icon_name = "SP_DirHomeIcon"
    # the customer, vehicles and visit history
    shows = Kind.CUSTOMERS | Kind.RO | Kind.ESTIMATE | Kind.PAYMENTS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.customer: CustomerView | None = None
        self.vehicles: list[VehicleView] = []
        self.history: list[ROSummary] = []
        self._pending_vehicle: int | None = None
        self._loaded: dict[str, Any] = {}  # the form's values as loaded (for a conflict)
        editable = ctx.may("customer.edit")
        left = self._build_finder()
        self._build_customer_form(editable)
        self._build_vehicles(editable)
        self._build_history()

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.form_box)
        right_box.addWidget(self.vehicles_box, 1)
        right_box.addWidget(self.history_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_enabled(False)
        self.retranslate()

    def _build_finder(self) -> QWidget:
        """The search field (plate, VIN, phone or name) over the customers found."""
        self.lookup = QLineEdit()
        self.lookup.setObjectName("customerFind")
        self.lookup.setClearButtonEnabled(True)
        self.found = QListWidget()
        self.found.setObjectName("customerList")
        self.found.currentItemChanged.connect(self._found_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.lookup.textEdited.connect(lambda _t: self._timer.start())
        self.lookup.returnPressed.connect(self._find_enter)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.lookup)
        left_box.addWidget(self.found, 1)
        return left

    def _build_customer_form(self, editable: bool) -> None:
        """The customer's fields, read-only without customer.edit, and the buttons below."""
        self.form_box = QGroupBox()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.email = QLineEdit()
        self.wechat = QLineEdit()
        self.channel = QComboBox()
        for code in customers.CHANNELS:
            self.channel.addItem(code, code)
        # Customer care's birthday greetings (issue 17): typed as 1980-05-17, checked by the
        # service (31 February is refused).
        self.birthday = QLineEdit()
        self.birthday.setObjectName("birthday")
        self.birthday.setMaximumWidth(160)
        self.consent = QCheckBox()
        form = QFormLayout(self.form_box)
        self.form_labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self.form_labels,
            (self.name, self.phone, self.email, self.wechat, self.channel, self.birthday),
            strict=True,
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.consent)
        form.addRow(self._build_form_buttons(editable))
        for field in (self.name, self.phone, self.email, self.wechat, self.birthday):
            field.setReadOnly(not editable)
            field.returnPressed.connect(self.save)
            field.textEdited.connect(lambda _t: self._show_saved(None))
        self.channel.activated.connect(lambda _i: self._show_saved(None))
        self.consent.clicked.connect(lambda _c: self._show_saved(None))
        self.channel.setEnabled(editable)
        self.consent.setEnabled(editable)
        self.save_button.setEnabled(editable)

    def _build_form_buttons(self, editable: bool) -> QHBoxLayout:
        """Export and erase (personal data) on the left; saved, reload and save on the right."""
        erasable = self.ctx.may("customer.erase")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportCustomer")
        self.export_button.clicked.connect(self.export_data)
        self.export_button.setEnabled(editable)
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("eraseCustomer")
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setEnabled(erasable)
        self.erase_button.setVisible(erasable)
        self.save_button = QPushButton()
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        # "✓ Saved 14:32" beside the button after a save, until the form is changed again.
        self.saved_label = QLabel()
        self.saved_label.setObjectName("customerSaved")
        self.saved_label.setStyleSheet("color: #2e7d32;")
        self.saved_label.hide()
        self._saved_at: dt.datetime | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        return buttons

    def _build_vehicles(self, editable: bool) -> None:
        """The customer's vehicles and the button that adds one."""
        self.vehicles_box = QGroupBox()
        self.vehicle_table = _table(6, "vehicles")
        self.vehicle_table.currentCellChanged.connect(lambda *_: self._show_history())
        self.add_vehicle_button = QPushButton()
        self.add_vehicle_button.clicked.connect(self.add_vehicle)
        self.add_vehicle_button.setEnabled(editable)
        self.edit_vehicle_button, self.edit_vehicle_action = vehicle_edit_hook(self, editable)
        vbox = QVBoxLayout(self.vehicles_box)
        vbox.addWidget(self.vehicle_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_vehicle_button)
        row.addWidget(self.add_vehicle_button)
        vbox.addLayout(row)

    def _build_history(self) -> None:
        """The selected vehicle's repair orders and the button that opens one."""
        self.history_box = QGroupBox()
        self.history_table = _table(5, "history")
        self.history_table.activated.connect(lambda _i: self.open_selected_ro())
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected_ro)
        # Customer service sees the visits, neither the ROs themselves nor their totals.
        self.open_button.setVisible(self.ctx.may("ro.view"))
        self._money = self.ctx.may("money.view")
        self.history_table.setColumnHidden(4, not self._money)
        hbox = QVBoxLayout(self.history_box)
        hbox.addWidget(self.history_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        hbox.addLayout(row)

    def title(self) -> str:
        return self.tr("Customers & vehicles")

    def channel_text(self, code: str) -> str:
        return words(Channel, code)

    def retranslate(self) -> None:
        self.lookup.setPlaceholderText(self.tr("Find by plate, VIN, phone or name"))
        self.form_box.setTitle(self.tr("Customer"))
        for label, text in zip(
            self.form_labels,
            (
                self.tr("&Name:"),
                self.tr("P&hone:"),
                self.tr("&E-mail:"),
                self.tr("&WeChat:"),
                self.tr("Preferred &channel:"),
                self.tr("&Birthday:"),
            ),
            strict=True,
        ):
            label.setText(text)
        for i in range(self.channel.count()):
            self.channel.setItemText(i, self.channel_text(self.channel.itemData(i)))
        self.consent.setText(self.tr("Agrees to &marketing messages"))
        self.birthday.setPlaceholderText(self.tr("e.g. 1980-05-17"))
        self.birthday.setToolTip(self.tr("For birthday greetings (only with the marketing consent)"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the customer's details (Ctrl+S)"))
        self.reload_button.setText(self.tr("&Reload"))
        self.reload_button.setToolTip(self.tr("Show the stored details again (your changes are discarded)"))
        self.export_button.setText(self.tr("E&xport customer data…"))
        self.export_button.setToolTip(
            self.tr("Save everything held about this customer to a JSON file (a data-subject request)")
        )
        self.erase_button.setText(self.tr("Erase (anonymise)…"))
        self.erase_button.setToolTip(
            self.tr(
                "Replace this customer's personal data by an anonymous record; allowed only after "
                "the retention period. This cannot be undone."
            )
        )
        self.vehicles_box.setTitle(self.tr("Vehicles"))
        self.vehicle_table.setHorizontalHeaderLabels(
            [
                self.tr("Plate"),
                self.tr("VIN"),
                self.tr("Make and model"),
                self.tr("Year"),
                self.tr("Mileage"),
                self.tr("Next service"),
            ]
        )
        self.add_vehicle_button.setText(self.tr("&Add vehicle…"))
        self.add_vehicle_button.setToolTip(self.tr("Register another vehicle of this customer (Alt+A)"))
        self.edit_vehicle_button.setText(self.tr("E&dit vehicle…"))
        self.edit_vehicle_action.setText(self.tr("E&dit vehicle…"))
        self.edit_vehicle_button.setToolTip(
            self.tr("Correct the selected vehicle's plate, VIN, make, model, year or mileage (Alt+D)")
        )
        self.history_box.setTitle(self.tr("Repair orders of the vehicle"))
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("RO"), self.tr("Arrived"), self.tr("Step"), self.tr("Status"), self.tr("Total")]
        )
        self.open_button.setText(self.tr("&Open repair order"))
        self.open_button.setToolTip(self.tr("Open the selected repair order (Enter)"))
        self._show_saved(self._saved_at)
        if self.customer is not None:
            self._fill_vehicles()
            self._fill_history()

    # ---- finding ----------------------------------------------------------------------
    def _search(self) -> None:
        self.found.clear()
        term = self.lookup.text().strip()
        if not term:
            return
        seen: set[int] = set()
        for hit in search.search(actor=self.ctx.actor, term=term, limit=30):
            if hit.customer_id in seen or hit.kind == "order":
                continue
            seen.add(hit.customer_id)
            text = hit.title if hit.kind == "customer" else f"{hit.title} · {hit.subtitle}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, (hit.customer_id, hit.vehicle_id))
            self.found.addItem(item)

    def _find_enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._search()
        if self.found.count():
            self.found.setCurrentRow(0)
            self.name.setFocus()

    def _found_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            customer_id, vehicle_id = item.data(ID_ROLE)
            self.show_customer(customer_id, vehicle_id=vehicle_id)

    # ---- showing ----------------------------------------------------------------------
    def show_customer(self, customer_id: int, vehicle_id: int | None = None) -> None:
        """Show one customer (and select one of their vehicles)."""
        self.customer = customers.read_customer(actor=self.ctx.actor, customer_id=customer_id)
        self._show_saved(None)
        self._pending_vehicle = vehicle_id
        self._fill_form()
        self.refresh()

    def refresh(self) -> None:
        if self.customer is None:
            return
        self.vehicles = customers.read_vehicles_of(actor=self.ctx.actor, customer_id=self.customer.id)
        self._fill_vehicles()

    def reload(self) -> None:
        """Discard typed changes and show the stored customer."""
        if self.customer is not None:
            self.show_customer(self.customer.id)

    def _set_enabled(self, on: bool) -> None:
        for box in (self.form_box, self.vehicles_box, self.history_box):
            box.setEnabled(on)

    def field_labels(self) -> dict[str, str]:
        """The form's fields as the conflict dialog names them."""
        return {"name": self.tr("Name"), "phone": self.tr("Phone"), "email": self.tr("E-mail"),
                "wechat": self.tr("WeChat"), "preferred_channel": self.tr("Preferred channel"),
                "marketing_consent": self.tr("Agrees to marketing messages"),
                "birthday": self.tr("Birthday")}  # fmt: skip

    def _stored_fields(self, customer_id: int) -> dict[str, Any]:
        """The stored values of the form's fields, with ``version`` (for the conflict dialog)."""
        c = customers.read_customer(actor=self.ctx.actor, customer_id=customer_id)
        return {**{k: form_value(c, k) for k in FORM_FIELDS}, "version": c.version}

    def _fill_form(self) -> None:
        c = self.customer
        self._set_enabled(c is not None)
        if c is None:
            self._loaded = {}
            return
        self._loaded = {k: form_value(c, k) for k in FORM_FIELDS}
        self.name.setText(c.name)
        self.phone.setText(c.phone)
        self.email.setText(c.email)
        self.wechat.setText(c.wechat)
        self.channel.setCurrentIndex(max(self.channel.findData(c.preferred_channel), 0))
        self.consent.setChecked(c.marketing_consent)
        self.birthday.setText(form_value(c, "birthday"))
        # A masked phone must not be saved back over the real one.
        self.phone.setReadOnly(not self.ctx.may("customer.view_phone") or not self.ctx.may("customer.edit"))
        self.erase_button.setEnabled(self.ctx.may("customer.erase") and not c.anonymised)

    def _fill_vehicles(self) -> None:
        selected = self._pending_vehicle or self._selected_vehicle_id()
        self._pending_vehicle = None
        table = self.vehicle_table
        table.setRowCount(len(self.vehicles))
        for row, v in enumerate(self.vehicles):
            vin = QTableWidgetItem(v.vin if v.vin_check_ok else f"⚠ {v.vin}")
            if not v.vin_check_ok:
                vin.setForeground(QBrush(RED))
                vin.setToolTip(self.tr("The VIN's check digit does not match."))
            cells = [QTableWidgetItem(v.plate), vin, QTableWidgetItem(f"{v.make} {v.model}".strip()),
                     QTableWidgetItem(str(v.year or "")), QTableWidgetItem(fmt.km(v.mileage_km)),
                     QTableWidgetItem(fmt.date(v.next_service_date))]  # fmt: skip
            cells[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[0].setData(ID_ROLE, v.id)
            for col, cell in enumerate(cells):
                table.setItem(row, col, cell)
        row = next((i for i, v in enumerate(self.vehicles) if v.id == selected), 0)
        if self.vehicles:
            table.selectRow(row)
        self.edit_vehicle_button.setEnabled(self.ctx.may("customer.edit") and bool(self.vehicles))
        self._show_history()

    def _selected_vehicle_id(self) -> int | None:
        row = self.vehicle_table.currentRow()
        if 0 <= row < len(self.vehicles):
            return self.vehicles[row].id
        return None

    def _show_history(self) -> None:
        vehicle_id = self._selected_vehicle_id()
        self.history = (
            history.read_vehicle_orders(actor=self.ctx.actor, vehicle_id=vehicle_id)
            if vehicle_id is not None
            else []
        )
        self._fill_history()

    def _fill_history(self) -> None:
        table = self.history_table
        table.setRowCount(len(self.history))
        for row, r in enumerate(self.history):
            status = words(ROStatus, r.status)
            cells = [QTableWidgetItem(r.number), QTableWidgetItem(fmt.datetime(r.arrived_at)),
                     QTableWidgetItem(step_text(r.step)), QTableWidgetItem(status),
                     QTableWidgetItem(fmt.money(r.total_cents) if self._money else "")]  # fmt: skip
            cells[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[0].setData(ID_ROLE, r.id)
            for col, cell in enumerate(cells):
                table.setItem(row, col, cell)
        self.open_button.setEnabled(bool(self.history))

    # ---- actions ----------------------------------------------------------------------
    def save(self) -> None:
        """Save the form. When someone else saved in between, the conflict dialog shows both
        versions: reload theirs, apply mine again (only the fields I changed) or cancel
        (my typing stays on screen)."""
        c = self.customer
        if c is None:
            return
        fields: dict[str, Any] = dict(
            name=self.name.text(),
            email=self.email.text(),
            wechat=self.wechat.text(),
            preferred_channel=self.channel.currentData(),
            marketing_consent=self.consent.isChecked(),
            birthday=self.birthday.text().strip(),
        )
        if not self.phone.isReadOnly():
            fields["phone"] = self.phone.text()
        outcome = save_with_conflict_handling(
            self.ctx,
            self,
            customers.update_customer,
            lambda: self._stored_fields(c.id),
            fields,
            labels=self.field_labels(),
            original=self._loaded,
            customer_id=c.id,
            version=c.version,
        )
        if outcome.status == "saved":
            self.customer = outcome.value
            self._fill_form()
            self._show_saved(dt.datetime.now())
        elif outcome.status == "reloaded":
            self.reload()
        # "cancelled" and "failed": the typing stays on screen.

    def _show_saved(self, at: dt.datetime | None) -> None:
        """The sign that the form is saved (``at``), or none once it is changed again."""
        self._saved_at = at
        if at is None:
            self.saved_label.hide()
            return
        self.saved_label.setText(self.tr("✓ Saved %1").replace("%1", fmt.time(at)))
        self.saved_label.setToolTip(
            self.tr("The customer's details were saved at %1.").replace("%1", fmt.time(at))
        )
        self.saved_label.show()

    def export_data(self) -> None:
        """Ask where to save, then gather everything held about the customer in the
        background and write it as JSON."""
        c = self.customer
        if c is None:
            return
        suggested = f"customer-{c.id}.json"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export customer data"),
            str(Path(folder) / suggested) if folder else suggested,
            self.tr("JSON files (*.json)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")

        def write(data: Outcome[str]) -> None:
            if not data.ok:
                return
            try:
                write_atomically(path, data.value.encode("utf-8"))
            except OSError as err:
                messages.error(
                    self, self.tr("The file could not be saved: %1").replace("%1", err.strerror or str(err))
                )
                return
            messages.info(self, self.tr("The customer's data was saved to %1.").replace("%1", str(path)))

        self.ctx.ops.run_in_background(
            audit_log.export_customer_data, parent=self, on_done=write, customer_id=c.id
        )

    def erase(self) -> None:
        """Anonymise the customer after a clear warning (refused inside the retention period)."""
        c = self.customer
        if c is None:
            return
        question = self.tr(
            "Erase the personal data of %1?\n\nName, phone, e-mail and WeChat are replaced by an "
            "anonymous record; the repair orders stay. This cannot be undone."
        ).replace("%1", c.name)
        if not messages.confirm(self, question, title=self.tr("Erase customer data")):
            return
        if self.ctx.ops.run(customers.erase_customer, parent=self, customer_id=c.id).ok:
            self.show_customer(c.id)

    def add_vehicle(self) -> None:
        if self.customer is None:
            return
        dialog = AddVehicleDialog(self.ctx, self.customer.id, self)
        if dialog.exec() == AddVehicleDialog.DialogCode.Accepted and dialog.vehicle is not None:
            self._pending_vehicle = dialog.vehicle.id
            self.refresh()

    def edit_vehicle(self) -> None:
        """Correct the selected vehicle; the list shows the saved details."""
        row = self.vehicle_table.currentRow()
        if not (0 <= row < len(self.vehicles)) or not self.ctx.may("customer.edit"):
            return
        dialog = EditVehicleDialog(self.ctx, self.vehicles[row], self)
        if dialog.exec() == EditVehicleDialog.DialogCode.Accepted and dialog.vehicle is not None:
            self._pending_vehicle = dialog.vehicle.id
            self.refresh()

    def open_selected_ro(self) -> None:
        row = self.history_table.currentRow()
        if 0 <= row < len(self.history) and self.ctx.may("ro.view"):
            self.open_ro.emit(self.history[row].id)


WORKSPACE = CustomersWorkspace
