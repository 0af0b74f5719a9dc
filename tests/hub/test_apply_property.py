"""Any mix of resends, overlaps and gaps leaves the hub with each chain's acknowledged prefix."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal
from motcua_desktop.hub.apply import Limits, apply_push, parse_push
from motcua_desktop.hub.errors import HubError
from motcua_desktop.hub.schema import events as hub_events
from motcua_desktop.hub.store import enroll, issue_enroll_code

CHAIN = 25
LIMITS = Limits()


def _chain(node: str, unit: str) -> list[Event]:
    prev, out = GENESIS_HASH, []
    start = datetime.now(UTC) - timedelta(hours=2)
    for seq in range(1, CHAIN + 1):
        event = seal(
            node=node, seq=seq, prev=prev, at=start + timedelta(seconds=seq), actor="tiepnhan",
            dossier=f"{unit}-250124-{seq:04d}", type=EventType.RECEIVED, data={"n": seq},
        )  # fmt: skip
        out.append(event)
        prev = event.hash
    return out


def _body(unit: str, node: str, batch: list[Event]) -> bytes:
    payload = {"protocol": 1, "commune": unit, "node": node,
               "sent_at": datetime.now(UTC).isoformat(), "events": [e.to_wire() for e in batch]}  # fmt: skip
    return json.dumps(payload).encode()


pushes = st.lists(
    st.tuples(st.integers(0, 1), st.integers(1, CHAIN), st.integers(1, 8)), min_size=1, max_size=14
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=pushes)
def test_the_hub_holds_exactly_the_acknowledged_prefix_of_every_chain(hub_engine, plan):
    unit = f"P{uuid.uuid4().hex[:5].upper()}.H40"
    nodes = [str(uuid.uuid4()) for _ in range(2)]
    for slot, node in enumerate(nodes, start=1):
        code, _ = issue_enroll_code(hub_engine, unit)
        enroll(hub_engine, code=code, node=node, slot=slot, unit_code=unit)
    chains = [_chain(node, unit) for node in nodes]
    heads = [0, 0]
    for counter, (which, start, length) in enumerate(plan, start=1):
        batch = chains[which][start - 1 : start - 1 + length]
        request = parse_push(_body(unit, nodes[which], batch), LIMITS)
        try:
            reply = apply_push(
                hub_engine, request, node=nodes[which], commune=unit, counter=counter,
                limits=LIMITS,
            )  # fmt: skip
        except HubError as refused:
            assert start > heads[which] + 1  # only a gap is refused here
            assert refused.reason == "chain.gap"
            assert refused.params["expected_seq"] == heads[which] + 1
            continue
        assert start <= heads[which] + 1
        heads[which] = max(heads[which], batch[-1].seq)
        assert reply.acknowledged_seq == heads[which]
    with hub_engine.connect() as conn:
        rows = conn.execute(
            select(hub_events.c.pos, hub_events.c.id, hub_events.c.hash)
            .where(hub_events.c.commune == unit)
            .order_by(hub_events.c.pos)
        ).all()
    expected = {
        e.id: e.hash for chain, head in zip(chains, heads, strict=True) for e in chain[:head]
    }
    assert {r[1]: r[2] for r in rows} == expected
    assert [r[0] for r in rows] == list(range(1, len(expected) + 1))  # gapless cursor positions
