"""The dossier view: a dossier's life driven through its buttons and dialogs, as the staff do it."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from records_helpers import Commune, modal_dialog, type_text, wait_idle

from motcua_desktop.domain.dossier import Status
from motcua_desktop.domain.errors import PermissionDenied
from motcua_desktop.domain.roles import Action
from motcua_desktop.gui.dossier_dialogs import (
    HandOverDialog,
    ReceiveSupplementDialog,
    RefuseDialog,
    StopDialog,
    SupplementRequestDialog,
)
from motcua_desktop.gui.dossier_page import DossierPage
from motcua_desktop.gui.print_preview import PrintPreviewDialog
from motcua_desktop.gui.result_dialogs import ApologyDialog, RecordResultDialog, ReturnDialog
from motcua_desktop.services.dossiers import DossierService

pytest_plugins = ["records_fixtures"]
pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


def open_page(qtbot: QtBot, commune: Commune, user, code: str) -> DossierPage:  # noqa: ANN001
    page = DossierPage(commune.context(user))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.dossier_shown, timeout=10_000):
        page.show_dossier(code)
    return page


def click(qtbot: QtBot, widget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_and_wait(qtbot: QtBot, page: DossierPage, dialog) -> None:  # noqa: ANN001
    assert dialog.save_button.isEnabled(), dialog.problem_label.text()
    with qtbot.waitSignal(page.act_finished, timeout=10_000):
        click(qtbot, dialog.save_button)
    wait_idle(qtbot, page.ctx)


def close_preview(qtbot: QtBot, page: DossierPage) -> PrintPreviewDialog:
    qtbot.waitUntil(lambda: page.printer.last_preview is not None, timeout=10_000)
    preview = page.printer.last_preview
    assert preview is not None and preview.page_count >= 1
    preview.reject()
    return preview


def test_hand_over_result_and_return_with_satisfaction(qtbot: QtBot, commune: Commune) -> None:
    code = commune.receive()
    clerk_page = open_page(qtbot, commune, commune.clerk, code)
    assert clerk_page.ui.status_label.text() == "Đang giải quyết"
    assert Action.RECORD_RESULT not in clerk_page.visible_acts()

    # The clerk hands the file to the justice officer and prints the control slip.
    click(qtbot, clerk_page.ui.hand_over_button)
    dialog = modal_dialog(qtbot, HandOverDialog)
    assert not dialog.save_button.isEnabled()  # nobody chosen yet
    assert dialog.problem_label.text()
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("tuphap"))
    type_text(dialog.note_edit, "Hồ sơ đủ, chuyển xử lý")
    save_and_wait(qtbot, clerk_page, dialog)
    close_preview(qtbot, clerk_page)
    assert clerk_page.printer.last_path is not None
    assert clerk_page.printer.last_path.name.startswith("control-")
    qtbot.waitUntil(lambda: "Trần Văn Minh" in clerk_page.ui.holder_value.text())

    # The officer records the result.
    officer_page = open_page(qtbot, commune, commune.officer, code)
    assert Action.RECORD_RESULT in officer_page.visible_acts()
    assert Action.RETURN_RESULT not in officer_page.visible_acts()
    click(qtbot, officer_page.ui.record_result_button)
    result_dialog = modal_dialog(qtbot, RecordResultDialog)
    result_dialog.digitised_check.setChecked(True)
    save_and_wait(qtbot, officer_page, result_dialog)
    assert officer_page.ui.status_label.text() == "Có kết quả, chờ trả"

    # The clerk returns it at the counter and notes the applicant is satisfied.
    with qtbot.waitSignal(clerk_page.dossier_shown, timeout=10_000):
        clerk_page.show_dossier(code)
    assert Action.RETURN_RESULT in clerk_page.visible_acts()
    click(qtbot, clerk_page.ui.return_button)
    return_dialog = modal_dialog(qtbot, ReturnDialog)
    assert return_dialog.to_whom_edit.text() == "Lê Thị Mai"
    return_dialog.satisfaction_combo.setCurrentIndex(
        return_dialog.satisfaction_combo.findData("satisfied")
    )
    save_and_wait(qtbot, clerk_page, return_dialog)
    qtbot.waitUntil(lambda: clerk_page.ui.status_label.text() == "Đã trả kết quả")

    state = DossierService(commune.ws).state(code)
    assert state.status is Status.RETURNED
    assert state.satisfaction == "satisfied"
    assert state.result_digitised
    acts = [clerk_page.timeline.row_at(r).act for r in range(clerk_page.timeline.rowCount())]
    assert acts == [
        "Tiếp nhận", "Chuyển hồ sơ", "Có kết quả", "Trả kết quả", "Ghi nhận mức độ hài lòng",
    ]  # fmt: skip
    assert clerk_page.visible_acts() == []


def test_late_dossier_apology_prints_the_new_date(qtbot: QtBot, commune: Commune) -> None:
    code = commune.receive()  # Monday 03/03 09:00, 3 working days: due Thursday 06/03 09:00
    DossierService(commune.ws).hand_over(commune.clerk, code, "tuphap")
    page = open_page(qtbot, commune, commune.clerk, code)
    assert Action.ISSUE_APOLOGY not in page.visible_acts()  # not late yet

    commune.clock.advance(days=4, hours=1)  # Friday 07/03 10:00: a day late
    with qtbot.waitSignal(page.dossier_shown, timeout=10_000):
        page.show_dossier(code)
    assert "trễ hạn" in page.ui.status_label.text()
    click(qtbot, page.ui.apology_button)
    dialog = modal_dialog(qtbot, ApologyDialog)
    # The unit that held the file is proposed; the new date follows the days typed.
    assert dialog.unit_combo.currentText() == "Công chức Tư pháp - Hộ tịch"
    assert dialog.days_spin.value() == 3
    assert dialog.new_date_label.text() == "17:00 12/03/2025"
    dialog.days_spin.setValue(4)
    assert dialog.new_date_label.text() == "17:00 13/03/2025"
    assert not dialog.save_button.isEnabled()  # the reason is still missing
    type_text(dialog.reason_edit, "Chờ xác minh thông tin cư trú")
    save_and_wait(qtbot, page, dialog)
    close_preview(qtbot, page)

    path = page.printer.last_path
    assert path is not None and path.name.startswith("apology-") and path.exists()
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "13/03/2025" in text
    assert "Công chức Tư pháp - Hộ tịch" in text
    qtbot.waitUntil(lambda: page.ui.rescheduled_value.text() == "17:00 13/03/2025")
    assert "13/03/2025" in page.ui.notice_label.text()
    assert Action.ISSUE_APOLOGY not in page.visible_acts()  # only once


def test_supplement_request_then_received_shows_new_appointment(
    qtbot: QtBot, commune: Commune
) -> None:
    code = commune.receive()
    page = open_page(qtbot, commune, commune.clerk, code)
    assert page.ui.appointment_value.text() == "17:00 06/03/2025"
    assert Action.RECEIVE_SUPPLEMENT not in page.visible_acts()

    click(qtbot, page.ui.request_supplement_button)
    dialog = modal_dialog(qtbot, SupplementRequestDialog)
    assert dialog.items_list.count() >= 1
    type_text(dialog.reason_edit, "Thiếu giấy tờ")
    assert not dialog.save_button.isEnabled()  # no document named yet
    dialog.items_list.item(0).setCheckState(Qt.CheckState.Checked)
    type_text(dialog.other_edit, "Bản sao sổ hộ khẩu")
    assert dialog.items()[-1]["name"] == "Bản sao sổ hộ khẩu"
    save_and_wait(qtbot, page, dialog)
    supplement = close_preview(qtbot, page)
    assert supplement is not None
    assert page.printer.last_path is not None
    assert "Bản sao sổ hộ khẩu" in PdfReader(page.printer.last_path).pages[0].extract_text()
    qtbot.waitUntil(lambda: page.ui.status_label.text() == "Chờ bổ sung")
    assert Action.RECEIVE_SUPPLEMENT in page.visible_acts()
    assert Action.REQUEST_SUPPLEMENT not in page.visible_acts()

    commune.clock.advance(days=7)  # Monday 10/03 09:00: the clock restarts from here
    click(qtbot, page.ui.receive_supplement_button)
    received = modal_dialog(qtbot, ReceiveSupplementDialog)
    assert received.appointment_label.text() == "Hẹn trả mới: 17:00 13/03/2025"
    save_and_wait(qtbot, page, received)
    close_preview(qtbot, page)  # the new receipt
    qtbot.waitUntil(lambda: page.ui.appointment_value.text() == "17:00 13/03/2025")
    assert "Hẹn trả mới: 17:00 13/03/2025" in page.ui.notice_label.text()
    assert page.ui.status_label.text() == "Đang giải quyết"


def test_clerk_cannot_do_officer_or_leader_acts(qtbot: QtBot, commune: Commune) -> None:
    code = commune.receive()
    page = open_page(qtbot, commune, commune.clerk, code)
    acts = page.visible_acts()
    assert Action.HAND_OVER in acts
    for officer_only in (Action.RECORD_RESULT, Action.STOP):
        assert officer_only not in acts
        assert page.act_buttons[officer_only].isHidden()
        assert page.open_act(officer_only) is None
    service = DossierService(commune.ws)
    with pytest.raises(PermissionDenied):
        service.record_result(commune.clerk, code)
    with pytest.raises(PermissionDenied):
        service.stop(commune.clerk, code, reason="Không đủ điều kiện")
    # The leader may stop it; the officer may record a result but not return it.
    leader = open_page(qtbot, commune, commune.leader, code)
    assert Action.STOP in leader.visible_acts()
    officer = open_page(qtbot, commune, commune.officer, code)
    assert Action.RECORD_RESULT in officer.visible_acts()
    assert Action.WITHDRAW not in officer.visible_acts()


def test_a_failed_act_keeps_the_dialog_filled_and_says_why(qtbot: QtBot, commune: Commune) -> None:
    code = commune.receive()
    page = open_page(qtbot, commune, commune.clerk, code)
    click(qtbot, page.ui.refuse_button)
    dialog = modal_dialog(qtbot, RefuseDialog)
    type_text(dialog.reason_edit, "Không thuộc thẩm quyền")
    # Meanwhile another PC withdrew it: the refusal is no longer allowed.
    DossierService(commune.ws).withdraw(commune.clerk, code, reason="Người dân rút")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "Đã rút hồ sơ" in dialog.problem_label.text(), timeout=10_000)
    assert dialog.isVisible()
    assert dialog.reason_edit.toPlainText() == "Không thuộc thẩm quyền"
    assert dialog.save_button.isEnabled()
    dialog.reject()


def test_timeline_model_passes_the_model_tester(
    qtbot: QtBot, commune: Commune, qtmodeltester
) -> None:  # noqa: ANN001
    code = commune.receive()
    DossierService(commune.ws).hand_over(commune.clerk, code, "tuphap", note="Chuyển")
    page = open_page(qtbot, commune, commune.clerk, code)
    assert page.timeline.rowCount() == 2
    assert "Trần Văn Minh" in page.timeline.row_at(1).details
    qtmodeltester.check(page.timeline)


def test_unknown_code_says_so(qtbot: QtBot, commune: Commune) -> None:
    page = DossierPage(commune.context(commune.clerk))
    qtbot.addWidget(page)
    page.show_dossier("000.12.34.H40-250303-0099")
    qtbot.waitUntil(lambda: "Không tìm thấy" in page.ui.empty_label.text(), timeout=10_000)
    assert page.ui.stack.currentWidget() is page.ui.empty_page


def test_refusal_and_stop_print_their_forms_from_the_keyboard(
    qtbot: QtBot, commune: Commune
) -> None:
    refused, stopped = commune.receive("Phan Văn Tú"), commune.receive("Hà Thị Yến")
    page = open_page(qtbot, commune, commune.clerk, refused)
    click(qtbot, page.ui.refuse_button)
    dialog = modal_dialog(qtbot, RefuseDialog)
    type_text(dialog.reason_edit, "Không thuộc thẩm quyền của UBND xã")
    with qtbot.waitSignal(page.act_finished, timeout=10_000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    close_preview(qtbot, page)
    path = page.printer.last_path
    assert path is not None and path.name.startswith("refusal-")
    assert "Không thuộc thẩm quyền" in " ".join(PdfReader(path).pages[0].extract_text().split())
    qtbot.waitUntil(lambda: page.ui.status_label.text() == "Từ chối giải quyết")

    leader = open_page(qtbot, commune, commune.leader, stopped)
    click(qtbot, leader.ui.stop_button)
    stop = modal_dialog(qtbot, StopDialog)
    stop.print_check.setChecked(False)  # the leader prints it later from the paper tray
    type_text(stop.reason_edit, "Người nộp chết")
    with qtbot.waitSignal(leader.act_finished, timeout=10_000):
        click(qtbot, stop.save_button)
    wait_idle(qtbot, leader.ctx)
    assert leader.printer.last_preview is None
    qtbot.waitUntil(lambda: leader.ui.status_label.text() == "Dừng giải quyết")
    assert leader.visible_acts() == []
