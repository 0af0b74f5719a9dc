"""The table of screens: each page's id, navigation action, icon, module and class, loaded lazily."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtWidgets import QStyle

from ..domain.roles import Action
from .actions import ActionId


class PageId(StrEnum):
    TODAY = "today"
    INTAKE = "intake"
    DOSSIERS = "dossiers"
    RETURN = "return"
    REPORTS = "reports"
    CATALOG = "catalog"
    ADMIN = "admin"
    DOSSIER = "dossier"  # one dossier's view: opened from a row, a search or a scan


@dataclass(frozen=True)
class PageSpec:
    id: PageId
    action: ActionId | None  # the navigation action (title and shortcut); None: not in the list
    icon: QStyle.StandardPixmap
    module: str  # under motcua_desktop.gui
    cls: str  # constructed as cls(ctx, parent); DossierPage also has show_dossier(code)
    # A page may have a ``first_field`` widget: it takes the focus when the user lands there.
    permission: Action = Action.VIEW


SP = QStyle.StandardPixmap
PAGES: tuple[PageSpec, ...] = (
    PageSpec(PageId.TODAY, ActionId.GO_TODAY, SP.SP_FileDialogInfoView, "today_page", "TodayPage"),
    PageSpec(
        PageId.INTAKE, ActionId.GO_INTAKE, SP.SP_FileDialogNewFolder, "intake_page", "IntakePage",
        Action.RECEIVE,
    ),
    PageSpec(
        PageId.DOSSIERS, ActionId.GO_DOSSIERS, SP.SP_FileDialogDetailedView, "list_page",
        "DossierListPage",
    ),
    PageSpec(
        PageId.RETURN, ActionId.GO_RETURN, SP.SP_DialogApplyButton, "return_page", "ReturnPage",
        Action.RETURN_RESULT,
    ),
    PageSpec(PageId.REPORTS, ActionId.GO_REPORTS, SP.SP_FileDialogContentsView, "reports_page",
             "ReportsPage"),
    PageSpec(PageId.CATALOG, ActionId.GO_CATALOG, SP.SP_DirOpenIcon, "catalog_page", "CatalogPage"),
    PageSpec(
        PageId.ADMIN, ActionId.GO_ADMIN, SP.SP_ComputerIcon, "admin_page", "AdminPage",
        Action.MANAGE_SETTINGS,
    ),
    PageSpec(PageId.DOSSIER, None, SP.SP_FileIcon, "dossier_page", "DossierPage"),
)  # fmt: skip
SPECS = {spec.id: spec for spec in PAGES}
NAVIGATION = tuple(spec for spec in PAGES if spec.action is not None)


def home_page(can: Callable[[Action], bool]) -> PageId:
    """Where a user lands after signing in: whoever receives dossiers at the counter lands on the
    intake form, their work all day (a draft a crash left waits there too); everyone else on
    today's work. A clerk's window then builds no other screen before its first paint."""
    return PageId.INTAKE if can(Action.RECEIVE) else PageId.TODAY
