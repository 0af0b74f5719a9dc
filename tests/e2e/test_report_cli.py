"""``motcua report``: JSON, a PDF and a workbook that read back as the JSON, and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_history import TZ, build

from motcua_desktop.cli.main import main
from motcua_desktop.services.report_columns import COLUMNS, INDICATORS
from motcua_desktop.services.report_xlsx import (
    HEADER_ROW,
    SHEET_INDICATORS,
    SHEET_LATE,
    SHEET_REPORT,
    late_values,
)

AFTER = "2025-05-01T08:00:00+07:00"


@pytest.fixture
def history_dir(make_node, monkeypatch) -> tuple[Path, dict[str, str]]:
    node, sibling = make_node(0), make_node(1)
    history = build(node, sibling)
    history.sync()
    monkeypatch.setenv("MOTCUA_FAKE_NOW", AFTER)
    return node.ws.data_dir, history.codes


@pytest.fixture
def motcua(capsys):
    def run(*argv: object) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as usage:  # argparse stops at a usage error
            code = int(usage.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


MARCH = ("--period", "month", "--year", 2025, "--index", 3)


def printed(row: dict, column) -> str:
    value = row[column.key]
    if column.rate:
        return "-" if value is None else f"{value:.2f}".replace(".", ",")
    return str(value)


def test_json_pdf_and_xlsx_say_the_same(history_dir, motcua, tmp_path):
    folder, codes = history_dir
    pdf, xlsx = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.xlsx"
    code, out, err = motcua(
        "--data-dir",
        folder,
        "report",
        *MARCH,
        "--late-list",
        "--json",
        "--pdf",
        pdf,
        "--xlsx",
        xlsx,
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["period"]["from"] == "2025-02-15" and data["period"]["to"] == "2025-03-14"
    total = data["total"]
    assert (total["received"], total["resolved"], total["pending"], total["withdrawn"]) == (
        8,
        3,
        4,
        1,
    )
    assert data["files"] == [str(pdf), str(xlsx)]

    # The PDF: every row's label followed by its printed values, in the columns' order.
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    words = text.split()
    for row in [*data["rows"], {**total, "label": "Tổng cộng"}]:
        label = row["label"].split()
        expected = [printed(row, c) for c in COLUMNS]
        starts = [i for i in range(len(words)) if words[i : i + len(label)] == label]
        assert any(
            words[i + len(label) : i + len(label) + len(expected)] == expected for i in starts
        ), row["label"]
    assert "Tháng 3 năm 2025 (từ ngày 15/02/2025 đến ngày 14/03/2025)" in " ".join(words)
    assert f"Rất hài lòng: {total['very_satisfied']}" in text
    for entry in data["late_list"]:
        assert entry["code"] in text
    assert "Đã phát hành 12/03/2025" in " ".join(words)  # C's apology
    assert "NGƯỜI LẬP BIỂU" in text and "CHỦ TỊCH" in text

    # The workbook: numbers as numbers, the same as the JSON.
    book = load_workbook(xlsx)
    sheet = book[SHEET_REPORT]
    rows = [*data["rows"], {**total, "label": "Tổng cộng"}]
    for offset, row in enumerate(rows, start=HEADER_ROW + 2):
        assert sheet.cell(offset, 2).value == row["label"]
        assert [sheet.cell(offset, i + 3).value for i in range(len(COLUMNS))] == [
            row[c.key] for c in COLUMNS
        ]
    indicators = {r[0]: r[1] for r in book[SHEET_INDICATORS].iter_rows(min_row=2, values_only=True)}
    assert indicators == {label: total[key] for key, label in INDICATORS}
    late = list(book[SHEET_LATE].iter_rows(min_row=3, values_only=True))
    assert [list(r[1:]) for r in late] == [late_values(e, TZ) for e in data["late_list"]]
    assert {r[1] for r in late} == {codes[k] for k in ("C", "D2", "H")}


def test_text_output_by_unit(history_dir, motcua):
    folder, _ = history_dir
    code, out, _err = motcua("--data-dir", folder, "report", "--from", "2025-03-15", "--to",
                             "2025-04-14", "--by", "unit", "--late-list")  # fmt: skip
    assert code == 0
    assert "Đơn vị giải quyết" in out
    assert "- Tổng cộng: 4 (4) | 2: 1/0/1 | 1: 0/1 | 0, 1 | 50,00" in out
    assert "Hồ sơ quá hạn: 2" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (
            ("--from", "2025-03-10", "--to", "2025-03-01"),
            "ngày bắt đầu 10/03/2025 sau ngày kết thúc 01/03/2025",
        ),
        (("--from", "2025-03-10"), "Cần kỳ báo cáo"),
        (("--from", "2025-13-01", "--to", "2025-12-31"), "2025-13-01"),
        (("--period", "month", "--year", 2025), "số thứ tự từ 1 đến 12"),
        (("--period", "year", "--year", 2024), "trước khi có dữ liệu"),
        (("--from", "2025-06-01", "--to", "2025-06-30"), "sau ngày hôm nay (01/05/2025)"),
        ((*MARCH, "--field", "Thủy sản"), "Lĩnh vực «Thủy sản» không có"),
        ((*MARCH, "--by", "ward"), "«ward» không hợp lệ"),
        ((*MARCH, "--pdf", "bao-cao.txt"), "phải có đuôi .pdf"),
        ((*MARCH, "--from", "2025-03-01", "--to", "2025-03-02"), "Chỉ dùng một cách chọn kỳ"),
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_message(history_dir, motcua, argv, needle):
    folder, _ = history_dir
    code, out, err = motcua("--data-dir", folder, "report", *argv)
    assert code == 2
    assert needle in err and out == ""
    code, out, _ = motcua("--data-dir", folder, "report", *argv, "--json")
    assert code == 2 and needle in json.loads(out)["error"]["message"]


def test_a_quiet_period_is_zeros_not_an_error(make_data_dir, motcua, monkeypatch):
    monkeypatch.setenv("MOTCUA_FAKE_NOW", AFTER)
    folder = make_data_dir(0)  # a PC with no dossier at all
    code, out, err = motcua("--data-dir", folder, "report", *MARCH, "--json", "--late-list")
    assert code == 0, err
    data = json.loads(out)
    assert data["rows"] == [] and data["late_list"] == []
    assert all(v in (0, None) for v in data["total"].values())
