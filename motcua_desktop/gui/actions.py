"""Every user action of the main window, registered once and keyed by an enum, with its shortcut."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from ..domain.roles import Action


class ActionId(StrEnum):
    GO_TODAY = "go_today"
    GO_INTAKE = "go_intake"
    GO_DOSSIERS = "go_dossiers"
    GO_RETURN = "go_return"
    GO_REPORTS = "go_reports"
    GO_CATALOG = "go_catalog"
    GO_ADMIN = "go_admin"
    SEARCH = "search"
    REFRESH = "refresh"
    SIGN_OUT = "sign_out"
    QUIT = "quit"


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    text: str  # English source, translated in context "Actions"
    shortcuts: tuple[str, ...] = ()
    permission: Action | None = None  # the role must allow this to see and use the action


_CTX = "Actions"
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.GO_TODAY, QT_TRANSLATE_NOOP("Actions", "Today"), ("Ctrl+1", "F1")),
    ActionSpec(
        ActionId.GO_INTAKE, QT_TRANSLATE_NOOP("Actions", "Intake"), ("F2", "Ctrl+2"), Action.RECEIVE
    ),
    ActionSpec(ActionId.GO_DOSSIERS, QT_TRANSLATE_NOOP("Actions", "Dossiers"), ("Ctrl+3", "F3")),
    ActionSpec(
        ActionId.GO_RETURN,
        QT_TRANSLATE_NOOP("Actions", "Return results"),
        ("Ctrl+4", "F4"),
        Action.RETURN_RESULT,
    ),
    ActionSpec(ActionId.GO_REPORTS, QT_TRANSLATE_NOOP("Actions", "Reports"), ("Ctrl+5",)),
    ActionSpec(ActionId.GO_CATALOG, QT_TRANSLATE_NOOP("Actions", "Catalog"), ("Ctrl+6",)),
    ActionSpec(
        ActionId.GO_ADMIN,
        QT_TRANSLATE_NOOP("Actions", "Administration"),
        ("Ctrl+7",),
        Action.MANAGE_SETTINGS,
    ),
    ActionSpec(ActionId.SEARCH, QT_TRANSLATE_NOOP("Actions", "Find a dossier"), ("Ctrl+F", "F6")),
    ActionSpec(ActionId.REFRESH, QT_TRANSLATE_NOOP("Actions", "Refresh"), ("F5",)),
    ActionSpec(ActionId.SIGN_OUT, QT_TRANSLATE_NOOP("Actions", "Sign out"), ("Ctrl+Shift+L",)),
    ActionSpec(ActionId.QUIT, QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",)),
)
SPECS = {spec.id: spec for spec in ACTIONS}


def action_text(action_id: ActionId) -> str:
    return QCoreApplication.translate(_CTX, SPECS[action_id].text)


class ActionRegistry(QObject):
    """Builds each QAction once; screens and menus look actions up by id, never create their own."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[ActionId, QAction] = {}
        for spec in ACTIONS:
            action = QAction(action_text(spec.id), parent)
            action.setObjectName(f"action_{spec.id.value}")
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            if spec.shortcuts:
                action.setToolTip(f"{action_text(spec.id)} ({spec.shortcuts[0]})")
            self._actions[spec.id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __iter__(self) -> Iterator[tuple[ActionId, QAction]]:
        return iter(self._actions.items())

    def apply_permissions(self, allowed: Callable[[Action], bool]) -> None:
        """Hide and disable every action the signed-in user's role does not allow."""
        for action_id, action in self._actions.items():
            permission = SPECS[action_id].permission
            ok = permission is None or allowed(permission)
            action.setEnabled(ok)
            action.setVisible(ok)
