"""What every screen shares: the open workspace, the signed-in user, the services, change notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ..domain.roles import Action, can
from ..services.users import User
from ..services.workspace import Workspace
from .ops import Operations, unless_deleted

if TYPE_CHECKING:
    from ..domain.calendar import WorkingCalendar
    from ..services.dossiers import DossierService
    from ..services.printing import PrintService

T = TypeVar("T")


class AppContext(QObject):
    """Injected into every page and dialog; nothing in the GUI reaches for globals.

    Screens listen to ``data_changed`` to refresh and emit ``dossier_requested`` to open a dossier
    (a scan, a search hit, a row double-clicked); the main window decides where it is shown.
    """

    data_changed = Signal()
    dossier_requested = Signal(str)
    user_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        user: User,
        *,
        ops: Operations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ops = ops or Operations(parent=self)
        self._dossiers: DossierService | None = None
        self._calendar: WorkingCalendar | None = None
        self._user = user
        self._printing: PrintService | None = None

    @property
    def user(self) -> User:
        return self._user

    @property
    def calendar(self) -> WorkingCalendar:
        """The commune's working calendar, every appointment's: the dossier service's own, or
        read without loading that service (the intake form shows its first appointment)."""
        if self._dossiers is not None:
            return self._dossiers.calendar
        if self._calendar is None:
            from ..services.calendar_service import working_calendar

            self._calendar = working_calendar(self.workspace)
        return self._calendar

    @property
    def dossiers(self) -> DossierService:
        """The dossier service (loaded on first use: the intake form shows before it is needed)."""
        if self._dossiers is None:
            from ..services.dossiers import DossierService

            self._dossiers = DossierService(self.workspace, self._calendar)
        return self._dossiers

    @dossiers.setter
    def dossiers(self, service: DossierService) -> None:
        self._dossiers = service  # its calendar is the one in force from now on
        self._calendar = None

    @property
    def printing(self) -> PrintService:
        """The forms, for the signed-in user (reportlab loads on the first print, not at start)."""
        if self._printing is None or self._printing.actor != self._user:
            from ..services.printing import PrintService

            self._printing = PrintService(self.workspace, self._user)
        return self._printing

    def set_user(self, user: User) -> None:
        self._user = user
        self.user_changed.emit()

    def can(self, action: Action) -> bool:
        """Whether the signed-in user's role allows ``action`` (services check again)."""
        return self._user.active and can(self._user.role, action)

    def act(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run a change on the worker; on success announce ``data_changed`` before ``on_done``."""
        on_done = unless_deleted(on_done)  # wrapped below, so the worker cannot see its owner

        def done(result: T) -> None:
            self.data_changed.emit()
            if on_done is not None:
                on_done(result)

        self.ops.run(work, done, on_error)

    def query(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run a read on the worker and hand its plain-data result to ``on_done``."""
        self.ops.run(work, on_done, on_error)

    def setting(self, key: str, default: Any = None) -> Any:
        return self.workspace.setting(key, default)
