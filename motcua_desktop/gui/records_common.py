"""What the record screens share: error text, time formats, status icons, file choosers, printing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStyle, QWidget

from ..domain.dossier import STATUS_LABELS_VI, Status
from ..domain.errors import ImportFailed
from . import messages
from .context import AppContext
from .print_preview import PrintPreviewDialog


def while_alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, unless ``owner`` was deleted before the worker answered (page closed).

    Only closures need this: a bound method of a Qt object is guarded by ``Operations`` itself.
    """

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


def error_text(error: BaseException) -> str:
    """What the user reads: the core's Vietnamese message (each bad row of an import), no traceback."""
    if isinstance(error, ImportFailed):
        lines = [error.message, *(e.message for e in error.errors[:20])]
        if len(error.errors) > 20:
            lines.append(
                QCoreApplication.translate("RecordsCommon", "… and {n} more errors.").format(
                    n=len(error.errors) - 20
                )
            )
        return "\n".join(lines)
    return messages.error_text(error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A modal message for a failure that has no form to show it in."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("RecordsCommon", "Could not finish"),
        error_text(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("error_box")
    box.open()


def time_text(moment: datetime | None) -> str:
    """``14:30 05/02/2025`` (times arrive already in the commune's zone), or empty."""
    return f"{moment:%H:%M %d/%m/%Y}" if moment is not None else ""


def day_text(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y}" if moment is not None else ""


def status_text(status: Status) -> str:
    return STATUS_LABELS_VI[status]


_STATUS_ICONS: dict[Status, QStyle.StandardPixmap] = {
    Status.PROCESSING: QStyle.StandardPixmap.SP_BrowserReload,
    Status.WAITING_SUPPLEMENT: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    Status.RESULT_READY: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.RETURNED: QStyle.StandardPixmap.SP_DialogOkButton,
    Status.REFUSED: QStyle.StandardPixmap.SP_DialogCancelButton,
    Status.REFUSED_AT_COUNTER: QStyle.StandardPixmap.SP_DialogCancelButton,
    Status.WITHDRAWN: QStyle.StandardPixmap.SP_DialogCloseButton,
    Status.STOPPED: QStyle.StandardPixmap.SP_BrowserStop,
}


def status_icon(status: Status, *, late: bool = False, review: bool = False) -> QIcon:
    """An icon that says the same as the status text (never colour alone)."""
    style = QApplication.style()
    if review:
        return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    if late:
        return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return style.standardIcon(_STATUS_ICONS[status])


class FileChooser:
    """Asks for file names; tests inject one that answers without a native dialog."""

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None


PreviewFactory = Callable[[Path, QWidget | None, str], PrintPreviewDialog]


def default_preview(path: Path, parent: QWidget | None, title: str) -> PrintPreviewDialog:
    return PrintPreviewDialog(path, parent, title=title)


FORM_TITLES = {
    "receipt": QT_TRANSLATE_NOOP("RecordsCommon", "Receipt and appointment slip"),
    "supplement": QT_TRANSLATE_NOOP("RecordsCommon", "Request for supplements"),
    "refusal": QT_TRANSLATE_NOOP("RecordsCommon", "Refusal slip"),
    "apology": QT_TRANSLATE_NOOP("RecordsCommon", "Apology and new appointment"),
    "stop": QT_TRANSLATE_NOOP("RecordsCommon", "Proposal to stop processing"),
    "control": QT_TRANSLATE_NOOP("RecordsCommon", "Control slip"),
}


def form_title(kind: str) -> str:
    return QCoreApplication.translate("RecordsCommon", FORM_TITLES.get(kind, kind))


class FormPrinter:
    """Renders a dossier's form on the worker (PrintService keeps the PDF), then previews it.

    ``preview_factory`` builds the preview dialog; the last one opened is ``last_preview``.
    """

    def __init__(
        self, ctx: AppContext, parent: QWidget, preview_factory: PreviewFactory | None = None
    ) -> None:
        self._ctx = ctx
        self._parent = parent
        self.preview_factory: PreviewFactory = preview_factory or default_preview
        self.last_preview: PrintPreviewDialog | None = None
        self.last_path: Path | None = None

    def print_form(self, kind: str, code: str) -> None:
        """Render ``kind`` for dossier ``code`` (kept with the dossier), then open its preview."""
        printing = self._ctx.printing

        def shown(path: Path) -> None:
            self.last_path = path
            preview = self.preview_factory(path, self._parent, form_title(kind))
            self.last_preview = preview
            preview.open()

        parent = self._parent
        self._ctx.query(
            lambda: printing.render(kind, code),
            while_alive(parent, shown),
            while_alive(parent, lambda error: show_error(parent, error)),
        )
