"""The background worker syncs by itself after an outage; downward data reaches the PCs."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable

import pytest
from argon2 import PasswordHasher
from fault_proxy import FaultProxy
from hub_helpers import hub_event_hashes

from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.hub.store import publish
from motcua_desktop.services.calendar_service import list_overrides
from motcua_desktop.services.catalog import export_catalog, list_procedures
from motcua_desktop.services.sync import change_hub_url, sync_once, sync_status
from motcua_desktop.services.sync_client import SyncError
from motcua_desktop.services.sync_worker import SyncWorker, backoff_delay
from motcua_desktop.services.users import authenticate


def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Wait for a background thread's effect (polling; there is no event loop to wait on)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def test_backoff_grows_with_failures_stays_under_the_cap_and_is_jittered():
    rng = random.Random(3)
    delays = [[backoff_delay(n, base=1.0, cap=60.0, rng=rng) for _ in range(200)] for n in range(9)]
    for failures, samples in enumerate(delays):
        assert all(1.0 <= d <= min(60.0, 2.0**failures) for d in samples)
    assert len({round(d, 6) for d in delays[5]}) > 150  # jitter: PCs do not retry in lockstep
    assert max(delays[8]) > 30.0  # long outages back off towards the cap


def test_the_worker_notices_by_itself_when_the_network_returns(enrolled, hub, hub_engine, commune):
    node = enrolled(1)
    proxy = FaultProxy(hub.port)
    proxy.faulty = False
    change_hub_url(node.ws, node.admin, proxy.url)
    proxy.down = True
    seen: list[SyncError | None] = []
    worker = SyncWorker(
        node.ws, interval=0.2, poll=0.05, base_delay=0.05, max_delay=0.2,
        rng=random.Random(1), on_cycle=lambda _report, error: seen.append(error),
    )  # fmt: skip
    worker.start()
    try:
        codes = [node.receive(f"Người nộp {i}") for i in range(3)]
        _until(lambda: sync_status(node.ws).online is False and worker.failures >= 2)
        assert sync_status(node.ws).waiting == 3  # kept on the PC while the network is out
        assert hub_event_hashes(hub_engine, commune) == {}
        proxy.down = False  # the network comes back; nobody touches the PC
        _until(lambda: sync_status(node.ws).waiting == 0)
        _until(lambda: sync_status(node.ws).online is True)
        node.service.hand_over(node.clerk, codes[0], "tuphap")
        worker.wake()
        _until(lambda: len(hub_event_hashes(hub_engine, commune)) == 4)
    finally:
        worker.stop()
        proxy.close()
    assert any(e is not None and e.code == "sync.offline" for e in seen)
    assert seen[-1] is None and worker.failures == 0
    assert hub_event_hashes(hub_engine, commune) == node.events()


def test_catalog_calendar_and_users_flow_down_and_stay_when_the_hub_is_away(
    enrolled, hub, hub_engine, commune, tmp_path
):
    node, sibling = enrolled(1), enrolled(2)
    exported = tmp_path / "catalog.json"
    export_catalog(node.ws, exported)
    catalog = json.loads(exported.read_text(encoding="utf-8"))
    catalog["procedures"][0]["name"] = "Thủ tục đổi tên từ tỉnh"
    changed_code = catalog["procedures"][0]["code"]
    publish(hub_engine, commune, "catalog", catalog)
    publish(hub_engine, commune, "calendar", {"overrides": [
        {"day": "2025-04-30", "kind": "off", "note": "Nghỉ lễ"},
        {"day": "2025-04-26", "kind": "work", "note": "Làm bù"},
    ]})  # fmt: skip
    hashed = PasswordHasher().hash("mat-khau-tinh-cap")
    account = {"username": "canbo_tinh", "full_name": "Lê Thị Mai", "role": "clerk",
               "unit": "Bộ phận Một cửa", "password_hash": hashed, "active": True}  # fmt: skip
    publish(hub_engine, commune, "users", {"users": [account]})

    report = sync_once(node.ws)

    assert report.downward == {"catalog": 1, "calendar": 1, "users": 1}
    names = {p.code: p.name for p in list_procedures(node.ws)}
    assert names[changed_code] == "Thủ tục đổi tên từ tỉnh"
    assert {(o.day.isoformat(), o.kind.value) for o in list_overrides(node.ws)} >= {
        ("2025-04-30", "day_off"), ("2025-04-26", "working_day"),
    }  # fmt: skip
    assert authenticate(node.ws, "canbo_tinh", "mat-khau-tinh-cap").full_name == "Lê Thị Mai"
    assert sync_once(node.ws).downward == {}  # nothing new: nothing fetched twice
    # A newer version locks the account on every PC of the commune.
    publish(hub_engine, commune, "users", {"users": [account | {"active": False}]})
    assert sync_once(node.ws).downward == {"users": 2}
    assert sync_once(sibling.ws).downward == {"catalog": 1, "calendar": 1, "users": 2}
    for pc in (node, sibling):
        with pytest.raises(MotcuaError) as locked:
            authenticate(pc.ws, "canbo_tinh", "mat-khau-tinh-cap")
        assert locked.value.code == "user.inactive"
    # The hub away: the PC keeps what it has and goes on working.
    change_hub_url(node.ws, node.admin, "http://127.0.0.1:9")
    with pytest.raises(SyncError):
        sync_once(node.ws)
    assert {p.code: p.name for p in list_procedures(node.ws)}[
        changed_code
    ] == "Thủ tục đổi tên từ tỉnh"
    assert node.receive()
