"""The composition root on a new PC: demo in one click, sign in, the main window, sign out, quit."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from motcua_desktop.gui import app as app_module
from motcua_desktop.gui import setup_dialog
from motcua_desktop.gui.main_window import MainWindow
from motcua_desktop.gui.setup_dialog import SetupDialog
from motcua_desktop.gui.sign_in import SignInDialog
from motcua_desktop.services.demo import DEMO_PASSWORD, create_demo


class Clerk:
    """Answers whatever window is in front, one step at a time, like a person at the counter."""

    def __init__(self, steps):
        self.steps = list(steps)
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        if not self.steps:
            return
        front = QApplication.activeModalWidget() or next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ),
            None,
        )
        kind, action = self.steps[0]
        if isinstance(front, kind):
            self.steps.pop(0)
            self.seen.append(type(front).__name__)
            action(front)


def sign_in_as(username: str):
    def act(dialog: SignInDialog) -> None:
        dialog.ui.user_combo.setEditText(username)
        dialog.ui.password_edit.setText(DEMO_PASSWORD)
        dialog.ui.sign_in_button.click()

    return act


def test_a_fresh_pc_takes_the_demo_signs_in_and_out(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(setup_dialog, "create_demo", partial(create_demo, dossiers=5))
    windows: list[MainWindow] = []

    def use_window(window: MainWindow) -> None:
        windows.append(window)
        assert window.ctx.user.username == ("tiepnhan" if len(windows) == 1 else "admin")
        QTimer.singleShot(0, window.sign_out_button.click if len(windows) == 1 else window.close)

    clerk = Clerk(
        [
            (SetupDialog, lambda d: d.ui.demo_button.click()),
            (SignInDialog, sign_in_as("tiepnhan")),
            (MainWindow, use_window),
            (SignInDialog, sign_in_as("admin")),
            (MainWindow, use_window),
        ]
    )
    clerk.timer.start()
    try:
        code = app_module.run_app([], data_dir=tmp_path / "data")
    finally:
        clerk.timer.stop()
    assert code == 0
    assert clerk.steps == []
    assert clerk.seen == ["SetupDialog", "SignInDialog", "MainWindow", "SignInDialog", "MainWindow"]


def test_quitting_the_setup_leaves_the_folder_empty(qapp, tmp_path):
    clerk = Clerk([(SetupDialog, lambda d: d.ui.quit_button.click())])
    clerk.timer.start()
    try:
        assert app_module.run_app([], data_dir=tmp_path / "data") == 0
    finally:
        clerk.timer.stop()
    assert not (tmp_path / "data").exists()
