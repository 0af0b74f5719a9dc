"""Working-day calendar: Vietnamese holidays, make-up Saturdays, local overrides and deadlines."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from .durations import DEFAULT_CUTOFF, Duration, DurationKind
from .errors import ValidationError, register_messages

register_messages(
    {
        "calendar.office_hours_empty": "Phải có ít nhất một buổi làm việc.",
        "calendar.office_hours_period": (
            "Buổi làm việc «{start}–{end}» không hợp lệ (giờ bắt đầu phải trước giờ kết thúc)."
        ),
        "calendar.office_hours_order": (
            "Các buổi làm việc phải theo thứ tự và không chồng lên nhau «{previous}», «{current}»."
        ),
        "calendar.override_day": "Ngày điều chỉnh lịch «{value}» không hợp lệ.",
        "calendar.override_kind": (
            "Loại điều chỉnh lịch «{value}» không hợp lệ (ngày nghỉ, ngày làm việc)."
        ),
        "calendar.override_duplicate": "Ngày {day} có nhiều hơn một điều chỉnh lịch.",
    }
)

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_DEFAULT_OFF_NOTE = "Ngày nghỉ theo thông báo"
_DEFAULT_WORKING_NOTE = "Ngày làm việc theo thông báo"


class OverrideKind(StrEnum):
    """What an administrator's calendar override does to a day."""

    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


@dataclass(frozen=True, slots=True)
class CalendarOverride:
    """One day an administrator turned into a rest day or a working day.

    Attributes:
        day: The calendar day concerned.
        kind: DAY_OFF or WORKING_DAY; a plain string value is accepted and converted.
        note: Text shown as the day's name, e.g. the notice that announced it.
    """

    day: date
    kind: OverrideKind
    note: str = ""

    def __post_init__(self) -> None:
        # A datetime is a date subclass; accepting it would silently drop its time part.
        if not isinstance(self.day, date) or isinstance(self.day, datetime):
            raise ValidationError("calendar.override_day", field="day", value=str(self.day))
        try:
            kind = OverrideKind(self.kind)
        except ValueError:
            raise ValidationError(
                "calendar.override_kind", field="kind", value=str(self.kind)
            ) from None
        object.__setattr__(self, "kind", kind)


def _show(value: object) -> str:
    return value.strftime("%H:%M") if isinstance(value, time) else str(value)


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """The office periods of a working day, local wall-clock times, ends inclusive.

    Raises:
        ValidationError: (field ``office_hours``) if there is no period, a period does not
            start before it ends, or periods are unsorted or overlap.
    """

    periods: tuple[tuple[time, time], ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )

    def __post_init__(self) -> None:
        try:
            periods = tuple((start, end) for start, end in self.periods)
        except (TypeError, ValueError):
            periods = ((None, None),)  # type: ignore[assignment]
        if not periods:
            raise ValidationError("calendar.office_hours_empty", field="office_hours")
        for i, (start, end) in enumerate(periods):
            # Aware times cannot be compared with the naive wall-clock times the calendar uses.
            if not (
                isinstance(start, time)
                and isinstance(end, time)
                and start.tzinfo is None
                and end.tzinfo is None
                and start < end
            ):
                raise ValidationError(
                    "calendar.office_hours_period",
                    field="office_hours",
                    start=_show(start),
                    end=_show(end),
                )
            # Touching periods are allowed: they do not overlap.
            if i and start < periods[i - 1][1]:
                raise ValidationError(
                    "calendar.office_hours_order",
                    field="office_hours",
                    previous="–".join(map(_show, periods[i - 1])),
                    current=f"{_show(start)}–{_show(end)}",
                )
        object.__setattr__(self, "periods", periods)

    @property
    def opening(self) -> time:
        """Start of the first period."""
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        """End of the last period."""
        return self.periods[-1][1]

    @property
    def hours_per_day(self) -> float:
        """Office hours in one working day."""
        return sum(_span(s, e) for s, e in self.periods) / 3600


def _span(start: time, end: time) -> float:
    """Seconds from ``start`` to ``end`` on the same day."""
    return (datetime.combine(date.min, end) - datetime.combine(date.min, start)).total_seconds()


class DayKind(StrEnum):
    """Why a day is, or is not, a working day."""

    WORKING = "working"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    OVERRIDE_OFF = "override_off"
    # A weekend day made a working day (make-up Saturday from the package or an override).
    WORKING_SATURDAY = "working_saturday"


_WORKING_KINDS = frozenset({DayKind.WORKING, DayKind.WORKING_SATURDAY})


@dataclass(frozen=True, slots=True)
class DayInfo:
    """A day with its kind and a Vietnamese name (holiday name, note or weekday)."""

    day: date
    kind: DayKind
    name: str

    @property
    def is_working(self) -> bool:
        """True for working days, including make-up Saturdays."""
        return self.kind in _WORKING_KINDS


@functools.lru_cache(maxsize=64)
def _base_year(year: int) -> tuple[dict[date, str], dict[date, str]]:
    """Package data for one year: ``(holidays, weekend workdays)``, each date -> Vietnamese name.

    The neighbouring years are loaded too because a swap can cross New Year (the package records
    a make-up Saturday of 27/12/2014 only while populating 2015). The package loads here, with
    the first year a deadline needs, not with the module.
    """
    import holidays

    vn = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    all_days = {d: str(name) for d, name in vn.items()}
    days_off = {d: n for d, n in all_days.items() if d.year == year}
    workdays: dict[date, str] = {}
    for d in sorted(vn.weekend_workdays):
        if d.year != year or d.weekday() < 5:
            continue
        name = f"{_WEEKDAY_NAMES[d.weekday()]} làm bù"
        # The package labels the swapped day off "Ngày nghỉ (thay cho ngày 26/04/2025)".
        tag = d.strftime("%d/%m/%Y")
        swapped = sorted(h for h, n in all_days.items() if tag in n and h != d)
        if swapped:
            name += f" cho ngày {swapped[0].strftime('%d/%m/%Y')}"
        workdays[d] = name
    return days_off, workdays


@dataclass(slots=True)
class _YearTable:
    """Precomputed facts for one year; ``cumulative[i]`` counts working days up to day i."""

    first_ordinal: int
    infos: list[DayInfo]
    working: list[int] = field(default_factory=list)
    cumulative: list[int] = field(default_factory=list)


class WorkingCalendar:
    """Working days and office time of a Vietnamese state office.

    The base is ``holidays.Vietnam`` (public holidays, observed days and the make-up Saturdays
    in its ``weekend_workdays``); Monday–Friday are working days. Overrides win over everything.
    Results are cached per year, so build a new calendar when the overrides change.

    Args:
        overrides: Administrator overrides, at most one per day.
        hours: The office periods of a working day.
        tz: Time zone of the office; naive datetimes are read in it and results are in it.

    Raises:
        ValidationError: (field ``overrides``) if two overrides name the same day.
    """

    def __init__(
        self,
        overrides: Iterable[CalendarOverride] = (),
        hours: OfficeHours = OfficeHours(),  # noqa: B008 - immutable frozen default
        tz: ZoneInfo = VN_TZ,
    ) -> None:
        self._overrides: dict[date, CalendarOverride] = {}
        for override in overrides:
            if override.day in self._overrides:
                raise ValidationError(
                    "calendar.override_duplicate",
                    field="overrides",
                    day=override.day.strftime("%d/%m/%Y"),
                )
            self._overrides[override.day] = override
        self.hours = hours
        self.tz = tz
        self._periods = hours.periods
        # Period lengths, precomputed because ``due`` is on the hot path.
        self._spans = tuple(timedelta(seconds=_span(s, e)) for s, e in hours.periods)
        self._day_length = sum(self._spans, timedelta())
        # Built lazily; a race between threads only builds the same table twice.
        self._years: dict[int, _YearTable] = {}

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        """The overrides in day order."""
        return tuple(sorted(self._overrides.values(), key=lambda o: o.day))

    def day_info(self, d: date) -> DayInfo:
        """Kind and Vietnamese name of a day."""
        table = self._year(d.year)
        return table.infos[d.toordinal() - table.first_ordinal]

    def is_working_day(self, d: date) -> bool:
        """True if the office works on that day."""
        return self.day_info(d).is_working

    def next_working_day(self, d: date, *, inclusive: bool = False) -> date:
        """The first working day after ``d`` (or ``d`` itself if ``inclusive`` and it works)."""
        if inclusive and self.is_working_day(d):
            return d
        return self.add_working_days(d, 1)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day strictly after ``start``; ``start`` itself never counts.

        Raises:
            ValueError: if ``n`` < 1.
        """
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}")
        year = start.year
        table = self._year(year)
        index = bisect.bisect_right(table.working, start.toordinal()) + n - 1
        while index >= len(table.working):
            index -= len(table.working)
            year += 1
            table = self._year(year)
        return date.fromordinal(table.working[index])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``; if ``end < start``, minus those in ``(end, start]``."""
        if end < start:
            return -self.working_days_between(end, start)
        return self._count_upto(end, start.year) - self._count_upto(start, start.year)

    def year_days_off(self, year: int) -> list[DayInfo]:
        """Public holidays and override days off of a year, weekends included, in day order."""
        return [
            i for i in self._year(year).infos if i.kind in (DayKind.HOLIDAY, DayKind.OVERRIDE_OFF)
        ]

    def year_working_saturdays(self, year: int) -> list[DayInfo]:
        """Weekend days of a year that are working days, in day order."""
        return [i for i in self._year(year).infos if i.kind is DayKind.WORKING_SATURDAY]

    def is_working_time(self, moment: datetime) -> bool:
        """True if ``moment`` lies inside an office period (ends inclusive) on a working day."""
        local = self._local(moment)
        if not self.is_working_day(local.date()):
            return False
        t = local.time()
        return any(s <= t <= e for s, e in self._periods)

    def due(self, received: datetime, duration: Duration) -> datetime:
        """The deadline of a dossier received at ``received``, aware in the calendar's zone.

        - WORKING_DAYS n: counting starts the day after intake (Civil Code art. 147–148), so
          the due day is ``add_working_days(intake day, n)``; a period in days ends at the close
          of office hours of its last day, so the due time is the closing time.
        - SAME_DAY (cut-off c): received on a working day at or before c, read to the minute
          as printed on the slip (15:00:59 counts as 15:00), and not after closing -> closing
          time that day; otherwise closing time of the next working day.
        - WORKING_HOURS n: office time runs only inside office periods of working days, from
          ``received`` or the next period start; a deadline falling exactly on a period end is
          that end, not the next period's start.
        """
        local = self._local(received)
        if duration.kind is DurationKind.WORKING_DAYS:
            day = self.add_working_days(local.date(), duration.value)
            return datetime.combine(day, self.hours.closing, tzinfo=self.tz)
        if duration.kind is DurationKind.SAME_DAY:
            return self._same_day_due(local, duration.cutoff or DEFAULT_CUTOFF)
        if duration.kind is DurationKind.WORKING_HOURS:
            return self._hours_due(local, timedelta(hours=duration.value))
        raise ValueError(f"unknown duration kind {duration.kind!r}")

    def _local(self, moment: datetime) -> datetime:
        """Naive local wall-clock time of ``moment`` in the calendar's zone."""
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(self.tz).replace(tzinfo=None)

    def _same_day_due(self, local: datetime, cutoff: time) -> datetime:
        day = local.date()
        at_minute = local.time().replace(second=0, microsecond=0)
        closing = self.hours.closing
        if not (self.is_working_day(day) and at_minute <= cutoff and local.time() <= closing):
            day = self.add_working_days(day, 1)
        return datetime.combine(day, closing, tzinfo=self.tz)

    def _hours_due(self, local: datetime, remaining: timedelta) -> datetime:
        day = local.date()
        start = local.time()
        if not self.is_working_day(day):
            day, start = self.add_working_days(day, 1), self.hours.opening
        # Spend what is left of the intake day, period by period.
        for s, e in self._periods:
            if start >= e:
                continue
            begin = datetime.combine(day, max(start, s))
            available = datetime.combine(day, e) - begin
            if remaining <= available:
                return (begin + remaining).replace(tzinfo=self.tz)
            remaining -= available
        # Jump over whole days so the rest falls inside the last day, in (0, day length].
        whole = (remaining - timedelta(microseconds=1)) // self._day_length
        remaining -= whole * self._day_length
        day = self.add_working_days(day, whole + 1)
        for (s, _), available in zip(self._periods, self._spans, strict=True):
            if remaining <= available:
                return datetime.combine(day, s, tzinfo=self.tz) + remaining
            remaining -= available
        raise AssertionError("remaining office time exceeded one working day")  # unreachable

    def _count_upto(self, d: date, base_year: int) -> int:
        """Working days from 1 January of ``base_year`` up to and including ``d``."""
        total = 0
        for year in range(base_year, d.year):
            total += len(self._year(year).working)
        table = self._year(d.year)
        return total + table.cumulative[d.toordinal() - table.first_ordinal]

    def _year(self, year: int) -> _YearTable:
        table = self._years.get(year)
        if table is None:
            table = self._build_year(year)
            self._years[year] = table
        return table

    def _build_year(self, year: int) -> _YearTable:
        days_off, workdays = _base_year(year)
        first = date(year, 1, 1).toordinal()
        table = _YearTable(first_ordinal=first, infos=[])
        count = 0
        for ordinal in range(first, date(year, 12, 31).toordinal() + 1):
            d = date.fromordinal(ordinal)
            info = self._classify(d, days_off, workdays)
            table.infos.append(info)
            if info.is_working:
                count += 1
                table.working.append(ordinal)
            table.cumulative.append(count)
        return table

    def _classify(self, d: date, days_off: dict[date, str], workdays: dict[date, str]) -> DayInfo:
        weekend = d.weekday() >= 5
        override = self._overrides.get(d)
        if override is not None:
            if override.kind is OverrideKind.DAY_OFF:
                return DayInfo(d, DayKind.OVERRIDE_OFF, override.note or _DEFAULT_OFF_NOTE)
            kind = DayKind.WORKING_SATURDAY if weekend else DayKind.WORKING
            return DayInfo(d, kind, override.note or _DEFAULT_WORKING_NOTE)
        if d in days_off:
            return DayInfo(d, DayKind.HOLIDAY, days_off[d])
        if d in workdays:
            return DayInfo(d, DayKind.WORKING_SATURDAY, workdays[d])
        kind = DayKind.WEEKEND if weekend else DayKind.WORKING
        return DayInfo(d, kind, _WEEKDAY_NAMES[d.weekday()])
