"""Trả kết quả: the clerk picks a waiting result and hands it back, noting the satisfaction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from records_helpers import Commune, modal_dialog, wait_idle

from motcua_desktop.domain.dossier import Status
from motcua_desktop.gui.result_dialogs import ReturnDialog
from motcua_desktop.gui.return_page import ReturnPage
from motcua_desktop.services.dossiers import DossierService

pytest_plugins = ["records_fixtures"]
pytestmark = [pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


def open_returns(qtbot: QtBot, commune: Commune, user) -> ReturnPage:  # noqa: ANN001
    page = ReturnPage(commune.context(user))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    wait_idle(qtbot, page.ctx)
    return page


def test_return_a_waiting_result_with_satisfaction(qtbot: QtBot, commune: Commune) -> None:
    codes = commune.populate()
    page = open_returns(qtbot, commune, commune.clerk)
    assert [page.model.row_at(r).code for r in range(page.model.rowCount())] == [
        codes["Bùi Thị Em"]
    ]
    assert page.ui.count_label.text() == "1 kết quả chờ trả"
    assert not page.ui.return_button.isEnabled()  # nothing chosen yet

    view = page.ui.table_view
    rect = view.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_code() == codes["Bùi Thị Em"]
    qtbot.mouseClick(page.ui.return_button, Qt.MouseButton.LeftButton)
    dialog = modal_dialog(qtbot, ReturnDialog)
    assert dialog.to_whom_edit.text() == "Bùi Thị Em"
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("postal"))
    dialog.satisfaction_combo.setCurrentIndex(dialog.satisfaction_combo.findData("very_satisfied"))
    with qtbot.waitSignal(page.returned, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    wait_idle(qtbot, page.ctx)
    assert page.ui.count_label.text() == "0 kết quả chờ trả"

    state = DossierService(commune.ws).state(codes["Bùi Thị Em"])
    assert state.status is Status.RETURNED
    assert state.satisfaction == "very_satisfied"
    events = DossierService(commune.ws).events(codes["Bùi Thị Em"])
    assert events[-2].data["method"] == "postal"


def test_only_the_counter_returns_results(qtbot: QtBot, commune: Commune) -> None:
    commune.populate()
    officer = open_returns(qtbot, commune, commune.officer)
    assert officer.model.rowCount() == 1  # the officer sees what waits
    assert officer.ui.return_button.isHidden()
    assert officer.ui.open_button.isVisibleTo(officer)
