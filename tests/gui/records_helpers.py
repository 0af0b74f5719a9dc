"""Helpers of the record screens' tests: a commune on a clock the test moves, typing, dialogs.

The fixtures live in ``records_fixtures`` (a pytest plugin the test modules name). Pages run
their service calls on the real worker thread, so tests wait with ``waitSignal`` / ``waitUntil``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from motcua_desktop.domain.roles import Role
from motcua_desktop.gui.context import AppContext
from motcua_desktop.services.demo_commune import DEMO_COMMUNE
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.users import User, get_user
from motcua_desktop.services.workspace import Workspace

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
PASSWORD = "matkhau-2025"
# A Monday in March 2025: no holiday within the weeks the tests move through.
MONDAY = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)
COMMUNE = DEMO_COMMUNE  # the screens' tests run in the demo commune
STAFF = (
    ("tiepnhan", "Nguyễn Thị Hoa", Role.CLERK, "Bộ phận Một cửa"),
    ("tuphap", "Trần Văn Minh", Role.OFFICER, "Công chức Tư pháp - Hộ tịch"),
    ("chutich", "Đỗ Văn Hùng", Role.LEADER, "Lãnh đạo UBND xã"),
)
# Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days, handled by the justice officer.
PROCEDURE = "1.004873"


class FakeClock:
    """The device clock of a test: fixed until the test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class Commune:
    """An open workspace and its staff; ``context(user)`` builds what a signed-in page gets."""

    def __init__(self, ws: Workspace, clock: FakeClock) -> None:
        self.ws = ws
        self.clock = clock
        self.admin = get_user(ws, "admin")
        self.clerk = get_user(ws, "tiepnhan")
        self.officer = get_user(ws, "tuphap")
        self.leader = get_user(ws, "chutich")
        self.contexts: list[AppContext] = []

    def context(self, user: User) -> AppContext:
        ctx = AppContext(self.ws, user)
        self.contexts.append(ctx)
        return ctx

    def receive(
        self, name: str = "Lê Thị Mai", procedure: str = PROCEDURE, channel: str = "direct"
    ) -> str:
        """A dossier received by the clerk now; its code."""
        request = IntakeRequest(
            procedure_code=procedure,
            applicant=ApplicantInput(name=name, phone="0912345678", address="Thôn Đông"),
            channel=channel,
            confirm_warnings=True,
        )
        return DossierService(self.ws).receive(self.clerk, request).code

    def populate(self) -> dict[str, str]:
        """Six dossiers over two weeks, ending Monday 10/03 10:00; applicant name -> code.

        =================  ==========  ===================  =======  ==================
        applicant          received    field                channel  now
        =================  ==========  ===================  =======  ==================
        An Văn Bình        Mon 03/03   Hộ tịch              direct   processing, late
        Trần Thị Cúc       Mon 03/03   Chứng thực           online   returned on time
        Đặng Văn Dũng      Tue 04/03   hộ kinh doanh        postal   waiting, late
        Bùi Thị Em         Tue 04/03   Hộ tịch              direct   result ready
        Ngô Văn Giang      Mon 10/03   Đất đai              direct   processing
        Lê Thị Hạnh        Mon 10/03   Hộ tịch              online   withdrawn
        =================  ==========  ===================  =======  ==================
        """
        service = DossierService(self.ws)
        codes: dict[str, str] = {}
        self.clock.now = MONDAY
        codes["An Văn Bình"] = self.receive("An Văn Bình", "1.004873")
        codes["Trần Thị Cúc"] = self.receive("Trần Thị Cúc", "2.000908", "online")
        self.clock.advance(minutes=30)
        service.record_result(self.officer, codes["Trần Thị Cúc"])
        service.return_result(self.clerk, codes["Trần Thị Cúc"], satisfaction="satisfied")
        self.clock.now = MONDAY + timedelta(days=1)
        codes["Đặng Văn Dũng"] = self.receive("Đặng Văn Dũng", "1.001612", "postal")
        service.request_supplement(
            self.clerk, codes["Đặng Văn Dũng"], [{"name": "Bản sao CCCD"}], reason="Thiếu"
        )
        codes["Bùi Thị Em"] = self.receive("Bùi Thị Em", "1.004873")
        self.clock.advance(hours=1)
        service.record_result(self.officer, codes["Bùi Thị Em"], digitised=True)
        self.clock.now = MONDAY + timedelta(days=7)
        codes["Ngô Văn Giang"] = self.receive("Ngô Văn Giang", "1.012812")
        codes["Lê Thị Hạnh"] = self.receive("Lê Thị Hạnh", "1.004873", "online")
        service.withdraw(self.clerk, codes["Lê Thị Hạnh"], reason="Người dân xin rút")
        self.clock.advance(hours=1)
        return codes


def wait_idle(qtbot: object, ctx: AppContext) -> None:
    """Until the worker has run everything queued and its callbacks have been delivered."""
    qtbot.waitUntil(lambda: ctx.ops.pending == 0, timeout=15_000)  # type: ignore[attr-defined]


def modal_dialog(qtbot: object, kind: type[QDialog] = QDialog) -> QDialog:
    """The dialog the screen just opened (window-modal, found as the active modal widget)."""
    found: list[QWidget] = []

    def opened() -> bool:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            found.append(widget)
            return True
        return False

    qtbot.waitUntil(opened, timeout=10_000)  # type: ignore[attr-defined]
    dialog = found[-1]
    assert isinstance(dialog, kind)
    return dialog


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into a focused editor key by key, Vietnamese letters included.

    QTest's key clicks only know ASCII; a key event that carries the letter as its text is what
    an input method delivers for "ắ", and the editors insert it the same way.
    """
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


Factory = Callable[..., QWidget]
