"""Dossier codes ``<unit code>-<YYMMDD>-<NNNN>``, unique across a commune's PCs working offline.

Each PC (node) of a commune holds a *node slot*, a digit 0–9 set once when the PC is enrolled.
The four-digit daily number is the slot followed by that PC's own counter for the day, so PC 0
issues 0001–0999 and PC 1 issues 1001–1999 on the same day without ever talking to each other.
A PC that passes 999 dossiers in one day goes on with five digits (slot + 4-digit counter), which
still cannot collide: the first digit is always the slot. See docs/dossier-codes.md.
"""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError, register_messages

register_messages(
    {
        "code.unit": "Mã đơn vị «{value}» không hợp lệ: chỉ dùng chữ in hoa, chữ số và dấu chấm "
        "(ví dụ 000.00.20.H12).",
        "code.slot": "Số hiệu máy {value} không hợp lệ (0–9).",
        "code.counter": "Số thứ tự trong ngày {value} không hợp lệ.",
        "code.format": "Mã hồ sơ «{value}» không đúng dạng <mã đơn vị>-<YYMMDD>-<NNNN>.",
    }
)

UNIT_CODE = re.compile(r"^[0-9A-Z]{1,6}(\.[0-9A-Z]{1,6}){0,5}$")
DOSSIER_CODE = re.compile(r"^(?P<unit>[0-9A-Z.]{1,40})-(?P<day>\d{6})-(?P<num>\d{4,5})$")
MAX_SLOT = 9


def validate_unit_code(value: str) -> str:
    """The agency's electronic identifier, e.g. ``000.00.20.H12``; printable in Code 128."""
    text = value.strip().upper() if isinstance(value, str) else ""
    if not UNIT_CODE.match(text):
        raise ValidationError("code.unit", field="unit_code", value=value)
    return text


def validate_slot(slot: int) -> int:
    if not isinstance(slot, int) or isinstance(slot, bool) or not 0 <= slot <= MAX_SLOT:
        raise ValidationError("code.slot", field="node_slot", value=slot)
    return slot


def daily_number(slot: int, counter: int) -> str:
    """The NNNN part: the node slot then the node's own counter for the day."""
    validate_slot(slot)
    if counter < 1 or counter > 9999:
        raise ValidationError("code.counter", field="counter", value=counter)
    return f"{slot}{counter:03d}" if counter <= 999 else f"{slot}{counter:04d}"


def make_code(unit_code: str, day: date, slot: int, counter: int) -> str:
    return f"{unit_code}-{day:%y%m%d}-{daily_number(slot, counter)}"


def parse_code(value: str) -> tuple[str, date, int, int]:
    """Split a dossier code into (unit code, day, node slot, counter)."""
    match = DOSSIER_CODE.match(value.strip().upper()) if isinstance(value, str) else None
    if match is None:
        raise ValidationError("code.format", field="code", value=value)
    raw_day, num = match.group("day"), match.group("num")
    try:
        day = date(2000 + int(raw_day[:2]), int(raw_day[2:4]), int(raw_day[4:]))
    except ValueError:
        raise ValidationError("code.format", field="code", value=value) from None
    return match.group("unit"), day, int(num[0]), int(num[1:])


def looks_like_code(value: str) -> bool:
    """Whether a typed or scanned string is a dossier code (the search box and the scanner use it)."""
    return isinstance(value, str) and DOSSIER_CODE.match(value.strip().upper()) is not None
