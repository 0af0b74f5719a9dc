"""Danh mục: the procedure catalog (search, import with row errors, edit, export) and the calendar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from ..domain.catalog import Procedure
from ..domain.errors import ImportFailed
from ..domain.roles import Action
from ..services.catalog import CatalogImportResult, export_catalog, import_catalog, list_procedures
from .calendar_tab import CalendarTab
from .catalog_models import ProcedureTableModel
from .context import AppContext
from .forms.ui_catalog_page import Ui_CatalogPage
from .procedure_dialog import ProcedureDialog
from .records_common import FileChooser, error_text, while_alive

CATALOG_FILES = "*.json *.csv *.xlsx"


class CatalogPage(QWidget):
    """Two tabs: procedures and the working calendar. Changes are for administrators only.

    Signals:
        procedures_shown(int): the table shows this many procedures (after a search or reload).
        imported(object): an import finished (its CatalogImportResult).
        import_failed(list): the rows an import refused, as Vietnamese lines.
        exported(int, str): procedures written and the file's path.
        dialog_opened(QDialog): the edit dialog is open.
    """

    procedures_shown = Signal(int)
    imported = Signal(object)
    import_failed = Signal(list)
    exported = Signal(int, str)
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CatalogPage()
        self.ui.setupUi(self)
        self.file_chooser = FileChooser()
        self.procedures = ProcedureTableModel(self)
        self._pending_import: Path | None = None
        self._search = ""
        ui = self.ui
        ui.procedures_view.setModel(self.procedures)
        header = ui.procedures_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 0, 150, 170, 150, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.import_errors_box.hide()
        self.calendar = CalendarTab(ctx, ui, self)
        ui.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        ui.edit_button.clicked.connect(self._on_edit_button_clicked)
        ui.import_button.clicked.connect(self._on_import_button_clicked)
        ui.export_button.clicked.connect(self._on_export_button_clicked)
        ui.import_valid_button.clicked.connect(self._on_import_valid_button_clicked)
        ui.dismiss_errors_button.clicked.connect(ui.import_errors_box.hide)
        ui.procedures_view.activated.connect(self._on_procedures_view_activated)
        ui.procedures_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        ctx.user_changed.connect(self._apply_permissions)
        self._apply_permissions()
        self.reload()

    # ---- public ------------------------------------------------------------------------------

    def reload(self) -> None:
        query = self._search
        ws = self.ctx.workspace
        self.ctx.query(
            lambda: list_procedures(ws, query),
            while_alive(self, lambda rows: self._on_procedures_loaded(query, rows)),
            while_alive(self, self._show_error),
        )

    def selected_procedure(self) -> Procedure | None:
        rows = self.ui.procedures_view.selectionModel().selectedRows()
        return self.procedures.row_at(rows[0].row()) if rows else None

    def import_file(self, path: Path, *, partial: bool = False) -> None:
        """Import a catalog file on the worker: all or nothing, or the valid rows (``partial``)."""
        ws, user = self.ctx.workspace, self.ctx.user
        self.ui.catalog_status_label.setText(self.tr("Importing {name}…").format(name=path.name))
        self.ui.import_errors_box.hide()
        self.ctx.act(
            lambda: import_catalog(ws, user, path, partial=partial),
            self._on_imported,
            while_alive(self, lambda error: self._on_import_error(path, error)),
        )

    def export_file(self, path: Path) -> None:
        ws = self.ctx.workspace
        self.ctx.query(
            lambda: export_catalog(ws, path),
            while_alive(self, lambda count: self._on_exported(count, path)),
            while_alive(self, self._show_error),
        )

    # ---- slots -------------------------------------------------------------------------------

    def _apply_permissions(self) -> None:
        admin = self.ctx.can(Action.MANAGE_CATALOG)
        self.ui.edit_button.setVisible(admin)
        self.ui.import_button.setVisible(admin)
        self.ui.import_valid_button.setVisible(admin)
        self._on_selection_changed()
        self.calendar.apply_permissions()

    def _on_selection_changed(self, *_args: object) -> None:
        self.ui.edit_button.setEnabled(self.selected_procedure() is not None)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self._search = text
        self.reload()

    def _on_procedures_loaded(self, query: str, rows: list[Procedure]) -> None:
        if query != self._search:
            return  # the clerk kept typing
        self.procedures.set_rows(rows)
        self._on_selection_changed()
        self.procedures_shown.emit(len(rows))

    def _on_procedures_view_activated(self, _index: QModelIndex) -> None:
        if self.ctx.can(Action.MANAGE_CATALOG):
            self._on_edit_button_clicked()

    def _on_edit_button_clicked(self) -> None:
        procedure = self.selected_procedure()
        if procedure is None or not self.ctx.can(Action.MANAGE_CATALOG):
            return
        dialog = ProcedureDialog(self.ctx, procedure, self)
        dialog.saved.connect(self._on_procedure_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_procedure_saved(self, procedure: Procedure) -> None:
        self.ui.catalog_status_label.setText(
            self.tr("Saved procedure {code}.").format(code=procedure.code)
        )
        self.reload()

    def _on_import_button_clicked(self) -> None:
        path = self.file_chooser.open_path(
            self,
            self.tr("Import a catalog"),
            self.tr("Catalog files ({patterns})").format(patterns=CATALOG_FILES),
        )
        if path is not None:
            self.import_file(path)

    def _on_import_valid_button_clicked(self) -> None:
        if self._pending_import is not None:
            self.import_file(self._pending_import, partial=True)

    def _on_export_button_clicked(self) -> None:
        path = self.file_chooser.save_path(
            self,
            self.tr("Export the catalog"),
            "danh-muc-thu-tuc.xlsx",
            self.tr("Catalog files ({patterns})").format(patterns=CATALOG_FILES),
        )
        if path is not None:
            if path.suffix.lower() not in (".json", ".csv", ".xlsx"):
                path = path.with_suffix(".xlsx")
            self.export_file(path)

    def _on_imported(self, result: CatalogImportResult) -> None:
        self._pending_import = None
        text = self.tr("Imported: {added} new procedures, {updated} updated.").format(
            added=result.added, updated=result.updated
        )
        if result.errors:
            text += " " + self.tr("{count} rows with errors were skipped.").format(
                count=len(result.errors)
            )
        self.ui.catalog_status_label.setText(text)
        self.reload()
        self.imported.emit(result)

    def _on_import_error(self, path: Path, error: Exception) -> None:
        if not isinstance(error, ImportFailed):
            self._show_error(error)
            self.import_failed.emit([error_text(error)])
            return
        self._pending_import = path
        lines = [e.message for e in error.errors]
        ui = self.ui
        ui.catalog_status_label.setText(error.message)
        ui.import_errors_list.clear()
        ui.import_errors_list.addItems(lines)
        ui.import_errors_box.show()
        self.import_failed.emit(lines)

    def _on_exported(self, count: int, path: Path) -> None:
        self.ui.catalog_status_label.setText(
            self.tr("Exported {count} procedures to {path}.").format(count=count, path=path)
        )
        self.exported.emit(count, str(path))

    def _show_error(self, error: Exception) -> None:
        self.ui.catalog_status_label.setText(error_text(error))
