"""How long a procedure may take: N working days, N working hours, or the same day with a cut-off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from typing import Any

from .errors import ValidationError, register_messages

register_messages(
    {
        "duration.kind": "Loại thời hạn «{value}» không hợp lệ (ngày làm việc, giờ làm việc, trong ngày).",
        "duration.value": "Thời hạn phải là số nguyên dương, nhận được «{value}».",
        "duration.cutoff": "Giờ chốt nhận «{value}» không hợp lệ (dạng HH:MM).",
    }
)


class DurationKind(StrEnum):
    """The three ways a procedure's legal processing time is stated."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"


DEFAULT_CUTOFF = time(15, 0)
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(text: str, *, field: str = "cutoff") -> time:
    """Parse ``HH:MM`` into a time, raising a ValidationError that names the field."""
    match = _HHMM.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValidationError("duration.cutoff", field=field, value=text)
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True, slots=True)
class Duration:
    """A processing time. ``cutoff`` only applies to SAME_DAY (received after it -> next day)."""

    kind: DurationKind
    value: int = 0
    cutoff: time | None = None

    def __post_init__(self) -> None:
        if self.kind is not DurationKind.SAME_DAY and (
            not isinstance(self.value, int) or isinstance(self.value, bool) or self.value <= 0
        ):
            raise ValidationError("duration.value", field="processing_time", value=self.value)

    @classmethod
    def days(cls, n: int) -> Duration:
        return cls(DurationKind.WORKING_DAYS, n)

    @classmethod
    def hours(cls, n: int) -> Duration:
        return cls(DurationKind.WORKING_HOURS, n)

    @classmethod
    def same_day(cls, cutoff: time = DEFAULT_CUTOFF) -> Duration:
        return cls(DurationKind.SAME_DAY, 0, cutoff)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "value": self.value}
        if self.kind is DurationKind.SAME_DAY:
            out["cutoff"] = (self.cutoff or DEFAULT_CUTOFF).strftime("%H:%M")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Duration:
        try:
            kind = DurationKind(str(data.get("kind")))
        except ValueError:
            raise ValidationError(
                "duration.kind", field="processing_time", value=data.get("kind")
            ) from None
        if kind is DurationKind.SAME_DAY:
            cutoff = data.get("cutoff")
            return cls.same_day(parse_hhmm(cutoff) if cutoff else DEFAULT_CUTOFF)
        return cls(kind, data.get("value"))  # type: ignore[arg-type]

    def label_vi(self) -> str:
        """The phrase printed on the receipt, e.g. ``5 ngày làm việc``."""
        if self.kind is DurationKind.WORKING_DAYS:
            return f"{self.value} ngày làm việc"
        if self.kind is DurationKind.WORKING_HOURS:
            return f"{self.value} giờ làm việc"
        cutoff = (self.cutoff or DEFAULT_CUTOFF).strftime("%H:%M")
        return f"Trong ngày (nhận sau {cutoff} trả trong ngày làm việc tiếp theo)"
