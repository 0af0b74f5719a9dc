"""Vietnamese everywhere: every string of the screens is translated, and the compiled .qm are current."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _build_module():
    spec = importlib.util.spec_from_file_location("ui_build", ROOT / "ui" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ui_build", module)
    spec.loader.exec_module(module)
    return module


build = _build_module()
TS_FILES = sorted(build.TRANSLATIONS_DIR.glob("*_vi.ts"))


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_the_counter_translations_exist():
    assert {p.name for p in TS_FILES} >= {"motcua_counter_vi.ts", "motcua_qt_vi.ts"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path):
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in _messages(ts)
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert not unfinished, f"{ts.name}: {len(unfinished)} unfinished:\n" + "\n".join(unfinished)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_every_placeholder(ts: Path):
    wrong = [
        f"{context}: {source!r}"
        for context, source, message in _messages(ts)
        if sorted(_PLACEHOLDER.findall(source))
        != sorted(_PLACEHOLDER.findall(message.findtext("translation") or ""))
    ]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_current(ts: Path, tmp_path: Path):
    qm, fresh = ts.with_suffix(".qm"), tmp_path / ts.with_suffix(".qm").name
    build.lrelease(ts, fresh)
    assert qm.exists() and qm.read_bytes() == fresh.read_bytes(), f"run ui/build.py ({qm.name})"


def test_every_string_of_the_screens_has_a_vietnamese_translation(tmp_path: Path):
    found = tmp_path / "found_vi.ts"
    build.lupdate(build.translatable_sources(), found)
    translated = {
        (context, source)
        for ts in TS_FILES
        for context, source, message in _messages(ts)
        if (message.findtext("translation") or "").strip()
        and message.find("translation").get("type") != "unfinished"
    }
    missing = [f"{c}: {s!r}" for c, s, _m in _messages(found) if (c, s) not in translated]
    assert len(_messages(found)) > 100
    assert not missing, f"{len(missing)} strings without Vietnamese:\n" + "\n".join(missing)


def test_the_app_speaks_vietnamese_once_translators_are_installed(qapp):
    from motcua_desktop.gui.translations import install_translators

    translators = install_translators(qapp)
    try:
        assert QCoreApplication.translate("Actions", "Intake") == "Tiếp nhận"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
