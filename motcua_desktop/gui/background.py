"""The app's background duties: the sync worker (its own thread) and the backup scheduler."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..services.workspace import Workspace
from .backup_worker import BackupWorker
from .context import AppContext
from .sync_status import SyncStatus, SyncStatusProvider

if TYPE_CHECKING:
    from ..services.sync_worker import SyncWorker
    from .backup_scheduler import BackupScheduler

# The day's first backup reads the whole file and then checks its copy (a minute and a CPU core
# on a database of a few GB, on its own thread): it waits a minute after the start, so that the
# screens' first reads and the clerk's first acts have the disk and the processor to themselves.
FIRST_BACKUP_DELAY_MS = 60_000
NO_SCHEDULER_EXIT_WAIT_S = 0.0  # without the scheduler (a benchmark), a backup is stopped at once


def sync_provider(workspace: Workspace) -> SyncStatusProvider:
    """What the status bar polls: the sync client's own record of the link to the hub."""

    def provide() -> SyncStatus:
        from ..services.sync import sync_status  # loaded by the first poll, not at start-up

        return sync_status(workspace)

    return provide


def _sync_worker(workspace: Workspace) -> SyncWorker:
    from ..services.sync_worker import SyncWorker

    return SyncWorker(workspace)


class BackgroundServices(QObject):
    """Starts once the signed-in window is up and stops before the database closes.

    The sync worker never touches Qt: it runs on its own thread, is woken after every act so an
    act reaches the hub within about a second, and otherwise notices by itself when the network
    returns. The backup scheduler takes the daily backup (its first check ``backup_delay_ms``
    after the start) and one on exit, on the backup thread (``BackupWorker``), never on the
    database worker; ``backups=False`` leaves it out.
    """

    backup_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        worker_factory: Callable[[Workspace], SyncWorker] = _sync_worker,
        backup_delay_ms: int = FIRST_BACKUP_DELAY_MS,
        backups: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker = worker_factory(ctx.workspace)
        self.scheduler: BackupScheduler | None = None
        self._backup_delay = QTimer(self)
        self._backup_delay.setSingleShot(True)
        self._backup_delay.setInterval(backup_delay_ms)
        if backups:
            from .backup_scheduler import BackupScheduler  # loads the backup service: not at start

            self.scheduler = BackupScheduler(ctx, parent=self)
            self.scheduler.backup_failed.connect(self.backup_failed)
            self._backup_delay.timeout.connect(self.scheduler.start)
        self._started = False

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.worker.start()
        self.ctx.data_changed.connect(self._on_ctx_data_changed)
        self._backup_delay.start()

    def stop(self) -> None:
        """Let the database worker finish, start the exit backup, stop syncing, then give the
        backup in progress a few seconds (``EXIT_WAIT_S``) before abandoning it."""
        if not self._started:
            return
        self._started = False
        self._backup_delay.stop()
        self.ctx.data_changed.disconnect(self._on_ctx_data_changed)
        self.ctx.ops.wait()
        wait_s = NO_SCHEDULER_EXIT_WAIT_S
        if self.scheduler is not None:
            from .backup_scheduler import EXIT_WAIT_S

            self.scheduler.backup_on_exit()  # after the last act: the backup holds it
            wait_s = EXIT_WAIT_S
        self.worker.stop()
        backups = BackupWorker.existing(self.ctx)  # the admin's backup may run without a scheduler
        if backups is not None:
            backups.shutdown(wait_s)

    def _on_ctx_data_changed(self) -> None:
        self.worker.wake()
