"""A missing or damaged font file gives a clear message before any PDF is written; nothing of the
dossier is lost (the act is committed before its form is printed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from motcua_desktop.services.documents import fonts

# Runs in a fresh process: reportlab registers fonts once per process.
CHILD = """
import json, sys
from pathlib import Path
from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.services.documents import fonts
from motcua_desktop.services.printing import PrintService
from motcua_desktop.services.workspace import open_workspace
fonts.FONT_DIR = Path(sys.argv[2])
ws = open_workspace(Path(sys.argv[1]))
code = ws.db.engine.connect().exec_driver_sql("SELECT code FROM dossiers LIMIT 1").scalar()
try:
    PrintService(ws).render("receipt", code)
except MotcuaError as error:
    print(json.dumps({"code": error.code, "message": error.message, "dossier": code}))
else:
    print(json.dumps({"code": None}))
"""


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_a_missing_or_damaged_font_is_named(data_dir: Path, tmp_path: Path, damage: str) -> None:
    font_dir = tmp_path / "fonts"
    shutil.copytree(fonts.FONT_DIR, font_dir)
    bold = font_dir / "LiberationSerif-Bold.ttf"
    if damage == "missing":
        bold.unlink()
    else:
        bold.write_bytes(bold.read_bytes()[:1000])
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), str(font_dir)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    reply = json.loads(run.stdout)
    expected = {"missing": "document.font_missing", "truncated": "document.font_damaged"}[damage]
    assert reply["code"] == expected
    assert str(bold) in reply["message"] and "cài đặt lại" in reply["message"]
    documents = data_dir / "documents"
    assert not documents.exists() or not any(documents.rglob("receipt-*.pdf"))
