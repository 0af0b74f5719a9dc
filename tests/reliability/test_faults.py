"""Faults produced for real: a full disk, a lock held by another process, a read-only folder, a
USB disk pulled during a backup. Each gives its Vietnamese message, and nothing committed is lost.

The full disk is a small tmpfs (or, without the rights to mount one, a file-size limit on the
worker process: writes fail with EFBIG exactly where a full disk fails them with ENOSPC); the
read-only folder is a read-only bind mount (or, for an ordinary user, the folder's permissions:
root ignores those). Mounts are made in a private mount namespace of the worker (``unshare``),
so nothing outside the test sees them.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import integrity, receive, snapshot

from motcua_desktop.services.backup import list_backups_in
from motcua_desktop.services.faults import environment_faults
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import Workspace
from motcua_desktop.storage.database import DB_FILENAME

CHILD = Path(__file__).with_name("fault_child.py")
REPO = Path(__file__).resolve().parents[2]
NOTHING_LOST = "vẫn còn nguyên"
DISK_FULL = {"tmpfs": "fault.disk_full", "file-size-limit": "fault.io"}


def _namespaces() -> bool:
    """Whether this process may mount file systems in a private mount namespace (root)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = ["unshare", "-m", "--propagation", "private", "true"]
    return subprocess.run(probe, capture_output=True).returncode == 0


MOUNTS = _namespaces()
IS_ROOT = os.name == "posix" and os.geteuid() == 0
# Each mechanism where it is real: root writes through permissions, and only root can mount.
READ_ONLY = [*(["read-only-mount"] if MOUNTS else []), *([] if IS_ROOT else ["permissions"])]
FULL_DISK = [*(["tmpfs"] if MOUNTS else []), "file-size-limit"]


def run_child(tmp_path: Path, *args: str, setup: str | None = None) -> dict[str, Any]:
    result = tmp_path / "result.json"
    argv = [sys.executable, str(CHILD), args[0], args[1], str(result), *args[2:]]
    if setup:
        argv = [
            "unshare",
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            f'{setup} && exec "$@"',
            "sh",
            *argv,
        ]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))),
    }
    env.pop("MOTCUA_FAKE_NOW", None)
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    assert "bug" not in (out.get("error") or {}), out["error"].get("bug")
    return out


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _present(db_path: Path, codes: list[str]) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        found = {r[0] for r in conn.execute("SELECT code FROM dossiers")}
    finally:
        conn.close()
    return {c for c in codes if c in found}


@pytest.mark.parametrize("mechanism", FULL_DISK)
def test_a_full_disk_refuses_the_act_clearly_and_keeps_every_committed_one(
    data_dir: Path, tmp_path: Path, mechanism: str
) -> None:
    out = tmp_path / "out"
    if mechanism == "tmpfs":
        disk = tmp_path / "disk"
        disk.mkdir()
        filler = 256 * 1024
        size = (_folder_size(data_dir) + filler + 96 * 1024) // 4096 * 4096
        result = run_child(
            tmp_path, "acts", str(disk / "data"), "--copy-from", str(data_dir),
            "--copy-out", str(out), "--filler", str(filler),
            setup=f"mount -t tmpfs -o size={size} tmpfs {disk}",
        )  # fmt: skip
        # The way forward works: once space is freed, the next act goes through.
        assert result["after_freeing"] in result["acts"]
    else:
        limit = (data_dir / DB_FILENAME).stat().st_size + 160 * 1024
        result = run_child(
            tmp_path, "acts", str(data_dir), "--fsize", str(limit), "--copy-out", str(out)
        )
    error = result["error"]
    # A file-size limit fails SQLite's write with EFBIG, which it reports as an I/O error (as on
    # a FAT32 USB disk at 4 GB); a full tmpfs fails it with ENOSPC, reported as a full disk.
    assert error["code"] == DISK_FULL[mechanism], error
    assert "đầy" in error["message"] and NOTHING_LOST in error["message"]
    acts = result["acts"]
    assert acts, "the disk filled before any act: the test proves nothing"
    db_path = out / DB_FILENAME
    assert integrity(db_path) == "ok"
    assert _present(db_path, acts) == set(acts)


def test_a_lock_held_by_another_process_is_named_and_loses_nothing(
    ws: Workspace, staff: dict[str, Any]
) -> None:
    before = receive(ws, staff["tiepnhan"], "Đặng Văn Trước Khóa")
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(ws.db.path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n"
        )],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(Exception) as err, environment_faults(ws.db.path):
            receive(ws, staff["tiepnhan"], "Đặng Văn Trong Khóa")
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert getattr(err.value, "code", None) == "fault.locked"
    assert "chương trình khác" in str(err.value) and NOTHING_LOST in str(err.value)
    after = receive(ws, staff["tiepnhan"], "Đặng Văn Sau Khóa")  # released: work goes on
    assert {before, after} <= set(snapshot(ws.db.path)["dossiers"])


@pytest.mark.parametrize("mechanism", READ_ONLY)
def test_a_read_only_folder_is_explained_and_nothing_changes(
    data_dir: Path, tmp_path: Path, mechanism: str
) -> None:
    before = snapshot(data_dir / DB_FILENAME)
    files = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    if mechanism == "read-only-mount":
        setup = f"mount --bind {data_dir} {data_dir} && mount -o remount,bind,ro {data_dir}"
        result = run_child(tmp_path, "acts", str(data_dir), setup=setup)
    else:
        for path in [data_dir, *data_dir.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            result = run_child(tmp_path, "acts", str(data_dir))
        finally:
            for path in [data_dir, *data_dir.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)
    error = result["error"]
    assert error["code"] == "fault.read_only", error
    assert "quyền ghi" in error["message"] and NOTHING_LOST in error["message"]
    assert result["acts"] == []
    assert {p: p.read_bytes() for p in files} == files
    assert snapshot(data_dir / DB_FILENAME) == before


@pytest.mark.parametrize("mechanism", FULL_DISK)
def test_a_full_backup_disk_leaves_no_backup_and_the_database_untouched(
    data_dir: Path, tmp_path: Path, mechanism: str
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    before = snapshot(data_dir / DB_FILENAME)
    args = ["backup", str(data_dir), "--backup-to", str(usb / "MotCua")]
    if mechanism == "tmpfs":
        result = run_child(tmp_path, *args, setup=f"mount -t tmpfs -o size=128k tmpfs {usb}")
    else:
        result = run_child(tmp_path, *args, "--fsize", str(128 * 1024))
    error = result["error"]
    assert error["code"] == DISK_FULL[mechanism], error
    assert "đầy" in error["message"]
    assert result["target_files"] in ([], ["documents"]), result["target_files"]  # no half backup
    assert snapshot(data_dir / DB_FILENAME) == before
    assert list_backups_in(usb / "MotCua") == []


def test_a_usb_disk_pulled_during_the_backup(data_dir: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "MotCua"
    before = snapshot(data_dir / DB_FILENAME)
    args = ["pulled", str(data_dir), "--backup-to", str(target)]
    if MOUNTS:  # the disk really goes away: a lazy unmount while the backup runs
        result = run_child(
            tmp_path, *args, "--pull", f"umount -l {usb}",
            setup=f"mount -t tmpfs -o size=64m tmpfs {usb}",
        )  # fmt: skip
    else:  # the folder disappears under the backup
        result = run_child(tmp_path, *args)
    error = result["error"]
    assert error["code"] == "fault.device_gone", error
    assert "cắm lại" in error["message"] and NOTHING_LOST in error["message"]
    assert snapshot(data_dir / DB_FILENAME) == before
    assert list_backups_in(target) == []
    ws_files = sorted(p.name for p in data_dir.iterdir())
    assert "last-backup.json" not in ws_files  # the failed backup is never recorded as the last


def test_faults_are_told_apart_from_bugs() -> None:
    from motcua_desktop.services.faults import classify

    assert classify(ZeroDivisionError()) is None
    assert classify(sqlite3.OperationalError("no such table: x")) is None
    full = classify(OSError(28, "No space left on device", "/media/usb/x"))
    assert full is not None and full.code == "fault.disk_full" and "/media/usb/x" in full.message
    gone = classify(OSError(5, "Input/output error"), "/media/usb")
    assert gone is not None and gone.code == "fault.io"


def test_the_workspace_still_opens_after_every_fault(data_dir: Path) -> None:
    from motcua_desktop.services.workspace import open_workspace

    ws = open_workspace(data_dir)
    try:
        receive(ws, get_user(ws, "tiepnhan"))
    finally:
        ws.close()
    assert integrity(data_dir / DB_FILENAME) == "ok"
