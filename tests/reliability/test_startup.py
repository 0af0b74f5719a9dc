"""Start-up checks: a damaged or newer database is refused with the way back; the clock is watched."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.services import backup, startup
from motcua_desktop.services.faults import EnvironmentFault
from motcua_desktop.services.users import User, get_user
from motcua_desktop.services.workspace import Workspace
from motcua_desktop.storage.database import DB_FILENAME


def _damage(db_path: Path, how: str) -> None:
    data = bytearray(db_path.read_bytes())
    if how == "truncated":
        db_path.write_bytes(bytes(data[: len(data) // 3]))
    elif how == "overwritten":
        page = 4096
        for offset in range(page * 2, min(len(data), page * 6)):
            data[offset] = 0x5A
        db_path.write_bytes(bytes(data))
    else:
        db_path.write_bytes(b"this is not a database at all" * 100)


@pytest.mark.parametrize("how", ["truncated", "overwritten", "not-sqlite"])
def test_a_damaged_database_is_refused_naming_the_last_good_backup(
    ws: Workspace, clock: Any, how: str
) -> None:
    info = backup.create_backup(ws)
    db_path = ws.db.path
    ws.close()
    _damage(db_path, how)
    before = db_path.read_bytes()
    with pytest.raises(EnvironmentFault) as err:
        startup.open_checked(db_path.parent, clock=clock)
    assert err.value.code == "fault.corrupt"
    assert str(info.path) in err.value.message and "khôi phục" in err.value.message
    assert db_path.read_bytes() == before  # never silently recreated or "repaired"


def test_a_newer_database_is_refused_in_vietnamese(ws: Workspace, clock: Any) -> None:
    db_path = ws.db.path
    ws.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(MotcuaError) as err:
        startup.open_checked(db_path.parent, clock=clock)
    assert err.value.code == "db.newer" and "phiên bản mới hơn" in err.value.message


def test_a_whole_database_opens_with_a_clean_report(
    open_ws: Callable[..., Workspace], data_dir: Path, clock: Any
) -> None:
    ws, report = startup.open_checked(data_dir, clock=clock)
    try:
        assert report.integrity == "ok" and report.clock is None
        assert report.backup is not None and report.backup.code == "backup.never"
    finally:
        ws.close()


def test_a_clock_set_back_warns_records_and_waits_for_an_admin(data_dir: Path, clock: Any) -> None:
    ws, report = startup.open_checked(data_dir, clock=clock)
    ws.close()
    assert report.clock is None
    clock.advance(days=-2)  # somebody set the date back two days
    for _restart in range(2):  # every start-up on the wrong clock warns again
        ws, report = startup.open_checked(data_dir, clock=clock)
        assert report.clock is not None and report.clock.code == "clock.backwards"
        assert "sớm hơn" in report.clock.message
        ws.close()
    ws, _report = startup.open_checked(data_dir, clock=clock)
    try:
        incidents = startup.incidents(ws)
        assert len(incidents) == 1 and incidents[0]["behind_seconds"] >= 2 * 86400 - 1
        clerk: User = get_user(ws, "tiepnhan")
        with pytest.raises(MotcuaError):
            startup.confirm_clock(ws, clerk)
        entry = startup.confirm_clock(ws, get_user(ws, "admin"))
        assert entry["confirmed_by"] == "admin"
        assert startup.check_clock(ws) is None
    finally:
        ws.close()
    ws, report = startup.open_checked(data_dir, clock=clock)
    ws.close()
    assert report.clock is None and startup.pending_incident(ws) is None


def test_the_clock_within_tolerance_is_no_incident(data_dir: Path, clock: Any) -> None:
    ws, _ = startup.open_checked(data_dir, clock=clock)
    ws.close()
    clock.advance(minutes=-3)
    ws, report = startup.open_checked(data_dir, clock=clock)
    ws.close()
    assert report.clock is None


def test_a_missing_data_folder_says_how_to_start(tmp_path: Path, clock: Any) -> None:
    with pytest.raises(MotcuaError) as err:
        startup.open_checked(tmp_path / "nothing", clock=clock)
    assert err.value.code == "workspace.not_initialised"
    assert not (tmp_path / "nothing" / DB_FILENAME).exists()
