"""First start on a new PC: the commune's details, printer, hub, backups and the admin password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..domain.errors import MotcuaError, ValidationError
from ..services.demo import create_demo
from ..services.settings import EDITABLE, write_settings
from ..services.setup import CommuneInfo, initialise
from ..services.users import MIN_PASSWORD
from ..services.workspace import Clock, Workspace
from .forms.ui_setup import Ui_SetupDialog
from .intake_print import PRINT_DIRECT_SETTING, PRINTER_SETTING
from .messages import error_text


class SetupDialog(QDialog):
    """Accepted once the data folder is initialised; ``workspace`` is then open on it."""

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        demo_dossiers: int = 300,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self._data_dir = data_dir
        self._clock = clock
        self._demo_dossiers = demo_dossiers
        self.workspace: Workspace | None = None
        self.demo = False
        self.ui.printer_combo.addItem(self.tr("System default printer"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.ui.printer_combo.addItem(name, name)
        self.ui.backup_dir_edit.setText(str(data_dir / "backups"))
        self.ui.create_button.clicked.connect(self._on_create_clicked)
        self.ui.demo_button.clicked.connect(self._on_demo_clicked)
        self.ui.quit_button.clicked.connect(self.reject)
        self.ui.backup_browse_button.clicked.connect(self._on_browse_clicked)
        self.ui.commune_edit.setFocus()

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.ui.backup_dir_edit.text()
        )
        if folder:
            self.ui.backup_dir_edit.setText(folder)

    def _on_create_clicked(self) -> None:
        ui = self.ui
        if ui.admin_password_edit.text() != ui.admin_password2_edit.text():
            self._fail(self.tr("The two passwords differ."))
            ui.admin_password2_edit.setFocus()
            return
        commune = CommuneInfo(
            commune_name=ui.commune_edit.text(),
            unit_code=ui.unit_code_edit.text(),
            address=ui.address_edit.text(),
            parent_agency=ui.parent_agency_edit.text(),
        )
        try:
            commune.settings()  # every field checked before anything is written
            if len(ui.admin_password_edit.text()) < MIN_PASSWORD:
                raise ValidationError("user.password_short", field="password", min_len=MIN_PASSWORD)
            extra = {
                key: EDITABLE[key][1](value)
                for key, value in (
                    ("hub_url", ui.hub_url_edit.text()),
                    ("backup_dir", ui.backup_dir_edit.text()),
                    ("chairman_name", ui.chairman_edit.text()),
                )
            }
        except MotcuaError as error:
            self._fail(error_text(error))
            return
        extra[PRINTER_SETTING] = ui.printer_combo.currentData() or ""
        extra[PRINT_DIRECT_SETTING] = ui.print_direct_check.isChecked()
        with _busy():
            try:
                workspace, _admin = initialise(
                    self._data_dir,
                    commune,
                    admin_password=ui.admin_password_edit.text(),
                    clock=self._clock,
                )
                write_settings(workspace, extra)
            except Exception as error:  # noqa: BLE001 - shown to the user, the dialog stays
                self._fail(error_text(error))
                return
        self.workspace = workspace
        self.accept()

    def _on_demo_clicked(self) -> None:
        with _busy():
            try:
                workspace, _admin = create_demo(
                    self._data_dir, dossiers=self._demo_dossiers, clock=self._clock
                )
            except Exception as error:  # noqa: BLE001
                self._fail(error_text(error))
                return
        self.workspace, self.demo = workspace, True
        self.accept()

    def _fail(self, text: str) -> None:
        self.ui.error_label.setText(text)


class _busy:
    """The wait cursor while the disk works (initialising takes a second, the demo a few)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
