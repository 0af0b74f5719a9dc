"""Fixtures of the reliability tests: a small living commune on a clock the test moves.

The demo commune (catalog, users, a few dossiers in every state) is built once per session and
copied into each test's ``tmp_path``; tests that need the clock move a ``FakeClock`` (the one of
the end-to-end tests, loaded from there so there is one definition).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.users import User, get_user
from motcua_desktop.services.workspace import Workspace, open_workspace

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)  # a Monday


def _e2e_support() -> Any:
    spec = importlib.util.spec_from_file_location(
        "e2e_support", Path(__file__).resolve().parents[1] / "e2e" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


FakeClock = _e2e_support().FakeClock


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed demo data folder (built once; 12 dossiers lived up to ``START``)."""
    folder = tmp_path_factory.mktemp("demo-template") / "data"
    ws, _admin = create_demo(folder, dossiers=12, clock=FakeClock(START))
    ws.close()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, demo_template: Path) -> Path:
    """A fresh copy of the demo data folder for this test."""
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def clock() -> Any:
    return FakeClock(START)


@pytest.fixture
def open_ws(data_dir: Path, clock: Any) -> Iterator[Callable[..., Workspace]]:
    """Open the test's data folder (as many times as a test restarts the app) on its clock."""
    opened: list[Workspace] = []

    def make(folder: Path | None = None) -> Workspace:
        ws = open_workspace(folder or data_dir, clock=clock)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def ws(open_ws: Callable[..., Workspace]) -> Workspace:
    return open_ws()


@pytest.fixture
def staff(ws: Workspace) -> dict[str, User]:
    return {name: get_user(ws, name) for name in ("admin", "tiepnhan", "tuphap")}
