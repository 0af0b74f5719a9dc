"""What every printed form needs besides the dossier: the commune's settings, people and form set."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ...domain.errors import ValidationError, register_messages
from ..settings import EDITABLE
from ..users import list_users
from ..workspace import Workspace
from .templates import DEFAULT_SET, TemplateSet, load_template_set

register_messages(
    {
        "document.setting_missing": "Chưa cấu hình «{label}» ({key}); cần có để in giấy tờ. "
        "Quản trị viên nhập trong phần Cấu hình.",
        "document.setting_invalid": "Cấu hình «{key}» không hợp lệ: {detail}",
    }
)

# Settings without which no form can be printed (the header names the issuing body).
REQUIRED_SETTINGS = ("parent_agency", "centre_name", "place_name")
_LABELS = {
    "form_set": "Bộ biểu mẫu",
    "lookup_url": "Địa chỉ tra cứu hồ sơ (mã QR)",
    "unit_heads": "Thủ trưởng các cơ quan, đơn vị",
}


def setting_label(key: str) -> str:
    if key in EDITABLE:
        return str(EDITABLE[key][0])
    return _LABELS.get(key, key)


@dataclass(frozen=True)
class Person:
    """Who an event's actor is on paper."""

    full_name: str
    unit: str = ""


@dataclass(frozen=True)
class DocumentContext:
    """The commune's identity on paper, its people and the chosen form set; built once per print."""

    parent_agency: str
    centre_name: str
    place_name: str
    forms: TemplateSet
    tz: tzinfo
    commune_name: str = ""
    address: str = ""
    unit_code: str = ""
    chairman_name: str = ""
    unit_heads: Mapping[str, str] = field(default_factory=dict)
    lookup_url: str = ""
    supplement_expiry_days: int = 15
    people: Mapping[str, Person] = field(default_factory=dict)
    now: datetime | None = None

    @classmethod
    def from_settings(
        cls,
        settings: Mapping[str, Any],
        *,
        people: Mapping[str, Person] | None = None,
        now: datetime | None = None,
        form_set: str | None = None,
    ) -> DocumentContext:
        """Validate the settings a document needs; a missing one is named in the error."""
        for key in REQUIRED_SETTINGS:
            value = settings.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError(
                    "document.setting_missing", field=key, key=key, label=setting_label(key)
                )
        heads = settings.get("unit_heads") or {}
        if not isinstance(heads, Mapping):
            raise ValidationError(
                "document.setting_invalid", field="unit_heads", key="unit_heads",
                detail="cần dạng {đơn vị: họ tên}",
            )  # fmt: skip
        url = str(settings.get("lookup_url") or "").strip()
        if url and not url.lower().startswith(("https://", "http://")):
            raise ValidationError(
                "document.setting_invalid", field="lookup_url", key="lookup_url",
                detail="cần bắt đầu bằng https:// và chứa {code}",
            )  # fmt: skip
        try:
            expiry = int(settings.get("supplement_expiry_days") or 15)
        except (TypeError, ValueError):
            expiry = 15
        return cls(
            parent_agency=str(settings["parent_agency"]).strip(),
            centre_name=str(settings["centre_name"]).strip(),
            place_name=str(settings["place_name"]).strip(),
            forms=load_template_set(form_set or str(settings.get("form_set") or DEFAULT_SET)),
            tz=ZoneInfo(str(settings.get("timezone") or "Asia/Ho_Chi_Minh")),
            commune_name=str(settings.get("commune_name") or ""),
            address=str(settings.get("address") or ""),
            unit_code=str(settings.get("unit_code") or ""),
            chairman_name=str(settings.get("chairman_name") or "").strip(),
            unit_heads={str(k): str(v).strip() for k, v in heads.items() if str(v).strip()},
            lookup_url=url,
            supplement_expiry_days=expiry,
            people=dict(people or {}),
            now=now,
        )

    @classmethod
    def from_workspace(cls, ws: Workspace, *, form_set: str | None = None) -> DocumentContext:
        people = {u.username: Person(u.full_name, u.unit) for u in list_users(ws)}
        return cls.from_settings(ws.settings, people=people, now=ws.clock(), form_set=form_set)

    # ---- helpers the forms share ---------------------------------------------------------------

    def person(self, username: str) -> Person:
        return self.people.get(username) or Person(username)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def date_line(self, moment: datetime | date) -> str:
        """``Hòa Phú, ngày 05 tháng 3 năm 2026``: NĐ 30 pads days below 10 and months below 3."""
        day = self.local(moment).date() if isinstance(moment, datetime) else moment
        return self.forms.text(
            "date_line", place=self.place_name, day=f"{day.day:02d}",
            month=f"{day.month:02d}" if day.month < 3 else str(day.month), year=day.year,
        )  # fmt: skip

    def time_text(self, moment: datetime | None) -> str:
        """``10 giờ 25 phút, ngày 14/10/2026`` in the commune's time zone."""
        if moment is None:
            return self.forms.text("blank")
        local = self.local(moment)
        return self.forms.text(
            "time", hour=f"{local:%H}", minute=f"{local:%M}", date=f"{local:%d/%m/%Y}"
        )

    def day_text(self, moment: datetime | None) -> str:
        return f"{self.local(moment):%d/%m/%Y}" if moment is not None else ""

    def lookup_link(self, code: str) -> str:
        """The QR code's target, or "" when no lookup address is configured."""
        if not self.lookup_url:
            return ""
        if "{code}" in self.lookup_url:
            return self.lookup_url.replace("{code}", quote(code, safe=""))
        return self.lookup_url

    def head_of(self, unit: str) -> str:
        """Who signs for ``unit``: its head if configured, else the chairman, else ""."""
        return self.unit_heads.get(unit, "") or self.chairman_name
