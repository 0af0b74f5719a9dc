"""Adding a user and changing a password: validated as typed, saved through the users service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MotcuaError
from ..domain.roles import ROLE_LABELS_VI, Role
from ..services.users import MIN_PASSWORD, change_password, create_user, validate_username
from .context import AppContext
from .records_common import error_text


class _FormDialog(QDialog):
    """A form, the line saying what is wrong, Save enabled only while nothing is."""

    done = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout()
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem_label")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a61b1b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def problem(self) -> str:
        return ""

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def revalidate(self, *_args: object) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.save_button.setEnabled(not problem)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        work = self.work()
        self.save_button.setEnabled(False)
        self.ctx.act(work, self._on_done, self._on_failed)

    def _on_done(self, result: object) -> None:
        self.done.emit(result)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.problem_label.setText(error_text(error))


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AddUserDialog(_FormDialog):
    """A new member of staff with a role (administrators only; the service checks again)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.username_edit = QLineEdit(self)
        self.username_edit.setPlaceholderText(self.tr("e.g. tiepnhan3 (a–z, 0–9, . _ -)"))
        self.full_name_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(ROLE_LABELS_VI[role], role.value)
        self.unit_edit = QLineEdit(self)
        self.password_edit = _password_edit(self)
        self.confirm_edit = _password_edit(self)
        self.form.addRow(self.tr("Username:"), self.username_edit)
        self.form.addRow(self.tr("Full name:"), self.full_name_edit)
        self.form.addRow(self.tr("Role:"), self.role_combo)
        self.form.addRow(self.tr("Unit:"), self.unit_edit)
        self.form.addRow(self.tr("Password:"), self.password_edit)
        self.form.addRow(self.tr("Password again:"), self.confirm_edit)
        for edit in (
            self.username_edit, self.full_name_edit, self.unit_edit, self.password_edit,
            self.confirm_edit,
        ):  # fmt: skip
            edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        if not self.username_edit.text().strip():
            return self.tr("Type a username.")
        try:
            validate_username(self.username_edit.text())
        except MotcuaError as error:
            return error.message
        if not self.full_name_edit.text().strip():
            return self.tr("Type the person's full name.")
        return _password_problem(self.password_edit.text(), self.confirm_edit.text())

    def work(self) -> Callable[[], Any]:
        ws, actor = self.ctx.workspace, self.ctx.user
        values = {
            "username": self.username_edit.text(),
            "full_name": self.full_name_edit.text(),
            "role": str(self.role_combo.currentData()),
            "unit": self.unit_edit.text(),
            "password": self.password_edit.text(),
        }
        return lambda: create_user(ws, actor, **values)


class PasswordDialog(_FormDialog):
    """A new password for ``username``: one's own, or anyone's for an administrator."""

    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.username = username
        self.setWindowTitle(self.tr("New password for {user}").format(user=username))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.password_edit = _password_edit(self)
        self.confirm_edit = _password_edit(self)
        self.form.addRow(self.tr("New password:"), self.password_edit)
        self.form.addRow(self.tr("Password again:"), self.confirm_edit)
        self.password_edit.textChanged.connect(self.revalidate)
        self.confirm_edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def problem(self) -> str:
        return _password_problem(self.password_edit.text(), self.confirm_edit.text())

    def work(self) -> Callable[[], Any]:
        ws, actor, target = self.ctx.workspace, self.ctx.user, self.username
        password = self.password_edit.text()
        return lambda: change_password(ws, actor, target, password)


def _password_problem(password: str, confirm: str) -> str:
    if len(password) < MIN_PASSWORD:
        return QCoreApplication.translate(
            "PasswordRules", "The password needs at least {n} characters."
        ).format(n=MIN_PASSWORD)
    if password != confirm:
        return QCoreApplication.translate("PasswordRules", "The two passwords differ.")
    return ""
