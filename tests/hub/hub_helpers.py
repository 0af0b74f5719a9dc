"""Helpers of the hub tests: what the hub holds for a commune."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Engine, func, select

from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal
from motcua_desktop.domain.sync_wire import (
    HEADER_COUNTER,
    HEADER_NODE,
    HEADER_SENT_AT,
    HEADER_SIGNATURE,
    sign,
)
from motcua_desktop.hub.schema import events as hub_events
from motcua_desktop.hub.schema import nodes, refusals
from motcua_desktop.hub.store import enroll, issue_enroll_code

PG_ADMIN = os.environ.get("MOTCUA_TEST_PG", "host=127.0.0.1 port=5432 user=postgres dbname=test")


def pg_url_of(dbname: str) -> str:
    """The SQLAlchemy URL of a database on the test server."""
    parts = dict(p.split("=", 1) for p in PG_ADMIN.split())
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if "password" in parts else "")
    return (
        f"postgresql+psycopg://{auth}@{parts.get('host', '127.0.0.1')}:"
        f"{parts.get('port', '5432')}/{dbname}"
    )


def hub_event_hashes(engine: Engine, commune: str) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(hub_events.c.id, hub_events.c.hash).where(hub_events.c.commune == commune)
        )
        return {r[0]: r[1] for r in rows}


def hub_event_count(engine: Engine, commune: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(hub_events).where(hub_events.c.commune == commune)
            ).scalar_one()
        )


class RawNode:
    """A node speaking the protocol by hand, to send what a real node never would."""

    def __init__(self, url: str, engine: Engine, commune: str, slot: int = 1) -> None:
        self.url = url
        self.engine = engine
        self.commune = commune
        self.node = str(uuid.uuid4())
        code, _ = issue_enroll_code(engine, commune)
        _, _, self.key = enroll(engine, code=code, node=self.node, slot=slot, unit_code=commune)
        self.counter = 0
        self.http = httpx.Client(base_url=url, timeout=30)

    def chain(
        self, count: int, *, start: int = 1, prev: str = GENESIS_HASH, at: datetime | None = None
    ) -> list[Event]:
        moment = at or datetime.now(UTC) - timedelta(hours=1)
        out = []
        for seq in range(start, start + count):
            event = seal(
                node=self.node, seq=seq, prev=prev, at=moment + timedelta(seconds=seq),
                actor="tiepnhan", dossier=f"{self.commune}-250124-1{seq:03d}",
                type=EventType.RECEIVED, data={"n": seq, "tên": "Nguyễn Văn An"},
            )  # fmt: skip
            out.append(event)
            prev = event.hash
        return out

    def body(self, events: list[Any], **override: Any) -> dict[str, Any]:
        wire = [e.to_wire() if isinstance(e, Event) else e for e in events]
        return {
            "protocol": 1, "commune": self.commune, "node": self.node,
            "sent_at": datetime.now(UTC).isoformat(), "events": wire, **override,
        }  # fmt: skip

    def send(
        self,
        payload: Any,
        *,
        method: str = "POST",
        path: str = "/v1/events",
        counter: int | None = None,
        key: str | None = None,
        node: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Sign and send; ``payload`` bytes are sent as they are, anything else as JSON."""
        if isinstance(payload, bytes):
            content = payload
        else:
            content = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        if counter is None:
            self.counter += 1
            counter = self.counter
        sent_at = datetime.now(UTC).isoformat()
        who = node or self.node
        signature = sign(key or self.key, method, path, who, counter, sent_at, content)
        all_headers = {
            HEADER_NODE: who, HEADER_COUNTER: str(counter), HEADER_SENT_AT: sent_at,
            HEADER_SIGNATURE: signature, "Content-Type": "application/json",
            **(headers or {}),
        }  # fmt: skip
        return self.http.request(
            method, path, content=content if method == "POST" else None, headers=all_headers
        )

    def head(self) -> tuple[int, str]:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(nodes.c.last_seq, nodes.c.last_hash).where(nodes.c.id == self.node)
            ).one()
        return int(row[0]), str(row[1])

    def close(self) -> None:
        self.http.close()


def reason(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["reason"]


def refusal_logged(engine: Engine, reason_code: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(refusals).where(refusals.c.reason == reason_code)
            ).scalar_one()
        )
