"""Schema migrations with Alembic, always after a backup of the database file."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import MotcuaError, register_messages

register_messages(
    {
        "db.newer": "Cơ sở dữ liệu do phiên bản mới hơn của phần mềm ghi (lược đồ {found}); "
        "phiên bản này chỉ hiểu đến {head}. Hãy cài phiên bản mới hơn, dữ liệu không bị thay đổi.",
    }
)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db"
_REVISION_LINE = re.compile(r"^(down_)?revision\s*(?::[^=]*)?=\s*[\"']?([\w.-]*)[\"']?", re.M)

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine


def alembic_config() -> Config:
    from alembic.config import Config  # alembic loads only when a migration may run (start-up)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _head_from_files() -> str | None:
    """The head revision read off the version files, without importing alembic (fast start)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if value and value != "None":
                (parents if down else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stamped(engine: Engine) -> str | None:
    with engine.connect() as conn:
        table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if table is None:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def up_to_date(db_path: Path) -> bool:
    """Whether the file is stamped with the head revision: nothing to migrate, decided with the
    bare ``sqlite3`` module (no SQLAlchemy engine, no alembic). False when it cannot be read."""
    head = _head_from_files()
    if head is None or not db_path.exists():
        return False
    try:
        conn = sqlite3.connect(db_path, timeout=5.0)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:  # no such table, or not a database at all
        return False
    return row is not None and str(row[0]) == head


def backup_file(db_path: Path, backup_dir: Path, label: str) -> Path:
    """An online, consistent copy with SQLite's backup API (safe while WAL has pending frames)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{db_path.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return (
            conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").first()
            is not None
        )


def upgrade(engine: Engine, db_path: Path, backup_dir: Path) -> Path | None:
    """Bring the schema to head; back up first when an existing database will change.

    Returns the backup's path, or None when nothing was migrated or the database was empty.
    Refuses (MotcuaError ``db.newer``) a database written by a newer version.
    """
    quick = _head_from_files()
    if quick is not None and _stamped(engine) == quick:
        return None  # the usual start: up to date, decided without loading alembic
    head = head_revision()
    found = current_revision(engine)
    if found == head:
        return None
    if found is not None and not _known(found):
        raise MotcuaError("db.newer", found=found, head=head)
    backup = None
    if _has_tables(engine):
        backup = backup_file(db_path, backup_dir, f"before-{head}")
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup
