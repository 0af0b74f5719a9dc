"""The crash handler: the traceback goes to the log (without personal numbers), a dialog says where."""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from motcua_desktop.gui.crash_dialog import CrashDialog, CrashHandler
from motcua_desktop.services.logging_setup import setup_logging


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    factory = logging.getLogRecordFactory()
    path = setup_logging(tmp_path / "data")
    yield path
    logging.setLogRecordFactory(factory)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_motcua", False):
            root.removeHandler(handler)
            handler.close()


def _raise_and_hook(error: BaseException) -> None:
    try:
        raise error
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_an_unexpected_error_is_logged_and_shown_with_the_log_place(qtbot, log_file: Path) -> None:
    handler = CrashHandler(log_file)
    handler.install()
    try:
        with qtbot.waitSignal(handler.dialog_shown) as shown:
            _raise_and_hook(RuntimeError("bug while saving 040085123456 for 0912345678"))
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler.handle
    dialog: CrashDialog = shown.args[0]  # deletes itself once closed
    assert dialog.isVisible() and dialog.icon() == QMessageBox.Icon.Critical
    assert str(log_file) in dialog.informativeText()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: bug while saving" in text
    assert "040085123456" not in text and "0912345678" not in text
    assert "[số định danh]" in text and "[số điện thoại]" in text
    dialog.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: handler.dialogs == [])


def test_the_environment_s_fault_shows_its_own_message(qtbot, log_file: Path) -> None:
    handler = CrashHandler(log_file)
    with qtbot.waitSignal(handler.dialog_shown) as shown:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    dialog: CrashDialog = shown.args[0]
    assert dialog.icon() == QMessageBox.Icon.Warning and "đầy" in dialog.text()
    assert "Refused by the environment" in log_file.read_text(encoding="utf-8")
    dialog.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: handler.dialogs == [])


def test_the_dialog_speaks_vietnamese(qtbot, vietnamese, tmp_path: Path) -> None:
    dialog = CrashDialog(tmp_path / "motcua.log")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Lỗi không mong đợi"
    assert "tệp nhật ký" in dialog.informativeText()


def test_an_error_on_another_thread_is_shown_on_the_gui_thread(qtbot, log_file: Path) -> None:
    handler = CrashHandler(log_file)
    previous = threading.excepthook
    handler.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="printer-watch")
        with qtbot.waitSignal(handler.dialog_shown) as shown:
            worker.start()
            worker.join()
    finally:
        handler.uninstall()
    assert threading.excepthook is previous
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    shown.args[0].button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: handler.dialogs == [])
