"""Quản trị: users and roles, passwords, settings validated as typed; what a clerk may not do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from records_helpers import Commune, modal_dialog, type_text, wait_idle

from motcua_desktop.domain.errors import MotcuaError, PermissionDenied
from motcua_desktop.domain.roles import Role
from motcua_desktop.gui.admin_page import AdminPage
from motcua_desktop.gui.user_dialogs import AddUserDialog, PasswordDialog
from motcua_desktop.services.settings import update_settings
from motcua_desktop.services.users import authenticate, create_user

pytest_plugins = ["records_fixtures"]
pytestmark = [pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


def open_admin(qtbot: QtBot, commune: Commune, user) -> AdminPage:  # noqa: ANN001
    page = AdminPage(commune.context(user))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    wait_idle(qtbot, page.ctx)
    return page


def click(qtbot: QtBot, widget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_admin_adds_a_user_checked_as_typed(qtbot: QtBot, commune: Commune) -> None:
    page = open_admin(qtbot, commune, commune.admin)
    before = page.users.rowCount()
    click(qtbot, page.ui.add_user_button)
    dialog = modal_dialog(qtbot, AddUserDialog)
    type_text(dialog.username_edit, "Tiếp nhận 3")
    assert "không hợp lệ" in dialog.problem_label.text()
    assert not dialog.save_button.isEnabled()
    dialog.username_edit.clear()
    type_text(dialog.username_edit, "tiepnhan3")
    type_text(dialog.full_name_edit, "Phan Thị Thu")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.CLERK.value))
    type_text(dialog.unit_edit, "Bộ phận Một cửa")
    type_text(dialog.password_edit, "ngan")
    assert dialog.problem_label.text() == "Mật khẩu cần ít nhất 8 ký tự."
    dialog.password_edit.clear()
    type_text(dialog.password_edit, "mat-khau-dai")
    type_text(dialog.confirm_edit, "mat-khau-dau")
    assert dialog.problem_label.text() == "Hai mật khẩu không giống nhau."
    dialog.confirm_edit.clear()
    type_text(dialog.confirm_edit, "mat-khau-dai")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(page.users_shown, timeout=15_000):
        click(qtbot, dialog.save_button)
    assert page.users.rowCount() == before + 1
    assert "Phan Thị Thu" in page.ui.users_status_label.text()
    user = authenticate(commune.ws, "tiepnhan3", "mat-khau-dai")
    assert (user.role, user.unit) == (Role.CLERK, "Bộ phận Một cửa")


def test_a_taken_username_is_refused_and_the_form_stays(qtbot: QtBot, commune: Commune) -> None:
    page = open_admin(qtbot, commune, commune.admin)
    click(qtbot, page.ui.add_user_button)
    dialog = modal_dialog(qtbot, AddUserDialog)
    type_text(dialog.username_edit, "tuphap")
    type_text(dialog.full_name_edit, "Người trùng tên")
    type_text(dialog.password_edit, "mat-khau-dai")
    type_text(dialog.confirm_edit, "mat-khau-dai")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "đã có" in dialog.problem_label.text(), timeout=15_000)
    assert dialog.isVisible() and dialog.full_name_edit.text() == "Người trùng tên"
    dialog.reject()


def select_user(qtbot: QtBot, page: AdminPage, username: str) -> None:
    view = page.ui.users_view
    row = [page.users.row_at(r).username for r in range(page.users.rowCount())].index(username)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(page.users.index(row, 0)).center(),
    )


def test_admin_resets_a_password(qtbot: QtBot, commune: Commune) -> None:
    page = open_admin(qtbot, commune, commune.admin)
    select_user(qtbot, page, "tiepnhan")
    click(qtbot, page.ui.reset_password_button)
    dialog = modal_dialog(qtbot, PasswordDialog)
    assert dialog.username == "tiepnhan"
    type_text(dialog.password_edit, "mat-khau-moi-1")
    type_text(dialog.confirm_edit, "mat-khau-moi-1")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "tiepnhan" in page.ui.users_status_label.text(), timeout=15_000)
    assert authenticate(commune.ws, "tiepnhan", "mat-khau-moi-1").username == "tiepnhan"


def test_admin_locks_and_unlocks_an_account(qtbot: QtBot, commune: Commune) -> None:
    page = open_admin(qtbot, commune, commune.admin)
    ui = page.ui
    select_user(qtbot, page, "admin")
    assert not ui.lock_button.isEnabled()  # not one's own account
    select_user(qtbot, page, "tiepnhan")
    assert ui.lock_button.text() == "&Khóa tài khoản"
    with qtbot.waitSignal(page.users_shown, timeout=15_000):
        click(qtbot, ui.lock_button)
    assert "Đã khóa tiepnhan" in ui.users_status_label.text()
    with pytest.raises(MotcuaError, match="đã bị khóa"):
        authenticate(commune.ws, "tiepnhan", "matkhau-2025")
    row = [page.users.row_at(r).username for r in range(page.users.rowCount())].index("tiepnhan")
    assert page.users.index(row, 4).data() == "đã khóa"
    select_user(qtbot, page, "tiepnhan")
    assert ui.lock_button.text() == "&Mở khóa tài khoản"
    with qtbot.waitSignal(page.users_shown, timeout=15_000):
        click(qtbot, ui.lock_button)
    assert authenticate(commune.ws, "tiepnhan", "matkhau-2025").username == "tiepnhan"


def test_settings_are_checked_as_typed_and_saved(qtbot: QtBot, commune: Commune) -> None:
    page = open_admin(qtbot, commune, commune.admin)
    ui = page.ui
    ui.tabs.setCurrentWidget(ui.settings_tab)
    edits = page.settings.edits
    assert edits["commune_name"].text() == "Xã Hòa Phú"
    assert edits["office_hours"].text() == "07:30-11:30,13:30-17:00"
    assert not ui.save_settings_button.isEnabled()  # nothing changed yet

    edits["cutoff"].clear()
    type_text(edits["cutoff"], "25:00")
    assert page.settings.problems["cutoff"].isVisible()
    assert page.settings.problems["cutoff"].text()
    assert not ui.save_settings_button.isEnabled()
    edits["cutoff"].clear()
    type_text(edits["cutoff"], "16:00")
    edits["unit_heads"].clear()
    type_text(edits["unit_heads"], '{"Công chức Tư pháp - Hộ tịch": "Trần Văn Minh"')
    assert "JSON" in page.settings.problems["unit_heads"].text()
    type_text(edits["unit_heads"], "}")
    assert not page.settings.problems["unit_heads"].isVisible()
    assert ui.save_settings_button.isEnabled()
    with qtbot.waitSignal(page.settings.saved, timeout=10_000) as saved:
        click(qtbot, ui.save_settings_button)
    assert set(saved.args[0]) == {"cutoff", "unit_heads"}
    assert commune.ws.setting("cutoff") == "16:00"
    assert commune.ws.setting("unit_heads") == {"Công chức Tư pháp - Hộ tịch": "Trần Văn Minh"}
    assert ui.settings_status_label.text() == "Đã lưu 2 mục cấu hình."
    assert not ui.save_settings_button.isEnabled()


def test_a_clerk_cannot_manage_users_or_settings(
    qtbot: QtBot, commune: Commune, qtmodeltester
) -> None:  # noqa: ANN001
    page = open_admin(qtbot, commune, commune.clerk)
    ui = page.ui
    assert ui.add_user_button.isHidden() and ui.reset_password_button.isHidden()
    assert ui.lock_button.isHidden()
    assert ui.users_view.isHidden()
    assert not ui.tabs.isTabVisible(ui.tabs.indexOf(ui.settings_tab))
    with pytest.raises(PermissionDenied):
        create_user(
            commune.ws, commune.clerk, username="ke-gian", full_name="Kẻ Gian", role="admin",
            password="mat-khau-dai",
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        update_settings(commune.ws, commune.clerk, {"cutoff": "16:00"})

    # Everyone may change their own password.
    click(qtbot, ui.own_password_button)
    dialog = modal_dialog(qtbot, PasswordDialog)
    assert dialog.username == "tiepnhan"
    type_text(dialog.password_edit, "cua-toi-moi")
    type_text(dialog.confirm_edit, "cua-toi-moi")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "đã được đổi" in ui.users_status_label.text(), timeout=15_000)
    assert authenticate(commune.ws, "tiepnhan", "cua-toi-moi").username == "tiepnhan"
    with pytest.raises(MotcuaError):
        authenticate(commune.ws, "tiepnhan", "matkhau-2025")
    qtmodeltester.check(page.users)


def test_add_tab_appends_a_tab(qtbot: QtBot, commune: Commune) -> None:
    page = open_admin(qtbot, commune, commune.admin)
    index = page.add_tab(QLabel("Sao lưu"), "Sao lưu")
    assert page.ui.tabs.tabText(index) == "Sao lưu"
    assert index == page.ui.tabs.count() - 1
