"""How the CLI speaks: JSON for machines, plain Vietnamese lines for people, stable exit codes."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from ..domain.errors import ImportFailed, MotcuaError, NotFoundError, PermissionDenied, StateError

EXIT_OK = 0
EXIT_INVALID = 2  # bad input: the message names the field
EXIT_DENIED = 3
EXIT_NOT_FOUND = 4
EXIT_STATE = 5  # the act is not allowed in the dossier's state, or the environment refuses


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default, indent=2)


def emit(value: Any, *, as_json: bool, text: str | None = None) -> None:
    """Print the result: the JSON document, or the human text (falling back to JSON)."""
    if as_json or text is None:
        print(to_json(value))
    else:
        print(text)


def exit_code_for(error: MotcuaError) -> int:
    if isinstance(error, PermissionDenied) or error.code.startswith(("auth.", "user.inactive")):
        return EXIT_DENIED
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    # Bad input is a ValidationError whatever its code; the environment's refusals
    # (no data folder, a newer database) are plain errors with these prefixes.
    if isinstance(error, StateError) or error.code.startswith(("workspace.", "db.")):
        return EXIT_STATE
    return EXIT_INVALID


def report_error(error: MotcuaError, *, as_json: bool) -> int:
    """Errors go to stderr as Vietnamese text, or to stdout as {"error": {...}} with --json."""
    if as_json:
        print(to_json({"error": error.to_dict()}))
    else:
        print(f"Lỗi: {error.message}", file=sys.stderr)
        if error.code == "intake.warnings":
            print(
                "Nếu đã kiểm tra với người nộp, thêm --confirm-warnings để vẫn tiếp nhận.",
                file=sys.stderr,
            )
        if isinstance(error, ImportFailed):
            for item in error.errors[:200]:
                print(f"  - {item.message}", file=sys.stderr)
    return exit_code_for(error)
