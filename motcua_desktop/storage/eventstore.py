"""The append-only event log, the per-node chain heads, the outbox and the dossier read model."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from ..domain.dossier import DossierState
from ..domain.events import GENESIS_HASH, Event, EventType, canonical_json, parse_time
from ..domain.text import fold
from .schema import DossierRecord, EventRecord, NodeChainRecord, OutboxRecord
from .timekeys import utc_key


def chain_head(session: Session, node: str) -> tuple[int, str]:
    """(last seq, last hash) of a node's chain; (0, genesis) for a node never seen."""
    row = session.execute(
        select(NodeChainRecord.last_seq, NodeChainRecord.last_hash).where(
            NodeChainRecord.node == node
        )
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def append(session: Session, event: Event, *, stored_at: datetime, local: bool) -> None:
    """Write one event and move its node's chain head; a local event also enters the outbox.

    The caller has checked that ``event.seq`` and ``event.prev`` continue the chain.
    """
    session.execute(
        insert(EventRecord).values(
            id=event.id,
            node=event.node,
            seq=event.seq,
            at=event.at.isoformat(),
            at_utc=utc_key(event.at),
            actor=event.actor,
            dossier=event.dossier,
            type=event.type.value,
            data=canonical_json(event.data),
            prev=event.prev,
            hash=event.hash,
            v=event.v,
            stored_at=stored_at.isoformat(),
        )
    )
    at = event.at.isoformat()
    if event.seq == 1:
        session.execute(
            insert(NodeChainRecord).values(
                node=event.node, last_seq=1, last_hash=event.hash, last_at=at
            )
        )
    else:
        session.execute(
            update(NodeChainRecord)
            .where(NodeChainRecord.node == event.node)
            .values(last_seq=event.seq, last_hash=event.hash, last_at=at)
        )
    if local:
        session.execute(insert(OutboxRecord).values(event_id=event.id, seq=event.seq))


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


def event_exists(session: Session, event_id: str) -> bool:
    return (
        session.execute(select(EventRecord.id).where(EventRecord.id == event_id)).first()
        is not None
    )


def known_nodes(session: Session) -> list[tuple[str, int, str]]:
    rows = session.execute(
        select(NodeChainRecord.node, NodeChainRecord.last_seq, NodeChainRecord.last_hash)
    )
    return [(r[0], r[1], r[2]) for r in rows]


def outbox_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(OutboxRecord)).scalar_one()


def acknowledge(session: Session, up_to_seq: int) -> int:
    """Drop outbox entries the hub acknowledged; returns how many were removed."""
    result = session.execute(delete(OutboxRecord).where(OutboxRecord.seq <= up_to_seq))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def state_to_json(state: DossierState) -> dict[str, Any]:
    """The folded state as plain JSON for the read model (times as ISO text)."""
    raw = asdict(state)

    def convert(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        return value

    return convert(raw)  # type: ignore[no-any-return]


def _key(moment: datetime | None) -> str | None:
    return utc_key(moment) if moment else None


def project(session: Session, state: DossierState, *, now: datetime) -> None:
    """Write the dossier's read-model row from its folded state (insert or replace)."""
    applicant = state.applicant
    name = applicant.get("name", "")
    values = {
        "status": state.status.value,
        "procedure_code": state.procedure_code,
        "procedure_name": state.procedure_name,
        "field": state.field,
        "channel": state.channel,
        "applicant_name": name,
        "name_folded": fold(name),
        "id_number": applicant.get("id_number", ""),
        "phone": applicant.get("phone", ""),
        "received_at": _key(state.received_at),
        "appointment": _key(state.appointment),
        "rescheduled_to": _key(state.rescheduled_to),
        "resolved_at": _key(state.resolved_at),
        "holder_user": state.holder_user,
        "holder_unit": state.holder_unit,
        "needs_review": state.needs_review,
        "updated_at": now.isoformat(),
        "state": state_to_json(state),
    }
    result = session.execute(
        update(DossierRecord).where(DossierRecord.code == state.code).values(**values)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        session.execute(insert(DossierRecord).values(code=state.code, **values))


def search_dossiers(session: Session, tokens: Sequence[str], *, limit: int = 50) -> list[str]:
    """Codes of dossiers whose name has every typed word, the last one possibly unfinished.

    Earlier words are matched whole (the clerk has finished typing them), which keeps the
    intersection of common names like "nguyen" and "van" cheap; only the last is a prefix.
    """
    if not tokens:
        return []
    match = " ".join([*(f'"{t}"' for t in tokens[:-1]), f'"{tokens[-1]}"*'])
    rows = session.execute(
        text(
            "SELECT d.code FROM dossier_search s JOIN dossiers d ON d.id = s.rowid "
            "WHERE dossier_search MATCH :match ORDER BY s.rowid DESC LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    )
    return [r[0] for r in rows]
