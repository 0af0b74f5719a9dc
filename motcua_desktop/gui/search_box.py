"""The top bar's one box: type or scan a code, ID number, phone or name; Enter opens the dossier."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ..domain.codes import looks_like_code
from ..domain.dossier import STATUS_LABELS_VI
from .context import AppContext
from .messages import error_text

if TYPE_CHECKING:
    from ..services.lookup import DossierSummary

_Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractListModel):
    """Search hits as one line each; the dossier code under CODE_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DossierSummary] = []

    def set_rows(self, rows: Sequence[DossierSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " · ".join(
                (row.code, row.applicant_name, STATUS_LABELS_VI[row.status], row.procedure_name)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.procedure_name
        if role == CODE_ROLE:
            return row.code
        return None


class SearchBox(QWidget):
    """A line edit and, under it, the hits of the last search (a child frame of the window)."""

    DEBOUNCE_MS = 250

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._serial = 0
        self.edit = QLineEdit(self)
        self.edit.setObjectName("search_edit")
        self.edit.setPlaceholderText(
            self.tr("Find or scan: dossier code, ID number, phone or name (Ctrl+F)")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

        self.model = SearchResultsModel(self)
        self.popup = QFrame(self.window())
        self.popup.setObjectName("search_popup")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setStyleSheet("#search_popup { background: palette(base); }")
        self.results = QListView(self.popup)
        self.results.setObjectName("search_results")
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_label = QLabel(self.popup)
        self.empty_label.setWordWrap(True)
        popup_layout = QVBoxLayout(self.popup)
        popup_layout.setContentsMargins(2, 2, 2, 2)
        popup_layout.addWidget(self.empty_label)
        popup_layout.addWidget(self.results)
        self.popup.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)
        self.results.activated.connect(self._on_results_activated)
        self.edit.installEventFilter(self)
        self.results.installEventFilter(self)

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def hide_results(self) -> None:
        self.popup.hide()

    # ---- keyboard between the box and its list -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Escape and self.popup.isVisible():
            self.popup.hide()
            self.edit.setFocus()
            return True
        if watched is self.edit and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self._show_popup()
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))
            return True
        return False

    # ---- slots ----------------------------------------------------------------------------------

    def _on_edit_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.run_search(open_single=False)

    def _on_edit_return_pressed(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if looks_like_code(text):
            self._open(text.upper())
            return
        if self.popup.isVisible() and self.model.rowCount():
            self._open(self.model.index(0, 0).data(CODE_ROLE))
            return
        self.run_search(open_single=True)

    def _on_results_activated(self, index: QModelIndex) -> None:
        self._open(index.data(CODE_ROLE))

    # ---- internals --------------------------------------------------------------------------

    def run_search(self, *, open_single: bool = False) -> None:
        """Search what the box holds now; with ``open_single`` a single hit opens at once."""
        text = self.edit.text().strip()
        if len(text) < 2:
            self.popup.hide()
            return
        from ..services.lookup import search  # SQLAlchemy: loaded by the warm-up, or now

        self._serial += 1
        serial, workspace = self._serial, self._ctx.workspace

        def done(rows: list[DossierSummary]) -> None:
            if serial != self._serial:
                return  # an older search answering late
            if open_single and len(rows) == 1:
                self._open(rows[0].code)
                return
            self.model.set_rows(rows)
            self.empty_label.setText(
                self.tr("No dossier matches «{text}».").format(text=text) if not rows else ""
            )
            self.empty_label.setVisible(not rows)
            self.results.setVisible(bool(rows))
            self._show_popup()

        def failed(error: Exception) -> None:
            if serial == self._serial:
                self.model.set_rows([])
                self.empty_label.setText(error_text(error))
                self.empty_label.show()
                self.results.hide()
                self._show_popup()

        self._ctx.query(lambda: search(workspace, text, limit=30), done, failed)

    def _show_popup(self) -> None:
        window = self.window()
        if self.popup.parentWidget() is not window:
            self.popup.setParent(window)  # the box was placed after it was built
        origin = self.edit.mapTo(window, QPoint(0, self.edit.height()))
        rows = max(1, min(self.model.rowCount(), 12))
        row_height = self.results.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self.fontMetrics().height() + 4
        frame = 2 * self.results.frameWidth() + 8
        height = rows * row_height + frame if self.model.rowCount() else 60
        self.popup.setGeometry(origin.x(), origin.y(), max(self.edit.width(), 640), height)
        self.popup.show()
        self.popup.raise_()

    def _open(self, code: str) -> None:
        self.popup.hide()
        self.edit.clear()
        self._ctx.dossier_requested.emit(code)
