"""Downward data from the hub: the catalog, calendar overrides and user accounts of the commune.

Each kind arrives as a whole published version and is applied in one transaction; until the next
version arrives the node keeps working with what it has.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from ..domain.errors import ValidationError, register_messages
from ..domain.text import clean_text
from ..storage.schema import CalendarOverrideRecord, UserRecord
from .calendar_service import KIND_ALIASES
from .catalog import store_procedures
from .catalog_io import CatalogFormat, read_catalog
from .users import _role, validate_username
from .workspace import Workspace, iso_now

register_messages(
    {
        "sync.downward": "Dữ liệu «{kind}» nhận từ máy chủ không đúng dạng: {detail}",
    }
)

KINDS = ("catalog", "calendar", "users")
HUB_AUTHOR = "hub"


def apply_downward(workspace: Workspace, kind: str, payload: Any) -> int:
    """Apply one published version; returns how many items it carried."""
    if kind == "catalog":
        return _catalog(workspace, payload)
    if kind == "calendar":
        return _calendar(workspace, payload)
    if kind == "users":
        return _users(workspace, payload)
    raise ValidationError("sync.downward", field="kind", kind=kind, detail="kind")


def _items(payload: Any, kind: str, key: str) -> list[dict[str, Any]]:
    items = payload.get(key) if isinstance(payload, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ValidationError("sync.downward", field=kind, kind=kind, detail=key)
    return items


def _catalog(workspace: Workspace, payload: Any) -> int:
    """The catalog in the JSON exchange format of ``motcua catalog export``."""
    _items(payload, "catalog", "procedures")
    with tempfile.TemporaryDirectory(dir=workspace.data_dir) as folder:
        path = Path(folder) / "catalog.json"
        path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        result = read_catalog(path, CatalogFormat.JSON)
    store_procedures(workspace, result.procedures)
    return len(result.procedures)


def _calendar(workspace: Workspace, payload: Any) -> int:
    """Overrides published by the hub replace the hub's earlier ones; local ones are kept."""
    rows = []
    for item in _items(payload, "calendar", "overrides"):
        kind = KIND_ALIASES.get(str(item.get("kind", "")).strip().lower())
        try:
            day = date.fromisoformat(str(item.get("day")))
        except ValueError:
            raise ValidationError(
                "sync.downward", field="day", kind="calendar", detail="day"
            ) from None
        if kind is None:
            raise ValidationError("sync.downward", field="kind", kind="calendar", detail="kind")
        note = clean_text(item.get("note", ""), field="note", max_len=300, required=False)
        rows.append((day.isoformat(), kind.value, note))
    now = iso_now(workspace)
    with workspace.db.writing() as session:
        session.execute(
            delete(CalendarOverrideRecord).where(CalendarOverrideRecord.created_by == HUB_AUTHOR)
        )
        for day_text, kind_value, note in rows:
            session.execute(
                delete(CalendarOverrideRecord).where(CalendarOverrideRecord.day == day_text)
            )
            session.add(
                CalendarOverrideRecord(
                    day=day_text, kind=kind_value, note=note, created_by=HUB_AUTHOR, created_at=now
                )
            )
    return len(rows)


def _users(workspace: Workspace, payload: Any) -> int:
    """Accounts with their argon2 hashes; a user the hub marks inactive is locked here too."""
    clean = []
    for item in _items(payload, "users", "users"):
        password_hash = item.get("password_hash")
        if not isinstance(password_hash, str) or not password_hash.startswith("$argon2"):
            raise ValidationError(
                "sync.downward", field="password_hash", kind="users", detail="password_hash"
            )
        clean.append(
            {
                "username": validate_username(str(item.get("username", ""))),
                "full_name": clean_text(item.get("full_name", ""), field="full_name", max_len=200),
                "role": _role(str(item.get("role", ""))).value,
                "unit": clean_text(item.get("unit", ""), field="unit", max_len=200, required=False),
                "password_hash": password_hash,
                "active": bool(item.get("active", True)),
            }
        )
    now = iso_now(workspace)
    with workspace.db.writing() as session:
        for values in clean:
            record = session.scalars(
                select(UserRecord).where(UserRecord.username == values["username"])
            ).first()
            if record is None:
                session.add(UserRecord(**values, created_at=now))
            else:
                for key, value in values.items():
                    setattr(record, key, value)
    return len(clean)
