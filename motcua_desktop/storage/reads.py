"""The start-up's reads in plain SQL on a bare ``sqlite3`` connection (``Database.snapshot``).

The app's first form needs the settings, the users for the sign-in, the active catalog and the
calendar's overrides; reading them here keeps SQLAlchemy out of the start-up. ``schema`` stays
the one definition of the tables: the tests run every statement here against a migrated
database and check each column named against ``schema``'s tables.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

# Every table and column read here (the tests check them against ``schema``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "users": ("username", "full_name", "role", "unit", "active", "password_hash"),
    "procedures": ("data", "name_folded", "active", "field", "code"),
    "calendar_overrides": ("day", "kind", "note"),
}
_USER_SELECT = "SELECT username, full_name, role, unit, active, password_hash FROM users"

UserRow = tuple[str, str, str, str, bool, str]  # COLUMNS["users"], in that order


def _json(value: str | int | float | None) -> Any:
    """A JSON column's value as SQLAlchemy's ``JSON`` type reads it: the column's NUMERIC
    affinity turns a JSON number into an SQLite number, kept as it is; NULL is None."""
    if value is None or isinstance(value, int | float):
        return value
    return json.loads(value)


def _user(row: tuple[Any, ...]) -> UserRow:
    username, full_name, role, unit, active, password_hash = row
    return username, full_name, role, unit, bool(active), password_hash


def settings(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every setting, its JSON value decoded."""
    rows = conn.execute("SELECT key, value FROM settings")
    return {key: _json(value) for key, value in rows}


def users(conn: sqlite3.Connection) -> list[UserRow]:
    """Every account, by username."""
    return [_user(row) for row in conn.execute(f"{_USER_SELECT} ORDER BY username")]


def user(conn: sqlite3.Connection, username: str) -> UserRow | None:
    """One account by its (already normalised) username, or None."""
    row = conn.execute(f"{_USER_SELECT} WHERE username = ?", (username,)).fetchone()
    return None if row is None else _user(row)


def active_procedures(conn: sqlite3.Connection) -> list[tuple[dict[str, Any], str]]:
    """``(data, name_folded)`` of every active procedure, by field then code."""
    rows = conn.execute(
        "SELECT data, name_folded FROM procedures WHERE active = 1 ORDER BY field, code"
    )
    return [(_json(data), folded) for data, folded in rows]


def calendar_overrides(conn: sqlite3.Connection, year: int | None = None) -> list[tuple[str, ...]]:
    """``(day, kind, note)`` of the overrides (of one year), by day."""
    sql = "SELECT day, kind, note FROM calendar_overrides"
    if year is None:
        return list(conn.execute(f"{sql} ORDER BY day"))
    return list(conn.execute(f"{sql} WHERE day LIKE ? ORDER BY day", (f"{year:04d}-%",)))
