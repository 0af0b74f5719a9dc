"""Upgrades: a database from every released schema opens, migrates to head and loses nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import integrity, snapshot

from motcua_desktop.domain.dossier import fold
from motcua_desktop.domain.events import verify_chain
from motcua_desktop.services import backup, lookup
from motcua_desktop.services.workspace import open_workspace
from motcua_desktop.storage import eventstore
from motcua_desktop.storage.database import DB_FILENAME
from motcua_desktop.storage.migrations import current_revision, head_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
STORED = sorted(FIXTURES.glob("schema-*.sqlite3"))


def test_every_released_schema_has_a_stored_database() -> None:
    revisions = {p.stem.removeprefix("schema-") for p in STORED}
    assert {"0001", "0002"} <= revisions


class _Rollback(Exception):
    """Leaves a ``writing()`` block without committing."""


def _read_model(run: Any) -> dict[str, dict[str, Any]]:
    result = run("SELECT * FROM dossiers")
    names = list(result.keys())
    rows = {}
    for row in result:
        values = dict(zip(names, row, strict=True))
        del values["updated_at"]
        values["state"] = json.loads(values["state"])
        rows[row.code] = values
    return rows


@pytest.mark.parametrize("stored", STORED, ids=[p.stem for p in STORED])
def test_a_stored_database_upgrades_with_every_dossier_and_event_intact(
    stored: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db_path = data_dir / DB_FILENAME
    shutil.copyfile(stored, db_path)
    before = snapshot(db_path)
    assert before["events"] and before["dossiers"]
    revision = stored.stem.removeprefix("schema-")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    conn.close()

    ws = open_workspace(data_dir)
    try:
        assert current_revision(ws.db.engine) == head_revision()
        assert snapshot(db_path) == before  # same ids, hashes, read model, chain heads, queue
        assert integrity(db_path) == "ok"
        with ws.db.reading() as session:
            for node, _seq, _hash in eventstore.known_nodes(session):
                verify_chain(eventstore.node_events(session, node))
        try:
            with ws.db.writing() as session:
                run = session.connection().exec_driver_sql
                stored_rows = _read_model(run)
                for code in stored_rows:
                    state = fold(eventstore.dossier_events(session, code))
                    assert state is not None
                    eventstore.project(session, state, now=ws.clock())
                assert _read_model(run) == stored_rows  # the read model is the fold of the log
                raise _Rollback
        except _Rollback:
            pass
        # The search index was carried over: an applicant is found by name, and every dossier by
        # its applicant's ID number and phone.
        name = next(iter(before["dossiers"].values()))[1]["applicant"]["name"]
        assert any(r.applicant_name == name for r in lookup.search(ws, name))
        keys = 0
        for code, (_status, state) in before["dossiers"].items():
            for key in ("id_number", "phone"):
                if state["applicant"].get(key):
                    keys += 1
                    found = lookup.search(ws, state["applicant"][key], limit=500)
                    assert code in {r.code for r in found}, (code, key)
        assert keys
        # The upgrade kept a copy of the database as it was, and it is whole.
        copies = list((data_dir / "backups" / "pre-migration").glob("*.sqlite3"))
        assert len(copies) == 1 and snapshot(copies[0]) == before
        # And the upgraded database backs up and verifies like any other.
        info = backup.create_backup(ws)
        assert backup.verify_backup(info.path)[0].events == len(before["events"])
    finally:
        ws.close()
