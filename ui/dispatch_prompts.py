"""Answering the dispatch rules where they are met (issue 17, items 2 and 3).

A job dragged to a technician or bay that breaks the dispatch rules asks the foreman for a
reason to do it anyway (``OverrideDialog``); a job clocked on or resumed that would end
after the promise asks for the delay to put to the customer (``DelayDialog``): the new
promised time (the projected end, rounded up to the quarter hour) and why. Either answer
calls the same service again with it, in one step: the override is recorded on the job
and in the audit trail, the delay goes to the advisor as a change request waiting for the
customer's consent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor.errors import SessionExpired
from advisor.services import workshop
from ui import messages
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime, to_qdatetime


class _Prompt(QDialog):
    def __init__(self, message: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setObjectName("promptMessage")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("promptOk")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("promptCancel")
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def _try_accept(self) -> None:
        self.accept()


class OverrideDialog(_Prompt):
    """The broken dispatch rules, and the foreman's reason to go on anyway."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(message, parent)
        self.setObjectName("override_dialog")
        self.setWindowTitle(self.tr("Dispatch rules broken"))
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setMaxLength(500)
        label = QLabel(self.tr("&Reason to do it anyway:"))
        label.setBuddy(self.reason)
        self.form.addRow(label, self.reason)
        self.ok_button.setText(self.tr("Do it anyway"))
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.ok_button.setEnabled(False)
        self.reason.setFocus()


class DelayDialog(_Prompt):
    """The promise would be missed: a delay to put to the customer (new time and why)."""

    def __init__(self, message: str, suggested: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(message, parent)
        self.setObjectName("delay_dialog")
        self.setWindowTitle(self.tr("Report a delay to the customer"))
        self.new_promise = QDateTimeEdit(to_qdatetime(suggested))
        self.new_promise.setObjectName("delayNewPromise")
        self.new_promise.setCalendarPopup(True)
        self.new_promise.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reason = QLineEdit()
        self.reason.setObjectName("delayReason")
        self.reason.setMaxLength(500)
        when = QLabel(self.tr("&New promised time:"))
        when.setBuddy(self.new_promise)
        why = QLabel(self.tr("&Why it is late:"))
        why.setBuddy(self.reason)
        self.form.addRow(when, self.new_promise)
        self.form.addRow(why, self.reason)
        self.ok_button.setText(self.tr("Ask the customer"))
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.ok_button.setEnabled(False)
        self.reason.setFocus()

    def promise(self) -> dt.datetime:
        return from_qdatetime(self.new_promise.dateTime())


def run_or_ask(ctx: AppContext, parent: QWidget, fn: Callable[..., Any], **kw: Any) -> Any:
    """Call ``fn``; when it breaks dispatch rules or the promise, ask (a dialog, opened
    window-modal) and call it again with the answer. Returns the outcome, or the dialog
    when one was opened."""
    outcome = ctx.ops.run(fn, parent=parent, quiet=True, **kw)
    err = outcome.error
    dialog: _Prompt
    if isinstance(err, workshop.DispatchRefused):
        override = OverrideDialog(err.message(), parent)
        override.accepted.connect(
            lambda: run_or_ask(ctx, parent, fn, **kw, override_reason=override.reason.text())
        )
        dialog = override
    elif isinstance(err, workshop.DelayNeeded):
        delay = DelayDialog(err.message(), err.suggested, parent)
        delay.accepted.connect(
            lambda: run_or_ask(
                ctx, parent, fn, **kw, delay_reason=delay.reason.text(), new_promised_at=delay.promise()
            )
        )
        dialog = delay
    else:
        if err is not None and not isinstance(err, SessionExpired):
            messages.error(parent, err.message())
        return outcome
    dialog.open()
    return dialog
