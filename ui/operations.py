"""Run a service call for the user: every call says how it ended, success announces a change.

``ops.run(fn, parent=self, **kwargs)`` calls ``fn(actor=…, **kwargs)`` and returns an
``Outcome``: ``ok`` with the ``value`` (which may well be None), or refused with the
``error`` (a ``UserError``, already shown in the user's language: the input stays on
screen), or neither when the user said no to a question on the way. On success every
open view hears ``changed(OpChanges)``: what the services declared they changed (as
Anki's ``OpChanges``); the screens reload only what that concerns. The UI never
announces changes of its own.

A call refused because the session has ended (``SessionExpired``: the account was
deactivated, reset or given another role) shows nothing here: ``session_expired`` carries
the error to the main window, which returns to the login with its message.

Work that can take longer than a click should (exports, backups, the dashboard's figures,
sheets to print) goes to ``run_in_background``: the same, in a worker thread, with the
``Outcome`` handed to ``on_done`` in the GUI thread (as Anki's ``QueryOp`` /
``CollectionOp.run_in_background``); the window stays responsive meanwhile.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from advisor.errors import SessionExpired, UserError
from advisor.services._base import Actor
from advisor.services.opchanges import NOTHING, OpChanges, collect
from advisor.services.system import close_thread_connection
from ui import messages

T = TypeVar("T")
SHOW_PROGRESS_AFTER_MS = 300  # work that takes longer shows its progress dialog by then

Confirm = tuple[type[UserError], dict[str, Any]]


class Outcome(Generic[T]):
    """How an operation ended.

    - ``ok``: it succeeded; ``value`` is what the service returned (None is a value too)
      and ``changes`` what it changed.
    - ``error`` set: it was refused (the message was shown unless the call was ``quiet``).
    - neither: the user declined a question on the way or cancelled the work
      (``declined``); nothing was done.
    """

    __slots__ = ("_value", "changes", "error", "ok")

    def __init__(
        self, *, ok: bool, value: Any = None, error: UserError | None = None, changes: OpChanges = NOTHING
    ) -> None:
        self.ok = ok
        self._value = value
        self.error = error
        self.changes = changes

    @classmethod
    def done(cls, value: T, changes: OpChanges = NOTHING) -> Outcome[T]:
        return cls(ok=True, value=value, changes=changes)

    @classmethod
    def refused(cls, error: UserError) -> Outcome[Any]:
        return cls(ok=False, error=error)

    @classmethod
    def cancelled(cls) -> Outcome[Any]:
        return cls(ok=False)

    @property
    def declined(self) -> bool:
        """The user said no (or cancelled): not done, and not refused either."""
        return not self.ok and self.error is None

    @property
    def value(self) -> T:
        """The service's result; asking for it after a failure is a programming error."""
        if not self.ok:
            raise ValueError(f"the operation did not succeed: no value ({self!r})")
        return cast(T, self._value)

    def __repr__(self) -> str:
        if self.ok:
            return f"Outcome(ok, value={self._value!r}, changes={self.changes!r})"
        return f"Outcome(refused: {self.error!r})" if self.error else "Outcome(declined)"


class Operations(QObject):
    """The operations layer of one logged-in session."""

    changed = Signal(object)  # OpChanges: what a call here, or another desk, changed
    session_expired = Signal(object)  # the SessionExpired error: back to the login

    def __init__(self, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self._workers: set[Worker] = set()

    def _with_actor(self, fn: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
        if "actor" in _parameters(fn) and "actor" not in kwargs:
            return {**kwargs, "actor": self.actor}
        return kwargs

    def _call(self, fn: Callable[..., T], kwargs: dict[str, Any]) -> tuple[T, OpChanges]:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return collect(fn, **self._with_actor(fn, kwargs))
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _refused(self, err: UserError, parent: QWidget | None, quiet: bool) -> Outcome[Any]:
        if isinstance(err, SessionExpired):
            self.session_expired.emit(err)
        elif not quiet:
            messages.error(parent, err.message())
        return Outcome.refused(err)

    def _succeeded(self, value: T, changes: OpChanges) -> Outcome[T]:
        if changes:
            self.changed.emit(changes)
        return Outcome.done(value, changes)

    def _ask(self, parent: QWidget | None, err: UserError) -> bool:
        return messages.confirm(parent, err.message() + "\n\n" + self.tr("Do it anyway?"))

    def run(
        self,
        fn: Callable[..., T],
        *,
        parent: QWidget | None,
        confirm: Confirm | None = None,
        quiet: bool = False,
        **kwargs: Any,
    ) -> Outcome[T]:
        """Call ``fn`` in the GUI thread (a write of a few milliseconds) and say how it ended.

        ``quiet=True``: a refusal is not shown (a form that shows each refused field beside
        its input does it from ``outcome.error``).

        ``confirm=(ErrorClass, extra_kwargs)``: when ``fn`` raises ErrorClass (e.g. an
        over-booked slot), ask the user and, on yes, call again with ``extra_kwargs``.
        """
        try:
            try:
                value, changes = self._call(fn, kwargs)
            except UserError as err:
                if confirm is None or not isinstance(err, confirm[0]):
                    raise
                if not self._ask(parent, err):
                    return Outcome.cancelled()
                value, changes = self._call(fn, {**kwargs, **confirm[1]})
        except UserError as err:
            return self._refused(err, parent, quiet)
        return self._succeeded(value, changes)

    def run_in_background(
        self,
        fn: Callable[..., T],
        *,
        parent: QWidget | None,
        on_done: Callable[[Outcome[T]], None] | None = None,
        progress: str | None = None,
        cancellable: bool = True,
        confirm: Confirm | None = None,
        quiet: bool = False,
        **kwargs: Any,
    ) -> Worker:
        """Call ``fn`` in a worker thread; ``on_done(outcome)`` runs in the GUI thread after.

        Refusals are handled as by ``run`` (shown, or back to the login), ``confirm`` too
        (the question is asked in the GUI thread, the call made again in the background).
        ``progress``: a label for a window-modal progress dialog (shown after
        ``SHOW_PROGRESS_AFTER_MS``); when ``fn`` takes ``progress(done, total)`` and
        ``cancel() -> bool`` keyword arguments it receives them, the dialog has a Cancel
        button (unless ``cancellable=False``: work that cannot stop half-way) and a
        cancelled call ends ``declined``. Without ``progress`` the window shows nothing
        and stays usable (a screen shows its own busy bar if it wants). When ``parent``
        has been deleted by the time the work ends, ``on_done`` is not called.
        """
        takes = _parameters(fn)
        reports = {"progress", "cancel"} <= takes
        worker = Worker(fn, self._with_actor(fn, kwargs), reports_progress=reports)
        dialog = None
        if progress is not None:
            dialog = self._progress_dialog(worker, parent, progress, cancellable and reports)
        self._workers.add(worker)

        def finished() -> None:
            self._workers.discard(worker)
            worker.deleteLater()
            if dialog is not None and isValid(dialog):
                dialog.reset()
                dialog.hide()
                dialog.deleteLater()
            # The window that asked may have closed meanwhile: its changes are still
            # announced and a refusal still shown (on top), but there is nothing to fill in.
            gone = parent is not None and not isValid(parent)
            outcome = self._outcome_of(worker, None if gone else parent, confirm, quiet, again)
            if outcome is not None and on_done is not None and not gone:
                on_done(outcome)

        def again(extra: dict[str, Any]) -> None:
            self.run_in_background(
                fn,
                parent=parent,
                on_done=on_done,
                progress=progress,
                cancellable=cancellable,
                quiet=quiet,
                **{**kwargs, **extra},
            )

        worker.finished.connect(finished)
        worker.start()
        return worker

    def _outcome_of(
        self,
        worker: Worker,
        parent: QWidget | None,
        confirm: Confirm | None,
        quiet: bool,
        again: Callable[[dict[str, Any]], None],
    ) -> Outcome[Any] | None:
        """The outcome of a finished worker (None: the call was made again after a yes)."""
        err = worker.error
        if err is None:
            return self._succeeded(worker.result, worker.changes)
        if worker.cancelled:
            # The user asked to stop: whatever the work raised on its way out
            # (e.g. an "export cancelled" exception) is the expected end.
            return Outcome.cancelled()
        if not isinstance(err, UserError):
            raise err  # a defect: the crash handler shows and logs it
        if confirm is not None and isinstance(err, confirm[0]):
            if not self._ask(parent, err):
                return Outcome.cancelled()
            again(confirm[1])
            return None
        return self._refused(err, parent, quiet)

    def _progress_dialog(
        self, worker: Worker, parent: QWidget | None, label: str, cancellable: bool
    ) -> QProgressDialog:
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

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

        worker.progressed.connect(show_progress)
        dialog.canceled.connect(worker.request_cancel)
        return dialog

    @property
    def busy(self) -> bool:
        """True while work started by ``run_in_background`` is under way."""
        return bool(self._workers)

    def wait_idle(self, msecs: int = 30_000) -> None:
        """Block until the background work under way has ended (closing, tests); its
        ``on_done`` runs when the event loop next runs."""
        for worker in list(self._workers):
            worker.wait(msecs)


def _parameters(fn: Callable[..., Any]) -> set[str]:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):  # a builtin without a signature
        return set()


class Worker(QThread):
    """One call in a thread of its own (with its own database connection, closed after)."""

    progressed = Signal(int, int)

    def __init__(self, fn: Callable[..., Any], kwargs: dict[str, Any], *, reports_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.kwargs = kwargs
        self.reports_progress = reports_progress
        self.result: Any = None
        self.changes = NOTHING
        self.error: BaseException | None = None
        self.cancelled = False

    def request_cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        kwargs = self.kwargs
        if self.reports_progress:
            kwargs = {**kwargs, "progress": self.progressed.emit, "cancel": lambda: self.cancelled}
        try:
            self.result, self.changes = collect(self.fn, **kwargs)
        except BaseException as exc:  # handed to the GUI thread in finished()
            self.error = exc
        finally:
            close_thread_connection()
