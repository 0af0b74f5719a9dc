"""The composition root: Qt application, Vietnamese, first-run setup, sign-in, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..domain.errors import MotcuaError
from ..services.workspace import Workspace, default_data_dir, open_workspace
from ..storage import eventstore
from .context import AppContext
from .main_window import MainWindow
from .messages import error_text
from .sign_in import SignInDialog
from .sync_status import SyncSnapshot, SyncStatus, SyncStatusProvider
from .translations import install_translators

APP_NAME = "Một Cửa"


def outbox_provider(workspace: Workspace) -> SyncStatusProvider:
    """Until the sync client reports, the status bar counts the outbox; no hub means offline mode."""

    def provide() -> SyncStatus:
        with workspace.db.reading() as session:
            waiting = eventstore.outbox_count(session)
        online = None if not workspace.setting("hub_url") else False
        return SyncSnapshot(online=online, waiting=waiting)

    return provide


def open_or_set_up(data_dir: Path) -> Workspace | None:
    """The initialised workspace, after the setup dialog on a new PC; None if the user quits."""
    try:
        return open_workspace(data_dir)
    except MotcuaError as error:
        if error.code != "workspace.not_initialised":
            raise
    from .setup_dialog import SetupDialog  # first run only: the demo builder loads with it

    dialog = SetupDialog(data_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.workspace


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
    try:
        workspace = open_or_set_up(folder)
    except MotcuaError as error:
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return 5
    if workspace is None:
        return 0
    try:
        return _sign_in_loop(app, workspace)
    finally:
        workspace.close()


def _sign_in_loop(app: QApplication, workspace: Workspace) -> int:
    ctx: AppContext | None = None
    while True:
        dialog = SignInDialog(workspace)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            break
        if ctx is None:
            ctx = AppContext(workspace, dialog.user)
        else:
            ctx.set_user(dialog.user)
        window = MainWindow(ctx, sync_provider=outbox_provider(workspace))
        window.show()
        app.exec()
        window.deleteLater()
        if not window.signed_out:
            break
    if ctx is not None:
        ctx.ops.wait()
    return 0
