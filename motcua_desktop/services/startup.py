"""Checks when the app opens its data: a whole database, a sane clock, a recent backup."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import MotcuaError, register_messages
from ..domain.events import parse_time
from ..domain.roles import Action
from ..storage.database import DB_FILENAME
from ..storage.migrations import up_to_date
from .faults import classify, corrupt
from .settings import write_settings
from .users import User, require
from .workspace import Clock, Workspace, default_data_dir, open_workspace

log = logging.getLogger(__name__)

register_messages(
    {
        "clock.backwards": "Đồng hồ máy tính đang chỉ {now}, sớm hơn lần ghi gần nhất ({last}). "
        "Các thao tác sẽ bị ghi sai giờ: hãy chỉnh lại ngày giờ của máy; nếu giờ hiện tại là "
        "đúng, quản trị viên xác nhận («motcua clock confirm»).",
        "clock.no_incident": "Không có cảnh báo đồng hồ nào cần xác nhận.",
        "startup.cancelled": "Phần mềm đã đóng trước khi kiểm tra xong cơ sở dữ liệu; "
        "chưa ghi gì vào đó.",
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

    integrity: str = "ok"  # "pending" while a deferred check (``check``) has not answered
    clock: MotcuaError | None = None
    backup: MotcuaError | None = None
    warnings: list[MotcuaError] = field(default_factory=list)
    check: IntegrityCheck | None = field(default=None, repr=False, compare=False)

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
    from .backup import list_backups_in, recorded_last_backup  # loads alembic: only on a fault

    candidates = [recorded_last_backup(data_dir)]
    with contextlib.suppress(MotcuaError):
        candidates += list_backups_in(data_dir / "backups")[:1]
    found = [c for c in candidates if c is not None]
    if not found:
        return ""
    newest = max(found, key=lambda b: b.created_at)
    return f"«{newest.path}», lúc {newest.created_at:%H:%M %d/%m/%Y}"


def quick_check(
    db_path: Path, *, watch: Callable[[sqlite3.Connection | None], None] | None = None
) -> str:
    """SQLite's ``quick_check`` of the file (reads every page, in a fraction of a full check).

    ``watch`` is handed the connection while the check runs (to interrupt it), then None.
    """
    conn = sqlite3.connect(db_path, timeout=5.0, check_same_thread=watch is None)
    try:
        if watch is not None:
            watch(conn)
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchmany(5)]
    finally:
        if watch is not None:
            watch(None)
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
    workspace = _open(data_dir, clock=clock, must_exist=must_exist)
    if workspace.initialised:
        _check_clock_and_backup(workspace, report)
    return workspace, report


def open_for_app(
    data_dir: Path | None = None, *, clock: Clock | None = None
) -> tuple[Workspace, StartupReport]:
    """``open_checked`` for the counter app, which must show its form fast on a big database.

    The same checks, but the whole-file check (seconds on a database of a few GB) runs behind:
    the workspace opens at once and ``report.check`` (an ``IntegrityCheck``, started by the app
    once its first window is up) checks the file, then the clock and the last backup. Until the
    file is known whole, every write waits for the verdict and a damaged file refuses them all
    (``fault.corrupt``), so nothing is written to it, as with ``open_checked``; screens may read
    meanwhile. A file that needs a migration is checked first, as ``open_checked`` does: a
    migration writes at once.
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    if not up_to_date(data_dir / DB_FILENAME):  # a new folder, a migration, an unreadable file
        return open_checked(data_dir, clock=clock)
    workspace = _open(data_dir, clock=clock, must_exist=True)
    report = StartupReport(integrity="pending")
    report.check = IntegrityCheck(workspace, report)
    return workspace, report


def _open(data_dir: Path, *, clock: Clock | None, must_exist: bool) -> Workspace:
    try:
        return open_workspace(data_dir, clock=clock, must_exist=must_exist)
    except Exception as exc:
        fault = classify(exc, data_dir / DB_FILENAME, backup_hint=backup_hint(data_dir))
        if fault is None or fault is exc:
            raise
        raise fault from exc


def _check_clock_and_backup(workspace: Workspace, report: StartupReport) -> None:
    from .backup import backup_warning  # loads alembic (the backup's schema check)

    report.clock = check_clock(workspace)
    report.backup = backup_warning(workspace)
    report.warnings = [w for w in (report.clock, report.backup) if w is not None]


class IntegrityCheck:
    """The start-up checks of a workspace already open, on their own thread.

    ``quick_check`` of the whole file first. Meanwhile every write of the workspace waits for
    its verdict (``Database.hold_writes``); a damaged file refuses them all with the fault that
    names the last good backup, and ``fault`` holds it. Once the file is known whole, writes go
    through and the clock and the last backup are checked (``report.clock``, ``report.backup``).
    ``start()`` runs it; a write before ``start()`` starts it and waits. ``when_finished``
    callbacks run on the checking thread once everything is known.
    """

    def __init__(self, workspace: Workspace, report: StartupReport) -> None:
        self.workspace = workspace
        self.report = report
        self.fault: Exception | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False
        self._answered = False  # every check has answered; callbacks run from now on
        self._verdict = threading.Event()
        self._finished = threading.Event()
        self._callbacks: list[Callable[[IntegrityCheck], None]] = []
        workspace.db.hold_writes(self.wait_whole)

    @property
    def finished(self) -> bool:
        """Whether every check has answered (their verdicts are final); callbacks may still run."""
        return self._answered

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, name="startup-check", daemon=True)
            self._thread.start()

    def wait_whole(self) -> None:
        """Block until the file is known whole; raise its fault when it is not (the write gate)."""
        self.start()
        self._verdict.wait()
        if self.fault is not None:
            raise self.fault.with_traceback(None)  # the same fault for every refused write

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every check has answered and the ``when_finished`` callbacks have run (or
        ``timeout`` seconds); whether they have."""
        return self._finished.wait(timeout)

    def when_finished(self, callback: Callable[[IntegrityCheck], None]) -> None:
        """Call ``callback(self)`` once every check has answered: now if they have."""
        with self._lock:
            if not self._answered:
                self._callbacks.append(callback)
                return
        callback(self)

    def cancel(self) -> None:
        """Stop a check still running (the app quits): the file stays unverified, writes refused."""
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()
        self.start()  # a check never started finishes at once, cancelled
        self.wait()

    def _run(self) -> None:
        db_path = self.workspace.db.path
        try:
            self.report.integrity = quick_check(db_path, watch=self._watch)
            if self.report.integrity != "ok":
                self.fault = corrupt(str(db_path), self.report.integrity, self._hint())
        except sqlite3.DatabaseError as exc:
            if self._cancelled:
                self.fault = MotcuaError("startup.cancelled")
            else:
                fault = classify(exc, db_path, backup_hint=self._hint())
                self.fault = fault if isinstance(fault, Exception) else exc
        except Exception as exc:  # noqa: BLE001 - an unforeseen failure refuses writes too
            self.fault = exc
        finally:
            self._verdict.set()
        if self.fault is None:
            try:
                _check_clock_and_backup(self.workspace, self.report)
            except Exception:  # noqa: BLE001 - a warning not worked out is no reason to stop
                log.exception("start-up clock and backup checks failed")
        with self._lock:
            self._answered = True
            callbacks, self._callbacks = self._callbacks, []
        try:
            for callback in callbacks:
                callback(self)
        finally:
            # Only now: whoever waits (``cancel`` when the app quits) knows this thread is done
            # with the callbacks' objects, which may be about to be destroyed.
            self._finished.set()

    def _watch(self, conn: sqlite3.Connection | None) -> None:
        with self._lock:
            self._conn = conn
            if conn is not None and self._cancelled:
                raise sqlite3.OperationalError("interrupted")

    def _hint(self) -> str:
        return backup_hint(self.workspace.data_dir)


# ---- the clock ----------------------------------------------------------------------------------


def last_act_time(workspace: Workspace) -> datetime | None:
    """The time of this PC's latest act (its own chain head), the floor the clock should pass."""
    node = workspace.setting("node_id")
    if not node:
        return None
    from ..storage.eventstore import chain_state  # SQLAlchemy: checked after the first paint

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
