"""The Backup tab: lists backups, warns when they are old, backs up, verifies and restores."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from motcua_desktop.gui.backup_panel import BackupPanel
from motcua_desktop.gui.context import AppContext
from motcua_desktop.services import backup
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.users import get_user

LEFT = Qt.MouseButton.LeftButton


def _events(ctx: AppContext) -> list[tuple[str, str]]:
    conn = sqlite3.connect(ctx.workspace.db.path)
    try:
        return conn.execute("SELECT id, hash FROM events ORDER BY node, seq").fetchall()
    finally:
        conn.close()


def _receive(ctx: AppContext) -> str:
    procedure = next(p for p in list_procedures(ctx.workspace) if p.processing_time is not None)
    request = IntakeRequest(
        procedure_code=procedure.code,
        applicant=ApplicantInput(name="Lê Thị Sau Sao Lưu"),
        confirm_warnings=True,
    )
    return ctx.dossiers.receive(get_user(ctx.workspace, "tiepnhan"), request).code


@pytest.fixture
def panel(qtbot, make_ctx: Callable[[str], AppContext]) -> BackupPanel:
    widget = BackupPanel(make_ctx("admin"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.folder.text() != "")
    return widget


def test_a_first_backup_clears_the_warning(qtbot, panel: BackupPanel, qtmodeltester) -> None:
    assert not panel.warning.isHidden() and "chưa có bản sao lưu" in panel.warning.text()
    assert panel.model.rowCount() == 0 and not panel.verify_button.isEnabled()
    with qtbot.waitSignal(panel.backup_created, timeout=30_000) as created:
        qtbot.mouseClick(panel.create_button, LEFT)
    info = created.args[0]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.warning.isHidden()
    assert str(info.path) in panel.status.text()
    assert panel.selected() == info and panel.verify_button.isEnabled()
    qtmodeltester.check(panel.model)


def test_verify_reports_a_whole_backup_and_a_damaged_one(qtbot, panel: BackupPanel) -> None:
    info = backup.create_backup(panel.ctx.workspace)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    qtbot.mouseClick(panel.verify_button, LEFT)
    qtbot.waitUntil(
        lambda: str(info.path) in panel.status.text() and panel.create_button.isEnabled()
    )
    data = bytearray(info.path.read_bytes())
    data[-100] ^= 0xFF
    info.path.write_bytes(bytes(data))
    qtbot.mouseClick(panel.verify_button, LEFT)
    qtbot.waitUntil(lambda: "bị thay đổi hoặc hỏng" in panel.status.text())


def _confirm_box() -> QMessageBox:
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(boxes) == 1
    return boxes[0]


def test_restore_after_confirmation_brings_back_the_backup(qtbot, panel: BackupPanel) -> None:
    ctx = panel.ctx
    info = backup.create_backup(ctx.workspace)
    at_backup = _events(ctx)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    _receive(ctx)
    assert _events(ctx) != at_backup
    qtbot.mouseClick(panel.restore_button, LEFT)
    box = _confirm_box()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)  # changed their mind
    assert _events(ctx) != at_backup
    qtbot.mouseClick(panel.restore_button, LEFT)
    box = _confirm_box()
    with qtbot.waitSignal(panel.restored, timeout=30_000) as restored:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert restored.args[0].restored_from == info.path
    assert _events(ctx) == at_backup
    assert str(restored.args[0].kept_aside) in panel.status.text()


def test_a_clerk_cannot_restore(qtbot, make_ctx: Callable[[str], AppContext]) -> None:
    ctx = make_ctx("tiepnhan")
    backup.create_backup(ctx.workspace)
    widget = BackupPanel(ctx)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    assert widget.verify_button.isEnabled() and not widget.restore_button.isEnabled()
    assert not widget.folder_button.isEnabled()


def test_the_panel_speaks_vietnamese(qtbot, make_ctx, vietnamese) -> None:
    widget = BackupPanel(make_ctx("admin"))
    qtbot.addWidget(widget)
    assert widget.create_button.text() == "Sao lưu ngay"
    assert widget.model.headerData(0, Qt.Orientation.Horizontal) == "Thời điểm"
    qtbot.waitUntil(lambda: widget.folder.text() != "")
    with qtbot.waitSignal(widget.backup_created, timeout=30_000) as created:
        qtbot.mouseClick(widget.create_button, LEFT)
    seconds = f"{created.args[0].duration_s:.1f}".replace(".", ",")  # as Vietnamese writes it
    assert widget.status.text().startswith(f"Đã sao lưu và kiểm tra trong {seconds} giây (")


def test_the_admin_chooses_the_usb_folder(qtbot, panel: BackupPanel, tmp_path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    qtbot.mouseClick(panel.folder_button, LEFT)
    dialog = panel.folder_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.selectFile(str(usb))
    dialog.accept()
    qtbot.waitUntil(lambda: str(usb) in panel.folder.text())
    assert panel.ctx.workspace.setting("backup_dir") == str(usb)
    with qtbot.waitSignal(panel.backup_created, timeout=30_000) as created:
        qtbot.mouseClick(panel.create_button, LEFT)
    assert created.args[0].path.parent == usb
