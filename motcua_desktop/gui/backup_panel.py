"""The Backup tab of the admin page: the backups kept, back up now, verify, restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MotcuaError
from ..domain.roles import Action
from ..services import backup
from ..services.faults import classify
from ..services.restore import RestoreResult, restore_into
from ..services.settings import update_settings
from .backup_worker import BackupWorker
from .context import AppContext

Index = QModelIndex | QPersistentModelIndex

REASONS = {
    "manual": QT_TRANSLATE_NOOP("BackupTableModel", "On request"),
    "daily": QT_TRANSLATE_NOOP("BackupTableModel", "Daily"),
    "exit": QT_TRANSLATE_NOOP("BackupTableModel", "On exit"),
}


class BackupTableModel(QAbstractTableModel):
    """The backups kept, newest first, as plain rows."""

    HEADERS = (
        QT_TRANSLATE_NOOP("BackupTableModel", "Time"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Kind"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Dossiers"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Events"),
        QT_TRANSLATE_NOOP("BackupTableModel", "PDFs"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Size"),
    )

    def __init__(self, tz: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[backup.BackupInfo] = []

    def set_rows(self, rows: list[backup.BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> backup.BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("BackupTableModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, info: backup.BackupInfo, column: int) -> str:
        if column == 0:
            return info.created_at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M")
        if column == 1:
            return QCoreApplication.translate("BackupTableModel", REASONS.get(info.reason, "Daily"))
        if column == 2:
            return str(info.dossiers)
        if column == 3:
            return str(info.events)
        if column == 4:
            return str(info.documents)
        return QCoreApplication.translate("BackupTableModel", "{size} KB").format(
            size=max(1, info.size // 1024)
        )


def _message(error: Exception) -> str:
    explained = classify(error)
    if isinstance(explained, MotcuaError):
        return explained.message
    return QCoreApplication.translate("BackupPanel", "Unexpected error: {error}").format(
        error=str(error)
    )


class BackupPanel(QWidget):
    """Lists the backups, warns when the last good one is old, backs up, verifies and restores.

    Backing up and verifying run on the backup thread (``BackupWorker``, shared with the
    scheduler: one at a time), so the counter goes on meanwhile; reading the list and restoring
    run on the context's database worker. Restoring needs the admin role (the service checks it
    again) and a confirmation; it holds backups back, and the database in place is kept aside
    first.
    """

    backup_created = Signal(object)
    restored = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker = BackupWorker.of(ctx)
        self.model = BackupTableModel(ctx.workspace.tz, self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { color: #8a1f11; font-weight: bold; }")
        self.warning.hide()
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.create_button = QPushButton(self.tr("Back up now"), self)
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.folder_button = QPushButton(self.tr("Choose folder…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.create_button, self.verify_button, self.restore_button, self.folder_button
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.warning, self.folder, self.table):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.worker.busy_changed.connect(self._on_worker_busy_changed)
        self._busy = False  # something of this panel's own is running
        self.confirm_box: QMessageBox | None = None  # the open restore confirmation, if any
        self.folder_dialog: QFileDialog | None = None  # the open folder chooser, if any
        self._update_buttons()
        self.refresh()

    # ---- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the backup folder and the age warning again (on the worker)."""
        ws = self.ctx.workspace

        def read() -> tuple[Path, list[backup.BackupInfo], MotcuaError | None]:
            return backup.backup_dir(ws), backup.list_backups(ws), backup.backup_warning(ws)

        self.ctx.query(read, self._on_read, self._on_failed)

    def _on_read(self, result: tuple[Path, list[backup.BackupInfo], MotcuaError | None]) -> None:
        folder, rows, warning = result
        self.folder.setText(self.tr("Backup folder: {folder}").format(folder=str(folder)))
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self.warning.setText(warning.message if warning else "")
        self.warning.setVisible(warning is not None)
        self._update_buttons()

    def selected(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        idle = not self._busy and not self.worker.running
        chosen = self.selected() is not None and idle
        self.create_button.setEnabled(idle)
        self.verify_button.setEnabled(chosen)
        admin = self.ctx.can(Action.MANAGE_SETTINGS)
        self.restore_button.setEnabled(chosen and admin)
        self.folder_button.setEnabled(admin and not self._busy)

    def _on_worker_busy_changed(self, busy: bool) -> None:
        if not self._busy:  # the scheduler's backup: say so, and show it once made
            self.status.setText(self.tr("Backing up and verifying…") if busy else "")
            if not busy:
                self.refresh()
        self._update_buttons()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if text:
            self.status.setText(text)
        self._update_buttons()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False, _message(error))

    # ---- acting ----------------------------------------------------------------------------

    def _on_create_clicked(self) -> None:
        ws = self.ctx.workspace
        self._set_busy(True, self.tr("Backing up and verifying…"))
        self._on_backup_thread(
            lambda stop: backup.create_backup(ws, reason="manual", stop=stop), self._on_created
        )

    def _on_created(self, info: backup.BackupInfo) -> None:
        locale = QLocale()
        text = self.tr("Backed up and verified in {seconds} s ({size}): {path}").format(
            seconds=locale.toString(info.duration_s, "f", 1),
            size=locale.formattedDataSize(
                info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            ),
            path=str(info.path),
        )
        self._set_busy(False, text)
        self.backup_created.emit(info)
        self.refresh()

    def _on_verify_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._set_busy(True, self.tr("Verifying…"))
        self._on_backup_thread(
            lambda stop: backup.verify_backup(chosen.path, stop=stop), self._on_verified
        )

    def _on_backup_thread(
        self, work: Callable[[backup.BackupStop], Any], on_done: Callable[[Any], None]
    ) -> None:
        if not self.worker.run(work, on_done, self._on_failed):
            self._set_busy(False, self.tr("Another backup is in progress; try again once it ends."))

    def _on_verified(self, result: tuple[backup.BackupInfo, Any]) -> None:
        info, _facts = result
        self._set_busy(False, self.tr("The backup is whole: {path}").format(path=str(info.path)))

    def _on_folder_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Backup folder (for example on a USB disk)"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDirectory(str(backup.backup_dir(self.ctx.workspace)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._on_folder_selected)
        self.folder_dialog = dialog
        dialog.open()

    def _on_folder_selected(self, folder: str) -> None:
        ws, user = self.ctx.workspace, self.ctx.user
        self._set_busy(True)
        self.ctx.act(
            lambda: update_settings(ws, user, {"backup_dir": folder}),
            self._on_folder_saved,
            self._on_failed,
        )

    def _on_folder_saved(self, _stored: object) -> None:
        self._set_busy(False, "")
        self.refresh()

    def _on_restore_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        when = chosen.created_at.astimezone(self.ctx.workspace.tz).strftime("%H:%M %d/%m/%Y")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the data of this PC with the backup of {when}? Acts recorded after it "
                "will no longer be in the database; the current database is kept aside first."
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda code, path=chosen.path: self._on_restore_confirmed(code, path))
        self.confirm_box = box
        box.open()

    def _on_restore_confirmed(self, code: int, path: Path) -> None:
        self.confirm_box = None
        if code != QMessageBox.StandardButton.Yes:
            return
        if not self.worker.hold():  # a backup began while the question was open
            self.status.setText(self.tr("Another backup is in progress; try again once it ends."))
            return
        ws, user, release = self.ctx.workspace, self.ctx.user, self.worker.release

        def work() -> RestoreResult:
            try:
                return restore_into(ws, user, path)
            finally:
                release()  # on the database worker, whatever became of the panel

        self._set_busy(True, self.tr("Restoring…"))
        self.ctx.act(work, self._on_restored, self._on_failed)

    def _on_restored(self, result: RestoreResult) -> None:
        text = self.tr("Restored {dossiers} dossiers from {path}.").format(
            dossiers=result.dossiers, path=str(result.restored_from)
        )
        if result.kept_aside is not None:
            text += " " + self.tr("The previous database is kept at {path}.").format(
                path=str(result.kept_aside)
            )
        self._set_busy(False, text)
        self.restored.emit(result)
        self.refresh()
