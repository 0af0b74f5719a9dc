"""The composition of one counter PC's data: database, settings, clock and calendar."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs

from ..domain.calendar import VN_TZ
from ..domain.errors import MotcuaError, register_messages
from ..storage import reads
from ..storage.database import DB_FILENAME, Database
from ..storage.migrations import up_to_date, upgrade

register_messages(
    {
        "workspace.not_initialised": "Chưa khởi tạo dữ liệu tại «{path}». Hãy chạy "
        "«motcua init» (hoặc «motcua init --demo» để dùng thử).",
        "workspace.exists": "Dữ liệu đã được khởi tạo tại «{path}».",
    }
)

Clock = Callable[[], datetime]
DEFAULT_TZ = VN_TZ.key
FAKE_NOW_ENV = "MOTCUA_FAKE_NOW"  # training and tests: a fixed device time, ISO 8601 with offset


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/motcua on Linux)."""
    return Path(platformdirs.user_data_dir("motcua", appauthor=False))


def system_clock(tz: ZoneInfo) -> Clock:
    fake = os.environ.get(FAKE_NOW_ENV)
    if fake:
        moment = datetime.fromisoformat(fake)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        return lambda: moment
    return lambda: datetime.now(tz)


@dataclass
class Workspace:
    """One node's open data folder. Services receive it; nothing else holds global state."""

    data_dir: Path
    db: Database
    clock: Clock
    _settings: dict[str, Any] = field(default_factory=dict)

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def setting(self, key: str, default: Any = None) -> Any:
        return self._settings.get(key, default)

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self._settings)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self._settings.get("timezone", DEFAULT_TZ))

    @property
    def initialised(self) -> bool:
        return "node_id" in self._settings

    def reload_settings(self) -> None:
        with self.db.snapshot() as conn:
            self._settings = reads.settings(conn)

    def close(self) -> None:
        self.db.dispose()


def open_workspace(
    data_dir: Path | None = None, *, clock: Clock | None = None, must_exist: bool = True
) -> Workspace:
    """Open (and migrate, after a backup) the database in ``data_dir``.

    With ``must_exist`` a folder never initialised is refused with a message saying how to start.
    A file already at the head revision opens without SQLAlchemy: its engine is made by the first
    unit of work that needs it.
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    db_path = data_dir / DB_FILENAME
    if must_exist and not db_path.exists():
        raise MotcuaError("workspace.not_initialised", path=str(data_dir))
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(db_path)
    if not up_to_date(db_path):
        upgrade(db.engine, db_path, data_dir / "backups" / "pre-migration")
    # The real clock needs the commune's zone, known once the settings are read just below.
    workspace = Workspace(data_dir=data_dir, db=db, clock=lambda: datetime.now(UTC))
    workspace.reload_settings()
    if must_exist and not workspace.initialised:
        workspace.close()
        raise MotcuaError("workspace.not_initialised", path=str(data_dir))
    workspace.clock = clock or system_clock(workspace.tz)
    return workspace


def iso_now(workspace: Workspace) -> str:
    return workspace.clock().isoformat()
