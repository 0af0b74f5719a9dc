"""Refusals of the hub: an HTTP status, a stable machine-readable reason and its parameters."""

from __future__ import annotations

from typing import Any

from ..domain.errors import message_for


class HubError(Exception):
    """A request refused as a whole; nothing it carried was applied."""

    def __init__(self, status: int, reason: str, /, **params: Any) -> None:
        self.status = status
        self.reason = reason
        self.params = params
        super().__init__(f"{status} {reason} {params}")

    @property
    def message(self) -> str:
        return message_for(f"sync.{self.reason}", self.params)

    def to_json(self) -> dict[str, Any]:
        return {
            "error": {
                "reason": self.reason,
                "message": self.message,
                "detail": {k: _plain(v) for k, v in self.params.items()},
            }
        }


def _plain(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | type(None) | list) else str(value)
