"""What the clerk typed survives a crash: the draft is on disk within a second and offered back."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from motcua_desktop.gui.intake_flow import DRAFT_NAME
from motcua_desktop.gui.intake_page import IntakePage
from motcua_desktop.gui.main_window import MainWindow
from motcua_desktop.gui.navigation import PageId
from motcua_desktop.services.drafts import DraftStore

pytestmark = pytest.mark.usefixtures("vietnamese")


def open_page(qtbot, ctx) -> IntakePage:
    page = IntakePage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_draft_survives_the_page_and_is_offered_back(qtbot, make_ctx, type_text, workspace):
    ctx = make_ctx("tiepnhan")
    page = open_page(qtbot, ctx)
    qtbot.keyClicks(page.procedure_search, "ket hon")
    qtbot.keyClick(page.procedure_search, Qt.Key.Key_Return)
    type_text(page.name_edit, "Trần Thị Lan")
    qtbot.keyClicks(page.phone_edit, "0987654321")
    path = workspace.data_dir / "drafts" / "tiepnhan" / f"{DRAFT_NAME}.json"
    qtbot.waitUntil(lambda: path.exists() and "0987654321" in path.read_text("utf-8"))
    saved = json.loads(path.read_text("utf-8"))
    assert saved["name"] == "Trần Thị Lan" and saved["procedure_code"] == page.procedure.code
    procedure = page.procedure.code
    page.close()
    page.deleteLater()  # the program stops; nothing clears the draft

    again = open_page(qtbot, ctx)
    assert not again.bar.isHidden() and "Trần Thị Lan" in again.bar.text()
    assert [b.text() for b in again.bar.buttons] == ["&Khôi phục", "&Bỏ bản nháp"]
    qtbot.mouseClick(again.bar.buttons[0], Qt.MouseButton.LeftButton)
    assert again.name_edit.text() == "Trần Thị Lan"
    assert again.phone_edit.text() == "0987654321"
    assert again.procedure is not None and again.procedure.code == procedure
    assert again.components.rowCount() > 0


def test_a_saved_dossier_clears_its_draft(qtbot, make_ctx, type_text, workspace):
    page = open_page(qtbot, make_ctx("tiepnhan"))
    qtbot.keyClicks(page.procedure_search, "ket hon")
    qtbot.keyClick(page.procedure_search, Qt.Key.Key_Return)
    type_text(page.name_edit, "Lê Văn Bình")
    path = workspace.data_dir / "drafts" / "tiepnhan" / f"{DRAFT_NAME}.json"
    with qtbot.waitSignal(page.dossier_saved, timeout=20_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.bar.level == "success")
    assert not path.exists()
    assert open_page(qtbot, make_ctx("tiepnhan")).bar.isHidden()  # nothing to offer


def test_discarding_a_draft_removes_it(qtbot, make_ctx, workspace):
    store = DraftStore.for_workspace(workspace, "tiepnhan")
    store.save(DRAFT_NAME, {"name": "Phạm Văn Nam", "saved_at": "2026-03-05T09:00:00+07:00"})
    page = open_page(qtbot, make_ctx("tiepnhan"))
    assert "09:00 05/03/2026" in page.bar.text()
    qtbot.mouseClick(page.bar.buttons[1], Qt.MouseButton.LeftButton)
    assert store.load(DRAFT_NAME) is None and page.bar.isHidden()


def test_each_clerk_has_their_own_drafts(qtbot, make_ctx, workspace):
    DraftStore.for_workspace(workspace, "tiepnhan").save(DRAFT_NAME, {"name": "Hồ Thị Mai"})
    assert open_page(qtbot, make_ctx("tiepnhan2")).bar.isHidden()


def test_the_app_opens_on_intake_when_a_draft_waits(qtbot, make_ctx, workspace):
    DraftStore.for_workspace(workspace, "tiepnhan").save(DRAFT_NAME, {"name": "Hồ Thị Mai"})
    window = MainWindow(make_ctx("tiepnhan"))
    qtbot.addWidget(window)
    assert window.current_page is PageId.INTAKE
    assert "Hồ Thị Mai" in window.pages[PageId.INTAKE].bar.text()


def test_a_damaged_draft_is_ignored(workspace):
    store = DraftStore.for_workspace(workspace, "tiepnhan")
    store.save(DRAFT_NAME, {"name": "x"})
    (store.folder / f"{DRAFT_NAME}.json").write_text("{not json", encoding="utf-8")
    assert store.load(DRAFT_NAME) is None
