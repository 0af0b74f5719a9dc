"""The ``motcua`` command line, in-process through ``main`` and twice through the installed script."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from motcua_desktop.cli.main import main
from motcua_desktop.domain.dossier import Status
from motcua_desktop.services import lookup
from motcua_desktop.services.demo import DEMO_PASSWORD
from motcua_desktop.services.workspace import open_workspace

FAKE_NOW = "2025-01-24T09:00:00+07:00"  # Friday before Tết 2025
DEMO_NOW = "2025-03-14T10:00:00+07:00"
THREE_DAYS = "1.004873"
CODE = re.compile(r"^000\.12\.34\.H40-\d{6}-\d{4}$")
BROKEN_CSV = Path(__file__).resolve().parents[1] / "fixtures" / "catalog" / "broken.csv"
MOTCUA = Path(sys.executable).with_name("motcua")
ENV_NAMES = ("MOTCUA_USER", "MOTCUA_PASSWORD", "MOTCUA_ADMIN_PASSWORD", "MOTCUA_NEW_PASSWORD")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli_env(monkeypatch, password):
    """The device time and the signed-in clerk, as a counter PC's script would set them."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MOTCUA_FAKE_NOW", FAKE_NOW)
    monkeypatch.setenv("MOTCUA_USER", "tiepnhan")
    monkeypatch.setenv("MOTCUA_PASSWORD", password)


@pytest.fixture
def motcua(capsys, cli_env):
    def run(*argv: object) -> Run:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


@pytest.fixture
def data_dir(make_data_dir) -> Path:
    """An initialised PC with the demo catalog and users tiepnhan, tuphap, chutich, admin."""
    return make_data_dir(0)


def counts(motcua, folder: Path) -> tuple[int, int]:
    """(dossiers, events) as ``motcua status`` reports them."""
    status = motcua("--data-dir", folder, "status", "--json")
    assert status.code == 0, status.err
    return status.json()["dossiers"], status.json()["events"]


def receive(motcua, folder: Path, *extra: object) -> Run:
    return motcua(
        "--data-dir", folder, "dossier", "receive", "--procedure", THREE_DAYS,
        "--name", "Nguyễn Văn An", *extra,
    )  # fmt: skip


# ---- init ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """``motcua init --demo`` once per module (it takes seconds): (folder, exit code, stdout)."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        for name in ENV_NAMES:
            mp.delenv(name, raising=False)
        mp.setenv("MOTCUA_FAKE_NOW", DEMO_NOW)
        with contextlib.redirect_stdout(out):
            code = main(["--data-dir", str(folder), "init", "--demo", "--json"])
    return folder, code, out.getvalue()


def test_init_demo_needs_nothing_else_and_gives_a_living_counter(demo):
    folder, code, out = demo
    assert code == 0
    summary = json.loads(out)
    assert summary["commune_name"] == "Xã Hòa Phú"
    assert summary["procedures"] >= 50
    assert summary["dossiers"] >= 200
    assert summary["events"] > summary["dossiers"]

    ws = open_workspace(folder)
    try:
        by_status = {s: len(lookup.with_status(ws, s)) for s in Status}
        overdue = lookup.open_due_before(ws, datetime.fromisoformat(DEMO_NOW))
        review = lookup.needs_review(ws)
    finally:
        ws.close()
    assert sum(by_status.values()) == summary["dossiers"]
    living = {Status.PROCESSING, Status.WAITING_SUPPLEMENT, Status.RESULT_READY, Status.RETURNED}
    assert all(by_status[s] > 0 for s in living), by_status
    assert sum(1 for n in by_status.values() if n) >= 6, by_status
    assert overdue, "the demo should show late dossiers"
    assert review, "the demo should show at least one dossier that needs review"


def test_demo_staff_can_work_at_once(demo, tmp_path, motcua, monkeypatch):
    folder = tmp_path / "demo-copy"
    shutil.copytree(demo[0], folder)
    monkeypatch.setenv("MOTCUA_FAKE_NOW", DEMO_NOW)
    monkeypatch.setenv("MOTCUA_PASSWORD", DEMO_PASSWORD)

    run = receive(motcua, folder, "--json")

    assert run.code == 0, run.err
    assert run.json()["code"].startswith("000.12.34.H40-250314-")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--unit-code", "000.12.34.H40"], "commune"),
        (["--commune", "Xã Hòa Phú"], "unit-code"),
        ([], "commune"),
    ],
)
def test_init_without_a_required_field_names_it_and_creates_nothing(motcua, tmp_path, args, field):
    folder = tmp_path / "new"

    run = motcua("--data-dir", folder, "init", *args, "--admin-password", "matkhau-2025")

    assert run.code == 2
    assert f"«{field}»" in run.err
    assert "Thiếu" in run.err and "--demo" in run.err
    assert not folder.exists()
    as_json = motcua("--data-dir", folder, "init", *args, "--admin-password", "x" * 8, "--json")
    assert as_json.code == 2
    assert as_json.json()["error"]["field"] == field


def test_real_init_then_catalog_import_is_all_or_nothing(motcua, tmp_path, password):
    folder = tmp_path / "fresh"
    init = motcua(
        "--data-dir", folder, "init", "--commune", "Xã Hòa Phú", "--unit-code", "000.12.34.h40",
        "--admin-password", password, "--node-slot", "2", "--json",
    )  # fmt: skip
    assert init.code == 0, init.err
    assert (init.json()["unit_code"], init.json()["node_slot"]) == ("000.12.34.H40", 2)
    assert init.json()["procedures"] == 0
    again = motcua("--data-dir", folder, "init", "--commune", "Xã Khác", "--unit-code", "X1",
                   "--admin-password", password)  # fmt: skip
    assert again.code != 0 and "đã được khởi tạo" in again.err

    broken = motcua("--data-dir", folder, "catalog", "import", BROKEN_CSV, "--user", "admin")

    assert broken.code == 2
    for row in range(3, 9):  # every bad row, by its line in the file
        assert f"Dòng {row}," in broken.err
    assert "không có dòng nào được ghi" in broken.err
    assert motcua("--data-dir", folder, "catalog", "list", "--json").json() == []

    as_json = motcua("--data-dir", folder, "catalog", "import", BROKEN_CSV, "--user", "admin",
                     "--json")  # fmt: skip
    assert [e["row"] for e in as_json.json()["error"]["errors"]] == [3, 4, 5, 6, 7, 8]

    partial = motcua("--data-dir", folder, "catalog", "import", BROKEN_CSV, "--user", "admin",
                     "--partial", "--json")  # fmt: skip
    assert partial.code == 0, partial.err
    assert partial.json()["added"] == 2
    assert [e["row"] for e in partial.json()["errors"]] == [3, 4, 5, 6, 7, 8]
    listed = motcua("--data-dir", folder, "catalog", "list", "--json").json()
    assert sorted(p["code"] for p in listed) == ["1.001193", "2.000635"]


def test_catalog_import_by_a_clerk_is_refused(motcua, data_dir):
    run = motcua("--data-dir", data_dir, "catalog", "import", BROKEN_CSV, "--partial")
    assert run.code == 3
    assert "không được phép" in run.err


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_missing_argument_is_reported_in_vietnamese(motcua, capsys, data_dir, as_json):
    argv = ["--data-dir", str(data_dir), "dossier", "receive", "--name", "Nguyễn Văn An"]

    with pytest.raises(SystemExit) as stop:
        main(argv + (["--json"] if as_json else []))

    out, err = capsys.readouterr()
    assert stop.value.code == 2
    if as_json:
        assert json.loads(out)["error"]["field"] == "procedure"
    else:
        assert "Thiếu tham số bắt buộc: --procedure" in err
    assert counts(motcua, data_dir) == (0, 0)


# ---- deadline -----------------------------------------------------------------------------


def test_deadline_without_a_database_prints_one_json_object(motcua, tmp_path):
    folder = tmp_path / "nothing-here"

    run = motcua("--data-dir", folder, "deadline", "--received", "2025-01-24T09:00", "--days", "3",
                 "--json")  # fmt: skip

    assert run.code == 0, run.err
    assert run.json() == {"due": "2025-02-05T17:00:00+07:00"}
    assert run.err == ""
    assert not folder.exists()


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (
            ["--received", "2025-01-23T15:30", "--same-day", "--cutoff", "15:00"],
            "2025-01-24T17:00:00+07:00",
        ),
        (
            ["--received", "2025-01-23T14:30", "--same-day", "--cutoff", "15:00"],
            "2025-01-23T17:00:00+07:00",
        ),
        (["--received", "2025-01-24T15:30", "--same-day"], "2025-02-03T17:00:00+07:00"),
        (["--received", "2025-01-23T09:00", "--hours", "8"], "2025-01-24T09:30:00+07:00"),
        (["--received", "2025-01-24T09:00+07:00", "--days", "3"], "2025-02-05T17:00:00+07:00"),
    ],
    ids=[
        "same-day-after-cutoff",
        "same-day-before-cutoff",
        "same-day-before-tet",
        "8-hours",
        "offset",
    ],
)
def test_deadline_on_the_working_calendar(motcua, tmp_path, args, due):
    run = motcua("--data-dir", tmp_path / "none", "deadline", *args, "--json")
    assert run.code == 0, run.err
    assert run.json() == {"due": due}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--received", "24/01/2025", "--days", "3"], "received"),
        (["--received", "2025-01-24T09:00", "--same-day", "--cutoff", "25:00"], "cutoff"),
        (["--received", "2025-01-24T09:00", "--days", "0"], "processing_time"),
    ],
)
def test_deadline_bad_input_names_the_field(motcua, tmp_path, args, field):
    run = motcua("--data-dir", tmp_path / "none", "deadline", *args)
    assert run.code == 2
    assert f"«{field}»" in run.err
    assert run.out == ""


def test_calendar_override_is_honoured_by_deadline(motcua, data_dir, monkeypatch):
    args = ("--data-dir", data_dir, "deadline", "--received", "2026-12-30T09:00", "--days", "1")
    assert motcua(*args, "--json").json() == {"due": "2026-12-31T17:00:00+07:00"}

    denied = motcua("--data-dir", data_dir, "calendar", "override", "add", "2026-12-31", "off")
    assert denied.code == 3
    monkeypatch.setenv("MOTCUA_USER", "admin")
    added = motcua("--data-dir", data_dir, "calendar", "override", "add", "2026-12-31", "off",
                   "--note", "Nghỉ bù theo thông báo của tỉnh", "--json")  # fmt: skip
    assert added.code == 0, added.err

    # 31/12 off, 01/01 New Year, then the weekend: Monday 04/01/2027.
    assert motcua(*args, "--json").json() == {"due": "2027-01-04T17:00:00+07:00"}
    listed = motcua("--data-dir", data_dir, "calendar", "override", "list", "--json").json()
    assert listed == [
        {"date": "2026-12-31", "kind": "day_off", "note": "Nghỉ bù theo thông báo của tỉnh"}
    ]


# ---- dossier receive ----------------------------------------------------------------------


def test_receive_records_how_the_fee_is_paid(motcua, data_dir):
    paid = receive(motcua, data_dir, "--fee", "15000", "--payment", "online", "--json")
    assert paid.code == 0, paid.err
    assert paid.json()["events"][0]["data"]["payment"] == "online"
    assert paid.json()["state"]["payment"] == "online"
    no_fee = receive(motcua, data_dir, "--payment", "direct")
    assert no_fee.code == 2 and "phí" in no_fee.err


def test_receive_json_returns_the_code_and_the_appointment(motcua, data_dir):
    run = receive(motcua, data_dir, "--phone", "+84 912 345 678", "--json")

    assert run.code == 0, run.err
    result = run.json()
    assert result["code"] == "000.12.34.H40-250124-0001"
    assert result["state"]["appointment"] == "2025-02-05T17:00:00+07:00"
    assert result["state"]["applicant"]["phone"] == "0912345678"
    assert result["events"][0]["actor"] == "tiepnhan"
    assert result["warnings"] == []

    text = receive(motcua, data_dir)
    assert text.code == 0
    assert "000.12.34.H40-250124-0002" in text.out
    assert "Hẹn trả: 17:00 05/02/2025" in text.out


BAD_INTAKE = [
    pytest.param(["--birth-date", "24/01/1990"], 2, "birth_date", id="malformed-birth-date"),
    pytest.param(["--procedure", "9.999999"], 4, "9.999999", id="unknown-procedure"),
    pytest.param(
        ["--id-number", "001095012345", "--birth-date", "1990-05-01"],
        2,
        "id_number",
        id="id-contradicts-birth-date",
    ),  # fmt: skip
    pytest.param(["--id-number", "040123456"], 2, "CMND", id="old-9-digit-id-unconfirmed"),
    pytest.param(["--id-number", "04012345"], 2, "id_number", id="8-digit-id"),
    pytest.param(["--name", ""], 2, "applicant.name", id="empty-name"),
    pytest.param(["--name", "   "], 2, "applicant.name", id="blank-name"),
    pytest.param(["--name", "A" * 10_000], 2, "10000", id="10000-character-name"),
    pytest.param(["--name", "Nguyễn\x07Văn An"], 2, "applicant.name", id="control-character"),
    pytest.param(["--name", "Nguyễn Văn\x00An"], 2, "applicant.name", id="nul-character"),
    pytest.param(["--phone", "+1 202 555 0100"], 2, "phone", id="foreign-phone"),
    pytest.param(["--phone", "091234567"], 2, "phone", id="short-phone"),
    pytest.param(["--birth-date", "2099-01-01"], 2, "birth_date", id="future-birth-date"),
]


@pytest.mark.parametrize(("extra", "exit_code", "named"), BAD_INTAKE)
def test_bad_intake_is_refused_with_a_clear_message_and_nothing_written(
    motcua, data_dir, extra, exit_code, named
):
    before = counts(motcua, data_dir)

    run = receive(motcua, data_dir, *extra)

    assert run.code == exit_code
    assert run.err.startswith("Lỗi: ")
    assert named in run.err
    assert run.out == ""
    as_json = receive(motcua, data_dir, *extra, "--json")
    assert as_json.code == exit_code
    assert named in json.dumps(as_json.json()["error"], ensure_ascii=False)
    assert counts(motcua, data_dir) == before


def test_id_contradicting_the_birth_date_is_accepted_once_confirmed(motcua, data_dir):
    args = ("--id-number", "001095012345", "--birth-date", "1990-05-01", "--confirm-warnings")

    run = receive(motcua, data_dir, *args, "--json")

    assert run.code == 0, run.err
    assert [w["code"] for w in run.json()["warnings"]] == ["id_number.birth_mismatch"]
    assert run.json()["state"]["applicant"]["id_number"] == "001095012345"
    text = receive(motcua, data_dir, *args)
    assert "Cảnh báo:" in text.out and "1995" in text.out


def test_old_nine_digit_id_is_accepted_with_a_warning_when_confirmed(motcua, data_dir):
    run = receive(motcua, data_dir, "--id-number", "040 123 456", "--confirm-warnings", "--json")

    assert run.code == 0, run.err
    assert [w["code"] for w in run.json()["warnings"]] == ["id_number.old_cmnd"]
    assert run.json()["state"]["applicant"]["id_number"] == "040123456"
    [row] = motcua("--data-dir", data_dir, "dossier", "search", "040123456", "--json").json()
    assert row["code"] == run.json()["code"]


def test_name_typed_in_nfd_is_stored_in_nfc(motcua, data_dir):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    assert nfd != "Nguyễn Thị Ánh Tuyết"
    code = receive(motcua, data_dir, "--name", nfd, "--json").json()["code"]

    shown = motcua("--data-dir", data_dir, "dossier", "show", code, "--json").json()

    assert shown["state"]["applicant"]["name"] == "Nguyễn Thị Ánh Tuyết"
    assert shown["events"][0]["data"]["applicant"]["name"] == "Nguyễn Thị Ánh Tuyết"
    found = motcua("--data-dir", data_dir, "dossier", "search", "anh tuyet", "--json").json()
    assert [r["code"] for r in found] == [code]


def test_sql_in_the_name_is_stored_literally(motcua, data_dir):
    name = "Robert'); DROP TABLE dossiers;--"
    before = counts(motcua, data_dir)

    run = receive(motcua, data_dir, "--name", name, "--json")

    assert run.code == 0, run.err
    shown = motcua("--data-dir", data_dir, "dossier", "show", run.json()["code"], "--json").json()
    assert shown["state"]["applicant"]["name"] == name
    assert counts(motcua, data_dir) == (before[0] + 1, before[1] + 1)
    found = motcua("--data-dir", data_dir, "dossier", "search", "robert", "--json").json()
    assert [r["applicant_name"] for r in found] == [name]


# ---- catalog and users --------------------------------------------------------------------


def test_catalog_search_ignores_diacritics_case_and_normalisation(motcua, data_dir):
    def codes(query: str) -> list[str]:
        run = motcua("--data-dir", data_dir, "catalog", "list", "--search", query, "--json")
        assert run.code == 0, run.err
        return [p["code"] for p in run.json()]

    reference = codes("đăng ký khai sinh")
    assert "1.001193" in reference
    assert "1.000894" not in reference  # kết hôn
    for query in (
        "dang ky khai sinh",
        "ĐĂNG KÝ KHAI SINH",
        unicodedata.normalize("NFD", "Đăng ký khai sinh"),
    ):
        assert codes(query) == reference
    assert set(reference) <= set(codes("khai sinh")) == set(codes("KHAI SINH"))


def test_user_add_by_a_non_admin_is_refused(motcua, data_dir):
    run = motcua("--data-dir", data_dir, "user", "add", "nguoimoi", "--role", "clerk",
                 "--full-name", "Người Mới", "--new-password", "matkhau-moi-1")  # fmt: skip

    assert run.code == 3
    assert "không được phép" in run.err and "quản lý người dùng" in run.err
    listed = motcua("--data-dir", data_dir, "user", "list", "--json").json()
    assert "nguoimoi" not in {u["username"] for u in listed}


def test_admin_adds_a_user_who_can_then_work(motcua, data_dir, monkeypatch):
    added = motcua("--data-dir", data_dir, "user", "add", "nguoimoi", "--role", "clerk",
                   "--full-name", "Người Mới", "--unit", "Bộ phận Một cửa",
                   "--new-password", "matkhau-moi-1", "--user", "admin", "--json")  # fmt: skip
    assert added.code == 0, added.err
    assert added.json()["role"] == "clerk"

    monkeypatch.setenv("MOTCUA_USER", "nguoimoi")
    monkeypatch.setenv("MOTCUA_PASSWORD", "matkhau-moi-1")
    run = receive(motcua, data_dir, "--json")
    assert run.code == 0, run.err
    assert run.json()["events"][0]["actor"] == "nguoimoi"


def test_user_passwd_changes_the_password_that_signs_in(motcua, data_dir, monkeypatch, password):
    changed = motcua("--data-dir", data_dir, "user", "passwd", "tiepnhan",
                     "--new-password", "matkhau-moi-2")  # fmt: skip
    assert changed.code == 0, changed.err

    old = receive(motcua, data_dir)
    assert old.code != 0
    assert "Sai tên đăng nhập hoặc mật khẩu" in old.err
    monkeypatch.setenv("MOTCUA_PASSWORD", "matkhau-moi-2")
    assert receive(motcua, data_dir).code == 0

    # A clerk cannot reset someone else's password; the officer's still works.
    other = motcua("--data-dir", data_dir, "user", "passwd", "tuphap",
                   "--new-password", "chiem-quyen-1")  # fmt: skip
    assert other.code == 3
    short = motcua("--data-dir", data_dir, "user", "passwd", "tiepnhan", "--new-password", "123")
    assert short.code == 2 and "«password»" in short.err
    own = motcua("--data-dir", data_dir, "user", "passwd", "tuphap", "--user", "tuphap",
                 "--password", password, "--new-password", "matkhau-moi-3")  # fmt: skip
    assert own.code == 0, own.err


def test_admin_locks_a_clerk_who_can_then_not_work_until_unlocked(motcua, data_dir, password):
    lock = motcua("--data-dir", data_dir, "user", "lock", "tiepnhan", "--user", "admin",
                  "--password", password, "--json")  # fmt: skip
    assert lock.code == 0, lock.err
    assert lock.json()["active"] is False
    refused = receive(motcua, data_dir)
    assert refused.code != 0 and "đã bị khóa" in refused.err
    self_lock = motcua("--data-dir", data_dir, "user", "lock", "admin", "--user", "admin",
                       "--password", password)  # fmt: skip
    assert self_lock.code == 2 and "chính mình" in self_lock.err
    unlock = motcua("--data-dir", data_dir, "user", "unlock", "tiepnhan", "--user", "admin",
                    "--password", password)  # fmt: skip
    assert unlock.code == 0 and "Đã mở khóa tài khoản tiepnhan" in unlock.out
    assert receive(motcua, data_dir).code == 0


# ---- show, search, review -----------------------------------------------------------------


def test_show_search_and_review_print_json(demo, motcua):
    folder = demo[0]

    review = motcua("--data-dir", folder, "dossier", "review", "--json")
    assert review.code == 0, review.err
    flagged = review.json()
    assert flagged and all(row["needs_review"] for row in flagged)
    code = flagged[0]["code"]
    assert CODE.match(code)

    shown = motcua("--data-dir", folder, "dossier", "show", code, "--json")
    assert shown.code == 0, shown.err
    detail = shown.json()
    assert detail["code"] == code
    assert detail["state"]["review"], "the flagged dossier explains why it needs review"
    assert [e["dossier"] for e in detail["events"]] == [code] * len(detail["events"])

    found = motcua("--data-dir", folder, "dossier", "search", code.lower(), "--json")
    assert found.code == 0
    assert [row["code"] for row in found.json()] == [code]
    name = detail["state"]["applicant"]["name"]
    by_name = motcua("--data-dir", folder, "dossier", "search", name, "--json").json()
    assert code in {row["code"] for row in by_name}

    missing = motcua("--data-dir", folder, "dossier", "show", "000.12.34.H40-250101-9999")
    assert missing.code == 4 and "Không tìm thấy" in missing.err


# ---- events export | import ---------------------------------------------------------------


def test_events_export_import_round_trip_between_two_data_dirs(motcua, make_data_dir, tmp_path):
    a, b = make_data_dir(0), make_data_dir(1)
    codes = [receive(motcua, a, "--name", name, "--json").json()["code"]
             for name in ("Nguyễn Văn Đức", "Trần Thị Đào")]  # fmt: skip
    handed = motcua("--data-dir", a, "dossier", "handover", codes[0], "--to", "tuphap")
    assert handed.code == 0, handed.err
    file = tmp_path / "events.jsonl"

    exported = motcua("--data-dir", a, "events", "export", "-o", file)
    assert exported.code == 0
    assert "Đã xuất 3 sự kiện" in exported.err
    to_stdout = motcua("--data-dir", a, "events", "export")
    assert [json.loads(line)["dossier"] for line in to_stdout.out.splitlines()] == [
        codes[0],
        codes[1],
        codes[0],
    ]
    assert file.read_text(encoding="utf-8") == to_stdout.out

    imported = motcua("--data-dir", b, "events", "import", file, "--user", "admin", "--json")
    assert imported.code == 0, imported.err
    assert imported.json() == {"stored": 3, "duplicates": 0, "dossiers": 2, "errors": []}
    for code in codes:
        there = motcua("--data-dir", b, "dossier", "show", code, "--json").json()
        here = motcua("--data-dir", a, "dossier", "show", code, "--json").json()
        assert there == here
    again = motcua("--data-dir", b, "events", "import", file, "--user", "admin", "--json").json()
    assert (again["stored"], again["duplicates"]) == (0, 3)

    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(file.read_bytes() + b"{broken\n")
    refused = motcua("--data-dir", a, "events", "import", bad, "--user", "admin")
    assert refused.code == 2
    assert "Dòng 4" in refused.err


# ---- the installed entry point ------------------------------------------------------------


def test_entry_point_computes_a_deadline(cli_env, tmp_path):
    folder = tmp_path / "none"
    done = subprocess.run(
        [MOTCUA, "--data-dir", folder, "deadline", "--received", "2025-01-24T09:00", "--days", "3",
         "--json"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"due": "2025-02-05T17:00:00+07:00"}
    assert not folder.exists()


def test_entry_point_pipes_events_from_one_pc_to_its_sibling(motcua, make_data_dir):
    a, b = make_data_dir(0), make_data_dir(1)
    code = receive(motcua, a, "--json").json()["code"]

    exporter = subprocess.Popen(
        [MOTCUA, "--data-dir", a, "events", "export"], stdout=subprocess.PIPE
    )
    try:
        importer = subprocess.run(
            [MOTCUA, "--data-dir", b, "events", "import", "--user", "admin", "--json"],
            stdin=exporter.stdout, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        assert exporter.stdout is not None
        exporter.stdout.close()
        exporter.wait(timeout=120)
    assert exporter.returncode == 0
    assert importer.returncode == 0, importer.stderr
    assert json.loads(importer.stdout)["stored"] == 1
    shown = motcua("--data-dir", b, "dossier", "show", code, "--json")
    assert shown.code == 0 and shown.json()["state"]["status"] == "processing"


# ---- settings -----------------------------------------------------------------------------


def test_settings_change_the_calendar_the_counter_uses(motcua, data_dir, monkeypatch):
    monkeypatch.setenv("MOTCUA_USER", "admin")
    assert motcua("--data-dir", data_dir, "settings", "set", "cutoff", "14:30").code == 0
    hours = motcua(
        "--data-dir", data_dir, "settings", "set", "office_hours", "07:00-11:00,13:00-16:30"
    )
    assert hours.code == 0, hours.err
    due = motcua(
        "--data-dir", data_dir, "deadline", "--received", "2025-01-24T14:45", "--same-day", "--json"
    )
    # After the 14:30 cut-off on the Friday before Tết: the next working day, at the new closing time.
    assert due.json() == {"due": "2025-02-03T16:30:00+07:00"}
    shown = motcua("--data-dir", data_dir, "settings", "show", "--json").json()
    assert shown["cutoff"] == "14:30" and shown["office_hours"] == [
        ["07:00", "11:00"],
        ["13:00", "16:30"],
    ]


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("cutoff", "25:00", "cutoff"),
        ("office_hours", "11:00-07:00", "office_hours"),
        ("lookup_url", "ftp://tra-cuu", "lookup_url"),
        ("unit_heads", "[1, 2]", "unit_heads"),
        ("no_such_key", "x", "no_such_key"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(
    motcua, data_dir, monkeypatch, key, value, field
):
    monkeypatch.setenv("MOTCUA_USER", "admin")
    before = motcua("--data-dir", data_dir, "settings", "show", "--json").json()
    run = motcua("--data-dir", data_dir, "--json", "settings", "set", key, value)
    assert run.code == 2
    assert run.json()["error"]["field"] == field
    assert motcua("--data-dir", data_dir, "settings", "show", "--json").json() == before


def test_only_an_admin_changes_settings(motcua, data_dir):
    run = motcua("--data-dir", data_dir, "settings", "set", "cutoff", "16:00")
    assert run.code == 3
    assert "không được phép" in run.err


def test_bad_act_input_exits_as_invalid_input_and_writes_nothing(motcua, data_dir):
    """Exit code 2 is bad input, whatever the act; 5 is kept for what the dossier's state forbids."""
    code = receive(motcua, data_dir, "--json").json()["code"]
    before = counts(motcua, data_dir)
    days = motcua("--data-dir", data_dir, "--json", "dossier", "apologize", code,
                  "--reason", "Chờ xác minh", "--days", "0")  # fmt: skip
    assert days.code == 2 and days.json()["error"]["field"] == "extra_days"
    target = motcua(
        "--data-dir", data_dir, "--json", "dossier", "handover", code, "--to", "khongco"
    )
    assert target.code == 2 and target.json()["error"]["field"] == "to_user"
    not_late = motcua("--data-dir", data_dir, "--json", "dossier", "apologize", code,
                      "--reason", "Chờ xác minh", "--days", "3")  # fmt: skip
    assert not_late.code == 5 and not_late.json()["error"]["code"] == "apology.not_late"
    assert counts(motcua, data_dir) == before
