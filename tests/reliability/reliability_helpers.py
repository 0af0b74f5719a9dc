"""Small helpers shared by the reliability tests: acts, snapshots of a whole database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.users import User
from motcua_desktop.services.workspace import Workspace


def receive(ws: Workspace, clerk: User, name: str = "Nguyễn Văn Sao Lưu") -> str:
    """Receive one dossier for the first procedure with a processing time; its code."""
    procedure = next(p for p in list_procedures(ws) if p.processing_time is not None)
    request = IntakeRequest(
        procedure_code=procedure.code, applicant=ApplicantInput(name=name), confirm_warnings=True
    )
    return DossierService(ws).receive(clerk, request).code


def _waiting(conn: sqlite3.Connection) -> list[str]:
    """The ids of the events waiting for the hub, in any schema: the outbox table (before 0005),
    else this node's events after the hub's last acknowledgement."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "outbox" in tables:
        return [r[0] for r in conn.execute("SELECT event_id FROM outbox ORDER BY seq")]
    (node,) = conn.execute("SELECT json_extract(value, '$') FROM settings WHERE key = 'node_id'")
    acked = conn.execute("SELECT acked_seq FROM sync_state").fetchall() or [(0,)]
    rows = conn.execute(
        "SELECT id FROM events WHERE node = ? AND seq > ? ORDER BY seq", (node[0], acked[0][0])
    )
    return [r[0] for r in rows]


def snapshot(db_path: Path) -> dict[str, Any]:
    """Everything a user would miss: events (ids, hashes), dossiers' read model, chain heads and
    the events waiting for the hub."""
    conn = sqlite3.connect(db_path)
    try:
        events = conn.execute(
            "SELECT id, node, seq, hash, dossier, type FROM events ORDER BY node, seq"
        ).fetchall()
        dossiers = {
            code: (status, json.loads(state))
            for code, status, state in conn.execute("SELECT code, status, state FROM dossiers")
        }
        heads = conn.execute("SELECT node, last_seq, last_hash FROM node_chains ORDER BY node")
        return {
            "events": events, "dossiers": dossiers, "heads": heads.fetchall(),
            "waiting": _waiting(conn),
        }  # fmt: skip
    finally:
        conn.close()


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
