"""The last resort: an uncaught exception is logged with its traceback and shown in a dialog."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..domain.errors import MotcuaError
from ..services.faults import classify

log = logging.getLogger("motcua.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashDialog(QMessageBox):
    """Says what happened in plain words and where the details were written."""

    def __init__(
        self, log_file: Path, fault: MotcuaError | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        if fault is not None:
            # The machine's fault (disk, lock, damaged file): its own message says what to do.
            self.setIcon(QMessageBox.Icon.Warning)
            self.setWindowTitle(self.tr("The computer refused the operation"))
            self.setText(fault.message)
        else:
            self.setIcon(QMessageBox.Icon.Critical)
            self.setWindowTitle(self.tr("Unexpected error"))
            self.setText(
                self.tr(
                    "The program met an unexpected error. Work already saved is safe: every act "
                    "is written to the database before it is confirmed on screen."
                )
            )
        self.setInformativeText(
            self.tr(
                "The details were written to the log file:\n{path}\n"
                "Please send this file to whoever maintains the software."
            ).format(path=str(log_file))
        )


class CrashHandler(QObject):
    """Installed as ``sys.excepthook``: logs the traceback, then shows a ``CrashDialog``.

    Personal numbers never reach the log: the log's handler masks them (``logging_setup``).
    ``parent`` gives the window to centre the dialog on (the main window, when there is one).
    """

    dialog_shown = Signal(object)
    _from_thread = Signal(object)  # (kind, error, traceback) raised on another thread

    def __init__(
        self,
        log_file: Path,
        parent_window: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._parent_window = parent_window
        self._previous: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[..., object] | None = None
        self.dialogs: list[CrashDialog] = []
        # Queued: a dialog is only ever built on the GUI thread, where this object lives.
        self._from_thread.connect(self._on_from_thread, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Take over ``sys.excepthook`` and ``threading.excepthook`` (until ``uninstall``)."""
        if self._previous is None:
            self._previous = sys.excepthook
            self._previous_thread_hook = threading.excepthook
            sys.excepthook = self.handle
            threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            threading.excepthook = self._previous_thread_hook  # type: ignore[assignment]
            self._previous = None
            self._previous_thread_hook = None

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self._from_thread.emit((args.exc_type, args.exc_value, args.exc_traceback))

    def _on_from_thread(self, info: ExcInfo) -> None:
        self.handle(*info)

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        fault = classify(error)
        if fault is not None:
            log.warning("Refused by the environment: %s", fault.message, exc_info=(kind, error, tb))
        else:
            log.critical("Unhandled exception", exc_info=(kind, error, tb))
        if QApplication.instance() is None:
            traceback.print_exception(kind, error, tb)
            return
        dialog = CrashDialog(self.log_file, fault, self._parent_window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.open()  # not exec(): the event loop keeps running (and saving) behind it
        self.dialog_shown.emit(dialog)

    def _forget(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
