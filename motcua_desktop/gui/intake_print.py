"""Printing the two-copy receipt after a save: kept as PDF, then previewed or sent to the printer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..domain.errors import MotcuaError
from .context import AppContext

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from .print_preview import PrintPreviewDialog

PRINTER_SETTING = "printer"
PRINT_DIRECT_SETTING = "print_direct"


def default_printer(ctx: AppContext) -> QPrinter:
    """The printer chosen at setup (the system default when none was chosen)."""
    from PySide6.QtPrintSupport import QPrinter  # at the first receipt, not while the form opens

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = ctx.setting(PRINTER_SETTING, "")
    if name:
        printer.setPrinterName(str(name))
    return printer


class ReceiptPrinter(QObject):
    """Renders and archives the receipt on the worker, then previews it or prints it directly.

    ``printed(code, path)`` follows success; ``failed(code, error)`` any failure (the dossier is
    already saved, only the paper is missing).
    """

    printed = Signal(str, object)
    failed = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self.direct = bool(ctx.setting(PRINT_DIRECT_SETTING, False))
        self.printer_factory: Callable[[], QPrinter] = lambda: default_printer(ctx)
        self.preview: PrintPreviewDialog | None = None

    def print_receipt(self, code: str) -> None:
        printing = self._ctx.printing
        self._ctx.query(
            lambda: printing.render("receipt", code),
            lambda path: self._on_rendered(code, path),
            lambda error: self.failed.emit(code, error),
        )

    def _on_rendered(self, code: str, path: Path) -> None:
        # QtPdf loads on the first receipt, not while the counter starts.
        from PySide6.QtPdf import QPdfDocument

        from .print_preview import PrintPreviewDialog, prepare_printer, print_pdf

        if not self.direct:
            self.preview = PrintPreviewDialog(
                path,
                self._parent,
                title=self.tr("Receipt {code}").format(code=code),
                printer=self.printer_factory(),
            )
            self.preview.setObjectName("receipt_preview")
            self.preview.open()
            self.printed.emit(code, path)
            return
        document = QPdfDocument(self)
        try:
            document.load(str(path))
            printer = prepare_printer(self.printer_factory(), title=code)
            print_pdf(document, printer)
        except MotcuaError as error:
            self.failed.emit(code, error)
            return
        finally:
            document.deleteLater()
        self.printed.emit(code, path)
