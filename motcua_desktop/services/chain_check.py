"""Every node's hash chain in a database file, verified a window of events at a time.

The same check as ``backup_check.inspect_database(chains=True)``, in bounded memory: loading a
node's whole log at once takes about 4 GB for a million events, which a counter PC running the
app cannot spare while it backs up. Between windows the caller may stop it (``BackupStop``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from ..domain.errors import MotcuaError
from ..domain.events import GENESIS_HASH, verify_chain
from ..storage import eventstore
from .backup_check import read_only_uri

WINDOW = 2_000  # events per read: a few MB of objects, freed (in one go) before the next


def verify_chains(
    path: Path, *, window: int = WINDOW, between: Callable[[], None] | None = None
) -> dict[str, tuple[int, str]]:
    """Verify every node's chain in the file at ``path`` up to its recorded head; the heads.

    Raises ``backup.chain`` naming the node and the first event that breaks its chain.
    ``between()`` is called before each window (it raises to stop the check).
    """
    uri = read_only_uri(path)
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=StaticPool
    )
    try:
        with Session(engine) as session:
            heads = eventstore.known_nodes(session)
            for node, last_seq, last_hash in heads:
                seq, prev = 0, GENESIS_HASH
                while True:
                    if between is not None:
                        between()
                    events = eventstore.node_events(session, node, after_seq=seq, limit=window)
                    if not events:
                        break
                    try:
                        verify_chain(events, start_prev=prev, start_seq=seq + 1)
                    except MotcuaError as exc:
                        seq_found = exc.params.get("seq", "?")
                        raise MotcuaError(
                            "backup.chain", path=str(path), node=node, seq=seq_found
                        ) from None
                    seq, prev = events[-1].seq, events[-1].hash
                if seq and (seq, prev) != (last_seq, last_hash):
                    raise MotcuaError("backup.chain", path=str(path), node=node, seq=last_seq)
            return {node: (seq, digest) for node, seq, digest in heads}
    finally:
        engine.dispose()
