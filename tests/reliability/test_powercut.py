"""Pull the plug during backups and restores: no acknowledged act lost, no bad backup trusted.

This extends the crash test of ``tests/e2e/test_crash.py`` (its fork server, its random SIGKILL
and its audit of the database are reused as they are) with ``powercut_child.py``'s two modes:

* ``backup``: acts interleaved with backups (and receipts printed, so PDFs are copied). After
  every round of kills, each act reported as committed is in the database, the database passes
  the whole audit, every backup listed verifies (checksum, integrity, chains), the newest
  reported backup is still kept (or a newer one is), and every PDF on the backup disk is whole.
* ``restore``: a restore in the middle of the work. Whatever moment the kill hits, the database
  is whole and holds every act reported after the last restore began.
* ``sync``: acts and sync cycles with a hub (uvicorn on SQLite, in this process). Whatever moment
  the kill hits, every reported act is in the database, every event of this PC is on the hub
  (with the same hash) or still in the outbox, and one more cycle brings the hub everything.

``MOTCUA_POWERCUT_ROUNDS`` (default 40) sets the rounds of the backup test (the restore and sync
tests run half as many); ``MOTCUA_CRASH_SEED`` replays a run (the seed is in every failure message).
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from motcua_desktop.services.backup import create_backup, list_backups_in, verify_backup
from motcua_desktop.services.demo import create_demo
from motcua_desktop.storage.database import DB_FILENAME
from motcua_desktop.storage.timekeys import utc_key

CHILD = Path(__file__).with_name("powercut_child.py")
ROUNDS = int(os.environ.get("MOTCUA_POWERCUT_ROUNDS", "40"))
SPAWN_EVERY = 10


def _crash_test() -> Any:
    """The e2e crash test's module, loaded under its own name, driving our worker instead."""
    path = Path(__file__).resolve().parents[1] / "e2e" / "test_crash.py"
    spec = importlib.util.spec_from_file_location("e2e_crash_support", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.CHILD = CHILD
    return module


crash = _crash_test()


class Record:
    """What the workers reported over all rounds."""

    def __init__(self) -> None:
        self.acts: list[tuple[str, str]] = []
        self.must_have: list[tuple[str, str]] = []  # acts reported after the last restore began
        self.backups: list[str] = []
        self.restores_begun = 0
        self.restores_done = 0
        self.syncs: list[int] = []  # the acknowledged seq after each completed cycle
        self.per_round: list[int] = []

    def add(self, lines: list[str]) -> None:
        count = 0
        for line in lines:
            kind, *rest = line.split()
            if kind == "act":
                act = (rest[0], rest[1])
                self.acts.append(act)
                self.must_have.append(act)
                count += 1
            elif kind == "backup":
                self.backups.append(rest[0])
            elif kind == "restoring":
                self.restores_begun += 1
                self.must_have.clear()  # the restore may have replaced everything before it
            elif kind == "restored":
                self.restores_done += 1
            elif kind == "synced":
                self.syncs.append(int(rest[0]))
            else:
                assert line == "go", f"unexpected worker output: {line!r}"
        self.per_round.append(count)


def _run_rounds(data_dir: Path, tmp_path: Path, mode: str, rounds: int, seed: int) -> Record:
    rng = random.Random(seed)
    log = tmp_path / "worker-stderr.log"
    record = Record()
    server = crash.ForkServer(data_dir, log)
    try:
        for number in range(rounds):
            early = rng.random() < crash.EARLY_KILL
            worker_seed = rng.randrange(2**31)
            if number % SPAWN_EVERY == SPAWN_EVERY // 2:
                seen = crash.spawned_round(data_dir, log, mode, number, worker_seed, rng, early)
            else:
                seen = server.round(mode, number, worker_seed, rng, early)
            record.add(seen)
    finally:
        server.close()
    return record


def _audit_database(data_dir: Path, acts: list[tuple[str, str]], since: str) -> None:
    crash.audit_sqlite(data_dir / DB_FILENAME)
    tally = crash.Tally(acts=list(acts))
    if not tally.acts:  # the last restore was cut short: audit against any dossier of ours
        import sqlite3

        conn = sqlite3.connect(data_dir / DB_FILENAME)
        row = conn.execute(
            "SELECT dossier FROM events WHERE type = 'received' ORDER BY at_utc DESC LIMIT 1"
        ).fetchone()
        conn.close()
        tally.acts = [(row[0], "received")]
    crash.audit_workspace(data_dir, tally, since)


def _audit_backups(folder: Path, data_dir: Path, record: Record) -> tuple[int, int]:
    kept = list_backups_in(folder)
    assert kept or not record.backups, "backups were reported but none is kept"
    for info in kept:
        verify_backup(info.path)  # checksum as written, integrity, chains, counts
    for manifest in folder.glob("motcua-*.json"):
        assert manifest.with_suffix(".sqlite3").is_file(), (
            f"manifest without its backup: {manifest}"
        )
    if record.backups:
        names = {b.name for b in kept}
        newest_reported = record.backups[-1]
        assert newest_reported in names or max(names) > newest_reported, newest_reported
    copies = [
        p for p in (folder / "documents").rglob("*") if p.is_file() and not p.name.startswith(".")
    ]
    for copy in copies:
        original = data_dir / "documents" / copy.relative_to(folder / "documents")
        assert copy.read_bytes() == original.read_bytes(), f"half-copied PDF: {copy}"
    leftovers = len(list(folder.glob(".*.part")))
    return len(copies), leftovers


def _seed() -> int:
    return int(os.environ.get("MOTCUA_CRASH_SEED") or random.randrange(2**31))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX-only")
def test_power_cut_during_backups_loses_no_act_and_leaves_only_good_backups(
    tmp_path: Path,
) -> None:
    seed = _seed()
    data_dir = tmp_path / "data"
    ws, _admin = create_demo(data_dir, dossiers=10)
    ws.close()
    since = utc_key(datetime.now(UTC))
    started = time.monotonic()
    try:
        record = _run_rounds(data_dir, tmp_path, "backup", ROUNDS, seed)
        killed = time.monotonic()
        assert len(record.acts) >= ROUNDS // 4, "too few acts to mean much"
        _audit_database(data_dir, record.acts, since)
        pdfs, leftovers = _audit_backups(data_dir / "backups", data_dir, record)
        # Kills must have hit backups: finished ones, or ones cut short (their temporary file).
        assert record.backups or leftovers, "no backup ever began: the test proves nothing"
    except BaseException as exc:
        exc.add_note(f"power-cut seed {seed} (replay with MOTCUA_CRASH_SEED={seed})")
        raise
    print(
        f"\npower cut during backups: {ROUNDS} rounds in {killed - started:.0f} s, "
        f"{len(record.acts)} acts and {len(record.backups)} backups reported, "
        f"{pdfs} PDFs on the backup disk, {leftovers} temporary files left, seed {seed}"
    )


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX-only")
def test_power_cut_during_restore_leaves_a_whole_database(tmp_path: Path) -> None:
    seed = _seed()
    rounds = max(10, ROUNDS // 2)
    data_dir = tmp_path / "data"
    ws, _admin = create_demo(data_dir, dossiers=10)
    source = create_backup(ws, target=data_dir / "backups" / "restore-source")
    ws.close()
    since = utc_key(datetime.now(UTC))
    started = time.monotonic()
    try:
        record = _run_rounds(data_dir, tmp_path, "restore", rounds, seed)
        killed = time.monotonic()
        assert record.restores_begun >= rounds // 4 and record.restores_done, "too few restores"
        _audit_database(data_dir, record.must_have, since)
        verify_backup(source.path)
    except BaseException as exc:
        exc.add_note(f"power-cut seed {seed} (replay with MOTCUA_CRASH_SEED={seed})")
        raise
    print(
        f"\npower cut during restore: {rounds} rounds in {killed - started:.0f} s, "
        f"{record.restores_begun} restores begun, {record.restores_done} completed, "
        f"{len(record.acts)} acts reported, seed {seed}"
    )


def _hub_events(engine: Any, node: str) -> dict[str, str]:
    from sqlalchemy import select

    from motcua_desktop.hub.schema import events as hub_events

    with engine.connect() as conn:
        rows = conn.execute(
            select(hub_events.c.id, hub_events.c.hash).where(hub_events.c.node == node)
        )
        return {r[0]: r[1] for r in rows}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX-only")
def test_power_cut_during_sync_loses_nothing_between_the_outbox_and_the_hub(
    tmp_path: Path,
) -> None:
    from motcua_desktop.hub.server import HubServer, open_hub
    from motcua_desktop.hub.store import issue_enroll_code
    from motcua_desktop.services.sync import enroll, sync_once
    from motcua_desktop.services.workspace import open_workspace
    from motcua_desktop.storage import eventstore

    seed = _seed()
    rounds = max(10, ROUNDS // 2)
    data_dir = tmp_path / "data"
    ws, admin = create_demo(data_dir, dossiers=10)
    hub_engine = open_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    server = HubServer(hub_engine).start()
    try:
        code, _ = issue_enroll_code(hub_engine, str(ws.setting("unit_code")), name="Xã Hòa Phú")
        enroll(ws, admin, hub_url=server.url, code=code)
        sync_once(ws)  # the demo's history goes up first: the rounds' cycles carry their own acts
        node = str(ws.setting("node_id"))
        baseline = len(_hub_events(hub_engine, node))
        ws.close()
        started = time.monotonic()
        try:
            record = _run_rounds(data_dir, tmp_path, "sync", rounds, seed)
            killed = time.monotonic()
            crash.audit_sqlite(data_dir / DB_FILENAME)
            ws = open_workspace(data_dir)
            try:
                with ws.db.reading() as session:
                    run = session.connection().exec_driver_sql
                    local = dict(
                        run("SELECT id, hash FROM events WHERE node = ?", (node,)).fetchall()
                    )
                    waiting = {r[0] for r in eventstore.waiting_rows(session, node, 10**6)}
                    codes = {r[0] for r in run("SELECT code FROM dossiers").fetchall()}
                on_hub = _hub_events(hub_engine, node)
                assert len(on_hub) > baseline, "nothing was pushed: the test proves nothing"
                assert all(local.get(i) == h for i, h in on_hub.items()), "hub and PC disagree"
                assert set(local) == set(on_hub) | waiting, (
                    "an event is neither on the hub nor queued"
                )
                lost = [act for act in record.acts if act[0] not in codes]
                assert not lost, f"acts reported but lost: {lost[:5]}"
                sync_once(ws)  # the network is back: everything reaches the hub
                with ws.db.reading() as session:
                    assert eventstore.waiting_count(session, node) == 0
                final = _hub_events(hub_engine, node)
                assert {i: final.get(i) for i in local} == local  # every local event, same hash
            finally:
                ws.close()
        except BaseException as exc:
            exc.add_note(f"power-cut seed {seed} (replay with MOTCUA_CRASH_SEED={seed})")
            raise
    finally:
        server.stop()
        hub_engine.dispose()
    print(
        f"\npower cut during sync: {rounds} rounds in {killed - started:.0f} s, "
        f"{len(record.acts)} acts and {len(record.syncs)} sync cycles reported, "
        f"{len(on_hub) - baseline} events pushed before the final sync, seed {seed}"
    )
