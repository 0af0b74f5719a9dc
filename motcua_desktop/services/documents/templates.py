"""Versioned form sets (Thông tư 03/2025 by default, 01/2018 names on request): titles and wording."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...domain.errors import MotcuaError, ValidationError, register_messages

register_messages(
    {
        "document.form_set": "Bộ biểu mẫu «{value}» không có (có: {available}).",
        "document.form_set_broken": "Tệp biểu mẫu «{path}» hỏng: {detail}",
        "document.kind": "Loại giấy tờ «{value}» không hợp lệ (có: {available}).",
    }
)

TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "resources" / "templates"
DEFAULT_SET = "2025"
# The printable kinds, in the order of the 2025 numbering.
KINDS = ("receipt", "supplement", "refusal", "apology", "stop", "control", "ledger")
_COMMON_KEYS = (
    "national_name", "motto", "date_line", "form_number", "code_label", "doc_number", "time",
    "sign_hint", "sign_hint_seal", "recipients", "blank", "sign_blank", "salutation", "applicant",
    "address", "contact", "request",
)  # fmt: skip


class _Blank(dict[str, Any]):
    """format_map helper: a placeholder the caller did not fill stays visible, never crashes."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class FormText:
    """One form's number, title and fixed wording in one template set."""

    kind: str
    number: str | None
    title: str
    texts: dict[str, Any]

    def text(self, key: str, **values: Any) -> str:
        """The wording ``key`` with its placeholders filled (values are inserted verbatim)."""
        template = self.texts[key]
        if not isinstance(template, str):
            raise KeyError(key)
        return template.format_map(_Blank(values)) if values else template

    def items(self, key: str) -> list[Any]:
        value = self.texts[key]
        return list(value) if isinstance(value, list) else []

    def mapping(self, key: str) -> dict[str, str]:
        value = self.texts[key]
        return dict(value) if isinstance(value, dict) else {}


@dataclass(frozen=True)
class TemplateSet:
    """A complete form set: the shared wording and every form of :data:`KINDS`."""

    name: str
    label: str
    common: dict[str, str]
    forms: dict[str, FormText]

    def form(self, kind: str) -> FormText:
        if kind not in self.forms:
            raise ValidationError(
                "document.kind", field="kind", value=kind, available=", ".join(KINDS)
            )
        return self.forms[kind]

    def text(self, key: str, **values: Any) -> str:
        template = self.common[key]
        return template.format_map(_Blank(values)) if values else template


def available_sets() -> list[str]:
    return sorted(p.stem.removeprefix("forms_") for p in TEMPLATE_DIR.glob("forms_*.json"))


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def _broken(path: Path, detail: str) -> MotcuaError:
    return MotcuaError("document.form_set_broken", path=str(path), detail=detail)


@lru_cache(maxsize=8)
def load_template_set(name: str = DEFAULT_SET) -> TemplateSet:
    """Read ``resources/templates/forms_<name>.json`` and check it holds every form."""
    path = TEMPLATE_DIR / f"forms_{name}.json"
    if not name or not name.isalnum() or not path.is_file():
        raise ValidationError(
            "document.form_set", field="form_set", value=name, available=", ".join(available_sets())
        )
    try:
        raw = _nfc(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise _broken(path, str(exc)) from None
    if not isinstance(raw, dict) or raw.get("format") != "motcua-forms" or raw.get("version") != 1:
        raise _broken(path, "không phải định dạng motcua-forms phiên bản 1")
    common, forms = raw.get("common"), raw.get("forms")
    if not isinstance(common, dict) or not isinstance(forms, dict):
        raise _broken(path, "thiếu mục «common» hoặc «forms»")
    missing = [k for k in _COMMON_KEYS if not isinstance(common.get(k), str)]
    if missing:
        raise _broken(path, f"thiếu mục chung: {', '.join(missing)}")
    parsed: dict[str, FormText] = {}
    for kind in KINDS:
        form = forms.get(kind)
        if not isinstance(form, dict) or not isinstance(form.get("title"), str):
            raise _broken(path, f"thiếu biểu mẫu «{kind}» hoặc tiêu đề của nó")
        number = form.get("number")
        texts = {k: v for k, v in form.items() if k not in ("number", "title")}
        parsed[kind] = FormText(kind, str(number) if number else None, form["title"], texts)
    return TemplateSet(str(raw.get("set", name)), str(raw.get("name", name)), common, parsed)
