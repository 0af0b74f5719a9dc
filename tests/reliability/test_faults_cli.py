"""The command line names the environment's faults (here a lock held by another program) in
Vietnamese with exit code 5, instead of a traceback, and loses nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from motcua_desktop.cli.main import main
from motcua_desktop.services.demo import DEMO_PASSWORD
from motcua_desktop.storage.database import DB_FILENAME

RECEIVE = [
    "dossier", "receive", "--procedure", "1.000689", "--name", "Đặng Văn Khóa",
    "--user", "tiepnhan", "--password", DEMO_PASSWORD, "--confirm-warnings", "--json",
]  # fmt: skip


def _dossiers(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / DB_FILENAME) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0])


def test_a_locked_database_is_named_with_exit_code_5(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _dossiers(data_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(data_dir / DB_FILENAME)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n"
        )],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code = main(["--data-dir", str(data_dir), *RECEIVE])
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert code == 5
    reply = json.loads(capsys.readouterr().out)
    assert reply["error"]["code"] == "fault.locked"
    assert "chương trình khác" in reply["error"]["message"]
    assert _dossiers(data_dir) == before
    assert main(["--data-dir", str(data_dir), *RECEIVE]) == 0  # released: the same act succeeds
    assert _dossiers(data_dir) == before + 1
