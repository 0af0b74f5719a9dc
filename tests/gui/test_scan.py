"""A USB scanner's burst of keys ending in Enter opens the dossier, wherever the focus is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from motcua_desktop.domain.dossier import Status
from motcua_desktop.gui.main_window import MainWindow
from motcua_desktop.gui.navigation import PageId
from motcua_desktop.gui.scan import ScanFilter
from motcua_desktop.services.lookup import with_status

CODE = "000.12.34.H40-260305-0001"


class Ticks:
    """A monotonic clock that moves ``step`` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def form(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = QLineEdit(window), QLineEdit(window)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    yield first, second
    window.close()


def install(qapp, step: float) -> ScanFilter:
    scan = ScanFilter(clock=Ticks(step))
    scan.install(qapp)
    return scan


def test_a_fast_burst_forming_a_code_is_a_scan_and_leaves_no_trace(qapp, qtbot, form):
    _first, field = form
    field.setText("Nguyễn ")
    field.end(False)
    scan = install(qapp, 0.004)
    try:
        with qtbot.waitSignal(scan.code_scanned) as signal:
            qtbot.keyClicks(field, CODE)
            qtbot.keyClick(field, Qt.Key.Key_Return)
    finally:
        qapp.removeEventFilter(scan)
    assert signal.args == [CODE]
    assert field.text() == "Nguyễn "  # what the clerk had typed stays, the scan is taken out


def test_typing_a_code_by_hand_is_ordinary_typing(qapp, qtbot, form):
    _first, field = form
    scan = install(qapp, 0.2)  # 200 ms between keys: a person
    pressed = []
    field.returnPressed.connect(lambda: pressed.append(field.text()))
    try:
        with qtbot.assertNotEmitted(scan.code_scanned):
            qtbot.keyClicks(field, CODE)
            qtbot.keyClick(field, Qt.Key.Key_Return)
    finally:
        qapp.removeEventFilter(scan)
    assert pressed == [CODE]  # Enter reached the field


def test_a_fast_burst_that_is_not_a_code_passes_through(qapp, qtbot, form):
    _first, field = form
    scan = install(qapp, 0.004)
    pressed = []
    field.returnPressed.connect(lambda: pressed.append(field.text()))
    try:
        with qtbot.assertNotEmitted(scan.code_scanned):
            qtbot.keyClicks(field, "0912345678")
            qtbot.keyClick(field, Qt.Key.Key_Return)
    finally:
        qapp.removeEventFilter(scan)
    assert pressed == ["0912345678"]


def test_scanning_on_any_screen_opens_that_dossier(qapp, qtbot, make_ctx, workspace):
    code = with_status(workspace, Status.RESULT_READY)[0].code
    ctx = make_ctx("tiepnhan")
    scan = ScanFilter(clock=Ticks(0.004))
    window = MainWindow(ctx, scan_filter=scan)
    qtbot.addWidget(window)
    scan.install(qapp)
    try:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        intake = window.show_page(PageId.INTAKE)
        assert intake is not None
        intake.name_edit.setFocus()
        qtbot.waitUntil(intake.name_edit.hasFocus)
        with qtbot.waitSignal(window.page_shown, check_params_cb=lambda p: p == "dossier"):
            qtbot.keyClicks(intake.name_edit, code)
            qtbot.keyClick(intake.name_edit, Qt.Key.Key_Return)
    finally:
        qapp.removeEventFilter(scan)
    assert window.current_page is PageId.DOSSIER
    assert intake.name_edit.text() == ""
    page = window.pages[PageId.DOSSIER]
    qtbot.waitUntil(lambda: getattr(page, "code", "") == code, timeout=10_000)


def test_the_window_listens_for_the_scanner_once_it_is_on_screen(qtbot, make_ctx, workspace):
    """The window's own filter is installed after its first paint (it sees every event of the
    app), and taken out again when the window closes."""
    code = with_status(workspace, Status.RESULT_READY)[0].code
    window = MainWindow(make_ctx("tiepnhan"))
    qtbot.addWidget(window)
    assert not window.scanning  # nothing on screen yet: no event of the app goes through it
    window.scan_filter._clock = Ticks(0.004)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.scanning)
    window.activateWindow()
    intake = window.pages[PageId.INTAKE]  # a clerk's window lands on the intake form
    intake.name_edit.setFocus()
    qtbot.waitUntil(intake.name_edit.hasFocus)
    with qtbot.waitSignal(window.page_shown, check_params_cb=lambda p: p == "dossier"):
        qtbot.keyClicks(intake.name_edit, code)
        qtbot.keyClick(intake.name_edit, Qt.Key.Key_Return)
    assert intake.name_edit.text() == ""
    window.close()
    assert not window.scanning
