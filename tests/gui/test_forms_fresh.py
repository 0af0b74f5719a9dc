"""Every committed Designer form is exactly what pyside6-uic makes of its .ui file today."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    spec = importlib.util.spec_from_file_location("ui_build", ROOT / "ui" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ui_build", module)
    spec.loader.exec_module(module)
    return module


build = _build_module()
UI_FILES = build.ui_files()


def test_there_are_forms_to_check():
    assert {p.name for p in UI_FILES} >= {"sign_in.ui", "setup.ui"}


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.name)
def test_compiled_form_matches_a_fresh_uic_run(ui: Path, tmp_path: Path):
    committed = build.form_path(ui)
    assert committed.exists(), f"{committed.name} missing: run ui/build.py --forms"
    fresh = tmp_path / committed.name
    build.compile_form(ui, fresh)
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        f"{committed.name} is stale: run ui/build.py --forms"
    )


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.name)
def test_compiled_form_builds_its_widget(ui: Path, qtbot):
    module = importlib.import_module(f"motcua_desktop.gui.forms.ui_{ui.stem}")
    (name,) = [n for n in vars(module) if n.startswith("Ui_")]
    form = getattr(module, name)()
    from PySide6 import QtWidgets

    base = {"QDialog": QtWidgets.QDialog, "QWidget": QtWidgets.QWidget}
    text = ui.read_text(encoding="utf-8")
    kind = "QDialog" if 'class="QDialog"' in text.split("<layout", 1)[0] else "QWidget"
    widget = base[kind]()
    qtbot.addWidget(widget)
    form.setupUi(widget)
    assert widget.objectName() == name.removeprefix("Ui_")
