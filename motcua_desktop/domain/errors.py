"""Errors with stable codes and parameters; Vietnamese text is rendered from a message catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# code -> Vietnamese message template (str.format with the error's params).
_MESSAGES: dict[str, str] = {
    "internal": "Lỗi không mong đợi: {detail}",
    "not_found": "Không tìm thấy {what}: {key}",
    "permission_denied": "Người dùng «{user}» (vai trò {role}) không được phép {action}.",
}


def register_messages(messages: Mapping[str, str]) -> None:
    """Add message templates for error codes; each module registers its own at import."""
    for code, text in messages.items():
        existing = _MESSAGES.get(code)
        if existing is not None and existing != text:
            raise ValueError(f"error code {code!r} registered twice with different text")
        _MESSAGES[code] = text


def message_for(code: str, params: Mapping[str, Any]) -> str:
    """Render the Vietnamese message for an error code, tolerating missing parameters."""
    template = _MESSAGES.get(code)
    if template is None:
        return code
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class MotcuaError(Exception):
    """Base of every expected failure: a stable ``code``, ``params`` and an optional ``field``.

    ``row`` is set by importers to name the offending row as the user sees it in the file
    (the spreadsheet row, header = row 1; the line number of a JSON Lines file).
    """

    def __init__(
        self, code: str, /, *, field: str | None = None, row: int | None = None, **params: Any
    ) -> None:
        self.code = code
        self.field = field
        self.row = row
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The Vietnamese text for users, prefixed with the row and field when known."""
        text = message_for(self.code, {"field": self.field, **self.params})
        prefix = []
        if self.row is not None:
            prefix.append(f"Dòng {self.row}")
        if self.field:
            prefix.append(f"trường «{self.field}»")
        return f"{', '.join(prefix)}: {text}" if prefix else text

    def to_dict(self) -> dict[str, Any]:
        """A machine-readable form for ``--json`` output and the wire."""
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.field is not None:
            out["field"] = self.field
        if self.row is not None:
            out["row"] = self.row
        if self.params:
            out["params"] = {k: v for k, v in self.params.items() if _jsonable(v)}
        return out


class ValidationError(MotcuaError):
    """Input that breaks a rule; names the field."""


class NotFoundError(MotcuaError):
    """A dossier, procedure, user or setting that does not exist."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__("not_found", what=what, key=key)


class PermissionDenied(MotcuaError):
    """The acting user's role does not allow the act."""

    def __init__(self, user: str, role: str, action: str) -> None:
        super().__init__("permission_denied", user=user, role=role, action=action)


class StateError(MotcuaError):
    """An act that the dossier's current state does not allow."""


class ImportFailed(MotcuaError):
    """An import with one or more bad rows; ``errors`` lists each, with its row number."""

    def __init__(self, errors: list[MotcuaError]) -> None:
        self.errors = errors
        super().__init__("import_failed", count=len(errors))

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["errors"] = [e.to_dict() for e in self.errors]
        return out


def _jsonable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | type(None) | list | dict)


register_messages(
    {
        "import_failed": "Tệp nhập có {count} lỗi; không có dòng nào được ghi.",
    }
)
