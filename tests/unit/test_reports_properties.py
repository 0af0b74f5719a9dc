"""Properties of the report for any generated history: the counts always add up, periods chain."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal
from motcua_desktop.domain.report_periods import custom_period, official_period
from motcua_desktop.domain.reports import GroupBy, Timeline, build_report

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
BASE = datetime(2025, 1, 1, 7, 0, tzinfo=TZ)
FIELDS = ("Hộ tịch", "Chứng thực", "Đất đai")
UNITS = ("Tư pháp", "Địa chính")
LATER_ACTS = (
    EventType.HANDED_OVER, EventType.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_RECEIVED,
    EventType.REFUSED, EventType.RESULT_READY, EventType.RETURNED, EventType.APOLOGY_ISSUED,
    EventType.WITHDRAWN, EventType.STOPPED, EventType.SATISFACTION_RECORDED,
)  # fmt: skip

act = st.tuples(st.sampled_from(LATER_ACTS), st.integers(1, 60 * 24 * 12), st.integers(0, 15))
dossier = st.fixed_dictionaries(
    {
        "refused_at_counter": st.integers(0, 9).map(lambda n: n == 0),
        "minute": st.integers(0, 60 * 24 * 150),
        "days": st.integers(0, 20),
        "channel": st.sampled_from(("direct", "online", "postal", "")),
        "field": st.sampled_from(FIELDS),
        "unit": st.sampled_from(UNITS),
        "procedure": st.sampled_from(("1.1", "1.2", "2.1")),
        "digitised": st.lists(st.booleans(), max_size=3),
        "payment": st.sampled_from(("", "online", "cash")),
        "acts": st.lists(act, max_size=8),
    }
)


def events_of(index: int, spec: dict) -> list[Event]:
    code = f"X-{index:03d}"
    seq, prev = 0, GENESIS_HASH
    out = []

    def add(when: datetime, etype: EventType, data: dict) -> None:
        nonlocal seq, prev
        event = seal(node="n", seq=seq + 1, prev=prev, at=when, actor="u", dossier=code,
                     type=etype, data=data)  # fmt: skip
        seq, prev = seq + 1, event.hash
        out.append(event)

    received = BASE + timedelta(minutes=spec["minute"])
    base = {"field": spec["field"], "procedure_code": spec["procedure"], "channel": spec["channel"]}
    if spec["refused_at_counter"]:
        add(received, EventType.REFUSED, {**base, "reason": "x"})
        return out
    add(received, EventType.RECEIVED, {
        **base, "responsible_unit": spec["unit"], "payment": spec["payment"],
        "appointment": (received + timedelta(days=spec["days"], hours=3)).isoformat(),
        "components": [{"name": str(i), "digitised": d} for i, d in enumerate(spec["digitised"])],
    })  # fmt: skip
    when = received
    for etype, minutes, days in spec["acts"]:
        when = when + timedelta(minutes=minutes)
        data: dict = {}
        if etype is EventType.SUPPLEMENT_RECEIVED:
            data["appointment"] = (when + timedelta(days=days)).isoformat()
        elif etype is EventType.APOLOGY_ISSUED:
            data["new_appointment"] = (when + timedelta(days=days)).isoformat()
        elif etype is EventType.RESULT_READY:
            data["digitised"] = days % 2 == 0
        elif etype is EventType.SATISFACTION_RECORDED:
            data["level"] = ("very_satisfied", "satisfied", "unsatisfied", "")[days % 4]
        elif etype is EventType.HANDED_OVER:
            data = {"to_unit": spec["unit"], "to_user": "o"}
        elif etype is EventType.REFUSED:
            data["reason"] = "không đủ điều kiện"
        add(when, etype, data)
    return out


histories = st.lists(dossier, min_size=1, max_size=14).map(
    lambda specs: [Timeline.from_events(events_of(i, s)) for i, s in enumerate(specs)]
)
periods = st.one_of(
    st.builds(lambda m: official_period("month", 2025, m), st.integers(1, 6)),
    st.builds(
        lambda start, days: custom_period(start, start + timedelta(days=days)),
        st.dates(date(2024, 12, 20), date(2025, 6, 30)),
        st.integers(0, 60),
    ),
)


def check_row(row: dict) -> None:
    assert row["carried"] + row["new"] == (
        row["resolved"] + row["pending"] + row["withdrawn"] + row["stopped"]
    )
    assert (
        row["received"]
        == row["carried"] + row["new_online"] + row["new_direct"] + row["new_postal"]
    )
    assert row["resolved"] == row["early"] + row["on_time"] + row["late"]
    assert row["pending"] == row["within"] + row["overdue"]
    assert 0 <= row["waiting"] <= row["pending"]
    satisfaction = ("very_satisfied", "satisfied", "unsatisfied", "satisfaction_unknown")
    assert sum(row[k] for k in satisfaction) == row["resolved"]
    assert row["results_digitised"] <= row["results"] <= row["resolved"]
    assert row["intake_digitised"] <= row["new"]
    assert row["payments_online"] <= row["payments_recorded"] <= row["new"]


@settings(max_examples=150, deadline=None)
@given(histories, periods, st.sampled_from(list(GroupBy)))
def test_counts_add_up_in_every_row_and_in_total(timelines, period, by):
    report = build_report(timelines, period, TZ, by).to_dict()
    for row in report["rows"]:
        check_row(row)
    check_row(report["total"])
    for name, value in report["total"].items():
        if isinstance(value, int):
            assert value == sum(r[name] for r in report["rows"])


@settings(max_examples=150, deadline=None)
@given(histories, periods, st.sampled_from(list(GroupBy)))
def test_pending_at_the_end_is_carried_over_into_the_next_period(timelines, period, by):
    this = build_report(timelines, period, TZ, by)
    following = build_report(timelines, period.following(), TZ, by)
    assert this.total.pending == following.total.carried
    pending = {r.key: r.counts.pending for r in this.rows if r.counts.pending}
    carried = {r.key: r.counts.carried for r in following.rows if r.counts.carried}
    assert pending == carried


@settings(max_examples=60, deadline=None)
@given(st.lists(dossier, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_the_timeline_does_not_depend_on_arrival_order(specs, rng):
    for index, spec in enumerate(specs):
        events = events_of(index, spec)
        shuffled = list(events)
        rng.shuffle(shuffled)
        assert Timeline.from_events(shuffled) == Timeline.from_events(events)
