"""Hồ sơ: every dossier in one table, with filters, sorting, and export of what is shown to XLSX."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ..domain.dossier import Status
from ..services.dossier_list import (
    DossierList,
    ListFilters,
    SortKey,
    channel_label,
    export_xlsx,
)
from ..services.intake import Channel
from .context import AppContext
from .dossier_table_model import CODE_ROLE, COLUMN_SAMPLES, COLUMNS, DossierTableModel, fit_columns
from .forms.ui_list_page import Ui_DossierListPage
from .ops import Operations
from .records_common import FileChooser, error_text, status_text, while_alive

_KEYS = [key for key, _ in COLUMNS]
_RECEIVED_COLUMN = _KEYS.index(SortKey.RECEIVED)


class DossierListPage(QWidget):
    """Filters above, the table below; double-click or Enter opens a dossier.

    Signals:
        exported(int, str): dossiers written and the XLSX file's path.
        export_progressed(int): rows written so far (emitted from the export's worker).
    """

    exported = Signal(int, str)
    export_progressed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.ui = Ui_DossierListPage()
        self.ui.setupUi(self)
        self.file_chooser = FileChooser()
        self._exports = Operations(parent=self)
        self.model = DossierTableModel(ctx, self)
        ui = self.ui
        ui.status_combo.addItem(self.tr("All"), "")
        ui.status_combo.addItem(self.tr("Open (processing or waiting)"), "open")
        for status in Status:
            ui.status_combo.addItem(status_text(status), status.value)
        ui.field_combo.addItem(self.tr("All fields"), "")
        ui.channel_combo.addItem(self.tr("All channels"), "")
        for channel in Channel:
            ui.channel_combo.addItem(channel_label(channel.value), channel.value)
        today = ctx.workspace.clock().astimezone(ctx.workspace.tz).date()
        ui.from_date.setDate(QDate(today.year, today.month, 1))
        ui.to_date.setDate(QDate(today.year, today.month, today.day))

        view = ui.table_view
        view.setModel(self.model)
        header = view.horizontalHeader()
        fit_columns(view, COLUMN_SAMPLES, stretch=SortKey.PROCEDURE)
        view.setColumnHidden(_KEYS.index(SortKey.CHANNEL), True)  # a filter above; in exports
        header.setSortIndicator(_RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        view.activated.connect(self._on_table_view_activated)

        for combo in (ui.status_combo, ui.field_combo, ui.channel_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for check in (ui.from_check, ui.to_check, ui.late_check):
            check.toggled.connect(self._on_filter_changed)
        for edit in (ui.from_date, ui.to_date):
            edit.dateChanged.connect(self._on_filter_changed)
        ui.clear_button.clicked.connect(self._on_clear_button_clicked)
        ui.export_button.clicked.connect(self._on_export_button_clicked)
        self.model.reloading.connect(self._on_model_reloading)
        self.export_progressed.connect(self._on_export_progressed)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.failed.connect(self._on_model_failed)
        ctx.data_changed.connect(self.refresh)
        self._load_choices()
        self.model.set_filters(self.filters())

    # ---- public ------------------------------------------------------------------------------

    def filters(self) -> ListFilters:
        """The filters as the widgets show them now."""
        ui = self.ui
        chosen = str(ui.status_combo.currentData() or "")
        statuses: frozenset[Status] = frozenset()
        if chosen == "open":
            statuses = frozenset({Status.PROCESSING, Status.WAITING_SUPPLEMENT})
        elif chosen:
            statuses = frozenset({Status(chosen)})
        return ListFilters(
            statuses=statuses,
            field=str(ui.field_combo.currentData() or ""),
            channel=str(ui.channel_combo.currentData() or ""),
            received_from=_day(ui.from_date.date()) if ui.from_check.isChecked() else None,
            received_to=_day(ui.to_date.date()) if ui.to_check.isChecked() else None,
            late_only=ui.late_check.isChecked(),
        )

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

    def export_to(self, path: Path) -> None:
        """Write the dossiers the filters select now to ``path`` (XLSX), on the worker."""
        ctx, filters, order = self.ctx, self.model.filters, self.model.order
        self.ui.export_button.setEnabled(False)
        self.ui.count_label.setText(self.tr("Exporting…"))
        # A long read on its own worker: acts keep going through ctx's worker meanwhile
        # (SQLite's WAL lets one writer and readers work at once).
        self._exports.run(
            lambda: export_xlsx(
                ctx.workspace,
                filters,
                path,
                order,
                actor=ctx.user,
                progress=self.export_progressed.emit,
            ),
            while_alive(self, lambda count: self._on_exported(count, path)),
            self._on_export_failed,
        )

    # ---- slots -------------------------------------------------------------------------------

    def _on_filter_changed(self, *_args: object) -> None:
        ui = self.ui
        ui.from_date.setEnabled(ui.from_check.isChecked())
        ui.to_date.setEnabled(ui.to_check.isChecked())
        both = ui.from_check.isChecked() and ui.to_check.isChecked()
        if both and ui.to_date.date() < ui.from_date.date():
            ui.count_label.setText(self.tr("The end date is before the start date."))
            return
        self.model.set_filters(self.filters())

    def _on_clear_button_clicked(self) -> None:
        ui = self.ui
        for widget in (ui.status_combo, ui.field_combo, ui.channel_combo):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for check in (ui.from_check, ui.to_check, ui.late_check):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self._on_filter_changed()

    def _on_export_button_clicked(self) -> None:
        stamp = self.ctx.workspace.clock().astimezone(self.ctx.workspace.tz)
        suggested = f"ho-so-{stamp:%Y%m%d-%H%M}.xlsx"
        path = self.file_chooser.save_path(
            self, self.tr("Export the list"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if path is not None:
            if path.suffix.lower() != ".xlsx":
                path = path.with_suffix(".xlsx")
            self.export_to(path)

    def _on_export_progressed(self, rows: int) -> None:
        self.ui.count_label.setText(self.tr("Exporting… {rows} dossiers written").format(rows=rows))

    def _on_exported(self, count: int, path: Path) -> None:
        self.ui.export_button.setEnabled(True)
        self.ui.count_label.setText(
            self.tr("Exported {count} dossiers to {path}.").format(count=count, path=path)
        )
        self.exported.emit(count, str(path))

    def _on_export_failed(self, error: Exception) -> None:
        self.ui.export_button.setEnabled(True)
        self.ui.count_label.setText(error_text(error))

    def _on_model_reloading(self) -> None:
        self.ui.count_label.setText(self.tr("Loading…"))

    def _on_model_count_changed(self, total: int) -> None:
        self.ui.count_label.setText(self.tr("{count} dossiers").format(count=total))

    def _on_model_failed(self, message: str) -> None:
        self.ui.count_label.setText(message)

    def _on_table_view_activated(self, index: QModelIndex) -> None:
        code = self.model.data(index, CODE_ROLE)
        if code:
            self.ctx.dossier_requested.emit(str(code))

    # ---- internals ---------------------------------------------------------------------------

    def _load_choices(self) -> None:
        ctx = self.ctx

        def read() -> list[str]:
            return DossierList(ctx.workspace).fields()

        ctx.query(
            read,
            self._on_choices_loaded,
            self._on_export_failed,
        )

    def _on_choices_loaded(self, fields: list[str]) -> None:
        combo = self.ui.field_combo
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for name in fields:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
