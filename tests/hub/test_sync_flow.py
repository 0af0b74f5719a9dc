"""Counter PCs and the hub over real HTTP and PostgreSQL: enrol, push, pull, the same fold."""

from __future__ import annotations

import json
import socket

import pytest
from hub_helpers import hub_event_hashes
from sqlalchemy import delete, text, update

from motcua_desktop.cli.main import main
from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.hub.schema import communes, nodes
from motcua_desktop.hub.schema import events as hub_events
from motcua_desktop.hub.store import enroll as hub_enroll
from motcua_desktop.hub.store import issue_enroll_code
from motcua_desktop.services.sync import change_hub_url, enroll, sync_once, sync_status
from motcua_desktop.services.sync_client import HubClient, SyncError, SyncRefused


def test_acts_reach_the_hub_and_the_sibling_pc_folds_them_to_the_same_state(
    enrolled, hub_engine, commune
):
    first, second = enrolled(1), enrolled(2)
    codes = [first.receive(f"Người nộp {i}") for i in range(5)]
    assert sync_status(first.ws).waiting == 5

    report = sync_once(first.ws)

    assert (report.pushed, report.acknowledged_seq) == (5, 5)
    status = sync_status(first.ws)
    assert (status.online, status.waiting, status.last_error) == (True, 0, None)
    assert status.last_success == first.clock()
    assert hub_event_hashes(hub_engine, commune) == first.events()

    pulled = sync_once(second.ws)
    assert pulled.pulled == 5
    assert second.events() == first.events()
    # The sibling PC acts on a dossier received by the first; the first learns it on its next sync.
    second.clock.advance(minutes=5)
    second.service.hand_over(second.clerk, codes[0], "tuphap", note="Chuyển xử lý")
    sync_once(second.ws)
    assert sync_once(first.ws).pulled == 1
    assert first.events() == second.events() == hub_event_hashes(hub_engine, commune)
    for code in codes:
        assert first.service.state(code) == second.service.state(code)
    assert first.service.state(codes[0]).holder_user == "tuphap"


def test_a_second_sync_sends_nothing_and_resending_is_harmless(enrolled, hub_engine, commune):
    node = enrolled(1)
    node.receive()
    sync_once(node.ws)
    assert sync_once(node.ws).pushed == 0
    # The acknowledgement forgotten (e.g. a reply lost after the hub committed): duplicates only.
    with node.ws.db.writing() as session:
        session.execute(text("UPDATE sync_state SET acked_seq = 0"))
    assert sync_status(node.ws).waiting == len(node.own_events()) == 1
    again = sync_once(node.ws)
    assert (again.pushed, again.duplicates, again.acknowledged_seq) == (0, 1, 1)
    assert sync_status(node.ws).waiting == 0
    assert len(hub_event_hashes(hub_engine, commune)) == 1


def test_an_enrolment_code_works_once_and_only_for_its_commune(make_node, hub, hub_engine, commune):

    code, _ = issue_enroll_code(hub_engine, commune)
    enroll(make_node(1).ws, None, hub_url=hub.url, code=code)
    with pytest.raises(SyncRefused) as reused:
        enroll(make_node(2).ws, None, hub_url=hub.url, code=code)
    assert (reused.value.status, reused.value.reason) == (403, "enroll.code")
    other_code, _ = issue_enroll_code(hub_engine, "OTHER.H41")
    with pytest.raises(SyncRefused) as wrong_unit:
        enroll(make_node(3).ws, None, hub_url=hub.url, code=other_code)
    assert wrong_unit.value.reason == "enroll.unit"
    with pytest.raises(SyncRefused) as unknown:
        enroll(make_node(4).ws, None, hub_url=hub.url, code="not-a-code")
    assert unknown.value.reason == "enroll.code"


def test_an_enrolment_whose_reply_was_lost_can_be_redone_with_a_new_code(
    make_node, hub, hub_engine, commune
):

    node = make_node(1)
    first, _ = issue_enroll_code(hub_engine, commune)
    unit = str(node.ws.setting("unit_code"))
    hub_enroll(hub_engine, code=first, node=node.node_id, slot=1, unit_code=unit)  # reply lost
    second, _ = issue_enroll_code(hub_engine, commune)
    enroll(node.ws, None, hub_url=hub.url, code=second)
    node.receive()
    assert sync_once(node.ws).pushed == 1
    # Once the PC has synced, its id cannot be taken over with another code.
    third, _ = issue_enroll_code(hub_engine, commune)
    with pytest.raises(SyncRefused) as taken:
        hub_client_enroll(hub.url, third, node.node_id, unit)
    assert (taken.value.status, taken.value.reason) == (409, "enroll.exists")


def hub_client_enroll(url: str, code: str, node: str, unit: str) -> None:

    with HubClient(url) as client:
        client.enroll(code=code, node=node, slot=1, unit_code=unit, label="")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_without_network_the_node_keeps_its_events_and_shows_it_is_offline(enrolled, hub):
    """Then, the network back, the same node syncs with no one doing anything special."""
    node = enrolled(1)
    change_hub_url(node.ws, node.admin, f"http://127.0.0.1:{_closed_port()}")
    node.receive()
    with pytest.raises(SyncError) as offline:
        sync_once(node.ws)
    assert offline.value.code == "sync.offline" and offline.value.retry
    status = sync_status(node.ws)
    assert (status.online, status.waiting, status.last_success) == (False, 1, None)
    assert status.last_error and "Không kết nối được" in status.last_error
    change_hub_url(node.ws, node.admin, hub.url)
    assert sync_once(node.ws).pushed == 1
    assert sync_status(node.ws).online is True


def test_cli_sync_once_and_status_json(enrolled, hub_engine, commune, capsys):
    node = enrolled(1)
    node.receive()
    folder = str(node.ws.data_dir)
    assert main(["--data-dir", folder, "sync", "status", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert (before["waiting"], before["last_success"], before["enrolled"]) == (1, None, True)
    assert main(["--data-dir", folder, "sync", "--once", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 1
    assert main(["--data-dir", folder, "sync", "status", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["waiting"] == 0 and after["last_success"] and after["last_error"] is None
    assert after["online"] is True


def test_cli_hub_enroll_code_then_node_enrolls(make_node, hub, pg_url, commune, capsys):
    assert main(["hub", "enroll-code", "--db", pg_url, "--commune", commune, "--json"]) == 0
    code = json.loads(capsys.readouterr().out)["code"]
    node = make_node(1)
    folder = str(node.ws.data_dir)
    args = ["--data-dir", folder, "sync", "enroll", "--hub", hub.url, "--code", code, "--json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["commune"] == commune
    assert main(args) != 0  # a PC enrols once
    assert "sync.enrolled" in capsys.readouterr().out


def test_a_node_never_enrolled_is_told_how_to_enrol(make_node):
    node = make_node(1)
    with pytest.raises(MotcuaError) as missing:
        sync_once(node.ws)
    assert missing.value.code == "sync.not_enrolled"
    assert "motcua sync enroll" in missing.value.message


def test_cli_hub_publish_and_nodes_show_what_the_admin_needs(
    enrolled, pg_url, commune, tmp_path, capsys
):
    node = enrolled(1)
    node.receive("Đúng giờ")
    node.clock.advance(days=3)
    node.receive("Đồng hồ chạy nhanh")
    sync_once(node.ws)
    overrides = tmp_path / "calendar.json"
    overrides.write_text(
        json.dumps({"overrides": [{"day": "2025-09-01", "kind": "off", "note": "Nghỉ"}]}),
        encoding="utf-8",
    )
    db = ["--db", pg_url]
    assert main(["hub", "publish", "calendar", str(overrides), "--commune", commune, *db]) == 0
    assert "phiên bản 1" in capsys.readouterr().out
    assert main(["hub", "nodes", *db, "--json"]) == 0
    listed = [n for n in json.loads(capsys.readouterr().out) if n["commune"] == commune]
    assert [(n["node"], n["last_seq"], n["rejected"]) for n in listed] == [(node.node_id, 2, 1)]
    assert listed[0]["skew_ms"] is not None
    folder = str(node.ws.data_dir)
    assert main(["--data-dir", folder, "sync", "rejections", "--json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)
    assert (shown["seq"], shown["reason"]) == (2, "event.future")
    assert main(["--data-dir", folder, "sync", "--once", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["downward"] == {"calendar": 1}
    bad = tmp_path / "broken.json"
    bad.write_bytes(b"{not json")
    assert main(["hub", "publish", "users", str(bad), "--commune", commune, *db]) != 0


def test_a_hub_restored_from_an_older_backup_gets_the_missing_events_again(
    enrolled, hub_engine, commune
):
    node = enrolled(1)
    for i in range(3):
        node.receive(f"Người nộp {i}")
    sync_once(node.ws)
    first = node.own_events()[0]
    with hub_engine.begin() as conn:  # the hub's database as it was after the first event
        conn.execute(
            delete(hub_events).where(hub_events.c.node == node.node_id, hub_events.c.seq > 1)
        )
        conn.execute(
            update(nodes).where(nodes.c.id == node.node_id).values(last_seq=1, last_hash=first.hash)
        )
        conn.execute(update(communes).where(communes.c.unit_code == commune).values(last_pos=1))
    node.receive("Sau khi máy chủ khôi phục")
    report = sync_once(node.ws)
    assert (report.pushed, report.acknowledged_seq) == (3, 4)
    assert hub_event_hashes(hub_engine, commune) == node.events()
    assert sync_status(node.ws).waiting == 0
