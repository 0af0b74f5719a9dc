"""Events: wire form, hashes, the per-node chain and tamper detection."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.events import (
    GENESIS_HASH,
    Event,
    EventType,
    canonical_json,
    seal,
    verify_chain,
)

VN = timezone(timedelta(hours=7))
T0 = datetime(2025, 1, 24, 9, 0, tzinfo=VN)


def chain(n: int, node: str = "node-a") -> list[Event]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        event = seal(
            node=node, seq=seq, prev=prev, at=T0 + timedelta(minutes=seq), actor="tiepnhan",
            dossier="X-250124-0001", type=EventType.HANDED_OVER, data={"note": f"bước {seq}"},
        )  # fmt: skip
        events.append(event)
        prev = event.hash
    return events


def test_wire_round_trip_keeps_hash_and_vietnamese_text():
    event = chain(1)[0]
    back = Event.from_wire(event.to_wire())
    assert back == event
    assert "bước 1" in event.to_json()  # UTF-8 text, not \u escapes


def test_nfd_data_is_stored_nfc_so_the_hash_is_stable():
    nfd = "Nguye\u0302\u0303n"  # "Nguyễn" decomposed
    a = seal(
        node="n",
        seq=1,
        prev=GENESIS_HASH,
        at=T0,
        actor="a",
        dossier="D",
        type=EventType.RECEIVED,
        data={"name": nfd},
        event_id="5b0c1d9e-5a43-4c61-9a07-2b8f4b1c1a11",
    )
    b = seal(
        node="n",
        seq=1,
        prev=GENESIS_HASH,
        at=T0,
        actor="a",
        dossier="D",
        type=EventType.RECEIVED,
        data={"name": "Nguyễn"},
        event_id="5b0c1d9e-5a43-4c61-9a07-2b8f4b1c1a11",
    )
    assert a.hash == b.hash
    assert a.data["name"] == "Nguyễn"


def test_tampered_data_is_detected():
    wire = chain(1)[0].to_wire()
    wire["data"] = {"note": "sửa lại"}
    with pytest.raises(ValidationError) as err:
        Event.from_wire(wire)
    assert err.value.code == "event.hash"


def test_chain_verifies_and_breaks_on_removal_or_reorder():
    events = chain(5)
    verify_chain(events)
    with pytest.raises(ValidationError, match="chuỗi băm|Chuỗi băm"):
        verify_chain(events[:2] + events[3:])
    with pytest.raises(ValidationError):
        verify_chain([events[1], events[0], *events[2:]])


def test_time_without_offset_is_refused():
    wire = chain(1)[0].to_wire()
    wire["at"] = "2025-01-24T09:00:00"
    with pytest.raises(ValidationError) as err:
        Event.from_wire(wire)
    assert err.value.field == "at"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("seq", 0),
        ("seq", "1"),
        ("type", "teleported"),
        ("id", "not-a-uuid"),
        ("data", []),
        ("v", 99),
    ],
)
def test_malformed_wire_fields_name_the_field(key, value):
    wire = chain(1)[0].to_wire()
    wire[key] = value
    with pytest.raises(ValidationError):
        Event.from_wire(wire)


def test_canonical_json_is_order_independent():
    assert canonical_json({"b": 1, "a": [1, "đ"]}) == canonical_json({"a": [1, "đ"], "b": 1})


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(
    data=st.dictionaries(st.text(max_size=8), _json_values, max_size=6),
    node=st.text(min_size=1, max_size=10),
    actor=st.text(min_size=1, max_size=10),
    seq=st.integers(min_value=1, max_value=10**9),
)
def test_seal_hashes_exactly_the_canonical_body(data, node, actor, seq):
    """``seal`` encodes the data once and splices it into the body: the same bytes as the wire."""
    event = seal(
        node=node, seq=seq, prev=GENESIS_HASH, at=T0, actor=actor, dossier="X-250124-0001",
        type=EventType.RECEIVED, data=data,
    )  # fmt: skip
    assert event.hash == event.compute_hash()
    assert event.data_json == canonical_json(event.data)
    assert Event.from_wire(event.to_wire()) == event
