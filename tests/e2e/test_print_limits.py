"""Printing at the edges: long content flows onto more pages, bad input is refused and leaves no file."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import Node
from print_helpers import (
    barcodes,
    font_problems,
    margin_ink,
    page_count,
    page_texts,
    text,
    text_overlaps,
    top_margin_text,
)

from motcua_desktop.domain.codes import make_code
from motcua_desktop.domain.errors import StateError, ValidationError
from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal
from motcua_desktop.services import files as document_files
from motcua_desktop.services.documents import (
    DocumentContext,
    DossierFacts,
    render_control_slip,
    render_ledger,
    render_receipt,
)
from motcua_desktop.services.events_io import ImportReport, apply_events
from motcua_desktop.services.intake import ApplicantInput, ComponentInput, IntakeRequest
from motcua_desktop.services.printing import PrintService
from motcua_desktop.services.settings import write_settings

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PROCEDURE = "1.013225"  # building permit: 15 working days
SETTINGS = {
    "parent_agency": "UBND TỈNH NGHỆ AN",
    "centre_name": "Trung tâm Phục vụ hành chính công xã Hòa Phú",
    "place_name": "Hòa Phú",
    "timezone": "Asia/Ho_Chi_Minh",
}


def flat(value: str) -> str:
    return " ".join(value.split())


def files_under(folder) -> list:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _received(code: str, at: datetime, *, address: str, name: str, seq: int = 1) -> Event:
    return seal(
        node="may-nhap", seq=seq, prev=GENESIS_HASH, at=at, actor="tiepnhan", dossier=code,
        type=EventType.RECEIVED,
        data={
            "procedure_code": PROCEDURE, "procedure_name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "responsible_unit": "Công chức Địa chính - Xây dựng", "unit": "Bộ phận Một cửa",
            "applicant": {"name": name, "address": address, "phone": "0912345678"},
            "components": [{"name": "Đơn đề nghị cấp giấy phép", "originals": 1, "copies": 0}],
            "processing_time": {"kind": "working_days", "value": 15}, "sets": 1,
            "appointment": (at + timedelta(days=21)).isoformat(), "delivery": "counter",
        },
    )  # fmt: skip


def test_a_long_name_and_40_components_flow_onto_further_pages(node: Node):
    name = ("Nguyễn Thị Hoàng Phương Thảo Ngọc Diệp " * 6)[:200].strip()
    components = tuple(
        ComponentInput(f"Giấy tờ số {i:02d}: bản sao giấy chứng nhận quyền sử dụng đất, quyền sở "
                       f"hữu nhà ở và tài sản khác gắn liền với đất của hộ gia đình, cá nhân", 1, i % 3)
        for i in range(1, 41)
    )  # fmt: skip
    request = IntakeRequest(
        PROCEDURE, ApplicantInput(name=name, address="Thôn Yên Thịnh, xã Hòa Phú, tỉnh Nghệ An"),
        components=components, confirm_warnings=True,
    )  # fmt: skip
    code = node.service.receive(node.clerk, request).code
    data = PrintService(node.ws).render("receipt", code).read_bytes()
    pages = page_texts(data)
    assert len(pages) >= 4 and len(pages) % 2 == 0
    body = flat(" ".join(pages))
    assert body.count(flat(name)) == 4  # the applicant line and the signature, in both copies
    for i in range(1, 41):
        assert body.count(f"Giấy tờ số {i:02d}:") == 2
    assert all("Tên giấy tờ" in p for p in pages if "Giấy tờ số" in p)  # the header row repeats
    assert text_overlaps(data) == [] and margin_ink(data) == [] and font_problems(data) == []
    half = len(pages) // 2
    assert "(Liên 2: Giao người nộp)" in pages[half] and top_margin_text(data, half) == ""
    assert top_margin_text(data, 1) == "2"
    assert barcodes(data, half) == [("Code128", code)]


def test_a_2000_character_address_wraps_without_overlap(node: Node):
    address = ("Tổ dân phố Trung Hòa, đường Nguyễn Du kéo dài, ngõ 12 ngách 7 hẻm 3, " * 40)[:2000]
    code = "000.12.34.H40-250124-0901"
    at = datetime(2025, 1, 24, 9, 0, tzinfo=TZ)
    facts = DossierFacts.from_events([_received(code, at, address=address, name="Lê Văn Bình")])
    data = render_receipt(DocumentContext.from_settings(SETTINGS), facts)
    assert flat(address) in flat(text(data))
    assert text_overlaps(data) == [] and margin_ink(data) == []
    assert barcodes(data, 0) == [("Code128", code)]


def test_intake_refuses_a_2000_character_address_naming_the_field(node: Node):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Lê Văn Bình", address="x" * 2000))
    with pytest.raises(ValidationError) as caught:
        node.service.receive(node.clerk, request)
    assert caught.value.field == "applicant.address" and "2000" in caught.value.message


def test_a_300_row_ledger_repeats_its_header_and_lists_every_code_once():
    start = datetime(2026, 1, 5, 7, 45, tzinfo=TZ)
    dossiers, codes = [], []
    for n in range(300):
        at = start + timedelta(days=n // 10, minutes=20 * (n % 10))
        code = make_code("000.12.34.H40", at.date(), 0, n % 10 + 1)
        codes.append(code)
        address = f"Thôn {n % 7 + 1}, xã Hòa Phú, tỉnh Nghệ An" + (" (gần chợ)" * (n % 4))
        if n == 150:  # a row taller than a page: it must split inside rather than stop the print
            address = ("Tổ dân phố Trung Hòa, đường Nguyễn Du kéo dài, ngõ 12 ngách 7, " * 40)[
                :2000
            ]
        dossiers.append(
            DossierFacts.from_events(
                [_received(code, at, address=address, name=f"Người nộp {n:03d}")]
            )
        )
    ctx = DocumentContext.from_settings(SETTINGS, now=datetime(2026, 3, 5, 10, 0, tzinfo=TZ))
    data = render_ledger(ctx, dossiers, date(2026, 1, 5), date(2026, 2, 3))
    pages = [flat(p) for p in page_texts(data)]
    assert len(pages) > 6
    body = " ".join(pages)
    assert all(body.count(code) == 1 for code in codes)
    assert "Tổ dân phố Trung Hòa, đường Nguyễn Du kéo dài, ngõ 12 ngách 7, Tổ dân phố" in body
    assert all("Mã hồ sơ" in p and "Ngày hẹn trả" in p for p in pages)
    assert [top_margin_text(data, i) for i in (0, 1, len(pages) - 1)] == ["", "2", str(len(pages))]
    assert text_overlaps(data) == [] and margin_ink(data) == [] and font_problems(data) == []


def test_control_slip_names_the_late_step(node: Node):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Phạm Thị Lan"), confirm_warnings=True)
    code = node.service.receive(node.clerk, request).code
    node.clock.set(datetime(2025, 1, 24, 9, 30, tzinfo=TZ))
    node.service.hand_over(node.clerk, code, "tuphap", step_days=1)  # officer: due 03/02 (Tết)
    node.clock.set(datetime(2025, 2, 3, 10, 0, tzinfo=TZ))
    node.service.hand_over(node.officer, code, "chutich", step_days=1)  # leader: due 04/02
    node.clock.set(datetime(2025, 2, 6, 9, 0, tzinfo=TZ))
    node.service.hand_over(node.leader, code, "tiepnhan", note="Trả bộ phận Một cửa")
    data = PrintService(node.ws).render("control", code).read_bytes()
    body = flat(text(data))
    rows = [body.index(t) for t in ("09:30 24/01/2025", "10:00 03/02/2025", "09:00 06/02/2025")]
    labels = [body.index(t, rows[0]) for t in ("Trước hạn", "Đúng hạn", "Quá hạn")]
    assert rows[0] < labels[0] < rows[1] < labels[1] < rows[2] < labels[2]
    assert "3 Đỗ Văn Hùng Lãnh đạo UBND xã" in body  # the leader's hand-over was the late one
    assert barcodes(data, 0) == [("Code128", code)]


def test_a_code_code128_cannot_carry_is_refused_and_nothing_is_kept(node: Node):
    code = "HS-HÒA-PHÚ-0001"
    event = _received(
        code, datetime(2025, 1, 24, 8, 0, tzinfo=TZ), address="Thôn 1", name="Lê Văn Bình"
    )
    with node.ws.db.writing() as session:
        apply_events(session, node.ws, {event.node: [event]}, ImportReport())
    for kind in ("receipt", "control"):
        with pytest.raises(ValidationError) as caught:
            PrintService(node.ws).render(kind, code)
        assert caught.value.field == "code" and "Code 128" in caught.value.message
    assert files_under(node.ws.documents_dir) == []


def test_a_missing_commune_setting_is_named_and_nothing_is_kept(node: Node):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Lê Văn Bình"), confirm_warnings=True)
    code = node.service.receive(node.clerk, request).code
    write_settings(node.ws, {"centre_name": ""})
    with pytest.raises(ValidationError) as caught:
        PrintService(node.ws).render("receipt", code)
    assert caught.value.field == "centre_name"
    assert "Tên Trung tâm Phục vụ hành chính công" in caught.value.message
    assert files_under(node.ws.documents_dir) == []


def test_a_second_reschedule_is_refused_and_never_printed(node: Node):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Lê Văn Bình"), confirm_warnings=True)
    received = node.service.receive(node.clerk, request)
    code, due = received.code, received.state.appointment
    node.clock.set(due - timedelta(hours=2))
    node.service.issue_apology(node.clerk, code, reason="Chờ ý kiến cơ quan thuế", extra_days=3)
    with pytest.raises(StateError) as caught:
        node.service.issue_apology(node.clerk, code, reason="Lần hai", extra_days=2)
    assert "chỉ cho hẹn lại một lần" in caught.value.message
    first = PrintService(node.ws).render("apology", code)
    assert "Chờ ý kiến cơ quan thuế" in text(first.read_bytes())
    # A second letter recorded on another PC while offline reaches this one by sync.
    other = seal(
        node="may-2", seq=1, prev=GENESIS_HASH, at=due - timedelta(hours=1), actor="tiepnhan2",
        dossier=code, type=EventType.APOLOGY_ISSUED,
        data={"reason": "Lần hai", "new_appointment": (due + timedelta(days=9)).isoformat()},
    )  # fmt: skip
    with node.ws.db.writing() as session:
        apply_events(session, node.ws, {other.node: [other]}, ImportReport())
    with pytest.raises(StateError) as caught:
        PrintService(node.ws).render("apology", code)
    assert "chỉ cho hẹn lại một lần" in caught.value.message and code in caught.value.message
    assert files_under(node.ws.documents_dir) == [first]


def test_a_failed_write_leaves_neither_the_file_nor_a_temporary(node: Node, monkeypatch):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Lê Văn Bình"), confirm_warnings=True)
    code = node.service.receive(node.clerk, request).code

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document_files.os, "replace", disk_full)
    with pytest.raises(OSError):
        PrintService(node.ws).render("receipt", code)
    assert files_under(node.ws.documents_dir) == []


def test_two_prints_in_the_same_second_are_both_kept(node: Node):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Lê Văn Bình"), confirm_warnings=True)
    code = node.service.receive(node.clerk, request).code
    service = PrintService(node.ws)
    first, second = service.render("receipt", code), service.render("receipt", code)
    assert first != second and first.exists() and second.exists()
    assert first.read_bytes()[:4] == b"%PDF" and page_count(second.read_bytes()) % 2 == 0


def test_refused_at_the_counter_prints_a_refusal_but_no_receipt(node: Node):
    request = IntakeRequest(PROCEDURE, ApplicantInput(name="Võ Minh Tuấn", phone="0912345678"))
    code = node.service.refuse_at_counter(
        node.clerk, request, "Hồ sơ không thuộc thẩm quyền của xã."
    ).code
    service = PrintService(node.ws)
    body = flat(text(service.render("refusal", code).read_bytes()))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in body and "NGƯỜI TIẾP NHẬN HỒ SƠ" in body
    assert "Hồ sơ không thuộc thẩm quyền của xã." in body and "Võ Minh Tuấn" in body
    with pytest.raises(StateError):
        service.render("receipt", code)
    assert render_control_slip  # the slip needs a received dossier too
    with pytest.raises(StateError):
        service.render("control", code)


def test_the_checks_themselves_see_overlap_margin_ink_and_base14_fonts(tmp_path):
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from motcua_desktop.services.documents.fonts import REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=REGULAR)
    canvas.setFont(REGULAR, 13)
    canvas.drawString(120, 400, "Nguyễn Văn An")
    canvas.drawString(124, 403, "Trần Thị Bình")  # collides with the line above
    canvas.setFont("Helvetica", 10)
    canvas.drawString(20, 300, "lề trái")  # inside the 30 mm left margin, in a base-14 font
    canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    assert text_overlaps(data) != []
    assert [ink.band for ink in margin_ink(data)] == ["left"]
    assert any("Helvetica" in problem for problem in font_problems(data))


def test_a_synced_code_that_looks_like_a_path_stays_inside_the_documents_folder(node: Node):
    code = "../../ETC-250124-0001"
    event = _received(
        code, datetime(2025, 1, 24, 8, 0, tzinfo=TZ), address="Thôn 1", name="Lê Bình"
    )
    with node.ws.db.writing() as session:
        apply_events(session, node.ws, {event.node: [event]}, ImportReport())
    path = PrintService(node.ws).render("receipt", code)
    assert path.resolve().parent.parent == node.ws.documents_dir.resolve()
    assert barcodes(path.read_bytes(), 0) == [("Code128", code)]
