"""Backups on their own thread: the counter's acts go on during one, and closing never waits long."""

from __future__ import annotations

import gc
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from motcua_desktop.gui.backup_panel import BackupPanel
from motcua_desktop.gui.backup_scheduler import BackupScheduler
from motcua_desktop.gui.backup_worker import BackupWorker
from motcua_desktop.gui.context import AppContext
from motcua_desktop.services import backup
from motcua_desktop.services.backup_check import inspect_database
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest


class Gate:
    """Holds the backup inside its copy (its snapshot open) until the test lets it go."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.go = threading.Event()

    def wait(self) -> None:
        self.reached.set()
        assert self.go.wait(60), "the test never let the backup go"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    step = backup._Flusher.step

    def held_step(self: Any) -> None:
        step(self)
        if not held.go.is_set():
            held.wait()

    monkeypatch.setattr(backup._Flusher, "step", held_step)
    yield held
    held.go.set()  # a failed test never leaves a thread waiting


def _request(ctx: AppContext, name: str) -> IntakeRequest:
    procedure = next(p for p in list_procedures(ctx.workspace) if p.processing_time is not None)
    return IntakeRequest(
        procedure_code=procedure.code, applicant=ApplicantInput(name=name), confirm_warnings=True
    )


def _committed(ctx: AppContext, code: str) -> bool:
    conn = sqlite3.connect(ctx.workspace.db.path)  # another connection: only committed rows
    try:
        return conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone() is not None
    finally:
        conn.close()


def test_the_counter_receives_while_the_daily_backup_runs(
    qtbot, make_ctx: Callable[[str], AppContext], gate: Gate
) -> None:
    ctx = make_ctx("tiepnhan")
    scheduler = BackupScheduler(ctx)
    scheduler.check_now()
    qtbot.waitUntil(gate.reached.is_set, timeout=30_000)  # copying, its snapshot held
    assert scheduler.running and ctx.ops.pending == 0  # not on the database worker
    received: list[Any] = []
    ctx.act(
        lambda: ctx.dossiers.receive(ctx.user, _request(ctx, "Vũ Thị Giữa Giờ")), received.append
    )
    qtbot.waitUntil(lambda: len(received) == 1, timeout=30_000)
    code = received[0].code
    assert _committed(ctx, code) and scheduler.running
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as finished:
        gate.go.set()
    info = finished.args[0]
    assert info.reason == "daily" and info.duration_s > 0 and info.size > 0
    checked, facts = backup.verify_backup(info.path)
    assert checked == info and inspect_database(info.path).events == info.events
    conn = sqlite3.connect(info.path)
    try:  # the copy is the database as the backup began: without the dossier received meanwhile
        assert conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone() is None
    finally:
        conn.close()


def test_closing_abandons_a_backup_that_would_hold_it_up(
    qtbot, make_ctx: Callable[[str], AppContext], gate: Gate
) -> None:
    ctx = make_ctx("tiepnhan")
    default_interval = sys.getswitchinterval()
    assert gc.isenabled()
    scheduler = BackupScheduler(ctx)
    answers: list[object] = []
    scheduler.backup_finished.connect(answers.append)
    scheduler.backup_failed.connect(answers.append)
    scheduler.check_now()
    qtbot.waitUntil(gate.reached.is_set, timeout=30_000)
    assert sys.getswitchinterval() < default_interval  # the counter's threads get turns sooner
    assert not gc.isenabled()  # and no full collection stops them
    folder = backup.backup_dir(ctx.workspace)
    assert [p.name for p in folder.iterdir() if p.name.endswith(backup.PART_SUFFIX)]
    assert not scheduler.worker.shutdown(0.05, grace_s=0.05)  # still stuck: abandoned
    assert sys.getswitchinterval() == default_interval and not scheduler.worker.running
    assert gc.isenabled()
    assert list(folder.iterdir()) == []  # the partial file went at once
    gate.go.set()  # the thread finds the stop at its next step and ends, answering nobody
    qtbot.waitUntil(lambda: not any(t.name == "backup" for t in threading.enumerate()))
    qtbot.wait(50)
    assert (
        answers == [] and list(folder.iterdir()) == [] and backup.list_backups(ctx.workspace) == []
    )


def test_one_backup_at_a_time_and_none_during_a_restore(
    qtbot, make_ctx: Callable[[str], AppContext], gate: Gate
) -> None:
    ctx = make_ctx("admin")
    panel = BackupPanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.folder.text() != "")
    scheduler = BackupScheduler(ctx)
    assert scheduler.worker is panel.worker is BackupWorker.of(ctx)
    scheduler.check_now()
    qtbot.waitUntil(gate.reached.is_set, timeout=30_000)
    assert not panel.create_button.isEnabled() and not panel.restore_button.isEnabled()
    assert panel.status.text() == "Backing up and verifying…"
    assert not panel.worker.hold()  # a restore waits for the backup
    assert not panel.worker.run(lambda _stop: None)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as finished:
        gate.go.set()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)  # the tab shows the scheduler's backup
    assert panel.selected() == finished.args[0] and panel.create_button.isEnabled()
    assert panel.worker.hold()  # a restore begins: the next check takes no backup
    scheduler.check_now()
    assert not scheduler.running and not panel.worker.running
    panel.worker.release()
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as again:
        scheduler.check_now()
    assert again.args[0] is None  # today's is there
