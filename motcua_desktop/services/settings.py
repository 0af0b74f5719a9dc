"""Commune settings: the unit, its address and signers, office hours, the node's identity."""

from __future__ import annotations

import json
from typing import Any

from ..domain.calendar import OfficeHours
from ..domain.codes import validate_unit_code
from ..domain.durations import parse_hhmm
from ..domain.errors import ValidationError, register_messages
from ..domain.roles import Action
from ..domain.text import clean_text
from .users import User, require
from .workspace import DEFAULT_TZ, Workspace

register_messages(
    {
        "settings.unknown": "Không có mục cấu hình «{key}».",
        "settings.choice": "Giá trị «{value}» không hợp lệ; chọn một trong: {options}.",
        "settings.url": "Địa chỉ «{value}» phải bắt đầu bằng https:// hoặc http://.",
        "settings.json": 'Giá trị phải là một đối tượng JSON dạng {{"đơn vị": "họ tên"}}.',
    }
)

# key -> (Vietnamese label, validator). Validators return the value to store.
EDITABLE: dict[str, tuple[str, Any]] = {
    "commune_name": ("Tên xã/phường", lambda v: clean_text(v, field="commune_name", max_len=200)),
    "centre_name": (
        "Tên Trung tâm Phục vụ hành chính công",
        lambda v: clean_text(v, field="centre_name", max_len=200),
    ),
    "parent_agency": (
        "Cơ quan chủ quản",
        lambda v: clean_text(v, field="parent_agency", max_len=200),
    ),
    "place_name": (
        "Địa danh ghi trên văn bản",
        lambda v: clean_text(v, field="place_name", max_len=100),
    ),
    "address": ("Địa chỉ", lambda v: clean_text(v, field="address", max_len=300)),
    "unit_code": ("Mã đơn vị", validate_unit_code),
    "cutoff": ("Giờ chốt nhận hồ sơ trong ngày", lambda v: parse_hhmm(v).strftime("%H:%M")),
    "office_hours": ("Giờ làm việc", lambda v: _office_hours(v)),
    "supplement_expiry_days": (
        "Hạn bổ sung hồ sơ (ngày làm việc)",
        lambda v: _positive(v, "supplement_expiry_days"),
    ),
    "hub_url": (
        "Địa chỉ máy chủ tổng hợp",
        lambda v: clean_text(v, field="hub_url", max_len=300, required=False),
    ),
    "backup_dir": (
        "Thư mục sao lưu",
        lambda v: clean_text(v, field="backup_dir", max_len=500, required=False),
    ),
    "backup_keep_daily": (
        "Số ngày gần nhất giữ bản sao lưu (mỗi ngày một bản)",
        lambda v: _positive(v, "backup_keep_daily"),
    ),
    "backup_keep_monthly": (
        "Số tháng gần nhất giữ bản sao lưu (mỗi tháng một bản)",
        lambda v: _positive(v, "backup_keep_monthly"),
    ),
    "backup_max_age_days": (
        "Cảnh báo khi bản sao lưu tốt gần nhất cũ hơn (ngày)",
        lambda v: _positive(v, "backup_max_age_days"),
    ),
    "form_set": (
        "Bộ biểu mẫu (2025 hoặc 2018)",
        lambda v: _choice(v, "form_set", ("2025", "2018")),
    ),
    "lookup_url": ("Địa chỉ tra cứu hồ sơ (mã QR)", lambda v: _url(v)),
    "unit_heads": ("Thủ trưởng các cơ quan, đơn vị ({đơn vị: họ tên})", lambda v: _unit_heads(v)),
    "chairman_name": (
        "Họ tên Chủ tịch UBND",
        lambda v: clean_text(v, field="chairman_name", max_len=200, required=False),
    ),
}

DEFAULTS: dict[str, Any] = {
    "timezone": DEFAULT_TZ,
    "cutoff": "15:00",
    "office_hours": [["07:30", "11:30"], ["13:30", "17:00"]],
    "supplement_expiry_days": 15,
}


def _positive(value: Any, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: int(float("inf"))
        raise ValidationError("duration.value", field=field, value=value) from None
    if number <= 0:
        raise ValidationError("duration.value", field=field, value=value)
    return number


def _choice(value: Any, field: str, options: tuple[str, ...]) -> str:
    text = str(value).strip()
    if text not in options:
        raise ValidationError(
            "settings.choice", field=field, value=value, options=", ".join(options)
        )
    return text


def _url(value: Any) -> str:
    text = clean_text(value, field="lookup_url", max_len=300, required=False)
    if text and not text.startswith(("https://", "http://")):
        raise ValidationError("settings.url", field="lookup_url", value=text)
    return text


def _unit_heads(value: Any) -> dict[str, str]:
    """A JSON object (or dict) mapping each unit's name to its head's full name."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise ValidationError("settings.json", field="unit_heads", value=value) from None
    if not isinstance(value, dict):
        raise ValidationError("settings.json", field="unit_heads", value=value)
    return {
        clean_text(unit, field="unit_heads", max_len=200): clean_text(
            name, field="unit_heads", max_len=200
        )
        for unit, name in value.items()
    }


def _office_hours(value: Any) -> list[list[str]]:
    """Accept "07:30-11:30,13:30-17:00" or a list of pairs; validated through OfficeHours."""
    if isinstance(value, str):
        pairs: list[Any] = [part.split("-") for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple):
        pairs = list(value)
    else:
        raise ValidationError("duration.cutoff", field="office_hours", value=value)
    try:
        periods = tuple(
            (parse_hhmm(a, field="office_hours"), parse_hhmm(b, field="office_hours"))
            for a, b in pairs
        )
    except (ValueError, TypeError):
        raise ValidationError("duration.cutoff", field="office_hours", value=value) from None
    OfficeHours(periods)
    return [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in periods]


def office_hours(workspace: Workspace) -> OfficeHours:
    raw = workspace.setting("office_hours", DEFAULTS["office_hours"])
    return OfficeHours(tuple((parse_hhmm(a), parse_hhmm(b)) for a, b in raw))


def write_settings(workspace: Workspace, values: dict[str, Any]) -> None:
    """Store raw values (already validated) and refresh the workspace's copy."""
    from ..storage.schema import SettingRecord  # SQLAlchemy: reading the settings needs none

    with workspace.db.writing() as session:
        for key, value in values.items():
            record = session.get(SettingRecord, key)
            if record is None:
                session.add(SettingRecord(key=key, value=value))
            else:
                record.value = value
    workspace.reload_settings()


def update_settings(workspace: Workspace, actor: User, values: dict[str, Any]) -> dict[str, Any]:
    """Validate and store editable settings (admin only); returns what was stored."""
    require(actor, Action.MANAGE_SETTINGS)
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise ValidationError("settings.unknown", field=key, key=key)
        clean[key] = EDITABLE[key][1](value)
    write_settings(workspace, clean)
    return clean
