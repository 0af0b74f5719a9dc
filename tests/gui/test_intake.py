"""Intake at the keyboard: pick, type, Ctrl+Enter; the dossier is saved and its receipt kept and printed."""

from __future__ import annotations

import io
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from motcua_desktop.domain.text import fold
from motcua_desktop.gui.intake_page import IntakePage
from motcua_desktop.gui.print_preview import prepare_printer
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.lookup import search

pytestmark = pytest.mark.usefixtures("vietnamese")


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))


def pdf_printer(path: Path) -> QPrinter:
    printer = prepare_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def page(qtbot, make_ctx, tmp_path):
    ctx = make_ctx("tiepnhan")
    page = IntakePage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.flow.receipts.direct = True
    page.flow.receipts.printer_factory = lambda: pdf_printer(tmp_path / "paper.pdf")
    return page


def type_dossier(qtbot, type_text, page: IntakePage, *, phone: str = "0912 345 678") -> None:
    """What a clerk types for a birth registration, moving on with Enter."""
    page.procedure_search.setFocus()
    qtbot.keyClicks(page.procedure_search, "dang ky khai sinh")  # no diacritics
    qtbot.keyClick(page.procedure_search, Qt.Key.Key_Return)
    assert page.procedure is not None
    assert page.name_edit.hasFocus()
    type_text(page.name_edit, "Nguyễn Văn An")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert page.id_edit.hasFocus()
    qtbot.keyClicks(page.id_edit, "040085123456")
    qtbot.keyClick(page.id_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.birth_edit, "02/03/1985")
    page.address_edit.setFocus()
    type_text(page.address_edit, "Thôn Trung Hòa, xã Hòa Phú")
    qtbot.keyClicks(page.phone_edit, phone)


def test_the_procedure_picker_finds_names_with_or_without_diacritics(page, qtbot, type_text):
    for typed in ("khai tử", "KHAI TU", "khai tu"):
        page.procedure_search.clear()
        type_text(page.procedure_search, typed)
        names = [page.procedures.procedure(r).name for r in range(page.procedures.rowCount())]
        assert names and "khai tu" in fold(names[0]), typed  # the phrase first
        assert all("khai" in fold(n) for n in names), typed
    page.procedure_search.clear()
    page.procedures.filter("")
    code = page.procedures.procedure(7).code
    qtbot.keyClicks(page.procedure_search, code)  # by code
    assert page.procedures.procedure(0).code == code


def test_ctrl_enter_saves_and_prints_the_two_copy_receipt(
    page, qtbot, type_text, workspace, tmp_path
):
    type_dossier(qtbot, type_text, page)
    assert "Hẹn trả kết quả" in page.appointment_label.text()
    with qtbot.waitSignal(page.flow.receipts.printed, timeout=20_000):
        qtbot.keyClick(page.phone_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = page.flow.last_code
    assert code and code in page.bar.text() and "Đã tiếp nhận" in page.bar.text()
    assert page.name_edit.text() == ""  # the form is ready for the next applicant
    hits = search(workspace, code)
    assert [h.applicant_name for h in hits] == ["Nguyễn Văn An"]
    (receipt,) = workspace.documents_dir.rglob("receipt-*.pdf")
    text = pdf_text(receipt)
    assert code in text and "Nguyễn Văn An" in text
    assert "Liên 1" in text and "Liên 2" in text  # one copy kept, one for the applicant
    assert (tmp_path / "paper.pdf").stat().st_size > 0  # and it went to the printer


def test_the_fee_and_how_it_is_paid_are_recorded(page, qtbot, type_text, workspace):
    type_dossier(qtbot, type_text, page)
    page.fee_spin.setValue(0)
    assert not page.payment_combo.isEnabled() and page.payment() == ""
    page.fee_spin.setFocus()
    page.fee_spin.selectAll()
    qtbot.keyClicks(page.fee_spin, "15000")
    assert page.payment_combo.isEnabled()
    assert page.payment_combo.currentText() == "Trực tiếp"  # a direct intake: paid at the counter
    qtbot.keyClick(page.fee_spin, Qt.Key.Key_Tab)
    assert page.payment_combo.hasFocus()  # next in the tab order
    page.payment_combo.setCurrentIndex(page.payment_combo.findText("Trực tuyến"))
    assert page.content()["payment"] == "online"  # kept in the draft too
    with qtbot.waitSignal(page.dossier_saved, timeout=20_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    (event,) = DossierService(workspace).events(page.flow.last_code)
    assert (event.data["fee"], event.data["payment"]) == (15_000, "online")
    assert not page.payment_combo.isEnabled()  # the next applicant starts without a fee


def test_fields_say_what_is_wrong_as_the_clerk_types(page, qtbot):
    qtbot.keyClicks(page.phone_edit, "12345")
    assert not page.messages["phone"].isHidden()
    assert "Số điện thoại" in page.messages["phone"].text()
    qtbot.keyClicks(page.id_edit, "0400851")
    assert "chữ số" in page.messages["id"].text()
    qtbot.keyClicks(page.birth_edit, "31/02/1985")
    assert "ngày/tháng/năm" in page.messages["birth"].text()
    page.birth_edit.clear()
    qtbot.keyClicks(page.birth_edit, "02/03/1990")  # the ID number says 1985: a warning
    page.id_edit.clear()
    qtbot.keyClicks(page.id_edit, "040085123456")
    assert "⚠" in page.messages["id"].text() and "1985" in page.messages["id"].text()
    assert not page.confirm_check.isHidden()
    page.phone_edit.clear()
    assert page.messages["phone"].isHidden()


def test_a_save_refused_by_validation_keeps_everything(page, qtbot, type_text, workspace):
    type_dossier(qtbot, type_text, page, phone="12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "✖" in page.bar.text()
    assert page.phone_edit.hasFocus()
    assert page.name_edit.text() == "Nguyễn Văn An"
    assert search(workspace, "Nguyen Van An") == [] or all(
        h.phone != "12345" for h in search(workspace, "Nguyen Van An")
    )


class LockedOnce:
    """The dossier service as seen while another program holds the database: the first save fails."""

    def __init__(self, real):
        self.real, self.calls = real, 0

    def __getattr__(self, name):
        return getattr(self.real, name)

    def receive(self, actor, request):
        self.calls += 1
        if self.calls == 1:
            raise sqlite3.OperationalError("database is locked")
        return self.real.receive(actor, request)


def test_a_locked_database_keeps_the_form_and_the_clerk_tries_again(
    page, qtbot, type_text, workspace
):
    page._ctx.dossiers = LockedOnce(page._ctx.dossiers)
    type_dossier(qtbot, type_text, page)
    qtbot.keyClick(page.phone_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.bar.level == "error", timeout=10_000)
    assert "đang bận" in page.bar.text() and "vẫn còn nguyên" in page.bar.text()
    assert page.name_edit.text() == "Nguyễn Văn An" and page.phone_edit.text() == "0912 345 678"
    captions = [b.text() for b in page.bar.buttons]
    assert captions == ["&Thử lại", "Lưu &không in"]
    with qtbot.waitSignal(page.dossier_saved, timeout=20_000):
        qtbot.mouseClick(page.bar.buttons[1], Qt.MouseButton.LeftButton)  # save without printing
    qtbot.waitUntil(lambda: page.bar.level == "success")
    assert [h.code for h in search(workspace, "040085123456")] == [page.flow.last_code]


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # the printer that is gone
def test_a_missing_printer_keeps_the_saved_dossier_and_offers_to_print_again(
    page, qtbot, type_text, workspace, tmp_path
):
    gone = tmp_path / "no-such-folder" / "printer.pdf"
    page.flow.receipts.printer_factory = lambda: pdf_printer(gone)
    type_dossier(qtbot, type_text, page)
    with qtbot.waitSignal(page.flow.receipts.failed, timeout=20_000):
        qtbot.mouseClick(page.save_print_button, Qt.MouseButton.LeftButton)
    code = page.flow.last_code
    assert code in page.bar.text() and "chưa in được" in page.bar.text()
    assert page.name_edit.text() == "Nguyễn Văn An"  # nothing is cleared until the clerk decides
    page.flow.receipts.printer_factory = lambda: pdf_printer(tmp_path / "paper.pdf")
    with qtbot.waitSignal(page.flow.receipts.printed, timeout=20_000):
        qtbot.mouseClick(page.bar.buttons[0], Qt.MouseButton.LeftButton)  # print again
    assert (tmp_path / "paper.pdf").exists()
    assert len(search(workspace, "040085123456")) == 1  # saved once, printed twice


def test_the_checklist_and_picker_models_are_valid_models(page, qtbot, qtmodeltester):
    qtbot.keyClicks(page.procedure_search, "ket hon")
    qtbot.keyClick(page.procedure_search, Qt.Key.Key_Return)
    assert page.components.rowCount() > 0
    qtmodeltester.check(page.components)
    qtmodeltester.check(page.procedures)


def test_the_checklist_is_ticked_and_counted_from_the_keyboard(page, qtbot):
    qtbot.keyClicks(page.procedure_search, "ket hon")
    qtbot.keyClick(page.procedure_search, Qt.Key.Key_Return)
    table, model = page.component_table, page.components
    digitised = model.index(0, 4)
    table.setFocus()
    table.setCurrentIndex(digitised)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.rows[0].digitised
    assert not model.setData(model.index(0, 3), 100)  # at most 99 copies
    assert model.setData(model.index(0, 3), 2)
    assert model.rows[0].copies == 2


def test_tab_and_enter_walk_the_form_in_reading_order(page, qtbot):
    page.name_edit.setFocus()
    qtbot.waitUntil(page.name_edit.hasFocus)
    expected = [page.id_edit, page.birth_edit, page.sex_combo, page.address_edit,
                page.phone_edit, page.email_edit, page.component_table, page.channel_combo]  # fmt: skip
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert widget.hasFocus(), widget.objectName()
    qtbot.keyClick(page.channel_combo, Qt.Key.Key_Return)  # Enter moves on as well
    assert page.delivery_combo.hasFocus()


def test_with_preview_the_receipt_opens_in_the_preview_first(page, qtbot, type_text):
    page.flow.receipts.direct = False
    type_dossier(qtbot, type_text, page)
    with qtbot.waitSignal(page.flow.receipts.printed, timeout=20_000):
        qtbot.keyClick(page.phone_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    preview = page.flow.receipts.preview
    assert preview is not None and preview.isVisible()
    assert preview.page_count == 4  # two copies of a two-page receipt
    assert page.flow.last_code in preview.windowTitle()
    assert "mở để in" in page.bar.text()
    preview.close()
