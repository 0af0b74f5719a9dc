"""The composition root: Qt application, Vietnamese, first-run setup, sign-in, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..domain.errors import MotcuaError
from ..services.logging_setup import log_path, setup_logging
from ..services.startup import StartupReport, open_checked
from ..services.workspace import Workspace, default_data_dir
from .background import BackgroundServices, sync_provider
from .context import AppContext
from .crash_dialog import CrashHandler
from .main_window import MainWindow
from .messages import error_text
from .sign_in import SignInDialog
from .translations import install_translators

APP_NAME = "Một Cửa"


def open_or_set_up(data_dir: Path) -> tuple[Workspace, StartupReport] | None:
    """The checked, initialised workspace (after the setup dialog on a new PC) and what the
    start-up checks found; None if the user quits the setup."""
    try:
        return open_checked(data_dir)
    except MotcuaError as error:
        if error.code != "workspace.not_initialised":
            raise
    from .setup_dialog import SetupDialog  # first run only: the demo builder loads with it

    dialog = SetupDialog(data_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
        return None
    return dialog.workspace, StartupReport()


def run_app(argv: Sequence[str] | None = None, *, data_dir: Path | None = None) -> int:
    """Start the counter app; returns the process exit code."""
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    assert isinstance(app, QApplication)
    app.setApplicationName("motcua")
    app.setApplicationDisplayName(APP_NAME)
    translators = install_translators(app)
    try:
        return _run(app, data_dir or default_data_dir())
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def _run(app: QApplication, folder: Path) -> int:
    # Logged to stderr until the data folder exists (quitting the first-run setup leaves none).
    crashes = CrashHandler(log_path(folder), QApplication.activeWindow, parent=app)
    crashes.install()
    try:
        try:
            opened = open_or_set_up(folder)
        except MotcuaError as error:
            QMessageBox.critical(None, APP_NAME, error_text(error))
            return 5
        if opened is None:
            return 0
        workspace, report = opened
        setup_logging(folder)
        try:
            return _sign_in_loop(app, workspace, report)
        finally:
            workspace.close()
    finally:
        crashes.uninstall()


def _sign_in_loop(app: QApplication, workspace: Workspace, report: StartupReport) -> int:
    ctx: AppContext | None = None
    background: BackgroundServices | None = None
    try:
        while True:
            dialog = SignInDialog(workspace)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
                break
            if ctx is None:
                ctx = AppContext(workspace, dialog.user)
                background = BackgroundServices(ctx, parent=ctx)
                background.start()
            else:
                ctx.set_user(dialog.user)
            window = MainWindow(ctx, sync_provider=sync_provider(workspace))
            assert background is not None
            background.backup_failed.connect(window.statusBar().showMessage)
            warnings = [w for w in (report.clock, report.backup) if w is not None]
            if warnings:  # shown, never blocking: the clerk can work at once
                window.statusBar().showMessage("  ".join(error_text(w) for w in warnings))
            window.show()
            app.exec()
            background.backup_failed.disconnect(window.statusBar().showMessage)
            window.deleteLater()
            if not window.signed_out:
                break
    finally:
        if background is not None:
            background.stop()  # the exit backup, then the sync worker
        if ctx is not None:
            ctx.ops.wait()
    return 0
