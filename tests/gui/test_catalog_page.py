"""Danh mục: searching the catalog, importing with row errors, editing, exporting, the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from records_helpers import Commune, modal_dialog, type_text, wait_idle

from motcua_desktop.domain.calendar import OverrideKind
from motcua_desktop.domain.errors import PermissionDenied
from motcua_desktop.gui.catalog_page import CatalogPage
from motcua_desktop.gui.procedure_dialog import ProcedureDialog
from motcua_desktop.services.calendar_service import set_override
from motcua_desktop.services.catalog import import_catalog, list_procedures
from motcua_desktop.services.catalog_io import read_catalog

pytest_plugins = ["records_fixtures"]
pytestmark = [pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


class AnswerWith:
    def __init__(self, path: Path) -> None:
        self.path = path

    def save_path(self, *_args: object) -> Path:
        return self.path

    def open_path(self, *_args: object) -> Path:
        return self.path


def open_catalog(qtbot: QtBot, commune: Commune, user) -> CatalogPage:  # noqa: ANN001
    page = CatalogPage(commune.context(user))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    wait_idle(qtbot, page.ctx)
    return page


def shown_names(page: CatalogPage) -> list[str]:
    return [page.procedures.row_at(r).name for r in range(page.procedures.rowCount())]


def test_search_with_or_without_diacritics(qtbot: QtBot, commune: Commune) -> None:
    page = open_catalog(qtbot, commune, commune.clerk)
    everything = page.procedures.rowCount()
    assert everything == len(list_procedures(commune.ws))
    with qtbot.waitSignal(page.procedures_shown, timeout=10_000):
        type_text(page.ui.search_edit, "ket hon")
    wait_idle(qtbot, page.ctx)
    plain = shown_names(page)
    assert "Thủ tục đăng ký kết hôn" in plain and len(plain) < everything
    page.ui.search_edit.clear()
    wait_idle(qtbot, page.ctx)
    type_text(page.ui.search_edit, "kết hôn")
    wait_idle(qtbot, page.ctx)
    assert shown_names(page) == plain
    page.ui.search_edit.clear()
    type_text(page.ui.search_edit, "1.004873")
    wait_idle(qtbot, page.ctx)
    assert [page.procedures.row_at(0).code] == ["1.004873"]


def test_import_shows_each_bad_row_then_imports_the_good_ones(
    qtbot: QtBot, commune: Commune, tmp_path: Path
) -> None:
    source = tmp_path / "danh-muc.csv"
    source.write_text(
        "code,name,field,time_kind,time_value\n"
        "DP-01,Xác nhận đơn,Hành chính,working_days,2\n"
        "DP-02,,Hành chính,working_days,2\n"
        "DP 03,Thủ tục ba,Hành chính,working_days,x\n",
        encoding="utf-8",
    )
    page = open_catalog(qtbot, commune, commune.admin)
    page.file_chooser = AnswerWith(source)
    with qtbot.waitSignal(page.import_failed, timeout=10_000) as failed:
        qtbot.mouseClick(page.ui.import_button, Qt.MouseButton.LeftButton)
    lines = failed.args[0]
    assert any(line.startswith("Dòng 3") and "Tên thủ tục" in line for line in lines)
    assert any(line.startswith("Dòng 4") for line in lines)
    assert page.ui.import_errors_box.isVisible()
    assert page.ui.import_errors_list.count() == len(lines)
    assert "không có dòng nào được ghi" in page.ui.catalog_status_label.text()
    assert not [p for p in list_procedures(commune.ws) if p.code == "DP-01"]

    with qtbot.waitSignal(page.imported, timeout=10_000) as done:
        qtbot.mouseClick(page.ui.import_valid_button, Qt.MouseButton.LeftButton)
    assert (done.args[0].added, done.args[0].updated) == (1, 0)
    assert "1 thủ tục mới" in page.ui.catalog_status_label.text()
    assert [p.name for p in list_procedures(commune.ws) if p.code == "DP-01"] == ["Xác nhận đơn"]


def test_admin_edits_a_procedure_validated_as_typed(qtbot: QtBot, commune: Commune) -> None:
    page = open_catalog(qtbot, commune, commune.admin)
    row = [page.procedures.row_at(r).code for r in range(page.procedures.rowCount())].index(
        "1.004873"
    )
    view = page.ui.procedures_view
    view.scrollTo(page.procedures.index(row, 0))
    rect = view.visualRect(page.procedures.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(page.ui.edit_button, Qt.MouseButton.LeftButton)
    dialog = modal_dialog(qtbot, ProcedureDialog)
    dialog.name_edit.clear()
    assert not dialog.save_button.isEnabled()
    assert "Tên thủ tục không được để trống" in dialog.problem_label.text()
    type_text(dialog.name_edit, "Cấp Giấy xác nhận tình trạng hôn nhân (sửa)")
    dialog.value_spin.setValue(5)
    assert dialog.save_button.isEnabled(), dialog.problem_label.text()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page.ctx)
    stored = list_procedures(commune.ws, "1.004873")[0]
    assert stored.name == "Cấp Giấy xác nhận tình trạng hôn nhân (sửa)"
    assert stored.processing_time is not None and stored.processing_time.value == 5
    assert len(stored.components) > 0  # the components came through the text unchanged
    assert "Cấp Giấy xác nhận tình trạng hôn nhân (sửa)" in shown_names(page)


def test_export_writes_the_catalog(qtbot: QtBot, commune: Commune, tmp_path: Path) -> None:
    page = open_catalog(qtbot, commune, commune.clerk)
    page.file_chooser = AnswerWith(tmp_path / "danh-muc")
    with qtbot.waitSignal(page.exported, timeout=10_000) as done:
        qtbot.mouseClick(page.ui.export_button, Qt.MouseButton.LeftButton)
    path = Path(done.args[1])
    assert path.suffix == ".xlsx"
    assert len(read_catalog(path).procedures) == done.args[0] == page.procedures.rowCount()


def test_admin_adds_and_removes_a_day_off(qtbot: QtBot, commune: Commune) -> None:
    page = open_catalog(qtbot, commune, commune.admin)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.calendar_tab)
    assert ui.year_spin.value() == 2025
    assert page.calendar.model.rowCount() == 0
    ui.override_date.setDate(QDate(2025, 3, 14))
    ui.override_kind_combo.setCurrentIndex(ui.override_kind_combo.findData("day_off"))
    type_text(ui.override_note_edit, "Nghỉ bù theo thông báo số 12")
    with qtbot.waitSignal(page.calendar.changed, timeout=10_000):
        qtbot.mouseClick(ui.add_override_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page.ctx)
    model = page.calendar.model
    assert [model.index(0, c).data() for c in range(4)] == [
        "14/03/2025", "Thứ Sáu", "Ngày nghỉ", "Nghỉ bù theo thông báo số 12",
    ]  # fmt: skip
    assert not page.ctx.dossiers.calendar.is_working_day(date(2025, 3, 14))

    view = ui.overrides_view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center()
    )
    with qtbot.waitSignal(page.calendar.changed, timeout=10_000):
        qtbot.mouseClick(ui.remove_override_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page.ctx)
    assert model.rowCount() == 0
    assert page.ctx.dossiers.calendar.is_working_day(date(2025, 3, 14))


def test_a_clerk_sees_the_catalog_but_cannot_change_it(
    qtbot: QtBot, commune: Commune, tmp_path: Path, qtmodeltester
) -> None:  # noqa: ANN001
    page = open_catalog(qtbot, commune, commune.clerk)
    assert page.ui.edit_button.isHidden()
    assert page.ui.import_button.isHidden()
    assert page.ui.override_box.isHidden()
    with pytest.raises(PermissionDenied):
        set_override(commune.ws, commune.clerk, date(2025, 3, 14), OverrideKind.DAY_OFF.value)
    with pytest.raises(PermissionDenied):
        import_catalog(commune.ws, commune.clerk, tmp_path / "any.json")
    qtmodeltester.check(page.procedures)
    set_override(commune.ws, commune.admin, date(2025, 3, 15), "work", "Làm bù")
    page.calendar.reload()
    wait_idle(qtbot, page.ctx)
    assert page.calendar.model.rowCount() == 1
    qtmodeltester.check(page.calendar.model)
