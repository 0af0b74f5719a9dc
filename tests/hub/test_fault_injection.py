"""Three PCs of one commune work through a hostile network and hub restarts, then agree exactly.

A proxy between the PCs and the hub cuts requests halfway, loses replies after the hub has
committed, sends requests twice and delays them; the hub is restarted several times while the
PCs' background workers keep syncing. Afterwards the hub and every PC hold the identical set of
events (same ids, same hashes), nothing twice, nothing lost, and every dossier folds to the same
state everywhere.
"""

from __future__ import annotations

import json
import random
import threading
from collections import defaultdict

from fault_proxy import FaultProxy
from hub_helpers import hub_event_count
from sqlalchemy import select, text

from motcua_desktop.domain.dossier import fold
from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.domain.events import Event, verify_chain
from motcua_desktop.hub.schema import events as hub_events
from motcua_desktop.hub.server import HubServer
from motcua_desktop.services.sync import change_hub_url, sync_once, sync_status
from motcua_desktop.services.sync_client import SyncError
from motcua_desktop.services.sync_worker import SyncWorker

ACTS_PER_NODE = 1000
RESTARTS = 3


def _work(node, rng: random.Random, codes: list[str], errors: list[BaseException]) -> None:
    """Receive dossiers and act on any dossier the PC knows (its own or pulled from siblings)."""
    try:
        for i in range(ACTS_PER_NODE):
            node.clock.advance(seconds=rng.randint(1, 5))
            if not codes or rng.random() < 0.55:
                codes.append(node.receive(f"Người nộp {i}"))
                continue
            code = rng.choice(codes)
            act = rng.choice(("handover", "result", "return"))
            try:
                if act == "handover":
                    node.service.hand_over(node.clerk, code, "tuphap", note=f"lượt {i}")
                elif act == "result":
                    node.service.record_result(node.leader, code, note="")
                else:
                    node.service.return_result(node.clerk, code)
            except MotcuaError:
                pass  # not allowed in the dossier's state: nothing written, the clerk moves on
            if i % 25 == 0:  # now and then, work on dossiers a sibling received
                codes.extend(_known_codes(node)[-5:])
    except BaseException as exc:  # noqa: BLE001 - reported by the test thread
        errors.append(exc)


def _known_codes(node) -> list[str]:
    with node.ws.db.reading() as session:
        return [r[0] for r in session.execute(text("SELECT code FROM dossiers ORDER BY id"))]


def _hub_events(engine, commune: str) -> list[Event]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(hub_events.c.wire)
            .where(hub_events.c.commune == commune)
            .order_by(hub_events.c.pos)
        )
        return [Event.from_wire(json.loads(r[0])) for r in rows]


def _states(events: list[Event]) -> dict[str, object]:
    by_dossier: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_dossier[event.dossier].append(event)
    return {code: fold(evs) for code, evs in by_dossier.items()}


def _read_model(node) -> list[tuple[object, ...]]:
    with node.ws.db.reading() as session:
        return [
            tuple(r)
            for r in session.execute(
                text(
                    "SELECT code, status, holder_user, needs_review, appointment, resolved_at, "
                    "state FROM dossiers ORDER BY code"
                )
            )
        ]


def _drain(nodes) -> None:
    """Sync every PC until nothing waits anywhere (the network is healthy again)."""
    for _round in range(6):
        for node in nodes:
            try:
                sync_once(node.ws)
            except SyncError:
                continue
        if all(sync_status(n.ws).waiting == 0 for n in nodes):
            for node in nodes:  # one more pull each, now that every push is in
                sync_once(node.ws)
            return
    raise AssertionError("the PCs did not drain their outboxes")


def test_three_pcs_converge_through_cuts_losses_duplicates_delays_and_restarts(
    enrolled, hub_engine, commune
):
    server = HubServer(hub_engine).start()
    port = server.port
    proxy = FaultProxy(port, seed=20251124)
    nodes = [enrolled(slot) for slot in (1, 2, 3)]
    for node in nodes:
        change_hub_url(node.ws, node.admin, proxy.url)
    workers = [
        SyncWorker(
            n.ws, interval=0.5, poll=0.05, base_delay=0.05, max_delay=0.4, rng=random.Random(s)
        )
        for s, n in enumerate(nodes)
    ]
    for worker in workers:
        worker.start()
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_work, args=(n, random.Random(10 + s), [], errors))
        for s, n in enumerate(nodes)
    ]
    restarts = 0
    try:
        for thread in threads:
            thread.start()
        # Restart the hub every ~2 s while the PCs work, and go on restarting after they stop
        # if they finished early (a fast machine): their workers are still pushing the backlog.
        while restarts < RESTARTS or any(t.is_alive() for t in threads):
            for thread in threads:
                thread.join(timeout=2.0 / len(threads))
            if restarts < RESTARTS:
                server.stop()
                server = HubServer(hub_engine, port=port).start()
                restarts += 1
        for thread in threads:
            thread.join()
    finally:
        for worker in workers:
            worker.stop()
    assert not errors, errors
    proxy.faulty = False
    _drain(nodes)
    server.stop()
    proxy.close()

    # The faults really happened.
    assert restarts == RESTARTS
    for fault in ("cut_request", "lose_reply", "duplicate_first", "duplicate_after", "delay"):
        assert proxy.counts[fault] > 0, proxy.counts

    hub_list = _hub_events(hub_engine, commune)
    hub_set = {e.id: e.hash for e in hub_list}
    assert len(hub_list) == len(hub_set) == hub_event_count(hub_engine, commune)
    assert len(hub_set) >= 2000  # a few thousand events: most acts write one
    own = {}
    for node in nodes:
        own.update({e.id: e.hash for e in node.own_events()})
        verify_chain(node.own_events())
    assert hub_set == own  # none lost, none invented
    for node in nodes:
        assert node.events() == hub_set
        assert sync_status(node.ws).waiting == 0
    # Each node's chain as the hub holds it verifies from genesis.
    by_node: dict[str, list[Event]] = defaultdict(list)
    for event in hub_list:
        by_node[event.node].append(event)
    for chain in by_node.values():
        verify_chain(sorted(chain, key=lambda e: e.seq))
    # The same fold everywhere: the hub's events and every PC's stored dossier rows agree.
    hub_states = _states(hub_list)
    first_model = _read_model(nodes[0])
    assert len(first_model) == len(hub_states)
    for node in nodes:
        assert _read_model(node) == first_model
        for code in list(hub_states)[::7]:
            assert node.service.state(code) == hub_states[code]
