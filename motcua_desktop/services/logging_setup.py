"""The app's log: a rotating file in the data folder that never holds ID or phone numbers."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

LOG_DIR = "logs"
LOG_FILE = "motcua.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# Personal ID numbers: 12 digits (căn cước / định danh cá nhân) or 9 (old CMND), standing alone.
# Phone numbers: Vietnamese mobiles and landlines, national (0…) or international (+84/84…),
# with the spaces, dots or dashes people type between groups.
_ID = re.compile(r"(?<![\d])(?:\d{12}|\d{9})(?![\d])")
_PHONE = re.compile(r"(?<![\w+])(?:\+?84|0)(?:[ .\-]?\d){8,10}(?![\d])")
ID_MASK = "[số định danh]"
PHONE_MASK = "[số điện thoại]"


def mask_personal_numbers(text: str) -> str:
    """``text`` with every personal ID number and phone number replaced by a placeholder."""
    return _ID.sub(ID_MASK, _PHONE.sub(PHONE_MASK, text))


class PersonalDataFilter(logging.Filter):
    """Masks ID and phone numbers in a record's message and arguments, before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_numbers(record.getMessage())
        record.args = None
        return True


class MaskingFormatter(logging.Formatter):
    """Masks the whole formatted text, tracebacks included (an exception may quote a number)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_personal_numbers(super().format(record))


def _masking_factory(base: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        try:
            record.msg = mask_personal_numbers(record.getMessage())
        except (TypeError, ValueError):  # arguments that do not fit the message: left to logging
            return record
        record.args = None
        return record

    make._motcua = True  # type: ignore[attr-defined]
    return make


def mask_every_record() -> None:
    """Mask personal numbers in every log record as it is created, whatever handles it later
    (console, other libraries' handlers); the file's formatter also masks tracebacks."""
    current = logging.getLogRecordFactory()
    if not getattr(current, "_motcua", False):
        logging.setLogRecordFactory(_masking_factory(current))


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR / LOG_FILE


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the root logger to ``<data>/logs/motcua.log`` (rotated at 1 MB, five old files kept).

    Safe to call again (e.g. after the data folder changed): the previous file handler of this
    module is replaced, never doubled. Returns the log file's path.
    """
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_motcua", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler._motcua = True  # type: ignore[attr-defined]
    handler.setFormatter(MaskingFormatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    root.addHandler(handler)
    mask_every_record()
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    return path
