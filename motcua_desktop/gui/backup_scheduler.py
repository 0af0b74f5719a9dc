"""Backups without anyone thinking of them: once a day while the app runs, and on exit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.errors import MotcuaError
from ..services import backup
from ..services.faults import classify
from ..services.status import node_status
from ..services.workspace import Workspace
from .backup_worker import BackupWorker
from .context import AppContext

CHECK_EVERY_MS = 15 * 60 * 1000  # a day's backup starts within a quarter of an hour of being due
EXIT_WAIT_S = 5.0  # the longest the app's exit waits for a backup (then it is abandoned)


def _daily_due(ws: Workspace) -> bool:
    """No good backup yet today (the commune's day), by the device clock."""
    last = backup.last_good_backup(ws)
    if last is None:
        return True
    return last.created_at.astimezone(ws.tz).date() < ws.clock().astimezone(ws.tz).date()


def _worth_on_exit(ws: Workspace) -> bool:
    """Whether the database holds events the last good backup does not, and a backup is likely
    to finish while the exit waits (the last one did: one that would be abandoned is not begun)."""
    last = backup.last_good_backup(ws)
    if last is None:
        return True
    changed = int(node_status(ws)["events"]) != last.events
    return changed and last.duration_s <= EXIT_WAIT_S


class BackupScheduler(QObject):
    """Checks every ``interval_ms`` whether today's backup is due and takes it on the backup
    thread (``BackupWorker``), never on the database worker: the counter goes on meanwhile.

    ``backup_on_exit()`` starts one more when anything changed since the last backup; the app
    then waits for it at most ``EXIT_WAIT_S`` (``BackupWorker.shutdown``). A check that finds a
    backup already running (the admin's) takes none. Failures never interrupt the clerk: they
    are reported through ``backup_failed`` (a Vietnamese message) for the status bar, and the
    age warning of the Backup tab keeps telling until a backup succeeds.
    """

    backup_finished = Signal(object)  # the BackupInfo taken, or None when none was due
    backup_failed = Signal(str)

    def __init__(
        self, ctx: AppContext, *, interval_ms: int = CHECK_EVERY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker = BackupWorker.of(ctx)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start the daily checks; the first one runs as soon as the event loop turns."""
        self.timer.start()
        QTimer.singleShot(0, self, self.check_now)

    def stop(self) -> None:
        self.timer.stop()

    def check_now(self) -> None:
        """Take today's backup now if none was taken today (on the backup thread)."""
        self._run("daily", _daily_due)

    def backup_on_exit(self) -> None:
        """Start a backup when anything changed since the last one (call before closing)."""
        self.stop()
        self._run("exit", _worth_on_exit)

    def _on_timer_timeout(self) -> None:
        self.check_now()

    def _run(self, reason: str, due: Callable[[Workspace], bool]) -> None:
        if self._running:
            return
        ws = self.ctx.workspace

        def work(stop: backup.BackupStop) -> backup.BackupInfo | None:
            if not due(ws):
                return None
            return backup.create_backup(ws, reason=reason, stop=stop)

        self._running = self.worker.run(work, self._on_done, self._on_failed)

    def _on_done(self, info: backup.BackupInfo | None) -> None:
        self._running = False
        self.backup_finished.emit(info)

    def _on_failed(self, error: Exception) -> None:
        self._running = False
        explained = classify(error)
        if isinstance(explained, MotcuaError):
            text = explained.message
        else:
            text = self.tr("The automatic backup failed: {error}").format(error=str(error))
        self.backup_failed.emit(text)
