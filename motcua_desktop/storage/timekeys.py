"""Sortable UTC text keys for times stored in SQLite."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_key(moment: datetime) -> str:
    """Fixed-width UTC text that sorts like the instants it names."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_utc_key(key: str) -> datetime:
    return datetime.strptime(key, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
