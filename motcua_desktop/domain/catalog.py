"""The procedure catalogue: procedures, their dossier components, and validation of raw records."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from .durations import DEFAULT_CUTOFF, Duration, DurationKind, parse_hhmm
from .errors import ValidationError, register_messages
from .text import is_noncharacter

register_messages(
    {
        "catalog.record_invalid": "Thủ tục phải là một bản ghi JSON, không phải «{value}».",
        "catalog.code_missing": "Mã thủ tục không được để trống.",
        "catalog.code_format": (
            "Mã thủ tục «{value}» không hợp lệ: chỉ gồm chữ, số, dấu chấm, dấu gạch nối, "
            "dài 1–40 ký tự (ví dụ 1.001193)."
        ),
        "catalog.code_not_text": (
            "Mã thủ tục «{value}» đang ở dạng số (bảng tính có thể đã bỏ mất số 0 ở cuối); "
            "hãy định dạng cột mã là văn bản (Text) rồi nhập lại."
        ),
        "catalog.duplicate_code": "Mã thủ tục «{value}» trùng với thủ tục ở dòng {first_row}.",
        "catalog.name_missing": "Tên thủ tục không được để trống.",
        "catalog.field_missing": "Lĩnh vực của thủ tục không được để trống.",
        "catalog.text_expected": "{label} phải là văn bản, nhận được «{value}».",
        "catalog.text_too_long": "{label} dài {length} ký tự, vượt giới hạn {limit} ký tự.",
        "catalog.control_chars": "{label} chứa ký tự điều khiển {char}; hãy xóa ký tự này.",
        "catalog.bool_invalid": "{label}: giá trị «{value}» không hợp lệ; dùng có/không.",
        "catalog.fee_amount_invalid": "Số tiền lệ phí phải là số nguyên ≥ 0, không phải «{value}».",
        "catalog.time_invalid": "Thời hạn giải quyết «{value}» không đúng cấu trúc.",
        "catalog.time_unit": (
            "Đơn vị thời hạn «{value}» không hợp lệ (working_days, days, working_hours, same_day)."
        ),
        "catalog.components_invalid": "Danh sách thành phần hồ sơ không hợp lệ.",
        "catalog.too_many_components": "Có {count} thành phần hồ sơ, vượt giới hạn {limit}.",
        "catalog.component_invalid": "Thành phần hồ sơ thứ {index} không đúng cấu trúc.",
        "catalog.component_name_missing": "Thành phần hồ sơ thứ {index}: tên không được để trống.",
        "catalog.component_count": (
            "Thành phần hồ sơ thứ {index}: số {kind} phải là số nguyên từ 0 đến {limit}, "
            "nhận được «{value}»."
        ),
        "catalog.component_submission": (
            "Thành phần hồ sơ thứ {index}: hình thức «{value}» không hợp lệ (nộp hoặc xuất trình)."
        ),
    }
)

# Vietnamese labels for field keys, used in messages (and by screens that list errors).
FIELD_LABELS_VI: dict[str, str] = {
    "code": "Mã thủ tục", "name": "Tên thủ tục", "field": "Lĩnh vực", "level": "Cấp thực hiện",
    "processing_time": "Thời hạn giải quyết", "time_kind": "Loại thời hạn",
    "time_value": "Số thời hạn", "cutoff": "Giờ chốt nhận", "fee": "Lệ phí",
    "fee_amount": "Số tiền lệ phí", "components": "Thành phần hồ sơ",
    "online_level": "Mức độ dịch vụ công trực tuyến", "inter_agency": "Liên thông",
    "responsible_unit": "Bộ phận phụ trách", "decision": "Quyết định công bố", "notes": "Ghi chú",
}  # fmt: skip

MAX_COMPONENTS = 200
MAX_COPIES = 100
MAX_FEE = 10**12
# field -> max length: the name limit is the rule; the others are generous but finite.
TEXT_LIMITS: dict[str, int] = {
    "name": 1000, "field": 300, "level": 300, "fee": 2000, "online_level": 100,
    "responsible_unit": 300, "decision": 300, "notes": 4000, "component": 1000,
}  # fmt: skip
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$")
_SPACE_RE = re.compile(r"\s+")
_LINE_BREAK_RE = re.compile(r"\r\n?|[\n\u2028\u2029]")
_TRUE = {"true", "1", "có", "co", "yes", "x"}
_FALSE = {"false", "0", "không", "khong", "no", ""}


class Submission(StrEnum):
    """Whether a component is handed in and kept, or only shown to the clerk."""

    SUBMIT = "submit"  # "nộp"
    SHOW = "show"  # "xuất trình" (shown, not kept)

    @property
    def label_vi(self) -> str:
        """The Vietnamese word printed on checklists."""
        return "Nộp" if self is Submission.SUBMIT else "Xuất trình"


@dataclass(frozen=True, slots=True)
class Component:
    """One document of a dossier (thành phần hồ sơ); 0 originals and 0 copies = count not stated."""

    name: str
    originals: int = 0
    copies: int = 0
    submission: Submission = Submission.SUBMIT

    def __post_init__(self) -> None:
        object.__setattr__(self, "submission", Submission(self.submission))

    def count_label_vi(self) -> str:
        """E.g. ``1 bản chính, 1 bản sao``; empty when the source states no count."""
        parts = [f"{self.originals} bản chính"] if self.originals else []
        parts += [f"{self.copies} bản sao"] if self.copies else []
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "originals": self.originals,
            "copies": self.copies,
            "submission": self.submission.value,
        }


@dataclass(frozen=True, slots=True)
class Procedure:
    """An administrative procedure the commune receives.

    Build from untrusted input with :func:`parse_procedure` (or :meth:`from_dict`), which
    validates and normalises; the constructor only canonicalises types.
    """

    code: str
    name: str
    field: str
    level: str = "Cấp xã"
    processing_time: Duration | None = None
    fee: str = ""
    fee_amount: int | None = None
    components: tuple[Component, ...] = ()
    online_level: str = ""
    inter_agency: bool = False
    responsible_unit: str = ""
    decision: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "components", tuple(self.components))
        time = self.processing_time
        # A same-day time has one canonical form so that equality survives every file format.
        if time is not None and time.kind is DurationKind.SAME_DAY:
            object.__setattr__(
                self, "processing_time", Duration.same_day(time.cutoff or DEFAULT_CUTOFF)
            )

    def to_dict(self) -> dict[str, Any]:
        """The project's JSON form of one procedure (keys in field order)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["processing_time"] = self.processing_time.to_dict() if self.processing_time else None
        out["components"] = [c.to_dict() for c in self.components]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Procedure:
        """Validate and build from :meth:`to_dict` output (or a portal-shaped record)."""
        return parse_procedure(data)

    @classmethod
    def from_stored(cls, data: Mapping[str, Any]) -> Procedure:
        """Rebuild from :meth:`to_dict` output that was validated before it was stored.

        The catalog's rows only ever hold what :func:`parse_procedure` accepted (import and
        edit validate), so reading them back does not check every text again. A row in another
        shape (written by an older version) goes through :func:`parse_procedure`.
        """
        if data.keys() != _FIELD_NAMES:
            return parse_procedure(data)
        values = dict(data)
        time = values.get("processing_time")
        values["processing_time"] = Duration.from_dict(time) if time is not None else None
        values["components"] = tuple(Component(**c) for c in values.get("components") or ())
        return cls(**values)


_FIELD_NAMES = frozenset(f.name for f in fields(Procedure))


def parse_procedure(raw: Mapping[str, Any], *, row: int | None = None) -> Procedure:
    """Validate one raw record and build a Procedure, raising the first ValidationError found."""
    procedure, errors = check_procedure(raw, row=row)
    if errors:
        raise errors[0]
    assert procedure is not None
    return procedure


def check_procedure(
    raw: Mapping[str, Any], *, row: int | None = None
) -> tuple[Procedure | None, list[ValidationError]]:
    """Validate one raw record, collecting every field's error so a row can be fixed in one go.

    Accepts the project's shape and the portal's (``processing_time.unit``, components with
    ``count_kind`` and Vietnamese ``submission``). A missing ``fee_amount`` key is read from
    the fee text; a present but empty one stays None.
    """
    if not isinstance(raw, Mapping):
        return None, [ValidationError("catalog.record_invalid", row=row, value=_short(raw))]
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}

    def take(key: str, parse: Callable[[Any], Any]) -> None:
        try:
            values[key] = parse(raw.get(key))
        except ValidationError as exc:
            errors.append(at_row(exc, row))

    take("code", _parse_code)
    take("name", lambda v: _text(v, "name", required="catalog.name_missing"))
    take("field", lambda v: _text(v, "field", required="catalog.field_missing"))
    take("level", lambda v: _text(v, "level") or "Cấp xã")
    take("processing_time", _parse_time)
    take("fee", lambda v: _text(v, "fee"))
    if "fee_amount" in raw:
        take("fee_amount", _parse_fee_amount)
    else:
        values["fee_amount"] = parse_fee_amount(values.get("fee", ""))
    take("components", _parse_components)
    take("online_level", _parse_online_level)
    take("inter_agency", lambda v: parse_bool(v, "inter_agency"))
    take("responsible_unit", lambda v: _text(v, "responsible_unit"))
    take("decision", lambda v: _text(v, "decision"))
    take("notes", lambda v: _text(v, "notes", multiline=True))
    if errors:
        return None, errors
    return Procedure(**values), []


def at_row(error: ValidationError, row: int | None) -> ValidationError:
    """The same error, now naming the input row (errors render their text when built)."""
    return ValidationError(error.code, field=error.field, row=row, **error.params)


def clean_text(
    value: Any, key: str, *, multiline: bool = False, limit: int | None = None, label: str = ""
) -> str:
    """NFC-normalise and strip; reject control characters; single-line text has spaces collapsed."""
    label = label or FIELD_LABELS_VI.get(key, key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("catalog.text_expected", field=key, label=label, value=_short(value))
    text = unicodedata.normalize("NFC", value)
    allowed = "\n\t\r"
    for ch in text:
        if (unicodedata.category(ch) == "Cc" and ch not in allowed) or is_noncharacter(ch):
            raise ValidationError(
                "catalog.control_chars", field=key, label=label, char=f"U+{ord(ch):04X}"
            )
    if multiline:
        text = "\n".join(line.strip() for line in _LINE_BREAK_RE.split(text)).strip()
    else:
        text = _SPACE_RE.sub(" ", text).strip()
    limit = limit or TEXT_LIMITS.get(key)
    if limit is not None and len(text) > limit:
        raise ValidationError(
            "catalog.text_too_long", field=key, label=label, length=len(text), limit=limit
        )
    return text


def parse_bool(value: Any, key: str) -> bool:
    """Read true/false, 1/0, có/không (case-insensitive); empty is False."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = unicodedata.normalize("NFC", str(value)).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    label = FIELD_LABELS_VI.get(key, key)
    raise ValidationError("catalog.bool_invalid", field=key, label=label, value=_short(value))


def parse_submission(value: Any, *, index: int = 1) -> Submission:
    """Read ``submit``/``show`` or the portal's ``nộp``/``xuất trình`` (``trực tuyến`` = submit)."""
    text = clean_text(value, "components").casefold() if isinstance(value, str | None) else None
    if text in ("", "submit", "nộp") or (text and ("nộp" in text or "trực tuyến" in text)):
        return Submission.SUBMIT
    if text in ("show", "xuất trình") or (text and "xuất trình" in text):
        return Submission.SHOW
    raise ValidationError(
        "catalog.component_submission", field="components", index=index, value=_short(value)
    )


_WORD_NUMBERS = {
    "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
# \b matters: without it "ba" would match inside "bản" and "chín" inside "chính".
_NUMBER_RE = re.compile(
    r"\d+|\b(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r"|mươi)\b"
)


def _read_number(text: str) -> int | None:
    """The count stated in a phrase: digits, or Vietnamese words such as ``hai`` or ``mười hai``."""
    tokens = _NUMBER_RE.findall(text)
    if not tokens:
        return None
    if tokens[0].isdigit():
        return int(tokens[0])
    total = 0
    for token in tokens:
        if token.isdigit():
            break
        total = (total or 1) * 10 if token == "mươi" else total + _WORD_NUMBERS[token]
    return total or None


def parse_count_kind(text: str) -> tuple[int, int]:
    """Read a published count such as ``1 bản chính, 1 bản sao`` into (originals, copies).

    A bare number or ``bộ`` (a set) counts as originals; a kind without a number counts 1.
    Alternatives joined by ``hoặc`` (``Bản chính hoặc bản sao có chứng thực``) count as the
    copy, the least that satisfies the requirement. Text with no recognisable count is (0, 0).
    """
    phrase = unicodedata.normalize("NFC", text or "").casefold()
    originals = copies = 0
    for part in re.split(r"[,;+]| và ", phrase):
        alternatives = [a for a in part.split("hoặc") if a.strip()]
        if not alternatives:
            continue
        number = next((n for a in alternatives if (n := _read_number(a)) is not None), None)
        is_copy = any("sao" in a for a in alternatives)
        is_original = any("chính" in a or "bộ" in a or "bản" in a for a in alternatives)
        if number is None and not (is_copy or is_original):
            continue
        count = 1 if number is None else number
        if is_copy:
            copies += count
        else:
            originals += count
    return originals, copies


_AMOUNT_RE = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|vnđ|vnd|đ\b)")


def parse_fee_amount(text: str) -> int | None:
    """The fee in VND when the text states a single amount (or is plainly free), else None."""
    phrase = unicodedata.normalize("NFC", text or "").strip().casefold()
    amounts = {int(re.sub(r"[.,]", "", m)) for m in _AMOUNT_RE.findall(phrase)}
    if len(amounts) == 1:
        return amounts.pop()
    if amounts or "hđnd" in phrase or phrase.startswith(("theo", "mức")):
        return None
    if phrase.startswith(("miễn phí", "miễn lệ phí", "không")):
        return 0
    return None


def _parse_code(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValidationError("catalog.code_not_text", field="code", value=value)
    code = clean_text(value, "code", limit=200)
    if not code:
        raise ValidationError("catalog.code_missing", field="code")
    if not _CODE_RE.match(code):
        raise ValidationError("catalog.code_format", field="code", value=_short(code))
    return code


def _text(value: Any, key: str, *, required: str | None = None, multiline: bool = False) -> str:
    text = clean_text(value, key, multiline=multiline)
    if required and not text:
        raise ValidationError(required, field=key)
    return text


def _parse_time(value: Any) -> Duration | None:
    if value is None or isinstance(value, Duration):
        return value
    if not isinstance(value, Mapping):
        raise ValidationError("catalog.time_invalid", field="processing_time", value=_short(value))
    if "kind" in value:
        try:
            return Duration.from_dict(dict(value))
        except TypeError:  # e.g. a list where the kind should be
            raise ValidationError(
                "catalog.time_invalid", field="processing_time", value=_short(value)
            ) from None
    unit = value.get("unit")
    cutoff = value.get("cutoff")
    if unit == "same_day":
        return Duration.same_day(
            parse_hhmm(cutoff, field="processing_time") if cutoff else DEFAULT_CUTOFF
        )
    # The portal's bare "days" gives no unit; the commune counts working days unless told otherwise.
    kinds = {"working_days": DurationKind.WORKING_DAYS, "days": DurationKind.WORKING_DAYS}
    kinds.update({"working_hours": DurationKind.WORKING_HOURS, "hours": DurationKind.WORKING_HOURS})
    if unit not in kinds:
        raise ValidationError("catalog.time_unit", field="processing_time", value=_short(unit))
    return Duration(kinds[unit], value.get("value"))  # type: ignore[arg-type]  # it validates


def _parse_fee_amount(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_FEE:
        return value
    raise ValidationError("catalog.fee_amount_invalid", field="fee_amount", value=_short(value))


def _parse_online_level(value: Any) -> str:
    text = clean_text(value, "online_level")
    canonical = {"toàn trình": "Toàn trình", "một phần": "Một phần"}
    return canonical.get(text.casefold(), text)


def _parse_components(value: Any) -> tuple[Component, ...]:
    if value is None:
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise ValidationError("catalog.components_invalid", field="components")
    if len(value) > MAX_COMPONENTS:
        raise ValidationError(
            "catalog.too_many_components",
            field="components",
            count=len(value),
            limit=MAX_COMPONENTS,
        )
    return tuple(_parse_component(item, index) for index, item in enumerate(value, start=1))


def _parse_component(item: Any, index: int) -> Component:
    if isinstance(item, Component):
        item = item.to_dict()
    if not isinstance(item, Mapping):
        raise ValidationError("catalog.component_invalid", field="components", index=index)
    label = f"Tên thành phần hồ sơ thứ {index}"
    name = clean_text(item.get("name"), "components", limit=TEXT_LIMITS["component"], label=label)
    if not name:
        raise ValidationError("catalog.component_name_missing", field="components", index=index)
    if "count_kind" in item and not ("originals" in item or "copies" in item):
        originals, copies = parse_count_kind(item.get("count_kind") or "")
    else:
        originals, copies = item.get("originals", 0), item.get("copies", 0)
    for kind, count in (("bản chính", originals), ("bản sao", copies)):
        if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_COPIES:
            raise ValidationError(
                "catalog.component_count", field="components", index=index, kind=kind,
                limit=MAX_COPIES, value=_short(count),
            )  # fmt: skip
    return Component(name, originals, copies, parse_submission(item.get("submission"), index=index))


def _short(value: Any, limit: int = 60) -> str:
    """A value fit to quote in a message: long input is cut so the message stays readable."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
