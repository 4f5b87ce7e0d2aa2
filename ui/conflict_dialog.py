"""Someone else saved first: show both versions side by side and let the user choose.

``save_with_conflict_handling`` runs a versioned save through ``ctx.ops``. When the
service raises ``ConflictError`` it reads the stored record again and shows
``ConflictDialog``: "Reload theirs" (keep what the other person saved, discard mine),
"Apply mine again" (save mine over the fresh version) or Cancel (keep my typing on
screen, save nothing). Nothing the other person saved is overwritten unless the user
chooses to re-apply — and then, when the caller passes the ``original`` values the
form was loaded with, only the fields the user actually changed are sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor.errors import ConflictError, UserError
from ui.context import AppContext

DIFF_BACKGROUND = QColor("#fff3cd")  # amber: the two versions differ here


class ConflictDialog(QDialog):
    """Both versions of a record, field by field; the differences are marked."""

    CANCEL, RELOAD, APPLY = 0, 1, 2

    def __init__(
        self,
        parent: QWidget | None,
        *,
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any],
        labels: Mapping[str, str] | None = None,
        message: str = "",
        formats: Mapping[str, Callable[[Any], str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.labels = dict(labels or {})
        self.formats = dict(formats or {})  # field → its value in words (codes, lists)
        self.choice = self.CANCEL
        self.setWindowTitle(self.tr("Someone else saved this record"))
        self.explain = QLabel(self)
        self.explain.setObjectName("conflictExplain")
        self.explain.setWordWrap(True)
        self.explain.setText(
            self.tr(
                "While you were editing, someone else saved a newer version of this record. "
                "Nothing has been overwritten. Compare the two versions, then choose:"
            )
        )
        self.detail = QLabel(message, self)
        self.detail.setObjectName("conflictDetail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555555;")
        self.detail.setVisible(bool(message))
        self._build_table()
        self.legend = QLabel(self.tr("≠ marks a field where the two versions differ."), self)
        self.legend.setObjectName("conflictLegend")
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.detail)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)
        self.resize(640, 360)

    def _build_table(self) -> None:
        """Field, my version, theirs: a row per field, read only."""
        self.table = QTableWidget(self)
        self.table.setObjectName("conflictTable")
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your version"), self.tr("Saved by someone else")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fill()

    def _build_buttons(self) -> None:
        """Reload theirs (the default: nothing of theirs is lost), apply mine again, cancel."""
        self.buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(self.tr("&Reload theirs"), self)
        self.reload_button.setObjectName("conflictReload")
        self.reload_button.setToolTip(
            self.tr("Show the version saved by the other person; your typing is discarded.")
        )
        self.apply_button = QPushButton(self.tr("&Apply mine again"), self)
        self.apply_button.setObjectName("conflictApply")
        self.apply_button.setToolTip(
            self.tr("Save your values over the newer version. Their changes to these fields are replaced.")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("conflictCancel")
        self.cancel_button.setToolTip(self.tr("Save nothing; your typing stays on screen."))
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self.choose(self.RELOAD))
        self.apply_button.clicked.connect(lambda: self.choose(self.APPLY))
        self.cancel_button.clicked.connect(lambda: self.choose(self.CANCEL))
        self.reload_button.setDefault(True)  # the safe answer: nothing of theirs is lost

    def value_text(self, value: Any, key: str = "") -> str:
        if key in self.formats:
            return self.formats[key](value) or "—"
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        return str(value)

    def differs(self, key: str) -> bool:
        return key in self.theirs and self.theirs.get(key) != self.mine.get(key)

    def _fill(self) -> None:
        keys = list(self.mine)
        self.table.setRowCount(len(keys))
        bold = QFont()
        bold.setBold(True)
        for row, key in enumerate(keys):
            differs = self.differs(key)
            name = QTableWidgetItem(("≠ " if differs else "") + self.labels.get(key, key))
            cells = [
                name,
                QTableWidgetItem(self.value_text(self.mine.get(key), key)),
                QTableWidgetItem(self.value_text(self.theirs.get(key), key) if key in self.theirs else "—"),
            ]
            for col, cell in enumerate(cells):
                if differs:
                    cell.setBackground(QBrush(DIFF_BACKGROUND))
                    cell.setFont(bold)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()

    def choose(self, choice: int) -> int:
        self.choice = choice
        if choice == self.CANCEL:
            self.reject()
        else:
            self.accept()
        return choice

    def ask(self) -> int:
        """Show the dialog; returns RELOAD, APPLY or CANCEL."""
        self.choice = self.CANCEL
        self.exec()
        return self.choice


@dataclass
class SaveOutcome:
    """What happened to a save: ``saved`` (``value`` is the service's result),
    ``reloaded`` (``current`` holds the other person's stored values: show them),
    ``cancelled`` (keep the typing on screen) or ``failed`` (a message was shown).
    ``error``: why it was not saved (the conflict, or the refusal shown)."""

    status: str
    value: Any = None
    current: dict[str, Any] = field(default_factory=dict)
    error: UserError | None = None


def save_with_conflict_handling(
    ctx: AppContext,
    parent: QWidget | None,
    save_fn: Callable[..., Any],
    load_current_fn: Callable[[], Mapping[str, Any]],
    mine: dict[str, Any],
    *,
    labels: Mapping[str, str] | None = None,
    original: Mapping[str, Any] | None = None,
    formats: Mapping[str, Callable[[Any], str]] | None = None,
    quiet: bool = False,
    **kwargs: Any,
) -> SaveOutcome:
    """Save ``mine`` with ``save_fn(actor=…, **kwargs, **mine)``; on a conflict, ask.

    ``kwargs`` carries the record id and the ``version`` the form was loaded with.
    ``load_current_fn()`` returns the stored values (with ``version``). Any other
    ``UserError`` is shown by ``ctx.ops`` as usual and the outcome is ``failed``
    (``quiet=True``: not shown, for a form that puts each refusal beside its field).
    """
    attempt_kwargs = dict(kwargs)
    to_send = dict(mine)
    conflict: list[ConflictError] = []

    def attempt(*, actor: Any, **kw: Any) -> Any:
        try:
            return save_fn(actor=actor, **kw)
        except ConflictError as err:  # caught here so ops does not show it as a plain message
            conflict.append(err)
            return None

    while True:
        conflict.clear()
        result = ctx.ops.run(attempt, parent=parent, quiet=quiet, **attempt_kwargs, **to_send)
        if not conflict:
            if not result.ok:
                return SaveOutcome("failed", error=result.error)
            return SaveOutcome("saved", result.value)
        err = conflict[0]
        current = dict(load_current_fn())
        dialog = ConflictDialog(
            parent, mine=mine, theirs=current, labels=labels, message=err.message(), formats=formats
        )
        choice = dialog.ask()
        dialog.deleteLater()
        if choice == ConflictDialog.RELOAD:
            return SaveOutcome("reloaded", current=current, error=err)
        if choice != ConflictDialog.APPLY:
            return SaveOutcome("cancelled", current=current, error=err)
        attempt_kwargs["version"] = current.get("version", err.current.get("version"))
        if original is not None:
            # Re-apply only what this user changed; the other person's other edits stay.
            to_send = {k: v for k, v in mine.items() if original.get(k) != v}
