"""The administration screen's settings tab: every editable setting, checked by its own validator."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.errors import MotcuaError
from ..domain.roles import Action
from ..services.settings import DEFAULTS, EDITABLE, update_settings
from .context import AppContext
from .forms.ui_admin_page import Ui_AdminPage
from .records_common import error_text


def shown_value(key: str, value: Any) -> str:
    """A stored value as the administrator types it."""
    if value is None:
        return ""
    if key == "office_hours" and isinstance(value, list):
        return ",".join(f"{a}-{b}" for a, b in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class SettingsForm(QObject):
    """One line edit per setting in ``EDITABLE``, a message under each, Save for what changed.

    Signals:
        saved(dict): the values stored (after the validators cleaned them).
    """

    saved = Signal(dict)

    def __init__(self, ctx: AppContext, ui: Ui_AdminPage, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.ui = ui
        self.edits: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        for key, (label, _validate) in EDITABLE.items():
            edit = QLineEdit(ui.settings_body)
            edit.setObjectName(f"setting_{key}")
            problem = QLabel(ui.settings_body)
            problem.setStyleSheet("color: #a61b1b;")
            problem.setWordWrap(True)
            problem.hide()
            cell = QWidget(ui.settings_body)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(problem)
            ui.settings_form.addRow(f"{label}:", cell)
            edit.textChanged.connect(self._on_edit_text_changed)
            self.edits[key] = edit
            self.problems[key] = problem
        ui.save_settings_button.clicked.connect(self._on_save_settings_button_clicked)
        ui.revert_settings_button.clicked.connect(self.load)
        self.load()

    # ---- public ------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored values (read from the workspace's settings, already in memory)."""
        settings = self.ctx.workspace.settings
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setText(shown_value(key, settings.get(key, DEFAULTS.get(key))))
            edit.blockSignals(False)
        self._stored = {key: edit.text() for key, edit in self.edits.items()}
        self.apply_permissions()
        self.revalidate()

    def apply_permissions(self) -> None:
        admin = self.ctx.can(Action.MANAGE_SETTINGS)
        for edit in self.edits.values():
            edit.setReadOnly(not admin)
        self.ui.save_settings_button.setVisible(admin)
        self.ui.revert_settings_button.setVisible(admin)

    def changed(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.edits.items() if e.text() != self._stored[k]}

    def revalidate(self) -> bool:
        """Check every changed value; show each problem under its field. True when all pass."""
        changed = self.changed()
        valid = True
        for key, problem in self.problems.items():
            message = ""
            if key in changed:
                try:
                    EDITABLE[key][1](changed[key])
                except MotcuaError as error:
                    message = error.message
                except (TypeError, ValueError):
                    message = self.tr("This value is not valid.")
            problem.setText(message)
            problem.setVisible(bool(message))
            valid = valid and not message
        self.ui.save_settings_button.setEnabled(valid and bool(changed))
        self.ui.revert_settings_button.setEnabled(bool(changed))
        return valid

    # ---- slots -------------------------------------------------------------------------------

    def _on_edit_text_changed(self, _text: str) -> None:
        self.ui.settings_status_label.clear()
        self.revalidate()

    def _on_save_settings_button_clicked(self) -> None:
        if not self.revalidate():
            return
        values = self.changed()
        ws, user = self.ctx.workspace, self.ctx.user
        self.ui.save_settings_button.setEnabled(False)
        self.ctx.act(
            lambda: update_settings(ws, user, dict(values)),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, stored: dict[str, Any]) -> None:
        self.load()
        self.ui.settings_status_label.setText(
            self.tr("Saved {count} settings.").format(count=len(stored))
        )
        self.saved.emit(stored)

    def _on_failed(self, error: Exception) -> None:
        self.ui.settings_status_label.setText(error_text(error))
        self.revalidate()
