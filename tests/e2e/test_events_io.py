"""Events out of one counter PC and into its sibling: JSON Lines, idempotent, all-or-nothing."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from motcua_desktop.domain.dossier import Status
from motcua_desktop.domain.errors import ImportFailed, PermissionDenied
from motcua_desktop.domain.events import Event, canonical_json
from motcua_desktop.services import events_io, lookup
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.storage.eventstore import waiting_count

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def request(name: str) -> IntakeRequest:
    return IntakeRequest("1.004873", ApplicantInput(name=name, phone="0912345678"))


@pytest.fixture
def pcs(make_node):
    """Two PCs of the same commune; A has a returned dossier and an open one (8 events)."""
    a, b = make_node(0), make_node(1)
    service = a.service
    done = service.receive(a.clerk, request("Nguyễn Văn Đức")).code
    a.clock.advance(minutes=30)
    service.hand_over(a.clerk, done, "tuphap")
    a.clock.set(datetime(2025, 2, 3, 10, 0, tzinfo=TZ))
    service.record_result(a.officer, done)
    service.hand_over(a.officer, done, "tiepnhan")
    a.clock.advance(hours=1)
    service.return_result(a.clerk, done, satisfaction="satisfied")
    pending = service.receive(a.clerk, request("Trần Thị Đào")).code
    service.hand_over(a.clerk, pending, "tuphap")
    return a, b, (done, pending)


def export(node) -> list[str]:
    out = io.StringIO()
    count = events_io.export_events(node.ws, out)
    lines = out.getvalue().splitlines(keepends=True)
    assert count == len(lines)
    return lines


def stored_events(node) -> dict[str, str]:
    """id -> hash of every event the PC holds."""
    out = io.StringIO()
    events_io.export_events(node.ws, out)
    return {e["id"]: e["hash"] for e in map(json.loads, out.getvalue().splitlines())}


def tamper(line: str, **changes: object) -> str:
    """The same event with some fields changed and the original hash kept."""
    wire = json.loads(line)
    for key, value in changes.items():
        if key == "name":
            wire["data"]["applicant"]["name"] = value
        else:
            wire[key] = value
    return json.dumps(wire, ensure_ascii=False) + "\n"


def test_sibling_imports_the_same_events_and_folds_the_same_dossiers(pcs):
    a, b, codes = pcs
    own = b.service.receive(b.clerk, request("Lê Văn Dũng")).code
    lines = export(a)
    assert len(lines) == 8

    report = events_io.import_events(b.ws, b.admin, lines)

    assert (report.stored, report.duplicates, report.errors) == (8, 0, [])
    assert report.dossiers == set(codes)
    held, source = stored_events(b), stored_events(a)
    assert len(held) == 9 and held.items() >= source.items()  # same ids, same hashes, plus B's own
    for code in codes:
        assert b.service.state(code) == a.service.state(code)
    # The sibling's lists and search box see the imported dossiers like its own.
    [row] = lookup.search(b.ws, "nguyen van duc")
    assert (row.code, row.status, row.holder_user) == (codes[0], Status.RETURNED, "tiepnhan")
    assert {r.code for r in lookup.with_status(b.ws, Status.PROCESSING)} == {codes[1], own}
    # A's events are a sibling's: B's upload queue still holds only B's own event.
    with b.ws.db.reading() as session:
        assert waiting_count(session, str(b.ws.setting("node_id"))) == 1


def test_reimport_is_idempotent(pcs):
    a, b, codes = pcs
    lines = export(a)
    events_io.import_events(b.ws, b.admin, lines)
    before = stored_events(b)
    state = b.service.state(codes[0])

    again = events_io.import_events(b.ws, b.admin, lines)

    assert (again.stored, again.duplicates, again.errors) == (0, 8, [])
    assert stored_events(b) == before
    assert b.service.state(codes[0]) == state


def test_later_events_continue_the_chain_after_an_earlier_import(pcs):
    a, b, codes = pcs
    events_io.import_events(b.ws, b.admin, export(a))
    a.clock.advance(hours=2)
    a.service.record_result(a.officer, codes[1])

    report = events_io.import_events(b.ws, b.admin, export(a))

    assert (report.stored, report.duplicates) == (1, 8)
    assert b.service.state(codes[1]).status is Status.RESULT_READY


def test_tampered_event_is_refused_and_nothing_is_written(pcs):
    a, b, _codes = pcs
    lines = export(a)
    lines[5] = tamper(lines[5], actor="ke-gian")  # data changed, hash kept

    with pytest.raises(ImportFailed) as err:
        events_io.import_events(b.ws, b.admin, lines)

    [error] = err.value.errors
    assert (error.code, error.row) == ("event.hash", 6)
    assert "không khớp" in error.message
    assert stored_events(b) == {}
    assert lookup.search(b.ws, "nguyen van duc") == []


def test_tampered_applicant_data_is_refused(pcs):
    a, b, _codes = pcs
    lines = export(a)
    lines[0] = tamper(lines[0], name="Người Khác")

    with pytest.raises(ImportFailed) as err:
        events_io.import_events(b.ws, b.admin, lines)

    assert [(e.code, e.row) for e in err.value.errors] == [("event.hash", 1)]
    assert stored_events(b) == {}


def test_rewritten_event_with_a_fresh_hash_conflicts_with_the_stored_one(pcs):
    a, b, codes = pcs
    lines = export(a)
    events_io.import_events(b.ws, b.admin, lines)
    forged = json.loads(lines[0])
    forged["data"]["applicant"]["name"] = "Người Khác"
    body = {k: v for k, v in forged.items() if k != "hash"}
    forged["hash"] = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    assert Event.from_wire(forged).hash == forged["hash"]  # a well-formed forgery

    with pytest.raises(ImportFailed) as err:
        events_io.import_events(b.ws, b.admin, [json.dumps(forged, ensure_ascii=False)])

    assert [e.code for e in err.value.errors] == ["event.conflict"]
    assert b.service.state(codes[0]).applicant["name"] == "Nguyễn Văn Đức"


def test_gap_in_seq_is_refused_and_nothing_is_written(pcs):
    a, b, _codes = pcs
    lines = export(a)
    del lines[3]  # seq 4 missing: seq 5 cannot follow seq 3

    with pytest.raises(ImportFailed) as err:
        events_io.import_events(b.ws, b.admin, lines)

    [error] = err.value.errors
    assert error.code == "event.gap"
    assert error.params["seq"] == 5 and error.params["expected"] == 4
    assert stored_events(b) == {}  # seq 1–3 were fine, but the import is all-or-nothing


def test_unreadable_lines_are_reported_with_their_line_numbers(pcs):
    a, b, _codes = pcs
    good = [line.encode("utf-8") for line in export(a)]
    wire = json.loads(good[2])
    wire["type"] = "teleported"
    lines = [
        good[0],
        b"{not json at all\n",
        good[1],
        b"\xff\xfe garbage \xc3\x28\n",
        json.dumps(wire).encode("utf-8") + b"\n",
        b"\n",  # blank lines are allowed
        *good[2:],
    ]

    with pytest.raises(ImportFailed) as err:
        events_io.import_events(b.ws, b.admin, lines)

    found = [(e.code, e.row) for e in err.value.errors]
    assert found == [("event.json", 2), ("event.encoding", 4), ("event.type", 5)]
    assert "teleported" in err.value.errors[2].message
    assert all(e.message.startswith(f"Dòng {e.row}") for e in err.value.errors)
    assert stored_events(b) == {}


def test_each_bad_line_is_named_once_in_plain_vietnamese(pcs):
    a, b, _codes = pcs
    lines = [*export(a)[:1], "{oops\n", b"\xff\xfe\n"]

    report = events_io.import_events(b.ws, b.admin, lines, partial=True)

    assert [e.row for e in report.errors] == [2, 3]
    for error in report.errors:
        assert error.message.count(f"Dòng {error.row}") == 1, error.message
    assert "codec" not in report.errors[1].message


def test_partial_import_stores_the_good_events_and_reports_the_bad(pcs):
    a, b, codes = pcs
    good = export(a)
    lines = [*good[:7], "{oops\n", tamper(good[7], actor="ke-gian")]

    report = events_io.import_events(b.ws, b.admin, lines, partial=True)

    assert report.stored == 7
    assert [(e.code, e.row) for e in report.errors] == [("event.json", 8), ("event.hash", 9)]
    assert set(stored_events(b)) == set(list(stored_events(a))[:7])
    assert b.service.state(codes[0]) == a.service.state(codes[0])
    assert b.service.state(codes[1]).holder_user == "tiepnhan"  # the last hand-over is missing

    # Once the genuine file arrives, the rest chains on.
    again = events_io.import_events(b.ws, b.admin, good)
    assert (again.stored, again.duplicates) == (1, 7)
    assert b.service.state(codes[1]) == a.service.state(codes[1])


def test_only_an_admin_imports_events(pcs):
    a, b, _codes = pcs
    with pytest.raises(PermissionDenied):
        events_io.import_events(b.ws, b.clerk, export(a))
    assert stored_events(b) == {}


def test_malformed_event_id_is_reported_as_such(pcs):
    a, b, _codes = pcs
    wire = json.loads(export(a)[0])
    wire["id"] = "not-a-uuid"

    with pytest.raises(ImportFailed) as err:
        events_io.import_events(b.ws, b.admin, [json.dumps(wire)])

    [error] = err.value.errors
    assert error.field == "id"
