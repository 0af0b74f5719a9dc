"""One place that turns any failure into a sentence the clerk can act on."""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from ..domain.errors import MotcuaError, message_for
from ..services.faults import sqlite_error


def plain_message(error: MotcuaError) -> str:
    """The core's Vietnamese sentence without the internal field name (the screen shows where)."""
    text = message_for(error.code, {"field": error.field, **error.params})
    return f"Dòng {error.row}: {text}" if error.row is not None else text


def error_text(error: BaseException) -> str:
    """Our own errors already speak Vietnamese; the environment's are named by their cause."""
    if isinstance(error, MotcuaError):
        return plain_message(error)
    db_error = sqlite_error(error)
    if db_error is not None:
        reason = str(db_error).lower()
        if "locked" in reason or "busy" in reason:
            return QCoreApplication.translate(
                "Messages",
                "The database is busy (another program is writing to it). Nothing was saved; "
                "try again in a moment.",
            )
        if "full" in reason:
            return QCoreApplication.translate(
                "Messages", "The disk is full. Nothing was saved; free some space, then try again."
            )
        if "readonly" in reason or "read-only" in reason:
            return QCoreApplication.translate(
                "Messages", "The data folder cannot be written to. Nothing was saved."
            )
        return QCoreApplication.translate(
            "Messages", "The database could not be used ({reason}). Nothing was saved."
        ).format(reason=db_error)
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return QCoreApplication.translate(
                "Messages", "The disk is full. Free some space, then try again."
            )
        return QCoreApplication.translate(
            "Messages", "A file could not be written: {reason}"
        ).format(reason=error.strerror or str(error))
    return QCoreApplication.translate(
        "Messages", "Unexpected error ({kind}). Try again, or tell the administrator."
    ).format(kind=type(error).__name__)
