"""Restoring a backup: check the file first, keep the current database aside, swap atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.errors import MotcuaError, register_messages
from ..domain.roles import Action
from ..storage.database import DB_FILENAME, make_engine
from ..storage.migrations import upgrade
from .backup import PART_SUFFIX, fsync_dir, verify_backup
from .backup_check import DatabaseFacts, inspect_database
from .faults import EnvironmentFault, environment_faults
from .users import User, require
from .workspace import Workspace

register_messages(
    {
        "restore.other_node": "Bản sao lưu «{path}» là của máy khác (mã máy {found}, máy này "
        "{current}). Chỉ khôi phục bản của máy khác khi thay máy (thêm --other-node).",
        "restore.in_use": "Cơ sở dữ liệu đang được mở ở nơi khác; hãy đóng mọi cửa sổ phần mềm "
        "trên máy này rồi khôi phục lại.",
    }
)

ASIDE_DIR = "replaced"
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup used, where the replaced database was kept, what it holds."""

    restored_from: Path
    kept_aside: Path | None
    schema: str
    events: int
    dossiers: int
    migrated_from: str | None = None


def _current_node(db_path: Path) -> str | None:
    """The node id of the database in place, when it can be read at all (else None)."""
    try:
        facts = inspect_database(db_path, quick=True, chains=False)
    except MotcuaError:
        return None
    return facts.node_id


def _ensure_alone(db_path: Path) -> None:
    """Refuse while any other program has the database open (its writes would be lost, or
    worse, its WAL replayed over the restored file). In WAL mode every open connection holds a
    shared lock, so an exclusive lock is only granted to the last one left."""
    try:
        conn = sqlite3.connect(db_path, timeout=1.0, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise EnvironmentFault("restore.in_use") from None
    except sqlite3.DatabaseError:
        pass  # damaged: nothing can be using it usefully; it is moved aside as it is
    finally:
        conn.close()


def _keep_aside(db_path: Path, aside_dir: Path, moment: datetime) -> Path | None:
    """Copy the current database (with its WAL) aside, then empty the WAL so nothing replays.

    A readable database is copied with the backup API and its WAL checkpointed and truncated; an
    unreadable one is moved aside file by file, exactly as it was.
    """
    if not db_path.exists():
        return None
    aside_dir.mkdir(parents=True, exist_ok=True)
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = aside_dir / f"{db_path.stem}-before-restore-{stamp}.sqlite3"
    n = 1
    while aside.exists():
        n += 1
        aside = aside_dir / f"{db_path.stem}-before-restore-{stamp}-{n}.sqlite3"
    try:
        conn = sqlite3.connect(db_path, timeout=1.0, isolation_level=None)
        try:
            dst = sqlite3.connect(aside)
            try:
                conn.backup(dst)
            finally:
                dst.close()
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                aside.unlink(missing_ok=True)
                raise EnvironmentFault("restore.in_use")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            aside.unlink(missing_ok=True)
            raise EnvironmentFault("restore.in_use") from None
        # Damaged beyond reading: move the files aside untouched, for whoever investigates.
        aside.unlink(missing_ok=True)
        for suffix in ("", *_SIDE_FILES):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{aside}{suffix}"))
    return aside


def restore_backup(
    data_dir: Path, backup: Path, *, now: datetime, other_node: bool = False
) -> RestoreResult:
    """Replace the database in ``data_dir`` (closed by every program) with a checked backup.

    ``backup`` is a backup's database file or manifest (then its recorded checksum is checked
    too) or any database file. Refuses a damaged file, a newer schema, broken chains, and a
    backup of another PC (unless ``other_node``: the PC was replaced). The database in place is
    kept in ``replaced/`` first; the swap is one rename. An older schema is migrated afterwards.
    """
    db_path = data_dir / DB_FILENAME
    facts: DatabaseFacts
    if not backup.name:  # "" or "." names no file
        raise MotcuaError("backup.missing", path=str(backup))
    if backup.with_suffix(".json").is_file():
        info, facts = verify_backup(backup)
        source = info.path
    else:
        with environment_faults(backup):
            facts = inspect_database(backup)
        source = backup
    current = _current_node(db_path) if db_path.exists() else None
    if current and facts.node_id != current and not other_node:
        raise MotcuaError(
            "restore.other_node", path=str(source), found=facts.node_id, current=current
        )
    part = data_dir / f".{DB_FILENAME}.restore{PART_SUFFIX}"
    with environment_faults(data_dir):
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(source, part)
            with part.open("rb+") as handle:
                os.fsync(handle.fileno())
            copied = inspect_database(part, quick=True, chains=False)
            if copied.events != facts.events:
                raise EnvironmentFault("fault.io", path=str(part), detail="bản chép không đủ")
            if db_path.exists():
                _ensure_alone(db_path)
            aside = _keep_aside(db_path, data_dir / ASIDE_DIR, now)
            for suffix in _SIDE_FILES:
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            os.replace(part, db_path)
            fsync_dir(data_dir)
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
        migrated = _migrate(data_dir, db_path, facts.schema)
    return RestoreResult(source, aside, facts.schema, facts.events, facts.dossiers, migrated)


def _migrate(data_dir: Path, db_path: Path, schema: str) -> str | None:
    engine = make_engine(db_path)
    try:
        backed_up = upgrade(engine, db_path, data_dir / "backups" / "pre-migration")
    finally:
        engine.dispose()
    return schema if backed_up is not None else None


def restore_into(
    workspace: Workspace, actor: User, backup: Path, *, other_node: bool = False
) -> RestoreResult:
    """Restore while the app runs (admin only): close its connections, swap, reopen settings.

    The caller runs this on the one database worker, so no other act is in flight.
    """
    require(actor, Action.MANAGE_SETTINGS)
    workspace.db.dispose()
    result = restore_backup(
        workspace.data_dir, backup, now=workspace.clock(), other_node=other_node
    )
    workspace.db.dispose()
    workspace.reload_settings()
    return result
