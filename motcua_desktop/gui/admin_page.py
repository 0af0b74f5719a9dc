"""Quản trị: users and their roles, passwords, and the commune's settings, as tabs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from ..domain.roles import ROLE_LABELS_VI, Action
from ..services.users import User, list_users, set_active
from .backup_panel import BackupPanel
from .catalog_models import RowsModel
from .context import AppContext
from .forms.ui_admin_page import Ui_AdminPage
from .records_common import error_text
from .settings_form import SettingsForm
from .user_dialogs import AddUserDialog, PasswordDialog


class UserTableModel(RowsModel):
    context = "UserTableModel"
    headers = (
        QT_TRANSLATE_NOOP("UserTableModel", "Username"),
        QT_TRANSLATE_NOOP("UserTableModel", "Full name"),
        QT_TRANSLATE_NOOP("UserTableModel", "Role"),
        QT_TRANSLATE_NOOP("UserTableModel", "Unit"),
        QT_TRANSLATE_NOOP("UserTableModel", "Account"),
    )

    def cell(self, row: User, column: int) -> str:
        if column == 0:
            return row.username
        if column == 1:
            return row.full_name
        if column == 2:
            return ROLE_LABELS_VI[row.role]
        if column == 3:
            return row.unit
        if row.active:
            return QCoreApplication.translate("UserTableModel", "active")
        return QCoreApplication.translate("UserTableModel", "locked")


class AdminPage(QWidget):
    """Tabs: users and roles, settings; ``add_tab`` adds more (e.g. backups).

    Everyone may change their own password here; the rest is for administrators (the services
    check again).

    Signals:
        users_shown(int): the user table was refreshed.
        dialog_opened(QDialog): a user or password dialog is open.
    """

    users_shown = Signal(int)
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AdminPage()
        self.ui.setupUi(self)
        self.users = UserTableModel(self)
        ui = self.ui
        ui.users_view.setModel(self.users)
        header = ui.users_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((140, 220, 200, 280)):
            header.resizeSection(column, width)
        self.settings = SettingsForm(ctx, ui, self)
        self.backups: BackupPanel | None = None
        if ctx.can(Action.MANAGE_SETTINGS):  # backups and restores are the administrator's
            self.backups = BackupPanel(ctx, self)
            self.add_tab(self.backups, self.tr("Backups"))
        ui.add_user_button.clicked.connect(self._on_add_user_button_clicked)
        ui.reset_password_button.clicked.connect(self._on_reset_password_button_clicked)
        ui.lock_button.clicked.connect(self._on_lock_button_clicked)
        ui.own_password_button.clicked.connect(self._on_own_password_button_clicked)
        ui.users_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        ctx.user_changed.connect(self._apply_permissions)
        self._apply_permissions()
        self.reload_users()

    # ---- public ------------------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (e.g. backups) after the built-in ones; its index."""
        return self.ui.tabs.addTab(widget, title)

    def reload_users(self) -> None:
        ws = self.ctx.workspace
        self.ctx.query(
            lambda: list_users(ws),
            self._on_users_loaded,
            self._on_failed,
        )

    def selected_user(self) -> User | None:
        rows = self.ui.users_view.selectionModel().selectedRows()
        return self.users.row_at(rows[0].row()) if rows else None

    # ---- slots -------------------------------------------------------------------------------

    def _apply_permissions(self) -> None:
        admin = self.ctx.can(Action.MANAGE_USERS)
        ui = self.ui
        ui.add_user_button.setVisible(admin)
        ui.reset_password_button.setVisible(admin)
        ui.lock_button.setVisible(admin)
        ui.users_view.setVisible(admin)
        ui.tabs.setTabVisible(
            ui.tabs.indexOf(ui.settings_tab), self.ctx.can(Action.MANAGE_SETTINGS)
        )
        self.settings.apply_permissions()
        self._on_selection_changed()
        if not admin:
            ui.users_status_label.setText(
                self.tr("Signed in as {name}. Only an administrator manages users.").format(
                    name=self.ctx.user.full_name
                )
            )

    def _on_selection_changed(self, *_args: object) -> None:
        user = self.selected_user()
        ui = self.ui
        ui.reset_password_button.setEnabled(user is not None)
        # Nobody locks their own account (the service refuses it too).
        ui.lock_button.setEnabled(user is not None and user.username != self.ctx.user.username)
        if user is not None and not user.active:
            ui.lock_button.setText(self.tr("Un&lock account"))
        else:
            ui.lock_button.setText(self.tr("&Lock account"))

    def _on_users_loaded(self, users: list[User]) -> None:
        self.users.set_rows(users)
        self._on_selection_changed()
        self.users_shown.emit(len(users))

    def _on_add_user_button_clicked(self) -> None:
        if not self.ctx.can(Action.MANAGE_USERS):
            return
        dialog = AddUserDialog(self.ctx, self)
        dialog.done.connect(self._on_user_added)
        self._open(dialog)

    def _on_reset_password_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not self.ctx.can(Action.MANAGE_USERS):
            return
        dialog = PasswordDialog(self.ctx, user.username, self)
        dialog.done.connect(lambda _r: self._on_password_changed(user.username))
        self._open(dialog)

    def _on_lock_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not self.ctx.can(Action.MANAGE_USERS):
            return
        ws, actor, unlock = self.ctx.workspace, self.ctx.user, not user.active
        self.ui.lock_button.setEnabled(False)
        self.ctx.act(
            lambda: set_active(ws, actor, user.username, active=unlock),
            self._on_lock_changed,
            self._on_failed,
        )

    def _on_lock_changed(self, user: User) -> None:
        if user.active:
            text = self.tr("{username} may sign in again.")
        else:
            text = self.tr("{username} is locked: they can no longer sign in. Their acts stay.")
        self.ui.users_status_label.setText(text.format(username=user.username))
        self.reload_users()

    def _on_own_password_button_clicked(self) -> None:
        username = self.ctx.user.username
        dialog = PasswordDialog(self.ctx, username, self)
        dialog.done.connect(lambda _r: self._on_password_changed(username))
        self._open(dialog)

    def _on_user_added(self, user: User) -> None:
        self.ui.users_status_label.setText(
            self.tr("Added {name} ({username}).").format(
                name=user.full_name, username=user.username
            )
        )
        self.reload_users()

    def _on_password_changed(self, username: str) -> None:
        self.ui.users_status_label.setText(
            self.tr("The password of {username} was changed.").format(username=username)
        )

    def _on_failed(self, error: Exception) -> None:
        self.ui.users_status_label.setText(error_text(error))
        self._on_selection_changed()

    # ---- internals ---------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
