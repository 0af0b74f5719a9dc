"""Run service calls off the GUI thread, one at a time, with results delivered on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so its slots run there (queued).

    A child of its ``Operations``: an answer still queued when they are deleted is dropped.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, done: Callable[[bool, Any], None], parent: QObject) -> None:
        super().__init__(parent)
        self._done = done
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self._done(True, result)

    @Slot(object)
    def _on_failed(self, error: Any) -> None:
        self._done(False, error)


class _Job(QRunnable):
    """Owned by Python, not by the pool (no auto-delete): the garbage collector on the GUI thread
    must never free a runnable the worker is still running (a segfault under load)."""

    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work: Callable[[], Any] | None = work
        self._relay = relay

    def run(self) -> None:
        work, self._work = self._work, None  # the closure is not kept with the finished job
        assert work is not None
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


def unless_deleted(callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    """A callback bound to a widget is dropped when the widget was deleted meanwhile (a page
    closed, a user signed out) before the worker answered."""
    owner = getattr(callback, "__self__", None)
    if callback is None or not isinstance(owner, QObject):
        return callback
    bound = callback

    def call(outcome: Any) -> None:
        if shiboken6.isValid(owner):
            bound(outcome)

    return call


class Operations(QObject):
    """One database worker: service calls queue here and never block the GUI thread.

    Like Anki's ``CollectionOp``: the caller hands over a function and two callbacks; the function
    runs on the single worker thread (so acts are serialised, as SQLite wants), the callbacks on the
    GUI thread. ``synchronous=True`` runs everything inline (start-up, scripts).
    """

    busy_changed = Signal(bool)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._relays: set[_Relay] = set()
        self._jobs: list[_Job] = []  # kept until the pool is idle, see _Job

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work`` on the worker; then ``on_done(result)`` or ``on_error(exception)``.

        A callback that is a method of a Qt object deleted in the meantime is not called.
        """
        on_done = unless_deleted(on_done)
        on_error = unless_deleted(on_error)
        if self._synchronous:
            try:
                result = work()
            except Exception as error:  # noqa: BLE001
                self._fail(on_error, error)
            else:
                if on_done is not None:
                    on_done(result)
            return
        relay: _Relay

        def done(ok: bool, outcome: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            self._pending -= 1
            if self._pending == 0:
                self._release_finished_jobs()
                self.busy_changed.emit(False)
            if not ok:
                self._fail(on_error, outcome)
            elif on_done is not None:
                on_done(outcome)

        relay = _Relay(done, self)
        self._relays.add(relay)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        job = _Job(work, relay)
        self._jobs.append(job)
        self._pool.start(job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown; tests use qtbot.waitUntil instead)."""
        idle = self._pool.waitForDone(msecs)
        if idle:
            self._jobs.clear()
        return idle

    def _release_finished_jobs(self) -> None:
        # Every answer is in; once no thread is inside a runnable, none is in use any more.
        if self._pool.activeThreadCount() == 0:
            self._jobs.clear()

    @staticmethod
    def _fail(on_error: Callable[[Exception], None] | None, error: Exception) -> None:
        if on_error is None:
            raise error
        on_error(error)
