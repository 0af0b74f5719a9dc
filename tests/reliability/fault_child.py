"""Fault worker: works on a data folder whose disk the parent test has made full or read-only.

    fault_child.py SCENARIO DATA_DIR RESULT_JSON [--copy-from DIR] [--copy-out DIR]
                   [--fsize BYTES] [--filler BYTES] [--backup-to DIR] [--pull CMD]

``--copy-from`` first copies a prepared data folder into DATA_DIR (a fresh mount), ``--fsize``
limits the size of any file this process writes (RLIMIT_FSIZE, SIGXFSZ ignored, so writes fail
with EFBIG as on a full disk), ``--filler`` writes a file of that size beside the data that is
deleted after the fault (the user frees space), ``--copy-out`` copies the database files out of
the mount at the end so the parent can audit them.

Scenarios: ``acts`` (receive dossiers until the environment refuses), ``backup`` (one backup to
``--backup-to``), ``pulled`` (a backup during which ``--pull`` runs, or the target folder is
removed: the USB disk is pulled). The result file holds the acknowledged acts, the error the
user would see (code, message) or the traceback of an unexpected one, and what happened after.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import signal
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_helpers import receive  # noqa: E402

from motcua_desktop.services import backup  # noqa: E402
from motcua_desktop.services.faults import classify  # noqa: E402
from motcua_desktop.services.users import get_user  # noqa: E402
from motcua_desktop.services.workspace import open_workspace  # noqa: E402
from motcua_desktop.storage.database import DB_FILENAME  # noqa: E402


def _error(exc: BaseException, path: Path) -> dict[str, Any]:
    fault = classify(exc, path)
    if fault is None:
        return {"bug": "".join(traceback.format_exception(exc))}
    return {"code": fault.code, "message": fault.message}


def _acts(args: argparse.Namespace, result: dict[str, Any]) -> None:
    try:
        ws = open_workspace(args.data_dir)
    except Exception as exc:  # noqa: BLE001 - the fault under test, met at start-up
        result["error"] = _error(exc, args.data_dir / DB_FILENAME)
        return
    clerk = get_user(ws, "tiepnhan")
    try:
        for number in range(5000):
            result["acts"].append(receive(ws, clerk, f"Nguyễn Văn Số {number}"))
    except Exception as exc:  # noqa: BLE001 - the fault under test
        result["error"] = _error(exc, ws.db.path)
    if args.filler and result.get("error"):
        (args.data_dir / "filler.bin").unlink()
        result["after_freeing"] = receive(ws, clerk, "Trần Thị Sau Khi Dọn")
        result["acts"].append(result["after_freeing"])
    ws.close()


def _backup(args: argparse.Namespace, result: dict[str, Any], *, pull: bool) -> None:
    ws = open_workspace(args.data_dir)
    if pull:
        original = backup.copy_documents

        def pulled(source: Path, target: Path) -> int:
            if args.pull:
                subprocess.run(args.pull, shell=True, check=True)
            else:
                shutil.rmtree(args.backup_to)
            return original(source, target)

        backup.copy_documents = pulled  # type: ignore[assignment]
    try:
        result["backup"] = backup.create_backup(ws, target=args.backup_to).name
    except Exception as exc:  # noqa: BLE001 - the fault under test
        result["error"] = _error(exc, args.backup_to)
    ws.close()
    target = args.backup_to
    result["target_files"] = sorted(p.name for p in target.iterdir()) if target.is_dir() else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=("acts", "backup", "pulled"))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("result", type=Path)
    parser.add_argument("--copy-from", type=Path)
    parser.add_argument("--copy-out", type=Path)
    parser.add_argument("--fsize", type=int)
    parser.add_argument("--filler", type=int, default=0)
    parser.add_argument("--backup-to", type=Path)
    parser.add_argument("--pull")
    args = parser.parse_args()
    if args.copy_from:
        shutil.copytree(args.copy_from, args.data_dir, dirs_exist_ok=True)
    if args.filler:
        (args.data_dir / "filler.bin").write_bytes(b"\0" * args.filler)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if args.fsize:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize, hard))
    result: dict[str, Any] = {"acts": [], "error": None}
    try:
        if args.scenario == "acts":
            _acts(args, result)
        else:
            _backup(args, result, pull=args.scenario == "pulled")
    finally:
        if args.fsize:
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
        if args.copy_out:
            args.copy_out.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal"):
                source = args.data_dir / f"{DB_FILENAME}{suffix}"
                if source.exists():
                    shutil.copyfile(source, args.copy_out / source.name)
        args.result.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
