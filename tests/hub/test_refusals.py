"""What the hub refuses, with which reason — and that a refused request changes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from hub_helpers import RawNode, hub_event_count, reason, refusal_logged

from motcua_desktop.domain.events import GENESIS_HASH, seal


@pytest.fixture
def raw(hub, hub_engine, commune) -> Iterator[RawNode]:
    node = RawNode(hub.url, hub_engine, commune)
    yield node
    node.close()


def _unchanged(raw: RawNode, commune: str, *, head: tuple[int, str], count: int) -> None:
    assert raw.head() == head
    assert hub_event_count(raw.engine, commune) == count


def test_a_good_batch_is_acknowledged_up_to_its_last_seq(raw, commune):
    reply = raw.send(raw.body(raw.chain(3)))
    assert reply.status_code == 200
    assert reply.json() | {"hub_time": ""} == {
        "acknowledged_seq": 3, "accepted": 3, "duplicates": 0, "rejected": [], "hub_time": "",
    }  # fmt: skip
    assert hub_event_count(raw.engine, commune) == 3


def test_a_forged_event_whose_hash_does_not_match_its_content_is_refused(raw, commune):
    events = [e.to_wire() for e in raw.chain(3)]
    events[1]["data"]["n"] = 999  # changed after sealing
    reply = raw.send(raw.body(events))
    assert reason(reply) == (422, "event.invalid")
    assert reply.json()["error"]["detail"]["code"] == "event.hash"
    assert reply.json()["error"]["detail"]["index"] == 1
    _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)
    assert refusal_logged(raw.engine, "event.invalid") >= 1


def test_events_of_another_node_in_a_batch_are_refused_as_forged(raw, hub, hub_engine, commune):
    other = RawNode(hub.url, hub_engine, commune, slot=2)
    try:
        reply = raw.send(raw.body(other.chain(2)))  # validly sealed, but not the sender's
        assert reason(reply) == (403, "event.node")
        _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)
        assert other.head() == (0, GENESIS_HASH)
    finally:
        other.close()


def test_a_wrong_key_is_refused_as_a_bad_signature(raw, commune):
    reply = raw.send(raw.body(raw.chain(1)), key="not-the-key")
    assert reason(reply) == (401, "auth.signature")
    _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)


def test_an_unknown_node_is_refused(raw, commune):
    reply = raw.send(raw.body(raw.chain(1)), node="00000000-0000-4000-8000-000000000000")
    assert reason(reply) == (401, "auth.unknown_node")
    missing = raw.http.post("/v1/events", json=raw.body(raw.chain(1)))
    assert reason(missing) == (401, "auth.missing")
    _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)


def test_a_replayed_request_is_refused_and_changes_nothing(raw, commune):
    first = raw.chain(2)
    assert raw.send(raw.body(first), counter=10).status_code == 200
    head = raw.head()
    replay = raw.send(raw.body(first), counter=10)
    assert reason(replay) == (409, "auth.replayed")
    # Replaying an old request number with new events is refused just the same.
    more = raw.chain(1, start=3, prev=first[-1].hash)
    assert reason(raw.send(raw.body(more), counter=9)) == (409, "auth.replayed")
    _unchanged(raw, commune, head=head, count=2)


def test_a_batch_for_another_commune_is_refused(raw, commune):
    reply = raw.send(raw.body(raw.chain(2), commune="000.00.20.H12"))
    assert reason(reply) == (403, "commune.mismatch")
    assert reply.json()["error"]["detail"] == {"commune": "000.00.20.H12", "expected": commune}
    _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)


def test_a_broken_hash_chain_refuses_the_whole_batch(raw, commune):
    good = raw.chain(2)
    stray = seal(
        node=raw.node, seq=3, prev="f" * 64, at=good[-1].at, actor="tiepnhan",
        dossier=good[-1].dossier, type=good[-1].type, data={"n": 3},
    )  # fmt: skip
    reply = raw.send(raw.body([*good, stray]))
    assert reason(reply) == (409, "chain.broken")
    assert reply.json()["error"]["detail"]["seq"] == 3
    _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)


def test_a_rewritten_history_conflicts_with_what_the_hub_holds(raw, commune):
    original = raw.chain(2)
    assert raw.send(raw.body(original)).status_code == 200
    head = raw.head()
    rewritten = raw.chain(2)  # same seqs, new ids and hashes
    reply = raw.send(raw.body(rewritten))
    assert reason(reply) == (409, "event.conflict")
    _unchanged(raw, commune, head=head, count=2)


def test_a_gap_names_the_seq_the_hub_needs(raw, commune):
    events = raw.chain(5)
    reply = raw.send(raw.body(events[2:]))
    assert reason(reply) == (409, "chain.gap")
    assert reply.json()["error"]["detail"] == {"seq": 3, "expected_seq": 1}
    _unchanged(raw, commune, head=(0, GENESIS_HASH), count=0)


def test_an_event_id_used_by_another_node_is_refused(raw, hub, hub_engine, commune):
    first = raw.chain(1)
    assert raw.send(raw.body(first)).status_code == 200
    other = RawNode(hub.url, hub_engine, commune, slot=2)
    try:
        copy = seal(
            node=other.node, seq=1, prev=GENESIS_HASH, at=first[0].at, actor="tiepnhan",
            dossier=first[0].dossier, type=first[0].type, data={}, event_id=first[0].id,
        )  # fmt: skip
        reply = other.send(other.body([copy]))
        assert reason(reply) == (409, "event.id_taken")
        assert reply.json()["error"]["detail"]["id"] == first[0].id
        assert other.head() == (0, GENESIS_HASH)
        assert hub_event_count(hub_engine, commune) == 1
    finally:
        other.close()


def test_an_id_spelled_in_capitals_is_still_recognised_when_resent(raw, commune):
    event = seal(
        node=raw.node, seq=1, prev=GENESIS_HASH, at=raw.chain(1)[0].at, actor="tiepnhan",
        dossier=f"{commune}-250124-1001", type=raw.chain(1)[0].type, data={},
        event_id=str(uuid.uuid4()).upper(),
    )  # fmt: skip
    assert raw.send(raw.body([event])).json()["accepted"] == 1
    again = raw.send(raw.body([event])).json()
    assert (again["duplicates"], again["acknowledged_seq"]) == (1, 1)
    assert hub_event_count(raw.engine, commune) == 1


def test_pull_pages_serve_only_siblings_events_in_commune_order(raw, hub, hub_engine, commune):
    sibling = RawNode(hub.url, hub_engine, commune, slot=2)
    try:
        mine = raw.chain(10)
        assert raw.send(raw.body(mine[:5])).status_code == 200
        theirs = sibling.chain(4)
        assert sibling.send(sibling.body(theirs)).status_code == 200
        assert raw.send(raw.body(mine[5:])).status_code == 200
        seen, cursor, pages = [], 0, 0
        while True:
            page = sibling.send(b"", method="GET", path=f"/v1/events?after={cursor}&limit=3").json()
            seen += [e["id"] for e in page["events"]]
            cursor, pages = page["next"], pages + 1
            if not page["more"]:
                break
        assert seen == [e.id for e in mine]  # never its own events, in the order they arrived
        assert cursor == 14 and pages == 4
        empty = sibling.send(b"", method="GET", path=f"/v1/events?after={cursor}").json()
        assert (empty["events"], empty["next"], empty["more"]) == ([], 14, False)
        own_view = raw.send(b"", method="GET", path="/v1/events?after=0").json()
        assert [e["id"] for e in own_view["events"]] == [e.id for e in theirs]
        assert own_view["next"] == 14
    finally:
        sibling.close()
