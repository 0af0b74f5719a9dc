"""The hub's pieces without a network: the stored wire text, and the embedded SQLite hub."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hub_helpers import RawNode

from motcua_desktop.domain.events import Event, EventType, canonical_json, seal
from motcua_desktop.hub.apply import CheckedEvent
from motcua_desktop.hub.server import HubServer, open_hub

AWKWARD = [
    {"n": 1},
    {"id": "PLACEHOLDER", "node": "x", "nested": [{"id": "PLACEHOLDER", "node": 'a"b\\'}]},
    {"tên": "Nguyễn Văn Ả", "ghi_chú": 'dấu "ngoặc" và \\ gạch', "emoji": "🙂"},
    {},
    {"big": 1e16, "small": 1e-7, "x": 0.1},  # floats orjson writes unlike the standard library
]


@pytest.mark.parametrize(
    "data", AWKWARD, ids=["plain", "id-lookalikes", "unicode", "empty", "floats"]
)
@pytest.mark.parametrize("node", ["node-1", 'nút "lạ" \\ 9'])
def test_stored_wire_text_is_the_canonical_json_of_the_event(data, node):
    event = seal(
        node=node, seq=3, prev="a" * 64, at=datetime(2025, 1, 24, 9, tzinfo=UTC),
        actor="tiepnhan", dossier="X-250124-1001", type=EventType.RECEIVED, data={},
    )  # fmt: skip
    text = json.dumps(data).replace("PLACEHOLDER", event.id)
    event = seal(
        node=node, seq=3, prev="a" * 64, at=event.at, actor="tiepnhan", dossier=event.dossier,
        type=EventType.RECEIVED, data=json.loads(text), event_id=event.id,
    )  # fmt: skip
    checked = CheckedEvent.from_wire(json.loads(event.to_json()))
    assert checked.hash == event.hash == Event.compute_hash(checked)
    assert checked.wire_text() == canonical_json(event.to_wire()) == event.to_json()


def test_the_embedded_sqlite_hub_applies_and_serves_the_same_protocol(tmp_path):
    engine = open_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    server = HubServer(engine).start()
    try:
        first = RawNode(server.url, engine, "000.12.34.H40", slot=1)
        second = RawNode(server.url, engine, "000.12.34.H40", slot=2)
        events = first.chain(3)
        reply = first.send(first.body(events))
        assert reply.status_code == 200 and reply.json()["acknowledged_seq"] == 3
        assert first.send(first.body(events)).json()["duplicates"] == 3
        pulled = second.send(b"", method="GET", path="/v1/events").json()
        assert [e["id"] for e in pulled["events"]] == [e.id for e in events]
        assert pulled["next"] == 3 and pulled["more"] is False
        assert [Event.from_wire(e) for e in pulled["events"]] == events
        first.close()
        second.close()
    finally:
        server.stop()
        engine.dispose()
