"""Step 5, estimate: labour and part lines, canned jobs, totals, price range and promise,
and the customer's authorisation. Once authorised the lines are read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import SignedAct
from advisor.i18n import pick
from advisor.services import estimate, findings, parts
from advisor.services.findings import FindingView
from advisor.services.views import LineView, PhotoThumbView, ROView
from ui import fmt, messages
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, parse_money, to_qdatetime, yuan
from ui.operations import Outcome
from ui.ro import printing
from ui.ro.authorise_dialog import AuthoriseDialog, method_label
from ui.ro.findings_panel import FindingsList, icon_of, open_photo, thumbs_of
from ui.ro.lines_model import LinesModel, origin_label, pay_type_label
from ui.ro.pages.base import StepPage
from ui.signature_pad import SignatureImage


class Page(StepPage):
    step = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.terms_for: tuple[int, int] | None = None  # (RO id, version) the terms were loaded from
        self._build_lines()
        self.adders = QTabWidget(self)
        self.adders.setObjectName("estimate_add")
        self._build_labour_tab()
        self._build_part_tab()
        self._build_canned_tab()
        self._build_findings_tab()

        self._build_totals()
        self._build_terms()
        self.authorise_button = QPushButton(self)
        self.authorise_button.setObjectName("authorise")
        self.authorise_button.clicked.connect(self.authorise)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_estimate")
        self.print_button.clicked.connect(self.print_estimate)
        self.print_button.setVisible(printing.available())

        table_row = QHBoxLayout()
        table_row.addStretch(1)
        table_row.addWidget(self.withdraw_button)
        left = QVBoxLayout()
        left.addWidget(self.next_banner)
        left.addWidget(self.banner)
        left.addWidget(self.table, 1)
        left.addLayout(table_row)
        left.addWidget(self.adders)
        right = QVBoxLayout()
        right.addWidget(self.totals_box)
        right.addWidget(self.terms_box)
        right.addWidget(self.authorise_button)
        # The customer's signature on the authorisation, once given (issue 18).
        self.signed_image = SignatureImage(self, max_width=300)
        self.signed_image.setObjectName("estimate_signature_image")
        right.addWidget(self.signed_image)
        right.addWidget(self.print_button)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 1)
        self.may_edit = self.guard(self.adders, "estimate.edit")
        self.guard(self.withdraw_button, "estimate.edit")
        self.guard(self.terms_box, "estimate.edit")
        self.may_authorise = self.guard(self.authorise_button, "estimate.authorise")
        self.guard(self.print_button, "ro.view")
        self.retranslate()

    # -- building ------------------------------------------------------------------
    def _build_lines(self) -> None:
        """The authorised banner, the lines (edited in place) and "withdraw" (Del)."""
        self.banner = QLabel(self)
        self.banner.setObjectName("estimate_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("background: #e8f5e9; border: 1px solid #66bb6a; padding: 6px;")
        self.banner.hide()

        self.model = LinesModel(self._edit_line, self)
        self.table = QTableView(self)
        self.table.setObjectName("estimate_lines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("withdraw_line")
        self.withdraw_button.clicked.connect(self.withdraw)
        QShortcut(
            QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut
        ).activated.connect(self.withdraw)

    def _pay_combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        return box

    def _build_labour_tab(self) -> None:
        tab = QWidget()
        self.labour_code = QLineEdit(tab)
        self.labour_code.setObjectName("labour_code")
        self.labour_desc = QLineEdit(tab)
        self.labour_desc.setObjectName("labour_description")
        self.labour_hours = QDoubleSpinBox(tab)
        self.labour_hours.setObjectName("labour_hours")
        self.labour_hours.setDecimals(2)
        self.labour_hours.setRange(0.0, 99.0)
        self.labour_hours.setSingleStep(0.1)
        self.labour_hours.setValue(1.0)
        self.labour_rate = QLineEdit(tab)
        self.labour_rate.setObjectName("labour_rate")
        self.labour_rate.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.labour_pay = self._pay_combo("labour_pay")
        self.labour_add = QPushButton(tab)
        self.labour_add.setObjectName("add_labour")
        self.labour_add.clicked.connect(self.add_labour)
        for w in (self.labour_code, self.labour_desc, self.labour_rate):
            w.returnPressed.connect(self.add_labour)
        grid = QGridLayout(tab)
        self.labour_labels = [QLabel(tab) for _ in range(5)]
        widgets = [self.labour_code, self.labour_desc, self.labour_hours, self.labour_rate, self.labour_pay]
        for col, (label, widget) in enumerate(zip(self.labour_labels, widgets, strict=True)):
            label.setBuddy(widget)
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.labour_add, 1, 5)
        grid.setColumnStretch(1, 3)
        self.adders.addTab(tab, "")

    def _build_part_tab(self) -> None:
        tab = QWidget()
        self.part_number = QLineEdit(tab)
        self.part_number.setObjectName("part_number")
        self.part_model = QStandardItemModel(self)
        self.part_completer = QCompleter(self.part_model, self)
        self.part_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.part_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.part_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.part_number.setCompleter(self.part_completer)
        self.part_number.textChanged.connect(self._part_chosen)
        # A pick from the list (mouse, or Down+Enter) puts the part number in the field;
        # the Enter that picked does not add the line yet (quantity may follow).
        self.part_completer.activated.connect(self._part_picked)
        self._picked = False
        self.part_info = QLabel(tab)
        self.part_info.setObjectName("part_info")
        self.part_qty = QSpinBox(tab)
        self.part_qty.setObjectName("part_qty")
        self.part_qty.setRange(1, 999)
        self.part_origin = QComboBox(tab)
        self.part_origin.setObjectName("part_origin")
        self.part_pay = self._pay_combo("part_pay")
        self.part_add = QPushButton(tab)
        self.part_add.setObjectName("add_part")
        self.part_add.clicked.connect(self.add_part)
        self.part_number.returnPressed.connect(self._part_enter)
        grid = QGridLayout(tab)
        self.part_labels = [QLabel(tab) for _ in range(4)]
        widgets = [self.part_number, self.part_qty, self.part_origin, self.part_pay]
        for col, (label, w) in enumerate(zip(self.part_labels, widgets, strict=True)):
            label.setBuddy(w)
            grid.addWidget(label, 0, col)
            grid.addWidget(w, 1, col)
        grid.addWidget(self.part_add, 1, 4)
        grid.addWidget(self.part_info, 2, 0, 1, 5)
        grid.setColumnStretch(0, 3)
        self.adders.addTab(tab, "")

    def _build_canned_tab(self) -> None:
        tab = QWidget()
        self.canned_filter = QLineEdit(tab)
        self.canned_filter.setObjectName("canned_filter")
        self.canned_model = QStandardItemModel(self)
        self.canned_proxy = QSortFilterProxyModel(self)
        self.canned_proxy.setSourceModel(self.canned_model)
        self.canned_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.canned_filter.textChanged.connect(self._filter_canned)
        self.canned_list = QComboBox(tab)
        self.canned_list.setObjectName("canned_job")
        self.canned_list.setModel(self.canned_proxy)
        self.canned_add = QPushButton(tab)
        self.canned_add.setObjectName("add_canned")
        self.canned_add.clicked.connect(self.add_canned)
        self.canned_filter.returnPressed.connect(self.add_canned)
        grid = QGridLayout(tab)
        self.canned_labels = [QLabel(tab), QLabel(tab)]
        self.canned_labels[0].setBuddy(self.canned_filter)
        self.canned_labels[1].setBuddy(self.canned_list)
        grid.addWidget(self.canned_labels[0], 0, 0)
        grid.addWidget(self.canned_filter, 1, 0)
        grid.addWidget(self.canned_labels[1], 0, 1)
        grid.addWidget(self.canned_list, 1, 1)
        grid.addWidget(self.canned_add, 1, 2)
        grid.setColumnStretch(1, 2)
        self.adders.addTab(tab, "")

    def _build_findings_tab(self) -> None:
        """The inspection's red and yellow items not yet work: tick, "Add to estimate"."""
        tab = QWidget()
        self.findings_list = FindingsList(self.ctx, tab)
        self.findings_list.setMaximumHeight(150)  # three findings in sight; more scroll
        self.findings_add = QPushButton(tab)
        self.findings_add.setObjectName("findings_add")
        self.findings_add.clicked.connect(self.add_findings)
        grid = QGridLayout(tab)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.findings_list, 0, 0, 2, 1)
        grid.addWidget(self.findings_add, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        self.findings_tab = self.adders.addTab(tab, "")
        self.findings_: tuple[FindingView, ...] = ()
        self.line_photos: dict[int, list[PhotoThumbView]] = {}  # line id -> its finding's photos
        self.table.clicked.connect(self._line_clicked)
        self.opened: QDialog | None = None  # the photo viewer a click opened last

    def _build_totals(self) -> None:
        self.totals_box = QGroupBox(self)
        form = QFormLayout(self.totals_box)
        self.total_labels: dict[str, tuple[QLabel, QLabel]] = {}
        keys = ("labour", "parts", "other", "subtotal", "discount", "tax", "total", "awaiting", "declined")
        for key in keys:
            name, value = QLabel(self.totals_box), QLabel(self.totals_box)
            value.setObjectName(f"total_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key == "total":
                value.setStyleSheet("font-weight: bold; font-size: 15px;")
                name.setStyleSheet("font-weight: bold;")
            form.addRow(name, value)
            self.total_labels[key] = (name, value)

    def _build_terms(self) -> None:
        self.terms_box = QGroupBox(self)
        self.price_low = QLineEdit(self.terms_box)
        self.price_low.setObjectName("price_low")
        self.price_high = QLineEdit(self.terms_box)
        self.price_high.setObjectName("price_high")
        for w in (self.price_low, self.price_high):
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.returnPressed.connect(self.save_terms)
        self.promised = QDateTimeEdit(self.terms_box)
        self.promised.setObjectName("promised_at")
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.terms_button = QPushButton(self.terms_box)
        self.terms_button.setObjectName("save_terms")
        self.terms_button.clicked.connect(self.save_terms)
        self.terms_form = QFormLayout(self.terms_box)
        self.terms_names = [QLabel(self.terms_box) for _ in range(3)]
        terms: tuple[QWidget, ...] = (self.price_low, self.price_high, self.promised)
        for label, term in zip(self.terms_names, terms, strict=True):
            label.setBuddy(term)
            self.terms_form.addRow(label, term)
        self.terms_form.addRow(self.terms_button)

    # -- language ------------------------------------------------------------------
    def retranslate(self) -> None:
        self._texts_of_adders()
        self.withdraw_button.setText(self.tr("Withdraw line (Del)"))
        self._texts_of_totals()
        self.terms_box.setTitle(self.tr("To tell the customer"))
        for label, text in zip(
            self.terms_names,
            (self.tr("Price &from"), self.tr("Price &to"), self.tr("&Promised time")),
            strict=True,
        ):
            label.setText(text)
        self.terms_button.setText(self.tr("Save price range and time"))
        self.authorise_button.setText(self.tr("Customer authorisation…"))
        self.print_button.setText(self.tr("Print estimate for signature…"))
        self._load_catalogues()
        if self.view is not None:
            self._show(self.view)

    def _texts_of_adders(self) -> None:
        """The three tabs that add lines: labour, a part, a canned job."""
        self.adders.setTabText(0, self.tr("Add labour"))
        self.adders.setTabText(1, self.tr("Add part"))
        self.adders.setTabText(2, self.tr("Add canned job"))
        open_findings = len([f for f in self.findings_ if not f.turned])
        self.adders.setTabText(
            self.findings_tab, self.tr("From the inspection (%1)").replace("%1", str(open_findings))
        )
        self.findings_add.setText(self.tr("Add to &estimate"))
        self.findings_add.setToolTip(self.tr("The ticked findings become proposed lines"))
        for label, text in zip(
            self.labour_labels,
            (
                self.tr("Code"),
                self.tr("&Description"),
                self.tr("&Hours"),
                self.tr("Rate/h (blank: standard)"),
                self.tr("Pay type"),
            ),
            strict=True,
        ):
            label.setText(text)
        for label, text in zip(
            self.part_labels,
            (self.tr("Part &number"), self.tr("&Qty"), self.tr("Origin"), self.tr("Pay type")),
            strict=True,
        ):
            label.setText(text)
        self.canned_labels[0].setText(self.tr("&Search"))
        self.canned_labels[1].setText(self.tr("Canned &job"))
        self.labour_add.setText(self.tr("Add labour"))
        self.part_add.setText(self.tr("Add part"))
        self.canned_add.setText(self.tr("Add canned job"))
        self.part_number.setPlaceholderText(self.tr("Type a part number or name"))
        self.canned_filter.setPlaceholderText(self.tr("e.g. 5000"))
        for box in (self.labour_pay, self.part_pay):
            self._fill(box, [(p, pay_type_label(p)) for p in estimate.PAY_TYPES])
        self._fill(
            self.part_origin,
            [("", self.tr("As catalogued"))] + [(o, origin_label(o)) for o in estimate.ORIGINS],
        )

    def _texts_of_totals(self) -> None:
        self.totals_box.setTitle(self.tr("Totals"))
        names = {
            "labour": self.tr("Labour"),
            "parts": self.tr("Parts"),
            "other": self.tr("Other"),
            "subtotal": self.tr("Subtotal (before tax)"),
            "discount": self.tr("Discount"),
            "tax": self.tr("Tax"),
            "total": self.tr("Estimate total (incl. tax)"),
            "awaiting": self.tr("of which awaiting the customer's decision"),
            "declined": self.tr("Declined (kept, not included)"),
        }
        for key, (label, _v) in self.total_labels.items():
            label.setText(names[key])
        self.total_labels["total"][1].setToolTip(
            self.tr(
                "Approved lines and the proposed ones as if approved, after discount, with tax: "
                "the total of the printed estimate."
            )
        )

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        if keep is not None:
            combo.setCurrentIndex(max(0, combo.findData(keep)))

    def _load_catalogues(self) -> None:
        self.part_model.clear()
        zh = self.ctx.lang.startswith("zh")
        self.parts_by_number = {}
        for p in parts.read_catalogue(actor=self.ctx.actor, limit=2000):
            name = p.name_zh if zh else p.name_en
            text = (
                self.tr("%1 — %2 (in stock: %3)")
                .replace("%1", p.number)
                .replace("%2", name)
                .replace("%3", str(p.available))
            )
            item = QStandardItem(text)  # shown, and matched against what is typed
            self.part_model.appendRow(item)
            self.parts_by_number[p.number] = (p, name)
            self.parts_by_number[text] = (p, name)  # the entry itself, as the completer puts it
        keep = self.canned_list.currentData()
        self.canned_model.clear()
        for code, name in estimate.read_canned_jobs(actor=self.ctx.actor, lang=self.ctx.lang):
            item = QStandardItem(f"{code} — {name}")
            item.setData(code, Qt.ItemDataRole.UserRole)
            self.canned_model.appendRow(item)
        if keep:
            self.canned_list.setCurrentIndex(max(0, self.canned_list.findData(keep)))

    def _filter_canned(self, text: str) -> None:
        self.canned_proxy.setFilterFixedString(text)
        self.canned_list.setCurrentIndex(0)

    def _part_chosen(self, text: str) -> None:
        found = self.parts_by_number.get(text.strip())
        if found is None:
            self.part_info.setText("")
            return
        p, name = found
        self.part_info.setText(
            self.tr("%1: %2, %3 — in stock %4, bin %5")
            .replace("%1", p.number)
            .replace("%2", name)
            .replace("%3", fmt.money(p.price_cents))
            .replace("%4", str(p.available))
            .replace("%5", p.bin or "—")
        )
        QTimer.singleShot(0, self._close_list_on_full_number)

    def _close_list_on_full_number(self) -> None:
        """A part number typed in full that the list offers alone: close the list (after the
        completer has opened it). Open, it had nothing more to offer and swallowed the next
        click, on Add too, so Add took two clicks."""
        popup = self.part_completer.popup()
        if (
            popup is not None
            and popup.isVisible()
            and self.part_completer.completionCount() <= 1
            and self.part_number.text().strip() in self.parts_by_number
        ):
            popup.hide()

    def _part_picked(self, entry: str) -> None:
        found = self.parts_by_number.get(entry.strip())
        if found is not None:
            self._picked = True
            number = found[0].number
            QTimer.singleShot(0, lambda: self._settle_pick(number))

    def _settle_pick(self, number: str) -> None:
        """After the completer has written its entry: show the bare number instead."""
        self._picked = False
        self.part_number.setText(number)

    def _part_enter(self) -> None:
        popup = self.part_completer.popup()
        if self._picked:  # this Enter took an entry from the list
            self._picked = False
            return
        if popup is None or not popup.isVisible():
            self.add_part()

    # -- the view ------------------------------------------------------------------
    def set_view(self, view: ROView) -> None:
        super().set_view(view)
        self._show_findings(view)
        self._show(view)

    def _show_findings(self, view: ROView) -> None:
        """The findings tab (shown while some are not yet work) and the lines' photo marks."""
        self.findings_ = findings.read_findings(actor=self.ctx.actor, ro_id=view.id)
        with_photos = any(f.photo_ids for f in self.findings_)
        thumbs = thumbs_of(self.ctx, view.id) if with_photos else {}
        self.findings_list.set_findings(self.findings_, thumbs, keep=True)
        waiting = [f for f in self.findings_ if not f.turned]
        self.adders.setTabVisible(self.findings_tab, bool(waiting))
        self.adders.setTabText(
            self.findings_tab, self.tr("From the inspection (%1)").replace("%1", str(len(waiting)))
        )
        self.line_photos = {
            line: [thumbs[p] for p in f.photo_ids if p in thumbs] for f in self.findings_ for line in f.lines
        }
        names = {line: pick(f.name_en, f.name_zh, self.ctx.lang) for f in self.findings_ for line in f.lines}
        self.model.set_findings(
            {
                line: (names[line], icon_of(shown[0].thumb) if shown else None)
                for line, shown in self.line_photos.items()
            }
        )

    def _show(self, view: ROView) -> None:
        authorised = view.authorised_at is not None
        self.model.set_lines(view.lines, editable=not authorised and self.may_edit)
        for shown in (self.adders, self.withdraw_button, self.terms_button):
            shown.setVisible(not authorised and self.may_edit)
        self.authorise_button.setVisible(not authorised and self.may_authorise)
        for field in (self.price_low, self.price_high, self.promised):
            field.setReadOnly(authorised)
        if authorised and view.authorisations:
            a = view.authorisations[-1]
            text = self.tr(
                "Authorised by %1 (%2) on %3 for %4, promised %5. Any change of cost or "
                "time now goes through a change request with the customer's consent."
            )
            text = (
                text.replace("%1", a.customer_name)
                .replace("%2", method_label(a.method))
                .replace("%3", fmt.datetime(a.at))
                .replace("%4", fmt.money(a.amount_cents))
                .replace("%5", fmt.datetime(a.promised_at))
            )
            signed = [s for s in view.signatures if s.act == SignedAct.AUTHORISATION and s.act_id == a.id]
            if signed:
                text += " " + self.tr("Signed by the customer.")
            elif a.no_signature_reason:
                text += " " + self.tr("Not signed: %1").replace("%1", a.no_signature_reason)
            self.signed_image.set_png(signed[-1].png if signed else None)
            self.banner.setText(text)
        else:
            self.signed_image.set_png(None)
        self.banner.setVisible(authorised)
        q = view.quote  # the estimate: proposed lines as if approved (as the printed sheet)
        values = {
            "labour": q.labour_cents,
            "parts": q.parts_cents,
            "other": q.other_cents,
            "subtotal": q.subtotal_cents,
            "discount": q.discount_cents,
            "tax": q.tax_cents,
            "total": q.total_cents,
            "awaiting": q.total_cents - view.totals.total_cents,
            "declined": q.declined_cents,
        }
        for key, (_label, value) in self.total_labels.items():
            value.setText(fmt.money(values[key]))
        if self.terms_for is None or self.terms_for[0] != view.id or authorised:
            self._load_terms(view)

    def _load_terms(self, view: ROView) -> None:
        self.terms_for = (view.id, view.version)
        self.price_low.setText(yuan(view.price_low_cents))
        self.price_high.setText(yuan(view.price_high_cents))
        default = view.promised_at or (dt.datetime.now() + dt.timedelta(hours=3)).replace(
            minute=0, second=0, microsecond=0
        )
        self.promised.setDateTime(to_qdatetime(default))

    def selected_line(self) -> LineView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            index = self.table.currentIndex()
            return self.model.line(index.row()) if index.isValid() else None
        return self.model.line(rows[0].row())

    # -- actions -------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], **kw: Any) -> Outcome[Any]:
        return self.ctx.ops.run(fn, parent=self, **kw)

    def add_labour(self) -> None:
        if self.view is None:
            return
        rate = self.labour_rate.text().strip()
        price = parse_money(rate) if rate else None
        if rate and price is None:
            messages.error(self, self.tr("“%1” is not an amount.").replace("%1", rate))
            return
        result = self._run(
            estimate.add_line,
            ro_id=self.view.id,
            kind="labour",
            code=self.labour_code.text(),
            description=self.labour_desc.text(),
            quantity=f"{self.labour_hours.value():.2f}",
            unit_price_cents=price,
            pay_type=self.labour_pay.currentData(),
        )
        if result.ok:
            self.labour_code.clear()
            self.labour_desc.clear()
            self.labour_rate.clear()
            self.labour_hours.setValue(1.0)
            self.labour_code.setFocus()

    def add_part(self) -> None:
        if self.view is None:
            return
        found = self.parts_by_number.get(self.part_number.text().strip())
        number = found[0].number if found else self.part_number.text().strip()
        result = self._run(
            estimate.add_line,
            ro_id=self.view.id,
            kind="part",
            code=number,
            part_id=found[0].id if found else None,
            quantity=self.part_qty.value(),
            origin=self.part_origin.currentData() or "",
            pay_type=self.part_pay.currentData(),
        )
        if result.ok:
            self.part_number.clear()
            self.part_qty.setValue(1)
            self.part_number.setFocus()

    def add_canned(self) -> None:
        if self.view is None:
            return
        code = self.canned_list.currentData(Qt.ItemDataRole.UserRole)
        if not code:
            messages.error(self, self.tr("Choose a canned job from the list."))
            return
        self._run(estimate.add_canned_job, ro_id=self.view.id, code=code, lang=self.ctx.lang)

    def _edit_line(self, line: LineView, column: str, text: str) -> bool:
        if column == "unit_price":
            cents = parse_money(text)
            if cents is None:
                messages.error(self, self.tr("“%1” is not an amount.").replace("%1", text))
                return False
            kw: dict[str, object] = {"unit_price_cents": cents}
        else:
            kw = {"quantity": text.strip()}
        return self._run(estimate.update_line, line_id=line.id, version=line.version, **kw).ok

    def withdraw(self) -> None:
        line = self.selected_line()
        if line is None or self.view is None or self.view.authorised_at is not None or not self.may_edit:
            return
        question = self.tr("Withdraw “%1” from the estimate?").replace("%1", line.description)
        if messages.confirm(self, question):
            self._run(estimate.cancel_line, line_id=line.id)

    def save_terms(self) -> None:
        if self.view is None:
            return
        low, high = parse_money(self.price_low.text()), parse_money(self.price_high.text())
        for text, value in ((self.price_low.text(), low), (self.price_high.text(), high)):
            if value is None:
                messages.error(self, self.tr("“%1” is not an amount.").replace("%1", text))
                return
        saved = self._run(
            estimate.set_terms,
            ro_id=self.view.id,
            price_low_cents=low,
            price_high_cents=high,
            promised_at=from_qdatetime(self.promised.dateTime()),
        )
        if saved.ok:
            self.terms_for = None

    def authorise(self) -> None:
        if self.view is None:
            return
        dialog = self.authorise_dialog()
        dialog.exec()

    def authorise_dialog(self) -> AuthoriseDialog:
        """The authorisation dialog for the current view (tests drive it directly)."""
        assert self.view is not None
        dialog = AuthoriseDialog(self.ctx, self.view, self)
        dialog.promised.setDateTime(self.promised.dateTime())
        return dialog

    def add_findings(self) -> None:
        """The ticked findings become proposed lines (their canned job, or a priced line)."""
        if self.view is None:
            return
        ticked = self.findings_list.ticked()
        if not ticked:
            messages.error(self, self.tr("Tick the findings to add to the estimate."))
            return
        self._run(findings.findings_to_work, ro_id=self.view.id, result_ids=ticked, lang=self.ctx.lang)

    def _line_clicked(self, index: QModelIndex) -> None:
        """A click on a finding's photo mark (the first column) opens the photo."""
        if index.column() == 0 and self.model.photo_at(index.row()):
            shown = self.line_photos.get(self.model.line(index.row()).id)
            if shown:
                self.opened = open_photo(self.ctx, self, shown)

    def print_estimate(self) -> None:
        if self.view is not None:
            printing.print_sheet(self, self.ctx.ops, "estimate", self.view, self.ctx.lang)
