"""Online backups: a verified copy of the database and the archived PDFs, kept by a rotation policy.

A backup is ``motcua-<UTC stamp>.sqlite3`` plus its manifest ``motcua-<stamp>.json`` in the backup
folder (the ``backup_dir`` setting, typically a USB disk; by default ``backups/`` in the data
folder), and the PDFs under ``documents/`` beside them (copied incrementally: a printed PDF never
changes). The database is copied with SQLite's backup API to a temporary name, checked whole
(integrity, hash chains, counts), flushed to disk and renamed; the manifest is written last, so a
backup without a manifest never counts as good.

A backup only reads the database, on a connection of its own: in WAL mode the counter's acts go
on while it copies. It can be stopped from another thread (``BackupStop``) between its steps; a
stopped backup leaves no file behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import MotcuaError, register_messages
from ..storage.database import DB_FILENAME
from .backup_check import DatabaseFacts, inspect_database, sha256_of
from .chain_check import verify_chains
from .faults import environment_faults
from .workspace import Workspace

register_messages(
    {
        "backup.lost_data": "Bản sao vừa ghi có ít sự kiện hơn cơ sở dữ liệu ({copied} < {source}); "
        "bản sao bị loại bỏ.",
        "backup.modified": "Tệp sao lưu «{path}» đã bị thay đổi hoặc hỏng sau khi ghi "
        "(mã kiểm tra không khớp).",
        "backup.manifest": "Không đọc được tệp mô tả bản sao lưu «{path}».",
        "backup.missing": "Không thấy tệp sao lưu «{path}».",
        "backup.not_folder": "«{path}» là một tệp, không phải thư mục; hãy chọn một thư mục "
        "để lưu bản sao lưu.",
        "backup.stale": "Bản sao lưu tốt gần nhất đã cũ {days} ngày (lúc {at}); "
        "hãy sao lưu ngay (mục Sao lưu hoặc «motcua backup create»).",
        "backup.never": "Máy này chưa có bản sao lưu nào; hãy sao lưu ngay "
        "(mục Sao lưu hoặc «motcua backup create»).",
        "backup.cancelled": "Việc sao lưu đã dừng giữa chừng (phần mềm đóng lại); "
        "không có bản sao lưu dở nào được giữ.",
    }
)

PREFIX = "motcua-"
MANIFEST_FORMAT = 1
PART_SUFFIX = ".part"
LAST_BACKUP_FILE = "last-backup.json"
STALE_PART_S = 3600  # a temporary file older than this was left by a pulled disk or a kill
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_MONTHLY = 12
DEFAULT_MAX_AGE_DAYS = 3
STEP_PAGES = 1024  # pages copied per step of the online backup: 4 MB with 4 KB pages
FLUSH_EVERY_STEPS = 4  # the copy goes to disk every 16 MB, never as gigabytes in one flush


@dataclass(frozen=True)
class BackupInfo:
    """One backup as its manifest describes it."""

    name: str
    path: Path
    created_at: datetime
    reason: str
    size: int
    sha256: str
    schema: str
    events: int
    dossiers: int
    documents: int
    node_id: str | None
    duration_s: float = 0.0  # copy and checks (0 in manifests written before it was recorded)

    @property
    def manifest_path(self) -> Path:
        return self.path.with_suffix(".json")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["path"] = str(self.path)
        out["created_at"] = self.created_at.isoformat()
        return out


def backup_dir(workspace: Workspace) -> Path:
    """The folder backups go to: the ``backup_dir`` setting, or the data folder's ``backups/``."""
    configured = str(workspace.setting("backup_dir") or "").strip()
    return Path(configured).expanduser() if configured else workspace.backups_dir


def _int_setting(workspace: Workspace, key: str, default: int) -> int:
    try:
        return max(0, int(workspace.setting(key, default)))
    except (TypeError, ValueError):
        return default


def fsync_dir(folder: Path) -> None:
    # Make a rename durable (POSIX); directories cannot be opened this way on Windows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _write_json_atomic(path: Path, value: Any) -> None:
    tmp = path.with_name(f".{path.name}{PART_SUFFIX}")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


class BackupStop:
    """Asks a backup (or a check of one) running on another thread to stop.

    The backup looks at it between its steps (a few MB of copy, a window of events to verify)
    and stops with ``backup.cancelled``, removing its partial file. ``abandon()`` removes the
    partial file at once, for a caller that cannot wait for the next step (the app closing
    during a long check); once asked, the backup never renames its copy to a real name.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requested = False
        self._partial: Path | None = None

    @property
    def requested(self) -> bool:
        return self._requested

    def request(self) -> None:
        self._requested = True

    def abandon(self) -> None:
        """Stop, and remove the partial file now (where the system lets an open file go)."""
        with self._lock:
            self._requested = True
            partial, self._partial = self._partial, None
            if partial is not None:
                _remove_with_side_files(partial)

    def check(self) -> None:
        """Raise ``backup.cancelled`` once a stop was asked for (called between steps)."""
        if self._requested:
            raise MotcuaError("backup.cancelled")

    @contextlib.contextmanager
    def writing(self, partial: Path) -> Iterator[None]:
        """While ``partial`` is being written: ``abandon()`` removes it."""
        with self._lock:
            self._partial = partial
        try:
            yield
        finally:
            with self._lock:
                self._partial = None

    @contextlib.contextmanager
    def finishing(self) -> Iterator[None]:
        """The rename to the real name: not after a stop, nor while ``abandon()`` removes it."""
        with self._lock:
            self.check()
            yield


class _Flusher:
    """Flushes a file being written every few steps, so that no flush has gigabytes to write: a
    commit at the counter (its own flush of the WAL) never waits behind the whole copy."""

    def __init__(self, path: Path, every: int) -> None:
        self._fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        self._every = every
        self._steps = 0

    def step(self) -> None:
        self._steps += 1
        if self._steps % self._every == 0:
            os.fsync(self._fd)

    def close(self) -> None:
        try:
            os.fsync(self._fd)
        finally:
            os.close(self._fd)


def _copy_database(db_path: Path, target: Path, stop: BackupStop) -> int:
    """SQLite's online backup, a few MB a step, within one read transaction; the events copied.

    The backup has its own connection, which holds one read transaction for the whole copy: every
    step reads the same snapshot (a write by another connection would otherwise restart the copy
    at the next step), and in WAL mode the counter's writes go on meanwhile, into the WAL. The
    events are counted in that same snapshot.
    """
    src = sqlite3.connect(db_path, isolation_level=None)
    try:
        src.execute("BEGIN")
        events = int(src.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        dst = sqlite3.connect(target)
        try:
            # No journal (a copy cut short is thrown away whole); flushed here, every few steps.
            dst.execute("PRAGMA journal_mode=OFF")
            dst.execute("PRAGMA synchronous=OFF")
            flusher = _Flusher(target, FLUSH_EVERY_STEPS)
            try:

                def step(_status: int, _remaining: int, _total: int) -> None:
                    stop.check()  # raising here ends the copy
                    flusher.step()

                src.backup(dst, pages=STEP_PAGES, progress=step)
                # A single file on the backup disk: no -wal/-shm beside it, readable read-only.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                flusher.close()
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    _fsync_file(target)
    return events


def copy_documents(source: Path, target: Path) -> int:
    """Copy every archived PDF not yet in ``target`` (same relative path and size); the count kept.

    Each file goes to a temporary name, is flushed and renamed, so a pulled disk leaves no
    half-written PDF under a real name.
    """
    count = 0
    if not source.is_dir():
        return 0
    for path in sorted(source.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.name.endswith(PART_SUFFIX):
            continue
        count += 1
        dest = target / path.relative_to(source)
        size = path.stat().st_size
        if dest.exists() and dest.stat().st_size == size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}{PART_SUFFIX}")
        try:
            shutil.copyfile(path, tmp)
            _fsync_file(tmp)
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    return count


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _free_name(folder: Path, moment: datetime) -> str:
    base = f"{PREFIX}{_stamp(moment)}"
    name, n = base, 1
    while (folder / f"{name}.sqlite3").exists() or (folder / f"{name}.json").exists():
        n += 1
        name = f"{base}-{n}"
    return name


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _remove_stale_parts(folder: Path) -> None:
    now = time.time()
    for part in folder.glob(f".*{PART_SUFFIX}*"):  # with the -wal or -journal of a copy
        with contextlib.suppress(OSError):
            if now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()


def _check_copy(path: Path, stop: BackupStop) -> DatabaseFacts:
    """``inspect_database`` of a copy, its chains verified a window at a time (``chain_check``)."""
    facts = inspect_database(path, chains=False)
    stop.check()
    verify_chains(path, between=stop.check)
    return facts


def create_backup(
    workspace: Workspace,
    *,
    reason: str = "manual",
    target: Path | None = None,
    stop: BackupStop | None = None,
) -> BackupInfo:
    """Write, verify and keep one backup; then apply the rotation policy. Returns the new backup.

    Raises ``EnvironmentFault`` (disk full, disk pulled, read-only) or a ``backup.*`` error when
    the copy does not check out, ``backup.cancelled`` once ``stop`` asks; the database itself is
    never touched, and no partial backup is ever listed.
    """
    stop = stop or BackupStop()
    started = time.monotonic()
    folder = target or backup_dir(workspace)
    db_path = workspace.db.path
    now = workspace.clock()
    with environment_faults(folder):
        if folder.exists() and not folder.is_dir():
            raise MotcuaError("backup.not_folder", field="backup_dir", path=str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_parts(folder)
        name = _free_name(folder, now)
        final = folder / f"{name}.sqlite3"
        # A name of its own: a copy cut short by a power cut may have left a part of the same
        # backup name, still in the folder (stale parts go after an hour, or when they can).
        part = folder / f".{name}.{os.getpid()}-{time.time_ns()}.sqlite3{PART_SUFFIX}"
        try:
            with stop.writing(part):
                before = _copy_database(db_path, part, stop)
                facts = _check_copy(part, stop)
                if facts.events < before:
                    raise MotcuaError("backup.lost_data", copied=facts.events, source=before)
                digest = sha256_of(part)
                stop.check()
                documents = copy_documents(workspace.documents_dir, folder / "documents")
                with stop.finishing():
                    os.replace(part, final)
            fsync_dir(folder)
        except BaseException:
            _remove_with_side_files(part)
            raise
        info = BackupInfo(
            name=name, path=final, created_at=now, reason=reason, size=final.stat().st_size,
            sha256=digest, schema=facts.schema, events=facts.events, dossiers=facts.dossiers,
            documents=documents, node_id=facts.node_id,
            duration_s=round(time.monotonic() - started, 3),
        )  # fmt: skip
        _write_json_atomic(final.with_suffix(".json"), _manifest(info, facts))
        rotate(workspace, folder)
    # Beside the database: the way back is known even when the database cannot be read.
    with contextlib.suppress(OSError):
        _write_json_atomic(
            workspace.data_dir / LAST_BACKUP_FILE,
            {"path": str(final), "created_at": now.isoformat()},
        )
    return info


def _manifest(info: BackupInfo, facts: DatabaseFacts) -> dict[str, Any]:
    return {
        "format": MANIFEST_FORMAT,
        "database": info.path.name,
        "created_at": info.created_at.isoformat(),
        "reason": info.reason,
        "size": info.size,
        "sha256": info.sha256,
        "schema": info.schema,
        "counts": {"events": info.events, "dossiers": info.dossiers, "documents": info.documents},
        "duration_s": info.duration_s,
        "chains": {node: {"seq": s, "hash": h} for node, (s, h) in facts.chains.items()},
        "node_id": facts.node_id,
        "commune_name": facts.settings.get("commune_name"),
        "source": DB_FILENAME,
    }


def read_manifest(path: Path) -> BackupInfo:
    """The backup a manifest describes (``path`` is the manifest or its database file)."""
    if not path.name:  # "" or "." names no file
        raise MotcuaError("backup.missing", path=str(path))
    manifest = path.with_suffix(".json")
    try:
        raw = json.loads(manifest.read_text(encoding="utf-8"))
        counts = raw["counts"]
        return BackupInfo(
            name=manifest.stem, path=manifest.with_name(str(raw["database"])),
            created_at=datetime.fromisoformat(raw["created_at"]), reason=str(raw["reason"]),
            size=int(raw["size"]), sha256=str(raw["sha256"]), schema=str(raw["schema"]),
            events=int(counts["events"]), dossiers=int(counts["dossiers"]),
            documents=int(counts["documents"]), node_id=raw.get("node_id"),
            duration_s=float(raw.get("duration_s", 0.0)),
        )  # fmt: skip
    except FileNotFoundError:
        raise MotcuaError("backup.missing", path=str(manifest)) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise MotcuaError("backup.manifest", path=str(manifest)) from None


def list_backups(workspace: Workspace, folder: Path | None = None) -> list[BackupInfo]:
    """Backups with a readable manifest and their database file present, newest first."""
    return list_backups_in(folder or backup_dir(workspace))


def list_backups_in(folder: Path) -> list[BackupInfo]:
    """The backups kept in ``folder``, newest first (none when the folder is not there)."""
    found = []
    with environment_faults(folder):
        manifests = sorted(folder.glob(f"{PREFIX}*.json")) if folder.is_dir() else []
    for manifest in manifests:
        try:
            info = read_manifest(manifest)
        except MotcuaError:
            continue
        if info.path.is_file():
            found.append(info)
    return sorted(found, key=lambda b: (b.created_at, b.name), reverse=True)


def verify_backup(
    path: Path, *, stop: BackupStop | None = None
) -> tuple[BackupInfo, DatabaseFacts]:
    """Check a kept backup again: its file unchanged since it was written, and whole."""
    stop = stop or BackupStop()
    info = read_manifest(path)
    if not info.path.is_file():
        raise MotcuaError("backup.missing", path=str(info.path))
    with environment_faults(info.path):
        if sha256_of(info.path) != info.sha256:
            raise MotcuaError("backup.modified", path=str(info.path))
        stop.check()
        facts = _check_copy(info.path, stop)
    return info, facts


def to_keep(backups: list[BackupInfo], *, daily: int, monthly: int, tz: Any) -> set[str]:
    """Names kept by the policy: the newest; the newest of each of the last ``daily`` days and
    of the last ``monthly`` months (days and months of the commune's time zone)."""
    ordered = sorted(backups, key=lambda b: (b.created_at, b.name), reverse=True)
    keep = {ordered[0].name} if ordered else set()
    days: dict[Any, str] = {}
    months: dict[Any, str] = {}
    for backup in ordered:
        local = backup.created_at.astimezone(tz)
        days.setdefault(local.date(), backup.name)
        months.setdefault((local.year, local.month), backup.name)
    keep.update(list(days.values())[:daily])
    keep.update(list(months.values())[:monthly])
    return keep


def rotate(workspace: Workspace, folder: Path | None = None) -> list[str]:
    """Delete backups the policy no longer keeps (settings ``backup_keep_daily``/``_monthly``)."""
    folder = folder or backup_dir(workspace)
    backups = list_backups(workspace, folder)
    keep = to_keep(
        backups,
        daily=_int_setting(workspace, "backup_keep_daily", DEFAULT_KEEP_DAILY),
        monthly=_int_setting(workspace, "backup_keep_monthly", DEFAULT_KEEP_MONTHLY),
        tz=workspace.tz,
    )
    removed = []
    for backup in backups:
        if backup.name in keep:
            continue
        # Manifest first: a database without its manifest is no longer listed as a backup.
        with environment_faults(folder):
            backup.manifest_path.unlink(missing_ok=True)
            backup.path.unlink(missing_ok=True)
        removed.append(backup.name)
    return removed


def recorded_last_backup(data_dir: Path) -> BackupInfo | None:
    """The last backup this data folder recorded (read without the database, which may be
    damaged); None when none was recorded or its files are gone."""
    try:
        raw = json.loads((data_dir / LAST_BACKUP_FILE).read_text(encoding="utf-8"))
        info = read_manifest(Path(str(raw["path"])))
    except (OSError, ValueError, KeyError, TypeError, MotcuaError):
        return None
    return info if info.path.is_file() else None


def last_good_backup(workspace: Workspace) -> BackupInfo | None:
    """The newest backup verified when it was written (None when there is none or no disk)."""
    try:
        backups = list_backups(workspace)
    except MotcuaError:
        return None
    return backups[0] if backups else None


def backup_warning(workspace: Workspace) -> MotcuaError | None:
    """A warning (not raised) when the last good backup is older than ``backup_max_age_days``."""
    last = last_good_backup(workspace)
    if last is None:
        return MotcuaError("backup.never")
    limit = _int_setting(workspace, "backup_max_age_days", DEFAULT_MAX_AGE_DAYS)
    age = workspace.clock() - last.created_at
    if age <= timedelta(days=limit):
        return None
    at = last.created_at.astimezone(workspace.tz).strftime("%H:%M %d/%m/%Y")
    return MotcuaError("backup.stale", days=age.days, at=at, path=str(last.path))
