"""``motcua backup …`` and ``motcua clock …`` from the command line, in process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import snapshot

from motcua_desktop.cli.main import main
from motcua_desktop.services.demo import DEMO_PASSWORD
from motcua_desktop.storage.database import DB_FILENAME


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def test_create_list_verify_restore(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(data_dir))
    code, created = run(capsys, *base, "backup", "create")
    assert code == 0 and Path(created["path"]).is_file() and created["events"] > 0
    code, listed = run(capsys, *base, "backup", "list")
    assert code == 0 and [b["name"] for b in listed["backups"]] == [created["name"]]
    assert listed["warning"] is None
    code, verified = run(capsys, *base, "backup", "verify")
    assert code == 0 and verified["verified"] is True and verified["sha256"] == created["sha256"]
    code, refused = run(capsys, *base, "backup", "restore", created["path"])
    assert code == 2 and refused["error"]["code"] == "backup.confirm"
    code, restored = run(capsys, *base, "backup", "restore", created["path"], "--yes")
    assert code == 0 and restored["events"] == created["events"]
    assert snapshot(data_dir / DB_FILENAME) == snapshot(Path(created["path"]))


def test_a_damaged_backup_exits_with_the_environment_code(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, out = run(capsys, "--data-dir", str(data_dir), "backup", "restore", str(junk), "--yes")
    assert code == 2 and out["error"]["code"] in ("backup.unreadable", "backup.integrity")
    assert "không" in out["error"]["message"]


def test_a_pulled_backup_disk_is_an_environment_fault(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "usb-file"
    target.write_text("not a folder")  # the path exists but cannot hold a folder
    code, out = run(
        capsys, "--data-dir", str(data_dir), "backup", "create", "--to", str(target / "x")
    )
    assert code == 5 and out["error"]["code"].startswith("fault.")


def test_clock_status_and_confirm(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ("--data-dir", str(data_dir))
    monkeypatch.setenv("MOTCUA_FAKE_NOW", "2025-01-01T09:00:00+07:00")  # before the demo's acts
    code, status = run(capsys, *base, "clock", "status")
    assert code == 0 and status["warning"]["code"] == "clock.backwards"
    assert status["pending_incident"]["high_water"]
    code, denied = run(
        capsys, *base, "clock", "confirm", "--user", "tiepnhan", "--password", DEMO_PASSWORD
    )
    assert code == 3 and denied["error"]["code"] == "permission_denied"
    code, confirmed = run(
        capsys, *base, "clock", "confirm", "--user", "admin", "--password", DEMO_PASSWORD
    )
    assert code == 0 and confirmed["confirmed_by"] == "admin"
    code, status = run(capsys, *base, "clock", "status")
    assert code == 0 and status["warning"] is None and status["pending_incident"] is None
    code, again = run(
        capsys, *base, "clock", "confirm", "--user", "admin", "--password", DEMO_PASSWORD
    )
    assert code == 2 and again["error"]["code"] == "clock.no_incident"
