"""The main window: pages built on first visit, shortcuts, search, and roles deciding what is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from motcua_desktop.domain.dossier import Status
from motcua_desktop.gui import main_window as main_window_module
from motcua_desktop.gui.actions import ActionId
from motcua_desktop.gui.main_window import MainWindow
from motcua_desktop.gui.navigation import NAVIGATION, SPECS, PageId, PageSpec
from motcua_desktop.gui.search_box import SearchResultsModel
from motcua_desktop.gui.unavailable import UnavailablePage
from motcua_desktop.services.lookup import with_status

pytestmark = pytest.mark.usefixtures("vietnamese")


@pytest.fixture
def window_for(qtbot, make_ctx):
    def make(username: str) -> MainWindow:
        window = MainWindow(make_ctx(username))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def nav_titles(window: MainWindow) -> list[str]:
    return [
        window.nav.item(r).text()
        for r in range(window.nav.count())
        if not window.nav.item(r).isHidden()
    ]


def test_a_clerk_sees_the_counter_screens_but_not_administration(window_for):
    window = window_for("tiepnhan")
    assert nav_titles(window) == [
        "Hôm nay", "Tiếp nhận", "Hồ sơ", "Trả kết quả", "Báo cáo", "Danh mục",
    ]  # fmt: skip
    admin = window.actions_[ActionId.GO_ADMIN]
    assert not admin.isEnabled() and not admin.isVisible()
    admin.trigger()  # a disabled action does nothing
    assert window.show_page(PageId.ADMIN) is None  # and the window refuses it directly too
    assert window.current_page is PageId.INTAKE
    assert PageId.ADMIN not in window.pages
    assert "không được mở" in window.statusBar().currentMessage()


def test_an_admin_sees_administration_but_does_not_receive_dossiers(window_for):
    window = window_for("admin")
    titles = nav_titles(window)
    assert "Quản trị" in titles and "Tiếp nhận" not in titles and "Trả kết quả" not in titles


def test_a_clerk_lands_on_the_intake_form_with_no_other_screen_built(window_for, qtbot):
    window = window_for("tiepnhan")
    assert window.current_page is PageId.INTAKE
    intake = window.pages[PageId.INTAKE]
    assert window.stack.currentWidget() is intake
    assert window.nav.currentItem().text() == "Tiếp nhận"
    assert set(window.pages) == {PageId.INTAKE}
    qtbot.waitUntil(intake.procedure_search.hasFocus)  # typing picks the procedure at once


@pytest.mark.parametrize("username", ["tuphap", "chutich", "admin"])
def test_officers_leaders_and_admins_land_on_todays_work(window_for, username):
    window = window_for(username)
    assert window.current_page is PageId.TODAY
    assert window.nav.currentItem().text() == "Hôm nay"
    assert set(window.pages) == {PageId.TODAY}


def test_pages_are_built_on_first_visit_and_reached_by_shortcut(window_for, qtbot):
    window = window_for("tiepnhan")
    intake = window.pages[PageId.INTAKE]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is PageId.TODAY
    assert window.nav.currentItem().text() == "Hôm nay"
    today = window.pages[PageId.TODAY]
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_page is PageId.INTAKE
    assert window.pages[PageId.INTAKE] is intake  # built once
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages[PageId.TODAY] is today
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.edit.hasFocus()


def test_every_screen_opens_without_crashing_the_window(window_for):
    window = window_for("tiepnhan")
    for spec in NAVIGATION:
        if window.allowed(spec):
            page = window.show_page(spec.id)
            assert isinstance(page, QWidget) and window.stack.currentWidget() is page


def test_a_missing_screen_says_so_instead_of_crashing(window_for, monkeypatch):
    missing = PageSpec(PageId.REPORTS, ActionId.GO_REPORTS, SPECS[PageId.REPORTS].icon,
                       "no_such_page_module", "Nothing")  # fmt: skip
    monkeypatch.setitem(main_window_module.SPECS, PageId.REPORTS, missing)
    window = window_for("tiepnhan")
    page = window.show_page(PageId.REPORTS)
    assert isinstance(page, UnavailablePage)
    assert page.message.text() == "Màn hình «Báo cáo» chưa có trong phiên bản này."


def test_a_screen_that_fails_to_start_says_so(window_for, monkeypatch):
    broken = PageSpec(PageId.CATALOG, ActionId.GO_CATALOG, SPECS[PageId.CATALOG].icon,
                      "unavailable", "NoSuchClass")  # fmt: skip
    monkeypatch.setitem(main_window_module.SPECS, PageId.CATALOG, broken)
    window = window_for("tiepnhan")
    page = window.show_page(PageId.CATALOG)
    assert isinstance(page, UnavailablePage)
    assert "AttributeError" in page.detail.text()


def test_the_search_box_finds_by_name_and_enter_opens_the_dossier(window_for, qtbot, workspace):
    dossier = with_status(workspace, Status.WAITING_SUPPLEMENT)[0]
    window = window_for("tiepnhan")
    window.search.focus()
    qtbot.keyClicks(window.search.edit, dossier.phone)
    with qtbot.waitSignal(window.page_shown, check_params_cb=lambda p: p == "dossier"):
        qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    page = window.pages[PageId.DOSSIER]
    qtbot.waitUntil(lambda: page.code == dossier.code, timeout=10_000)
    assert window.nav.currentItem().text() == "Hồ sơ"


def test_a_name_typed_without_diacritics_lists_the_hits(
    window_for, qtbot, workspace, qtmodeltester
):
    dossier = with_status(workspace, Status.RESULT_READY)[0]
    words = dossier.applicant_name.split()
    window = window_for("tiepnhan")
    window.search.focus()
    from motcua_desktop.domain.text import fold

    qtbot.keyClicks(window.search.edit, fold(" ".join(words[:2])))
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0 and window.search.popup.isVisible())
    codes = [window.search.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
             for r in range(window.search.model.rowCount())]  # fmt: skip
    assert dossier.code in codes or len(codes) == 30
    qtmodeltester.check(window.search.model)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)
    assert window.search.results.hasFocus()
    with qtbot.waitSignal(window.ctx.dossier_requested) as opened:
        qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert opened.args == [codes[0]]


def test_an_empty_search_model_is_a_valid_model(qtmodeltester):
    qtmodeltester.check(SearchResultsModel())
