"""The append-only event log, the per-node chain heads, the upload queue and the dossier read model."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.dossier import DossierState
from ..domain.events import GENESIS_HASH, Event, EventType, canonical_json, parse_time
from ..domain.text import fold, search_tokens
from .schema import (
    INDEX_SEARCH_TAIL,
    SEARCH_COLUMNS,
    SEARCH_KEYS,
    SEARCH_TAIL,
    EventRecord,
    NodeChainRecord,
)
from .timekeys import utc_key

Tx = Session | sqlite3.Connection


def raw(tx: Tx) -> sqlite3.Connection:
    """The driver connection of a unit of work (a Session's, or a bare one already in BEGIN).

    Every act runs these few statements; prepared SQL on the same connection (same transaction)
    costs microseconds where building ORM statements cost a millisecond per act.
    """
    if isinstance(tx, sqlite3.Connection):
        return tx
    return tx.connection().connection.driver_connection  # type: ignore[return-value]


_CHAIN_HEAD = "SELECT last_seq, last_hash, last_at FROM node_chains WHERE node = ?"
_INSERT_EVENT = (
    "INSERT INTO events (id, node, seq, at, at_utc, actor, dossier, type, data, prev, hash, v, "
    "stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_HEAD = "INSERT INTO node_chains (node, last_seq, last_hash, last_at) VALUES (?, ?, ?, ?)"
_UPDATE_HEAD = "UPDATE node_chains SET last_seq = ?, last_hash = ?, last_at = ? WHERE node = ?"


def chain_head(session: Tx, node: str) -> tuple[int, str]:
    """(last seq, last hash) of a node's chain; (0, genesis) for a node never seen."""
    seq, last_hash, _at = chain_state(session, node)
    return seq, last_hash


def chain_state(session: Tx, node: str) -> tuple[int, str, str | None]:
    """(last seq, last hash, time of the last act) of a node's chain."""
    row = raw(session).execute(_CHAIN_HEAD, (node,)).fetchone()
    return (row[0], row[1], row[2]) if row else (0, GENESIS_HASH, None)


def append(session: Tx, event: Event, *, stored_at: datetime) -> None:
    """Write one event and move its node's chain head.

    The caller has checked that ``event.seq`` and ``event.prev`` continue the chain.
    """
    db = raw(session)
    at = event.at.isoformat()
    db.execute(
        _INSERT_EVENT,
        (
            event.id, event.node, event.seq, at, utc_key(event.at), event.actor, event.dossier,
            event.type.value, event.data_json or canonical_json(event.data, normalized=True),
            event.prev, event.hash, event.v,
            stored_at.isoformat(),
        ),
    )  # fmt: skip
    if event.seq == 1:
        db.execute(_INSERT_HEAD, (event.node, 1, event.hash, at))
    else:
        db.execute(_UPDATE_HEAD, (event.seq, event.hash, at, event.node))


def _row_to_event(row: Any) -> Event:
    return Event(
        id=row.id,
        node=row.node,
        seq=row.seq,
        at=parse_time(row.at),
        actor=row.actor,
        dossier=row.dossier,
        type=EventType(row.type),
        data=json.loads(row.data),
        prev=row.prev,
        hash=row.hash,
        v=row.v,
    )


_EVENT_COLUMNS = (
    EventRecord.id, EventRecord.node, EventRecord.seq, EventRecord.at, EventRecord.actor,
    EventRecord.dossier, EventRecord.type, EventRecord.data, EventRecord.prev,
    EventRecord.hash, EventRecord.v,
)  # fmt: skip


def dossier_events(session: Session, code: str) -> list[Event]:
    rows = session.execute(
        select(*_EVENT_COLUMNS)
        .where(EventRecord.dossier == code)
        .order_by(EventRecord.at_utc, EventRecord.node, EventRecord.seq)
    )
    return [_row_to_event(r) for r in rows]


def node_events(
    session: Session, node: str, *, after_seq: int = 0, limit: int | None = None
) -> list[Event]:
    stmt = (
        select(*_EVENT_COLUMNS)
        .where(EventRecord.node == node, EventRecord.seq > after_seq)
        .order_by(EventRecord.seq)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_row_to_event(r) for r in session.execute(stmt)]


def all_events(session: Session) -> Iterable[Event]:
    """Every event, by node then seq (the order a chain verifies in)."""
    rows = session.execute(select(*_EVENT_COLUMNS).order_by(EventRecord.node, EventRecord.seq))
    for row in rows:
        yield _row_to_event(row)


def known_nodes(session: Session) -> list[tuple[str, int, str]]:
    rows = session.execute(
        select(NodeChainRecord.node, NodeChainRecord.last_seq, NodeChainRecord.last_hash)
    )
    return [(r[0], r[1], r[2]) for r in rows]


# The upload queue is the log itself: this node's events after the last one the hub acknowledged
# (``sync_state.acked_seq``; none before the node enrolled). Nothing else is written per act.
_WAITING = (
    "SELECT COALESCE((SELECT last_seq FROM node_chains WHERE node = ?), 0) "
    "- COALESCE((SELECT acked_seq FROM sync_state), 0)"
)
_WAITING_EVENTS = (
    "SELECT id, node, seq, at, actor, dossier, type, data, prev, hash, v FROM events "
    "WHERE node = ? AND seq > COALESCE((SELECT acked_seq FROM sync_state), 0) ORDER BY seq LIMIT ?"
)


def waiting_count(session: Tx, node: str) -> int:
    """How many of this node's events the hub has not acknowledged yet."""
    (count,) = raw(session).execute(_WAITING, (node,)).fetchone()
    return max(0, int(count))


def waiting_rows(session: Tx, node: str, limit: int) -> list[tuple[Any, ...]]:
    """The oldest of them, as stored: (id, node, seq, at, actor, dossier, type, data, prev, hash,
    v), ``data`` in its canonical JSON text."""
    return raw(session).execute(_WAITING_EVENTS, (node, limit)).fetchall()


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """JSON-ready copy: times as ISO text, enums as values, nested dataclasses as dicts."""
    if type(value) in _SCALARS:  # exact types: a StrEnum is not left as it is
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def state_to_json(state: DossierState) -> dict[str, Any]:
    """The whole folded state as plain JSON (times as ISO text)."""
    return _plain(state)  # type: ignore[no-any-return]


# The state's fields in the read model's JSON: the long lists are replaced by their counts, and
# the payment is a column only (rows written before it was recorded stay as they were).
_LISTS_AS_COUNTS = ("components", "supplement_requests")
_READ_MODEL_FIELDS = tuple(
    f.name for f in fields(DossierState) if f.name not in (*_LISTS_AS_COUNTS, "payment")
)


def read_model_json(state: DossierState) -> dict[str, Any]:
    """What lists and queues need of a dossier beyond its columns: counts, not the full texts.

    The component list (long legal names) stays in the received event, the record of the act;
    repeating it in every read-model row would double what each act writes and fsyncs.
    """
    plain: dict[str, Any] = {}
    for name in _READ_MODEL_FIELDS:
        value = getattr(state, name)
        plain[name] = value if type(value) in _SCALARS else _plain(value)
    for name in _LISTS_AS_COUNTS:  # kept as empty lists, as rows have always been written
        plain[name] = []
    plain["components_count"] = len(state.components)
    plain["components_digitised"] = sum(1 for c in state.components if c.get("digitised"))
    plain["supplement_requests_count"] = len(state.supplement_requests)
    return plain


def _key(moment: datetime | None) -> str | None:
    return utc_key(moment) if moment else None


_PROJECTED = (
    "status", "procedure_code", "procedure_name", "field", "channel", "applicant_name",
    "name_folded", "id_number", "phone", "received_at", "appointment", "rescheduled_to",
    "resolved_at", "holder_user", "holder_unit", "needs_review", "updated_at", "state",
    "responsible_unit", "closed_at", "last_event_at", "supplement_requested_at",
    "supplement_requests_count", "satisfaction", "result_digitised", "refusal_reason",
    "components_count", "components_digitised", "payment",
)  # fmt: skip
_UPDATE_DOSSIER = f"UPDATE dossiers SET {', '.join(f'{c} = ?' for c in _PROJECTED)} WHERE code = ?"
_INSERT_DOSSIER = (
    f"INSERT INTO dossiers ({', '.join(_PROJECTED)}, code) "
    f"VALUES ({', '.join('?' for _ in _PROJECTED)}, ?)"
)


def project(session: Tx, state: DossierState, *, now: datetime, new: bool = False) -> None:
    """Write the dossier's read-model row from its folded state (insert or replace).

    ``new``: the dossier has no row yet (it was just received), so it is inserted at once.
    """
    applicant = state.applicant
    name = applicant.get("name", "")
    plain = read_model_json(state)
    values = (
        state.status.value, state.procedure_code, state.procedure_name, state.field,
        state.channel, name, fold(name), applicant.get("id_number", ""),
        applicant.get("phone", ""), _key(state.received_at), _key(state.appointment),
        _key(state.rescheduled_to), _key(state.resolved_at), state.holder_user,
        state.holder_unit, state.needs_review, now.isoformat(),
        json.dumps(plain, ensure_ascii=False, separators=(",", ":")), state.responsible_unit,
        _key(state.closed_at), _key(state.last_event_at), _key(state.supplement_requested_at),
        plain["supplement_requests_count"], state.satisfaction, state.result_digitised,
        state.refusal_reason, plain["components_count"], plain["components_digitised"],
        state.payment, state.code,
    )  # fmt: skip
    db = raw(session)
    if new or db.execute(_UPDATE_DOSSIER, values).rowcount == 0:
        db.execute(_INSERT_DOSSIER, values)


def name_match(tokens: Sequence[str]) -> str:
    """The FTS5 query for typed words, in the name column: finished words whole, only the last as
    a prefix.

    Matching earlier words whole keeps the intersection of common names like "nguyen" and "van"
    cheap; the clerk is still typing only the last one.
    """
    words = " ".join([*(f'"{t}"' for t in tokens[:-1]), f'"{tokens[-1]}"*'])
    return f"name_folded : ({words})"


def key_match(column: str, key: str, *, prefix: bool = False) -> str:
    """The FTS5 query for a whole ID number or phone (digits) in its own column, or, with
    ``prefix``, for the first digits of one."""
    if column not in SEARCH_KEYS or not key.isdigit():
        raise ValueError(f"not a search key: {column}={key!r}")
    return f'{column} : "{key}"' + ("*" if prefix else "")


def search_tail(session: Tx, tokens: Sequence[str]) -> list[int]:
    """Ids of the dossiers not yet in the full-text index whose names match, newest first.

    The same match as ``name_match``: earlier words whole, the last one as a prefix. The tail is
    at most ``schema.SEARCH_BATCH`` rows, read by their ids.
    """
    *whole, last = tokens
    found = []
    for dossier_id, name, *_keys in raw(session).execute(SEARCH_TAIL):
        words = search_tokens(name)
        if all(w in words for w in whole) and any(w.startswith(last) for w in words):
            found.append(dossier_id)
    return sorted(found, reverse=True)


def key_tail(session: Tx, column: str, key: str, *, prefix: bool = False) -> list[int]:
    """Ids of the dossiers not yet in the full-text index with that ID number or phone (or, with
    ``prefix``, one starting with ``key``), newest first: the same match as ``key_match``."""
    at = SEARCH_COLUMNS.index(column) + 1  # after the id
    found = [
        row[0]
        for row in raw(session).execute(SEARCH_TAIL)
        if (row[at].startswith(key) if prefix else row[at] == key)
    ]
    return sorted(found, reverse=True)


def index_search_tail(session: Tx) -> int:
    """Put the dossiers not yet in the full-text index into it now; how many there were.

    Searches never need this (they read the tail); an audit of the whole index against the table
    (FTS5's ``integrity-check``) does.
    """
    db = raw(session)
    done = db.execute(INDEX_SEARCH_TAIL).rowcount
    db.execute("UPDATE dossier_search_mark SET upto = (SELECT COALESCE(MAX(id), 0) FROM dossiers)")
    return done
