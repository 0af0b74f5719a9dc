"""The print preview: a clerk sees both copies of a receipt and gets the same pages from the printer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from motcua_desktop.domain.dossier import Status
from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.gui import print_preview
from motcua_desktop.gui.print_preview import PrintPreviewDialog, prepare_printer, print_pdf
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.lookup import with_status
from motcua_desktop.services.printing import PrintService

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # The offscreen platform cannot size native windows; it says so each time one is shown.
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]

NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def receipt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bytes]:
    """The two-copy receipt of a returned demo dossier, rendered without being kept."""
    folder = tmp_path_factory.mktemp("preview") / "data"
    ws, _admin = create_demo(folder, dossiers=20, clock=lambda: NOW)
    try:
        code = with_status(ws, Status.RETURNED)[0].code
        yield PrintService(ws).render_bytes("receipt", code)
    finally:
        ws.close()


@pytest.fixture
def pdf_printer(tmp_path: Path) -> QPrinter:
    """A high-resolution printer that writes a PDF file instead of paper."""
    printer = prepare_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "may-in.pdf"))
    return printer


@pytest.fixture
def document(qapp, receipt: bytes) -> QPdfDocument:
    """The receipt loaded as the preview loads it: from a buffer owned by the document."""
    loaded = QPdfDocument()
    buffer = QBuffer(loaded)
    buffer.setData(QByteArray(receipt))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loaded.load(buffer)
    assert loaded.status() == QPdfDocument.Status.Ready
    return loaded


@pytest.fixture
def open_preview(qtbot):
    """Show a preview as the clerk would, closed again by qtbot after the test."""

    def show(pdf: bytes | Path, **kwargs) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(pdf, **kwargs)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return show


@pytest.fixture
def accept_print_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk presses "In" in the system print dialog without changing anything."""
    monkeypatch.setattr(
        print_preview.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value
    )


def _a4_pages(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def _looks(data: bytes, index: int) -> Image.Image:
    page = pdfium.PdfDocument(data)[index]
    return page.render(scale=40 / 72).to_pil().convert("L").resize((330, 468))


def _differing_share(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 96 else 0)
    return sum(diff.histogram()[255:]) / (a.width * a.height)


def test_the_receipt_preview_shows_both_copies(open_preview, receipt):
    dialog = open_preview(receipt, title="Giấy tiếp nhận hồ sơ")
    assert dialog.page_label.text() == "Trang 1/2"
    assert dialog.problem_text() == ""
    assert dialog.windowTitle() == "Xem trước khi in – Giấy tiếp nhận hồ sơ"
    assert dialog.print_button.text() == "In…" and dialog.print_button.isEnabled()
    assert dialog.close_button.text() == "Đóng"


def test_print_pdf_puts_every_page_on_an_a4_sheet_as_it_looks_on_screen(
    document, receipt, pdf_printer
):
    assert print_pdf(document, pdf_printer) == 2
    out = Path(pdf_printer.outputFileName())
    sizes = _a4_pages(out)
    assert len(sizes) == 2
    assert all(w == pytest.approx(A4_POINTS[0], abs=1) for w, _ in sizes)
    assert all(h == pytest.approx(A4_POINTS[1], abs=1) for _, h in sizes)
    printed = out.read_bytes()
    for index in range(2):
        assert _differing_share(_looks(receipt, index), _looks(printed, index)) < 0.01
    # The comparison can fail: the two copies differ ("Liên 1" / "Liên 2"), a blank page more so.
    assert _differing_share(_looks(receipt, 0), _looks(printed, 1)) > 0
    blank = Image.new("L", (330, 468), 255)
    assert _differing_share(blank, _looks(printed, 0)) > 0.01


def test_print_pdf_prints_only_the_pages_asked_for(document, receipt, pdf_printer):
    assert print_pdf(document, pdf_printer, first=2, last=9) == 1
    printed = Path(pdf_printer.outputFileName()).read_bytes()
    assert len(_a4_pages(Path(pdf_printer.outputFileName()))) == 1
    assert _differing_share(_looks(receipt, 1), _looks(printed, 0)) < 0.01
    with pytest.raises(MotcuaError) as caught:
        print_pdf(document, pdf_printer, first=3)
    assert caught.value.code == "printer.no_pages"


@pytest.mark.qt_log_ignore(r"QPainter::begin")
def test_a_printer_that_cannot_start_is_named_in_a_clear_message(document, tmp_path):
    printer = prepare_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "khong-co" / "thu-muc" / "ra.pdf"
    printer.setOutputFileName(str(target))
    with pytest.raises(MotcuaError) as caught:
        print_pdf(document, printer)
    assert caught.value.code == "printer.cannot_start"
    assert caught.value.message == (
        f"Không mở được máy in «{target}»; kiểm tra máy in rồi thử lại."
    )
    assert not target.exists()


def test_the_print_button_prints_every_page_after_the_print_dialog(
    open_preview, qtbot, receipt, pdf_printer, accept_print_dialog
):
    dialog = open_preview(receipt, printer=pdf_printer)
    with qtbot.waitSignal(dialog.printed, timeout=30_000) as signal:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert signal.args == [2]
    assert dialog.status_label.text() == "Đã gửi 2 trang tới máy in."
    assert len(_a4_pages(Path(pdf_printer.outputFileName()))) == 2


def test_ctrl_p_prints_the_range_chosen_in_the_print_dialog(
    open_preview, qtbot, receipt, pdf_printer, accept_print_dialog
):
    pdf_printer.setPrintRange(QPrinter.PrintRange.PageRange)
    pdf_printer.setFromTo(2, 2)  # as if the clerk typed "2" as the page range
    dialog = open_preview(receipt, printer=pdf_printer)
    with qtbot.waitSignal(dialog.printed, timeout=30_000) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == [1]
    assert len(_a4_pages(Path(pdf_printer.outputFileName()))) == 1


def test_a_corrupt_pdf_shows_a_message_and_cannot_be_printed(
    open_preview, qtbot, pdf_printer, accept_print_dialog
):
    dialog = open_preview(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> broken", printer=pdf_printer)
    assert "tệp PDF bị hỏng hoặc không đúng định dạng" in dialog.problem_text()
    assert dialog.page_label.text() == "Không có trang"
    assert not dialog.print_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.printed):
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not Path(pdf_printer.outputFileName()).exists()


def test_a_missing_file_is_named_in_the_message(open_preview, tmp_path):
    missing = tmp_path / "da-xoa.pdf"
    dialog = open_preview(missing)
    assert dialog.problem_text().startswith(f"Không mở được tệp «{missing}»")


def test_a_kept_pdf_opens_from_its_path(open_preview, receipt, tmp_path):
    kept = tmp_path / "receipt.pdf"
    kept.write_bytes(receipt)
    assert open_preview(kept).page_label.text() == "Trang 1/2"


def test_escape_and_the_close_button_close_the_preview(open_preview, qtbot, receipt):
    dialog = open_preview(receipt)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    dialog = open_preview(receipt)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
