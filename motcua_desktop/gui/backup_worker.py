"""Backups on a thread of their own: the counter's database worker never waits for one.

A backup only reads the database, on a connection of its own (``services.backup``), so it runs
beside the clerk's queries and acts instead of before them; its answer comes back to the GUI
thread as a queued signal. One backup (or check of a backup) at a time per open workspace: the
scheduler and the Backup tab share the context's worker (``BackupWorker.of(ctx)``).

The thread is a plain daemon thread, not a Qt one: the app may quit while a backup checks its
copy (a minute on a database of a few GB). ``shutdown`` waits a few seconds, asks the backup to
stop, and then abandons it (its partial file removed) rather than hold up the exit.

The backup's checks hash every event in Python, on the interpreter lock that the GUI thread and
the database worker need too. While a backup runs, two process-wide settings let them have it
back sooner (``quiet=False`` leaves them alone): Python's thread switch interval goes from 5 ms to
0.1 ms (each SQLite call of an act lets go of the lock, then waited up to 5 ms to get it back),
and the cyclic garbage collector is paused (the events checked are freed as they go; its full
collections stopped every thread for up to 90 ms). During the backup of a 2 GB database a 3 ms
receive took 8 ms (median; worst 25-44 ms) with them, 9-16 ms (worst 250-280 ms) without
(``bench/backup_probe.py``; docs/reliability.md).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from .ops import unless_deleted

if TYPE_CHECKING:
    from ..services.backup import BackupStop

T = TypeVar("T")

SWITCH_INTERVAL_S = 0.0001  # while a backup runs (Python's default is 0.005)
STOP_GRACE_S = 0.5  # after a stop is asked: time to reach the next step and remove its file
NAME = "backup_worker"


class _Job:
    """One backup in progress, as its thread sees it: the work, its stop, whether to answer."""

    def __init__(self, work: Callable[[BackupStop], Any], stop: BackupStop) -> None:
        self.work: Callable[[BackupStop], Any] | None = work
        self.stop = stop
        self.lock = threading.Lock()
        self.detached = False  # nobody waits for the answer any more (shutdown, worker deleted)
        self.thread: threading.Thread | None = None

    def detach(self) -> None:
        with self.lock:
            self.detached = True


class _Relay(QObject):
    """Lives on the GUI thread; the backup thread emits through it (queued to the worker)."""

    answered = Signal(object, bool, object)  # the job, whether it succeeded, result or error


def _run(job: _Job, relay: _Relay) -> None:
    """The backup thread: the work, then the answer unless nobody waits for it any more."""
    work, job.work = job.work, None  # the closure is not kept with the finished job
    assert work is not None
    ok = True
    try:
        outcome: Any = work(job.stop)
    except Exception as error:  # noqa: BLE001 - every failure goes back to the GUI thread
        ok, outcome = False, error
    with job.lock:
        if not job.detached:
            relay.answered.emit(job, ok, outcome)


class BackupWorker(QObject):
    """Runs one backup job at a time on its own thread; callbacks run on the GUI thread.

    ``run(work, on_done, on_error)`` calls ``work(stop)`` on the backup thread (``stop`` is a
    ``BackupStop`` to hand to the backup service) and returns False, running nothing, while
    another job runs or a restore holds backups back (``hold``/``release``).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject, *, quiet: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self._quiet = quiet
        self._saved_interval: float | None = None
        self._collector_paused = False
        self._lock = threading.Lock()
        self._holds = 0
        self._job: _Job | None = None
        self._callbacks: tuple[Callable[[Any], None] | None, ...] = (None, None)
        self._relay = _Relay(self)
        self._relay.answered.connect(self._on_answered, Qt.ConnectionType.QueuedConnection)
        self._jobs = _Current()
        self.destroyed.connect(self._jobs.detach)

    @staticmethod
    def of(ctx: QObject) -> BackupWorker:
        """The context's backup worker (made on first use)."""
        return BackupWorker.existing(ctx) or BackupWorker(ctx)

    @staticmethod
    def existing(ctx: QObject) -> BackupWorker | None:
        return ctx.findChild(BackupWorker, NAME, Qt.FindChildOption.FindDirectChildrenOnly)

    @property
    def running(self) -> bool:
        return self._job is not None

    def run(
        self,
        work: Callable[[BackupStop], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> bool:
        """Start ``work(stop)`` on the backup thread; False (nothing started) when busy or held."""
        from ..services.backup import BackupStop  # loaded with the backup service, not at start

        with self._lock:
            if self._job is not None or self._holds:
                return False
            job = _Job(work, BackupStop())
            self._job = job
        self._callbacks = (unless_deleted(on_done), unless_deleted(on_error))
        self._jobs.job = job
        self._make_room()
        job.thread = threading.Thread(target=_run, args=(job, self._relay), name="backup")
        job.thread.daemon = True  # abandoned, never waited for, when the app quits mid-check
        job.thread.start()
        self.busy_changed.emit(True)
        return True

    def hold(self) -> bool:
        """Keep backups from starting (a restore swaps the file); False while one runs."""
        with self._lock:
            if self._job is not None:
                return False
            self._holds += 1
            return True

    def release(self) -> None:
        """End a ``hold`` (from any thread: a restore ends on the database worker)."""
        with self._lock:
            self._holds = max(0, self._holds - 1)

    def shutdown(self, wait_s: float, grace_s: float = STOP_GRACE_S) -> bool:
        """The app closes: let the job in progress finish within ``wait_s`` seconds, else ask it
        to stop and give it ``grace_s`` more; one still busy then is abandoned, its partial file
        removed, and no callback runs. Whether no backup was left running."""
        job = self._job
        if job is None:
            return True
        assert job.thread is not None
        job.thread.join(wait_s)
        if job.thread.is_alive():
            job.stop.request()
            job.thread.join(grace_s)
        ended = not job.thread.is_alive()
        if not ended:
            job.stop.abandon()
        job.detach()
        self._finished()
        return ended

    @Slot(object, bool, object)
    def _on_answered(self, job: _Job, ok: bool, outcome: Any) -> None:
        if job is not self._job:  # abandoned at shutdown: nobody waits for it
            return
        on_done, on_error = self._callbacks
        self._finished()
        if ok:
            if on_done is not None:
                on_done(outcome)
        elif on_error is not None:
            on_error(outcome)
        else:
            raise outcome

    def _finished(self) -> None:
        with self._lock:
            self._job = None
        self._jobs.job = None
        self._callbacks = (None, None)
        self._give_room_back()
        self.busy_changed.emit(False)

    def _make_room(self) -> None:
        """Share the interpreter lock better while a backup runs (see the module's notes)."""
        if not self._quiet:
            return
        self._saved_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(SWITCH_INTERVAL_S, self._saved_interval))
        self._collector_paused = gc.isenabled()  # left alone when the app has it off (start-up)
        gc.disable()

    def _give_room_back(self) -> None:
        saved, self._saved_interval = self._saved_interval, None
        if saved is not None:
            sys.setswitchinterval(saved)
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()


class _Current:
    """The job in progress, outside the worker: detached when the worker is deleted, so its
    thread never emits through a deleted relay."""

    def __init__(self) -> None:
        self.job: _Job | None = None

    def detach(self, *_args: object) -> None:
        job = self.job
        if job is not None:
            job.detach()
