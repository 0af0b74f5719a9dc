"""Báo cáo: the period picker, the table as the service computes it, the chart, the late list, export."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from motcua_desktop.domain.report_periods import official_period
from motcua_desktop.gui.report_models import LateListModel, ReportTableModel
from motcua_desktop.gui.reports_page import ReportsPage
from motcua_desktop.services.report_xlsx import HEADER_ROW, SHEET_LATE, SHEET_REPORT
from motcua_desktop.services.reports import ReportService

pytestmark = pytest.mark.usefixtures("vietnamese")


@pytest.fixture
def page(qtbot, make_ctx):
    page = ReportsPage(make_ctx("tiepnhan"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    qtbot.waitUntil(lambda: page.loaded is not None)
    return page


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_opens_on_the_current_monthly_period_with_the_services_numbers(page, workspace):
    # 05/03/2026 belongs to «tháng 3»: 15/02/2026 – 14/03/2026, counted up to now.
    assert page.loaded.data["period"]["label"].startswith("Tháng 3 năm 2026")
    expected = ReportService(workspace).build(official_period("month", 2026, 3)).to_dict()
    model = page.model
    assert model.rowCount() == len(expected["rows"]) + 1
    for row, data in enumerate([*expected["rows"], expected["total"]]):
        assert cell(model, row, 1) == str(data["received"])
        assert cell(model, row, 6) == str(data["resolved"])
    assert cell(model, model.rowCount() - 1, 0) == "Tổng cộng"  # translated "Total"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Tiếp nhận"
    assert "Số liệu đến 10:00 05/03/2026" in page.summary.text()


def test_models_pass_the_model_tester(page, qtmodeltester, workspace):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.late_model)
    empty = ReportTableModel()
    qtmodeltester.check(empty)
    qtmodeltester.check(LateListModel(workspace.tz))


def test_a_quarter_by_unit_and_its_late_list(page, qtbot, workspace):
    page.kind.setCurrentIndex(page.kind.findData("quarter"))
    page.index.setValue(1)
    page.group.setCurrentIndex(page.group.findData("unit"))
    page.show_button.click()
    qtbot.waitUntil(lambda: page.loaded.data["by"] == "unit")
    expected = ReportService(workspace).build(
        official_period("quarter", 2026, 1), "unit", late_list=True
    )
    assert page.late_model.rowCount() == len(expected.late) > 0
    first = expected.late[0]
    assert cell(page.late_model, 0, 0) == first.code
    assert cell(page.late_model, 0, 6) == f"Bước {first.overrun.step}: {first.overrun.unit}"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Đơn vị giải quyết"


def test_chart_shows_the_on_time_rate_of_each_month_with_resolutions(page, workspace):
    series = page.chart.series()
    assert len(series) == 1
    trend = ReportService(workspace).on_time_by_month(2026)
    points = [(p.x(), p.y()) for p in series[0].points()]
    assert points == [
        (float(n), m["on_time_rate"])
        for n, m in enumerate(trend, start=1)
        if m["on_time_rate"] is not None
    ]
    assert points  # the demo resolved dossiers in the last weeks


def test_from_after_to_says_so_and_disables_export(page):
    page.kind.setCurrentIndex(page.kind.findData("custom"))
    assert not page.date_from.isHidden() and page.year.isHidden()
    page.date_from.setDate(QDate(2026, 3, 4))
    page.date_to.setDate(QDate(2026, 3, 1))
    page.show_button.click()
    assert not page.message.isHidden() and page.message.level == "error"
    assert "04/03/2026" in page.message.text() and "01/03/2026" in page.message.text()
    assert not page.pdf_button.isEnabled() and page.model.rowCount() == 0


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_export_writes_the_report_shown(page, qtbot, tmp_path, kind):
    target = tmp_path / f"bao-cao.{kind}"
    page.ask_path = lambda asked: target if asked == kind else None
    (page.pdf_button if kind == "pdf" else page.xlsx_button).click()
    qtbot.waitUntil(lambda: page.message.level == "success")
    assert str(target) in page.message.text()
    if kind == "pdf":
        assert target.read_bytes().startswith(b"%PDF")
    else:
        sheet = load_workbook(target)[SHEET_REPORT]
        total = page.loaded.data["total"]
        last = HEADER_ROW + 2 + len(page.loaded.data["rows"])
        assert sheet.cell(last, 3).value == total["received"]


@pytest.mark.parametrize(("username", "named"), [("tiepnhan", False), ("chutich", True)])
def test_the_late_list_exported_names_applicants_only_for_a_role_allowed_to(
    qtbot, make_ctx, tmp_path, username, named
):
    page = ReportsPage(make_ctx(username))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded is not None)
    page.kind.setCurrentIndex(page.kind.findData("quarter"))
    page.index.setValue(1)
    page.show_button.click()
    qtbot.waitUntil(lambda: page.loaded.data["period"]["label"].startswith("Quý"))
    late = page.loaded.result.late
    assert late and all(entry.applicant for entry in late)  # on screen, for the staff
    target = tmp_path / "bao-cao.xlsx"
    page.ask_path = lambda asked: target
    page.xlsx_button.click()
    qtbot.waitUntil(lambda: page.message.level == "success")
    cells = {c.value for row in load_workbook(target)[SHEET_LATE].iter_rows() for c in row}
    assert (late[0].applicant in cells) is named


def test_cancelled_export_writes_nothing(page, tmp_path):
    asked: list[str] = []
    page.ask_path = lambda kind: asked.append(kind)  # the dialog was cancelled: None
    page.pdf_button.click()
    assert asked == ["pdf"]
    assert page.message.isHidden()
    assert not list(tmp_path.glob("*.pdf"))
