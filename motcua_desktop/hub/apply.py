"""Applying a pushed batch: parse and check it, then write it in one transaction (COPY on PostgreSQL)."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import orjson
import psycopg
from sqlalchemy import Engine, select, union_all, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..domain.errors import MotcuaError, message_for
from ..domain.events import Event, canonical_json, parse_time
from ..domain.sync_wire import SUPPORTED_PROTOCOLS
from .errors import HubError
from .schema import clock_records, communes, events, nodes, rejected_events

log = logging.getLogger("motcua.hub")

EVENT_COLUMNS = (
    "id", "commune", "pos", "node", "seq", "at_utc", "dossier", "type", "hash", "wire",
    "received_at",
)  # fmt: skip


@dataclass(frozen=True)
class Limits:
    """What the hub accepts; anything beyond is refused whole with a reason."""

    max_body_bytes: int = 32 * 1024 * 1024
    max_events: int = 5000
    future_tolerance: timedelta = timedelta(days=1)
    past_limit: timedelta = timedelta(days=3650)


class CheckedEvent(Event):
    """An event parsed by the hub; keeps the canonical text its hash was checked against.

    The hash is first checked over orjson's sorted-key encoding, several times faster than the
    standard library's; a match proves those bytes are the canonical ones (the sender hashed the
    canonical text). On any difference the domain's own ``canonical_json`` decides, so the fast
    path can never refuse a good event. Storing the checked text (with the hash put in its sorted
    place) spares encoding every event twice; a test shows it equals ``event.to_json()``.
    """

    __slots__ = ("canonical",)
    canonical: str

    def compute_hash(self) -> str:
        try:
            fast = orjson.dumps(self.body(), option=orjson.OPT_SORT_KEYS)
        except (TypeError, orjson.JSONEncodeError):
            fast = b""
        if fast:
            digest = hashlib.sha256(fast).hexdigest()
            if digest == self.hash:
                object.__setattr__(self, "canonical", fast.decode("utf-8"))
                return digest
        text = canonical_json(self.body(), normalized=True)
        object.__setattr__(self, "canonical", text)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def wire_text(self) -> str:
        """The canonical wire JSON: the hashed body with ``"hash"`` before ``"id"`` (sorted keys)."""
        marker = f',"id":"{self.id}","node":'
        cut = self.canonical.rindex(marker)
        return f'{self.canonical[:cut]},"hash":"{self.hash}"{self.canonical[cut:]}'


@dataclass
class PushRequest:
    """A parsed, well-formed batch (each event's hash already checked against its content)."""

    commune: str
    node: str
    sent_at: str
    events: list[CheckedEvent]


@dataclass
class PushResult:
    """The reply: acknowledged up to ``acknowledged_seq``; rejected events listed with reasons."""

    acknowledged_seq: int
    accepted: int = 0
    duplicates: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    hub_time: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "acknowledged_seq": self.acknowledged_seq,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "hub_time": self.hub_time,
        }


def decode_json(body: bytes, limits: Limits) -> Any:
    """Bytes to a JSON value, refusing oversized, non-UTF-8 and malformed bodies by reason."""
    if len(body) > limits.max_body_bytes:
        raise HubError(413, "body.too_large", size=len(body), max=limits.max_body_bytes)
    try:
        return orjson.loads(body)  # validates UTF-8 itself
    except orjson.JSONDecodeError:
        pass  # not UTF-8, broken, or beyond orjson (huge integers): the standard library says which
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HubError(400, "body.encoding") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise HubError(400, "body.json", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise HubError(400, "body.json", line=0, column=0) from None


def check_protocol(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise HubError(422, "body.field", name="protocol")
    if value not in SUPPORTED_PROTOCOLS:
        raise HubError(
            426, "protocol.version", value=value, supported=", ".join(map(str, SUPPORTED_PROTOCOLS))
        )
    return value


def _text(payload: dict[str, Any], name: str) -> str:
    value = payload.get(name)
    if not isinstance(value, str) or not value:
        raise HubError(422, "body.field", name=name)
    return value


def parse_push(body: bytes, limits: Limits) -> PushRequest:
    """Validate the whole batch before anything is written."""
    payload = decode_json(body, limits)
    if not isinstance(payload, dict):
        raise HubError(422, "body.field", name="(object)")
    check_protocol(payload.get("protocol"))
    commune, node, sent_at = (_text(payload, n) for n in ("commune", "node", "sent_at"))
    try:
        parse_time(sent_at, name="sent_at")
    except MotcuaError:
        raise HubError(422, "body.field", name="sent_at") from None
    raw_events = payload.get("events")
    if not isinstance(raw_events, list):
        raise HubError(422, "body.field", name="events")
    if len(raw_events) > limits.max_events:
        raise HubError(413, "batch.too_many", count=len(raw_events), max=limits.max_events)
    parsed: list[CheckedEvent] = []
    for index, raw in enumerate(raw_events):
        try:
            parsed.append(cast(CheckedEvent, CheckedEvent.from_wire(raw)))
        except MotcuaError as exc:
            raise HubError(
                422, "event.invalid", index=index, id=_raw_id(raw), code=exc.code,
                detail=exc.message,
            ) from None  # fmt: skip
        except (UnicodeError, TypeError, ValueError, OverflowError) as exc:
            # Lone surrogates, unhashable shapes, out-of-range times: still the sender's fault.
            raise HubError(
                422, "event.invalid", index=index, id=_raw_id(raw), code="event.field",
                detail=type(exc).__name__,
            ) from None  # fmt: skip
    return PushRequest(commune=commune, node=node, sent_at=sent_at, events=parsed)


def _raw_id(raw: Any) -> str:
    return raw.get("id", "") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else ""


def check_batch(request: PushRequest, node: str, commune: str) -> None:
    """A node pushes only its own events, for its own commune, in strictly increasing seq."""
    if request.commune != commune:
        raise HubError(403, "commune.mismatch", commune=request.commune, expected=commune)
    if request.node != node:
        raise HubError(403, "event.node", id="(batch)", node=request.node)
    previous = 0
    for event in request.events:
        if event.node != node:
            raise HubError(403, "event.node", id=event.id, node=event.node)
        if event.seq <= previous:
            raise HubError(422, "batch.order", seq=event.seq)
        previous = event.seq


def skew_ms(sent_at: str, now: datetime) -> int:
    return int((parse_time(sent_at) - now).total_seconds() * 1000)


def apply_push(
    engine: Engine,
    request: PushRequest,
    *,
    node: str,
    commune: str,
    counter: int,
    limits: Limits,
    now: datetime | None = None,
) -> PushResult:
    """Apply a checked batch in one transaction; any refusal rolls all of it back."""
    now = now or datetime.now(UTC)
    check_batch(request, node, commune)
    try:
        with engine.begin() as conn:
            return _apply(conn, request, node, commune, counter, limits, now)
    except (IntegrityError, psycopg.errors.IntegrityError) as exc:
        # Only an event id already used by another node's event can get here (PK on id).
        raise HubError(409, "event.id_taken", id=_conflicting_id(exc)) from None


def _conflicting_id(exc: Exception) -> str:
    original = getattr(exc, "orig", exc)
    diag = getattr(original, "diag", None)
    detail = str(getattr(diag, "message_detail", None) or original)
    found = re.search(r"\(id\)=\(([^)]*)\)", detail)
    return found.group(1) if found else detail[:200]


def claim_counter(
    conn: Connection, node: str, counter: int, now: datetime, skew: int | None
) -> tuple[int, str]:
    """Use a request number once (replays refused); lock the node row; return its chain head."""
    values: dict[str, Any] = {"counter": counter, "last_seen": now}
    if skew is not None:
        values["last_skew_ms"] = skew
    row = conn.execute(
        update(nodes)
        .where(nodes.c.id == node, nodes.c.counter < counter)
        .values(**values)
        .returning(nodes.c.last_seq, nodes.c.last_hash)
    ).first()
    if row is None:
        raise HubError(409, "auth.replayed", counter=counter)
    return int(row[0]), str(row[1])


def _apply(
    conn: Connection,
    request: PushRequest,
    node: str,
    commune: str,
    counter: int,
    limits: Limits,
    now: datetime,
) -> PushResult:
    skew = skew_ms(request.sent_at, now)
    last_seq, last_hash = claim_counter(conn, node, counter, now, skew)
    conn.execute(
        clock_records.insert().values(node=node, hub_at=now, node_at=request.sent_at, skew_ms=skew)
    )
    result = PushResult(acknowledged_seq=last_seq, hub_time=now.isoformat())
    old = [e for e in request.events if e.seq <= last_seq]
    new = [e for e in request.events if e.seq > last_seq]
    if old:
        _check_duplicates(conn, node, old)
        result.duplicates = len(old)
    if not new:
        return result
    if new[0].seq != last_seq + 1:
        raise HubError(409, "chain.gap", seq=new[0].seq, expected_seq=last_seq + 1)
    prev, expected = last_hash, last_seq + 1
    latest, earliest = now + limits.future_tolerance, now - limits.past_limit
    accepted: list[CheckedEvent] = []
    rejected: list[tuple[CheckedEvent, str, str]] = []
    for event in new:
        if event.seq != expected or event.prev != prev:
            raise HubError(409, "chain.broken", seq=event.seq, expected_seq=expected)
        prev, expected = event.hash, expected + 1
        verdict = _time_verdict(event, latest, earliest, limits)
        if verdict is None:
            accepted.append(event)
        else:
            rejected.append((event, *verdict))
    if accepted:
        end = conn.execute(
            update(communes)
            .where(communes.c.unit_code == commune)
            .values(last_pos=communes.c.last_pos + len(accepted))
            .returning(communes.c.last_pos)
        ).scalar_one()
        _insert_events(conn, commune, accepted, int(end) - len(accepted) + 1, now)
    if rejected:
        _insert_rejected(conn, commune, rejected, now)
    conn.execute(
        update(nodes).where(nodes.c.id == node).values(last_seq=new[-1].seq, last_hash=prev)
    )
    result.acknowledged_seq = new[-1].seq
    result.accepted = len(accepted)
    result.rejected = [
        {"id": e.id, "seq": e.seq, "reason": reason, "message": message}
        for e, reason, message in rejected
    ]
    if rejected:
        log.warning("node %s: %d event(s) rejected: %s", node, len(rejected), result.rejected)
    return result


def _time_verdict(
    event: Event, latest: datetime, earliest: datetime, limits: Limits
) -> tuple[str, str] | None:
    if earliest <= event.at <= latest:
        return None
    params = {"id": event.id, "at": event.at.isoformat()}
    if event.at > latest:
        params["tolerance"] = str(limits.future_tolerance)
        return "event.future", message_for("sync.event.future", params)
    return "event.past", message_for("sync.event.past", params)


def _check_duplicates(conn: Connection, node: str, old: list[CheckedEvent]) -> None:
    """Events at or below the head must be exactly what the hub holds (same id, seq and hash)."""
    ids = [_uuid_text(e.id) for e in old]
    query = union_all(
        select(events.c.id, events.c.node, events.c.seq, events.c.hash).where(events.c.id.in_(ids)),
        select(
            rejected_events.c.id,
            rejected_events.c.node,
            rejected_events.c.seq,
            rejected_events.c.hash,
        ).where(rejected_events.c.id.in_(ids)),  # fmt: skip
    )
    held = {_uuid_text(r[0]): (r[1], int(r[2]), r[3]) for r in conn.execute(query)}
    for event in old:
        if held.get(_uuid_text(event.id)) != (node, event.seq, event.hash):
            raise HubError(409, "event.conflict", seq=event.seq, id=event.id)


def _uuid_text(value: str) -> str:
    """The one spelling of a UUID (PostgreSQL stores ids as uuid; the wire may spell them otherwise)."""
    return str(uuid.UUID(value))


def _insert_events(
    conn: Connection, commune: str, batch: list[CheckedEvent], first_pos: int, now: datetime
) -> None:
    if conn.dialect.name != "postgresql":
        conn.execute(
            events.insert(),
            [
                dict(
                    zip(EVENT_COLUMNS, (
                        e.id, commune, first_pos + i, e.node, e.seq, e.at, e.dossier,
                        e.type.value, e.hash, e.wire_text(), now,
                    ), strict=True)
                )
                for i, e in enumerate(batch)
            ],
        )  # fmt: skip
        return
    # PostgreSQL: COPY, with times as ISO text (PostgreSQL parses the offset itself).
    received = now.isoformat()
    driver = conn.connection.driver_connection
    assert driver is not None
    sql = f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN"
    with driver.cursor() as cur, cur.copy(sql) as copy:
        for i, e in enumerate(batch):
            copy.write_row(
                (
                    e.id, commune, first_pos + i, e.node, e.seq, e.at.isoformat(), e.dossier,
                    e.type.value, e.hash, e.wire_text(), received,
                )
            )  # fmt: skip


def _insert_rejected(
    conn: Connection, commune: str, batch: list[tuple[CheckedEvent, str, str]], now: datetime
) -> None:
    conn.execute(
        rejected_events.insert(),
        [
            {
                "id": e.id,
                "commune": commune,
                "node": e.node,
                "seq": e.seq,
                "hash": e.hash,
                "reason": reason,
                "message": message,
                "wire": e.wire_text(),
                "received_at": now,
            }
            for e, reason, message in batch
        ],  # fmt: skip
    )


def pull(
    engine: Engine, *, node: str, commune: str, after: int, limit: int
) -> tuple[list[str], int, bool]:
    """Siblings' events after a commune position: (wire texts, next cursor, more to come).

    The commune's ``last_pos`` is read first: positions become visible in order, so every event
    up to it is committed, and the cursor can move past the caller's own events unread.
    """
    with engine.connect() as conn:
        last = conn.execute(
            select(communes.c.last_pos).where(communes.c.unit_code == commune)
        ).scalar()
        rows = conn.execute(
            select(events.c.pos, events.c.wire)
            .where(
                events.c.commune == commune,
                events.c.pos > after,
                events.c.pos <= (last or 0),
                events.c.node != node,
            )
            .order_by(events.c.pos)
            .limit(limit + 1)
        ).all()
    more = len(rows) > limit
    page = rows[:limit]
    cursor = int(page[-1][0]) if more else max(after, int(last or 0))
    return [r[1] for r in page], cursor, more


def node_rejections(engine: Engine, node: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                rejected_events.c.id,
                rejected_events.c.seq,
                rejected_events.c.reason,
                rejected_events.c.message,
                rejected_events.c.received_at,
            )  # fmt: skip
            .where(rejected_events.c.node == node)
            .order_by(rejected_events.c.seq)
        ).all()
    return [
        {"id": r[0], "seq": int(r[1]), "reason": r[2], "message": r[3],
         "received_at": r[4].isoformat()}
        for r in rows
    ]  # fmt: skip
