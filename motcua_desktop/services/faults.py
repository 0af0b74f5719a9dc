"""Storage failures sorted once: the environment's fault (with a way forward) or our bug."""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.errors import MotcuaError, StateError, register_messages

_NOTHING_LOST = "Mọi dữ liệu đã lưu trước đó vẫn còn nguyên; thao tác vừa rồi chưa được ghi."

register_messages(
    {
        "fault.disk_full": "Ổ đĩa chứa «{path}» đã đầy. "
        + _NOTHING_LOST
        + " Hãy giải phóng dung lượng (xóa tệp không cần, dọn thùng rác) rồi làm lại.",
        "fault.locked": "Cơ sở dữ liệu «{path}» đang bị một chương trình khác giữ "
        "(phần mềm mở ở cửa sổ khác, chương trình sao chép hoặc diệt virus). "
        + _NOTHING_LOST
        + " Hãy đóng chương trình đó rồi làm lại.",
        "fault.read_only": "Không có quyền ghi vào «{path}» (thư mục chỉ đọc, hoặc ổ USB/thẻ nhớ "
        "đang gạt khóa ghi). " + _NOTHING_LOST + " Hãy kiểm tra quyền ghi của thư mục rồi làm lại.",
        "fault.corrupt": "Tệp cơ sở dữ liệu «{path}» bị hỏng ({detail}); phần mềm không ghi gì thêm "
        "vào tệp này. Cách khắc phục: khôi phục bản sao lưu tốt gần nhất{backup_hint} "
        "(quản trị: «motcua backup restore TỆP» hoặc mục Sao lưu của phần mềm); "
        "tệp hỏng được giữ lại bên cạnh để kiểm tra.",
        "fault.device_gone": "Không còn truy cập được «{path}» (ổ USB bị rút hoặc mất kết nối?). "
        + _NOTHING_LOST
        + " Hãy cắm lại ổ đĩa rồi làm lại.",
        "fault.io": "Lỗi đọc/ghi ổ đĩa tại «{path}» ({detail}): ổ đĩa có thể đã đầy, quá giới hạn "
        "kích thước tệp, hỏng hoặc bị rút ra. "
        + _NOTHING_LOST
        + " Hãy kiểm tra dung lượng và ổ đĩa (cáp, USB) rồi làm lại.",
        "fault.printer_gone": "Không tìm thấy máy in «{printer}» (đã tắt, rút cáp hoặc bị gỡ?). "
        "Hồ sơ đã lưu và bản PDF lưu kèm hồ sơ vẫn còn; hãy bật máy in hoặc chọn máy in khác "
        "rồi in lại.",
    }
)

# The environment's faults, by errno of an OSError.
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTDIR}
_IO = {errno.EIO}

# SQLite primary result codes (the low byte of the extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


class EnvironmentFault(StateError):
    """A failure caused by the machine (disk, lock, permissions, a damaged file), not the program.

    A subclass of ``StateError``: the command line exits with code 5 ("the environment refuses").
    ``cause`` names the kind: disk_full, locked, read_only, corrupt, device_gone, io, printer_gone.
    (A missing font is ``document.font_missing``, raised where the fonts are loaded.)
    """

    @property
    def cause(self) -> str:
        return self.code.removeprefix("fault.")


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The ``sqlite3`` error behind ``exc``: itself, or the one SQLAlchemy wrapped.

    SQLAlchemy may not be loaded (the start-up reads without it); then nothing it raised exists.
    """
    if isinstance(exc, sqlite3.Error):
        return exc
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if (
        sa_exc is not None
        and isinstance(exc, sa_exc.DBAPIError)
        and isinstance(exc.orig, sqlite3.Error)
    ):
        return exc.orig
    return None


def _from_sqlite(error: sqlite3.Error, path: str, backup_hint: str) -> EnvironmentFault | None:
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return EnvironmentFault("fault.disk_full", path=path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return EnvironmentFault("fault.locked", path=path)
    if primary in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly database" in text:
        return EnvironmentFault("fault.read_only", path=path)
    if (
        primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "malformed" in text
        or "not a database" in text
    ):
        return corrupt(path, str(error), backup_hint)
    if primary == _SQLITE_CANTOPEN or "unable to open database" in text:
        folder = str(Path(path).parent)
        return EnvironmentFault(
            "fault.device_gone" if not Path(folder).exists() else "fault.read_only", path=folder
        )
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return EnvironmentFault("fault.io", path=path, detail=str(error))
    return None


def corrupt(path: str, detail: str, backup_hint: str = "") -> EnvironmentFault:
    """The fault of a damaged database file; ``backup_hint`` names the last good backup."""
    hint = f" ({backup_hint})" if backup_hint else ""
    return EnvironmentFault("fault.corrupt", path=path, detail=detail, backup_hint=hint)


def _from_os(error: OSError, path: str) -> EnvironmentFault | None:
    where = error.filename if isinstance(error.filename, str) else path
    if error.errno in _DISK_FULL:
        return EnvironmentFault("fault.disk_full", path=where)
    if error.errno in _READ_ONLY:
        return EnvironmentFault("fault.read_only", path=where)
    if error.errno in _GONE:
        return EnvironmentFault("fault.device_gone", path=where)
    if error.errno in _IO:
        return EnvironmentFault("fault.io", path=where, detail=error.strerror or str(error))
    return None


def classify(
    exc: BaseException, path: Path | str = "", *, backup_hint: str = ""
) -> MotcuaError | None:
    """The user-facing error for ``exc`` when the environment caused it; None for our bugs.

    ``path`` names the file or folder the failing operation worked on (used when the exception
    does not say). A ``MotcuaError`` is already explained and is returned as it is.
    """
    if isinstance(exc, MotcuaError):
        return exc
    where = str(path)
    db_error = sqlite_error(exc)
    if db_error is not None:
        return _from_sqlite(db_error, where, backup_hint)
    if isinstance(exc, OSError):
        return _from_os(exc, where)
    return None


@contextmanager
def environment_faults(path: Path | str = "", *, backup_hint: str = "") -> Iterator[None]:
    """Re-raise the environment's failures inside the block as ``EnvironmentFault``; bugs pass."""
    try:
        yield
    except Exception as exc:
        fault = classify(exc, path, backup_hint=backup_hint)
        if fault is None or fault is exc:
            raise
        raise fault from exc
