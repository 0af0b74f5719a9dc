"""The app's start: the form first, the whole-file check behind it, nothing written before it has
found the file whole, and the rest (background services, other screens' modules) after the paint."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.gui import app as app_module
from motcua_desktop.gui.app import open_session
from motcua_desktop.gui.background import BackgroundServices
from motcua_desktop.gui.navigation import PageId
from motcua_desktop.gui.today_page import TodayPage
from motcua_desktop.gui.warmup import Warmup, resume_collector
from motcua_desktop.services import startup
from motcua_desktop.services.faults import EnvironmentFault
from motcua_desktop.services.settings import write_settings
from motcua_desktop.services.users import get_user
from motcua_desktop.storage.database import DB_FILENAME

REPO = Path(__file__).resolve().parents[2]


def _damage_an_index(data_dir: Path) -> bytes:
    """Overwrite the root page of an index of the event log: the settings, users and catalog
    still read, so the app opens, but SQLite's check of the whole file fails."""
    db_path = data_dir / DB_FILENAME
    conn = sqlite3.connect(db_path)
    try:
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_events_dossier'"
        ).fetchone()
    finally:
        conn.close()
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\x5a" * page_size
    db_path.write_bytes(bytes(data))
    return bytes(data)


def test_the_app_opens_at_once_and_checks_the_whole_file_behind(data_dir: Path, clock) -> None:
    ws, report = startup.open_for_app(data_dir, clock=clock)
    try:
        assert report.integrity == "pending" and report.check is not None
        assert not report.check.finished  # started by the app once its first window is up
        write_settings(ws, {"centre_name": "Bộ phận Một cửa"})  # a write starts it and waits
        assert report.check.wait(30)
        assert report.integrity == "ok" and report.check.fault is None
        assert report.backup is not None and report.backup.code == "backup.never"
        assert ws.setting("centre_name") == "Bộ phận Một cửa"
        assert ws.setting(startup.HIGH_WATER_KEY)  # the clock was checked after the file
    finally:
        ws.close()


def test_a_damaged_file_is_read_but_never_written(data_dir: Path, clock) -> None:
    before = _damage_an_index(data_dir)
    ws, report = startup.open_for_app(data_dir, clock=clock)
    try:
        assert report.check is not None
        assert get_user(ws, "tiepnhan").username == "tiepnhan"  # reading goes on meanwhile
        for _attempt in range(2):  # every write is refused, not only the first
            with pytest.raises(EnvironmentFault) as err:
                write_settings(ws, {"centre_name": "x"})
            assert err.value.code == "fault.corrupt"
        assert report.check.finished and report.check.fault is err.value
        assert report.integrity != "ok" and report.clock is None  # no clock mark was written
    finally:
        ws.close()
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_a_file_that_does_not_open_is_refused_before_anything_shows(data_dir: Path, clock) -> None:
    (data_dir / DB_FILENAME).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(EnvironmentFault) as err:
        startup.open_for_app(data_dir, clock=clock)
    assert err.value.code == "fault.corrupt"


def test_a_check_cut_short_leaves_the_file_unwritten(data_dir: Path, clock) -> None:
    ws, report = startup.open_for_app(data_dir, clock=clock)
    try:
        assert report.check is not None
        report.check.cancel()  # the app quits before the check started
        with pytest.raises(MotcuaError) as err:
            write_settings(ws, {"centre_name": "x"})
        assert err.value.code == "startup.cancelled"
    finally:
        ws.close()


def test_a_damaged_file_found_at_sign_in_closes_the_app_with_the_way_back(
    qapp, monkeypatch, data_dir: Path
) -> None:
    before = _damage_an_index(data_dir)
    said: list[str] = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda _parent, _title, text: said.append(text)
    )
    code = app_module.run_app([], data_dir=data_dir)
    assert code == 5
    assert len(said) == 1 and "hỏng" in said[0]
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_the_window_comes_first_then_the_checks_services_and_warm_up(
    qtbot, vietnamese, data_dir: Path
) -> None:
    session = open_session(data_dir)
    assert session is not None
    try:
        session.sign_in(get_user(session.workspace, "tiepnhan"))
        window = session.build_window()
        qtbot.addWidget(window)
        assert session.report.check is not None and not session.report.check.finished
        assert session.background is None and session.warmup is None
        with qtbot.waitSignal(session.settled, timeout=30_000):
            session.show_window()
        assert session.whole and session.report.integrity == "ok"
        assert session.background is not None and session.background.started
        assert session.background.scheduler is not None
        assert not session.background.scheduler.timer.isActive()  # the day's backup waits
        for page in ("today_page", "list_page", "return_page", "reports_page", "catalog_page",
                     "dossier_page"):  # fmt: skip
            assert f"motcua_desktop.gui.{page}" in sys.modules
        assert window.current_page is PageId.INTAKE  # a clerk's window
        assert set(window.pages) == {PageId.INTAKE}
    finally:
        session.stop()
        session.workspace.close()
    assert not session.background.worker.running


def test_a_benchmark_session_takes_no_backup(qtbot, make_ctx) -> None:
    ctx = make_ctx("tiepnhan")
    services = BackgroundServices(ctx, backups=False, parent=ctx)
    services.start()
    services.stop()
    assert services.scheduler is None and not services.worker.running


def test_the_first_backup_waits_for_its_delay(qtbot, make_ctx) -> None:
    ctx = make_ctx("tiepnhan")
    services = BackgroundServices(ctx, backup_delay_ms=50, parent=ctx)
    assert services.scheduler is not None
    with qtbot.waitSignal(services.scheduler.backup_finished, timeout=30_000) as taken:
        services.start()
    services.stop()
    assert taken.args[0] is not None and taken.args[0].reason == "daily"


def test_today_loads_when_first_shown_not_when_passed_through(qtbot, make_ctx) -> None:
    ctx = make_ctx("tiepnhan")
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    assert ctx.ops.pending == 0 and page.summary is None
    page.show()
    qtbot.waitUntil(lambda: page.summary is not None)


def test_a_failing_warm_up_step_is_skipped(qtbot) -> None:
    done: list[str] = []

    def broken() -> None:
        raise ModuleNotFoundError("no such screen")

    warmup = Warmup([broken, lambda: done.append("next")])
    with qtbot.waitSignal(warmup.finished):
        warmup.start()
    assert done == ["next"] and warmup.done


def test_the_collector_comes_back_after_the_start() -> None:
    gc.disable()
    try:
        resume_collector()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


def test_the_form_needs_no_network_backup_or_report_libraries(data_dir: Path) -> None:
    """Up to the built intake form, none of what only later work needs is loaded."""
    script = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        from motcua_desktop.gui.app import open_session
        from motcua_desktop.gui.navigation import PageId
        from motcua_desktop.services.users import get_user
        app = QApplication([])
        session = open_session(Path({str(data_dir)!r}))
        session.sign_in(get_user(session.workspace, "tiepnhan"))
        window = session.build_window()
        assert window.show_page(PageId.INTAKE).procedures.rowCount() > 0
        heavy = ("httpx", "alembic", "reportlab", "openpyxl", "PySide6.QtCharts",
                 "motcua_desktop.services.sync", "motcua_desktop.services.backup")
        loaded = [m for m in heavy if m in sys.modules]
        session.show_window()
        QTest.qWaitForWindowExposed(window)
        print(json.dumps(loaded))
        session.stop()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
