"""The administrator finds the backups where the other settings are: a «Sao lưu» tab."""

from __future__ import annotations

import pytest

from motcua_desktop.gui.admin_page import AdminPage
from motcua_desktop.gui.backup_panel import BackupPanel

pytestmark = pytest.mark.usefixtures("vietnamese")


def test_the_admin_page_has_a_backup_tab(qtbot, make_ctx):
    page = AdminPage(make_ctx("admin"))
    qtbot.addWidget(page)
    tabs = page.ui.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Sao lưu" in titles
    assert isinstance(tabs.widget(titles.index("Sao lưu")), BackupPanel)


def test_a_clerk_has_no_backup_tab(qtbot, make_ctx):
    page = AdminPage(make_ctx("tiepnhan"))
    qtbot.addWidget(page)
    tabs = page.ui.tabs
    assert "Sao lưu" not in [tabs.tabText(i) for i in range(tabs.count())]
    assert page.backups is None
