"""Preview a form's PDF on screen and send it to a printer, one rendered image per page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MotcuaError, register_messages

register_messages(
    {
        "printer.cannot_start": "Không mở được máy in «{printer}»; kiểm tra máy in rồi thử lại.",
        "printer.no_pages": "Tài liệu không có trang nào trong khoảng {first}–{last} để in.",
    }
)

# A 1200 dpi PDF "printer" would need ~550 MB per A4 image; 600 dpi keeps barcodes crisp on
# every office printer while bounding memory to ~140 MB per page.
MAX_RENDER_DPI = 600
_POINTS_PER_INCH = 72.0


def prepare_printer(printer: QPrinter, *, title: str = "") -> QPrinter:
    """Set A4 on the full sheet: the forms carry their own margins, so nothing is added."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    if title:
        printer.setDocName(title)
    return printer


def print_pdf(
    document: QPdfDocument, printer: QPrinter, *, first: int = 1, last: int | None = None
) -> int:
    """Print pages ``first``…``last`` (1-based, inclusive) of a loaded document; pages printed.

    Each page is rendered to an image at the printer's resolution (capped at
    :data:`MAX_RENDER_DPI`) and fitted, centred, in the sheet; landscape pages turn the sheet.

    Raises:
        MotcuaError: ``printer.no_pages`` when the range holds no page of the document,
            ``printer.cannot_start`` when the printer refuses to start or to take a new page.
    """
    count = document.pageCount() if document.status() == QPdfDocument.Status.Ready else 0
    first = max(first, 1)
    last = count if last is None else min(last, count)
    if first > last:
        raise MotcuaError("printer.no_pages", first=first, last=last)
    pages = range(first - 1, last)
    _orient(printer, document, pages[0])
    painter = QPainter()
    if not painter.begin(printer):
        raise MotcuaError("printer.cannot_start", printer=_printer_label(printer))
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in pages:
            if index != pages[0]:
                _orient(printer, document, index)
                if not printer.newPage():
                    raise MotcuaError("printer.cannot_start", printer=_printer_label(printer))
            _draw_page(painter, printer, document, index)
    finally:
        painter.end()
    return len(pages)


def _orient(printer: QPrinter, document: QPdfDocument, index: int) -> None:
    size = document.pagePointSize(index)
    landscape = size.width() > size.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int) -> None:
    sheet = QRectF(painter.viewport())
    points = document.pagePointSize(index)
    scale = min(sheet.width() / points.width(), sheet.height() / points.height())
    target = QRectF(0, 0, points.width() * scale, points.height() * scale)
    target.moveCenter(sheet.center())
    # The target's own density is ``scale`` pixels per point; render no finer than the cap.
    shrink = min(1.0, MAX_RENDER_DPI / (scale * _POINTS_PER_INCH))
    pixels = QSize(round(target.width() * shrink), round(target.height() * shrink))
    painter.drawImage(target, document.render(index, pixels))


def _printer_label(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return printer.outputFileName()
    return printer.printerName() or QCoreApplication.translate("print_pdf", "máy in mặc định")


class PrintPreviewDialog(QDialog):
    """Shows every page of a PDF, fitted to the width, with "In…" (Ctrl+P) and "Đóng" (Esc)."""

    printed = Signal(int)

    def __init__(
        self,
        pdf: bytes | Path,
        parent: QWidget | None = None,
        *,
        title: str = "",
        printer: QPrinter | None = None,
    ) -> None:
        """Open the preview.

        Args:
            pdf: the PDF's bytes (``PrintService.render_bytes``) or the path of a kept PDF.
            parent: the owning window.
            title: what is printed, shown in the title bar and given to the print queue.
            printer: the printer to use; a high-resolution one for the default printer if None.
        """
        super().__init__(parent)
        self._title = title
        self._printer = printer
        self.setWindowTitle(
            self.tr("Xem trước khi in – {title}").format(title=title)
            if title
            else self.tr("Xem trước khi in")
        )
        self.resize(900, 1000)

        self._document = QPdfDocument(self)
        # The buffer is the document's child so it outlives the document's own teardown.
        self._buffer = QBuffer(self._document)
        self._view = QPdfView(self)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._view.setPageSpacing(12)
        self._view.setDocument(self._document)
        self._problem = QLabel(self)
        self._problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet("color: #a61b1b; font-size: 11pt; padding: 24px;")
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._view)
        self._stack.addWidget(self._problem)

        self.page_label = QLabel(self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("In…"), self)
        self.print_button.setToolTip(self.tr("Chọn máy in, khoảng trang rồi in (Ctrl+P)"))
        self.close_button = QPushButton(self.tr("Đóng"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)

        footer = QHBoxLayout()
        footer.addWidget(self.page_label)
        footer.addWidget(self.status_label, 1)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack, 1)
        layout.addLayout(footer)

        self.print_button.clicked.connect(self._on_print_button_clicked)
        buttons.rejected.connect(self.reject)
        self._print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self._print_shortcut.activated.connect(self._on_print_shortcut_activated)
        self._view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        self._load(pdf)

    # ---- public ----------------------------------------------------------------------------

    @property
    def document(self) -> QPdfDocument:
        return self._document

    @property
    def page_count(self) -> int:
        """Pages of a readable document, 0 when it could not be read."""
        if self._document.status() != QPdfDocument.Status.Ready:
            return 0
        return self._document.pageCount()

    def problem_text(self) -> str:
        """The message shown instead of the pages, empty when the PDF was read."""
        return self._problem.text() if self._stack.currentWidget() is self._problem else ""

    def print_document(self) -> int:
        """Ask for a printer and a page range, then print; pages printed (0 if cancelled)."""
        if not self.page_count:
            return 0
        printer = self._printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer = prepare_printer(printer, title=self._title)
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(self.tr("In giấy tờ"))
        chooser.setMinMax(1, self.page_count)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return 0
        first, last = 1, self.page_count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
            first, last = printer.fromPage(), printer.toPage() or self.page_count
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_pdf(self._document, printer, first=first, last=last)
        except MotcuaError as error:
            self._show_status(error.message, failed=True)
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_status(self.tr("Đã gửi {pages} trang tới máy in.").format(pages=pages))
        self.printed.emit(pages)
        return pages

    # ---- slots -----------------------------------------------------------------------------

    def _on_print_button_clicked(self) -> None:
        self.print_document()

    def _on_print_shortcut_activated(self) -> None:
        if self.print_button.isEnabled():
            self.print_document()

    def _on_navigator_page_changed(self, _page: int) -> None:
        self._update_page_label()

    # ---- internals -------------------------------------------------------------------------

    def _load(self, pdf: bytes | Path) -> None:
        try:
            data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
        except OSError as error:
            self._show_problem(
                self.tr("Không mở được tệp «{path}»: {reason}").format(
                    path=pdf, reason=error.strerror or error
                )
            )
            return
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)
        if self.page_count:
            self._stack.setCurrentWidget(self._view)
            self._update_page_label()
        else:
            self._show_problem(
                self.tr(
                    "Không đọc được giấy tờ này: tệp PDF bị hỏng hoặc không đúng định dạng. "
                    "Hãy đóng cửa sổ và tạo lại giấy tờ từ hồ sơ."
                )
            )

    def _show_problem(self, text: str) -> None:
        self._problem.setText(text)
        self._stack.setCurrentWidget(self._problem)
        self.print_button.setEnabled(False)
        self.page_label.setText(self.tr("Không có trang"))

    def _show_status(self, text: str, *, failed: bool = False) -> None:
        self.status_label.setStyleSheet("color: #a61b1b;" if failed else "")
        self.status_label.setText(text)

    def _update_page_label(self) -> None:
        current = self._view.pageNavigator().currentPage() + 1
        self.page_label.setText(
            self.tr("Trang {current}/{total}").format(current=current, total=self.page_count)
        )
