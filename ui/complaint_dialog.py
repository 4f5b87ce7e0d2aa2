"""Record a complaint (issue 17, item 13): from the Complaints workspace (find the customer
first) or from a follow-up call (customer, RO and the customer's words filled in).

The customer's own words are kept verbatim; the level says how soon the service manager
must have it (a crisis at once: the manager is chosen here, the service refuses without)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor.codes import ComplaintCause, ComplaintLevel, ComplaintSource
from advisor.services import complaints, customers, search
from advisor.services.complaints import ComplaintView
from advisor.workflow import ESCALATE_WITHIN_S
from ui import fmt
from ui.context import AppContext


def level_hint(level: str) -> str:
    """How soon the manager must have a complaint of ``level``, in words."""
    seconds = ESCALATE_WITHIN_S.get(level, 0)
    if not seconds:
        return QCoreApplication.translate("ComplaintDialog", "To the service manager at once")
    text = QCoreApplication.translate("ComplaintDialog", "To the service manager within %1")
    return text.replace("%1", fmt.duration(seconds))


class ComplaintDialog(QDialog):
    """Record one complaint; ``recorded`` holds the new ``ComplaintView`` after OK."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
        ro_id: int | None = None,
        source: str = ComplaintSource.COUNTER,
        words: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.recorded: ComplaintView | None = None
        self.setObjectName("complaint_dialog")
        self.setWindowTitle(self.tr("Record a complaint"))
        self.setMinimumWidth(620)
        self._build()
        form = self._form()
        if customer_id is None and ro_id is not None:
            customer_id = complaints.read_ro_customer(actor=ctx.actor, ro_id=ro_id)
        if customer_id is not None:
            self.search.hide()
            self.results.hide()
            form.labelForField(self.search).hide()
            self._set_customer(customer_id, ro_id)
        self._select(self.source, source)
        self.words.setPlainText(words)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Record complaint"))
        self.ok_button.setObjectName("complaint_save")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setObjectName("complaint_cancel")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._level_changed()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("complaint_search")
        self.search.setPlaceholderText(self.tr("Name, phone or plate"))
        self.search.textEdited.connect(lambda _t: self._search())
        self.results = QListWidget(self)
        self.results.setObjectName("complaint_results")
        self.results.setMaximumHeight(90)
        self.results.currentItemChanged.connect(lambda item, _old: self._picked(item))
        self.picked = QLabel(self.tr("(no customer chosen)"), self)
        self.picked.setObjectName("complaint_customer")
        self.ro = QComboBox(self)
        self.ro.setObjectName("complaint_ro")
        self.ro.addItem(self.tr("(none)"), None)
        self.source = self._combo("complaint_source", [(s.value, s.label()) for s in ComplaintSource])
        self.words = QPlainTextEdit(self)
        self.words.setObjectName("complaint_words")
        self.words.setPlaceholderText(self.tr("What the customer said, in their own words"))
        self.words.setFixedHeight(90)
        self.cause = self._combo("complaint_cause", [(c.value, c.label()) for c in ComplaintCause])
        self.level = self._combo("complaint_level", [(lv.value, lv.label()) for lv in ComplaintLevel])
        self.level.currentIndexChanged.connect(lambda _i: self._level_changed())
        self.level_hint = QLabel(self)
        self.level_hint.setObjectName("complaint_level_hint")
        self.level_hint.setStyleSheet("color:#8e1c14;")
        self.manager = QComboBox(self)
        self.manager.setObjectName("complaint_manager")
        self.manager.addItem(self.tr("(not yet)"), None)
        for m in complaints.read_managers(actor=self.ctx.actor):
            self.manager.addItem(m.name, m.user_id)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("&Find customer"), self.search)
        form.addRow("", self.results)
        form.addRow(self.tr("Customer"), self.picked)
        form.addRow(self.tr("Repair &order"), self.ro)
        form.addRow(self.tr("&Heard"), self.source)
        form.addRow(self.tr("Customer's &words"), self.words)
        form.addRow(self.tr("Ca&use"), self.cause)
        form.addRow(self.tr("&Level"), self.level)
        form.addRow("", self.level_hint)
        form.addRow(self.tr("&Escalate to"), self.manager)
        for field in (self.ro, self.source, self.words, self.cause, self.level, self.manager):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        label = form.labelForField(self.search)
        if isinstance(label, QLabel):
            label.setBuddy(self.search)
        return form

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _level_changed(self) -> None:
        self.level_hint.setText(level_hint(str(self.level.currentData())))

    # -- the customer ------------------------------------------------------------------
    def _search(self) -> None:
        self.results.clear()
        seen: set[int] = set()
        for hit in search.search(actor=self.ctx.actor, term=self.search.text(), limit=10):
            if hit.customer_id is not None and hit.customer_id not in seen:
                seen.add(hit.customer_id)
                item = QListWidgetItem(f"{hit.title} — {hit.subtitle}", self.results)
                item.setData(Qt.ItemDataRole.UserRole, hit.customer_id)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._set_customer(int(item.data(Qt.ItemDataRole.UserRole)), None)

    def _set_customer(self, customer_id: int, ro_id: int | None) -> None:
        c = customers.read_customer(actor=self.ctx.actor, customer_id=customer_id)
        self.customer_id = c.id
        self.picked.setText(f"{c.name} · {c.phone}")
        self.ro.clear()
        self.ro.addItem(self.tr("(none)"), None)
        for rid, number in complaints.read_customer_ros(actor=self.ctx.actor, customer_id=c.id):
            self.ro.addItem(number, rid)
        self._select(self.ro, ro_id)

    # -- saving --------------------------------------------------------------------------
    def _save(self) -> None:
        if self.customer_id is None:
            self.picked.setText(self.tr("⚠ Find and choose the customer first."))
            self.search.setFocus()
            return
        result = self.ctx.ops.run(
            complaints.raise_complaint,
            parent=self,
            customer_id=self.customer_id,
            words=self.words.toPlainText(),
            cause=str(self.cause.currentData()),
            level=str(self.level.currentData()),
            source=str(self.source.currentData()),
            ro_id=self.ro.currentData(),
            escalate_to=self.manager.currentData(),
        )
        if result.ok:
            self.recorded = result.value
            self.accept()
