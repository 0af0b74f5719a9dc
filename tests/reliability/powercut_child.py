"""Power-cut worker: the crash test's worker with more modes: ``backup``, ``restore``, ``sync``.

It is ``tests/e2e/crash_child.py`` (same fork server, same line protocol: ``pid``, ``go``,
``act CODE TYPE`` after each commit) with its ``work`` function extended:

* ``backup``: receives and hands over dossiers, prints a receipt now and then (a PDF to copy),
  and takes a backup after every few acts, writing ``backup NAME`` once it is verified and kept.
* ``restore``: takes one act, then writes ``restoring``, restores the folder's first backup
  (``backups/`` of the data folder) with the app closed, writes ``restored`` and goes on with
  acts on the restored database.

* ``sync``: acts, and after every two a sync cycle with the hub (``synced ACK``), on the real
  device clock.

Modes ``receive`` and ``life`` are the crash test's own.
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

import crash_child  # noqa: E402

from motcua_desktop.services.backup import create_backup, list_backups_in  # noqa: E402
from motcua_desktop.services.backup_check import inspect_database  # noqa: E402
from motcua_desktop.services.catalog import list_procedures  # noqa: E402
from motcua_desktop.services.dossiers import DossierService  # noqa: E402
from motcua_desktop.services.intake import IntakeRequest  # noqa: E402
from motcua_desktop.services.printing import PrintService  # noqa: E402
from motcua_desktop.services.restore import restore_backup  # noqa: E402
from motcua_desktop.services.sync import sync_once  # noqa: E402
from motcua_desktop.services.users import get_user  # noqa: E402
from motcua_desktop.services.workspace import Workspace, open_workspace  # noqa: E402
from motcua_desktop.storage.database import make_engine  # noqa: E402
from motcua_desktop.storage.migrations import upgrade  # noqa: E402

say = crash_child.say
_crash_work = crash_child.work
RESTORE_FROM = "restore-source"  # the backups/<this> folder the restore mode restores from


def _open(data_dir: Path, round_no: int) -> Workspace:
    ws = open_workspace(data_dir)
    real_clock, offset = ws.clock, crash_child.day_offset(round_no)
    ws.clock = lambda: real_clock() + offset
    return ws


def _warm_up_acts(ws: Workspace) -> None:
    """Read-only warm-up, as the crash test's worker does: the kills should hit the writes."""
    service = DossierService(ws)
    for procedure in list_procedures(ws):
        if procedure.processing_time is not None:
            service.calendar.due(ws.clock(), procedure.processing_time)


def _sync_loop(ws: Workspace, rng: random.Random) -> None:
    """Acts, each pair followed by a sync cycle with the hub (``synced ACK`` once it returned)."""
    while True:
        _acts(ws, rng, 2, backups=False)
        report = sync_once(ws)
        say(f"synced {report.acknowledged_seq}")


def _acts(ws: Workspace, rng: random.Random, count: int, *, backups: bool) -> None:
    service = DossierService(ws)
    clerk, officer = get_user(ws, "tiepnhan"), get_user(ws, "tuphap")
    codes = [p.code for p in list_procedures(ws) if p.processing_time is not None]
    printer = PrintService(ws, clerk)
    for number in range(count):
        request = IntakeRequest(
            procedure_code=rng.choice(codes),
            applicant=crash_child.applicant(rng),
            confirm_warnings=True,
        )
        code = service.receive(clerk, request).code
        say(f"act {code} received")
        if rng.random() < 0.5:
            service.hand_over(clerk, code, officer.username, note="Chuyển xử lý")
            say(f"act {code} handed_over")
        if backups and rng.random() < 0.2:
            printer.render("receipt", code)
        if backups and number % 2 == 1:
            info = create_backup(ws, reason="daily")
            say(f"backup {info.name}")


def work(data_dir: Path, mode: str, round_no: int, seed: int) -> None:
    if mode in ("receive", "life"):
        _crash_work(data_dir, mode, round_no, seed)
        return
    say(f"pid {crash_child.os.getpid()}")
    rng = random.Random(seed)
    if mode == "sync":  # the device clock as it is: the hub compares it with its own
        ws = open_workspace(data_dir)
        _warm_up_acts(ws)
        sync_once(ws)  # connect once before the kills begin (what a running app has done)
        say("go")
        _sync_loop(ws, rng)
    ws = _open(data_dir, round_no)
    _warm_up_acts(ws)
    if mode == "restore":
        _acts(ws, rng, 1, backups=False)
        ws.close()
        source = list_backups_in(data_dir / "backups" / RESTORE_FROM)[0]
        say("go")  # the kill falls within the restore or the acts just after it
        say("restoring")
        restore_backup(data_dir, source.path, now=datetime.now(UTC))
        say("restored")
        ws = _open(data_dir, round_no)
    else:
        say("go")
    _acts(ws, rng, 10_000, backups=mode == "backup")
    say("timeout")
    crash_child.os._exit(3)


def warm_up() -> None:
    """The crash test's warm-up, plus the migration machinery a restore runs (on a scratch file,
    never the data folder), so a forked worker's restore takes its real time, not import time."""
    _crash_warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "scratch.sqlite3"
        engine = make_engine(scratch)
        upgrade(engine, scratch, Path(tmp) / "pre-migration")
        engine.dispose()
        inspect_database(scratch)


_crash_warm_up = crash_child.warm_up
crash_child.work = work
crash_child.warm_up = warm_up

if __name__ == "__main__":
    crash_child.main(sys.argv)
