"""Trả kết quả: the results waiting at the counter; choose one and hand it back with satisfaction."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from ..domain.dossier import DossierState, Status
from ..domain.roles import Action
from ..services.dossier_list import ListFilters, ListOrder, SortKey
from .context import AppContext
from .dossier_table_model import CODE_ROLE, COLUMN_SAMPLES, COLUMNS, DossierTableModel, fit_columns
from .forms.ui_return_page import Ui_ReturnPage
from .records_common import show_error, while_alive
from .result_dialogs import ReturnDialog

READY = frozenset({Status.RESULT_READY, Status.REFUSED})
_HIDDEN = (SortKey.FIELD, SortKey.CHANNEL, SortKey.RECEIVED)


class ReturnPage(QWidget):
    """Results ready (and refusals to hand back), oldest first; Return opens the return dialog.

    Signals:
        dialog_opened(QDialog): the return dialog is open.
        returned(str): a dossier was returned.
    """

    dialog_opened = Signal(QDialog)
    returned = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.ui = Ui_ReturnPage()
        self.ui.setupUi(self)
        self.model = DossierTableModel(ctx, self)
        view = self.ui.table_view
        view.setModel(self.model)
        keys = [key for key, _ in COLUMNS]
        for key in _HIDDEN:
            view.setColumnHidden(keys.index(key), True)
        fit_columns(view, COLUMN_SAMPLES, stretch=SortKey.PROCEDURE)
        view.setWordWrap(False)
        self.ui.return_button.setVisible(ctx.can(Action.RETURN_RESULT))
        self.ui.return_button.setEnabled(False)
        self.ui.open_button.setEnabled(False)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        view.activated.connect(self._on_table_view_activated)
        self.ui.return_button.clicked.connect(self._on_return_button_clicked)
        self.ui.open_button.clicked.connect(self._on_open_button_clicked)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.loaded.connect(self._on_selection_changed)
        ctx.data_changed.connect(self.refresh)
        ctx.user_changed.connect(self._on_ctx_user_changed)
        self.model.set_query(ListFilters(statuses=READY), ListOrder(SortKey.RESOLVED, False))

    # ---- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload now if on screen; otherwise when next shown (acts elsewhere change the data)."""
        if self.isVisible():
            self.model.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.model.reload()

    def selected_code(self) -> str:
        rows = self.ui.table_view.selectionModel().selectedRows()
        return str(self.model.data(rows[0], CODE_ROLE)) if rows else ""

    # ---- slots -------------------------------------------------------------------------------

    def _on_selection_changed(self, *_args: object) -> None:
        chosen = bool(self.selected_code())
        self.ui.return_button.setEnabled(chosen)
        self.ui.open_button.setEnabled(chosen)

    def _on_model_count_changed(self, total: int) -> None:
        self.ui.count_label.setText(self.tr("{count} results waiting").format(count=total))

    def _on_table_view_activated(self, _index: QModelIndex) -> None:
        if self.ctx.can(Action.RETURN_RESULT):
            self._on_return_button_clicked()

    def _on_open_button_clicked(self) -> None:
        code = self.selected_code()
        if code:
            self.ctx.dossier_requested.emit(code)

    def _on_return_button_clicked(self) -> None:
        code = self.selected_code()
        if not code or not self.ctx.can(Action.RETURN_RESULT):
            return
        service = self.ctx.dossiers
        self.ctx.query(
            lambda: service.state(code),
            while_alive(self, self._open_dialog),
            while_alive(self, lambda error: show_error(self, error)),
        )

    def _on_ctx_user_changed(self) -> None:
        self.ui.return_button.setVisible(self.ctx.can(Action.RETURN_RESULT))

    # ---- internals ---------------------------------------------------------------------------

    def _open_dialog(self, state: DossierState) -> None:
        dialog = ReturnDialog(self.ctx, state, self)
        dialog.act_done.connect(lambda result: self.returned.emit(result.code))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
