"""The counter app on one open data folder: the start-up checks' verdict, the signed-in context,
the main window, and the work kept for after its first paint.

The clerk's form comes first. What it does not need waits until the main window has painted:
the whole-file check (unless the sign-in screen already started it), then the background
services (only once the file is known whole: they write), and a warm-up that loads the other
screens' modules in idle time, one per turn of the event loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from ..services.startup import StartupReport
from ..services.users import User
from ..services.workspace import Workspace
from .context import AppContext
from .main_window import MainWindow
from .messages import error_text
from .navigation import PAGES
from .warmup import Step, Warmup, importing, resume_collector

if TYPE_CHECKING:
    from .background import BackgroundServices

# Loaded a step ahead of a screen's own module when they are most of its cost.
_BEFORE = {"reports_page": ("PySide6.QtCharts", "..services.reports")}
# What every act and most screens use and the first form did not: SQLAlchemy, in a few steps.
# The package itself first: a thread that imports one of its submodules first could meet another
# thread inside the package's own imports, and Python then hands one of them a half-made module.
_DATA_ACCESS = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "..storage.schema",
    "..services.dossiers",
    "..services.lookup",
)


class CounterSession(QObject):
    """Owns the context, the background services and the windows of one open workspace."""

    damaged = Signal(object)  # the fault of a damaged file: the app must stop using it
    settled = Signal()  # every check answered and the warm-up done: the start-up is over
    _answered = Signal()  # from the checking thread

    def __init__(
        self,
        workspace: Workspace,
        report: StartupReport,
        *,
        backups: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.report = report
        self._backups = backups  # the daily and exit backups (a benchmark turns them off)
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.background: BackgroundServices | None = None
        self.warmup: Warmup | None = None
        self.fault: Exception | None = None
        self._painted = False
        self._answered.connect(self._on_answered, Qt.ConnectionType.QueuedConnection)
        if report.check is not None:
            report.check.when_finished(lambda _check: self._answered.emit())

    @property
    def answered(self) -> bool:
        """Whether every start-up check has answered."""
        return self.report.check is None or self.report.check.finished

    @property
    def whole(self) -> bool:
        """Whether the file is known whole (writes go through)."""
        return self.answered and self._check_fault() is None

    @property
    def is_settled(self) -> bool:
        return self.answered and self.warmup is not None and self.warmup.done

    def begin_checks(self) -> None:
        """Start the whole-file check (it reads every page: once the first window is up)."""
        if self.report.check is not None:
            self.report.check.start()

    def sign_in(self, user: User) -> AppContext:
        if self.ctx is None:
            self.ctx = AppContext(self.workspace, user, parent=self)
        else:
            self.ctx.set_user(user)
        return self.ctx

    def open_window(self) -> MainWindow:
        """Build and show the signed-in user's window; the rest follows its first paint."""
        window = self.build_window()
        self.show_window()
        return window

    def build_window(self) -> MainWindow:
        assert self.ctx is not None, "sign in first"
        window = MainWindow(self.ctx)  # the status bar's polling starts after the first paint
        self.window = window
        if self.background is not None:
            self.background.backup_failed.connect(window.statusBar().showMessage)
        if self.answered:
            self._show_warnings()
        return window

    def show_window(self) -> None:
        assert self.window is not None, "build the window first"
        self.window.installEventFilter(self)
        self.window.show()

    def close_window(self) -> None:
        """Let go of the window after its event loop returned (a sign-out or the end)."""
        window, self.window = self.window, None
        if window is None:
            return
        if self.background is not None:
            self.background.backup_failed.disconnect(window.statusBar().showMessage)
        window.deleteLater()

    def stop(self) -> None:
        """Before the database closes: the exit backup, the worker's last job, a check cut short."""
        if self.warmup is not None:
            self.warmup.stop()
        if self.background is not None:
            self.background.stop()
        elif self.ctx is not None:
            # No background services (the file was never known whole, or the app quits at
            # once): a backup begun from the Backup tab is still stopped before the data closes.
            from .backup_worker import BackupWorker

            worker = BackupWorker.existing(self.ctx)
            if worker is not None:
                worker.shutdown(0)
        if self.ctx is not None:
            self.ctx.ops.wait()
        if self.report.check is not None:
            self.report.check.cancel()

    # ---- after the first paint ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._after_first_paint)  # once this paint is on screen
        return False

    def _after_first_paint(self) -> None:
        self._painted = True
        self.begin_checks()
        if self.window is not None and self.window.monitor is None:
            from .background import sync_provider  # with the background services, after the paint

            self.window.watch_sync(sync_provider(self.workspace))
        self._start_background()
        if self.warmup is None and self.window is not None:
            self.warmup = Warmup(self._warmup_steps(self.window), parent=self)
            self.warmup.finished.connect(self._maybe_settled)
            self.warmup.start()

    def _warmup_steps(self, window: MainWindow) -> list[Step]:
        here = __package__
        steps: list[Step] = [self._warm_calendar]
        steps += [importing(name, here) for name in _DATA_ACCESS]
        for spec in PAGES:
            if spec.id not in window.pages and window.allowed(spec):
                steps += [importing(name, here) for name in _BEFORE.get(spec.module, ())]
                steps.append(importing(f".{spec.module}", here))
        steps.append(resume_collector)
        return steps

    def _warm_calendar(self) -> None:
        """Work out this year's holidays on the worker: the first appointment shown is instant."""
        ctx = self.ctx
        if ctx is None:
            return

        def work() -> object:
            from ..domain.durations import Duration

            return ctx.calendar.due(ctx.workspace.clock(), Duration.days(1))

        ctx.query(work, lambda _due: None, lambda _error: None)  # the form computes it anyway

    # ---- the checks' verdict --------------------------------------------------------------------

    def _check_fault(self) -> Exception | None:
        check = self.report.check
        return check.fault if check is not None and check.finished else None

    def _on_answered(self) -> None:
        fault = self._check_fault()
        if fault is not None:
            self.fault = fault
            self.damaged.emit(fault)
        else:
            self._show_warnings()
            self._start_background()
        self._maybe_settled()

    def _show_warnings(self) -> None:
        if self.window is not None and self.report.warnings:  # shown, never blocking
            self.window.statusBar().showMessage(
                "  ".join(error_text(w) for w in self.report.warnings)
            )

    def _start_background(self) -> None:
        if self.ctx is None or not self._painted or not self.whole or self.background is not None:
            return
        from .background import BackgroundServices

        self.background = BackgroundServices(self.ctx, backups=self._backups, parent=self.ctx)
        if self.window is not None:
            self.background.backup_failed.connect(self.window.statusBar().showMessage)
        self.background.start()

    def _maybe_settled(self) -> None:
        if self.is_settled:
            self.settled.emit()
