"""Checks when the app opens its data: a whole database, a sane clock, a recent backup."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import MotcuaError, register_messages
from ..domain.events import parse_time
from ..domain.roles import Action
from ..storage.database import DB_FILENAME
from ..storage.eventstore import chain_state
from .backup import backup_warning, list_backups_in, recorded_last_backup
from .faults import classify, corrupt
from .settings import write_settings
from .users import User, require
from .workspace import Clock, Workspace, default_data_dir, open_workspace

register_messages(
    {
        "clock.backwards": "Đồng hồ máy tính đang chỉ {now}, sớm hơn lần ghi gần nhất ({last}). "
        "Các thao tác sẽ bị ghi sai giờ: hãy chỉnh lại ngày giờ của máy; nếu giờ hiện tại là "
        "đúng, quản trị viên xác nhận («motcua clock confirm»).",
        "clock.no_incident": "Không có cảnh báo đồng hồ nào cần xác nhận.",
    }
)

CLOCK_TOLERANCE = timedelta(minutes=5)  # NTP corrections and daylight noise are not incidents
HIGH_WATER_KEY = "clock_high_water"
INCIDENTS_KEY = "clock_incidents"
IGNORED_KEY = "clock_confirmed_mark"  # a high-water mark an admin confirmed as a wrong clock
MAX_INCIDENTS = 200


@dataclass
class StartupReport:
    """What the checks at start-up found; the app shows each warning, nothing here blocks work."""

    integrity: str = "ok"
    clock: MotcuaError | None = None
    backup: MotcuaError | None = None
    warnings: list[MotcuaError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "integrity": self.integrity,
            "clock": self.clock.to_dict() if self.clock else None,
            "backup": self.backup.to_dict() if self.backup else None,
        }


def backup_hint(data_dir: Path) -> str:
    """Name the newest good backup, for the message about a damaged database.

    Read without the database: the record the last backup left in the data folder, else the
    data folder's own ``backups/``.
    """
    candidates = [recorded_last_backup(data_dir)]
    with contextlib.suppress(MotcuaError):
        candidates += list_backups_in(data_dir / "backups")[:1]
    found = [c for c in candidates if c is not None]
    if not found:
        return ""
    newest = max(found, key=lambda b: b.created_at)
    return f"«{newest.path}», lúc {newest.created_at:%H:%M %d/%m/%Y}"


def quick_check(db_path: Path) -> str:
    """SQLite's ``quick_check`` of the file (reads every page, in a fraction of a full check)."""
    conn = sqlite3.connect(db_path, timeout=5.0)
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchmany(5)]
    finally:
        conn.close()
    return "ok" if rows == ["ok"] else "; ".join(rows)


def open_checked(
    data_dir: Path | None = None, *, clock: Clock | None = None, must_exist: bool = True
) -> tuple[Workspace, StartupReport]:
    """Open the data folder like the app does at start-up, after checking the database whole.

    A damaged database raises ``EnvironmentFault`` (``fault.corrupt``) naming the last good
    backup, and is left exactly as it was; a newer schema raises ``db.newer``; any other failure
    of the environment (disk, lock, permissions) its own fault. Then the clock and the age of the
    last backup are checked (warnings in the report).
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    db_path = data_dir / DB_FILENAME
    report = StartupReport()
    if db_path.exists():
        try:
            report.integrity = quick_check(db_path)
        except sqlite3.DatabaseError as exc:
            fault = classify(exc, db_path, backup_hint=backup_hint(data_dir))
            raise (fault or exc) from None
        if report.integrity != "ok":
            raise corrupt(str(db_path), report.integrity, backup_hint(data_dir)) from None
    try:
        workspace = open_workspace(data_dir, clock=clock, must_exist=must_exist)
    except Exception as exc:
        fault = classify(exc, db_path, backup_hint=backup_hint(data_dir))
        if fault is None or fault is exc:
            raise
        raise fault from exc
    if workspace.initialised:
        report.clock = check_clock(workspace)
        report.backup = backup_warning(workspace)
    report.warnings = [w for w in (report.clock, report.backup) if w is not None]
    return workspace, report


# ---- the clock ----------------------------------------------------------------------------------


def last_act_time(workspace: Workspace) -> datetime | None:
    """The time of this PC's latest act (its own chain head), the floor the clock should pass."""
    node = workspace.setting("node_id")
    if not node:
        return None
    with workspace.db.reading() as session:
        _seq, _hash, at = chain_state(session, str(node))
    return parse_time(at) if at else None


def high_water(workspace: Workspace) -> datetime | None:
    """The latest time this PC has seen: its last act, or the highest clock seen at start-up.

    A last act at or before a mark an admin confirmed as wrong no longer counts.
    """
    marks = []
    stored = workspace.setting(HIGH_WATER_KEY)
    if stored:
        marks.append(parse_time(stored))
    last = last_act_time(workspace)
    ignored = workspace.setting(IGNORED_KEY)
    if last is not None and (not ignored or last > parse_time(ignored)):
        marks.append(last)
    known = [m for m in marks if m is not None]
    return max(known) if known else None


def incidents(workspace: Workspace) -> list[dict[str, Any]]:
    return list(workspace.setting(INCIDENTS_KEY) or [])


def pending_incident(workspace: Workspace) -> dict[str, Any] | None:
    """The clock incident an admin has not confirmed yet (the newest), if any."""
    open_ones = [i for i in incidents(workspace) if not i.get("confirmed_by")]
    return open_ones[-1] if open_ones else None


def check_clock(workspace: Workspace) -> MotcuaError | None:
    """Compare the clock with the high-water mark: record and return a warning when it went back.

    Otherwise the mark moves up to now. While the clock is behind, the mark is left where it
    was, so every start-up on the wrong clock warns again until an admin confirms it.
    """
    now = workspace.clock()
    mark = high_water(workspace)
    if mark is not None and now < mark - CLOCK_TOLERANCE:
        warning = MotcuaError(
            "clock.backwards", now=_show(workspace, now), last=_show(workspace, mark)
        )
        pending = pending_incident(workspace)
        if pending is None or pending.get("high_water") != mark.isoformat():
            entry = {
                "detected_at": now.isoformat(),
                "high_water": mark.isoformat(),
                "behind_seconds": int((mark - now).total_seconds()),
            }
            write_settings(
                workspace, {INCIDENTS_KEY: [*incidents(workspace), entry][-MAX_INCIDENTS:]}
            )
        return warning
    if mark is None or now > mark:
        write_settings(workspace, {HIGH_WATER_KEY: now.isoformat()})
    return None


def confirm_clock(workspace: Workspace, actor: User) -> dict[str, Any]:
    """An admin confirms the clock now shows the right time: close the incident, reset the mark.

    Acts already recorded keep their times (the log is never rewritten); the incident, who
    confirmed it and when stay in the record.
    """
    require(actor, Action.MANAGE_SETTINGS)
    pending = pending_incident(workspace)
    if pending is None:
        raise MotcuaError("clock.no_incident")
    now = workspace.clock()
    entries = incidents(workspace)
    for entry in entries:
        if not entry.get("confirmed_by"):
            entry["confirmed_by"] = actor.username
            entry["confirmed_at"] = now.isoformat()
    write_settings(
        workspace,
        {
            INCIDENTS_KEY: entries,
            HIGH_WATER_KEY: now.isoformat(),
            IGNORED_KEY: pending["high_water"],
        },
    )
    return entries[-1]


def _show(workspace: Workspace, moment: datetime) -> str:
    return moment.astimezone(workspace.tz).strftime("%H:%M %d/%m/%Y")
