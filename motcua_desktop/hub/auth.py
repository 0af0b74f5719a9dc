"""Who is calling: a node's signed request (HMAC with its key, a request number used once)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, select

from ..domain.errors import MotcuaError
from ..domain.events import parse_time
from ..domain.sync_wire import (
    HEADER_COUNTER,
    HEADER_NODE,
    HEADER_PROTOCOL,
    HEADER_SENT_AT,
    HEADER_SIGNATURE,
    sign,
    signature_ok,
)
from .apply import check_protocol
from .errors import HubError
from .schema import nodes


@dataclass(frozen=True)
class Caller:
    """An authenticated node: its commune, the request's number and the node's clock."""

    node: str
    commune: str
    counter: int
    sent_at: str


def authenticate(
    engine: Engine, headers: Mapping[str, str], method: str, path: str, body: bytes
) -> Caller:
    """Check the protocol, that the node is enrolled and active, and the request's signature."""
    protocol = headers.get(HEADER_PROTOCOL)
    if protocol is not None:
        check_protocol(int(protocol) if protocol.isdigit() else protocol)
    node = headers.get(HEADER_NODE)
    counter_text = headers.get(HEADER_COUNTER)
    sent_at = headers.get(HEADER_SENT_AT)
    signature = headers.get(HEADER_SIGNATURE)
    if not (node and counter_text and sent_at and signature):
        raise HubError(401, "auth.missing")
    if not counter_text.isdigit() or len(counter_text) > 18:
        raise HubError(400, "body.field", name=HEADER_COUNTER)
    counter = int(counter_text)
    try:
        parse_time(sent_at, name=HEADER_SENT_AT)
    except MotcuaError:
        raise HubError(400, "body.field", name=HEADER_SENT_AT) from None
    with engine.connect() as conn:
        row = conn.execute(
            select(nodes.c.commune, nodes.c.key, nodes.c.active).where(nodes.c.id == node)
        ).first()
    if row is None:
        raise HubError(401, "auth.unknown_node", node=node)
    expected = sign(row.key, method, path, node, counter, sent_at, body)
    if not signature_ok(expected, signature):
        raise HubError(401, "auth.signature")
    if not row.active:
        raise HubError(403, "auth.disabled", node=node)
    return Caller(node=node, commune=row.commune, counter=counter, sent_at=sent_at)
