"""Fixtures of the counter screens: a demo commune on a fixed clock, copied fresh for each test."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from motcua_desktop.gui.context import AppContext
from motcua_desktop.gui.translations import install_translators
from motcua_desktop.services.demo import DEMO_PASSWORD, create_demo
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import Workspace, open_workspace

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=TZ)  # a Thursday morning, the office open


class FakeClock:
    """The device clock of a test: fixed until the test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed demo data folder (60 dossiers in every state), built once per session."""
    folder = tmp_path_factory.mktemp("demo-template") / "data"
    ws, _admin = create_demo(folder, dossiers=60, clock=lambda: NOW)
    ws.close()
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path, demo_template: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def workspace(data_dir: Path, clock: FakeClock) -> Iterator[Workspace]:
    ws = open_workspace(data_dir, clock=clock)
    yield ws
    ws.close()


@pytest.fixture
def make_ctx(workspace: Workspace, qapp: object) -> Iterator[Callable[[str], AppContext]]:
    """An AppContext for a demo user (tiepnhan: clerk, tuphap: officer, admin: admin)."""
    made: list[AppContext] = []

    def make(username: str = "tiepnhan") -> AppContext:
        ctx = AppContext(workspace, get_user(workspace, username))
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.ops.wait()


@pytest.fixture
def password() -> str:
    return DEMO_PASSWORD


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    """The app's translators, as run_app installs them; removed after the test."""
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def type_text(qtbot: object) -> Callable[[QWidget, str], None]:
    """Type any text, Vietnamese included, key by key (QTest's keyClicks takes ASCII only)."""

    def type_(widget: QWidget, text: str) -> None:
        for char in text:
            key = (
                Qt.Key(ord(char.upper()))
                if char.isascii() and char.isalnum()
                else Qt.Key.Key_unknown
            )
            modifier = (
                Qt.KeyboardModifier.ShiftModifier
                if char.isascii() and char.isupper()
                else Qt.KeyboardModifier.NoModifier
            )
            if char == " ":
                key = Qt.Key.Key_Space
            QTest.sendKeyEvent(QTest.KeyAction.Press, widget, key, char, modifier)
            QTest.sendKeyEvent(QTest.KeyAction.Release, widget, key, char, modifier)

    return type_
