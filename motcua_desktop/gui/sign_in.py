"""The sign-in dialog: pick or type a user, give the password, get the signed-in User."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ..domain.errors import MotcuaError
from ..domain.roles import ROLE_LABELS_VI
from ..services.demo_commune import DEMO_PASSWORD, is_demo
from ..services.users import User, authenticate, list_users
from ..services.workspace import Workspace
from .forms.ui_sign_in import Ui_SignInDialog
from .messages import error_text


class SignInDialog(QDialog):
    """Accepted once a password checks out; ``user`` is then the signed-in person."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self._workspace = workspace
        self.user: User | None = None
        self._users = [u for u in list_users(workspace) if u.active]
        self.ui.commune_label.setText(str(workspace.setting("commune_name", "")))
        self.ui.centre_label.setText(str(workspace.setting("centre_name", "")))
        for user in self._users:
            self.ui.user_combo.addItem(f"{user.username} — {user.full_name}", user.username)
        self.ui.user_combo.setCurrentIndex(-1)
        self.ui.user_combo.setEditText("")
        if is_demo(workspace):
            self.ui.hint_label.setText(
                self.tr("Demo commune: every user's password is «{password}».").format(
                    password=DEMO_PASSWORD
                )
            )
        self.ui.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self.ui.user_combo.currentIndexChanged.connect(self._on_user_changed)
        self.ui.user_combo.setFocus()

    def username(self) -> str:
        """The chosen user's name, or what was typed (``name — Full Name`` entries give name)."""
        text = self.ui.user_combo.currentText().strip()
        index = self.ui.user_combo.findText(text)
        if index >= 0:
            return str(self.ui.user_combo.itemData(index))
        return text.split(" — ")[0].strip()

    def _on_user_changed(self, index: int) -> None:
        if 0 <= index < len(self._users):
            user = self._users[index]
            self.ui.role_label.setText(
                self.tr("{name} · {role}").format(
                    name=user.full_name, role=ROLE_LABELS_VI[user.role]
                )
            )
            self.ui.password_edit.setFocus()

    def _on_sign_in_clicked(self) -> None:
        username = self.username()
        if not username:
            self.ui.error_label.setText(self.tr("Choose or type your user name."))
            self.ui.user_combo.setFocus()
            return
        try:
            self.user = authenticate(self._workspace, username, self.ui.password_edit.text())
        except MotcuaError as error:
            self.ui.error_label.setText(error_text(error))
            self.ui.password_edit.selectAll()
            self.ui.password_edit.setFocus()
            return
        self.accept()
