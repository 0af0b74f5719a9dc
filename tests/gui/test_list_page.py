"""The dossier list: filters, SQL sorting, paging as the view scrolls, opening and XLSX export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.qtbot import QtBot
from records_helpers import Commune

from motcua_desktop.domain.dossier import Status
from motcua_desktop.gui.dossier_table_model import CODE_ROLE, DossierTableModel
from motcua_desktop.gui.list_page import DossierListPage
from motcua_desktop.services import dossier_list
from motcua_desktop.services.dossier_list import ListFilters, ListOrder, SortKey

pytest_plugins = ["records_fixtures"]
pytestmark = [pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


class AnswerWith:
    """A file chooser that answers with a fixed path instead of a native dialog."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[str] = []

    def save_path(self, _parent: object, title: str, suggested: str, _filters: str) -> Path | None:
        self.asked.append(suggested)
        return self.path

    def open_path(self, _parent: object, title: str, _filters: str) -> Path | None:
        return self.path


def names(page: DossierListPage) -> list[str]:
    return [page.model.row_at(r).applicant_name for r in range(page.model.rowCount())]


def open_list(qtbot: QtBot, commune: Commune, user=None) -> DossierListPage:  # noqa: ANN001
    page = DossierListPage(commune.context(user or commune.clerk))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.loading and page.ctx.ops.pending == 0)
    return page


def change(qtbot: QtBot, page: DossierListPage, action) -> None:  # noqa: ANN001
    """Do something that changes the query; wait for the new rows and their count."""
    with qtbot.waitSignals([page.model.loaded, page.model.count_changed], timeout=10_000):
        action()


@pytest.fixture
def dossiers(commune: Commune) -> dict[str, str]:
    return commune.populate()


def test_filters_select_what_the_clerk_asks_for(
    qtbot: QtBot, commune: Commune, dossiers: dict[str, str]
) -> None:
    page = open_list(qtbot, commune)
    assert page.model.total == 6
    assert page.ui.count_label.text() == "6 hồ sơ"
    ui = page.ui

    change(
        qtbot,
        page,
        lambda: ui.status_combo.setCurrentIndex(ui.status_combo.findText("Chờ bổ sung")),
    )
    assert names(page) == ["Đặng Văn Dũng"]
    change(qtbot, page, lambda: ui.status_combo.setCurrentIndex(1))  # open: processing or waiting
    assert sorted(names(page)) == ["An Văn Bình", "Ngô Văn Giang", "Đặng Văn Dũng"]
    change(qtbot, page, lambda: ui.late_check.setChecked(True))
    assert sorted(names(page)) == ["An Văn Bình", "Đặng Văn Dũng"]
    change(qtbot, page, ui.clear_button.click)
    assert page.model.total == 6

    assert ui.field_combo.findData("Đất đai") > 0  # the catalog's fields
    change(qtbot, page, lambda: ui.field_combo.setCurrentIndex(ui.field_combo.findData("Hộ tịch")))
    assert sorted(names(page)) == ["An Văn Bình", "Bùi Thị Em", "Lê Thị Hạnh"]
    change(
        qtbot, page, lambda: ui.channel_combo.setCurrentIndex(ui.channel_combo.findData("online"))
    )
    assert names(page) == ["Lê Thị Hạnh"]
    change(qtbot, page, ui.clear_button.click)

    ui.from_date.setDate(QDate(2025, 3, 4))
    ui.to_date.setDate(QDate(2025, 3, 4))
    change(qtbot, page, lambda: ui.from_check.setChecked(True))
    assert sorted(names(page)) == ["Bùi Thị Em", "Lê Thị Hạnh", "Ngô Văn Giang", "Đặng Văn Dũng"]
    change(qtbot, page, lambda: ui.to_check.setChecked(True))
    assert sorted(names(page)) == ["Bùi Thị Em", "Đặng Văn Dũng"]
    # The late mark is shown with an icon and in the tooltip, not by colour alone.
    late_row = names(page).index("Đặng Văn Dũng")
    tooltip = page.model.index(late_row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Chờ bổ sung, trễ hạn"


def test_an_impossible_date_range_is_explained(
    qtbot: QtBot, commune: Commune, dossiers: dict[str, str]
) -> None:
    page = open_list(qtbot, commune)
    ui = page.ui
    ui.from_date.setDate(QDate(2025, 3, 10))
    ui.to_date.setDate(QDate(2025, 3, 3))
    ui.from_check.setChecked(True)
    ui.to_check.setChecked(True)
    assert ui.count_label.text() == "Ngày kết thúc trước ngày bắt đầu."


def test_header_click_sorts_in_sql(
    qtbot: QtBot, commune: Commune, dossiers: dict[str, str]
) -> None:
    page = open_list(qtbot, commune)
    # Newest first by default.
    assert names(page)[:2] == ["Lê Thị Hạnh", "Ngô Văn Giang"]
    header = page.ui.table_view.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    point = header.rect().center()
    point.setX(x)
    change(
        qtbot,
        page,
        lambda: qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point),
    )
    first = page.model.order
    change(
        qtbot,
        page,
        lambda: qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point),
    )
    second = page.model.order
    assert {first.key, second.key} == {SortKey.APPLICANT}
    ascending = names(page) if not second.descending else list(reversed(names(page)))
    # Sorted by the name without diacritics: "Đặng" files under D.
    assert ascending == [
        "An Văn Bình", "Bùi Thị Em", "Đặng Văn Dũng", "Lê Thị Hạnh", "Ngô Văn Giang", "Trần Thị Cúc",
    ]  # fmt: skip


def test_activating_a_row_opens_the_dossier(
    qtbot: QtBot, commune: Commune, dossiers: dict[str, str]
) -> None:
    page = open_list(qtbot, commune)
    row = names(page).index("Bùi Thị Em")
    view = page.ui.table_view
    rect = view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.ctx.dossier_requested) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [dossiers["Bùi Thị Em"]]


def test_export_writes_the_filtered_rows(
    qtbot: QtBot,
    commune: Commune,
    dossiers: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dossier_list, "PROGRESS_EVERY", 1)  # every row, to see it move
    page = open_list(qtbot, commune, commune.leader)  # may export personal data
    target = tmp_path / "xuat" / "ho-so-tre"
    page.file_chooser = AnswerWith(target)
    progress: list[int] = []
    page.export_progressed.connect(progress.append)
    change(qtbot, page, lambda: page.ui.late_check.setChecked(True))
    with qtbot.waitSignal(page.exported, timeout=10_000) as done:
        qtbot.mouseClick(page.ui.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0] == 2
    assert progress == [1, 2]
    path = Path(done.args[1])
    assert path == target.with_suffix(".xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã hồ sơ", "Trạng thái", "Trễ hạn")
    by_code = {r[0]: r for r in rows[1:]}
    assert set(by_code) == {dossiers["An Văn Bình"], dossiers["Đặng Văn Dũng"]}
    dung = by_code[dossiers["Đặng Văn Dũng"]]
    assert dung[1] == "Chờ bổ sung" and dung[2] == "Có" and dung[6] == "Bưu chính"
    assert dung[7] == "Đặng Văn Dũng"
    assert dung[8] == datetime(2025, 3, 4, 9, 0)
    assert "Đã xuất 2 hồ sơ" in page.ui.count_label.text()


def test_a_clerk_exports_the_list_without_names(
    qtbot: QtBot, commune: Commune, dossiers: dict[str, str], tmp_path: Path
) -> None:
    page = open_list(qtbot, commune)
    page.file_chooser = AnswerWith(tmp_path / "ds.xlsx")
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.ui.export_button.click()
    rows = list(load_workbook(tmp_path / "ds.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 7
    assert "Người nộp" not in rows[0]
    assert not any("Bùi Thị Em" in (str(c) for c in row) for row in rows)


def test_the_model_fetches_pages_as_the_view_needs_them(
    qtbot: QtBot, commune: Commune, dossiers: dict[str, str], qtmodeltester
) -> None:  # noqa: ANN001
    ctx = commune.context(commune.clerk)
    model = DossierTableModel(ctx, page_size=4)
    with qtbot.waitSignals([model.loaded, model.count_changed], timeout=10_000):
        model.set_filters(ListFilters())
    assert (model.rowCount(), model.total) == (4, 6)
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 6
    assert not model.canFetchMore(QModelIndex())
    codes = [model.index(r, 0).data(CODE_ROLE) for r in range(6)]
    assert len(set(codes)) == 6
    qtmodeltester.check(model)

    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_filters(ListFilters(statuses=frozenset({Status.RETURNED})))
    assert [model.row_at(0).applicant_name] == ["Trần Thị Cúc"]
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.order == ListOrder(SortKey.CODE, descending=False)
    qtmodeltester.check(model)
