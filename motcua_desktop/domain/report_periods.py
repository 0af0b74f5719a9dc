"""The official report periods (cut-off on the 14th; quarter, 6, 9 and 12 months from 15/12) and custom ranges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from .errors import ValidationError, register_messages

register_messages(
    {
        "report.period_kind": "Loại kỳ báo cáo «{value}» không hợp lệ (month, quarter, half, nine, year).",
        "report.period_index": "Kỳ báo cáo «{kind}» cần số thứ tự từ 1 đến {max}, nhận được «{value}».",
        "report.period_year": "Năm báo cáo «{value}» không hợp lệ (từ {min} đến {max}).",
        "report.order": "Khoảng ngày không hợp lệ: ngày bắt đầu {start} sau ngày kết thúc {end}.",
    }
)

MIN_YEAR, MAX_YEAR = 2000, 2100
CUT_OFF_DAY = 15  # a period starts on the 15th and ends on the 14th


class PeriodKind(StrEnum):
    """The reporting regime's periods; ``custom`` is any range of days."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # 6 months: 15/12 of the previous year to 14/06
    NINE = "nine"  # 9 months: 15/12 of the previous year to 14/09
    YEAR = "year"  # 15/12 of the previous year to 14/12
    CUSTOM = "custom"


_ROMAN = ("I", "II", "III", "IV")
_MAX_INDEX = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}


@dataclass(frozen=True, slots=True)
class Period:
    """Days ``start`` to ``end`` inclusive, in the commune's calendar."""

    kind: PeriodKind
    start: date
    end: date
    year: int | None = None
    index: int | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self, tz: tzinfo) -> tuple[datetime, datetime]:
        """[first instant, first instant after the period) in the commune's time zone."""
        return (
            datetime.combine(self.start, time.min, tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tz),
        )

    @property
    def label_vi(self) -> str:
        """How the report's title names the period, e.g. «Quý II năm 2025»."""
        span = f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"
        if self.kind is PeriodKind.MONTH:
            name = f"Tháng {self.index} năm {self.year}"
        elif self.kind is PeriodKind.QUARTER:
            name = f"Quý {_ROMAN[(self.index or 1) - 1]} năm {self.year}"
        else:
            name = {
                PeriodKind.HALF: f"6 tháng năm {self.year}",
                PeriodKind.NINE: f"9 tháng năm {self.year}",
                PeriodKind.YEAR: f"Năm {self.year}",
            }.get(self.kind, "")
        return f"{name} ({span})" if name else span[0].upper() + span[1:]

    def following(self) -> Period:
        """The period right after this one: the next month or quarter, or the same span of days."""
        if self.kind is PeriodKind.MONTH and self.year is not None and self.index is not None:
            year, index = (self.year + 1, 1) if self.index == 12 else (self.year, self.index + 1)
            return official_period(PeriodKind.MONTH, year, index)
        if self.kind is PeriodKind.QUARTER and self.year is not None and self.index is not None:
            year, index = (self.year + 1, 1) if self.index == 4 else (self.year, self.index + 1)
            return official_period(PeriodKind.QUARTER, year, index)
        start = self.end + timedelta(days=1)
        return custom_period(start, start + timedelta(days=self.days - 1))

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "year": self.year,
            "index": self.index,
            "label": self.label_vi,
        }


def _cut(year: int, month: int) -> date:
    """The 15th that opens the period whose last month is ``month`` of ``year``."""
    if month == 1:
        return date(year - 1, 12, CUT_OFF_DAY)
    return date(year, month - 1, CUT_OFF_DAY)


def _last(year: int, month: int) -> date:
    return date(year, month, CUT_OFF_DAY - 1)


def official_period(kind: PeriodKind | str, year: int, index: int | None = None) -> Period:
    """The period of the reporting regime: month N is 15/(N-1) → 14/N; quarter N ends on
    14/(3N); 6 months, 9 months and the year start on 15/12 of the previous year."""
    try:
        kind = PeriodKind(kind)
    except ValueError:
        raise ValidationError("report.period_kind", field="period", value=kind) from None
    if kind is PeriodKind.CUSTOM:
        raise ValidationError("report.period_kind", field="period", value=kind.value)
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            "report.period_year", field="year", value=year, min=MIN_YEAR, max=MAX_YEAR
        )
    if kind in _MAX_INDEX:
        top = _MAX_INDEX[kind]
        if not isinstance(index, int) or isinstance(index, bool) or not 1 <= index <= top:
            raise ValidationError(
                "report.period_index", field="index", kind=kind.value, max=top, value=index
            )
        if kind is PeriodKind.MONTH:
            return Period(kind, _cut(year, index), _last(year, index), year, index)
        return Period(kind, _cut(year, 3 * index - 2), _last(year, 3 * index), year, index)
    months = {PeriodKind.HALF: 6, PeriodKind.NINE: 9, PeriodKind.YEAR: 12}[kind]
    return Period(kind, _cut(year, 1), _last(year, months), year, None)


def custom_period(start: date, end: date) -> Period:
    """Any range of days, both ends included; ``start`` after ``end`` is refused."""
    if end < start:
        raise ValidationError(
            "report.order", field="to", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"
        )
    for day, name in ((start, "from"), (end, "to")):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValidationError(
                "report.period_year", field=name, value=day.year, min=MIN_YEAR, max=MAX_YEAR
            )
    return Period(PeriodKind.CUSTOM, start, end)


def month_of(day: date) -> Period:
    """The monthly period containing ``day`` (the 15th and later belong to the next month)."""
    year, month = day.year, day.month
    if day.day >= CUT_OFF_DAY:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return official_period(PeriodKind.MONTH, year, month)


def months_of_year(year: int) -> list[Period]:
    """The twelve monthly periods of a reporting year (15/12 of the previous year to 14/12)."""
    return [official_period(PeriodKind.MONTH, year, n) for n in range(1, 13)]
