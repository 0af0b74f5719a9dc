"""Checking a database file before trusting it: SQLite integrity, schema version, chains, counts."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import MotcuaError, register_messages
from ..storage.migrations import alembic_config, head_revision

register_messages(
    {
        "backup.unreadable": "Tệp «{path}» không phải cơ sở dữ liệu đọc được ({detail}).",
        "backup.integrity": "Tệp «{path}» không qua kiểm tra toàn vẹn của SQLite: {detail}.",
        "backup.no_schema": "Tệp «{path}» không phải cơ sở dữ liệu của Một Cửa Desktop.",
        "backup.newer": "Tệp «{path}» do phiên bản mới hơn của phần mềm ghi (lược đồ {found}; "
        "phiên bản này hiểu đến {head}). Hãy cài phiên bản mới hơn trước khi khôi phục.",
        "backup.chain": "Chuỗi sự kiện của máy {node} trong tệp «{path}» bị đứt hoặc bị sửa "
        "(sự kiện số {seq}).",
        "backup.counts": "Số liệu trong tệp «{path}» không khớp nhau: {detail}.",
    }
)


@dataclass(frozen=True)
class DatabaseFacts:
    """What a whole, trustworthy database file holds (as found by ``inspect_database``)."""

    path: Path
    schema: str
    events: int
    dossiers: int
    chains: dict[str, tuple[int, str]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def node_id(self) -> str | None:
        return self.settings.get("node_id")


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without ever writing to it (nor to a journal beside it)."""
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise MotcuaError("backup.unreadable", path=str(path), detail=str(exc)) from None
    try:
        yield conn
    finally:
        conn.close()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def known_revision(revision: str) -> bool:
    """Whether this version of the program knows the schema revision (older or equal)."""
    from alembic.script import ScriptDirectory  # alembic loads for this check only
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _integrity(conn: sqlite3.Connection, path: Path, *, quick: bool) -> None:
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    rows = [r[0] for r in conn.execute(pragma).fetchmany(5)]
    if rows != ["ok"]:
        raise MotcuaError("backup.integrity", path=str(path), detail="; ".join(map(str, rows)))


def _schema(conn: sqlite3.Connection, path: Path) -> str:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is None:
        raise MotcuaError("backup.no_schema", path=str(path))
    found = str(row[0])
    if not known_revision(found):
        raise MotcuaError("backup.newer", path=str(path), found=found, head=head_revision())
    return found


def _counts(
    conn: sqlite3.Connection, path: Path, chains: dict[str, tuple[int, str]]
) -> tuple[int, int]:
    per_node = dict(conn.execute("SELECT node, COUNT(*) FROM events GROUP BY node").fetchall())
    for node, (last_seq, _hash) in chains.items():
        if per_node.get(node, 0) != last_seq:
            detail = f"máy {node} có {per_node.get(node, 0)} sự kiện, đầu chuỗi ghi {last_seq}"
            raise MotcuaError("backup.counts", path=str(path), detail=detail)
    if set(per_node) - set(chains):
        raise MotcuaError(
            "backup.counts", path=str(path), detail="sự kiện của máy không có đầu chuỗi"
        )
    orphans = conn.execute(
        "SELECT COUNT(*) FROM (SELECT DISTINCT dossier FROM events "
        "EXCEPT SELECT code FROM dossiers)"
    ).fetchone()[0]
    if orphans:
        raise MotcuaError("backup.counts", path=str(path), detail=f"{orphans} hồ sơ thiếu bản ghi")
    events = sum(per_node.values())
    dossiers = conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]
    return events, int(dossiers)


def inspect_database(path: Path, *, quick: bool = False, chains: bool = True) -> DatabaseFacts:
    """Open ``path`` read-only and check it whole; raise a ``MotcuaError`` naming the first flaw.

    Checks SQLite's integrity (``quick`` uses ``quick_check``), that the schema is one this
    version knows (never newer), that every node's hash chain verifies (unless ``chains`` is
    False) and that the counts agree (events per node and chain heads, dossiers and events).
    """
    from .chain_check import verify_chains  # a window of events at a time: bounded memory

    with _read_only(path) as conn:
        try:
            _integrity(conn, path, quick=quick)
            schema = _schema(conn, path)
            heads = (
                verify_chains(path)
                if chains
                else {
                    n: (s, h)
                    for n, s, h in conn.execute("SELECT node, last_seq, last_hash FROM node_chains")
                }
            )
            events, dossiers = _counts(conn, path, heads)
            settings = {
                str(k): str(json.loads(v))
                for k, v in conn.execute(
                    "SELECT key, value FROM settings WHERE key IN ('node_id', 'commune_name')"
                )
            }
        except sqlite3.DatabaseError as exc:
            raise MotcuaError("backup.unreadable", path=str(path), detail=str(exc)) from None
    return DatabaseFacts(path, schema, events, dossiers, heads, settings)
