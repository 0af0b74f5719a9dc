"""Start of the day: set up a new PC (or take the demo commune), then sign in with a role."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from motcua_desktop.domain.roles import Role
from motcua_desktop.gui.setup_dialog import SetupDialog
from motcua_desktop.gui.sign_in import SignInDialog
from motcua_desktop.services.users import list_users

pytestmark = pytest.mark.usefixtures("vietnamese")


def sign_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.ui.user_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.ui.user_combo.lineEdit(), username)
    dialog.ui.password_edit.clear()
    qtbot.keyClicks(dialog.ui.password_edit, password)
    qtbot.mouseClick(dialog.ui.sign_in_button, Qt.MouseButton.LeftButton)


def test_a_clerk_signs_in_with_the_right_password_only(qtbot, workspace, password):
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Đăng nhập"
    assert "motcua2026" in dialog.ui.hint_label.text()  # the demo commune says its password
    assert dialog.ui.user_combo.count() == len(list_users(workspace))
    sign_in(qtbot, dialog, "tiepnhan", "sai-mat-khau")
    assert dialog.ui.error_label.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.user is None
    sign_in(qtbot, dialog, "tiepnhan", password)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.username == "tiepnhan" and dialog.user.role is Role.CLERK


def test_choosing_a_user_from_the_list_shows_the_role(qtbot, workspace, password):
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    index = dialog.ui.user_combo.findData("tuphap")
    dialog.ui.user_combo.setCurrentIndex(index)
    assert dialog.ui.role_label.text() == "Trần Văn Minh · Công chức chuyên môn"
    qtbot.keyClicks(dialog.ui.password_edit, password)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)  # the default button
    assert dialog.user is not None and dialog.user.role is Role.OFFICER


def fill_setup(qtbot, type_text, dialog: SetupDialog, *, repeat: str = "mat-khau-2026") -> None:
    type_text(dialog.ui.commune_edit, "Xã Tân Lập")
    qtbot.keyClicks(dialog.ui.unit_code_edit, "000.11.22.H33")
    type_text(dialog.ui.address_edit, "Thôn Đông, xã Tân Lập")
    type_text(dialog.ui.chairman_edit, "Nguyễn Văn Bình")
    dialog.ui.hub_url_edit.clear()
    qtbot.keyClicks(dialog.ui.hub_url_edit, "https://hub.example.vn")
    qtbot.keyClicks(dialog.ui.admin_password_edit, "mat-khau-2026")
    qtbot.keyClicks(dialog.ui.admin_password2_edit, repeat)


def test_a_new_pc_is_set_up_with_the_communes_details(qtbot, type_text, tmp_path: Path):
    dialog = SetupDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    fill_setup(qtbot, type_text, dialog, repeat="khac-nhau-1")
    qtbot.mouseClick(dialog.ui.create_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.error_label.text() == "Hai lần nhập mật khẩu không giống nhau."
    dialog.ui.unit_code_edit.setText("sai mã")
    dialog.ui.admin_password2_edit.setText("mat-khau-2026")
    qtbot.mouseClick(dialog.ui.create_button, Qt.MouseButton.LeftButton)
    assert "Mã đơn vị" in dialog.ui.error_label.text()
    assert not (tmp_path / "new").exists()  # nothing written before every field is right
    dialog.ui.unit_code_edit.setText("000.11.22.H33")
    qtbot.mouseClick(dialog.ui.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    ws = dialog.workspace
    try:
        assert ws.setting("commune_name") == "Xã Tân Lập"
        assert ws.setting("unit_code") == "000.11.22.H33"
        assert ws.setting("chairman_name") == "Nguyễn Văn Bình"
        assert ws.setting("hub_url") == "https://hub.example.vn"
        assert ws.setting("backup_dir") == str(tmp_path / "new" / "backups")
        assert [u.username for u in list_users(ws)] == ["admin"]
    finally:
        ws.close()


def test_the_demo_commune_in_one_click(qtbot, tmp_path: Path):
    dialog = SetupDialog(tmp_path / "demo", demo_dossiers=5)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.demo
    try:
        assert dialog.workspace.setting("commune_name") == "Xã Hòa Phú"
        assert len(list_users(dialog.workspace)) == 8
    finally:
        dialog.workspace.close()
