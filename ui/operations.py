"""Run a service call for the user: errors become one message, success announces a change.

``ops.run(fn, parent=self, topic="ro", **kwargs)`` calls ``fn(actor=…, **kwargs)``.
A ``UserError`` is shown in the user's language and ``run`` returns ``None`` (the
input stays on screen). On success every open view hears ``changed(topic)``.
A call refused because the session has ended (``SessionExpired``: the account was
deactivated, reset or given another role) shows nothing here: ``session_expired`` carries
the error to the main window, which returns to the login with its message.
Long work goes to ``run_in_thread`` with a progress dialog that can cancel.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from advisor.errors import SessionExpired, UserError
from advisor.services._base import Actor
from advisor.services.system import close_thread_connection
from ui import messages

T = TypeVar("T")
SHOW_PROGRESS_AFTER_MS = 300  # work that takes longer shows its progress dialog by then


class _Failed:
    """Marker for a call that was refused (so callers can tell None results apart)."""


FAILED = _Failed()


class Operations(QObject):
    """The operations layer of one logged-in session."""

    changed = Signal(str)  # a topic: "ro", "board", "appointments", "parts", "*" …
    session_expired = Signal(object)  # the SessionExpired error: back to the login

    def __init__(self, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.last_error: UserError | None = None

    def _call(self, fn: Callable[..., T], kwargs: dict[str, Any]) -> T:
        if "actor" in inspect.signature(fn).parameters and "actor" not in kwargs:
            kwargs = {**kwargs, "actor": self.actor}
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return fn(**kwargs)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def run(self, fn: Callable[..., T], *, parent: QWidget | None, topic: str = "*",
            confirm: tuple[type[UserError], dict[str, Any]] | None = None,
            quiet: bool = False, **kwargs: Any) -> T | None:  # fmt: skip
        """Call ``fn``; show a ``UserError`` and return None; announce ``topic`` on success.

        ``quiet=True``: a ``UserError`` is not shown, only kept in ``last_error`` (for a
        form that shows each refused field beside its input).

        ``confirm=(ErrorClass, extra_kwargs)``: when ``fn`` raises ErrorClass (e.g. an
        over-booked slot), ask the user and, on yes, call again with ``extra_kwargs``.
        """
        self.last_error = None
        try:
            try:
                result = self._call(fn, kwargs)
            except UserError as err:
                if confirm is None or not isinstance(err, confirm[0]):
                    raise
                question = err.message() + "\n\n" + self.tr("Do it anyway?")
                if not messages.confirm(parent, question):
                    return None
                result = self._call(fn, {**kwargs, **confirm[1]})
        except UserError as err:
            self.last_error = err
            if isinstance(err, SessionExpired):
                self.session_expired.emit(err)
            elif not quiet:
                messages.error(parent, err.message())
            return None
        self.changed.emit(topic)
        return result

    def query(self, fn: Callable[..., T], **kwargs: Any) -> T:
        """A read-only call (no message, no change signal): errors propagate."""
        return fn(**kwargs)

    def run_in_thread(self, fn: Callable[..., T], *, parent: QWidget | None, label: str,
                      on_done: Callable[[T], None] | None = None, topic: str | None = None,
                      on_cancel: Callable[[], None] | None = None, cancellable: bool = True,
                      **kwargs: Any) -> _Worker:  # fmt: skip
        """Run a long call in a worker thread with a progress dialog that can cancel.

        ``fn`` receives ``progress(done, total)`` and ``cancel() -> bool`` keyword arguments.
        ``cancellable=False``: work that cannot stop half-way shows no Cancel button.
        """
        # A busy bar until the work reports its first progress.
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        # Starts the dialog's clock: without a value at its minimum, QProgressDialog keeps its
        # built-in 4 s before showing, so 3 s of work passed with nothing on screen.
        dialog.setValue(0)
        # Work may go on after reporting done == total (e.g. indexes rebuilt at the end):
        # the dialog stays until the worker has finished.
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        if not cancellable:
            dialog.setCancelButton(None)
        worker = _Worker(fn, kwargs)

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

        worker.progressed.connect(show_progress)
        dialog.canceled.connect(worker.request_cancel)

        def finished() -> None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            if worker.cancelled:
                # The user asked to stop: whatever the work raised on its way out
                # (e.g. an "export cancelled" exception) is the expected end.
                if on_cancel is not None:
                    on_cancel()
                return
            if worker.error is not None:
                if isinstance(worker.error, SessionExpired):
                    self.last_error = worker.error
                    self.session_expired.emit(worker.error)
                    return
                if isinstance(worker.error, UserError):
                    self.last_error = worker.error
                    messages.error(parent, worker.error.message())
                    return
                raise worker.error
            if topic:
                self.changed.emit(topic)
            if on_done is not None:
                on_done(worker.result)

        worker.finished.connect(finished)
        worker.start()
        return worker


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.fn = fn
        self.kwargs = kwargs
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False

    def request_cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            self.result = self.fn(progress=self.progressed.emit, cancel=lambda: self.cancelled, **self.kwargs)
        except BaseException as exc:  # handed to the GUI thread in finished()
            self.error = exc
        finally:
            close_thread_connection()
