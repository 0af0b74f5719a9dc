"""Backups: verified copies with their PDFs, a rotation policy, an age warning, checked restores."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import integrity, receive, snapshot

from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.services import backup
from motcua_desktop.services.chain_check import verify_chains
from motcua_desktop.services.printing import PrintService
from motcua_desktop.services.restore import restore_backup, restore_into
from motcua_desktop.services.settings import update_settings
from motcua_desktop.services.users import User
from motcua_desktop.services.workspace import Workspace
from motcua_desktop.storage.database import DB_FILENAME


def test_a_backup_is_a_whole_verified_copy_with_its_manifest_and_pdfs(
    ws: Workspace, staff: dict[str, User]
) -> None:
    code = receive(ws, staff["tiepnhan"])
    pdf = PrintService(ws, staff["tiepnhan"]).render("receipt", code)
    info = backup.create_backup(ws)
    folder = ws.backups_dir
    assert info.path.parent == folder and info.path.is_file()
    assert sorted(p.name for p in folder.glob(".*")) == []  # no temporary file left
    assert snapshot(info.path) == snapshot(ws.db.path)
    assert integrity(info.path) == "ok"
    # One file on the backup disk: no WAL beside it.
    assert not Path(f"{info.path}-wal").exists()
    copied = folder / "documents" / pdf.relative_to(ws.documents_dir)
    assert copied.read_bytes() == pdf.read_bytes()
    listed = backup.list_backups(ws)
    assert [b.name for b in listed] == [info.name]
    assert (
        listed[0] == info
        and info.documents == 1
        and info.events == snapshot(ws.db.path)["events"].__len__()
    )
    checked, facts = backup.verify_backup(info.path)
    assert checked == info and facts.node_id == ws.setting("node_id")


def test_the_backup_folder_setting_is_used(ws: Workspace, staff: dict[str, User], tmp_path: Path):
    usb = tmp_path / "usb" / "MotCua"
    update_settings(ws, staff["admin"], {"backup_dir": str(usb)})
    info = backup.create_backup(ws, reason="daily")
    assert info.path.parent == usb and info.reason == "daily"
    assert backup.last_good_backup(ws) == info


def test_a_changed_or_damaged_backup_fails_verification(ws: Workspace) -> None:
    info = backup.create_backup(ws)
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    info.path.write_bytes(bytes(data))
    with pytest.raises(MotcuaError) as err:
        backup.verify_backup(info.path)
    assert err.value.code == "backup.modified"
    info.path.write_bytes(bytes(data[:4096]))  # truncated: also refused before any trust
    with pytest.raises(MotcuaError) as err:
        restore_backup(ws.data_dir, info.path, now=ws.clock())
    assert err.value.code == "backup.modified"


def _kept(ws: Workspace, clock: Any, days: list[int]) -> list[str]:
    for day in days:
        clock.set(datetime(2026, 1, 1, 10, tzinfo=clock.now.tzinfo) + timedelta(days=day))
        backup.create_backup(ws)
    return [b.created_at.date().isoformat() for b in backup.list_backups(ws)]


def test_rotation_keeps_the_last_days_and_one_per_month(
    ws: Workspace, staff: dict[str, User], clock: Any
) -> None:
    update_settings(ws, staff["admin"], {"backup_keep_daily": 3, "backup_keep_monthly": 2})
    # Jan 1 … Mar 10: every 10 days, twice on the last day.
    kept = _kept(ws, clock, [0, 10, 20, 30, 40, 50, 60, 68, 68])
    # The newest (Mar 10, twice: the later one), the last 3 days with a backup (Mar 10, Mar 2,
    # Feb 20) and the newest of the last 2 months (March: Mar 10, February: Feb 20).
    assert kept == ["2026-03-10", "2026-03-02", "2026-02-20"]
    assert len(list(ws.backups_dir.glob("motcua-*.sqlite3"))) == 3


def test_the_age_warning_follows_the_setting(
    ws: Workspace, staff: dict[str, User], clock: Any
) -> None:
    warning = backup.backup_warning(ws)
    assert warning is not None and warning.code == "backup.never"
    backup.create_backup(ws)
    assert backup.backup_warning(ws) is None
    clock.advance(days=3, hours=1)
    warning = backup.backup_warning(ws)
    assert warning is not None and warning.code == "backup.stale" and "3 ngày" in warning.message
    update_settings(ws, staff["admin"], {"backup_max_age_days": 7})
    assert backup.backup_warning(ws) is None


def test_restore_round_trip_state_equals_the_backup(
    ws: Workspace, staff: dict[str, User], clock: Any
) -> None:
    receive(ws, staff["tiepnhan"], "Trần Thị Trước")
    info = backup.create_backup(ws)
    at_backup = snapshot(info.path)
    clock.advance(hours=1)
    later = receive(ws, staff["tiepnhan"], "Lê Văn Sau")
    after_work = snapshot(ws.db.path)
    assert after_work != at_backup
    result = restore_into(ws, staff["admin"], info.manifest_path)
    assert snapshot(ws.db.path) == at_backup
    assert result.kept_aside is not None and snapshot(result.kept_aside) == after_work
    assert later in snapshot(result.kept_aside)["dossiers"]
    # The app goes on from the restored state: the next act continues the restored chain.
    receive(ws, staff["tiepnhan"], "Phạm Thị Tiếp")
    assert integrity(ws.db.path) == "ok"
    assert len(snapshot(ws.db.path)["events"]) == len(at_backup["events"]) + 1


def test_restore_needs_an_admin(ws: Workspace, staff: dict[str, User]) -> None:
    info = backup.create_backup(ws)
    with pytest.raises(MotcuaError) as err:
        restore_into(ws, staff["tiepnhan"], info.path)
    assert err.value.code == "permission_denied"


def _copy_with(ws: Workspace, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / "altered.sqlite3"
    src = sqlite3.connect(ws.db.path)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode=DELETE")
    for statement in statements:
        dst.execute(statement)
    dst.commit()
    dst.close()
    return copy


@pytest.mark.parametrize(
    ("statements", "code"),
    [
        (("UPDATE alembic_version SET version_num = '9999_future'",), "backup.newer"),
        (
            (
                "DROP TRIGGER events_no_update",
                "UPDATE events SET actor = 'mallory' WHERE seq = 2",
            ),
            "backup.chain",
        ),
        (
            ("UPDATE settings SET value = '\"other-node\"' WHERE key = 'node_id'",),
            "restore.other_node",
        ),
        (("DROP TABLE alembic_version",), "backup.no_schema"),
    ],
    ids=["newer-schema", "rewritten-event", "other-pc", "not-ours"],
)
def test_restore_checks_the_file_first_and_leaves_the_database_untouched(
    ws: Workspace, tmp_path: Path, statements: tuple[str, ...], code: str
) -> None:
    altered = _copy_with(ws, tmp_path, *statements)
    before = snapshot(ws.db.path)
    with pytest.raises(MotcuaError) as err:
        restore_backup(ws.data_dir, altered, now=ws.clock())
    assert err.value.code == code
    assert snapshot(ws.db.path) == before
    assert not (ws.data_dir / "replaced").exists()


def test_a_backup_from_the_old_pc_restores_onto_a_new_one_when_asked(
    ws: Workspace, tmp_path: Path
) -> None:
    info = backup.create_backup(ws)
    fresh = tmp_path / "new-pc"
    result = restore_backup(fresh, info.path, now=ws.clock())
    assert result.kept_aside is None
    assert snapshot(fresh / DB_FILENAME)["events"] == snapshot(info.path)["events"]


def test_restore_waits_until_no_other_program_has_the_database_open(ws: Workspace) -> None:
    import subprocess
    import sys

    info = backup.create_backup(ws)
    before = snapshot(ws.db.path)
    other_app = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(ws.db.path)!r})\n"
            "c.execute('SELECT COUNT(*) FROM events').fetchall()\n"
            "print('open', flush=True)\n"
            "sys.stdin.read()\n"
        )],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert other_app.stdout is not None and other_app.stdout.readline().strip() == "open"
        ws.db.dispose()  # this app closed its connections, the other one did not
        with pytest.raises(MotcuaError) as err:
            restore_backup(ws.data_dir, info.path, now=ws.clock())
        assert err.value.code == "restore.in_use" and "đóng mọi cửa sổ" in err.value.message
    finally:
        assert other_app.stdin is not None and other_app.stdout is not None
        other_app.stdin.close()
        other_app.wait(timeout=30)
        other_app.stdout.close()
    assert snapshot(ws.db.path) == before and not (ws.data_dir / "replaced").exists()
    assert restore_backup(ws.data_dir, info.path, now=ws.clock()).kept_aside is not None


def test_a_file_in_place_of_the_backup_folder_is_named(ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "MotCua"
    target.write_text("a file, not a folder")
    with pytest.raises(MotcuaError) as err:
        backup.create_backup(ws, target=target)
    assert err.value.code == "backup.not_folder" and str(target) in err.value.message


def test_the_copy_is_the_database_as_the_backup_began_while_acts_go_on(
    ws: Workspace, staff: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "STEP_PAGES", 8)  # many steps: acts land between them
    before = snapshot(ws.db.path)
    during: list[str] = []
    step = backup._Flusher.step

    def step_then_act(self: Any) -> None:
        step(self)
        if len(during) < 3:  # a write by another connection between steps of the copy
            during.append(receive(ws, staff["tiepnhan"], name=f"Trong Lúc Sao Lưu {len(during)}"))

    monkeypatch.setattr(backup._Flusher, "step", step_then_act)
    info = backup.create_backup(ws)
    assert len(during) == 3  # the acts committed while the copy held its snapshot
    copied = snapshot(info.path)
    assert copied == before and info.events == len(before["events"])
    assert not set(during) & set(copied["dossiers"])
    assert set(during) <= set(snapshot(ws.db.path)["dossiers"])
    backup.verify_backup(info.path)


def test_a_stopped_backup_leaves_nothing_behind(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = backup.BackupStop()
    asked.request()
    with pytest.raises(MotcuaError) as err:
        backup.create_backup(ws, stop=asked)
    assert err.value.code == "backup.cancelled"
    monkeypatch.setattr(backup, "STEP_PAGES", 8)
    midway = backup.BackupStop()
    step = backup._Flusher.step

    def step_then_stop(self: Any) -> None:
        step(self)
        midway.request()  # the app closing while the database is being copied

    monkeypatch.setattr(backup._Flusher, "step", step_then_stop)
    before = snapshot(ws.db.path)
    with pytest.raises(MotcuaError) as err:
        backup.create_backup(ws, stop=midway)
    assert err.value.code == "backup.cancelled"
    assert [p.name for p in ws.backups_dir.iterdir()] == []
    assert backup.list_backups(ws) == [] and snapshot(ws.db.path) == before


def test_an_abandoned_backup_never_becomes_one(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = backup.BackupStop()
    digest = backup.sha256_of

    def abandoned_while_checked(path: Path) -> str:
        found = digest(path)
        stop.abandon()  # the closing app gave up waiting: the partial file goes at once
        assert not path.exists()
        return found

    monkeypatch.setattr(backup, "sha256_of", abandoned_while_checked)
    with pytest.raises(MotcuaError) as err:
        backup.create_backup(ws, stop=stop)
    assert err.value.code == "backup.cancelled"
    assert [p.name for p in ws.backups_dir.iterdir()] == []


def test_chains_are_verified_window_by_window(ws: Workspace, tmp_path: Path) -> None:
    whole = _copy_with(ws, tmp_path).rename(tmp_path / "whole.sqlite3")
    heads = {node: (seq, digest) for node, seq, digest in snapshot(whole)["heads"]}
    windows: list[None] = []
    assert verify_chains(whole, window=2, between=lambda: windows.append(None)) == heads
    assert len(windows) > sum(seq for seq, _digest in heads.values()) // 2
    altered = _copy_with(
        ws, tmp_path, "DROP TRIGGER events_no_update", "UPDATE events SET actor = 'x' WHERE seq = 7"
    )
    with pytest.raises(MotcuaError) as err:
        verify_chains(altered, window=2)
    assert err.value.code == "backup.chain" and err.value.params["seq"] == 7
