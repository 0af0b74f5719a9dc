"""Report arithmetic: the official periods, each dossier's cell, the late step, the rates."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from motcua_desktop.domain.dossier import Handover
from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.events import GENESIS_HASH, EventType, seal
from motcua_desktop.domain.report_late import overrun_step
from motcua_desktop.domain.report_periods import (
    PeriodKind,
    custom_period,
    month_of,
    months_of_year,
    official_period,
)
from motcua_desktop.domain.reports import Cell, Counts, Origin, Outcome, Timeline, classify

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def t(day: int, month: int, hour: int = 9, minute: int = 0, year: int = 2025) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


# ---- periods -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "year", "index", "start", "end"),
    [
        ("month", 2025, 1, date(2024, 12, 15), date(2025, 1, 14)),
        ("month", 2025, 3, date(2025, 2, 15), date(2025, 3, 14)),
        ("month", 2025, 12, date(2025, 11, 15), date(2025, 12, 14)),
        ("quarter", 2025, 1, date(2024, 12, 15), date(2025, 3, 14)),
        ("quarter", 2025, 2, date(2025, 3, 15), date(2025, 6, 14)),
        ("quarter", 2025, 4, date(2025, 9, 15), date(2025, 12, 14)),
        ("half", 2025, None, date(2024, 12, 15), date(2025, 6, 14)),
        ("nine", 2025, None, date(2024, 12, 15), date(2025, 9, 14)),
        ("year", 2025, None, date(2024, 12, 15), date(2025, 12, 14)),
    ],
)
def test_official_periods_cut_on_the_fourteenth(kind, year, index, start, end):
    period = official_period(kind, year, index)
    assert (period.start, period.end) == (start, end)


def test_period_labels_and_bounds():
    q2 = official_period("quarter", 2025, 2)
    assert q2.label_vi == "Quý II năm 2025 (từ ngày 15/03/2025 đến ngày 14/06/2025)"
    assert official_period("year", 2025).label_vi.startswith("Năm 2025 (từ ngày 15/12/2024")
    assert custom_period(date(2025, 3, 1), date(2025, 3, 31)).label_vi == (
        "Từ ngày 01/03/2025 đến ngày 31/03/2025"
    )
    start, end = q2.bounds(TZ)
    assert (start, end) == (t(15, 3, 0), t(15, 6, 0))


def test_months_follow_each_other_without_gap():
    months = months_of_year(2026)
    assert months[0].start == date(2025, 12, 15) and months[-1].end == date(2026, 12, 14)
    for before, after in zip(months, months[1:], strict=False):
        assert before.following() == after
        assert after.start == before.end + timedelta(days=1)
    assert months[-1].following() == official_period("month", 2027, 1)
    assert month_of(date(2025, 3, 14)).index == 3 and month_of(date(2025, 3, 15)).index == 4
    assert month_of(date(2025, 12, 20)) == official_period("month", 2026, 1)
    assert official_period("quarter", 2025, 4).following() == official_period("quarter", 2026, 1)
    week = custom_period(date(2025, 3, 3), date(2025, 3, 9))
    assert week.following() == custom_period(date(2025, 3, 10), date(2025, 3, 16))


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        (("week", 2025, 1), "report.period_kind", "period"),
        (("month", 2025, 13), "report.period_index", "index"),
        (("quarter", 2025, None), "report.period_index", "index"),
        (("year", 1999, None), "report.period_year", "year"),
    ],
)
def test_bad_periods_are_named(args, code, field):
    with pytest.raises(ValidationError) as caught:
        official_period(*args)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_custom_period_from_after_to_is_refused():
    with pytest.raises(ValidationError) as caught:
        custom_period(date(2025, 3, 10), date(2025, 3, 9))
    assert caught.value.code == "report.order"
    assert "10/03/2025" in caught.value.message and "09/03/2025" in caught.value.message
    assert official_period(PeriodKind.MONTH, 2025, 3).days == 28


# ---- one dossier's cell ----------------------------------------------------------------------

MARCH = official_period("month", 2025, 3)  # 15/02 – 14/03/2025


def cell(timeline: Timeline, period=MARCH) -> Cell | None:
    start, end = period.bounds(TZ)
    return classify(timeline, start, end, TZ)


def line(**kw) -> Timeline:
    received = kw.pop("received", t(3, 3))
    appointment = kw.pop("appointment", t(6, 3, 17))
    return Timeline(
        code="X", channel=kw.pop("channel", "direct"), received_at=received,
        appointments=((received, appointment),), **kw,
    )  # fmt: skip


def test_early_on_time_late_compare_days_and_the_appointment():
    # appointment Thu 06/03 17:00: Wed 05/03 is early, Thu 16:59 on time, Thu 17:01 late
    assert cell(line(resolved_at=t(5, 3, 16))).outcome is Outcome.EARLY
    assert cell(line(resolved_at=t(6, 3, 8))).outcome is Outcome.ON_TIME
    assert cell(line(resolved_at=t(6, 3, 17))).outcome is Outcome.ON_TIME
    assert cell(line(resolved_at=t(6, 3, 17, 1))).outcome is Outcome.LATE


def test_refusals_at_the_counter_and_later_dossiers_play_no_part():
    assert cell(Timeline(code="F")) is None  # refused at the counter: never received
    assert cell(line(received=t(15, 3, 0))) is None  # the first instant after the period
    assert cell(line(received=t(1, 2), resolved_at=t(14, 2, 23, 59))) is None  # done before


def test_carried_over_and_channels():
    assert cell(line(received=t(14, 2, 23, 59))).origin is Origin.CARRIED
    assert cell(line(received=t(15, 2, 0))).origin is Origin.DIRECT
    assert cell(line(channel="online")).origin is Origin.ONLINE
    assert cell(line(channel="postal")).origin is Origin.POSTAL
    assert cell(line(channel="")).origin is Origin.DIRECT


def test_pending_at_the_end_within_time_or_overdue():
    assert cell(line(appointment=t(14, 3, 17))).outcome is Outcome.OVERDUE
    assert cell(line(appointment=t(15, 3, 0))).outcome is Outcome.WITHIN
    resolved_after = line(resolved_at=t(15, 3, 0), appointment=t(15, 3, 17))
    assert cell(resolved_after).outcome is Outcome.WITHIN
    assert cell(line(resolved_at=t(15, 3, 0))).outcome is Outcome.OVERDUE  # past 06/03 at the end


def test_supplements_stop_the_clock_and_restart_it():
    received, appointment = t(3, 3), t(6, 3, 17)
    asked_in_time = Timeline(
        code="D", received_at=received, appointments=((received, appointment),),
        waits=((t(5, 3), None),),
    )  # fmt: skip
    waiting = cell(asked_in_time)
    assert (waiting.outcome, waiting.waiting) == (Outcome.WITHIN, True)
    asked_late = Timeline(
        code="D2", received_at=received, appointments=((received, appointment),),
        waits=((t(7, 3), None),),
    )  # fmt: skip
    assert (cell(asked_late).outcome, cell(asked_late).waiting) == (Outcome.OVERDUE, True)
    # complete on 12/03: the clock restarts, new appointment 17/03 17:00; resolved 16/03 is early
    restarted = Timeline(
        code="D3", received_at=received,
        appointments=((received, appointment), (t(12, 3), t(17, 3, 17))),
        waits=((t(5, 3), t(12, 3)),), resolved_at=t(16, 3),
    )  # fmt: skip
    assert cell(restarted) == Cell(Origin.DIRECT, Outcome.WITHIN)  # March: pending, not waiting
    april = official_period("month", 2025, 4)
    assert cell(restarted, april).outcome is Outcome.EARLY
    assert restarted.appointment_at(t(12, 3)) == appointment  # the restart counts from after


def test_withdrawn_and_stopped_count_when_they_happen():
    assert cell(line(closed_at=t(10, 3), closed_as="withdrawn")).outcome is Outcome.WITHDRAWN
    assert cell(line(closed_at=t(10, 3), closed_as="stopped")).outcome is Outcome.STOPPED
    later = cell(line(closed_at=t(20, 3), closed_as="stopped", appointment=t(20, 3, 17)))
    assert later.outcome is Outcome.WITHIN


def test_timeline_from_events_keeps_the_appointment_history_and_ignores_the_apology():
    heads: dict[str, tuple[int, str]] = {}

    def ev(when, etype, **data):
        seq, prev = heads.get("n", (0, GENESIS_HASH))
        event = seal(node="n", seq=seq + 1, prev=prev, at=when, actor="u", dossier="X",
                     type=etype, data=data)  # fmt: skip
        heads["n"] = (seq + 1, event.hash)
        return event

    events = [
        ev(t(3, 3), EventType.RECEIVED, appointment=t(6, 3, 17).isoformat(), channel="postal",
           field="Hộ tịch", payment="online",
           components=[{"name": "a", "digitised": True}, {"name": "b"}]),
        ev(t(4, 3), EventType.SUPPLEMENT_REQUESTED, items=[{"name": "b"}]),
        ev(t(10, 3), EventType.SUPPLEMENT_RECEIVED, appointment=t(13, 3, 17).isoformat()),
        ev(t(13, 3, 9), EventType.APOLOGY_ISSUED, new_appointment=t(18, 3, 17).isoformat()),
        ev(t(14, 3), EventType.RESULT_READY, digitised=True),
        ev(t(14, 3, 10), EventType.RESULT_READY),  # twice: ignored by the fold
        ev(t(15, 3), EventType.RETURNED),
        ev(t(15, 3, 1), EventType.SATISFACTION_RECORDED, level="unsatisfied"),
    ]  # fmt: skip
    timeline = Timeline.from_events(reversed(events))  # any arrival order
    assert timeline.appointments == ((t(3, 3), t(6, 3, 17)), (t(10, 3), t(13, 3, 17)))
    assert timeline.waits == ((t(4, 3), t(10, 3)),)
    assert (timeline.components, timeline.components_digitised, timeline.payment) == (
        2,
        1,
        "online",
    )
    got = cell(timeline)
    # resolved 14/03 after the restarted appointment 13/03 17:00: late, whatever the apology said
    assert got == Cell(Origin.POSTAL, Outcome.LATE, False, "unsatisfied", "digitised", "online")


# ---- the late step ---------------------------------------------------------------------------


def hand(when, unit, due=None):
    return Handover(at=when, from_user="a", from_unit="", to_user=unit.lower(), to_unit=unit,
                    step_due=due)  # fmt: skip


def test_overrun_step_is_the_first_step_past_its_own_due_time():
    steps = [hand(t(3, 3, 10), "Tư pháp", due=t(4, 3, 17)), hand(t(5, 3, 9), "Lãnh đạo")]
    found = overrun_step(steps, received_at=t(3, 3), received_unit="Một cửa", received_by="c",
                         appointment=t(6, 3, 17), until=t(7, 3))  # fmt: skip
    assert (found.step, found.unit, found.reason) == (1, "Tư pháp", "step_due")
    assert found.ended == t(5, 3, 9)


def test_overrun_step_else_the_holder_when_the_appointment_passed():
    steps = [hand(t(3, 3, 10), "Tư pháp"), hand(t(5, 3, 9), "Lãnh đạo"), hand(t(8, 3), "Một cửa")]
    found = overrun_step(steps, received_at=t(3, 3), received_unit="Một cửa", received_by="c",
                         appointment=t(6, 3, 17), until=t(7, 3))  # fmt: skip
    # the hand-over of 08/03 is after the end: ignored; the leader held the file on 06/03 17:00
    assert (found.step, found.unit, found.reason, found.ended) == (
        2,
        "Lãnh đạo",
        "appointment",
        None,
    )
    none = overrun_step([], received_at=t(3, 3), received_unit="Một cửa", received_by="c",
                        appointment=t(6, 3, 17), until=t(7, 3))  # fmt: skip
    assert (none.step, none.unit, none.user) == (0, "Một cửa", "c")


# ---- rows and rates --------------------------------------------------------------------------


def test_late_rate_is_late_over_resolved_with_two_decimals():
    counts = Counts()
    counts.add(Cell(Origin.DIRECT, Outcome.LATE, result="paper"), 8)
    counts.add(
        Cell(Origin.CARRIED, Outcome.EARLY, satisfaction="satisfied", result="digitised"), 175
    )
    row = counts.to_dict()
    # "trễ hạn 8 hồ sơ, chiếm 4,37%": 8 / 183 = 4.3715…%
    assert (row["resolved"], row["late_rate"], row["on_time_rate"]) == (183, 4.37, 95.63)
    assert (row["results"], row["results_digitised_rate"]) == (183, 95.63)
    assert (row["satisfied"], row["satisfaction_unknown"]) == (175, 8)
    assert Counts().to_dict()["late_rate"] is None
