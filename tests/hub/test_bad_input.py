"""Bad input gets a clear 4xx with a machine-readable reason, is logged, and applies nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hub_helpers import RawNode, hub_event_count, reason, refusal_logged

from motcua_desktop.domain.events import GENESIS_HASH
from motcua_desktop.domain.sync_wire import HEADER_PROTOCOL, HEADER_SENT_AT
from motcua_desktop.hub.apply import Limits
from motcua_desktop.hub.server import HubServer
from motcua_desktop.services.sync import rejections, sync_once, sync_status
from motcua_desktop.services.sync_client import SyncRefused


@pytest.fixture
def raw(hub, hub_engine, commune) -> Iterator[RawNode]:
    node = RawNode(hub.url, hub_engine, commune)
    yield node
    node.close()


@pytest.fixture
def small_hub(hub_engine) -> Iterator[HubServer]:
    """A hub on the same database that takes at most 5 events or 20 kB per request."""
    server = HubServer(hub_engine, limits=Limits(max_events=5, max_body_bytes=20_000)).start()
    yield server
    server.stop()


def _nothing_applied(raw: RawNode, commune: str) -> None:
    assert raw.head() == (0, GENESIS_HASH)
    assert hub_event_count(raw.engine, commune) == 0


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"protocol": 1, "events": [', (400, "body.json")),
        (b"\xff\xfe{not utf-8}", (400, "body.encoding")),
        (b'"just a string"', (422, "body.field")),
    ],
    ids=["malformed-json", "not-utf8", "not-an-object"],
)
def test_unreadable_bodies(raw, commune, body, expected):
    reply = raw.send(body)
    assert reason(reply) == expected
    assert reply.json()["error"]["message"]  # Vietnamese text for the admin
    _nothing_applied(raw, commune)
    assert refusal_logged(raw.engine, expected[1]) >= 1


@pytest.mark.parametrize(
    ("mutate", "expected", "field"),
    [
        (lambda b: b.update(events={"0": 1}), (422, "body.field"), "name"),
        (lambda b: b.update(sent_at="yesterday"), (422, "body.field"), "name"),
        (lambda b: b.update(protocol="1"), (422, "body.field"), "name"),
        (lambda b: b["events"][0].update(seq="1"), (422, "event.invalid"), "code"),
        (lambda b: b["events"][1].update(at="2025-01-24 09:00"), (422, "event.invalid"), "code"),
        (lambda b: b["events"][0].update(type="teleported"), (422, "event.invalid"), "code"),
        (lambda b: b["events"][0].update(v=2), (422, "event.invalid"), "code"),
        (lambda b: b["events"][0].update(data="{}"), (422, "event.invalid"), "code"),
        (lambda b: b["events"].reverse(), (422, "batch.order"), None),
    ],
    ids=[
        "events-not-a-list", "sent-at-not-a-time", "protocol-as-text", "seq-as-text",
        "time-without-offset", "unknown-type", "event-version-2", "data-not-object", "unordered",
    ],
)  # fmt: skip
def test_wrong_types_and_shapes(raw, commune, mutate, expected, field):
    body = raw.body(raw.chain(2))
    mutate(body)
    reply = raw.send(body)
    assert reason(reply) == expected
    if field:
        assert reply.json()["error"]["detail"][field]
    _nothing_applied(raw, commune)


def test_an_older_or_newer_protocol_version_is_refused(raw, commune):
    reply = raw.send(raw.body(raw.chain(1), protocol=0))
    assert reason(reply) == (426, "protocol.version")
    assert reply.json()["error"]["detail"] == {"value": 0, "supported": "1"}
    header = raw.send(raw.body(raw.chain(1)), headers={HEADER_PROTOCOL: "0"})
    assert reason(header) == (426, "protocol.version")
    _nothing_applied(raw, commune)


def test_oversized_batches_are_refused_whole(small_hub, hub_engine, commune):
    raw = RawNode(small_hub.url, hub_engine, commune)
    try:
        assert reason(raw.send(raw.body(raw.chain(6)))) == (413, "batch.too_many")
        big = raw.chain(1)[0].to_wire()
        big["data"] = {"note": "x" * 30_000}
        assert reason(raw.send(raw.body([big]))) == (413, "body.too_large")
        _nothing_applied(raw, commune)
    finally:
        raw.close()


def test_a_node_refused_keeps_its_events_and_shows_the_reason(
    enrolled, small_hub, hub_engine, commune
):
    node = enrolled(1, url=small_hub.url)
    for i in range(6):
        node.receive(f"Người nộp {i}")
    with pytest.raises(SyncRefused) as refused:
        sync_once(node.ws)
    assert refused.value.reason in ("body.too_large", "batch.too_many")
    status = sync_status(node.ws)
    assert status.waiting == 6 and status.online is True
    assert status.last_error_code == refused.value.reason and status.last_error
    assert hub_event_count(hub_engine, commune) == 0


def test_events_from_the_future_or_far_past_are_rejected_without_blocking_the_rest(raw, commune):
    now = datetime.now(UTC)
    events = raw.chain(2, at=now - timedelta(hours=1))
    future = raw.chain(1, start=3, prev=events[-1].hash, at=now + timedelta(days=3))
    past = raw.chain(1, start=4, prev=future[-1].hash, at=now - timedelta(days=4000))
    after = raw.chain(2, start=5, prev=past[-1].hash, at=now - timedelta(minutes=5))
    reply = raw.send(raw.body([*events, *future, *past, *after]))
    assert reply.status_code == 200
    body = reply.json()
    assert (body["acknowledged_seq"], body["accepted"]) == (6, 4)
    assert [(r["seq"], r["reason"]) for r in body["rejected"]] == [
        (3, "event.future"),
        (4, "event.past"),
    ]
    assert hub_event_count(raw.engine, commune) == 4  # never served to the siblings
    # The chain still verifies across the rejected events, and the admin can list them.
    assert raw.head() == (6, after[-1].hash)
    listed = raw.send(b"", method="GET", path="/v1/rejections").json()["rejected"]
    assert [r["seq"] for r in listed] == [3, 4]


def test_a_node_shows_its_rejected_events_to_its_admin(enrolled, hub_engine, commune):
    node = enrolled(1)
    node.receive("Đúng giờ")
    node.clock.advance(days=3)  # the PC's clock jumps three days ahead
    node.receive("Đồng hồ sai")
    report = sync_once(node.ws)
    assert report.acknowledged_seq == 2 and len(report.rejected) == 1
    assert sync_status(node.ws).rejected == 1 and sync_status(node.ws).waiting == 0
    [shown] = rejections(node.ws)
    assert (shown["seq"], shown["reason"]) == (2, "event.future")
    assert "đồng hồ" in shown["message"]
    assert hub_event_count(hub_engine, commune) == 1


def test_unknown_routes_and_bad_query_values_answer_in_the_protocol_shape(raw, commune):
    missing = raw.http.get("/v2/events")
    assert reason(missing) == (404, "http.route")
    wrong_method = raw.http.delete("/v1/events")
    assert reason(wrong_method) == (405, "http.route")
    bad_limit = raw.send(b"", method="GET", path="/v1/events?limit=many")
    assert reason(bad_limit) == (422, "body.field")
    assert bad_limit.json()["error"]["detail"] == {"name": "limit"}
    bad_cursor = raw.send(b"", method="GET", path="/v1/events?after=-5")
    assert reason(bad_cursor) == (400, "cursor.invalid")
    _nothing_applied(raw, commune)


def test_a_signed_request_with_a_sender_time_that_is_not_a_time_is_refused(raw, commune):
    reply = raw.send(raw.body(raw.chain(1)), headers={HEADER_SENT_AT: "yesterday"})
    assert reason(reply) == (400, "body.field")
    assert reply.json()["error"]["detail"] == {"name": HEADER_SENT_AT}
    _nothing_applied(raw, commune)
