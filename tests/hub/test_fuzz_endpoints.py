"""Hypothesis over the hub's push endpoint: whatever a signed node sends — random JSON, a real
batch with any field replaced by any value, random bytes — the reply is a 2xx or a 4xx with a
machine-readable reason, never a 5xx, and nothing but whole valid events is ever applied."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hub_helpers import RawNode, hub_event_count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desktop.domain.events import GENESIS_HASH

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture
def raw(hub, hub_engine, commune) -> Iterator[RawNode]:
    node = RawNode(hub.url, hub_engine, commune)
    yield node
    node.close()


def _answered_cleanly(reply: Any) -> None:
    assert reply.status_code < 500, reply.text
    if reply.status_code >= 400:
        error = reply.json()["error"]
        assert error["reason"] and error["message"]


def test_random_json_bodies(raw, commune):
    @FUZZ
    @given(json_values)
    def check(body: Any) -> None:
        _answered_cleanly(raw.send(body))
        assert raw.head() == (0, GENESIS_HASH)  # nothing applied
        assert hub_event_count(raw.engine, commune) == 0

    check()


def test_a_real_batch_with_one_field_replaced(raw, commune):
    events = raw.chain(3)
    good = raw.body(events)
    fields = sorted(good)
    event_fields = sorted(good["events"][0])

    @FUZZ
    @given(st.sampled_from(fields + [f"events.{f}" for f in event_fields]), json_values)
    def check(where: str, value: Any) -> None:
        body = raw.body(events)
        if where.startswith("events."):
            body["events"] = [dict(e) for e in body["events"]]
            body["events"][1][where.removeprefix("events.")] = value
        else:
            body[where] = value
        before, _ = raw.head()
        _answered_cleanly(raw.send(body))
        after, _ = raw.head()
        assert after in (0, 1, 3)  # only whole prefixes of the chain
        if where.startswith("events.") and after >= 2 > before:
            # The second event was accepted in this very request: it must have been intact.
            key = where.removeprefix("events.")
            assert body["events"][1][key] == good["events"][1][key]

    check()


def test_random_bytes(raw, commune):
    @FUZZ
    @given(st.binary(max_size=300))
    def check(content: bytes) -> None:
        _answered_cleanly(raw.send(content))
        assert hub_event_count(raw.engine, commune) == 0

    check()
