"""Tests for the procedure catalogue: domain validation, file import/export and the demo data."""

from __future__ import annotations

import json
import tempfile
import unicodedata
from datetime import date, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from motcua_desktop.domain import catalog
from motcua_desktop.domain.catalog import (
    Component,
    Procedure,
    Submission,
    check_procedure,
    parse_count_kind,
    parse_fee_amount,
    parse_procedure,
)
from motcua_desktop.domain.durations import Duration, DurationKind
from motcua_desktop.domain.errors import ImportFailed, MotcuaError, ValidationError, message_for
from motcua_desktop.services import catalog_io
from motcua_desktop.services.catalog_io import (
    COLUMNS,
    CatalogFormat,
    detect_format,
    load_demo_catalog,
    read_catalog,
    write_catalog,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "catalog"
ALL_FORMATS = list(CatalogFormat)


def raw(**overrides: Any) -> dict[str, Any]:
    """A valid raw record in the project's shape, with some fields replaced."""
    base: dict[str, Any] = {
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "processing_time": {"kind": "working_days", "value": 3},
        "components": [{"name": "Tờ khai", "originals": 1, "copies": 0, "submission": "submit"}],
    }
    return base | overrides


def error_of(record: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_procedure(record, row=7)
    assert info.value.row == 7
    return info.value


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "Thủ tục") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# --- domain ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 bản chính", (1, 0)),
        ("01 bản sao", (0, 1)),
        ("1 bản chính, 1 bản sao", (1, 1)),
        ("02 bản", (2, 0)),
        ("hai bản chính và một bản sao", (2, 1)),
        ("Mười hai bản sao", (0, 12)),
        ("hai mươi lăm bản chính", (25, 0)),
        ("Bản chính", (1, 0)),
        ("bản sao", (0, 1)),
        ("01 bộ", (1, 0)),
        ("Bản chính hoặc bản sao có chứng thực", (0, 1)),
        ("02 bản chính hoặc bản sao có chứng thực", (0, 2)),
        ("", (0, 0)),
        ("theo mẫu", (0, 0)),
        (unicodedata.normalize("NFD", "1 bản chính, 2 bản sao"), (1, 2)),
    ],
)
def test_parse_count_kind(text: str, expected: tuple[int, int]) -> None:
    assert parse_count_kind(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8.000 đồng/bản sao (Cổng: 8,000 VNĐ)", 8000),
        ("50.000 đồng/giao dịch", 50000),
        ("2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang", None),
        ("Miễn phí", 0),
        ("Không", 0),
        ("Mức lệ phí do HĐND cấp tỉnh quyết định", None),
        ("Miễn phí trên Cổng; mức lệ phí (nếu có) do HĐND tỉnh quyết định", None),
        ("Theo Luật phí và lệ phí", None),
        ("", None),
    ],
)
def test_parse_fee_amount(text: str, expected: int | None) -> None:
    assert parse_fee_amount(text) == expected


def test_parse_procedure_normalises_text() -> None:
    nfd = unicodedata.normalize("NFD", "  Thủ tục   đăng ký\tkhai sinh ")
    procedure = parse_procedure(raw(name=nfd, online_level="toàn trình", inter_agency="có"))
    assert procedure.name == "Thủ tục đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", procedure.name)
    assert procedure.level == "Cấp xã"
    assert procedure.online_level == "Toàn trình"
    assert procedure.inter_agency is True
    assert procedure.components == (Component("Tờ khai", 1, 0, Submission.SUBMIT),)
    assert procedure.fee_amount is None


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        ({"code": ""}, "catalog.code_missing", "code"),
        ({"code": "  "}, "catalog.code_missing", "code"),
        ({"code": "1.001 193"}, "catalog.code_format", "code"),
        ({"code": "x" * 41}, "catalog.code_format", "code"),
        ({"code": 1.00119}, "catalog.code_not_text", "code"),
        ({"name": None}, "catalog.name_missing", "name"),
        ({"name": "x" * 10_000}, "catalog.text_too_long", "name"),
        ({"name": "Khai\x00 sinh"}, "catalog.control_chars", "name"),
        ({"notes": "ghi\x1bchú"}, "catalog.control_chars", "notes"),
        ({"field": ""}, "catalog.field_missing", "field"),
        ({"fee_amount": -1}, "catalog.fee_amount_invalid", "fee_amount"),
        ({"fee_amount": "8000"}, "catalog.fee_amount_invalid", "fee_amount"),
        ({"inter_agency": "đôi khi"}, "catalog.bool_invalid", "inter_agency"),
        ({"processing_time": {"kind": "weeks", "value": 2}}, "duration.kind", "processing_time"),
        ({"processing_time": {"kind": "working_days", "value": 0}}, "duration.value", None),
        ({"processing_time": {"unit": "months", "value": 2}}, "catalog.time_unit", None),
        ({"processing_time": "3 ngày"}, "catalog.time_invalid", "processing_time"),
        ({"components": "Tờ khai"}, "catalog.components_invalid", "components"),
        ({"components": [{"name": "a"}] * 201}, "catalog.too_many_components", "components"),
        ({"components": [{"name": " "}]}, "catalog.component_name_missing", "components"),
        ({"components": [{"name": "a", "copies": -1}]}, "catalog.component_count", "components"),
        ({"components": [{"name": "a", "originals": "1"}]}, "catalog.component_count", None),
        (
            {"components": [{"name": "a", "submission": "gửi"}]},
            "catalog.component_submission",
            None,
        ),
        ({"components": ["a"]}, "catalog.component_invalid", "components"),
    ],
)
def test_parse_procedure_rejects(overrides: dict[str, Any], code: str, field: str | None) -> None:
    error = error_of(raw(**overrides))
    assert error.code == code
    if field:
        assert error.field == field
    assert error.message.startswith("Dòng 7, trường «")
    assert "{" not in error.message  # every template rendered with its parameters


def test_errors_are_clear_vietnamese() -> None:
    error = error_of(raw(name="x" * 10_000))
    assert error.message == (
        "Dòng 7, trường «name»: Tên thủ tục dài 10000 ký tự, vượt giới hạn 1000 ký tự."
    )
    error = error_of(raw(components=[{"name": "a"}, {"name": "b", "copies": -1}]))
    assert "Thành phần hồ sơ thứ 2" in error.message and "bản sao" in error.message
    assert ValidationError("catalog.duplicate_code", value="1.1", first_row=2).message == (
        "Mã thủ tục «1.1» trùng với thủ tục ở dòng 2."
    )


def test_check_procedure_collects_every_field_error() -> None:
    procedure, errors = check_procedure(raw(code="", name="", fee_amount=-5), row=3)
    assert procedure is None
    assert [(e.field, e.row) for e in errors] == [("code", 3), ("name", 3), ("fee_amount", 3)]


def test_sources_and_messages_are_nfc() -> None:
    for module in (catalog, catalog_io):
        assert unicodedata.is_normalized("NFC", Path(module.__file__).read_text(encoding="utf-8"))
    assert message_for("catalog.code_missing", {}) == "Mã thủ tục không được để trống."


def test_procedure_dict_round_trip_and_same_day_canonical_form() -> None:
    procedure = Procedure("1.1", "Tên", "Lĩnh vực", processing_time=Duration(DurationKind.SAME_DAY))
    assert procedure.processing_time == Duration.same_day(time(15, 0))
    assert Procedure.from_dict(procedure.to_dict()) == procedure
    assert json.loads(json.dumps(procedure.to_dict())) == procedure.to_dict()


def test_portal_shape_is_read() -> None:
    result = read_catalog(FIXTURES / "portal.json")
    same_day, days, no_time = result.procedures
    assert same_day.processing_time == Duration.same_day(time(15, 0))
    assert same_day.components[0] == Component(
        "Bản chính giấy tờ làm cơ sở chứng thực", 1, 0, Submission.SHOW
    )
    assert same_day.fee_amount is None  # two rates: no single amount
    assert days.processing_time == Duration.days(3)  # "days" is read as working days
    assert days.components[0].originals == 1 and days.components[0].copies == 1
    assert days.components[1] == Component("Chứng cứ chứng minh quan hệ", 0, 0, Submission.SUBMIT)
    assert (days.online_level, days.inter_agency, days.fee_amount) == ("Toàn trình", True, 0)
    assert no_time.processing_time is None and no_time.components == ()
    assert no_time.fee_amount == 8000


# --- reading files -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["good.json", "good.csv", "good_semicolon.csv"])
def test_good_files(name: str) -> None:
    procedures = read_catalog(FIXTURES / name).procedures
    assert [p.code for p in procedures] == ["1.001193", "1.001612", "2.001019"]
    birth, business, will = procedures
    assert birth.processing_time == Duration.same_day(time(15, 0))
    assert birth.components[1].submission is Submission.SHOW
    assert business.processing_time == Duration.days(3)
    assert business.fee_amount == 50000
    assert will.processing_time is None


def test_csv_with_bom_and_multiline_notes(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "good.csv").read_bytes())
    birth = read_catalog(path).procedures[0]
    assert birth.code == "1.001193"
    assert birth.notes == "Nhận sau 15 giờ trả ngày làm việc tiếp theo.\nDòng ghi chú thứ hai."


def test_broken_csv_all_or_nothing_lists_every_row() -> None:
    with pytest.raises(ImportFailed) as info:
        read_catalog(FIXTURES / "broken.csv")
    found = [(e.row, e.field, e.code) for e in info.value.errors]
    assert found == [
        (3, "code", "catalog.code_missing"),
        (4, "code", "catalog.duplicate_code"),
        (5, "components", "catalog.component_count"),
        (6, "time_value", "duration.value"),
        (7, "fee_amount", "catalog.fee_amount_invalid"),
        (8, "field", "catalog.field_missing"),
    ]
    assert info.value.errors[1].params["first_row"] == 2
    assert info.value.to_dict()["errors"][0]["row"] == 3


def test_broken_csv_partial_returns_good_rows_and_errors() -> None:
    result = read_catalog(FIXTURES / "broken.csv", partial=True)
    assert [p.code for p in result.procedures] == ["1.001193", "2.000635"]
    assert len(result.errors) == 6


def test_row_numbers_count_spreadsheet_rows_not_text_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    text = (FIXTURES / "good.csv").read_text(encoding="utf-8")
    path.write_text(text + ",Thiếu mã,Hộ tịch\n", encoding="utf-8")  # row 5, text line 8
    with pytest.raises(ImportFailed) as info:
        read_catalog(path)
    assert [e.row for e in info.value.errors] == [5]


def test_nfd_csv_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "nfd.csv"
    text = "code,name,field\n1.1,Đăng ký khai sinh,Hộ tịch\n"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    procedure = read_catalog(path).procedures[0]
    assert procedure.name == unicodedata.normalize("NFC", "Đăng ký khai sinh")
    assert procedure.fee_amount is None and procedure.processing_time is None


def test_broken_json_rows(tmp_path: Path) -> None:
    long_name = raw(code="1.3", name="x" * 10_000)
    records = [
        raw(),
        raw(code="1.2", name="a\x07b"),
        "not a record",
        raw(code="1.001193"),
        long_name,
    ]
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"procedures": records}), encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        read_catalog(path)
    found = [(e.row, e.field, e.code) for e in info.value.errors]
    assert found == [
        (2, "name", "catalog.control_chars"),
        (3, None, "catalog.record_invalid"),
        (4, "code", "catalog.duplicate_code"),
        (5, "name", "catalog.text_too_long"),
    ]
    assert info.value.errors[0].message == (
        "Dòng 2, trường «name»: Tên thủ tục chứa ký tự điều khiển U+0007; hãy xóa ký tự này."
    )


def test_xlsx_bad_cells_are_row_errors(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        list(COLUMNS[:9]),
        ["1.1", "Tốt", "Hộ tịch", None, "working_days", 3, None, "Miễn phí", 0],
        ["1.2", "Ngày ở số", "Hộ tịch", None, "working_days", date(2026, 1, 3)],
        ["1.3", "Chữ ở tiền", "Hộ tịch", None, None, None, None, None, "tám nghìn"],
        [1.00119, "Mã là số", "Hộ tịch"],
        ["1.5", "Giờ chốt", "Hộ tịch", None, "same_day", None, time(16, 30)],
        ["1.6", date(2026, 1, 1), "Hộ tịch"],
    ]
    path = write_xlsx(tmp_path / "t.xlsx", rows)
    result = read_catalog(path, partial=True)
    assert [(e.row, e.field) for e in result.errors] == [
        (3, "time_value"), (4, "fee_amount"), (5, "code"), (7, "name"),
    ]  # fmt: skip
    assert [p.code for p in result.procedures] == ["1.1", "1.5"]
    assert result.procedures[1].processing_time == Duration.same_day(time(16, 30))


def test_xlsx_other_sheet_name_when_only_one(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["code", "name", "field"], ["1.1", "A", "B"]], "Sheet")
    assert [p.code for p in read_catalog(path).procedures] == ["1.1"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.csv", b"", "catalog.file_empty"),
        ("blank.json", b"  \n", "catalog.file_empty"),
        ("latin.csv", "code,name,field\n1.1,Đăng,x\n".encode("cp1258"), "catalog.file_encoding"),
        ("h.csv", b"code,name\n1.1,A\n", "catalog.header_missing"),
        ("h2.csv", b"code,name,field,extra\n", "catalog.header_unknown"),
        ("h3.csv", b"code,name,field,name\n", "catalog.header_duplicate"),
        ("bad.json", b'{"procedures": [', "catalog.json_invalid"),
        ("shape.json", b"[]", "catalog.json_shape"),
        ("tag.json", b'{"format": "other", "procedures": []}', "catalog.json_format"),
        ("v2.json", b'{"format": "motcua-catalog", "version": 2, "procedures": []}', None),
        ("q.csv", b'code,name,field\n"1.1,A\n', "catalog.csv_invalid"),
        ("x.xlsx", (FIXTURES / "not_a_workbook.xlsx").read_bytes(), "catalog.xlsx_invalid"),
        ("x.unknown", b"hello", "catalog.format_unknown"),
    ],
)
def test_file_level_errors_are_single_clear_errors(
    tmp_path: Path, name: str, content: bytes, code: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    try:
        read_catalog(path)
    except ImportFailed:  # pragma: no cover - the assertion below explains
        pytest.fail("a file-level problem must not be reported as bad rows")
    except MotcuaError as error:
        assert code is None or error.code == code
        assert error.row is None and "{" not in error.message
    else:
        assert code is None  # a lenient reading is fine only where no code is expected


def test_missing_file_and_wrong_xlsx_sheet(tmp_path: Path) -> None:
    with pytest.raises(MotcuaError) as info:
        read_catalog(tmp_path / "none.csv")
    assert info.value.code == "not_found"
    path = write_xlsx(tmp_path / "t.xlsx", [["code"]], "A")
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("B")
    workbook.save(path)
    with pytest.raises(MotcuaError) as info:
        read_catalog(path)
    assert info.value.code == "catalog.xlsx_sheet_missing"
    empty = write_xlsx(tmp_path / "e.xlsx", [])
    with pytest.raises(MotcuaError) as info:
        read_catalog(empty)
    assert info.value.code == "catalog.file_empty"


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(Path("a.JSON")) is CatalogFormat.JSON
    assert detect_format(Path("a.csv")) is CatalogFormat.CSV
    assert detect_format(Path("a.xlsx")) is CatalogFormat.XLSX
    sniffed = tmp_path / "export"
    write_catalog([], sniffed, CatalogFormat.XLSX)
    assert detect_format(sniffed) is CatalogFormat.XLSX


# --- writing and round trips -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_demo_catalog_round_trips(tmp_path: Path, fmt: CatalogFormat) -> None:
    procedures = load_demo_catalog()
    path = tmp_path / f"catalog.{fmt.value}"
    write_catalog(procedures, path)
    assert read_catalog(path).procedures == procedures
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "catalog.json"
    write_catalog(load_demo_catalog()[:2], path)
    before = path.read_bytes()

    def half_write(procedures: list[Procedure], target: Path) -> None:
        target.write_text('{"format": "motcua-catalog", "proc', encoding="utf-8")
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(catalog_io, "_write_json", half_write)
    with pytest.raises(RuntimeError):
        write_catalog(load_demo_catalog(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.json"]


def test_write_into_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MotcuaError) as info:
        write_catalog([], tmp_path / "missing" / "c.csv")
    assert info.value.code == "catalog.file_write"


def test_xlsx_formula_like_text_stays_text(tmp_path: Path) -> None:
    procedure = parse_procedure(raw(name="=SUM(A1:A2)", notes="+84 912", fee="-"))
    path = tmp_path / "f.xlsx"
    write_catalog([procedure], path)
    assert read_catalog(path).procedures == [procedure]


_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")),
    max_size=30,
)
_component = st.fixed_dictionaries(
    {
        "name": _text,
        "originals": st.integers(0, 100),
        "copies": st.integers(0, 100),
        "submission": st.sampled_from(["submit", "show", "nộp", "xuất trình"]),
    }
)
_time = st.one_of(
    st.none(),
    st.builds(lambda v: {"kind": "working_days", "value": v}, st.integers(1, 400)),
    st.builds(lambda v: {"kind": "working_hours", "value": v}, st.integers(1, 400)),
    st.builds(
        lambda h, m: {"kind": "same_day", "cutoff": f"{h:02d}:{m:02d}"},
        st.integers(0, 23),
        st.integers(0, 59),
    ),  # fmt: skip
)
_record = st.fixed_dictionaries(
    {
        "code": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.-]{0,39}", fullmatch=True),
        "name": _text,
        "field": _text,
        "level": _text,
        "processing_time": _time,
        "fee": _text,
        "fee_amount": st.none() | st.integers(0, 10**12),
        "components": st.lists(_component, max_size=4),
        "online_level": _text,
        "inter_agency": st.booleans(),
        "responsible_unit": _text,
        "decision": _text,
        "notes": st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    }
)


def _valid(record: dict[str, Any]) -> Procedure:
    try:
        return parse_procedure(record)
    except ValidationError:
        reject()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(_record, max_size=4, unique_by=lambda r: r["code"].casefold()))
def test_generated_procedures_round_trip(records: list[dict[str, Any]]) -> None:
    procedures = [_valid(r) for r in records]
    assert [Procedure.from_dict(p.to_dict()) for p in procedures] == procedures
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ALL_FORMATS:
            path = Path(folder) / f"c.{fmt.value}"
            write_catalog(procedures, path)
            assert read_catalog(path).procedures == procedures, fmt


# --- the demo catalogue ------------------------------------------------------------------------


def test_demo_catalog() -> None:
    procedures = load_demo_catalog()
    by_code = {p.code: p for p in procedures}
    assert len(procedures) == len(by_code) == 58
    for code in ("1.001193", "2.000815", "2.000884"):
        assert by_code[code].processing_time == Duration.same_day(time(15, 0)), code
    assert by_code["1.001612"].processing_time == Duration.days(3)
    assert by_code["1.001193"].name == "Thủ tục đăng ký khai sinh"
    assert by_code["1.001193"].responsible_unit == "Công chức Tư pháp - Hộ tịch"
    assert sum(p.processing_time is None for p in procedures) == 12
    assert all(p.responsible_unit and p.field for p in procedures)
    assert by_code["2.000815"].components[0].submission in Submission


def test_demo_catalog_file_is_clean() -> None:
    text = catalog_io.DEMO_CATALOG_PATH.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "http" not in text and "crawl" not in text
    result = read_catalog(catalog_io.DEMO_CATALOG_PATH, partial=True)
    assert result.errors == []


def test_domain_module_stays_pure() -> None:
    source = Path(catalog.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "sqlalchemy" not in source
