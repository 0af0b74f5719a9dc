"""Printing every form for the demo commune's dossiers, checked on the PDF a clerk would hand out."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from print_helpers import (
    MM,
    barcodes,
    font_problems,
    margin_ink,
    page_count,
    page_texts,
    text,
    text_overlaps,
    top_margin_text,
)
from pypdf import PdfReader

from motcua_desktop.cli import main as cli_main
from motcua_desktop.cli import print_cmd
from motcua_desktop.domain.dossier import DossierState, Status
from motcua_desktop.domain.errors import StateError
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.documents import DocumentContext, DossierFacts, render_receipt
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.lookup import with_status
from motcua_desktop.services.printing import PrintService
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import Workspace

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=TZ)
TITLES = {
    "receipt": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "supplement": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "refusal": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "apology": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    "stop": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "control": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}
NUMBERS = {"receipt": "01", "supplement": "02", "refusal": "03", "apology": "04", "stop": "05",
           "control": "06"}  # fmt: skip


def flat(value: str) -> str:
    """Whitespace-insensitive form: extracted text breaks lines where the layout wrapped them."""
    return " ".join(value.split())


@dataclass
class Demo:
    ws: Workspace
    codes: dict[str, str]

    def state(self, kind: str) -> DossierState:
        return DossierService(self.ws).state(self.codes[kind])


def _first(ws: Workspace, statuses: list[Status], want) -> str | None:
    service = DossierService(ws)
    for status in statuses:
        for row in with_status(ws, status):
            if want(service.state(row.code)):
                return row.code
    return None


def _pick_codes(ws: Workspace) -> dict[str, str]:
    """One dossier per form; the acts the seeded demo happens not to contain are done here."""
    service = DossierService(ws)
    clerk, officer, leader = (get_user(ws, u) for u in ("tiepnhan", "tuphap", "chutich"))
    processing = [r.code for r in with_status(ws, Status.PROCESSING)]
    codes = {
        "receipt": _first(ws, [Status.RETURNED], lambda s: len(s.components) >= 2),
        "control": _first(ws, [Status.RETURNED], lambda s: len(s.handovers) >= 3),
        "supplement": _first(
            ws,
            [Status.WAITING_SUPPLEMENT, Status.PROCESSING, Status.RETURNED],
            lambda s: bool(s.supplement_requests),
        ),  # fmt: skip
        "refusal": _first(ws, [Status.REFUSED, Status.REFUSED_AT_COUNTER], lambda s: True),
        "apology": _first(
            ws,
            [Status.RETURNED, Status.PROCESSING, Status.RESULT_READY],
            lambda s: s.apology is not None,
        ),  # fmt: skip
        "stop": _first(ws, [Status.STOPPED], lambda s: True),
    }
    if codes["stop"] is None:
        codes["stop"] = service.stop(leader, processing.pop(), reason="Người nộp đề nghị").code
    if codes["supplement"] is None:
        items = [{"name": "Tờ khai có chữ ký", "kind": "Bản chính", "reason": "Thiếu chữ ký"}]
        codes["supplement"] = service.request_supplement(
            officer, processing.pop(), items, reason="Hồ sơ chưa đầy đủ"
        ).code
    if codes["apology"] is None:
        late = [
            r.code
            for r in with_status(ws, Status.PROCESSING)
            if service.state(r.code).is_overdue(NOW)
        ]
        codes["apology"] = service.issue_apology(
            clerk, late[0], reason="Cần xác minh", extra_days=3
        ).code
    assert all(codes.values()), codes
    return {k: str(v) for k, v in codes.items()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("print-demo") / "data"
    ws, _admin = create_demo(folder, dossiers=60, clock=lambda: NOW)
    try:
        yield Demo(ws, _pick_codes(ws))
    finally:
        ws.close()


@pytest.fixture(scope="module")
def printed(demo: Demo) -> dict[str, bytes]:
    """Every per-dossier form, printed once through the service and read back from its archive."""
    service = PrintService(demo.ws)
    out = {}
    for kind in TITLES:
        path = service.render(kind, demo.codes[kind])
        assert path.parent == demo.ws.documents_dir / demo.codes[kind]
        assert path.name.startswith(f"{kind}-") and path.suffix == ".pdf"
        out[kind] = path.read_bytes()
    return out


@pytest.mark.parametrize("kind", list(TITLES))
def test_each_form_prints_its_title_number_and_the_dossiers_facts(demo, printed, kind):
    state = demo.state(kind)
    body = flat(text(printed[kind]))
    assert TITLES[kind] in body
    assert f"Mẫu số {NUMBERS[kind]}" in body
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body and "Độc lập - Tự do - Hạnh phúc" in body
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ HÒA PHÚ" in body and "UBND TỈNH NGHỆ AN" in body
    assert state.applicant["name"] in body
    assert flat(state.procedure_name) in body
    assert state.code in body


@pytest.mark.parametrize("kind", list(TITLES))
def test_every_font_is_embedded_and_the_margins_stay_blank(printed, kind):
    assert font_problems(printed[kind]) == []
    assert margin_ink(printed[kind]) == []
    assert text_overlaps(printed[kind]) == []


def test_receipt_states_times_duration_and_the_clerk(demo, printed):
    state = demo.state("receipt")
    ctx = DocumentContext.from_workspace(demo.ws)
    body = flat(text(printed["receipt"]))
    received, due = state.received_at.astimezone(TZ), state.appointment.astimezone(TZ)
    assert (
        f"4. Thời gian nhận hồ sơ: {received:%H} giờ {received:%M} phút, ngày {received:%d/%m/%Y}"
        in body
    )
    assert (
        f"5. Thời gian trả kết quả giải quyết hồ sơ: {due:%H} giờ {due:%M} phút, ngày {due:%d/%m/%Y}"
        in body
    )
    assert ctx.date_line(state.received_at) in body
    facts = DossierFacts.from_events(DossierService(demo.ws).events(state.code))
    assert f"3. Thời hạn giải quyết hồ sơ theo quy định: {flat(facts.duration_label())}" in body
    clerk = get_user(demo.ws, state.received_by).full_name
    assert "NGƯỜI NỘP HỒ SƠ" in body and "NGƯỜI TIẾP NHẬN HỒ SƠ" in body and clerk in body
    for component in state.components:
        assert flat(component["name"]) in body


def test_receipt_is_two_copies_each_from_its_own_page(demo, printed):
    pages = [flat(p) for p in page_texts(printed["receipt"])]
    firsts = [i for i, p in enumerate(pages) if "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in p]
    assert len(firsts) == 2 and firsts[0] == 0
    assert "(Liên 1: Lưu)" in pages[0] and "Liên 2" not in " ".join(pages[: firsts[1]])
    assert "(Liên 2: Giao người nộp)" in pages[firsts[1]]
    assert firsts[1] * 2 == len(pages)  # the copies are the same length
    code = demo.codes["receipt"]
    for index in firsts:
        assert barcodes(printed["receipt"], index) == [("Code128", code)]
        assert top_margin_text(printed["receipt"], index) == ""  # NĐ 30: no number on page 1
    for index in range(len(pages)):
        if index not in firsts:
            assert top_margin_text(printed["receipt"], index) == str(
                index - max(f for f in firsts if f < index) + 1
            )


def test_control_slip_has_the_barcode_and_one_row_per_hand_over(demo, printed):
    state = demo.state("control")
    data = printed["control"]
    assert barcodes(data, 0) == [("Code128", state.code)]
    body = flat(text(data))
    for h in state.handovers:
        assert f"{h.at.astimezone(TZ):%H:%M} {h.at.astimezone(TZ):%d/%m/%Y}" in body
        assert get_user(demo.ws, h.to_user).full_name in body
    results = sum(body.count(label) for label in ("Trước hạn", "Đúng hạn", "Quá hạn"))
    assert results == len(state.handovers) + 1  # plus the return to the applicant


def test_apology_names_the_reason_the_new_date_and_the_responsible_unit(demo, printed):
    state = demo.state("apology")
    body = flat(text(printed["apology"]))
    new = state.rescheduled_to.astimezone(TZ)
    assert f"Kính gửi: Ông/Bà {state.applicant['name']}." in body
    assert f"{new:%H} giờ {new:%M} phút, ngày {new:%d/%m/%Y}" in body
    assert flat(state.apology["reason"]) in body
    assert state.apology["responsible_unit"] in body
    assert "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" in body and "Nơi nhận:" in body


def test_supplement_refusal_and_stop_carry_their_reasons(demo, printed):
    request = demo.state("supplement").supplement_requests[-1]
    assert flat(request["reason"]) in flat(text(printed["supplement"]))
    for item in request["items"]:
        assert flat(item["name"]) in flat(text(printed["supplement"]))
    assert flat(demo.state("refusal").refusal_reason) in flat(text(printed["refusal"]))
    stop = [
        e for e in DossierService(demo.ws).events(demo.codes["stop"]) if e.type.value == "stopped"
    ]
    assert flat(stop[-1].data["reason"]) in flat(text(printed["stop"]))


def test_the_ledger_lists_each_dossier_received_once_with_its_header_on_every_page(demo):
    start, end = NOW.date() - timedelta(days=70), NOW.date()
    path = PrintService(demo.ws).render("ledger", start=start, end=end)
    assert path.parent == demo.ws.documents_dir / "ledger"
    data = path.read_bytes()
    pages = [flat(p) for p in page_texts(data)]
    body = " ".join(pages)
    received = [
        r for s in Status if s is not Status.REFUSED_AT_COUNTER for r in with_status(demo.ws, s)
    ]
    assert received and all(body.count(r.code) == 1 for r in received)
    for r in with_status(demo.ws, Status.REFUSED_AT_COUNTER):
        assert r.code not in body  # never received: not in the book
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0] and "Mẫu số 07" in pages[0]
    assert f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}" in pages[0]
    assert "Hòa Phú, ngày 05 tháng 3 năm 2026" in pages[0]
    assert all("Mã hồ sơ" in p and "Ngày hẹn trả" in p for p in pages)
    assert font_problems(data) == [] and margin_ink(data) == [] and text_overlaps(data) == []
    assert [top_margin_text(data, i) for i in range(len(pages))] == [
        "",
        *map(str, range(2, len(pages) + 1)),
    ]
    assert f"Tổng số: {len(received)} hồ sơ." in body


def test_the_2018_form_set_prints_the_old_title_and_number(demo):
    data = PrintService(demo.ws).render_bytes("apology", demo.codes["apology"], form_set="2018")
    body = flat(text(data))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in body and "Mẫu số 04" in body
    control = flat(
        text(PrintService(demo.ws).render_bytes("control", demo.codes["control"], form_set="2018"))
    )
    assert "Mẫu số 05" in control
    stop = flat(
        text(PrintService(demo.ws).render_bytes("stop", demo.codes["stop"], form_set="2018"))
    )
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in stop and "Mẫu số" not in stop  # no 2018 form


def test_a_configured_lookup_address_adds_a_qr_code(demo):
    settings = {**demo.ws.settings, "lookup_url": "https://dichvucong.example.vn/tra-cuu?ma={code}"}
    ctx = DocumentContext.from_settings(settings, now=NOW)
    code = demo.codes["receipt"]
    data = render_receipt(ctx, DossierFacts.from_events(DossierService(demo.ws).events(code)))
    found = dict((fmt, value) for fmt, value in barcodes(data, 0))
    assert found == {"Code128": code, "QRCode": f"https://dichvucong.example.vn/tra-cuu?ma={code}"}


def test_the_compact_a5_receipt_keeps_its_margins_and_scans(demo):
    path = PrintService(demo.ws).render("receipt", demo.codes["receipt"], a5=True)
    data = path.read_bytes()
    width, height = (float(v) for v in PdfReader(path).pages[0].mediabox[2:])
    assert (round(width / MM), round(height / MM)) == (148, 210)
    assert margin_ink(data, margins=(10 * MM, 10 * MM, 15 * MM, 10 * MM)) == []
    assert barcodes(data, 0) == [("Code128", demo.codes["receipt"])]
    assert "(Liên 2: Giao người nộp)" in text(data) and text_overlaps(data) == []


def test_apology_for_a_dossier_without_one_is_refused_and_nothing_is_kept(demo):
    code = _first(demo.ws, [Status.RETURNED], lambda s: s.apology is None)
    folder = demo.ws.documents_dir / code
    before = sorted(folder.iterdir()) if folder.exists() else []
    with pytest.raises(StateError) as caught:
        PrintService(demo.ws).render("apology", code)
    assert "chưa có văn bản xin lỗi" in caught.value.message and code in caught.value.message
    assert (sorted(folder.iterdir()) if folder.exists() else []) == before


# ---- the command line ----------------------------------------------------------------------------


@pytest.fixture
def motcua(monkeypatch: pytest.MonkeyPatch):
    """Run ``motcua`` in-process, with ``print`` registered if main.py does not wire it yet."""
    original = cli_main.build_parser

    def build_parser(**kwargs):
        parser = original(**kwargs)
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "print" not in sub.choices:
            print_cmd.register(sub)
        return parser

    monkeypatch.setattr(cli_main, "build_parser", build_parser)
    monkeypatch.delenv("MOTCUA_USER", raising=False)
    return cli_main.main


def test_cli_prints_a_receipt_to_the_given_file(demo, motcua, tmp_path, capsys):
    out = tmp_path / "giay-tiep-nhan.pdf"
    code = demo.codes["receipt"]
    argv = [
        "--data-dir",
        str(demo.ws.data_dir),
        "print",
        "receipt",
        "--dossier",
        code,
        "-o",
        str(out),
        "--json",
    ]
    assert motcua(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert (
        report["output"] == str(out) and Path(report["archived"]).read_bytes() == out.read_bytes()
    )
    assert barcodes(out.read_bytes(), 0) == [("Code128", code)]


def test_cli_refuses_what_cannot_be_printed_without_leaving_a_file(demo, motcua, tmp_path, capsys):
    out = tmp_path / "xin-loi.pdf"
    base = ["--data-dir", str(demo.ws.data_dir), "print"]
    no_apology = _first(demo.ws, [Status.STOPPED, Status.RETURNED], lambda s: s.apology is None)
    assert motcua([*base, "apology", "--dossier", no_apology, "-o", str(out)]) == 5
    assert "chưa có văn bản xin lỗi" in capsys.readouterr().err
    assert motcua([*base, "ledger", "--from", "2026-03-05", "--json", "-o", str(out)]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "to"
    assert motcua([*base, "receipt", "--dossier", "000.12.34.H40-260305-9999", "-o", str(out)]) == 4
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_printed_date_follows_the_event_not_the_print_day(demo, printed):
    state = demo.state("stop")
    stop = [e for e in DossierService(demo.ws).events(state.code) if e.type.value == "stopped"][-1]
    ctx = DocumentContext.from_workspace(demo.ws)
    assert ctx.date_line(stop.at) in flat(text(printed["stop"]))
    assert isinstance(ctx.now, datetime) and ctx.now.date() == date(2026, 3, 5)
    assert page_count(printed["stop"]) == 1
