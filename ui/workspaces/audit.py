"""The audit trail: who did what, when, old → new; filtered by RO, user and dates;
loaded a page at a time as the user scrolls; "Verify chain" checks the hash chain."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor.services import audit_log, orders, users
from advisor.services._base import Actor
from advisor.services.audit_log import AuditRow, ChainReport
from advisor.services.opchanges import Kind
from ui import fmt
from ui.audit_labels import action_label, record_label
from ui.context import AppContext
from ui.operations import Outcome
from ui.rows_model import RowsModel
from ui.workspace import Workspace

_Index = QModelIndex | QPersistentModelIndex
PAGE = 200


def _load(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def _short(value: Any) -> str:
    if value is None or value == "":
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def change_text(old: str, new: str) -> str:
    """``field: old → new`` per changed field, readable rather than JSON."""
    before, after = _load(old), _load(new)
    parts = []
    for key in list(before) + [k for k in after if k not in before]:
        label = f"{key}: " if key else ""
        if key in before and key in after:
            was, now = _short(before[key]), _short(after[key])
            if was == now:
                if was != "—":  # unchanged: shown once; empty on both sides: noise
                    parts.append(f"{label}{now}")
                continue
            parts.append(f"{label}{was} → {now}")
        elif key in after:
            parts.append(f"{label}{_short(after[key])}")
        else:
            parts.append(f"{label}{_short(before[key])} → —")
    return "; ".join(parts)


class AuditModel(RowsModel[AuditRow]):
    """Audit rows newest first, fetched ``PAGE`` at a time through the service."""

    COLUMNS = 6

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.filters: dict[str, Any] = {}
        self._offset = 0
        self._exhausted = True
        self._ro_numbers: dict[int, str] = {}

    def set_filters(self, **filters: Any) -> None:
        """Start again from the newest row with these ``audit_log.entries`` filters."""
        self.beginResetModel()
        self.filters = filters
        self.rows = []
        self._offset = 0
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._exhausted = True
        self.endResetModel()

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = audit_log.entries(actor=self.actor, limit=PAGE, offset=self._offset, **self.filters)
        self._offset += len(page)
        if len(page) < PAGE:
            self._exhausted = True
        if self.rows:  # rows appended meanwhile shift the offsets: skip what is already shown
            oldest = self.rows[-1].id
            page = [r for r in page if r.id < oldest]
        unknown = {r.ro_id for r in page if r.ro_id is not None} - set(self._ro_numbers)
        if unknown:
            self._ro_numbers.update(orders.ro_numbers(actor=self.actor, ro_ids=sorted(unknown)))
        if not page:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            ro = self._ro_numbers.get(r.ro_id, f"#{r.ro_id}") if r.ro_id is not None else ""
            when = f"{fmt.date(r.at.date())} {r.at:%H:%M:%S}"
            record = record_label(r.entity, r.entity_id) or "—"
            action = action_label(r.action) or "—"
            return [when, r.username, ro, record, action, change_text(r.old, r.new)][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:  # the exact code, for the auditor
            return r.entity + (f" #{r.entity_id}" if r.entity_id is not None else "")
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return r.action
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return self.tr("Before: %1\nAfter: %2").replace("%1", r.old or "—").replace("%2", r.new or "—")
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class AuditWorkspace(Workspace):
    key = "audit"
    permission = "audit.view"
    icon_name = "SP_FileDialogContentsView"
    shows = Kind.ALL  # every write adds to the trail

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AuditModel(ctx.actor, self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        filters = self._build_filters()
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)
        self._build_table()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.verdict.hide()
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        self.retranslate()

    def _build_filters(self) -> QHBoxLayout:
        """RO, user and dates to filter by (F5 applies), and "verify the chain" on the right."""
        self.ro = QLineEdit(self)
        self.ro.setObjectName("auditRo")
        self.ro.setClearButtonEnabled(True)
        self.ro.returnPressed.connect(self.apply_filters)
        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.use_dates = QCheckBox(self)
        self.use_dates.setObjectName("auditUseDates")
        self.start = QDateEdit(QDate.currentDate().addDays(-30), self)
        self.end = QDateEdit(QDate.currentDate(), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # not the locale's short "12/4/26"
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.start.setEnabled)
        self.use_dates.toggled.connect(self.end.setEnabled)
        self.ro_label, self.user_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        self.ro_label.setBuddy(self.ro)
        self.user_label.setBuddy(self.user)
        self.filter_button = QPushButton(self)
        self.filter_button.setObjectName("auditFilter")
        self.filter_button.clicked.connect(self.apply_filters)
        self.filter_button.setShortcut(QKeySequence("F5"))
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.clicked.connect(self.verify)
        filters = QHBoxLayout()
        for w in (
            self.ro_label,
            self.ro,
            self.user_label,
            self.user,
            self.use_dates,
            self.start,
            self.to_label,
            self.end,
            self.filter_button,
        ):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        return filters

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((150, 90, 110, 170, 230)):
            self.table.setColumnWidth(col, width)

    def title(self) -> str:
        return self.tr("Audit trail")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audit trail"))
        self.ro_label.setText(self.tr("&RO:"))
        self.ro.setPlaceholderText(self.tr("RO number"))
        self.user_label.setText(self.tr("&User:"))
        self.use_dates.setText(self.tr("&From"))
        self.to_label.setText(self.tr("to"))
        self.filter_button.setText(self.tr("Show"))
        self.filter_button.setToolTip(self.tr("Apply the filters (F5)"))
        self.verify_button.setText(self.tr("Verify c&hain"))
        self.verify_button.setToolTip(
            self.tr("Check that no audit row was altered or deleted outside the app")
        )
        if self.user.count():
            self.user.setItemText(0, self.tr("Everyone"))
        self.model.set_headers(
            [
                self.tr("When"),
                self.tr("User"),
                self.tr("RO"),
                self.tr("Record"),
                self.tr("Action"),
                self.tr("Old → new"),
            ]
        )
        self._update_status()

    def refresh(self) -> None:
        chosen = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Everyone"), None)
        for u in users.read_users(actor=self.ctx.actor):
            self.user.addItem(f"{u.display_name} ({u.username})", u.username)
        self.user.setCurrentIndex(max(self.user.findData(chosen), 0))
        self.user.blockSignals(False)
        self.apply_filters()

    def filters(self) -> dict[str, Any] | None:
        """The service filters from the fields; None when the RO number is unknown."""
        out: dict[str, Any] = {}
        number = self.ro.text().strip()
        if number:
            ro_id = orders.find_ro(actor=self.ctx.actor, number=number)
            if ro_id is None:
                return None
            out["ro_id"] = ro_id
        if self.user.currentData():
            out["username"] = self.user.currentData()
        if self.use_dates.isChecked():
            out["start"] = self.start.date().toPython()
            out["end"] = self.end.date().toPython()
        return out

    def apply_filters(self) -> None:
        found = self.filters()
        if found is None:
            self.model.clear()
            self.status.setText(self.tr("No RO numbered %1.").replace("%1", self.ro.text().strip()))
            return
        self.model.set_filters(**found)

    def _update_status(self) -> None:
        n = len(self.model.rows)
        more = self.model.canFetchMore(QModelIndex())
        text = self.tr("%1 rows shown (scroll for more)") if more else self.tr("%1 rows")
        self.status.setText(text.replace("%1", fmt.number(n)))

    def verify(self) -> None:
        """Check the whole chain in the background (every row is hashed: seconds on a year
        of work); the verdict shows when it is done."""
        self.verify_button.setEnabled(False)

        def done(checked: Outcome[ChainReport]) -> None:
            self.verify_button.setEnabled(True)
            if checked.ok:
                self._show_verdict(checked.value)

        self.ctx.ops.run_in_background(
            audit_log.verify_chain, parent=self, on_done=done, progress=self.tr("Checking the audit trail…")
        )

    def _show_verdict(self, report: ChainReport) -> None:
        if report.ok:
            text = self.tr("✓ The chain is intact: %1 rows checked, none altered or deleted.")
            self.verdict.setText(text.replace("%1", fmt.number(report.rows)))
            self.verdict.setStyleSheet("color: #1b7f1b; font-weight: bold;")
            self.verdict.setToolTip("")
        else:
            kind = report.findings[0].kind if report.findings else "link"
            problem = self._problem(kind)
            if report.bad_row_id is not None:
                text = self.tr(
                    "✗ The chain is broken at row #%1: %2. Someone changed the trail outside "
                    "the program; keep a copy of the database and tell the manager."
                )
                text = text.replace("%1", str(report.bad_row_id))
            else:
                text = self.tr(
                    "✗ The audit trail fails its check: %2. Keep a copy of the database and tell the manager."
                )
            self.verdict.setText(text.replace("%2", problem))
            # Every finding, as the audit check wrote it (rows, sequence numbers, amounts).
            self.verdict.setToolTip("\n".join(f.message for f in report.findings))
            self.verdict.setStyleSheet("color: #c62828; font-weight: bold;")
        self.verdict.show()

    def _problem(self, kind: str) -> str:
        words = {
            "edited": self.tr("content does not match its hash (edited?)"),
            "link": self.tr("link to the previous row broken (row deleted?)"),
            "deleted": self.tr("rows before it were deleted"),
            "reordered": self.tr("rows were put in another order"),
            "forged": self.tr("it was not written with the dealership's key (forged?)"),
            "money": self.tr(
                "a settlement or payment differs from its audit row (edited outside the program?)"
            ),
            "personal": self.tr("the personal data kept beside it was changed"),
            "truncated": self.tr("the last rows were deleted, or an older copy of the database was put back"),
            "rewritten": self.tr("the trail was rewritten, or another copy of the database was put back"),
            "key": self.tr("this workstation does not hold the dealership's audit key"),
            "seal": self.tr("the audit head sealed on this workstation was altered"),
        }
        return words.get(kind, words["link"])


WORKSPACE = AuditWorkspace
