"""Fixtures of the record screens' tests (a pytest plugin: ``pytest_plugins = ["records_fixtures"]``).

One initialised data folder (catalog, one user per role) is built per session and copied for each
test, as the end-to-end tests do.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from records_helpers import COMMUNE, MONDAY, PASSWORD, STAFF, TRANSLATIONS, Commune, FakeClock

from motcua_desktop.services.catalog import store_procedures
from motcua_desktop.services.catalog_io import load_demo_catalog
from motcua_desktop.services.setup import initialise
from motcua_desktop.services.users import create_user
from motcua_desktop.services.workspace import open_workspace


def _build_template(folder: Path) -> None:
    ws, admin = initialise(
        folder, COMMUNE, admin_password=PASSWORD, clock=FakeClock(MONDAY - timedelta(days=30))
    )
    try:
        store_procedures(ws, load_demo_catalog())
        for username, full_name, role, unit in STAFF:
            create_user(
                ws, admin, username=username, full_name=full_name, role=role.value,
                password=PASSWORD, unit=unit,
            )  # fmt: skip
    finally:
        ws.close()


@pytest.fixture(scope="session")
def records_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("records-template") / "data"
    _build_template(folder)
    return folder


@pytest.fixture(scope="session")
def vietnamese(qapp: QApplication) -> Iterator[None]:
    """The app's Vietnamese translations, as the app installs them."""
    translators = []
    for path in sorted(TRANSLATIONS.glob("*_vi.qm")):
        translator = QTranslator(qapp)
        assert translator.load(str(path)), path
        qapp.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def commune(
    records_template: Path, tmp_path: Path, qapp: QApplication, vietnamese: None
) -> Iterator[Commune]:
    folder = tmp_path / "data"
    shutil.copytree(records_template, folder)
    clock = FakeClock(MONDAY)
    ws = open_workspace(folder, clock=clock)
    place = Commune(ws, clock)
    yield place
    for ctx in place.contexts:
        ctx.ops.wait()
    ws.close()
