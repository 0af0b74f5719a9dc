"""The font, the form sets and the wording helpers every printed document relies on."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from reportlab.pdfbase import pdfmetrics

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.text import vietnamese_letters
from motcua_desktop.services.documents import KINDS, DocumentContext, load_template_set
from motcua_desktop.services.documents.fonts import (
    BOLD,
    BOLD_ITALIC,
    FONT_DIR,
    ITALIC,
    REGULAR,
    register_fonts,
)
from motcua_desktop.services.documents.templates import TEMPLATE_DIR, available_sets

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SETTINGS = {
    "parent_agency": "UBND TỈNH NGHỆ AN",
    "centre_name": "Trung tâm Phục vụ hành chính công xã Hòa Phú",
    "place_name": "Hòa Phú",
    "commune_name": "Xã Hòa Phú",
    "timezone": "Asia/Ho_Chi_Minh",
}


@pytest.mark.parametrize("face", [REGULAR, BOLD, ITALIC, BOLD_ITALIC])
def test_every_vietnamese_letter_has_a_glyph_in_every_face(face):
    register_fonts()
    font = pdfmetrics.getFont(face)
    cmap = font.face.charToGlyph
    missing = [c for c in [*vietnamese_letters(), "…", "–", "«", "»"] if ord(c) not in cmap]
    assert missing == []


def test_the_font_licence_ships_with_the_fonts():
    licence = (FONT_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Reserved Font Name Liberation" in licence
    assert "metric-compatible" in (FONT_DIR / "README.md").read_text(encoding="utf-8")


def test_both_form_sets_are_complete_and_nfc():
    assert {"2018", "2025"} <= set(available_sets())
    for path in TEMPLATE_DIR.glob("forms_*.json"):
        raw = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", raw), path.name
        json.loads(raw)
    for name in ("2018", "2025"):
        forms = load_template_set(name)
        assert set(forms.forms) == set(KINDS)


def test_2025_titles_and_numbers_follow_thong_tu_03_2025():
    forms = load_template_set("2025")
    expected = {
        "receipt": ("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        "supplement": ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        "refusal": ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
        "apology": ("04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
        "stop": ("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
        "control": ("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
        "ledger": ("07", "SỔ THEO DÕI HỒ SƠ"),
    }
    assert {k: (f.number, f.title) for k, f in forms.forms.items()} == expected


def test_2018_set_keeps_the_old_names_and_numbers():
    forms = load_template_set("2018")
    assert forms.form("apology").title == "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
    assert forms.form("apology").number == "04"
    assert forms.form("control").number == "05"
    assert forms.form("ledger").number == "06"
    assert forms.form("stop").number is None  # no 2018 equivalent


def test_an_unknown_form_set_is_refused_naming_the_setting():
    with pytest.raises(ValidationError) as caught:
        load_template_set("1999")
    assert caught.value.field == "form_set"
    assert "2025" in caught.value.message


@pytest.mark.parametrize("missing", ["parent_agency", "centre_name", "place_name"])
def test_a_missing_commune_setting_is_named(missing):
    settings = {**SETTINGS, missing: "  "}
    with pytest.raises(ValidationError) as caught:
        DocumentContext.from_settings(settings)
    assert caught.value.field == missing
    assert missing in caught.value.message


def test_date_line_pads_days_below_10_and_months_below_3_as_nd_30_asks():
    ctx = DocumentContext.from_settings(SETTINGS)
    assert ctx.date_line(date(2026, 2, 5)) == "Hòa Phú, ngày 05 tháng 02 năm 2026"
    assert ctx.date_line(date(2026, 3, 5)) == "Hòa Phú, ngày 05 tháng 3 năm 2026"
    assert ctx.date_line(date(2026, 11, 23)) == "Hòa Phú, ngày 23 tháng 11 năm 2026"


def test_times_print_in_the_communes_time_zone():
    ctx = DocumentContext.from_settings(SETTINGS)
    utc_evening = datetime.fromisoformat("2026-03-04T20:05:00+00:00")  # 03:05 on the 5th in VN
    assert ctx.time_text(utc_evening) == "03 giờ 05 phút, ngày 05/03/2026"
    assert ctx.date_line(utc_evening) == "Hòa Phú, ngày 05 tháng 3 năm 2026"


def test_the_lookup_link_only_exists_when_configured():
    assert DocumentContext.from_settings(SETTINGS).lookup_link("X-1") == ""
    ctx = DocumentContext.from_settings(
        {**SETTINGS, "lookup_url": "https://dichvucong.example.vn/tra-cuu?ma={code}"}
    )
    assert ctx.lookup_link("000.12.34.H40-260305-0001") == (
        "https://dichvucong.example.vn/tra-cuu?ma=000.12.34.H40-260305-0001"
    )
    with pytest.raises(ValidationError) as caught:
        DocumentContext.from_settings({**SETTINGS, "lookup_url": "javascript:alert(1)"})
    assert caught.value.field == "lookup_url"


def test_the_apology_signer_is_the_units_head_then_the_chairman_then_blank():
    heads = {"Công chức Tư pháp - Hộ tịch": "Trần Văn Minh"}
    ctx = DocumentContext.from_settings(
        {**SETTINGS, "unit_heads": heads, "chairman_name": "Đỗ Văn Hùng"}
    )
    assert ctx.head_of("Công chức Tư pháp - Hộ tịch") == "Trần Văn Minh"
    assert ctx.head_of("Công chức Địa chính - Xây dựng") == "Đỗ Văn Hùng"
    assert DocumentContext.from_settings(SETTINGS).head_of("Công chức Tư pháp - Hộ tịch") == ""
