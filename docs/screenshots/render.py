"""Render every screen of the counter app with the demo commune to PNG (run from the repo root).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/render.py [OUTDIR]

The demo runs on a fixed clock (05/03/2026 10:00) at 1366×768, the smallest screen the app
supports; screens of modules missing from the build are skipped.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from motcua_desktop.domain.dossier import Status  # noqa: E402
from motcua_desktop.gui.background import sync_provider  # noqa: E402
from motcua_desktop.gui.context import AppContext  # noqa: E402
from motcua_desktop.gui.main_window import MainWindow  # noqa: E402
from motcua_desktop.gui.navigation import NAVIGATION, PageId  # noqa: E402
from motcua_desktop.gui.setup_dialog import SetupDialog  # noqa: E402
from motcua_desktop.gui.sign_in import SignInDialog  # noqa: E402
from motcua_desktop.gui.translations import install_translators  # noqa: E402
from motcua_desktop.gui.unavailable import UnavailablePage  # noqa: E402
from motcua_desktop.services.demo import create_demo  # noqa: E402
from motcua_desktop.services.lookup import with_status  # noqa: E402
from motcua_desktop.services.users import get_user  # noqa: E402
from motcua_desktop.services.workspace import Workspace  # noqa: E402

NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
SIZE = (1366, 768)
FILES = {
    PageId.TODAY: "01-today.png",
    PageId.INTAKE: "02-intake.png",
    PageId.DOSSIERS: "03-dossiers.png",
    PageId.RETURN: "04-return.png",
    PageId.REPORTS: "05-reports.png",
    PageId.CATALOG: "06-catalog.png",
    PageId.ADMIN: "07-admin.png",
}


def settle(ctx: AppContext | None = None, rounds: int = 30) -> None:
    """Let queued work and paint events finish (pages load on the database worker)."""
    for _ in range(rounds):
        if ctx is not None:
            ctx.ops.wait()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def fill_intake(page: QWidget) -> None:
    """A birth registration typed in, with a doubtful ID number so the checks show."""
    page.procedures.filter("dang ky khai sinh")
    page.pick_procedure(page.procedures.procedure(0))
    page.procedures.filter("")
    page.name_edit.setText("Nguyễn Văn An")
    page.id_edit.setText("040085123456")
    page.birth_edit.setText("02/03/1986")
    page.sex_combo.setCurrentIndex(1)
    page.address_edit.setText("Thôn Trung Hòa, xã Hòa Phú, tỉnh Nghệ An")
    page.phone_edit.setText("0912 345 678")
    page.email_edit.setText("an.nguyen@")


def render_main(ws: Workspace, username: str, out: Path, pages: list[PageId]) -> None:
    ctx = AppContext(ws, get_user(ws, username))
    window = MainWindow(ctx, sync_provider=sync_provider(ws))
    window.resize(*SIZE)
    window.show()
    settle(ctx)
    for page_id in pages:
        page = window.show_page(page_id)
        if page is None or isinstance(page, UnavailablePage):
            print(f"skipped {page_id.value}: not in this build")
            continue
        if page_id is PageId.INTAKE:
            fill_intake(page)
        settle(ctx)
        save(window, out / FILES[page_id])
    if username == "tiepnhan":
        code = with_status(ws, Status.RESULT_READY)[0].code
        window.open_dossier(code)
        settle(ctx)
        if not isinstance(window.pages[PageId.DOSSIER], UnavailablePage):
            save(window, out / "08-dossier.png")
        window.search.edit.setText("tran")
        window.search.run_search()  # as the pause after typing does
        settle(ctx)
        save(window, out / "09-search.png")
    window.close()
    settle(ctx)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    translators = install_translators(app)
    with tempfile.TemporaryDirectory() as tmp:
        setup = SetupDialog(Path(tmp) / "new")
        setup.ui.backup_dir_edit.setText("/home/motcua/.local/share/motcua/backups")  # stable
        setup.show()
        settle()
        save(setup, out / "10-setup.png")
        setup.close()
        ws, _admin = create_demo(Path(tmp) / "demo", clock=lambda: NOW)
        try:
            sign_in = SignInDialog(ws)
            sign_in.ui.user_combo.setCurrentIndex(sign_in.ui.user_combo.findData("tiepnhan"))
            sign_in.show()
            settle()
            save(sign_in, out / "11-sign-in.png")
            sign_in.close()
            clerk_pages = [spec.id for spec in NAVIGATION if spec.id is not PageId.ADMIN]
            render_main(ws, "tiepnhan", out, clerk_pages)
            render_main(ws, "admin", out, [PageId.ADMIN])
        finally:
            ws.close()
    del translators


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
