"""The composition root: Qt application, Vietnamese, first-run setup, sign-in, the main window.

The data folder opens at once; the whole-file check runs behind the sign-in screen and nothing is
written before it has found the file whole (``services.startup.open_for_app``). A damaged file
closes the app with the way back, as when it was checked before anything was shown.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..domain.errors import MotcuaError
from ..services.logging_setup import log_path, setup_logging
from ..services.startup import StartupReport, open_for_app
from ..services.workspace import Workspace, default_data_dir
from .crash_dialog import CrashHandler
from .messages import error_text
from .session import CounterSession
from .translations import install_translators
from .warmup import resume_collector

APP_NAME = "Một Cửa"


def open_or_set_up(data_dir: Path) -> tuple[Workspace, StartupReport] | None:
    """The initialised workspace (after the setup dialog on a new PC) and its start-up report,
    whose deferred checks are still to run; None if the user quits the setup."""
    try:
        return open_for_app(data_dir)
    except MotcuaError as error:
        if error.code != "workspace.not_initialised":
            raise
    from .setup_dialog import SetupDialog  # first run only: the demo builder loads with it

    resume_collector()  # building the demo commune makes garbage: no start-up to speed up
    dialog = SetupDialog(data_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
        return None
    return dialog.workspace, StartupReport()


def open_session(data_dir: Path, *, backups: bool = True) -> CounterSession | None:
    """The app on its data folder, logging there; None if the user quits the first-run setup."""
    opened = open_or_set_up(data_dir)
    if opened is None:
        return None
    setup_logging(data_dir)
    return CounterSession(*opened, backups=backups)


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
            session = open_session(folder)
        except MotcuaError as error:
            QMessageBox.critical(None, APP_NAME, error_text(error))
            return 5
        if session is None:
            return 0
        try:
            return _sign_in_loop(app, session)
        finally:
            session.stop()
            session.workspace.close()
            session.deleteLater()
    finally:
        crashes.uninstall()


def _sign_in_loop(app: QApplication, session: CounterSession) -> int:
    from .sign_in import SignInDialog  # with its form: a step of its own after the data opened

    session.damaged.connect(lambda _fault: app.closeAllWindows())  # nothing more on that file
    while session.fault is None:
        dialog = SignInDialog(session.workspace)
        QTimer.singleShot(0, dialog, session.begin_checks)  # the file is read while one signs in
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            break
        if session.fault is not None:
            break
        session.sign_in(dialog.user)
        window = session.open_window()
        app.exec()
        session.close_window()
        if not window.signed_out:
            break
    if session.fault is not None:
        QMessageBox.critical(None, APP_NAME, error_text(session.fault))
        return 5
    return 0
