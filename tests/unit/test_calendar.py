"""Tests for the working-day calendar: holidays, make-up days, overrides and deadlines."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desktop.domain.calendar import (
    VN_TZ,
    CalendarOverride,
    DayKind,
    OfficeHours,
    OverrideKind,
    WorkingCalendar,
)
from motcua_desktop.domain.durations import Duration
from motcua_desktop.domain.errors import ValidationError

# Shared across tests (and Hypothesis examples) so the per-year cache is exercised warm.
CAL = WorkingCalendar()

DAYS = Duration.days
HOURS = Duration.hours
SAME = Duration.same_day()


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    """An aware Vietnam-time datetime, the form every deadline is returned in."""
    return datetime(y, m, d, hh, mm, ss, tzinfo=VN_TZ)


# Package data the tests rely on: checked against holidays 0.109 (see REGULATIONS.md).


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        # Tết 2025: 29 Tết to Mùng bốn, Mon 27/1 – Sat 1/2.
        (date(2025, 1, 24), DayKind.WORKING),
        *[(date(2025, 1, d), DayKind.HOLIDAY) for d in range(27, 32)],
        (date(2025, 2, 1), DayKind.HOLIDAY),
        (date(2025, 2, 2), DayKind.WEEKEND),
        (date(2025, 2, 3), DayKind.WORKING),
        # Tết 2026: official days Mon 16/2 – Fri 20/2.
        (date(2026, 2, 13), DayKind.WORKING),
        *[(date(2026, 2, d), DayKind.HOLIDAY) for d in range(16, 21)],
        (date(2026, 2, 23), DayKind.WORKING),
        # 2025 swap: work Saturday 26/4, rest Friday 2/5.
        (date(2025, 4, 26), DayKind.WORKING_SATURDAY),
        (date(2025, 5, 2), DayKind.HOLIDAY),
        # 2026 swap: work Saturday 22/8, rest Monday 31/8 (then Quốc khánh 1–2/9).
        (date(2026, 8, 22), DayKind.WORKING_SATURDAY),
        (date(2026, 8, 31), DayKind.HOLIDAY),
        (date(2026, 9, 1), DayKind.HOLIDAY),
        (date(2026, 9, 2), DayKind.HOLIDAY),
        # Hùng Kings 2026 falls on Sunday 26/4 -> Monday 27/4 off.
        (date(2026, 4, 26), DayKind.HOLIDAY),
        (date(2026, 4, 27), DayKind.HOLIDAY),
        (date(2026, 4, 28), DayKind.WORKING),
        # Vietnam Cultural Day, new from 2026.
        (date(2026, 11, 24), DayKind.HOLIDAY),
        (date(2025, 11, 24), DayKind.WORKING),
        (date(2025, 3, 8), DayKind.WEEKEND),
    ],
)
def test_day_kinds(day: date, kind: DayKind) -> None:
    assert CAL.day_info(day).kind is kind
    assert CAL.is_working_day(day) is (kind in (DayKind.WORKING, DayKind.WORKING_SATURDAY))


def test_day_names_are_vietnamese_nfc() -> None:
    assert CAL.day_info(date(2025, 1, 29)).name == "Tết Nguyên Đán"
    assert CAL.day_info(date(2026, 11, 24)).name == "Ngày Văn hóa Việt Nam"
    assert CAL.day_info(date(2026, 4, 27)).name == "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"
    assert CAL.day_info(date(2025, 4, 26)).name == "Thứ Bảy làm bù cho ngày 02/05/2025"
    assert CAL.day_info(date(2025, 3, 3)).name == "Thứ Hai"
    assert CAL.day_info(date(2025, 3, 9)).name == "Chủ nhật"
    names = [i.name for y in (2024, 2025, 2026) for i in CAL.year_days_off(y)]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_year_lists() -> None:
    off_2025 = [i.day for i in CAL.year_days_off(2025)]
    assert off_2025 == [
        date(2025, 1, 1),
        *[date(2025, 1, d) for d in range(27, 32)],
        date(2025, 2, 1),  # a Saturday, still listed
        date(2025, 4, 7),
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2025, 5, 2),
        date(2025, 9, 1),
        date(2025, 9, 2),
    ]
    assert [i.day for i in CAL.year_working_saturdays(2025)] == [date(2025, 4, 26)]
    assert [i.day for i in CAL.year_working_saturdays(2026)] == [date(2026, 8, 22)]
    assert [i.day for i in CAL.year_working_saturdays(2024)] == [date(2024, 5, 4)]


def test_swap_across_new_year_is_known() -> None:
    # 27/12/2014 was worked for 2/1/2015; the package only records it while building 2015.
    assert CAL.day_info(date(2014, 12, 27)).kind is DayKind.WORKING_SATURDAY
    assert CAL.day_info(date(2015, 1, 2)).kind is DayKind.HOLIDAY


# Working days


@pytest.mark.parametrize(
    ("received", "n", "expected"),
    [
        # Fri before Tết 2025: 27/1–2/2 off -> Mon 3/2 (1), Tue 4/2 (2), Wed 5/2 (3).
        (vn(2025, 1, 24, 9), 3, vn(2025, 2, 5, 17)),
        (vn(2025, 1, 24, 9), 1, vn(2025, 2, 3, 17)),
        # Received during Tết (a holiday): counting still starts the next day.
        (vn(2025, 1, 29, 10), 1, vn(2025, 2, 3, 17)),
        # Fri before Tết 2026: 16–20/2 off -> Mon 23/2 (1) ... Fri 27/2 (5).
        (vn(2026, 2, 13, 9), 1, vn(2026, 2, 23, 17)),
        (vn(2026, 2, 13, 9), 5, vn(2026, 2, 27, 17)),
        # Sat 26/4/2025 counts; 30/4, 1/5, 2/5 and the weekend do not.
        (vn(2025, 4, 25, 10), 1, vn(2025, 4, 26, 17)),
        (vn(2025, 4, 25, 10), 2, vn(2025, 4, 28, 17)),
        (vn(2025, 4, 25, 10), 4, vn(2025, 5, 5, 17)),
        # Sat 22/8/2026 counts; 31/8, 1/9, 2/9 do not.
        (vn(2026, 8, 21, 10), 1, vn(2026, 8, 22, 17)),
        (vn(2026, 8, 28, 10), 1, vn(2026, 9, 3, 17)),
        # Hùng Kings on Sunday 26/4/2026 -> Mon 27/4 off; 30/4 and 1/5 are Thu, Fri.
        (vn(2026, 4, 24, 10), 1, vn(2026, 4, 28, 17)),
        (vn(2026, 4, 24, 10), 3, vn(2026, 5, 4, 17)),
        # 24/11/2026 (Tuesday) is off.
        (vn(2026, 11, 23, 10), 1, vn(2026, 11, 25, 17)),
        # Across New Year: 31/12/2025 Wed, 1/1/2026 off -> Fri 2/1.
        (vn(2025, 12, 31, 8), 1, vn(2026, 1, 2, 17)),
        # Received after office hours changes nothing: the day after still counts first.
        (vn(2025, 3, 3, 20), 1, vn(2025, 3, 4, 17)),
    ],
)
def test_working_days_due(received: datetime, n: int, expected: datetime) -> None:
    assert CAL.due(received, DAYS(n)) == expected


def test_add_and_count_working_days() -> None:
    assert CAL.add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    assert CAL.working_days_between(date(2025, 1, 24), date(2025, 2, 5)) == 3
    assert CAL.working_days_between(date(2025, 2, 5), date(2025, 1, 24)) == -3
    assert CAL.working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0
    # 2025: 261 weekdays - 12 weekday days off (1/1, 27–31/1, 7/4, 30/4, 1/5, 2/5, 1–2/9)
    # + Sat 26/4 = 250.
    assert CAL.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 250
    assert CAL.next_working_day(date(2025, 1, 25)) == date(2025, 2, 3)
    assert CAL.next_working_day(date(2025, 3, 3), inclusive=True) == date(2025, 3, 3)
    assert CAL.next_working_day(date(2025, 3, 3)) == date(2025, 3, 4)
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2025, 3, 3), 0)


@given(
    start=st.dates(date(2024, 1, 1), date(2027, 12, 31)),
    n=st.integers(1, 400),
)
def test_count_inverts_add(start: date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(start, end - timedelta(days=1)) == n - 1


# Same day with the 15:00 cut-off


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (vn(2025, 3, 5, 14, 59), vn(2025, 3, 5, 17)),
        (vn(2025, 3, 5, 15, 0), vn(2025, 3, 5, 17)),
        (vn(2025, 3, 5, 15, 0, 59), vn(2025, 3, 5, 17)),  # the slip says 15:00
        (vn(2025, 3, 5, 15, 1), vn(2025, 3, 6, 17)),
        (vn(2025, 3, 5, 7, 0), vn(2025, 3, 5, 17)),  # before opening
        (vn(2025, 3, 5, 12, 0), vn(2025, 3, 5, 17)),  # lunch break
        (vn(2025, 3, 7, 15, 30), vn(2025, 3, 10, 17)),  # Friday after cut-off -> Monday
        (vn(2025, 3, 8, 9, 0), vn(2025, 3, 10, 17)),  # Saturday -> Monday
        (vn(2025, 1, 24, 15, 1), vn(2025, 2, 3, 17)),  # before Tết 2025
        (vn(2025, 1, 24, 15, 0), vn(2025, 1, 24, 17)),
        (vn(2025, 4, 25, 16, 0), vn(2025, 4, 26, 17)),  # -> make-up Saturday
        (vn(2025, 4, 29, 15, 1), vn(2025, 5, 5, 17)),  # before 30/4–2/5
    ],
)
def test_same_day_cutoff(received: datetime, expected: datetime) -> None:
    assert CAL.due(received, SAME) == expected


def test_same_day_custom_cutoff_never_before_receipt() -> None:
    late = Duration.same_day(time(17, 30))
    assert CAL.due(vn(2025, 3, 5, 16, 0), late) == vn(2025, 3, 5, 17)
    assert CAL.due(vn(2025, 3, 5, 17, 0), late) == vn(2025, 3, 5, 17)
    assert CAL.due(vn(2025, 3, 5, 17, 15), late) == vn(2025, 3, 6, 17)
    assert CAL.due(vn(2025, 3, 5, 12, 0), Duration.same_day(time(11, 0))) == vn(2025, 3, 6, 17)


# Working hours (default 07:30–11:30, 13:30–17:00 = 7.5 h a day)


@pytest.mark.parametrize(
    ("received", "n", "expected"),
    [
        (vn(2025, 3, 3, 8, 0), 2, vn(2025, 3, 3, 10, 0)),
        # Across lunch: 10:30–11:30 (1 h) + 13:30–14:30.
        (vn(2025, 3, 3, 10, 30), 2, vn(2025, 3, 3, 14, 30)),
        # Ends exactly at a period end: 11:30, not 13:30.
        (vn(2025, 3, 3, 10, 30), 1, vn(2025, 3, 3, 11, 30)),
        (vn(2025, 3, 3, 7, 30), 4, vn(2025, 3, 3, 11, 30)),
        # A full day from opening ends at closing, not the next morning.
        (vn(2025, 1, 6, 7, 30), 15, vn(2025, 1, 7, 17, 0)),
        # Received at lunch or before opening: the clock starts at the next period.
        (vn(2025, 3, 3, 12, 0), 1, vn(2025, 3, 3, 14, 30)),
        (vn(2025, 3, 3, 6, 0), 1, vn(2025, 3, 3, 8, 30)),
        # Across the night: Mon 16:00–17:00 (1 h), Tue 4 h morning + 3 h -> 16:30.
        (vn(2025, 3, 3, 16, 0), 8, vn(2025, 3, 4, 16, 30)),
        # Received at closing time: nothing left that day.
        (vn(2025, 3, 3, 17, 0), 1, vn(2025, 3, 4, 8, 30)),
        (vn(2025, 3, 3, 20, 0), 8, vn(2025, 3, 5, 8, 0)),
        # Across a weekend: Fri 16:00–17:00, Mon 07:30–08:30.
        (vn(2025, 3, 7, 16, 0), 2, vn(2025, 3, 10, 8, 30)),
        (vn(2025, 3, 8, 10, 0), 1, vn(2025, 3, 10, 8, 30)),  # received on Saturday
        # Across Tết 2025: Fri 24/1 16:00 (1 h), then Mon 3/2 7 h -> 16:30.
        (vn(2025, 1, 24, 16, 0), 8, vn(2025, 2, 3, 16, 30)),
        # 40 h from Mon 07:30 = 5 × 7.5 h (Mon–Fri) + 2.5 h next Monday -> 10:00.
        (vn(2025, 3, 3, 7, 30), 40, vn(2025, 3, 10, 10, 0)),
        # Seconds survive: 10:00:30 + 1 h.
        (vn(2025, 3, 3, 10, 0, 30), 1, vn(2025, 3, 3, 11, 0, 30)),
    ],
)
def test_working_hours_due(received: datetime, n: int, expected: datetime) -> None:
    assert CAL.due(received, HOURS(n)) == expected


def test_custom_office_hours() -> None:
    hours = OfficeHours(((time(8, 0), time(12, 0)), (time(13, 0), time(17, 0))))
    cal = WorkingCalendar(hours=hours)
    assert hours.opening == time(8, 0) and hours.closing == time(17, 0)
    assert hours.hours_per_day == 8.0
    assert OfficeHours().hours_per_day == 7.5
    # Mon 16:00 (1 h) + Tue 7 h: 8–12 (4 h), 13–16 (3 h).
    assert cal.due(vn(2025, 3, 3, 16), HOURS(8)) == vn(2025, 3, 4, 16)
    assert cal.due(vn(2025, 3, 3, 16), DAYS(1)) == vn(2025, 3, 4, 17)


# Time zones


def test_aware_input_in_utc_is_converted() -> None:
    # Fri 24/01/2025 08:30 UTC = 15:30 in Vietnam: after the cut-off, Tết follows.
    received = datetime(2025, 1, 24, 8, 30, tzinfo=UTC)
    assert CAL.due(received, SAME) == vn(2025, 2, 3, 17)
    # Sun 02/03/2025 20:00 UTC is already Mon 03/03 03:00 in Vietnam.
    sunday_utc = datetime(2025, 3, 2, 20, 0, tzinfo=UTC)
    assert CAL.due(sunday_utc, DAYS(1)) == vn(2025, 3, 4, 17)
    assert CAL.due(sunday_utc, SAME) == vn(2025, 3, 3, 17)
    # Mon 03/03 02:00 UTC = 09:00 local; + 1 office hour = 10:00 local.
    due = CAL.due(datetime(2025, 3, 3, 2, 0, tzinfo=UTC), HOURS(1))
    assert due == vn(2025, 3, 3, 10) and due.tzinfo is VN_TZ
    assert CAL.is_working_time(datetime(2025, 3, 3, 2, 0, tzinfo=UTC))
    assert not CAL.is_working_time(datetime(2025, 3, 3, 2, 0))  # naive = 02:00 local


def test_naive_input_is_local_and_output_aware() -> None:
    due = CAL.due(datetime(2025, 1, 24, 9), DAYS(3))
    assert due == vn(2025, 2, 5, 17)
    assert due.tzinfo is VN_TZ
    other = timezone(timedelta(hours=9))
    assert CAL.due(datetime(2025, 3, 3, 11, tzinfo=other), SAME) == vn(2025, 3, 3, 17)


def test_is_working_time_edges() -> None:
    assert CAL.is_working_time(vn(2025, 3, 3, 7, 30))
    assert CAL.is_working_time(vn(2025, 3, 3, 11, 30))
    assert not CAL.is_working_time(vn(2025, 3, 3, 11, 31))
    assert CAL.is_working_time(vn(2025, 3, 3, 17, 0))
    assert not CAL.is_working_time(vn(2025, 3, 3, 17, 0, 1))
    assert not CAL.is_working_time(vn(2025, 1, 29, 9))  # Tết
    assert CAL.is_working_time(vn(2025, 4, 26, 9))  # make-up Saturday


# Overrides


def test_override_adds_a_day_off() -> None:
    cal = WorkingCalendar([CalendarOverride(date(2025, 3, 4), OverrideKind.DAY_OFF, "Bầu cử")])
    info = cal.day_info(date(2025, 3, 4))
    assert (info.kind, info.name) == (DayKind.OVERRIDE_OFF, "Bầu cử")
    assert cal.due(vn(2025, 3, 3, 9), DAYS(1)) == vn(2025, 3, 5, 17)
    assert cal.due(vn(2025, 3, 3, 16), HOURS(2)) == vn(2025, 3, 5, 8, 30)
    assert [i.day for i in cal.year_days_off(2025)].count(date(2025, 3, 4)) == 1
    # The shared calendar is untouched.
    assert CAL.is_working_day(date(2025, 3, 4))


def test_override_adds_a_working_saturday() -> None:
    saturday = date(2027, 2, 20)
    cal = WorkingCalendar([CalendarOverride(saturday, OverrideKind.WORKING_DAY)])
    assert cal.day_info(saturday).kind is DayKind.WORKING_SATURDAY
    assert cal.day_info(saturday).name == "Ngày làm việc theo thông báo"
    assert [i.day for i in cal.year_working_saturdays(2027)] == [saturday]
    assert cal.due(vn(2027, 2, 19, 15, 30), SAME) == vn(2027, 2, 20, 17)
    assert CAL.due(vn(2027, 2, 19, 15, 30), SAME) == vn(2027, 2, 22, 17)


def test_override_removes_a_holiday() -> None:
    # The office works on 29 Tết 2025 (Mon 27/1): it becomes the first day counted.
    cal = WorkingCalendar([CalendarOverride(date(2025, 1, 27), "working_day", "Trực Tết")])
    assert cal.day_info(date(2025, 1, 27)).kind is DayKind.WORKING
    assert cal.due(vn(2025, 1, 24, 9), DAYS(1)) == vn(2025, 1, 27, 17)
    assert cal.due(vn(2025, 1, 24, 9), DAYS(2)) == vn(2025, 2, 3, 17)
    assert date(2025, 1, 27) not in [i.day for i in cal.year_days_off(2025)]


def test_override_can_cancel_a_make_up_saturday() -> None:
    cal = WorkingCalendar([CalendarOverride(date(2025, 4, 26), OverrideKind.DAY_OFF)])
    assert cal.day_info(date(2025, 4, 26)).kind is DayKind.OVERRIDE_OFF
    assert cal.year_working_saturdays(2025) == []


def test_invalid_overrides_rejected() -> None:
    with pytest.raises(ValidationError) as err:
        CalendarOverride(date(2025, 1, 1), "holiday")  # type: ignore[arg-type]
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        CalendarOverride(datetime(2025, 1, 1, 8), OverrideKind.DAY_OFF)
    assert err.value.field == "day"
    twice = [CalendarOverride(date(2025, 5, 3), k) for k in OverrideKind]
    with pytest.raises(ValidationError) as err:
        WorkingCalendar(twice)
    assert err.value.field == "overrides" and "03/05/2025" in err.value.message


# Office hours validation


@pytest.mark.parametrize(
    "periods",
    [
        (),
        ((time(11, 0), time(8, 0)),),
        ((time(8, 0), time(8, 0)),),
        ((time(13, 0), time(17, 0)), (time(8, 0), time(12, 0))),  # unsorted
        ((time(8, 0), time(12, 0)), (time(11, 0), time(17, 0))),  # overlapping
        ((time(8, 0, tzinfo=UTC), time(12, 0)),),
        ((time(8, 0),),),
        (("08:00", "12:00"),),
    ],
)
def test_invalid_office_hours_rejected(periods: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(ValidationError) as err:
        OfficeHours(periods)
    assert err.value.field == "office_hours"
    assert err.value.message.startswith("trường «office_hours»: ")


def test_touching_periods_are_allowed() -> None:
    hours = OfficeHours(((time(8, 0), time(12, 0)), (time(12, 0), time(16, 0))))
    assert WorkingCalendar(hours=hours).due(vn(2025, 3, 3, 11), HOURS(2)) == vn(2025, 3, 3, 13)


# Invariants


received_moments = st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31, 23, 59, 59))
durations = st.one_of(
    st.integers(1, 40).map(Duration.days),
    st.integers(1, 40).map(Duration.hours),
    st.times(time(8, 0), time(17, 0)).map(lambda t: Duration.same_day(t.replace(microsecond=0))),
)


@settings(max_examples=300)
@given(received=received_moments, duration=durations, aware=st.booleans())
def test_due_invariants(received: datetime, duration: Duration, aware: bool) -> None:
    if aware:
        received = received.replace(tzinfo=UTC)
    due = CAL.due(received, duration)
    assert due.tzinfo is VN_TZ
    assert CAL.is_working_time(due)
    assert due >= (received if aware else received.replace(tzinfo=VN_TZ))
    # Deterministic, and independent of what the cache held before.
    assert CAL.due(received, duration) == due
    assert WorkingCalendar().due(received, duration) == due
