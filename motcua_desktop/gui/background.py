"""The app's background duties: the sync worker (its own thread) and the backup scheduler."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..services.sync import sync_status
from ..services.sync_worker import SyncWorker
from ..services.workspace import Workspace
from .backup_scheduler import BackupScheduler
from .context import AppContext
from .sync_status import SyncStatus, SyncStatusProvider


def sync_provider(workspace: Workspace) -> SyncStatusProvider:
    """What the status bar polls: the sync client's own record of the link to the hub."""

    def provide() -> SyncStatus:
        return sync_status(workspace)

    return provide


class BackgroundServices(QObject):
    """Starts with the signed-in window and stops before the database closes.

    The sync worker never touches Qt: it runs on its own thread, is woken after every act so an
    act reaches the hub within about a second, and otherwise notices by itself when the network
    returns. The backup scheduler takes the daily backup and one on exit on the database worker.
    """

    backup_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        worker_factory: Callable[[Workspace], SyncWorker] = SyncWorker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker = worker_factory(ctx.workspace)
        self.scheduler = BackupScheduler(ctx, parent=self)
        self.scheduler.backup_failed.connect(self.backup_failed)
        self._started = False

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.worker.start()
        self.ctx.data_changed.connect(self._on_ctx_data_changed)
        self.scheduler.start()

    def stop(self) -> None:
        """Queue the exit backup, let the database worker finish, then stop syncing."""
        if not self._started:
            return
        self._started = False
        self.ctx.data_changed.disconnect(self._on_ctx_data_changed)
        self.scheduler.backup_on_exit()
        self.ctx.ops.wait()
        self.worker.stop()

    def _on_ctx_data_changed(self) -> None:
        self.worker.wake()
